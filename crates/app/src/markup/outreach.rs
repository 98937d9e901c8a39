//! schema.org markup of an outreach point's page: a `GovernmentOffice`
//! (part of its centre) with, for a desk, its address and weekly hours,
//! and for a tour, each stop to come as a `Place` (`containsPlace`) with its
//! address and the hours of that one day (`validFrom` = `validThrough`).
//! A cancelled stop is left out.

use serde_json::{Value, json};
use sportello_domain::{Centre, Lang, OutreachPoint, PointKind, Stop};

use super::government_office::weekly_hours;

fn address(street: &str, town: &str, region: &str) -> Value {
    json!({
        "@type": "PostalAddress",
        "streetAddress": street,
        "addressLocality": town,
        "addressRegion": region,
        "addressCountry": "IT",
    })
}

/// The markup of `point` of `centre`, whose page is at `url`, with its
/// stops to come (`stops`).
pub fn outreach_point(lang: Lang, point: &OutreachPoint, centre: &Centre, stops: &[Stop], url: &str) -> Value {
    let p = &point.data;
    let c = &centre.data;
    let mut office = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": p.name(lang),
        "url": url,
        "parentOrganization": { "@type": "GovernmentOffice", "name": c.name },
    });
    if let Some(text) = p.text(lang).filter(|t| !t.description.is_empty()) {
        office["description"] = Value::String(sportello_domain::markdown::to_plain_text(&text.description));
    }
    match p.kind {
        PointKind::Desk => {
            office["address"] = address(&p.address, &p.town, &c.province);
            office["openingHoursSpecification"] = p.hours.iter().map(weekly_hours).collect();
        }
        PointKind::Tour => {
            office["containsPlace"] = stops
                .iter()
                .filter(|s| !s.cancelled)
                .map(|s| {
                    let d = &s.data;
                    let street = [d.place.as_str(), d.address.as_str()]
                        .into_iter()
                        .filter(|x| !x.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                    json!({
                        "@type": "Place",
                        "name": format!("{} – {}", p.name(lang), d.town),
                        "address": address(&street, &d.town, &c.province),
                        "openingHoursSpecification": {
                            "@type": "OpeningHoursSpecification",
                            "validFrom": d.date.to_string(),
                            "validThrough": d.date.to_string(),
                            "opens": d.opens.format("%H:%M").to_string(),
                            "closes": d.closes.format("%H:%M").to_string(),
                        },
                    })
                })
                .collect();
        }
    }
    office
}
