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
mod social_post;
mod status_panel;
mod video_figure;
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
pub use social_post::social_post;
pub use status_panel::{error_panel, loading_panel};
pub use video_figure::video_figure;
pub use widget::{DisplayDates, HeadingLevel, Theme, Widget, WidgetProps, WidgetState};
