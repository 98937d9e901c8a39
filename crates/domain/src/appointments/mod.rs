//! Appointments: a centre's services (`services`: kinds, modalities,
//! capacity, booking window), the slots its calendar allows (`slots`: from
//! opening hours, closures, national holidays and patron days in
//! `holidays`, and the part-day closures of a centre or a service in
//! `part_closures`), and the bookings people make (`bookings`).

pub mod bookings;
pub mod holidays;
pub mod part_closures;
pub mod services;
pub mod slots;
