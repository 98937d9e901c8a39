//! The limits of `sportello serve`'s HTTP server: timeouts and caps on
//! connections, requests in flight and renders, from flags, `SPORTELLO_…`
//! variables or the TOML file, else the web crate's defaults
//! (`sportello_web::ServerLimits`). `sportello demo` keeps the defaults.

use std::time::Duration;

use clap::Args;
use sportello_web::ServerLimits;

/// The largest count or number of seconds accepted: beyond it is a typo.
const MOST: u64 = 1_000_000;

/// The same settings as keys of the TOML file (read with the others in
/// `config`).
#[derive(Debug, Default, Clone, Copy)]
pub struct FileLimits {
    pub max_connections: Option<u64>,
    pub max_in_flight: Option<u64>,
    pub max_renders: Option<u64>,
    pub max_hashing: Option<u64>,
    pub header_timeout: Option<u64>,
    pub body_timeout: Option<u64>,
    pub request_timeout: Option<u64>,
}

#[derive(Args, Default)]
pub struct LimitArgs {
    /// Most connections open at once; more wait to be accepted [default: 1024]
    #[arg(long, env = "SPORTELLO_MAX_CONNECTIONS", value_name = "N")]
    max_connections: Option<String>,
    /// Most requests handled at once; more are answered at once with 503
    /// and Retry-After, never queued [default: 256]
    #[arg(long, env = "SPORTELLO_MAX_IN_FLIGHT", value_name = "N")]
    max_in_flight: Option<String>,
    /// Most posters, boards, report PDFs and PNG cards rendered at once;
    /// more are answered 503 with Retry-After (0: none) [default: the
    /// number of cores]
    #[arg(long, env = "SPORTELLO_MAX_RENDERS", value_name = "N")]
    max_renders: Option<String>,
    /// Most passwords checked or hashed (Argon2, about 19 MiB each) at
    /// once; more sign-in attempts are answered 503 with Retry-After
    /// [default: the number of cores]
    #[arg(long, env = "SPORTELLO_MAX_HASHING", value_name = "N")]
    max_hashing: Option<String>,
    /// Seconds a client has to send a request's headers, which is also how
    /// long an idle keep-alive connection stays open [default: 10]
    #[arg(long, env = "SPORTELLO_HEADER_TIMEOUT", value_name = "SECONDS")]
    header_timeout: Option<String>,
    /// Seconds a client has to send a request's body; 408 after [default: 30]
    #[arg(long, env = "SPORTELLO_BODY_TIMEOUT", value_name = "SECONDS")]
    body_timeout: Option<String>,
    /// Seconds a request may take to be answered; 503 after [default: 60]
    #[arg(long, env = "SPORTELLO_REQUEST_TIMEOUT", value_name = "SECONDS")]
    request_timeout: Option<String>,
}

impl LimitArgs {
    /// The flags or variables, else the file's keys, else the defaults.
    pub fn resolve(self, file: FileLimits) -> Result<ServerLimits, String> {
        let default = ServerLimits::default();
        let count = |given, from_file, flag, least, default: usize| -> Result<usize, String> {
            Ok(number(given, from_file, flag, least)?.map_or(default, |n| n as usize))
        };
        let seconds = |given, from_file, flag, default: Duration| -> Result<Duration, String> {
            Ok(number(given, from_file, flag, 1)?.map_or(default, Duration::from_secs))
        };
        Ok(ServerLimits {
            max_connections: count(
                self.max_connections,
                file.max_connections,
                "--max-connections",
                1,
                default.max_connections,
            )?,
            max_in_flight: count(
                self.max_in_flight,
                file.max_in_flight,
                "--max-in-flight",
                1,
                default.max_in_flight,
            )?,
            max_renders: count(
                self.max_renders,
                file.max_renders,
                "--max-renders",
                0,
                default.max_renders,
            )?,
            max_hashing: count(
                self.max_hashing,
                file.max_hashing,
                "--max-hashing",
                1,
                default.max_hashing,
            )?,
            header_timeout: seconds(
                self.header_timeout,
                file.header_timeout,
                "--header-timeout",
                default.header_timeout,
            )?,
            body_timeout: seconds(
                self.body_timeout,
                file.body_timeout,
                "--body-timeout",
                default.body_timeout,
            )?,
            request_timeout: seconds(
                self.request_timeout,
                file.request_timeout,
                "--request-timeout",
                default.request_timeout,
            )?,
        })
    }
}

/// `given` (a flag or variable), else `from_file`, checked to be a whole
/// number from `least` to [`MOST`]; the error names `flag`.
fn number(given: Option<String>, from_file: Option<u64>, flag: &str, least: u64) -> Result<Option<u64>, String> {
    let Some(text) = given.or_else(|| from_file.map(|n| n.to_string())) else {
        return Ok(None);
    };
    match text.trim().parse::<u64>() {
        Ok(n) if (least..=MOST).contains(&n) => Ok(Some(n)),
        _ => Err(format!(
            "not a valid value for {flag}: {text:?} (a whole number from {least} to {MOST})"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_file_and_the_file_over_the_defaults() {
        let none = LimitArgs::default().resolve(FileLimits::default()).unwrap();
        assert_eq!(none, ServerLimits::default());
        let file = FileLimits {
            max_in_flight: Some(64),
            request_timeout: Some(120),
            max_renders: Some(0),
            ..FileLimits::default()
        };
        let limits = LimitArgs {
            max_in_flight: Some("32".into()),
            header_timeout: Some("5".into()),
            ..LimitArgs::default()
        }
        .resolve(file)
        .unwrap();
        assert_eq!(limits.max_in_flight, 32, "the flag wins");
        assert_eq!(limits.request_timeout, Duration::from_secs(120), "then the file");
        assert_eq!(limits.max_renders, 0, "no renders on this node");
        assert_eq!(limits.header_timeout, Duration::from_secs(5));
        assert_eq!(limits.body_timeout, Duration::from_secs(30), "then the default");
        assert_eq!(limits.max_connections, 1024);
    }

    #[test]
    fn bad_values_name_their_flag() {
        let bad = |args: LimitArgs| args.resolve(FileLimits::default()).unwrap_err();
        let error = bad(LimitArgs {
            max_in_flight: Some("0".into()),
            ..LimitArgs::default()
        });
        assert!(error.contains("--max-in-flight") && error.contains("\"0\""), "{error}");
        let error = bad(LimitArgs {
            request_timeout: Some("1m".into()),
            ..LimitArgs::default()
        });
        assert!(error.contains("--request-timeout"), "{error}");
        let error = bad(LimitArgs {
            max_connections: Some("99999999999".into()),
            ..LimitArgs::default()
        });
        assert!(error.contains("--max-connections"), "{error}");
    }
}
