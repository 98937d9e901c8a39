//! The site's public base address (`--public-url`): the only source of
//! absolute links (canonical and `hreflang` links, QR codes, e-mails,
//! feeds), never the request's `Host` header.

/// The configured public base address, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// Parses an `http://` or `https://` address, without a trailing slash.
    pub fn parse(url: &str) -> Result<PublicUrl, String> {
        let url = url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| format!("the public URL must start with http:// or https://: {url:?}"))?;
        if rest.is_empty() || rest.contains(['?', '#', ' ']) {
            return Err(format!("not a usable public URL: {url:?}"));
        }
        Ok(PublicUrl(url.to_string()))
    }

    /// The absolute address of `path` (which starts with `/`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host name alone (no scheme, port or path), e.g. for the
    /// unique ids of calendar events.
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("://").map_or(self.0.as_str(), |(_, rest)| rest);
        rest.split(['/', ':'])
            .next()
            .filter(|h| !h.is_empty())
            .unwrap_or("sportello")
    }

    /// Whether cookies must be `Secure` (the public address is HTTPS).
    pub fn is_https(&self) -> bool {
        self.0.starts_with("https://")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_url_is_checked_and_joined() {
        let url = PublicUrl::parse("https://lavoro.example.it/").unwrap();
        assert_eq!(url.join("/o/LE-0427"), "https://lavoro.example.it/o/LE-0427");
        assert!(url.is_https());
        assert!(!PublicUrl::parse("http://localhost:8080").unwrap().is_https());
        assert!(PublicUrl::parse("lavoro.example.it").is_err());
        assert!(PublicUrl::parse("http://").is_err());
        assert!(PublicUrl::parse("ftp://x").is_err());
        assert_eq!(url.host(), "lavoro.example.it");
        assert_eq!(PublicUrl::parse("http://localhost:8080/x").unwrap().host(), "localhost");
    }
}
