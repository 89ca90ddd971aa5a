//! What a page says about itself: JSON-LD first (`NewsArticle`, `Article` and their kin, also
//! inside `@graph` and arrays), then Open Graph, then `<meta>`, then microdata.

use dom_query::Document;
use serde_json::Value;

use super::byline::byline_names;
use super::text::{distinct, squash, words};
use article_widget::model::is_absolute_http_url;

/// The page's own account of the article; each field from the first source that has it.
#[derive(Debug, Clone, Default)]
pub struct PageMeta {
    pub headline: Option<String>,
    /// Every headline the metadata offers, in order of preference, for `html::headline` to
    /// check against what the page shows.
    pub headlines: Vec<String>,
    pub description: Option<String>,
    pub section: Option<String>,
    /// The article's subjects: JSON-LD `keywords`, else `article:tag`.
    pub tags: Vec<String>,
    /// The image the page offers previews: JSON-LD `image`, else `og:image`.
    pub image: Option<MetaImage>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub lang: Option<String>,
    pub publisher: Option<Org>,
    pub authors: Vec<Person>,
    pub site_name: Option<String>,
    /// `og:type`: `article`, or `video.other` and its kin for a page about one video.
    pub og_type: Option<String>,
    /// `og:video` (or its `:url`, `:secure_url`), with its type, size and length.
    pub video: Option<String>,
    pub video_type: Option<String>,
    pub video_width: Option<u32>,
    pub video_height: Option<u32>,
    pub video_duration: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetaImage {
    pub url: String,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    pub name: String,
    pub url: Option<String>,
    pub role: Option<String>,
    pub bio: Option<String>,
    pub image: Option<String>,
    /// Written as an `Organization`: a newsroom rather than a person.
    pub organization: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Org {
    pub name: String,
    pub url: Option<String>,
    pub logo: Option<String>,
}

/// The schema.org types that are an article, news first.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "Article",
    "BlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "SocialMediaPosting",
];

pub fn read(doc: &Document, warnings: &mut Vec<String>) -> PageMeta {
    let mut meta = PageMeta::default();
    json_ld(doc, &mut meta, warnings);
    dublin_core(doc, &mut meta);
    open_graph(doc, &mut meta);
    meta_tags(doc, &mut meta);
    microdata(doc, &mut meta);
    meta
}

fn offer(meta: &mut PageMeta, value: Option<String>) {
    let value = value
        .map(|v| squash(&decode_entities(&v)))
        .filter(|v| !v.is_empty());
    if let Some(value) = value {
        if !meta.headlines.contains(&value) {
            meta.headlines.push(value.clone());
        }
        meta.headline.get_or_insert(value);
    }
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value
            .map(|v| squash(&decode_entities(&v)))
            .filter(|v| !v.is_empty());
    }
}

/// Some sites write HTML entities inside JSON-LD and meta content; a reader sees characters.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let doc = Document::from(format!("<p>{}</p>", text.replace('<', "&lt;")));
    doc.select("p").text().to_string()
}

fn json_ld(doc: &Document, meta: &mut PageMeta, warnings: &mut Vec<String>) {
    let mut nodes: Vec<Value> = Vec::new();
    for (i, script) in doc
        .select(r#"script[type="application/ld+json" i]"#)
        .nodes()
        .iter()
        .enumerate()
    {
        let text = script.text();
        // Some pages wrap JSON-LD in CDATA or a comment, or end it with a semicolon.
        let text = text.trim();
        let text = text
            .strip_prefix("<![CDATA[")
            .and_then(|t| t.trim_end().strip_suffix("]]>"))
            .unwrap_or(text);
        let text = text
            .trim()
            .strip_prefix("<!--")
            .and_then(|t| t.trim_end().strip_suffix("-->"))
            .unwrap_or(text);
        let text = text.trim().trim_end_matches(';');
        match serde_json::from_str::<Value>(text) {
            Ok(value) => flatten(value, &mut nodes),
            Err(err) => warnings.push(format!(
                "JSON-LD block {} is not JSON ({err}); it was skipped",
                i + 1
            )),
        }
    }
    let is_type = |node: &Value, wanted: &str| match node.get("@type") {
        Some(Value::String(t)) => t == wanted,
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(wanted)),
        _ => false,
    };
    let Some(article) = ARTICLE_TYPES
        .iter()
        .find_map(|t| nodes.iter().find(|n| is_type(n, t)))
        .cloned()
    else {
        return;
    };
    let by_id = |value: &Value| -> Value {
        match value.get("@id").and_then(Value::as_str) {
            Some(id) if value.as_object().is_some_and(|o| o.len() == 1) => nodes
                .iter()
                .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
                .cloned()
                .unwrap_or_else(|| value.clone()),
            _ => value.clone(),
        }
    };
    offer(meta, text(article.get("headline")));
    offer(meta, text(article.get("name")));
    fill(&mut meta.description, text(article.get("description")));
    fill(
        &mut meta.section,
        first(article.get("articleSection")).and_then(|v| text(Some(&v))),
    );
    if meta.tags.is_empty() {
        meta.tags = words(article.get("keywords"));
    }
    if meta.image.is_none() {
        meta.image = first(article.get("image"))
            .map(|i| by_id(&i))
            .and_then(|image| {
                let pixels = |key: &str| match image.get(key) {
                    Some(Value::Number(n)) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
                    Some(Value::String(s)) => s.trim().trim_end_matches("px").parse().ok(),
                    _ => None,
                };
                Some(MetaImage {
                    url: image_url(&image)?,
                    alt: None,
                    caption: text(image.get("caption")),
                    width: pixels("width").filter(|w| *w > 0),
                    height: pixels("height").filter(|h| *h > 0),
                })
            });
    }
    fill(
        &mut meta.url,
        text(article.get("url")).or_else(|| {
            article.get("mainEntityOfPage").and_then(|m| {
                text(Some(m)).or_else(|| text(m.get("@id")).or_else(|| text(m.get("url"))))
            })
        }),
    );
    fill(
        &mut meta.published,
        text(article.get("datePublished")).or_else(|| text(article.get("dateCreated"))),
    );
    fill(&mut meta.modified, text(article.get("dateModified")));
    fill(
        &mut meta.lang,
        article
            .get("inLanguage")
            .and_then(|l| text(Some(l)).or_else(|| text(l.get("alternateName")))),
    );
    if let Some(authors) = article.get("author").or_else(|| article.get("creator")) {
        for author in list(authors) {
            let author = by_id(&author);
            let Some(person) = person(&author, &by_id) else {
                continue;
            };
            // A name written as a byline ("By Ana Ruiz", "Ana Ruiz and Tom Okafor") is read
            // as one; a person with an address or a picture stays whole.
            let names = byline_names(&person.name);
            let plain = person.url.is_none() && person.image.is_none() && person.bio.is_none();
            match names.as_slice() {
                [name] => meta.authors.push(Person {
                    name: name.clone(),
                    ..person
                }),
                [_, _, ..] if plain && !person.organization => {
                    for name in names {
                        meta.authors.push(Person {
                            name,
                            ..person.clone()
                        });
                    }
                }
                _ => meta.authors.push(person),
            }
        }
    }
    if let Some(publisher) = article
        .get("publisher")
        .or_else(|| article.get("sourceOrganization"))
    {
        let publisher = by_id(first(Some(publisher)).as_ref().unwrap_or(publisher));
        if let Some(name) = text(publisher.get("name")).or_else(|| text(Some(&publisher))) {
            meta.publisher = Some(Org {
                name: squash(&decode_entities(&name)),
                url: text(publisher.get("url")),
                logo: publisher
                    .get("logo")
                    .map(&by_id)
                    .and_then(|l| image_url(&l)),
            });
        }
    }
}

fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|item| flatten(item, out)),
        Value::Object(mut object) => {
            if let Some(graph) = object.remove("@graph") {
                flatten(graph, out);
            }
            if !object.is_empty() {
                out.push(Value::Object(object));
            }
        }
        _ => {}
    }
}

fn list(value: &Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    }
}

fn first(value: Option<&Value>) -> Option<Value> {
    match value? {
        Value::Array(items) => items.first().cloned(),
        other => Some(other.clone()),
    }
}

/// A string, or the text of a value written as `{"@value": …}`.
fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()).filter(|s| !s.trim().is_empty()),
        Value::Object(o) => o.get("@value").and_then(|v| v.as_str()).map(str::to_owned),
        Value::Array(items) => items.iter().find_map(|i| text(Some(i))),
        _ => None,
    }
}

fn image_url(value: &Value) -> Option<String> {
    text(Some(value))
        .filter(|_| value.is_string())
        .or_else(|| text(value.get("url")))
        .or_else(|| text(value.get("contentUrl")))
}

fn person(value: &Value, by_id: &dyn Fn(&Value) -> Value) -> Option<Person> {
    let name = match value {
        Value::String(name) => name.clone(),
        _ => text(value.get("name"))?,
    };
    let name = squash(&decode_entities(&name));
    if name.is_empty() {
        return None;
    }
    let clean = |v: Option<String>| {
        v.map(|v| squash(&decode_entities(&v)))
            .filter(|v| !v.is_empty())
    };
    Some(Person {
        name,
        url: text(value.get("url"))
            .or_else(|| first(value.get("sameAs")).and_then(|v| text(Some(&v)))),
        role: clean(text(value.get("jobTitle"))),
        bio: text(value.get("description"))
            .map(|b| decode_entities(&b).trim().to_owned())
            .filter(|b| !b.is_empty()),
        image: value.get("image").map(by_id).and_then(|i| image_url(&i)),
        organization: value
            .get("@type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.ends_with("Organization")),
    })
}

fn meta_content(doc: &Document, attribute: &str, name: &str) -> Option<String> {
    meta_contents(doc, attribute, name).into_iter().next()
}

/// Every `<meta>` of that name with content, in page order. A `content` that an unescaped
/// quote cut short (`content="Bacteria, dubbed "superbugs," pose…"` leaves stray attributes
/// named `superbugs,"` behind it) is not what the page meant to say, so it is not read.
fn meta_contents(doc: &Document, attribute: &str, name: &str) -> Vec<String> {
    doc.select(&format!(r#"meta[{attribute}~="{name}" i]"#))
        .nodes()
        .iter()
        .filter(|m| {
            !m.attrs()
                .iter()
                .any(|a| a.name.local.contains(['"', '\'', '=']))
        })
        // A few pages write the value in `value`, which tools that save pages also use.
        .filter_map(|m| {
            m.attr("content")
                .or_else(|| m.attr("value"))
                .map(|c| c.to_string())
                .filter(|c| !c.trim().is_empty())
        })
        .collect()
}

fn open_graph(doc: &Document, meta: &mut PageMeta) {
    let og = |name: &str| {
        meta_content(doc, "property", name).or_else(|| meta_content(doc, "name", name))
    };
    offer(meta, og("og:title"));
    fill(&mut meta.description, og("og:description"));
    fill(&mut meta.url, og("og:url"));
    fill(&mut meta.site_name, og("og:site_name"));
    fill(&mut meta.published, og("article:published_time"));
    fill(&mut meta.modified, og("article:modified_time"));
    fill(&mut meta.section, og("article:section"));
    if meta.image.is_none() {
        let pixels = |name: &str| {
            og(name)
                .and_then(|v| v.trim().parse().ok())
                .filter(|n| *n > 0)
        };
        meta.image = og("og:image").map(|url| MetaImage {
            url,
            alt: og("og:image:alt"),
            caption: None,
            width: pixels("og:image:width"),
            height: pixels("og:image:height"),
        });
    }
    if meta.tags.is_empty() {
        let tags = doc.select(r#"meta[property="article:tag" i], meta[name="article:tag" i]"#);
        let tags = tags.nodes().iter().filter_map(|m| m.attr("content"));
        meta.tags = distinct(tags.map(|t| squash(&t)));
    }
    if meta.authors.is_empty() {
        // article:author is a profile URL by the protocol, though many sites write a name.
        for author in doc
            .select(r#"meta[property="article:author" i], meta[name="article:author" i]"#)
            .nodes()
        {
            let value = author.attr("content").or_else(|| author.attr("value"));
            let Some(value) = value.map(|c| squash(&c)) else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            if !is_absolute_http_url(&value) {
                meta.authors.push(Person {
                    name: value,
                    ..Person::default()
                });
            }
        }
    }
    fill(&mut meta.lang, og("og:locale"));
    fill(&mut meta.og_type, og("og:type"));
    let video = og("og:video:secure_url")
        .or_else(|| og("og:video:url"))
        .or_else(|| og("og:video"));
    fill(&mut meta.video, video);
    fill(&mut meta.video_type, og("og:video:type"));
    let number = |name: &str| {
        og(name)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|n| *n > 0)
    };
    meta.video_width = meta.video_width.or_else(|| number("og:video:width"));
    meta.video_height = meta.video_height.or_else(|| number("og:video:height"));
    meta.video_duration = meta
        .video_duration
        .or_else(|| number("video:duration").or_else(|| number("og:video:duration")));
}

/// A name without the address written beside it: "Ana Ruiz (https://ana.example/)",
/// "Ana Ruiz <ana@news.example>".
fn without_address(name: &str) -> String {
    let mut out = name.to_owned();
    for (open, close) in [('(', ')'), ('<', '>'), ('[', ']')] {
        while let Some(start) = out.find(open) {
            let Some(len) = out[start..].find(close) else {
                break;
            };
            let inside = &out[start + 1..start + len];
            if inside.contains("://") || inside.contains('@') || inside.starts_with("www.") {
                out.replace_range(start..start + len + 1, " ");
            } else {
                break;
            }
        }
    }
    squash(&out)
}

/// Dublin Core's title and description (`DC.title`, `dc:title`, `dcterm:title`), which
/// Readability prefers to Open Graph's.
fn dublin_core(doc: &Document, meta: &mut PageMeta) {
    let dc = |field: &str| {
        ["dc.", "dc:", "dcterm:", "dcterms."]
            .iter()
            .find_map(|prefix| {
                let name = format!("{prefix}{field}");
                meta_content(doc, "name", &name).or_else(|| meta_content(doc, "property", &name))
            })
    };
    offer(meta, dc("title"));
    fill(&mut meta.description, dc("description"));
}

fn meta_tags(doc: &Document, meta: &mut PageMeta) {
    let named = |name: &str| meta_content(doc, "name", name);
    offer(meta, named("twitter:title"));
    // Parse.ly's tags, which many newsrooms write for their analytics.
    offer(meta, named("parsely-title"));
    fill(
        &mut meta.description,
        named("description").or_else(|| named("twitter:description")),
    );
    fill(
        &mut meta.published,
        named("date")
            .or_else(|| named("dc.date"))
            .or_else(|| named("pubdate"))
            .or_else(|| named("parsely-pub-date")),
    );
    let canonical = doc
        .select(r#"link[rel~="canonical" i]"#)
        .attr("href")
        .map(|h| h.to_string());
    fill(&mut meta.url, canonical);
    if meta.authors.is_empty() {
        // Dublin Core first, as Readability reads it; every author a page lists, as a
        // document with two `DC.Creator`s has two.
        let authors = [
            ("name", "dc.creator"),
            ("property", "dc:creator"),
            ("name", "dcterm:creator"),
            ("name", "author"),
            ("property", "author"),
            // `<meta itemprop="author" content="…">` in the head, outside any item.
            ("itemprop", "author"),
            ("name", "parsely-author"),
            // The New York Times' byline, "By A, B and C".
            ("name", "byl"),
        ]
        .iter()
        .map(|(attribute, name)| meta_contents(doc, attribute, name))
        .find(|found| !found.is_empty())
        .unwrap_or_default();
        for author in authors {
            let author = without_address(&squash(&decode_entities(&author)));
            if is_absolute_http_url(&author) || !author.chars().any(char::is_alphabetic) {
                continue;
            }
            for name in byline_names(&author) {
                if !meta.authors.iter().any(|a| a.name == name) {
                    meta.authors.push(Person {
                        name,
                        ..Person::default()
                    });
                }
            }
        }
    }
    let content_language = meta_content(doc, "http-equiv", "content-language");
    fill(
        &mut meta.lang,
        content_language
            .or_else(|| named("language"))
            .or_else(|| named("dc.language")),
    );
}

/// The names in an `itemprop="author"` element that marks none with `itemprop="name"`: the
/// links on names in it ("Par <a>Ana Ruiz</a> (avec …)", a card's "Follow" links aside), else
/// its text read as a byline when it is short enough to be one.
fn unnamed_author(author: &dom_query::NodeRef) -> Vec<String> {
    let mut linked: Vec<String> = Vec::new();
    for link in author.descendants() {
        if !link.has_name("a") {
            continue;
        }
        let text = squash(&link.text());
        let words: Vec<&str> = text.split(' ').collect();
        let capitals = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let name_like = (1..=5).contains(&words.len())
            && !text.is_empty()
            && !text.starts_with("http")
            && capitals * 2 > words.len();
        if name_like && !linked.contains(&text) {
            linked.push(text);
        }
    }
    if !linked.is_empty() {
        return linked;
    }
    let text = squash(&author.text());
    if text.chars().count() > 100 {
        return Vec::new();
    }
    byline_names(&text)
}

fn microdata(doc: &Document, meta: &mut PageMeta) {
    let scopes = doc.select("[itemscope][itemtype]");
    let Some(scope) = scopes.nodes().iter().find(|n| {
        n.attr("itemtype")
            .is_some_and(|t| ARTICLE_TYPES.iter().any(|a| t.ends_with(&format!("/{a}"))))
    }) else {
        return;
    };
    let prop = |name: &str| -> Option<String> {
        let found = scope.descendants().into_iter().find(|d| {
            d.attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|p| p == name))
                && !d.ancestors(None).iter().any(|a| {
                    a.id != scope.id
                        && a.has_attr("itemscope")
                        && scope.descendants().iter().any(|x| x.id == a.id)
                })
        })?;
        found
            .attr("content")
            .or_else(|| found.attr("datetime"))
            .or_else(|| {
                found
                    .has_name("meta")
                    .then(|| found.attr("value"))
                    .flatten()
            })
            .map(|c| c.to_string())
            .or_else(|| Some(found.text().to_string()))
    };
    offer(meta, prop("headline"));
    fill(&mut meta.description, prop("description"));
    fill(&mut meta.published, prop("datePublished"));
    fill(&mut meta.modified, prop("dateModified"));
    fill(&mut meta.lang, prop("inLanguage"));
    if meta.authors.is_empty() {
        for author in scope.descendants() {
            if !author
                .attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|p| p == "author"))
            {
                continue;
            }
            let name_node = author
                .descendants()
                .into_iter()
                .find(|d| d.attr("itemprop").is_some_and(|p| &*p == "name"));
            let names = match name_node {
                Some(n) => vec![squash(
                    &n.attr("content")
                        .or_else(|| n.attr("value"))
                        .map(|c| c.to_string())
                        .unwrap_or_else(|| n.text().to_string()),
                )],
                None => unnamed_author(&author),
            };
            let url = author
                .descendants()
                .into_iter()
                .find(|d| d.attr("itemprop").is_some_and(|p| &*p == "url"))
                .and_then(|u| u.attr("href").or_else(|| u.attr("content")))
                .map(|u| u.to_string());
            let role = author
                .descendants()
                .into_iter()
                .find(|d| d.attr("itemprop").is_some_and(|p| &*p == "jobTitle"))
                .map(|r| squash(&r.text()))
                .filter(|r| !r.is_empty());
            for name in names {
                if !name.is_empty() && !meta.authors.iter().any(|a| a.name == name) {
                    meta.authors.push(Person {
                        name,
                        url: url.clone(),
                        role: role.clone(),
                        ..Person::default()
                    });
                }
            }
        }
    }
    if meta.publisher.is_none() {
        if let Some(publisher) = scope
            .descendants()
            .into_iter()
            .find(|d| d.attr("itemprop").is_some_and(|p| &*p == "publisher"))
        {
            let name_node = publisher
                .descendants()
                .into_iter()
                .find(|d| d.attr("itemprop").is_some_and(|p| &*p == "name"));
            let name = squash(
                &name_node
                    .map(|n| n.text().to_string())
                    .unwrap_or_else(|| publisher.text().to_string()),
            );
            if !name.is_empty() {
                meta.publisher = Some(Org {
                    name,
                    url: None,
                    logo: None,
                });
            }
        }
    }
}
