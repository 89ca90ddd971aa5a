use yew::prelude::*;

use crate::model::Labels;

#[derive(Properties, PartialEq)]
pub struct LoadingPanelProps {
    pub labels: Labels,
}

/// Holds the article's place while it loads, so the page does not jump when it arrives.
#[component]
pub fn LoadingPanel(props: &LoadingPanelProps) -> Html {
    html! {
        <div class="artw-loading" role="status" aria-busy="true">
            <span class="artw-visually-hidden">{ props.labels.loading }</span>
            <span class="artw-skeleton artw-skeleton-headline" aria-hidden="true"></span>
            <span class="artw-skeleton artw-skeleton-line" aria-hidden="true"></span>
            <span class="artw-skeleton artw-skeleton-line" aria-hidden="true"></span>
            <span class="artw-skeleton artw-skeleton-line artw-skeleton-short" aria-hidden="true"></span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub labels: Labels,
    pub message: AttrValue,
}

/// Says plainly that the article could not be shown, and why.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    html! {
        <div class="artw-error" role="alert">
            <p class="artw-error-title">{ props.labels.failed }</p>
            <p class="artw-error-message">{ &props.message }</p>
        </div>
    }
}
