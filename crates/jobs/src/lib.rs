//! Background work of Sportello that is queued in the database, so that any
//! node may do it: for now the e-mail outbox. Messages are stored by the
//! storage layer in the same transaction as what caused them; here they are
//! turned into e-mails ([`message`]) and delivered ([`outbox`]) through SMTP
//! or recorded ([`transport`]). Delivery is at-least-once: see [`outbox`].

pub mod message;
pub mod outbox;
pub mod pace;
pub mod transport;

pub use lettre::message::Mailbox;
pub use message::{BuildError, build_message, message_id};
pub use outbox::{
    DeliveryReport, Schedule, Stop, deliver_batch, deliver_once, deliver_paced, deliver_until, retry_delay,
    spawn_outbox_worker,
};
pub use pace::{Pace, parse_rate};
pub use transport::{MailConfigError, MailTransport, SmtpSecurity, SmtpUrl, parse_mailbox};
