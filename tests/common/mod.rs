//! Helpers for the browser tests: mount the widget into a fresh element and query it.
#![allow(dead_code)]

use std::rc::Rc;

use article_widget::{Article, Theme, Widget, WidgetProps, WidgetState, STYLESHEET};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

pub const SEED_JSON: &str = include_str!("../../static/articles/krebs.json");

pub fn seed() -> Article {
    Article::from_json(SEED_JSON)
        .expect("the seed is valid")
        .article
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the page with the widget's stylesheet applied, so computed styles are
/// the ones a reader gets.
pub fn fresh_root() -> Element {
    let document = document();
    if document.get_element_by_id("artw-test-style").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("artw-test-style");
        style.set_text_content(Some(STYLESHEET));
        document.head().unwrap().append_child(&style).unwrap();
    }
    let root = document.create_element("div").unwrap();
    root.set_class_name("artw-host");
    document.body().unwrap().append_child(&root).unwrap();
    root
}

pub async fn mount(article: Article, theme: Theme) -> (Element, AppHandle<Widget>) {
    let root = fresh_root();
    let props = WidgetProps {
        state: WidgetState::Ready(Rc::new(article)),
        theme,
        heading_level: Default::default(),
        dates: Default::default(),
        on_rendered: Default::default(),
        panel_lang: "en".into(),
    };
    let handle = yew::Renderer::<Widget>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (root, handle)
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

pub fn one(root: &Element, selector: &str) -> Element {
    let found = all(root, selector);
    assert_eq!(
        found.len(),
        1,
        "expected exactly one {selector}, found {}",
        found.len()
    );
    found.into_iter().next().unwrap()
}

pub fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default().trim().to_owned()
}

pub fn computed(element: &Element, property: &str) -> String {
    let window = web_sys::window().unwrap();
    let style = window.get_computed_style(element).unwrap().unwrap();
    style.get_property_value(property).unwrap()
}

pub fn as_html(element: &Element) -> HtmlElement {
    element.clone().dyn_into().unwrap()
}
