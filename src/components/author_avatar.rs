use yew::prelude::*;

use crate::model::{avatar_palette_index, initials};

#[derive(Properties, PartialEq)]
pub struct AuthorAvatarProps {
    pub name: AttrValue,
    #[prop_or_default]
    pub src: Option<AttrValue>,
}

/// The author's initials in a coloured circle, with their picture laid over them when there is
/// one. A picture that fails to load is removed; until then (and without JavaScript) a broken
/// picture with empty alt text draws nothing, so the initials show through. Decorative: the
/// name is always written next to it.
#[component]
pub fn AuthorAvatar(props: &AuthorAvatarProps) -> Html {
    let failed = use_state_eq(|| false);
    {
        let failed = failed.clone();
        use_effect_with(props.src.clone(), move |_| failed.set(false));
    }
    let palette = format!("artw-avatar-c{}", avatar_palette_index(&props.name));
    let picture = props.src.as_ref().filter(|_| !*failed).map(|src| {
        let onerror = Callback::from(move |_: Event| failed.set(true));
        html! {
            <img class="artw-avatar-image" src={src} alt="" width="64" height="64"
                loading="lazy" decoding="async" referrerpolicy="no-referrer" {onerror} />
        }
    });
    html! {
        <span class={classes!("artw-avatar", palette)} aria-hidden="true">
            <span class="artw-avatar-initials">{ initials(&props.name) }</span>
            { for picture }
        </span>
    }
}
