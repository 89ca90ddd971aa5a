//! The widget's messages to the host page's console, each marked as the widget's.

pub(super) fn warn(message: &str) {
    web_sys::console::warn_1(&format!("article-widget: {message}").into());
}

pub(super) fn error(message: &str) {
    web_sys::console::error_1(&format!("article-widget: {message}").into());
}
