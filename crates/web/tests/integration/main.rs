//! The integration tests of `sportello-web`, one binary: each module
//! is one subject; `common` is what they share.

mod admin;
mod api;
mod api_tokens;
mod appointments_api;
mod appointments_pages;
mod appointments_refusals;
mod booking_layer;
mod booking_links;
mod booking_race;
mod bounded_input;
mod common;
mod crawlers;
mod csrf;
mod employers;
mod feeds;
mod hardening;
mod limiter;
mod machine_translation;
mod markup;
mod need_to_know;
mod newsletter;
mod newsletter_mail;
mod newsletter_sending;
mod office;
mod office_appointments;
mod office_posts;
mod office_print;
mod operator_api;
mod pages;
mod parallel_attacks;
mod permissions;
mod posters;
mod reports;
mod second_factor;
mod virtual_boards;
