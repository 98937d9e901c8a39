//! How the SMS outbox sends: Kannel's `sendsms` HTTP interface (Kannel
//! reaches any provider over SMPP; see `docs/operations.md`), or `record`,
//! which never sends (the demo). Kannel answers 202 when it took a message
//! ("0: Accepted for delivery", or "3: Queued for later delivery" while its
//! link to the SMS centre is down), 4xx when it never will (a wrong
//! password, a refused number), 5xx when it cannot now. Each message asks
//! for delivery reports at the callback address, with the message's token.
//! The gateway is reached over plain HTTP: run Kannel on the node's machine
//! or a private network. Neither `Debug` nor `Display` shows the password.

use std::time::Duration;

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::transport::SendError;

/// How long Kannel may take to answer one `sendsms` request.
pub const SENDSMS_TIMEOUT: Duration = Duration::from_secs(30);

/// Kannel's delivery report mask: delivered, undelivered, buffered, submitted
/// to and rejected by the SMS centre (1 + 2 + 4 + 8 + 16).
pub const DLR_MASK: u8 = 31;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SmsConfigError {
    #[error(
        "not an SMS gateway: {0:?} (use record, or Kannel's sendsms address, e.g. \
         http://127.0.0.1:13013/cgi-bin/sendsms)"
    )]
    BadUrl(String),
    #[error("the SMS gateway needs a user and a password (--sms-user, --sms-password)")]
    NoCredentials,
    #[error("not a sender id: {0:?} (up to 11 letters, digits and spaces, or a phone number in international form)")]
    BadSender(String),
    #[error("not a callback address for delivery reports: {0:?} (use http:// or https://HOST[/PATH])")]
    BadCallback(String),
}

/// Kannel's `sendsms` interface and what each request carries.
#[derive(Clone)]
pub struct Kannel {
    url: hyper::Uri,
    user: String,
    password: String,
    /// The sender id shown on phones.
    from: String,
    /// Where Kannel sends delivery reports: this address with `/sms/dlr`.
    callback: String,
    client: Client<HttpConnector, Empty<Bytes>>,
}

/// Where the SMS outbox's messages go.
#[derive(Clone)]
pub enum SmsTransport {
    Kannel(Box<Kannel>),
    /// Nothing is sent: messages are marked recorded and stay in the database.
    Record,
}

impl SmsTransport {
    /// The transport for `url` (`record` or Kannel's `sendsms` address) with
    /// its user, password, sender id and the callback base address.
    pub fn parse(
        url: &str,
        user: Option<&str>,
        password: Option<&str>,
        from: &str,
        callback: &str,
    ) -> Result<SmsTransport, SmsConfigError> {
        let url = url.trim();
        if url.eq_ignore_ascii_case("record") {
            return Ok(SmsTransport::Record);
        }
        let uri: hyper::Uri = url.parse().map_err(|_| SmsConfigError::BadUrl(url.into()))?;
        if uri.scheme_str() != Some("http") || uri.host().is_none() || uri.query().is_some() {
            return Err(SmsConfigError::BadUrl(url.into()));
        }
        let (Some(user), Some(password)) = (user.filter(|u| !u.is_empty()), password.filter(|p| !p.is_empty())) else {
            return Err(SmsConfigError::NoCredentials);
        };
        let from = from.trim();
        let alphanumeric =
            (1..=11).contains(&from.len()) && from.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ');
        let number = from
            .strip_prefix('+')
            .is_some_and(|d| (8..=15).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()));
        if !(alphanumeric || number) {
            return Err(SmsConfigError::BadSender(from.into()));
        }
        let callback = callback.trim().trim_end_matches('/');
        let callback_ok = callback
            .strip_prefix("https://")
            .or_else(|| callback.strip_prefix("http://"))
            .is_some_and(|rest| !rest.is_empty() && !rest.contains(['?', '#', ' ']));
        if !callback_ok {
            return Err(SmsConfigError::BadCallback(callback.into()));
        }
        let mut connector = HttpConnector::new();
        connector.set_connect_timeout(Some(Duration::from_secs(10)));
        Ok(SmsTransport::Kannel(Box::new(Kannel {
            url: uri,
            user: user.into(),
            password: password.into(),
            from: from.into(),
            callback: callback.into(),
            client: Client::builder(TokioExecutor::new()).build(connector),
        })))
    }
}

impl Kannel {
    /// The `sendsms` request for one message: `coding` is Kannel's (0 for
    /// GSM-7, 2 for UCS-2); the text goes as UTF-8 either way.
    pub fn request_uri(&self, to: &str, text: &str, coding: u8, token: &str) -> String {
        // Kannel fills in %d (the report's type) and %A (the SMS centre's
        // answer) when it calls back.
        let dlr_url = format!("{}/sms/dlr?token={token}&type=%d&detail=%A", self.callback);
        let query = serde_urlencoded::to_string([
            ("username", self.user.as_str()),
            ("password", self.password.as_str()),
            ("from", self.from.as_str()),
            ("to", to),
            ("text", text),
            ("charset", "UTF-8"),
            ("coding", &coding.to_string()),
            ("dlr-mask", &DLR_MASK.to_string()),
            ("dlr-url", &dlr_url),
        ])
        .expect("strings always encode");
        format!("{}?{query}", self.url)
    }

    /// Hands one message to Kannel.
    pub(crate) async fn send(&self, to: &str, text: &str, coding: u8, token: &str) -> Result<(), SendError> {
        let uri: hyper::Uri = self
            .request_uri(to, text, coding, token)
            .parse()
            .map_err(|e| SendError::Permanent(format!("cannot make the sendsms request: {e}")))?;
        let request = hyper::Request::get(uri)
            .body(Empty::new())
            .map_err(|e| SendError::Permanent(e.to_string()))?;
        let answer = tokio::time::timeout(SENDSMS_TIMEOUT, async {
            let response = self.client.request(request).await?;
            let status = response.status();
            let body = response.into_body().collect().await?.to_bytes();
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>((status, body))
        })
        .await;
        let (status, body) = match answer {
            Err(_) => return Err(SendError::Transient("the SMS gateway did not answer in time".into())),
            Ok(Err(e)) => return Err(SendError::Transient(format!("the SMS gateway cannot be reached: {e}"))),
            Ok(Ok(answer)) => answer,
        };
        let said = String::from_utf8_lossy(&body)
            .trim()
            .chars()
            .take(200)
            .collect::<String>();
        if status.is_success() {
            Ok(())
        } else if status.is_client_error() && status != hyper::StatusCode::TOO_MANY_REQUESTS {
            Err(SendError::Permanent(format!(
                "the SMS gateway refused the message ({status}): {said}"
            )))
        } else {
            Err(SendError::Transient(format!(
                "the SMS gateway failed ({status}): {said}"
            )))
        }
    }
}

impl std::fmt::Debug for SmsTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SmsTransport::Kannel(k) => write!(f, "SmsTransport::Kannel({}, user {}, from {})", k.url, k.user, k.from),
            SmsTransport::Record => f.write_str("SmsTransport::Record"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kannel() -> Kannel {
        match SmsTransport::parse(
            "http://127.0.0.1:13013/cgi-bin/sendsms",
            Some("sportello"),
            Some("s3cret&x"),
            "CPI Lecce",
            "https://lavoro.example.it/",
        ) {
            Err(e) => panic!("{e}"),
            Ok(SmsTransport::Record) => panic!("not Kannel"),
            Ok(SmsTransport::Kannel(k)) => *k,
        }
    }

    #[test]
    fn configuration_is_checked() {
        let parse = |url: &str, user: Option<&str>, from: &str, callback: &str| {
            SmsTransport::parse(url, user, Some("pw"), from, callback).map(|_| ())
        };
        let good = "http://127.0.0.1:13013/cgi-bin/sendsms";
        assert!(matches!(
            SmsTransport::parse("record", None, None, "", ""),
            Ok(SmsTransport::Record)
        ));
        assert_eq!(parse(good, Some("u"), "Sportello", "https://x.example"), Ok(()));
        assert_eq!(parse(good, Some("u"), "+393331234567", "http://10.0.0.2:8080"), Ok(()));
        assert!(matches!(
            parse("ftp://x/sendsms", Some("u"), "S", "https://x.example"),
            Err(SmsConfigError::BadUrl(_))
        ));
        assert!(matches!(
            parse("https://gw.example/cgi-bin/sendsms", Some("u"), "S", "https://x"),
            Err(SmsConfigError::BadUrl(_))
        ));
        assert_eq!(parse(good, None, "S", "https://x"), Err(SmsConfigError::NoCredentials));
        assert!(matches!(
            parse(good, Some("u"), "Centro per l'Impiego", "https://x"),
            Err(SmsConfigError::BadSender(_))
        ));
        assert!(matches!(
            parse(good, Some("u"), "S", "lavoro.example.it"),
            Err(SmsConfigError::BadCallback(_))
        ));
    }

    #[test]
    fn a_request_carries_the_text_coding_and_report_address() {
        let uri = kannel().request_uri("+393331234567", "Città: 10:30 & più", 2, "abc123");
        let query = uri.split_once('?').unwrap().1;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap();
        let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert!(uri.starts_with("http://127.0.0.1:13013/cgi-bin/sendsms?"));
        assert_eq!(get("password"), Some("s3cret&x"));
        assert_eq!(get("to"), Some("+393331234567"));
        assert_eq!(get("text"), Some("Città: 10:30 & più"));
        assert_eq!(get("coding"), Some("2"));
        assert_eq!(get("charset"), Some("UTF-8"));
        assert_eq!(get("dlr-mask"), Some("31"));
        assert_eq!(
            get("dlr-url"),
            Some("https://lavoro.example.it/sms/dlr?token=abc123&type=%d&detail=%A")
        );
    }

    #[test]
    fn the_password_is_never_shown() {
        let shown = format!("{:?}", SmsTransport::Kannel(Box::new(kannel())));
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("CPI Lecce"));
    }
}
