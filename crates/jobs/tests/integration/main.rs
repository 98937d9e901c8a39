//! The integration tests of `sportello-jobs`, one binary: each module
//! is one subject.

mod outbox;
