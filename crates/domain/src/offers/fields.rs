//! The one list of an offer's fields, as [`RawOffer`] holds them: their
//! names (the same in the operator API, the import files, the back office's
//! form and the edit history), how each is written, which ones an offer
//! cannot do without, and the message id of each label. Everything that
//! lists the fields reads them here, so a field added to [`RawOffer`] must be
//! added here once (a test fails otherwise) and then reaches the API, the
//! imports, the form and the history's labels.

use super::form::RawOffer;
use crate::NewOffer;

/// How a field is written.
#[derive(Debug, Clone, Copy)]
pub enum FieldKind {
    /// Text: a code of a vocabulary, a number, a date or free text.
    Text(fn(&mut RawOffer) -> &mut String),
    /// Part of the Italian original text (title, description, how to
    /// apply): kept with the offer's texts, one per language.
    OriginalText(fn(&mut RawOffer) -> &mut String),
    /// Yes or no.
    Flag(fn(&mut RawOffer) -> &mut bool),
    /// The list of language requirements.
    Languages,
}

/// One field of an offer.
#[derive(Debug, Clone, Copy)]
pub struct OfferField {
    /// The name in [`RawOffer`], the API, import files and forms.
    pub name: &'static str,
    pub kind: FieldKind,
    /// An offer cannot do without it: an import file lacking it cannot hold
    /// a single valid offer.
    pub required: bool,
    /// The Fluent message id of the field's label.
    pub label: &'static str,
}

const fn text(
    name: &'static str,
    required: bool,
    label: &'static str,
    set: fn(&mut RawOffer) -> &mut String,
) -> OfferField {
    OfferField {
        name,
        kind: FieldKind::Text(set),
        required,
        label,
    }
}

const fn original(name: &'static str, label: &'static str, set: fn(&mut RawOffer) -> &mut String) -> OfferField {
    OfferField {
        name,
        kind: FieldKind::OriginalText(set),
        required: true,
        label,
    }
}

const fn flag(name: &'static str, label: &'static str, set: fn(&mut RawOffer) -> &mut bool) -> OfferField {
    OfferField {
        name,
        kind: FieldKind::Flag(set),
        required: false,
        label,
    }
}

/// Every field of [`RawOffer`], in the documented order.
pub const OFFER_FIELDS: &[OfferField] = &[
    text("centre", true, "field-centre", |o| &mut o.centre),
    text("section", true, "field-section", |o| &mut o.section),
    text("occupation", true, "field-occupation", |o| &mut o.occupation),
    original("title", "field-title", |o| &mut o.title),
    original("description", "offer-description", |o| &mut o.description),
    original("how_to_apply", "offer-how-to-apply", |o| &mut o.how_to_apply),
    text("employer_name", true, "field-employer", |o| &mut o.employer_name),
    flag("employer_hidden", "field-employer-hidden", |o| &mut o.employer_hidden),
    text("town", true, "field-town", |o| &mut o.town),
    text("postcode", false, "field-postcode", |o| &mut o.postcode),
    text("region", false, "field-region", |o| &mut o.region),
    text("country", false, "field-country", |o| &mut o.country),
    flag("remote", "field-remote", |o| &mut o.remote),
    text("contract", true, "field-contract", |o| &mut o.contract),
    text("working_time", true, "field-working-time", |o| &mut o.working_time),
    text("hours_per_week", false, "field-hours", |o| &mut o.hours_per_week),
    text("openings", true, "field-openings", |o| &mut o.openings),
    text("education", true, "field-education", |o| &mut o.education),
    text("licence", false, "field-licence", |o| &mut o.licence),
    text("experience_months", false, "field-experience", |o| {
        &mut o.experience_months
    }),
    text("salary_min", false, "field-salary-min", |o| &mut o.salary_min),
    text("salary_max", false, "field-salary-max", |o| &mut o.salary_max),
    text("valid_through", true, "field-valid-through", |o| &mut o.valid_through),
    OfferField {
        name: "languages",
        kind: FieldKind::Languages,
        required: false,
        label: "field-languages",
    },
];

/// The field called `name`.
pub fn offer_field(name: &str) -> Option<&'static OfferField> {
    OFFER_FIELDS.iter().find(|f| f.name == name)
}

impl OfferField {
    /// The field's text in `offer` (text fields only).
    pub fn text_of(&self, offer: &RawOffer) -> Option<String> {
        match self.kind {
            FieldKind::Text(set) | FieldKind::OriginalText(set) => Some(set(&mut offer.clone()).clone()),
            FieldKind::Flag(_) | FieldKind::Languages => None,
        }
    }

    /// The field's value in `offer` as one line of text: a flag as `true`
    /// or `false`, the languages as `en B2, de A2`.
    pub fn value_of(&self, offer: &RawOffer) -> String {
        match self.kind {
            FieldKind::Text(set) | FieldKind::OriginalText(set) => set(&mut offer.clone()).clone(),
            FieldKind::Flag(set) => set(&mut offer.clone()).to_string(),
            FieldKind::Languages => offer
                .languages
                .iter()
                .map(|l| format!("{} {}", l.language, l.level))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// The fields of an offer as `(name, value)` text, to record what changed.
pub fn offer_fields(offer: &NewOffer) -> Vec<(String, String)> {
    let raw = RawOffer::from_offer(offer, &[]);
    let mut fields = Vec::new();
    for field in OFFER_FIELDS {
        let value = match field.kind {
            // Kept with the texts of every language, below.
            FieldKind::OriginalText(_) => continue,
            // The centre by its id: a slug may change.
            _ if field.name == "centre" => offer.centre.0.to_string(),
            _ => field.value_of(&raw),
        };
        fields.push((field.name.to_string(), value));
    }
    for t in &offer.texts {
        let lang = t.lang.code();
        fields.push((format!("text.{lang}.status"), t.status.code().into()));
        fields.push((format!("text.{lang}.title"), t.title.clone()));
        fields.push((format!("text.{lang}.description"), t.description.clone()));
        fields.push((format!("text.{lang}.how_to_apply"), t.how_to_apply.clone()));
    }
    fields
}

/// What changed between two versions of an offer: `(field, old, new)`.
pub fn offer_changes(old: &NewOffer, new: &NewOffer) -> Vec<(String, String, String)> {
    let before = offer_fields(old);
    let after = offer_fields(new);
    let mut changes = Vec::new();
    for (name, value) in &after {
        let previous = before
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        if &previous != value {
            changes.push((name.clone(), previous, value.clone()));
        }
    }
    for (name, value) in &before {
        if !after.iter().any(|(n, _)| n == name) {
            changes.push((name.clone(), value.clone(), String::new()));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_names_every_field_of_raw_offer_once_in_its_order() {
        let json = serde_json::to_value(RawOffer::default()).unwrap();
        let theirs: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut ours: Vec<&str> = OFFER_FIELDS.iter().map(|f| f.name).collect();
        let in_order = ours.clone();
        ours.sort_unstable();
        let mut sorted = theirs.clone();
        sorted.sort_unstable();
        assert_eq!(
            ours, sorted,
            "a field of RawOffer is missing from OFFER_FIELDS, or one is extra"
        );
        ours.dedup();
        assert_eq!(ours.len(), OFFER_FIELDS.len(), "each field once");
        assert_eq!(in_order[0], "centre");
    }

    #[test]
    fn each_setter_sets_its_own_field() {
        let mut offer = RawOffer::default();
        for field in OFFER_FIELDS {
            match field.kind {
                FieldKind::Text(set) | FieldKind::OriginalText(set) => *set(&mut offer) = field.name.to_string(),
                FieldKind::Flag(set) => *set(&mut offer) = true,
                FieldKind::Languages => {}
            }
        }
        let json = serde_json::to_value(&offer).unwrap();
        for field in OFFER_FIELDS {
            match field.kind {
                FieldKind::Text(_) | FieldKind::OriginalText(_) => {
                    assert_eq!(json[field.name], field.name, "the setter of {} sets it", field.name);
                    assert_eq!(field.text_of(&offer).as_deref(), Some(field.name));
                }
                FieldKind::Flag(_) => assert_eq!(json[field.name], true, "the setter of {} sets it", field.name),
                FieldKind::Languages => assert!(field.text_of(&offer).is_none()),
            }
        }
        assert_eq!(offer_field("openings").map(|f| f.label), Some("field-openings"));
        assert!(offer_field("colour").is_none());
    }

    #[test]
    fn labels_are_distinct_message_ids() {
        let mut labels: Vec<&str> = OFFER_FIELDS.iter().map(|f| f.label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), OFFER_FIELDS.len());
        assert!(labels.iter().all(|l| l.contains('-')));
    }
}
