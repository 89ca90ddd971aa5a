use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

use super::{image_figure, promo_box, pull_quote, rich_text, HeadingLevel};
use crate::i18n::Labels;
use crate::model::{Article, Block};

/// The body blocks in order; headings in it are of `heading_level`.
pub fn article_body(article: &Article, labels: &Labels, heading_level: HeadingLevel) -> Html {
    let block = |block: &Block| match block {
        Block::Paragraph(text) => {
            html! { <p class="artw-paragraph">{ rich_text(text) }</p> }
        }
        Block::Heading(text) => {
            heading_level.heading(&[("class", Static("artw-subheading"))], html! { text })
        }
        Block::Quote { text, cite } => html! {
            <figure class="artw-quote">
                <blockquote><p>{ rich_text(text) }</p></blockquote>
                if let Some(cite) = cite {
                    <figcaption class="artw-quote-cite">{ cite }</figcaption>
                }
            </figure>
        },
        Block::PullQuote { text, cite } => pull_quote(text, cite.as_deref()),
        Block::Image(image) => image_figure(image, false),
        Block::Promo(promo) => promo_box(promo, labels),
    };
    html! {
        <div class="artw-body">{ for article.body.iter().map(block) }</div>
    }
}
