//! A centre's board: a cover page per section in each requested language
//! (what it is, who may apply, how), then the section's open offers, each
//! with its title, a line of fields and its title in the other languages.

use sportello_domain::vocab::occupation;
use sportello_domain::{Centre, Lang, Offer, Section};
use sportello_print::{Board, BoardOffer, BoardSection, CoverBlock};

use super::poster::{centre_block, in_each};
use crate::i18n::{args, msg, msg_args};
use crate::view::{self, Sections};
use sportello_domain::PublicUrl;

/// Characters kept of a line in an offer's box.
const LINE: usize = 110;

fn short(text: &str) -> String {
    sportello_print::poster::cut(text, LINE).0
}

/// The title of `offer` in `lang`: its public translation, or the occupation
/// in that language.
fn title(lang: Lang, offer: &Offer) -> String {
    offer
        .data
        .public_text(lang)
        .map(|t| t.title.clone())
        .or_else(|| occupation(&offer.data.occupation).map(|o| o.label(lang).to_owned()))
        .unwrap_or_default()
}

fn board_offer(offer: &Offer, sections: &Sections, langs: &[Lang], public_url: &PublicUrl) -> BoardOffer {
    let card = view::card(Lang::It, offer, sections);
    let mut lines = vec![short(&format!(
        "{} · {} · {} · {} {}",
        card.place,
        card.contract,
        card.working_time,
        msg(Lang::It, "valid-through"),
        card.valid_through.text
    ))];
    for lang in langs.iter().filter(|l| **l != Lang::It) {
        lines.push(short(&format!("{}: {}", lang.native_name(), title(*lang, offer))));
    }
    BoardOffer {
        reference: offer.reference.to_string(),
        title: short(&title(Lang::It, offer)),
        lines,
        short_url: public_url.join(&format!("/o/{}", offer.reference)),
    }
}

fn cover(lang: Lang, centre: &Centre, section: Section, sections: &Sections) -> CoverBlock {
    let s = sections.get(lang, section);
    CoverBlock {
        lang: lang.code().to_owned(),
        heading: lang.native_name().to_owned(),
        what: msg_args(
            lang,
            "board-cover-what",
            &args(&[
                ("centre", centre.data.name.clone().into()),
                ("section", s.title.clone().into()),
            ]),
        ),
        title: s.title,
        who: s.who,
        how: msg(lang, "board-cover-how"),
    }
}

/// The board of `centre` with `by_section`: each section and its open
/// offers, in the order given.
pub fn centre_board(
    centre: &Centre,
    by_section: &[(Section, Vec<Offer>)],
    sections: &Sections,
    langs: &[Lang],
    large: bool,
    public_url: &PublicUrl,
) -> Board {
    let sections_out = by_section
        .iter()
        .map(|(section, offers)| {
            let count = if offers.is_empty() {
                in_each(langs, "board-cover-empty")
            } else {
                let n = offers.len();
                let mut texts: Vec<String> = Vec::new();
                for lang in langs {
                    let t = msg_args(*lang, "board-cover-count", &args(&[("count", n.into())]));
                    if !texts.contains(&t) {
                        texts.push(t);
                    }
                }
                texts.join(" / ")
            };
            BoardSection {
                title: sections.get(Lang::It, *section).title,
                count,
                mirato: section.is_mirato(),
                eures: *section == Section::Eures,
                cover: langs.iter().map(|l| cover(*l, centre, *section, sections)).collect(),
                offers: offers
                    .iter()
                    .map(|o| board_offer(o, sections, langs, public_url))
                    .collect(),
            }
        })
        .collect();
    Board {
        large,
        title: msg_args(
            Lang::It,
            "board-title",
            &args(&[("centre", centre.data.name.clone().into())]),
        ),
        lang: Lang::It.code().to_owned(),
        centre: centre_block(langs, centre),
        sections: sections_out,
    }
}
