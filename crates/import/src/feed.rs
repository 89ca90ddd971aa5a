//! RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed, read by feed-rs: each item is an article. Its
//! HTML content goes through the same mapping as a page's story; the item's and the feed's
//! metadata fill the rest.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use feed_rs::model::{Entry, Feed, Text};
use url::Url;

use super::html;
use super::metadata::MetaImage;
use super::text::{distinct, language_tag, squash, Resolver};
use super::{Draft, ImportError};
use article_widget::model::{is_language_tag, Author, Block, Inline, Publisher, Timestamp};

/// Each item's draft, or why that item cannot be one.
pub fn items(
    text: &str,
    page_url: Option<&Url>,
) -> Result<Vec<Result<Draft, ImportError>>, ImportError> {
    let feed = feed_rs::parser::parse(super::decode::declared_utf8(text).as_bytes())
        .map_err(ImportError::NotAFeed)?;
    if feed.entries.is_empty() {
        return Err(ImportError::EmptyFeed);
    }
    let feed_link = alternate(&feed.links);
    let feed_base = page_url
        .cloned()
        .or_else(|| feed_link.as_deref().and_then(|l| Url::parse(l).ok()));
    let feed_resolver = Resolver {
        base: feed_base.clone(),
    };
    let publisher = feed
        .title
        .as_ref()
        .map(plain)
        .filter(|t| !t.is_empty())
        .map(|name| Publisher {
            name,
            url: feed_resolver.resolve_opt(feed_link.as_deref()),
            logo: feed_resolver.resolve_opt(feed.logo.as_ref().map(|l| l.uri.as_str())),
        });
    let written = written_dates(text);
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            item(
                entry,
                i,
                &feed,
                feed_base.as_ref(),
                publisher.clone(),
                &written,
            )
        })
        .collect())
}

/// Every date the feed's text spells out, with the zone it was written in: feed-rs gives
/// dates in UTC, which can move a story to the day before. A date is written back as the
/// feed wrote it (as it was first written, when it is written in two zones), found by the
/// moment it names.
fn written_dates(text: &str) -> HashMap<DateTime<Utc>, DateTime<FixedOffset>> {
    let mut texts: Vec<String> = Vec::new();
    if text.trim_start().starts_with('{') {
        fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
            match value {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
                serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        if let Ok(value) = serde_json::from_str(text) {
            strings(&value, &mut texts);
        }
    } else {
        texts = text
            .split('<')
            .filter_map(|part| part.split_once('>').map(|(_, t)| t.trim().to_owned()))
            .collect();
    }
    let mut dates = HashMap::new();
    for date in texts.iter().filter(|t| t.len() <= 40).filter_map(|t| {
        DateTime::parse_from_rfc3339(t)
            .or_else(|_| DateTime::parse_from_rfc2822(t))
            .ok()
    }) {
        dates.entry(date.with_timezone(&Utc)).or_insert(date);
    }
    dates
}

fn as_written(
    date: DateTime<Utc>,
    written: &HashMap<DateTime<Utc>, DateTime<FixedOffset>>,
) -> Option<Timestamp> {
    let original = written.get(&date);
    let text = match original {
        Some(original) => original.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        None => date.to_rfc3339_opts(SecondsFormat::AutoSi, true),
    };
    Timestamp::parse(&text)
}

fn item(
    entry: &Entry,
    index: usize,
    feed: &Feed,
    feed_base: Option<&Url>,
    publisher: Option<Publisher>,
    written: &HashMap<DateTime<Utc>, DateTime<FixedOffset>>,
) -> Result<Draft, ImportError> {
    let mut draft = Draft::new();
    let label = format!("item {}", index + 1);
    draft.label = Some(label.clone());
    let link = alternate(&entry.links);
    let link_url = link.as_deref().and_then(|l| match feed_base {
        Some(base) => base.join(l).ok(),
        None => Url::parse(l).ok(),
    });
    let entry_base = entry.base.as_deref().and_then(|b| Url::parse(b).ok());
    let resolver = Resolver {
        base: entry_base
            .or(link_url.clone())
            .or_else(|| feed_base.cloned()),
    };
    let article = &mut draft.article;
    article.headline = entry.title.as_ref().map(plain).unwrap_or_default();
    article.url = link_url.map(String::from).or(link);
    article.publisher = publisher;
    // An item's categories are its subjects; feeds have no separate section.
    let categories = entry.categories.iter();
    article.tags = distinct(categories.map(|c| squash(c.label.as_deref().unwrap_or(&c.term))));
    let lang = entry.language.clone().or_else(|| feed.language.clone());
    article.lang = lang
        .map(|l| language_tag(&l))
        .filter(|l| is_language_tag(l));
    let people = if entry.authors.is_empty() {
        &feed.authors
    } else {
        &entry.authors
    };
    article.authors = people
        .iter()
        .filter_map(|p| {
            let name = squash(p.name.as_deref().unwrap_or_default());
            (!name.is_empty()).then(|| Author {
                name,
                role: None,
                bio: None,
                avatar: None,
                url: resolver.resolve_opt(p.uri.as_deref()),
            })
        })
        .collect();
    article.published = entry.published.and_then(|d| as_written(d, written));
    article.updated = entry
        .updated
        .filter(|u| Some(*u) != entry.published)
        .and_then(|d| as_written(d, written));
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .filter(|b| !b.trim().is_empty());
    let summary = entry
        .summary
        .as_ref()
        .filter(|s| !s.content.trim().is_empty());
    let mapped = match (&content, summary) {
        (Some(html_body), _) => html::fragment(html_body, &resolver),
        (None, Some(summary)) => text_blocks(summary, &resolver),
        (None, None) => Ok((Vec::new(), Vec::new())),
    };
    let (body, warnings) = mapped.map_err(|error| ImportError::Item {
        label,
        error: Box::new(error),
    })?;
    article.body = body;
    article.image = html::lead_image(media_image(entry).as_ref(), &article.body, &resolver);
    draft.warnings.extend(warnings);
    if content.is_some() {
        draft.article.standfirst = summary.map(plain).filter(|s| !s.is_empty());
    }
    Ok(draft)
}

/// A summary as the story when an item has nothing else: HTML through the same mapping,
/// plain text as paragraphs.
fn text_blocks(text: &Text, resolver: &Resolver) -> Result<(Vec<Block>, Vec<String>), ImportError> {
    if text.content_type.essence().subty.as_str().ends_with("html") || text.content.contains("</") {
        return html::fragment(&text.content, resolver);
    }
    let blocks = text
        .content
        .split("\n\n")
        .map(squash)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(Inline::plain(p)))
        .collect();
    Ok((blocks, Vec::new()))
}

/// A text field as a reader sees it: HTML (Atom's `type="html"`) as its text.
/// The item's picture as Media RSS gives it: a `media:content` that is an image, else a
/// `media:thumbnail`, with its size, and its `media:description` as the caption.
fn media_image(entry: &Entry) -> Option<MetaImage> {
    const PICTURES: [&str; 6] = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"];
    entry.media.iter().find_map(|media| {
        let picture = media.content.iter().find_map(|content| {
            let url = content.url.as_ref()?;
            let image = match &content.content_type {
                Some(kind) => kind.ty() == "image",
                None => PICTURES
                    .iter()
                    .any(|ext| url.path().to_ascii_lowercase().ends_with(ext)),
            };
            image.then(|| (url.to_string(), content.width, content.height))
        });
        let thumbnail = || {
            let image = &media.thumbnails.first()?.image;
            Some((image.uri.clone(), image.width, image.height))
        };
        let (url, width, height) = picture.or_else(thumbnail)?;
        Some(MetaImage {
            url,
            alt: None,
            caption: media
                .description
                .as_ref()
                .map(plain)
                .filter(|d| !d.is_empty()),
            width,
            height,
        })
    })
}

fn plain(text: &Text) -> String {
    if text.content_type.essence().subty.as_str().ends_with("html")
        || text.content.contains('<') && text.content.contains('>')
    {
        return squash(
            &dom_query::Document::from(text.content.as_str())
                .select("body")
                .text(),
        );
    }
    squash(&text.content)
}

/// The item's page: its `alternate` link, else its first.
fn alternate(links: &[feed_rs::model::Link]) -> Option<String> {
    links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| links.first())
        .map(|l| l.href.trim().to_owned())
        .filter(|h| !h.is_empty())
}
