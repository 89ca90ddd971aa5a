//! The public JavaScript surface: finds `[data-article-widget]` elements, renders each inside
//! its own shadow root, and swaps the host's fallback content for the article.

use std::cell::OnceCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::components::{Theme, Widget, WidgetProps, WidgetState};
use crate::load;
use crate::STYLESHEET;

const SELECTOR: &str = "[data-article-widget]";

thread_local! {
    /// One parsed stylesheet, adopted by every widget's shadow root.
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(found) = document.query_selector_all(SELECTOR) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(element) = found
            .item(i)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            mount_element(element);
        }
    }
}

/// Where an element's article comes from.
enum Source {
    Url(String),
    InlineJson(String),
}

fn source_of(element: &Element) -> Option<Source> {
    if let Some(url) = element
        .get_attribute("data-src")
        .filter(|u| !u.trim().is_empty())
    {
        return Some(Source::Url(url));
    }
    let script = element
        .query_selector(r#":scope > script[type="application/json"]"#)
        .ok()??;
    Some(Source::InlineJson(
        script.text_content().unwrap_or_default(),
    ))
}

fn mount_element(element: Element) {
    if element.shadow_root().is_some() {
        return;
    }
    let theme = element
        .get_attribute("data-theme")
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default();
    let Some(view) = ShadowView::attach(&element) else {
        return;
    };
    let props = move |state| WidgetProps {
        state,
        theme,
        heading_level: Default::default(),
    };
    let mut handle = yew::Renderer::<Widget>::with_root_and_props(
        view.root.clone(),
        props(WidgetState::Loading),
    )
    .render();
    let source = source_of(&element);
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match source {
            Some(Source::Url(url)) => load::fetch_article(&url).await,
            Some(Source::InlineJson(text)) => load::parse_json_text(&text),
            None => Err(load::LoadError {
                reader_message: "This widget has no article to show.".into(),
                details:
                    "give the element a data-src URL or a <script type=\"application/json\"> child"
                        .into(),
            }),
        };
        match loaded {
            Ok(checked) => {
                for warning in &checked.warnings {
                    web_sys::console::warn_1(&format!("article-widget: {warning}").into());
                }
                handle.update(props(WidgetState::Ready(Rc::new(checked.article))));
                view.show_fallback(false);
            }
            Err(err) => {
                web_sys::console::error_1(&format!("article-widget: {}", err.details).into());
                handle.update(props(WidgetState::Failed(err.reader_message.into())));
                view.show_fallback(true);
            }
        }
        keep_alive(handle);
    });
}

/// Mounted widgets live as long as the page.
fn keep_alive(handle: AppHandle<Widget>) {
    std::mem::forget(handle);
}

/// The shadow root of one widget: a slot showing the host's fallback content, and the element
/// Yew renders into.
struct ShadowView {
    slot: Element,
    root: Element,
}

impl ShadowView {
    fn attach(host: &Element) -> Option<ShadowView> {
        let shadow = host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?;
        if let Some(sheet) = shared_sheet() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
        let document = host.owner_document()?;
        let slot = document.create_element("slot").ok()?;
        let root = document.create_element("div").ok()?;
        root.set_class_name("artw-host");
        shadow.append_child(&slot).ok()?;
        shadow.append_child(&root).ok()?;
        Some(ShadowView { slot, root })
    }

    fn show_fallback(&self, show: bool) {
        let _ = self.slot.toggle_attribute_with_force("hidden", !show);
    }
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(STYLESHEET).ok()?;
            Some(sheet)
        })
        .clone()
    })
}
