//! The demo's outreach points, dated from the day the demo is loaded: the
//! Lecce centre's job camper, which stops in a town of the area every few
//! working days (9:00–12:30, in the town's main square), and the Nardò
//! centre's desk at the Boncuri hostel for foreign farm workers, open on
//! Tuesday and Thursday evenings after work in the fields. Both take
//! bookings for the DID and the basic guidance interview; the patron days
//! of the towns involved are stored with them. Texts in Italian, English,
//! French and German.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Utc, Weekday};
use sportello_domain::{
    Actor, Centre, Lang, NewOutreachPoint, NewStop, OpeningHours, PatronDay, PointKind, PointText, ServiceKind,
};
use sportello_storage::{Storage, StorageError};

type Texts = [(Lang, &'static str, &'static str); 4];

const CAMPER: Texts = [
    (
        Lang::It,
        "Camper del lavoro",
        "Il camper del Centro per l'Impiego di Lecce porta i servizi nei comuni del territorio: iscrizione (DID), informazioni sulle offerte di lavoro, primo colloquio di orientamento. Potete prenotare o venire senza appuntamento.",
    ),
    (
        Lang::En,
        "Job camper",
        "The Lecce employment centre's camper brings its services to the towns of the area: registering as available for work (DID), information on job offers, a first guidance interview. You can book or just come.",
    ),
    (
        Lang::Fr,
        "Camping-car de l'emploi",
        "Le camping-car du centre pour l'emploi de Lecce apporte ses services dans les communes du territoire : inscription (DID), informations sur les offres d'emploi, premier entretien d'orientation. Vous pouvez prendre rendez-vous ou venir sans rendez-vous.",
    ),
    (
        Lang::De,
        "Job-Camper",
        "Der Camper des Arbeitsvermittlungszentrums Lecce bringt seine Dienste in die Gemeinden der Gegend: Meldung als arbeitsuchend (DID), Informationen über Stellenangebote, ein erstes Beratungsgespräch. Sie können einen Termin buchen oder einfach kommen.",
    ),
];

const BONCURI: Texts = [
    (
        Lang::It,
        "Sportello Boncuri",
        "Lo sportello del Centro per l'Impiego di Nardò alla foresteria Boncuri, per chi lavora nei campi: iscrizione (DID), contratti di lavoro regolari, informazioni contro il caporalato. Con mediatori culturali.",
    ),
    (
        Lang::En,
        "Boncuri desk",
        "The Nardò employment centre's desk at the Boncuri hostel, for farm workers: registering as available for work (DID), regular work contracts, information against illegal gangmastering. With cultural mediators.",
    ),
    (
        Lang::Fr,
        "Guichet Boncuri",
        "Le guichet du centre pour l'emploi de Nardò au foyer Boncuri, pour les travailleurs agricoles : inscription (DID), contrats de travail réguliers, informations contre le travail illégal (caporalato). Avec des médiateurs culturels.",
    ),
    (
        Lang::De,
        "Anlaufstelle Boncuri",
        "Die Anlaufstelle des Arbeitsvermittlungszentrums Nardò in der Unterkunft Boncuri, für Landarbeiter: Meldung als arbeitsuchend (DID), reguläre Arbeitsverträge, Informationen gegen illegale Arbeitsvermittlung (Caporalato). Mit Kulturmittlern.",
    ),
];

/// The camper's towns, in the order it visits them, with their main square.
const CAMPER_TOWNS: &[(&str, &str)] = &[
    ("Copertino", "Piazza del Popolo"),
    ("Leverano", "Piazza Roma"),
    ("Veglie", "Piazza Umberto I"),
    ("Porto Cesareo", "Piazza Nazario Sauro"),
    ("Galatone", "Piazza Costadura"),
    ("Galatina", "Piazza San Pietro"),
];

/// Patron days of the demo's towns (a local holiday there).
const PATRON_DAYS: &[(&str, &str, &str)] = &[
    ("Lecce", "08-26", "Sant'Oronzo"),
    ("Nardò", "02-20", "San Gregorio Armeno"),
    ("Galatina", "06-29", "Santi Pietro e Paolo"),
    ("Copertino", "09-18", "San Giuseppe da Copertino"),
];

/// Stops the camper makes in the demo.
const CAMPER_STOPS: usize = 12;

fn texts(texts: &Texts) -> Vec<PointText> {
    texts
        .iter()
        .map(|(lang, name, description)| PointText {
            lang: *lang,
            name: (*name).into(),
            description: (*description).into(),
        })
        .collect()
}

fn hhmm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a valid time")
}

/// Creates the demo's points once: nothing when the database has points.
pub async fn create(storage: &dyn Storage, centres: &[Centre], today: NaiveDate) -> Result<(), StorageError> {
    if !storage.points(None).await?.is_empty() {
        return Ok(());
    }
    for (town, day, name) in PATRON_DAYS {
        let day = PatronDay::parse(day, name).expect("the demo's patron days are valid");
        storage
            .set_town_patron_days(town, &[day], &Actor::system(), Utc::now())
            .await?;
    }
    let centre = |slug: &str| centres.iter().find(|c| c.data.slug == slug);
    let (Some(lecce), Some(nardo)) = (centre("lecce"), centre("nardo")) else {
        return Ok(());
    };
    let booked_at = |centre: &Centre| {
        let centre = centre.id;
        async move {
            let services = storage.services(centre).await?;
            Ok::<_, StorageError>(
                services
                    .iter()
                    .filter(|s| matches!(s.data.kind, ServiceKind::Did | ServiceKind::BasicGuidance))
                    .map(|s| s.id)
                    .collect::<Vec<_>>(),
            )
        }
    };
    let camper = storage
        .insert_point(&NewOutreachPoint {
            centre: lecce.id,
            slug: "camper".into(),
            kind: PointKind::Tour,
            town: "Lecce".into(),
            address: String::new(),
            hours: Vec::new(),
            services: booked_at(lecce).await?,
            texts: texts(&CAMPER),
        })
        .await?;
    let hours = |weekday| OpeningHours {
        weekday,
        opens: hhmm(17, 0),
        closes: hhmm(20, 0),
        by_appointment: false,
    };
    storage
        .insert_point(&NewOutreachPoint {
            centre: nardo.id,
            slug: "boncuri".into(),
            kind: PointKind::Desk,
            town: "Nardò".into(),
            address: "Foresteria Boncuri, Masseria Boncuri".into(),
            hours: vec![hours(2), hours(4)],
            services: booked_at(nardo).await?,
            texts: texts(&BONCURI),
        })
        .await?;
    // Every other working day from tomorrow; a day the calendar refuses
    // (a holiday, a patron day) is skipped.
    let now = Utc::now();
    let mut day = today;
    let mut made = 0;
    let mut towns = CAMPER_TOWNS.iter().cycle();
    while made < CAMPER_STOPS {
        day = day.checked_add_days(Days::new(2)).unwrap_or(day);
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        let (town, place) = towns.next().expect("a cycle never ends");
        let stop = NewStop {
            date: day,
            opens: hhmm(9, 0),
            closes: hhmm(12, 30),
            town: (*town).into(),
            place: (*place).into(),
            address: String::new(),
        };
        if storage.add_stop(camper.id, &stop, &Actor::system(), now).await?.is_ok() {
            made += 1;
        }
    }
    Ok(())
}
