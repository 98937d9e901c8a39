//! View models: offers and centres with every structured field rendered in the
//! reader's language, shared by the pages and the API; the pages' layout
//! in [`layout`].

pub mod layout;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;
use sportello_domain::markdown;
use sportello_domain::time::to_rome;
use sportello_domain::vocab::{Country, Vocabulary, occupation, occupation_groups};
use sportello_domain::{Centre, Lang, Offer, Section};

use crate::i18n::{args, msg, msg_args};

/// A date as the reader writes it, with its ISO form for `<time datetime>`.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

pub fn date(lang: Lang, d: NaiveDate) -> DateView {
    let text = msg_args(
        lang,
        "date-format",
        &args(&[
            ("day", d.format("%d").to_string().into()),
            ("month", d.format("%m").to_string().into()),
            ("year", d.format("%Y").to_string().into()),
        ]),
    );
    DateView {
        iso: d.to_string(),
        text,
    }
}

/// A day as the reader says it: "Tuesday 01/12/2026".
pub fn day(lang: Lang, date: NaiveDate) -> String {
    let weekday = date.weekday().number_from_monday() as u8;
    msg_args(
        lang,
        "booking-day",
        &args(&[
            ("weekday", msg(lang, weekday_id(weekday)).into()),
            ("date", self::date(lang, date).text.into()),
        ]),
    )
}

/// An appointment's start as the reader says it, in Rome time:
/// "Tuesday 01/12/2026, 09:30".
pub fn when(lang: Lang, start: DateTime<Utc>) -> String {
    let local = to_rome(start);
    let weekday = local.weekday().number_from_monday() as u8;
    msg_args(
        lang,
        "appointment-when",
        &args(&[
            ("weekday", msg(lang, weekday_id(weekday)).into()),
            ("date", self::date(lang, local.date_naive()).text.into()),
            ("time", local.format("%H:%M").to_string().into()),
        ]),
    )
}

/// An appointment's times in Rome, "09:30–10:00".
pub fn time_range(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    format!("{}–{}", to_rome(start).format("%H:%M"), to_rome(end).format("%H:%M"))
}

/// Message id of a section's name.
pub fn section_title_id(section: Section) -> &'static str {
    match section {
        Section::Ordinary => "section-ordinary",
        Section::Eures => "section-eures",
        Section::MiratoArt1 => "section-mirato-art1",
        Section::MiratoArt18 => "section-mirato-art18",
    }
}

/// Message id of the plain-words line saying who may apply in a section.
pub fn section_who_id(section: Section) -> &'static str {
    match section {
        Section::Ordinary => "section-ordinary-who",
        Section::Eures => "section-eures-who",
        Section::MiratoArt1 => "section-mirato-art1-who",
        Section::MiratoArt18 => "section-mirato-art18-who",
    }
}

/// Message id of a weekday's name (ISO: 1 = Monday).
pub fn weekday_id(weekday: u8) -> &'static str {
    match weekday {
        1 => "weekday-1",
        2 => "weekday-2",
        3 => "weekday-3",
        4 => "weekday-4",
        5 => "weekday-5",
        6 => "weekday-6",
        _ => "weekday-7",
    }
}

/// A board section: code, name, who may apply.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub code: &'static str,
    pub title: String,
    pub who: String,
    pub mirato: bool,
}

/// The section texts administrators rewrote; the built-in ones otherwise.
#[derive(Debug, Clone, Default)]
pub struct Sections(pub Vec<sportello_storage::SectionText>);

impl Sections {
    /// Section `s` in `lang`.
    pub fn get(&self, lang: Lang, s: Section) -> SectionView {
        let custom = self.0.iter().find(|t| t.section == s && t.lang == lang);
        SectionView {
            code: s.code(),
            title: custom.map_or_else(|| msg(lang, section_title_id(s)), |t| t.title.clone()),
            who: custom.map_or_else(|| msg(lang, section_who_id(s)), |t| t.who.clone()),
            mirato: s.is_mirato(),
        }
    }
}

/// A line of a centre's opening hours.
#[derive(Debug, Clone, Serialize)]
pub struct HoursView {
    pub day: String,
    pub opens: String,
    pub closes: String,
    pub by_appointment: bool,
}

/// A centre with its opening hours in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct CentreView {
    pub slug: String,
    pub name: String,
    pub town: String,
    pub address: String,
    pub postcode: String,
    pub province: String,
    pub phone: String,
    /// The phone number for a `tel:` link.
    pub phone_link: String,
    pub email: String,
    pub area: String,
    pub url: String,
    pub hours: Vec<HoursView>,
    /// Closures that have not ended yet.
    pub closures: Vec<ClosureView>,
}

/// A closure as the reader reads it.
#[derive(Debug, Clone, Serialize)]
pub struct ClosureView {
    pub first: DateView,
    pub last: DateView,
    pub one_day: bool,
    pub reason: String,
}

pub fn centre(lang: Lang, c: &Centre) -> CentreView {
    let d = &c.data;
    CentreView {
        slug: d.slug.clone(),
        name: d.name.clone(),
        town: d.town.clone(),
        address: d.address.clone(),
        postcode: d.postcode.clone(),
        province: d.province.clone(),
        phone: d.phone.clone(),
        phone_link: phone_link(&d.phone).unwrap_or_default(),
        email: d.email.clone(),
        area: d.area.name.clone(),
        url: format!("/{lang}/centres/{}", d.slug),
        hours: d
            .hours
            .iter()
            .map(|h| HoursView {
                day: msg(lang, weekday_id(h.weekday)),
                opens: h.opens.format("%H:%M").to_string(),
                closes: h.closes.format("%H:%M").to_string(),
                by_appointment: h.by_appointment,
            })
            .collect(),
        closures: d
            .closures
            .iter()
            .filter(|x| x.last_day >= sportello_domain::time::today_in_rome())
            .map(|x| ClosureView {
                first: date(lang, x.first_day),
                last: date(lang, x.last_day),
                one_day: x.first_day == x.last_day,
                reason: x.reason.clone(),
            })
            .collect(),
    }
}

/// The first number of a centre's phone line in E.164 form (`+39…`), for
/// `tel:` links and structured data: the line may hold several, as in
/// "0541.446209 / 446223". `None` when the first is not a phone number.
pub fn phone_link(phone: &str) -> Option<String> {
    let first = phone.split(['/', ',', ';']).next()?;
    sportello_domain::Phone::parse(first)
        .ok()
        .map(|p| p.as_str().to_string())
}

/// Where the work is, as the reader reads it: "Gallipoli (LE)" in Italy,
/// "München, Bayern (Germany)" abroad; for work from home, the country
/// candidates must live in and where the employer is based.
pub fn place(lang: Lang, offer: &Offer) -> String {
    let p = &offer.data.place;
    let country = Country::parse(&p.country).map_or(p.country.as_str(), |c| c.label(lang));
    let town = match (p.country == "IT", p.region.is_empty()) {
        (true, true) => p.town.clone(),
        (true, false) => format!("{} ({})", p.town, p.region),
        (false, true) => format!("{} ({country})", p.town),
        (false, false) => format!("{}, {} ({country})", p.town, p.region),
    };
    if p.remote {
        msg_args(
            lang,
            "offer-place-remote",
            &args(&[("country", country.into()), ("place", town.into())]),
        )
    } else {
        town
    }
}

/// An offer in a list of results.
#[derive(Debug, Clone, Serialize)]
pub struct OfferCard {
    pub reference: String,
    pub url: String,
    pub title: String,
    /// The language of the title when it is not the reader's (Italian fallback).
    pub title_lang: Option<&'static str>,
    pub place: String,
    pub section: SectionView,
    pub occupation: String,
    pub contract: &'static str,
    pub working_time: &'static str,
    pub openings: u32,
    pub valid_through: DateView,
    pub published_on: Option<DateView>,
}

pub fn card(lang: Lang, o: &Offer, sections: &Sections) -> OfferCard {
    let text = o.data.display_text(lang);
    let title_lang = text.map(|t| t.lang).filter(|l| *l != lang).map(Lang::code);
    OfferCard {
        reference: o.reference.to_string(),
        url: format!("/{lang}/offers/{}", o.reference),
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        title_lang,
        place: place(lang, o),
        section: sections.get(lang, o.data.section),
        occupation: occupation(&o.data.occupation)
            .map(|oc| oc.label(lang))
            .unwrap_or_default()
            .to_string(),
        contract: o.data.contract.label(lang),
        working_time: o.data.working_time.label(lang),
        openings: o.data.openings,
        valid_through: date(lang, o.data.valid_through),
        published_on: o.published_on.map(|d| date(lang, d)),
    }
}

/// A whole offer, for its page.
#[derive(Debug, Clone, Serialize)]
pub struct OfferDetail {
    #[serde(flatten)]
    pub card: OfferCard,
    /// The description as HTML from the safe Markdown subset: every
    /// character the operator typed is escaped, only our own tags are added.
    pub description: String,
    pub how_to_apply: String,
    /// The language of the free text when it is the Italian fallback.
    pub text_lang: Option<&'static str>,
    pub employer: Option<String>,
    pub occupation_code: String,
    pub hours_per_week: Option<u8>,
    pub education: &'static str,
    pub languages: Vec<String>,
    pub licence: Option<&'static str>,
    pub experience_months: u16,
    pub salary: Option<String>,
}

pub fn detail(lang: Lang, o: &Offer, sections: &Sections) -> OfferDetail {
    let text = o.data.display_text(lang);
    let req = &o.data.requirements;
    OfferDetail {
        card: card(lang, o, sections),
        description: text.map(|t| markdown::to_html(&t.description)).unwrap_or_default(),
        how_to_apply: text.map(|t| markdown::to_html(&t.how_to_apply)).unwrap_or_default(),
        text_lang: text.map(|t| t.lang).filter(|l| *l != lang).map(Lang::code),
        employer: o.data.employer.public_name().map(str::to_string),
        occupation_code: o.data.occupation.clone(),
        hours_per_week: o.data.hours_per_week,
        education: req.education.label(lang),
        languages: req
            .languages
            .iter()
            .map(|l| format!("{} {}", l.language.label(lang), l.level.label(lang)))
            .collect(),
        licence: req.licence.map(|l| l.label(lang)),
        experience_months: req.experience_months,
        salary: o.data.salary.map(|s| {
            msg_args(
                lang,
                "salary-range",
                &args(&[("min", s.min.to_string().into()), ("max", s.max.to_string().into())]),
            )
        }),
    }
}

/// A choice in a filter, with the number of offers it would give.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub count: u64,
    pub selected: bool,
}

fn choice(
    value: &str,
    label: String,
    counts: &std::collections::BTreeMap<String, u64>,
    selected: Option<&str>,
) -> Choice {
    Choice {
        value: value.to_string(),
        label,
        count: counts.get(value).copied().unwrap_or(0),
        selected: selected == Some(value),
    }
}

/// The choices of every filter, in the reader's language.
pub fn choices_for<V: Vocabulary>(
    lang: Lang,
    counts: &std::collections::BTreeMap<String, u64>,
    selected: Option<V>,
) -> Vec<Choice> {
    V::ALL
        .iter()
        .map(|v| choice(v.code(), v.label(lang).to_string(), counts, selected.map(|s| s.code())))
        .collect()
}

pub fn section_choices(
    lang: Lang,
    counts: &std::collections::BTreeMap<String, u64>,
    selected: Option<Section>,
) -> Vec<Choice> {
    Section::ALL
        .iter()
        .map(|s| {
            choice(
                s.code(),
                msg(lang, section_title_id(*s)),
                counts,
                selected.map(Section::code),
            )
        })
        .collect()
}

pub fn group_choices(
    lang: Lang,
    counts: &std::collections::BTreeMap<String, u64>,
    selected: Option<u8>,
) -> Vec<Choice> {
    let selected = selected.map(|g| g.to_string());
    occupation_groups()
        .iter()
        .filter(|g| g.code != 0)
        .map(|g| {
            choice(
                &g.code.to_string(),
                g.label(lang).to_string(),
                counts,
                selected.as_deref(),
            )
        })
        .collect()
}

pub fn centre_choices(
    centres: &[Centre],
    counts: &std::collections::BTreeMap<String, u64>,
    selected: Option<&str>,
) -> Vec<Choice> {
    centres
        .iter()
        .map(|c| choice(&c.data.slug, c.data.town.clone(), counts, selected))
        .collect()
}
