use yew::prelude::*;

use crate::model::{Labels, PromoBlock};

#[derive(Properties, PartialEq)]
pub struct PromoBoxProps {
    pub promo: PromoBlock,
    pub labels: Labels,
}

/// A sign-up or other promotion: set apart from the story, labelled for screen readers, and
/// left out of print.
#[component]
pub fn PromoBox(props: &PromoBoxProps) -> Html {
    let promo = &props.promo;
    html! {
        <aside class="artw-promo" aria-label={props.labels.promo}>
            <p class="artw-promo-title">{ &promo.title }</p>
            if let Some(text) = &promo.text {
                <p class="artw-promo-text">{ text }</p>
            }
            if let Some(action) = &promo.action {
                <a class="artw-promo-action" href={action.url.clone()} rel="noopener noreferrer" data-kind="promo">
                    { &action.label }
                </a>
            }
        </aside>
    }
}
