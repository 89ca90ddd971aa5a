//! The Yew component tree. Components only render: data arrives through props, and no
//! component fetches, parses or touches the DOM directly. The leaves are plain functions that
//! return markup: they hold no state, and each component would cost the wasm about 1 KB.

mod article_body;
mod article_card;
mod article_header;
mod article_view;
mod author_avatar;
mod byline_card;
mod image_figure;
mod list_table;
mod promo_box;
mod pull_quote;
mod related_links;
mod rich_text;
mod status_panel;
mod widget;

pub use article_body::article_body;
pub use article_card::article_card;
pub use article_header::{article_header, dateline_dates};
pub use article_view::{ArticleView, ArticleViewProps};
pub use author_avatar::author_avatar;
pub use byline_card::byline_card;
pub use image_figure::image_figure;
pub use list_table::{article_list, article_table};
pub use promo_box::promo_box;
pub use pull_quote::pull_quote;
pub use related_links::related_links;
pub use rich_text::{rich_text, RichText, RichTextProps};
pub use status_panel::{error_panel, loading_panel};
pub use widget::{DisplayDates, HeadingLevel, Theme, Widget, WidgetProps, WidgetState};

use yew::prelude::*;

use crate::i18n::Labels;

/// The labels of what a widget shows, which its root provides to the components under it: in
/// the article's language, or in the host page's for the loading and error panels. Two are the
/// same when they are the same table, which is cheap to compare.
#[derive(Debug, Clone, Copy)]
pub struct LabelsContext(pub &'static Labels);

impl PartialEq for LabelsContext {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// The labels the widget root provides; English outside a widget.
#[hook]
pub fn use_labels() -> &'static Labels {
    use_context::<LabelsContext>().map_or_else(|| Labels::for_lang("en"), |context| context.0)
}
