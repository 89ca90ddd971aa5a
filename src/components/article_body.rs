use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

use super::{
    article_list, article_table, image_figure, promo_box, pull_quote, rich_text, social_post,
    video_figure, HeadingLevel,
};
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
        Block::List(list) => article_list(list),
        Block::Table(table) => article_table(table, labels),
        // The box scrolls sideways rather than wrap the code, so it takes the keyboard's focus
        // and is named, as a table's is.
        Block::Code(code) => html! {
            <figure class="artw-code">
                if let Some(language) = &code.language {
                    <figcaption class="artw-code-language">{ language }</figcaption>
                }
                <pre role="region" tabindex="0" aria-label={labels.code}><code>{ &code.text }</code></pre>
            </figure>
        },
        Block::Divider => html! { <hr class="artw-divider" /> },
        Block::Post(post) => social_post(post, labels),
        Block::Video(video) => video_figure(video, labels),
    };
    html! {
        <div class="artw-body">{ for article.body.iter().map(block) }</div>
    }
}
