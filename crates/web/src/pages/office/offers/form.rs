//! The structured offer form: create, edit, duplicate. Every field is checked
//! on the server ([`RawOffer::validate`]); wrong fields get their own message
//! in the operator's language and the form keeps what was typed. The
//! occupation picker is a grouped list that works without JavaScript.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Days, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::offers::form::{MAX_DAYS_OPEN, MAX_LANGUAGES};
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::{
    Cefr, ContractType, Country, EducationLevel, Licence, SpokenLanguage, Vocabulary, WorkingTime, occupation_groups,
    occupations,
};
use sportello_domain::{
    FieldError, FieldKind, FieldProblem, Lang, NewOffer, OFFER_FIELDS, OfferStatus, RawLanguage, RawOffer, TextStatus,
};

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::offers::list::{creatable, editable_offer, readable_offer};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// One choice of a list.
#[derive(Debug, Serialize)]
pub struct Opt {
    pub value: String,
    pub label: String,
}

/// A group of choices (`<optgroup>`).
#[derive(Debug, Serialize)]
pub struct Group {
    pub label: String,
    pub options: Vec<Opt>,
}

/// The values of a vocabulary as choices labelled in `lang`.
pub fn options<V: Vocabulary>(lang: Lang) -> Vec<Opt> {
    V::ALL
        .iter()
        .map(|v| Opt {
            value: v.code().into(),
            label: v.label(lang).into(),
        })
        .collect()
}

/// Occupations grouped by ISCO major group, labelled in `lang`.
pub fn occupation_options(lang: Lang) -> Vec<Group> {
    occupation_groups()
        .iter()
        .map(|g| Group {
            label: g.label(lang).to_string(),
            options: occupations()
                .iter()
                .filter(|o| o.major_group() == g.code)
                .map(|o| Opt {
                    value: o.code.to_string(),
                    label: format!("{} — {}", o.label(lang), o.code),
                })
                .collect(),
        })
        .filter(|g| !g.options.is_empty())
        .collect()
}

/// The message of one field error in `lang`.
pub fn field_message(lang: Lang, error: &FieldError) -> String {
    let (min, max) = match error.problem {
        FieldProblem::TooLong { max } => (0, max as i64),
        FieldProblem::OutOfRange { min, max } => (i64::from(min), i64::from(max)),
        FieldProblem::DateTooFar { max_days } => (0, max_days as i64),
        FieldProblem::TooYoung { min_age } => (i64::from(min_age), 0),
        _ => (0, 0),
    };
    msg_args(
        lang,
        error.problem.message_id(),
        &args(&[("min", min.into()), ("max", max.into())]),
    )
}

/// The values of the offer form as posted (also the vacancy part of the
/// employers' form).
pub fn raw_from_form(form: &FormFields) -> RawOffer {
    let mut raw = RawOffer::default();
    for field in OFFER_FIELDS {
        match field.kind {
            FieldKind::Text(set) | FieldKind::OriginalText(set) => *set(&mut raw) = form.get(field.name),
            FieldKind::Flag(set) => *set(&mut raw) = form.checked(field.name),
            FieldKind::Languages => {
                raw.languages = (0..MAX_LANGUAGES)
                    .map(|i| RawLanguage {
                        language: form.get(&format!("languages.{i}.language")),
                        level: form.get(&format!("languages.{i}.level")),
                    })
                    .collect();
            }
        }
    }
    raw
}

/// Where the form is posted and what it edits.
struct Target {
    action: String,
    reference: Option<String>,
    version: Option<i64>,
}

fn form_page(
    user: &SignedIn,
    target: &Target,
    mut raw: RawOffer,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = user.lang;
    raw.languages.resize(MAX_LANGUAGES, RawLanguage::default());
    let errors: std::collections::BTreeMap<String, String> = errors
        .iter()
        .map(|e| (e.field.clone(), field_message(lang, e)))
        .collect();
    let access = user.access();
    let centres: Vec<Opt> = creatable(user)
        .iter()
        .filter_map(|(id, _)| user.centres.iter().find(|c| c.id == *id))
        .map(|c| Opt {
            value: c.data.slug.clone(),
            label: c.data.name.clone(),
        })
        .collect();
    let sections: Vec<Opt> = sportello_domain::Section::ALL
        .iter()
        .filter(|s| user.centres.iter().any(|c| access.can_edit_offers(c.id, **s)))
        .map(|s| Opt {
            value: s.code().into(),
            label: msg(lang, view::section_title_id(*s)),
        })
        .collect();
    let today = today_in_rome();
    let title = msg(
        lang,
        if target.reference.is_some() {
            "offer-edit-title"
        } else {
            "offer-new-title"
        },
    );
    let ctx = context! {
        picker => true,
        values => minijinja::value::Serde(&raw),
        errors,
        action => target.action.clone(),
        reference => target.reference.clone(),
        version => target.version,
        centres => minijinja::value::Serde(&centres),
        sections => minijinja::value::Serde(&sections),
        occupations => minijinja::value::Serde(occupation_options(lang)),
        contracts => minijinja::value::Serde(options::<ContractType>(lang)),
        working_times => minijinja::value::Serde(options::<WorkingTime>(lang)),
        educations => minijinja::value::Serde(options::<EducationLevel>(lang)),
        licences => minijinja::value::Serde(options::<Licence>(lang)),
        spoken_languages => minijinja::value::Serde(options::<SpokenLanguage>(lang)),
        levels => minijinja::value::Serde(options::<Cefr>(lang)),
        countries => minijinja::value::Serde(options::<Country>(lang)),
        min_date => today.to_string(),
        max_date => today.checked_add_days(Days::new(MAX_DAYS_OPEN)).unwrap_or(today).to_string(),
    };
    let path = target.action.trim_start_matches(&format!("/{lang}")).to_string();
    let mut response = render("office/offer_form.html", lang, &path, &title, Some(user), ctx)?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    /// Duplicate this offer.
    from: Option<String>,
}

/// `GET /{lang}/office/offers/new[?from=REF]`.
pub async fn new_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<NewQuery>,
) -> Result<Response, AppError> {
    let mut raw = RawOffer::default();
    if let Some(from) = query.from.as_deref().filter(|f| !f.is_empty()) {
        let source = readable_offer(&state, &user, from).await?;
        raw = RawOffer::from_offer(&source.data, &user.centres);
        let today = today_in_rome();
        if source.data.valid_through < today {
            raw.valid_through = String::new();
        }
    } else if let Some((centre, sections)) = creatable(&user).first() {
        raw.centre = user
            .centres
            .iter()
            .find(|c| c.id == *centre)
            .map(|c| c.data.slug.clone())
            .unwrap_or_default();
        raw.section = sections[0].code().into();
        raw.openings = "1".into();
    }
    let target = Target {
        action: format!("/{lang}/office/offers/new"),
        reference: None,
        version: None,
    };
    form_page(&user, &target, raw, &[], StatusCode::OK)
}

/// Checks the form and the user's right over the chosen centre and section.
fn check(user: &SignedIn, raw: &RawOffer) -> Result<NewOffer, Vec<FieldError>> {
    let offer = raw.validate(&user.centres, today_in_rome())?;
    if !user.access().can_edit_offers(offer.centre, offer.section) {
        return Err(vec![FieldError {
            field: "section".into(),
            problem: FieldProblem::NotAllowed,
        }]);
    }
    Ok(offer)
}

/// `POST /{lang}/office/offers/new`: a new draft.
pub async fn create(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let raw = raw_from_form(&form);
    let target = Target {
        action: format!("/{lang}/office/offers/new"),
        reference: None,
        version: None,
    };
    let offer = match check(&user, &raw) {
        Ok(offer) => offer,
        Err(errors) => return form_page(&user, &target, raw, &errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let created = state
        .storage
        .insert_offer(&offer, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/office/offers/{}", created.reference)))
}

/// `GET /{lang}/office/offers/{reference}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, reference)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let offer = editable_offer(&state, &user, &reference, "offer.update").await?;
    let target = Target {
        action: format!("/{lang}/office/offers/{}/edit", offer.reference),
        reference: Some(offer.reference.to_string()),
        version: Some(offer.version),
    };
    form_page(
        &user,
        &target,
        RawOffer::from_offer(&offer.data, &user.centres),
        &[],
        StatusCode::OK,
    )
}

/// The edited offer: the form's fields and Italian text, the other
/// languages kept. When the Italian text changed, reviewed translations go
/// back to draft until someone checks them again.
pub fn merge_edit(old: &NewOffer, mut edited: NewOffer) -> NewOffer {
    let italian_changed = old.text(Lang::It).map(|t| (&t.title, &t.description, &t.how_to_apply))
        != edited
            .text(Lang::It)
            .map(|t| (&t.title, &t.description, &t.how_to_apply));
    for text in old.texts.iter().filter(|t| t.lang != Lang::It) {
        let mut text = text.clone();
        if italian_changed && text.status == TextStatus::Reviewed {
            text.status = TextStatus::Draft;
        }
        edited.texts.push(text);
    }
    edited.texts.sort_by_key(|t| t.lang);
    edited
}

/// `POST /{lang}/office/offers/{reference}/edit`.
pub async fn update(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let offer = editable_offer(&state, &user, &reference, "offer.update").await?;
    let raw = raw_from_form(&form);
    let version = form.get("version").parse::<i64>().unwrap_or(-1);
    let target = Target {
        action: format!("/{lang}/office/offers/{}/edit", offer.reference),
        reference: Some(offer.reference.to_string()),
        version: Some(version),
    };
    if !matches!(offer.status, OfferStatus::Draft | OfferStatus::Published) {
        return Err(AppError::from(sportello_storage::StorageError::Invalid("closed".into())).page(lang));
    }
    let edited = match check(&user, &raw) {
        Ok(edited) => merge_edit(&offer.data, edited),
        Err(errors) => return form_page(&user, &target, raw, &errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    state
        .storage
        .update_offer(&offer.reference, version, &edited, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/office/offers/{}", offer.reference)))
}
