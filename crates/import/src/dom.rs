//! Reading a parsed page: elements by name and by the words their class and id hold, the
//! outermost of a kind, text as a browser lays it out, and where an image loads from.

use dom_query::{Document, NodeRef};

use super::text::squash;

/// A node's text with a space between the texts of its elements, as a browser lays out
/// blocks, and without times, scripts and drawings: "By Ana Ruiz" and "Published …" in two
/// `<div>`s do not run together.
pub fn laid_out_text(node: &NodeRef) -> String {
    let skipped = |n: &NodeRef| {
        matches!(
            n.node_name().as_deref(),
            Some("time" | "script" | "style" | "svg" | "noscript")
        )
    };
    if skipped(node) {
        return String::new();
    }
    if node.is_text() {
        return squash(&node.text());
    }
    let parts: Vec<String> = node
        .descendants()
        .iter()
        .filter(|d| d.is_text() && !d.ancestors(None).iter().any(&skipped))
        .map(|d| d.text().to_string())
        .collect();
    squash(&parts.join(" "))
}

/// Class and id tokens, lower-cased, with `_` read as `-`.
pub fn marks(node: &NodeRef) -> String {
    let class = node.attr("class").unwrap_or_default();
    let id = node.attr("id").unwrap_or_default();
    let role = node.attr("data-component").unwrap_or_default();
    format!(" {class} {id} {role} ")
        .to_ascii_lowercase()
        .replace('_', "-")
}

pub fn marked(node: &NodeRef, words: &[&str]) -> bool {
    let marks = marks(node);
    words.iter().any(|w| marks.contains(w))
}

pub fn name_of(node: &NodeRef) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

pub fn elements<'a>(doc: &'a Document) -> Vec<NodeRef<'a>> {
    doc.select("body *").nodes().to_vec()
}

/// The outermost of the nodes that pass `test`: a box inside a box counts once.
pub fn outermost<'a>(doc: &'a Document, test: impl Fn(&NodeRef) -> bool) -> Vec<NodeRef<'a>> {
    let found: Vec<NodeRef> = elements(doc).into_iter().filter(|n| test(n)).collect();
    let ids: Vec<_> = found.iter().map(|n| n.id).collect();
    found
        .into_iter()
        .filter(|n| !n.ancestors(None).iter().any(|a| ids.contains(&a.id)))
        .collect()
}

/// The source an image shows: a lazy loader's real address before a placeholder `src`, and
/// the widest `srcset` candidate when there is no single source.
pub fn image_source(node: &NodeRef) -> Option<String> {
    let attr = |name: &str| {
        node.attr(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let lazy = [
        "data-src",
        "data-lazy-src",
        "data-original",
        "data-url",
        "data-hi-res-src",
        "data-full-src",
    ];
    if let Some(src) = lazy.iter().find_map(|name| attr(name)) {
        return Some(src);
    }
    let src = attr("src").filter(|s| !s.starts_with("data:") && !s.starts_with("blob:"));
    if src.is_some() {
        return src;
    }
    ["data-srcset", "srcset", "data-lazy-srcset"]
        .iter()
        .find_map(|name| attr(name))
        .and_then(|set| widest(&set))
        .or_else(|| attr("src"))
}

/// The widest candidate of a `srcset` (`a.jpg 480w, b.jpg 960w`, or `1x`/`2x`).
fn widest(set: &str) -> Option<String> {
    let mut best: Option<(f64, String)> = None;
    for candidate in set.split(',') {
        let mut parts = candidate.split_whitespace();
        let Some(url) = parts.next() else { continue };
        let size = parts
            .next()
            .and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f64>().ok())
            .unwrap_or(1.0);
        if best.as_ref().is_none_or(|(b, _)| size > *b) {
            best = Some((size, url.to_owned()));
        }
    }
    best.map(|(_, url)| url)
}
