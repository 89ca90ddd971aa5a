//! The adversarial corpus in tests/hostile/, natively: every case is parsed, validated and,
//! when it renders, pre-rendered, and the markup is checked for anything that could run.
#![cfg(feature = "ssr")]

use std::path::Path;

mod markup;

use article_widget::i18n::Labels;
use article_widget::load::parse_json_bytes;
use article_widget::ssr::{widget_markup, RenderOptions};
use markup::{allowed, tags};
use serde_json::Value;

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
                from_pieces(&case["pieces"])
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

/// The bytes a case's `pieces` spell out: each `text` repeated `times` (once by default), or
/// `hex` bytes, one after the other. The end-to-end runner reads the same pieces.
fn from_pieces(pieces: &Value) -> Vec<u8> {
    let mut bytes = Vec::new();
    for piece in pieces.as_array().expect("pieces is an array") {
        if let Some(hex) = piece["hex"].as_str() {
            bytes.extend(
                (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()),
            );
        } else {
            let times = piece["times"].as_u64().unwrap_or(1) as usize;
            bytes.extend(
                piece["text"]
                    .as_str()
                    .expect("a piece has text or hex")
                    .repeat(times)
                    .bytes(),
            );
        }
    }
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
