//! The citizens' booking pages through the real router, on SQLite and
//! PostgreSQL: the whole flow in each language (centre, service, way to meet,
//! day, time, details, booking page, confirmation e-mail with its `.ics`),
//! video meetings, every kind of bad input (nothing saved), a slot taken by
//! someone else, tampered links, moving, cancelling, and the `.ics` download.
//! Dates are picked from what the pages offer, so the tests work any day.

use crate::common::appointments::{mailed_link, texted_link};
use crate::common::browser::Browser;
use crate::common::{PUBLIC_URL, TestApp, TestResponse};
use axum::http::StatusCode;
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use sportello_app::appointments::{BookingInput, CentreCalendar, manage_token};
use sportello_domain::PublicUrl;
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::{Actor, Booking, BookingRef, Lang, Modality, RawBooking, Service, ServiceKind};
use sportello_testkit::on_both_backends;
use sportello_web::AppState;

/// Every `href` in `html` that starts with `prefix`, unescaped.
fn hrefs(html: &str, prefix: &str) -> Vec<String> {
    let marker = format!("href=\"{prefix}");
    html.match_indices(&marker)
        .map(|(i, _)| {
            let start = i + "href=\"".len();
            let end = start + html[start..].find('"').unwrap();
            html[start..end].replace("&amp;", "&")
        })
        .collect()
}

/// The values of the radio buttons named `name`.
pub(crate) fn radio_values(html: &str, name: &str) -> Vec<String> {
    let marker = "type=\"radio\" id=\"";
    html.match_indices(&marker)
        .filter_map(|(i, _)| {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            let value_marker = "value=\"";
            tag.contains(&format!("name=\"{name}\"")).then(|| {
                let v = tag.find(value_marker).unwrap() + value_marker.len();
                tag[v..v + tag[v..].find('"').unwrap()].to_string()
            })
        })
        .collect()
}

pub(crate) async fn service_of(app: &TestApp, slug: &str, kind: ServiceKind) -> Service {
    let centre = app.centre(slug).await;
    app.storage()
        .services(centre.id)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.data.kind == kind)
        .unwrap()
}

/// Bookings of a centre from yesterday to 90 days ahead.
async fn bookings(app: &TestApp, slug: &str) -> Vec<Booking> {
    let centre = app.centre(slug).await;
    let now = Utc::now();
    app.storage()
        .centre_bookings(centre.id, now - Duration::days(1), now + Duration::days(90))
        .await
        .unwrap()
}

/// The details typed in the form.
pub(crate) fn details<'a>(name: &'a str, email: &'a str, phone: &'a str, cf: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", email),
        ("phone", phone),
        ("codice_fiscale", cf),
        ("interpreter", ""),
        ("other_needs", ""),
    ]
}

/// Goes through the day choice of `service_url` with `modality` and
/// returns the first free start offered.
pub(crate) async fn first_free_start(browser: &mut Browser<'_>, service_url: &str, modality: Modality) -> String {
    let days = browser
        .get(&format!("{service_url}?modality={}", modality.code()))
        .await;
    assert_eq!(days.status, StatusCode::OK, "{}", days.text());
    let day = hrefs(&days.body, &format!("{service_url}?"))
        .into_iter()
        .find(|h| h.contains("day="))
        .expect("an open day");
    let slots = browser.get(&day).await;
    assert_eq!(slots.status, StatusCode::OK);
    assert!(slots.body.contains("<fieldset>") && slots.body.contains("<legend>"));
    radio_values(&slots.body, "start")
        .into_iter()
        .next()
        .expect("a free time")
}

/// The booking's page a person reaches from the answer "sent" to the form:
/// through the link of the newest mail about a booking to `email`, or
/// without one, of the newest text.
pub(crate) async fn page_from_message(app: &TestApp, answer: &TestResponse, lang: Lang, email: &str) -> String {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    assert!(answer.body.contains("role=\"status\""), "{}", answer.text());
    let (reference, token) = if email.is_empty() {
        texted_link(app).await
    } else {
        mailed_link(app, email).await
    };
    format!("/{lang}/appointments/booking/{reference}?t={token}")
}

/// Books `start` through the form; answers the POST.
pub(crate) async fn book(
    browser: &mut Browser<'_>,
    service_url: &str,
    modality: Modality,
    start: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    let path = format!("{service_url}/book?modality={}&start={start}", modality.code());
    let form = browser.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.text());
    browser.post(&path, fields).await
}

async fn the_whole_flow_in_each_language(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let cases = [
        (
            Lang::It,
            Modality::InOffice,
            "Prenota un appuntamento",
            "Arrivate 5 minuti prima",
        ),
        (
            Lang::En,
            Modality::Phone,
            "Book an appointment",
            "Arrive 5 minutes early",
        ),
        (
            Lang::Fr,
            Modality::Video,
            "Prendre rendez-vous",
            "Arrivez 5 minutes en avance",
        ),
        (
            Lang::De,
            Modality::InOffice,
            "Einen Termin buchen",
            "Kommen Sie 5 Minuten früher",
        ),
    ];
    for (lang, modality, title, rule) in cases {
        let mut citizen = Browser::new(&app);
        let list = citizen.get(&format!("/{lang}/appointments")).await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.h1(), title);
        let centre_url = format!("/{lang}/appointments/lecce");
        assert!(list.body.contains(&format!("href=\"{centre_url}\"")));
        assert!(
            list.body.contains(&format!("href=\"/{}/appointments\"", Lang::De)),
            "language links"
        );

        let centre = citizen.get(&centre_url).await;
        assert_eq!(centre.status, StatusCode::OK);
        assert!(centre.text().contains(rule), "access rules in {lang}");
        let service_url = format!("{centre_url}/{}", service.id.0);
        assert!(centre.body.contains(&format!("href=\"{service_url}\"")));

        let choose = citizen.get(&service_url).await;
        assert_eq!(choose.status, StatusCode::OK);
        assert_eq!(radio_values(&choose.body, "modality"), ["in_office", "phone", "video"]);

        let start = first_free_start(&mut citizen, &service_url, modality).await;
        let email = format!("amina.{lang}@example.org");
        // Four people: one booking per person and service.
        let (phone, cf) = match lang {
            Lang::It => ("+39 333 1234567", "RSSMRA85T10A562S"),
            Lang::En => ("+39 333 1234568", ""),
            Lang::Fr => ("+39 333 1234569", ""),
            _ => ("+39 333 1234560", ""),
        };
        let mut fields = details("Amina Diallo", &email, phone, cf);
        fields.push(("wheelchair", "on"));
        fields.push(("interpreter", "fr"));
        let booked = book(&mut citizen, &service_url, modality, &start, &fields).await;
        let location = page_from_message(&app, &booked, lang, &email).await;

        let page = citizen.get(&location).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.header("cache-control"), "no-store");
        let reference = location
            .split('/')
            .nth(4)
            .unwrap()
            .split('?')
            .next()
            .unwrap()
            .to_string();
        let text = page.text();
        assert!(text.contains(&reference) && text.contains("Amina Diallo"), "{text}");
        let name = service.data.text(lang).unwrap().name.clone();
        assert!(text.contains(&name), "service name in {lang}");
        assert!(page.body.contains("/calendar.ics?t="));
        if modality == Modality::Video {
            assert!(
                page.body.contains("href=\"https://meet.jit.si/Sportello-"),
                "meeting address"
            );
        }
        let stored = app
            .storage()
            .booking(&BookingRef::parse(&reference).unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.person.lang, lang);
        assert_eq!(stored.modality, modality);
        assert!(stored.needs.wheelchair);

        let mail = app
            .storage()
            .recent_mail(50)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.mail.to.as_str() == email)
            .expect("the confirmation is queued");
        assert_eq!(mail.mail.lang, lang);
        assert_eq!(mail.mail.kind, "booking.confirmation");
        assert!(mail.mail.text.contains(&reference));
        let ics = &mail.mail.attachments[0];
        assert!(ics.filename.ends_with(".ics"));
        assert!(ics.content.contains("DTSTART;TZID=Europe/Rome:"));
    }
}

async fn bad_input_is_refused_and_nothing_saved(app: TestApp) {
    // Skills assessment: in the office only (no choice of the way to meet), one place.
    let service = service_of(&app, "lecce", ServiceKind::SkillsAssessment).await;
    let service_url = format!("/en/appointments/lecce/{}", service.id.0);
    let mut citizen = Browser::new(&app);
    let skipped = citizen.get(&service_url).await;
    assert!(
        radio_values(&skipped.body, "modality").is_empty(),
        "one way to meet: no choice"
    );
    assert!(skipped.body.contains("days-heading"));
    let start = first_free_start(&mut citizen, &service_url, Modality::InOffice).await;
    let office = Modality::InOffice;

    let wrong = [
        (
            details("Amina", "amina@", "", ""),
            "email",
            "This is not a valid e-mail address",
        ),
        (
            details("Amina", "", "call me", ""),
            "phone",
            "This is not a valid phone number",
        ),
        (
            details("Amina", "amina@example.org", "", "RSSMRA85T10A562X"),
            "codice_fiscale",
            "This tax code (codice fiscale) is not valid",
        ),
        (
            details("Amina", "", "", ""),
            "email",
            "Give an e-mail address or a phone number",
        ),
        (details("", "amina@example.org", "", ""), "name", "Fill in this field."),
    ];
    for (fields, field, message) in wrong {
        let refused = book(&mut citizen, &service_url, office, &start, &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(refused.text().contains(message), "{message} in {}", refused.text());
        assert!(
            refused.body.contains(&format!("href=\"#f-{field}\"")),
            "summary links {field}"
        );
        assert!(
            refused
                .body
                .contains(&format!("aria-describedby=\"f-{field}-hint f-{field}-error\""))
                || refused.body.contains(&format!("aria-describedby=\"f-{field}-error\"")),
            "{field} is described by its error"
        );
        assert!(refused.body.contains("aria-invalid=\"true\""));
        if !fields[0].1.is_empty() {
            assert!(refused.body.contains("value=\"Amina\""), "typed values are kept");
        }
    }

    // Times that cannot be booked.
    let today = today_in_rome();
    let yesterday = today - Duration::days(1);
    let mut sunday = today + Duration::days(7);
    while sunday.weekday() != Weekday::Sun {
        sunday += Duration::days(1);
    }
    let day = &start[..10];
    let good = details("Amina", "amina@example.org", "", "");
    for (when, message) in [
        (format!("{yesterday}T09:30"), "This time has already passed."),
        (
            format!("{sunday}T09:30"),
            "The centre takes no appointments on this day. The centre takes no appointments on this day of the week.",
        ),
        (format!("{day}T09:10"), "No appointment starts at this time."),
    ] {
        let path = format!("{service_url}/book?modality=in_office&start={when}");
        let refused = citizen.post(&path, &good).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{when}");
        assert!(refused.text().contains(message), "{message} in {}", refused.text());
        assert!(
            refused
                .body
                .contains(&format!("{service_url}?modality=in_office&amp;day="))
        );
        let shown = citizen.get(&path).await;
        assert_eq!(
            shown.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the form is not shown for {when}"
        );
    }
    // A national holiday, by name, when one falls within the booking window.
    let holiday = sportello_domain::appointments::holidays::national_holidays(today.year())
        .into_iter()
        .chain(sportello_domain::appointments::holidays::national_holidays(
            today.year() + 1,
        ))
        .find(|(d, _)| *d > today && *d <= today + Duration::days(50) && d.weekday() != Weekday::Sun);
    if let Some((date, holiday)) = holiday {
        let page = citizen
            .get(&format!("{service_url}?modality=in_office&day={date}"))
            .await;
        let name = sportello_app::i18n::msg(Lang::En, &format!("holiday-{}", holiday.code()));
        assert!(
            page.text()
                .contains(&format!("The centre is closed on this day: {name}."))
        );
    }
    let easter_monday = citizen
        .get(&format!("{service_url}?modality=in_office&day=2027-03-29"))
        .await;
    assert_eq!(easter_monday.status, StatusCode::OK);
    assert!(
        easter_monday
            .text()
            .contains("The centre is closed on this day: Easter Monday.")
            || easter_monday.text().contains("This day is too far ahead")
            || easter_monday.text().contains("This day has already passed."),
        "Easter Monday 2027 is never offered"
    );
    assert!(bookings(&app, "lecce").await.is_empty(), "nothing saved");
    assert!(
        app.storage().recent_mail(10).await.unwrap().is_empty(),
        "no mail queued"
    );

    // The only place is taken while someone else fills in the form: a 409
    // with the next free times; opening the form afterwards says so at once.
    let mut other = Browser::new(&app);
    let form_path = format!("{service_url}/book?modality={}&start={start}", office.code());
    assert_eq!(other.get(&form_path).await.status, StatusCode::OK);
    let first = book(&mut citizen, &service_url, office, &start, &good).await;
    let location = page_from_message(&app, &first, Lang::En, good[1].1).await;
    let taken = other
        .post(&form_path, &details("Marco Rossi", "marco@example.org", "", ""))
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    let late_form = Browser::new(&app).get(&form_path).await;
    assert_eq!(late_form.status, StatusCode::CONFLICT);
    assert!(late_form.text().contains("This time was just taken"));
    assert!(
        !late_form.body.contains("name=\"name\""),
        "no form to fill in for a taken time"
    );
    assert!(taken.text().contains("This time was just taken"));
    // The page's own address (its language links) names the taken time; the
    // others are the next free times.
    let taken_start = start.replace(':', "%3A");
    let next: Vec<String> = hrefs(&taken.body, &format!("{service_url}/book?modality=in_office"))
        .into_iter()
        .filter(|h| !h.ends_with(&taken_start))
        .collect();
    assert!(!next.is_empty(), "next free times are offered");
    assert!(next.iter().all(|h| h.contains("&start=")));
    let next_form = other.get(&next[0]).await;
    assert_eq!(next_form.status, StatusCode::OK, "{} {}", next[0], next_form.text());
    assert_eq!(bookings(&app, "lecce").await.len(), 1);

    // A link whose token was changed.
    let tampered = format!("{}x", &location[..location.len() - 1]);
    let refused = citizen.get(&tampered).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.text().contains("This link does not work"));
    let missing = citizen.get(location.split('?').next().unwrap()).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    let german = citizen.get(&tampered.replacen("/en/", "/de/", 1)).await;
    assert!(german.text().contains("Dieser Link funktioniert nicht"));
}

async fn moving_cancelling_and_the_calendar_file(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let service_url = format!("/en/appointments/lecce/{}", service.id.0);
    let mut citizen = Browser::new(&app);
    let start = first_free_start(&mut citizen, &service_url, Modality::InOffice).await;
    let good = details("Amina Diallo", "amina@example.org", "", "");
    let booked = book(&mut citizen, &service_url, Modality::InOffice, &start, &good).await;
    let page_url = page_from_message(&app, &booked, Lang::En, "amina@example.org").await;
    let (base, token_query) = page_url.split_once('?').unwrap();

    let ics = citizen.get(&format!("{base}/calendar.ics?{token_query}")).await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.header("content-type").starts_with("text/calendar"));
    assert!(ics.header("content-disposition").starts_with("attachment;"));
    assert!(ics.body.contains("BEGIN:VCALENDAR") && ics.body.contains("DTSTART;TZID=Europe/Rome:"));
    assert_eq!(
        citizen.get(&format!("{base}/calendar.ics?t=nope")).await.status,
        StatusCode::FORBIDDEN
    );

    // Move: the open days, a day's times, the new time.
    let page = citizen.get(&page_url).await;
    let move_url = hrefs(&page.body, &format!("{base}/move?")).remove(0);
    let days = citizen.get(&move_url).await;
    assert_eq!(days.status, StatusCode::OK);
    // The first open day may hold no other time (late in today's hours, or
    // the booked time its last): the first day that has one.
    let mut new_start = None;
    for day in hrefs(&days.body, &format!("{base}/move?"))
        .into_iter()
        .filter(|h| h.contains("day="))
    {
        let times = citizen.get(&day).await;
        new_start = radio_values(&times.body, "start").into_iter().find(|s| *s != start);
        if new_start.is_some() {
            break;
        }
    }
    let new_start = new_start.expect("another time on one of the open days");
    let token = token_query
        .split('&')
        .find_map(|p| p.strip_prefix("t="))
        .unwrap()
        .to_string();
    // Ten minutes after a free time: no slot starts then, and it is not too
    // soon (a fixed 09:10 was, on the day itself early in the morning).
    let off_grid =
        chrono::NaiveDateTime::parse_from_str(&new_start[..16], "%Y-%m-%dT%H:%M").unwrap() + Duration::minutes(10);
    let bad = citizen
        .post(
            &format!("{base}/move"),
            &[("t", &token), ("start", &off_grid.format("%Y-%m-%dT%H:%M").to_string())],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text().contains("No appointment starts at this time."),
        "{}",
        bad.text()
    );
    let moved = citizen
        .post(&format!("{base}/move"), &[("t", &token), ("start", &new_start)])
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.text());
    let reference = BookingRef::parse(base.rsplit('/').next().unwrap()).unwrap();
    let stored = app.storage().booking(&reference).await.unwrap().unwrap();
    assert_eq!(
        sportello_app::appointments::start_param(&sportello_domain::appointments::slots::Slot {
            start: stored.start,
            end: stored.end
        }),
        new_start
    );
    // The move answers with the booking's new link; the old one is dead.
    assert_eq!(
        citizen.get(&page_url).await.status,
        StatusCode::FORBIDDEN,
        "the link from before the move"
    );
    let page_url = moved.header("location").to_string();
    let token = page_url.split("?t=").nth(1).unwrap().to_string();
    let page = citizen.get(&page_url).await;
    let when = sportello_app::view::when(Lang::En, stored.start);
    assert!(page.text().contains(&when), "the new time is shown");

    // Cancel: a confirmation page, then the booking says it is cancelled.
    let cancel_url = hrefs(&page.body, &format!("{base}/cancel?")).remove(0);
    let confirm = citizen.get(&cancel_url).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.text().contains("Cancel the appointment?"));
    let no_csrf = citizen
        .post(&format!("{base}/cancel"), &[("t", &token), ("csrf", "forged")])
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    let cancelled = citizen.post(&format!("{base}/cancel"), &[("t", &token)]).await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    let page = citizen.get(&page_url).await;
    assert!(page.text().contains("This appointment is cancelled."));
    assert!(page.text().contains("Book a new appointment"));
    assert!(
        hrefs(&page.body, &format!("{base}/cancel?")).is_empty(),
        "no cancel button"
    );
    let again = citizen.post(&format!("{base}/cancel"), &[("t", &token)]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.text().contains("This appointment can no longer be changed"));
    let kinds: Vec<String> = app
        .storage()
        .recent_mail(10)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.mail.kind)
        .collect();
    for kind in ["booking.confirmation", "booking.moved", "booking.cancelled"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
}

/// A booking that started yesterday, made through the booking core with a
/// `now` before it.
async fn past_booking(app: &TestApp) -> (AppState, BookingRef, chrono::DateTime<Utc>) {
    let state = AppState::open(app.db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
        .await
        .unwrap();
    let service = service_of(app, "lecce", ServiceKind::BasicGuidance).await;
    let calendar = CentreCalendar::load(&state, app.centre("lecce").await).await.unwrap();
    let mut day: NaiveDate = today_in_rome() - Duration::days(1);
    while calendar.calendar().closed_reason(day).is_some() {
        day -= Duration::days(1);
    }
    let start = from_rome_local(day.and_hms_opt(8, 30, 0).unwrap());
    let form = RawBooking {
        name: "Amina Diallo".into(),
        email: "amina@example.org".into(),
        ..RawBooking::default()
    };
    let input = BookingInput {
        calendar: &calendar,
        service: &service,
        modality: Modality::InOffice,
        start,
        form: &form,
        lang: Lang::En,
    };
    let then = start - Duration::days(3);
    let booked = sportello_app::appointments::book(&state, &input, None, &Actor::anonymous("127.0.0.1"), then)
        .await
        .map(|(booked, _)| booked)
        .unwrap();
    let reference = booked.booking().reference.clone();
    (state, reference, booked.booking().start)
}

async fn nothing_changes_after_the_start(app: TestApp) {
    let (state, reference, start) = past_booking(&app).await;
    let token = manage_token(&state, &reference, start);
    let base = format!("/en/appointments/booking/{reference}");
    let query = serde_urlencoded::to_string([("t", &token)]).unwrap();
    let mut citizen = Browser::new(&app);
    let page = citizen.get(&format!("{base}?{query}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("it can no longer be moved or cancelled"));
    assert!(hrefs(&page.body, &format!("{base}/cancel?")).is_empty());
    assert!(hrefs(&page.body, &format!("{base}/move?")).is_empty());
    let confirm = citizen.get(&format!("{base}/cancel?{query}")).await;
    assert_eq!(confirm.status, StatusCode::CONFLICT);
    // A form page of the site gives the browser its form token.
    let service = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let service_url = format!("/en/appointments/lecce/{}", service.id.0);
    let start = first_free_start(&mut citizen, &service_url, Modality::InOffice).await;
    let form = citizen
        .get(&format!("{service_url}/book?modality=in_office&start={start}"))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let refused = citizen.post(&format!("{base}/cancel"), &[("t", &token)]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text().contains("This appointment can no longer be changed"));
    let moved = citizen.get(&format!("{base}/move?{query}")).await;
    assert_eq!(moved.status, StatusCode::CONFLICT);
    let stored = app.storage().booking(&reference).await.unwrap().unwrap();
    assert_eq!(stored.status, sportello_domain::BookingStatus::Booked, "nothing saved");
}

/// A second click on "book" (the same form sent twice) books once and shows
/// the same booking; the same form sent again with other details is refused.
async fn a_second_click_books_once(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let service_url = format!("/en/appointments/lecce/{}", service.id.0);
    let mut citizen = Browser::new(&app);
    let start = first_free_start(&mut citizen, &service_url, Modality::Phone).await;
    let path = format!("{service_url}/book?modality=phone&start={start}");
    let form = citizen.get(&path).await;
    let attempt = crate::common::browser::input_value(&form.body, "attempt").expect("an attempt value");
    let fields = [
        ("attempt", attempt.as_str()),
        ("name", "Amina Diallo"),
        ("phone", "+39 333 1234567"),
    ];
    let first = citizen.post(&path, &fields).await;
    let second = citizen.post(&path, &fields).await;
    assert_eq!((first.status, second.status), (StatusCode::OK, StatusCode::OK));
    assert_eq!(first.body, second.body, "the same answer");
    assert_eq!(bookings(&app, "lecce").await.len(), 1);

    let other = [
        ("attempt", attempt.as_str()),
        ("name", "Someone Else"),
        ("phone", "+39 333 7654321"),
    ];
    let refused = citizen.post(&path, &other).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text().contains("This form has already booked an appointment"));
    assert_ne!(
        crate::common::browser::input_value(&refused.body, "attempt").as_deref(),
        Some(attempt.as_str())
    );
    assert_eq!(bookings(&app, "lecce").await.len(), 1, "nothing saved");
}

/// A service or access rules with no text in the reader's language show the
/// Italian one, marked with `lang="it"` for screen readers (WCAG 3.1.2).
async fn italian_fallbacks_are_marked(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::Certificates).await;
    let mut italian_only = service.data.clone();
    italian_only.texts.retain(|t| t.lang == Lang::It);
    app.storage()
        .update_service(service.id, service.version, &italian_only, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let centre = app.centre("lecce").await;
    let rules = std::collections::BTreeMap::from([(Lang::It, "Portate un documento.".to_string())]);
    app.storage()
        .set_access_rules(centre.id, &rules, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let page = app.get("/en/appointments/lecce").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<div lang=\"it\"><p>Portate un documento.</p>"),
        "{}",
        page.body
    );
    let name = &italian_only.texts[0].name;
    assert!(page.body.contains(&format!(
        "<h3 lang=\"it\"><a href=\"/en/appointments/lecce/{}\">{name}</a></h3>",
        service.id.0
    )));
    let other = page.body.matches("<h3>").count();
    assert!(other > 3, "the other services have English texts and no lang");
    let service_page = app.get(&format!("/en/appointments/lecce/{}", service.id.0)).await;
    assert!(service_page.body.contains(&format!("<h1 lang=\"it\">{name}</h1>")));
}

on_both_backends!(using crate::common::TestApp::new =>
    italian_fallbacks_are_marked,
    a_second_click_books_once,
    the_whole_flow_in_each_language,
    bad_input_is_refused_and_nothing_saved,
    moving_cancelling_and_the_calendar_file,
    nothing_changes_after_the_start,
);
