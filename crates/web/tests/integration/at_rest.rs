//! Personal data at rest, through the real router on SQLite and PostgreSQL:
//! the health-related needs a person types in the public booking form reach
//! the database sealed (found in no encoding in the raw columns) and come
//! back on the person's own booking page.

use axum::http::StatusCode;
use sportello_domain::{Lang, Modality, ServiceKind};
use sportello_testkit::{on_both_backends, raw};

use crate::appointments_pages::{book, details, first_free_start, page_from_message, service_of};
use crate::common::TestApp;
use crate::common::browser::Browser;

on_both_backends!(using crate::common::TestApp::new => typed_needs_are_sealed);

const NEEDS: &str = "Arrivo con il cane guida Tobia";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn typed_needs_are_sealed(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::Did).await;
    let service_url = format!("/it/appointments/lecce/{}", service.id.0);
    let mut citizen = Browser::new(&app);
    let start = first_free_start(&mut citizen, &service_url, Modality::InOffice).await;
    let mut fields = details("Amina Diallo", "amina@example.org", "", "");
    fields.retain(|(name, _)| *name != "other_needs");
    fields.push(("other_needs", NEEDS));
    fields.push(("wheelchair", "on"));
    let booked = book(&mut citizen, &service_url, Modality::InOffice, &start, &fields).await;
    let page_url = page_from_message(&app, &booked, Lang::It, "amina@example.org").await;

    let raw = raw::texts(
        &app.db.url,
        "SELECT COALESCE(needs_sealed, '') || '|' || COALESCE(interpreter, '') || '|' || other_needs || '|' \
         || CAST(wheelchair AS TEXT) FROM bookings",
        &[],
    )
    .await;
    assert_eq!(raw.len(), 1);
    let row = raw[0].to_lowercase();
    assert!(row.starts_with("sv1.k1."), "{row}");
    for word in [NEEDS, "cane guida", "tobia"] {
        let word = word.to_lowercase();
        assert!(
            !row.contains(&word) && !row.contains(&hex(word.as_bytes())),
            "{word} in {row}"
        );
    }
    assert!(
        row.ends_with("||0") || row.ends_with("||false"),
        "no plaintext flag: {row}"
    );

    // The person's own page reads it back.
    let page = citizen.get(&page_url).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains(NEEDS), "{}", page.text());
}
