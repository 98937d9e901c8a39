//! Appointment reminders, queued by the periodic jobs (`crate::periodic`) when
//! they come due: by e-mail at the e-mail's delays, by text at the texts'
//! (`--reminders`, `--sms-reminders`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sportello_domain::{CentreId, Notification, OutreachPointId, Service, ServiceId};
use sportello_storage::StorageError;

use super::calendar::CentreCalendar;
use super::mails;
use super::texts::{self, TextKind};
use crate::App;

/// Most reminders of one delay queued per run.
const REMINDER_BATCH: u32 = 500;

/// Queues the reminders that are due, closest delay first: a reminder that
/// comes due together with a closer one (the node was down) is not sent.
/// A booking made after a reminder's time gets no such reminder.
pub async fn queue_reminders(app: &App, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let by_mail = &app.appointments.reminders;
    let by_text = &app.sms.reminders;
    let mut delays: Vec<u32> = by_mail.iter().chain(by_text).copied().collect();
    delays.sort_unstable();
    delays.dedup();
    let mut calendars: HashMap<(CentreId, Option<OutreachPointId>), CentreCalendar> = HashMap::new();
    let mut services: HashMap<ServiceId, Service> = HashMap::new();
    let mut queued = 0;
    for minutes in delays {
        for booking in app.storage.due_reminders(minutes, now, REMINDER_BATCH).await? {
            let too_late = booking.created_at > booking.start - chrono::Duration::minutes(i64::from(minutes));
            let place = (booking.centre, booking.point);
            if let std::collections::hash_map::Entry::Vacant(slot) = calendars.entry(place) {
                let centres = app.storage.centres().await?;
                let Some(centre) = centres.into_iter().find(|c| c.id == booking.centre) else {
                    continue;
                };
                slot.insert(CentreCalendar::at(app, centre, booking.point).await?);
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = services.entry(booking.service) {
                let Some(service) = app.storage.service(booking.service).await? else {
                    continue;
                };
                slot.insert(service);
            }
            let calendar = &calendars[&place];
            let mut notice = Notification::NONE;
            if !too_late && by_mail.contains(&minutes) {
                notice.mail = mails::reminder(app, calendar, &services[&booking.service], &booking, minutes, now);
            }
            if !too_late && by_text.contains(&minutes) {
                notice.sms = texts::booking_text(app, TextKind::Reminder, calendar, &booking).map(|mut sms| {
                    sms.dedupe_key = Some(format!("reminder:{}:{}:{minutes}", booking.reference, booking.sequence));
                    sms
                });
            }
            if app.storage.record_reminder(&booking, minutes, &notice, now).await? && !notice.is_empty() {
                queued += 1;
            }
        }
    }
    Ok(queued)
}
