//! What only administrators do: users and their grants (`users`; the
//! Collocamento Mirato grants' second approval in `mirato_grants`), the
//! centres and the board sections' texts (`centres`), and the audit log
//! (`audit`).

pub mod audit;
pub mod centres;
pub mod mirato_grants;
pub mod users;
