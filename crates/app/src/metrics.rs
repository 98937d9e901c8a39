//! This node's metrics, in the Prometheus text format (written by hand:
//! a few counters and histograms do not need a client library). One
//! [`Metrics`] per [`App`], never a global: two applications in one
//! process (tests) count apart. What is counted as it happens (requests,
//! renders, bookings, failed sign-ins) lives here; what the database or the
//! search index knows (outbox backlogs, pool use, index lag) is read at
//! scrape time by [`exposition`]. docs/operations.md ("Monitoring") lists
//! every series.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

use crate::App;

/// Upper bounds (seconds) of the request latency buckets.
const LATENCY_BUCKETS: [f64; 11] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
/// Upper bounds (seconds) of the render time buckets.
const RENDER_BUCKETS: [f64; 10] = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// A histogram: counts per bucket (not cumulative), sum and count.
#[derive(Debug, Clone)]
struct Histogram {
    bounds: &'static [f64],
    counts: Vec<u64>,
    sum: f64,
    count: u64,
}

impl Histogram {
    fn new(bounds: &'static [f64]) -> Histogram {
        Histogram {
            bounds,
            counts: vec![0; bounds.len()],
            sum: 0.0,
            count: 0,
        }
    }

    fn observe(&mut self, seconds: f64) {
        if let Some(i) = self.bounds.iter().position(|b| seconds <= *b) {
            self.counts[i] += 1;
        }
        self.sum += seconds;
        self.count += 1;
    }

    /// The `_bucket` (cumulative), `_sum` and `_count` lines; `labels` are
    /// the series' own labels, written `key="value",` each.
    fn write(&self, out: &mut String, name: &str, labels: &str) {
        let mut cumulative = 0;
        for (bound, count) in self.bounds.iter().zip(&self.counts) {
            cumulative += count;
            let _ = writeln!(out, "{name}_bucket{{{labels}le=\"{bound}\"}} {cumulative}");
        }
        let _ = writeln!(out, "{name}_bucket{{{labels}le=\"+Inf\"}} {}", self.count);
        let braces = |s: &str| {
            let s = s.trim_end_matches(',');
            if s.is_empty() {
                String::new()
            } else {
                format!("{{{s}}}")
            }
        };
        let _ = writeln!(out, "{name}_sum{} {}", braces(labels), self.sum);
        let _ = writeln!(out, "{name}_count{} {}", braces(labels), self.count);
    }
}

/// Why a booking was refused (the `reason` label).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Refusal {
    /// The person's fields are wrong.
    Invalid,
    /// The start time cannot be booked (past, closed, not a slot).
    Slot,
    /// The service is not bookable now or in this modality.
    Unavailable,
    /// The slot is full.
    Full,
    /// Too late to change the booking.
    TooLate,
    /// An idempotency key reused with another request.
    KeyReused,
    /// Too many requests (the limiter).
    Limited,
    /// The person already holds a future booking of the service: its link
    /// went to them again.
    AlreadyBooked,
}

impl Refusal {
    fn label(self) -> &'static str {
        match self {
            Refusal::Invalid => "invalid",
            Refusal::Slot => "slot",
            Refusal::Unavailable => "unavailable",
            Refusal::Full => "full",
            Refusal::TooLate => "too_late",
            Refusal::KeyReused => "key_reused",
            Refusal::Limited => "limited",
            Refusal::AlreadyBooked => "already_booked",
        }
    }
}

/// What was counted since the node started.
#[derive(Debug, Default)]
struct Counted {
    /// Answers by route template and status.
    requests: BTreeMap<(String, u16), u64>,
    /// Latency by route template.
    latency: BTreeMap<String, Histogram>,
    /// Render times by kind (`pdf`, `card`).
    renders: BTreeMap<&'static str, Histogram>,
    bookings_made: u64,
    bookings_refused: BTreeMap<&'static str, u64>,
    /// Failed sign-ins by reason.
    sign_in_failures: BTreeMap<&'static str, u64>,
}

/// The counters and histograms of one application.
#[derive(Debug, Default)]
pub struct Metrics {
    counted: Mutex<Counted>,
}

impl Metrics {
    fn counted(&self) -> std::sync::MutexGuard<'_, Counted> {
        self.counted.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// An answered request: its route template (never the path as sent),
    /// status and time taken.
    pub fn request(&self, route: &str, status: u16, took: Duration) {
        let mut counted = self.counted();
        *counted.requests.entry((route.to_string(), status)).or_default() += 1;
        counted
            .latency
            .entry(route.to_string())
            .or_insert_with(|| Histogram::new(&LATENCY_BUCKETS))
            .observe(took.as_secs_f64());
    }

    /// A document rendered: `pdf` (posters, boards, the weekly report) or
    /// `card` (the images shared on social networks).
    pub fn render(&self, kind: &'static str, took: Duration) {
        self.counted()
            .renders
            .entry(kind)
            .or_insert_with(|| Histogram::new(&RENDER_BUCKETS))
            .observe(took.as_secs_f64());
    }

    /// A new booking (not a replay of one).
    pub fn booking_made(&self) {
        self.counted().bookings_made += 1;
    }

    pub fn booking_refused(&self, why: Refusal) {
        *self.counted().bookings_refused.entry(why.label()).or_default() += 1;
    }

    /// A refused sign-in: `password` (wrong e-mail or password),
    /// `blocked` (too many tries), `second_factor` (a wrong code).
    pub fn sign_in_failed(&self, reason: &'static str) {
        *self.counted().sign_in_failures.entry(reason).or_default() += 1;
    }

    /// The counted series in the text format.
    fn write(&self, out: &mut String) {
        let counted = self.counted();
        family(
            out,
            "sportello_http_requests_total",
            "counter",
            "Answered HTTP requests by route template and status.",
        );
        for ((route, status), n) in &counted.requests {
            let _ = writeln!(
                out,
                "sportello_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                escape(route)
            );
        }
        family(
            out,
            "sportello_http_request_duration_seconds",
            "histogram",
            "Time to answer HTTP requests, by route template.",
        );
        for (route, histogram) in &counted.latency {
            let labels = format!("route=\"{}\",", escape(route));
            histogram.write(out, "sportello_http_request_duration_seconds", &labels);
        }
        family(
            out,
            "sportello_render_duration_seconds",
            "histogram",
            "Time to render documents: kind pdf (posters, boards, weekly reports) or card (images).",
        );
        for (kind, histogram) in &counted.renders {
            histogram.write(out, "sportello_render_duration_seconds", &format!("kind=\"{kind}\","));
        }
        family(out, "sportello_bookings_total", "counter", "Appointments booked.");
        let _ = writeln!(out, "sportello_bookings_total {}", counted.bookings_made);
        family(
            out,
            "sportello_bookings_refused_total",
            "counter",
            "Bookings refused, by reason.",
        );
        for (reason, n) in &counted.bookings_refused {
            let _ = writeln!(out, "sportello_bookings_refused_total{{reason=\"{reason}\"}} {n}");
        }
        family(
            out,
            "sportello_sign_in_failures_total",
            "counter",
            "Refused sign-ins to the back office, by reason.",
        );
        for (reason, n) in &counted.sign_in_failures {
            let _ = writeln!(out, "sportello_sign_in_failures_total{{reason=\"{reason}\"}} {n}");
        }
    }
}

/// The `# HELP` and `# TYPE` lines of a family.
fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

/// A label value as the text format wants it.
fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// A gauge family of one series per `(labels, value)`; nothing but the
/// `HELP` and `TYPE` lines when the value could not be read.
fn gauge(out: &mut String, name: &str, help: &str, series: &[(&str, Option<f64>)]) {
    family(out, name, "gauge", help);
    for (labels, value) in series {
        if let Some(value) = value {
            let labels = if labels.is_empty() {
                String::new()
            } else {
                format!("{{{labels}}}")
            };
            let _ = writeln!(out, "{name}{labels} {value}");
        }
    }
}

/// Every series of `app`, in the Prometheus text format (0.0.4): what was
/// counted, and what the database and the search index say now. A value
/// that cannot be read now (the database is down) is left out, and logged.
pub async fn exposition(app: &App) -> String {
    let mut out = String::new();
    app.metrics.write(&mut out);
    let pool = app.storage.pool_use();
    gauge(
        &mut out,
        "sportello_db_pool_connections",
        "Connections of this node's database pool: open, and idle among them.",
        &[
            ("state=\"open\"", Some(f64::from(pool.size))),
            ("state=\"idle\"", Some(f64::from(pool.idle))),
        ],
    );
    let mail = app
        .storage
        .mail_counts()
        .await
        .inspect_err(|e| tracing::warn!(error = %e, "metrics: cannot count the e-mail outbox"))
        .ok();
    let sms = app
        .storage
        .sms_counts()
        .await
        .inspect_err(|e| tracing::warn!(error = %e, "metrics: cannot count the text-message outbox"))
        .ok();
    let pending = |c: &Option<sportello_storage::MailCounts>| c.as_ref().map(|c| c.pending as f64);
    let failed = |c: &Option<sportello_storage::MailCounts>| c.as_ref().map(|c| c.failed as f64);
    gauge(
        &mut out,
        "sportello_outbox_pending",
        "Messages waiting to be sent, by channel (mail, sms).",
        &[("channel=\"mail\"", pending(&mail)), ("channel=\"sms\"", pending(&sms))],
    );
    gauge(
        &mut out,
        "sportello_outbox_failed",
        "Messages given up after their last attempt, by channel (mail, sms).",
        &[("channel=\"mail\"", failed(&mail)), ("channel=\"sms\"", failed(&sms))],
    );
    let lag = app
        .search
        .lag()
        .await
        .inspect_err(|e| tracing::warn!(error = %e, "metrics: cannot read the search index's lag"))
        .ok();
    gauge(
        &mut out,
        "sportello_search_index_lag_changes",
        "Offer changes in the database not yet in this node's search index.",
        &[("", lag.as_ref().and_then(|l| l.changes).map(|n| n as f64))],
    );
    gauge(
        &mut out,
        "sportello_search_index_age_seconds",
        "Seconds since this node's search index last caught up with the database.",
        &[(
            "",
            lag.as_ref().and_then(|l| l.since_caught_up).map(|d| d.as_secs_f64()),
        )],
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_end_with_the_count() {
        let mut h = Histogram::new(&RENDER_BUCKETS);
        for s in [0.001, 0.02, 0.02, 3.0, 60.0] {
            h.observe(s);
        }
        let mut out = String::new();
        h.write(&mut out, "x", "kind=\"pdf\",");
        assert!(out.contains("x_bucket{kind=\"pdf\",le=\"0.01\"} 1\n"), "{out}");
        assert!(out.contains("x_bucket{kind=\"pdf\",le=\"0.025\"} 3\n"), "{out}");
        assert!(out.contains("x_bucket{kind=\"pdf\",le=\"5\"} 4\n"), "{out}");
        assert!(out.contains("x_bucket{kind=\"pdf\",le=\"+Inf\"} 5\n"), "{out}");
        assert!(out.contains("x_count{kind=\"pdf\"} 5\n"), "{out}");
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
