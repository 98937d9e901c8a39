//! Signing in to the back office (`sign_in`) and the user's own account
//! (`account`: second factor, API tokens).

pub mod account;
pub mod sign_in;
