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

pub use article_body::{ArticleBody, ArticleBodyProps};
pub use article_header::{ArticleHeader, ArticleHeaderProps};
pub use article_view::{ArticleView, ArticleViewProps};
pub use author_avatar::{AuthorAvatar, AuthorAvatarProps};
pub use byline_card::{BylineCard, BylineCardProps};
pub use image_figure::{ImageFigure, ImageFigureProps};
pub use promo_box::{PromoBox, PromoBoxProps};
pub use pull_quote::{PullQuote, PullQuoteProps};
pub use related_links::{RelatedLinks, RelatedLinksProps};
pub use rich_text::{rich_text, RichText, RichTextProps};
pub use status_panel::{ErrorPanel, ErrorPanelProps, LoadingPanel, LoadingPanelProps};
pub use widget::{HeadingLevel, Theme, Widget, WidgetProps, WidgetState};
