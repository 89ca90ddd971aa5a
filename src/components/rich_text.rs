use yew::prelude::*;

use crate::model::{Inline, Span};

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    pub text: Inline,
}

/// Running text with its links and emphasis, as a component.
#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    rich_text(&props.text)
}

/// Running text with its links and emphasis. Every span is rendered as a text node, never as
/// markup. Neighbouring plain spans are joined into one text node, as the HTML parser would
/// join them, so pre-rendered markup parses into the same nodes the browser renders (the
/// end-to-end tests compare the two DOMs). A plain function, not a
/// component, so a long article's paragraphs cost no component each.
pub fn rich_text(text: &Inline) -> Html {
    let mut nodes = Vec::with_capacity(text.0.len());
    let mut plain = String::new();
    for item in &text.0 {
        if item.is_plain() {
            plain.push_str(&item.text);
            continue;
        }
        if !plain.is_empty() {
            nodes.push(html! { { std::mem::take(&mut plain) } });
        }
        nodes.push(span(item));
    }
    if !plain.is_empty() {
        nodes.push(html! { { plain } });
    }
    nodes.into_iter().collect()
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
