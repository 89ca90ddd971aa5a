use yew::prelude::*;

use super::author_avatar;
use crate::i18n::Labels;
use crate::model::Author;
use crate::text::split;

/// One author: avatar, name, role, bio paragraphs and profile link.
pub fn byline_card(author: &Author, labels: &Labels) -> Html {
    let bio = author.bio.as_deref().unwrap_or_default();
    html! {
        <address class="artw-author">
            { author_avatar(&author.name, author.avatar.as_deref()) }
            <div class="artw-author-text">
                <p class="artw-author-name">
                    if let Some(url) = &author.url {
                        <a href={url.clone()} rel="author noopener noreferrer" data-kind="author">{ &author.name }</a>
                    } else {
                        { &author.name }
                    }
                </p>
                if let Some(role) = &author.role {
                    <p class="artw-author-role">{ role }</p>
                }
                { for split(bio, "\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|paragraph| html! {
                    <p class="artw-author-bio">{ paragraph }</p>
                }) }
                if let Some(url) = &author.url {
                    <a class="artw-author-profile" href={url.clone()} rel="author noopener noreferrer" data-kind="author">
                        { labels.profile }<span class="artw-visually-hidden">{ ": " }{ &author.name }</span>
                    </a>
                }
            </div>
        </address>
    }
}
