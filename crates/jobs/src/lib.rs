//! Background work of Sportello that is queued in the database, so that any
//! node may do it: the e-mail and text-message outboxes. Messages are stored
//! by the storage layer in the same transaction as what caused them; here
//! e-mails are built ([`message`]) and delivered ([`outbox`]) through SMTP or
//! recorded ([`transport`]), and text messages go to Kannel or are recorded
//! ([`sms`], [`kannel`]). Both share one delivery loop (`worker`).
//! Delivery is at-least-once: see [`outbox`].

pub mod kannel;
pub mod message;
pub mod outbox;
pub mod pace;
pub mod sms;
pub mod transport;
mod worker;

pub use kannel::{SmsConfigError, SmsTransport};
pub use lettre::message::Mailbox;
pub use message::{BuildError, build_message, message_id};
pub use outbox::{
    DeliveryReport, Schedule, Stop, deliver_batch, deliver_once, deliver_paced, deliver_until, retry_delay,
    spawn_outbox_worker,
};
pub use pace::{Pace, parse_rate};
pub use sms::{deliver_sms_until, spawn_sms_worker};
pub use transport::{MailConfigError, MailTransport, SmtpSecurity, SmtpUrl, parse_mailbox};
