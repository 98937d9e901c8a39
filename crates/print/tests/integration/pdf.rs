//! The PDFs read back as a reader and a printer would: text, metadata, fonts
//! embedded, font sizes read from the words' boxes, one page per poster, and
//! the QR codes decoded from the rasterised pages (poppler-utils, zbar-tools).

use sportello_print::{
    Board, BoardOffer, BoardSection, CoverBlock, PdfMeta, Poster, PosterBanner, PosterBlock, PosterCentre, PrintError,
    render_board, render_pdf, render_poster,
};
use sportello_testkit::pdf::{PdfFile, font_size};

const URL: &str = "https://lavoro.example.test/o/LE-2026-0042";

fn block(lang: &str, heading: &str, translated: bool, description: &str) -> PosterBlock {
    PosterBlock {
        lang: lang.into(),
        heading: heading.into(),
        title: if translated {
            format!("Cameriere ({lang})")
        } else {
            "Camerieri".into()
        },
        who: None,
        fields: vec![
            ("Professione".into(), "Camerieri".into()),
            ("Luogo di lavoro".into(), "Gallipoli (LE)".into()),
            ("Contratto".into(), "Tempo determinato".into()),
            ("Orario".into(), "Tempo pieno, 40 ore a settimana".into()),
            ("Posti".into(), "3".into()),
            (
                "Titolo di studio".into(),
                "Diploma di scuola secondaria superiore".into(),
            ),
            ("Lingue".into(), "Inglese B1, Tedesco A2".into()),
            ("Esperienza".into(), "12 mesi".into()),
            ("Valida fino al".into(), "31/12/2026".into()),
        ],
        description: if translated { description.into() } else { String::new() },
        note: (!translated).then(|| format!("NOTE-{lang}: the description is available in Italian.")),
        apply_label: "Come candidarsi".into(),
        apply: "Porta il curriculum al centro.".into(),
    }
}

fn poster(blocks: Vec<PosterBlock>, large: bool) -> Poster {
    Poster {
        large,
        reference: "LE-2026-0042".into(),
        reference_label: "Codice / Reference".into(),
        short_url: URL.into(),
        banner: Some(PosterBanner {
            title: "Collocamento Mirato: persone con disabilità (art. 1, L. 68/1999)".into(),
            mirato: true,
        }),
        blocks,
        centre: PosterCentre {
            heading: "Dove candidarsi / Where to apply".into(),
            name: "Centro per l'Impiego di Gallipoli".into(),
            address: "Via Pavia 1, 73014 Gallipoli (LE)".into(),
            contact: "Tel. 0833 123456 · cpi.gallipoli@example.test".into(),
            hours: vec!["lunedì 08:30–11:30".into(), "martedì 15:00–16:30".into()],
        },
        continues: "Continua online / Continues online".into(),
        title: "Cameriere di sala – LE-2026-0042".into(),
    }
}

fn min_size(pdf: &PdfFile) -> f64 {
    let words = pdf.words();
    assert!(words.len() > 30, "the words are read ({})", words.len());
    words.iter().map(|w| font_size(w.height)).fold(f64::INFINITY, f64::min)
}

#[test]
fn render_pdf_reads_its_data_from_sys_inputs_and_sets_the_metadata() {
    let meta = PdfMeta {
        title: "Prova di stampa".into(),
        lang: "fr".into(),
        author: Some("CPI Lecce".into()),
    };
    let template = "#set text(size: 16pt)\n= #sys.inputs.title\n#for x in sys.inputs.items [- #x\n]";
    let data = serde_json::json!({"title": "Bonjour Zoë", "items": ["un", "deux", "trois"]});
    let pdf = PdfFile::new(&render_pdf(template, &data, &meta).unwrap());
    let text = pdf.flat_text();
    assert!(text.contains("Bonjour Zoë") && text.contains("deux"), "{text}");
    assert_eq!(pdf.info("Title").as_deref(), Some("Prova di stampa"));
    assert_eq!(pdf.info("Author").as_deref(), Some("CPI Lecce"));
    assert_eq!(pdf.lang().as_deref(), Some("fr"));
    let size = min_size_of(&pdf);
    assert!((size - 16.0).abs() < 0.3, "16 pt text reads as {size}");
}

fn min_size_of(pdf: &PdfFile) -> f64 {
    pdf.words()
        .iter()
        .map(|w| font_size(w.height))
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn a_poster_has_its_languages_reference_metadata_and_embedded_fonts() {
    let p = poster(
        vec![
            block("it", "Italiano", true, "Ristorante sul mare cerca camerieri."),
            block("en", "English", true, "Seaside restaurant looking for waiters."),
            block("fr", "Français", false, ""),
        ],
        false,
    );
    let pdf = PdfFile::new(&render_poster(&p).unwrap());
    assert_eq!(pdf.pages(), 1);
    let text = pdf.flat_text();
    for needle in [
        "LE-2026-0042",
        "Italiano",
        "English",
        "Français",
        "Cameriere (it)",
        "Seaside restaurant looking for waiters.",
        "NOTE-fr: the description is available in Italian.",
        "Collocamento Mirato",
        "Via Pavia 1",
        "0833 123456",
        "cpi.gallipoli@example.test",
        "martedì 15:00–16:30",
        URL,
    ] {
        assert!(text.contains(needle), "{needle:?} is not in the poster's text: {text}");
    }
    // Italian first, then the languages in the order asked.
    let (it, en, fr) = (
        text.find("Italiano").unwrap(),
        text.find("English").unwrap(),
        text.find("Français").unwrap(),
    );
    assert!(it < en && en < fr, "{text}");
    assert!(!text.contains("Continua online"), "nothing was cut: {text}");
    assert_eq!(pdf.info("Title").as_deref(), Some("Cameriere di sala – LE-2026-0042"));
    assert_eq!(pdf.lang().as_deref(), Some("it"));
    let fonts = pdf.fonts();
    assert!(fonts.len() >= 2, "regular and bold: {fonts:?}");
    assert!(
        fonts.iter().all(|(_, embedded)| *embedded),
        "every font embedded: {fonts:?}"
    );
    assert!(fonts.iter().all(|(name, _)| name.contains("DejaVuSans")), "{fonts:?}");
}

#[test]
fn body_text_is_at_least_14_pt_and_20_pt_in_large_print() {
    let blocks = || {
        vec![
            block("it", "Italiano", true, "Breve descrizione."),
            block("de", "Deutsch", false, ""),
        ]
    };
    let normal = PdfFile::new(&render_poster(&poster(blocks(), false)).unwrap());
    let size = min_size(&normal);
    assert!((13.9..16.0).contains(&size), "smallest text {size} pt");
    let large = PdfFile::new(&render_poster(&poster(blocks(), true)).unwrap());
    let size = min_size(&large);
    assert!((19.9..22.0).contains(&size), "smallest large text {size} pt");
    assert_eq!(large.pages(), 1);
}

#[test]
fn the_qr_code_decodes_to_the_short_address() {
    let pdf = PdfFile::new(&render_poster(&poster(vec![block("it", "Italiano", true, "Testo.")], false)).unwrap());
    assert_eq!(pdf.qr_codes(), vec![URL.to_owned()]);
    let large = PdfFile::new(&render_poster(&poster(vec![block("it", "Italiano", true, "Testo.")], true)).unwrap());
    assert_eq!(large.qr_codes(), vec![URL.to_owned()]);
}

fn long_poster(langs: usize, large: bool) -> Poster {
    let long = "Il ristorante cerca personale di sala motivato e puntuale. ".repeat(60);
    let blocks = vec![
        block("it", "Italiano", true, &long),
        block("en", "English", true, &long),
        block("fr", "Français", true, &long),
        block("de", "Deutsch", false, ""),
    ];
    poster(blocks.into_iter().take(langs).collect(), large)
}

#[test]
fn a_long_description_is_cut_with_continues_online_and_the_poster_stays_one_page() {
    for (langs, large) in [(1, false), (4, false), (1, true), (2, true)] {
        let pdf = PdfFile::new(&render_poster(&long_poster(langs, large)).unwrap());
        assert_eq!(pdf.pages(), 1, "{langs} languages, large: {large}");
        let text = pdf.flat_text();
        assert!(text.contains("Continua online / Continues online"), "{text}");
        let kept = text.matches("puntuale").count();
        assert!(kept < 60, "the long text was cut ({kept} of 60 sentences kept): {text}");
        if langs == 1 {
            assert!(
                text.contains("Il ristorante cerca") && text.contains(" …"),
                "the cut is marked: {text}"
            );
        }
        if langs == 4 {
            assert!(text.contains("Deutsch") && text.contains("NOTE-de"), "{text}");
        }
        assert_eq!(pdf.qr_codes(), vec![URL.to_owned()]);
    }
}

#[test]
fn four_languages_in_large_print_are_refused_with_a_reason() {
    // A reserved section's offer: each block says who may apply, at length,
    // and that line is never left out.
    let mut crowded = long_poster(4, true);
    for b in &mut crowded.blocks {
        b.title = "Addetto specializzato alla manutenzione degli impianti ".repeat(2);
        b.who = Some("Solo per le persone delle categorie protette iscritte nell'elenco (per esempio orfani o coniugi superstiti di chi è morto sul lavoro, rifugiati, vittime del terrorismo o della criminalità organizzata).".repeat(2));
    }
    let error = render_poster(&crowded).unwrap_err();
    assert!(
        matches!(&error, PrintError::DoesNotFit { reference, languages: 4 } if reference == "LE-2026-0042"),
        "{error:?}"
    );
    let error = error.to_string();
    assert!(
        error.contains("LE-2026-0042") && error.contains("4 languages"),
        "{error}"
    );
}

fn board() -> Board {
    let offer = |n: u32| BoardOffer {
        reference: format!("LE-2026-{n:04}"),
        title: format!("Offerta numero {n}"),
        lines: vec![
            "Lecce · Tempo determinato · Valida fino al 31/12/2026".into(),
            format!("English: Offer {n}"),
        ],
        short_url: format!("https://lavoro.example.test/o/LE-2026-{n:04}"),
    };
    let cover = |lang: &str, heading: &str| CoverBlock {
        lang: lang.into(),
        heading: heading.into(),
        title: format!("Sezione ({lang})"),
        what: format!("WHAT-{lang}"),
        who: format!("WHO-{lang}"),
        how: format!("HOW-{lang}"),
    };
    Board {
        large: false,
        title: "Bacheca di CPI Lecce".into(),
        lang: "it".into(),
        centre: poster(vec![], false).centre,
        sections: vec![
            BoardSection {
                title: "Offerte di lavoro".into(),
                count: "4 offerte aperte".into(),
                mirato: false,
                eures: false,
                cover: vec![cover("it", "Italiano"), cover("en", "English")],
                offers: (1..=4).map(offer).collect(),
            },
            BoardSection {
                title: "EURES".into(),
                count: "3 offerte aperte".into(),
                mirato: false,
                eures: true,
                cover: vec![cover("it", "Italiano"), cover("en", "English")],
                offers: (5..=7).map(offer).collect(),
            },
        ],
    }
}

#[test]
fn a_board_has_a_cover_per_section_every_offer_and_a_decodable_qr_code_for_each() {
    let pdf = PdfFile::new(&render_board(&board()).unwrap());
    // Covers 2, offers 3 + 1 + 3 a page.
    assert_eq!(pdf.pages(), 5);
    let pages: Vec<String> = pdf.text().split('\u{c}').map(str::to_owned).collect();
    assert!(pages[0].contains("WHAT-it") && pages[0].contains("WHO-en") && pages[0].contains("HOW-en"));
    assert!(
        pages[3].contains("EURES") && pages[3].contains("WHAT-en"),
        "{}",
        pages[3]
    );
    let text = pdf.flat_text();
    for n in 1..=7 {
        assert!(text.contains(&format!("LE-2026-{n:04}")), "offer {n} is on the board");
    }
    let mut codes = pdf.qr_codes();
    codes.sort();
    let expected: Vec<String> = (1..=7)
        .map(|n| format!("https://lavoro.example.test/o/LE-2026-{n:04}"))
        .collect();
    assert_eq!(codes, expected);
    assert!(pdf.fonts().iter().all(|(_, embedded)| *embedded));
    assert!(min_size(&pdf) >= 13.9);
}
