#![doc = include_str!("../README.md")]

pub mod components;
pub mod i18n;
pub mod load;
pub mod model;
mod text;

#[cfg(all(target_arch = "wasm32", feature = "csr"))]
pub mod embed;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use components::{Theme, Widget, WidgetProps, WidgetState};
pub use model::{Article, ArticleError, Checked};

/// The widget's stylesheet, as written. The release build ships it minified as
/// `article-widget.css`, which pre-rendered pages link and the loader adopts into the shadow
/// root of each widget it renders.
pub const STYLESHEET: &str = include_str!("../static/article-widget.css");

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
