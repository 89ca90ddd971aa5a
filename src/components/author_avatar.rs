use yew::prelude::*;

use crate::model::{avatar_palette_index, initials};

#[derive(Properties, PartialEq)]
pub struct AuthorAvatarProps {
    pub name: AttrValue,
    #[prop_or_default]
    pub src: Option<AttrValue>,
}

/// The author's picture, or their initials in a coloured circle when there is no picture or
/// it fails to load. Decorative: the name is always written next to it.
#[component]
pub fn AuthorAvatar(props: &AuthorAvatarProps) -> Html {
    let failed = use_state_eq(|| false);
    {
        let failed = failed.clone();
        use_effect_with(props.src.clone(), move |_| failed.set(false));
    }
    match &props.src {
        Some(src) if !*failed => {
            let onerror = Callback::from(move |_: Event| failed.set(true));
            html! {
                <img class="artw-avatar" src={src} alt="" width="64" height="64"
                    loading="lazy" decoding="async" referrerpolicy="no-referrer" {onerror} />
            }
        }
        _ => {
            let palette = format!("artw-avatar-c{}", avatar_palette_index(&props.name));
            html! {
                <span class={classes!("artw-avatar", "artw-avatar-initials", palette)} aria-hidden="true">
                    { initials(&props.name) }
                </span>
            }
        }
    }
}
