//! The A4 poster of a group meeting for the centre's wall, laid out as the
//! offers' posters are (`sportello_print::Poster`: one page, whatever the
//! number of languages): in each language the title, for whom, each session
//! still to come (day, time, where), who organises it, the description and
//! how to register; one QR code to the event's short address `/e/{id}`; the
//! centre's address and contacts at the foot. The meeting rooms are for
//! registered people and are never printed.

use chrono::{DateTime, Utc};

use sportello_domain::{Audience, Centre, Event, Lang, PublicUrl};
use sportello_print::{Poster, PosterBanner, PosterBlock, PosterCentre};

use super::mails::{audience_id, place_text};
use crate::i18n::{args, msg, msg_args};
use crate::printed::poster::{centre_block, description, in_each};
use crate::view;

fn block(lang: Lang, event: &Event, centre: &Centre, short_url: &str, now: DateTime<Utc>) -> PosterBlock {
    let text = event.text(lang);
    let mut organiser = centre.data.name.clone();
    if !event.partners.is_empty() {
        organiser.push_str(&format!(", {}", event.partners));
    }
    let mut fields = vec![(msg(lang, "event-organiser"), organiser)];
    fields.extend(event.upcoming(now).map(|s| {
        (
            view::when(lang, s.start),
            format!("{} · {}", view::time_range(s.start, s.end), place_text(lang, s)),
        )
    }));
    let (description, note) = description(lang, text.map(|t| (t.lang, t.description.as_str())));
    PosterBlock {
        lang: lang.code().to_owned(),
        heading: lang.native_name().to_owned(),
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        who: (event.audience != Audience::Everyone).then(|| msg(lang, audience_id(event.audience))),
        fields,
        description,
        note,
        apply_label: msg(lang, "event-register-title"),
        apply: msg_args(lang, "event-poster-register", &args(&[("url", short_url.into())])),
    }
}

/// The poster of `event`, organised by `centre`, in `langs` (Italian first),
/// with the sessions ending after `now`.
pub fn event_poster(
    event: &Event,
    centre: &Centre,
    langs: &[Lang],
    large: bool,
    public_url: &PublicUrl,
    now: DateTime<Utc>,
) -> Poster {
    let reference = event.id.0.to_string();
    let short_url = public_url.join(&format!("/e/{reference}"));
    let blocks: Vec<PosterBlock> = langs
        .iter()
        .map(|l| block(*l, event, centre, &short_url, now))
        .collect();
    let italian_title = blocks.first().map(|b| b.title.clone()).unwrap_or_default();
    let foot = centre_block(langs, centre);
    Poster {
        large,
        title: msg_args(
            Lang::It,
            "event-poster-title",
            &args(&[("title", italian_title.into())]),
        ),
        reference,
        reference_label: in_each(langs, "event-poster-number"),
        short_url,
        banner: (event.audience == Audience::Mirato).then(|| PosterBanner {
            title: msg(Lang::It, audience_id(Audience::Mirato)),
            mirato: true,
        }),
        blocks,
        centre: PosterCentre {
            heading: in_each(langs, "event-poster-centre"),
            ..foot
        },
        continues: in_each(langs, "poster-continues-online"),
    }
}
