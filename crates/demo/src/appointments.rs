//! Demo services catalogue, access rules and patron-saint days of each
//! centre, so that `sportello demo` can be booked at once. The catalogue is
//! the same list everywhere (the Collocamento Mirato advice only in Lecce,
//! where its office is; EURES advice in the larger centres); durations and
//! capacities are plausible figures, not any centre's real ones.

use std::collections::BTreeMap;

use chrono::Utc;
use sportello_domain::appointments::holidays::PatronDay;
use sportello_domain::{Actor, Centre, Lang, Modality, NewService, ServiceKind, ServiceText};
use sportello_storage::{Storage, StorageError};

/// One service of the demo catalogue: kind, minutes, modalities, capacity,
/// notice in hours, days ahead, and names/descriptions in it, en, fr, de.
struct Entry {
    kind: ServiceKind,
    minutes: u32,
    modalities: &'static [Modality],
    capacity: u32,
    notice_hours: u32,
    texts: [(&'static str, &'static str); 4],
}

const OFFICE: Modality = Modality::InOffice;
const PHONE: Modality = Modality::Phone;
const VIDEO: Modality = Modality::Video;

const CATALOGUE: &[Entry] = &[
    Entry {
        kind: ServiceKind::Did,
        minutes: 20,
        modalities: &[OFFICE, PHONE],
        capacity: 2,
        notice_hours: 2,
        texts: [
            (
                "Dichiarazione di immediata disponibilità (DID)",
                "Per iscriversi come disoccupati: portate un documento d'identità e il codice fiscale.",
            ),
            (
                "Declaration of availability for work (DID)",
                "To register as unemployed: bring an identity document and your tax code.",
            ),
            (
                "Déclaration de disponibilité immédiate (DID)",
                "Pour s'inscrire comme demandeur d'emploi : apportez une pièce d'identité et votre code fiscal.",
            ),
            (
                "Erklärung der sofortigen Verfügbarkeit (DID)",
                "Um sich arbeitslos zu melden: Bringen Sie einen Ausweis und Ihre Steuernummer mit.",
            ),
        ],
    },
    Entry {
        kind: ServiceKind::TakingInCharge,
        minutes: 45,
        modalities: &[OFFICE],
        capacity: 2,
        notice_hours: 24,
        texts: [
            (
                "Presa in carico e patto di servizio",
                "Un operatore apre la vostra pratica e concorda con voi i passi per cercare lavoro.",
            ),
            (
                "Taking in charge and service agreement",
                "An operator opens your case and agrees with you on the next steps in your job search.",
            ),
            (
                "Prise en charge et pacte de service",
                "Un agent ouvre votre dossier et convient avec vous des étapes de votre recherche d'emploi.",
            ),
            (
                "Aufnahme und Dienstleistungsvereinbarung",
                "Eine Fachkraft eröffnet Ihre Akte und vereinbart mit Ihnen die nächsten Schritte der Arbeitssuche.",
            ),
        ],
    },
    Entry {
        kind: ServiceKind::BasicGuidance,
        minutes: 30,
        modalities: &[OFFICE, PHONE, VIDEO],
        capacity: 2,
        notice_hours: 2,
        texts: [
            (
                "Colloquio di orientamento di base",
                "Un primo colloquio su esperienze, competenze e offerte adatte a voi.",
            ),
            (
                "Basic guidance interview",
                "A first talk about your experience, skills and the offers that suit you.",
            ),
            (
                "Entretien d'orientation de base",
                "Un premier entretien sur votre expérience, vos compétences et les offres qui vous conviennent.",
            ),
            (
                "Grundlegendes Beratungsgespräch",
                "Ein erstes Gespräch über Ihre Erfahrung, Ihre Fähigkeiten und passende Angebote.",
            ),
        ],
    },
    Entry {
        kind: ServiceKind::SpecialistGuidance,
        minutes: 60,
        modalities: &[OFFICE, VIDEO],
        capacity: 1,
        notice_hours: 24,
        texts: [
            (
                "Colloquio di orientamento specialistico",
                "Un percorso con un orientatore per chi cambia lavoro o rientra dopo una lunga pausa.",
            ),
            (
                "Specialist guidance interview",
                "Time with a career adviser for people changing jobs or returning after a long break.",
            ),
            (
                "Entretien d'orientation spécialisé",
                "Un temps avec un conseiller pour changer de métier ou reprendre après une longue pause.",
            ),
            (
                "Vertiefendes Beratungsgespräch",
                "Gespräch mit einer Berufsberatung für einen Berufswechsel oder den Wiedereinstieg.",
            ),
        ],
    },
    Entry {
        kind: ServiceKind::SkillsAssessment,
        minutes: 60,
        modalities: &[OFFICE],
        capacity: 1,
        notice_hours: 48,
        texts: [
            (
                "Bilancio delle competenze",
                "Ricostruiamo insieme ciò che sapete fare, anche quello imparato fuori dal lavoro.",
            ),
            (
                "Skills assessment",
                "Together we map what you can do, including what you learned outside work.",
            ),
            (
                "Bilan de compétences",
                "Nous faisons ensemble le point sur ce que vous savez faire, y compris hors du travail.",
            ),
            (
                "Kompetenzbilanz",
                "Gemeinsam halten wir fest, was Sie können – auch das, was Sie außerhalb der Arbeit gelernt haben.",
            ),
        ],
    },
    Entry {
        kind: ServiceKind::SelfEmployment,
        minutes: 45,
        modalities: &[OFFICE, VIDEO],
        capacity: 1,
        notice_hours: 24,
        texts: [
            (
                "Consulenza per l'autoimpiego",
                "Per chi vuole aprire un'attività: idee, incentivi e primi passi.",
            ),
            (
                "Self-employment advice",
                "For people who want to start a business: ideas, incentives and first steps.",
            ),
            (
                "Conseil à la création d'activité",
                "Pour créer votre activité : idées, aides et premiers pas.",
            ),
            (
                "Beratung zur Selbstständigkeit",
                "Für alle, die ein Unternehmen gründen wollen: Ideen, Förderungen und erste Schritte.",
            ),
        ],
    },
    Entry {
        kind: ServiceKind::Certificates,
        minutes: 15,
        modalities: &[OFFICE, PHONE],
        capacity: 2,
        notice_hours: 2,
        texts: [
            (
                "Certificati e attestazioni",
                "Stato occupazionale, scheda anagrafica-professionale e altri certificati.",
            ),
            (
                "Certificates",
                "Employment status, professional record and other certificates.",
            ),
            (
                "Certificats et attestations",
                "Situation professionnelle, fiche professionnelle et autres certificats.",
            ),
            (
                "Bescheinigungen",
                "Beschäftigungsstatus, Berufsdatenblatt und andere Bescheinigungen.",
            ),
        ],
    },
    Entry {
        kind: ServiceKind::EuresAdvice,
        minutes: 30,
        modalities: &[OFFICE, VIDEO],
        capacity: 1,
        notice_hours: 24,
        texts: [
            (
                "Consulenza EURES: lavorare in Europa",
                "Offerte in altri paesi dell'UE e del SEE, documenti e diritti di chi lavora all'estero.",
            ),
            (
                "EURES advice: working in Europe",
                "Offers in other EU and EEA countries, documents and the rights of people working abroad.",
            ),
            (
                "Conseil EURES : travailler en Europe",
                "Offres dans d'autres pays de l'UE et de l'EEE, documents et droits des travailleurs à l'étranger.",
            ),
            (
                "EURES-Beratung: Arbeiten in Europa",
                "Angebote in anderen EU- und EWR-Ländern, Unterlagen und Rechte bei Arbeit im Ausland.",
            ),
        ],
    },
    Entry {
        kind: ServiceKind::MiratoAdvice,
        minutes: 45,
        modalities: &[OFFICE, PHONE, VIDEO],
        capacity: 1,
        notice_hours: 24,
        texts: [
            (
                "Collocamento Mirato (Legge 68/1999)",
                "Iscrizione alle liste e offerte riservate a persone con disabilità e categorie protette.",
            ),
            (
                "Targeted placement (Law 68/1999)",
                "Registration and offers reserved for people with disabilities and protected categories.",
            ),
            (
                "Placement ciblé (loi 68/1999)",
                "Inscription et offres réservées aux personnes handicapées et aux catégories protégées.",
            ),
            (
                "Gezielte Vermittlung (Gesetz 68/1999)",
                "Eintragung und Angebote für Menschen mit Behinderungen und geschützte Gruppen.",
            ),
        ],
    },
];

/// Access rules shown before and after booking.
const ACCESS_RULES: [(Lang, &str); 4] = [
    (
        Lang::It,
        "- Arrivate 5 minuti prima e portate un documento d'identità e il codice fiscale.\n\
         - I minori non sono ammessi, salvo se sono loro ad avere l'appuntamento.\n\
         - Accompagnatori ammessi solo per persone con disabilità o che hanno bisogno di un interprete.\n\
         - L'ingresso è senza barriere; segnalate nella prenotazione se vi serve assistenza.",
    ),
    (
        Lang::En,
        "- Arrive 5 minutes early and bring an identity document and your tax code.\n\
         - Minors are not admitted unless the appointment is theirs.\n\
         - Companions only for people with disabilities or who need an interpreter.\n\
         - The entrance is step-free; say in your booking if you need assistance.",
    ),
    (
        Lang::Fr,
        "- Arrivez 5 minutes en avance avec une pièce d'identité et votre code fiscal.\n\
         - Les mineurs ne sont pas admis, sauf si le rendez-vous est le leur.\n\
         - Accompagnateurs admis seulement pour les personnes handicapées ou qui ont besoin d'un interprète.\n\
         - L'entrée est sans marche ; indiquez dans la réservation si vous avez besoin d'aide.",
    ),
    (
        Lang::De,
        "- Kommen Sie 5 Minuten früher und bringen Sie einen Ausweis und Ihre Steuernummer mit.\n\
         - Minderjährige haben keinen Zutritt, außer der Termin ist ihrer.\n\
         - Begleitpersonen nur für Menschen mit Behinderungen oder mit Dolmetschbedarf.\n\
         - Der Eingang ist stufenlos; geben Sie bei der Buchung an, wenn Sie Hilfe brauchen.",
    ),
];

/// Patron-saint days of some demo towns (centres closed).
const PATRON_DAYS: &[(&str, &str, &str)] = &[
    ("lecce", "08-26", "Sant'Oronzo"),
    ("gallipoli", "02-05", "Sant'Agata"),
    ("galatina", "06-29", "Santi Pietro e Paolo"),
    ("rimini", "10-14", "San Gaudenzo"),
];

/// Centres large enough for an EURES adviser in the demo.
const EURES_CENTRES: &[&str] = &["lecce", "gallipoli", "rimini"];

/// The demo services of `centre`.
pub fn services(centre: &Centre) -> Vec<NewService> {
    let slug = centre.data.slug.as_str();
    CATALOGUE
        .iter()
        .filter(|e| match e.kind {
            ServiceKind::MiratoAdvice => slug == "lecce",
            ServiceKind::EuresAdvice => EURES_CENTRES.contains(&slug),
            _ => true,
        })
        .map(|e| NewService {
            centre: centre.id,
            kind: e.kind,
            duration_minutes: e.minutes,
            modalities: e.modalities.to_vec(),
            capacity: e.capacity,
            min_notice_minutes: e.notice_hours * 60,
            max_days_ahead: 60,
            active: true,
            texts: Lang::ALL
                .iter()
                .zip(e.texts)
                .map(|(lang, (name, description))| ServiceText {
                    lang: *lang,
                    name: name.into(),
                    description: description.into(),
                })
                .collect(),
        })
        .collect()
}

/// Writes the services, access rules and patron days of `centres`.
pub async fn create(storage: &dyn Storage, centres: &[Centre]) -> Result<(), StorageError> {
    let (actor, now) = (Actor::system(), Utc::now());
    let rules: BTreeMap<Lang, String> = ACCESS_RULES.iter().map(|(l, t)| (*l, t.to_string())).collect();
    for centre in centres {
        for service in services(centre) {
            storage.insert_service(&service, &actor, now).await?;
        }
        storage.set_access_rules(centre.id, &rules, &actor, now).await?;
        let days: Vec<PatronDay> = PATRON_DAYS
            .iter()
            .filter(|(slug, _, _)| *slug == centre.data.slug)
            .map(|(_, date, name)| PatronDay::parse(date, name).expect("valid demo patron day"))
            .collect();
        if !days.is_empty() {
            storage.set_patron_days(centre.id, &days, &actor, now).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_service_passes_the_catalogue_form() {
        for entry in CATALOGUE {
            assert!(!entry.modalities.is_empty());
            assert!(entry.capacity >= 1 && entry.minutes >= 15);
            for (name, description) in entry.texts {
                assert!(!name.is_empty() && !description.is_empty());
            }
        }
        for (_, date, name) in PATRON_DAYS {
            assert!(PatronDay::parse(date, name).is_ok());
        }
    }
}
