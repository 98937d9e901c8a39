//! The services catalogue of a centre in the back office: every service,
//! active or not, with its duration, modalities, capacity and booking window,
//! and the form that adds or changes one ([`RawService`], checked on the
//! server, saved with optimistic locking). Also the permission rules of the
//! appointment pages, shared with the agenda: administrators and the centre's
//! operators change the catalogue; whoever reads the centre's offers reads
//! it; every refusal is a logged 403.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::appointments::services::{MAX_CAPACITY, MAX_DAYS_AHEAD, MAX_DURATION, MAX_NOTICE_HOURS};
use sportello_domain::{Centre, FieldError, Lang, Modality, RawService, Section, Service, ServiceId, ServiceKind};
use sportello_storage::StorageError;

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::offers::form::{Opt, field_message};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::appointments::mails::modality_id;
use sportello_app::i18n::msg;

/// What a page of the appointments' back office needs over a centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The services catalogue, its rules and patron days: read.
    ReadServices,
    /// The same: change (administrators and the centre's operators).
    EditServices,
    /// The bookings of the centre (personal data): read.
    ReadAgenda,
    /// Book, cancel, mark attended (the centre's operators).
    EditAgenda,
}

/// Whether `user` may do `need` over `centre`.
pub fn allowed(user: &SignedIn, centre: &Centre, need: Need) -> bool {
    let access = user.access();
    let reads = !access.readable_sections(centre.id).is_empty();
    let operates = access.can_edit_offers(centre.id, Section::Ordinary);
    // Which bookings of the agenda a user sees and handles is decided per
    // booking (`Access::can_read_bookings`, `can_handle_bookings`).
    let handles_some = !access.editable_sections(centre.id).is_empty();
    match need {
        Need::ReadServices => access.administers() || reads,
        Need::EditServices => access.administers() || operates,
        Need::ReadAgenda => reads,
        Need::EditAgenda => handles_some,
    }
}

/// The centre named by `slug` (or the user's first centre for `need`) if
/// `user` may do `need` there; a logged 403 (`action`) otherwise.
pub async fn centre_for(
    state: &AppState,
    user: &SignedIn,
    slug: Option<&str>,
    need: Need,
    action: &str,
) -> Result<Centre, AppError> {
    let lang = user.lang;
    let centre = match slug.map(str::trim).filter(|s| !s.is_empty()) {
        Some(slug) => user
            .centres
            .iter()
            .find(|c| c.data.slug == slug)
            .ok_or_else(|| AppError::not_found().page(lang))?,
        None => match user.centres.iter().find(|c| allowed(user, c, need)) {
            Some(centre) => centre,
            None => return Err(user.deny(state, action, "centre", "").await),
        },
    };
    if !allowed(user, centre, need) {
        return Err(user.deny(state, action, "centre", &centre.data.slug).await);
    }
    Ok(centre.clone())
}

/// The centres where `user` may do `need`, as `(slug, name)`.
pub fn centre_choices(user: &SignedIn, need: Need) -> Vec<(String, String)> {
    user.centres
        .iter()
        .filter(|c| allowed(user, c, need))
        .map(|c| (c.data.slug.clone(), c.data.name.clone()))
        .collect()
}

/// Message id of a service kind's name.
pub fn kind_id(kind: ServiceKind) -> &'static str {
    match kind {
        ServiceKind::Did => "service-kind-did",
        ServiceKind::TakingInCharge => "service-kind-taking_in_charge",
        ServiceKind::BasicGuidance => "service-kind-basic_guidance",
        ServiceKind::SpecialistGuidance => "service-kind-specialist_guidance",
        ServiceKind::SkillsAssessment => "service-kind-skills_assessment",
        ServiceKind::SelfEmployment => "service-kind-self_employment",
        ServiceKind::Certificates => "service-kind-certificates",
        ServiceKind::MiratoAdvice => "service-kind-mirato_advice",
        ServiceKind::EuresAdvice => "service-kind-eures_advice",
    }
}

/// A service's name in `lang` (else Italian, else its kind's name).
pub fn service_name(lang: Lang, service: &Service) -> String {
    service
        .data
        .text(lang)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| msg(lang, kind_id(service.data.kind)))
}

/// One line of the catalogue.
#[derive(Debug, Serialize)]
struct ServiceRow {
    id: i64,
    kind: String,
    name: String,
    duration: u32,
    modalities: Vec<String>,
    capacity: u32,
    notice_hours: u32,
    days_ahead: u32,
    active: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct CentreQuery {
    centre: Option<String>,
}

/// `GET /{lang}/office/services?centre={slug}`.
pub async fn list(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<CentreQuery>,
) -> Result<Response, AppError> {
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::ReadServices,
        "service.read",
    )
    .await?;
    let services = state.storage.services(centre.id).await.on_page(lang)?;
    let rows: Vec<ServiceRow> = services
        .iter()
        .map(|s| ServiceRow {
            id: s.id.0,
            kind: msg(lang, kind_id(s.data.kind)),
            name: service_name(lang, s),
            duration: s.data.duration_minutes,
            modalities: s.data.modalities.iter().map(|m| msg(lang, modality_id(*m))).collect(),
            capacity: s.data.capacity,
            notice_hours: s.data.min_notice_minutes / 60,
            days_ahead: s.data.max_days_ahead,
            active: s.data.active,
        })
        .collect();
    let missing = missing_kinds(&services);
    let title = format!("{} · {}", msg(lang, "services-title"), centre.data.name);
    let ctx = context! {
        centre => centre.data.slug.clone(),
        centre_name => centre.data.name.clone(),
        centres => centre_choices(&user, Need::ReadServices),
        services => minijinja::value::Serde(&rows),
        can_edit => allowed(&user, &centre, Need::EditServices),
        can_add => !missing.is_empty(),
        agenda => allowed(&user, &centre, Need::ReadAgenda),
    };
    render(
        "office/services.html",
        lang,
        "/office/services",
        &title,
        Some(&user),
        ctx,
    )
}

/// The kinds the centre has no service of yet (plus `keep`, the kind of the
/// service being edited).
fn missing_kinds(services: &[Service]) -> Vec<ServiceKind> {
    ServiceKind::ALL
        .into_iter()
        .filter(|k| !services.iter().any(|s| s.data.kind == *k))
        .collect()
}

/// The values of the service form as posted.
fn raw_from_form(form: &FormFields) -> RawService {
    RawService {
        kind: form.get("kind"),
        duration_minutes: form.get("duration_minutes"),
        in_office: form.checked("in_office"),
        phone: form.checked("phone"),
        video: form.checked("video"),
        capacity: form.get("capacity"),
        min_notice_hours: form.get("min_notice_hours"),
        max_days_ahead: form.get("max_days_ahead"),
        active: form.checked("active"),
        name_it: form.get("name_it"),
        description_it: form.get("description_it"),
        name_en: form.get("name_en"),
        description_en: form.get("description_en"),
        name_fr: form.get("name_fr"),
        description_fr: form.get("description_fr"),
        name_de: form.get("name_de"),
        description_de: form.get("description_de"),
    }
}

/// What the form edits.
struct Target<'a> {
    centre: &'a Centre,
    /// The service being changed, or none for a new one.
    service: Option<ServiceId>,
    version: Option<i64>,
    kinds: Vec<ServiceKind>,
}

fn form_page(
    user: &SignedIn,
    target: &Target<'_>,
    raw: &RawService,
    errors: &[(String, String)],
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let kinds: Vec<Opt> = target
        .kinds
        .iter()
        .map(|k| Opt {
            value: k.code().into(),
            label: msg(lang, kind_id(*k)),
        })
        .collect();
    let modalities: Vec<(&str, String, bool)> = Modality::ALL
        .iter()
        .map(|m| {
            let on = match m {
                Modality::InOffice => raw.in_office,
                Modality::Phone => raw.phone,
                Modality::Video => raw.video,
            };
            (m.code(), msg(lang, modality_id(*m)), on)
        })
        .collect();
    let texts: Vec<(&str, &str, String, String)> = [
        (Lang::It, &raw.name_it, &raw.description_it),
        (Lang::En, &raw.name_en, &raw.description_en),
        (Lang::Fr, &raw.name_fr, &raw.description_fr),
        (Lang::De, &raw.name_de, &raw.description_de),
    ]
    .into_iter()
    .map(|(l, n, d)| (l.code(), l.native_name(), n.clone(), d.clone()))
    .collect();
    let errors: std::collections::BTreeMap<String, String> = errors.iter().cloned().collect();
    let slug = &target.centre.data.slug;
    let action = match target.service {
        Some(id) => format!("/{lang}/office/services/{}?centre={slug}", id.0),
        None => format!("/{lang}/office/services/new?centre={slug}"),
    };
    let title = format!(
        "{} · {}",
        msg(
            lang,
            if target.service.is_some() {
                "service-edit-title"
            } else {
                "service-new-title"
            }
        ),
        target.centre.data.name
    );
    let ctx = context! {
        values => minijinja::value::Serde(raw),
        errors,
        action,
        centre => slug.clone(),
        version => target.version,
        kinds => minijinja::value::Serde(&kinds),
        modalities,
        texts,
        max_duration => MAX_DURATION,
        max_capacity => MAX_CAPACITY,
        max_notice => MAX_NOTICE_HOURS,
        max_days => MAX_DAYS_AHEAD,
    };
    let mut response = render(
        "office/service_form.html",
        lang,
        "/office/services",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// Field errors as `(field, message)` in `lang`.
fn messages(lang: Lang, errors: &[FieldError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.field.clone(), field_message(lang, e)))
        .collect()
}

/// `GET /{lang}/office/services/new?centre={slug}`.
pub async fn new_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<CentreQuery>,
) -> Result<Response, AppError> {
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::EditServices,
        "service.create",
    )
    .await?;
    let services = state.storage.services(centre.id).await.on_page(lang)?;
    let kinds = missing_kinds(&services);
    let raw = RawService {
        kind: kinds.first().map(|k| k.code().to_string()).unwrap_or_default(),
        duration_minutes: "30".into(),
        in_office: true,
        capacity: "1".into(),
        min_notice_hours: "24".into(),
        max_days_ahead: "30".into(),
        active: true,
        ..RawService::default()
    };
    let target = Target {
        centre: &centre,
        service: None,
        version: None,
        kinds,
    };
    form_page(&user, &target, &raw, &[], StatusCode::OK)
}

/// `POST /{lang}/office/services/new?centre={slug}`.
pub async fn create(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<CentreQuery>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::EditServices,
        "service.create",
    )
    .await?;
    let services = state.storage.services(centre.id).await.on_page(lang)?;
    let kinds = missing_kinds(&services);
    let raw = raw_from_form(&form);
    let target = Target {
        centre: &centre,
        service: None,
        version: None,
        kinds,
    };
    let mut service = match raw.validate(centre.id) {
        Ok(service) => service,
        Err(errors) => {
            return form_page(
                &user,
                &target,
                &raw,
                &messages(lang, &errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    if !target.kinds.contains(&service.kind) {
        let errors = vec![("kind".to_string(), msg(lang, "service-kind-taken"))];
        return form_page(&user, &target, &raw, &errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    service.centre = centre.id;
    state
        .storage
        .insert_service(&service, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!(
        "/{lang}/office/services?centre={}",
        centre.data.slug
    )))
}

/// The service `id` of the centre in the query, which the user may change.
async fn editable_service(
    state: &AppState,
    user: &SignedIn,
    slug: Option<&str>,
    id: &str,
) -> Result<(Centre, Service), AppError> {
    let lang = user.lang;
    let id = id.parse::<i64>().map_err(|_| AppError::not_found().page(lang))?;
    let service = state
        .storage
        .service(ServiceId(id))
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let owner = user
        .centres
        .iter()
        .find(|c| c.id == service.data.centre)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if slug.is_some_and(|s| s != owner.data.slug) {
        return Err(AppError::not_found().page(lang));
    }
    let centre = centre_for(
        state,
        user,
        Some(&owner.data.slug),
        Need::EditServices,
        "service.update",
    )
    .await?;
    Ok((centre, service))
}

/// `GET /{lang}/office/services/{id}`.
pub async fn edit_form(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, id)): PathParams<(String, String)>,
    Query(query): Query<CentreQuery>,
) -> Result<Response, AppError> {
    let (centre, service) = editable_service(&state, &user, query.centre.as_deref(), &id).await?;
    let target = Target {
        centre: &centre,
        service: Some(service.id),
        version: Some(service.version),
        // A service keeps its kind: who may see its bookings depends on it.
        kinds: vec![service.data.kind],
    };
    form_page(
        &user,
        &target,
        &RawService::from_service(&service.data),
        &[],
        StatusCode::OK,
    )
}

/// `POST /{lang}/office/services/{id}`.
pub async fn update(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, id)): PathParams<(String, String)>,
    Query(query): Query<CentreQuery>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let (centre, service) = editable_service(&state, &user, query.centre.as_deref(), &id).await?;
    let version = form.get("version").trim().parse::<i64>().unwrap_or(-1);
    let raw = raw_from_form(&form);
    let target = Target {
        centre: &centre,
        service: Some(service.id),
        version: Some(version),
        kinds: vec![service.data.kind],
    };
    let edited = match raw.validate(centre.id) {
        Ok(edited) if !target.kinds.contains(&edited.kind) => {
            let errors = vec![("kind".to_string(), msg(lang, "service-kind-taken"))];
            return form_page(&user, &target, &raw, &errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
        Ok(edited) => edited,
        Err(errors) => {
            return form_page(
                &user,
                &target,
                &raw,
                &messages(lang, &errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    match state
        .storage
        .update_service(service.id, version, &edited, &user.actor(), Utc::now())
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/{lang}/office/services?centre={}",
            centre.data.slug
        ))),
        Err(StorageError::Full) => {
            let errors = vec![("capacity".to_string(), msg(lang, "service-capacity-booked"))];
            form_page(&user, &target, &raw, &errors, StatusCode::CONFLICT)
        }
        Err(e) => Err(AppError::from(e).page(lang)),
    }
}
