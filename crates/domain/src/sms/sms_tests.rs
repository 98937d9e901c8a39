//! Unit tests of [`SmsText`]: the exact part boundaries of both encodings,
//! escapes and surrogate pairs at a part boundary, refusals.

use super::*;

fn parts_of(text: &str) -> Result<(SmsEncoding, usize, usize), SmsTextError> {
    SmsText::parse(text).map(|t| (t.encoding(), t.units(), t.parts()))
}

fn gsm(n: usize) -> String {
    "a".repeat(n)
}

fn ucs(n: usize) -> String {
    "ж".repeat(n)
}

#[test]
fn gsm7_part_boundaries() {
    use SmsEncoding::Gsm7;
    assert_eq!(parts_of(&gsm(1)), Ok((Gsm7, 1, 1)));
    assert_eq!(parts_of(&gsm(160)), Ok((Gsm7, 160, 1)));
    assert_eq!(parts_of(&gsm(161)), Ok((Gsm7, 161, 2)));
    assert_eq!(parts_of(&gsm(306)), Ok((Gsm7, 306, 2)));
    assert_eq!(parts_of(&gsm(307)), Ok((Gsm7, 307, 3)));
    assert_eq!(parts_of(&gsm(459)), Ok((Gsm7, 459, 3)));
    assert_eq!(
        parts_of(&gsm(460)),
        Err(SmsTextError::TooLong {
            parts: 4,
            units: 460,
            encoding: Gsm7
        })
    );
}

#[test]
fn ucs2_part_boundaries() {
    use SmsEncoding::Ucs2;
    assert_eq!(parts_of(&ucs(1)), Ok((Ucs2, 1, 1)));
    assert_eq!(parts_of(&ucs(70)), Ok((Ucs2, 70, 1)));
    assert_eq!(parts_of(&ucs(71)), Ok((Ucs2, 71, 2)));
    assert_eq!(parts_of(&ucs(134)), Ok((Ucs2, 134, 2)));
    assert_eq!(parts_of(&ucs(135)), Ok((Ucs2, 135, 3)));
    assert_eq!(parts_of(&ucs(201)), Ok((Ucs2, 201, 3)));
    assert_eq!(
        parts_of(&ucs(202)),
        Err(SmsTextError::TooLong {
            parts: 4,
            units: 202,
            encoding: Ucs2
        })
    );
}

#[test]
fn extension_characters_take_two_septets() {
    use SmsEncoding::Gsm7;
    assert_eq!(parts_of("€"), Ok((Gsm7, 2, 1)));
    assert_eq!(parts_of("^{}\\[~]|€\u{c}"), Ok((Gsm7, 20, 1)));
    assert_eq!(parts_of(&format!("{}€", gsm(158))), Ok((Gsm7, 160, 1)));
    assert_eq!(parts_of(&format!("{}€", gsm(159))), Ok((Gsm7, 161, 2)));
    assert_eq!(parts_of(&"{}".repeat(40)), Ok((Gsm7, 160, 1)));
    assert_eq!(parts_of(&"[".repeat(81)), Ok((Gsm7, 162, 2)));
}

#[test]
fn an_escape_pair_is_never_split_across_parts() {
    // 152 septets, then an escape pair that would end on septet 154: it
    // opens the second part.
    let text = format!("{}€{}", gsm(152), gsm(10));
    let sms = SmsText::parse(&text).unwrap();
    assert_eq!((sms.units(), sms.parts()), (164, 2));
    assert_eq!(sms.split(), vec![gsm(152), format!("€{}", gsm(10))]);

    // 306 septets would fill two parts exactly, but the pair at the
    // boundary pushes one septet into a third.
    let text = format!("{}€{}", gsm(152), gsm(152));
    let sms = SmsText::parse(&text).unwrap();
    assert_eq!((sms.units(), sms.parts()), (306, 3));
    assert_eq!(sms.split(), vec![gsm(152), format!("€{}", gsm(151)), gsm(1)]);

    // An escape pair that ends exactly on septet 153 stays in the first part.
    let text = format!("{}€{}", gsm(151), gsm(10));
    assert_eq!(
        SmsText::parse(&text).unwrap().split(),
        vec![format!("{}€", gsm(151)), gsm(10)]
    );

    // The same at the end of the third part: 459 septets in three parts
    // when the pair ends on the last septet, four when it would straddle.
    let text = format!("{}{{", gsm(457));
    assert_eq!(SmsText::parse(&text).unwrap().parts(), 3);
    let text = format!("{}{}{{{}", gsm(153), gsm(152), gsm(152));
    assert_eq!(
        parts_of(&text),
        Err(SmsTextError::TooLong {
            parts: 4,
            units: 459,
            encoding: SmsEncoding::Gsm7
        })
    );
}

#[test]
fn a_surrogate_pair_is_never_split_across_parts() {
    use SmsEncoding::Ucs2;
    // An emoji is two UTF-16 code units.
    assert_eq!(parts_of("🙂"), Ok((Ucs2, 2, 1)));
    assert_eq!(parts_of(&format!("{}🙂", gsm(68))), Ok((Ucs2, 70, 1)));
    assert_eq!(parts_of(&format!("{}🙂", gsm(69))), Ok((Ucs2, 71, 2)));
    assert_eq!(parts_of(&"🙂".repeat(35)), Ok((Ucs2, 70, 1)));
    assert_eq!(parts_of(&"🙂".repeat(36)), Ok((Ucs2, 72, 2)));

    let text = format!("{}🙂{}", gsm(66), gsm(10));
    let sms = SmsText::parse(&text).unwrap();
    assert_eq!((sms.units(), sms.parts()), (78, 2));
    assert_eq!(sms.split(), vec![gsm(66), format!("🙂{}", gsm(10))]);

    // 134 units would fill two parts, but the pair at the boundary pushes
    // one unit into a third.
    let text = format!("{}🙂{}", gsm(66), gsm(66));
    let sms = SmsText::parse(&text).unwrap();
    assert_eq!((sms.units(), sms.parts()), (134, 3));
    assert_eq!(sms.split(), vec![gsm(66), format!("🙂{}", gsm(65)), gsm(1)]);
}

#[test]
fn one_character_outside_gsm7_makes_the_whole_text_ucs2() {
    use SmsEncoding::{Gsm7, Ucs2};
    assert_eq!(parts_of(&gsm(100)), Ok((Gsm7, 100, 1)));
    assert_eq!(parts_of(&format!("{}’", gsm(100))), Ok((Ucs2, 101, 2)));
    // Extension characters are one code unit each in UCS-2.
    assert_eq!(parts_of(&format!("€{}ç", gsm(10))), Ok((Ucs2, 12, 1)));
    assert_eq!(parts_of("Città 🙂"), Ok((Ucs2, 8, 1)));
    assert_eq!(parts_of("Città già così"), Ok((Gsm7, 14, 1)));
    assert_eq!(parts_of("Rendez-vous à l’agence"), Ok((Ucs2, 22, 1)));
    assert_eq!(parts_of("موعدك غدا"), Ok((Ucs2, 9, 1)));
    assert_eq!(parts_of("Termin am Freitag, 9:30 Uhr"), Ok((Gsm7, 27, 1)));
}

#[test]
fn refuses_empty_and_blank_text() {
    for blank in ["", " ", "\n", " \r\n\t ", "\u{a0}"] {
        assert_eq!(SmsText::parse(blank), Err(SmsTextError::Empty), "{blank:?}");
    }
    assert!(SmsText::parse(" x ").is_ok());
}

#[test]
fn keeps_the_text_as_given() {
    let sms = SmsText::parse("  Ref. AB12: lun 9:30\n").unwrap();
    assert_eq!(sms.as_str(), "  Ref. AB12: lun 9:30\n");
    assert_eq!(sms.to_string(), sms.as_str());
    assert_eq!(sms.as_ref(), sms.as_str());
    assert_eq!(sms.split(), vec![sms.as_str()]);
}

#[test]
fn kannel_coding_values() {
    assert_eq!(SmsEncoding::Gsm7.kannel_coding(), 0);
    assert_eq!(SmsEncoding::Ucs2.kannel_coding(), 2);
    assert_eq!(SmsEncoding::from_kannel_coding(0), Some(SmsEncoding::Gsm7));
    assert_eq!(SmsEncoding::from_kannel_coding(2), Some(SmsEncoding::Ucs2));
    assert_eq!(SmsEncoding::from_kannel_coding(1), None);
    assert_eq!(SmsEncoding::from_kannel_coding(3), None);
}

#[test]
fn error_messages_say_what_is_wrong() {
    assert_eq!(SmsTextError::Empty.to_string(), "the text message is empty");
    let error = SmsText::parse(&gsm(500)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the text message would take 4 parts (500 Gsm7 units); at most 3 are sent"
    );
}
