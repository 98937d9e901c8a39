//! The person's CV as the pages, the PDF and the export show it: every
//! section in words of the CV's language (the vocabularies' labels, the
//! ISTAT name of the domicile with its competent centre), the PDF document
//! for `sportello_print::render_cv`, and the JSON export with the record of
//! consents. What an employer sees is the same document with only the
//! sections the person shares.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;
use sportello_domain::people::cv::{Cv, CvConsents, CvSection, YearMonth};
use sportello_domain::places::competent_centre;
use sportello_domain::vocab::{ContractType, Vocabulary, WorkingTime, occupation};
use sportello_domain::{Lang, PersonAccount};
use sportello_print::{CvDocument, CvEntry, CvPdfSection};
use sportello_storage::ConsentRecord;

use crate::i18n::{args, msg, msg_args};
use crate::view;

/// The version of the privacy notice people are shown when they give or
/// withdraw a consent (recorded with each one). Change it with the notice.
pub const NOTICE_VERSION: &str = "2026-12-08";

/// The message id of a section's title.
pub fn section_title_id(section: CvSection) -> &'static str {
    match section {
        CvSection::Contacts => "cv-section-contacts",
        CvSection::Occupations => "cv-section-occupations",
        CvSection::Experience => "cv-section-experience",
        CvSection::Education => "cv-section-education",
        CvSection::Languages => "cv-section-languages",
        CvSection::Licences => "cv-section-licences",
        CvSection::DigitalSkills => "cv-section-digital-skills",
        CvSection::Certificates => "cv-section-certificates",
        CvSection::Availability => "cv-section-availability",
    }
}

/// "Cooks (5120)" in `lang`, or the code alone if unknown.
pub fn occupation_label(lang: Lang, code: &str) -> String {
    match occupation(code) {
        Some(o) => format!("{} ({code})", o.label(lang)),
        None => code.to_string(),
    }
}

/// "2019-05 – 2019-09", "2025-06 – now".
fn period(lang: Lang, from: YearMonth, to: Option<YearMonth>) -> String {
    let end = to.map_or_else(|| msg(lang, "cv-now"), |t| t.to_string());
    format!("{from} – {end}")
}

/// "Nardò (LE)".
pub fn place(code: sportello_domain::ComuneCode) -> String {
    let c = code.comune();
    format!("{} ({})", c.name, c.province)
}

/// The entries of one section, in `lang`.
pub fn entries(cv: &Cv, section: CvSection, lang: Lang, account: &PersonAccount) -> Vec<CvEntry> {
    let line = |title: String| CvEntry {
        title,
        ..CvEntry::default()
    };
    match section {
        CvSection::Contacts => {
            let mut lines: Vec<CvEntry> = Vec::new();
            if let Some(e) = &account.email {
                lines.push(line(e.as_str().to_string()));
            }
            if let Some(p) = &account.phone {
                lines.push(line(p.as_str().to_string()));
            }
            if let Some(d) = cv.domicile {
                lines.push(line(msg_args(
                    lang,
                    "cv-lives-in",
                    &args(&[("place", place(d).into())]),
                )));
            }
            lines
        }
        CvSection::Occupations => cv.occupations.iter().map(|o| line(occupation_label(lang, o))).collect(),
        CvSection::Experience => cv
            .experience
            .iter()
            .map(|e| CvEntry {
                when: period(lang, e.from, e.to),
                title: e.title.clone(),
                detail: [
                    e.employer.clone(),
                    e.occupation
                        .as_deref()
                        .map(|o| occupation_label(lang, o))
                        .unwrap_or_default(),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
                text: e
                    .tasks
                    .lines()
                    .map(str::to_string)
                    .filter(|l| !l.trim().is_empty())
                    .collect(),
            })
            .collect(),
        CvSection::Education => cv
            .education
            .iter()
            .map(|e| CvEntry {
                when: e.year.map(|y| y.to_string()).unwrap_or_default(),
                title: e.title.clone(),
                detail: [e.institution.clone(), e.level.label(lang).to_string()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
                text: Vec::new(),
            })
            .collect(),
        CvSection::Languages => cv
            .languages
            .iter()
            .map(|l| CvEntry {
                when: l.level.code().to_string(),
                title: l.language.label(lang).to_string(),
                detail: l.level.label(lang).to_string(),
                text: Vec::new(),
            })
            .collect(),
        CvSection::Licences => cv.licences.iter().map(|l| line(l.label(lang).to_string())).collect(),
        CvSection::DigitalSkills => cv.digital_skills.iter().map(|s| line(s.clone())).collect(),
        CvSection::Certificates => cv.certificates.iter().map(|s| line(s.clone())).collect(),
        CvSection::Availability => {
            let a = &cv.availability;
            let mut lines = vec![line(match a.from {
                Some(d) => msg_args(
                    lang,
                    "cv-available-from",
                    &args(&[("date", view::date(lang, d).text.into())]),
                ),
                None => msg(lang, "cv-available-now"),
            })];
            let mut ways = Vec::new();
            if a.full_time {
                ways.push(WorkingTime::FullTime.label(lang));
            }
            if a.part_time {
                ways.push(WorkingTime::PartTime.label(lang));
            }
            if a.shifts {
                ways.push(WorkingTime::ShiftWork.label(lang));
            }
            if a.seasonal {
                ways.push(ContractType::Seasonal.label(lang));
            }
            if !ways.is_empty() {
                lines.push(line(ways.join(" · ")));
            }
            if cv.mobility.km > 0 {
                lines.push(line(msg_args(lang, "cv-km", &args(&[("km", cv.mobility.km.into())]))));
            }
            if cv.mobility.abroad {
                lines.push(line(msg(lang, "cv-abroad")));
            }
            lines
        }
    }
}

/// The PDF document of the CV in its language (the page's when it has
/// none), with the sections `shown` says.
pub fn document(
    account: &PersonAccount,
    cv: &Cv,
    fallback: Lang,
    updated: DateTime<Utc>,
    shown: impl Fn(CvSection) -> bool,
) -> CvDocument {
    let lang = cv.lang.unwrap_or(fallback);
    let mut contacts = Vec::new();
    let mut sections = Vec::new();
    for section in CvSection::ALL.into_iter().filter(|s| shown(*s)) {
        let entries = entries(cv, section, lang, account);
        if section == CvSection::Contacts {
            contacts = entries.into_iter().map(|e| e.title).collect();
        } else if !entries.is_empty() {
            sections.push(CvPdfSection {
                title: msg(lang, section_title_id(section)),
                entries,
            });
        }
    }
    let date = view::date(lang, sportello_domain::time::rome_date(updated)).text;
    CvDocument {
        name: account.name.clone(),
        lang: lang.code().into(),
        contacts,
        summary: cv.summary.clone(),
        sections,
        footer: msg_args(lang, "cv-footer", &args(&[("date", date.into())])),
    }
}

/// The competent centre's slug for the CV's domicile, if it is in one of
/// the areas.
pub fn competent(cv: &Cv) -> Option<&'static str> {
    cv.domicile.and_then(competent_centre)
}

/// The CV and its consents as JSON: what the person downloads.
pub fn export(
    account: &PersonAccount,
    cv: &Cv,
    consents: &CvConsents,
    records: &[ConsentRecord],
    today: NaiveDate,
) -> serde_json::Value {
    json!({
        "format": "sportello-cv/1",
        "exported_on": today.to_string(),
        "name": account.name,
        "email": account.email.as_ref().map(|e| e.as_str()),
        "phone": account.phone.as_ref().map(|p| p.as_str()),
        "cv": cv,
        "consents": {
            "proposable": consents.proposable,
            "shared_sections": consents.shared.iter().map(|s| s.code()).collect::<Vec<_>>(),
            "history": records.iter().map(|r| json!({
                "consent": r.consent,
                "granted": r.granted,
                "notice_version": r.notice_version,
                "at": r.at.to_rfc3339(),
            })).collect::<Vec<_>>(),
        },
    })
}
