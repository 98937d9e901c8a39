use sportello_domain::Lang;
use sportello_domain::vocab::{ContractType, WorkingTime};

use super::*;
use crate::markup::fixtures;

fn posting(offer: &Offer, lang: Lang) -> Value {
    let centre = fixtures::centre();
    let page = PostingPage {
        lang,
        url: "https://x.test/en/offers/LE-0042",
        centre: &centre,
        centre_url: "https://x.test/en/centres/lecce",
        who_may_apply: None,
    };
    job_posting(offer, &page).unwrap()
}

#[test]
fn has_google_required_and_recommended_properties() {
    let p = posting(&fixtures::offer(), Lang::En);
    assert_eq!(p["@context"], "https://schema.org");
    assert_eq!(p["@type"], "JobPosting");
    assert_eq!(p["title"], "Waiter");
    assert!(p.get("inLanguage").is_none(), "not a JobPosting property");
    assert!(
        p["description"]
            .as_str()
            .unwrap()
            .starts_with("<p>Waiter: <strong>turni</strong>")
    );
    // The operator's text is escaped HTML: no tag of theirs survives.
    assert!(!p["description"].as_str().unwrap().contains("</script>"));
    assert_eq!(p["datePosted"], "2026-11-20");
    // 15 December is winter time in Rome.
    assert_eq!(p["validThrough"], "2026-12-15T23:59:59+01:00");
    assert_eq!(p["hiringOrganization"]["@type"], "Organization");
    assert_eq!(p["hiringOrganization"]["name"], "Hotel Baia");
    let address = &p["jobLocation"]["address"];
    assert_eq!(p["jobLocation"]["@type"], "Place");
    assert_eq!(address["@type"], "PostalAddress");
    assert_eq!(address["addressLocality"], "Gallipoli");
    assert_eq!(address["addressRegion"], "LE");
    assert_eq!(address["postalCode"], "73014");
    assert_eq!(address["addressCountry"], "IT");
    assert_eq!(p["employmentType"], json!(["FULL_TIME", "TEMPORARY"]));
    assert_eq!(p["identifier"]["@type"], "PropertyValue");
    assert_eq!(p["identifier"]["value"], "LE-0042");
    assert_eq!(p["directApply"], false);
    assert_eq!(p["occupationalCategory"]["@type"], "CategoryCode");
    assert_eq!(p["occupationalCategory"]["codeValue"], "5131");
    assert_eq!(p["occupationalCategory"]["inCodeSet"], "ISCO-08");
    assert_eq!(p["occupationalCategory"]["name"], "Waiters");
    assert_eq!(p["totalJobOpenings"], 3);
    assert_eq!(p["baseSalary"]["currency"], "EUR");
    assert_eq!(p["baseSalary"]["value"]["minValue"], 1400);
    assert_eq!(p["baseSalary"]["value"]["maxValue"], 1600);
    assert_eq!(p["baseSalary"]["value"]["unitText"], "MONTH");
    assert_eq!(p["url"], "https://x.test/en/offers/LE-0042");
}

#[test]
fn falls_back_to_italian_and_says_so() {
    let p = posting(&fixtures::offer(), Lang::De);
    assert_eq!(p["title"], "Cameriere di sala");
    assert!(p["description"].as_str().unwrap().starts_with("<p>Cameriere"));
}

#[test]
fn sections_not_open_to_everyone_say_who_may_apply_first() {
    let centre = fixtures::centre();
    let page = PostingPage {
        lang: Lang::En,
        url: "u",
        centre: &centre,
        centre_url: "c",
        who_may_apply: Some((
            "Collocamento Mirato <art. 1>",
            "Only people on the lists & no one else.",
        )),
    };
    let p = job_posting(&fixtures::offer(), &page).unwrap();
    assert!(
        p["description"].as_str().unwrap().starts_with(
            "<p><strong>Collocamento Mirato &lt;art. 1&gt;</strong>. Only people on the lists &amp; no one else.</p><p>Waiter"
        ),
        "{}",
        p["description"]
    );
}

#[test]
fn summer_dates_carry_the_summer_offset() {
    let mut o = fixtures::offer();
    o.data.valid_through = "2027-07-31".parse().unwrap();
    assert_eq!(posting(&o, Lang::It)["validThrough"], "2027-07-31T23:59:59+02:00");
}

#[test]
fn hidden_employer_names_the_centre() {
    let mut o = fixtures::offer();
    o.data.employer.hidden = true;
    let p = posting(&o, Lang::It);
    assert_eq!(p["hiringOrganization"]["name"], "Centro per l'Impiego di Lecce");
    assert!(!p.to_string().contains("Hotel Baia"));
}

#[test]
fn no_salary_no_base_salary_and_empty_parts_left_out() {
    let mut o = fixtures::offer();
    o.data.salary = None;
    o.data.place.postcode.clear();
    let p = posting(&o, Lang::It);
    assert!(p.get("baseSalary").is_none());
    assert!(p["jobLocation"]["address"].get("postalCode").is_none());
}

#[test]
fn employment_types_follow_contract_and_time() {
    let mut o = fixtures::offer();
    let cases = [
        (ContractType::Permanent, WorkingTime::PartTime, None, vec!["PART_TIME"]),
        (ContractType::Permanent, WorkingTime::FullTime, None, vec!["FULL_TIME"]),
        (
            ContractType::FixedTerm,
            WorkingTime::PartTime,
            None,
            vec!["PART_TIME", "TEMPORARY"],
        ),
        (
            ContractType::TemporaryAgency,
            WorkingTime::FullTime,
            None,
            vec!["FULL_TIME", "TEMPORARY"],
        ),
        (ContractType::Internship, WorkingTime::FullTime, None, vec!["INTERN"]),
        (ContractType::OnCall, WorkingTime::PartTime, None, vec!["PER_DIEM"]),
        (
            ContractType::Apprenticeship,
            WorkingTime::ShiftWork,
            Some(38),
            vec!["FULL_TIME"],
        ),
        (
            ContractType::Permanent,
            WorkingTime::ShiftWork,
            Some(20),
            vec!["PART_TIME"],
        ),
        (ContractType::Permanent, WorkingTime::ShiftWork, None, vec!["OTHER"]),
        (ContractType::Seasonal, WorkingTime::ShiftWork, None, vec!["TEMPORARY"]),
    ];
    for (contract, time, hours, expected) in cases {
        o.data.contract = contract;
        o.data.working_time = time;
        o.data.hours_per_week = hours;
        assert_eq!(employment_type(&o), expected, "{contract:?} {time:?} {hours:?}");
    }
}

#[test]
fn remote_work_is_telecommute_for_residents_of_the_country() {
    let mut o = fixtures::offer();
    o.data.place.remote = true;
    o.data.place.country = "DE".into();
    let p = posting(&o, Lang::De);
    assert_eq!(p["jobLocationType"], "TELECOMMUTE");
    assert_eq!(p["applicantLocationRequirements"]["@type"], "Country");
    assert_eq!(p["applicantLocationRequirements"]["name"], "DE");
    assert!(p.get("jobLocation").is_none());
}
