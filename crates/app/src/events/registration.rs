//! Registering for group meetings, the same way for the public pages and
//! the API: a person (the booking form's fields) for one session, or for
//! every open session of a series; cancelling a session's registration,
//! confirming a seat offered, and the minute job that lets unconfirmed
//! offers lapse. Anonymous requests go through the limiter first (per
//! network, then per recipient), their texts through the SMS caps.
//!
//! As with bookings, a person who registers for themselves and whom a
//! message reaches is answered only "we have sent you a message" — whether
//! the registration is new or they already hold one (then the one held is
//! sent again, to the contacts on file), so that the answer tells nobody
//! whether someone is registered.

use chrono::{DateTime, Duration, Utc};
use sportello_auth::{hash_token, random_bytes};
use sportello_domain::limits::Limit;
use sportello_domain::{
    Actor, Centre, Event, FieldError, Lang, RawBooking, Registration, RegistrationRef, SessionClosed, SessionId,
};
use sportello_storage::{IdempotencyKey, NewRegistration, Registered, StorageError};

use super::mails::{EventContext, NoticeKind, notice};
use crate::App;
use crate::limiter::{LimitKey, Limited};
use crate::sms::SmsVerdict;

/// How long a registration's `Idempotency-Key` is remembered.
pub const IDEMPOTENCY_WINDOW: Duration = Duration::hours(24);

/// Why a registration, cancellation or confirmation was refused.
#[derive(Debug)]
pub enum RegistrationError {
    /// The person's fields.
    Fields(Vec<FieldError>),
    /// No session was chosen, or one that is not the event's.
    NoSession,
    /// A session takes no registration (past, cancelled, closed).
    Closed(SessionClosed),
    /// The registration can no longer be changed: cancelled, lapsed, or
    /// its session has started.
    TooLate,
    /// The seat offer's deadline passed before it was confirmed.
    OfferLapsed,
    /// The idempotency key came with a different request.
    KeyReused,
    /// Too many requests from this network or for this recipient.
    Limited(Limited),
    Storage(StorageError),
}

impl From<StorageError> for RegistrationError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::KeyReused => RegistrationError::KeyReused,
            StorageError::Stale => RegistrationError::TooLate,
            other => RegistrationError::Storage(other),
        }
    }
}

/// A registration to make, as the pages and the API receive it.
pub struct RegistrationInput<'a> {
    pub event: &'a Event,
    pub centre: &'a Centre,
    /// The session chosen; ignored for a series (every open session).
    pub session: Option<SessionId>,
    pub form: &'a RawBooking,
    /// The person's language: pages, e-mails, texts.
    pub lang: Lang,
}

/// The sessions a registration is for: a series' open ones, or the one
/// chosen, which must be open.
pub fn sessions_asked(
    event: &Event,
    chosen: Option<SessionId>,
    now: DateTime<Utc>,
) -> Result<Vec<SessionId>, RegistrationError> {
    if event.series {
        let open: Vec<_> = event
            .sessions
            .iter()
            .filter(|s| s.open_at(now).is_ok())
            .map(|s| s.id)
            .collect();
        if open.is_empty() {
            let closed = event
                .sessions
                .iter()
                .filter_map(|s| s.open_at(now).err())
                .next_back()
                .unwrap_or(SessionClosed::Past);
            return Err(RegistrationError::Closed(closed));
        }
        return Ok(open);
    }
    let session = chosen
        .and_then(|id| event.session(id))
        .ok_or(RegistrationError::NoSession)?;
    session.open_at(now).map_err(RegistrationError::Closed)?;
    Ok(vec![session.id])
}

/// Checks and stores a registration, queueing its e-mail and text; says
/// what became of the text.
pub async fn register(
    app: &App,
    input: &RegistrationInput<'_>,
    key: Option<&str>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(Registered, SmsVerdict), RegistrationError> {
    limit_anonymous(app, actor, &[], now).await?;
    let (mut person, needs) = input.form.validate(input.lang).map_err(RegistrationError::Fields)?;
    // Registrations name no codice fiscale: it is not asked for.
    person.codice_fiscale = None;
    // The request as sent (not the sessions open now: a replay after one
    // of a series has closed is still the same request).
    let chosen = input.session.filter(|_| !input.event.series);
    let key = key.map(|key| IdempotencyKey {
        key: key.to_string(),
        request_hash: request_hash(input.event, chosen, input.form),
        not_before: now - IDEMPOTENCY_WINDOW,
    });
    if let Some(key) = &key
        && let Some(previous) = app.storage.idempotent_registration(key).await?
    {
        let sms = if previous.first().is_some_and(|r| r.person.sms) {
            SmsVerdict::Queued
        } else {
            SmsVerdict::NotWanted
        };
        return Ok((Registered::Replayed(previous), sms));
    }
    // A replay gets the answer of the first, even once a session has closed.
    let sessions = sessions_asked(input.event, input.session, now)?;
    let sms = app.request_sms(&person, actor, now).await?;
    person.sms = sms == SmsVerdict::Queued;
    let per_recipient = app.limits.event_mails_per_recipient;
    if let Some(limited) = app.limit_recipients(per_recipient, &person, actor, now).await? {
        return Err(RegistrationError::Limited(limited));
    }
    let one_per_person = by_message(actor, person.email.is_some(), sms);
    let ctx = EventContext {
        event: input.event,
        centre: input.centre,
    };
    let notices = |rows: &[Registration]| notice(app, &ctx, NoticeKind::Registered, rows, now);
    for _ in 0..3 {
        let registration = NewRegistration {
            reference: RegistrationRef::from_random(random_bytes::<8>()),
            sessions: sessions.clone(),
            person: person.clone(),
            needs: needs.clone(),
            one_per_person,
        };
        match app
            .storage
            .register(&registration, key.as_ref(), &notices, actor, now)
            .await
        {
            Err(StorageError::Conflict(c)) if c.contains("reference") => continue,
            Err(StorageError::Stale) => {
                // A session closed meanwhile: say which, as it is now.
                let event = app.storage.event(input.event.id).await?;
                let closed = event
                    .as_ref()
                    .and_then(|e| {
                        sessions
                            .iter()
                            .filter_map(|id| e.session(*id)?.open_at(now).err())
                            .next()
                    })
                    .unwrap_or(SessionClosed::RegistrationClosed);
                return Err(RegistrationError::Closed(closed));
            }
            Ok(Registered::Existing(held)) => {
                send_again(app, &ctx, &held, actor, now).await?;
                return Ok((Registered::Existing(held), sms));
            }
            other => return Ok((other?, sms)),
        }
    }
    Err(RegistrationError::Storage(StorageError::Conflict(
        "registrations_reference_key".into(),
    )))
}

/// Whether the answer to `actor` is only "we have sent you a message"
/// (page and API): for people registering themselves whom a message
/// reaches, whether the registration is new, a replay or already held.
pub fn answered_by_message(registered: &Registered, sms: SmsVerdict, actor: &Actor) -> bool {
    match registered {
        Registered::Existing(_) => true,
        Registered::New(rows) | Registered::Replayed(rows) => rows
            .first()
            .is_some_and(|r| by_message(actor, r.person.email.is_some(), sms)),
    }
}

fn by_message(actor: &Actor, email: bool, sms: SmsVerdict) -> bool {
    actor.is_public() && (email || sms == SmsVerdict::Queued)
}

/// Sends the registration a person holds again, to its contacts on file,
/// each counted under the per-recipient limit (over it, nothing goes: the
/// answer is the same either way).
async fn send_again(
    app: &App,
    ctx: &EventContext<'_>,
    held: &[Registration],
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(), RegistrationError> {
    let Some(first) = held.first() else { return Ok(()) };
    let per_recipient = app.limits.event_mails_per_recipient;
    let mut message = notice(app, ctx, NoticeKind::Existing, held, now);
    if let Some(email) = &first.person.email
        && app
            .limit(&[(per_recipient, LimitKey::Recipient(email.as_str()))], now)
            .await?
            .is_some()
    {
        message.mail = None;
    }
    if let Some(phone) = first.person.phone.as_ref().filter(|_| message.sms.is_some())
        && (app
            .limit(&[(per_recipient, LimitKey::Recipient(phone.as_str()))], now)
            .await?
            .is_some()
            || app.sms_gate(phone, actor, now).await? != SmsVerdict::Queued)
    {
        message.sms = None;
    }
    if let Some(mail) = &message.mail {
        app.storage.enqueue_mail(mail, now).await?;
    }
    if let Some(sms) = &message.sms {
        app.storage.enqueue_sms(sms, now).await?;
    }
    Ok(())
}

/// Cancels one session's registration; its seat goes to the first in line,
/// who is told at once.
pub async fn cancel(
    app: &App,
    ctx: &EventContext<'_>,
    registration: &Registration,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Registration, RegistrationError> {
    if !registration.status.is_active() {
        return Err(RegistrationError::TooLate);
    }
    limit_anonymous(app, actor, &[], now).await?;
    let notices = |rows: &[Registration]| notice_of_status(app, ctx, rows, now);
    Ok(app
        .storage
        .cancel_registration(
            &registration.reference,
            registration.session,
            app.appointments.seat_offers,
            &notices,
            actor,
            now,
        )
        .await?)
}

/// Takes the seat offered to a registration, before its deadline.
pub async fn confirm(
    app: &App,
    ctx: &EventContext<'_>,
    registration: &Registration,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Registration, RegistrationError> {
    limit_anonymous(app, actor, &[], now).await?;
    if registration.offer_expires.is_some_and(|d| d <= now) {
        return Err(RegistrationError::OfferLapsed);
    }
    let notices = |rows: &[Registration]| notice(app, ctx, NoticeKind::Registered, rows, now);
    match app
        .storage
        .confirm_offer(&registration.reference, registration.session, &notices, actor, now)
        .await
    {
        Err(StorageError::Stale) => {
            // Lapsed by the minute job meanwhile, or confirmed already.
            let now_stored = app.storage.registrations(&registration.reference).await?;
            let lapsed = now_stored
                .iter()
                .any(|r| r.session == registration.session && r.status == sportello_domain::RegistrationStatus::Lapsed);
            Err(if lapsed {
                RegistrationError::OfferLapsed
            } else {
                RegistrationError::TooLate
            })
        }
        other => Ok(other?),
    }
}

/// Lets seat offers past their deadline lapse, each seat passing to the
/// next in line (who is told); safe on several nodes at once (a lapse
/// another node made is skipped). How many lapsed.
pub async fn lapse_due(app: &App, now: DateTime<Utc>) -> Result<u32, StorageError> {
    let due = app.storage.due_lapses(now, 200).await?;
    let mut loaded = super::LoadedEvents::default();
    let mut lapsed = 0;
    for registration in due {
        let Some((event, centre)) = loaded.get(app, registration.event).await? else {
            continue;
        };
        let ctx = EventContext { event, centre };
        let notices = |rows: &[Registration]| notice_of_status(app, &ctx, rows, now);
        match app
            .storage
            .lapse_offer(
                &registration.reference,
                registration.session,
                app.appointments.seat_offers,
                &notices,
                now,
            )
            .await
        {
            Ok(_) => lapsed += 1,
            Err(StorageError::Stale) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(lapsed)
}

/// The messages about registrations just changed, by their new status
/// (cancelled, offered a seat, lapsed).
pub(crate) fn notice_of_status(
    app: &App,
    ctx: &EventContext,
    rows: &[Registration],
    now: DateTime<Utc>,
) -> sportello_domain::Notification {
    let kind = rows
        .first()
        .map_or(NoticeKind::Registered, |r| NoticeKind::of(r.status));
    notice(app, ctx, kind, rows, now)
}

/// Counts an anonymous request under its network and `more` keys.
async fn limit_anonymous(
    app: &App,
    actor: &Actor,
    more: &[(Limit, LimitKey<'_>)],
    now: DateTime<Utc>,
) -> Result<(), RegistrationError> {
    if !actor.is_public() {
        return Ok(());
    }
    let mut keys = vec![(app.limits.events_per_net, LimitKey::Net(&actor.address))];
    keys.extend_from_slice(more);
    match app.limit(&keys, now).await? {
        Some(limited) => Err(RegistrationError::Limited(limited)),
        None => Ok(()),
    }
}

/// A stable hash of what a registration request asks for, for idempotency
/// keys (the language only chooses words: not part of it).
fn request_hash(event: &Event, session: Option<SessionId>, form: &RawBooking) -> String {
    let request = serde_json::json!({ "event": event.id, "session": session, "form": form });
    hash_token(&request.to_string())
}
