//! The one IO seam: where articles come from. In the browser the loader
//! (static/article-widget.js) fetches them, or encodes the object it was given, and hands the
//! WebAssembly the bytes or the name of the failure; natively an article is read from a file.

use std::borrow::Cow;
use std::fmt;

use crate::i18n::Labels;
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
use crate::model::Json;
use crate::model::{Article, ArticleError, Checked};
use crate::text::replace;

/// The largest article read, in bytes, here and by the loader. A 1,000-paragraph article is
/// about 300 KB.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Why an article could not be shown, as the reader is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    TimedOut,
    TooLarge,
    NotFound,
    /// Any other HTTP error, with its status.
    ServerError(u16),
    Unreachable,
    /// Not JSON.
    NotReadable,
    /// JSON, but not a valid article.
    Invalid,
    /// The widget was given nothing to load.
    NoArticle,
    /// A file (natively) that could not be read.
    UnreadableFile,
}

/// Why an article could not be loaded: what the reader is told (in their language), and the
/// details for the developer's console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub failure: Failure,
    pub details: String,
    /// For JSON that is not a valid article: the article's error, with every problem found.
    pub invalid: Option<Box<ArticleError>>,
}

impl LoadError {
    pub fn new(failure: Failure, details: impl Into<String>) -> Self {
        LoadError {
            failure,
            details: details.into(),
            invalid: None,
        }
    }

    /// A failure the loader reports by name (see `RenderedWidget::fail`).
    pub fn from_loader(name: &str, status: u16, details: String) -> Self {
        let failure = match name {
            "timed-out" => Failure::TimedOut,
            "too-large" => Failure::TooLarge,
            "not-found" => Failure::NotFound,
            "server-error" => Failure::ServerError(status),
            "unreachable" => Failure::Unreachable,
            "no-article" => Failure::NoArticle,
            _ => Failure::NotReadable,
        };
        LoadError::new(failure, details)
    }

    /// The sentence the reader sees, in the language of `labels`.
    pub fn reader_message(&self, labels: &Labels) -> String {
        let f = &labels.failures;
        match self.failure {
            Failure::TimedOut => f.timed_out.into(),
            Failure::TooLarge => f.too_large.into(),
            Failure::NotFound => f.not_found.into(),
            Failure::ServerError(status) => {
                replace(f.server_error, "{status}", &status.to_string())
            }
            Failure::Unreachable => f.unreachable.into(),
            Failure::NotReadable => f.not_readable.into(),
            Failure::Invalid => f.invalid.into(),
            Failure::NoArticle => f.no_article.into(),
            Failure::UnreadableFile => f.unreadable_file.into(),
        }
    }
}

impl From<ArticleError> for LoadError {
    fn from(err: ArticleError) -> Self {
        if err.is_not_json() {
            return LoadError::new(Failure::NotReadable, err.to_string());
        }
        LoadError {
            details: err.to_string(),
            invalid: Some(Box::new(err)),
            ..LoadError::new(Failure::Invalid, String::new())
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let english = Labels::for_lang("en");
        write!(f, "{} ({})", self.reader_message(english), self.details)
    }
}

/// Checks an article given as JSON text; `location` is where it was fetched from, if it was.
pub fn parse_json_text(text: &str, location: Option<&str>) -> Result<Checked, LoadError> {
    Ok(Article::from_json_at(text, location)?)
}

/// Checks an article's bytes, fetched from `location` if they were; see `decode`.
pub fn parse_json_bytes(bytes: &[u8], location: Option<&str>) -> Result<Checked, LoadError> {
    let checked = decode(bytes).and_then(|text| parse_json_text(&text, location));
    checked.map_err(|err| match location {
        Some(url) => LoadError {
            details: format!("{url}: {}", err.details),
            ..err
        },
        None => err,
    })
}

/// An article's bytes as text: over `MAX_ARTICLE_BYTES` they are refused, a UTF-8 byte order
/// mark at the start is dropped, and invalid UTF-8 is read with replacement characters, as
/// browsers read text.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, LoadError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::new(
            Failure::TooLarge,
            format!(
                "{} bytes or more; the limit is {MAX_ARTICLE_BYTES} bytes",
                bytes.len()
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    Ok(String::from_utf8_lossy(bytes))
}

/// An article file as read: its bytes as written, its JSON, and the checked article.
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub struct ArticleFile {
    pub bytes: Vec<u8>,
    pub source: Json,
    pub checked: Checked,
}

/// Checks an article's bytes as a file holds them, with the browser's byte cap, and keeps its
/// JSON, which pre-rendered pages carry inline. Relative URLs are resolved against `location`.
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub fn read_article_bytes(
    mut bytes: Vec<u8>,
    location: Option<&str>,
) -> Result<ArticleFile, LoadError> {
    // Past the cap the error says the same as for a file, which is read one byte past it.
    bytes.truncate(MAX_ARTICLE_BYTES + 1);
    let json = Json::parse(&decode(&bytes)?).map_err(ArticleError::not_json)?;
    let checked = Article::from_parsed(&json, location)?;
    Ok(ArticleFile {
        source: json,
        bytes,
        checked,
    })
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::Read;
    use std::path::Path;

    use super::{read_article_bytes, ArticleFile, Checked, Failure, LoadError, MAX_ARTICLE_BYTES};
    use crate::model::Json;

    /// Reads and checks an article from a JSON file (`-` for standard input), with the
    /// browser's byte cap. Also returns the JSON itself, which pre-rendered pages carry inline.
    /// Errors do not name the file: the caller does.
    pub fn read_article(path: &Path) -> Result<(Json, Checked), LoadError> {
        read_article_file(path, None).map(|file| (file.source, file.checked))
    }

    /// `read_article`, with its bytes, and relative URLs resolved against `location`: where the
    /// JSON will be served, as the loader resolves them when it fetches it from there.
    pub fn read_article_file(
        path: &Path,
        location: Option<&str>,
    ) -> Result<ArticleFile, LoadError> {
        let unreadable =
            |err: std::io::Error| LoadError::new(Failure::UnreadableFile, err.to_string());
        let mut bytes = Vec::new();
        let limit = MAX_ARTICLE_BYTES as u64 + 1;
        if path == Path::new("-") {
            std::io::stdin()
                .take(limit)
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
        } else {
            std::fs::File::open(path)
                .and_then(|f| f.take(limit).read_to_end(&mut bytes))
                .map_err(unreadable)?;
        }
        read_article_bytes(bytes, location)
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{read_article, read_article_file};
