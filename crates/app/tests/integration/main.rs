//! The integration tests of `sportello-app`, one binary: each module
//! is one subject.

mod booking_ics_props;
mod booking_mail;
mod posters_fit;
mod sms_texts;
