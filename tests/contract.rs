//! The Rust side of tests/fixtures/embed-contract.json, which tests/e2e/contract.test.mjs checks
//! against the loader: the byte cap, the failures' names and the themes are spelled alike.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::load::{Failure, LoadError, MAX_ARTICLE_BYTES};
use article_widget::Theme;
use serde_json::Value;

fn contract() -> Value {
    serde_json::from_str(include_str!("fixtures/embed-contract.json")).unwrap()
}

fn strings(key: &str) -> Vec<String> {
    contract()[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_byte_cap_is_the_contracts() {
    assert_eq!(
        Some(MAX_ARTICLE_BYTES as u64),
        contract()["maxArticleBytes"].as_u64()
    );
}

/// Each name the loader may send is known: an unknown one would be read as `not-readable`, so
/// two names would give one failure.
#[test]
fn every_failure_the_loader_names_is_a_distinct_failure() {
    let names = strings("failures");
    let mut failures: Vec<Failure> = Vec::new();
    for name in &names {
        let failure = LoadError::from_loader(name, 500, String::new()).failure;
        assert!(
            !failures.contains(&failure),
            "{name} gives {failure:?} again"
        );
        failures.push(failure);
    }
    assert!(names.contains(&"not-readable".to_owned()));
    assert_eq!(
        LoadError::from_loader("not-readable", 0, String::new()).failure,
        Failure::NotReadable
    );
    // What the loader never sends: the WebAssembly finds an invalid article, a file is native.
    assert!(!failures.contains(&Failure::Invalid));
    assert!(!failures.contains(&Failure::UnreadableFile));
}

#[test]
fn the_themes_are_the_contracts() {
    let names = strings("themes");
    for name in &names {
        let theme = Theme::parse(name).unwrap_or_else(|| panic!("{name} is a theme"));
        assert_eq!(theme.as_str(), name);
    }
    for theme in [Theme::Auto, Theme::Light, Theme::Dark] {
        // A new theme stops this from compiling until it is listed here and in the contract.
        match theme {
            Theme::Auto | Theme::Light | Theme::Dark => {}
        }
        assert!(names.contains(&theme.as_str().to_owned()), "{theme:?}");
    }
}
