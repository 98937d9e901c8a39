//! `--metrics-addr`: where a node serves its Prometheus metrics, on a
//! listener of its own. Off unless given.

use std::net::SocketAddr;

use clap::Args;

#[derive(Args, Default)]
pub struct MetricsArgs {
    /// Serve Prometheus metrics at http://HOST:PORT/metrics, on a listener
    /// of its own: keep it on a private address (off when not given)
    #[arg(long, env = "SPORTELLO_METRICS_ADDR", value_name = "HOST:PORT")]
    metrics_addr: Option<String>,
}

impl MetricsArgs {
    /// The flag or variable, else the file's `metrics_addr` (`from_file`);
    /// `None`: off.
    pub fn resolve(self, from_file: Option<&str>) -> Result<Option<SocketAddr>, String> {
        let Some(value) = self.metrics_addr.or_else(|| from_file.map(str::to_string)) else {
            return Ok(None);
        };
        value.parse().map(Some).map_err(|_| {
            format!("not an address for the metrics: {value:?} (--metrics-addr HOST:PORT, e.g. 127.0.0.1:9464)")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_unless_given_and_checked() {
        assert_eq!(MetricsArgs::default().resolve(None), Ok(None));
        let given = MetricsArgs {
            metrics_addr: Some("127.0.0.1:9464".into()),
        };
        assert_eq!(
            given.resolve(Some("10.0.0.5:9464")),
            Ok(Some("127.0.0.1:9464".parse().unwrap())),
            "the flag wins over the file"
        );
        assert_eq!(
            MetricsArgs::default().resolve(Some("10.0.0.5:9464")),
            Ok(Some("10.0.0.5:9464".parse().unwrap()))
        );
        let bad = MetricsArgs {
            metrics_addr: Some("localhost".into()),
        };
        assert!(bad.resolve(None).unwrap_err().contains("--metrics-addr"));
    }
}
