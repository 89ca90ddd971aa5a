//! The site's three feeds of its newest articles, each carrying the whole article as HTML
//! (`feed_html`) and its description as the summary: `feed.xml` (Atom), `rss.xml` (RSS 2.0)
//! and `feed.json` (JSON Feed 1.1).

use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use serde_json::{json, Value};

use article_widget::model::Article;

use crate::feed_html::feed_html;
use crate::listing::{seconds, Entry, Site};
use crate::pages::ArticleUrls;
use crate::text::xml_chars;

/// The feeds' files and their media types, for the files and for discovery links.
pub const FEEDS: [(&str, &str, &str); 3] = [
    ("feed.xml", "application/atom+xml", "Atom"),
    ("rss.xml", "application/rss+xml", "RSS"),
    ("feed.json", "application/feed+json", "JSON Feed"),
];

/// One article in the feeds: what the build keeps of it, and the article read again.
pub struct FeedItem<'a> {
    pub entry: &'a Entry,
    pub page: String,
    /// The whole article as HTML (`feed_html`).
    pub html: String,
    /// The story as plain text.
    pub text: String,
    /// The section, then the tags.
    pub categories: Vec<String>,
    /// The lead image's address, width and height.
    pub image: Option<(String, Option<u32>, Option<u32>)>,
}

impl FeedItem<'_> {
    pub fn new<'a>(site: &Site, entry: &'a Entry, article: &Article) -> FeedItem<'a> {
        let page = ArticleUrls::new(site.base, &entry.slug).page;
        FeedItem {
            entry,
            html: feed_html(article, &page),
            text: article.story_text(),
            categories: article
                .section
                .iter()
                .chain(&article.tags)
                .cloned()
                .collect(),
            image: article
                .lead_image()
                .map(|image| (image.src.clone(), image.width, image.height)),
            page,
        }
    }
}

/// The newest date of any item, for the feed as a whole.
fn last_updated<'a>(items: &'a [FeedItem]) -> &'a str {
    items
        .iter()
        .map(|item| item.entry.updated.as_str())
        .max_by_key(|date| seconds(date))
        .unwrap_or("1970-01-01T00:00:00Z")
}

/// `feed.xml`: Atom (RFC 4287).
pub fn atom_feed(site: &Site, items: &[FeedItem]) -> String {
    document(|w| {
        container(
            w,
            "feed",
            &[("xmlns", "http://www.w3.org/2005/Atom")],
            |w| {
                text(w, "title", &[], site.title)?;
                text(w, "id", &[], site.base)?;
                let self_url = format!("{}feed.xml", site.base);
                let self_link = [
                    ("rel", "self"),
                    ("type", "application/atom+xml"),
                    ("href", self_url.as_str()),
                ];
                empty(w, "link", &self_link)?;
                let home = [
                    ("rel", "alternate"),
                    ("type", "text/html"),
                    ("href", site.base),
                ];
                empty(w, "link", &home)?;
                text(w, "updated", &[], last_updated(items))?;
                container(w, "author", &[], |w| text(w, "name", &[], site.title))?;
                let version = [("version", env!("CARGO_PKG_VERSION"))];
                text(w, "generator", &version, "article-widget")?;
                for item in items {
                    atom_entry(w, item)?;
                }
                Ok(())
            },
        )
    })
}

fn atom_entry(w: &mut Writer<Vec<u8>>, item: &FeedItem) -> io::Result<()> {
    let entry = item.entry;
    container(w, "entry", &[("xml:lang", &entry.lang)], |w| {
        text(w, "title", &[], &entry.headline)?;
        text(w, "id", &[], &item.page)?;
        let page = [
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &item.page),
        ];
        empty(w, "link", &page)?;
        text(w, "updated", &[], &entry.updated)?;
        if let Some(published) = &entry.published {
            text(w, "published", &[], published)?;
        }
        for (name, url) in &entry.authors {
            container(w, "author", &[], |w| {
                text(w, "name", &[], name)?;
                if let Some(url) = url {
                    text(w, "uri", &[], url)?;
                }
                Ok(())
            })?;
        }
        for category in &item.categories {
            empty(w, "category", &[("term", category)])?;
        }
        text(w, "summary", &[], &entry.description)?;
        text(w, "content", &[("type", "html")], &item.html)
    })
}

/// `rss.xml`: RSS 2.0 with the whole article in `content:encoded`, the lead image as Media
/// RSS, the authors as Dublin Core creators and the feed's own address as an Atom link.
pub fn rss_feed(site: &Site, items: &[FeedItem]) -> String {
    let namespaces = [
        ("version", "2.0"),
        ("xmlns:atom", "http://www.w3.org/2005/Atom"),
        ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:media", "http://search.yahoo.com/mrss/"),
    ];
    document(|w| {
        container(w, "rss", &namespaces, |w| {
            container(w, "channel", &[], |w| {
                text(w, "title", &[], site.title)?;
                text(w, "link", &[], site.base)?;
                text(
                    w,
                    "description",
                    &[],
                    &format!("Articles from {}", site.title),
                )?;
                let self_url = format!("{}rss.xml", site.base);
                let self_link = [
                    ("href", self_url.as_str()),
                    ("rel", "self"),
                    ("type", "application/rss+xml"),
                ];
                empty(w, "atom:link", &self_link)?;
                text(w, "lastBuildDate", &[], &rfc822(last_updated(items)))?;
                text(w, "generator", &[], "article-widget")?;
                for item in items {
                    rss_item(w, item)?;
                }
                Ok(())
            })
        })
    })
}

fn rss_item(w: &mut Writer<Vec<u8>>, item: &FeedItem) -> io::Result<()> {
    let entry = item.entry;
    container(w, "item", &[], |w| {
        text(w, "title", &[], &entry.headline)?;
        text(w, "link", &[], &item.page)?;
        text(w, "guid", &[("isPermaLink", "true")], &item.page)?;
        let date = entry.published.as_deref().unwrap_or(&entry.updated);
        text(w, "pubDate", &[], &rfc822(date))?;
        text(w, "description", &[], &entry.description)?;
        text(w, "content:encoded", &[], &item.html)?;
        for (name, _) in &entry.authors {
            text(w, "dc:creator", &[], name)?;
        }
        for category in &item.categories {
            text(w, "category", &[], category)?;
        }
        if let Some((url, width, height)) = &item.image {
            let (width, height) = (width.map(|n| n.to_string()), height.map(|n| n.to_string()));
            let mut size = Vec::new();
            if let Some(width) = &width {
                size.push(("width", width.as_str()));
            }
            if let Some(height) = &height {
                size.push(("height", height.as_str()));
            }
            let content = [
                [("url", url.as_str()), ("medium", "image")].as_slice(),
                &size,
            ]
            .concat();
            empty(w, "media:content", &content)?;
            let thumbnail = [[("url", url.as_str())].as_slice(), &size].concat();
            empty(w, "media:thumbnail", &thumbnail)?;
        }
        Ok(())
    })
}

/// An RFC 3339 timestamp as RFC 822 writes it (in GMT), as RSS dates are.
fn rfc822(rfc3339: &str) -> String {
    let timestamp = rfc3339
        .parse::<jiff::Timestamp>()
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&timestamp)
        .unwrap_or_default()
}

/// `feed.json`: JSON Feed 1.1.
pub fn json_feed(site: &Site, items: &[FeedItem]) -> Value {
    let items: Vec<Value> = items
        .iter()
        .map(|item| {
            let entry = item.entry;
            let mut value = json!({
                "id": item.page,
                "url": item.page,
                "title": entry.headline,
                "summary": entry.description,
                "content_html": item.html,
                "content_text": item.text,
                "date_modified": entry.updated,
                "language": entry.lang,
            });
            if let Some(published) = &entry.published {
                value["date_published"] = json!(published);
            }
            if let Some((image, _, _)) = &item.image {
                value["image"] = json!(image);
            }
            if !item.categories.is_empty() {
                value["tags"] = json!(item.categories);
            }
            let authors: Vec<Value> = entry
                .authors
                .iter()
                .map(|(name, url)| match url {
                    Some(url) => json!({ "name": name, "url": url }),
                    None => json!({ "name": name }),
                })
                .collect();
            if !authors.is_empty() {
                value["authors"] = Value::Array(authors);
            }
            value
        })
        .collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.title,
        "home_page_url": site.base,
        "feed_url": format!("{}feed.json", site.base),
        "items": items,
    })
}

/// An XML document in UTF-8, written by `body`.
pub(crate) fn document(body: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> String {
    let mut writer = Writer::new(Vec::new());
    writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
        .and_then(|()| writer.write_event(Event::Text(BytesText::new("\n"))))
        .and_then(|()| body(&mut writer))
        .expect("writing into memory cannot fail");
    String::from_utf8(writer.into_inner()).expect("quick-xml writes what it is given: UTF-8")
}

/// `<name attributes…>`, a new line, what `inner` writes, `</name>` and a new line.
pub(crate) fn container(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    attributes: &[(&str, &str)],
    inner: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>,
) -> io::Result<()> {
    element(name, attributes, w).write_inner_content(|w| {
        w.write_event(Event::Text(BytesText::new("\n")))?;
        inner(w)
    })?;
    w.write_event(Event::Text(BytesText::new("\n")))
}

/// `<name attributes…>text</name>`, then a new line.
pub(crate) fn text(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    attributes: &[(&str, &str)],
    content: &str,
) -> io::Result<()> {
    let content = xml_chars(content);
    element(name, attributes, w).write_text_content(BytesText::new(&content))?;
    w.write_event(Event::Text(BytesText::new("\n")))
}

/// `<name attributes…/>`, then a new line.
pub(crate) fn empty(
    w: &mut Writer<Vec<u8>>,
    name: &str,
    attributes: &[(&str, &str)],
) -> io::Result<()> {
    element(name, attributes, w).write_empty()?;
    w.write_event(Event::Text(BytesText::new("\n")))
}

fn element<'w>(
    name: &'w str,
    attributes: &[(&str, &str)],
    w: &'w mut Writer<Vec<u8>>,
) -> quick_xml::writer::ElementWriter<'w, Vec<u8>> {
    let mut element = w.create_element(name);
    for (key, value) in attributes {
        element = element.with_attribute((*key, xml_chars(value).as_str()));
    }
    element
}
