//! Signing in to the back office (`sign_in`) and the user's own account
//! (`account`: second factor, API tokens; `confirm`: the password asked
//! again before changing them).

pub mod account;
pub mod confirm;
pub mod sign_in;
