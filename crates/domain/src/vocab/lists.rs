//! The small vocabularies of structured offer fields.

use super::vocabulary;

vocabulary! {
    /// Type of employment contract.
    ContractType {
        Permanent = "permanent" => ["Tempo indeterminato", "Permanent", "CDI (durée indéterminée)", "Unbefristet"],
        FixedTerm = "fixed_term" => ["Tempo determinato", "Fixed-term", "CDD (durée déterminée)", "Befristet"],
        Seasonal = "seasonal" => ["Stagionale", "Seasonal", "Saisonnier", "Saisonarbeit"],
        Apprenticeship = "apprenticeship" => ["Apprendistato", "Apprenticeship", "Apprentissage", "Ausbildung"],
        TemporaryAgency = "temporary_agency" => ["Somministrazione", "Agency work", "Intérim", "Zeitarbeit"],
        Internship = "internship" => ["Tirocinio", "Traineeship", "Stage", "Praktikum"],
        OnCall = "on_call" => ["Lavoro intermittente", "On-call work", "Travail intermittent", "Arbeit auf Abruf"],
    }
}

vocabulary! {
    /// Working time.
    WorkingTime {
        FullTime = "full_time" => ["Tempo pieno", "Full-time", "Temps plein", "Vollzeit"],
        PartTime = "part_time" => ["Part-time", "Part-time", "Temps partiel", "Teilzeit"],
        ShiftWork = "shift_work" => ["Su turni", "Shift work", "Travail posté", "Schichtarbeit"],
    }
}

vocabulary! {
    /// Minimum education level required.
    EducationLevel {
        None = "none" => ["Nessun titolo richiesto", "No qualification required", "Aucun diplôme requis", "Kein Abschluss erforderlich"],
        LowerSecondary = "lower_secondary" => ["Licenza media", "Lower secondary school", "Brevet des collèges", "Mittelschulabschluss"],
        Vocational = "vocational" => ["Qualifica professionale", "Vocational qualification", "Qualification professionnelle", "Berufsabschluss"],
        UpperSecondary = "upper_secondary" => ["Diploma di scuola superiore", "Upper secondary diploma", "Baccalauréat", "Abitur oder Fachabitur"],
        Bachelor = "bachelor" => ["Laurea triennale", "Bachelor’s degree", "Licence", "Bachelorabschluss"],
        Master = "master" => ["Laurea magistrale", "Master’s degree", "Master", "Masterabschluss"],
    }
}

vocabulary! {
    /// A language an offer may require.
    SpokenLanguage {
        Italian = "it" => ["Italiano", "Italian", "Italien", "Italienisch"],
        English = "en" => ["Inglese", "English", "Anglais", "Englisch"],
        French = "fr" => ["Francese", "French", "Français", "Französisch"],
        German = "de" => ["Tedesco", "German", "Allemand", "Deutsch"],
        Spanish = "es" => ["Spagnolo", "Spanish", "Espagnol", "Spanisch"],
        Russian = "ru" => ["Russo", "Russian", "Russe", "Russisch"],
        Polish = "pl" => ["Polacco", "Polish", "Polonais", "Polnisch"],
        Romanian = "ro" => ["Rumeno", "Romanian", "Roumain", "Rumänisch"],
        Arabic = "ar" => ["Arabo", "Arabic", "Arabe", "Arabisch"],
        Chinese = "zh" => ["Cinese", "Chinese", "Chinois", "Chinesisch"],
    }
}

vocabulary! {
    /// Level of the Common European Framework of Reference for Languages.
    Cefr {
        A1 = "A1" => ["A1 (base)", "A1 (beginner)", "A1 (débutant)", "A1 (Anfänger)"],
        A2 = "A2" => ["A2 (elementare)", "A2 (elementary)", "A2 (élémentaire)", "A2 (Grundkenntnisse)"],
        B1 = "B1" => ["B1 (intermedio)", "B1 (intermediate)", "B1 (intermédiaire)", "B1 (Mittelstufe)"],
        B2 = "B2" => ["B2 (intermedio superiore)", "B2 (upper intermediate)", "B2 (intermédiaire supérieur)", "B2 (gute Mittelstufe)"],
        C1 = "C1" => ["C1 (avanzato)", "C1 (advanced)", "C1 (avancé)", "C1 (fortgeschritten)"],
        C2 = "C2" => ["C2 (padronanza)", "C2 (proficient)", "C2 (maîtrise)", "C2 (annähernd muttersprachlich)"],
    }
}

vocabulary! {
    /// Level of the European Qualifications Framework (EQF), with the
    /// Italian qualifications at each level (QNQ).
    EqfLevel {
        L1 = "1" => ["Livello 1 (licenza media)", "Level 1 (lower secondary school)", "Niveau 1 (fin du collège)", "Niveau 1 (Mittelschulabschluss)"],
        L2 = "2" => ["Livello 2 (obbligo di istruzione)", "Level 2 (end of compulsory schooling)", "Niveau 2 (fin de la scolarité obligatoire)", "Niveau 2 (Ende der Schulpflicht)"],
        L3 = "3" => ["Livello 3 (qualifica professionale)", "Level 3 (vocational qualification)", "Niveau 3 (qualification professionnelle)", "Niveau 3 (Berufsqualifikation)"],
        L4 = "4" => ["Livello 4 (diploma di scuola superiore o professionale)", "Level 4 (upper secondary or vocational diploma)", "Niveau 4 (baccalauréat ou diplôme professionnel)", "Niveau 4 (Abitur oder Berufsdiplom)"],
        L5 = "5" => ["Livello 5 (diploma ITS)", "Level 5 (higher technical diploma)", "Niveau 5 (diplôme technique supérieur)", "Niveau 5 (höheres Technikerdiplom)"],
        L6 = "6" => ["Livello 6 (laurea triennale)", "Level 6 (bachelor's degree)", "Niveau 6 (licence)", "Niveau 6 (Bachelor)"],
        L7 = "7" => ["Livello 7 (laurea magistrale)", "Level 7 (master's degree)", "Niveau 7 (master)", "Niveau 7 (Master)"],
        L8 = "8" => ["Livello 8 (dottorato)", "Level 8 (doctorate)", "Niveau 8 (doctorat)", "Niveau 8 (Promotion)"],
    }
}
vocabulary! {
    /// Driving licence or professional qualification for drivers.
    Licence {
        Am = "AM" => ["Patente AM (ciclomotori)", "Licence AM (mopeds)", "Permis AM (cyclomoteurs)", "Führerschein Klasse AM (Mopeds)"],
        A1 = "A1" => ["Patente A1 (motocicli leggeri)", "Licence A1 (light motorcycles)", "Permis A1 (motos légères)", "Führerschein Klasse A1 (Leichtkrafträder)"],
        A2 = "A2" => ["Patente A2 (motocicli di media potenza)", "Licence A2 (medium motorcycles)", "Permis A2 (motos de puissance moyenne)", "Führerschein Klasse A2 (mittlere Motorräder)"],
        A = "A" => ["Patente A (moto)", "Licence A (motorcycles)", "Permis A (motos)", "Führerschein Klasse A (Motorräder)"],
        B = "B" => ["Patente B (auto)", "Licence B (cars)", "Permis B (voitures)", "Führerschein Klasse B (Pkw)"],
        Be = "BE" => ["Patente BE (auto con rimorchio)", "Licence BE (car with trailer)", "Permis BE (voiture avec remorque)", "Führerschein Klasse BE (Pkw mit Anhänger)"],
        C1 = "C1" => ["Patente C1 (autocarri leggeri)", "Licence C1 (light lorries)", "Permis C1 (camions légers)", "Führerschein Klasse C1 (leichte Lkw)"],
        C1e = "C1E" => ["Patente C1E (autocarri leggeri con rimorchio)", "Licence C1E (light lorries with trailer)", "Permis C1E (camions légers avec remorque)", "Führerschein Klasse C1E (leichte Lkw mit Anhänger)"],
        C = "C" => ["Patente C (camion)", "Licence C (lorries)", "Permis C (poids lourds)", "Führerschein Klasse C (Lkw)"],
        Ce = "CE" => ["Patente CE (autoarticolati)", "Licence CE (articulated lorries)", "Permis CE (semi-remorques)", "Führerschein Klasse CE (Sattelzüge)"],
        D1 = "D1" => ["Patente D1 (minibus)", "Licence D1 (minibuses)", "Permis D1 (minibus)", "Führerschein Klasse D1 (Kleinbusse)"],
        D1e = "D1E" => ["Patente D1E (minibus con rimorchio)", "Licence D1E (minibuses with trailer)", "Permis D1E (minibus avec remorque)", "Führerschein Klasse D1E (Kleinbusse mit Anhänger)"],
        D = "D" => ["Patente D (autobus)", "Licence D (buses)", "Permis D (autobus)", "Führerschein Klasse D (Busse)"],
        De = "DE" => ["Patente DE (autobus con rimorchio)", "Licence DE (buses with trailer)", "Permis DE (autobus avec remorque)", "Führerschein Klasse DE (Busse mit Anhänger)"],
        Cqc = "CQC" => ["Carta di qualificazione del conducente (CQC)", "Driver Certificate of Professional Competence (CPC)", "Carte de qualification de conducteur (FIMO/FCO)", "Berufskraftfahrer-Qualifikation (Code 95)"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::vocab::Vocabulary;

    fn check<V: Vocabulary + std::fmt::Debug + PartialEq>() {
        let mut codes: Vec<&str> = V::ALL.iter().map(|v| v.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), V::ALL.len(), "codes are unique");
        for v in V::ALL {
            assert_eq!(V::parse(v.code()), Some(*v));
            for lang in Lang::ALL {
                assert!(!v.label(lang).trim().is_empty(), "{v:?} has a label in {lang}");
            }
        }
        assert_eq!(V::parse("no-such-code"), None);
    }

    #[test]
    fn every_value_has_a_code_and_four_labels() {
        check::<ContractType>();
        check::<WorkingTime>();
        check::<EducationLevel>();
        check::<SpokenLanguage>();
        check::<Cefr>();
        check::<EqfLevel>();
        check::<Licence>();
        check::<crate::vocab::Country>();
    }
}
