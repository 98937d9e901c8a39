//! Latency check of the search engine on synthetic offers:
//! `cargo run --release --example perf -p sportello-search -- [OFFERS] [DIR]`
//! (default 200000 offers, index in a temporary directory). Builds the index
//! with the same rebuild as `sportello reindex`, then runs a fixed mix of
//! queries (common and rare words, two words, phrases, typos, 0–3 facets,
//! facet counts on) and prints p50/p95/p99 per kind of query, the indexing
//! time, the index size and the process's peak memory.

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use sportello_domain::vocab::{
    Cefr, ContractType, EducationLevel, SpokenLanguage, Vocabulary, WorkingTime, occupations,
};
use sportello_domain::{
    CentreId, Employer, Lang, LanguageRequirement, NewOffer, Offer, OfferId, OfferQuery, OfferStatus, OfferText,
    RefCode, Requirements, Section, SortOrder, TextStatus, WorkPlace,
};
use sportello_search::{IndexState, SearchIndex};

const ITALIAN: &str = "esperienza lavoro cerchiamo azienda richiesta disponibilità turni contratto orario settimana \
    stagione estiva invernale zona clienti servizio sala cucina pulizia magazzino consegne patente auto furgone \
    negozio vendita cassa banco ristorante albergo hotel bar pizzeria spiaggia lido villaggio animazione bambini \
    anziani assistenza cura casa famiglia ufficio computer contabilità fatture clienti telefono inglese tedesco \
    francese lingua conoscenza buona ottima capacità lavorare squadra gruppo autonomia precisione puntualità \
    serietà motivazione giovane diploma laurea qualifica corso formazione attestato sicurezza haccp carrello \
    elevatore muratore cantiere edilizia impianti elettrici idraulici manutenzione officina meccanico carrozzeria \
    campagna raccolta olive uva tabacco serra vivaio giardino verde pubblico comune scuola insegnante infermiere \
    ospedale clinica farmacia studio dentistico estetica parrucchiere sarta tessile calzaturificio produzione \
    linea operaio operaia addetto addetta responsabile capo reparto mansioni principali retribuzione prevista \
    inserimento immediato tempo pieno parziale determinato indeterminato apprendistato tirocinio full time part \
    weekend festivi notturni diurni mattina pomeriggio sera vitto alloggio incluso trasferta nazionale estero";

const ENGLISH: &str = "experience work we are looking for company required availability shifts contract hours week \
    summer winter season area customers service kitchen cleaning warehouse deliveries driving licence van shop \
    sales cashier restaurant hotel beach resort entertainment children elderly care home family office computer \
    accounting invoices phone english german french language knowledge good excellent ability team autonomy \
    accuracy motivation young diploma degree qualification training course safety forklift builder site \
    maintenance workshop mechanic harvest olives grapes greenhouse garden school teacher nurse hospital pharmacy \
    production line worker manager duties salary immediate start full part time weekend nights days morning \
    evening board lodging included travel abroad";

const QUERY_WORDS: [&str; 12] = [
    "esperienza",
    "cameriere",
    "autista",
    "cuoco",
    "magazzino",
    "pulizia",
    "infermiere",
    "muratore",
    "waiter",
    "Kellner",
    "serveur",
    "vendita",
];
const TYPOS: [&str; 6] = ["esperienzza", "camerire", "autsta", "magazino", "infermere", "pulizzia"];
const PHRASES: [&str; 5] = [
    "\"stagione estiva\"",
    "\"turni diurni e notturni\"",
    "\"tempo pieno\"",
    "\"vitto e alloggio\"",
    "\"patente B\"",
];
const PAIRS: [&str; 6] = [
    "cameriere esperienza",
    "autista patente",
    "cuoco ristorante",
    "pulizia uffici",
    "addetto magazzino",
    "summer waiter",
];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Picks words with Zipf-like frequencies (the first words are the commonest).
struct Zipf {
    words: Vec<&'static str>,
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(text: &'static str) -> Zipf {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut sum = 0.0;
        let cumulative = (0..words.len())
            .map(|k| {
                sum += 1.0 / (k as f64 + 1.0);
                sum
            })
            .collect();
        Zipf { words, cumulative }
    }
    fn pick(&self, rng: &mut Rng) -> &'static str {
        let total = self.cumulative[self.cumulative.len() - 1];
        let u = (rng.next() % 1_000_000) as f64 / 1_000_000.0 * total;
        let i = self.cumulative.partition_point(|c| *c < u);
        self.words[i.min(self.words.len() - 1)]
    }
    fn sentence(&self, rng: &mut Rng, words: usize) -> String {
        (0..words).map(|_| self.pick(rng)).collect::<Vec<_>>().join(" ")
    }
}

fn offer(i: u64, rng: &mut Rng, it: &Zipf, en: &Zipf, today: NaiveDate) -> Offer {
    let occupations = occupations();
    let spread = occupations.len().min(rng.below(occupations.len()) + 20);
    let occupation = occupations[rng.below(spread)];
    let words = 20 + rng.below(100);
    let mut description = it.sentence(rng, words);
    if rng.chance(35) {
        description.push_str(" per la stagione estiva");
    }
    if rng.chance(20) {
        description.push_str(", turni diurni e notturni");
    }
    if rng.chance(15) {
        description.push_str(", vitto e alloggio");
    }
    let text = |lang: Lang, title: String, description: String| OfferText {
        lang,
        status: TextStatus::Original,
        machine: false,
        title,
        description,
        how_to_apply: String::new(),
    };
    let mut texts = vec![text(
        Lang::It,
        format!("{} {}", occupation.label(Lang::It), it.pick(rng)),
        description,
    )];
    for (lang, percent) in [(Lang::En, 30), (Lang::Fr, 8), (Lang::De, 8)] {
        if rng.chance(percent) {
            let words = 20 + rng.below(80);
            texts.push(text(lang, occupation.label(lang).to_string(), en.sentence(rng, words)));
        }
    }
    let languages = (0..rng.below(3))
        .map(|_| LanguageRequirement {
            language: SpokenLanguage::ALL[rng.below(SpokenLanguage::ALL.len())],
            level: Cefr::B1,
        })
        .fold(Vec::new(), |mut all: Vec<LanguageRequirement>, l| {
            if !all.iter().any(|x| x.language == l.language) {
                all.push(l);
            }
            all
        });
    let spread = rng.below(550) + 1;
    let centre = 1 + rng.below(spread) as i64;
    Offer {
        id: OfferId(i as i64),
        reference: RefCode::new("LE", i).unwrap_or_else(|_| unreachable!()),
        status: OfferStatus::Published,
        published_on: Some(today - Days::new(rng.below(60) as u64)),
        updated_at: Utc::now(),
        version: 1,
        data: NewOffer {
            centre: CentreId(centre),
            section: Section::ALL[[0, 0, 0, 0, 0, 0, 1, 1, 2, 3][rng.below(10)]],
            occupation: occupation.code.to_string(),
            texts,
            employer: Employer {
                name: format!("Azienda {}", rng.below(50_000)),
                hidden: rng.chance(30),
            },
            place: WorkPlace {
                town: ["Lecce", "Nardò", "Gallipoli", "Rimini", "Milano", "Roma"][rng.below(6)].into(),
                postcode: "73100".into(),
                region: "LE".into(),
                country: "IT".into(),
                remote: false,
            },
            contract: ContractType::ALL[rng.below(ContractType::ALL.len())],
            working_time: WorkingTime::ALL[rng.below(WorkingTime::ALL.len())],
            hours_per_week: Some(40),
            openings: 1,
            requirements: Requirements {
                education: EducationLevel::None,
                languages,
                licence: None,
                experience_months: 0,
            },
            salary: None,
            valid_through: today + Days::new(rng.below(90) as u64) - Days::new(5),
        },
    }
}

/// The query mix: (kind, query, centre).
fn queries(rng: &mut Rng) -> Vec<(&'static str, OfferQuery, Option<CentreId>)> {
    let mut mix = Vec::new();
    for n in 0..1000 {
        let (kind, text) = match n % 5 {
            0 => ("one word", QUERY_WORDS[rng.below(QUERY_WORDS.len())]),
            1 => ("two words", PAIRS[rng.below(PAIRS.len())]),
            2 => ("phrase", PHRASES[rng.below(PHRASES.len())]),
            3 => ("typo", TYPOS[rng.below(TYPOS.len())]),
            _ => ("one word", QUERY_WORDS[rng.below(4)]),
        };
        let facets = rng.below(4);
        let mut q = OfferQuery {
            sort: SortOrder::Relevance,
            ..OfferQuery::default()
        };
        q.filter.text = Some(text.to_string());
        let mut centre = None;
        let mut chosen = [0, 1, 2, 3];
        for i in 0..4 {
            chosen.swap(i, i + rng.below(4 - i));
        }
        for facet in &chosen[..facets] {
            match facet {
                0 => centre = Some(CentreId(1 + rng.below(40) as i64)),
                1 => q.filter.section = Some(Section::ALL[rng.below(4)]),
                2 => q.filter.contract = Some(ContractType::ALL[rng.below(ContractType::ALL.len())]),
                _ => q.filter.language = Some(SpokenLanguage::ALL[rng.below(4)]),
            }
        }
        let label = match facets {
            2 => "text + 2 facets",
            _ => kind,
        };
        mix.push((label, q, centre));
    }
    mix
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn peak_rss_mib() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM")).map(|l| l.to_string()))
        .unwrap_or_default()
}

/// CPU seconds used by the process so far (user + system).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: u64 = args.next().map(|a| a.parse()).transpose()?.unwrap_or(200_000);
    let dir = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("sportello-search-perf"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).ok_or("date")?;
    let (it, en) = (Zipf::new(ITALIAN), Zipf::new(ENGLISH));
    let _ = std::fs::remove_dir_all(&dir);
    let index = SearchIndex::open(&dir)?;
    let mut rng = Rng(0x5EED);
    let started = Instant::now();
    let cpu = cpu_seconds();
    let mut rebuild = index.rebuild()?;
    let mut batch = Vec::with_capacity(1000);
    let mut generating = Duration::ZERO;
    for i in 1..=count {
        let t = Instant::now();
        batch.push(offer(i, &mut rng, &it, &en, today));
        generating += t.elapsed();
        if batch.len() == 1000 || i == count {
            rebuild.add(&batch)?;
            batch.clear();
        }
    }
    rebuild.finish(&IndexState::default())?;
    let elapsed = started.elapsed();
    println!(
        "indexed {count} offers in {:.1} s, {:.1} CPU s ({:.1} s generating them), {} docs, {:.0} MiB on disk",
        elapsed.as_secs_f64(),
        cpu_seconds() - cpu,
        generating.as_secs_f64(),
        index.doc_count(),
        dir_size(&dir) as f64 / 1024.0 / 1024.0
    );
    // Let background merges settle (the reader picks them up by itself).
    let mut segments = index.segment_count();
    for _ in 0..60 {
        std::thread::sleep(Duration::from_secs(2));
        let now = index.segment_count();
        if now == segments {
            break;
        }
        segments = now;
    }
    println!("{segments} segments");
    let mix = queries(&mut Rng(42));
    for (_, q, centre) in mix.iter().take(100) {
        index.search(q, *centre, today)?;
    }
    let mut by_kind: std::collections::BTreeMap<&str, Vec<Duration>> = Default::default();
    let mut all = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    let cpu = cpu_seconds();
    for (kind, q, centre) in &mix {
        let t = Instant::now();
        let hits = index.search(q, *centre, today)?;
        let took = t.elapsed();
        by_kind.entry(kind).or_default().push(took);
        all.push(took);
        slowest.push((took, format!("{:?} {centre:?} → {}", q.filter, hits.total)));
    }
    println!(
        "{:.2} CPU ms per query on average (all threads)",
        (cpu_seconds() - cpu) * 1000.0 / mix.len() as f64
    );
    by_kind.insert("all", all);
    println!(
        "{:<16} {:>6} {:>8} {:>8} {:>8} {:>8}",
        "queries", "n", "p50 ms", "p95 ms", "p99 ms", "max ms"
    );
    for (kind, mut times) in by_kind {
        times.sort();
        println!(
            "{kind:<16} {:>6} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
            times.len(),
            percentile(&times, 0.50),
            percentile(&times, 0.95),
            percentile(&times, 0.99),
            percentile(&times, 1.0)
        );
    }
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (took, q) in slowest.iter().take(5) {
        println!("slow: {:.1} ms {q}", took.as_secs_f64() * 1000.0);
    }
    println!("{}", peak_rss_mib());
    Ok(())
}
