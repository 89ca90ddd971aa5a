use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

use super::{
    article_body, article_header, byline_card, image_figure, related_links, DisplayDates,
    HeadingLevel,
};
use crate::i18n::Labels;
use crate::model::Article;

#[derive(Properties)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
    #[prop_or_default]
    pub heading_level: HeadingLevel,
    #[prop_or_default]
    pub dates: DisplayDates,
}

/// The same article is the same `Rc` (see `WidgetState`'s `PartialEq`).
impl PartialEq for ArticleViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.article, &other.article)
            && self.heading_level == other.heading_level
            && self.dates == other.dates
    }
}

/// The whole article: header, body, then the author cards and related links, in the labels of
/// the article's language. They are looked up here and handed down, not provided as a Yew
/// context: `ContextProvider` and `use_context` cost the wasm 3.1 KB gzip. A struct component,
/// as `Widget` is, so that the wasm has no function components.
pub struct ArticleView;

impl Component for ArticleView {
    type Message = ();
    type Properties = ArticleViewProps;

    fn create(_: &Context<Self>) -> Self {
        ArticleView
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        view(ctx.props())
    }
}

fn view(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let labels = Labels::for_lang(article.lang());
    let section_level = props.heading_level.below();
    let about = if article.authors.len() > 1 {
        labels.about_authors
    } else {
        labels.about_author
    };
    html! {
        <article class="artw-article" lang={article.lang().to_owned()} dir={article.dir()}
            itemscope=true itemtype="https://schema.org/NewsArticle">
            { article_header(article, labels, props.heading_level, &props.dates) }
            if let Some(image) = &article.image {
                { image_figure(image, true) }
            }
            { article_body(article, labels, section_level) }
            if !article.notes.is_empty() {
                <aside class="artw-notes" aria-label={labels.notes}>
                    { for article.notes.iter().map(|note| html! {
                        <p class="artw-note">
                            <strong>{ labels.note_kind(note.kind) }</strong>
                            { " " }<time datetime={note.date.machine_readable()}>{ labels.date(&note.date) }</time>
                            { " " }{ &note.text }
                        </p>
                    }) }
                </aside>
            }
            if !article.authors.is_empty() {
                <section class="artw-authors">
                    { section_level.heading(&[("class", Static("artw-section-title"))], html! { about }) }
                    { for article.authors.iter().map(|author| byline_card(author, labels)) }
                </section>
            }
            if !article.related.is_empty() {
                { related_links(&article.related, labels, section_level) }
            }
        </article>
    }
}
