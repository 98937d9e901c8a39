//! What the appointments and group meetings need from the configuration:
//! the video-meeting server, the reminders' delays and how long a freed
//! seat of a group meeting is held for the first in line.

/// What the appointments need from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Base address of the Jitsi Meet server, without a trailing slash.
    pub jitsi_url: String,
    /// Reminders, in minutes before the start (e.g. 2880 and 120).
    pub reminders: Vec<u32>,
    /// How long a seat offered from a waiting list is held.
    pub seat_offers: sportello_domain::SeatOfferRules,
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
                let (number, unit) = item.split_at(item.len().saturating_sub(1));
                let factor = match unit {
                    "m" => 1,
                    "h" => 60,
                    "d" => 24 * 60,
                    _ => 0,
                };
                match number.parse::<u32>() {
                    Ok(n) if factor > 0 && n > 0 && n * factor <= 14 * 24 * 60 => minutes.push(n * factor),
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
}
