//! The WebAssembly half of the embed, driven as the loader drives it: attach, then show an
//! article's bytes or a failure, then destroy.
#![cfg(target_arch = "wasm32")]

mod common;

use article_widget::embed::{attach, RenderedWidget};
use common::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

/// An element in the page as the loader leaves it before rendering: a shadow root holding a
/// slot, and the host's fallback content.
fn host_element(lang: &str) -> Element {
    let document = document();
    let section = document.create_element("section").unwrap();
    section.set_attribute("lang", lang).unwrap();
    let element = document.create_element("div").unwrap();
    element
        .append_child(&child(
            &element,
            "p",
            "fallback",
            "Read it on the publisher's site",
        ))
        .unwrap();
    let shadow = element
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    shadow
        .append_child(&document.create_element("slot").unwrap())
        .unwrap();
    section.append_child(&element).unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    element
}

/// A new `<tag class>` holding `text`, in `beside`'s document.
fn child(beside: &Element, tag: &str, class: &str, text: &str) -> Element {
    let element = beside
        .owner_document()
        .unwrap()
        .create_element(tag)
        .unwrap();
    element.set_class_name(class);
    element.set_text_content(Some(text).filter(|t| !t.is_empty()));
    element
}

fn shadow_of(element: &Element) -> Element {
    element
        .shadow_root()
        .unwrap()
        .first_element_child()
        .expect("the widget's root")
}

fn options(theme: &str, heading_level: f64) -> JsValue {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"theme".into(), &theme.into()).unwrap();
    js_sys::Reflect::set(&options, &"headingLevel".into(), &heading_level.into()).unwrap();
    options.into()
}

async fn settled(promise: js_sys::Promise) -> JsValue {
    JsFuture::from(promise).await.unwrap()
}

fn attached(element: &Element, options: JsValue) -> RenderedWidget {
    attach(element.clone(), None, options).unwrap()
}

#[wasm_bindgen_test]
async fn shows_the_loading_panel_then_the_article() {
    let element = host_element("en");
    let widget = attached(&element, JsValue::NULL);
    yew::scheduler::flush().await;
    let root = shadow_of(&element);
    assert_eq!(root.class_name(), "artw-host");
    assert_eq!(all(&root, ".artw-loading").len(), 1, "the loading panel");
    assert_eq!(all(&root, "slot").len(), 1, "the fallback stays in view");

    let outcome = settled(widget.show(SEED_JSON.as_bytes(), None)).await;
    assert!(
        outcome.is_undefined(),
        "an article on screen resolves to undefined"
    );
    assert_eq!(text(&one(&root, "h1.artw-headline")), seed().headline);
    assert!(all(&root, ".artw-loading").is_empty());
    assert!(all(&root, "slot").is_empty(), "the fallback is hidden");
}

#[wasm_bindgen_test]
async fn options_set_the_theme_and_the_heading_level() {
    let element = host_element("en");
    let widget = attached(&element, options("dark", 3.0));
    settled(widget.show(SEED_JSON.as_bytes(), None)).await;
    let root = shadow_of(&element);
    assert_eq!(
        one(&root, ".artw-root")
            .get_attribute("data-theme")
            .as_deref(),
        Some("dark")
    );
    assert_eq!(all(&root, "h3.artw-headline").len(), 1);
}

#[wasm_bindgen_test]
async fn configure_applies_at_once_and_keeps_what_it_does_not_name() {
    let element = host_element("en");
    let widget = attached(&element, options("dark", 3.0));
    settled(widget.show(SEED_JSON.as_bytes(), None)).await;
    let root = shadow_of(&element);

    widget.configure(options("light", 2.0));
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, ".artw-root")
            .get_attribute("data-theme")
            .as_deref(),
        Some("light")
    );
    assert_eq!(text(&one(&root, "h2.artw-headline")), seed().headline);

    let theme_only = js_sys::Object::new();
    js_sys::Reflect::set(&theme_only, &"theme".into(), &"dark".into()).unwrap();
    widget.configure(theme_only.into());
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, ".artw-root")
            .get_attribute("data-theme")
            .as_deref(),
        Some("dark")
    );
    assert_eq!(all(&root, "h2.artw-headline").len(), 1, "the level stays");
}

#[wasm_bindgen_test]
async fn an_invalid_article_resolves_to_the_error_panels_sentence() {
    let element = host_element("en");
    let widget = attached(&element, JsValue::NULL);
    let outcome = settled(widget.show(br#"{"headline": "", "body": []}"#, None)).await;
    let sentence = "The article has a mistake in it and cannot be shown.";
    assert_eq!(outcome.as_string().as_deref(), Some(sentence));
    let root = shadow_of(&element);
    assert!(text(&one(&root, ".artw-error")).contains(sentence));
    assert_eq!(all(&root, "slot").len(), 1, "the fallback shows again");
}

#[wasm_bindgen_test]
async fn a_loader_failure_is_told_in_the_host_pages_language() {
    let element = host_element("fr");
    let widget = attached(&element, JsValue::NULL);
    let details = "GET https://example.test/a.json: HTTP 503 Service Unavailable".to_owned();
    let outcome = settled(widget.fail("server-error", 503, details)).await;
    let sentence = outcome.as_string().unwrap();
    assert!(sentence.contains("503"), "{sentence}");
    assert_eq!(
        one(&shadow_of(&element), ".artw-root")
            .get_attribute("lang")
            .as_deref(),
        Some("fr")
    );
    assert_ne!(
        sentence, "The article could not be loaded (the server answered 503).",
        "written in French"
    );
}

#[wasm_bindgen_test]
async fn the_same_article_again_settles_at_once() {
    let element = host_element("en");
    let widget = attached(&element, JsValue::NULL);
    settled(widget.show(SEED_JSON.as_bytes(), None)).await;
    let again = settled(widget.show(SEED_JSON.as_bytes(), None)).await;
    assert!(again.is_undefined());
}

#[wasm_bindgen_test]
async fn pre_rendered_markup_stays_until_the_new_article_replaces_it() {
    let document = document();
    let element = document.create_element("div").unwrap();
    let root = child(&element, "div", "artw-host", "");
    let themed = child(&element, "div", "artw-root", "");
    themed
        .append_child(&child(&element, "h1", "artw-headline", "Pre-rendered"))
        .unwrap();
    root.append_child(&themed).unwrap();
    element.append_child(&root).unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    let widget = attach(element.clone(), Some(root.clone()), JsValue::NULL).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        text(&one(&root, ".artw-headline")),
        "Pre-rendered",
        "no loading panel"
    );
    assert!(widget.root() == root);

    let changed = SEED_JSON.replace(&seed().headline, "The new article");
    settled(widget.show(changed.as_bytes(), None)).await;
    assert_eq!(text(&one(&root, ".artw-headline")), "The new article");
    assert_eq!(
        all(&root, ".artw-root").len(),
        1,
        "rendered in place of the old one"
    );
}

#[wasm_bindgen_test]
async fn a_pending_show_resolves_to_null_when_replaced_or_destroyed() {
    let element = host_element("en");
    let widget = attached(&element, JsValue::NULL);
    let first = widget.show(SEED_JSON.as_bytes(), None);
    let second = widget.show(br#"{"headline": "", "body": []}"#, None);
    assert!(
        settled(first).await.is_null(),
        "the older call is superseded"
    );
    assert!(settled(second).await.is_string());

    let third = widget.show(SEED_JSON.as_bytes(), None);
    widget.destroy();
    assert!(settled(third).await.is_null());
    yew::scheduler::flush().await;
    assert!(
        all(&shadow_of(&element), ".artw-root").is_empty(),
        "nothing is left rendered"
    );
}
