//! schema.org `JobPosting` for an open offer's page, following Google's
//! job-posting rules: the same title, text, dates and place the page shows, in
//! the page's language (the free text falls back to Italian, as on the page).
//! An offer of the EURES or Collocamento Mirato sections starts its
//! description with the section's plain-words line on who may apply, as the
//! page's banner does: job search shows only the description.

use serde_json::{Map, Value, json};
use sportello_domain::time::{end_of_day_in_rome, to_rome};
use sportello_domain::vocab::{ContractType, WorkingTime, occupation};
use sportello_domain::{Centre, Lang, Offer, markdown};

use crate::xml;

/// Weekly hours from which a shift-work offer counts as full time.
const FULL_TIME_HOURS: u8 = 30;

/// What the offer's page knows besides the offer.
pub struct PostingPage<'a> {
    pub lang: Lang,
    /// The canonical address of the offer's page.
    pub url: &'a str,
    /// The centre that publishes the offer.
    pub centre: &'a Centre,
    /// The canonical address of the centre's page.
    pub centre_url: &'a str,
    /// The section's name and who may apply, for offers not open to everyone
    /// (EURES, Collocamento Mirato): `None` for ordinary offers.
    pub who_may_apply: Option<(&'a str, &'a str)>,
}

/// The `JobPosting` of `offer`, or `None` when it has no public text.
pub fn job_posting(offer: &Offer, page: &PostingPage<'_>) -> Option<Value> {
    let d = &offer.data;
    let text = d.display_text(page.lang)?;
    let centre = &page.centre.data;
    let mut description = page
        .who_may_apply
        .map(|(section, who)| format!("<p><strong>{}</strong>. {}</p>", xml::escape(section), xml::escape(who)))
        .unwrap_or_default();
    description.push_str(&markdown::to_html(&text.description));
    description.push_str(&markdown::to_html(&text.how_to_apply));
    let hiring = match d.employer.public_name() {
        Some(name) => json!({ "@type": "Organization", "name": name }),
        None => json!({
            "@type": "GovernmentOrganization",
            "name": centre.name,
            "url": page.centre_url,
        }),
    };
    let valid_through = to_rome(end_of_day_in_rome(d.valid_through));
    let mut p = Map::new();
    p.insert("@context".into(), json!("https://schema.org"));
    p.insert("@type".into(), json!("JobPosting"));
    p.insert("title".into(), json!(text.title));
    p.insert("description".into(), json!(description));
    p.insert("url".into(), json!(page.url));
    if let Some(published) = offer.published_on {
        p.insert("datePosted".into(), json!(published.to_string()));
    }
    p.insert(
        "validThrough".into(),
        json!(valid_through.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)),
    );
    p.insert("hiringOrganization".into(), hiring);
    place(offer, &mut p);
    p.insert("employmentType".into(), json!(employment_type(offer)));
    p.insert(
        "identifier".into(),
        json!({
            "@type": "PropertyValue",
            "name": centre.name,
            "value": offer.reference.to_string(),
        }),
    );
    // One applies by following the page's instructions (at the centre, by
    // e-mail with the reference): there is no application form on the page.
    p.insert("directApply".into(), json!(false));
    // The ISCO-08 unit group as a code of its set, with its name in the
    // page's language.
    p.insert(
        "occupationalCategory".into(),
        json!({
            "@type": "CategoryCode",
            "codeValue": d.occupation,
            "inCodeSet": "ISCO-08",
            "name": occupation(&d.occupation).map(|o| o.label(page.lang)),
        }),
    );
    p.insert("totalJobOpenings".into(), json!(d.openings));
    if let Some(s) = d.salary {
        p.insert(
            "baseSalary".into(),
            json!({
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": s.min,
                    "maxValue": s.max,
                    "unitText": "MONTH",
                },
            }),
        );
    }
    Some(Value::Object(p))
}

/// `jobLocation` with the postal address of the workplace; for work from
/// home, `jobLocationType: TELECOMMUTE` and the country candidates must live
/// in instead (the town is then only where the employer is based).
fn place(offer: &Offer, p: &mut Map<String, Value>) {
    let w = &offer.data.place;
    if w.remote {
        p.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        p.insert(
            "applicantLocationRequirements".into(),
            json!({ "@type": "Country", "name": w.country }),
        );
        return;
    }
    let mut address = Map::new();
    address.insert("@type".into(), json!("PostalAddress"));
    address.insert("addressLocality".into(), json!(w.town));
    if !w.region.is_empty() {
        address.insert("addressRegion".into(), json!(w.region));
    }
    if !w.postcode.is_empty() {
        address.insert("postalCode".into(), json!(w.postcode));
    }
    address.insert("addressCountry".into(), json!(w.country));
    p.insert(
        "jobLocation".into(),
        json!({ "@type": "Place", "address": Value::Object(address) }),
    );
}

/// Google's employment types for the offer's contract and working time.
pub fn employment_type(offer: &Offer) -> Vec<&'static str> {
    let d = &offer.data;
    let mut types = Vec::new();
    match d.contract {
        ContractType::Internship => return vec!["INTERN"],
        ContractType::OnCall => return vec!["PER_DIEM"],
        ContractType::FixedTerm | ContractType::Seasonal | ContractType::TemporaryAgency => {
            types.push("TEMPORARY");
        }
        ContractType::Permanent | ContractType::Apprenticeship => {}
    }
    match (d.working_time, d.hours_per_week) {
        (WorkingTime::FullTime, _) => types.insert(0, "FULL_TIME"),
        (WorkingTime::PartTime, _) => types.insert(0, "PART_TIME"),
        (WorkingTime::ShiftWork, Some(h)) if h >= FULL_TIME_HOURS => types.insert(0, "FULL_TIME"),
        (WorkingTime::ShiftWork, Some(_)) => types.insert(0, "PART_TIME"),
        (WorkingTime::ShiftWork, None) => {}
    }
    if types.is_empty() {
        types.push("OTHER");
    }
    types
}

#[cfg(test)]
#[path = "job_posting_tests.rs"]
mod tests;
