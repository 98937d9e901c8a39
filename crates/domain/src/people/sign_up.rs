//! The sign-up form as typed ([`RawSignUp`]) and what it becomes once
//! checked ([`SignUp`]): a name, one contact, a birth date that makes the
//! person [`MIN_AGE`](super::MIN_AGE) or older, the language, and perhaps a
//! password (its policy is checked by the caller with the bundled list of
//! common passwords; without one the person signs in with one-time links or
//! codes).

use chrono::NaiveDate;

use super::{Contact, ContactError, MIN_AGE, age_on};
use crate::{FieldError, FieldProblem, Lang};

/// The longest name kept.
pub const NAME_MAX: usize = 120;
/// The longest password read (Argon2id takes any length; a bound keeps
/// hashing cheap).
pub const PASSWORD_MAX: usize = 256;

/// The sign-up form's fields as typed.
#[derive(Debug, Clone, Default)]
pub struct RawSignUp {
    pub name: String,
    /// An e-mail address or a mobile number.
    pub contact: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// Empty: no password.
    pub password: String,
}

/// A sign-up whose fields are valid.
#[derive(Clone, PartialEq, Eq)]
pub struct SignUp {
    pub name: String,
    pub contact: Contact,
    pub birth_date: NaiveDate,
    pub lang: Lang,
    pub password: Option<String>,
}

impl std::fmt::Debug for SignUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignUp")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// The field error of a contact that cannot be used.
pub fn contact_problem(error: ContactError) -> FieldProblem {
    match error {
        ContactError::Empty => FieldProblem::Required,
        ContactError::BadEmail => FieldProblem::BadEmail,
        ContactError::BadPhone => FieldProblem::BadPhone,
        ContactError::Landline => FieldProblem::NotMobile,
    }
}

/// Reads a birth date: a real day, after 1900, not after `today`.
pub fn birth_date(text: &str, today: NaiveDate) -> Result<NaiveDate, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldProblem::Required);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| FieldProblem::NotADate)?;
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    if date > today || date < earliest {
        return Err(FieldProblem::ImpossibleBirthDate);
    }
    if age_on(date, today) < MIN_AGE {
        return Err(FieldProblem::TooYoung { min_age: MIN_AGE });
    }
    Ok(date)
}

impl RawSignUp {
    /// Checks every field on `today` (Europe/Rome), in the page's `lang`.
    pub fn parse(&self, lang: Lang, today: NaiveDate) -> Result<SignUp, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, problem| {
            errors.push(FieldError {
                field: field.into(),
                problem,
            })
        };
        let name = self.name.trim().to_string();
        if name.is_empty() {
            fail("name", FieldProblem::Required);
        } else if name.chars().count() > NAME_MAX {
            fail("name", FieldProblem::TooLong { max: NAME_MAX });
        } else if name.chars().any(char::is_control) {
            fail("name", FieldProblem::Unknown);
        }
        let contact = Contact::parse(&self.contact)
            .map_err(|e| fail("contact", contact_problem(e)))
            .ok();
        let birth = birth_date(&self.birth_date, today)
            .map_err(|p| fail("birth_date", p))
            .ok();
        if self.password.chars().count() > PASSWORD_MAX {
            fail("password", FieldProblem::TooLong { max: PASSWORD_MAX });
        }
        match (contact, birth) {
            (Some(contact), Some(birth_date)) if errors.is_empty() => Ok(SignUp {
                name,
                contact,
                birth_date,
                lang,
                password: (!self.password.is_empty()).then(|| self.password.clone()),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
    }

    fn raw() -> RawSignUp {
        RawSignUp {
            name: "Ada Rossi".into(),
            contact: "ada@example.org".into(),
            birth_date: "1990-04-01".into(),
            password: String::new(),
        }
    }

    fn problems(raw: &RawSignUp) -> Vec<(String, FieldProblem)> {
        raw.parse(Lang::Fr, today())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn a_valid_sign_up_without_password() {
        let s = raw().parse(Lang::Fr, today()).unwrap();
        assert_eq!(s.name, "Ada Rossi");
        assert_eq!(s.lang, Lang::Fr);
        assert_eq!(s.password, None);
        assert_eq!(s.birth_date, NaiveDate::from_ymd_opt(1990, 4, 1).unwrap());
    }

    #[test]
    fn sixteen_today_may_sign_up_fifteen_may_not() {
        let mut r = raw();
        r.birth_date = "2010-12-08".into();
        assert!(r.parse(Lang::It, today()).is_ok());
        r.birth_date = "2010-12-09".into();
        assert_eq!(
            problems(&r),
            vec![("birth_date".into(), FieldProblem::TooYoung { min_age: 16 })]
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let r = RawSignUp {
            name: " ".into(),
            contact: "0832 123456".into(),
            birth_date: "2026-02-30".into(),
            password: "x".repeat(PASSWORD_MAX + 1),
        };
        assert_eq!(
            problems(&r),
            vec![
                ("name".into(), FieldProblem::Required),
                ("contact".into(), FieldProblem::NotMobile),
                ("birth_date".into(), FieldProblem::NotADate),
                ("password".into(), FieldProblem::TooLong { max: PASSWORD_MAX }),
            ]
        );
        for impossible in ["2027-01-01", "1899-12-31"] {
            assert_eq!(birth_date(impossible, today()), Err(FieldProblem::ImpossibleBirthDate));
        }
    }
}
