//! Reminders of group meetings, queued by the periodic jobs
//! (`crate::periodic`) when they come due, at the appointments' delays: by
//! e-mail at the e-mail's (`--reminders`), by text at the texts'
//! (`--sms-reminders`), to confirmed registrations only. A reminder that
//! comes due together with a closer one is not sent; a registration made
//! after a reminder's time gets no such reminder.

use chrono::{DateTime, Duration, Utc};
use sportello_domain::Notification;
use sportello_storage::StorageError;

use super::mails::{EventContext, NoticeKind, notice};
use crate::App;

/// Most reminders of one delay queued per run.
const REMINDER_BATCH: u32 = 500;

/// Queues the reminders that are due, closest delay first; how many.
pub async fn queue_registration_reminders(app: &App, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let by_mail = &app.appointments.reminders;
    let by_text = &app.sms.reminders;
    let mut delays: Vec<u32> = by_mail.iter().chain(by_text).copied().collect();
    delays.sort_unstable();
    delays.dedup();
    let mut loaded = super::LoadedEvents::default();
    let mut queued = 0;
    for minutes in delays {
        for registration in app
            .storage
            .due_registration_reminders(minutes, now, REMINDER_BATCH)
            .await?
        {
            let Some((event, centre)) = loaded.get(app, registration.event).await? else {
                continue;
            };
            let Some(session) = event.session(registration.session) else {
                continue;
            };
            let too_late = registration.created_at > session.start - Duration::minutes(i64::from(minutes));
            let ctx = EventContext { event, centre };
            let mut message = Notification::NONE;
            if !too_late {
                let all = notice(
                    app,
                    &ctx,
                    NoticeKind::Reminder,
                    std::slice::from_ref(&registration),
                    now,
                );
                if by_mail.contains(&minutes) {
                    message.mail = all.mail;
                }
                if by_text.contains(&minutes) {
                    message.sms = all.sms.map(|mut sms| {
                        sms.dedupe_key = Some(format!(
                            "reminder:{}:{}:{minutes}",
                            registration.reference, registration.session.0
                        ));
                        sms
                    });
                }
            }
            if app
                .storage
                .record_registration_reminder(&registration, minutes, &message, now)
                .await?
                && !message.is_empty()
            {
                queued += 1;
            }
        }
    }
    Ok(queued)
}
