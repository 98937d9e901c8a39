//! The integration tests of `sportello-cli`, one binary: each module
//! is one subject; `common` is what they share.

mod api_fuzz;
mod backup;
mod commands;
mod common;
mod crash;
mod generate;
mod import;
mod keys;
mod logs;
mod metrics;
mod nginx;
mod print;
mod report;
mod scale_out;
mod search_bench;
mod shutdown;
mod sms_gateway;
mod upgrade;
mod user;
