//! Printed documents made from the same records, view models and
//! translations as the pages: an offer's A4 poster (`poster`) and a centre's
//! board (`board`). Shared by the web (downloads) and the `sportello print`
//! command. The layout is `sportello-print`'s; every text comes from here.

pub mod board;
pub mod poster;

use chrono::NaiveDate;
use sportello_domain::{Lang, OfferQuery, RefCode, Section, SortOrder};
use sportello_print::{Board, Poster};
use sportello_storage::{Storage, StorageError};

pub use board::centre_board;
pub use poster::offer_poster;

use crate::view::Sections;
use sportello_domain::PublicUrl;

/// Why there is no poster of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPoster {
    /// No such offer, or not published (a draft is not public).
    Unknown,
    /// The offer was public and has closed.
    Closed,
}

/// What to print and how.
#[derive(Debug, Clone)]
pub struct PrintOptions<'a> {
    pub langs: &'a [Lang],
    pub large: bool,
    pub public_url: &'a PublicUrl,
    pub today: NaiveDate,
}

/// Every offer open on `today`, newest first (all pages of the search).
pub async fn open_offers(
    storage: &dyn Storage,
    today: NaiveDate,
) -> Result<Vec<sportello_domain::Offer>, StorageError> {
    let mut query = OfferQuery {
        sort: SortOrder::Date,
        per_page: sportello_domain::offers::query::MAX_PER_PAGE,
        with_facets: false,
        ..OfferQuery::default()
    };
    let mut offers = Vec::new();
    loop {
        let page = storage.search_offers(&query, today).await?;
        let done = page.items.is_empty() || (offers.len() + page.items.len()) as u64 >= page.total;
        offers.extend(page.items);
        if done {
            return Ok(offers);
        }
        query.page += 1;
    }
}

/// The poster of the open offer `reference`, read from `storage`.
pub async fn load_poster(
    storage: &dyn Storage,
    reference: &RefCode,
    options: &PrintOptions<'_>,
) -> Result<Result<Poster, NoPoster>, StorageError> {
    let Some(offer) = storage.offer(reference).await? else {
        return Ok(Err(NoPoster::Unknown));
    };
    if offer.has_closed(options.today) {
        return Ok(Err(NoPoster::Closed));
    }
    if !offer.is_open(options.today) {
        return Ok(Err(NoPoster::Unknown));
    }
    let centres = storage.centres().await?;
    let Some(centre) = centres.iter().find(|c| c.id == offer.data.centre) else {
        return Ok(Err(NoPoster::Unknown));
    };
    let sections = Sections(storage.section_texts().await?);
    Ok(Ok(offer_poster(
        &offer,
        centre,
        &sections,
        options.langs,
        options.large,
        options.public_url,
    )))
}

/// The board of the centre `slug` (`None` if there is no such centre): the
/// one `section`, or every section that has open offers (the ordinary one,
/// saying it is empty, when none has).
pub async fn load_board(
    storage: &dyn Storage,
    slug: &str,
    section: Option<Section>,
    options: &PrintOptions<'_>,
) -> Result<Option<Board>, StorageError> {
    let Some(centre) = storage.centre_by_slug(slug).await? else {
        return Ok(None);
    };
    let wanted: Vec<Section> = section.map_or_else(|| Section::ALL.to_vec(), |s| vec![s]);
    let mut by_section = Vec::new();
    for s in wanted {
        let mut offers = Vec::new();
        let mut query = OfferQuery {
            sort: SortOrder::Date,
            per_page: sportello_domain::offers::query::MAX_PER_PAGE,
            with_facets: false,
            ..OfferQuery::default()
        };
        query.filter.centre = Some(centre.data.slug.clone());
        query.filter.section = Some(s);
        loop {
            let page = storage.search_offers(&query, options.today).await?;
            let done = page.items.is_empty() || (offers.len() + page.items.len()) as u64 >= page.total;
            offers.extend(page.items);
            if done {
                break;
            }
            query.page += 1;
        }
        if section.is_some() || !offers.is_empty() {
            by_section.push((s, offers));
        }
    }
    if by_section.is_empty() {
        by_section.push((Section::Ordinary, Vec::new()));
    }
    let sections = Sections(storage.section_texts().await?);
    Ok(Some(centre_board(
        &centre,
        &by_section,
        &sections,
        options.langs,
        options.large,
        options.public_url,
    )))
}

/// The languages of a printed document from a list such as `"it,en,fr"`:
/// Italian always first (it is the language of the record), then the others
/// in the order given, each once. An empty list means Italian only.
///
/// # Errors
/// The first item that is not a supported language code, as written.
pub fn parse_langs(list: &str) -> Result<Vec<Lang>, String> {
    let mut langs = vec![Lang::It];
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let lang = Lang::parse(&item.to_ascii_lowercase()).ok_or_else(|| item.to_owned())?;
        if !langs.contains(&lang) {
            langs.push(lang);
        }
    }
    Ok(langs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_first_each_once_and_bad_codes_named() {
        assert_eq!(parse_langs("").unwrap(), vec![Lang::It]);
        assert_eq!(parse_langs("fr, EN,it,fr").unwrap(), vec![Lang::It, Lang::Fr, Lang::En]);
        assert_eq!(parse_langs("en,xx").unwrap_err(), "xx");
        assert_eq!(parse_langs("de,english").unwrap_err(), "english");
    }
}
