//! Posts and videos embedded in a page, recognised before Readability runs (it drops the
//! scripts, frames and players they are made of) and kept in place as slots. A post is saved
//! from what its embed markup holds, a video by its host's id or its file: nothing is asked
//! of the platform, and no picture on the platform's servers is kept, since showing it would
//! ask the platform for it.

use std::collections::HashMap;

use chrono::NaiveDate;
use dom_query::{Document, NodeRef};
use url::Url;

use super::boilerplate::is_shown;
use super::dom::{image_source, name_of, outermost};
use super::metadata::PageMeta;
use super::recognise::{place, slot_html, Slot};
use super::text::{excerpt, squash, tidy_spans, timestamp, Resolver};
use article_widget::model::{
    is_absolute_http_url, is_language_tag, Block, Captions, ImageBlock, Platform, Post, PostAuthor,
    PostBlock, Span, Timestamp, VideoBlock, VideoHost, VideoSource,
};

/// Replaces each embedded post and video in the page (with the figure or wrapper that only
/// holds it, whose caption it takes) by a slot paragraph, and returns their blocks in slot
/// order.
pub fn slots(doc: &Document, resolver: &Resolver, warnings: &mut Vec<String>) -> Vec<Slot> {
    let mut slots = Vec::new();
    let mut after = HashMap::new();
    let found = outermost(doc, |n| platform_of(n).is_some() || is_video(n));
    // A hidden embed is not the story's; it is taken out with the page's other hidden parts.
    for node in found.into_iter().filter(is_shown) {
        let (target, caption) = container(&node);
        let slot = match platform_of(&node) {
            Some(platform) => Some(post(&node, platform, resolver)),
            None => video(&node, caption.as_ref(), resolver).map(Ok),
        };
        match slot {
            Some(Ok(mut slot)) => {
                // A list or a table holds only text: a post or video in one follows it, in
                // the order they stood.
                let holder = target
                    .ancestors(None)
                    .into_iter()
                    .filter(|a| matches!(name_of(a).as_str(), "ul" | "ol" | "table" | "dl"))
                    .last();
                match holder {
                    Some(holder) => {
                        let anchor = after.get(&holder.id).copied().unwrap_or(holder);
                        anchor.after_html(slot_html(slots.len()));
                        if let Some(placed) = anchor.next_sibling() {
                            after.insert(holder.id, placed);
                        }
                        target.remove_from_parent();
                        let what = name_of(&holder);
                        let what = if what == "table" { "table" } else { "list" };
                        slot.warnings.push(format!(
                            "it stood inside a {what}, which holds only text, and now follows it"
                        ));
                    }
                    None => place(&target, slots.len()),
                }
                slots.push(slot);
            }
            Some(Err(warning)) => {
                warnings.push(warning);
                target.remove_from_parent();
            }
            None => {}
        }
    }
    slots
}

/// The platform whose embed code this element is.
fn platform_of(node: &NodeRef) -> Option<Platform> {
    let name = name_of(node);
    if name == "iframe" {
        let src = frame_source(node)?;
        return (node.has_class("mastodon-embed") || mastodon_frame(&src).is_some())
            .then_some(Platform::Mastodon);
    }
    if name != "blockquote" {
        return None;
    }
    [
        ("twitter-tweet", Platform::X),
        ("twitter-video", Platform::X),
        ("bluesky-embed", Platform::Bluesky),
        ("mastodon-embed", Platform::Mastodon),
        ("instagram-media", Platform::Instagram),
        ("text-post-media", Platform::Threads),
    ]
    .iter()
    .find(|(class, _)| node.has_class(class))
    .map(|(_, platform)| *platform)
}

/// `https://instance/@user/ID` from a Mastodon embed frame's `…/@user/ID/embed`.
fn mastodon_frame(src: &str) -> Option<String> {
    let url = Url::parse(src).ok()?;
    let mut parts = url.path_segments()?;
    let user = parts.next()?;
    let id = parts.next()?;
    let ok = user.len() > 1
        && user.starts_with('@')
        && !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && parts.next() == Some("embed");
    ok.then(|| {
        format!(
            "{}://{}/{user}/{id}",
            url.scheme(),
            url.host_str().unwrap_or("")
        )
    })
}

/// The smallest element around an embed that holds nothing else (a figure, a wrapper, a
/// paragraph), so that the slot replaces all of it; and the figure's caption, if any.
fn container<'a>(node: &NodeRef<'a>) -> (NodeRef<'a>, Option<NodeRef<'a>>) {
    let mut target = *node;
    let mut caption = None;
    while let Some(parent) = target.parent() {
        let name = name_of(&parent);
        if !matches!(name.as_str(), "figure" | "div" | "p" | "span" | "center") {
            break;
        }
        let mut figcaption = None;
        let alone = parent.children().iter().all(|c| {
            if c.id == target.id || !c.is_element() && !c.is_text() {
                return true;
            }
            if c.is_text() {
                return c.text().trim().is_empty();
            }
            match name_of(c).as_str() {
                "figcaption" if figcaption.is_none() => {
                    figcaption = Some(*c);
                    true
                }
                "script" | "noscript" | "style" | "link" | "br" => true,
                _ => false,
            }
        });
        if !alone {
            break;
        }
        caption = figcaption.or(caption);
        target = parent;
        if name == "figure" {
            break;
        }
    }
    (target, caption)
}

/// Hosts whose servers a saved post or video must not point the reader's browser at: the
/// platforms, their picture and video servers.
const PLATFORM_DOMAINS: &[&str] = &[
    "twitter.com",
    "x.com",
    "twimg.com",
    "t.co",
    "bsky.app",
    "bsky.social",
    "bsky.network",
    "instagram.com",
    "cdninstagram.com",
    "fbcdn.net",
    "facebook.com",
    "threads.net",
    "threads.com",
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "ytimg.com",
    "ggpht.com",
    "googlevideo.com",
    "vimeo.com",
    "vimeocdn.com",
];

/// Whether showing `url` would ask a platform for it: one of [`PLATFORM_DOMAINS`], or the
/// post's own server and its subdomains (a Mastodon instance's `files.` host).
pub fn on_platform(url: &str, post_host: Option<&str>) -> bool {
    let Some(host) = Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
    else {
        return false;
    };
    let within = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    let own = post_host.map(|h| {
        let labels: Vec<&str> = h.rsplit('.').take(2).collect();
        labels.into_iter().rev().collect::<Vec<_>>().join(".")
    });
    PLATFORM_DOMAINS.iter().any(|d| within(d)) || own.as_deref().is_some_and(within)
}

/// A URL without its query and fragment (`?ref_src=twsrc…`, `?utm_source=ig_embed`).
fn without_tracking(raw: &str) -> Option<String> {
    let mut url = Url::parse(raw.trim()).ok()?;
    url.set_query(None);
    url.set_fragment(None);
    let url = url.to_string();
    is_absolute_http_url(&url).then_some(url)
}

fn absolute(raw: &str, resolver: &Resolver) -> String {
    let raw = raw.trim();
    match raw.strip_prefix("//") {
        Some(rest) if resolver.base.is_none() => format!("https://{rest}"),
        _ => resolver.resolve(raw),
    }
}

/// What an embed says about its post, each part as found.
#[derive(Default)]
struct Found {
    url: Option<String>,
    text: Vec<Span>,
    name: Option<String>,
    handle: Option<String>,
    date: Option<Timestamp>,
    avatar: Option<String>,
    image: Option<ImageBlock>,
    dropped: Vec<String>,
    /// Bluesky's "[image or embed]": a picture or card only the platform shows.
    media_left_out: bool,
}

fn post(node: &NodeRef, platform: Platform, resolver: &Resolver) -> Result<Slot, String> {
    let mut found = Found {
        url: post_url(node, platform, resolver),
        ..Found::default()
    };
    if node.has_name("iframe") {
        // A frame holds nothing of the post: only its address and its author's account.
        found.handle = found.url.as_deref().and_then(mastodon_handle);
    } else {
        read_post(node, platform, resolver, &mut found);
    }
    saved(platform, found, &squash(&node.text()))
}

/// The address of the post itself: the link the platform puts on its date, else the
/// permalink the embed code names.
fn post_url(node: &NodeRef, platform: Platform, resolver: &Resolver) -> Option<String> {
    let attr = |name: &str| node.attr(name).map(|v| absolute(&v, resolver));
    let linked = |test: &dyn Fn(&str) -> bool| {
        within(node, "a")
            .iter()
            .rev()
            .filter_map(|a| a.attr("href"))
            .map(|h| absolute(&h, resolver))
            .find(|h| test(h))
    };
    let raw = match platform {
        // `/statuses/` in embeds from before 2014.
        Platform::X => linked(&|h| h.contains("/status/") || h.contains("/statuses/")),
        Platform::Bluesky => linked(&|h| h.contains("/post/")).or_else(|| {
            // at://did:plc:…/app.bsky.feed.post/rkey
            let uri = node.attr("data-bluesky-uri")?;
            let rest = uri.strip_prefix("at://")?;
            let (did, rkey) = rest.split_once("/app.bsky.feed.post/")?;
            Some(format!("https://bsky.app/profile/{did}/post/{rkey}"))
        }),
        Platform::Mastodon => attr("data-embed-url")
            .or_else(|| frame_source(node).map(|s| absolute(&s, resolver)))
            .and_then(|embed| mastodon_frame(&embed))
            .or_else(|| linked(&|h| mastodon_handle(h).is_some())),
        Platform::Instagram => attr("data-instgrm-permalink")
            .or_else(|| linked(&|h| h.contains("/p/") || h.contains("/reel/"))),
        Platform::Threads => {
            attr("data-text-post-permalink").or_else(|| linked(&|h| h.contains("/post/")))
        }
    };
    raw.as_deref().and_then(without_tracking)
}

/// `@user@instance` from a Mastodon post's address.
fn mastodon_handle(url: &str) -> Option<String> {
    let url = Url::parse(url).ok()?;
    let user = url.path_segments()?.next()?.strip_prefix('@')?.to_owned();
    let host = url.host_str()?;
    (!user.is_empty()).then(|| format!("@{user}@{host}"))
}

/// What stands before an author's name in an embed, most telling first: the dash of "— Name
/// (@handle)", Instagram's "A post shared by Name (@handle)" in a few languages.
const NAME_MARKERS: &[&str] = &[
    "—",
    "―",
    "–",
    "shared by",
    "compartida de",
    "compartilhada por",
    "partagée par",
    "geteilt von",
    "condiviso da",
    "Post by",
];

/// Words of an embed that are the platform's, not the post's.
fn is_platform_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "a post shared by",
        "una publicación compartida",
        "uma publicação compartilhada",
        "une publication partagée",
        "ein beitrag geteilt",
        "un post condiviso",
        "post by @",
        "view this post",
        "view on ",
        "—",
        "―",
        "–",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

fn read_post(node: &NodeRef, platform: Platform, resolver: &Resolver, found: &mut Found) {
    let post_host = found
        .url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_owned));
    // The post's words: its paragraphs, without the lines the platform writes around them.
    let paragraphs: Vec<NodeRef> = within(node, "p")
        .iter()
        .filter(|p| !p.ancestors(None).iter().any(|a| a.has_name("p")))
        .filter(|p| !is_platform_line(&squash(&p.text())))
        .copied()
        .collect();
    let mut spans = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::plain(" "));
        }
        post_spans(p, None, found.url.as_deref(), resolver, &mut spans);
    }
    found.text = spans;
    found.media_left_out = within(node, "a")
        .iter()
        .any(|a| squash(&a.text()) == "[image or embed]");
    // The line that names the author and the date: everything else the embed says.
    let in_text = |d: &NodeRef| {
        paragraphs
            .iter()
            .any(|p| p.id == d.id || d.ancestors(None).iter().any(|a| a.id == p.id))
    };
    let mut line = String::new();
    for d in node.descendants() {
        let skipped = d
            .ancestors(None)
            .iter()
            .any(|a| matches!(name_of(a).as_str(), "svg" | "script" | "style"));
        if d.is_text() && !in_text(&d) && !skipped {
            line.push_str(&d.text());
        } else if d.is_element() && !is_inline(&name_of(&d)) {
            line.push(' ');
        }
    }
    let line = squash(&line);
    if let Some(open) = line.find("(@") {
        let close = line[open..].find(')').map(|c| open + c);
        let handle = close
            .map(|close| line[open + 1..close].trim())
            .filter(|h| h.len() > 1 && !h.contains(char::is_whitespace));
        if let (Some(close), Some(handle)) = (close, handle) {
            found.handle = Some(handle.to_owned());
            // The name follows the dash, or the words the platform writes before it; where
            // neither is found, nothing is taken for a name.
            let before = &line[..open];
            let start = NAME_MARKERS
                .iter()
                .find_map(|m| before.rfind(m).map(|at| at + m.len()));
            let name = start.map(|start| squash(&before[start..]));
            found.name = name.filter(|n| !n.is_empty() && !n.starts_with('@'));
            let after = line[close + 1..].trim().trim_start_matches("on ");
            found.date = date_in(after);
        }
    } else if let Some(at) = line.find("Post by @") {
        let handle = line[at + "Post by ".len()..].split_whitespace().next();
        found.handle = handle.map(str::to_owned);
    }
    if found.handle.is_none() && platform == Platform::Mastodon {
        found.handle = found.url.as_deref().and_then(mastodon_handle);
    }
    // `<time datetime>` says it best; else the date the platform links to the post.
    let time = within(node, "time").iter().find_map(|t| t.attr("datetime"));
    if let Some(date) = time.and_then(|t| date_in(&t)) {
        found.date = Some(date);
    } else if found.date.is_none() {
        found.date = within(node, "a")
            .iter()
            .rev()
            .find_map(|a| date_in(&squash(&a.text())));
    }
    // Pictures the page holds: the author's, when marked as such, and the post's.
    for img in within(node, "img") {
        let Some(src) = image_source(&img).map(|s| absolute(&s, resolver)) else {
            continue;
        };
        let marks = format!(
            "{} {}",
            img.attr("class").unwrap_or_default(),
            img.attr("alt").unwrap_or_default()
        )
        .to_lowercase();
        let is_avatar = marks.contains("avatar") || marks.contains("profile");
        if on_platform(&src, post_host.as_deref()) || !is_absolute_http_url(&src) {
            found.dropped.push(src);
        } else if is_avatar && found.avatar.is_none() {
            found.avatar = Some(src);
        } else if !is_avatar && found.image.is_none() {
            let size = |name: &str| {
                img.attr(name)
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .filter(|v| *v > 0)
            };
            let (width, height) = match (size("width"), size("height")) {
                (Some(w), Some(h)) => (Some(w), Some(h)),
                _ => (None, None),
            };
            found.image = Some(ImageBlock {
                src,
                alt: squash(&img.attr("alt").unwrap_or_default()),
                caption: None,
                credit: None,
                width,
                height,
            });
        }
    }
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "span" | "time" | "strong" | "b" | "em" | "i" | "small" | "abbr"
    )
}

/// Query parameters that only say where a link was shared from.
fn is_tracking(key: &str) -> bool {
    key.starts_with("utm_")
        || [
            "ref_src", "ref_url", "src", "s", "t", "igshid", "igsh", "xmt",
        ]
        .contains(&key)
}

/// A link without the parameters that say where it was shared from, on the platforms'
/// own addresses (`#Protect2020?src=hash&ref_src=twsrc…`); other sites' links as written.
fn untracked(href: &str) -> String {
    let Ok(mut url) = Url::parse(href) else {
        return href.to_owned();
    };
    if !on_platform(href, None) || url.query().is_none() {
        return href.to_owned();
    }
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.to_string()
}

/// A post's words with their links; a link to the post itself (Instagram links its whole
/// caption so) is only words, and Bluesky's "[image or embed]" stands for what only the
/// platform shows.
fn post_spans(
    node: &NodeRef,
    href: Option<&str>,
    post_url: Option<&str>,
    resolver: &Resolver,
    spans: &mut Vec<Span>,
) {
    for child in node.children() {
        if child.is_text() {
            let mut span = Span::plain(child.text().to_string());
            span.href = href.map(str::to_owned);
            spans.push(span);
            continue;
        }
        if !child.is_element() {
            continue;
        }
        match name_of(&child).as_str() {
            "br" => spans.push(Span::plain(" ")),
            "script" | "style" | "svg" | "img" | "picture" | "video" | "iframe" | "button" => {}
            "a" => {
                if squash(&child.text()) == "[image or embed]" {
                    continue;
                }
                let link = child
                    .attr("href")
                    .map(|h| absolute(&h, resolver))
                    .filter(|h| is_absolute_http_url(h))
                    .filter(|h| without_tracking(h).as_deref() != post_url)
                    .map(|h| untracked(&h));
                post_spans(&child, link.as_deref().or(href), post_url, resolver, spans);
            }
            _ => post_spans(&child, href, post_url, resolver, spans),
        }
    }
}

/// A date as embeds write it: RFC 3339 or a bare ISO date, "November 17, 2020", "Nov 17,
/// 2020", "17 Nov 2020", with or without "at 6:01 PM" after it (a time in a zone the embed
/// does not name, so only the date is kept, at midnight UTC).
fn date_in(text: &str) -> Option<Timestamp> {
    let text = squash(text);
    if let Ok(stamp) = timestamp(&text) {
        return Some(stamp);
    }
    let day = text.split(" at ").next().unwrap_or_default().trim();
    let day = day.trim_end_matches([',', '.', ' ']);
    let formats = [
        "%Y-%m-%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%b. %d, %Y",
    ];
    let date = formats
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(day, f).ok())?;
    Timestamp::parse(&format!("{}T00:00:00Z", date.format("%Y-%m-%d")))
}

/// The post, when the page holds all of it; else a quote of what it holds, linked to the
/// post, with a warning; only an embed that holds nothing at all is dropped, and says so.
fn saved(platform: Platform, found: Found, embed_text: &str) -> Result<Slot, String> {
    let mut warnings = Vec::new();
    let shown = platform.shown();
    if !found.dropped.is_empty() {
        let pictures = found
            .dropped
            .iter()
            .map(|src| excerpt(src, 60))
            .collect::<Vec<_>>()
            .join(", ");
        warnings.push(format!(
            "the {shown} post's picture {pictures} was dropped: it is on the platform's servers, which the reader's browser would ask for it"
        ));
    }
    if found.media_left_out {
        warnings.push(format!(
            "the {shown} post's picture or card (\"[image or embed]\") was left out: only the platform has it"
        ));
    }
    let text = tidy_spans(found.text.clone());
    let has_text = text.0.iter().any(|s| !s.text.trim().is_empty());
    if let (Some(url), true, Some(name), Some(handle), Some(date)) = (
        found.url.clone(),
        has_text,
        found.name.clone(),
        found.handle.clone(),
        found.date.clone(),
    ) {
        let post = Post {
            url,
            author: PostAuthor {
                name,
                handle,
                avatar: found.avatar,
            },
            text,
            date,
            image: found.image,
        };
        return Ok(Slot {
            block: Block::Post(Box::new(PostBlock {
                platform,
                post,
                quoted: None,
            })),
            warnings,
        });
    }
    let missing: Vec<&str> = [
        (found.url.is_none(), "address"),
        (!has_text, "text"),
        (found.name.is_none(), "author's name"),
        (found.handle.is_none(), "author's handle"),
        (found.date.is_none(), "date"),
    ]
    .iter()
    .filter(|(gone, _)| *gone)
    .map(|(_, what)| *what)
    .collect();
    let cite = match (&found.name, &found.handle) {
        (Some(name), Some(handle)) => Some(format!("{name} ({handle})")),
        (Some(one), None) | (None, Some(one)) => Some(one.clone()),
        (None, None) => None,
    };
    let mut spans = text.0;
    if let Some(url) = &found.url {
        if !spans.is_empty() {
            spans.push(Span::plain(" "));
        }
        let words = match &found.handle {
            Some(handle) => format!("Post by {handle} on {shown}"),
            None => format!("Post on {shown}"),
        };
        spans.push(Span {
            text: words,
            href: Some(url.clone()),
            em: false,
            strong: false,
        });
    }
    let which = found.url.as_deref().map_or_else(
        || format!("(\"{}\")", excerpt(embed_text, 60)),
        str::to_owned,
    );
    let missing = match missing.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    if spans.is_empty() {
        return Err(format!(
            "an embedded {shown} post {which} was dropped: the page holds none of it"
        ));
    }
    warnings.push(format!(
        "an embedded {shown} post {which} became a quote linking to it: the page does not hold its {missing}, and a post is saved only whole"
    ));
    Ok(Slot {
        block: Block::Quote {
            text: tidy_spans(spans),
            cite,
        },
        warnings,
    })
}

/// The elements of one name inside `node`, in document order.
fn within<'a>(node: &NodeRef<'a>, name: &str) -> Vec<NodeRef<'a>> {
    node.descendants()
        .into_iter()
        .filter(|d| d.has_name(name))
        .collect()
}

/// A frame's address: a lazy loader's real one before the placeholder in `src`.
fn frame_source(node: &NodeRef) -> Option<String> {
    ["data-src", "data-lazy-src", "src"]
        .iter()
        .find_map(|name| {
            let value = node.attr(name)?.trim().to_owned();
            (!value.is_empty() && value != "about:blank").then_some(value)
        })
}

/// A YouTube or Vimeo video's id, from any of the addresses their embeds and links use.
pub fn hosted(raw: &str) -> Option<(VideoHost, String)> {
    let raw = raw.trim();
    let raw = match raw.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => raw.to_owned(),
    };
    let url = Url::parse(&raw).ok()?;
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    let (video_host, id) = match (host, segments.as_slice()) {
        ("youtube.com" | "youtube-nocookie.com", ["embed" | "shorts" | "v" | "live", id, ..]) => {
            (VideoHost::YouTube, (*id).to_owned())
        }
        ("youtube.com", ["watch"]) => (
            VideoHost::YouTube,
            url.query_pairs()
                .find(|(k, _)| k == "v")
                .map(|(_, v)| v.into_owned())?,
        ),
        ("youtu.be", [id]) => (VideoHost::YouTube, (*id).to_owned()),
        ("player.vimeo.com", ["video", id, ..]) | ("vimeo.com", [id, ..]) => {
            (VideoHost::Vimeo, (*id).to_owned())
        }
        _ => return None,
    };
    // Every YouTube video id is 11 characters, and so are the player's `videoseries` (a
    // playlist) and `live_stream` (a channel's stream), which are not videos.
    let video = video_host != VideoHost::YouTube
        || id.len() == 11 && !matches!(id.as_str(), "videoseries" | "live_stream");
    (video && video_host.is_id(&id)).then_some((video_host, id))
}

/// An element that plays a video: a YouTube or Vimeo frame, a lite-youtube or lite-vimeo
/// facade, a link around a thumbnail to one, or a `<video>` with a source.
fn is_video(node: &NodeRef) -> bool {
    match name_of(node).as_str() {
        "iframe" => frame_source(node).is_some_and(|s| hosted(&s).is_some()),
        "lite-youtube" | "lite-vimeo" => node.attr("videoid").is_some(),
        // A thumbnail in a list or a table is one of a gallery's pictures, which stays one.
        "a" => {
            thumbnail_link(node).is_some()
                && !node
                    .ancestors(None)
                    .iter()
                    .any(|a| matches!(name_of(a).as_str(), "li" | "td" | "th" | "dd"))
        }
        "video" => video_source(node).is_some(),
        _ => false,
    }
}

/// The thumbnail of a link that is only a picture, to a YouTube or Vimeo video.
fn thumbnail_link<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let href = node.attr("href")?;
    hosted(&href)?;
    let images = within(node, "img");
    let alt = images
        .first()
        .and_then(|i| i.attr("alt"))
        .map(|a| squash(&a))
        .unwrap_or_default();
    let words = squash(&node.text());
    (images.len() == 1 && (words.is_empty() || words == alt)).then(|| images[0])
}

fn video_source(node: &NodeRef) -> Option<String> {
    let first = within(node, "source").iter().find_map(|s| s.attr("src"));
    node.attr("src")
        .or(first)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty() && !s.starts_with("blob:"))
}

/// What a captions menu calls a language, in that language; the tag itself for one not listed.
fn language_name(tag: &str) -> String {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase();
    let name = match primary.as_str() {
        "ar" => "العربية",
        "de" => "Deutsch",
        "en" => "English",
        "es" => "Español",
        "fr" => "Français",
        "hi" => "हिन्दी",
        "it" => "Italiano",
        "ja" => "日本語",
        "ko" => "한국어",
        "nl" => "Nederlands",
        "pl" => "Polski",
        "pt" => "Português",
        "ru" => "Русский",
        "sv" => "Svenska",
        "tr" => "Türkçe",
        "uk" => "Українська",
        "zh" => "中文",
        _ => return tag.to_owned(),
    };
    name.to_owned()
}

/// Titles players are given that name the player, not the video.
fn names_the_player(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.is_empty()
        || [
            "youtube video player",
            "youtube video",
            "vimeo video player",
            "vimeo-player",
            "video player",
            "embedded content",
        ]
        .contains(&lower.as_str())
}

/// A still for the video that the publisher serves: a lite facade's background picture or
/// `<img>`, a thumbnail; never one on the video host's servers.
fn poster_of(node: &NodeRef, resolver: &Resolver, warnings: &mut Vec<String>) -> Option<String> {
    let style = node.attr("style").unwrap_or_default();
    let from_style = style.find("url(").and_then(|at| {
        let rest = &style[at + 4..];
        let end = rest.find(')')?;
        Some(rest[..end].trim().trim_matches(['"', '\'']).to_owned())
    });
    let from_img = || within(node, "img").first().and_then(image_source);
    let given = |p: &String| !p.trim().is_empty();
    let poster = from_style
        .filter(given)
        .or_else(|| node.attr("poster").map(|p| p.to_string()).filter(given))
        .or_else(|| from_img().filter(given))
        .map(|p| absolute(&p, resolver))?;
    if on_platform(&poster, None) {
        warnings.push(format!(
            "the video's still {} was left out: it is on the video host's servers, which the reader's browser would ask for it",
            excerpt(&poster, 60)
        ));
        return None;
    }
    is_absolute_http_url(&poster).then_some(poster)
}

fn video(node: &NodeRef, caption: Option<&NodeRef>, resolver: &Resolver) -> Option<Slot> {
    let mut warnings = Vec::new();
    let attr = |name: &str| {
        node.attr(name)
            .map(|v| squash(&v))
            .filter(|v| !v.is_empty())
    };
    let size = |name: &str| {
        node.attr(name)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|v| *v > 0)
    };
    let caption = caption.map(|c| squash(&c.text())).filter(|c| !c.is_empty());
    let name = name_of(node);
    let (source, title, poster) = match name.as_str() {
        "iframe" => {
            let (host, id) = hosted(&frame_source(node)?)?;
            let title = attr("title")
                .or_else(|| attr("aria-label"))
                .filter(|t| !names_the_player(t));
            (VideoSource::Hosted { host, id }, title, None)
        }
        "lite-youtube" | "lite-vimeo" => {
            let host = if name == "lite-vimeo" {
                VideoHost::Vimeo
            } else {
                VideoHost::YouTube
            };
            let id = attr("videoid").filter(|id| host.is_id(id))?;
            let title = attr("title").or_else(|| {
                attr("playlabel").map(|l| {
                    let l = l.strip_prefix("Play:").or_else(|| l.strip_prefix("Play"));
                    squash(l.unwrap_or_default())
                })
            });
            let poster = poster_of(node, resolver, &mut warnings);
            (VideoSource::Hosted { host, id }, title, poster)
        }
        "a" => {
            let (host, id) = hosted(&node.attr("href")?)?;
            let thumbnail = thumbnail_link(node)?;
            let title = attr("title").or_else(|| {
                thumbnail
                    .attr("alt")
                    .map(|a| squash(&a))
                    .filter(|a| !a.is_empty())
            });
            let poster = poster_of(node, resolver, &mut warnings);
            (VideoSource::Hosted { host, id }, title, poster)
        }
        "video" => {
            let src = absolute(&video_source(node)?, resolver);
            let mut captions = Vec::new();
            for track in within(node, "track") {
                let kind = track
                    .attr("kind")
                    .map(|k| k.trim().to_ascii_lowercase())
                    .unwrap_or_else(|| "subtitles".to_owned());
                if kind != "captions" && kind != "subtitles" {
                    continue;
                }
                let Some(track_src) = track.attr("src").filter(|s| !s.trim().is_empty()) else {
                    continue;
                };
                let track_src = absolute(&track_src, resolver);
                let lang = track.attr("srclang").map(|l| l.trim().to_owned());
                match lang.filter(|l| is_language_tag(l)) {
                    Some(lang) => {
                        let label = track
                            .attr("label")
                            .map(|l| squash(&l))
                            .filter(|l| !l.is_empty())
                            .unwrap_or_else(|| language_name(&lang));
                        captions.push(Captions {
                            src: track_src,
                            lang,
                            label,
                        });
                    }
                    None => warnings.push(format!(
                        "the video's captions {} were dropped: they name no language (`srclang`)",
                        excerpt(&track_src, 60)
                    )),
                }
            }
            let title = attr("title").or_else(|| attr("aria-label"));
            let poster = poster_of(node, resolver, &mut warnings);
            (VideoSource::File { src, captions }, title, poster)
        }
        _ => return None,
    };
    // The caption names the video when nothing else does; then it is not said twice.
    let (title, caption) = match (title, caption) {
        (Some(title), caption) => (title, caption),
        (None, Some(caption)) => (caption, None),
        (None, None) => ("Video".to_owned(), None),
    };
    let (width, height) = match (size("width"), size("height")) {
        (Some(w), Some(h)) => (Some(w), Some(h)),
        _ => (None, None),
    };
    Some(Slot {
        block: Block::Video(VideoBlock {
            source,
            title,
            poster,
            duration: None,
            width,
            height,
            caption,
        }),
        warnings,
    })
}

/// The video a video page is about (`og:type` `video.*` with `og:video`), for a story that
/// shows no video of its own: YouTube and Vimeo addresses by their id, any other as a file.
pub fn page_video(
    meta: &PageMeta,
    title: &str,
    body: &[Block],
    resolver: &Resolver,
    warnings: &mut Vec<String>,
) -> Option<Block> {
    let is_video_page = meta
        .og_type
        .as_deref()
        .is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("video"));
    if !is_video_page || body.iter().any(|b| matches!(b, Block::Video(_))) {
        return None;
    }
    let raw = meta.video.as_deref()?;
    let src = absolute(raw, resolver);
    let source = match hosted(&src) {
        Some((host, id)) => VideoSource::Hosted { host, id },
        None => {
            let typed = meta
                .video_type
                .as_deref()
                .map(|t| t.trim().to_ascii_lowercase());
            let file = typed.as_deref().map_or_else(
                || {
                    let path = src.split(['?', '#']).next().unwrap_or_default();
                    [".mp4", ".webm", ".m4v", ".mov", ".ogv", ".m3u8"]
                        .iter()
                        .any(|e| path.to_ascii_lowercase().ends_with(e))
                },
                |t| t.starts_with("video/") || t == "application/x-mpegurl",
            );
            if !file || !is_absolute_http_url(&src) || on_platform(&src, None) {
                warnings.push(format!(
                    "the page's video {} was left out: it is neither a YouTube or Vimeo video nor a video file",
                    excerpt(&src, 60)
                ));
                return None;
            }
            VideoSource::File {
                src,
                captions: Vec::new(),
            }
        }
    };
    let poster = meta
        .image
        .as_ref()
        .map(|image| absolute(&image.url, resolver))
        .filter(|p| is_absolute_http_url(p) && !on_platform(p, None));
    Some(Block::Video(VideoBlock {
        source,
        title: title.to_owned(),
        poster,
        duration: meta.video_duration,
        width: meta.video_width.zip(meta.video_height).map(|(w, _)| w),
        height: meta.video_width.zip(meta.video_height).map(|(_, h)| h),
        caption: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("November 17, 2020", Some("2020-11-17T00:00:00Z"))]
    #[case("Nov 17, 2020", Some("2020-11-17T00:00:00Z"))]
    #[case("17 Nov 2020", Some("2020-11-17T00:00:00Z"))]
    #[case("17 November 2020", Some("2020-11-17T00:00:00Z"))]
    #[case("November 25, 2024 at 12:58 AM", Some("2024-11-25T00:00:00Z"))]
    #[case("2017-08-21T19:47:25+00:00", Some("2017-08-21T19:47:25+00:00"))]
    #[case("2026-09-20T21:24:56.000Z", Some("2026-09-20T21:24:56.000Z"))]
    #[case("2020-11-17", Some("2020-11-17T00:00:00Z"))]
    #[case("20 novembre 2024 à 14:43", None)]
    #[case("View on Mastodon", None)]
    fn dates_as_embeds_write_them(#[case] text: &str, #[case] want: Option<&str>) {
        assert_eq!(date_in(text).as_ref().map(Timestamp::as_str), want);
    }

    #[test]
    fn a_lazy_frame_is_read_from_its_real_address() {
        let doc = Document::from(
            r#"<html><body><iframe src="about:blank" data-src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="The clip"></iframe></body></html>"#,
        );
        let found = slots(&doc, &Resolver::default(), &mut Vec::new());
        assert!(matches!(
            &found[0].block,
            Block::Video(VideoBlock { source: VideoSource::Hosted { id, .. }, title, .. })
                if id == "dQw4w9WgXcQ" && title == "The clip"
        ));
    }

    #[rstest]
    #[case("https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed", Some((VideoHost::YouTube, "dQw4w9WgXcQ")))]
    #[case("//www.youtube-nocookie.com/embed/dQw4w9WgXcQ", Some((VideoHost::YouTube, "dQw4w9WgXcQ")))]
    #[case("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1", Some((VideoHost::YouTube, "dQw4w9WgXcQ")))]
    #[case("https://youtu.be/dQw4w9WgXcQ", Some((VideoHost::YouTube, "dQw4w9WgXcQ")))]
    #[case("https://player.vimeo.com/video/76979871?h=8272103f6e", Some((VideoHost::Vimeo, "76979871")))]
    #[case("https://vimeo.com/76979871", Some((VideoHost::Vimeo, "76979871")))]
    #[case("https://player.vimeo.com/video/not-digits", None)]
    #[case(
        "https://www.youtube.com/embed/videoseries?list=PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs",
        None
    )]
    #[case(
        "https://www.youtube.com/embed/live_stream?channel=UC4R8DWoMoI7CAwX8_LjQHig",
        None
    )]
    #[case("https://www.youtube.com/embed/bad%22id", None)]
    #[case("https://video.example/embed/abc", None)]
    fn hosted_video_ids(#[case] src: &str, #[case] want: Option<(VideoHost, &str)>) {
        let got = hosted(src);
        assert_eq!(got.as_ref().map(|(h, id)| (*h, id.as_str())), want, "{src}");
    }

    /// The author an embed names, as (name, handle), or why the post was not saved whole.
    fn author_of(html: &str) -> Result<(String, String), String> {
        let doc = Document::from(format!("<html><body>{html}</body></html>"));
        let mut slots = slots(&doc, &Resolver::default(), &mut Vec::new());
        match slots.remove(0) {
            Slot {
                block: Block::Post(post),
                ..
            } => Ok((post.post.author.name, post.post.author.handle)),
            Slot { warnings, .. } => Err(warnings.join("; ")),
        }
    }

    const TWEET_URL: &str = "https://twitter.com/band/status/1328832094924312577";

    fn tweet(paragraph: &str, line: &str, date: &str) -> String {
        format!(
            r#"<blockquote class="twitter-tweet"><p>{paragraph}</p>{line} <a href="{TWEET_URL}?ref_src=twsrc%5Etfw">{date}</a></blockquote>"#
        )
    }

    #[rstest]
    #[case::name_with_by(tweet("We play tonight.", "&mdash; Stand by Me (@standbyme)", "November 17, 2020"), ("Stand by Me", "@standbyme"))]
    #[case::name_with_parentheses(tweet("We play tonight.", "&mdash; Ana Ruiz (she/her) (@anaruiz)", "17 Nov 2020"), ("Ana Ruiz (she/her)", "@anaruiz"))]
    #[case::instagram_in_spanish(
        r#"<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/CHuR2ZqFh3k/"><p><a href="https://www.instagram.com/p/CHuR2ZqFh3k/">Día 14 del recuento.</a></p><p>Una publicación compartida de <a href="https://www.instagram.com/riverton/">Riverton</a> (@riverton) el <time datetime="2020-11-17T16:05:12+00:00">17 nov 2020</time></p></blockquote>"#.to_owned(),
        ("Riverton", "@riverton")
    )]
    fn authors_as_embeds_name_them(#[case] html: String, #[case] want: (&str, &str)) {
        let got = author_of(&html).unwrap();
        assert_eq!((got.0.as_str(), got.1.as_str()), want);
    }

    #[rstest]
    #[case::no_dash(
        tweet("We play tonight.", "Stand by Me (@standbyme)", "November 17, 2020"),
        "its author's name,"
    )]
    #[case::not_a_handle(
        tweet("We play tonight.", "&mdash; The Band (@ 8pm)", "November 17, 2020"),
        "its author's name or author's handle,"
    )]
    #[case::date_in_french(
        tweet("On joue ce soir.", "&mdash; The Band (@band)", "17 novembre 2020"),
        "its date,"
    )]
    fn an_author_or_date_not_found_for_certain_is_not_guessed(
        #[case] html: String,
        #[case] missing: &str,
    ) {
        let why = author_of(&html).unwrap_err();
        assert!(why.contains(missing), "{why}");
    }

    #[rstest]
    #[case(
        "https://mastodon.social/@gargron/109342281043124411/embed",
        Some("https://mastodon.social/@gargron/109342281043124411")
    )]
    #[case("https://mastodon.social/@gargron//embed", None)]
    #[case("https://mastodon.social/@/1/embed", None)]
    #[case("https://mastodon.social/@gargron/109342281043124411", None)]
    #[case(
        "https://video.example/@channel/12/embed/extra",
        Some("https://video.example/@channel/12")
    )]
    fn mastodon_frames(#[case] src: &str, #[case] want: Option<&str>) {
        assert_eq!(mastodon_frame(src).as_deref(), want, "{src}");
    }

    #[rstest]
    #[case("https://pbs.twimg.com/profile_images/1/a.jpg", None, true)]
    #[case("https://scontent-sjc3-1.cdninstagram.com/v/a.jpg", None, true)]
    #[case("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg", None, true)]
    #[case("https://files.mastodon.social/a.png", Some("mastodon.social"), true)]
    #[case("https://cdn.news.example/a.jpg", Some("mastodon.social"), false)]
    #[case("https://notx.com/a.jpg", None, false)]
    fn pictures_on_a_platform(
        #[case] url: &str,
        #[case] post_host: Option<&str>,
        #[case] want: bool,
    ) {
        assert_eq!(on_platform(url, post_host), want, "{url}");
    }
}
