//! What the appointments and group meetings need from the configuration:
//! the video-meeting server, the reminders' delays and how long a freed
//! seat of a group meeting is held for the first in line.

use chrono::Duration;
use sportello_domain::SeatOfferRules;

/// What the appointments need from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Base address of the Jitsi Meet server, without a trailing slash.
    pub jitsi_url: String,
    /// Reminders, in minutes before the start (e.g. 2880 and 120).
    pub reminders: Vec<u32>,
    /// How long a seat offered from a waiting list is held.
    pub seat_offers: SeatOfferRules,
}

impl Settings {
    /// Reads the configured Jitsi Meet address (`https://…`) and reminders
    /// (`48h,2h`; `m`, `h` or `d` after each number; `none` for none).
    pub fn parse(jitsi_url: &str, reminders: &str) -> Result<Settings, String> {
        let jitsi_url = jitsi_url.trim().trim_end_matches('/');
        let host = jitsi_url
            .strip_prefix("https://")
            .or_else(|| jitsi_url.strip_prefix("http://"))
            .unwrap_or_default();
        if host.is_empty() || host.contains(['?', '#', ' ']) {
            return Err(format!(
                "not a Jitsi Meet address: {jitsi_url:?} (use https://HOST, e.g. https://meet.jit.si)"
            ));
        }
        let mut minutes = Vec::new();
        let reminders = reminders.trim();
        if reminders != "none" && !reminders.is_empty() {
            for item in reminders.split(',').map(str::trim) {
                match delay_minutes(item) {
                    Some(n) if n > 0 => minutes.push(n),
                    _ => {
                        return Err(format!(
                            "not a reminder delay: {item:?} (use e.g. 48h, 90m or 2d, at most 14 days, separated by commas)"
                        ));
                    }
                }
            }
        }
        minutes.sort_unstable_by(|a, b| b.cmp(a));
        minutes.dedup();
        Ok(Settings {
            jitsi_url: jitsi_url.to_string(),
            reminders: minutes,
            seat_offers: Default::default(),
        })
    }
}

/// How long a seat freed at a group meeting is held for the first on the
/// waiting list, as configured: `HOLD,BEFORE` — at most HOLD after the
/// offer and until BEFORE the start, e.g. `24h,2h`.
pub fn parse_seat_offers(text: &str) -> Result<SeatOfferRules, String> {
    let bad = || format!("not a seat offer's hold: {text:?} (use HOLD,BEFORE, e.g. 24h,2h: at most 14 days each)");
    let (hold, before) = text.split_once(',').ok_or_else(bad)?;
    match (delay_minutes(hold.trim()), delay_minutes(before.trim())) {
        (Some(hold), Some(before)) if hold > 0 => Ok(SeatOfferRules {
            hold: Duration::minutes(i64::from(hold)),
            before_start: Duration::minutes(i64::from(before)),
        }),
        _ => Err(bad()),
    }
}

/// A delay such as `48h`, `90m` or `2d`, in minutes, at most 14 days.
fn delay_minutes(item: &str) -> Option<u32> {
    let (number, unit) = item.split_at(item.len().saturating_sub(1));
    let factor = match unit {
        "m" => 1,
        "h" => 60,
        "d" => 24 * 60,
        _ => return None,
    };
    let n = number.parse::<u32>().ok()?;
    (n * factor <= 14 * 24 * 60).then_some(n * factor)
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            jitsi_url: "https://meet.jit.si".into(),
            reminders: vec![48 * 60, 2 * 60],
            seat_offers: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_from_configuration() {
        let s = Settings::parse("https://meet.example.org/", "2h, 48h,90m").unwrap();
        assert_eq!(s.jitsi_url, "https://meet.example.org");
        assert_eq!(s.reminders, [2880, 120, 90]);
        assert!(
            Settings::parse("https://meet.jit.si", "none")
                .unwrap()
                .reminders
                .is_empty()
        );
        assert!(Settings::parse("meet.jit.si", "48h").unwrap_err().contains("Jitsi"));
        assert!(
            Settings::parse("https://meet.jit.si", "48 hours")
                .unwrap_err()
                .contains("48 hours")
        );
        assert!(Settings::parse("https://meet.jit.si", "0h").is_err());
        assert!(Settings::parse("https://meet.jit.si", "15d").is_err());
    }

    #[test]
    fn seat_offers_are_read_from_configuration() {
        let rules = parse_seat_offers("12h, 90m").unwrap();
        assert_eq!(rules.hold, Duration::hours(12));
        assert_eq!(rules.before_start, Duration::minutes(90));
        assert_eq!(parse_seat_offers("24h,2h").unwrap(), SeatOfferRules::default());
        assert_eq!(parse_seat_offers("1d,0h").unwrap().before_start, Duration::zero());
        for bad in ["24h", "0h,2h", "24 hours,2h", "15d,1h", ""] {
            assert!(parse_seat_offers(bad).unwrap_err().contains("24h,2h"), "{bad}");
        }
    }
}
