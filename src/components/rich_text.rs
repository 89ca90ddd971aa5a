use yew::prelude::*;

use crate::model::{Inline, Span};

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: Inline,
}

/// Running text with its links and emphasis. Every span is rendered as a text node, never
/// as markup.
#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    html! { { for props.text.0.iter().map(span) } }
}

fn span(span: &Span) -> Html {
    let mut node = html! { { span.text.clone() } };
    if span.em {
        node = html! { <em>{ node }</em> };
    }
    if span.strong {
        node = html! { <strong>{ node }</strong> };
    }
    match &span.href {
        Some(href) => html! {
            <a class="artw-link" href={href.clone()} rel="noopener noreferrer ugc" data-kind="body">{ node }</a>
        },
        None => node,
    }
}
