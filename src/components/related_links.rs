use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

use super::HeadingLevel;
use crate::i18n::Labels;
use crate::model::RelatedLink;

/// Related stories as a labelled list of cards; a card with a URL is one link. The section is
/// not a landmark, so several widgets on a page add no same-named regions to the host's.
pub fn related_links(links: &[RelatedLink], labels: &Labels, heading_level: HeadingLevel) -> Html {
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
            { heading_level.heading(&[("class", Static("artw-section-title"))], html! { labels.related }) }
            <ul class="artw-related-list" aria-label={labels.related}>{ for links.iter().map(card) }</ul>
        </section>
    }
}
