//! A small reader for the markup the pre-renderer writes, to check it for anything that runs.
#![allow(dead_code)]

/// The schemes a written URL may have (tests/fixtures/url-rules.json, which the end-to-end
/// suite reads too): for links, and for images.
pub fn schemes() -> (Vec<String>, Vec<String>) {
    let rules: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/url-rules.json")).unwrap();
    let list = |key: &str| -> Vec<String> {
        rules[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    (list("link"), list("image"))
}

/// Whether a URL in an `href` or `src` is one the widget may write: a link's scheme, or
/// relative (but not protocol-relative).
pub fn allowed(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_end = lower.find(['/', '?', '#']).unwrap_or(lower.len());
    match scheme_end {
        Some(colon) if colon < path_end => schemes().0.contains(&lower[..colon].to_owned()),
        _ => !lower.starts_with("//") && !lower.starts_with("/\\"),
    }
}

pub struct Tag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
}

impl Tag {
    pub fn attribute(&self, name: &str) -> Option<String> {
        self.attributes
            .iter()
            .find(|(a, _)| a == name)
            .map(|(_, v)| v.clone())
    }
}

/// The start tags of serialized markup, with their attributes unescaped. Text is escaped by
/// the renderer, so every `<` in it starts a tag or a comment.
pub fn tags(html: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if rest.starts_with("!--") {
            rest = &rest[rest.find("-->").unwrap() + 3..];
            continue;
        }
        if rest.starts_with('/') {
            continue;
        }
        let end = tag_end(rest);
        let inside = &rest[..end];
        rest = &rest[end..];
        let name_end = inside.find([' ', '>', '/']).unwrap_or(inside.len());
        let mut tag = Tag {
            name: inside[..name_end].to_ascii_lowercase(),
            attributes: Vec::new(),
        };
        let mut attrs = &inside[name_end..];
        loop {
            attrs = attrs.trim_start_matches([' ', '/']);
            if attrs.is_empty() {
                break;
            }
            let name_end = attrs.find(['=', ' ']).unwrap_or(attrs.len());
            let attribute = attrs[..name_end].to_ascii_lowercase();
            attrs = &attrs[name_end..];
            let value = if let Some(quoted) = attrs.strip_prefix("=\"") {
                let close = quoted.find('"').unwrap();
                attrs = &quoted[close + 1..];
                unescape(&quoted[..close])
            } else {
                String::new()
            };
            tag.attributes.push((attribute, value));
        }
        found.push(tag);
    }
    found
}

/// Where a start tag ends: the first `>` outside a quoted attribute value.
fn tag_end(tag: &str) -> usize {
    let mut quoted = false;
    for (i, c) in tag.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return i,
            _ => {}
        }
    }
    tag.len()
}

fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
