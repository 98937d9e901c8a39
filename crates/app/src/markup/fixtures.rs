//! The sample offer and centre of the markup's unit tests: the test kit's
//! builders, with the values these tests look for.

use chrono::NaiveTime;
use sportello_domain::vocab::EducationLevel;
use sportello_domain::{
    Centre, CentreId, Closure, Lang, Offer, OfferText, OpeningHours, RefCode, Requirements, Salary, TextStatus,
};
use sportello_testkit::builders;

pub fn text(lang: Lang, title: &str) -> OfferText {
    OfferText {
        description: format!("{title}: **turni** </script> & <b>"),
        how_to_apply: "Al Centro per l'Impiego".into(),
        ..builders::text(lang, TextStatus::Original, title)
    }
}

pub fn offer() -> Offer {
    let mut data = builders::offer(
        CentreId(1),
        "5131",
        vec![text(Lang::It, "Cameriere di sala"), text(Lang::En, "Waiter")],
    );
    data.employer.name = "Hotel Baia".into();
    data.requirements = Requirements {
        education: EducationLevel::None,
        languages: vec![],
        licence: None,
        experience_months: 0,
    };
    data.salary = Some(Salary { min: 1400, max: 1600 });
    data.valid_through = "2026-12-15".parse().unwrap();
    Offer {
        reference: RefCode::new("LE", 42).unwrap(),
        published_on: Some("2026-11-20".parse().unwrap()),
        version: 3,
        ..builders::published(1, data)
    }
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

pub fn centre() -> Centre {
    let hours = |weekday, opens, closes, by_appointment| OpeningHours {
        weekday,
        opens: time(opens),
        closes: time(closes),
        by_appointment,
    };
    let mut centre = builders::stored_centre(1, "lecce", "LE");
    let c = &mut centre.data;
    c.name = "Centro per l'Impiego di Lecce".into();
    c.town = "Lecce".into();
    c.address = "Viale Aldo Moro 1".into();
    c.phone = "0832 123456".into();
    c.email = "cpi.lecce@example.test".into();
    c.hours = vec![
        hours(1, "08:30", "11:30", false),
        hours(2, "08:30", "11:30", false),
        hours(2, "15:00", "16:30", false),
        hours(4, "15:00", "16:30", true),
    ];
    c.closures = vec![
        Closure {
            first_day: "2020-08-15".parse().unwrap(),
            last_day: "2020-08-15".parse().unwrap(),
            reason: "Ferragosto".into(),
        },
        Closure {
            first_day: "2026-12-24".parse().unwrap(),
            last_day: "2026-12-26".parse().unwrap(),
            reason: "Natale".into(),
        },
    ];
    centre
}
