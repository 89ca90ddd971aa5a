//! Pre-rendering (feature `ssr`): the same components rendered to HTML, as a standalone page
//! with its head metadata and JSON-LD, or as a fragment to paste into a host page. The output
//! is complete: the loader takes it over in plain JavaScript, with no WebAssembly.

use std::rc::Rc;

use serde_json::{json, Value};
use yew::prelude::*;
use yew::LocalServerRenderer;

use crate::components::{article_card, HeadingLevel, Theme, Widget, WidgetProps, WidgetState};
use crate::i18n::Labels;
use crate::model::{
    is_absolute_http_url, Article, Block, Json, NoteKind, Post, VideoBlock, VideoSource,
};

/// How to pre-render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Where dist/ is served from, ending in `/` (empty: next to the page).
    pub assets: String,
    pub theme: Theme,
    pub heading_level: HeadingLevel,
    /// Fragments only: render into a declarative shadow root (isolated from the host's CSS).
    /// Without it the markup sits in the host's DOM and needs the stylesheet linked there.
    pub shadow: bool,
}

/// The widget's own markup for an article, exactly as the browser's first render makes it.
///
/// Rendered on the calling thread: the widget never suspends, so no runtime is needed, and
/// handing the work to Yew's worker threads would cost more than the render itself.
pub fn widget_markup(article: &Article, options: &RenderOptions) -> String {
    let renderer = LocalServerRenderer::<Widget>::with_props(WidgetProps {
        state: WidgetState::Ready(Rc::new(article.clone())),
        theme: options.theme,
        heading_level: options.heading_level,
        dates: Default::default(),
        on_rendered: Default::default(),
        panel_lang: "en".into(),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The article's card (headline, standfirst, opening, byline and a link to `href`), as the
/// oEmbed iframe shows it.
pub fn card_markup(article: &Rc<Article>, href: &str) -> String {
    let renderer = LocalServerRenderer::<Card>::with_props(CardProps {
        article: article.clone(),
        href: AttrValue::from(href.to_owned()),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[derive(Properties, PartialEq)]
struct CardProps {
    article: Rc<Article>,
    href: AttrValue,
}

#[component]
fn Card(props: &CardProps) -> Html {
    let article = &props.article;
    html! {
        <div class="artw-root artw-card-root">
            { article_card(article, Labels::for_lang(article.lang()), HeadingLevel::default(), &props.href) }
        </div>
    }
}

/// The embed element holding the pre-rendered article and the article itself as inline JSON,
/// which `update()` and scripts can read.
pub fn render_fragment(article: &Article, source: &Json, options: &RenderOptions) -> String {
    fragment_around(&widget_markup(article, options), source, options)
}

/// `render_fragment` around markup already made by `widget_markup` with the same options.
pub fn fragment_around(markup: &str, source: &Json, options: &RenderOptions) -> String {
    let host = format!(r#"<div class="artw-host">{markup}</div>"#);
    let inside = if options.shadow {
        let stylesheet = escape(&format!("{}article-widget.css", options.assets));
        format!(
            r#"<template shadowrootmode="open"><link rel="stylesheet" href="{stylesheet}">{host}</template>"#
        )
    } else {
        host
    };
    let mut attributes = String::from("data-article-widget");
    if options.theme != Theme::Auto {
        attributes.push_str(&format!(r#" data-theme="{}""#, options.theme.as_str()));
    }
    if options.heading_level != HeadingLevel::default() {
        attributes.push_str(&format!(
            r#" data-heading-level="{}""#,
            options.heading_level.get()
        ));
    }
    format!(
        "<div {attributes}>{inside}<script type=\"application/json\">{}</script></div>",
        script_json(source)
    )
}

/// A complete, standalone HTML page for the article, readable without JavaScript.
pub fn render_page(article: &Article, source: &Json, options: &RenderOptions) -> String {
    let options = RenderOptions {
        shadow: false,
        ..options.clone()
    };
    page_around(
        article,
        &render_fragment(article, source, &options),
        &options,
        "",
    )
}

/// The page of `render_page` around its fragment (made with `shadow` off), with more markup
/// in the head (`extra_head`, each element on its own line).
pub fn page_around(
    article: &Article,
    fragment: &str,
    options: &RenderOptions,
    extra_head: &str,
) -> String {
    let assets = escape(&options.assets);
    let publisher = article.publisher.as_ref().map(|p| p.name.as_str());
    let title = match publisher {
        Some(name) => format!("{} | {name}", article.headline),
        None => article.headline.clone(),
    };
    let head = format!(
        r#"{meta}{extra_head}<link rel="stylesheet" href="{assets}article-widget.css">
<script type="module" src="{assets}article-widget.js"></script>
<script type="application/ld+json">{json_ld}</script>
"#,
        meta = head_meta(article),
        json_ld = script_json(&json_ld(article)),
    );
    let body = format!("<body class=\"artw-page\">\n<main>{fragment}</main>\n</body>");
    html_document(article.lang(), Some(article.dir()), &title, &head, &body)
}

/// A whole HTML document in `lang` (and `dir`) titled `title`: `head` follows the charset,
/// viewport and title, one element a line, and `body` is the `<body>` element.
pub fn html_document(lang: &str, dir: Option<&str>, title: &str, head: &str, body: &str) -> String {
    let dir = dir
        .map(|dir| format!(r#" dir="{dir}""#))
        .unwrap_or_default();
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}"{dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
{head}</head>
{body}
</html>
"#,
        lang = escape(lang),
        title = escape(title),
    )
}

/// Meta description, canonical link, Open Graph and Twitter card tags.
fn head_meta(article: &Article) -> String {
    let mut tags = Vec::new();
    let description = article.description();
    let mut meta = |attribute: &str, name: &str, content: &str| {
        tags.push(format!(
            r#"<meta {attribute}="{name}" content="{}">"#,
            escape(content)
        ));
    };
    meta("name", "description", &description);
    meta("property", "og:type", "article");
    meta("property", "og:title", &article.headline);
    meta("property", "og:description", &description);
    if let Some(url) = absolute(article.url.as_deref()) {
        meta("property", "og:url", url);
    }
    if let Some(publisher) = &article.publisher {
        meta("property", "og:site_name", &publisher.name);
    }
    let image = article.lead_image().map(|image| image.src.as_str());
    if let Some(image) = image {
        meta("property", "og:image", image);
    }
    if let Some(published) = &article.published {
        meta("property", "article:published_time", published.as_str());
    }
    if let Some(updated) = &article.updated {
        meta("property", "article:modified_time", updated.as_str());
    }
    if let Some(section) = &article.section {
        meta("property", "article:section", section);
    }
    for tag in &article.tags {
        meta("property", "article:tag", tag);
    }
    meta(
        "name",
        "twitter:card",
        if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    );
    meta("name", "twitter:title", &article.headline);
    meta("name", "twitter:description", &description);
    if let Some(image) = image {
        meta("name", "twitter:image", image);
    }
    if let Some(url) = absolute(article.url.as_deref()) {
        tags.push(format!(r#"<link rel="canonical" href="{}">"#, escape(url)));
    }
    tags.iter().map(|tag| format!("{tag}\n")).collect()
}

/// schema.org `NewsArticle` for search engines.
pub fn json_ld(article: &Article) -> Value {
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.description(),
        "inLanguage": article.lang(),
    });
    let authors: Vec<Value> = article
        .authors
        .iter()
        .map(|author| {
            let mut person = json!({ "@type": "Person", "name": author.name });
            if let Some(url) = absolute(author.url.as_deref()) {
                person["url"] = json!(url);
            }
            if let Some(role) = &author.role {
                person["jobTitle"] = json!(role);
            }
            person
        })
        .collect();
    if !authors.is_empty() {
        ld["author"] = Value::Array(authors);
    }
    if let Some(publisher) = &article.publisher {
        let mut organization = json!({ "@type": "Organization", "name": publisher.name });
        if let Some(url) = absolute(publisher.url.as_deref()) {
            organization["url"] = json!(url);
        }
        if let Some(logo) = absolute(publisher.logo.as_deref()) {
            organization["logo"] = json!({ "@type": "ImageObject", "url": logo });
        }
        ld["publisher"] = organization;
    }
    if let Some(published) = &article.published {
        ld["datePublished"] = json!(published.as_str());
    }
    if let Some(updated) = &article.updated {
        ld["dateModified"] = json!(updated.as_str());
    }
    if let Some(image) = article.lead_image() {
        ld["image"] = json!([image.src]);
    }
    if let Some(section) = &article.section {
        ld["articleSection"] = json!(section);
    }
    if !article.tags.is_empty() {
        ld["keywords"] = json!(article.tags);
    }
    // schema.org has a property for corrections only; an update shows in `dateModified`.
    let corrections: Vec<Value> = article
        .notes
        .iter()
        .filter(|note| note.kind == NoteKind::Correction)
        .map(|note| {
            json!({
                "@type": "CorrectionComment",
                "text": note.text,
                "datePublished": note.date.as_str(),
            })
        })
        .collect();
    if !corrections.is_empty() {
        ld["correction"] = Value::Array(corrections);
    }
    let (mut posts, mut videos) = (Vec::new(), Vec::new());
    for block in &article.body {
        match block {
            Block::Post(block) => {
                let mut posting = social_media_posting(&block.post);
                if let Some(quoted) = &block.quoted {
                    posting["sharedContent"] = social_media_posting(quoted);
                }
                posts.push(posting);
            }
            Block::Video(video) => videos.push(video_object(video)),
            _ => {}
        }
    }
    if !posts.is_empty() {
        ld["citation"] = Value::Array(posts);
    }
    if !videos.is_empty() {
        ld["video"] = Value::Array(videos);
    }
    if let Some(url) = absolute(article.url.as_deref()) {
        ld["url"] = json!(url);
        ld["mainEntityOfPage"] = json!({ "@type": "WebPage", "@id": url });
    }
    ld
}

/// A saved post as schema.org cites one: what it says, who said it, where and when.
fn social_media_posting(post: &Post) -> Value {
    let mut posting = json!({
        "@type": "SocialMediaPosting",
        "text": post.text.text(),
        "datePublished": post.date.as_str(),
        "author": { "@type": "Person", "name": post.author.name, "alternateName": post.author.handle },
    });
    if let Some(url) = absolute(Some(&post.url)) {
        posting["url"] = json!(url);
    }
    posting
}

fn video_object(video: &VideoBlock) -> Value {
    let mut object = json!({
        "@type": "VideoObject",
        "name": video.title,
        "description": video.caption.as_deref().unwrap_or(&video.title),
    });
    if let Some(poster) = absolute(video.poster.as_deref()) {
        object["thumbnailUrl"] = json!(poster);
    }
    if let Some(seconds) = video.duration {
        object["duration"] = json!(format!("PT{seconds}S"));
    }
    match &video.source {
        VideoSource::Hosted { host, id } => {
            object["url"] = json!(host.page_url(id));
            object["embedUrl"] = json!(host.player_url(id, false));
        }
        VideoSource::File { src, .. } => {
            if let Some(src) = absolute(Some(src)) {
                object["contentUrl"] = json!(src);
            }
        }
    }
    object
}

/// The URL when it is an absolute http(s) one, which means the same on every page that shows
/// the metadata.
fn absolute(url: Option<&str>) -> Option<&str> {
    url.filter(|u| is_absolute_http_url(u))
}

/// Text for an HTML attribute value or element content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON that is safe inside a `<script>` element: `<` only occurs inside JSON strings, where
/// `\u003c` means the same, so no `</script>` or `<!--` can end the element early.
pub(crate) fn script_json(value: &impl std::fmt::Display) -> String {
    value.to_string().replace('<', "\\u003c")
}
