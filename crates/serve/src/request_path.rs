//! A request's path to the name of a site file. The site is a table in memory, so no request
//! can reach a file outside it; a path that could mean a different file elsewhere (`..`, `.`,
//! backslashes, control characters, empty segments, encoded slashes, bytes that are not
//! UTF-8) names no file at all.

use percent_encoding::percent_decode_str;

/// The site file a URL path names (`/krebs/` is `krebs/index.html`), decoded once; `None`
/// when it names none.
pub(crate) fn site_key(path: &str) -> Option<String> {
    let path = path.strip_prefix('/')?;
    let mut key = String::with_capacity(path.len() + 10);
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, raw) in segments.iter().enumerate() {
        if raw.is_empty() {
            if i == last {
                break;
            }
            return None;
        }
        let segment = percent_decode_str(raw).decode_utf8().ok()?;
        let unsafe_segment = segment == "."
            || segment == ".."
            || segment.starts_with('.')
            || segment.contains(['/', '\\'])
            || segment.chars().any(char::is_control);
        if unsafe_segment {
            return None;
        }
        key.push_str(&segment);
        key.push('/');
    }
    if key.is_empty() || path.ends_with('/') {
        key.push_str("index.html");
    } else {
        key.pop();
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::site_key;

    #[test]
    fn paths_name_site_files() {
        let cases = [
            ("/", Some("index.html")),
            ("/krebs/", Some("krebs/index.html")),
            ("/krebs/embed.html", Some("krebs/embed.html")),
            (
                "/widget/wasm/article-widget_bg.wasm",
                Some("widget/wasm/article-widget_bg.wasm"),
            ),
            (
                "/%D8%A7%D9%84%D8%B9%D8%B1%D8%A8%D9%8A%D8%A9/",
                Some("العربية/index.html"),
            ),
            ("/page/2/", Some("page/2/index.html")),
        ];
        for (path, key) in cases {
            assert_eq!(site_key(path).as_deref(), key, "{path}");
        }
    }

    #[test]
    fn paths_that_could_leave_the_site_name_nothing() {
        let cases = [
            "/../etc/passwd",
            "/krebs/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/krebs%2f..%2f..%2fetc",
            "/..%5c..%5cetc",
            "/krebs\\..\\..\\etc",
            "/krebs/%00",
            "/krebs%00/index.html",
            "//etc/passwd",
            "/./krebs/",
            "/.article-widget-site",
            "/%ff/",
            "relative",
        ];
        for path in cases {
            assert_eq!(site_key(path), None, "{path}");
        }
        // Decoded once: a name with a percent sign in it, which no site file has.
        assert_eq!(
            site_key("/%252e%252e/etc/passwd").as_deref(),
            Some("%2e%2e/etc/passwd")
        );
    }
}
