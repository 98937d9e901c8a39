//! Generates offers from the hand-written content in `content.rs`: the
//! demo's few hundred, or a stream of any length for `sportello gen` that is
//! never held in memory at once. The same seed always gives the same offers.

use chrono::{Duration, NaiveDate};
use sportello_domain::vocab::{Cefr, ContractType, EducationLevel, Licence, SpokenLanguage, Vocabulary, WorkingTime};
use sportello_domain::{
    Centre, Employer, Lang, LanguageRequirement, NewOffer, OfferStatus, OfferText, Requirements, Salary, Section,
    TextStatus, WorkPlace,
};
use sportello_storage::ImportOffer;

use crate::board;
use crate::content::{EURES_ISCO, FAR_EMPLOYERS, FAR_PLACES, FarPlace, JOB_KINDS, JobKind, TOWNS};
use crate::rng::Rng;

/// Share of offers per centre, in per mille, by slug.
pub(crate) const CENTRE_WEIGHTS: &[(&str, u32)] = &[
    ("lecce", 170),
    ("gallipoli", 90),
    ("nardo", 80),
    ("casarano", 60),
    ("galatina", 60),
    ("maglie", 55),
    ("tricase", 55),
    ("campi-salentina", 45),
    ("martano", 40),
    ("poggiardo", 35),
    ("rimini", 200),
    ("riccione", 110),
];

/// How the generated offers are spread in time and how long they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mix {
    /// The demo's: published in the last 30 days, the hand-written
    /// descriptions as they are.
    Demo,
    /// A large board's: published over the last 90 days, a few more closed
    /// ones, descriptions of varied length (see `board.rs`).
    Board,
}

/// Generates `count` offers over `centres` dated around `today` (the demo's mix).
pub fn generate(centres: &[Centre], count: usize, seed: u64, today: NaiveDate) -> Vec<ImportOffer> {
    stream(centres, seed, today, Mix::Demo).take(count).collect()
}

/// An endless stream of offers over `centres` (at least one) dated around
/// `today`: take as many as needed; each is made when asked for.
pub fn stream(centres: &[Centre], seed: u64, today: NaiveDate, mix: Mix) -> impl Iterator<Item = ImportOffer> + '_ {
    let mut rng = Rng::new(seed);
    let weights: Vec<u32> = centres
        .iter()
        .map(|c| {
            CENTRE_WEIGHTS
                .iter()
                .find(|(s, _)| *s == c.data.slug)
                .map_or(30, |(_, w)| *w)
        })
        .collect();
    std::iter::repeat_with(move || {
        let centre = &centres[rng.weighted(&weights)];
        one_offer(&mut rng, centre, today, mix)
    })
}

/// Occupations whose offers may be for work from home.
const REMOTE_KINDS: [&str; 3] = ["2512", "2513", "4222"];

fn one_offer(rng: &mut Rng, centre: &Centre, today: NaiveDate, mix: Mix) -> ImportOffer {
    let section = Section::ALL[rng.weighted(&[76, 10, 8, 6])];
    let rimini = centre.data.area.slug == "rimini";
    let kind = pick_kind(rng, section, rimini);
    let (place, far) = match section {
        Section::Eures => {
            let p: &FarPlace = rng.pick(FAR_PLACES);
            (
                WorkPlace {
                    town: p.town.into(),
                    postcode: p.postcode.into(),
                    region: p.region.into(),
                    country: p.country.into(),
                    remote: false,
                },
                Some(p),
            )
        }
        _ => {
            let towns: Vec<_> = TOWNS.iter().filter(|t| t.centre == centre.data.slug).collect();
            let t = if towns.is_empty() {
                None
            } else {
                Some(*rng.pick(&towns))
            };
            let place = match t {
                Some(t) => WorkPlace {
                    town: t.name.into(),
                    postcode: t.postcode.into(),
                    region: t.province.into(),
                    country: "IT".into(),
                    remote: false,
                },
                None => WorkPlace {
                    town: centre.data.town.clone(),
                    postcode: centre.data.postcode.clone(),
                    region: centre.data.province.clone(),
                    country: "IT".into(),
                    remote: false,
                },
            };
            (place, None)
        }
    };
    let employer_name = if far.is_some() {
        rng.pick(FAR_EMPLOYERS).to_string()
    } else {
        rng.pick(kind.employers).to_string()
    };
    let contract = ContractType::parse(rng.pick::<&str>(kind.contracts)).unwrap_or(ContractType::FixedTerm);
    let working_time = WorkingTime::parse(kind.working_time).unwrap_or(WorkingTime::FullTime);
    let mut languages: Vec<LanguageRequirement> = kind
        .languages
        .iter()
        .filter_map(|(code, level)| {
            Some(LanguageRequirement {
                language: SpokenLanguage::parse(code)?,
                level: Cefr::parse(level)?,
            })
        })
        .collect();
    if let Some(local) = far.and_then(|p| local_language(p.country))
        && !languages.iter().any(|l| l.language == local)
    {
        let level = if rng.chance(50) { Cefr::A2 } else { Cefr::B1 };
        languages.push(LanguageRequirement { language: local, level });
    }
    let (low, high) = kind.openings;
    let openings = if section.is_mirato() {
        rng.range(1, 2)
    } else {
        rng.range(low, high)
    };
    let salary = kind
        .salary
        .filter(|_| rng.chance(60))
        .map(|(min, max)| Salary { min, max });

    // Lifecycle: most open, some closed, a few drafts.
    let (published_ago, status, published_on, valid_through) = match mix {
        Mix::Demo => demo_lifecycle(rng, today),
        Mix::Board => board_lifecycle(rng, today),
    };
    let extra = match mix {
        Mix::Demo => Vec::new(),
        Mix::Board => board::pick_sentences(rng),
    };

    // Developers and contact-centre staff work from home in half of the
    // offers (drawn from the publication day: the sequence stays the same).
    let mut place = place;
    place.remote = far.is_none() && REMOTE_KINDS.contains(&kind.isco) && published_ago % 2 == 0;
    let data = NewOffer {
        centre: centre.id,
        section,
        occupation: kind.isco.to_string(),
        texts: texts(rng, kind, (section, centre), &place, (contract, working_time), &extra),
        employer: Employer {
            name: employer_name,
            hidden: rng.chance(20),
        },
        place,
        contract,
        working_time,
        hours_per_week: Some(if working_time == WorkingTime::PartTime {
            kind.hours.min(30)
        } else {
            kind.hours
        }),
        openings,
        requirements: Requirements {
            education: EducationLevel::parse(kind.education).unwrap_or(EducationLevel::None),
            languages,
            licence: kind.licence.and_then(Licence::parse),
            experience_months: kind.experience_months,
        },
        salary,
        valid_through,
    };
    ImportOffer {
        data,
        status,
        published_on,
    }
}

/// The demo's lifecycle: `(days since publication, status, published on,
/// valid through)`.
fn demo_lifecycle(rng: &mut Rng, today: NaiveDate) -> (i64, OfferStatus, Option<NaiveDate>, NaiveDate) {
    let published_ago = i64::from(rng.range(0, 30));
    let valid_days = i64::from(rng.range(7, 60));
    let status = OfferStatus::ALL[rng.weighted(&[2, 88, 4, 3, 3])];
    let (published_on, valid_through) = match status {
        OfferStatus::Draft => (None, today + Duration::days(valid_days)),
        OfferStatus::Expired => {
            let published = today - Duration::days(published_ago + 40);
            (Some(published), today - Duration::days(rng.range(1, 10).into()))
        }
        _ => (
            Some(today - Duration::days(published_ago)),
            today + Duration::days(valid_days),
        ),
    };
    (published_ago, status, published_on, valid_through)
}

/// A large board's lifecycle: published over the last 90 days; open offers
/// valid for one to sixty more days; expired ones ran one to four weeks.
fn board_lifecycle(rng: &mut Rng, today: NaiveDate) -> (i64, OfferStatus, Option<NaiveDate>, NaiveDate) {
    let published_ago = i64::from(rng.range(0, 89));
    let status = OfferStatus::ALL[rng.weighted(&[1, 82, 8, 3, 6])];
    let (published_on, valid_through) = match status {
        OfferStatus::Draft => (None, today + Duration::days(rng.range(14, 60).into())),
        OfferStatus::Expired => {
            let published = today - Duration::days(published_ago.max(8));
            let ran = published + Duration::days(rng.range(7, 30).into());
            (Some(published), ran.min(today - Duration::days(1)))
        }
        _ => (
            Some(today - Duration::days(published_ago)),
            today + Duration::days(rng.range(1, 60).into()),
        ),
    };
    (published_ago, status, published_on, valid_through)
}

fn pick_kind(rng: &mut Rng, section: Section, rimini: bool) -> &'static JobKind {
    let eligible: Vec<&JobKind> = JOB_KINDS
        .iter()
        .filter(|k| match section {
            Section::Eures => EURES_ISCO.contains(&k.isco),
            Section::MiratoArt1 | Section::MiratoArt18 => k.mirato_suitable,
            Section::Ordinary => true,
        })
        .collect();
    let weights: Vec<u32> = eligible
        .iter()
        .map(|k| match section {
            Section::Ordinary => {
                if rimini {
                    k.weight_rimini
                } else {
                    k.weight_lecce
                }
            }
            _ => 1,
        })
        .collect();
    if weights.iter().all(|w| *w == 0) {
        return eligible[0];
    }
    eligible[rng.weighted(&weights)]
}

fn local_language(country: &str) -> Option<SpokenLanguage> {
    match country {
        "DE" | "AT" | "CH" | "LI" => Some(SpokenLanguage::German),
        "FR" | "BE" | "LU" => Some(SpokenLanguage::French),
        "ES" => Some(SpokenLanguage::Spanish),
        "IE" | "MT" | "NL" | "DK" | "SE" | "FI" | "NO" => Some(SpokenLanguage::English),
        "PL" => Some(SpokenLanguage::Polish),
        "RO" => Some(SpokenLanguage::Romanian),
        _ => None,
    }
}

/// The sentence about place and contract, in each language.
fn details_sentence(lang: Lang, place: &WorkPlace, contract: ContractType, working_time: &str) -> String {
    let contract = contract.label(lang).to_lowercase();
    match lang {
        Lang::It => format!("Sede di lavoro: {}. Contratto: {contract}, {working_time}.", place.town),
        Lang::En => format!("Place of work: {}. Contract: {contract}, {working_time}.", place.town),
        Lang::Fr => format!(
            "Lieu de travail : {}. Contrat : {contract}, {working_time}.",
            place.town
        ),
        Lang::De => format!("Arbeitsort: {}. Vertrag: {contract}, {working_time}.", place.town),
    }
}

fn how_to_apply(lang: Lang, section: Section, centre: &Centre) -> String {
    let c = &centre.data;
    let mut text = match lang {
        Lang::It => format!(
            "Invia il curriculum a {} indicando il riferimento dell'offerta, oppure presentati al {} ({}, {}) negli orari di apertura.",
            c.email, c.name, c.address, c.town
        ),
        Lang::En => format!(
            "Send your CV to {} quoting the offer's reference, or come to the {} ({}, {}) during opening hours.",
            c.email, c.name, c.address, c.town
        ),
        Lang::Fr => format!(
            "Envoyez votre CV à {} en indiquant la référence de l'offre, ou présentez-vous au {} ({}, {}) aux heures d'ouverture.",
            c.email, c.name, c.address, c.town
        ),
        Lang::De => format!(
            "Senden Sie Ihren Lebenslauf mit der Referenz des Angebots an {} oder kommen Sie während der Öffnungszeiten ins {} ({}, {}).",
            c.email, c.name, c.address, c.town
        ),
    };
    let extra = match (section, lang) {
        (Section::Eures, Lang::It) => {
            "Il consulente EURES del centro ti aiuta con il curriculum europeo (Europass) e il colloquio a distanza."
        }
        (Section::Eures, Lang::En) => {
            "The centre's EURES adviser helps you with the European CV (Europass) and the remote interview."
        }
        (Section::Eures, Lang::Fr) => {
            "Le conseiller EURES du centre vous aide pour le CV européen (Europass) et l'entretien à distance."
        }
        (Section::Eures, Lang::De) => {
            "Die EURES-Beratung des Zentrums hilft Ihnen mit dem europäischen Lebenslauf (Europass) und dem Online-Gespräch."
        }
        (Section::MiratoArt1, Lang::It) => {
            "Riservata alle persone con disabilità iscritte al Collocamento Mirato (legge 68/1999, art. 1)."
        }
        (Section::MiratoArt1, Lang::En) => {
            "Reserved to people with disabilities on the Collocamento Mirato list (Law 68/1999, art. 1)."
        }
        (Section::MiratoArt1, Lang::Fr) => {
            "Réservée aux personnes handicapées inscrites au Collocamento Mirato (loi 68/1999, art. 1)."
        }
        (Section::MiratoArt1, Lang::De) => {
            "Nur für Menschen mit Behinderung, die im Verzeichnis des Collocamento Mirato eingetragen sind (Gesetz 68/1999, Art. 1)."
        }
        (Section::MiratoArt18, Lang::It) => {
            "Riservata agli iscritti nell'elenco delle categorie protette (legge 68/1999, art. 18)."
        }
        (Section::MiratoArt18, Lang::En) => {
            "Reserved to people on the list of protected categories (Law 68/1999, art. 18)."
        }
        (Section::MiratoArt18, Lang::Fr) => {
            "Réservée aux personnes inscrites sur la liste des catégories protégées (loi 68/1999, art. 18)."
        }
        (Section::MiratoArt18, Lang::De) => {
            "Nur für Personen, die im Verzeichnis der geschützten Gruppen eingetragen sind (Gesetz 68/1999, Art. 18)."
        }
        _ => "",
    };
    if !extra.is_empty() {
        text.push_str("\n\n");
        text.push_str(extra);
    }
    text
}

/// Italian always (original); English and French reviewed for most offers,
/// German for some; a few unreviewed machine drafts, which stay private.
/// `extra` are sentences of `board.rs` added to every language's description.
fn texts(
    rng: &mut Rng,
    kind: &JobKind,
    (section, centre): (Section, &Centre),
    place: &WorkPlace,
    (contract, working_time): (ContractType, WorkingTime),
    extra: &[usize],
) -> Vec<OfferText> {
    let eures = section == Section::Eures;
    let german_share = if eures && matches!(place.country.as_str(), "DE" | "AT" | "CH") {
        85
    } else {
        30
    };
    let shares = [
        (Lang::It, 100),
        (Lang::En, 80),
        (Lang::Fr, 65),
        (Lang::De, german_share),
    ];
    let mut out = Vec::new();
    for (lang, share) in shares {
        let status = if lang == Lang::It {
            TextStatus::Original
        } else if rng.chance(share) {
            TextStatus::Reviewed
        } else if rng.chance(15) {
            TextStatus::Draft
        } else {
            continue;
        };
        let i = lang.index();
        let wt = working_time.label(lang).to_lowercase();
        let mut description = format!("{}\n\n{}", kind.duties[i], details_sentence(lang, place, contract, &wt));
        if !extra.is_empty() {
            description.push_str("\n\n");
            description.push_str(&board::paragraph(extra, lang));
        }
        out.push(OfferText {
            lang,
            status,
            machine: status == TextStatus::Draft,
            title: kind.titles[i].to_string(),
            description,
            how_to_apply: how_to_apply(lang, section, centre),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_domain::CentreId;

    fn stored_centres() -> Vec<Centre> {
        crate::centres::centres()
            .into_iter()
            .enumerate()
            .map(|(i, data)| Centre {
                id: CentreId(i as i64 + 1),
                data,
            })
            .collect()
    }

    #[test]
    fn same_seed_same_offers() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let centres = stored_centres();
        let a = generate(&centres, 50, 7, today);
        let b = generate(&centres, 50, 7, today);
        assert_eq!(format!("{:?}", a), format!("{:?}", b));
        assert_ne!(format!("{:?}", a), format!("{:?}", generate(&centres, 50, 8, today)));
    }

    #[test]
    fn demo_mix_is_realistic() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let centres = stored_centres();
        let offers = generate(&centres, crate::DEMO_OFFERS, crate::DEMO_SEED, today);
        assert_eq!(offers.len(), 400);
        for section in Section::ALL {
            assert!(
                offers.iter().filter(|o| o.data.section == section).count() >= 10,
                "{section:?}"
            );
        }
        for c in &centres {
            assert!(
                offers.iter().any(|o| o.data.centre == c.id),
                "{} has offers",
                c.data.slug
            );
        }
        let eures_abroad = offers
            .iter()
            .filter(|o| o.data.section == Section::Eures && o.data.place.country != "IT")
            .count();
        assert!(eures_abroad >= 10);
        let published: Vec<_> = offers.iter().filter(|o| o.status == OfferStatus::Published).collect();
        assert!(published.len() > 300);
        let with = |lang| published.iter().filter(|o| o.data.public_text(lang).is_some()).count();
        assert_eq!(
            with(Lang::It),
            published.len(),
            "every published offer has Italian text"
        );
        assert!(with(Lang::En) > published.len() / 2);
        assert!(with(Lang::Fr) > published.len() / 2);
        assert!(
            with(Lang::De) > 20 && with(Lang::De) < published.len() / 2,
            "some German, some missing"
        );
        for o in &offers {
            assert!(
                sportello_domain::vocab::occupation(&o.data.occupation).is_some(),
                "{} ships",
                o.data.occupation
            );
            if o.status == OfferStatus::Published {
                assert!(o.data.valid_through >= today);
            }
        }
        assert!(offers.iter().any(|o| o.status == OfferStatus::Expired));
        assert!(offers.iter().any(|o| o.status == OfferStatus::Withdrawn));
    }

    #[test]
    fn board_mix_streams_a_realistic_board() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let centres = stored_centres();
        let offers: Vec<ImportOffer> = stream(&centres, 11, today, Mix::Board).take(4_000).collect();
        let again: Vec<ImportOffer> = stream(&centres, 11, today, Mix::Board).take(4_000).collect();
        assert_eq!(format!("{offers:?}"), format!("{again:?}"), "same seed, same offers");
        let other: Vec<ImportOffer> = stream(&centres, 12, today, Mix::Board).take(4_000).collect();
        assert_ne!(format!("{offers:?}"), format!("{other:?}"));

        let count = |status| offers.iter().filter(|o| o.status == status).count();
        assert!(count(OfferStatus::Published) > 3_000, "mostly open");
        assert!(count(OfferStatus::Expired) > 100 && count(OfferStatus::Filled) > 100);
        let oldest = today - Duration::days(89);
        for o in &offers {
            if let Some(day) = o.published_on {
                assert!(day >= oldest && day <= today, "published in the last 90 days");
            }
            match o.status {
                OfferStatus::Published => assert!(o.data.valid_through >= today),
                OfferStatus::Expired => assert!(o.data.valid_through < today),
                _ => {}
            }
            assert!(o.data.public_text(Lang::It).is_some() || o.status == OfferStatus::Draft);
        }
        assert!(offers.iter().any(|o| o.published_on < Some(today - Duration::days(60))));
        // Descriptions of varied length; the same extra sentences in every language.
        let lengths: Vec<usize> = offers.iter().map(|o| o.data.texts[0].description.len()).collect();
        let (shortest, longest) = (lengths.iter().min().unwrap(), lengths.iter().max().unwrap());
        assert!(*longest > shortest * 3, "{shortest}..{longest}");
        let long = offers
            .iter()
            .find(|o| o.data.texts.len() == 4 && o.data.texts[0].description.contains("turni diurni e notturni"))
            .expect("a long offer in four languages");
        assert!(long.data.texts[1].description.contains("day and night shifts"));
        assert!(long.data.texts[3].description.contains("Tag- und Nachtschichten"));
    }
}
