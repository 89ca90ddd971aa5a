//! `--base-url`: where the site is served from, the start of every address in it.

use url::Url;

use crate::error::BuildError;

/// The base URL, parsed and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// Serialized by the URL standard, with its trailing `/`.
    pub url: String,
    /// Its host and port, as a person reads it: the site's title when it is given none.
    pub host: String,
}

/// An absolute http(s) URL with a host and without a query, fragment or credentials. Quotes,
/// angle brackets, whitespace and control characters are refused rather than encoded, since
/// they are more likely an attempt to break out of the attributes the URL is written into
/// than part of an address.
pub fn base_url(text: &str) -> Result<BaseUrl, BuildError> {
    let bad = || BuildError::BadBaseUrl(text.to_owned());
    if text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'))
    {
        return Err(bad());
    }
    // The URL standard reads `https:news.example` and `https:///news.example` as
    // `https://news.example/`; an address to publish is written out in full.
    let written_in_full = text
        .split_once("://")
        .is_some_and(|(_, rest)| !rest.starts_with(['/', '\\']));
    if !written_in_full {
        return Err(bad());
    }
    let mut url = Url::parse(text).map_err(|_| bad())?;
    let has_credentials = !url.username().is_empty() || url.password().is_some();
    if !matches!(url.scheme(), "http" | "https")
        || url.host_str().is_none_or(str::is_empty)
        || has_credentials
        || url.query().is_some()
        || url.fragment().is_some()
    {
        return Err(bad());
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    let host = url.host_str().unwrap_or_default();
    let host = match url.host() {
        Some(url::Host::Domain(domain)) => idna::domain_to_unicode(domain).0,
        _ => host.to_owned(),
    };
    let host = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    };
    Ok(BaseUrl {
        url: url.into(),
        host,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_base_urls_get_their_slash_and_name_their_host() {
        for (text, url, host) in [
            (
                "https://news.example",
                "https://news.example/",
                "news.example",
            ),
            (
                "https://news.example/",
                "https://news.example/",
                "news.example",
            ),
            (
                "http://127.0.0.1:8080/site",
                "http://127.0.0.1:8080/site/",
                "127.0.0.1:8080",
            ),
            (
                "HTTPS://News.Example/a/b/",
                "https://news.example/a/b/",
                "news.example",
            ),
            (
                "https://café.example/",
                "https://xn--caf-dma.example/",
                "café.example",
            ),
            ("https://[::1]:3000/", "https://[::1]:3000/", "[::1]:3000"),
        ] {
            let base = base_url(text).unwrap_or_else(|err| panic!("{text}: {err}"));
            assert_eq!(
                (base.url.as_str(), base.host.as_str()),
                (url, host),
                "{text}"
            );
        }
    }

    #[test]
    fn bad_base_urls_and_attempts_to_break_out_of_an_attribute_are_refused() {
        for text in [
            "",
            "news.example",
            "/site/",
            "ftp://news.example/",
            "https://",
            "https:///path",
            "https:news.example",
            "https:/news.example/",
            "https://\\news.example/",
            "https://news.example/?page=1",
            "https://news.example/#top",
            "https://user:secret@news.example/",
            "https://news.example/\"><script>alert(1)</script>",
            "https://news.example/'onmouseover='x",
            "https://news.example/<b>",
            "https://news example/",
            "https://news.example/a b/",
            "https://news.example/\t",
            "https://news.example/\u{7}",
            " https://news.example/",
        ] {
            let err = base_url(text).expect_err(text);
            assert_eq!(
                err.to_string(),
                format!(
                    "--base-url `{text}` is not an absolute http or https URL such as https://news.example/"
                )
            );
        }
    }
}
