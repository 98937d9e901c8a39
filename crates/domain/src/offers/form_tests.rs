use super::*;
use crate::offers::fields::offer_changes;
use crate::{Area, CentreId, NewCentre};

fn centres() -> Vec<Centre> {
    vec![Centre {
        id: CentreId(7),
        data: NewCentre {
            slug: "lecce".into(),
            prefix: "LE".into(),
            name: "CPI Lecce".into(),
            town: "Lecce".into(),
            address: String::new(),
            postcode: String::new(),
            province: "LE".into(),
            region: "Puglia".into(),
            phone: String::new(),
            email: String::new(),
            area: Area {
                slug: "lecce".into(),
                name: "Lecce".into(),
            },
            hours: vec![],
            closures: Vec::new(),
        },
    }]
}

fn today() -> NaiveDate {
    "2026-11-26".parse().unwrap()
}

fn good() -> RawOffer {
    RawOffer {
        centre: "lecce".into(),
        section: "ordinary".into(),
        occupation: "5131".into(),
        title: "Cameriere di sala".into(),
        description: "Servizio ai tavoli.\r\nTurni serali.".into(),
        how_to_apply: "Inviare il CV al centro.".into(),
        employer_name: "Hotel Riviera".into(),
        employer_hidden: true,
        town: "Gallipoli".into(),
        postcode: "73014".into(),
        region: "LE".into(),
        country: String::new(),
        remote: false,
        contract: "seasonal".into(),
        working_time: "full_time".into(),
        hours_per_week: "40".into(),
        openings: "3".into(),
        education: "none".into(),
        licence: String::new(),
        experience_months: "6".into(),
        salary_min: "1400".into(),
        salary_max: "1600".into(),
        valid_through: "2026-12-31".into(),
        languages: vec![
            RawLanguage {
                language: "en".into(),
                level: "B1".into(),
            },
            RawLanguage::default(),
        ],
    }
}

fn problems(raw: &RawOffer) -> Vec<(String, FieldProblem)> {
    raw.validate(&centres(), today())
        .unwrap_err()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn a_complete_offer_becomes_a_draft_with_an_original_italian_text() {
    let offer = good().validate(&centres(), today()).unwrap();
    assert_eq!(offer.centre, CentreId(7));
    assert_eq!(offer.place.country, "IT");
    assert_eq!(offer.text_status(Lang::It), TextStatus::Original);
    assert_eq!(
        offer.text(Lang::It).unwrap().description,
        "Servizio ai tavoli.\nTurni serali."
    );
    assert_eq!(offer.salary, Some(Salary { min: 1400, max: 1600 }));
    assert_eq!(offer.requirements.languages.len(), 1);
    assert_eq!(
        RawOffer::from_offer(&offer, &centres()).validate(&centres(), today()),
        Ok(offer)
    );
}

#[test]
fn every_wrong_field_is_reported_at_once() {
    let mut raw = good();
    raw.centre = "atlantis".into();
    raw.section = "secret".into();
    raw.occupation = "9999".into();
    raw.title = "  ".into();
    raw.description = "x".repeat(MAX_DESCRIPTION + 1);
    raw.contract = "forever".into();
    raw.openings = "many".into();
    raw.hours_per_week = "90".into();
    raw.salary_min = "2000".into();
    raw.valid_through = "31/12/2026".into();
    let found = problems(&raw);
    let expect = [
        ("centre", FieldProblem::Unknown),
        ("section", FieldProblem::Unknown),
        ("occupation", FieldProblem::Unknown),
        ("title", FieldProblem::Required),
        ("description", FieldProblem::TooLong { max: MAX_DESCRIPTION }),
        ("contract", FieldProblem::Unknown),
        ("openings", FieldProblem::NotANumber),
        ("hours_per_week", FieldProblem::OutOfRange { min: 1, max: 60 }),
        ("salary_max", FieldProblem::SalaryOrder),
        ("valid_through", FieldProblem::NotADate),
    ];
    for (field, problem) in expect {
        assert!(
            found.contains(&(field.to_string(), problem)),
            "{field} {problem:?} in {found:?}"
        );
    }
    assert_eq!(found.len(), expect.len(), "{found:?}");
}

#[test]
fn dates_must_be_between_today_and_a_year_ahead() {
    let mut raw = good();
    raw.valid_through = "2026-11-25".into();
    assert_eq!(
        problems(&raw),
        vec![("valid_through".to_string(), FieldProblem::DateInPast)]
    );
    raw.valid_through = "2026-11-26".into();
    assert!(raw.validate(&centres(), today()).is_ok());
    raw.valid_through = "2028-01-01".into();
    assert_eq!(
        problems(&raw),
        vec![(
            "valid_through".to_string(),
            FieldProblem::DateTooFar {
                max_days: MAX_DAYS_OPEN
            }
        )]
    );
}

#[test]
fn salary_needs_both_ends_and_numbers_are_in_range() {
    let mut raw = good();
    raw.salary_max = String::new();
    assert_eq!(
        problems(&raw),
        vec![("salary_max".to_string(), FieldProblem::SalaryIncomplete)]
    );
    let mut raw = good();
    raw.openings = "-3".into();
    assert_eq!(
        problems(&raw),
        vec![("openings".to_string(), FieldProblem::OutOfRange { min: 1, max: 10_000 })]
    );
    let mut raw = good();
    raw.salary_min = String::new();
    raw.salary_max = String::new();
    assert_eq!(raw.validate(&centres(), today()).unwrap().salary, None);
}

#[test]
fn languages_are_known_and_listed_once() {
    let mut raw = good();
    raw.languages = vec![
        RawLanguage {
            language: "en".into(),
            level: "B1".into(),
        },
        RawLanguage {
            language: "en".into(),
            level: "C1".into(),
        },
        RawLanguage {
            language: "klingon".into(),
            level: "Z9".into(),
        },
    ];
    assert_eq!(
        problems(&raw),
        vec![
            ("languages.1.language".to_string(), FieldProblem::Duplicate),
            ("languages.2.language".to_string(), FieldProblem::Unknown),
            ("languages.2.level".to_string(), FieldProblem::Unknown),
        ]
    );
}

#[test]
fn html_in_free_text_is_kept_as_written() {
    let mut raw = good();
    raw.title = "<script>alert(1)</script> Cuoco".into();
    let offer = raw.validate(&centres(), today()).unwrap();
    assert_eq!(offer.text(Lang::It).unwrap().title, "<script>alert(1)</script> Cuoco");
}

#[test]
fn changes_name_the_fields_that_differ() {
    let old = good().validate(&centres(), today()).unwrap();
    let mut raw = good();
    raw.openings = "5".into();
    raw.title = "Cameriere".into();
    let new = raw.validate(&centres(), today()).unwrap();
    let changes = offer_changes(&old, &new);
    assert_eq!(
        changes,
        vec![
            ("openings".to_string(), "3".to_string(), "5".to_string()),
            (
                "text.it.title".to_string(),
                "Cameriere di sala".to_string(),
                "Cameriere".to_string()
            ),
        ]
    );
    assert!(offer_changes(&old, &old).is_empty());
}
