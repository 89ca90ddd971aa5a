//! The adversarial corpus in tests/hostile/, natively: every case is parsed, validated and,
//! when it renders, pre-rendered, and the markup is checked for anything that could run.
#![cfg(feature = "ssr")]

use std::path::Path;

mod markup;

use article_widget::i18n::Labels;
use article_widget::load::parse_json_bytes;
use article_widget::ssr::{widget_markup, RenderOptions};
use markup::{allowed, tags};
use serde_json::{json, Value};

/// Where the native runner pretends the articles were fetched from.
const ORIGIN: &str = "https://hostile.test";

struct Case {
    name: String,
    expect: Value,
    bytes: Vec<u8>,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut cases: Vec<Case> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let case: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            let bytes = if let Some(article) = case.get("article") {
                serde_json::to_vec(article).unwrap()
            } else if let Some(raw) = case.get("raw") {
                raw.as_str().unwrap().as_bytes().to_vec()
            } else {
                generate(&case["generate"])
            };
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            Case {
                name,
                expect: case["expect"].clone(),
                bytes,
            }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(cases.len() >= 15, "the corpus is in tests/hostile/");
    cases
}

/// Builds the large or malformed inputs that are not worth storing.
fn generate(spec: &Value) -> Vec<u8> {
    let count = |key: &str| spec[key].as_u64().map(|n| n as usize);
    let article = |body: Value| json!({ "headline": "Generated", "body": body });
    if let Some(n) = count("word") {
        return serde_json::to_vec(&article(
            json!([{ "type": "paragraph", "text": ["w".repeat(n)] }]),
        ))
        .unwrap();
    }
    if let Some(n) = count("paragraphs") {
        let body: Vec<Value> = (0..n)
            .map(|i| json!({ "type": "paragraph", "text": format!("Paragraph {i}.") }))
            .collect();
        return serde_json::to_vec(&article(Value::Array(body))).unwrap();
    }
    if let Some(n) = count("nested") {
        return format!("{}{}", "[".repeat(n), "]".repeat(n)).into_bytes();
    }
    if let Some(n) = count("pad") {
        let mut bytes =
            serde_json::to_vec(&article(json!([{ "type": "paragraph", "text": "x" }]))).unwrap();
        bytes.pop();
        bytes.extend_from_slice(b", \"padding\": \"");
        bytes.resize(n - 2, b'p');
        bytes.extend_from_slice(b"\"}");
        return bytes;
    }
    assert_eq!(
        spec["invalid-utf8"],
        json!(true),
        "unknown generator {spec}"
    );
    let mut bytes =
        br#"{"headline": "Invalid bytes", "body": [{"type": "paragraph", "text": "bad "#.to_vec();
    bytes.extend_from_slice(&[0xff, b' ', b'b', b'y', b't', b'e', b'"', b'}', b']', b'}']);
    bytes
}

#[test]
fn every_case_ends_as_it_says() {
    for case in cases() {
        let location = format!("{ORIGIN}/hostile/{}.json", case.name);
        let result = parse_json_bytes(&case.bytes, Some(&location));
        let name = &case.name;
        if let Some(error) = case.expect.get("error").and_then(Value::as_str) {
            let err = result
                .err()
                .unwrap_or_else(|| panic!("{name}: should be refused"));
            assert!(err.details.contains(error), "{name}: {}", err.details);
            assert_eq!(
                err.reader_message(Labels::for_lang("en")),
                case.expect["reader"].as_str().unwrap(),
                "{name}"
            );
            continue;
        }
        let checked = result.unwrap_or_else(|err| panic!("{name}: should render, but {err}"));
        if let Some(count) = case.expect.get("warnings").and_then(Value::as_u64) {
            assert_eq!(
                checked.warnings.len() as u64,
                count,
                "{name}: {:?}",
                checked.warnings
            );
        }
        let html = widget_markup(&checked.article, &RenderOptions::default());
        let tags = tags(&html);
        for tag in &tags {
            assert_ne!(tag.name, "script", "{name}: a script element");
            for (attribute, value) in &tag.attributes {
                assert!(
                    !attribute.starts_with("on"),
                    "{name}: <{} {attribute}>",
                    tag.name
                );
                if attribute == "href" || attribute == "src" {
                    assert!(allowed(value), "{name}: {attribute}={value:?}");
                }
            }
        }
        for text in case
            .expect
            .get("text")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let escaped = text
                .as_str()
                .unwrap()
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert!(html.contains(&escaped), "{name}: the text {text} is shown");
        }
        if let Some(links) = case.expect.get("links").and_then(Value::as_array) {
            let hrefs: Vec<String> = tags.iter().filter_map(|t| t.attribute("href")).collect();
            let expected: Vec<String> = links
                .iter()
                .map(|l| l.as_str().unwrap().replace("{origin}", ORIGIN))
                .collect();
            assert_eq!(hrefs, expected, "{name}");
        }
    }
}
