//! The services a centre receives people for (DID, taking in charge,
//! guidance interviews…), how long each takes, how it can be held (in the
//! office, by phone, by video), how many people the centre serves at once and
//! how far ahead it can be booked. [`RawService::validate`] checks what an
//! operator typed in the catalogue's form.

use serde::{Deserialize, Serialize};

use crate::{CentreId, FieldError, FieldProblem, Lang};

/// Longest accepted values, in characters.
pub const MAX_SERVICE_NAME: usize = 120;
pub const MAX_SERVICE_DESCRIPTION: usize = 1000;
/// Longest accepted duration of one appointment, in minutes.
pub const MAX_DURATION: u32 = 240;
/// Most people served at once for one service.
pub const MAX_CAPACITY: u32 = 20;
/// Longest notice a service may ask for, in hours.
pub const MAX_NOTICE_HOURS: u32 = 24 * 14;
/// Furthest ahead a service may be booked, in days.
pub const MAX_DAYS_AHEAD: u32 = 180;

/// Database identifier of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ServiceId(pub i64);

/// What a service is, from the list every centre offers; the names shown to
/// people come from the catalogue's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// DID: declaration of immediate availability for work.
    Did,
    /// *Presa in carico*: a case is opened.
    TakingInCharge,
    BasicGuidance,
    SpecialistGuidance,
    SkillsAssessment,
    SelfEmployment,
    Certificates,
    /// Collocamento Mirato (Law 68/1999).
    MiratoAdvice,
    EuresAdvice,
}

impl ServiceKind {
    pub const ALL: [ServiceKind; 9] = [
        ServiceKind::Did,
        ServiceKind::TakingInCharge,
        ServiceKind::BasicGuidance,
        ServiceKind::SpecialistGuidance,
        ServiceKind::SkillsAssessment,
        ServiceKind::SelfEmployment,
        ServiceKind::Certificates,
        ServiceKind::MiratoAdvice,
        ServiceKind::EuresAdvice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ServiceKind::Did => "did",
            ServiceKind::TakingInCharge => "taking_in_charge",
            ServiceKind::BasicGuidance => "basic_guidance",
            ServiceKind::SpecialistGuidance => "specialist_guidance",
            ServiceKind::SkillsAssessment => "skills_assessment",
            ServiceKind::SelfEmployment => "self_employment",
            ServiceKind::Certificates => "certificates",
            ServiceKind::MiratoAdvice => "mirato_advice",
            ServiceKind::EuresAdvice => "eures_advice",
        }
    }

    pub fn parse(code: &str) -> Option<ServiceKind> {
        ServiceKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How an appointment is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    InOffice,
    Phone,
    Video,
}

impl Modality {
    pub const ALL: [Modality; 3] = [Modality::InOffice, Modality::Phone, Modality::Video];

    pub fn code(self) -> &'static str {
        match self {
            Modality::InOffice => "in_office",
            Modality::Phone => "phone",
            Modality::Video => "video",
        }
    }

    pub fn parse(code: &str) -> Option<Modality> {
        Modality::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// A service's name and description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceText {
    pub lang: Lang,
    pub name: String,
    pub description: String,
}

/// A service of a centre, before it has an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewService {
    pub centre: CentreId,
    pub kind: ServiceKind,
    pub duration_minutes: u32,
    /// At least one, in [`Modality::ALL`] order.
    pub modalities: Vec<Modality>,
    /// People served at the same time (operators free for it).
    pub capacity: u32,
    pub min_notice_minutes: u32,
    pub max_days_ahead: u32,
    /// Whether people can book it now.
    pub active: bool,
    /// Italian first; other languages optional.
    pub texts: Vec<ServiceText>,
}

/// A service as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Service {
    pub id: ServiceId,
    #[serde(flatten)]
    pub data: NewService,
    /// Raised by every change, for optimistic locking of the form.
    pub version: i64,
}

impl NewService {
    pub fn rules(&self) -> SlotRules {
        SlotRules {
            duration_minutes: self.duration_minutes,
            min_notice_minutes: self.min_notice_minutes,
            max_days_ahead: self.max_days_ahead,
        }
    }

    pub fn offers(&self, modality: Modality) -> bool {
        self.modalities.contains(&modality)
    }

    /// The text in `lang`, else the Italian one.
    pub fn text(&self, lang: Lang) -> Option<&ServiceText> {
        self.texts
            .iter()
            .find(|t| t.lang == lang)
            .or_else(|| self.texts.iter().find(|t| t.lang == Lang::It))
    }
}

/// A service as typed in the catalogue's form: every field as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawService {
    pub kind: String,
    pub duration_minutes: String,
    pub in_office: bool,
    pub phone: bool,
    pub video: bool,
    pub capacity: String,
    pub min_notice_hours: String,
    pub max_days_ahead: String,
    pub active: bool,
    /// Names and descriptions by language code: `name_it`, `description_en`…
    pub name_it: String,
    pub description_it: String,
    pub name_en: String,
    pub description_en: String,
    pub name_fr: String,
    pub description_fr: String,
    pub name_de: String,
    pub description_de: String,
}

impl RawService {
    /// The form filled with a stored service.
    pub fn from_service(service: &NewService) -> RawService {
        let text = |lang: Lang| service.texts.iter().find(|t| t.lang == lang);
        let name = |lang| text(lang).map(|t| t.name.clone()).unwrap_or_default();
        let description = |lang| text(lang).map(|t| t.description.clone()).unwrap_or_default();
        RawService {
            kind: service.kind.code().into(),
            duration_minutes: service.duration_minutes.to_string(),
            in_office: service.offers(Modality::InOffice),
            phone: service.offers(Modality::Phone),
            video: service.offers(Modality::Video),
            capacity: service.capacity.to_string(),
            min_notice_hours: (service.min_notice_minutes / 60).to_string(),
            max_days_ahead: service.max_days_ahead.to_string(),
            active: service.active,
            name_it: name(Lang::It),
            description_it: description(Lang::It),
            name_en: name(Lang::En),
            description_en: description(Lang::En),
            name_fr: name(Lang::Fr),
            description_fr: description(Lang::Fr),
            name_de: name(Lang::De),
            description_de: description(Lang::De),
        }
    }

    /// Checks every field; each wrong one gets its own error.
    pub fn validate(&self, centre: CentreId) -> Result<NewService, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, problem| {
            errors.push(FieldError {
                field: field.into(),
                problem,
            })
        };
        let kind = match self.kind.trim() {
            "" => {
                fail("kind", FieldProblem::Required);
                None
            }
            code => {
                let kind = ServiceKind::parse(code);
                if kind.is_none() {
                    fail("kind", FieldProblem::Unknown);
                }
                kind
            }
        };
        let mut number = |field: &str, value: &str, min: u32, max: u32| -> Option<u32> {
            let value = value.trim();
            if value.is_empty() {
                fail(field, FieldProblem::Required);
                return None;
            }
            match value.parse::<i64>() {
                Ok(n) if n >= i64::from(min) && n <= i64::from(max) => Some(n as u32),
                Ok(_) => {
                    fail(field, FieldProblem::OutOfRange { min, max });
                    None
                }
                Err(_) => {
                    fail(field, FieldProblem::NotANumber);
                    None
                }
            }
        };
        let duration = number("duration_minutes", &self.duration_minutes, 5, MAX_DURATION);
        let capacity = number("capacity", &self.capacity, 1, MAX_CAPACITY);
        let notice = number("min_notice_hours", &self.min_notice_hours, 0, MAX_NOTICE_HOURS);
        let ahead = number("max_days_ahead", &self.max_days_ahead, 1, MAX_DAYS_AHEAD);
        let modalities: Vec<Modality> = [
            (self.in_office, Modality::InOffice),
            (self.phone, Modality::Phone),
            (self.video, Modality::Video),
        ]
        .into_iter()
        .filter_map(|(on, m)| on.then_some(m))
        .collect();
        if modalities.is_empty() {
            errors.push(FieldError {
                field: "modalities".into(),
                problem: FieldProblem::Required,
            });
        }
        let mut texts = Vec::new();
        for (lang, name, description) in [
            (Lang::It, &self.name_it, &self.description_it),
            (Lang::En, &self.name_en, &self.description_en),
            (Lang::Fr, &self.name_fr, &self.description_fr),
            (Lang::De, &self.name_de, &self.description_de),
        ] {
            let (name, description) = (name.trim(), description.trim().replace("\r\n", "\n"));
            let name_field = format!("name_{}", lang.code());
            let description_field = format!("description_{}", lang.code());
            if name.chars().count() > MAX_SERVICE_NAME {
                errors.push(FieldError {
                    field: name_field.clone(),
                    problem: FieldProblem::TooLong { max: MAX_SERVICE_NAME },
                });
            }
            if description.chars().count() > MAX_SERVICE_DESCRIPTION {
                errors.push(FieldError {
                    field: description_field,
                    problem: FieldProblem::TooLong {
                        max: MAX_SERVICE_DESCRIPTION,
                    },
                });
            }
            if name.is_empty() {
                if lang == Lang::It || !description.is_empty() {
                    errors.push(FieldError {
                        field: name_field,
                        problem: FieldProblem::Required,
                    });
                }
                continue;
            }
            texts.push(ServiceText {
                lang,
                name: name.to_string(),
                description,
            });
        }
        match (kind, duration, capacity, notice, ahead) {
            (Some(kind), Some(duration_minutes), Some(capacity), Some(notice), Some(max_days_ahead))
                if errors.is_empty() =>
            {
                Ok(NewService {
                    centre,
                    kind,
                    duration_minutes,
                    modalities,
                    capacity,
                    min_notice_minutes: notice * 60,
                    max_days_ahead,
                    active: self.active,
                    texts,
                })
            }
            _ => Err(errors),
        }
    }
}

/// How a service hands out its slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SlotRules {
    /// Length of one appointment; 0 means no slots at all.
    pub duration_minutes: u32,
    /// How long before its start a slot can still be booked.
    pub min_notice_minutes: u32,
    /// The last bookable day is today (in Rome) plus this many days.
    pub max_days_ahead: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawService {
        RawService {
            kind: "basic_guidance".into(),
            duration_minutes: "30".into(),
            in_office: true,
            video: true,
            capacity: "2".into(),
            min_notice_hours: "24".into(),
            max_days_ahead: "30".into(),
            active: true,
            name_it: "Colloquio di orientamento".into(),
            name_en: "Guidance interview".into(),
            description_en: "A first talk with an operator.".into(),
            ..RawService::default()
        }
    }

    #[test]
    fn a_filled_form_becomes_a_service() {
        let service = raw().validate(CentreId(3)).unwrap();
        assert_eq!(service.kind, ServiceKind::BasicGuidance);
        assert_eq!(service.modalities, vec![Modality::InOffice, Modality::Video]);
        assert_eq!(service.min_notice_minutes, 24 * 60);
        assert_eq!(service.texts.len(), 2);
        assert_eq!(service.text(Lang::Fr).unwrap().lang, Lang::It);
        assert_eq!(RawService::from_service(&service), raw());
    }

    #[test]
    fn each_wrong_field_is_named() {
        let form = RawService {
            kind: "haircut".into(),
            duration_minutes: "0".into(),
            in_office: false,
            video: false,
            capacity: "many".into(),
            min_notice_hours: "".into(),
            name_it: " ".into(),
            description_de: "Beschreibung ohne Namen".into(),
            ..raw()
        };
        let errors = form.validate(CentreId(1)).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "kind",
                "duration_minutes",
                "capacity",
                "min_notice_hours",
                "modalities",
                "name_it",
                "name_de"
            ]
        );
        assert_eq!(
            errors[1].problem,
            FieldProblem::OutOfRange {
                min: 5,
                max: MAX_DURATION
            }
        );
        assert_eq!(errors[2].problem, FieldProblem::NotANumber);
    }

    #[test]
    fn codes_round_trip() {
        for kind in ServiceKind::ALL {
            assert_eq!(ServiceKind::parse(kind.code()), Some(kind));
        }
        for modality in Modality::ALL {
            assert_eq!(Modality::parse(modality.code()), Some(modality));
        }
        assert_eq!(Modality::parse("carrier pigeon"), None);
    }
}
