//! How deeply a page's elements nest, told before it is parsed. Every step of reading a page
//! that looks at an element's ancestors or descendants costs time in proportion to the depth,
//! so a page nested tens of thousands deep would take minutes; Chromium's parser stops
//! nesting at the same depth (it adds deeper elements as siblings), so no page a browser
//! shows as written is refused.

/// The deepest elements may nest in a page or a feed item's HTML.
pub const MAX_NESTING: usize = 512;

/// Where a text's elements first nest deeper than [`MAX_NESTING`]: the line, counted from 1.
///
/// The elements are counted as a browser's parser opens and closes them, in one pass with
/// a stack of open element names no deeper than the limit: end tags close what they match,
/// elements whose end tag may be left out (`p`, `li`, `td`, `option`…) close their
/// predecessor, void elements (`br`, `img`…) never open, and the text of `script`, `style`,
/// `textarea` and `title`, comments and CDATA hold no elements.
pub fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|b| *b == b'<') {
        at += offset;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            at = after(bytes, at + 4, b"-->");
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            at = after(bytes, at + 9, b"]]>");
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = after(bytes, at + 2, b">");
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            at += 1;
            continue;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .map_or(bytes.len(), |i| name_start + i);
        let name = text[name_start..name_end].to_ascii_lowercase();
        let tag_end = tag_end(bytes, name_end);
        let self_closing = tag_end >= 2 && bytes[tag_end - 2] == b'/';
        at = tag_end;
        if closing {
            if let Some(i) = open.iter().rposition(|n| *n == name) {
                open.truncate(i);
            }
            continue;
        }
        close_implied(&mut open, &name);
        // In SVG and MathML, and only there, `<x/>` closes itself.
        let foreign = || is_foreign(&name) || open.iter().any(|n| is_foreign(n));
        if VOID.contains(&name.as_str()) || (self_closing && foreign()) {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let end = format!("</{name}");
            at = bytes[at..]
                .windows(end.len())
                .position(|w| w.eq_ignore_ascii_case(end.as_bytes()))
                .map_or(bytes.len(), |i| at + i);
            continue;
        }
        if matches!(name.as_str(), "html" | "body" | "head") && open.contains(&name) {
            continue;
        }
        open.push(name);
        if open.len() > MAX_NESTING {
            return Some(1 + bytes[..at].iter().filter(|b| **b == b'\n').count());
        }
    }
    None
}

/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose text is not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

fn is_foreign(name: &str) -> bool {
    matches!(name, "svg" | "math")
}

/// A start tag closes the open elements it cannot sit in, as the parser does: a paragraph
/// ends at a block, a list item at the next item, a cell at the next cell or row. Only as far
/// as the element that bounds them (the list, the table).
fn close_implied(open: &mut Vec<String>, name: &str) {
    let (closes, bounds): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol", "menu"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot", "tr", "td", "th"], &["table"]),
        "option" => (&["option"], &["select", "datalist", "optgroup"]),
        "optgroup" => (&["option", "optgroup"], &["select"]),
        "rb" | "rt" | "rtc" | "rp" => (&["rb", "rt", "rtc", "rp"], &["ruby"]),
        "a" => (&["a"], &["table", "td", "th", "caption"]),
        _ if closes_paragraph(name) => (&["p"], &["button", "table", "td", "th", "caption"]),
        _ => return,
    };
    // The outermost such element inside the bound, and all it holds: a row closes its cells.
    let outermost = open
        .iter()
        .rev()
        .take_while(|n| !bounds.contains(&n.as_str()))
        .enumerate()
        .filter(|(_, n)| closes.contains(&n.as_str()))
        .last();
    if let Some((from_top, _)) = outermost {
        open.truncate(open.len() - 1 - from_top);
    }
    if name == "li" || name == "dt" || name == "dd" {
        close_implied(open, "p");
    }
}

fn closes_paragraph(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

/// Just past the first `end` at or after `from`, or the text's end.
fn after(bytes: &[u8], from: usize, end: &[u8]) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.windows(end.len()).position(|w| w == end))
        .map_or(bytes.len(), |i| from + i + end.len())
}

/// Just past a tag's `>`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &byte) in bytes.iter().enumerate().skip(from) {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(q), _) if byte == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}
