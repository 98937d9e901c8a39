//! The demo's group meetings, dated from the day the demo is loaded: the
//! Rimini centre's series of three online meetings for young people with
//! the municipalities of Santarcangelo di Romagna and Poggio Torriana
//! (services, looking for work, opportunities in Italy and abroad), a job
//! day of the Lecce centre in the room, and two information meetings for
//! foreign residents at the Nardò centre, in the room and online. Texts in
//! Italian, English, French and German. The demo's meeting rooms are on
//! `meet.jit.si` with names made from the seed; a real installation's come
//! from its Jitsi server, one unguessable room per session.

use chrono::{Duration, NaiveDate, NaiveTime};
use sportello_domain::time::from_rome_local;
use sportello_domain::{Actor, Audience, Centre, EventText, Lang, NewEvent, NewSession, Room};
use sportello_storage::{EventFilter, Storage, StorageError};

/// Title and description in each language, Italian first.
type Texts = [(Lang, &'static str, &'static str); 4];

const RIMINI_YOUTH: Texts = [
    (
        Lang::It,
        "Giovani e lavoro: tre incontri online",
        "Tre incontri online per ragazze e ragazzi, con i Comuni di Santarcangelo di Romagna e Poggio Torriana.\n\n1. I servizi del Centro per l'Impiego.\n2. Come cercare lavoro: curriculum, annunci, colloqui.\n3. Opportunità in Italia e all'estero, con la rete EURES.\n\nUna sola iscrizione vale per i tre incontri.",
    ),
    (
        Lang::En,
        "Young people and work: three online meetings",
        "Three online meetings for young people, with the municipalities of Santarcangelo di Romagna and Poggio Torriana.\n\n1. What the employment centre offers.\n2. How to look for work: CV, job ads, interviews.\n3. Opportunities in Italy and abroad, with the EURES network.\n\nOne registration is for all three meetings.",
    ),
    (
        Lang::Fr,
        "Les jeunes et le travail : trois rencontres en ligne",
        "Trois rencontres en ligne pour les jeunes, avec les communes de Santarcangelo di Romagna et de Poggio Torriana.\n\n1. Les services du centre pour l'emploi.\n2. Chercher du travail : CV, annonces, entretiens.\n3. Les opportunités en Italie et à l'étranger, avec le réseau EURES.\n\nUne seule inscription vaut pour les trois rencontres.",
    ),
    (
        Lang::De,
        "Jugend und Arbeit: drei Online-Treffen",
        "Drei Online-Treffen für junge Menschen, mit den Gemeinden Santarcangelo di Romagna und Poggio Torriana.\n\n1. Die Dienste des Arbeitsvermittlungszentrums.\n2. Arbeit suchen: Lebenslauf, Stellenanzeigen, Vorstellungsgespräche.\n3. Möglichkeiten in Italien und im Ausland, mit dem EURES-Netz.\n\nEine Anmeldung gilt für alle drei Treffen.",
    ),
];

const LECCE_JOB_DAY: Texts = [
    (
        Lang::It,
        "Giornata del lavoro: turismo e ristorazione",
        "Aziende del turismo e della ristorazione del Salento incontrano chi cerca lavoro per la stagione estiva. Porta il curriculum; gli operatori del Centro per l'Impiego ti aiutano a prepararlo.",
    ),
    (
        Lang::En,
        "Job day: tourism and catering",
        "Tourism and catering businesses of Salento meet people looking for work for the summer season. Bring your CV; the employment centre's staff help you prepare it.",
    ),
    (
        Lang::Fr,
        "Journée de l'emploi : tourisme et restauration",
        "Des entreprises du tourisme et de la restauration du Salento rencontrent les personnes qui cherchent un emploi pour la saison d'été. Apportez votre CV ; le personnel du centre pour l'emploi vous aide à le préparer.",
    ),
    (
        Lang::De,
        "Jobtag: Tourismus und Gastronomie",
        "Betriebe aus Tourismus und Gastronomie im Salento treffen Menschen, die Arbeit für die Sommersaison suchen. Bringen Sie Ihren Lebenslauf mit; das Personal des Zentrums hilft beim Vorbereiten.",
    ),
];

const NARDO_NEWCOMERS: Texts = [
    (
        Lang::It,
        "Lavorare in regola: incontro per cittadini stranieri",
        "Come iscriversi al Centro per l'Impiego, cosa sono la DID e il patto di servizio, quali diritti ha chi lavora in agricoltura e come difendersi dal caporalato. Con gli operatori dello sportello Boncuri; interpreti di inglese, francese e arabo su richiesta.",
    ),
    (
        Lang::En,
        "Working legally: a meeting for foreign residents",
        "How to register with the employment centre, what the DID and the service pact are, the rights of farm workers and how to protect yourself from illegal gangmasters. With the staff of the Boncuri desk; English, French and Arabic interpreters on request.",
    ),
    (
        Lang::Fr,
        "Travailler en règle : rencontre pour les résidents étrangers",
        "Comment s'inscrire au centre pour l'emploi, ce que sont la DID et le pacte de service, les droits des travailleurs agricoles et comment se protéger des intermédiaires illégaux. Avec le personnel du guichet Boncuri ; interprètes d'anglais, de français et d'arabe sur demande.",
    ),
    (
        Lang::De,
        "Legal arbeiten: Treffen für ausländische Einwohner",
        "Wie man sich beim Arbeitsvermittlungszentrum anmeldet, was DID und Dienstleistungsvereinbarung sind, welche Rechte Landarbeiter haben und wie man sich vor illegaler Arbeitsvermittlung schützt. Mit dem Personal des Boncuri-Schalters; Dolmetscher für Englisch, Französisch und Arabisch auf Anfrage.",
    ),
];

fn texts(texts: &Texts) -> Vec<EventText> {
    texts
        .iter()
        .map(|(lang, title, description)| EventText {
            lang: *lang,
            title: (*title).into(),
            description: (*description).into(),
        })
        .collect()
}

/// A session on `day` from `from` to `to` (Rome time), registration
/// closing at its start.
fn session(
    day: NaiveDate,
    from: (u32, u32),
    to: (u32, u32),
    room: Option<Room>,
    online: Option<String>,
    seats: u32,
) -> NewSession {
    let at = |(h, m): (u32, u32)| from_rome_local(day.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("a time")));
    NewSession {
        start: at(from),
        end: at(to),
        room,
        video_url: online,
        seats,
        registration_closes: None,
    }
}

fn room(name: &str) -> String {
    format!("https://meet.jit.si/Sportello-demo-{name}")
}

/// The demo's events, from `today` on.
pub fn events(centres: &[Centre], today: NaiveDate) -> Vec<NewEvent> {
    let by_slug = |slug: &str| centres.iter().find(|c| c.data.slug == slug);
    let mut events = Vec::new();
    let day = |n: i64| today + Duration::days(n);
    if let Some(rimini) = by_slug("rimini") {
        events.push(NewEvent {
            centre: rimini.id,
            audience: Audience::YoungPeople,
            partners: "Comune di Santarcangelo di Romagna, Comune di Poggio Torriana".into(),
            series: true,
            texts: texts(&RIMINI_YOUTH),
            sessions: (1..=3)
                .map(|n| {
                    session(
                        day(7 * n),
                        (17, 0),
                        (18, 30),
                        None,
                        Some(room(&format!("giovani-{n}-2026"))),
                        40,
                    )
                })
                .collect(),
        });
    }
    if let Some(lecce) = by_slug("lecce") {
        let place = Room {
            place: "Manifatture Knos".into(),
            address: "Via Vecchia Frigole 36, 73100 Lecce".into(),
        };
        events.push(NewEvent {
            centre: lecce.id,
            audience: Audience::Everyone,
            partners: "Comune di Lecce".into(),
            series: false,
            texts: texts(&LECCE_JOB_DAY),
            sessions: vec![session(day(10), (9, 30), (13, 0), Some(place), None, 120)],
        });
    }
    if let Some(nardo) = by_slug("nardo") {
        let place = || Room {
            place: nardo.data.name.clone(),
            address: format!("{}, {} {}", nardo.data.address, nardo.data.postcode, nardo.data.town),
        };
        events.push(NewEvent {
            centre: nardo.id,
            audience: Audience::ForeignResidents,
            partners: "Sportello Boncuri".into(),
            series: false,
            texts: texts(&NARDO_NEWCOMERS),
            sessions: vec![
                session(
                    day(5),
                    (16, 0),
                    (17, 30),
                    Some(place()),
                    Some(room("boncuri-1-2026")),
                    25,
                ),
                session(
                    day(12),
                    (16, 0),
                    (17, 30),
                    Some(place()),
                    Some(room("boncuri-2-2026")),
                    25,
                ),
            ],
        });
    }
    events
}

/// Writes the demo's events unless some are still to come.
pub async fn create(storage: &dyn Storage, centres: &[Centre], today: NaiveDate) -> Result<(), StorageError> {
    let now = chrono::Utc::now();
    if !storage
        .upcoming_events(&EventFilter::default(), now, 1)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    for event in events(centres, today) {
        storage.create_event(&event, &Actor::system(), now).await?;
    }
    Ok(())
}
