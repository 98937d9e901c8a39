//! What one change tells one person, through each channel they gave: an
//! e-mail, a text message, or both. Storage queues both in the same
//! transaction as the change.

use crate::{OutgoingMail, OutgoingSms};

/// The messages about one change for one person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notification {
    pub mail: Option<OutgoingMail>,
    pub sms: Option<OutgoingSms>,
}

impl Notification {
    /// Nothing to send.
    pub const NONE: Notification = Notification { mail: None, sms: None };

    /// Only an e-mail (or nothing).
    pub fn mail(mail: Option<OutgoingMail>) -> Notification {
        Notification { mail, sms: None }
    }

    pub fn is_empty(&self) -> bool {
        self.mail.is_none() && self.sms.is_none()
    }
}
