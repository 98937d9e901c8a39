//! Every message used exists in every language, and formats.

use super::*;

/// The first string literal in `text`.
fn first_literal(text: &str) -> Option<&str> {
    let start = text.find(['"', '\''])?;
    let quote = &text[start..start + 1];
    let rest = &text[start + 1..];
    rest.find(quote).map(|end| &rest[..end])
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Ids used by templates (`t("id"…)`), by code (`msg(lang, "id")`,
/// `msg_args(lang, "id", …)`) and by the functions that map domain values
/// to ids (`=> "section-…"` match arms).
fn used_ids() -> Vec<(String, String)> {
    let mut used = Vec::new();
    for (name, source) in crate::templates::TEMPLATES {
        for (i, _) in source.match_indices("t(") {
            let before = source[..i].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let args = source[i + 2..].trim_start();
            if !args.starts_with(['"', '\'']) {
                continue;
            }
            if let Some(id) = first_literal(args).filter(|id| is_id(id)) {
                used.push((name.to_string(), id.to_string()));
            }
        }
    }
    // The code of this crate and of the web layer's handlers.
    let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![crates.join("app/src"), crates.join("web/src")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.to_string_lossy().ends_with("tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let source = source.split("#[cfg(test)]").next().unwrap_or_default();
        for call in ["msg(", "msg_args("] {
            for (i, _) in source.match_indices(call) {
                if source[..i].ends_with("fn ")
                    || source[..i]
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    continue;
                }
                let args = &source[i + call.len()..];
                let after_lang = args[args.find(',').map_or(0, |c| c + 1)..].trim_start();
                if !after_lang.starts_with('"') {
                    continue;
                }
                if let Some(id) = first_literal(after_lang).filter(|id| is_id(id)) {
                    used.push((path.display().to_string(), id.to_string()));
                }
            }
        }
        for (i, _) in source.match_indices("=> \"") {
            if let Some(id) = first_literal(&source[i + 3..]).filter(|id| is_id(id) && id.contains('-')) {
                used.push((path.display().to_string(), id.to_string()));
            }
        }
    }
    // The labels of the offer's fields, listed once in the domain.
    for field in sportello_domain::OFFER_FIELDS {
        used.push(("sportello_domain::OFFER_FIELDS".to_string(), field.label.to_string()));
    }
    used
}

#[test]
fn every_message_used_exists_in_all_four_languages() {
    let used = used_ids();
    assert!(used.len() > 100, "the scan finds the ids in use ({} found)", used.len());
    for (place, id) in &used {
        for lang in Lang::ALL {
            assert!(has_message(lang, id), "{place} uses `{id}`, missing in locales/{lang}/");
        }
    }
}

#[test]
fn the_four_files_define_the_same_messages() {
    let italian = message_ids(Lang::It);
    for lang in Lang::ALL {
        assert_eq!(
            message_ids(lang),
            italian,
            "locales/{lang}/ has the ids of the Italian files, in order"
        );
    }
}

#[test]
fn every_message_formats_without_errors() {
    let sample = args(&[
        ("count", 2.into()),
        ("shown", 30.into()),
        ("months", 3.into()),
        ("hours", 40.into()),
        ("number", 1.into()),
        ("max", 200.into()),
        ("min", "1200".into()),
        ("day", "01".into()),
        ("month", "12".into()),
        ("year", "2026".into()),
        ("reference", "LE-0427".into()),
        ("centre", "Centro per l'Impiego di Lecce".into()),
        ("name", "section".into()),
        ("value", "vip".into()),
        ("days", 3.into()),
        ("seconds", 8.into()),
        ("email", "anna@example.org".into()),
        ("language", "en".into()),
        ("status", "draft".into()),
        ("employees", 60.into()),
        ("label", "Title".into()),
        ("weekday", "Tuesday".into()),
        ("date", "01/12/2026".into()),
        ("time", "09:30".into()),
        ("service", "Guidance interview".into()),
        ("when", "Tuesday 01/12/2026, 09:30".into()),
        ("country", "Italia".into()),
        ("section", "EURES".into()),
        ("title", "Job offers: Lecce".into()),
        ("place", "Gallipoli (LE)".into()),
        ("contract", "Fixed-term".into()),
        ("link", "https://lavoro.example.test/o/LE-0427".into()),
        ("shown", 100.into()),
        ("total", 140.into()),
        ("subject", "Job day".into()),
        ("message", "Bring your CV.".into()),
        ("url", "https://lavoro.example.it/en/search".into()),
        ("phone", "0541.446209".into()),
        ("opens", "08:30".into()),
        ("closes", "11:30".into()),
        ("area", "Ambito di Lecce".into()),
        ("week", "2026-W48".into()),
        ("from", "23/11/2026".into()),
        ("to", "29/11/2026".into()),
        ("change", "+12".into()),
        ("minutes", 5.into()),
        ("user", "Anna Rossi (anna@cpi.example)".into()),
        ("proposer", "Luca Bianchi (luca@cpi.example)".into()),
        ("size", 64.into()),
        ("parts", 2.into()),
        ("encoding", "GSM-7".into()),
        ("day", "01/12".into()),
        ("contacts", "amina@example.org, +393331234567".into()),
        ("position", 3.into()),
        ("deadline", "Tuesday 15/12/2026, 07:00".into()),
        ("town", "Veglie".into()),
        ("dates", "martedì 26/08/2027".into()),
        ("weeks", 8.into()),
        ("taken", 3.into()),
        ("seats", 20.into()),
        ("waiting", 1.into()),
        ("n", 24.into()),
        ("duration", "24 hours".into()),
        ("code", "123456".into()),
        ("version", "2026-12-08".into()),
        ("km", 30.into()),
    ]);
    for lang in Lang::ALL {
        for id in message_ids(lang) {
            let bundle = &BUNDLES[lang.index()];
            let pattern = bundle.get_message(&id).and_then(|m| m.value()).expect("has a value");
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&sample), &mut errors);
            assert!(errors.is_empty(), "{lang}/{id}: {errors:?}");
            assert!(!text.trim().is_empty(), "{lang}/{id} is empty");
        }
    }
}

#[test]
fn a_missing_message_never_shows_its_id() {
    assert_eq!(msg(Lang::De, "no-such-message-anywhere"), "");
    assert_eq!(
        msg(Lang::Fr, "home-title"),
        "Offres d'emploi des centres publics pour l'emploi"
    );
}
