use wasm_bindgen::prelude::*;
use yew::AttrValue;

use crate::components::DisplayDates;
use crate::i18n::Labels;
use crate::model::{Article, Timestamp};

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
pub(super) fn display_dates(article: &Article) -> DisplayDates {
    if Labels::written_in(article.lang()).is_some() {
        return DisplayDates::default();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    let Ok(format) = date_time_format(article.lang(), &options) else {
        return DisplayDates::default();
    };
    let write = |stamp: &Option<Timestamp>| {
        let date = js_sys::Date::new(&JsValue::from_str(stamp.as_ref()?.date()));
        format
            .format()
            .call1(&JsValue::NULL, &date)
            .ok()?
            .as_string()
            .map(AttrValue::from)
    };
    DisplayDates {
        published: write(&article.published),
        updated: write(&article.updated),
    }
}
