//! The index schema and how an offer becomes a document: one word field and
//! one word-pair field per language holding all the searchable text of that
//! language (fewer posting lists to read), the exact reference code, and the
//! filters and dates packed into two fast-field columns so the collector
//! reads two values per matching offer.

use chrono::NaiveDate;
use sportello_domain::vocab::{ContractType, SpokenLanguage, Vocabulary, WorkingTime, occupation};
use sportello_domain::{CentreId, Lang, Offer, Section};
use tantivy::TantivyDocument;
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};

mod aliases;
use self::aliases::aliases;

use crate::analysis::{PLAIN_TOKENIZER, pairs_tokenizer_name, tokenizer_name};

/// Raised whenever the schema or the analysis changes: an index of another
/// version is wiped and rebuilt.
pub(crate) const SCHEMA_VERSION: u32 = 3;

/// How many times a title counts against the description (term frequency).
const TITLE_WEIGHT: usize = 2;
/// How many times the occupation's label counts.
const LABEL_WEIGHT: usize = 2;

/// Handles of every field.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub reference: Field,
    /// Words of each language, by [`Lang::index`].
    pub words: [Field; 4],
    /// Word pairs of each language.
    pub pairs: [Field; 4],
    /// Unstemmed words of every language, for typo matches.
    pub plain: Field,
    /// Packed filter values, see [`Codes`].
    pub codes: Field,
    /// Packed dates, see [`pack_dates`].
    pub dates: Field,
}

pub(crate) const CODES: &str = "codes";
pub(crate) const DATES: &str = "dates";
pub(crate) const ID: &str = "id";

pub(crate) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = b.add_i64_field(ID, INDEXED | FAST);
    let reference = b.add_text_field("reference", STRING);
    // No field norms on the word and pair fields: BM25 would otherwise rank
    // an offer whose only text in a language is the occupation's three-word
    // label above one that has its title and description in that language
    // (measured: "réceptionnistes" and "Küchenchefin" put every label-only
    // offer first). Offers are short; how often the words occur decides.
    let text = |lang: Lang| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer_name(lang))
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let words = Lang::ALL.map(|l| b.add_text_field(&format!("words_{l}"), text(l)));
    let pair_options = |lang: Lang| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(pairs_tokenizer_name(lang))
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let pairs = Lang::ALL.map(|l| b.add_text_field(&format!("pairs_{l}"), pair_options(l)));
    let plain = b.add_text_field(
        "plain",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(PLAIN_TOKENIZER)
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
    let codes = b.add_u64_field(CODES, FAST);
    let dates = b.add_u64_field(DATES, FAST);
    let fields = Fields {
        id,
        reference,
        words,
        pairs,
        plain,
        codes,
        dates,
    };
    (b.build(), fields)
}

/// The filter values of an offer packed in one `u64`:
/// bits 0–15 required spoken languages (one bit per [`SpokenLanguage`]),
/// 16–19 section, 20–23 occupation major group, 24–27 contract,
/// 28–31 working time, 32–63 centre id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Codes(pub u64);

const LANGUAGE_BITS: u32 = 16;

impl Codes {
    pub(crate) fn pack(
        centre: CentreId,
        section: Section,
        group: u8,
        contract: ContractType,
        working_time: WorkingTime,
        languages: u64,
    ) -> Codes {
        let centre = u64::try_from(centre.0).unwrap_or(0) & 0xFFFF_FFFF;
        Codes(
            (languages & 0xFFFF)
                | (position(&Section::ALL, section) << 16)
                | (u64::from(group & 0xF) << 20)
                | (position(ContractType::ALL, contract) << 24)
                | (position(WorkingTime::ALL, working_time) << 28)
                | (centre << 32),
        )
    }

    pub(crate) fn languages(self) -> u64 {
        self.0 & 0xFFFF
    }
    pub(crate) fn section(self) -> u64 {
        (self.0 >> 16) & 0xF
    }
    pub(crate) fn group(self) -> u64 {
        (self.0 >> 20) & 0xF
    }
    pub(crate) fn contract(self) -> u64 {
        (self.0 >> 24) & 0xF
    }
    pub(crate) fn working_time(self) -> u64 {
        (self.0 >> 28) & 0xF
    }
    pub(crate) fn centre(self) -> u64 {
        self.0 >> 32
    }
}

/// Index of `value` in `all` (vocabularies are small; the packing asserts it).
pub(crate) fn position<T: PartialEq>(all: &[T], value: T) -> u64 {
    all.iter().position(|v| *v == value).unwrap_or(0) as u64
}

/// The bit of a spoken language in [`Codes::languages`].
pub(crate) fn language_bit(language: SpokenLanguage) -> u64 {
    1 << position(SpokenLanguage::ALL, language)
}

// Every packed vocabulary must fit its bits.
const _: () = assert!(<SpokenLanguage as Vocabulary>::ALL.len() <= LANGUAGE_BITS as usize);
const _: () = assert!(<ContractType as Vocabulary>::ALL.len() <= 16);
const _: () = assert!(<WorkingTime as Vocabulary>::ALL.len() <= 16);
const _: () = assert!(Section::ALL.len() <= 16);

/// Days since 1970-01-01 (dates before count as day 0).
pub(crate) fn day_number(date: NaiveDate) -> u64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    u64::try_from((date - epoch).num_days()).unwrap_or(0)
}

/// Published day in the high half, valid-through day in the low half.
pub(crate) fn pack_dates(published: NaiveDate, valid_through: NaiveDate) -> u64 {
    (day_number(published) << 32) | (day_number(valid_through) & 0xFFFF_FFFF)
}

pub(crate) fn published_day(dates: u64) -> u64 {
    dates >> 32
}

pub(crate) fn valid_day(dates: u64) -> u64 {
    dates & 0xFFFF_FFFF
}

/// Whether an offer belongs in the index at all (its expiry is checked at
/// query time).
pub(crate) fn is_indexed(offer: &Offer) -> bool {
    offer.status == sportello_domain::OfferStatus::Published && offer.published_on.is_some()
}

/// The document of a published offer.
pub(crate) fn document(offer: &Offer, fields: &Fields) -> Option<TantivyDocument> {
    let published = offer.published_on.filter(|_| is_indexed(offer))?;
    let data = &offer.data;
    let mut doc = TantivyDocument::new();
    doc.add_i64(fields.id, offer.id.0);
    doc.add_text(fields.reference, offer.reference.to_string());
    let label = occupation(&data.occupation);
    // The index's tokenizers analyse the values (see `analysis::tokenizers`).
    for lang in Lang::ALL {
        // (text, weight): a weight of two adds the text twice, doubling its
        // words' and pairs' frequencies.
        let mut values: Vec<(&str, usize)> = Vec::new();
        if let Some(text) = data.public_text(lang) {
            values.push((&text.title, TITLE_WEIGHT));
            values.push((&text.description, 1));
        }
        if let Some(o) = label {
            values.push((o.label(lang), LABEL_WEIGHT));
        }
        if let Some(names) = aliases(&data.occupation, lang) {
            values.push((names, 1));
        }
        if lang == Lang::It {
            values.push((&data.place.town, 1));
            if let Some(name) = data.employer.public_name() {
                values.push((name, 1));
            }
        }
        for (value, weight) in values {
            for _ in 0..weight {
                doc.add_text(fields.words[lang.index()], value);
                doc.add_text(fields.pairs[lang.index()], value);
            }
            doc.add_text(fields.plain, value);
        }
    }
    let languages = data
        .requirements
        .languages
        .iter()
        .fold(0, |mask, l| mask | language_bit(l.language));
    let group = label.map_or_else(
        || data.occupation.bytes().next().map_or(0, |b| b.wrapping_sub(b'0')),
        |o| o.major_group(),
    );
    let codes = Codes::pack(
        data.centre,
        data.section,
        group,
        data.contract,
        data.working_time,
        languages,
    );
    doc.add_u64(fields.codes, codes.0);
    doc.add_u64(fields.dates, pack_dates(published, data.valid_through));
    Some(doc)
}
