//! Text for XML and HTML alike.

use article_widget::ssr::escape;

/// Text without the characters XML 1.0 cannot hold (most C0 controls and the non-characters
/// U+FFFE and U+FFFF), which JSON strings may carry.
pub fn xml_chars(text: &str) -> String {
    let allowed = |c: &char| {
        matches!(c, '\t' | '\n' | '\r') || (*c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    };
    text.chars().filter(allowed).collect()
}

/// Text for XML or HTML, as element content or a quoted attribute value: escaped, and
/// without what XML cannot hold (`xml_chars`).
pub fn xml(text: &str) -> String {
    escape(&xml_chars(text))
}
