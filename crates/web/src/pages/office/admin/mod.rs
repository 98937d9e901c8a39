//! What only administrators do: users and their grants (`users`), the
//! centres and the board sections' texts (`centres`), and the audit log
//! (`audit`).

pub mod audit;
pub mod centres;
pub mod users;
