//! The printable poster of an offer through the real router, on SQLite and
//! PostgreSQL: linked from the offer's page, a one-page PDF with the
//! languages asked for and a QR code decoding to the short address; 404 and
//! 410 like the page, 400 naming an unknown language, in the page's language.

use crate::common::{PUBLIC_URL, TestApp};
use sportello_domain::OfferStatus;
use sportello_testkit::on_both_backends;
use sportello_testkit::pdf::{PdfFile, font_size};

on_both_backends!(using crate::common::TestApp::new =>
    the_offer_page_links_a_poster_that_reads_back,
    posters_answer_like_the_offer_page_and_name_bad_values,
);

async fn the_offer_page_links_a_poster_that_reads_back(app: TestApp) {
    let references = app.open_references("").await;
    let reference = &references[0];
    let page = app.get(&format!("/fr/offers/{reference}")).await;
    assert_eq!(page.status, 200);
    let link = format!("/fr/offers/{reference}/poster.pdf?lang=fr");
    assert!(page.body.contains(&link), "the page links its poster: {}", page.body);
    assert!(page.body.contains(&format!("{link}&amp;large=1")));

    let r = app.get(&format!("/fr/offers/{reference}/poster.pdf?lang=en,de")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/pdf");
    let pdf = PdfFile::new(&r.bytes);
    assert_eq!(pdf.pages(), 1);
    let text = pdf.flat_text();
    for needle in ["Italiano", "English", "Deutsch", reference.as_str()] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    assert!(!text.contains("Français"), "only the languages asked for: {text}");
    assert!(pdf.info("Title").unwrap().contains(reference.as_str()));
    assert_eq!(pdf.qr_codes(), vec![format!("{PUBLIC_URL}/o/{reference}")]);
    assert!(pdf.fonts().iter().all(|(_, embedded)| *embedded));

    // Without `lang`: Italian and the page's language; large print.
    let r = app.get(&format!("/de/offers/{reference}/poster.pdf?large=1")).await;
    assert_eq!(r.status, 200);
    let pdf = PdfFile::new(&r.bytes);
    let text = pdf.flat_text();
    assert!(
        text.contains("Italiano") && text.contains("Deutsch") && !text.contains("English"),
        "{text}"
    );
    let smallest = pdf
        .words()
        .iter()
        .map(|w| font_size(w.height))
        .fold(f64::INFINITY, f64::min);
    assert!(smallest >= 19.9, "large print: smallest text {smallest} pt");
}

async fn posters_answer_like_the_offer_page_and_name_bad_values(app: TestApp) {
    let references = app.open_references("").await;
    let r = app.get("/en/offers/LE-999999/poster.pdf").await;
    assert_eq!(r.status, 404);
    assert!(r.body.contains("lang=\"en\""), "a page in the reader's language");
    let r = app
        .get(&format!("/it/offers/{}/poster.pdf?lang=en,klingon", references[0]))
        .await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("klingon"), "{}", r.text());
    let r = app
        .get(&format!("/it/offers/{}/poster.pdf?large=maybe", references[0]))
        .await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("maybe"), "{}", r.text());
    let closed = &references[1];
    app.close(closed, OfferStatus::Filled).await;
    let r = app.get(&format!("/fr/offers/{closed}/poster.pdf")).await;
    assert_eq!(r.status, 410);
    assert!(r.body.contains("lang=\"fr\""));
}
