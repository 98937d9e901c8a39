//! Offers in the back office: the lists and lifecycle (`list`), the offer
//! form (`form`), translations (`translations`), the printed board (`print`)
//! and ready-to-paste posts for social networks (`posts`).

pub mod form;
pub mod list;
pub mod posts;
pub mod print;
pub mod translations;
