//! The person's CV (`/{lang}/account/cv`): the structured form, section by
//! section (rows for jobs, courses and languages, with empty rows to add
//! more; occupations picked from the ISCO-08 list the browser suggests), the
//! consents — whether the CV may be proposed to employers, and which
//! sections they may see — each recorded with the privacy notice's version,
//! and the CV as a PDF in its language (`cv.pdf`) or as JSON (`cv.json`).

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_app::i18n::msg;
use sportello_app::people::cv::{self as cv_view, NOTICE_VERSION};
use sportello_domain::people::cv::{Cv, CvConsents, CvSection};
use sportello_domain::people::cv_form::{
    EDUCATION_MAX, EXPERIENCE_MAX, LANGUAGES_MAX, OCCUPATIONS_MAX, RawCv, RawEducation, RawExperience, RawLanguageSkill,
};
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::{Cefr, EqfLevel, Licence, SpokenLanguage, Vocabulary, occupations};
use sportello_domain::{Lang, PersonAccount};
use sportello_print::render_cv;
use sportello_storage::StoredCv;

use super::{Errors, field_errors, page};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale};
use crate::pages::office::see_other;
use crate::person_session::Citizen;

#[derive(Debug, Default, Deserialize)]
pub struct CvQuery {
    saved: Option<String>,
}

/// A choice of a list, for the template.
#[derive(Debug, Serialize)]
struct Opt {
    value: String,
    label: String,
}

fn opts<V: Vocabulary>(lang: Lang) -> Vec<Opt> {
    V::ALL
        .iter()
        .map(|v| Opt {
            value: v.code().into(),
            label: v.label(lang).into(),
        })
        .collect()
}

/// `raw` with empty rows to add more, up to each list's bound.
fn with_blank_rows(mut raw: RawCv) -> RawCv {
    let want = |have: usize, extra: usize, min: usize, max: usize| (have + extra).max(min).min(max);
    let n = want(raw.experience.len(), 2, 3, EXPERIENCE_MAX);
    raw.experience
        .resize(n.max(raw.experience.len()), RawExperience::default());
    let n = want(raw.education.len(), 1, 2, EDUCATION_MAX);
    raw.education
        .resize(n.max(raw.education.len()), RawEducation::default());
    let n = want(raw.languages.len(), 2, 3, LANGUAGES_MAX);
    raw.languages
        .resize(n.max(raw.languages.len()), RawLanguageSkill::default());
    raw.occupations
        .resize(OCCUPATIONS_MAX.max(raw.occupations.len()), String::new());
    raw
}

/// The form's ISCO value for a code: "5120 — Cooks".
fn isco_value(lang: Lang, code: &str) -> String {
    match sportello_domain::vocab::occupation(code) {
        Some(o) => format!("{} — {}", o.code, o.label(lang)),
        None => code.to_string(),
    }
}

/// The form as typed, re-read from the posted fields.
fn raw_from_form(form: &FormFields) -> RawCv {
    let rows = |prefix: &str, max: usize| (0..max + 2).map(|i| format!("{prefix}.{i}")).collect::<Vec<_>>();
    RawCv {
        lang: form.get("cv_lang"),
        summary: form.get("summary"),
        domicile: form.get("domicile"),
        occupations: rows("occupations", OCCUPATIONS_MAX)
            .iter()
            .map(|f| form.get(f))
            .collect(),
        experience: rows("experience", EXPERIENCE_MAX)
            .iter()
            .map(|p| RawExperience {
                title: form.get(&format!("{p}.title")),
                employer: form.get(&format!("{p}.employer")),
                occupation: form.get(&format!("{p}.occupation")),
                from: form.get(&format!("{p}.from")),
                to: form.get(&format!("{p}.to")),
                tasks: form.get(&format!("{p}.tasks")),
            })
            .collect(),
        education: rows("education", EDUCATION_MAX)
            .iter()
            .map(|p| RawEducation {
                title: form.get(&format!("{p}.title")),
                institution: form.get(&format!("{p}.institution")),
                level: form.get(&format!("{p}.level")),
                year: form.get(&format!("{p}.year")),
            })
            .collect(),
        languages: rows("languages", LANGUAGES_MAX)
            .iter()
            .map(|p| RawLanguageSkill {
                language: form.get(&format!("{p}.language")),
                level: form.get(&format!("{p}.level")),
            })
            .collect(),
        licences: form.all("licences"),
        digital_skills: form.get("digital_skills"),
        certificates: form.get("certificates"),
        available_from: form.get("available_from"),
        full_time: form.checked("full_time"),
        part_time: form.checked("part_time"),
        shifts: form.checked("shifts"),
        seasonal: form.checked("seasonal"),
        km: form.get("km"),
        abroad: form.checked("abroad"),
    }
}

/// Drops the trailing empty rows the form adds, so that they are not shown
/// twice over.
fn trimmed(mut raw: RawCv) -> RawCv {
    while raw.experience.last().is_some_and(|e| *e == RawExperience::default()) {
        raw.experience.pop();
    }
    while raw.education.last().is_some_and(|e| *e == RawEducation::default()) {
        raw.education.pop();
    }
    while raw.languages.last().is_some_and(|e| *e == RawLanguageSkill::default()) {
        raw.languages.pop();
    }
    while raw.occupations.last().is_some_and(String::is_empty) {
        raw.occupations.pop();
    }
    raw
}

#[allow(clippy::too_many_arguments)]
async fn cv_page(
    state: &AppState,
    citizen: &Citizen,
    raw: RawCv,
    stored: Option<&StoredCv>,
    saved: bool,
    errors: &Errors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = citizen.lang;
    let mut raw = with_blank_rows(raw);
    for o in raw.occupations.iter_mut().filter(|o| o.len() == 4) {
        *o = isco_value(lang, o);
    }
    for e in raw.experience.iter_mut().filter(|e| e.occupation.len() == 4) {
        e.occupation = isco_value(lang, &e.occupation);
    }
    let consents = stored.map(|s| s.consents.clone()).unwrap_or_default();
    let sections: Vec<Opt> = CvSection::ALL
        .iter()
        .map(|s| Opt {
            value: s.code().into(),
            label: msg(lang, cv_view::section_title_id(*s)),
        })
        .collect();
    let shared: Vec<&str> = consents.shared.iter().map(|s| s.code()).collect();
    let competent = match stored.and_then(|s| cv_view::competent(&s.cv)) {
        Some(slug) => state
            .storage
            .centres()
            .await
            .on_page(lang)?
            .into_iter()
            .find(|c| c.data.slug == slug)
            .map(|c| c.data.name),
        None => None,
    };
    let isco: Vec<String> = occupations()
        .iter()
        .map(|o| format!("{} — {}", o.code, o.label(lang)))
        .collect();
    let ctx = context! {
        csrf => citizen.csrf.clone(),
        cv => minijinja::value::Serde(&raw),
        has_cv => stored.is_some(),
        saved,
        competent,
        isco,
        cv_languages => minijinja::value::Serde(
            Lang::ALL.iter().map(|l| Opt { value: l.code().into(), label: l.native_name().into() }).collect::<Vec<_>>()
        ),
        levels => minijinja::value::Serde(opts::<EqfLevel>(lang)),
        spoken => minijinja::value::Serde(opts::<SpokenLanguage>(lang)),
        cefr => minijinja::value::Serde(opts::<Cefr>(lang)),
        licences => minijinja::value::Serde(opts::<Licence>(lang)),
        sections => minijinja::value::Serde(sections),
        proposable => consents.proposable,
        shared,
        notice_version => NOTICE_VERSION,
        form_error => errors.get("form"),
        errors => errors,
    };
    page(state, lang, "account/cv.html", "/account/cv", "cv-title", ctx, status)
}

/// `GET /{lang}/account/cv`.
pub async fn show(
    State(state): State<AppState>,
    citizen: Citizen,
    Query(query): Query<CvQuery>,
) -> Result<Response, AppError> {
    let stored = state.storage.cv(citizen.person.id).await.on_page(citizen.lang)?;
    let raw = stored.as_ref().map(|s| RawCv::of(&s.cv)).unwrap_or_default();
    cv_page(
        &state,
        &citizen,
        raw,
        stored.as_ref(),
        query.saved.is_some(),
        &Errors::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /{lang}/account/cv`: every field checked, nothing saved until all
/// are right.
pub async fn save(
    State(state): State<AppState>,
    Locale(lang): Locale,
    citizen: Citizen,
    form: FormFields,
) -> Result<Response, AppError> {
    citizen.check_csrf(&form.get("csrf"))?;
    let raw = raw_from_form(&form);
    match raw.parse(today_in_rome()) {
        Ok(cv) => {
            state
                .storage
                .save_cv(citizen.person.id, &cv, &citizen.actor(), Utc::now())
                .await
                .on_page(lang)?;
            Ok(see_other(&format!("/{lang}/account/cv?saved=1")))
        }
        Err(errors) => {
            let stored = state.storage.cv(citizen.person.id).await.on_page(lang)?;
            let errors = field_errors(lang, &errors);
            cv_page(
                &state,
                &citizen,
                trimmed(raw),
                stored.as_ref(),
                false,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /{lang}/account/cv/consents`.
pub async fn consents(
    State(state): State<AppState>,
    Locale(lang): Locale,
    citizen: Citizen,
    form: FormFields,
) -> Result<Response, AppError> {
    citizen.check_csrf(&form.get("csrf"))?;
    let mut shared = std::collections::BTreeSet::new();
    for code in form.all("shared") {
        let section =
            CvSection::parse(&code).ok_or_else(|| AppError::bad_parameter("shared", code.clone()).page(lang))?;
        shared.insert(section);
    }
    let consents = CvConsents {
        proposable: form.checked("proposable"),
        shared,
    };
    state
        .storage
        .set_cv_consents(
            citizen.person.id,
            &consents,
            NOTICE_VERSION,
            &citizen.actor(),
            Utc::now(),
        )
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/account/cv?saved=1#consents")))
}

async fn stored_or_empty(state: &AppState, person: &PersonAccount, lang: Lang) -> Result<StoredCv, AppError> {
    Ok(state.storage.cv(person.id).await.on_page(lang)?.unwrap_or(StoredCv {
        cv: Cv::default(),
        consents: CvConsents::default(),
        updated_at: Utc::now(),
    }))
}

/// `GET /{lang}/account/cv.pdf`: the whole CV in its language.
pub async fn pdf(State(state): State<AppState>, citizen: Citizen) -> Result<Response, AppError> {
    let lang = citizen.lang;
    let stored = stored_or_empty(&state, &citizen.person, lang).await?;
    let doc = cv_view::document(&citizen.person, &stored.cv, lang, stored.updated_at, |_| true);
    let pdf = state
        .renders
        .run(lang, "CV PDF", move || render_cv(&doc))
        .await?
        .map_err(|e| AppError::new(Problem::Internal(format!("CV PDF: {e}"))).page(lang))?;
    Ok(super::private(
        (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("inline; filename=\"cv.pdf\""),
                ),
            ],
            pdf,
        )
            .into_response(),
    ))
}

/// `GET /{lang}/account/cv.json`: the CV and the record of consents.
pub async fn json(State(state): State<AppState>, citizen: Citizen) -> Result<Response, AppError> {
    let lang = citizen.lang;
    let stored = stored_or_empty(&state, &citizen.person, lang).await?;
    let records = state.storage.consent_records(citizen.person.id).await.on_page(lang)?;
    let value = cv_view::export(&citizen.person, &stored.cv, &stored.consents, &records, today_in_rome());
    let body =
        serde_json::to_string_pretty(&value).map_err(|e| AppError::new(Problem::Internal(e.to_string())).page(lang))?;
    Ok(super::private(
        (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"cv.json\""),
                ),
            ],
            body,
        )
            .into_response(),
    ))
}
