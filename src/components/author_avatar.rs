use yew::prelude::*;

use crate::model::{avatar_palette_index, initials};

/// The author's initials in a coloured circle, with their picture laid over them when there is
/// one. The loader hides a picture that fails to load; until then (and without JavaScript) a
/// broken picture with empty alt text draws nothing, so the initials show through. The picture
/// is keyed by its address, so a new one is a new element, never one hidden earlier.
/// Decorative: the name is always written next to it.
pub fn author_avatar(name: &str, src: Option<&str>) -> Html {
    let class = format!("artw-avatar artw-avatar-c{}", avatar_palette_index(name));
    html! {
        <span {class} aria-hidden="true">
            <span class="artw-avatar-initials">{ initials(name) }</span>
            if let Some(src) = src {
                <img key={src} class="artw-avatar-image" src={src.to_owned()} alt="" width="64" height="64"
                    loading="lazy" decoding="async" referrerpolicy="no-referrer" />
            }
        </span>
    }
}
