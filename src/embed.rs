//! The public JavaScript surface. It mounts every `[data-article-widget]` element (also those
//! added later), exposes `mount(element, source, options)` with a handle to `update` and
//! `destroy`, and reports `article-widget:ready`, `:error` and `:link` events on the element.
//!
//! Each widget renders in its element's shadow root, where a `<slot>` shows the host's own
//! children (the fallback) until the article is rendered, and again if it fails. Markup
//! pre-rendered by `article-widget render` is hydrated in place instead.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, Event, MutationObserver,
    MutationObserverInit, MutationRecord, ShadowRoot, ShadowRootInit, ShadowRootMode,
};
use yew::{AppHandle, AttrValue, Callback};

use crate::components::{HeadingLevel, Theme, Widget, WidgetProps, WidgetState};
use crate::load::{self, LoadError};
use crate::model::{date_part, Article, DisplayDates, Failure, Labels};
use crate::STYLESHEET;

const SELECTOR: &str = "[data-article-widget]";

thread_local! {
    /// One parsed stylesheet, adopted by every widget's shadow root.
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
    /// Every mounted widget, so a second mount of the same element replaces the first.
    static MOUNTED: RefCell<Vec<Rc<Mount>>> = const { RefCell::new(Vec::new()) };
}

/// Runs once when the module is instantiated: mounts what is on the page and watches for more.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        mount_within(&root);
        watch(&root);
    }
}

/// Mounts the widget on `element`. `source` is an article object or the URL of an article
/// JSON; when it is `undefined` or `null` the element's `data-src` or inline
/// `<script type="application/json">` is used. `options`: `{ theme: "light" | "dark" | "auto",
/// headingLevel: 1..5 }`.
///
/// Resolves, once the article or its error panel is on screen, to a handle. Rejects only when
/// `element` is not an element that can hold a shadow root.
#[wasm_bindgen(js_name = mount)]
pub async fn mount_js(
    element: JsValue,
    source: JsValue,
    options: JsValue,
) -> Result<WidgetHandle, JsValue> {
    let element: Element = element.dyn_into().map_err(|_| {
        js_sys::Error::new("article-widget: mount() needs a DOM element as its first argument")
    })?;
    let settings = Settings::from_element(&element).with_options(&options);
    let source = match Source::from_js(source) {
        Some(source) => source,
        None => Source::from_element(&element),
    };
    let mount = Mount::attach(element, settings).map_err(|why| js_sys::Error::new(&why))?;
    mount.load(source).await;
    Ok(WidgetHandle { mount })
}

/// What `mount()` resolves to.
#[wasm_bindgen]
pub struct WidgetHandle {
    mount: Rc<Mount>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Replaces the article with another (an article object). Returns whether it was shown;
    /// an invalid one shows the error panel and fires `article-widget:error`. A fetch still
    /// under way is abandoned. After `destroy()` it does nothing and returns false.
    pub fn update(&self, article: JsValue) -> bool {
        if !self.mount.is_mounted() {
            warn("update() after destroy() does nothing; mount the element again");
            return false;
        }
        let loaded = load::article_from_js(article);
        let ok = loaded.is_ok();
        self.mount.next_generation();
        self.mount.present(loaded);
        ok
    }

    /// Unmounts the widget and shows the element's own children again, as before `mount()`.
    pub fn destroy(&self) {
        self.mount.destroy();
    }
}

/// Where a widget's article comes from.
enum Source {
    Url(String),
    InlineJson(String),
    Object(JsValue),
    Missing,
}

impl Source {
    fn from_js(value: JsValue) -> Option<Source> {
        if value.is_undefined() || value.is_null() {
            None
        } else if let Some(url) = value.as_string() {
            Some(Source::Url(url))
        } else {
            Some(Source::Object(value))
        }
    }

    fn from_element(element: &Element) -> Source {
        if let Some(url) = element
            .get_attribute("data-src")
            .filter(|u| !u.trim().is_empty())
        {
            return Source::Url(url);
        }
        match element.query_selector(r#":scope > script[type="application/json"]"#) {
            Ok(Some(script)) => Source::InlineJson(script.text_content().unwrap_or_default()),
            _ => Source::Missing,
        }
    }

    async fn load(self) -> Result<crate::model::Checked, LoadError> {
        match self {
            Source::Url(url) => load::fetch_article(&url).await,
            Source::InlineJson(text) => load::parse_json_text(&text, None),
            Source::Object(value) => load::article_from_js(value),
            Source::Missing => Err(LoadError::new(
                Failure::NoArticle,
                "give the element a data-src URL or a <script type=\"application/json\"> child, or pass a source to mount()",
            )),
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Settings {
    theme: Theme,
    heading_level: HeadingLevel,
}

impl Settings {
    fn from_element(element: &Element) -> Settings {
        let theme = element.get_attribute("data-theme");
        let level = element.get_attribute("data-heading-level");
        Settings::default().with(theme, level)
    }

    fn with_options(self, options: &JsValue) -> Settings {
        if !options.is_object() {
            return self;
        }
        let field = |name: &str| {
            js_sys::Reflect::get(options, &name.into())
                .ok()
                .filter(|v| !v.is_undefined())
        };
        let theme = field("theme").map(|v| v.as_string().unwrap_or_default());
        // Whole numbers only: formatting a float in Rust would pull in the float formatting
        // code, about 14 KB of the module.
        let level = field("headingLevel").map(|v| {
            v.as_f64()
                .filter(|n| n.fract() == 0.0 && (0.0..=255.0).contains(n))
                .map(|n| (n as u8).to_string())
                .or_else(|| v.as_string())
                .unwrap_or_else(|| "?".into())
        });
        self.with(theme, level)
    }

    fn with(mut self, theme: Option<String>, level: Option<String>) -> Settings {
        if let Some(theme) = theme {
            match Theme::parse(&theme) {
                Some(theme) => self.theme = theme,
                None => warn(&format!(
                    "theme `{theme}` is not light, dark or auto; using {}",
                    self.theme.as_str()
                )),
            }
        }
        if let Some(level) = level {
            match level.trim().parse().ok().and_then(HeadingLevel::new) {
                Some(level) => self.heading_level = level,
                None => warn(&format!(
                    "heading level `{level}` is not 1 to 5; using {}",
                    self.heading_level.tag()
                )),
            }
        }
        self
    }
}

/// One mounted widget.
struct Mount {
    element: Element,
    view: View,
    settings: Settings,
    app: RefCell<Option<AppHandle<Widget>>>,
    /// Bumped by every load, update and destroy, so a late response cannot overwrite them.
    generation: Cell<u32>,
    destroyed: Cell<bool>,
    /// Resolves the promise `load` waits on, once the settled state is on screen.
    on_settled: RefCell<Option<js_sys::Function>>,
    on_rendered: Callback<WidgetState>,
    on_click: Closure<dyn Fn(Event)>,
    /// See `WidgetProps::panel_lang`.
    panel_lang: AttrValue,
}

impl Mount {
    fn attach(element: Element, settings: Settings) -> Result<Rc<Mount>, String> {
        if let Some(previous) = registered(&element) {
            previous.destroy();
        }
        let view = View::attach(&element)?;
        let mount = Rc::new_cyclic(|this: &Weak<Mount>| {
            let host = element.clone();
            let on_click =
                Closure::<dyn Fn(Event)>::new(move |event: Event| announce_link(&host, &event));
            let _ = view
                .root
                .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
            Mount {
                panel_lang: panel_lang(&element).into(),
                element,
                view,
                settings,
                app: RefCell::new(None),
                generation: Cell::new(0),
                destroyed: Cell::new(false),
                on_settled: RefCell::new(None),
                on_rendered: rendered_callback(this.clone()),
                on_click,
            }
        });
        if !mount.view.prerendered {
            let props = mount.props(WidgetState::Loading);
            let app = yew::Renderer::<Widget>::with_root_and_props(mount.view.root.clone(), props)
                .render();
            mount.app.replace(Some(app));
        }
        MOUNTED.with(|all| all.borrow_mut().push(mount.clone()));
        Ok(mount)
    }

    fn next_generation(&self) -> u32 {
        self.generation.set(self.generation.get().wrapping_add(1));
        self.generation.get()
    }

    fn is_mounted(&self) -> bool {
        !self.destroyed.get()
    }

    /// Loads the article and waits until it, or the error panel, is on screen.
    async fn load(self: &Rc<Self>, source: Source) {
        let generation = self.next_generation();
        let loaded = source.load().await;
        if generation != self.generation.get() || !self.is_mounted() {
            return; // Updated or destroyed while loading: this answer is stale.
        }
        let settled = js_sys::Promise::new(&mut |resolve, _| {
            self.on_settled.replace(Some(resolve));
        });
        self.present(loaded);
        let _ = wasm_bindgen_futures::JsFuture::from(settled).await;
    }

    /// Shows a loaded article or why it failed, reporting both in the console. Pre-rendered
    /// markup is taken over on the first article: it was rendered from the same one, so its
    /// nodes stay as they are. If that article cannot be read here, the markup is left to be
    /// read and only the error is announced.
    fn present(&self, loaded: Result<crate::model::Checked, LoadError>) {
        let state = match loaded {
            Ok(checked) => {
                for warning in &checked.warnings {
                    warn(&warning.to_string());
                }
                WidgetState::Ready(Rc::new(checked.article))
            }
            Err(err) => {
                web_sys::console::error_1(&format!("article-widget: {}", err.details).into());
                let labels = Labels::for_lang(&self.panel_lang);
                WidgetState::Failed(err.reader_message(&labels).into())
            }
        };
        let mut app = self.app.borrow_mut();
        match (app.as_mut(), &state) {
            (Some(app), _) => app.update(self.props(state)),
            (None, WidgetState::Ready(_)) => {
                let root = self.view.root.clone();
                let renderer =
                    yew::Renderer::<Widget>::with_root_and_props(root, self.props(state));
                *app = Some(take_over(renderer, &self.view.root));
            }
            (None, _) => {
                drop(app);
                self.rendered(&state);
            }
        }
    }

    fn props(&self, state: WidgetState) -> WidgetProps {
        let dates = match &state {
            WidgetState::Ready(article) => display_dates(article),
            _ => DisplayDates::default(),
        };
        WidgetProps {
            state,
            theme: self.settings.theme,
            heading_level: self.settings.heading_level,
            dates,
            on_rendered: self.on_rendered.clone(),
            panel_lang: self.panel_lang.clone(),
        }
    }

    /// Called after each render; announces the settled states.
    fn rendered(&self, state: &WidgetState) {
        match state {
            WidgetState::Loading => return,
            WidgetState::Ready(_) => self.dispatch("article-widget:ready", &js_sys::Object::new()),
            WidgetState::Failed(message) => {
                let detail = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.as_str().into());
                self.dispatch("article-widget:error", &detail);
            }
        }
        if let Some(resolve) = self.on_settled.take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }

    fn dispatch(&self, name: &str, detail: &JsValue) {
        dispatch(&self.element, name, detail);
    }

    fn destroy(&self) {
        self.next_generation();
        if self.destroyed.replace(true) {
            return;
        }
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        let _ = self
            .view
            .root
            .remove_event_listener_with_callback("click", self.on_click.as_ref().unchecked_ref());
        self.view.detach();
        if let Some(resolve) = self.on_settled.take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
        MOUNTED.with(|all| all.borrow_mut().retain(|m| m.element != self.element));
    }
}

fn rendered_callback(mount: Weak<Mount>) -> Callback<WidgetState> {
    Callback::from(move |state: WidgetState| {
        if let Some(mount) = mount.upgrade() {
            mount.rendered(&state);
        }
    })
}

fn registered(element: &Element) -> Option<Rc<Mount>> {
    MOUNTED.with(|all| all.borrow().iter().find(|m| &m.element == element).cloned())
}

/// Where one widget renders: `root`, the element Yew renders into, is the only child of the
/// element's shadow root, or, on a pre-rendered page, a plain child of the element.
struct View {
    root: Element,
    shadow: Option<ShadowRoot>,
    /// `root` already holds the article, rendered by `article-widget render`.
    prerendered: bool,
}

impl View {
    fn attach(host: &Element) -> Result<View, String> {
        if let Some(root) = prerendered(host.query_selector(":scope > .artw-host").ok().flatten()) {
            return Ok(View {
                root,
                shadow: None,
                prerendered: true,
            });
        }
        let shadow = match host.shadow_root() {
            Some(shadow) => shadow,
            None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|_| {
                format!(
                    "article-widget: a <{}> cannot hold the widget; use a <div>, <section> or <article>",
                    host.local_name()
                )
            })?,
        };
        if let Some(sheet) = shared_sheet() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
        // `:scope` does not reach a shadow root's own children, so look among them directly.
        let children = shadow.children();
        let host_root = (0..children.length())
            .filter_map(|i| children.item(i))
            .find(|e| e.matches(".artw-host").unwrap_or(false));
        if let Some(root) = prerendered(host_root) {
            return Ok(View {
                root,
                shadow: Some(shadow),
                prerendered: true,
            });
        }
        let root = empty(&shadow, host)?;
        root.set_class_name("artw-host");
        Ok(View {
            root,
            shadow: Some(shadow),
            prerendered: false,
        })
    }

    /// Leaves only a slot, so the element renders its own children as it did before.
    fn detach(&self) {
        if let Some(shadow) = &self.shadow {
            if let Some(slot) = self
                .root
                .owner_document()
                .and_then(|d| d.create_element("slot").ok())
            {
                shadow.replace_children_with_node_1(&slot);
            }
            shadow.set_adopted_style_sheets(&js_sys::Array::new());
        }
    }
}

/// The host page's language where the element sits (or the document's, from inside another
/// component's shadow root), when the widget has labels in it; English otherwise.
fn panel_lang(element: &Element) -> String {
    let document = || element.owner_document()?.document_element();
    element
        .closest("[lang]")
        .ok()
        .flatten()
        .or_else(document)
        .and_then(|holder| holder.get_attribute("lang"))
        .filter(|lang| Labels::written_in(lang).is_some())
        .unwrap_or_else(|| "en".to_owned())
}

/// Takes over pre-rendered markup, keeping every node.
#[cfg(feature = "hydration")]
fn take_over(renderer: yew::Renderer<Widget>, _root: &Element) -> AppHandle<Widget> {
    renderer.hydrate()
}

/// The client-only build cannot hydrate (the loader picks the other build for pages with
/// pre-rendered widgets); pre-rendered markup added later is rendered afresh in its place.
#[cfg(not(feature = "hydration"))]
fn take_over(renderer: yew::Renderer<Widget>, root: &Element) -> AppHandle<Widget> {
    root.set_text_content(None);
    renderer.render()
}

/// The widget root, if it already holds pre-rendered markup.
fn prerendered(root: Option<Element>) -> Option<Element> {
    root.filter(|root| root.child_element_count() > 0)
}

/// Empties the shadow root and gives it one new `<div>`.
fn empty(shadow: &ShadowRoot, host: &Element) -> Result<Element, String> {
    let document = host
        .owner_document()
        .ok_or("article-widget: the element has no document")?;
    let root = document
        .create_element("div")
        .map_err(|_| "article-widget: cannot create the widget's root")?;
    shadow.replace_children_with_node_1(&root);
    Ok(root)
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

/// Tells the host about a click on one of the widget's links.
fn announce_link(host: &Element, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Ok(Some(link)) = target.closest("a[data-kind]") else {
        return;
    };
    let detail = js_sys::Object::new();
    let href = js_sys::Reflect::get(&link, &"href".into()).unwrap_or_default();
    let kind = link.get_attribute("data-kind").unwrap_or_default();
    let _ = js_sys::Reflect::set(&detail, &"href".into(), &href);
    let _ = js_sys::Reflect::set(&detail, &"kind".into(), &kind.into());
    dispatch(host, "article-widget:link", &detail);
}

fn dispatch(target: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`, which throws on a locale it cannot use.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(
        locales: &str,
        options: &JsValue,
    ) -> Result<js_sys::Intl::DateTimeFormat, JsValue>;
}

/// The article's dates in its own language, by the browser's `Intl`, when the widget has no
/// labels in that language: the calendar date as written (formatted in UTC from its date
/// part), so every reader sees the same day.
fn display_dates(article: &Article) -> DisplayDates {
    if Labels::written_in(article.lang()).is_some() {
        return DisplayDates::default();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    let Ok(format) = date_time_format(article.lang(), &options) else {
        return DisplayDates::default();
    };
    let write = |stamp: &Option<String>| {
        let day = date_part(stamp.as_deref()?)?;
        let date = js_sys::Date::new(&JsValue::from_str(day));
        format
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()?
            .as_string()
    };
    DisplayDates {
        published: write(&article.published),
        updated: write(&article.updated),
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("article-widget: {message}").into());
}

/// Mounts `root` and every widget element inside it that is not mounted yet.
fn mount_within(root: &Element) {
    let mut found = Vec::new();
    if root.matches(SELECTOR).unwrap_or(false) {
        found.push(root.clone());
    }
    if let Ok(list) = root.query_selector_all(SELECTOR) {
        found.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()));
    }
    for element in found.into_iter().filter(|e| registered(e).is_none()) {
        let settings = Settings::from_element(&element);
        let source = Source::from_element(&element);
        match Mount::attach(element, settings) {
            Ok(mount) => wasm_bindgen_futures::spawn_local(async move { mount.load(source).await }),
            Err(why) => web_sys::console::error_1(&why.into()),
        }
    }
}

/// Mounts widget elements added to the page later, and unmounts those taken out of it.
fn watch(root: &Element) {
    let on_change = Closure::<dyn Fn(js_sys::Array)>::new(|records: js_sys::Array| {
        for record in records
            .iter()
            .filter_map(|r| r.dyn_into::<MutationRecord>().ok())
        {
            if let Some(target) = record.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                if record.type_() == "attributes" {
                    mount_within(&target);
                }
            }
            let added = record.added_nodes();
            for node in (0..added.length()).filter_map(|i| added.item(i)) {
                if let Ok(element) = node.dyn_into::<Element>() {
                    mount_within(&element);
                }
            }
        }
        let gone: Vec<Rc<Mount>> = MOUNTED.with(|all| {
            all.borrow()
                .iter()
                .filter(|m| !m.element.is_connected())
                .cloned()
                .collect()
        });
        for mount in gone {
            mount.destroy();
        }
    });
    let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_attribute_filter(&js_sys::Array::of1(&"data-article-widget".into()));
    let _ = observer.observe_with_options(root, &options);
    // The observer watches for the page's lifetime.
    on_change.forget();
}
