//! The twelve seeded centres. Rimini and Riccione carry their public contacts
//! (from the press); the Lecce-area contacts are placeholders for the demo
//! (e-mail under the reserved `.example` domain, phone numbers of zeros).

use chrono::NaiveTime;
use sportello_domain::centres::known_prefix;
use sportello_domain::{Area, NewCentre, OpeningHours};

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

fn period(weekday: u8, opens: (u32, u32), closes: (u32, u32), by_appointment: bool) -> OpeningHours {
    OpeningHours {
        weekday,
        opens: time(opens.0, opens.1),
        closes: time(closes.0, closes.1),
        by_appointment,
    }
}

/// Lecce area: Monday–Friday 8:30–11:30, Tuesday also 15:00–16:30, Thursday
/// afternoon by appointment.
fn lecce_hours() -> Vec<OpeningHours> {
    let mut hours: Vec<OpeningHours> = (1..=5).map(|d| period(d, (8, 30), (11, 30), false)).collect();
    hours.push(period(2, (15, 0), (16, 30), false));
    hours.push(period(4, (15, 0), (16, 30), true));
    hours.sort_by_key(|h| (h.weekday, h.opens));
    hours
}

/// Rimini area: by appointment only.
fn rimini_hours() -> Vec<OpeningHours> {
    let mut hours: Vec<OpeningHours> = (1..=5).map(|d| period(d, (9, 0), (12, 30), true)).collect();
    hours.push(period(2, (14, 30), (16, 30), true));
    hours.push(period(4, (14, 30), (16, 30), true));
    hours.sort_by_key(|h| (h.weekday, h.opens));
    hours
}

struct Seed {
    slug: &'static str,
    town: &'static str,
    address: &'static str,
    postcode: &'static str,
    phone: &'static str,
    email: &'static str,
}

const LECCE: &[Seed] = &[
    Seed {
        slug: "campi-salentina",
        town: "Campi Salentina",
        address: "Via Sandonaci 1",
        postcode: "73012",
        phone: "0832 000 001",
        email: "cpi.campi-salentina@arpal-demo.example",
    },
    Seed {
        slug: "casarano",
        town: "Casarano",
        address: "Via Ruffano 2",
        postcode: "73042",
        phone: "0833 000 002",
        email: "cpi.casarano@arpal-demo.example",
    },
    Seed {
        slug: "galatina",
        town: "Galatina",
        address: "Via Soleto 3",
        postcode: "73013",
        phone: "0836 000 003",
        email: "cpi.galatina@arpal-demo.example",
    },
    Seed {
        slug: "gallipoli",
        town: "Gallipoli",
        address: "Corso Roma 4",
        postcode: "73014",
        phone: "0833 000 004",
        email: "cpi.gallipoli@arpal-demo.example",
    },
    Seed {
        slug: "lecce",
        town: "Lecce",
        address: "Viale Otranto 5",
        postcode: "73100",
        phone: "0832 000 005",
        email: "cpi.lecce@arpal-demo.example",
    },
    Seed {
        slug: "maglie",
        town: "Maglie",
        address: "Via Otranto 6",
        postcode: "73024",
        phone: "0836 000 006",
        email: "cpi.maglie@arpal-demo.example",
    },
    Seed {
        slug: "martano",
        town: "Martano",
        address: "Via Calimera 7",
        postcode: "73025",
        phone: "0836 000 007",
        email: "cpi.martano@arpal-demo.example",
    },
    Seed {
        slug: "nardo",
        town: "Nardò",
        address: "Via Galatone 8",
        postcode: "73048",
        phone: "0833 000 008",
        email: "cpi.nardo@arpal-demo.example",
    },
    Seed {
        slug: "poggiardo",
        town: "Poggiardo",
        address: "Via Santa Cesarea 9",
        postcode: "73037",
        phone: "0836 000 009",
        email: "cpi.poggiardo@arpal-demo.example",
    },
    Seed {
        slug: "tricase",
        town: "Tricase",
        address: "Via Leuca 10",
        postcode: "73039",
        phone: "0833 000 010",
        email: "cpi.tricase@arpal-demo.example",
    },
];

const RIMINI: &[Seed] = &[
    Seed {
        slug: "rimini",
        town: "Rimini",
        address: "Via Macanno 11",
        postcode: "47923",
        phone: "0541 446209",
        email: "impiego.rimini@regione.emilia-romagna.it",
    },
    Seed {
        slug: "riccione",
        town: "Riccione",
        address: "Via Lazio 12",
        postcode: "47838",
        phone: "0541 446260",
        email: "impiego.riccione@regione.emilia-romagna.it",
    },
];

/// The twelve centres, Lecce area first.
pub fn centres() -> Vec<NewCentre> {
    let lecce = Area {
        slug: "lecce".into(),
        name: "Ambito territoriale di Lecce (Arpal Puglia)".into(),
    };
    let rimini = Area {
        slug: "rimini".into(),
        name: "Ambito di Rimini (Agenzia regionale per il lavoro Emilia-Romagna)".into(),
    };
    let build = |s: &Seed, area: &Area, province: &str, region: &str, hours: Vec<OpeningHours>| NewCentre {
        slug: s.slug.into(),
        prefix: known_prefix(s.slug).expect("seeded centres have a fixed prefix").into(),
        name: format!("Centro per l'Impiego di {}", s.town),
        town: s.town.into(),
        address: s.address.into(),
        postcode: s.postcode.into(),
        province: province.into(),
        region: region.into(),
        phone: s.phone.into(),
        email: s.email.into(),
        area: area.clone(),
        hours,
        closures: Vec::new(),
    };
    LECCE
        .iter()
        .map(|s| build(s, &lecce, "LE", "Puglia", lecce_hours()))
        .chain(
            RIMINI
                .iter()
                .map(|s| build(s, &rimini, "RN", "Emilia-Romagna", rimini_hours())),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_centres_with_fixed_prefixes_and_hours() {
        let all = centres();
        assert_eq!(all.len(), 12);
        assert!(all.iter().all(|c| !c.hours.is_empty()));
        let rimini = all.iter().find(|c| c.slug == "rimini").unwrap();
        assert_eq!(rimini.prefix, "RN");
        assert_eq!(rimini.email, "impiego.rimini@regione.emilia-romagna.it");
        assert!(
            all.iter()
                .find(|c| c.slug == "lecce")
                .unwrap()
                .hours
                .iter()
                .any(|h| h.weekday == 2 && h.opens == time(15, 0))
        );
    }
}
