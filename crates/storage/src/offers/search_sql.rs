//! The SQL of the storage-backed search, for both backends (compiled once per
//! backend, like every feature's SQL: see `crate::sqlite`): the conditions of a search and the facets it
//! counts.

use chrono::NaiveDate;
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Facets, OfferFilter, RefCode};
use sqlx::QueryBuilder;

use super::Db;
use crate::offers::terms::{Term, query_terms};

/// ` WHERE column IN (ids…)`.
pub(super) fn push_id_list(q: &mut QueryBuilder<Db>, column: &str, ids: &[i64]) {
    q.push(format!(" WHERE {column} IN ("));
    let mut list = q.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    q.push(")");
}

/// How the free text of a query filters offers.
pub(super) enum TextFilter {
    None,
    /// The text is a reference code: exact match.
    Reference(String),
    Terms(Vec<Term>),
}

impl TextFilter {
    pub(super) fn new(filter: &OfferFilter) -> TextFilter {
        match filter.text.as_deref() {
            None => TextFilter::None,
            Some(text) => match RefCode::parse(text) {
                Ok(reference) => TextFilter::Reference(reference.to_string()),
                Err(_) => TextFilter::Terms(query_terms(text)),
            },
        }
    }
}

/// A filter with counts per value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Facet {
    Centre,
    Section,
    Group,
    Contract,
    WorkingTime,
    Language,
}

impl Facet {
    pub(super) const ALL: [Facet; 6] = [
        Facet::Centre,
        Facet::Section,
        Facet::Group,
        Facet::Contract,
        Facet::WorkingTime,
        Facet::Language,
    ];

    /// Name of the facet in the counts query.
    pub(super) fn name(self) -> &'static str {
        match self {
            Facet::Centre => "centre",
            Facet::Section => "section",
            Facet::Group => "group",
            Facet::Contract => "contract",
            Facet::WorkingTime => "working_time",
            Facet::Language => "language",
        }
    }

    pub(super) fn key(self) -> &'static str {
        match self {
            Facet::Centre => "CAST(o.centre_id AS TEXT)",
            Facet::Section => "o.section",
            Facet::Group => "CAST(o.occupation_group AS TEXT)",
            Facet::Contract => "o.contract",
            Facet::WorkingTime => "o.working_time",
            Facet::Language => "l.language",
        }
    }

    pub(super) fn join(self) -> &'static str {
        match self {
            Facet::Language => " JOIN offer_languages l ON l.offer_id = o.id",
            _ => "",
        }
    }

    pub(super) fn counts(self, facets: &mut Facets) -> &mut std::collections::BTreeMap<String, u64> {
        match self {
            Facet::Centre => &mut facets.centre,
            Facet::Section => &mut facets.section,
            Facet::Group => &mut facets.group,
            Facet::Contract => &mut facets.contract,
            Facet::WorkingTime => &mut facets.working_time,
            Facet::Language => &mut facets.language,
        }
    }
}

/// The conditions of a search: open offers only, then every filter but
/// `skip` (the facet being counted).
pub(super) fn push_where(
    q: &mut QueryBuilder<Db>,
    f: &OfferFilter,
    text: &TextFilter,
    today: NaiveDate,
    skip: Option<Facet>,
) {
    q.push(" WHERE o.status = 'published' AND o.valid_through >= ")
        .push_bind(today);
    let on = |facet: Facet| skip != Some(facet);
    if let (Some(centre), true) = (&f.centre, on(Facet::Centre)) {
        q.push(" AND o.centre_id = (SELECT id FROM centres WHERE slug = ")
            .push_bind(centre.clone())
            .push(")");
    }
    if let (Some(section), true) = (f.section, on(Facet::Section)) {
        q.push(" AND o.section = ").push_bind(section.code());
    }
    if let (Some(group), true) = (f.group, on(Facet::Group)) {
        q.push(" AND o.occupation_group = ").push_bind(i32::from(group));
    }
    if let (Some(contract), true) = (f.contract, on(Facet::Contract)) {
        q.push(" AND o.contract = ").push_bind(contract.code());
    }
    if let (Some(time), true) = (f.working_time, on(Facet::WorkingTime)) {
        q.push(" AND o.working_time = ").push_bind(time.code());
    }
    if let (Some(language), true) = (f.language, on(Facet::Language)) {
        q.push(" AND EXISTS (SELECT 1 FROM offer_languages x WHERE x.offer_id = o.id AND x.language = ")
            .push_bind(language.code())
            .push(")");
    }
    if let Some(since) = f.since {
        q.push(" AND o.published_on >= ").push_bind(since);
    }
    match text {
        TextFilter::None => {}
        TextFilter::Reference(reference) => {
            q.push(" AND o.reference = ").push_bind(reference.clone());
        }
        TextFilter::Terms(terms) => {
            for term in terms {
                q.push(" AND (o.search_text LIKE ").push_bind(term.pattern.clone());
                if !term.occupations.is_empty() {
                    q.push(" OR o.occupation IN (");
                    let mut list = q.separated(", ");
                    for code in &term.occupations {
                        list.push_bind(*code);
                    }
                    q.push(")");
                }
                q.push(")");
            }
        }
    }
}
