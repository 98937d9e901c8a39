//! An optional machine-translation provider: any server speaking the
//! LibreTranslate API (`POST /translate` with `q`, `source`, `target`,
//! `format`, optional `api_key`; answers `translatedText`). Configured by
//! URL, off by default. It only ever fills drafts: a machine text is never
//! public until an operator reviews it.

use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde::Deserialize;
use sportello_domain::Lang;

/// How long one call may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Why a translation did not come back.
#[derive(Debug, thiserror::Error)]
pub enum TranslateError {
    #[error("the translation server's address is not usable: {0}")]
    BadUrl(String),
    #[error("the translation server did not answer: {0}")]
    Unreachable(String),
    #[error("the translation server answered {status}: {body}")]
    Refused { status: u16, body: String },
    #[error("the translation server's answer is not usable: {0}")]
    BadAnswer(String),
}

/// A LibreTranslate-compatible server. Plain `http://` only: run it on the
/// internal network or behind a local TLS proxy.
pub struct Translator {
    endpoint: hyper::Uri,
    api_key: Option<String>,
    client: Client<HttpConnector, Full<Bytes>>,
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Translated {
    Many(Vec<String>),
    One(String),
}

#[derive(Deserialize)]
struct Answer {
    #[serde(rename = "translatedText")]
    translated: Translated,
}

impl Translator {
    /// A translator for the server at `base` (e.g. `http://127.0.0.1:5000`).
    pub fn new(base: &str, api_key: Option<String>) -> Result<Translator, TranslateError> {
        let base = base.trim().trim_end_matches('/');
        if !base.starts_with("http://") {
            return Err(TranslateError::BadUrl(format!("{base} (use http://HOST:PORT)")));
        }
        let endpoint: hyper::Uri = format!("{base}/translate")
            .parse()
            .map_err(|e| TranslateError::BadUrl(format!("{base}: {e}")))?;
        Ok(Translator {
            endpoint,
            api_key,
            client: Client::builder(TokioExecutor::new()).build_http(),
        })
    }

    /// Translates `texts` from `source` to `target`, in order. Empty texts
    /// stay empty without a call.
    pub async fn translate(&self, texts: &[String], source: Lang, target: Lang) -> Result<Vec<String>, TranslateError> {
        if texts.iter().all(|t| t.trim().is_empty()) {
            return Ok(texts.to_vec());
        }
        let mut body = serde_json::json!({
            "q": texts,
            "source": source.code(),
            "target": target.code(),
            "format": "text",
        });
        if let Some(key) = &self.api_key {
            body["api_key"] = key.clone().into();
        }
        let request = hyper::Request::post(self.endpoint.clone())
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .header(hyper::header::ACCEPT, "application/json")
            .body(Full::new(Bytes::from(body.to_string())))
            .map_err(|e| TranslateError::BadUrl(e.to_string()))?;
        let call = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|e| TranslateError::Unreachable(e.to_string()))?;
            let status = response.status();
            let bytes = response
                .into_body()
                .collect()
                .await
                .map_err(|e| TranslateError::Unreachable(e.to_string()))?
                .to_bytes();
            Ok::<_, TranslateError>((status, bytes))
        };
        let (status, bytes) = tokio::time::timeout(TIMEOUT, call)
            .await
            .map_err(|_| TranslateError::Unreachable(format!("no answer within {} s", TIMEOUT.as_secs())))??;
        if !status.is_success() {
            let body = String::from_utf8_lossy(&bytes).chars().take(300).collect();
            return Err(TranslateError::Refused {
                status: status.as_u16(),
                body,
            });
        }
        let answer: Answer = serde_json::from_slice(&bytes).map_err(|e| TranslateError::BadAnswer(e.to_string()))?;
        let translated = match answer.translated {
            Translated::Many(list) => list,
            Translated::One(one) => vec![one],
        };
        if translated.len() != texts.len() {
            return Err(TranslateError::BadAnswer(format!(
                "{} texts sent, {} came back",
                texts.len(),
                translated.len()
            )));
        }
        Ok(translated)
    }
}
