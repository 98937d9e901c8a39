//! Text messages (SMS) as a phone network carries them: whether a text fits
//! the GSM-7 alphabet ([`gsm7`]) or needs UCS-2, how many parts it takes,
//! and [`SmsText`], a text checked to be sendable in at most [`MAX_PARTS`]
//! parts.
//!
//! A GSM-7 message holds 160 septets in one part, 153 a part once split (the
//! concatenation header takes the rest), and an escaped character of the
//! extension table (two septets) is never split across parts. A UCS-2
//! message holds 70 UTF-16 code units in one part, 67 a part once split,
//! and a surrogate pair (an emoji, say) is never split across parts.
//!
//! **Sending through Kannel's `sendsms`**: pass the text as UTF-8
//! (`text=` percent-encoded, `charset=UTF-8`) with `coding=` the encoding's
//! [`SmsEncoding::kannel_coding`] (0 for GSM-7, 2 for UCS-2); Kannel
//! converts the UTF-8 text to what the SMS centre needs and splits it into
//! concatenated parts itself, up to the `max-messages` of its
//! `sendsms-user` (at least [`MAX_PARTS`]: beyond it Kannel cuts the text
//! without saying so). `dlr-mask=31` with a `dlr-url` asks for every
//! delivery report. See `docs/operations.md`, "SMS with Kannel".

pub mod gsm7;

/// The most parts one message may take: longer texts are refused, so that
/// nobody pays for a fourth part and no gateway cuts one off.
pub const MAX_PARTS: usize = 3;

/// How a message's characters are encoded on the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SmsEncoding {
    /// The GSM 03.38 default alphabet and its extension table, 7 bits a
    /// character (two septets for the extension table).
    Gsm7,
    /// UCS-2 (UTF-16 on today's phones): 16 bits a code unit, two units
    /// for a character outside the Basic Multilingual Plane.
    Ucs2,
}

impl SmsEncoding {
    /// The encoding `text` needs: GSM-7 when every character fits it.
    pub fn of(text: &str) -> SmsEncoding {
        if gsm7::is_gsm7(text) {
            SmsEncoding::Gsm7
        } else {
            SmsEncoding::Ucs2
        }
    }

    /// The units (septets or UTF-16 code units) one message of a single
    /// part may hold: 160 or 70.
    pub const fn single_part_units(self) -> usize {
        match self {
            SmsEncoding::Gsm7 => 160,
            SmsEncoding::Ucs2 => 70,
        }
    }

    /// The units each part of a split (concatenated) message may hold: 153
    /// or 67.
    pub const fn units_per_part(self) -> usize {
        match self {
            SmsEncoding::Gsm7 => 153,
            SmsEncoding::Ucs2 => 67,
        }
    }

    /// The value of Kannel's `coding` parameter (and of `%c` in its URLs)
    /// for this encoding: 0 (7 bits) or 2 (UCS-2).
    pub const fn kannel_coding(self) -> u8 {
        match self {
            SmsEncoding::Gsm7 => 0,
            SmsEncoding::Ucs2 => 2,
        }
    }

    /// The encoding Kannel's `coding` value stands for (1, 8 bits, is
    /// binary data, which Sportello never sends).
    pub const fn from_kannel_coding(coding: u8) -> Option<SmsEncoding> {
        match coding {
            0 => Some(SmsEncoding::Gsm7),
            2 => Some(SmsEncoding::Ucs2),
            _ => None,
        }
    }

    /// The units `c` takes in this encoding. A character GSM-7 cannot
    /// carry counts as one septet: [`SmsEncoding::of`] never picks GSM-7
    /// for a text that has one.
    fn units(self, c: char) -> usize {
        match self {
            SmsEncoding::Gsm7 => gsm7::septets(c).unwrap_or(1),
            SmsEncoding::Ucs2 => c.len_utf16(),
        }
    }
}

/// A text ready to be sent as one SMS message: not blank, in the encoding
/// it needs, and in at most [`MAX_PARTS`] parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsText {
    text: String,
    encoding: SmsEncoding,
    units: usize,
    parts: usize,
}

/// Why a text cannot be sent as one SMS message. Texts are written by
/// Sportello (from its translations), not typed by people, so this is a
/// mistake in a template or a translation, reported in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SmsTextError {
    #[error("the text message is empty")]
    Empty,
    #[error("the text message would take {parts} parts ({units} {encoding:?} units); at most {max} are sent", max = MAX_PARTS)]
    TooLong {
        parts: usize,
        units: usize,
        encoding: SmsEncoding,
    },
}

impl SmsText {
    /// Checks `text` for sending: refused when it is empty or only white
    /// space, or when it takes more than [`MAX_PARTS`] parts.
    pub fn parse(text: &str) -> Result<SmsText, SmsTextError> {
        if text.trim().is_empty() {
            return Err(SmsTextError::Empty);
        }
        let encoding = SmsEncoding::of(text);
        let units = text.chars().map(|c| encoding.units(c)).sum();
        let parts = split(text, encoding).len();
        if parts > MAX_PARTS {
            return Err(SmsTextError::TooLong { parts, units, encoding });
        }
        Ok(SmsText {
            text: text.to_string(),
            encoding,
            units,
            parts,
        })
    }

    /// The text itself.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// GSM-7 or UCS-2.
    pub fn encoding(&self) -> SmsEncoding {
        self.encoding
    }

    /// The parts (SMS messages) the network carries: 1 to [`MAX_PARTS`].
    pub fn parts(&self) -> usize {
        self.parts
    }

    /// The septets (GSM-7, two for an extension character) or UTF-16 code
    /// units (UCS-2) of the whole text.
    pub fn units(&self) -> usize {
        self.units
    }

    /// The text of each part, in order; together they are the text.
    pub fn split(&self) -> Vec<&str> {
        split(&self.text, self.encoding)
    }
}

impl AsRef<str> for SmsText {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for SmsText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// `text` cut into the parts it takes in `encoding`: the whole text when it
/// fits one part, else parts filled in order up to the units a part holds,
/// each character (an escape pair, a surrogate pair) whole in one part.
pub fn split(text: &str, encoding: SmsEncoding) -> Vec<&str> {
    let units: usize = text.chars().map(|c| encoding.units(c)).sum();
    if units <= encoding.single_part_units() {
        return vec![text];
    }
    let limit = encoding.units_per_part();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut filled = 0;
    for (at, c) in text.char_indices() {
        let size = encoding.units(c);
        if filled + size > limit {
            parts.push(&text[start..at]);
            start = at;
            filled = 0;
        }
        filled += size;
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
#[path = "sms_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "sms_props.rs"]
mod props;

mod outgoing;

pub use outgoing::{OPT_OUT_EXEMPT_KINDS, OutgoingSms};
