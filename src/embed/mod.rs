//! The WebAssembly half of the embed: it renders. The loader (static/article-widget.js) finds
//! the widgets, takes over pre-rendered ones without WebAssembly, fetches articles and reports
//! every event. When a widget must be rendered it calls `attach`, then `show` with the
//! article's UTF-8 JSON or `fail` with why there is none; both resolve once the article or the
//! error panel is on screen.

mod console;
mod dates;
mod mount;
mod settings;
mod view;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::load;
use mount::Mount;
use settings::Settings;

/// Starts rendering on `element`. `prerendered` is the widget root that `article-widget render`
/// wrote, which stays in view until an article replaces it; without it the element's shadow
/// root (which the loader made) shows the loading panel. `options`: `{ theme, headingLevel }`,
/// over the element's `data-theme` and `data-heading-level`.
#[wasm_bindgen]
pub fn attach(
    element: Element,
    prerendered: Option<Element>,
    options: JsValue,
) -> Result<RenderedWidget, JsValue> {
    let settings = Settings::from_element(&element).with_options(&options);
    let mount =
        Mount::attach(&element, prerendered, settings).map_err(|why| js_sys::Error::new(&why))?;
    Ok(RenderedWidget { mount })
}

/// A widget the WebAssembly renders.
#[wasm_bindgen]
pub struct RenderedWidget {
    mount: Rc<Mount>,
}

#[wasm_bindgen]
impl RenderedWidget {
    /// Where the widget renders: a `.artw-host` element.
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> Element {
        self.mount.root()
    }

    /// Reads, checks and shows an article given as UTF-8 JSON, fetched from `location` if it
    /// was. Resolves once it is on screen to `undefined`, or to the error panel's sentence when
    /// it cannot be shown (the details go to the console).
    pub fn show(&self, json: &[u8], location: Option<String>) -> js_sys::Promise {
        self.mount
            .settle(load::parse_json_bytes(json, location.as_deref()))
    }

    /// Shows the error panel for an article the loader could not fetch: `failure` is one of the
    /// loader's names (`timed-out`, `too-large`, `not-found`, `server-error` with `status`,
    /// `unreachable`, `not-readable`, `no-article`). Resolves to the panel's sentence.
    pub fn fail(&self, failure: &str, status: u16, details: String) -> js_sys::Promise {
        self.mount
            .settle(Err(load::LoadError::from_loader(failure, status, details)))
    }

    /// Applies `{ theme, headingLevel }` at once to what is on screen; fields left out keep
    /// their value.
    pub fn configure(&self, options: JsValue) {
        self.mount
            .configure(self.mount.settings().with_options(&options));
    }

    /// Stops rendering; the loader puts the element back as it was.
    pub fn destroy(&self) {
        self.mount.destroy();
    }
}
