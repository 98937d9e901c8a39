//! The one-pass collector of a search: for every offer the text query
//! matches it reads the packed dates and filter codes (two fast-field
//! values), drops expired offers and those published before `since`, keeps
//! the best `offset + per_page` hits in a small heap, and counts the facets
//! "disjunctively": an offer failing no facet filter counts for every facet,
//! one failing exactly one filter counts for that facet only (what the reader
//! would get by changing that filter), one failing more counts for none.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};
use std::sync::Arc;

use sportello_domain::vocab::{ContractType, SpokenLanguage, Vocabulary, WorkingTime};
use sportello_domain::{Facets, OfferId, Section};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::ColumnValues;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::{CODES, Codes, DATES, ID, published_day, valid_day};

/// Facets in the order of [`Filters::failures`].
const CENTRE: usize = 0;
const SECTION: usize = 1;
const GROUP: usize = 2;
const CONTRACT: usize = 3;
const WORKING_TIME: usize = 4;
const LANGUAGE: usize = 5;

/// Centre ids below this are counted in a vector, others in a map.
const DENSE_CENTRES: u64 = 4096;

/// The filters of a search in packed form (see [`Codes`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Filters {
    pub centre: Option<u64>,
    pub section: Option<u64>,
    pub group: Option<u64>,
    pub contract: Option<u64>,
    pub working_time: Option<u64>,
    /// The bit of the required language.
    pub language: Option<u64>,
    /// Day number of today: offers valid through an earlier day are out.
    pub today: u64,
    /// Day number of `since` (0 for none).
    pub since: u64,
}

impl Filters {
    /// How many facet filters `codes` fails (0, 1 or "2 or more") and, when
    /// exactly one, which.
    #[inline]
    fn failures(&self, codes: Codes) -> (u8, usize) {
        let mut failed = 0u8;
        let mut which = 0;
        let mut check = |facet: usize, ok: bool| {
            if !ok {
                failed += 1;
                which = facet;
            }
        };
        if let Some(v) = self.centre {
            check(CENTRE, codes.centre() == v);
        }
        if let Some(v) = self.section {
            check(SECTION, codes.section() == v);
        }
        if let Some(v) = self.group {
            check(GROUP, codes.group() == v);
        }
        if let Some(v) = self.contract {
            check(CONTRACT, codes.contract() == v);
        }
        if let Some(v) = self.working_time {
            check(WORKING_TIME, codes.working_time() == v);
        }
        if let Some(bit) = self.language {
            check(LANGUAGE, codes.languages() & bit != 0);
        }
        (failed, which)
    }
}

/// Counts per packed value of each facet.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counts {
    centre: Vec<u64>,
    centre_sparse: BTreeMap<u64, u64>,
    small: [[u64; 16]; 5],
}

impl Counts {
    #[inline]
    fn count(&mut self, facet: usize, codes: Codes) {
        match facet {
            CENTRE => {
                let c = codes.centre();
                if c < DENSE_CENTRES {
                    let c = c as usize;
                    if c >= self.centre.len() {
                        self.centre.resize(c + 1, 0);
                    }
                    self.centre[c] += 1;
                } else {
                    *self.centre_sparse.entry(c).or_default() += 1;
                }
            }
            SECTION => self.small[0][codes.section() as usize] += 1,
            GROUP => self.small[1][codes.group() as usize] += 1,
            CONTRACT => self.small[2][codes.contract() as usize] += 1,
            WORKING_TIME => self.small[3][codes.working_time() as usize] += 1,
            _ => {
                let mut mask = codes.languages();
                while mask != 0 {
                    self.small[4][mask.trailing_zeros() as usize] += 1;
                    mask &= mask - 1;
                }
            }
        }
    }

    #[inline]
    fn count_all(&mut self, codes: Codes) {
        for facet in [CENTRE, SECTION, GROUP, CONTRACT, WORKING_TIME, LANGUAGE] {
            self.count(facet, codes);
        }
    }

    fn add(&mut self, other: &Counts) {
        if other.centre.len() > self.centre.len() {
            self.centre.resize(other.centre.len(), 0);
        }
        for (mine, theirs) in self.centre.iter_mut().zip(&other.centre) {
            *mine += theirs;
        }
        for (c, n) in &other.centre_sparse {
            *self.centre_sparse.entry(*c).or_default() += n;
        }
        for (mine, theirs) in self.small.iter_mut().zip(&other.small) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
    }

    /// The counts keyed as the storage search keys them; zero counts left out.
    pub(crate) fn facets(&self) -> Facets {
        fn keyed<T: Copy>(all: &[T], counts: &[u64; 16], key: impl Fn(T) -> String) -> BTreeMap<String, u64> {
            all.iter()
                .zip(counts)
                .filter(|(_, n)| **n > 0)
                .map(|(v, n)| (key(*v), *n))
                .collect()
        }
        let mut centre: BTreeMap<String, u64> = self
            .centre
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(c, n)| (c.to_string(), *n))
            .collect();
        centre.extend(self.centre_sparse.iter().map(|(c, n)| (c.to_string(), *n)));
        let groups: Vec<u8> = (0..16).collect();
        Facets {
            centre,
            section: keyed(&Section::ALL, &self.small[0], |s| s.code().to_string()),
            group: keyed(&groups, &self.small[1], |g| g.to_string()),
            contract: keyed(ContractType::ALL, &self.small[2], |c| c.code().to_string()),
            working_time: keyed(WorkingTime::ALL, &self.small[3], |w| w.code().to_string()),
            language: keyed(SpokenLanguage::ALL, &self.small[4], |l| l.code().to_string()),
        }
    }
}

/// A hit's rank: higher is better (score, then newest, then highest id).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    score: Score,
    published: u64,
    id: i64,
}

impl Ranked {
    fn cmp_without_id(&self, other: &Ranked) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(self.published.cmp(&other.published))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.cmp_without_id(other).then(self.id.cmp(&other.id))
    }
}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}

/// What one segment found.
pub(crate) struct SegmentHits {
    total: u64,
    counts: Counts,
    top: Vec<Ranked>,
}

/// What the whole search found.
pub(crate) struct CollectedHits {
    pub ids: Vec<OfferId>,
    pub total: u64,
    pub counts: Counts,
}

pub(crate) struct OfferCollector {
    pub filters: Filters,
    pub with_facets: bool,
    pub scoring: bool,
    pub offset: usize,
    pub limit: usize,
}

impl Collector for OfferCollector {
    type Fruit = CollectedHits;
    type Child = OfferSegmentCollector;

    fn for_segment(&self, _ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Self::Child> {
        let fast = segment.fast_fields();
        let keep = self.offset.saturating_add(self.limit);
        Ok(OfferSegmentCollector {
            filters: self.filters,
            with_facets: self.with_facets,
            keep,
            codes: fast.u64(CODES)?.first_or_default_col(0),
            dates: fast.u64(DATES)?.first_or_default_col(0),
            ids: fast.i64(ID)?.first_or_default_col(0),
            heap: BinaryHeap::with_capacity(keep.min(1024) + 1),
            hits: SegmentHits {
                total: 0,
                counts: Counts::default(),
                top: Vec::new(),
            },
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<SegmentHits>) -> tantivy::Result<CollectedHits> {
        let mut total = 0;
        let mut counts = Counts::default();
        let mut top = Vec::new();
        for fruit in fruits {
            total += fruit.total;
            counts.add(&fruit.counts);
            top.extend(fruit.top);
        }
        top.sort_unstable_by(|a, b| b.cmp(a));
        let ids = top
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .map(|r| OfferId(r.id))
            .collect();
        Ok(CollectedHits { ids, total, counts })
    }
}

pub(crate) struct OfferSegmentCollector {
    filters: Filters,
    with_facets: bool,
    keep: usize,
    codes: Arc<dyn ColumnValues<u64>>,
    dates: Arc<dyn ColumnValues<u64>>,
    ids: Arc<dyn ColumnValues<i64>>,
    heap: BinaryHeap<Reverse<Ranked>>,
    hits: SegmentHits,
}

impl OfferSegmentCollector {
    #[inline]
    fn offer(&mut self, doc: DocId, score: Score) {
        let dates = self.dates.get_val(doc);
        let published = published_day(dates);
        if valid_day(dates) < self.filters.today || published < self.filters.since {
            return;
        }
        let codes = Codes(self.codes.get_val(doc));
        match self.filters.failures(codes) {
            (0, _) => {
                self.hits.total += 1;
                if self.with_facets {
                    self.hits.counts.count_all(codes);
                }
                self.rank(doc, score, published);
            }
            (1, facet) if self.with_facets => self.hits.counts.count(facet, codes),
            _ => {}
        }
    }

    #[inline]
    fn rank(&mut self, doc: DocId, score: Score, published: u64) {
        if self.keep == 0 {
            return;
        }
        let mut hit = Ranked {
            score,
            published,
            id: 0,
        };
        if self.heap.len() >= self.keep {
            let Some(Reverse(worst)) = self.heap.peek() else {
                return;
            };
            if hit.cmp_without_id(worst) == Ordering::Less {
                return;
            }
            hit.id = self.ids.get_val(doc);
            if hit <= *worst {
                return;
            }
            self.heap.pop();
        } else {
            hit.id = self.ids.get_val(doc);
        }
        self.heap.push(Reverse(hit));
    }
}

impl SegmentCollector for OfferSegmentCollector {
    type Fruit = SegmentHits;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.offer(doc, score);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for doc in docs {
            self.offer(*doc, 0.0);
        }
    }

    fn harvest(mut self) -> SegmentHits {
        self.hits.top = self.heap.into_iter().map(|Reverse(r)| r).collect();
        self.hits
    }
}
