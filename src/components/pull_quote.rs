use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PullQuoteProps {
    pub text: AttrValue,
    #[prop_or_default]
    pub cite: Option<AttrValue>,
}

/// A line from the story set large. Its words are already in the body, so it is hidden from
/// assistive technology (it would otherwise be read twice) and left out of print by the
/// stylesheet.
#[component]
pub fn PullQuote(props: &PullQuoteProps) -> Html {
    html! {
        <figure class="artw-pullquote" aria-hidden="true">
            <blockquote class="artw-pullquote-text">{ &props.text }</blockquote>
            if let Some(cite) = &props.cite {
                <figcaption class="artw-pullquote-cite">{ cite }</figcaption>
            }
        </figure>
    }
}
