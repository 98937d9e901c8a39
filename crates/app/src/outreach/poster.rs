//! The A4 stop-list poster of an outreach point, laid out as the offers'
//! and the events' posters are (`sportello_print::Poster`: one page): in
//! each language the point's name, its next stops (day, hours, town and
//! place) or a desk's weekly hours, its description and how to book; one
//! QR code to the point's page; the centre's address and contacts at the
//! foot.

use sportello_domain::{Centre, Lang, OutreachPoint, PointKind, PublicUrl, Stop};
use sportello_print::{Poster, PosterBlock, PosterCentre};

use super::{hours_lines, point_address};
use crate::i18n::{args, msg, msg_args};
use crate::printed::poster::{centre_block, description, in_each};
use crate::view;

/// Most stops a poster lists; the page has the rest.
pub const POSTER_STOPS: usize = 8;

fn block(lang: Lang, point: &OutreachPoint, stops: &[Stop], url: &str) -> PosterBlock {
    let text = point.data.text(lang);
    let fields: Vec<(String, String)> = match point.data.kind {
        PointKind::Desk => {
            let mut fields = vec![(msg(lang, "outreach-where"), point_address(point))];
            fields.extend(
                hours_lines(lang, point)
                    .into_iter()
                    .map(|h| (msg(lang, "outreach-hours"), h)),
            );
            fields
        }
        PointKind::Tour => stops
            .iter()
            .filter(|s| !s.cancelled)
            .take(POSTER_STOPS)
            .map(|s| {
                (
                    view::day(lang, s.data.date),
                    format!(
                        "{} · {}",
                        view::time_range(s.data.start(), s.data.end()),
                        s.data.address_line()
                    ),
                )
            })
            .collect(),
    };
    let (description, note) = description(lang, text.map(|t| (t.lang, t.description.as_str())));
    PosterBlock {
        lang: lang.code().to_owned(),
        heading: lang.native_name().to_owned(),
        title: point.data.name(lang).to_string(),
        who: None,
        fields,
        description,
        note,
        apply_label: msg(lang, "outreach-book"),
        apply: msg_args(lang, "outreach-poster-book", &args(&[("url", url.into())])),
    }
}

/// The poster of `point` (of `centre`) in `langs` (Italian first), with its
/// stops to come (`stops`, by time).
pub fn stops_poster(
    point: &OutreachPoint,
    centre: &Centre,
    stops: &[Stop],
    langs: &[Lang],
    large: bool,
    public_url: &PublicUrl,
) -> Poster {
    let url = public_url.join(&format!("/p/{}", point.data.slug));
    let blocks: Vec<PosterBlock> = langs.iter().map(|l| block(*l, point, stops, &url)).collect();
    let foot = centre_block(langs, centre);
    Poster {
        large,
        title: msg_args(
            Lang::It,
            "outreach-poster-title",
            &args(&[("name", point.data.name(Lang::It).into())]),
        ),
        reference: point.data.slug.clone(),
        reference_label: in_each(langs, "outreach-poster-code"),
        short_url: url,
        banner: None,
        blocks,
        centre: PosterCentre {
            heading: in_each(langs, "outreach-poster-centre"),
            ..foot
        },
        continues: in_each(langs, "poster-continues-online"),
    }
}
