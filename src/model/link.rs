use super::path::Path;
use super::walk::{walk, Visit};
use super::{Article, Block, ImageBlock, Problem, VideoSource};
use crate::text::{find, split_once};

/// Where a URL is used decides which schemes it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// An `href`: http, https, mailto, or relative.
    Link,
    /// An image's or a video's source: http, https, or relative.
    Image,
}

/// An absolute `http:` or `https:` URL: one that means the same on every page and in every
/// feed that shows it.
pub fn is_absolute_http_url(url: &str) -> bool {
    let scheme_end = find(url, "://");
    scheme_end.is_some_and(|end| {
        matches!(url[..end].to_ascii_lowercase().as_str(), "http" | "https") && end + 3 < url.len()
    })
}

/// Returns the URL as it may be written into the page, or why it may not. A relative URL is
/// resolved against `base` when there is one, and otherwise left for the browser to resolve.
///
/// Browsers strip ASCII tabs and newlines anywhere in a URL and control characters and spaces
/// at its ends before they read the scheme, so `java\tscript:` is `javascript:` to them. The
/// check reads the scheme the same way, then allows only the schemes `UrlUse` names.
pub fn safe_url(raw: &str, usage: UrlUse, base: Option<&BaseUrl>) -> Result<String, String> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return Err("the URL is empty".into());
    }
    if cleaned.chars().any(|c| c.is_control()) {
        return Err("the URL contains control characters".into());
    }
    // Browsers read a backslash as a slash in http(s) URLs, so `/\host` is `//host` too.
    if cleaned.chars().take(2).all(|c| c == '/' || c == '\\') && cleaned.len() >= 2 {
        return Err("protocol-relative URLs are not allowed; write https://".into());
    }
    let (allowed, listed) = match usage {
        UrlUse::Link => (
            ["http", "https", "mailto"].as_slice(),
            "http, https, mailto",
        ),
        UrlUse::Image => (["http", "https"].as_slice(), "http, https"),
    };
    match scheme_of(&cleaned) {
        None => Ok(match base {
            Some(base) => base.resolve(&cleaned),
            None => cleaned,
        }),
        Some(scheme) if allowed.contains(&scheme.as_str()) => Ok(cleaned),
        Some(scheme) => Err(format!(
            "the scheme `{scheme}:` is not allowed; use {listed}"
        )),
    }
}

/// The lower-cased scheme, if the URL has one (`scheme:` before any `/`, `?` or `#`).
fn scheme_of(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    if candidate.contains(['/', '?', '#']) {
        return None;
    }
    // Even a malformed scheme counts as one: refusing it is safer than guessing how a
    // browser reads it.
    Some(candidate.to_ascii_lowercase())
}

/// An absolute http(s) URL that relative URLs in an article are resolved against: where the
/// article was fetched from, or else its own `url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `scheme://authority`
    origin: String,
    path: String,
    query: String,
}

impl BaseUrl {
    pub fn parse(url: &str) -> Option<BaseUrl> {
        let (scheme, rest) = split_once(url, "://")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let rest = rest.split('#').next().unwrap_or_default();
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(authority_end);
        if authority.is_empty() || authority.contains('\\') {
            return None;
        }
        let (path, query) = match rest.split_once('?') {
            Some((path, query)) => (path, format!("?{query}")),
            None => (rest, String::new()),
        };
        let path = if path.is_empty() { "/" } else { path };
        Some(BaseUrl {
            origin: format!("{scheme}://{authority}"),
            path: path.to_owned(),
            query,
        })
    }

    /// RFC 3986, section 5.2, for references without a scheme or authority.
    pub fn resolve(&self, reference: &str) -> String {
        let path_end = reference.find(['?', '#']).unwrap_or(reference.len());
        let (path, tail) = reference.split_at(path_end);
        if path.is_empty() {
            let query = if tail.starts_with('#') {
                self.query.as_str()
            } else {
                ""
            };
            return format!("{}{}{query}{tail}", self.origin, self.path);
        }
        let merged = if path.starts_with('/') {
            path.to_owned()
        } else {
            let directory = &self.path[..self.path.rfind('/').map_or(0, |i| i + 1)];
            format!("{directory}{path}")
        };
        format!("{}{}{tail}", self.origin, remove_dot_segments(&merged))
    }
}

fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    output.push("");
                }
            }
            ".." => {
                if output.len() > 1 {
                    output.pop();
                }
                if last {
                    output.push("");
                }
            }
            other => output.push(other),
        }
    }
    // `output` joined by slashes, which starts with one.
    let mut joined = String::with_capacity(path.len() + 1);
    for (i, segment) in output.iter().enumerate() {
        if i > 0 {
            joined.push('/');
        }
        joined.push_str(segment);
    }
    if !joined.starts_with('/') {
        joined.insert(0, '/');
    }
    joined
}

/// Replaces each URL with its safe form and removes the ones that are not safe, returning a
/// warning for each removal: the text around a dropped link stays, the link goes.
pub(super) fn drop_unsafe_links(article: &mut Article, base: Option<&BaseUrl>) -> Vec<Problem> {
    let mut check = UrlCheck {
        base,
        warnings: Vec::new(),
    };
    walk(article, &mut check);
    // An image or a video file without a usable source cannot be shown at all; a post without
    // its URL still shows what it said.
    let unusable = |image: &mut ImageBlock| image.src.is_empty();
    article.image.take_if(unusable);
    article.body.retain_mut(|block| match block {
        Block::Image(image) => !image.src.is_empty(),
        Block::Post(block) => {
            block.post.image.take_if(unusable);
            if let Some(quoted) = &mut block.quoted {
                quoted.image.take_if(unusable);
            }
            true
        }
        Block::Video(video) => match &mut video.source {
            VideoSource::File { src, captions } => {
                captions.retain(|track| !track.src.is_empty());
                !src.is_empty()
            }
            VideoSource::Hosted { .. } => true,
        },
        _ => true,
    });
    check.warnings
}

struct UrlCheck<'a> {
    base: Option<&'a BaseUrl>,
    warnings: Vec<Problem>,
}

impl Visit for UrlCheck<'_> {
    fn url(&mut self, at: &Path, url: &mut Option<String>, usage: UrlUse) {
        *url = url
            .take()
            .and_then(|raw| match safe_url(&raw, usage, self.base) {
                Ok(safe) => Some(safe),
                Err(why) => {
                    let message = format!("{why}; the link was removed");
                    self.warnings
                        .push(Problem::warning(at.to_string(), message));
                    None
                }
            });
    }
}
