//! `article-widget build`: a folder of articles to a static site. Each article gets its page, a
//! card and the whole article made for iframes, an oEmbed answer, its embed code and its JSON;
//! the site gets index pages, Atom, RSS and JSON feeds carrying the whole articles, a sitemap
//! (and with `news`, a Google News sitemap), robots.txt and the widget's files. Articles
//! are rendered on every core; the site is written beside the previous one and swapped in, so
//! a build that stops halfway leaves the previous site as it was.
//!
//! The library prints nothing: `build` returns a `Report` and tells a `Progress` how it goes.

mod base_url;
mod build;
mod discover;
mod error;
pub mod feed_html;
pub mod feeds;
pub mod listing;
mod lock;
pub mod news;
mod options;
mod output;
mod overlap;
pub mod pages;
mod report;
mod text;
mod widget;

pub use base_url::{base_url, BaseUrl};
pub use build::{build, build_at};
pub use discover::slug;
pub use error::{BuildError, Collision};
pub use options::{BuildOptions, Shard};
pub use output::{FileCounts, MARKER};
pub use report::{Problem, Progress, Report, Unwatched};
pub use widget::{WIDGET_FILES, WIDGET_WASM};
