//! The permission rules of the back office's grants.

use super::*;
use crate::{Area, NewCentre};

fn centre(id: i64, area: &str) -> Centre {
    Centre {
        id: CentreId(id),
        data: NewCentre {
            slug: format!("c{id}"),
            prefix: format!("C{id}"),
            name: format!("Centre {id}"),
            town: String::new(),
            address: String::new(),
            postcode: String::new(),
            province: String::new(),
            region: String::new(),
            phone: String::new(),
            email: String::new(),
            area: Area {
                slug: area.into(),
                name: area.into(),
            },
            hours: vec![],
            closures: Vec::new(),
        },
    }
}

fn grant(role: Role, scope: Scope) -> Grant {
    Grant::new(role, scope).unwrap()
}

#[test]
fn roles_go_with_their_scopes() {
    assert!(Grant::new(Role::Admin, Scope::Installation).is_ok());
    assert!(Grant::new(Role::Admin, Scope::Centre(CentreId(1))).is_err());
    assert!(Grant::new(Role::Coordinator, Scope::Area("lecce".into())).is_ok());
    assert!(Grant::new(Role::Coordinator, Scope::Centre(CentreId(1))).is_err());
    assert!(Grant::new(Role::Operator, Scope::Centre(CentreId(1))).is_ok());
    assert!(Grant::new(Role::Mirato, Scope::Area("lecce".into())).is_err());
    for r in Role::ALL {
        assert_eq!(Role::parse(r.code()), Some(r));
    }
}

#[test]
fn operators_work_on_their_centre_outside_the_mirato_sections() {
    let centres = [centre(1, "lecce"), centre(2, "lecce")];
    let grants = [grant(Role::Operator, Scope::Centre(CentreId(1)))];
    let access = Access::new(&grants, &centres);
    assert!(access.can_edit_offers(CentreId(1), Section::Ordinary));
    assert!(access.can_edit_offers(CentreId(1), Section::Eures));
    assert!(!access.can_edit_offers(CentreId(1), Section::MiratoArt1));
    assert!(!access.can_read_offers(CentreId(1), Section::MiratoArt18));
    assert!(!access.can_read_offers(CentreId(2), Section::Ordinary));
    assert!(!access.administers());
    assert_eq!(access.editable_centres().len(), 1);
    assert_eq!(
        access.editable(),
        vec![(CentreId(1), Section::Ordinary), (CentreId(1), Section::Eures)]
    );
}

#[test]
fn news_go_to_subscribers_of_the_writers_centres() {
    let centres = [centre(1, "lecce"), centre(2, "lecce")];
    let news = |grants: &[Grant]| -> Vec<CentreId> {
        Access::new(grants, &centres)
            .news_centres()
            .iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(
        news(&[grant(Role::Operator, Scope::Centre(CentreId(1)))]),
        [CentreId(1)]
    );
    assert_eq!(news(&[grant(Role::Mirato, Scope::Centre(CentreId(2)))]), [CentreId(2)]);
    assert_eq!(
        news(&[grant(Role::Admin, Scope::Installation)]),
        [CentreId(1), CentreId(2)]
    );
    assert!(
        news(&[grant(Role::Coordinator, Scope::Area("lecce".into()))]).is_empty(),
        "coordinators only read"
    );
    assert!(news(&[]).is_empty());
}

#[test]
fn mirato_grants_cover_only_the_mirato_sections() {
    let centres = [centre(1, "lecce")];
    let grants = [grant(Role::Mirato, Scope::Centre(CentreId(1)))];
    let access = Access::new(&grants, &centres);
    assert_eq!(
        access.editable_sections(CentreId(1)),
        vec![Section::MiratoArt1, Section::MiratoArt18]
    );
    assert!(!access.can_read_offers(CentreId(1), Section::Ordinary));
}

#[test]
fn collocamento_mirato_bookings_follow_the_mirato_grants() {
    let centres = [centre(1, "lecce")];
    let operator = [grant(Role::Operator, Scope::Centre(CentreId(1)))];
    let mirato = [grant(Role::Mirato, Scope::Centre(CentreId(1)))];
    let coordinator = [grant(Role::Coordinator, Scope::Area("lecce".into()))];
    let (operator, mirato) = (Access::new(&operator, &centres), Access::new(&mirato, &centres));
    let coordinator = Access::new(&coordinator, &centres);
    let c = CentreId(1);
    assert!(operator.can_handle_bookings(c, ServiceKind::Did));
    assert!(!operator.can_read_bookings(c, ServiceKind::MiratoAdvice));
    assert!(mirato.can_handle_bookings(c, ServiceKind::MiratoAdvice));
    assert!(!mirato.can_read_bookings(c, ServiceKind::BasicGuidance));
    assert!(
        !coordinator.can_read_bookings(c, ServiceKind::MiratoAdvice),
        "counts only"
    );
    assert!(coordinator.can_read_bookings(c, ServiceKind::Did));
    assert!(coordinator.can_count_bookings(c));
    assert!(!coordinator.can_handle_bookings(c, ServiceKind::Did));
}

#[test]
fn needs_only_for_who_serves_the_booking() {
    let centres = [centre(1, "lecce"), centre(2, "rimini")];
    let c = CentreId(1);
    let operator = [grant(Role::Operator, Scope::Centre(c))];
    let other = [grant(Role::Operator, Scope::Centre(CentreId(2)))];
    let mirato = [grant(Role::Mirato, Scope::Centre(c))];
    let coordinator = [grant(Role::Coordinator, Scope::Area("lecce".into()))];
    let admin = [grant(Role::Admin, Scope::Installation)];
    let [operator, other, mirato, coordinator, admin] =
        [&operator[..], &other, &mirato, &coordinator, &admin].map(|g| Access::new(g, &centres));
    assert!(operator.can_read_needs(c, ServiceKind::Did));
    assert!(!operator.can_read_needs(c, ServiceKind::MiratoAdvice));
    assert!(!other.can_read_needs(c, ServiceKind::Did));
    assert!(mirato.can_read_needs(c, ServiceKind::MiratoAdvice));
    assert!(!coordinator.can_read_needs(c, ServiceKind::Did));
    assert!(!admin.can_read_needs(c, ServiceKind::Did) && !admin.can_read_bookings(c, ServiceKind::Did));
    assert!(admin.can_count_bookings(c));
}

#[test]
fn mirato_request_contacts_only_for_mirato_grants() {
    let centres = [centre(1, "lecce")];
    let c = CentreId(1);
    let operator = [grant(Role::Operator, Scope::Centre(c))];
    let mirato = [grant(Role::Mirato, Scope::Centre(c))];
    let coordinator = [grant(Role::Coordinator, Scope::Area("lecce".into()))];
    let [operator, mirato, coordinator] = [&operator[..], &mirato, &coordinator].map(|g| Access::new(g, &centres));
    assert!(operator.can_read_request_contacts(c, Section::Ordinary));
    assert!(!operator.can_read_request_contacts(c, Section::MiratoArt1));
    assert!(mirato.can_read_request_contacts(c, Section::MiratoArt18));
    assert!(!coordinator.can_read_request_contacts(c, Section::MiratoArt1));
    assert!(!coordinator.can_read_request_contacts(c, Section::Ordinary));
}

#[test]
fn coordinators_read_their_area_and_change_nothing() {
    let centres = [centre(1, "lecce"), centre(2, "rimini")];
    let grants = [grant(Role::Coordinator, Scope::Area("lecce".into()))];
    let access = Access::new(&grants, &centres);
    for s in Section::ALL {
        assert!(access.can_read_offers(CentreId(1), s));
        assert!(!access.can_edit_offers(CentreId(1), s));
        assert!(!access.can_read_offers(CentreId(2), s));
    }
    assert!(access.can_read_area("lecce") && !access.can_read_area("rimini"));
    assert!(access.editable_centres().is_empty());
}

#[test]
fn admins_run_the_installation_but_not_the_offers() {
    let centres = [centre(1, "lecce")];
    let grants = [grant(Role::Admin, Scope::Installation)];
    let access = Access::new(&grants, &centres);
    assert!(access.administers());
    assert!(!access.works_on_offers());
    for s in Section::ALL {
        assert!(!access.can_read_offers(CentreId(1), s));
    }
}

#[test]
fn every_role_must_enrol_a_second_factor_and_a_user_without_grants_need_not() {
    let mut user = User {
        id: UserId(1),
        email: "a@b.it".into(),
        name: "A".into(),
        lang: Lang::It,
        active: true,
        must_change_password: false,
        totp_enabled: false,
        grants: Vec::new(),
        created_at: Utc::now(),
    };
    assert!(!user.requires_second_factor(), "no grant, no personal data");
    assert!(!user.must_enrol_second_factor());
    let grants = [
        grant(Role::Admin, Scope::Installation),
        grant(Role::Coordinator, Scope::Area("lecce".into())),
        grant(Role::Operator, Scope::Centre(CentreId(1))),
        grant(Role::Mirato, Scope::Centre(CentreId(1))),
    ];
    assert_eq!(grants.len(), Role::ALL.len(), "every role is checked");
    for g in &grants {
        assert!(g.role.requires_second_factor(), "{}", g.role.code());
        user.grants = vec![g.clone()];
        user.totp_enabled = false;
        assert!(user.requires_second_factor(), "{}", g.role.code());
        assert!(user.must_enrol_second_factor(), "{} without a factor", g.role.code());
        user.totp_enabled = true;
        assert!(!user.must_enrol_second_factor(), "{} with a factor", g.role.code());
        assert!(
            user.requires_second_factor(),
            "{}: it may not be turned off",
            g.role.code()
        );
    }
}
