//! JSON data to typst values, for the `sys.inputs` of a template.

use typst::foundations::{Array, Dict, Str, Value};

/// `json` as the equivalent typst value: `null` → `none`, numbers that fit an
/// `i64` → `int`, other numbers → `float`, objects → dictionaries (keys kept
/// in their order).
pub fn to_typst(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::None,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => Value::Str(Str::from(s.as_str())),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(to_typst).collect::<Array>()),
        serde_json::Value::Object(map) => Value::Dict(to_dict(map)),
    }
}

/// A JSON object as a typst dictionary.
pub fn to_dict(map: &serde_json::Map<String, serde_json::Value>) -> Dict {
    map.iter()
        .map(|(k, v)| (Str::from(k.as_str()), to_typst(v)))
        .collect::<Dict>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_json_kind_has_its_typst_value() {
        let json = serde_json::json!({"n": null, "b": true, "i": 3, "f": 1.5, "s": "è", "a": [1, "x"], "o": {"k": 2}});
        let Value::Dict(d) = to_typst(&json) else {
            panic!("not a dict")
        };
        assert_eq!(d.get("n").unwrap(), &Value::None);
        assert_eq!(d.get("b").unwrap(), &Value::Bool(true));
        assert_eq!(d.get("i").unwrap(), &Value::Int(3));
        assert_eq!(d.get("f").unwrap(), &Value::Float(1.5));
        assert_eq!(d.get("s").unwrap(), &Value::Str("è".into()));
        let Value::Array(a) = d.get("a").unwrap() else {
            panic!("not an array")
        };
        assert_eq!(a.len(), 2);
        let Value::Dict(o) = d.get("o").unwrap() else {
            panic!("not a dict")
        };
        assert_eq!(o.get("k").unwrap(), &Value::Int(2));
    }
}
