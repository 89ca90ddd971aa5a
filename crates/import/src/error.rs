//! Why a source, or one article in it, gave nothing.

use article_widget::load::MAX_ARTICLE_BYTES;
use article_widget::model::ArticleError;

use super::nesting::MAX_NESTING;
use super::output::MAX_SOURCE_BYTES;

/// Why a source, or one article in it, could not be imported. The messages do not name the
/// file: whoever reports them does.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("--url `{url}` is not an absolute URL: {reason}")]
    PageUrl {
        url: String,
        reason: url::ParseError,
    },
    #[error("could not read: {0}")]
    Unreadable(#[source] std::io::Error),
    #[error("more than {MAX_SOURCE_BYTES} bytes; not imported")]
    SourceTooLarge,
    #[error(
        "its elements nest more than {MAX_NESTING} deep (line {line}); the importer reads pages nested at most {MAX_NESTING} deep, the depth at which browsers stop nesting"
    )]
    NestedTooDeep { line: usize },
    #[error("the page could not be read: {0}")]
    Unparsable(#[source] dom_smoothie::ReadabilityError),
    #[error("no article text found: {0}")]
    NoStory(#[source] dom_smoothie::ReadabilityError),
    #[error("not a feed that can be read: {0}")]
    NotAFeed(#[source] feed_rs::parser::ParseFeedError),
    #[error("the feed has no items")]
    EmptyFeed,
    #[error("front matter is not TOML: {0}")]
    FrontMatterToml(#[source] toml::de::Error),
    #[error("front matter is not YAML: {0}")]
    FrontMatterYaml(#[source] serde_saphyr::Error),
    #[error("front matter must be a map of fields")]
    FrontMatterNotAMap,
    #[error("front matter opened with {fence} is never closed")]
    FrontMatterUnclosed { fence: &'static str },
    #[error(
        "no headline found (no title in its metadata, heading or front matter); the format needs one"
    )]
    NoHeadline,
    #[error("no article text found")]
    NoText,
    /// The model's own check refused the article.
    #[error(transparent)]
    Invalid(ArticleError),
    #[error("the written JSON does not validate: {0}")]
    WrittenJsonInvalid(ArticleError),
    #[error("the written JSON reads back as a different article")]
    ReadsBackDifferently,
    #[error(
        "its JSON would be {bytes} bytes, more than the {MAX_ARTICLE_BYTES} bytes the widget, `validate` and `build` read; not written"
    )]
    TooLarge { bytes: usize },
    /// One item of a feed: "item 3".
    #[error("{label}: {error}")]
    Item {
        label: String,
        #[source]
        error: Box<ImportError>,
    },
}
