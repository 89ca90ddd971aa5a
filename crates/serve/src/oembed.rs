//! `GET /oembed?url=…&maxwidth=…&maxheight=…&format=json|xml&theme=light|dark`: an article's
//! oEmbed 1.0 answer, from the site's own builder (`pages::fitted_oembed`), fitted to the
//! consumer's limits, in JSON or XML.

use std::sync::Arc;

use article_widget::components::Theme;
use article_widget_site::pages::{fitted_oembed, ArticleUrls, Limits};
use percent_encoding::percent_decode_str;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::Value;

use crate::files::{Asset, Freshness};
use crate::site::Snapshot;

/// Answers are kept per build by their query, up to this many.
const MOST_ANSWERS_KEPT: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Format {
    Json,
    Xml,
}

/// What a consumer asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Asked {
    slug: String,
    max_width: Option<u32>,
    max_height: Option<u32>,
    theme: Option<&'static str>,
    format: Format,
}

/// Why there is no answer, by the oEmbed 1.0 spec's statuses.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// 400: no `url`, or a limit that is not a positive whole number.
    BadRequest(String),
    /// 404: the URL is not one of the site's articles.
    NotFound,
    /// 501: a format other than json and xml.
    NotImplemented(String),
}

/// The site's answer for the article at `url`, fitted to the limits asked for.
pub(crate) fn answer(
    snapshot: &Snapshot,
    base: &str,
    site_name: &str,
    query: Option<&str>,
) -> Result<Arc<Asset>, Refusal> {
    let query = query.unwrap_or_default();
    if let Some(kept) = kept(snapshot, query) {
        return Ok(kept);
    }
    let (url, key) = request(query)?;
    let slug = slug_of(&url, base).ok_or(Refusal::NotFound)?;
    let key = Asked { slug, ..key };
    let article = snapshot.articles.get(&key.slug).ok_or(Refusal::NotFound)?;
    let limits = Limits {
        max_width: key.max_width,
        max_height: key.max_height,
        theme: key.theme.and_then(Theme::parse),
    };
    let urls = ArticleUrls::new(base, &key.slug);
    let value = fitted_oembed(article, &urls, site_name, base, &limits);
    let (body, content_type) = match key.format {
        Format::Json => (format!("{value}\n").into_bytes(), "application/json"),
        Format::Xml => (xml(&value), "text/xml; charset=utf-8"),
    };
    let asset = Arc::new(
        Asset::with_type(body, content_type, true, snapshot.generation)
            .cached_for(Freshness::Minutes)
            .open_to_all_origins(true),
    );
    if let Ok(mut answers) = snapshot.answers.write() {
        if answers.len() >= MOST_ANSWERS_KEPT {
            answers.clear();
        }
        answers.insert(query.to_owned(), Arc::clone(&asset));
    }
    Ok(asset)
}

fn kept(snapshot: &Snapshot, query: &str) -> Option<Arc<Asset>> {
    snapshot.answers.read().ok()?.get(query).cloned()
}

/// The query's `url`, and the rest of what was asked.
fn request(query: &str) -> Result<(String, Asked), Refusal> {
    let mut url = None;
    let mut key = Asked {
        slug: String::new(),
        max_width: None,
        max_height: None,
        theme: None,
        format: Format::Json,
    };
    let limit = |name: &str, value: &str| {
        value
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| {
                Refusal::BadRequest(format!(
                    "{name} must be a positive whole number of pixels, not `{value}`"
                ))
            })
    };
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match &*name {
            "url" => url = Some(value.into_owned()),
            "maxwidth" => key.max_width = Some(limit("maxwidth", &value)?),
            "maxheight" => key.max_height = Some(limit("maxheight", &value)?),
            "format" => {
                key.format = match &*value {
                    "json" => Format::Json,
                    "xml" => Format::Xml,
                    other => {
                        return Err(Refusal::NotImplemented(format!(
                            "format `{other}` is not supported: ask for json or xml"
                        )))
                    }
                }
            }
            "theme" => {
                key.theme = match Theme::parse(&value) {
                    Some(Theme::Light) => Some("light"),
                    Some(Theme::Dark) => Some("dark"),
                    Some(Theme::Auto) => None,
                    None => {
                        return Err(Refusal::BadRequest(format!(
                            "theme must be light or dark, not `{value}`"
                        )))
                    }
                }
            }
            _ => {}
        }
    }
    let url = url.ok_or_else(|| Refusal::BadRequest("the url parameter is missing".into()))?;
    Ok((url, key))
}

/// The slug of an article page's URL on the site (`BASE/SLUG/`, with or without its
/// trailing slash or `index.html`; a query or fragment is ignored).
fn slug_of(url: &str, base: &str) -> Option<String> {
    let mut url = url::Url::parse(url).ok()?;
    url.set_query(None);
    url.set_fragment(None);
    let path = url.as_str().strip_prefix(base)?;
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);
    if path.is_empty() || path.contains('/') {
        return None;
    }
    let slug = percent_decode_str(path).decode_utf8().ok()?;
    Some(slug.into_owned())
}

/// The answer as oEmbed's XML: `<oembed>` with an element per field.
fn xml(answer: &Value) -> Vec<u8> {
    let mut writer = quick_xml::Writer::new(Vec::new());
    let fields = answer.as_object().into_iter().flatten();
    let mut events = vec![
        Event::Decl(BytesDecl::new("1.0", Some("utf-8"), Some("yes"))),
        Event::Start(BytesStart::new("oembed")),
    ];
    let texts: Vec<(String, String)> = fields
        .map(|(name, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            (name.clone(), text)
        })
        .collect();
    for (name, text) in &texts {
        events.push(Event::Start(BytesStart::new(name.as_str())));
        events.push(Event::Text(BytesText::new(text)));
        events.push(Event::End(BytesEnd::new(name.as_str())));
    }
    events.push(Event::End(BytesEnd::new("oembed")));
    for event in events {
        // Writing to a Vec cannot fail.
        let _ = writer.write_event(event);
    }
    let mut out = writer.into_inner();
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://127.0.0.1:8080/";

    #[test]
    fn article_urls_give_their_slug_and_others_none() {
        let cases = [
            ("http://127.0.0.1:8080/krebs/", Some("krebs")),
            ("http://127.0.0.1:8080/krebs", Some("krebs")),
            (
                "http://127.0.0.1:8080/krebs/index.html?x=1#top",
                Some("krebs"),
            ),
            ("http://127.0.0.1:8080/%D8%B9/", Some("ع")),
            ("http://127.0.0.1:8080/", None),
            ("http://127.0.0.1:8080/krebs/embed.html", None),
            ("http://127.0.0.1:9999/krebs/", None),
            ("https://elsewhere.example/krebs/", None),
            ("not a url", None),
        ];
        for (url, slug) in cases {
            assert_eq!(slug_of(url, BASE).as_deref(), slug, "{url}");
        }
    }

    #[test]
    fn requests_are_read_by_the_spec() {
        let (url, key) =
            request("url=http%3A%2F%2Fx%2F&maxwidth=360&format=xml&theme=dark").unwrap();
        assert_eq!(url, "http://x/");
        assert_eq!(
            (key.max_width, key.max_height, key.theme, key.format),
            (Some(360), None, Some("dark"), Format::Xml)
        );
        assert!(matches!(
            request("maxwidth=360"),
            Err(Refusal::BadRequest(_))
        ));
        assert!(matches!(
            request("url=x&maxwidth=-3"),
            Err(Refusal::BadRequest(_))
        ));
        assert!(matches!(
            request("url=x&format=yaml"),
            Err(Refusal::NotImplemented(_))
        ));
    }

    #[test]
    fn xml_answers_escape_their_text() {
        let xml = String::from_utf8(xml(
            &serde_json::json!({"html": "<iframe src=\"a\"></iframe>", "width": 360}),
        ))
        .unwrap();
        assert!(
            xml.contains(
                "<html>&lt;iframe src=&quot;a&quot;&gt;&lt;/iframe&gt;</html><width>360</width>"
            ),
            "{xml}"
        );
    }
}
