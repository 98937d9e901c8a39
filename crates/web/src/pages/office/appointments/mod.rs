//! Appointments in the back office: a centre's day (`agenda`), booking on
//! someone's behalf (`booking`), part-day closures and the appointments
//! they leave to move (`closures`), moving a booking to another time
//! (`move_booking`), the services a centre offers (`services`),
//! its access rules and patron days (`rules`) and its outreach points with
//! their stops (`outreach`) and the patron days of the towns they visit
//! (`towns`).

pub mod agenda;
pub mod booking;
pub mod closures;
pub mod move_booking;
pub mod outreach;
pub mod rules;
pub mod services;
pub mod towns;
