//! `article-widget import` (native only): articles from HTML pages, Markdown with front matter
//! and RSS, Atom or JSON feeds, each carrying only what its source says.
//!
//! A source's bytes are decoded as a browser decodes them ([`decode`]); every source then
//! becomes a draft: the article's fields as found, plus warnings for what was found but
//! cannot be carried. `finish` runs the model's own check and writes the JSON, reading it
//! back to prove the file says what was checked. [`run`] does this for the command and
//! returns an [`ImportReport`]; it prints nothing.
//!
//! By concern: `html` reads a page (its `header`, its `byline`, its `metadata`, the blocks
//! `recognise` and `embeds` find before Readability runs, and `blocks` maps the story), with `dom`'s
//! helpers; `markdown` and `feed` read the other kinds; `nesting` refuses pages nested past
//! [`MAX_NESTING`]; `output` writes the files.

mod blocks;
mod boilerplate;
mod byline;
mod decode;
mod dom;
mod embeds;
mod error;
mod feed;
mod header;
mod html;
mod markdown;
mod metadata;
mod nesting;
mod notes;
mod output;
mod recognise;
mod text;

use text::letters;

use article_widget::load::MAX_ARTICLE_BYTES;
use article_widget::model::{Article, Block, RelatedLink};

pub use decode::{decode, Decoded};
pub use error::ImportError;
pub use nesting::MAX_NESTING;
pub use output::{
    run, Failure, ImportOptions, ImportReport, Placed, Summary, Warning, MAX_SOURCE_BYTES,
};

/// One article found in a source, checked and written as JSON.
#[derive(Debug, Clone)]
pub struct Imported {
    pub article: Article,
    /// The article's JSON file, as `validate` reads it.
    pub json: String,
    /// What the source held that the article cannot carry, and URLs the check removed, each
    /// with where it was.
    pub warnings: Vec<String>,
    /// A file name for it without the extension, from its URL or headline.
    pub slug: String,
}

/// What kind of text a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Html,
    Markdown,
    Feed,
}

impl SourceKind {
    /// Told by a Markdown or HTML file's extension (a README may start with `<p>`), else by
    /// the text itself (front matter, JSON Feed's `version`, a feed's root element, an HTML
    /// tag), else it is Markdown.
    pub fn detect(text: &str, file_name: &str) -> SourceKind {
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase());
        match extension.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => return SourceKind::Markdown,
            Some("html" | "htm" | "xhtml") => return SourceKind::Html,
            _ => {}
        }
        let start = text.trim_start_matches('\u{feff}').trim_start();
        let lower: String = start
            .chars()
            .take(1024)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("---") || lower.starts_with("+++") {
            return SourceKind::Markdown;
        }
        if lower.starts_with('{') {
            return SourceKind::Feed;
        }
        if lower.starts_with('<') {
            let feed_root = ["<rss", "<feed", "<rdf:rdf"];
            let is_feed = feed_root.iter().any(|r| lower.contains(r)) && !lower.contains("<html");
            return if is_feed {
                SourceKind::Feed
            } else {
                SourceKind::Html
            };
        }
        SourceKind::Markdown
    }
}

/// What one source gave: how its bytes were read, and each article's own outcome.
#[derive(Debug)]
pub struct Source {
    /// The encoding its bytes were decoded from (its WHATWG name, e.g. `windows-1252`).
    pub encoding: &'static str,
    /// What a reader should know about the source as a whole, such as an encoding guessed.
    pub warnings: Vec<String>,
    pub articles: Vec<Result<Imported, ImportError>>,
}

/// Imports every article in one source's bytes, decoded as a browser decodes them (see
/// [`decode`]). A source that cannot be read at all is an error; otherwise each article has
/// its own outcome, as in [`import_each`].
pub fn import_bytes(
    bytes: &[u8],
    name: &str,
    page_url: Option<&str>,
) -> Result<Source, ImportError> {
    let decoded = decode(bytes);
    Ok(Source {
        encoding: decoded.encoding,
        warnings: decoded.warning.into_iter().collect(),
        articles: import_each(&decoded.text, name, page_url)?,
    })
}

/// Imports every article in one source's text. `name` is how messages name the source;
/// `page_url` is the address the text was published at (`--url`), for relative URLs. The
/// first article that cannot be imported fails the whole source; [`import_each`] keeps the
/// others.
pub fn import_text(
    text: &str,
    name: &str,
    page_url: Option<&str>,
) -> Result<Vec<Imported>, ImportError> {
    import_each(text, name, page_url)?.into_iter().collect()
}

/// Like [`import_text`], with each article's own outcome: one bad item of a feed (an item
/// without a title, say) does not keep the others out.
pub fn import_each(
    text: &str,
    name: &str,
    page_url: Option<&str>,
) -> Result<Vec<Result<Imported, ImportError>>, ImportError> {
    let page_url = match page_url {
        Some(raw) => Some(url::Url::parse(raw).map_err(|reason| ImportError::PageUrl {
            url: raw.to_owned(),
            reason,
        })?),
        None => None,
    };
    let drafts = match SourceKind::detect(text, name) {
        SourceKind::Html => vec![Ok(html::page(text, page_url.as_ref())?)],
        SourceKind::Markdown => vec![Ok(markdown::document(text, page_url.as_ref())?)],
        SourceKind::Feed => feed::items(text, page_url.as_ref())?,
    };
    Ok(drafts
        .into_iter()
        .map(|draft| draft.and_then(finish))
        .collect())
}

/// An article as found, before the model's check.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub article: Article,
    pub warnings: Vec<String>,
    /// Where it came from within the source, for messages: "item 3" of a feed.
    pub label: Option<String>,
}

impl Draft {
    fn new() -> Draft {
        Draft {
            article: Article::default(),
            warnings: Vec::new(),
            label: None,
        }
    }

    fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }
}

/// Checks the draft with the model's own rules, writes its JSON and reads that back: what is
/// written is exactly what was checked.
fn finish(mut draft: Draft) -> Result<Imported, ImportError> {
    let label = draft.label.take();
    let in_item = |error: ImportError| match &label {
        Some(label) => ImportError::Item {
            label: label.clone(),
            error: Box::new(error),
        },
        None => error,
    };
    let prefix = label.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
    notes::take_notes(&mut draft.article, &mut draft.warnings);
    dividers_between_blocks(&mut draft.article.body);
    tidy(&mut draft.article);
    if draft.article.headline.trim().is_empty() {
        return Err(in_item(ImportError::NoHeadline));
    }
    if draft.article.body.is_empty() {
        return Err(in_item(ImportError::NoText));
    }
    let checked = draft
        .article
        .check()
        .map_err(|err| in_item(ImportError::Invalid(err)))?;
    let mut warnings: Vec<String> = draft
        .warnings
        .iter()
        .map(|w| format!("{prefix}{w}"))
        .collect();
    warnings.extend(
        checked
            .warnings
            .iter()
            .map(|p| format!("{prefix}{}: {}", p.path, p.message)),
    );
    let mut article = checked.article;
    merge_spans(&mut article);
    let json = format!("{:#}\n", article.to_json());
    // The widget, `validate` and `build` read no more than this: a file they would refuse is
    // not written.
    if json.len() > MAX_ARTICLE_BYTES {
        return Err(in_item(ImportError::TooLarge { bytes: json.len() }));
    }
    let reread =
        Article::from_json(&json).map_err(|err| in_item(ImportError::WrittenJsonInvalid(err)))?;
    if reread.article != article {
        return Err(in_item(ImportError::ReadsBackDifferently));
    }
    let slug = output::slug(&article);
    Ok(Imported {
        article,
        json,
        warnings,
        slug,
    })
}

/// A description that a CMS cut from the story's opening words: ended with an ellipsis of
/// any spelling, its last words there near the story's start; or run across the story's
/// first blocks (a heading into the paragraph under it: "Highlights Here's our year…"). A
/// description that is one of the story's paragraphs whole is the page's summary, shown
/// twice, and stays.
fn cut_from_opening(description: &str, body: &[Block]) -> bool {
    let mut stem = description.trim_end();
    let mut cut = false;
    for ending in ["(...)", "[...]", "(…)", "[…]", "...", "…"] {
        if let Some(rest) = stem.strip_suffix(ending) {
            stem = rest.trim_end();
            cut = true;
        }
    }
    let stem = letters(stem);
    let count = stem.chars().count();
    if count < 40 {
        return false;
    }
    let tail: String = stem.chars().skip(count - 40).collect();
    let mut opening = String::new();
    for block in body {
        let text = match block {
            Block::Paragraph(text) | Block::Quote { text, .. } => text.text(),
            Block::Heading(text) => text.clone(),
            _ => continue,
        };
        let text = letters(&text);
        if text.contains(&stem) && !cut {
            return false;
        }
        opening.push_str(&text);
        if opening.chars().count() > count + 400 {
            break;
        }
    }
    if cut {
        opening.contains(&tail)
    } else {
        opening.contains(&stem)
    }
}

/// Neighbouring spans with the same formatting as one, as after a link the check removed.
fn merge_spans(article: &mut Article) {
    for block in &mut article.body {
        if let Block::Paragraph(text) | Block::Quote { text, .. } = block {
            *text = text::tidy_spans(std::mem::take(&mut text.0));
        }
    }
}

/// What every source kind shares: a standfirst is not said twice (a description cut from the
/// first paragraph, as many pages write one, is not a standfirst at all), and related links
/// are not repeated.
/// A divider only stands between blocks: one at either end of the story, or right after
/// another, divides nothing (a rule above a page's footer, or over a moved correction).
fn dividers_between_blocks(body: &mut Vec<Block>) {
    let divider = |block: &Block| matches!(block, Block::Divider);
    body.dedup_by(|next, previous| divider(next) && divider(previous));
    if body.first().is_some_and(divider) {
        body.remove(0);
    }
    if body.last().is_some_and(divider) {
        body.pop();
    }
}

fn tidy(article: &mut Article) {
    article.headline = text::squash(&article.headline);
    if let Some(standfirst) = article.standfirst.take() {
        let standfirst = text::squash(&standfirst);
        let first = article
            .body
            .iter()
            .position(|block| matches!(block, Block::Paragraph(_)));
        let first_text = article.opening_text().map(|text| text::squash(&text));
        let stem = standfirst.trim_end_matches(['…', '.', ' ']);
        match first_text {
            // The standfirst shown again at the top of the story: once is enough.
            Some(text) if text == standfirst && first.is_some_and(|i| i < 2) => {
                article.body.remove(first.unwrap_or_default());
                article.standfirst = Some(standfirst);
            }
            // A description cut from the first paragraph is not a standfirst.
            Some(text) if stem.chars().count() >= 40 && text.starts_with(stem) => {}
            _ if standfirst.is_empty() => {}
            // A description a template filled with the site's fields: "Site | Section |
            // 9 April 2019 | The site's tagline".
            _ if standfirst.matches(" | ").count() >= 2 => {}
            // Nor is one cut from the opening of the story across its blocks.
            _ if cut_from_opening(&standfirst, &article.body) => {}
            _ => article.standfirst = Some(standfirst),
        }
    }
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    article.related.retain(|RelatedLink { title, url, .. }| {
        let key = (title.clone(), url.clone());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
}
