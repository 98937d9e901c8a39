//! An offer's poster: the Italian block and one per requested language, each
//! with the structured fields in its language from the same view model as the
//! offer's page; the free text only where a public translation exists,
//! otherwise a note that the description is available in Italian.

use chrono::NaiveTime;
use sportello_domain::markdown::to_plain_text;
use sportello_domain::vocab::occupation;
use sportello_domain::{Centre, Lang, Offer, OpeningHours, Section};
use sportello_print::{Poster, PosterBanner, PosterBlock, PosterCentre};

use crate::i18n::{args, msg, msg_args};
use crate::view::{self, Sections};
use sportello_domain::PublicUrl;

/// `text` on one line: a poster has no room for blank lines.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A block's description and note for a poster in `lang`, from a Markdown
/// description written in `text_lang` (none: no text at all): the text on
/// one line, and a note that it is in Italian when it is not in `lang`.
pub fn description(lang: Lang, text: Option<(Lang, &str)>) -> (String, Option<String>) {
    let description = text.map(|(_, t)| one_line(&to_plain_text(t))).unwrap_or_default();
    let note = text
        .filter(|(text_lang, _)| *text_lang != lang)
        .map(|_| msg(lang, "poster-description-in-italian"));
    (description, note)
}

/// Label and value of the structured fields of `offer` in `lang`.
pub fn fields(lang: Lang, offer: &Offer, sections: &Sections) -> Vec<(String, String)> {
    let d = view::detail(lang, offer, sections);
    let mut working_time = d.card.working_time.to_owned();
    if let Some(hours) = d.hours_per_week {
        working_time = format!(
            "{working_time}, {}",
            msg_args(lang, "hours-per-week", &args(&[("hours", hours.into())]))
        );
    }
    let experience = if d.experience_months > 0 {
        msg_args(
            lang,
            "experience-months",
            &args(&[("months", d.experience_months.into())]),
        )
    } else {
        msg(lang, "experience-none")
    };
    let mut fields = vec![
        (msg(lang, "field-occupation"), d.card.occupation.clone()),
        (msg(lang, "field-place"), d.card.place.clone()),
        (msg(lang, "field-contract"), d.card.contract.to_owned()),
        (msg(lang, "field-working-time"), working_time),
        (msg(lang, "field-openings"), d.card.openings.to_string()),
        (msg(lang, "field-education"), d.education.to_owned()),
    ];
    if !d.languages.is_empty() {
        fields.push((msg(lang, "field-languages"), d.languages.join(", ")));
    }
    if let Some(licence) = d.licence {
        fields.push((msg(lang, "field-licence"), licence.to_owned()));
    }
    fields.push((msg(lang, "field-experience"), experience));
    if let Some(salary) = d.salary {
        fields.push((msg(lang, "field-salary"), salary));
    }
    fields.push((msg(lang, "valid-through"), d.card.valid_through.text.clone()));
    fields
}

fn block(lang: Lang, offer: &Offer, sections: &Sections) -> PosterBlock {
    let section = sections.get(lang, offer.data.section);
    let reference = offer.reference.to_string();
    let (title, description, note, apply) = match offer.data.public_text(lang) {
        Some(text) => (
            text.title.clone(),
            one_line(&to_plain_text(&text.description)),
            None,
            one_line(&to_plain_text(&text.how_to_apply)),
        ),
        None => (
            occupation(&offer.data.occupation)
                .map(|o| o.label(lang).to_owned())
                .or_else(|| offer.data.display_text(lang).map(|t| t.title.clone()))
                .unwrap_or_default(),
            String::new(),
            Some(msg(lang, "poster-description-in-italian")),
            msg_args(lang, "apply-quote-reference", &args(&[("reference", reference.into())])),
        ),
    };
    PosterBlock {
        lang: lang.code().to_owned(),
        heading: lang.native_name().to_owned(),
        title,
        // The section's name is in the banner: each block says only who may
        // apply, in its language.
        who: (offer.data.section != Section::Ordinary).then_some(section.who),
        fields: fields(lang, offer, sections),
        description,
        note,
        apply_label: msg(lang, "offer-how-to-apply"),
        apply,
    }
}

/// The same message in each of `langs`, joined with " / " (once if equal).
pub fn in_each(langs: &[Lang], id: &str) -> String {
    let mut texts: Vec<String> = Vec::new();
    for lang in langs {
        let text = msg(*lang, id);
        if !texts.contains(&text) {
            texts.push(text);
        }
    }
    texts.join(" / ")
}

/// The opening hours in Italian, one line per time range with the days it
/// applies to, runs of three days or more as "Lunedì–Venerdì": a week of
/// seven lines becomes two or three.
pub fn hours_lines(hours: &[OpeningHours]) -> Vec<String> {
    let mut groups: Vec<((NaiveTime, NaiveTime, bool), Vec<u8>)> = Vec::new();
    for h in hours {
        let key = (h.opens, h.closes, h.by_appointment);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, days)) => days.push(h.weekday),
            None => groups.push((key, vec![h.weekday])),
        }
    }
    groups.sort_by_key(|((opens, closes, by_appointment), days)| {
        (days.iter().min().copied(), *opens, *closes, *by_appointment)
    });
    groups
        .into_iter()
        .map(|((opens, closes, by_appointment), mut days)| {
            days.sort_unstable();
            days.dedup();
            let line = msg_args(
                Lang::It,
                "poster-hours-line",
                &args(&[
                    ("day", day_ranges(&days).into()),
                    ("opens", opens.format("%H:%M").to_string().into()),
                    ("closes", closes.format("%H:%M").to_string().into()),
                ]),
            );
            if by_appointment {
                format!("{line} ({})", msg(Lang::It, "hours-by-appointment"))
            } else {
                line
            }
        })
        .collect()
}

/// Sorted ISO weekdays as Italian names: "Lunedì–Venerdì", "Martedì, Giovedì".
fn day_ranges(days: &[u8]) -> String {
    let name = |d: u8| msg(Lang::It, view::weekday_id(d));
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for &d in days {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == d => *last = d,
            _ => runs.push((d, d)),
        }
    }
    let mut parts = Vec::new();
    for (first, last) in runs {
        match last - first {
            0 => parts.push(name(first)),
            1 => parts.extend([name(first), name(last)]),
            _ => parts.push(format!("{}–{}", name(first), name(last))),
        }
    }
    parts.join(", ")
}

/// The centre's address and contacts, with its opening hours in Italian.
pub fn centre_block(langs: &[Lang], centre: &Centre) -> PosterCentre {
    let c = view::centre(Lang::It, centre);
    PosterCentre {
        heading: in_each(langs, "poster-where-to-apply"),
        name: c.name,
        address: format!("{}, {} {} ({})", c.address, c.postcode, c.town, c.province),
        contact: msg_args(
            Lang::It,
            "poster-contact",
            &args(&[("phone", c.phone.into()), ("email", c.email.into())]),
        ),
        hours: hours_lines(&centre.data.hours),
    }
}

/// The poster of `offer`, published by `centre`, in `langs` (Italian first;
/// see [`super::parse_langs`]).
pub fn offer_poster(
    offer: &Offer,
    centre: &Centre,
    sections: &Sections,
    langs: &[Lang],
    large: bool,
    public_url: &PublicUrl,
) -> Poster {
    let reference = offer.reference.to_string();
    let blocks: Vec<PosterBlock> = langs.iter().map(|l| block(*l, offer, sections)).collect();
    let banner = (offer.data.section != Section::Ordinary).then(|| PosterBanner {
        title: sections.get(Lang::It, offer.data.section).title,
        mirato: offer.data.section.is_mirato(),
    });
    let italian_title = blocks.first().map(|b| b.title.clone()).unwrap_or_default();
    Poster {
        large,
        title: msg_args(
            Lang::It,
            "poster-title",
            &args(&[("title", italian_title.into()), ("reference", reference.clone().into())]),
        ),
        short_url: public_url.join(&format!("/o/{reference}")),
        reference,
        reference_label: in_each(langs, "reference"),
        banner,
        blocks,
        centre: centre_block(langs, centre),
        continues: in_each(langs, "poster-continues-online"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(weekday: u8, opens: &str, closes: &str, by_appointment: bool) -> OpeningHours {
        OpeningHours {
            weekday,
            opens: NaiveTime::parse_from_str(opens, "%H:%M").unwrap(),
            closes: NaiveTime::parse_from_str(closes, "%H:%M").unwrap(),
            by_appointment,
        }
    }

    #[test]
    fn a_week_of_hours_takes_few_lines() {
        // The Lecce centres: weekday mornings, Tuesday afternoon, Thursday
        // afternoon by appointment.
        let mut week: Vec<OpeningHours> = (1..=5).map(|d| hours(d, "08:30", "11:30", false)).collect();
        week.push(hours(2, "15:00", "16:30", false));
        week.push(hours(4, "15:00", "16:30", true));
        assert_eq!(
            hours_lines(&week),
            [
                "Lunedì–Venerdì 08:30–11:30",
                "Martedì 15:00–16:30",
                "Giovedì 15:00–16:30 (solo su appuntamento)",
            ]
        );
        let split = [1, 2, 4, 6].map(|d| hours(d, "09:00", "12:00", false));
        assert_eq!(hours_lines(&split), ["Lunedì, Martedì, Giovedì, Sabato 09:00–12:00"]);
        assert!(hours_lines(&[]).is_empty());
    }
}
