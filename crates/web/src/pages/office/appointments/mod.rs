//! Appointments in the back office: a centre's day (`agenda`), booking on
//! someone's behalf (`booking`), the services a centre offers (`services`)
//! and its access rules and patron days (`rules`).

pub mod agenda;
pub mod booking;
pub mod rules;
pub mod services;
