//! The widget's messages to the host page's console, each marked as the widget's.

pub(super) fn warn(message: &str) {
    gloo_console::warn!(format!("article-widget: {message}"));
}

pub(super) fn error(message: &str) {
    gloo_console::error!(format!("article-widget: {message}"));
}
