//! The article: its JSON format, validation and the values derived from it.
//!
//! Plain Rust with serde only, so it is tested natively and shared by the browser widget and
//! the native renderer alike.

mod block;
mod derived;
mod error;
mod inline;
mod labels;
mod link;
mod validate;

use serde::Deserialize;

pub use block::{Block, ImageBlock, PromoAction, PromoBlock};
pub use derived::{
    avatar_palette_index, date_part, format_date, initials, reading_minutes, AVATAR_PALETTE_SIZE,
};
pub use error::{ArticleError, Problem};
pub use inline::{Inline, Span};
pub use labels::Labels;
pub use link::{safe_url, UrlUse};

/// A news article as the widget renders it. The JSON field names are a public contract.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Article {
    pub headline: String,
    #[serde(default)]
    pub standfirst: Option<String>,
    #[serde(default)]
    pub kicker: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// RFC 3339 timestamp.
    #[serde(default)]
    pub published: Option<String>,
    /// RFC 3339 timestamp.
    #[serde(default)]
    pub updated: Option<String>,
    /// BCP 47 language tag; `en` when absent.
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub publisher: Option<Publisher>,
    #[serde(default)]
    pub authors: Vec<Author>,
    pub body: Vec<Block>,
    #[serde(default)]
    pub related: Vec<RelatedLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Publisher {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub logo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Author {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    /// Paragraphs separated by a blank line.
    #[serde(default)]
    pub bio: Option<String>,
    #[serde(default)]
    pub avatar: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RelatedLink {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub kicker: Option<String>,
    #[serde(default)]
    pub image: Option<String>,
}

/// An article that passed validation, with the warnings that did not stop it from rendering
/// (such as a link that was dropped because its scheme is not allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub article: Article,
    pub warnings: Vec<Problem>,
}

impl Article {
    /// Reads an article from any serde deserializer, validates it and makes its URLs safe.
    ///
    /// The error names the JSON path of the first problem, e.g. `body[3].text[1].href: …`.
    pub fn from_deserializer<'de, D>(deserializer: D) -> Result<Checked, ArticleError>
    where
        D: serde::Deserializer<'de>,
    {
        let article: Article = serde_path_to_error::deserialize(deserializer).map_err(|err| {
            ArticleError::new(err.path().to_string(), err.into_inner().to_string())
        })?;
        article.check()
    }

    /// Reads an article from JSON text: first the JSON, then the article in it, as the
    /// browser does with `JSON.parse`, so both report the same messages.
    pub fn from_json(text: &str) -> Result<Checked, ArticleError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(ArticleError::not_json)?;
        Self::from_deserializer(value)
    }

    /// Validates an article built in code, and makes its URLs safe.
    pub fn check(mut self) -> Result<Checked, ArticleError> {
        let mut warnings = validate::problems(&self);
        if let Some(error) = warnings.iter().find(|p| p.is_error()) {
            return Err(ArticleError::new(error.path.clone(), error.message.clone()));
        }
        warnings.extend(link::drop_unsafe_links(&mut self));
        Ok(Checked {
            article: self,
            warnings,
        })
    }

    /// Every problem found, errors first, then the links that would be removed.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = validate::problems(self);
        problems.extend(link::drop_unsafe_links(&mut self.clone()));
        problems
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

    pub fn labels(&self) -> Labels {
        Labels::for_lang(self.lang())
    }
}
