use yew::prelude::*;

use crate::i18n::Labels;

/// Holds the article's place while it loads, so the page does not jump when it arrives.
pub fn loading_panel(labels: &Labels) -> Html {
    html! {
        <div class="artw-loading" role="status" aria-busy="true">
            <span class="artw-visually-hidden">{ labels.loading }</span>
            <span class="artw-skeleton artw-skeleton-headline" aria-hidden="true"></span>
            <span class="artw-skeleton artw-skeleton-line" aria-hidden="true"></span>
            <span class="artw-skeleton artw-skeleton-line" aria-hidden="true"></span>
            <span class="artw-skeleton artw-skeleton-line artw-skeleton-short" aria-hidden="true"></span>
        </div>
    }
}

/// Says plainly that the article could not be shown, and why.
pub fn error_panel(labels: &Labels, message: &str) -> Html {
    html! {
        <div class="artw-error" role="alert">
            <p class="artw-error-title">{ labels.failed }</p>
            <p class="artw-error-message">{ message }</p>
        </div>
    }
}
