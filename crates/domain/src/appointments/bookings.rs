//! A person's appointment for a service of a centre: who, when, how, and what
//! they need to be served well (an interpreter, wheelchair access, Italian Sign
//! Language). Citizens book without an account: the booking reference names
//! the booking, and a signed link lets its holder move or cancel it.
//! [`RawBooking::validate`] checks the booking form's fields.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::appointments::services::{Modality, ServiceId};
use crate::vocab::{SpokenLanguage, Vocabulary};
use crate::{CentreId, CodiceFiscale, Email, FieldError, FieldProblem, Lang, Phone, UserId};

/// Longest accepted values, in characters.
pub const MAX_PERSON_NAME: usize = 100;
pub const MAX_OTHER_NEEDS: usize = 500;

/// Characters of booking references: no 0/O, 1/I/L, so that they can be read
/// out on the phone.
const REF_ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const REF_LEN: usize = 8;

/// Database identifier of a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct BookingId(pub i64);

/// A booking's reference, e.g. `P-7K3M-9QXA`: what people quote on the phone.
/// It names a booking but grants nothing; changes need the signed link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct BookingRef(String);

impl BookingRef {
    /// A reference made from random bytes (one per character).
    pub fn from_random(bytes: [u8; REF_LEN]) -> BookingRef {
        BookingRef(random_reference('P', bytes))
    }

    /// Reads a reference as typed: case and spaces do not matter.
    pub fn parse(input: &str) -> Option<BookingRef> {
        parse_reference('P', input).map(BookingRef)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for BookingRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A reference such as `P-7K3M-9QXA` (`prefix`, then two groups of four)
/// made from random bytes, one per character.
pub(crate) fn random_reference(prefix: char, bytes: [u8; REF_LEN]) -> String {
    let chars: String = bytes
        .iter()
        .map(|b| REF_ALPHABET[usize::from(*b) % REF_ALPHABET.len()] as char)
        .collect();
    format!("{prefix}-{}-{}", &chars[..4], &chars[4..])
}

/// A reference of [`random_reference`]'s form as typed (case and spaces do
/// not matter), cleaned; `None` when it is not one with `prefix`.
pub(crate) fn parse_reference(prefix: char, input: &str) -> Option<String> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let body = cleaned.strip_prefix(prefix)?.strip_prefix('-')?;
    let (a, b) = body.split_once('-')?;
    let valid = |part: &str| part.len() == REF_LEN / 2 && part.bytes().all(|c| REF_ALPHABET.contains(&c));
    (valid(a) && valid(b)).then_some(cleaned)
}

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Booked,
    Cancelled,
    Attended,
    NoShow,
}

impl BookingStatus {
    pub const ALL: [BookingStatus; 4] = [
        BookingStatus::Booked,
        BookingStatus::Cancelled,
        BookingStatus::Attended,
        BookingStatus::NoShow,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BookingStatus::Booked => "booked",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::Attended => "attended",
            BookingStatus::NoShow => "no_show",
        }
    }

    pub fn parse(code: &str) -> Option<BookingStatus> {
        BookingStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a person needs to be served well.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Needs {
    /// An interpreter for this language (ISO 639-1 code of the vocabulary).
    pub interpreter: Option<SpokenLanguage>,
    pub wheelchair: bool,
    /// Italian Sign Language (LIS).
    pub sign_language: bool,
    /// Anything else, in the person's words.
    pub other: String,
}

impl Needs {
    pub fn is_empty(&self) -> bool {
        self.interpreter.is_none() && !self.wheelchair && !self.sign_language && self.other.is_empty()
    }
}

/// The person an appointment is for. At least one way to reach them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub codice_fiscale: Option<CodiceFiscale>,
    /// The language the person uses with us: pages, e-mails, reminders.
    pub lang: Lang,
    /// Texts (SMS) about the appointment go to the phone number: always when
    /// a mobile number is the only contact, by choice when an e-mail
    /// address is given too; never to an Italian landline.
    pub sms: bool,
}

impl Person {
    /// The e-mail address as text ("" when none).
    pub fn email_text(&self) -> String {
        self.email.as_ref().map(|e| e.as_str().to_string()).unwrap_or_default()
    }

    /// The phone number as text ("" when none).
    pub fn phone_text(&self) -> String {
        self.phone.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default()
    }
}

/// A checked booking form, before a seat is taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BookingRequest {
    pub service: ServiceId,
    pub modality: Modality,
    pub start: DateTime<Utc>,
    pub person: Person,
    pub needs: Needs,
}

/// A booking as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Booking {
    pub id: BookingId,
    pub reference: BookingRef,
    pub centre: CentreId,
    pub service: ServiceId,
    /// The outreach point where it is held; none: the centre's own office.
    pub point: Option<crate::OutreachPointId>,
    pub modality: Modality,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: BookingStatus,
    pub person: Person,
    pub needs: Needs,
    /// The meeting address of a video interview.
    pub video_url: Option<String>,
    /// Raised by every move or cancellation (the `.ics` SEQUENCE).
    pub sequence: u32,
    /// The operator who booked on the person's behalf.
    pub booked_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The booking form as typed (public page, back office, API).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawBooking {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub codice_fiscale: String,
    /// Empty: no interpreter.
    pub interpreter: String,
    pub wheelchair: bool,
    pub sign_language: bool,
    pub other_needs: String,
    /// Texts as well as e-mail (the box is offered when both are given).
    pub sms: bool,
}

impl RawBooking {
    /// Checks the person's fields; the slot is checked against the calendar
    /// by the caller (see [`crate::appointments::slots::Calendar::check_slot`]).
    pub fn validate(&self, lang: Lang) -> Result<(Person, Needs), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, problem| {
            errors.push(FieldError {
                field: field.into(),
                problem,
            })
        };
        let name = self.name.trim();
        if name.is_empty() {
            fail("name", FieldProblem::Required);
        } else if name.chars().count() > MAX_PERSON_NAME {
            fail("name", FieldProblem::TooLong { max: MAX_PERSON_NAME });
        } else if name.chars().any(char::is_control) {
            fail("name", FieldProblem::Unknown);
        }
        let email = match self.email.trim() {
            "" => None,
            text => match Email::parse(text) {
                Ok(email) => Some(email),
                Err(_) => {
                    fail("email", FieldProblem::BadEmail);
                    None
                }
            },
        };
        let phone = match self.phone.trim() {
            "" => None,
            text => match Phone::parse(text) {
                Ok(phone) => Some(phone),
                Err(_) => {
                    fail("phone", FieldProblem::BadPhone);
                    None
                }
            },
        };
        if self.email.trim().is_empty() && self.phone.trim().is_empty() {
            fail("email", FieldProblem::ContactNeeded);
        }
        let codice_fiscale = match self.codice_fiscale.trim() {
            "" => None,
            text => match CodiceFiscale::parse(text) {
                Ok(cf) => Some(cf),
                Err(_) => {
                    fail("codice_fiscale", FieldProblem::BadCodiceFiscale);
                    None
                }
            },
        };
        let interpreter = match self.interpreter.trim() {
            "" => None,
            code => {
                let language = SpokenLanguage::parse(code);
                if language.is_none() {
                    fail("interpreter", FieldProblem::Unknown);
                }
                language
            }
        };
        let other = self.other_needs.trim().replace("\r\n", "\n");
        if other.chars().count() > MAX_OTHER_NEEDS {
            fail("other_needs", FieldProblem::TooLong { max: MAX_OTHER_NEEDS });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let sms = phone
            .as_ref()
            .is_some_and(|p| p.can_receive_sms() && (email.is_none() || self.sms));
        Ok((
            Person {
                name: name.to_string(),
                email,
                phone,
                codice_fiscale,
                lang,
                sms,
            },
            Needs {
                interpreter,
                wheelchair: self.wheelchair,
                sign_language: self.sign_language,
                other,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawBooking {
        RawBooking {
            name: "  Amina Diallo ".into(),
            email: "Amina.Diallo@Example.org".into(),
            phone: "+39 333 123 4567".into(),
            codice_fiscale: "rssmra85t10a562s".into(),
            interpreter: "fr".into(),
            wheelchair: true,
            ..RawBooking::default()
        }
    }

    #[test]
    fn a_filled_form_becomes_a_person_and_needs() {
        let (person, needs) = raw().validate(Lang::Fr).unwrap();
        assert_eq!(person.name, "Amina Diallo");
        assert_eq!(person.email.unwrap().as_str(), "amina.diallo@example.org");
        assert_eq!(person.phone.unwrap().as_str(), "+393331234567");
        assert_eq!(person.codice_fiscale.unwrap().as_str(), "RSSMRA85T10A562S");
        assert_eq!(needs.interpreter, SpokenLanguage::parse("fr"));
        assert!(needs.wheelchair && !needs.sign_language);
    }

    #[test]
    fn one_way_to_reach_the_person_is_enough() {
        let only_phone = RawBooking {
            email: String::new(),
            ..raw()
        };
        assert!(only_phone.validate(Lang::It).is_ok());
        let neither = RawBooking {
            email: " ".into(),
            phone: String::new(),
            ..raw()
        };
        let errors = neither.validate(Lang::It).unwrap_err();
        assert_eq!(errors[0].field, "email");
        assert_eq!(errors[0].problem, FieldProblem::ContactNeeded);
    }

    #[test]
    fn texts_go_to_mobiles_given_alone_or_asked_for() {
        let sms = |email: &str, phone: &str, asked: bool| {
            let form = RawBooking {
                email: email.into(),
                phone: phone.into(),
                sms: asked,
                ..raw()
            };
            form.validate(Lang::It).unwrap().0.sms
        };
        assert!(sms("", "333 123 4567", false), "a mobile alone gets texts");
        assert!(
            !sms("a@example.org", "333 123 4567", false),
            "e-mail given: texts only if asked"
        );
        assert!(sms("a@example.org", "333 123 4567", true));
        assert!(!sms("", "0832 123456", true), "never to an Italian landline");
        assert!(!sms("a@example.org", "", true), "no number, no texts");
    }

    #[test]
    fn each_wrong_field_is_named() {
        let form = RawBooking {
            name: String::new(),
            email: "amina@".into(),
            phone: "call me".into(),
            codice_fiscale: "RSSMRA85T10A562X".into(),
            interpreter: "klingon".into(),
            other_needs: "x".repeat(MAX_OTHER_NEEDS + 1),
            ..raw()
        };
        let errors = form.validate(Lang::En).unwrap_err();
        let found: Vec<(&str, FieldProblem)> = errors.iter().map(|e| (e.field.as_str(), e.problem)).collect();
        assert_eq!(
            found,
            [
                ("name", FieldProblem::Required),
                ("email", FieldProblem::BadEmail),
                ("phone", FieldProblem::BadPhone),
                ("codice_fiscale", FieldProblem::BadCodiceFiscale),
                ("interpreter", FieldProblem::Unknown),
                ("other_needs", FieldProblem::TooLong { max: MAX_OTHER_NEEDS }),
            ]
        );
    }

    #[test]
    fn references_are_readable_and_parsed_back() {
        let reference = BookingRef::from_random([0, 1, 2, 3, 30, 31, 200, 255]);
        assert_eq!(reference.as_str().len(), 11);
        assert_eq!(
            BookingRef::parse(&reference.as_str().to_lowercase()),
            Some(reference.clone())
        );
        assert_eq!(BookingRef::parse(" p-2345 - 6789 ").unwrap().as_str(), "P-2345-6789");
        assert_eq!(BookingRef::parse("P-2345-678O"), None, "O is not in the alphabet");
        assert_eq!(BookingRef::parse("P-2345"), None);
        assert_eq!(BookingRef::parse("X-2345-6789"), None);
    }
}
