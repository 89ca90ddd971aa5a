use yew::prelude::*;

use crate::model::ImageBlock;

/// An image with its alt text, caption and credit. Width and height, when known, let the
/// browser reserve the space before the image arrives. The article's own image (`lead`) sits
/// under the header, in view at once, so it is not loaded lazily.
pub fn image_figure(image: &ImageBlock, lead: bool) -> Html {
    let has_caption = image.caption.is_some() || image.credit.is_some();
    html! {
        <figure class="artw-figure">
            <img
                class="artw-figure-image"
                src={image.src.clone()}
                alt={image.alt.clone()}
                width={image.width.map(|w| w.to_string())}
                height={image.height.map(|h| h.to_string())}
                loading={if lead { "eager" } else { "lazy" }}
                decoding="async"
                referrerpolicy="no-referrer"
            />
            if has_caption {
                <figcaption class="artw-figure-caption">
                    if let Some(caption) = &image.caption {
                        <span class="artw-caption">{ caption }</span>
                    }
                    if let Some(credit) = &image.credit {
                        <span class="artw-credit">{ credit }</span>
                    }
                </figcaption>
            }
        </figure>
    }
}
