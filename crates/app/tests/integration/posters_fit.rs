//! Every offer poster fits on one A4 page: each open offer of the demo in
//! Italian, English, French and German at 14 pt, and a synthetic offer with
//! every field at its longest (the longest title, description, how to
//! apply, town, vocabulary labels and four languages, in the section with
//! the longest "who may apply", at the centre with the longest name and
//! address) in large print (20 pt) in Italian and English.

use chrono::{Days, Utc};
use sportello_app::printed::{PrintOptions, load_poster, offer_poster, open_offers};
use sportello_app::view::Sections;
use sportello_domain::offers::form::{
    MAX_DESCRIPTION, MAX_HOW_TO_APPLY, MAX_LANGUAGES, MAX_NAME, MAX_SHORT, MAX_TITLE,
};
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::{
    Cefr, ContractType, EducationLevel, Licence, SpokenLanguage, Vocabulary, WorkingTime, occupations,
};
use sportello_domain::{
    Centre, CentreId, Lang, LanguageRequirement, OfferText, PublicUrl, Requirements, Salary, Section, TextStatus,
};
use sportello_print::{PrintError, render_poster};
use sportello_testkit::{Backend, TestDatabase, builders};

fn public_url() -> PublicUrl {
    PublicUrl::parse("https://lavoro.regione.puglia.it").unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_demo_offer_fits_in_four_languages() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let today = today_in_rome();
    sportello_demo::load(
        db.storage.as_ref(),
        sportello_demo::DEMO_OFFERS,
        sportello_demo::DEMO_SEED,
        today,
    )
    .await
    .unwrap();
    let offers = open_offers(db.storage.as_ref(), today).await.unwrap();
    assert!(offers.len() > 250, "the demo's open offers: {}", offers.len());
    let url = public_url();
    let options = PrintOptions {
        langs: &Lang::ALL,
        large: false,
        public_url: &url,
        today,
    };
    let mut posters = Vec::new();
    for offer in &offers {
        let poster = load_poster(db.storage.as_ref(), &offer.reference, &options)
            .await
            .unwrap()
            .unwrap_or_else(|e| panic!("{}: {e:?}", offer.reference));
        posters.push(poster);
    }
    // Rendering is the slow part: on every core.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let unfit: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = posters
            .chunks(posters.len().div_ceil(cores))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|poster| match render_poster(poster) {
                            Ok(_) => None,
                            Err(PrintError::DoesNotFit { reference, .. }) => Some(reference),
                            Err(other) => panic!("{}: {other}", poster.reference),
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    assert!(
        unfit.is_empty(),
        "{} of {} fit no page: {unfit:?}",
        unfit.len(),
        posters.len()
    );
}

/// The value of a vocabulary with the longest label in `langs`.
fn longest<V: Vocabulary>(langs: &[Lang]) -> V {
    *V::ALL
        .iter()
        .max_by_key(|v| langs.iter().map(|l| v.label(*l).chars().count()).sum::<usize>())
        .unwrap()
}

/// `text` repeated to exactly `len` characters, in words.
fn filled(text: &str, len: usize) -> String {
    let mut out = String::new();
    while out.chars().count() < len {
        out.push_str(text);
        out.push(' ');
    }
    out.chars().take(len).collect::<String>().trim_end().to_string()
}

fn longest_text(lang: Lang) -> OfferText {
    let words = match lang {
        Lang::It => "Addetto alla manutenzione straordinaria degli impianti",
        _ => "Maintenance technician for industrial installations",
    };
    OfferText {
        title: filled(words, MAX_TITLE),
        description: filled(words, MAX_DESCRIPTION),
        how_to_apply: filled(words, MAX_HOW_TO_APPLY),
        ..builders::text(lang, TextStatus::Original, "x")
    }
}

#[tokio::test]
async fn the_longest_offer_fits_in_large_print_in_two_languages() {
    let langs = [Lang::It, Lang::En];
    let occupation = occupations()
        .iter()
        .max_by_key(|o| langs.iter().map(|l| o.label(*l).chars().count()).sum::<usize>())
        .unwrap();
    let mut data = builders::offer(
        CentreId(1),
        occupation.code,
        vec![longest_text(Lang::It), longest_text(Lang::En)],
    );
    // The longest "who may apply" of the reserved sections, in both languages.
    let db = TestDatabase::new(Backend::Sqlite).await;
    let sections = Sections(db.storage.section_texts().await.unwrap());
    data.section = *Section::ALL
        .iter()
        .max_by_key(|s| {
            langs
                .iter()
                .map(|l| sections.get(*l, **s).who.chars().count())
                .sum::<usize>()
        })
        .unwrap();
    data.employer.name = filled("Cooperativa sociale di servizi", MAX_NAME);
    data.place.town = filled("San Pietro in Lama", MAX_SHORT);
    data.contract = longest::<ContractType>(&langs);
    data.working_time = longest::<WorkingTime>(&langs);
    data.hours_per_week = Some(60);
    data.openings = 10_000;
    let cefr = longest::<Cefr>(&langs);
    let mut spoken: Vec<SpokenLanguage> = SpokenLanguage::ALL.to_vec();
    spoken.sort_by_key(|s| std::cmp::Reverse(langs.iter().map(|l| s.label(*l).chars().count()).sum::<usize>()));
    data.requirements = Requirements {
        education: longest::<EducationLevel>(&langs),
        languages: spoken
            .into_iter()
            .take(MAX_LANGUAGES)
            .map(|language| LanguageRequirement { language, level: cefr })
            .collect(),
        licence: Some(longest::<Licence>(&langs)),
        experience_months: 600,
    };
    data.salary = Some(Salary {
        min: 99_999,
        max: 100_000,
    });
    data.valid_through = today_in_rome() + Days::new(366);
    let offer = builders::published(9_999, data);
    let centre = sportello_demo::centres::centres()
        .into_iter()
        .max_by_key(|c| c.name.len() + c.address.len() + c.town.len() + c.hours.len() * 20)
        .unwrap();
    let centre = Centre {
        id: CentreId(1),
        data: centre,
    };
    let poster = offer_poster(&offer, &centre, &sections, &langs, true, &public_url());
    let started = Utc::now();
    let pdf = render_poster(&poster).unwrap_or_else(|e| panic!("{e}"));
    assert!(pdf.starts_with(b"%PDF"), "rendered in {}", Utc::now() - started);
    // To look at it: SPORTELLO_POSTER_OUT=/tmp/longest.pdf
    if let Ok(path) = std::env::var("SPORTELLO_POSTER_OUT") {
        std::fs::write(path, &pdf).unwrap();
    }
}
