use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::{AppHandle, AttrValue, Callback};

use super::console;
use super::dates::display_dates;
use super::settings::Settings;
use super::view::View;
use crate::components::{DisplayDates, Widget, WidgetProps, WidgetState};
use crate::i18n::Labels;
use crate::load::LoadError;
use crate::model::Checked;

/// One widget the WebAssembly renders.
pub(super) struct Mount {
    view: View,
    settings: Cell<Settings>,
    app: RefCell<Option<AppHandle<Widget>>>,
    /// What is on screen: the same state again renders nothing, so it settles at once.
    shown: RefCell<WidgetState>,
    /// Resolves the promise of the latest `settle`, once its state is on screen.
    on_settled: RefCell<Option<js_sys::Function>>,
    on_rendered: Callback<WidgetState>,
    /// See `WidgetProps::panel_lang`.
    panel_lang: AttrValue,
}

impl Mount {
    pub fn attach(
        element: &Element,
        prerendered: Option<Element>,
        settings: Settings,
    ) -> Result<Rc<Mount>, String> {
        let view = View::attach(element, prerendered)?;
        let mount = Rc::new_cyclic(|this: &Weak<Mount>| Mount {
            panel_lang: panel_lang(element).into(),
            view,
            settings: Cell::new(settings),
            app: RefCell::new(None),
            shown: RefCell::new(WidgetState::Loading),
            on_settled: RefCell::new(None),
            on_rendered: rendered_callback(this.clone()),
        });
        if !mount.view.prerendered {
            let props = mount.props(WidgetState::Loading);
            let app = yew::Renderer::<Widget>::with_root_and_props(mount.view.root.clone(), props)
                .render();
            mount.app.replace(Some(app));
        }
        Ok(mount)
    }

    pub fn root(&self) -> Element {
        self.view.root.clone()
    }

    /// Shows a loaded article or why it failed, reporting both in the console, and resolves
    /// once it is on screen: to `undefined` for an article, to the reader's sentence otherwise.
    /// A promise still pending from an earlier call resolves to `null`.
    pub fn settle(&self, loaded: Result<Checked, LoadError>) -> js_sys::Promise {
        let settled = js_sys::Promise::new(&mut |resolve, _| {
            self.resolve_with(&JsValue::NULL);
            self.on_settled.replace(Some(resolve));
        });
        self.present(loaded);
        settled
    }

    fn present(&self, loaded: Result<Checked, LoadError>) {
        let state = match loaded {
            Ok(checked) => {
                for warning in &checked.warnings {
                    console::warn(&warning.to_string());
                }
                WidgetState::Ready(Rc::new(checked.article))
            }
            Err(err) => {
                console::error(&err.details);
                let labels = Labels::for_lang(&self.panel_lang);
                WidgetState::Failed(err.reader_message(labels).into())
            }
        };
        if *self.shown.borrow() == state && self.app.borrow().is_some() {
            self.rendered(&state);
            return;
        }
        self.shown.replace(state.clone());
        let props = self.props(state);
        let mut app = self.app.borrow_mut();
        match app.as_mut() {
            Some(app) => app.update(props),
            None => {
                // Pre-rendered markup stays in view until now; the new state replaces it in
                // the same task, so nothing is drawn in between.
                let root = self.view.root.clone();
                root.set_text_content(None);
                *app = Some(yew::Renderer::<Widget>::with_root_and_props(root, props).render());
            }
        }
    }

    /// Shows what is on screen again with other settings. Pre-rendered markup has no Yew app
    /// yet, so the new settings apply from its first render.
    pub fn configure(&self, settings: Settings) {
        self.settings.set(settings);
        if let Some(app) = self.app.borrow_mut().as_mut() {
            app.update(self.props(self.shown.borrow().clone()));
        }
    }

    pub fn settings(&self) -> Settings {
        self.settings.get()
    }

    fn props(&self, state: WidgetState) -> WidgetProps {
        let dates = match &state {
            WidgetState::Ready(article) => display_dates(article),
            _ => DisplayDates::default(),
        };
        WidgetProps {
            state,
            theme: self.settings.get().theme,
            heading_level: self.settings.get().heading_level,
            dates,
            on_rendered: self.on_rendered.clone(),
            panel_lang: self.panel_lang.clone(),
        }
    }

    /// Called after each render; resolves `settle`'s promise for the settled states.
    fn rendered(&self, state: &WidgetState) {
        match state {
            WidgetState::Loading => {}
            WidgetState::Ready(_) => self.resolve_with(&JsValue::UNDEFINED),
            WidgetState::Failed(message) => self.resolve_with(&message.as_str().into()),
        }
    }

    fn resolve_with(&self, value: &JsValue) {
        if let Some(resolve) = self.on_settled.take() {
            let _ = resolve.call1(&JsValue::NULL, value);
        }
    }

    pub fn destroy(&self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.resolve_with(&JsValue::NULL);
    }
}

fn rendered_callback(mount: Weak<Mount>) -> Callback<WidgetState> {
    Callback::from(move |state: WidgetState| {
        if let Some(mount) = mount.upgrade() {
            mount.rendered(&state);
        }
    })
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
