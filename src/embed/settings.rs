use wasm_bindgen::JsValue;
use web_sys::Element;

use super::console;
use crate::components::{HeadingLevel, Theme};

/// How a widget is shown: from the element's attributes, then `mount()`'s options.
#[derive(Clone, Copy, Default)]
pub(super) struct Settings {
    pub theme: Theme,
    pub heading_level: HeadingLevel,
}

impl Settings {
    pub fn from_element(element: &Element) -> Settings {
        let theme = element.get_attribute("data-theme");
        let level = element.get_attribute("data-heading-level");
        Settings::default().with(theme, level)
    }

    pub fn with_options(self, options: &JsValue) -> Settings {
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
                None => console::warn(&format!(
                    "theme `{theme}` is not light, dark or auto; using {}",
                    self.theme.as_str()
                )),
            }
        }
        if let Some(level) = level {
            match level.trim().parse().ok().and_then(HeadingLevel::new) {
                Some(level) => self.heading_level = level,
                None => console::warn(&format!(
                    "heading level `{level}` is not 1 to 5; using {}",
                    self.heading_level.tag()
                )),
            }
        }
        self
    }
}
