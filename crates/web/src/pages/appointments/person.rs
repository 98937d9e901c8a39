//! The person's part of the booking form and of a group meeting's
//! registration form (`templates/appointments/person_fields.html`): what was
//! typed, shown again with the errors, and read as the domain's
//! [`RawBooking`]; and the form's attempt value, its idempotency key.

use serde::Serialize;
use sportello_domain::RawBooking;

use crate::extract::FormFields;

/// The person's fields as typed.
#[derive(Debug, Default, Serialize)]
pub struct TypedPerson {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Asked on the booking form only.
    pub codice_fiscale: String,
    pub interpreter: String,
    pub wheelchair: bool,
    pub sign_language: bool,
    pub other_needs: String,
    /// Texts as well as e-mail.
    pub sms: bool,
}

impl TypedPerson {
    pub fn from_form(form: &FormFields) -> TypedPerson {
        TypedPerson {
            name: form.get("name"),
            email: form.get("email"),
            phone: form.get("phone"),
            codice_fiscale: form.get("codice_fiscale"),
            interpreter: form.get("interpreter"),
            wheelchair: form.checked("wheelchair"),
            sign_language: form.checked("sign_language"),
            other_needs: form.get("other_needs"),
            sms: form.checked("sms"),
        }
    }

    pub fn raw(&self) -> RawBooking {
        RawBooking {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            codice_fiscale: self.codice_fiscale.clone(),
            interpreter: self.interpreter.clone(),
            wheelchair: self.wheelchair,
            sign_language: self.sign_language,
            other_needs: self.other_needs.clone(),
            sms: self.sms,
        }
    }
}

/// A form's attempt value (a random value per form shown: the request's
/// idempotency key, so that a second click or a reload of the POST acts
/// once), when it is one we could have made.
pub fn attempt_key(value: &str) -> Option<&str> {
    let value = value.trim();
    (value.len() == 32 && value.bytes().all(|b| b.is_ascii_hexdigit())).then_some(value)
}

/// The attempt value for a form shown again: the one typed if valid, else
/// a new one.
pub fn attempt_for(typed: &str) -> String {
    attempt_key(typed)
        .map(str::to_string)
        .unwrap_or_else(|| sportello_auth::hex(&sportello_auth::random_bytes::<16>()))
}
