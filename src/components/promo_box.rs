use yew::prelude::*;

use crate::i18n::Labels;
use crate::model::PromoBlock;

/// A sign-up or other promotion: set apart from the story as a complementary landmark named
/// after its title (so landmarks stay distinct when a page holds several widgets), and left
/// out of print.
pub fn promo_box(promo: &PromoBlock, labels: &Labels) -> Html {
    html! {
        <aside class="artw-promo" aria-label={format!("{}: {}", labels.promo, promo.title)}>
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
