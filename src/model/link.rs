use super::{Article, Block, Problem};

/// Where a URL is used decides which schemes it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// An `href`: http, https, mailto, or relative.
    Link,
    /// An image `src`: http, https, or relative.
    Image,
}

/// Returns the URL as it may be written into the page, or why it may not.
///
/// Browsers strip ASCII tabs and newlines anywhere in a URL and control characters and spaces
/// at its ends before they read the scheme, so `java\tscript:` is `javascript:` to them. The
/// check reads the scheme the same way, then allows only the schemes `UrlUse` names.
pub fn safe_url(raw: &str, usage: UrlUse) -> Result<String, String> {
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
    if cleaned.starts_with("//") || cleaned.starts_with("\\\\") || cleaned.starts_with("/\\") {
        return Err("protocol-relative URLs are not allowed; write https://".into());
    }
    match scheme_of(&cleaned) {
        None => Ok(cleaned),
        Some(scheme) => {
            let allowed = match usage {
                UrlUse::Link => ["http", "https", "mailto"].as_slice(),
                UrlUse::Image => ["http", "https"].as_slice(),
            };
            if allowed.contains(&scheme.as_str()) {
                Ok(cleaned)
            } else {
                Err(format!(
                    "the scheme `{scheme}:` is not allowed; use {}",
                    allowed.join(", ")
                ))
            }
        }
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

/// Every URL field of an article, with its JSON path and use.
fn visit_urls(article: &mut Article, mut visit: impl FnMut(String, UrlUse, &mut Option<String>)) {
    visit("url".into(), UrlUse::Link, &mut article.url);
    if let Some(publisher) = &mut article.publisher {
        visit("publisher.url".into(), UrlUse::Link, &mut publisher.url);
        visit("publisher.logo".into(), UrlUse::Image, &mut publisher.logo);
    }
    for (i, author) in article.authors.iter_mut().enumerate() {
        visit(format!("authors[{i}].url"), UrlUse::Link, &mut author.url);
        visit(
            format!("authors[{i}].avatar"),
            UrlUse::Image,
            &mut author.avatar,
        );
    }
    for (i, block) in article.body.iter_mut().enumerate() {
        match block {
            Block::Paragraph(text) | Block::Quote { text, .. } => {
                for (j, span) in text.0.iter_mut().enumerate() {
                    visit(
                        format!("body[{i}].text[{j}].href"),
                        UrlUse::Link,
                        &mut span.href,
                    );
                }
            }
            Block::Image(image) => {
                let mut src = Some(std::mem::take(&mut image.src));
                visit(format!("body[{i}].src"), UrlUse::Image, &mut src);
                image.src = src.unwrap_or_default();
            }
            Block::Promo(promo) => {
                if let Some(action) = &mut promo.action {
                    let mut url = Some(std::mem::take(&mut action.url));
                    visit(format!("body[{i}].action.url"), UrlUse::Link, &mut url);
                    match url {
                        Some(url) => action.url = url,
                        None => promo.action = None,
                    }
                }
            }
            Block::Heading(_) | Block::PullQuote { .. } => {}
        }
    }
    for (i, link) in article.related.iter_mut().enumerate() {
        visit(format!("related[{i}].url"), UrlUse::Link, &mut link.url);
        visit(
            format!("related[{i}].image"),
            UrlUse::Image,
            &mut link.image,
        );
    }
}

/// Replaces each URL with its safe form and removes the ones that are not safe, returning a
/// warning for each removal: the text around a dropped link stays, the link goes.
pub(super) fn drop_unsafe_links(article: &mut Article) -> Vec<Problem> {
    let mut warnings = Vec::new();
    visit_urls(article, |path, usage, url| {
        *url = url.take().and_then(|raw| match safe_url(&raw, usage) {
            Ok(safe) => Some(safe),
            Err(why) => {
                warnings.push(Problem::warning(
                    path,
                    format!("{why}; the link was removed"),
                ));
                None
            }
        });
    });
    // An image without a usable source cannot be shown at all.
    article
        .body
        .retain(|block| !matches!(block, Block::Image(image) if image.src.is_empty()));
    warnings
}
