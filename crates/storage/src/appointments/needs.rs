//! The needs given with a booking as the JSON that is sealed into
//! `bookings.needs_sealed` (see `crate::sealed`): health-related data
//! (GDPR art. 9), never stored in plaintext.

use serde_json::{Value, json};
use sportello_domain::Needs;
use sportello_domain::vocab::{SpokenLanguage, Vocabulary};

use crate::StorageError;

/// `needs` as compact JSON.
pub(crate) fn to_json(needs: &Needs) -> String {
    json!({
        "interpreter": needs.interpreter.map(|l| l.code()),
        "wheelchair": needs.wheelchair,
        "sign_language": needs.sign_language,
        "other": needs.other,
    })
    .to_string()
}

/// `needs` sealed for `column` with the data keys; `None` when there are
/// none (no value is stored for no needs).
pub(crate) fn seal(
    keys: Option<&sportello_auth::DataKeys>,
    column: crate::sealed::SealedColumn,
    needs: &Needs,
) -> Result<Option<String>, StorageError> {
    if needs.is_empty() {
        return Ok(None);
    }
    crate::sealed::seal(keys, column, &to_json(needs)).map(Some)
}

/// The needs of [`to_json`]'s text.
pub(crate) fn from_json(text: &str) -> Result<Needs, StorageError> {
    let bad = || StorageError::Invalid("sealed booking needs are not the expected JSON".into());
    let value: Value = serde_json::from_str(text).map_err(|_| bad())?;
    let interpreter = match &value["interpreter"] {
        Value::Null => None,
        Value::String(code) => Some(SpokenLanguage::parse(code).ok_or_else(bad)?),
        _ => return Err(bad()),
    };
    Ok(Needs {
        interpreter,
        wheelchair: value["wheelchair"].as_bool().ok_or_else(bad)?,
        sign_language: value["sign_language"].as_bool().ok_or_else(bad)?,
        other: value["other"].as_str().ok_or_else(bad)?.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_round_trip() {
        let needs = Needs {
            interpreter: SpokenLanguage::parse("ar"),
            wheelchair: true,
            sign_language: false,
            other: "una rampa, \"per favore\"".into(),
        };
        assert!(needs.interpreter.is_some());
        assert_eq!(from_json(&to_json(&needs)).unwrap(), needs);
        assert_eq!(from_json(&to_json(&Needs::default())).unwrap(), Needs::default());
        assert!(from_json("{}").is_err());
        assert!(from_json("not json").is_err());
    }
}
