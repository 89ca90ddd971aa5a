//! The Yew component tree. Components only render: data arrives through props, and no
//! component fetches, parses or touches the DOM directly.

mod article_body;
mod article_header;
mod article_view;
mod author_avatar;
mod byline_card;
mod image_figure;
mod promo_box;
mod pull_quote;
mod related_links;
mod rich_text;
mod status_panel;
mod widget;

pub use article_body::ArticleBody;
pub use article_header::ArticleHeader;
pub use article_view::ArticleView;
pub use author_avatar::AuthorAvatar;
pub use byline_card::BylineCard;
pub use image_figure::ImageFigure;
pub use promo_box::PromoBox;
pub use pull_quote::PullQuote;
pub use related_links::RelatedLinks;
pub use rich_text::RichText;
pub use status_panel::{ErrorPanel, LoadingPanel};
pub use widget::{HeadingLevel, Theme, Widget, WidgetProps, WidgetState};
