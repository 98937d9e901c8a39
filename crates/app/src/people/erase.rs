//! A person's erasure (GDPR art. 17) and what they download first (art. 15
//! and 20). Erasing cancels what is still to come — appointments and
//! places at group meetings, so that the seats go to others (the next in
//! line is told as usual) — and then the storage forgets the person in one
//! transaction (`sportello_storage::Erasure`). What the law makes a centre
//! keep is listed in `docs/privacy.md`.

use chrono::{DateTime, Utc};
use serde_json::json;
use sportello_domain::{Actor, BookingStatus, Notification, PersonAccount};
use sportello_storage::{Erased, StorageError};

use crate::App;
use crate::events::mails::EventContext;
use crate::events::registration::notice_of_status;

/// How many of each the export and the erasure look at.
const MOST: u32 = 10_000;

/// Cancels the person's appointments and places still to come, then erases
/// them.
pub async fn erase(
    app: &App,
    account: &PersonAccount,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Erased, StorageError> {
    let (email, phone) = (account.email.as_ref(), account.phone.as_ref());
    for booking in app.storage.bookings_of(email, phone, MOST).await? {
        if booking.status == BookingStatus::Booked && booking.start > now {
            match app
                .storage
                .cancel_booking(&booking.reference, &Notification::NONE, actor, now)
                .await
            {
                Ok(_) | Err(StorageError::Stale) => {}
                Err(e) => return Err(e),
            }
        }
    }
    let centres = app.storage.centres().await?;
    for registration in app.storage.registrations_of(email, phone, MOST).await? {
        if !registration.status.is_active() {
            continue;
        }
        let Some(event) = app.storage.event(registration.event).await? else {
            continue;
        };
        let (Some(session), Some(centre)) = (
            event.session(registration.session),
            centres.iter().find(|c| c.id == event.centre),
        ) else {
            continue;
        };
        if session.start <= now {
            continue;
        }
        let ctx = EventContext { event: &event, centre };
        let notices = |rows: &[sportello_domain::Registration]| notice_of_status(app, &ctx, rows, now);
        match app
            .storage
            .cancel_registration(
                &registration.reference,
                registration.session,
                app.appointments.seat_offers,
                &notices,
                actor,
                now,
            )
            .await
        {
            Ok(_) | Err(StorageError::Stale) => {}
            Err(e) => return Err(e),
        }
    }
    app.storage.erase_person(account.id, actor, now).await
}

/// Everything the system holds about the person, as JSON: the account, the
/// CV and consents, the appointments and registrations made with their
/// contacts (needs included: they are the person's own), the messages sent
/// to them, and the audit log's rows about their account.
pub async fn export(app: &App, account: &PersonAccount, now: DateTime<Utc>) -> Result<serde_json::Value, StorageError> {
    let (email, phone) = (account.email.as_ref(), account.phone.as_ref());
    let stored = app.storage.cv(account.id).await?;
    let records = app.storage.consent_records(account.id).await?;
    let bookings = app.storage.bookings_of(email, phone, MOST).await?;
    let registrations = app.storage.registrations_of(email, phone, MOST).await?;
    let messages = app.storage.messages_to(email, phone, MOST).await?;
    let filter = sportello_storage::AuditFilter {
        object_kind: Some("person".into()),
        object_id: Some(account.id.0.to_string()),
        limit: MOST,
        ..Default::default()
    };
    let audit = app.storage.audit_entries(&filter).await?;
    let today = sportello_domain::time::rome_date(now);
    let cv = stored.map(|s| super::cv::export(account, &s.cv, &s.consents, &records, today));
    Ok(json!({
        "format": "sportello-person-data/1",
        "exported_at": now.to_rfc3339(),
        "account": {
            "name": account.name,
            "email": email.map(|e| e.as_str()),
            "phone": phone.map(|p| p.as_str()),
            "birth_date": account.birth_date.to_string(),
            "language": account.lang.code(),
            "password": account.has_password,
            "second_factor": account.second_factor,
            "created_at": account.created_at.to_rfc3339(),
            "last_active_at": account.last_active_at.to_rfc3339(),
        },
        "cv": cv,
        "appointments": bookings.iter().map(|b| json!({
            "reference": b.reference.as_str(),
            "centre": b.centre.0,
            "service": b.service.0,
            "modality": b.modality.code(),
            "start": b.start.to_rfc3339(),
            "end": b.end.to_rfc3339(),
            "status": b.status.code(),
            "name": b.person.name,
            "codice_fiscale": b.person.codice_fiscale.as_ref().map(|c| c.as_str()),
            "needs": {
                "interpreter": b.needs.interpreter.map(sportello_domain::vocab::Vocabulary::code),
                "wheelchair": b.needs.wheelchair,
                "sign_language": b.needs.sign_language,
                "other": b.needs.other,
            },
            "booked_at": b.created_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
        "group_meetings": registrations.iter().map(|r| json!({
            "reference": r.reference.as_str(),
            "event": r.event.0,
            "session": r.session.0,
            "status": r.status.code(),
            "name": r.person.name,
            "needs": {
                "interpreter": r.needs.interpreter.map(sportello_domain::vocab::Vocabulary::code),
                "wheelchair": r.needs.wheelchair,
                "sign_language": r.needs.sign_language,
                "other": r.needs.other,
            },
            "registered_at": r.created_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
        "messages": messages,
        "account_log": audit.iter().map(|a| json!({ "action": a.action, "at": a.at.to_rfc3339() })).collect::<Vec<_>>(),
    }))
}
