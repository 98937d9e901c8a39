//! Back-office accounts and what they may do. A user holds grants
//! `(role, scope)`; every permission is a pure function of the grants, the
//! object and the centres, checked on the server for every request.
//!
//! The rules:
//! - `admin` (whole installation): users, grants, centres, section texts,
//!   settings and the audit log. No access to offers or to Collocamento
//!   Mirato data unless the same user also holds a grant for them.
//! - `coordinator` (an area): reads every offer of the area's centres,
//!   drafts included, and its reports; changes nothing.
//! - `operator` (a centre): the centre's offers in the ordinary and EURES
//!   sections, their translations and the employers' requests for them.
//! - `mirato` (a centre): the same for the Collocamento Mirato sections
//!   (Law 68/1999 art. 1 and art. 18), and later the sensitive personal data.
//!
//! Every role opens people's data, so every user with a grant must use a
//! second factor ([`Role::requires_second_factor`]).

pub mod api_tokens;
pub mod sign_in;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::{Centre, CentreId, Lang, Section, ServiceKind};

/// Database identifier of a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct UserId(pub i64);

/// What a grant allows (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Coordinator,
    Operator,
    Mirato,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Coordinator, Role::Operator, Role::Mirato];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Operator => "operator",
            Role::Mirato => "mirato",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Whether holding the role needs a second factor. Every role opens
    /// people's data (bookings, employers' contacts, the users themselves;
    /// Collocamento Mirato data is health data), so every one does; a new
    /// role must say so here.
    pub fn requires_second_factor(self) -> bool {
        match self {
            Role::Admin | Role::Coordinator | Role::Operator | Role::Mirato => true,
        }
    }
}

/// Where a grant applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Scope {
    Installation,
    /// An area, by its slug (e.g. `lecce`).
    Area(String),
    Centre(CentreId),
}

/// One role over one scope.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Grant {
    pub role: Role,
    pub scope: Scope,
}

/// A grant whose role does not go with its scope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the role {role} applies to {expected}")]
pub struct GrantError {
    pub role: &'static str,
    pub expected: &'static str,
}

impl Grant {
    /// Checks that the role goes with the scope: admin with the installation,
    /// coordinator with an area, operator and mirato with a centre.
    pub fn new(role: Role, scope: Scope) -> Result<Grant, GrantError> {
        let fits = matches!(
            (role, &scope),
            (Role::Admin, Scope::Installation)
                | (Role::Coordinator, Scope::Area(_))
                | (Role::Operator | Role::Mirato, Scope::Centre(_))
        );
        if fits {
            Ok(Grant { role, scope })
        } else {
            Err(GrantError {
                role: role.code(),
                expected: match role {
                    Role::Admin => "the whole installation",
                    Role::Coordinator => "an area",
                    Role::Operator | Role::Mirato => "a centre",
                },
            })
        }
    }
}

/// A back-office user as the application sees it (no credentials).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    /// The language of the back office for this user.
    pub lang: Lang,
    pub active: bool,
    pub must_change_password: bool,
    pub totp_enabled: bool,
    pub grants: Vec<Grant>,
    pub created_at: DateTime<Utc>,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.grants.iter().any(|g| g.role == Role::Admin)
    }

    /// Whether the user must keep a second factor: some grant needs one (a
    /// user without grants sees nothing and may do without).
    pub fn requires_second_factor(&self) -> bool {
        self.grants.iter().any(|g| g.role.requires_second_factor())
    }

    /// Whether the user must set up a second factor before anything else.
    pub fn must_enrol_second_factor(&self) -> bool {
        !self.totp_enabled && self.requires_second_factor()
    }

    pub fn access<'a>(&'a self, centres: &'a [Centre]) -> Access<'a> {
        Access::new(&self.grants, centres)
    }
}

/// Who did something, for the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub user: Option<UserId>,
    /// The user's e-mail, or `system` / `anonymous`.
    pub label: String,
    /// The client's network address, when there is one.
    pub address: String,
}

impl Actor {
    pub fn user(user: &User, address: &str) -> Actor {
        Actor {
            user: Some(user.id),
            label: user.email.clone(),
            address: address.to_string(),
        }
    }

    /// Background jobs and command-line tools.
    pub fn system() -> Actor {
        Actor {
            user: None,
            label: "system".into(),
            address: String::new(),
        }
    }

    pub fn anonymous(address: &str) -> Actor {
        Actor {
            user: None,
            label: "anonymous".into(),
            address: address.to_string(),
        }
    }

    /// A person signed in to their citizen account, named by id only.
    pub fn person(id: crate::PersonId, address: &str) -> Actor {
        Actor {
            user: None,
            label: format!("person:{id}"),
            address: address.to_string(),
        }
    }

    /// Someone on the public site, signed in to a citizen account or not:
    /// their requests go through the limiter.
    pub fn is_public(&self) -> bool {
        self.user.is_none() && (self.label == "anonymous" || self.label.starts_with("person:"))
    }
}

/// What a user's grants allow over the installation's centres.
#[derive(Debug, Clone)]
pub struct Access<'a> {
    grants: &'a [Grant],
    centres: &'a [Centre],
}

impl<'a> Access<'a> {
    pub fn new(grants: &'a [Grant], centres: &'a [Centre]) -> Access<'a> {
        Access { grants, centres }
    }

    fn area_of(&self, centre: CentreId) -> Option<&str> {
        self.centres
            .iter()
            .find(|c| c.id == centre)
            .map(|c| c.data.area.slug.as_str())
    }

    fn holds(&self, role: Role, centre: CentreId) -> bool {
        self.grants
            .iter()
            .any(|g| g.role == role && g.scope == Scope::Centre(centre))
    }

    fn coordinates(&self, centre: CentreId) -> bool {
        let Some(area) = self.area_of(centre) else {
            return false;
        };
        self.grants
            .iter()
            .any(|g| g.role == Role::Coordinator && matches!(&g.scope, Scope::Area(a) if a == area))
    }

    /// Users, grants, centres, section texts, settings, the audit log.
    pub fn administers(&self) -> bool {
        self.grants.iter().any(|g| g.role == Role::Admin)
    }

    /// May read the centre's offers of `section` in any status, drafts included.
    pub fn can_read_offers(&self, centre: CentreId, section: Section) -> bool {
        self.can_edit_offers(centre, section) || self.coordinates(centre)
    }

    /// May create, edit, publish, close and translate the centre's offers of `section`.
    pub fn can_edit_offers(&self, centre: CentreId, section: Section) -> bool {
        if section.is_mirato() {
            self.holds(Role::Mirato, centre)
        } else {
            self.holds(Role::Operator, centre)
        }
    }

    /// The sections of `centre` whose offers the user may read.
    pub fn readable_sections(&self, centre: CentreId) -> Vec<Section> {
        Section::ALL
            .into_iter()
            .filter(|&s| self.can_read_offers(centre, s))
            .collect()
    }

    /// May see the centre's bookings of services of `kind` (names and
    /// contacts). A booking for Collocamento Mirato advice says something
    /// about a person's health (GDPR art. 9): only the centre's `mirato`
    /// grants see it (coordinators count them, as [`Access::can_count_bookings`]
    /// says); every other booking the readers of the ordinary section.
    pub fn can_read_bookings(&self, centre: CentreId, kind: ServiceKind) -> bool {
        match kind {
            ServiceKind::MiratoAdvice => self.holds(Role::Mirato, centre),
            _ => self.can_read_offers(centre, Section::Ordinary),
        }
    }

    /// May see the health-related needs of a booking (wheelchair, sign
    /// language, free-text needs: GDPR art. 9): only who serves it.
    pub fn can_read_needs(&self, centre: CentreId, kind: ServiceKind) -> bool {
        self.can_handle_bookings(centre, kind)
    }

    /// May know how many bookings the centre has, without whose.
    pub fn can_count_bookings(&self, centre: CentreId) -> bool {
        self.can_read_bookings(centre, ServiceKind::BasicGuidance)
            || self.can_read_bookings(centre, ServiceKind::MiratoAdvice)
            || self.administers()
    }

    /// May see the contacts of an employer's request for `section` of
    /// `centre`: for a Collocamento Mirato request, only the centre's
    /// `mirato` grants (the request says the employer is hiring under Law
    /// 68/1999, and later whom); others those who edit the section.
    pub fn can_read_request_contacts(&self, centre: CentreId, section: Section) -> bool {
        self.can_edit_offers(centre, section)
    }

    /// May book, cancel and mark the centre's bookings of services of `kind`.
    pub fn can_handle_bookings(&self, centre: CentreId, kind: ServiceKind) -> bool {
        self.can_edit_offers(centre, booking_section(kind))
    }

    /// The sections of `centre` whose offers the user may change.
    pub fn editable_sections(&self, centre: CentreId) -> Vec<Section> {
        Section::ALL
            .into_iter()
            .filter(|&s| self.can_edit_offers(centre, s))
            .collect()
    }

    /// Every `(centre, section)` the user may read, in the centres' order.
    pub fn readable(&self) -> Vec<(CentreId, Section)> {
        self.centres
            .iter()
            .flat_map(|c| self.readable_sections(c.id).into_iter().map(move |s| (c.id, s)))
            .collect()
    }

    /// Every `(centre, section)` the user may change, in the centres' order.
    pub fn editable(&self) -> Vec<(CentreId, Section)> {
        self.centres
            .iter()
            .flat_map(|c| self.editable_sections(c.id).into_iter().map(move |s| (c.id, s)))
            .collect()
    }

    /// The centres where the user may create at least one kind of offer.
    pub fn editable_centres(&self) -> Vec<&'a Centre> {
        self.centres
            .iter()
            .filter(|c| !self.editable_sections(c.id).is_empty())
            .collect()
    }

    /// May write and send news issues to the subscribers of `centre`: its
    /// operators (ordinary or Collocamento Mirato) and administrators.
    pub fn can_write_news(&self, centre: CentreId) -> bool {
        self.administers() || self.holds(Role::Operator, centre) || self.holds(Role::Mirato, centre)
    }

    /// The centres whose subscribers the user may write to.
    pub fn news_centres(&self) -> Vec<&'a Centre> {
        self.centres.iter().filter(|c| self.can_write_news(c.id)).collect()
    }

    /// Whether the user works on offers at all (any readable centre).
    pub fn works_on_offers(&self) -> bool {
        !self.readable().is_empty()
    }

    /// Reports of the area: its coordinators, and operators of its centres.
    pub fn can_read_area(&self, area: &str) -> bool {
        self.grants.iter().any(|g| match &g.scope {
            Scope::Area(a) => a == area,
            Scope::Centre(c) => self.area_of(*c) == Some(area),
            Scope::Installation => false,
        })
    }
}

/// One row of the append-only audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<UserId>,
    pub actor: String,
    pub address: String,
    /// E.g. `sign_in`, `sign_in_failed`, `permission_denied`, `offer.update`.
    pub action: String,
    /// `offer`, `user`, `centre`, `session`, `token`, `request` or empty.
    pub object_kind: String,
    /// A reference code, an e-mail, a slug.
    pub object_id: String,
    pub centre: Option<CentreId>,
    /// JSON: what changed (`{"field": [old, new]}`) or why it was refused.
    pub details: String,
    /// The id of the HTTP request that wrote the row (`X-Request-Id`), if
    /// one did.
    pub request_id: Option<String>,
}

/// An entry before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEntry {
    pub action: String,
    pub object_kind: String,
    pub object_id: String,
    pub centre: Option<CentreId>,
    pub details: String,
}

impl NewAuditEntry {
    pub fn new(action: &str, object_kind: &str, object_id: &str) -> NewAuditEntry {
        NewAuditEntry {
            action: action.into(),
            object_kind: object_kind.into(),
            object_id: object_id.into(),
            centre: None,
            details: "{}".into(),
        }
    }

    pub fn centre(mut self, centre: CentreId) -> NewAuditEntry {
        self.centre = Some(centre);
        self
    }

    /// `details` must be a JSON document.
    pub fn details(mut self, details: String) -> NewAuditEntry {
        self.details = details;
        self
    }
}

/// The section whose permission rules cover bookings of `kind`.
fn booking_section(kind: ServiceKind) -> Section {
    match kind {
        ServiceKind::MiratoAdvice => Section::MiratoArt1,
        _ => Section::Ordinary,
    }
}

#[cfg(test)]
mod tests;
