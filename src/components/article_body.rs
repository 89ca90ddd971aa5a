use std::rc::Rc;

use yew::prelude::*;

use super::{image_figure, promo_box, pull_quote, rich_text, HeadingLevel};
use crate::model::{Article, Block};

#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    pub article: Rc<Article>,
    /// Level for headings inside the body.
    pub heading_level: HeadingLevel,
}

/// The body blocks in order.
#[component]
pub fn ArticleBody(props: &ArticleBodyProps) -> Html {
    let labels = props.article.labels();
    let block = |block: &Block| match block {
        Block::Paragraph(text) => {
            html! { <p class="artw-paragraph">{ rich_text(text) }</p> }
        }
        Block::Heading(text) => {
            html! { <@{props.heading_level.tag()} class="artw-subheading">{ text }</@> }
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
        Block::Image(image) => image_figure(image),
        Block::Promo(promo) => promo_box(promo, &labels),
    };
    html! {
        <div class="artw-body">{ for props.article.body.iter().map(block) }</div>
    }
}
