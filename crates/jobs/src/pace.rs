//! The sending rate of the outbox worker (`--mail-rate N`, messages per
//! minute, per node): bulk messages start evenly spaced, `60 s / N` apart,
//! across batches, so a newsletter to thousands of subscribers goes out at
//! the pace the mail provider allows instead of all at once. A claim takes
//! no more messages than start within a horizon at that pace (see
//! `outbox::URGENT_WAIT`), so paced messages are not left waiting under a
//! lease that runs out, nor hold up other mail for long.

use std::num::NonZeroU32;
use std::time::Duration;

use tokio::time::Instant;

/// When each next message of one worker may start.
#[derive(Debug, Clone)]
pub struct Pace {
    /// Time between two message starts; `None`: as fast as possible.
    gap: Option<Duration>,
    /// The earliest start of the next message.
    next: Option<Instant>,
}

impl Pace {
    /// No limit: every message starts as soon as the one before ended.
    pub fn unlimited() -> Pace {
        Pace { gap: None, next: None }
    }

    /// At most `per_minute` messages a minute.
    pub fn per_minute(per_minute: NonZeroU32) -> Pace {
        Pace {
            gap: Some(Duration::from_secs(60) / per_minute.get()),
            next: None,
        }
    }

    /// The time between two message starts, if limited.
    pub fn gap(&self) -> Option<Duration> {
        self.gap
    }

    /// When the next message may start, it being `now`; the slot is taken,
    /// so the message after that starts one gap later.
    pub fn reserve(&mut self, now: Instant) -> Instant {
        let Some(gap) = self.gap else {
            return now;
        };
        let at = match self.next {
            Some(next) if next > now => next,
            _ => now,
        };
        self.next = Some(at + gap);
        at
    }

    /// How many messages one claim should take: at most `batch`, no more
    /// than start within `horizon` at this pace, and at least one.
    pub fn claim_size(&self, batch: u32, horizon: Duration) -> u32 {
        match self.gap {
            None => batch,
            Some(gap) => {
                let fit = horizon.as_nanos() / gap.as_nanos().max(1);
                u32::try_from(fit).unwrap_or(u32::MAX).clamp(1, batch)
            }
        }
    }
}

/// Parses `--mail-rate`: a whole number of messages per minute, at least 1.
pub fn parse_rate(text: &str) -> Result<NonZeroU32, String> {
    text.trim()
        .parse::<NonZeroU32>()
        .map_err(|_| format!("not a sending rate: {text:?} (messages per minute, a whole number from 1)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(n: u32) -> Pace {
        Pace::per_minute(NonZeroU32::new(n).unwrap())
    }

    #[test]
    fn unlimited_never_waits() {
        let mut pace = Pace::unlimited();
        let t = Instant::now();
        assert_eq!(pace.reserve(t), t);
        assert_eq!(pace.reserve(t), t);
        assert_eq!(pace.claim_size(10, Duration::from_secs(30)), 10);
    }

    #[test]
    fn messages_start_evenly_spaced() {
        let mut pace = rate(120);
        assert_eq!(pace.gap(), Some(Duration::from_millis(500)));
        let t = Instant::now();
        let starts: Vec<Duration> = (0..4).map(|_| pace.reserve(t) - t).collect();
        assert_eq!(
            starts,
            [0, 500, 1000, 1500].map(Duration::from_millis),
            "four messages asked at once go out half a second apart"
        );
        // Asked later than its slot: it starts at once, and the next one a gap after.
        let late = t + Duration::from_secs(10);
        assert_eq!(pace.reserve(late), late);
        assert_eq!(pace.reserve(late), late + Duration::from_millis(500));
        // Asked between two slots: it waits for its slot.
        let between = late + Duration::from_millis(700);
        assert_eq!(pace.reserve(between), late + Duration::from_millis(1000));
    }

    #[test]
    fn a_claim_takes_what_starts_within_its_horizon() {
        let horizon = Duration::from_secs(30);
        assert_eq!(rate(600).claim_size(10, horizon), 10);
        assert_eq!(
            rate(10).claim_size(10, horizon),
            5,
            "one every 6 s: 5 start within 30 s"
        );
        assert_eq!(rate(1).claim_size(10, horizon), 1, "never none");
    }

    #[test]
    fn the_rate_is_a_positive_whole_number() {
        assert_eq!(parse_rate(" 300 ").unwrap().get(), 300);
        for bad in ["0", "-5", "fast", "1.5", ""] {
            assert!(parse_rate(bad).is_err(), "{bad:?}");
        }
    }
}
