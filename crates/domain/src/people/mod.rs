//! Citizen accounts (`Person` in the glossary; `PersonAccount` here, since
//! [`crate::Person`] is the person's part of a booking): who may sign up
//! (16 or older, [`sign_up`]), the contact an account is reached at (an
//! e-mail address or a mobile number, [`Contact`]), and the one-time
//! challenges that confirm a contact or sign someone in — a link by e-mail
//! or a six-digit code by text ([`ChallengePurpose`]) — and the structured
//! CV ([`cv`], its form [`cv_form`]). Audit rows and logs
//! name a person by their [`PersonId`] only, never by a contact.

pub mod cv;
pub mod cv_form;
pub mod sign_up;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::{Email, Lang, Phone};

/// A citizen account's id: the opaque id audit rows name people by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PersonId(pub i64);

impl std::fmt::Display for PersonId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The youngest age at which a person may have an account.
pub const MIN_AGE: u32 = 16;

/// Full years from `birth` to `today` (0 for a date after today).
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    if birth > today {
        return 0;
    }
    let mut years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// A citizen account as the pages see it (no secrets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonAccount {
    pub id: PersonId,
    pub name: String,
    /// Confirmed e-mail address, if any.
    pub email: Option<Email>,
    /// Confirmed mobile number, if any.
    pub phone: Option<Phone>,
    pub birth_date: NaiveDate,
    /// The language of the person's pages, mails and texts.
    pub lang: Lang,
    /// Whether the person set a password (else they sign in with one-time
    /// links or codes only).
    pub has_password: bool,
    /// Whether signing in also asks for a TOTP code.
    pub second_factor: bool,
    pub created_at: DateTime<Utc>,
    pub last_active_at: DateTime<Utc>,
}

impl PersonAccount {
    /// Where one-time links and codes go: the e-mail address first.
    pub fn contact(&self) -> Contact {
        match (&self.email, &self.phone) {
            (Some(e), _) => Contact::Email(e.clone()),
            (None, Some(p)) => Contact::Phone(p.clone()),
            // The schema refuses an account without either.
            (None, None) => unreachable!("an account has an e-mail address or a phone number"),
        }
    }
}

/// How a person is reached: by e-mail or by text to a mobile number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Contact {
    Email(Email),
    Phone(Phone),
}

/// Why a text is neither an e-mail address nor a mobile number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("give an e-mail address or a mobile number")]
    Empty,
    #[error("this is not an e-mail address")]
    BadEmail,
    #[error("this is not a phone number")]
    BadPhone,
    #[error("an Italian landline cannot receive the code: give a mobile number")]
    Landline,
}

impl ContactError {
    /// The identifier of the translated message.
    pub fn message_id(self) -> &'static str {
        match self {
            ContactError::Empty => "person-contact-empty",
            ContactError::BadEmail => "person-contact-bad-email",
            ContactError::BadPhone => "person-contact-bad-phone",
            ContactError::Landline => "person-contact-landline",
        }
    }
}

impl Contact {
    /// Reads one field that takes either: with an `@` an e-mail address,
    /// else a phone number that can receive texts.
    pub fn parse(input: &str) -> Result<Contact, ContactError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ContactError::Empty);
        }
        if input.contains('@') {
            return Email::parse(input)
                .map(Contact::Email)
                .map_err(|_| ContactError::BadEmail);
        }
        let phone = Phone::parse(input).map_err(|_| ContactError::BadPhone)?;
        if !phone.can_receive_sms() {
            return Err(ContactError::Landline);
        }
        Ok(Contact::Phone(phone))
    }

    /// The address or number, as stored (lower-case e-mail, E.164 number).
    pub fn as_str(&self) -> &str {
        match self {
            Contact::Email(e) => e.as_str(),
            Contact::Phone(p) => p.as_str(),
        }
    }

    pub fn is_phone(&self) -> bool {
        matches!(self, Contact::Phone(_))
    }
}

/// What a one-time challenge (a link by e-mail, a code by text) is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ChallengePurpose {
    /// Confirms the contact of a new account, then creates it.
    SignUp,
    /// Signs in without a password.
    SignIn,
    /// Sets a new password.
    Reset,
    /// Confirms a new e-mail address of an account.
    ChangeEmail,
    /// Confirms a new mobile number of an account.
    ChangePhone,
}

impl ChallengePurpose {
    pub const ALL: [ChallengePurpose; 5] = [
        ChallengePurpose::SignUp,
        ChallengePurpose::SignIn,
        ChallengePurpose::Reset,
        ChallengePurpose::ChangeEmail,
        ChallengePurpose::ChangePhone,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ChallengePurpose::SignUp => "sign_up",
            ChallengePurpose::SignIn => "sign_in",
            ChallengePurpose::Reset => "reset",
            ChallengePurpose::ChangeEmail => "change_email",
            ChallengePurpose::ChangePhone => "change_phone",
        }
    }

    pub fn parse(code: &str) -> Option<ChallengePurpose> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// How long its link or code works: signing in briefly, confirming a
    /// contact for a day (the mail may be read later).
    pub fn lifetime(self) -> Duration {
        match self {
            ChallengePurpose::SignIn => Duration::minutes(15),
            ChallengePurpose::Reset => Duration::hours(1),
            ChallengePurpose::ChangePhone => Duration::minutes(30),
            ChallengePurpose::SignUp | ChallengePurpose::ChangeEmail => Duration::hours(24),
        }
    }
}

/// Wrong codes a challenge takes before it stops working: with six digits,
/// a guess succeeds at most 5 times in a million.
pub const CODE_ATTEMPTS: u32 = 5;

/// Whether `code` looks like a code we send: six digits (spaces and
/// dashes the person typed are ignored). Returns the digits.
pub fn normalize_code(code: &str) -> Option<String> {
    let digits: String = code.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn age_counts_full_years() {
        assert_eq!(age_on(date(2010, 12, 8), date(2026, 12, 8)), 16);
        assert_eq!(age_on(date(2010, 12, 9), date(2026, 12, 8)), 15);
        // Born on 29 February: a year older on 1 March in common years.
        assert_eq!(age_on(date(2008, 2, 29), date(2024, 2, 28)), 15);
        assert_eq!(age_on(date(2008, 2, 29), date(2024, 2, 29)), 16);
        assert_eq!(age_on(date(2008, 2, 29), date(2025, 3, 1)), 17);
        assert_eq!(age_on(date(2030, 1, 1), date(2026, 12, 8)), 0);
    }

    #[test]
    fn contacts_are_an_address_or_a_mobile_number() {
        assert_eq!(
            Contact::parse(" Ada@Example.org ").unwrap(),
            Contact::Email(Email::parse("ada@example.org").unwrap())
        );
        let phone = Contact::parse("333 123 4567").unwrap();
        assert!(phone.is_phone());
        assert_eq!(phone.as_str(), "+393331234567");
        assert_eq!(Contact::parse("+49 151 2345678").unwrap().as_str(), "+491512345678");
        assert_eq!(Contact::parse(""), Err(ContactError::Empty));
        assert_eq!(Contact::parse("ada@"), Err(ContactError::BadEmail));
        assert_eq!(Contact::parse("call me"), Err(ContactError::BadPhone));
        assert_eq!(Contact::parse("0832 123456"), Err(ContactError::Landline));
    }

    #[test]
    fn purposes_round_trip() {
        for p in ChallengePurpose::ALL {
            assert_eq!(ChallengePurpose::parse(p.code()), Some(p));
        }
        assert_eq!(ChallengePurpose::parse("other"), None);
    }

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(normalize_code("123 456").as_deref(), Some("123456"));
        assert_eq!(normalize_code("123-456").as_deref(), Some("123456"));
        assert_eq!(normalize_code("12345"), None);
        assert_eq!(normalize_code("12345a"), None);
        assert_eq!(normalize_code("١٢٣٤٥٦"), None);
    }
}
