//! The newsletter: subscriptions (what a person chose: language, centres,
//! sections, how often), the digest's periods in Europe/Rome time, and the
//! news issues operators write for a centre's subscribers. A subscription
//! exists only once confirmed (double opt-in): what was asked travels in the
//! signed confirmation link until then.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::time::to_rome;
use crate::{CentreId, Email, Lang, Section};

/// Database identifier of a subscriber.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SubscriberId(pub i64);

/// How often a subscriber gets the digest of new offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// Every day, from [`DIGEST_HOUR`] Rome time.
    Daily,
    /// Every Monday, from [`DIGEST_HOUR`] Rome time.
    Weekly,
}

impl Frequency {
    pub const ALL: [Frequency; 2] = [Frequency::Weekly, Frequency::Daily];

    pub fn code(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }

    pub fn parse(code: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The hour (Rome time) from which the day's digests go out.
pub const DIGEST_HOUR: u32 = 7;

/// What a person asked for. `centres` empty means every centre, including
/// those added later; `sections` is never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subscription {
    pub email: Email,
    pub lang: Lang,
    pub frequency: Frequency,
    /// The chosen centres; empty for all of them.
    pub centres: Vec<CentreId>,
    pub sections: Vec<Section>,
}

impl Subscription {
    /// Whether an offer of `centre` in `section` interests this subscriber.
    pub fn matches(&self, centre: CentreId, section: Section) -> bool {
        (self.centres.is_empty() || self.centres.contains(&centre)) && self.sections.contains(&section)
    }

    /// Whether news of `centre` reach this subscriber.
    pub fn follows(&self, centre: CentreId) -> bool {
        self.centres.is_empty() || self.centres.contains(&centre)
    }
}

/// A confirmed subscription as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subscriber {
    pub id: SubscriberId,
    pub subscription: Subscription,
    pub created_at: DateTime<Utc>,
    /// When the person last confirmed (first subscription or a change).
    pub confirmed_at: DateTime<Utc>,
    /// When the person unsubscribed; `None` while subscribed.
    pub unsubscribed_at: Option<DateTime<Utc>>,
    /// Offers published on this day or later (Rome) are new for the next
    /// digest: the previous one covered the days before.
    pub digest_from: NaiveDate,
}

impl Subscriber {
    pub fn active(&self) -> bool {
        self.unsubscribed_at.is_none()
    }
}

/// The digest a subscriber is due at some instant: it covers offers
/// published from the subscriber's `digest_from` up to the day before
/// `until`; `period` names it in the dedupe key (one mail per period, ever).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestPeriod {
    /// `2026-11-26` for a daily digest, `2026-W48` for a weekly one.
    pub period: String,
    /// The first day the next digest will cover.
    pub until: NaiveDate,
}

/// The digest period under way at `now` for `frequency`, or `None` before
/// [`DIGEST_HOUR`] on its day (daily: every day; weekly: Monday, and the
/// rest of the week for a digest that could not go out on Monday).
pub fn digest_period(frequency: Frequency, now: DateTime<Utc>) -> Option<DigestPeriod> {
    let local = to_rome(now);
    let today = local.date_naive();
    let before_hour = local.hour() < DIGEST_HOUR;
    match frequency {
        Frequency::Daily => (!before_hour).then(|| DigestPeriod {
            period: today.format("%Y-%m-%d").to_string(),
            until: today,
        }),
        Frequency::Weekly => {
            let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            if today.weekday() == Weekday::Mon && before_hour {
                return None;
            }
            let week = monday.iso_week();
            Some(DigestPeriod {
                period: format!("{}-W{:02}", week.year(), week.week()),
                until: monday,
            })
        }
    }
}

/// Database identifier of a news issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NewsIssueId(pub i64);

/// The subject and Markdown body of a news issue in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewsText {
    pub lang: Lang,
    pub subject: String,
    /// Markdown (see [`crate::markdown`]).
    pub body: String,
}

/// A news issue before it is stored: the Italian text is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewNewsIssue {
    pub centre: CentreId,
    pub texts: Vec<NewsText>,
}

/// The longest subject and body accepted.
pub const MAX_SUBJECT: usize = 200;
pub const MAX_BODY: usize = 20_000;

/// Which field of a news issue's text a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewsField {
    Subject,
    Body,
}

impl NewsField {
    /// The form field's name for `lang`, e.g. `body_en`.
    pub fn name(self, lang: Lang) -> String {
        match self {
            NewsField::Subject => format!("subject_{lang}"),
            NewsField::Body => format!("body_{lang}"),
        }
    }
}

/// What is wrong with a news issue's text, by language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewsProblem {
    /// The Italian subject or body is missing.
    ItalianRequired,
    /// A subject without a body or a body without a subject.
    Incomplete,
    TooLong,
}

impl NewNewsIssue {
    /// Builds an issue from `(lang, subject, body)` as typed: blank languages
    /// are left out; Italian must be complete. Errors come with their language.
    pub fn parse(
        centre: CentreId,
        typed: &[(Lang, String, String)],
    ) -> Result<NewNewsIssue, Vec<(Lang, NewsField, NewsProblem)>> {
        let mut texts = Vec::new();
        let mut errors = Vec::new();
        for (lang, subject, body) in typed {
            let (subject, body) = (subject.trim(), body.trim());
            if subject.is_empty() && body.is_empty() {
                if *lang == Lang::It {
                    errors.push((Lang::It, NewsField::Subject, NewsProblem::ItalianRequired));
                }
                continue;
            }
            let subject_too_long = subject.chars().count() > MAX_SUBJECT || subject.contains(['\r', '\n']);
            let body_too_long = body.chars().count() > MAX_BODY;
            if subject.is_empty() {
                errors.push((*lang, NewsField::Subject, NewsProblem::Incomplete));
            } else if body.is_empty() {
                errors.push((*lang, NewsField::Body, NewsProblem::Incomplete));
            } else if subject_too_long || body_too_long {
                if subject_too_long {
                    errors.push((*lang, NewsField::Subject, NewsProblem::TooLong));
                }
                if body_too_long {
                    errors.push((*lang, NewsField::Body, NewsProblem::TooLong));
                }
            } else {
                texts.push(NewsText {
                    lang: *lang,
                    subject: subject.to_string(),
                    body: body.to_string(),
                });
            }
        }
        if !typed.iter().any(|(l, _, _)| *l == Lang::It) {
            errors.push((Lang::It, NewsField::Subject, NewsProblem::ItalianRequired));
        }
        if errors.is_empty() {
            texts.sort_by_key(|t| t.lang);
            Ok(NewNewsIssue { centre, texts })
        } else {
            Err(errors)
        }
    }

    /// The text for a reader of `lang`: theirs, or the Italian one.
    pub fn text(&self, lang: Lang) -> &NewsText {
        self.texts
            .iter()
            .find(|t| t.lang == lang)
            .or_else(|| self.texts.iter().find(|t| t.lang == Lang::It))
            .unwrap_or(&self.texts[0])
    }
}

/// A stored news issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewsIssue {
    pub id: NewsIssueId,
    #[serde(flatten)]
    pub data: NewNewsIssue,
    /// The operator who wrote it (their e-mail).
    pub author: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// How many subscribers it was sent to.
    pub recipients: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn daily_digests_start_at_seven_in_rome() {
        // 26 November 2026 is a Thursday; Rome is UTC+1 in winter.
        assert_eq!(digest_period(Frequency::Daily, at(2026, 11, 26, 5, 59)), None);
        let p = digest_period(Frequency::Daily, at(2026, 11, 26, 6, 0)).unwrap();
        assert_eq!(p.period, "2026-11-26");
        assert_eq!(p.until, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
        // Summer time: 07:00 in Rome is 05:00 UTC.
        assert!(digest_period(Frequency::Daily, at(2026, 7, 1, 5, 0)).is_some());
        assert!(digest_period(Frequency::Daily, at(2026, 7, 1, 4, 59)).is_none());
    }

    #[test]
    fn weekly_digests_go_out_from_monday_morning() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(digest_period(Frequency::Weekly, at(2026, 11, 23, 5, 0)), None);
        let p = digest_period(Frequency::Weekly, at(2026, 11, 23, 6, 30)).unwrap();
        assert_eq!((p.period.as_str(), p.until), ("2026-W48", monday));
        // Later in the week: still the same week's digest (a node was down).
        let p = digest_period(Frequency::Weekly, at(2026, 11, 26, 3, 0)).unwrap();
        assert_eq!((p.period.as_str(), p.until), ("2026-W48", monday));
        // 23:30 UTC on Sunday is 00:30 on Monday in Rome: too early.
        assert_eq!(digest_period(Frequency::Weekly, at(2026, 11, 29, 23, 30)), None);
        let p = digest_period(Frequency::Weekly, at(2027, 1, 4, 8, 0)).unwrap();
        assert_eq!(p.period, "2027-W01");
    }

    #[test]
    fn a_subscription_matches_its_centres_and_sections() {
        let s = Subscription {
            email: Email::parse("anna@example.org").unwrap(),
            lang: Lang::En,
            frequency: Frequency::Daily,
            centres: vec![CentreId(2)],
            sections: vec![Section::Eures],
        };
        assert!(s.matches(CentreId(2), Section::Eures));
        assert!(!s.matches(CentreId(3), Section::Eures));
        assert!(!s.matches(CentreId(2), Section::Ordinary));
        let all = Subscription { centres: vec![], ..s };
        assert!(all.matches(CentreId(9), Section::Eures) && all.follows(CentreId(9)));
    }

    #[test]
    fn a_news_issue_needs_its_italian_text() {
        let typed = |it: (&str, &str), en: (&str, &str)| {
            vec![
                (Lang::It, it.0.to_string(), it.1.to_string()),
                (Lang::En, en.0.to_string(), en.1.to_string()),
            ]
        };
        let ok = NewNewsIssue::parse(CentreId(1), &typed(("Novità", "Testo"), ("", ""))).unwrap();
        assert_eq!(ok.texts.len(), 1);
        assert_eq!(ok.text(Lang::De).subject, "Novità", "Italian for the others");
        let both = NewNewsIssue::parse(CentreId(1), &typed(("Novità", "Testo"), ("News", "Text"))).unwrap();
        assert_eq!(both.text(Lang::En).subject, "News");
        assert_eq!(
            NewNewsIssue::parse(CentreId(1), &typed(("", ""), ("News", "Text"))).unwrap_err(),
            vec![(Lang::It, NewsField::Subject, NewsProblem::ItalianRequired)]
        );
        assert_eq!(
            NewNewsIssue::parse(CentreId(1), &typed(("Novità", "Testo"), ("News", ""))).unwrap_err(),
            vec![(Lang::En, NewsField::Body, NewsProblem::Incomplete)]
        );
        assert_eq!(
            NewNewsIssue::parse(CentreId(1), &typed(("Novità", "Testo"), ("", "Text"))).unwrap_err(),
            vec![(Lang::En, NewsField::Subject, NewsProblem::Incomplete)]
        );
        let long = "x".repeat(MAX_SUBJECT + 1);
        assert_eq!(
            NewNewsIssue::parse(CentreId(1), &typed((&long, "Testo"), ("", ""))).unwrap_err(),
            vec![(Lang::It, NewsField::Subject, NewsProblem::TooLong)]
        );
        let long_body = "x".repeat(MAX_BODY + 1);
        assert_eq!(
            NewNewsIssue::parse(CentreId(1), &typed(("Novità", &long_body), ("", ""))).unwrap_err(),
            vec![(Lang::It, NewsField::Body, NewsProblem::TooLong)]
        );
        assert_eq!(NewsField::Body.name(Lang::En), "body_en");
    }
}
