//! The integration tests of `sportello-storage`, one binary: each module
//! is one subject; what they share is in `sportello-testkit`.

mod api_tokens;
mod appointments;
mod backoffice;
mod events;
mod holders;
mod limiter;
mod newsletter;
mod outbox;
mod outreach;
mod reports;
mod sealed;
mod search_feed;
mod story;
