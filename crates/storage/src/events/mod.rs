//! What the database keeps of group meetings: events with their texts and
//! sessions (`events_sql.rs`) and people's registrations with the seats they
//! hold and the line they wait in (`registrations_sql.rs`), the reminders
//! sent (`reminders_sql.rs`), and the operators' side: a centre's events by
//! date, attendance, and a session moved, called off or written about to
//! everyone registered (`office_sql.rs`).
//!
//! No seat is given twice and no one is skipped: a registration, a
//! cancellation, a confirmation and a lapse each lock the session's row
//! (PostgreSQL; SQLite writes one at a time), then a confirmed or offered
//! registration takes the lowest free seat number, which the schema refuses
//! beyond the session's seats or twice, and a waiting one the next ticket
//! of the session's line, unique too. A seat freed goes at once to the first
//! in line as an offer held until a deadline ([`SeatOfferRules`]). What each
//! change tells the people concerned is asked of the caller
//! ([`Notices`]) once the change is known, and queued in the same
//! transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{
    Actor, Audience, CentreId, Email, Event, EventId, Needs, NewEvent, Notification, Person, Phone, Registration,
    RegistrationRef, RegistrationStatus, SeatOfferRules, SentMessage, SessionId, SessionMessage, SessionMove,
};

use crate::{IdempotencyKey, StorageError};

/// Builds the messages for registrations that have just changed, all of
/// one person and one request (a series' sessions), in their new state.
pub type Notices<'a> = &'a (dyn Fn(&[Registration]) -> Notification + Send + Sync);

/// A registration ready to be stored: the person, once checked, for each
/// session asked (a series: all of the event's sessions still open).
#[derive(Debug, Clone)]
pub struct NewRegistration {
    pub reference: RegistrationRef,
    pub sessions: Vec<SessionId>,
    pub person: Person,
    pub needs: Needs,
    /// When the person already holds a registration (seat, offer or line)
    /// to one of the sessions with the same e-mail or phone, nothing is
    /// written and [`Registered::Existing`] names it (people registering
    /// themselves; operators may register others).
    pub one_per_person: bool,
}

/// What [`Events::register`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registered {
    /// New registrations, one per session.
    New(Vec<Registration>),
    /// The key was used before with the same request: the registrations it
    /// made, as they are now.
    Replayed(Vec<Registration>),
    /// Nothing was written: the person is registered already, under this
    /// reference (not to be shown to whoever asked).
    Existing(Vec<Registration>),
}

impl Registered {
    pub fn registrations(&self) -> &[Registration] {
        match self {
            Registered::New(r) | Registered::Replayed(r) | Registered::Existing(r) => r,
        }
    }
}

/// Which upcoming events to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub centre: Option<CentreId>,
    pub audience: Option<Audience>,
    /// `Some(true)`: with a session online; `Some(false)`: with one in a room.
    pub online: Option<bool>,
    /// Also events whose sessions to come were all called off (for the
    /// calendar feeds, so that subscribers see them cancelled, not gone).
    pub cancelled_too: bool,
}

/// What operators do with their centre's group meetings (`office_sql.rs`):
/// find the events with sessions in a span, mark who came, and move, call
/// off or write about a session. Each change to a session locks its row,
/// re-checks that it may still be changed ([`StorageError::Stale`] if not:
/// started or called off meanwhile), and queues what `notices` says to
/// each registration still active (seat, offer or line) in the same
/// transaction: nobody is left untold.
#[async_trait]
pub trait EventOffice: Send + Sync {
    /// The events of `centre` with a session starting in `[from, to)`, by
    /// their first session there; each with all of its sessions.
    async fn centre_events(
        &self,
        centre: CentreId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Event>, StorageError>;

    /// Marks a registration of `session` attended or not shown (or back to
    /// confirmed) once the session has started: only one that holds its
    /// seat (confirmed, attended or not shown). [`StorageError::Stale`]
    /// otherwise, nothing written.
    async fn mark_registration(
        &self,
        session: SessionId,
        registration: i64,
        status: RegistrationStatus,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Registration, StorageError>;

    /// Moves a session: its new times and registration closing, one more
    /// revision, the start it had kept as the previous one; a seat offer
    /// held past the new start ends then; the reminders recorded for it are
    /// forgotten, so that they come again before the new time. The active
    /// registrations, as they are after the move.
    async fn move_session(
        &self,
        session: SessionId,
        to: &SessionMove,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<Registration>, StorageError>;

    /// Calls a session off with its public reason: one more revision, and
    /// every active registration cancelled, its seat or place in line let
    /// go. The registrations cancelled.
    async fn cancel_session(
        &self,
        session: SessionId,
        reason: &str,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<Registration>, StorageError>;

    /// Keeps a message to a session's registered people and queues it to
    /// each active registration; how many it went to.
    async fn message_session(
        &self,
        session: SessionId,
        message: &SessionMessage,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<u32, StorageError>;

    /// The messages sent to a session's registered people, oldest first.
    async fn session_messages(&self, session: SessionId) -> Result<Vec<SentMessage>, StorageError>;
}

#[async_trait]
pub trait Events: Send + Sync {
    /// Stores an event with its texts and sessions.
    async fn create_event(&self, event: &NewEvent, actor: &Actor, now: DateTime<Utc>) -> Result<EventId, StorageError>;
    /// An event with its texts and its sessions' seats as they are now.
    async fn event(&self, id: EventId) -> Result<Option<Event>, StorageError>;
    /// Events with a scheduled session ending after `now`, by their next
    /// session's start; each with all of its sessions.
    async fn upcoming_events(
        &self,
        filter: &EventFilter,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Event>, StorageError>;

    /// Registers a person to each session: a seat while one is free and no
    /// one waits, else the next place in line. [`StorageError::Stale`] when
    /// a session has started, closed its registration or been cancelled
    /// (nothing written); with a key, [`StorageError::KeyReused`] when it
    /// came with another request. `notices` gets the new registrations.
    async fn register(
        &self,
        registration: &NewRegistration,
        key: Option<&IdempotencyKey>,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Registered, StorageError>;
    /// The registrations an idempotency key made, if it was used (and not
    /// forgotten) with the same request; [`StorageError::KeyReused`] if with
    /// another.
    async fn idempotent_registration(&self, key: &IdempotencyKey) -> Result<Option<Vec<Registration>>, StorageError>;
    /// The registrations of one reference, by session start.
    async fn registrations(&self, reference: &RegistrationRef) -> Result<Vec<Registration>, StorageError>;
    /// The registrations made with this e-mail address or this number (a
    /// person's confirmed contacts), latest first, at most `limit`.
    async fn registrations_of(
        &self,
        email: Option<&Email>,
        phone: Option<&Phone>,
        limit: u32,
    ) -> Result<Vec<Registration>, StorageError>;
    /// A session's registrations, in the order they were made.
    async fn session_registrations(&self, session: SessionId) -> Result<Vec<Registration>, StorageError>;

    /// Cancels a registration that is still active, before the session
    /// starts; its seat goes to the first in line (offered until the
    /// deadline of `rules`), its place in line to no one. `notices` gets
    /// the cancelled registration, then each seat offer made.
    async fn cancel_registration(
        &self,
        reference: &RegistrationRef,
        session: SessionId,
        rules: SeatOfferRules,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Registration, StorageError>;
    /// Takes a seat offered before its deadline: the registration is
    /// confirmed. [`StorageError::Stale`] when it is not offered (any
    /// more) or the deadline has passed.
    async fn confirm_offer(
        &self,
        reference: &RegistrationRef,
        session: SessionId,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Registration, StorageError>;
    /// Seat offers whose deadline has passed, oldest first.
    async fn due_lapses(&self, now: DateTime<Utc>, limit: u32) -> Result<Vec<Registration>, StorageError>;
    /// Lets an offer whose deadline has passed lapse and offers its seat to
    /// the next in line; [`StorageError::Stale`] when it is no longer an
    /// offer past its deadline (confirmed, or lapsed by another node).
    async fn lapse_offer(
        &self,
        reference: &RegistrationRef,
        session: SessionId,
        rules: SeatOfferRules,
        notices: Notices<'_>,
        now: DateTime<Utc>,
    ) -> Result<Registration, StorageError>;
    /// Confirmed registrations with an e-mail address or texts wanted, due
    /// a reminder: their session starts within `minutes_before` of `now`
    /// (and not yet), and no reminder at that delay or a closer one was
    /// recorded.
    async fn due_registration_reminders(
        &self,
        minutes_before: u32,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Registration>, StorageError>;
    /// Records a reminder and queues its messages in one transaction;
    /// `false` (nothing queued) when another node recorded it first or the
    /// registration is no longer confirmed. Without a message the reminder
    /// is recorded as skipped (registered too late for it).
    async fn record_registration_reminder(
        &self,
        registration: &Registration,
        minutes_before: u32,
        notice: &Notification,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError>;
    /// Forgets registration idempotency keys created before `before`.
    async fn purge_registration_keys(&self, before: DateTime<Utc>) -> Result<u64, StorageError>;
}
