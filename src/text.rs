//! Searching text for a piece of text, as `str::find`, `split_once`, `split` and `replace` do
//! with a `&str` pattern, but by comparing bytes: the standard library's searcher for string
//! patterns (two-way) costs the wasm over two kilobytes, and the widget only ever looks for a
//! few bytes in short texts. A needle is valid UTF-8, so where its bytes match is where its
//! characters do, on character boundaries. An empty needle matches at the start, as the
//! standard library's does.

/// The byte index of the first `needle` in `haystack`, as `haystack.find(needle)`.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len()).find(|&at| haystack[at..].starts_with(needle))
}

/// `text.split_once(separator)`.
pub(crate) fn split_once<'a>(text: &'a str, separator: &str) -> Option<(&'a str, &'a str)> {
    let at = find(text, separator)?;
    Some((&text[..at], &text[at + separator.len()..]))
}

/// `text.replace(from, to)` for a non-empty `from`.
pub(crate) fn replace(text: &str, from: &str, to: &str) -> String {
    let mut replaced = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = split_once(rest, from) {
        replaced.push_str(before);
        replaced.push_str(to);
        rest = after;
    }
    replaced.push_str(rest);
    replaced
}

/// The pieces of `text` between each `separator`, as `text.split(separator)` for a non-empty
/// `separator`.
pub(crate) fn split<'a>(text: &'a str, separator: &'a str) -> impl Iterator<Item = &'a str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let piece = rest?;
        match split_once(piece, separator) {
            Some((before, after)) => {
                rest = Some(after);
                Some(before)
            }
            None => {
                rest = None;
                Some(piece)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "",
        "a",
        "{n} min read",
        "{n}{n}",
        "x{n}",
        "{n",
        "n}",
        "{{n}}",
        "héllo {n} wörld {n}",
        "\n\n",
        "one\n\ntwo\n\n\nthree\n\n",
        "\n\n\n\n",
        "https://example.com/a://b",
        "مرحبا {}",
        "{}",
        "日本語{d}日本語",
    ];
    const NEEDLES: &[&str] = &["{n}", "\n\n", "://", "{}", "{d}", "a", "日本", "é", "}}"];

    #[test]
    fn matches_the_standard_library() {
        for text in TEXTS {
            for needle in NEEDLES {
                assert_eq!(find(text, needle), text.find(needle), "{text:?} {needle:?}");
                assert_eq!(split_once(text, needle), text.split_once(needle));
                assert_eq!(replace(text, needle, "<x>"), text.replace(needle, "<x>"));
                assert_eq!(replace(text, needle, ""), text.replace(needle, ""));
                assert_eq!(
                    split(text, needle).collect::<Vec<_>>(),
                    text.split(needle).collect::<Vec<_>>()
                );
            }
            assert_eq!(find(text, ""), text.find(""));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn matches_the_standard_library_on_any_text(
            text in "[ab{}n\n:/é日]{0,24}",
            needle in "[ab{}n\n:/é日]{1,4}",
        ) {
            proptest::prop_assert_eq!(find(&text, &needle), text.find(needle.as_str()));
            proptest::prop_assert_eq!(split_once(&text, &needle), text.split_once(needle.as_str()));
            proptest::prop_assert_eq!(replace(&text, &needle, "<x>"), text.replace(needle.as_str(), "<x>"));
            proptest::prop_assert_eq!(
                split(&text, &needle).collect::<Vec<_>>(),
                text.split(needle.as_str()).collect::<Vec<_>>()
            );
        }
    }
}
