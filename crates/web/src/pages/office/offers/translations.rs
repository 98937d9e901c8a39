//! The translation workflow: a queue of published offers lacking a public
//! text in some language, oldest first, and a side-by-side editor (Italian
//! beside the target language). Saving as reviewed makes the text public;
//! a draft (by a person or by the machine-translation provider) never is.

use axum::extract::{Query, State};
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::offers::form::{MAX_DESCRIPTION, MAX_HOW_TO_APPLY, MAX_TITLE};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Lang, Offer, OfferText, TextStatus};

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::offers::list::{editable_offer, readable_offer};
use crate::pages::office::{render, see_other};
use crate::session::Office;
use sportello_app::i18n::{args, msg, msg_args};

#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    lang: Option<String>,
}

#[derive(Debug, Serialize)]
struct Task {
    reference: String,
    title: String,
    published_on: String,
    missing: Vec<&'static str>,
}

/// `GET /{lang}/office/translations[?lang=en]`.
pub async fn queue(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<QueueQuery>,
) -> Result<Response, AppError> {
    let target = match query.lang.as_deref().filter(|l| !l.is_empty()) {
        Some(code) => Some(Lang::parse(code).ok_or_else(|| AppError::bad_parameter("lang", code).page(lang))?),
        None => None,
    };
    let allowed = user.access().editable();
    let tasks = state
        .storage
        .translation_queue(&allowed, target, today_in_rome(), 200)
        .await
        .on_page(lang)?;
    let tasks: Vec<Task> = tasks
        .iter()
        .map(|t| Task {
            reference: t.offer.reference.to_string(),
            title: t.offer.data.text(Lang::It).map(|x| x.title.clone()).unwrap_or_default(),
            published_on: t.offer.published_on.map(|d| d.to_string()).unwrap_or_default(),
            missing: t.missing.iter().map(|l| l.code()).collect(),
        })
        .collect();
    let title = msg(lang, "office-translations-title");
    let ctx = context! {
        machine => state.translator.is_some(),
        tasks => minijinja::value::Serde(&tasks),
        target => target.map(|l| l.code()),
        target_languages => Lang::ALL.iter().skip(1).map(|l| (l.code(), l.native_name())).collect::<Vec<_>>(),
    };
    render(
        "office/translations.html",
        lang,
        "/office/translations",
        &title,
        Some(&user),
        ctx,
    )
}

fn target_lang(lang: Lang, code: &str) -> Result<Lang, AppError> {
    match Lang::parse(code) {
        Some(l) if l != Lang::It => Ok(l),
        _ => Err(AppError::not_found().page(lang)),
    }
}

/// `GET /{lang}/office/translations/{reference}/{target}`.
pub async fn editor(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, reference, target)): PathParams<(String, String, String)>,
) -> Result<Response, AppError> {
    let target = target_lang(lang, &target)?;
    let offer = readable_offer(&state, &user, &reference).await?;
    editor_page(&state, &user, &offer, target, None, Vec::new())
}

fn editor_page(
    state: &AppState,
    user: &Office,
    offer: &sportello_domain::Offer,
    target: Lang,
    typed: Option<OfferText>,
    errors: Vec<(&'static str, String)>,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let italian = offer.data.text(Lang::It).cloned();
    let current = typed.or_else(|| offer.data.text(target).cloned());
    let status = offer.data.text_status(target);
    let title = msg_args(
        lang,
        "translation-editor-title",
        &args(&[
            ("reference", offer.reference.to_string().into()),
            ("language", target.native_name().into()),
        ]),
    );
    let ctx = context! {
        reference => offer.reference.to_string(),
        target => target.code(),
        target_name => target.native_name(),
        italian => minijinja::value::Serde(&italian),
        current => minijinja::value::Serde(&current),
        status => status.code(),
        machine => current.as_ref().is_some_and(|t| t.machine),
        can_machine => state.translator.is_some() && !status.is_public(),
        can_edit => user.access().can_edit_offers(offer.data.centre, offer.data.section),
        errors => errors.into_iter().collect::<std::collections::BTreeMap<_, _>>(),
    };
    let path = format!("/office/translations/{}/{}", offer.reference, target.code());
    render("office/translation.html", lang, &path, &title, Some(user), ctx)
}

/// `POST /{lang}/office/translations/{reference}/{target}`: `action` =
/// `draft` (keep it private) or `review` (checked: public from now on).
pub async fn save(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, reference, target)): PathParams<(String, String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let target = target_lang(lang, &target)?;
    let offer = editable_offer(&state, &user, &reference, "offer.translation").await?;
    let status = match form.get("action").as_str() {
        "review" => TextStatus::Reviewed,
        "draft" => TextStatus::Draft,
        "machine" => {
            machine_fill(&state, &user, &offer, target).await?;
            return Ok(see_other(&format!(
                "/{lang}/office/translations/{}/{}",
                offer.reference,
                target.code()
            )));
        }
        other => return Err(AppError::bad_parameter("action", other).page(lang)),
    };
    let field = |name: &str| form.get(name).trim().replace("\r\n", "\n");
    let typed = OfferText {
        lang: target,
        status,
        // Kept as a machine draft only while nobody has reviewed it.
        machine: status == TextStatus::Draft && offer.data.text(target).is_some_and(|t| t.machine),
        title: field("title"),
        description: field("description"),
        how_to_apply: field("how_to_apply"),
    };
    let mut errors = Vec::new();
    for (name, value, max) in [
        ("title", &typed.title, MAX_TITLE),
        ("description", &typed.description, MAX_DESCRIPTION),
        ("how_to_apply", &typed.how_to_apply, MAX_HOW_TO_APPLY),
    ] {
        if value.is_empty() {
            errors.push((name, msg(lang, "field-required")));
        } else if value.chars().count() > max {
            errors.push((
                name,
                msg_args(lang, "field-too-long", &args(&[("max", (max as i64).into())])),
            ));
        }
    }
    if !errors.is_empty() {
        let mut response = editor_page(&state, &user, &offer, target, Some(typed), errors)?;
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    state
        .storage
        .set_offer_text(&offer.reference, &typed, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!(
        "/{lang}/office/translations?saved={}",
        offer.reference
    )))
}

/// Fills the `target` text of `offer` with a machine translation of the
/// Italian one, as a draft. Never over a public (original or reviewed) text.
async fn machine_fill(state: &AppState, user: &Office, offer: &Offer, target: Lang) -> Result<(), AppError> {
    let lang = user.lang;
    let translator = state
        .translator
        .as_ref()
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if offer.data.text_status(target).is_public() {
        return Err(AppError::new(Problem::NotPossible("a public text is never machine-translated".into())).page(lang));
    }
    let italian = offer
        .data
        .text(Lang::It)
        .ok_or_else(|| AppError::new(Problem::NotPossible("no Italian text".into())).page(lang))?;
    let sources = [
        italian.title.clone(),
        italian.description.clone(),
        italian.how_to_apply.clone(),
    ];
    let translated = translator
        .translate(&sources, Lang::It, target)
        .await
        .map_err(|e| AppError::new(Problem::Unavailable(e.to_string())).page(lang))?;
    let [title, description, how_to_apply]: [String; 3] = translated
        .try_into()
        .map_err(|_| AppError::new(Problem::Unavailable("wrong number of texts".into())).page(lang))?;
    let text = OfferText {
        lang: target,
        status: TextStatus::Draft,
        machine: true,
        title: title.chars().take(MAX_TITLE).collect(),
        description: description.chars().take(MAX_DESCRIPTION).collect(),
        how_to_apply: how_to_apply.chars().take(MAX_HOW_TO_APPLY).collect(),
    };
    state
        .storage
        .set_offer_text(&offer.reference, &text, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(())
}

/// Offers machine-filled at most per click on the queue.
const MACHINE_BATCH: u32 = 20;

/// `POST /{lang}/office/translations/machine`: machine drafts for the
/// oldest offers of the queue that have no text at all in `target`.
pub async fn machine_batch(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let target = target_lang(lang, &form.get("target"))?;
    let allowed = user.access().editable();
    let tasks = state
        .storage
        .translation_queue(&allowed, Some(target), today_in_rome(), 500)
        .await
        .on_page(lang)?;
    let mut filled = 0;
    for task in tasks
        .iter()
        .filter(|t| t.offer.data.text_status(target) == TextStatus::Missing)
        .take(MACHINE_BATCH as usize)
    {
        machine_fill(&state, &user, &task.offer, target).await?;
        filled += 1;
    }
    Ok(see_other(&format!(
        "/{lang}/office/translations?lang={}&filled={filled}",
        target.code()
    )))
}
