//! The integration tests of `sportello-print`, one binary: each module
//! is one subject.

mod pdf;
