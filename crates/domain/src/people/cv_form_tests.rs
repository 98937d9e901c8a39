//! Tests of the CV form: a whole CV read and written back, each wrong field
//! named, empty rows left out, towns by name, province or code.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
}

fn full() -> RawCv {
    RawCv {
        lang: "fr".into(),
        summary: "Cuisinière, dix ans de saison.".into(),
        domicile: "Nardò".into(),
        occupations: vec!["5120".into(), "".into(), "9412".into()],
        experience: vec![
            RawExperience {
                title: "Cuisinière".into(),
                employer: "Hôtel du Port".into(),
                occupation: "5120".into(),
                from: "2019-05".into(),
                to: "2019-09".into(),
                tasks: "Cuisine chaude\nCommandes".into(),
            },
            RawExperience::default(),
            RawExperience {
                title: "Aide-cuisinière".into(),
                from: "2025-06".into(),
                ..RawExperience::default()
            },
        ],
        education: vec![RawEducation {
            title: "CAP Cuisine".into(),
            institution: "Lycée hôtelier".into(),
            level: "3".into(),
            year: "2012".into(),
        }],
        languages: vec![
            RawLanguageSkill {
                language: "fr".into(),
                level: "C2".into(),
            },
            RawLanguageSkill {
                language: "it".into(),
                level: "B1".into(),
            },
            RawLanguageSkill::default(),
        ],
        licences: vec!["B".into(), "AM".into()],
        digital_skills: "E-mail\n\n  Word  ".into(),
        certificates: "HACCP".into(),
        available_from: "2027-03-01".into(),
        full_time: true,
        seasonal: true,
        km: "30".into(),
        ..RawCv::default()
    }
}

fn fields(raw: &RawCv) -> Vec<(String, FieldProblem)> {
    raw.parse(today())
        .unwrap_err()
        .into_iter()
        .map(|e| (e.field, e.problem))
        .collect()
}

#[test]
fn a_whole_cv_is_read_and_written_back() {
    let cv = full().parse(today()).unwrap();
    assert_eq!(cv.lang, Some(Lang::Fr));
    assert_eq!(cv.domicile.unwrap().as_str(), "075052");
    assert_eq!(cv.occupations, ["5120", "9412"]);
    assert_eq!(cv.experience.len(), 2, "the empty row is left out");
    assert_eq!(cv.experience[1].to, None, "still there");
    assert_eq!(cv.months_in("5120", today()), 5);
    assert_eq!(cv.languages.len(), 2);
    assert_eq!(cv.licences, [Licence::Am, Licence::B], "sorted");
    assert_eq!(cv.digital_skills, ["E-mail", "Word"]);
    assert_eq!(cv.mobility.km, 30);
    assert!(cv.availability.full_time && cv.availability.seasonal && !cv.availability.part_time);
    // The form of the stored CV reads back to the same CV.
    assert_eq!(RawCv::of(&cv).parse(today()).unwrap(), cv);
    assert_eq!(RawCv::default().parse(today()).unwrap(), Cv::default());
}

#[test]
fn every_wrong_field_is_named() {
    let mut raw = full();
    raw.lang = "xx".into();
    raw.domicile = "Atlantide".into();
    raw.occupations = vec!["5120".into(), "5120".into(), "0000".into()];
    raw.experience[0].from = "2019-13".into();
    raw.experience[0].to = "2018-01".into();
    raw.experience[2].title = String::new();
    raw.experience[2].from = "2027-02".into();
    raw.education[0].level = "9".into();
    raw.education[0].year = "20x2".into();
    raw.languages[1].language = "fr".into();
    raw.languages[2].level = "D1".into();
    raw.licences.push("Z".into());
    raw.available_from = "2026-02-30".into();
    raw.km = "5000".into();
    let found = fields(&raw);
    let expected = [
        ("lang", FieldProblem::Unknown),
        ("domicile", FieldProblem::Unknown),
        ("occupations.1", FieldProblem::Duplicate),
        ("occupations.2", FieldProblem::Unknown),
        ("experience.0.from", FieldProblem::NotADate),
        ("experience.2.title", FieldProblem::Required),
        ("experience.2.from", FieldProblem::InFuture),
        ("education.0.level", FieldProblem::Unknown),
        ("education.0.year", FieldProblem::NotANumber),
        ("languages.1.language", FieldProblem::Duplicate),
        ("languages.2.language", FieldProblem::Required),
        ("languages.2.level", FieldProblem::Unknown),
        ("licences", FieldProblem::Unknown),
        ("available_from", FieldProblem::NotADate),
        ("km", FieldProblem::OutOfRange { min: 0, max: KM_MAX }),
    ];
    for (field, problem) in expected {
        assert!(
            found.iter().any(|(f, p)| f == field && *p == problem),
            "{field}: {problem:?} not in {found:?}"
        );
    }
    let mut order = full();
    order.experience[0].to = "2018-01".into();
    assert_eq!(
        fields(&order),
        [("experience.0.to".to_string(), FieldProblem::EndBeforeStart)]
    );
    let mut long = full();
    long.summary = "x".repeat(SUMMARY_MAX + 1);
    long.certificates = (0..=ITEMS_MAX).map(|i| format!("cert {i}\n")).collect();
    assert_eq!(
        fields(&long),
        [
            ("summary".to_string(), FieldProblem::TooLong { max: SUMMARY_MAX }),
            (
                "certificates".to_string(),
                FieldProblem::OutOfRange {
                    min: 0,
                    max: ITEMS_MAX as u32
                }
            ),
        ]
    );
}

#[test]
fn towns_by_name_province_or_code() {
    assert_eq!(resolve_comune("nardo").unwrap().as_str(), "075052");
    assert_eq!(resolve_comune(" Rimini ").unwrap().as_str(), "099014");
    assert_eq!(resolve_comune("075035").unwrap().as_str(), "075035");
    // Castro is a comune of Lecce and of Bergamo.
    assert_eq!(resolve_comune("Castro"), Err(FieldProblem::Ambiguous));
    assert_eq!(resolve_comune("Castro (LE)").unwrap().comune().province, "LE");
    assert_eq!(resolve_comune("castro (bg)").unwrap().comune().province, "BG");
    assert_eq!(resolve_comune("Castro (RN)"), Err(FieldProblem::Unknown));
    assert_eq!(resolve_comune("999999"), Err(FieldProblem::Unknown));
    assert_eq!(
        resolve_comune("Lec"),
        Err(FieldProblem::Unknown),
        "a name, not its start"
    );
}
