//! The integration tests of `sportello-demo`, one binary: each module
//! is one subject.

mod load;
mod search_relevance;
