//! The demo's mailbox: `sportello demo` never sends e-mail or text messages,
//! so the messages it would have sent (booking confirmations, reminders…)
//! are shown here, with their links and attachments (and each text's
//! encoding and parts), to follow a booking from start to end. The
//! page exists only in the demo (`AppState::demo_mailbox`): elsewhere it is a
//! plain "not found", because the messages hold personal data.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use minijinja::context;
use serde::Serialize;
use sportello_domain::time::to_rome;

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use sportello_app::i18n::{args, msg, msg_args};

/// Messages shown, newest first.
const SHOWN: u32 = 50;

#[derive(Serialize)]
struct Attachment {
    name: String,
    href: String,
}

#[derive(Serialize)]
struct Message {
    id: i64,
    to: String,
    subject: String,
    kind: String,
    status: &'static str,
    at: String,
    text: String,
    links: Vec<String>,
    attachments: Vec<Attachment>,
}

/// A text message as the mailbox shows it.
#[derive(Serialize)]
struct Text {
    to: String,
    kind: String,
    status: &'static str,
    at: String,
    parts: String,
    delivery: Option<&'static str>,
    text: String,
    links: Vec<String>,
}

/// The addresses in a message's text, in order, without duplicates.
fn links(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let word = word
            .trim_start_matches(['(', '<'])
            .trim_end_matches(['.', ',', ';', ')', '>']);
        if (word.starts_with("https://") || word.starts_with("http://")) && !found.iter().any(|w| w == word) {
            found.push(word.to_string());
        }
    }
    found
}

/// `GET /{lang}/demo/mailbox`.
pub async fn mailbox(State(state): State<AppState>, Locale(lang): Locale) -> Result<Html<String>, AppError> {
    if !state.demo_mailbox {
        return Err(AppError::not_found().page(lang));
    }
    let messages: Vec<Message> = state
        .storage
        .recent_mail(SHOWN)
        .await
        .on_page(lang)?
        .into_iter()
        .map(|m| Message {
            id: m.id,
            to: match &m.mail.to_name {
                Some(name) => format!("{name} <{}>", m.mail.to.as_str()),
                None => m.mail.to.as_str().to_string(),
            },
            subject: m.mail.subject.clone(),
            kind: m.mail.kind.clone(),
            status: m.status.code(),
            at: to_rome(m.created_at).format("%d/%m/%Y %H:%M").to_string(),
            links: links(&m.mail.text),
            text: m.mail.text.clone(),
            attachments: m
                .mail
                .attachments
                .iter()
                .enumerate()
                .map(|(i, a)| Attachment {
                    name: a.filename.clone(),
                    href: format!("/{}/demo/mailbox/{}/{}", lang.code(), m.id, i),
                })
                .collect(),
        })
        .collect();
    let texts: Vec<Text> = state
        .storage
        .recent_sms(SHOWN)
        .await
        .on_page(lang)?
        .into_iter()
        .map(|m| {
            let (parts, encoding) = match sportello_domain::SmsText::parse(&m.sms.text) {
                Ok(t) => (t.parts(), t.encoding()),
                Err(_) => (0, sportello_domain::SmsEncoding::of(&m.sms.text)),
            };
            let encoding = match encoding {
                sportello_domain::SmsEncoding::Gsm7 => "GSM-7",
                sportello_domain::SmsEncoding::Ucs2 => "UCS-2",
            };
            Text {
                to: m.sms.to.as_str().to_string(),
                kind: m.sms.kind.clone(),
                status: m.status.code(),
                at: to_rome(m.created_at).format("%d/%m/%Y %H:%M").to_string(),
                parts: msg_args(
                    lang,
                    "mailbox-sms-parts",
                    &args(&[("parts", parts.into()), ("encoding", encoding.into())]),
                ),
                delivery: m.delivery.map(|(d, _, _)| d.code()),
                links: links(&m.sms.text),
                text: m.sms.text,
            }
        })
        .collect();
    let title = msg(lang, "mailbox-title");
    render_page(
        "mailbox.html",
        lang,
        "/demo/mailbox",
        &title,
        &state.public_url,
        context! {
            messages => minijinja::value::Serde(&messages),
            texts => minijinja::value::Serde(&texts),
        },
    )
}

/// `GET /{lang}/demo/mailbox/{id}/{n}`: the n-th attachment of a message.
pub async fn attachment(
    State(state): State<AppState>,
    Locale(lang): Locale,
    Path((_, id, n)): Path<(String, i64, usize)>,
) -> Result<Response, AppError> {
    if !state.demo_mailbox {
        return Err(AppError::not_found().page(lang));
    }
    let recent = state.storage.recent_mail(SHOWN).await.on_page(lang)?;
    let file = recent
        .into_iter()
        .find(|m| m.id == id)
        .and_then(|m| m.mail.attachments.into_iter().nth(n))
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let disposition = format!("attachment; filename=\"{}\"", file.filename.replace(['"', '\\'], "_"));
    Ok((
        [
            (header::CONTENT_TYPE, file.content_type),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        file.content,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_links_of_a_message() {
        let text = "Open:\nhttps://x.test/it/a?t=1.\nAgain https://x.test/it/a?t=1 and (http://y.test/b)";
        assert_eq!(links(text), ["https://x.test/it/a?t=1", "http://y.test/b"]);
    }
}
