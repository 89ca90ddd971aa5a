use yew::prelude::*;

use super::HeadingLevel;
use crate::model::{Labels, RelatedLink};

#[derive(Properties, PartialEq)]
pub struct RelatedLinksProps {
    pub links: Vec<RelatedLink>,
    pub labels: Labels,
    pub heading_level: HeadingLevel,
}

/// Related stories as a labelled list of cards; a card with a URL is one link. The section is
/// not a landmark, so several widgets on a page add no same-named regions to the host's.
#[component]
pub fn RelatedLinks(props: &RelatedLinksProps) -> Html {
    let card = |link: &RelatedLink| {
        let content = html! {
            <>
                if let Some(image) = &link.image {
                    <img class="artw-related-image" src={image.clone()} alt="" loading="lazy"
                        decoding="async" referrerpolicy="no-referrer" />
                }
                <span class="artw-related-text">
                    if let Some(kicker) = &link.kicker {
                        <span class="artw-related-kicker">{ kicker }</span>
                    }
                    <span class="artw-related-title">{ &link.title }</span>
                </span>
            </>
        };
        html! {
            <li class="artw-related-item">
                if let Some(url) = &link.url {
                    <a class="artw-related-card" href={url.clone()} rel="noopener noreferrer" data-kind="related">{ content }</a>
                } else {
                    <div class="artw-related-card">{ content }</div>
                }
            </li>
        }
    };
    html! {
        <section class="artw-related">
            <@{props.heading_level.tag()} class="artw-section-title">{ props.labels.related }</@>
            <ul class="artw-related-list" aria-label={props.labels.related}>{ for props.links.iter().map(card) }</ul>
        </section>
    }
}
