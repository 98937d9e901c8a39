//! Every text message in every UI language fits: for each demo centre (the
//! longest names and addresses), each kind (confirmation, move,
//! cancellation, reminder, the link of a booking held sent again; the
//! opt-out and opt-in answers), each way of
//! meeting, the text is GSM-7 — the locale files keep to its alphabet, so
//! that a part holds 160 characters, not 70 — and at most three parts; for
//! Lecce's office appointments, the encoding and part count of each kind in
//! each language are the ones below, so a longer wording shows up here.

use chrono::{TimeZone, Utc};
use sportello_app::App;
use sportello_app::appointments::CentreCalendar;
use sportello_app::appointments::texts::{TextKind, TextSubject, text};
use sportello_app::i18n::msg;
use sportello_domain::sms::{SmsEncoding, SmsText};
use sportello_domain::{BookingRef, Lang, Modality, PublicUrl};
use sportello_testkit::{Backend, TestDatabase};

/// Lecce, in the office: (language, kind) → encoding and parts.
const LECCE_IN_OFFICE: &str = "\
it confirmation GSM-7 2
it moved GSM-7 2
it cancelled GSM-7 1
it reminder GSM-7 2
it existing GSM-7 2
en confirmation GSM-7 2
en moved GSM-7 2
en cancelled GSM-7 1
en reminder GSM-7 2
en existing GSM-7 2
fr confirmation GSM-7 2
fr moved GSM-7 2
fr cancelled GSM-7 1
fr reminder GSM-7 2
fr existing GSM-7 2
de confirmation GSM-7 2
de moved GSM-7 2
de cancelled GSM-7 1
de reminder GSM-7 2
de existing GSM-7 2
";

fn name(kind: TextKind) -> &'static str {
    match kind {
        TextKind::Confirmation => "confirmation",
        TextKind::Moved => "moved",
        TextKind::Cancelled => "cancelled",
        TextKind::Reminder => "reminder",
        TextKind::Existing => "existing",
    }
}

fn encoding(e: SmsEncoding) -> &'static str {
    match e {
        SmsEncoding::Gsm7 => "GSM-7",
        SmsEncoding::Ucs2 => "UCS-2",
    }
}

#[tokio::test]
async fn every_text_fits_in_gsm7_and_three_parts_in_every_language() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    for centre in sportello_demo::centres::centres() {
        db.storage.insert_centre(&centre).await.unwrap();
    }
    let app = App::new(
        db.storage.clone(),
        PublicUrl::parse("https://lavoro.regione.puglia.it").unwrap(),
        None,
    )
    .await
    .unwrap();
    // References all have one length; a December evening.
    let reference = BookingRef::parse("P-7K3M-9QXA").unwrap();
    let start = Utc.with_ymd_and_hms(2026, 12, 30, 16, 30, 0).unwrap();
    let mut lecce = String::new();
    let mut checked = 0;
    for centre in db.storage.centres().await.unwrap() {
        let slug = centre.data.slug.to_string();
        let calendar = CentreCalendar::load(&app, centre).await.unwrap();
        for lang in Lang::ALL {
            for kind in TextKind::ALL {
                for modality in [Modality::InOffice, Modality::Phone, Modality::Video] {
                    let subject = TextSubject {
                        reference: &reference,
                        modality,
                        start,
                        lang,
                    };
                    let body = text(&app, kind, &calendar, &subject);
                    let sms = SmsText::parse(&body)
                        .unwrap_or_else(|e| panic!("{slug} {lang:?} {kind:?} {modality:?}: {e}: {body}"));
                    assert_eq!(
                        sms.encoding(),
                        SmsEncoding::Gsm7,
                        "{slug} {lang:?} {kind:?}: a character outside GSM-7 in {body:?}"
                    );
                    assert!(sms.parts() <= 3, "{body}");
                    assert!(body.contains(reference.as_str()), "{body}");
                    if slug == "lecce" && modality == Modality::InOffice {
                        lecce.push_str(&format!(
                            "{} {} {} {}\n",
                            lang.code(),
                            name(kind),
                            encoding(sms.encoding()),
                            sms.parts()
                        ));
                    }
                    checked += 1;
                }
            }
            for id in ["sms-opted-out", "sms-opted-in"] {
                let body = msg(lang, id);
                let sms = SmsText::parse(&body).unwrap();
                assert_eq!((sms.encoding(), sms.parts()), (SmsEncoding::Gsm7, 1), "{body}");
            }
        }
    }
    assert_eq!(checked, 12 * 4 * 5 * 3, "every centre, language, kind and way");
    assert_eq!(lecce, LECCE_IN_OFFICE);
}
