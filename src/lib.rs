#![doc = include_str!("../README.md")]

pub mod components;
pub mod load;
pub mod model;

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
pub mod embed;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use components::{Theme, Widget, WidgetProps, WidgetState};
pub use model::{Article, ArticleError, Checked};

/// The widget's stylesheet. The browser widget adopts it into each shadow root; pages without
/// JavaScript link the same file from static/.
pub const STYLESHEET: &str = include_str!("../static/article-widget.css");
