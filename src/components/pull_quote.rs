use yew::prelude::*;

/// A line from the story set large. Its words are already in the body, so it is hidden from
/// assistive technology (it would otherwise be read twice) and left out of print by the
/// stylesheet.
pub fn pull_quote(text: &str, cite: Option<&str>) -> Html {
    html! {
        <figure class="artw-pullquote" aria-hidden="true">
            <blockquote class="artw-pullquote-text">{ text }</blockquote>
            if let Some(cite) = cite {
                <figcaption class="artw-pullquote-cite">{ cite }</figcaption>
            }
        </figure>
    }
}
