//! Machine-readable descriptions of public pages: schema.org JSON-LD for an
//! offer (`JobPosting`), a centre (`GovernmentOffice`), an outreach point
//! (`GovernmentOffice` with its stops as `Place`s), the sessions of a group
//! meeting (`Event`), and the Open Graph
//! and Twitter card tags of an offer's page. Pure builders: the pages pass
//! what they show, nothing here reads storage.

pub mod event;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod government_office;
pub mod job_posting;
pub mod outreach;
pub mod social;

/// Serialises JSON-LD for a `<script type="application/ld+json">` element:
/// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so that `</script>`
/// or `<!--` can never appear literally, whatever an operator typed.
pub fn script_json(value: &serde_json::Value) -> String {
    let json = serde_json::to_string(value).expect("a JSON value always serialises");
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_never_closes_the_script() {
        let v = serde_json::json!({ "d": "</script><script>alert(1)</script> & <!-- \u{2028}" });
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'), "{s}");
        assert!(!s.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
