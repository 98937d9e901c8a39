//! Appointments in the back office: a centre's day (`agenda`), booking on
//! someone's behalf (`booking`), the services a centre offers (`services`),
//! its access rules and patron days (`rules`) and its outreach points with
//! their stops (`outreach`).

pub mod agenda;
pub mod booking;
pub mod outreach;
pub mod rules;
pub mod services;
