//! schema.org `GovernmentOffice` for a centre's page, what search engines'
//! business profiles read: name, address, phone, e-mail, the weekly opening
//! hours and, among them, the closures that have not ended yet (dated
//! entries closed all day, 00:00–00:00, with `validFrom`/`validThrough`, as
//! Google's local-business documentation shows). Hours kept for people with
//! an appointment are left out: the office is not open to walk-ins then.

use chrono::NaiveDate;
use serde_json::{Value, json};
use sportello_domain::{Centre, OpeningHours};

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

/// One weekly opening period as schema.org writes it.
pub(crate) fn weekly_hours(h: &OpeningHours) -> Value {
    json!({
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": day_of_week(h.weekday),
        "opens": h.opens.format("%H:%M").to_string(),
        "closes": h.closes.format("%H:%M").to_string(),
    })
}

/// The `GovernmentOffice` of `centre`, whose page is at `url`, as of `today`.
pub fn government_office(centre: &Centre, url: &str, today: NaiveDate) -> Value {
    let c = &centre.data;
    let mut hours: Vec<Value> = c.hours.iter().filter(|h| !h.by_appointment).map(weekly_hours).collect();
    let closures = c.closures.iter().filter(|x| x.last_day >= today).map(|x| {
        json!({
            "@type": "OpeningHoursSpecification",
            "validFrom": x.first_day.to_string(),
            "validThrough": x.last_day.to_string(),
            "opens": "00:00",
            "closes": "00:00",
            "description": x.reason,
        })
    });
    hours.extend(closures);
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
        "email": c.email,
        "openingHoursSpecification": hours,
        "parentOrganization": { "@type": "GovernmentOrganization", "name": c.area.name },
    });
    if let Some(phone) = crate::view::phone_link(&c.phone) {
        office["telephone"] = Value::String(phone);
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
        assert_eq!(hours.len(), 4, "the Thursday hours by appointment are left out");
        assert_eq!(hours[2]["dayOfWeek"], "https://schema.org/Tuesday");
        assert_eq!(hours[2]["opens"], "15:00");
        assert_eq!(hours[2]["closes"], "16:30");
        let special: Vec<_> = hours.iter().filter(|h| h.get("validFrom").is_some()).collect();
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
        let hours = o["openingHoursSpecification"].as_array().unwrap();
        assert!(hours.iter().all(|h| h.get("validFrom").is_none()));
    }

    #[test]
    fn the_first_of_several_numbers_in_international_form() {
        let mut centre = fixtures::centre();
        for (line, expected) in [
            ("0541.446209 / 446223", Some("+390541446209")),
            ("+39 0832 123456", Some("+390832123456")),
            ("0039 0832 123456, 0832 654321", Some("+390832123456")),
            ("call the switchboard", None),
        ] {
            centre.data.phone = line.into();
            let o = government_office(&centre, "u", "2027-01-01".parse().unwrap());
            assert_eq!(o.get("telephone").and_then(Value::as_str), expected, "{line}");
        }
    }
}
