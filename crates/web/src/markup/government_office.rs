//! schema.org `GovernmentOffice` for a centre's page, what search engines'
//! business profiles read: name, address, phone, e-mail, the weekly opening
//! hours and the closures that have not ended yet (as special hours closed
//! all day, 00:00–00:00, as Google documents). Hours kept for people with an
//! appointment are left out: the office is not open to walk-ins then.

use chrono::NaiveDate;
use serde_json::{Value, json};
use sportello_domain::Centre;

/// The schema.org day of an ISO weekday (1 = Monday).
fn day_of_week(weekday: u8) -> &'static str {
    match weekday {
        1 => "https://schema.org/Monday",
        2 => "https://schema.org/Tuesday",
        3 => "https://schema.org/Wednesday",
        4 => "https://schema.org/Thursday",
        5 => "https://schema.org/Friday",
        6 => "https://schema.org/Saturday",
        _ => "https://schema.org/Sunday",
    }
}

/// The `GovernmentOffice` of `centre`, whose page is at `url`, as of `today`.
pub fn government_office(centre: &Centre, url: &str, today: NaiveDate) -> Value {
    let c = &centre.data;
    let hours: Vec<Value> = c
        .hours
        .iter()
        .filter(|h| !h.by_appointment)
        .map(|h| {
            json!({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": day_of_week(h.weekday),
                "opens": h.opens.format("%H:%M").to_string(),
                "closes": h.closes.format("%H:%M").to_string(),
            })
        })
        .collect();
    let closures: Vec<Value> = c
        .closures
        .iter()
        .filter(|x| x.last_day >= today)
        .map(|x| {
            json!({
                "@type": "OpeningHoursSpecification",
                "validFrom": x.first_day.to_string(),
                "validThrough": x.last_day.to_string(),
                "opens": "00:00",
                "closes": "00:00",
                "description": x.reason,
            })
        })
        .collect();
    let digits: String = c.phone.chars().filter(char::is_ascii_digit).collect();
    let mut office = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": c.name,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": c.address,
            "addressLocality": c.town,
            "postalCode": c.postcode,
            "addressRegion": c.province,
            "addressCountry": "IT",
        },
        "telephone": format!("+39{digits}"),
        "email": c.email,
        "openingHoursSpecification": hours,
        "parentOrganization": { "@type": "GovernmentOrganization", "name": c.area.name },
    });
    if !closures.is_empty() {
        office["specialOpeningHoursSpecification"] = Value::Array(closures);
    }
    office
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::fixtures;

    #[test]
    fn hours_without_appointment_and_current_closures() {
        let today: NaiveDate = "2026-11-26".parse().unwrap();
        let o = government_office(&fixtures::centre(), "https://x.test/it/centres/lecce", today);
        assert_eq!(o["@type"], "GovernmentOffice");
        assert_eq!(o["name"], "Centro per l'Impiego di Lecce");
        assert_eq!(o["address"]["streetAddress"], "Viale Aldo Moro 1");
        assert_eq!(o["address"]["postalCode"], "73100");
        assert_eq!(o["telephone"], "+390832123456");
        assert_eq!(o["parentOrganization"]["name"], "Ambito di Lecce");
        let hours = o["openingHoursSpecification"].as_array().unwrap();
        assert_eq!(hours.len(), 3, "the Thursday hours by appointment are left out");
        assert_eq!(hours[2]["dayOfWeek"], "https://schema.org/Tuesday");
        assert_eq!(hours[2]["opens"], "15:00");
        assert_eq!(hours[2]["closes"], "16:30");
        let special = o["specialOpeningHoursSpecification"].as_array().unwrap();
        assert_eq!(special.len(), 1, "past closures are left out");
        assert_eq!(special[0]["validFrom"], "2026-12-24");
        assert_eq!(special[0]["validThrough"], "2026-12-26");
        assert_eq!(special[0]["opens"], "00:00");
        assert_eq!(special[0]["closes"], "00:00");
    }

    #[test]
    fn no_closures_no_special_hours() {
        let today: NaiveDate = "2027-01-01".parse().unwrap();
        let o = government_office(&fixtures::centre(), "u", today);
        assert!(o.get("specialOpeningHoursSpecification").is_none());
    }
}
