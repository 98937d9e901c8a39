//! Structured data and social cards through the real router, on SQLite and
//! PostgreSQL: every open demo offer's `JobPosting` in every language,
//! compared with what the same page shows (remote ones as `TELECOMMUTE`); none on closed offers or lists;
//! each centre's `GovernmentOffice`; the Open Graph tags and the card image.

use crate::common::{PUBLIC_URL, TestApp, TestResponse};
use chrono::Utc;
use serde_json::Value;
use sportello_app::i18n::msg;
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::{Country, Vocabulary};
use sportello_domain::{Actor, Closure, Lang, OfferStatus, RefCode, Section};
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    every_open_offer_has_a_job_posting_matching_its_page,
    closed_offers_and_lists_carry_no_job_posting,
    a_hidden_employer_shows_the_centre_as_hiring_organization,
    every_centre_page_describes_the_office,
    offer_pages_have_open_graph_and_twitter_tags,
    card_images_per_offer_and_language,
    operator_text_cannot_break_out_of_the_json_ld,
);

const LANGS: [Lang; 4] = [Lang::It, Lang::En, Lang::Fr, Lang::De];
const EMPLOYMENT_TYPES: [&str; 8] = [
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
];

/// Plain text of an HTML fragment.
fn plain(html: &str) -> String {
    TestResponse {
        status: axum::http::StatusCode::OK,
        headers: axum::http::HeaderMap::new(),
        body: html.to_string(),
        bytes: Vec::new(),
    }
    .text()
}

/// Every JSON-LD block of a page, parsed.
pub(crate) fn json_ld(body: &str) -> Vec<Value> {
    const OPEN: &str = r#"<script type="application/ld+json">"#;
    body.match_indices(OPEN)
        .map(|(i, _)| {
            let start = i + OPEN.len();
            let end = start + body[start..].find("</script>").expect("closed script");
            let json = &body[start..end];
            assert!(!json.contains('<'), "a literal < in JSON-LD: {json}");
            serde_json::from_str(json).unwrap_or_else(|e| panic!("JSON-LD does not parse ({e}): {json}"))
        })
        .collect()
}

/// The `content` of every `<meta property|name="key">`.
fn meta(body: &str, key: &str) -> Vec<String> {
    ["property", "name"]
        .iter()
        .flat_map(|attr| {
            let open = format!(r#"<meta {attr}="{key}" content=""#);
            body.match_indices(&open)
                .map(|(i, _)| {
                    let start = i + open.len();
                    let end = start + body[start..].find('"').unwrap();
                    plain(&body[start..end])
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The text of the `<dd>` after the `<dt>` whose text is `label`.
fn field(body: &str, label: &str) -> Option<String> {
    body.match_indices("<dt>").find_map(|(i, _)| {
        let dt_end = i + body[i..].find("</dt>")?;
        if plain(&body[i + 4..dt_end]) != label {
            return None;
        }
        let dd = dt_end + body[dt_end..].find("<dd>")? + 4;
        let dd_end = dd + body[dd..].find("</dd>")?;
        Some(body[dd..dd_end].to_string())
    })
}

/// The `datetime` of the first `<time>` in `html`.
fn datetime(html: &str) -> String {
    let start = html.find(r#"datetime=""#).expect("a <time>") + 10;
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

/// Every open offer's reference, from the API, page by page.
async fn all_open(app: &TestApp) -> Vec<String> {
    let mut all = Vec::new();
    for page in 1.. {
        let refs = app.open_references(&format!("per_page=100&page={page}")).await;
        if refs.is_empty() {
            break;
        }
        all.extend(refs);
    }
    all
}

fn canonical(body: &str) -> String {
    let open = r#"<link rel="canonical" href=""#;
    let start = body.find(open).unwrap() + open.len();
    body[start..start + body[start..].find('"').unwrap()].to_string()
}

async fn every_open_offer_has_a_job_posting_matching_its_page(app: TestApp) {
    let open = all_open(&app).await;
    assert!(open.len() > 50, "the demo has many open offers: {}", open.len());
    let centres = app.storage().centres().await.unwrap();
    let mut remote = 0;
    for reference in &open {
        let offer = app
            .storage()
            .offer(&RefCode::parse(reference).unwrap())
            .await
            .unwrap()
            .unwrap();
        let centre = centres.iter().find(|c| c.id == offer.data.centre).unwrap();
        for lang in LANGS {
            let path = format!("/{lang}/offers/{reference}");
            let page = app.get(&path).await;
            assert_eq!(page.status, 200, "{path}");
            let blocks = json_ld(&page.body);
            assert_eq!(blocks.len(), 1, "{path}: one JSON-LD block");
            let p = &blocks[0];
            let at = |key: &str| p.get(key).unwrap_or_else(|| panic!("{path}: no {key}"));
            assert_eq!(at("@context"), "https://schema.org");
            assert_eq!(at("@type"), "JobPosting");
            // Required: what the page shows.
            assert_eq!(at("title").as_str().unwrap(), page.h1(), "{path}");
            let description = at("description").as_str().unwrap();
            assert!(
                description.starts_with('<') && description.len() > 20,
                "{path}: HTML description"
            );
            // Who may apply comes first where not everyone may, as on the
            // page's banner (job search shows only the description).
            let who = msg(lang, sportello_app::view::section_who_id(offer.data.section));
            let who_html = who.replace('&', "&amp;").replace('\'', "&apos;").replace('"', "&quot;");
            if offer.data.section == Section::Ordinary {
                assert!(!description.contains(&who_html), "{path}");
            } else {
                assert!(description.starts_with("<p><strong>"), "{path}: {description}");
                assert!(
                    description[..description.find("</p>").unwrap()].contains(&who_html),
                    "{path}: {description}"
                );
                assert!(page.text().contains(&who), "{path}: the page says it too");
            }
            let published = field(&page.body, &msg(lang, "field-published")).expect("date shown");
            assert_eq!(at("datePosted").as_str().unwrap(), datetime(&published), "{path}");
            let valid = field(&page.body, &msg(lang, "valid-through")).expect("date shown");
            let valid_through = at("validThrough").as_str().unwrap();
            let parsed = chrono::DateTime::parse_from_rfc3339(valid_through).expect("ISO 8601 with offset");
            assert_eq!(parsed.date_naive().to_string(), datetime(&valid), "{path}");
            assert_eq!(parsed.format("%H:%M:%S").to_string(), "23:59:59");
            assert!([3600, 7200].contains(&parsed.offset().local_minus_utc()), "Rome offset");
            let hiring = at("hiringOrganization");
            let employer = field(&page.body, &msg(lang, "field-employer")).map(|e| plain(&e));
            match employer {
                Some(name) => assert_eq!(hiring["name"].as_str().unwrap(), name, "{path}"),
                None => assert_eq!(hiring["name"].as_str().unwrap(), centre.data.name, "{path}"),
            }
            let shown_place = plain(&field(&page.body, &msg(lang, "field-place")).unwrap());
            if offer.data.place.remote {
                remote += 1;
                assert_eq!(at("jobLocationType"), "TELECOMMUTE", "{path}");
                let country = &at("applicantLocationRequirements");
                assert_eq!(country["@type"], "Country");
                assert_eq!(country["name"].as_str().unwrap(), offer.data.place.country);
                let label = Country::parse(&offer.data.place.country).unwrap().label(lang);
                assert!(shown_place.contains(label), "{path}: {label} in {shown_place}");
                assert!(p.get("jobLocation").is_none(), "{path}: work from home");
            } else {
                assert!(p.get("jobLocationType").is_none(), "{path}");
                let address = &at("jobLocation")["address"];
                assert_eq!(at("jobLocation")["@type"], "Place");
                assert_eq!(address["@type"], "PostalAddress");
                let town = address["addressLocality"].as_str().unwrap();
                assert!(shown_place.starts_with(town), "{path}: {town} in {shown_place}");
                assert_eq!(address["addressCountry"].as_str().unwrap(), offer.data.place.country);
                if offer.data.place.country == "IT" {
                    assert_eq!(address["addressRegion"].as_str().unwrap(), offer.data.place.region);
                    assert!(shown_place.contains(&format!("({})", offer.data.place.region)));
                    assert_eq!(address["postalCode"].as_str().unwrap(), offer.data.place.postcode);
                }
            }
            // Recommended.
            let types = at("employmentType").as_array().unwrap();
            assert!(!types.is_empty());
            assert!(
                types.iter().all(|t| EMPLOYMENT_TYPES.contains(&t.as_str().unwrap())),
                "{types:?}"
            );
            assert_eq!(at("identifier")["@type"], "PropertyValue");
            assert_eq!(at("identifier")["value"].as_str().unwrap(), reference);
            assert_eq!(at("directApply"), false);
            let category = at("occupationalCategory");
            assert_eq!(category["@type"], "CategoryCode");
            assert_eq!(category["inCodeSet"], "ISCO-08");
            assert_eq!(category["codeValue"].as_str().unwrap(), offer.data.occupation);
            let occupation = sportello_domain::vocab::occupation(&offer.data.occupation).unwrap();
            assert_eq!(category["name"].as_str().unwrap(), occupation.label(lang));
            assert!(page.text().contains(&format!("(ISCO-08 {})", offer.data.occupation)));
            let openings = plain(&field(&page.body, &msg(lang, "field-openings")).unwrap());
            assert_eq!(at("totalJobOpenings").as_u64().unwrap().to_string(), openings);
            match offer.data.salary {
                Some(s) => {
                    let value = &at("baseSalary")["value"];
                    assert_eq!(at("baseSalary")["currency"], "EUR");
                    assert_eq!(value["minValue"].as_u64().unwrap(), u64::from(s.min));
                    assert_eq!(value["maxValue"].as_u64().unwrap(), u64::from(s.max));
                    assert_eq!(value["unitText"], "MONTH");
                }
                None => assert!(p.get("baseSalary").is_none()),
            }
            assert_eq!(at("url").as_str().unwrap(), canonical(&page.body));
            assert_eq!(canonical(&page.body), format!("{PUBLIC_URL}{path}"));
            assert!(p.get("inLanguage").is_none(), "not a JobPosting property");
        }
    }
    assert!(remote > 0, "the demo has open remote offers");
}

async fn closed_offers_and_lists_carry_no_job_posting(app: TestApp) {
    let reference = all_open(&app).await.remove(0);
    app.close(&reference, OfferStatus::Withdrawn).await;
    for lang in LANGS {
        let gone = app.get(&format!("/{lang}/offers/{reference}")).await;
        assert_eq!(gone.status, 410);
        assert!(!gone.body.contains("application/ld+json"));
        assert!(!gone.body.contains("JobPosting"));
        assert!(meta(&gone.body, "og:image").is_empty());
        for list in [
            format!("/{lang}/"),
            format!("/{lang}/centres/lecce"),
            format!("/{lang}/search"),
            format!("/{lang}/search?q=cameriere"),
        ] {
            let page = app.get(&list).await;
            assert_eq!(page.status, 200, "{list}");
            assert!(!page.body.contains("JobPosting"), "{list}");
            assert!(json_ld(&page.body).iter().all(|b| b["@type"] != "JobPosting"), "{list}");
        }
    }
}

async fn a_hidden_employer_shows_the_centre_as_hiring_organization(app: TestApp) {
    let mut checked = 0;
    for reference in all_open(&app).await {
        let offer = app
            .storage()
            .offer(&RefCode::parse(&reference).unwrap())
            .await
            .unwrap()
            .unwrap();
        if !offer.data.employer.hidden {
            continue;
        }
        let centre = app.storage().centres().await.unwrap();
        let centre = centre.iter().find(|c| c.id == offer.data.centre).unwrap();
        let page = app.get(&format!("/en/offers/{reference}")).await;
        let p = &json_ld(&page.body)[0];
        assert_eq!(p["hiringOrganization"]["name"].as_str().unwrap(), centre.data.name);
        assert_eq!(
            p["hiringOrganization"]["url"].as_str().unwrap(),
            format!("{PUBLIC_URL}/en/centres/{}", centre.data.slug)
        );
        assert!(
            !page.body.contains(&offer.data.employer.name),
            "the hidden name is nowhere"
        );
        checked += 1;
    }
    assert!(checked > 0, "the demo has offers with a hidden employer");
}

async fn every_centre_page_describes_the_office(app: TestApp) {
    // A closure in the coming days, saved as an administrator would.
    let mut lecce = app.storage().centre_by_slug("lecce").await.unwrap().unwrap();
    let first = today_in_rome() + chrono::Days::new(10);
    lecce.data.closures.push(Closure {
        first_day: first,
        last_day: first + chrono::Days::new(1),
        reason: "Festa patronale".into(),
    });
    app.storage()
        .save_centre(Some(lecce.id), &lecce.data, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let centres = app.storage().centres().await.unwrap();
    assert!(centres.len() >= 12);
    for centre in &centres {
        let c = &centre.data;
        for lang in LANGS {
            let path = format!("/{lang}/centres/{}", c.slug);
            let page = app.get(&path).await;
            assert_eq!(page.status, 200, "{path}");
            let blocks = json_ld(&page.body);
            assert_eq!(blocks.len(), 1, "{path}");
            let o = &blocks[0];
            assert_eq!(o["@type"], "GovernmentOffice");
            assert_eq!(o["name"].as_str().unwrap(), c.name);
            assert_eq!(page.h1(), c.name);
            assert_eq!(o["url"].as_str().unwrap(), format!("{PUBLIC_URL}{path}"));
            assert_eq!(o["address"]["streetAddress"].as_str().unwrap(), c.address);
            assert_eq!(o["address"]["addressLocality"].as_str().unwrap(), c.town);
            assert_eq!(o["address"]["postalCode"].as_str().unwrap(), c.postcode);
            assert_eq!(o["email"].as_str().unwrap(), c.email);
            // The first number of the line, as the page's own call link has it.
            let first_number = c.phone.split('/').next().unwrap();
            let digits: String = first_number.chars().filter(char::is_ascii_digit).collect();
            let telephone = o["telephone"].as_str().unwrap();
            assert_eq!(telephone, format!("+39{digits}"), "{}", c.phone);
            assert!(page.body.contains(&format!("href=\"tel:{telephone}\"")), "{path}");
            assert_eq!(o["parentOrganization"]["name"].as_str().unwrap(), c.area.name);
            let walk_in: Vec<_> = c.hours.iter().filter(|h| !h.by_appointment).collect();
            let (special, hours): (Vec<_>, Vec<_>) = o["openingHoursSpecification"]
                .as_array()
                .unwrap()
                .iter()
                .partition(|h| h.get("validFrom").is_some());
            assert_eq!(hours.len(), walk_in.len(), "{path}");
            if c.slug == "lecce" {
                assert!(!hours.is_empty());
            }
            for (spec, h) in hours.iter().zip(&walk_in) {
                let day = [
                    "Monday",
                    "Tuesday",
                    "Wednesday",
                    "Thursday",
                    "Friday",
                    "Saturday",
                    "Sunday",
                ][usize::from(h.weekday) - 1];
                assert_eq!(spec["dayOfWeek"].as_str().unwrap(), format!("https://schema.org/{day}"));
                assert_eq!(spec["opens"].as_str().unwrap(), h.opens.format("%H:%M").to_string());
                assert_eq!(spec["closes"].as_str().unwrap(), h.closes.format("%H:%M").to_string());
                // The page shows the same hours.
                assert!(page.text().contains(&spec["opens"].as_str().unwrap().to_string()));
            }
            if c.slug == "lecce" {
                assert_eq!(special.len(), 1, "the closure");
                assert_eq!(special[0]["validFrom"].as_str().unwrap(), first.to_string());
                assert_eq!(
                    special[0]["validThrough"].as_str().unwrap(),
                    (first + chrono::Days::new(1)).to_string()
                );
                assert_eq!(special[0]["opens"], "00:00");
                assert_eq!(special[0]["closes"], "00:00");
                assert!(page.text().contains("Festa patronale"));
            } else {
                assert!(special.is_empty(), "{path}");
            }
        }
    }
}

async fn offer_pages_have_open_graph_and_twitter_tags(app: TestApp) {
    let reference = all_open(&app).await.remove(3);
    for (lang, locale) in [
        (Lang::It, "it_IT"),
        (Lang::En, "en_GB"),
        (Lang::Fr, "fr_FR"),
        (Lang::De, "de_DE"),
    ] {
        let path = format!("/{lang}/offers/{reference}");
        let page = app.get(&path).await;
        let one = |key: &str| {
            let values = meta(&page.body, key);
            assert_eq!(values.len(), 1, "{path}: one {key}");
            values[0].clone()
        };
        let image = format!("{PUBLIC_URL}/{lang}/offers/{reference}/card.png");
        assert_eq!(one("og:type"), "website");
        assert_eq!(one("og:title"), page.h1());
        assert_eq!(one("og:url"), format!("{PUBLIC_URL}{path}"));
        assert_eq!(one("og:url"), canonical(&page.body));
        assert_eq!(one("og:image"), image);
        assert_eq!(one("og:image:width"), "1200");
        assert_eq!(one("og:image:height"), "630");
        assert!(one("og:image:alt").contains(&reference));
        assert_eq!(one("og:locale"), locale);
        assert_eq!(meta(&page.body, "og:locale:alternate").len(), 3);
        assert!(!meta(&page.body, "og:locale:alternate").contains(&locale.to_string()));
        assert_eq!(one("og:site_name"), msg(lang, "site-name"));
        assert!(!one("og:description").is_empty());
        assert_eq!(one("twitter:card"), "summary_large_image");
        assert_eq!(one("twitter:title"), page.h1());
        assert_eq!(one("twitter:description"), one("og:description"));
        assert_eq!(one("twitter:image"), image);
        assert_eq!(one("twitter:image:alt"), one("og:image:alt"));
        // The image named is there.
        let card = app.get(&format!("/{lang}/offers/{reference}/card.png")).await;
        assert_eq!(card.status, 200);
    }
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let image = sportello_testkit::png::Image::decode(bytes);
    (image.width, image.height, image.pixels)
}

async fn card_images_per_offer_and_language(app: TestApp) {
    let open = all_open(&app).await;
    let (first, second) = (&open[0], &open[1]);
    let mut seen = Vec::new();
    for reference in [first, second] {
        for lang in LANGS {
            let r = app.get(&format!("/{lang}/offers/{reference}/card.png")).await;
            assert_eq!(r.status, 200);
            assert_eq!(r.header("content-type"), "image/png");
            assert!(r.header("cache-control").contains("max-age"));
            let etag = r.header("etag").to_string();
            assert!(etag.starts_with('"') && etag.contains(reference.as_str()) && etag.contains(lang.code()));
            let (w, h, pixels) = decode(&r.bytes);
            assert_eq!((w, h), (1200, 630));
            assert!(!seen.contains(&pixels), "{reference} {lang}: a card of its own");
            seen.push(pixels);
            let again = app
                .get_with(
                    &format!("/{lang}/offers/{reference}/card.png"),
                    &[("if-none-match", &etag)],
                )
                .await;
            assert_eq!(again.status, 304);
            assert!(again.bytes.is_empty());
        }
    }
    // Renaming the centre changes the card, and so its ETag.
    let card_path = format!("/en/offers/{first}/card.png");
    let etag = app.get(&card_path).await.header("etag").to_string();
    let offer = app
        .storage()
        .offer(&RefCode::parse(first).unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut centre = app
        .storage()
        .centres()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id == offer.data.centre)
        .unwrap();
    centre.data.name = format!("{} (sede nuova)", centre.data.name);
    app.storage()
        .save_centre(Some(centre.id), &centre.data, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let renamed = app.get_with(&card_path, &[("if-none-match", &etag)]).await;
    assert_eq!(renamed.status, 200);
    assert_ne!(renamed.header("etag"), etag);
    // A closed offer's card is gone, like its page; a stale ETag brings no 304.
    let etag = app
        .get(&format!("/it/offers/{first}/card.png"))
        .await
        .header("etag")
        .to_string();
    app.close(first, OfferStatus::Filled).await;
    let gone = app
        .get_with(&format!("/it/offers/{first}/card.png"), &[("if-none-match", &etag)])
        .await;
    assert_eq!(gone.status, 410);
    assert_eq!(app.get("/it/offers/LE-999999/card.png").await.status, 404);
    assert_eq!(app.get("/en/offers/nonsense/card.png").await.status, 404);
    assert_eq!(app.get(&format!("/xx/offers/{second}/card.png")).await.status, 404);
}

async fn operator_text_cannot_break_out_of_the_json_ld(app: TestApp) {
    let reference = all_open(&app).await.remove(0);
    let code = RefCode::parse(&reference).unwrap();
    let offer = app.storage().offer(&code).await.unwrap().unwrap();
    let hostile = "Cuoco</script><script>alert(1)</script><!-- & \"x\"";
    let mut data = offer.data.clone();
    let text = data.texts.iter_mut().find(|t| t.lang == Lang::It).unwrap();
    text.title = hostile.into();
    text.description = "Turni </SCRIPT> <b>serali</b>".into();
    app.storage()
        .update_offer(&code, offer.version, &data, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let page = app.get(&format!("/it/offers/{reference}")).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.body.matches("<script").count(), 1, "only the JSON-LD element");
    assert!(!page.body.contains("alert(1)</script>"));
    let p = &json_ld(&page.body)[0];
    assert_eq!(p["title"].as_str().unwrap(), hostile, "the title survives, escaped");
    assert_eq!(page.h1(), hostile);
    let description = p["description"].as_str().unwrap();
    assert!(description.contains("&lt;/SCRIPT&gt;"), "{description}");
    assert!(!description.contains("<b>"), "{description}");
}
