//! The article: its JSON format, validation and the values derived from it.
//!
//! Plain Rust with no dependencies, so it is tested natively and shared by the browser widget
//! and the native renderer alike.

mod block;
mod derived;
mod error;
mod inline;
mod json;
mod link;
mod path;
mod read;
mod validate;
mod walk;
mod write;

pub use block::{
    Block, BlockKind, Captions, Cell, CodeBlock, ImageBlock, ListBlock, ListItem, Platform, Post,
    PostAuthor, PostBlock, PromoAction, PromoBlock, Scope, TableBlock, VideoBlock, VideoHost,
    VideoSource, MAX_CELL_SPAN, MAX_LIST_DEPTH, MAX_VIDEO_ID_BYTES,
};
pub use derived::{
    avatar_palette_index, initials, is_language_tag, slug, word_count, Timestamp, UpdateShown,
    AVATAR_PALETTE_SIZE, MAX_SLUG_BYTES,
};
pub use error::{ArticleError, Problem, Severity, GATHERS_EVERY_PROBLEM, MAX_MORE_PROBLEMS};
pub use inline::{Inline, Span};
pub use json::{Json, SyntaxError, MAX_DEPTH};
pub use link::{is_absolute_http_url, safe_url, BaseUrl, UrlUse};

/// A news article as the widget renders it. The JSON field names are a public contract.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    pub headline: String,
    pub standfirst: Option<String>,
    pub kicker: Option<String>,
    pub url: Option<String>,
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    /// BCP 47 language tag; `en` when absent.
    pub lang: Option<String>,
    pub publisher: Option<Publisher>,
    pub authors: Vec<Author>,
    pub body: Vec<Block>,
    pub related: Vec<RelatedLink>,
    /// The section of the publication the article belongs to ("Security"), for machines and
    /// feeds; the kicker stays the visible label.
    pub section: Option<String>,
    /// Its subjects, in the publisher's order, for machines and feeds.
    pub tags: Vec<String>,
    /// The article's own image, shown under the header and by previews (cards, Open Graph,
    /// JSON-LD).
    pub image: Option<ImageBlock>,
    /// Corrections and updates, in the order given; `check` makes `updated` no earlier than
    /// the latest.
    pub notes: Vec<Note>,
    /// Minutes to read the story, derived by `check` (see `derived::reading_minutes`).
    pub reading_minutes: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publisher {
    pub name: String,
    pub url: Option<String>,
    pub logo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Author {
    pub name: String,
    pub role: Option<String>,
    /// Paragraphs separated by a blank line.
    pub bio: Option<String>,
    pub avatar: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RelatedLink {
    pub title: String,
    pub url: Option<String>,
    pub kicker: Option<String>,
    pub image: Option<String>,
}

/// A dated notice to readers about a change to the story.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Note {
    pub kind: NoteKind,
    pub date: Timestamp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoteKind {
    /// An error in the story, put right.
    #[default]
    Correction,
    /// News added to the story.
    Update,
}

impl NoteKind {
    pub fn name(self) -> &'static str {
        match self {
            NoteKind::Correction => "correction",
            NoteKind::Update => "update",
        }
    }

    pub fn from_name(name: &str) -> Option<NoteKind> {
        match name {
            "correction" => Some(NoteKind::Correction),
            "update" => Some(NoteKind::Update),
            _ => None,
        }
    }
}

/// An article that passed validation, with the warnings that did not stop it from rendering
/// (such as a link that was dropped because its scheme is not allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub article: Article,
    pub warnings: Vec<Problem>,
}

impl Article {
    /// Reads an article from JSON text: first the JSON, then the article in it, so a syntax
    /// error and a misplaced value are told apart.
    ///
    /// The error names the JSON path of the first problem, e.g. `body[3].text[1].href: …`,
    /// and carries every other problem found.
    pub fn from_json(text: &str) -> Result<Checked, ArticleError> {
        Self::from_json_at(text, None)
    }

    /// Like `from_json`, for an article fetched from `location`: its relative URLs are
    /// resolved against that address.
    pub fn from_json_at(text: &str, location: Option<&str>) -> Result<Checked, ArticleError> {
        let json = Json::parse(text).map_err(ArticleError::not_json)?;
        Self::from_parsed(&json, location)
    }

    /// Like `from_json_at`, for JSON already parsed.
    pub fn from_parsed(json: &Json, location: Option<&str>) -> Result<Checked, ArticleError> {
        match read::article(json)? {
            (article, None) => article.check_at(location),
            (_, Some(error)) if !GATHERS_EVERY_PROBLEM => Err(error),
            (mut article, Some(mut error)) => {
                let mut problems = validate::problems(&mut article);
                let base = article.base_url(location);
                problems.extend(link::drop_unsafe_links(&mut article, base.as_ref()));
                error.add_validation(problems);
                Err(error)
            }
        }
    }

    /// Validates an article built in code, and makes its URLs safe.
    pub fn check(self) -> Result<Checked, ArticleError> {
        self.check_at(None)
    }

    /// Validates the article and makes its URLs safe. Relative URLs are resolved against
    /// `location` (where the article was fetched from), or else the article's own `url`, or
    /// else left for the browser to resolve against the page.
    pub fn check_at(mut self, location: Option<&str>) -> Result<Checked, ArticleError> {
        let mut problems = validate::problems(&mut self);
        let base = self.base_url(location);
        problems.extend(link::drop_unsafe_links(&mut self, base.as_ref()));
        let warnings = ArticleError::fail_on_errors(problems)?;
        self.updated = derived::last_change(&self);
        self.reading_minutes = derived::reading_minutes(&mut self);
        Ok(Checked {
            article: self,
            warnings,
        })
    }

    fn base_url(&self, location: Option<&str>) -> Option<BaseUrl> {
        location
            .and_then(BaseUrl::parse)
            .or_else(|| self.url.as_deref().and_then(BaseUrl::parse))
    }

    /// The language tag to render with.
    pub fn lang(&self) -> &str {
        self.lang
            .as_deref()
            .filter(|l| !l.is_empty())
            .unwrap_or("en")
    }

    /// Text direction for the article's language.
    pub fn dir(&self) -> &'static str {
        derived::direction(self.lang())
    }
}
