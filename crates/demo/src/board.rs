//! What makes a generated board of many offers look like a real one beyond
//! the demo (`sportello gen`): sentences that real adverts add to the
//! description — shifts, seasons, benefits, what is asked of candidates — in
//! Italian, English, French and German with the same meaning, so that
//! descriptions vary in length and share the common phrases real searches
//! meet.

use sportello_domain::Lang;

use crate::rng::Rng;

/// Extra sentences, each in it, en, fr, de.
static SENTENCES: &[[&str; 4]] = &[
    [
        "Si lavora su turni diurni e notturni, anche nei fine settimana.",
        "Work is on day and night shifts, weekends included.",
        "Le travail s'organise en équipes de jour et de nuit, week-ends compris.",
        "Gearbeitet wird in Tag- und Nachtschichten, auch am Wochenende.",
    ],
    [
        "Il contratto copre l'intera stagione estiva, da maggio a settembre.",
        "The contract covers the whole summer season, from May to September.",
        "Le contrat couvre toute la saison estivale, de mai à septembre.",
        "Der Vertrag umfasst die gesamte Sommersaison, von Mai bis September.",
    ],
    [
        "È richiesta esperienza nella mansione di almeno un anno.",
        "At least one year of experience in the role is required.",
        "Une expérience d'au moins un an dans le poste est exigée.",
        "Mindestens ein Jahr Erfahrung in der Tätigkeit wird vorausgesetzt.",
    ],
    [
        "Si valutano anche candidati senza esperienza, con formazione a carico dell'azienda.",
        "Candidates without experience are also considered; the company provides training.",
        "Les candidats sans expérience sont aussi étudiés ; l'entreprise assure la formation.",
        "Auch Bewerbungen ohne Erfahrung sind willkommen; die Einarbeitung übernimmt der Betrieb.",
    ],
    [
        "Vitto e alloggio a carico del datore di lavoro.",
        "Board and lodging are provided by the employer.",
        "Le logement et les repas sont à la charge de l'employeur.",
        "Unterkunft und Verpflegung stellt der Arbeitgeber.",
    ],
    [
        "Sono graditi patente B e automunito per raggiungere la sede.",
        "A driving licence and own car to reach the workplace are welcome.",
        "Le permis B et un véhicule personnel pour se rendre sur le lieu de travail sont appréciés.",
        "Führerschein Klasse B und eigenes Auto für den Arbeitsweg sind erwünscht.",
    ],
    [
        "Completano il profilo puntualità, serietà e capacità di lavorare in gruppo.",
        "Punctuality, reliability and teamwork complete the profile.",
        "Ponctualité, sérieux et esprit d'équipe complètent le profil.",
        "Pünktlichkeit, Zuverlässigkeit und Teamfähigkeit runden das Profil ab.",
    ],
    [
        "Retribuzione secondo il contratto collettivo nazionale del settore.",
        "Pay follows the sector's national collective agreement.",
        "Rémunération selon la convention collective nationale du secteur.",
        "Die Vergütung richtet sich nach dem nationalen Tarifvertrag der Branche.",
    ],
    [
        "Possibilità di proroga e di trasformazione a tempo indeterminato.",
        "The contract may be extended and made permanent.",
        "Possibilité de prolongation et de passage en contrat à durée indéterminée.",
        "Verlängerung und Übernahme in ein unbefristetes Arbeitsverhältnis sind möglich.",
    ],
    [
        "La conoscenza della lingua inglese costituisce titolo preferenziale.",
        "Knowledge of English is an advantage.",
        "La connaissance de l'anglais est un atout.",
        "Englischkenntnisse sind von Vorteil.",
    ],
    [
        "Orario spezzato, con riposo settimanale a rotazione.",
        "Split shifts, with a rotating weekly day off.",
        "Horaires coupés, avec un jour de repos hebdomadaire par roulement.",
        "Geteilte Arbeitszeit mit wechselndem Ruhetag.",
    ],
    [
        "L'azienda offre buoni pasto e un ambiente di lavoro giovane e dinamico.",
        "The company offers meal vouchers and a young, lively workplace.",
        "L'entreprise offre des titres-restaurant et un cadre de travail jeune et dynamique.",
        "Der Betrieb bietet Essensgutscheine und ein junges, lebendiges Arbeitsumfeld.",
    ],
    [
        "Inizio previsto entro due settimane dal colloquio.",
        "Start expected within two weeks of the interview.",
        "Prise de poste prévue dans les deux semaines suivant l'entretien.",
        "Arbeitsbeginn innerhalb von zwei Wochen nach dem Vorstellungsgespräch.",
    ],
    [
        "Il colloquio si svolge presso il centro per l'impiego, anche a distanza.",
        "The interview takes place at the employment centre, or remotely.",
        "L'entretien a lieu au centre pour l'emploi, ou à distance.",
        "Das Vorstellungsgespräch findet im Zentrum für Arbeit statt, auch online.",
    ],
];

/// Which extra sentences one offer's description gets: none for about a
/// third of the offers, up to eight for a few, in a random order.
pub fn pick_sentences(rng: &mut Rng) -> Vec<usize> {
    let count = [0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8][rng.range(0, 11) as usize];
    let mut chosen = Vec::with_capacity(count);
    while chosen.len() < count {
        let i = rng.range(0, SENTENCES.len() as u32 - 1) as usize;
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen
}

/// The chosen sentences in one language, as one paragraph.
pub fn paragraph(chosen: &[usize], lang: Lang) -> String {
    chosen
        .iter()
        .map(|&i| SENTENCES[i][lang.index()])
        .collect::<Vec<_>>()
        .join(" ")
}
