//! The limiter's rules: how many requests a key may make in a window, the
//! sliding estimate over two fixed windows that decides, and how long a
//! refused client waits. Keys are of two kinds — the client's network
//! ([`ClientNet`]: an IPv4 address, or the /64 of an IPv6 one, since one
//! home or phone gets a whole /64) and the recipient of a message (a keyed
//! hash of the e-mail address or phone number, made by the application) —
//! and storage keeps one counter per key and window, written and read back
//! in one statement so that every node counts every request.

use std::net::{IpAddr, Ipv6Addr};

use chrono::{DateTime, Duration, Utc};

/// A named limit: at most `max` requests per key in any `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Names the counter in storage (with the key) and in the logs.
    pub name: &'static str,
    pub max: u32,
    pub window: Duration,
}

impl Limit {
    pub const fn new(name: &'static str, max: u32, window: Duration) -> Limit {
        Limit { name, max, window }
    }

    /// The fixed window `now` falls in: its start, as seconds since the epoch.
    pub fn window_start(&self, now: DateTime<Utc>) -> i64 {
        let width = self.window.num_seconds().max(1);
        now.timestamp().div_euclid(width) * width
    }

    /// Decides on a request, given the count of the current window (this
    /// request included) and of the one before: the count of the last full
    /// `window` is estimated by weighing the previous window by the part of
    /// it still inside. Refused requests count too, so a client that keeps
    /// sending stays refused.
    pub fn decide(&self, now: DateTime<Utc>, current: u32, previous: u32) -> Decision {
        let width = self.window.num_milliseconds().max(1) as f64;
        let start_ms = self.window_start(now) * 1000;
        let elapsed = (now.timestamp_millis() - start_ms).clamp(0, width as i64) as f64;
        let estimate = f64::from(previous) * (1.0 - elapsed / width) + f64::from(current);
        if estimate <= f64::from(self.max) {
            return Decision::Allowed;
        }
        Decision::Refused {
            retry_after: self.retry_after(elapsed / width, current, previous),
        }
    }

    /// How long until one more request would be allowed, if none came
    /// meanwhile (`at` is the part of the current window gone by).
    fn retry_after(&self, at: f64, current: u32, previous: u32) -> Duration {
        let width = self.window.num_milliseconds().max(1) as f64;
        let max = f64::from(self.max);
        let (current, previous) = (f64::from(current), f64::from(previous));
        // Within this window: previous × (1 − t) + current + 1 ≤ max.
        let wait = if current + 1.0 <= max && previous > 0.0 {
            let t = 1.0 - (max - current - 1.0) / previous;
            (t - at).max(0.0)
        } else {
            // In the next window, this one weighs: current × (1 − t) + 1 ≤ max.
            let t = if current > 0.0 {
                (1.0 - (max - 1.0) / current).max(0.0)
            } else {
                0.0
            };
            (1.0 - at) + t
        };
        let millis = (wait * width).ceil() as i64;
        // Whole seconds, at least one: what `Retry-After` says.
        Duration::seconds(((millis + 999) / 1000).max(1))
    }
}

/// What the limiter says about one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    Refused { retry_after: Duration },
}

/// The network a request comes from, as the limiter counts it: an IPv4
/// address, or the /64 prefix of an IPv6 address (IPv4-mapped IPv6
/// addresses count as IPv4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientNet(IpAddr);

impl ClientNet {
    pub fn of(address: IpAddr) -> ClientNet {
        match address {
            IpAddr::V4(v4) => ClientNet(IpAddr::V4(v4)),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => ClientNet(IpAddr::V4(v4)),
                None => {
                    let segments = v6.segments();
                    let prefix = Ipv6Addr::new(segments[0], segments[1], segments[2], segments[3], 0, 0, 0, 0);
                    ClientNet(IpAddr::V6(prefix))
                }
            },
        }
    }

    /// The network of an address as text (from the connection or from
    /// `X-Forwarded-For`); text that is no address is its own key, cut short.
    pub fn key(address: &str) -> String {
        match address.trim().parse::<IpAddr>() {
            Ok(ip) => ClientNet::of(ip).to_string(),
            Err(_) => address.trim().chars().take(64).collect(),
        }
    }
}

impl std::fmt::Display for ClientNet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            IpAddr::V4(v4) => write!(f, "{v4}"),
            IpAddr::V6(v6) => write!(f, "{v6}/64"),
        }
    }
}

/// The defaults, sized so that a shared address (a hostel's desk, a
/// library, a carrier's NAT) is not refused in normal use.
pub mod defaults {
    use super::Limit;
    use chrono::Duration;

    /// Bookings, moves and cancellations from one network.
    pub const APPOINTMENTS_PER_NET: Limit = Limit::new("appointments-net", 60, Duration::hours(1));
    /// Moves of one booking (each one mails its person).
    pub const MOVES_PER_BOOKING: Limit = Limit::new("booking-moves", 3, Duration::days(1));
    /// Messages about appointments to one recipient.
    pub const APPOINTMENT_MAILS_PER_RECIPIENT: Limit = Limit::new("appointments-recipient", 10, Duration::days(1));
    /// Registrations to group meetings, cancellations and confirmations
    /// from one network.
    pub const EVENTS_PER_NET: Limit = Limit::new("events-net", 60, Duration::hours(1));
    /// Messages about registrations to one recipient.
    pub const EVENT_MAILS_PER_RECIPIENT: Limit = Limit::new("events-recipient", 10, Duration::days(1));
    /// Newsletter subscription requests from one network.
    pub const NEWSLETTER_PER_NET: Limit = Limit::new("newsletter-net", 20, Duration::hours(1));
    /// Newsletter confirmation mails to one recipient.
    pub const NEWSLETTER_MAILS_PER_RECIPIENT: Limit = Limit::new("newsletter-recipient", 4, Duration::hours(6));
    /// Employers' requests from one network.
    pub const EMPLOYER_REQUESTS_PER_NET: Limit = Limit::new("employer-requests-net", 20, Duration::hours(1));
    /// Sign-in attempts on one account since its last success (password
    /// and second factor alike).
    pub const SIGN_IN_PER_ACCOUNT: Limit = Limit::new("sign-in-account", 10, Duration::minutes(15));
    /// Sign-in attempts from one network.
    pub const SIGN_IN_PER_NET: Limit = Limit::new("sign-in-net", 100, Duration::minutes(15));
    /// Text messages caused by requests from one network (a hostel's desk
    /// books for many people; a script pumping texts is stopped).
    pub const SMS_PER_NET: Limit = Limit::new("sms-net", 20, Duration::hours(1));
    /// Citizen accounts' forms from one network: sign-ups, one-time
    /// sign-in links and codes, new passwords, codes typed.
    pub const ACCOUNTS_PER_NET: Limit = Limit::new("accounts-net", 60, Duration::hours(1));
    /// Links and codes of citizen accounts to one e-mail address or number.
    pub const ACCOUNT_MAILS_PER_RECIPIENT: Limit = Limit::new("accounts-recipient", 5, Duration::hours(6));
    /// Text messages caused by requests for one number.
    pub const SMS_PER_NUMBER: Limit = Limit::new("sms-number", 6, Duration::days(1));
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(seconds, 0).unwrap()
    }

    const HOURLY: Limit = Limit::new("test", 60, Duration::hours(1));

    #[test]
    fn allows_up_to_the_maximum_in_one_window() {
        let now = at(3600 * 10 + 100);
        assert_eq!(HOURLY.decide(now, 60, 0), Decision::Allowed);
        assert!(matches!(HOURLY.decide(now, 61, 0), Decision::Refused { .. }));
    }

    #[test]
    fn the_previous_window_weighs_by_the_part_still_inside() {
        // A quarter into the window: 3/4 of the previous 60 still count.
        let now = at(3600 * 10 + 900);
        assert_eq!(HOURLY.decide(now, 15, 60), Decision::Allowed);
        assert!(matches!(HOURLY.decide(now, 16, 60), Decision::Refused { .. }));
        // A window boundary does not reset a burst.
        let just_after = at(3600 * 11 + 1);
        assert!(matches!(HOURLY.decide(just_after, 1, 61), Decision::Refused { .. }));
    }

    #[test]
    fn retry_after_is_when_one_more_request_fits() {
        let limit = Limit::new("test", 4, Duration::seconds(100));
        // 5 requests in this window, 10 s into it: wait for this window to
        // end and then until 5 × (1 − t) + 1 ≤ 4, t = 0.4 → 90 + 40 s.
        let now = at(1_000_010);
        let Decision::Refused { retry_after } = limit.decide(now, 5, 0) else {
            panic!()
        };
        assert_eq!(retry_after, Duration::seconds(130));
        // After that wait the estimate allows one more.
        let later = now + retry_after;
        assert_eq!(limit.decide(later, 1, 5), Decision::Allowed);
        // Refused by the previous window only: 6 × (1 − t) + 1 + 1 ≤ 4 → t = 2/3.
        let now = at(1_000_010);
        let Decision::Refused { retry_after } = limit.decide(now, 1, 6) else {
            panic!()
        };
        assert_eq!(retry_after, Duration::seconds(57));
        assert_eq!(limit.decide(now + retry_after, 2, 6), Decision::Allowed);
    }

    #[test]
    fn retry_after_is_at_least_a_second() {
        let limit = Limit::new("test", 1, Duration::seconds(10));
        let Decision::Refused { retry_after } = limit.decide(at(1_000_009), 2, 0) else {
            panic!()
        };
        assert!(retry_after >= Duration::seconds(1));
    }

    #[test]
    fn ipv6_counts_per_64_and_mapped_ipv4_as_ipv4() {
        assert_eq!(ClientNet::key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(ClientNet::key("2001:db8:1:2:ffff::9"), "2001:db8:1:2::/64");
        assert_ne!(ClientNet::key("2001:db8:1:3::1"), ClientNet::key("2001:db8:1:2::1"));
        assert_eq!(ClientNet::key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(ClientNet::key(" 192.0.2.7 "), "192.0.2.7");
        assert_eq!(ClientNet::key("unknown"), "unknown");
        assert_eq!(ClientNet::key(&"x".repeat(500)).len(), 64);
    }
}
