//! The article's JSON parser against serde_json, the reference it replaces: the same values
//! for any JSON, and the same verdict and message for any text.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::model::{Json, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::Value;

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text close to JSON, so most cases get deep into the grammar before going wrong.
fn almost_json() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("\"".to_owned()),
        Just("\"k\"".to_owned()),
        Just("\\".to_owned()),
        Just("\\u".to_owned()),
        Just("\\ud83d".to_owned()),
        Just("\\ude00".to_owned()),
        Just("\\n".to_owned()),
        Just("\\x".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\u{1}".to_owned()),
        Just("é".to_owned()),
        Just("true".to_owned()),
        Just("tru".to_owned()),
        Just("null".to_owned()),
        Just("-".to_owned()),
        Just("0".to_owned()),
        Just("12".to_owned()),
        Just(".5".to_owned()),
        Just("e".to_owned()),
        Just("E+".to_owned()),
        "[a-z0-9]{1,3}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// Our tree as serde_json reads our writing of it, compact and indented: the two must agree.
fn written_and_read_back(json: &Json) -> Value {
    let compact = serde_json::from_str::<Value>(&json.to_string()).expect("compact JSON");
    let pretty = serde_json::from_str::<Value>(&format!("{json:#}")).expect("indented JSON");
    assert_eq!(compact, pretty);
    compact
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_json_reads_as_serde_json_reads_it(value in any_value()) {
        for text in [value.to_string(), serde_json::to_string_pretty(&value).unwrap()] {
            let ours = Json::parse(&text).map(|json| written_and_read_back(&json)).map_err(|e| e.to_string());
            let reference = serde_json::from_str::<Value>(&text).map_err(|e| e.to_string());
            prop_assert_eq!(ours, reference, "{}", text);
        }
    }

    /// One difference, on purpose: a number beyond a double's range, which serde_json
    /// refuses, is kept as written, as `JSON.parse` keeps it (as Infinity). Numbers are
    /// compared as serde_json reads the text we kept, not as the values generated, whose last
    /// bit serde_json may not read back.
    #[test]
    fn any_text_gets_serde_json_verdict_and_message(text in almost_json()) {
        let reference = serde_json::from_str::<Value>(&text).map_err(|e| e.to_string());
        if reference.as_ref().is_err_and(|e| e.starts_with("number out of range")) {
            prop_assert!(Json::parse(&text).is_ok(), "{:?}", text);
            return Ok(());
        }
        let ours = Json::parse(&text).map(|json| written_and_read_back(&json)).map_err(|e| e.to_string());
        prop_assert_eq!(ours, reference, "{:?}", text);
    }
}

#[test]
fn a_repeated_key_reads_as_its_last_value() {
    let json = Json::parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
    assert_eq!(json.get("a"), Some(&Json::Number("3".into())));
    assert_eq!(json.get("c"), None);
}

#[test]
fn nesting_stops_at_the_limit() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(Json::parse(&nested(MAX_DEPTH)).is_ok());
    let err = Json::parse(&nested(MAX_DEPTH + 1)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "recursion limit exceeded at line 1 column 128"
    );
    assert_eq!(
        serde_json::from_str::<Value>(&nested(MAX_DEPTH + 1))
            .unwrap_err()
            .to_string(),
        err.to_string()
    );
}

#[test]
fn json_is_written_as_serde_json_writes_it() {
    let text = r#"{"a":[1,-25,true,null,{}],"b":"quote \" slash \\ tab \t nul \u0000 é 😀 </script>","c":[],"d":{"e":"f"}}"#;
    let json = Json::parse(text).unwrap();
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(json.to_string(), serde_json::to_string(&value).unwrap());
    assert_eq!(
        format!("{json:#}"),
        serde_json::to_string_pretty(&value).unwrap()
    );
}
