//! A centre's agenda for one day in the back office: every booking of the day
//! by time, with the person's contacts and needs, printable as a clean list;
//! and the operators' actions on a booking: cancel before the start (the
//! person gets the cancellation e-mail), mark attended or not shown once it
//! has started; one booking alone at its own address. Bookings are personal
//! data (`Access::can_read_bookings`): users who read the centre's ordinary
//! offers see them, administrators do not; bookings for Collocamento Mirato
//! advice (health-related) only the centre's `mirato` grants, the area's
//! coordinators see how many; health-related needs (wheelchair, sign
//! language, other needs) only who serves the booking. Each read of such
//! data leaves an audit row naming the booking (`booking.read`; repeats by
//! one user within an hour coalesced).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Days, Duration, NaiveDate, NaiveTime, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::time::from_rome_local;
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Booking, BookingRef, BookingStatus, Centre, Lang, NewAuditEntry, Service, ServiceKind};

use super::services::{Need, allowed, centre_choices, centre_for, service_name};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::appointments::mails::modality_id;
use sportello_app::appointments::{self, BookingError, CentreCalendar, day_or_today};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Message id of a booking's status.
pub fn status_id(status: BookingStatus) -> &'static str {
    match status {
        BookingStatus::Booked => "booking-status-booked",
        BookingStatus::Cancelled => "booking-status-cancelled",
        BookingStatus::Attended => "booking-status-attended",
        BookingStatus::NoShow => "booking-status-no_show",
    }
}

/// One line of the agenda.
#[derive(Debug, Serialize)]
struct Row {
    reference: String,
    time: String,
    service: String,
    modality: String,
    name: String,
    phone: String,
    email: String,
    needs: Vec<String>,
    status: String,
    status_code: &'static str,
    video_url: Option<String>,
    can_cancel: bool,
    can_mark: bool,
}

/// Repeat reads of one booking by one user within this long leave one row.
const READS_COALESCED: Duration = Duration::hours(1);

/// Whether a booking holds health-related needs (GDPR art. 9).
fn has_health_needs(booking: &Booking) -> bool {
    booking.needs.wheelchair || booking.needs.sign_language || !booking.needs.other.is_empty()
}

/// The needs of a booking in words; the health-related ones only when
/// `health` (the reader serves the booking).
fn needs(lang: Lang, booking: &Booking, health: bool) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(language) = booking.needs.interpreter {
        out.push(msg_args(
            lang,
            "agenda-need-interpreter",
            &args(&[("language", language.label(lang).into())]),
        ));
    }
    if !health {
        return out;
    }
    if booking.needs.wheelchair {
        out.push(msg(lang, "agenda-need-wheelchair"));
    }
    if booking.needs.sign_language {
        out.push(msg(lang, "agenda-need-sign-language"));
    }
    if !booking.needs.other.is_empty() {
        out.push(booking.needs.other.clone());
    }
    out
}

fn rows(
    lang: Lang,
    bookings: &[Booking],
    services: &[Service],
    points: &[sportello_domain::OutreachPoint],
    can_edit: impl Fn(&Booking) -> bool,
    health: impl Fn(&Booking) -> bool,
) -> Vec<Row> {
    let now = Utc::now();
    let mut rows: Vec<(chrono::DateTime<Utc>, Row)> = bookings
        .iter()
        .map(|b| {
            let booked = b.status == BookingStatus::Booked;
            let can_edit = can_edit(b);
            let row = Row {
                reference: b.reference.to_string(),
                time: view::time_range(b.start, b.end),
                service: services
                    .iter()
                    .find(|s| s.id == b.service)
                    .map(|s| service_name(lang, s))
                    .unwrap_or_default(),
                // At an outreach point, its name: the operator goes there.
                modality: match points.iter().find(|p| Some(p.id) == b.point) {
                    Some(p) => format!("{} · {}", msg(lang, modality_id(b.modality)), p.data.name(lang)),
                    None => msg(lang, modality_id(b.modality)),
                },
                name: b.person.name.clone(),
                phone: b.person.phone_text(),
                email: b.person.email_text(),
                needs: needs(lang, b, health(b)),
                status: msg(lang, status_id(b.status)),
                status_code: b.status.code(),
                video_url: b.video_url.clone(),
                can_cancel: can_edit && booked && b.start > now,
                can_mark: can_edit && booked && b.start <= now,
            };
            (b.start, row)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.reference.cmp(&b.1.reference)));
    rows.into_iter().map(|(_, r)| r).collect()
}

/// Rome midnight of `day` and of the next day.
fn day_bounds(day: NaiveDate) -> (chrono::DateTime<Utc>, chrono::DateTime<Utc>) {
    let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
    (
        from_rome_local(day.and_time(NaiveTime::MIN)),
        from_rome_local(next.and_time(NaiveTime::MIN)),
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct AgendaQuery {
    centre: Option<String>,
    day: Option<String>,
    /// After booking on someone's behalf: its reference.
    booked: Option<String>,
    /// After booking: whether a confirmation e-mail was queued.
    mailed: Option<String>,
    /// After an action: `cancelled`, `attended` or `no_show`, with `reference`.
    done: Option<String>,
    reference: Option<String>,
}

/// `GET /{lang}/office/agenda?centre={slug}&day=YYYY-MM-DD`.
pub async fn day(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<AgendaQuery>,
) -> Result<Response, AppError> {
    let centre = centre_for(&state, &user, query.centre.as_deref(), Need::ReadAgenda, "agenda.read").await?;
    let day = day_or_today(query.day.as_deref())
        .ok_or_else(|| AppError::bad_parameter("day", query.day.clone().unwrap_or_default()).page(lang))?;
    show(&state, &user, &centre, day, None, &query).await
}

/// `GET /{lang}/office/agenda/{reference}`: one booking, as its day's
/// agenda shows it. Refused (403, in the audit log) to whoever may not read it.
pub async fn booking(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, reference)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let (centre, booking, service) = booking_of(&state, &user, &reference).await?;
    if !user.access().can_read_bookings(centre.id, service.data.kind) {
        return Err(user
            .deny(&state, "booking.read", "booking", booking.reference.as_str())
            .await);
    }
    let day = sportello_domain::time::rome_date(booking.start);
    show(
        &state,
        &user,
        &centre,
        day,
        Some(&booking.reference),
        &AgendaQuery::default(),
    )
    .await
}

/// The bookings of `centre` from `from` to `to` (only the booking `only`,
/// when given) that `user` may read, the centre's services, and the
/// Collocamento Mirato bookings hidden from them, to be counted (none for
/// who may not count them). Reads of art. 9 data are logged: every Collocamento Mirato
/// booking shown, and the health-related needs when `with_needs` (the page
/// shows them to who serves the booking).
pub(crate) async fn readable_bookings(
    state: &AppState,
    user: &SignedIn,
    centre: &Centre,
    (from, to): (chrono::DateTime<Utc>, chrono::DateTime<Utc>),
    only: Option<&BookingRef>,
    with_needs: bool,
) -> Result<(Vec<Booking>, Vec<Service>, Vec<Booking>), AppError> {
    let lang = user.lang;
    let services = state.storage.services(centre.id).await.on_page(lang)?;
    let kind = |b: &Booking| services.iter().find(|s| s.id == b.service).map(|s| s.data.kind);
    let access = user.access();
    let (bookings, hidden): (Vec<Booking>, Vec<Booking>) = state
        .storage
        .centre_bookings(centre.id, from, to)
        .await
        .on_page(lang)?
        .into_iter()
        .filter(|b| only.is_none_or(|r| *r == b.reference))
        .partition(|b| kind(b).is_some_and(|k| access.can_read_bookings(centre.id, k)));
    // Others' Collocamento Mirato bookings: how many, never whose.
    let hidden_mirato: Vec<Booking> = if access.can_count_bookings(centre.id) && only.is_none() {
        hidden
            .into_iter()
            .filter(|b| kind(b) == Some(ServiceKind::MiratoAdvice))
            .collect()
    } else {
        Vec::new()
    };
    let health = |b: &Booking| with_needs && kind(b).is_some_and(|k| access.can_read_needs(centre.id, k));
    let now = Utc::now();
    let reads: Vec<NewAuditEntry> = bookings
        .iter()
        .filter(|b| kind(b) == Some(ServiceKind::MiratoAdvice) || (health(b) && has_health_needs(b)))
        .map(|b| NewAuditEntry::new("booking.read", "booking", b.reference.as_str()).centre(centre.id))
        .collect();
    state
        .storage
        .audit_reads(&user.actor(), &reads, now - READS_COALESCED, now)
        .await
        .on_page(lang)?;
    Ok((bookings, services, hidden_mirato))
}

/// The agenda of `centre` on `day` (only the booking `only`, when given),
/// with what this user may see of each booking; reads of art. 9 data logged.
async fn show(
    state: &AppState,
    user: &Office,
    centre: &Centre,
    day: NaiveDate,
    only: Option<&BookingRef>,
    query: &AgendaQuery,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let (bookings, services, hidden_mirato) =
        readable_bookings(state, user, centre, day_bounds(day), only, true).await?;
    let kind = |b: &Booking| services.iter().find(|s| s.id == b.service).map(|s| s.data.kind);
    let access = user.access();
    let health = |b: &Booking| kind(b).is_some_and(|k| access.can_read_needs(centre.id, k));
    let can_edit = allowed(user, centre, Need::EditAgenda);
    let handles = |b: &Booking| can_edit && kind(b).is_some_and(|k| access.can_handle_bookings(centre.id, k));
    let booked = query
        .booked
        .as_deref()
        .and_then(BookingRef::parse)
        .map(|r| r.to_string());
    let done = match (
        query.done.as_deref(),
        query.reference.as_deref().and_then(BookingRef::parse),
    ) {
        (Some(action @ ("cancelled" | "attended" | "no_show" | "moved")), Some(reference)) => Some(msg_args(
            lang,
            &format!("agenda-done-{}", action.replace('_', "-")),
            &args(&[("reference", reference.to_string().into())]),
        )),
        _ => None,
    };
    let points = state.storage.points(Some(centre.id)).await.on_page(lang)?;
    let title = msg_args(
        lang,
        "agenda-heading",
        &args(&[
            ("centre", centre.data.name.as_str().into()),
            ("day", view::day(lang, day).into()),
        ]),
    );
    let ctx = context! {
        centre => centre.data.slug.clone(),
        centre_name => centre.data.name.clone(),
        centres => centre_choices(user, Need::ReadAgenda),
        day => day.to_string(),
        previous => day.pred_opt().map(|d| d.to_string()),
        next => day.succ_opt().map(|d| d.to_string()),
        rows => minijinja::value::Serde(rows(lang, &bookings, &services, &points, handles, health)),
        can_edit,
        booked,
        mailed => query.mailed.is_some(),
        done,
        hidden_mirato => hidden_mirato.len(),
    };
    render("office/agenda.html", lang, "/office/agenda", &title, Some(user), ctx)
}

/// The booking `reference`, its centre (one of the user's: "not found"
/// otherwise) and its service.
async fn booking_of(
    state: &AppState,
    user: &SignedIn,
    reference: &str,
) -> Result<(Centre, Booking, Service), AppError> {
    let lang = user.lang;
    let code = BookingRef::parse(reference).ok_or_else(|| AppError::not_found().page(lang))?;
    let booking = state
        .storage
        .booking(&code)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let Some(centre) = user.centres.iter().find(|c| c.id == booking.centre).cloned() else {
        return Err(AppError::not_found().page(lang));
    };
    let service = state
        .storage
        .service(booking.service)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    Ok((centre, booking, service))
}

/// The booking `reference` and its centre, if the user may change it.
pub(super) async fn editable_booking(
    state: &AppState,
    user: &SignedIn,
    reference: &str,
    action: &str,
) -> Result<(Centre, Booking), AppError> {
    let (centre, booking, service) = booking_of(state, user, reference).await?;
    if !user.access().can_handle_bookings(centre.id, service.data.kind) {
        return Err(user.deny(state, action, "booking", reference).await);
    }
    Ok((centre, booking))
}

/// A short page saying why an action could not be done.
pub(super) fn refusal(user: &SignedIn, centre: &Centre, day: NaiveDate, text: &str) -> Result<Response, AppError> {
    let lang = user.lang;
    let title = msg(lang, "agenda-not-done");
    let ctx = context! {
        text,
        back => format!("/{lang}/office/agenda?centre={}&day={day}", centre.data.slug),
    };
    let mut response = render(
        "office/agenda_notice.html",
        lang,
        "/office/agenda",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = StatusCode::CONFLICT;
    Ok(response)
}

/// `POST /{lang}/office/agenda/{reference}`: `action` = `cancel` (asks
/// first, then `confirm=yes`), `attended` or `no_show`.
pub async fn action(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let action = form.get("action");
    let audit_action = match action.as_str() {
        "cancel" => "booking.cancel",
        "attended" | "no_show" => "booking.mark",
        _ => return Err(AppError::bad_parameter("action", action).page(lang)),
    };
    let (centre, booking) = editable_booking(&state, &user, &reference, audit_action).await?;
    let day = sportello_domain::time::rome_date(booking.start);
    let back = |done: &str| {
        see_other(&format!(
            "/{lang}/office/agenda?centre={}&day={day}&done={done}&reference={}",
            centre.data.slug, booking.reference
        ))
    };
    let now = Utc::now();
    let services = state.storage.services(centre.id).await.on_page(lang)?;
    let service = services
        .into_iter()
        .find(|s| s.id == booking.service)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if action == "cancel" {
        if booking.status != BookingStatus::Booked || booking.start <= now {
            return refusal(&user, &centre, day, &msg(lang, "agenda-too-late"));
        }
        if form.get("confirm") != "yes" {
            if service.data.kind == ServiceKind::MiratoAdvice {
                let read = NewAuditEntry::new("booking.read", "booking", booking.reference.as_str()).centre(centre.id);
                let since = now - READS_COALESCED;
                state
                    .storage
                    .audit_reads(&user.actor(), &[read], since, now)
                    .await
                    .on_page(lang)?;
            }
            let title = msg(lang, "agenda-cancel-title");
            let ctx = context! {
                reference => booking.reference.to_string(),
                name => booking.person.name.clone(),
                service => service_name(lang, &service),
                when => view::when(lang, booking.start),
                email => booking.person.email.is_some(),
                back => format!("/{lang}/office/agenda?centre={}&day={day}", centre.data.slug),
            };
            return render(
                "office/agenda_confirm.html",
                lang,
                "/office/agenda",
                &title,
                Some(&user),
                ctx,
            );
        }
        let calendar = CentreCalendar::at(&state, centre.clone(), booking.point)
            .await
            .on_page(lang)?;
        return match appointments::cancel(&state, &calendar, &service, &booking, &user.actor(), now).await {
            Ok(_) => Ok(back("cancelled")),
            Err(BookingError::TooLate) => refusal(&user, &centre, day, &msg(lang, "agenda-too-late")),
            Err(BookingError::Storage(e)) => Err(AppError::from(e).page(lang)),
            Err(_) => Err(AppError::new(Problem::NotPossible("cancel".into())).page(lang)),
        };
    }
    if booking.status != BookingStatus::Booked {
        return refusal(&user, &centre, day, &msg(lang, "agenda-already-closed"));
    }
    if booking.start > now {
        return refusal(&user, &centre, day, &msg(lang, "agenda-not-started"));
    }
    let status = if action == "attended" {
        BookingStatus::Attended
    } else {
        BookingStatus::NoShow
    };
    state
        .storage
        .mark_booking(&booking.reference, status, &user.actor(), now)
        .await
        .on_page(lang)?;
    Ok(back(status.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_runs_from_rome_midnight_to_midnight() {
        let (from, to) = day_bounds(NaiveDate::from_ymd_opt(2026, 3, 29).unwrap());
        assert_eq!(from.to_rfc3339(), "2026-03-28T23:00:00+00:00");
        assert_eq!(
            to.to_rfc3339(),
            "2026-03-29T22:00:00+00:00",
            "23 hours on the spring change"
        );
    }
}
