//! Printing from the back office through the real router, on SQLite and
//! PostgreSQL: the print page's form, a centre's board downloaded as a PDF
//! whose text lists the centre's open offers, 404 and 400 pages for unknown
//! centres, sections and languages, sign-in first; the poster form on an
//! offer's office page; and a poster that cannot fit on one page answered
//! with a 400 page in the reader's language, never a 500.

use crate::common::browser::{Browser, PASSWORD};
use crate::common::{PUBLIC_URL, TestApp};
use axum::http::StatusCode;
use chrono::Utc;
use sportello_app::i18n::msg;
use sportello_domain::{Actor, Grant, Lang, OfferText, RefCode, Role, Scope, Section, TextStatus};
use sportello_testkit::on_both_backends;
use sportello_testkit::pdf::PdfFile;

on_both_backends!(using crate::common::TestApp::new =>
    operators_download_their_centres_boards,
    bad_board_requests_are_named_in_the_readers_language,
    the_offer_page_of_the_office_has_a_poster_form,
    a_poster_that_cannot_fit_is_a_400_page,
);

async fn signed_in_operator(app: &TestApp) -> Browser<'_> {
    let lecce = app.centre("lecce").await;
    app.add_user(
        "anna@cpi.example",
        vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
    )
    .await;
    let mut browser = Browser::new(app);
    browser.sign_in_fully("anna@cpi.example", PASSWORD).await;
    browser
}

async fn operators_download_their_centres_boards(app: TestApp) {
    let mut anonymous = Browser::new(&app);
    let r = anonymous.get("/it/office/print?centre=lecce").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "signed-out users are sent to sign in");
    assert!(
        r.header("location").contains("/it/office/sign-in"),
        "{}",
        r.header("location")
    );

    let mut browser = signed_in_operator(&app).await;
    let home = browser.get("/en/office/").await;
    assert!(
        home.body.contains(r#"href="/en/office/print""#),
        "linked from the office"
    );

    let form = browser.get("/en/office/print").await;
    assert_eq!(form.status, 200);
    assert_eq!(form.h1(), msg(Lang::En, "print-office-title"));
    assert!(form.header("cache-control").contains("no-store"));
    assert!(form.body.contains(r#"href="/en/office/print" aria-current="page""#));
    assert!(form.body.contains(r#"<form method="get" action="/en/office/print""#));
    assert!(form.body.contains(r#"<option value="lecce">"#));
    assert!(
        !form.body.contains(r#"<option value="gallipoli">"#),
        "only the operator's centres"
    );
    for lang in ["it", "en", "fr", "de"] {
        assert!(
            form.body
                .contains(&format!(r#"<label for="board-lang-{lang}" lang="{lang}">"#))
        );
    }
    assert!(form.body.contains(r#"<label for="board-large">"#));
    assert!(form.body.contains(r#"<label for="f-section">"#));

    // The board as the form sends it: repeated `lang`, empty section.
    let r = browser
        .get("/en/office/print?centre=lecce&section=&lang=it&lang=en&lang=de")
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/pdf");
    assert_eq!(
        r.header("content-disposition"),
        r#"attachment; filename="board-lecce-all.pdf""#
    );
    let pdf = PdfFile::new(&r.bytes);
    let text = pdf.flat_text();
    let references = app.open_references("centre=lecce").await;
    assert!(!references.is_empty());
    for reference in &references {
        assert!(text.contains(reference.as_str()), "{reference} on the board: {text}");
    }
    assert!(
        text.contains("English") && text.contains("Deutsch") && !text.contains("Français"),
        "{text}"
    );
    assert!(pdf.fonts().iter().all(|(_, embedded)| *embedded));

    // One section: its offers only, and the file says which.
    let r = browser
        .get("/it/office/print?centre=lecce&section=ordinary&large=1")
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-disposition"),
        r#"attachment; filename="board-lecce-ordinary.pdf""#
    );
    let text = PdfFile::new(&r.bytes).flat_text();
    let ordinary = app.open_references("centre=lecce&section=ordinary").await;
    for reference in &references {
        assert_eq!(
            text.contains(reference.as_str()),
            ordinary.contains(reference),
            "{reference}: {text}"
        );
    }
    assert!(
        PdfFile::new(&r.bytes)
            .qr_codes()
            .contains(&format!("{PUBLIC_URL}/o/{}", ordinary[0]))
    );
}

async fn bad_board_requests_are_named_in_the_readers_language(app: TestApp) {
    let mut browser = signed_in_operator(&app).await;
    let r = browser.get("/fr/office/print?centre=atlantide").await;
    assert_eq!(r.status, 404);
    assert!(r.body.contains(r#"lang="fr""#));
    let r = browser.get("/de/office/print?centre=lecce&section=vip").await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains(r#"lang="de""#));
    assert!(r.text().contains("vip") && r.text().contains("section"), "{}", r.text());
    let r = browser.get("/it/office/print?centre=lecce&lang=en&lang=klingon").await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("klingon"), "{}", r.text());
    let r = browser.get("/en/office/print?centre=lecce&large=maybe").await;
    assert_eq!(r.status, 400);
    assert!(r.text().contains("maybe"), "{}", r.text());
    // A centre that exists, but not the operator's.
    let r = browser.get("/en/office/print?centre=gallipoli").await;
    assert_eq!(r.status, 403);
    // No grant at all: no board.
    app.add_user("nobody@cpi.example", vec![]).await;
    let mut nobody = Browser::new(&app);
    nobody.sign_in_fully("nobody@cpi.example", PASSWORD).await;
    assert_eq!(nobody.get("/en/office/print").await.status, 403);
}

async fn the_offer_page_of_the_office_has_a_poster_form(app: TestApp) {
    let mut browser = signed_in_operator(&app).await;
    let reference = app.open_references("centre=lecce&section=ordinary").await.remove(0);
    let page = browser.get(&format!("/en/office/offers/{reference}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&format!(
            r#"<form method="get" action="/en/offers/{reference}/poster.pdf""#
        )),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"<label for="poster-lang-fr" lang="fr">"#));
    assert!(page.body.contains(r#"<label for="poster-large">"#));
    // What the form sends: Italian and the boxes ticked.
    let r = app
        .get(&format!("/en/offers/{reference}/poster.pdf?lang=it&lang=fr&lang=de"))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/pdf");
    let text = PdfFile::new(&r.bytes).flat_text();
    assert!(
        text.contains("Français") && text.contains("Deutsch") && !text.contains("English"),
        "{text}"
    );
}

async fn a_poster_that_cannot_fit_is_a_400_page(app: TestApp) {
    let reference = app.open_references("section=mirato_art1").await.remove(0);
    let code = RefCode::parse(&reference).unwrap();
    let offer = app.storage().offer(&code).await.unwrap().unwrap();
    assert_eq!(offer.data.section, Section::MiratoArt1);
    let mut data = offer.data.clone();
    data.texts = Lang::ALL
        .iter()
        .map(|lang| OfferText {
            lang: *lang,
            status: if *lang == Lang::It {
                TextStatus::Original
            } else {
                TextStatus::Reviewed
            },
            machine: false,
            title: format!(
                "{lang}: {}",
                "Addetto specializzato alla manutenzione ".repeat(3).trim_end()
            ),
            description: "Lunga descrizione dell'offerta con molti dettagli. ".repeat(80),
            how_to_apply: "Inviare il curriculum con lettera di presentazione e documenti. ".repeat(2),
        })
        .collect();
    // Before: two languages fit on one page.
    let r = app.get(&format!("/en/offers/{reference}/poster.pdf?lang=en")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(PdfFile::new(&r.bytes).pages(), 1);
    app.storage()
        .update_offer(&code, offer.version, &data, &Actor::system(), Utc::now())
        .await
        .unwrap();

    // Four languages in large print do not: a page saying so, in the reader's language.
    for lang in Lang::ALL {
        let r = app
            .get(&format!(
                "/{lang}/offers/{reference}/poster.pdf?lang=it,en,fr,de&large=1"
            ))
            .await;
        assert_eq!(r.status, 400, "{lang}: {}", r.body);
        assert!(r.body.contains(&format!(r#"lang="{lang}""#)));
        assert!(r.header("content-type").starts_with("text/html"));
        let text = r.text();
        assert!(text.contains(&msg(lang, "poster-does-not-fit-title")), "{text}");
        let detail = sportello_app::i18n::msg_args(
            lang,
            "poster-does-not-fit",
            &sportello_app::i18n::args(&[("count", 4.into())]),
        );
        assert!(text.contains(&detail), "{text}");
    }
}
