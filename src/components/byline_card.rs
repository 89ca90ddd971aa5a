use yew::prelude::*;

use super::AuthorAvatar;
use crate::model::{Author, Labels};

#[derive(Properties, PartialEq)]
pub struct BylineCardProps {
    pub author: Author,
    pub labels: Labels,
}

/// One author: avatar, name, role, bio paragraphs and profile link.
#[component]
pub fn BylineCard(props: &BylineCardProps) -> Html {
    let author = &props.author;
    let bio = author.bio.as_deref().unwrap_or_default();
    html! {
        <address class="artw-author">
            <AuthorAvatar name={author.name.clone()} src={author.avatar.clone().map(AttrValue::from)} />
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
                { for bio.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|paragraph| html! {
                    <p class="artw-author-bio">{ paragraph }</p>
                }) }
                if let Some(url) = &author.url {
                    <a class="artw-author-profile" href={url.clone()} rel="author noopener noreferrer" data-kind="author">
                        { props.labels.profile }<span class="artw-visually-hidden">{ ": " }{ &author.name }</span>
                    </a>
                }
            </div>
        </address>
    }
}
