use yew::prelude::*;

use super::{image_figure, rich_text};
use crate::i18n::Labels;
use crate::model::{Platform, Post, PostBlock};

/// A saved post as a card in the widget's own style: everything it shows was saved with the
/// article, so the platform is never asked for anything, and the card outlives the original.
pub fn social_post(block: &PostBlock, labels: &Labels) -> Html {
    post_card(&block.post, block.platform, block.quoted.as_ref(), labels)
}

/// An `<article>`: who posted it and where, what it says, its picture, the post it quotes,
/// and when, linked to the original.
fn post_card(post: &Post, platform: Platform, quoted: Option<&Post>, labels: &Labels) -> Html {
    html! {
        <article class="artw-post">
            <header class="artw-post-by">
                if let Some(avatar) = &post.author.avatar {
                    <img class="artw-post-avatar" src={avatar.clone()} alt="" width="40" height="40"
                        loading="lazy" decoding="async" referrerpolicy="no-referrer" />
                }
                <span class="artw-post-name">{ &post.author.name }</span>
                <span class="artw-post-handle">{ &post.author.handle }</span>
                <span class="artw-post-platform">{ platform.shown() }</span>
            </header>
            <blockquote class="artw-post-text"><p>{ rich_text(&post.text) }</p></blockquote>
            if let Some(image) = &post.image {
                { image_figure(image, false) }
            }
            if let Some(quoted) = quoted {
                { post_card(quoted, platform, None, labels) }
            }
            <footer class="artw-post-foot">
                <time datetime={post.date.machine_readable()}>{ labels.date(&post.date) }</time>
                // A link the URL rules removed leaves the date alone.
                if !post.url.is_empty() {
                    { " · " }
                    <a class="artw-post-link" href={post.url.clone()} rel="noopener noreferrer" data-kind="post">
                        { labels.view_post }
                    </a>
                }
            </footer>
        </article>
    }
}
