//! A source's bytes as text, decoded as a browser decodes a page: its byte order mark, else
//! the encoding its `<meta>` declares (the HTML standard's prescan of the first 1024 bytes),
//! else the one its XML declaration names, else UTF-8; bytes that are not UTF-8 and declare
//! nothing are read as windows-1252, as browsers read old pages, with a warning.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many bytes the prescan looks at, as the HTML standard says.
const PRESCAN_BYTES: usize = 1024;

/// A source's text and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name, e.g. `windows-1252`.
    pub encoding: &'static str,
    /// What a reader should know about the decoding: an encoding guessed, or bytes replaced.
    pub warning: Option<String>,
}

/// Decodes a source's bytes; never fails, as a browser shows any bytes.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return with(encoding, &bytes[bom_length..], "its byte order mark");
    }
    // JSON (a JSON Feed) is UTF-8 by its standard; a `<meta>` in an item's HTML says nothing
    // about the file.
    let json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{');
    if !json {
        if let Some(encoding) = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
            return with(encoding, bytes, "its <meta> declaration");
        }
        if let Some(encoding) = xml_declaration(bytes) {
            return with(encoding, bytes, "its XML declaration");
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            warning: None,
        },
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                encoding: WINDOWS_1252.name(),
                warning: Some(
                    "it declares no encoding and is not UTF-8; it was read as windows-1252, as browsers read such pages"
                        .to_owned(),
                ),
            }
        }
    }
}

fn with(encoding: &'static Encoding, bytes: &[u8], said_by: &str) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| {
        format!(
            "{said_by} says it is {}, but some of its bytes are not; they read as U+FFFD (\u{fffd})",
            encoding.name()
        )
    });
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        warning,
    }
}

/// The encoding a page's `<meta charset>` or `<meta http-equiv="content-type">` declares in
/// its first bytes: the HTML standard's "prescan a byte stream to determine its encoding".
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let tag_start = |from: usize| rest.get(from).is_some_and(u8::is_ascii_alphabetic);
        if rest.starts_with(b"<!--") {
            // A comment: to its `-->`, whose dashes may be the opening's own.
            at += find(&rest[2..], b"-->").map_or(rest.len(), |end| 2 + end + 3);
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|b| is_space_or_slash(*b))
        {
            at += 5;
            if let Some(found) = meta(bytes, &mut at) {
                return Some(found);
            }
        } else if rest.first() == Some(&b'<')
            && (tag_start(1) || rest.get(1) == Some(&b'/') && tag_start(2))
        {
            // Another tag: past its name and its attributes.
            while at < bytes.len() && !is_space_or_slash(bytes[at]) && bytes[at] != b'>' {
                at += 1;
            }
            while attribute(bytes, &mut at).is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            at = skip_to(bytes, at, b'>');
        } else {
            at += 1;
        }
    }
    None
}

/// A `<meta>` element's attributes, read from just after its name: the encoding it
/// declares, if it declares one the standard accepts.
fn meta(bytes: &[u8], at: &mut usize) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    // Whether the encoding came from `content`, which counts only beside `http-equiv`.
    let mut need_pragma: Option<bool> = None;
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Some((name, value)) = attribute(bytes, at) {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" if value == b"content-type" => got_pragma = true,
            b"content" if charset.is_none() => {
                if let Some(found) = charset_in_content(&value) {
                    charset = Some(found);
                    need_pragma = Some(true);
                }
            }
            b"charset" if charset.is_none() => {
                charset = Some(Encoding::for_label(value.trim_ascii()));
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    match need_pragma? {
        true if !got_pragma => None,
        _ => charset.flatten().map(standard_override),
    }
}

/// The standard reads a declared UTF-16 as UTF-8 (the bytes being ASCII-compatible, as the
/// declaration was just read), and x-user-defined as windows-1252.
fn standard_override(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// One attribute, per the standard's "get an attribute": its lower-case name and its value;
/// None at the tag's end.
fn attribute(bytes: &[u8], at: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while *at < bytes.len() && is_space_or_slash(bytes[*at]) {
        *at += 1;
    }
    if *at >= bytes.len() || bytes[*at] == b'>' {
        return None;
    }
    let mut name = Vec::new();
    loop {
        let byte = *bytes.get(*at)?;
        match byte {
            b'=' if !name.is_empty() => break,
            b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => {
                while bytes.get(*at).is_some_and(u8::is_ascii_whitespace) {
                    *at += 1;
                }
                if bytes.get(*at) != Some(&b'=') {
                    return Some((name, Vec::new()));
                }
                break;
            }
            b'/' | b'>' => return Some((name, Vec::new())),
            _ => name.push(byte.to_ascii_lowercase()),
        }
        *at += 1;
    }
    // At the `=`.
    *at += 1;
    while bytes.get(*at).is_some_and(u8::is_ascii_whitespace) {
        *at += 1;
    }
    let mut value = Vec::new();
    match *bytes.get(*at)? {
        quote @ (b'"' | b'\'') => {
            *at += 1;
            loop {
                let byte = *bytes.get(*at)?;
                *at += 1;
                if byte == quote {
                    return Some((name, value));
                }
                value.push(byte.to_ascii_lowercase());
            }
        }
        b'>' => Some((name, value)),
        _ => {
            while let Some(&byte) = bytes.get(*at) {
                if byte.is_ascii_whitespace() || byte == b'>' {
                    break;
                }
                value.push(byte.to_ascii_lowercase());
                *at += 1;
            }
            Some((name, value))
        }
    }
}

/// The standard's "extract a character encoding from a meta element": the `charset=` in
/// `text/html; charset=windows-1252`: Some when it names one, Some(None) when that is no
/// encoding.
fn charset_in_content(content: &[u8]) -> Option<Option<&'static Encoding>> {
    let mut rest = content;
    loop {
        let at = find(rest, b"charset")?;
        rest = &rest[at + 7..];
        let after = rest.trim_ascii_start();
        if let Some(value) = after.strip_prefix(b"=") {
            let value = value.trim_ascii_start();
            let label = match value.first() {
                Some(&quote @ (b'"' | b'\'')) => {
                    let inner = &value[1..];
                    &inner[..find(inner, &[quote])?]
                }
                Some(_) => {
                    let end = value
                        .iter()
                        .position(|b| b.is_ascii_whitespace() || *b == b';')
                        .unwrap_or(value.len());
                    &value[..end]
                }
                None => return None,
            };
            return Some(Encoding::for_label(label));
        }
        rest = after;
    }
}

/// The encoding an XML declaration at the very start names: `<?xml version="1.0"
/// encoding="ISO-8859-1"?>`.
fn xml_declaration(bytes: &[u8]) -> Option<&'static Encoding> {
    let declaration = xml_declaration_span(bytes)?;
    let text = &bytes[declaration];
    let at = find(text, b"encoding")?;
    let value = text[at + 8..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let quote = *value.first().filter(|q| matches!(q, b'"' | b'\''))?;
    let inner = &value[1..];
    let label = &inner[..find(inner, &[quote])?];
    Encoding::for_label(label).map(standard_override)
}

/// Where the XML declaration is, when the text starts with one.
pub(crate) fn xml_declaration_span(bytes: &[u8]) -> Option<std::ops::Range<usize>> {
    if !bytes.starts_with(b"<?xml") || !bytes.get(5).is_some_and(u8::is_ascii_whitespace) {
        return None;
    }
    let end = find(&bytes[..bytes.len().min(PRESCAN_BYTES)], b"?>")?;
    Some(0..end + 2)
}

/// The text with its XML declaration saying UTF-8: the text is decoded already, and a
/// parser that read the declaration would decode it a second time.
pub(crate) fn declared_utf8(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(span) = xml_declaration_span(text.as_bytes()) else {
        return text.into();
    };
    let declaration = &text[span];
    let value = declaration.find("encoding").and_then(|at| {
        let after = declaration[at + 8..]
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let quote = after.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let start = declaration.len() - after.len() + 1;
        Some(start..start + after[1..].find(quote)?)
    });
    match value {
        Some(value) => format!("{}UTF-8{}", &text[..value.start], &text[value.end..]).into(),
        None => text.into(),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

fn skip_to(bytes: &[u8], from: usize, byte: u8) -> usize {
    bytes[from..]
        .iter()
        .position(|b| *b == byte)
        .map_or(bytes.len(), |i| from + i + 1)
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn is_space_or_slash(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/')
}
