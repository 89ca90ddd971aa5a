use yew::prelude::*;

use crate::i18n::{clock_duration, Labels};
use crate::model::{VideoBlock, VideoSource};

/// A video. A file plays in the browser's own player, which fetches nothing before play. A
/// hosted video is a facade: its saved poster and title over a link to the video's page, which
/// the loader turns into the host's player, in place, when the reader presses play (unless the
/// host asked for links only). Nothing is requested from the video's host before that.
pub fn video_figure(video: &VideoBlock, labels: &Labels) -> Html {
    let player = match &video.source {
        VideoSource::File { src, captions } => html! {
            <video class="artw-video-file" controls=true preload="none" src={src.clone()}
                poster={video.poster.clone()} aria-label={video.title.clone()}>
                { for captions.iter().map(|track| html! {
                    <track kind="captions" src={track.src.clone()} srclang={track.lang.clone()} label={track.label.clone()} />
                }) }
            </video>
        },
        VideoSource::Hosted { host, id } => html! {
            <div class="artw-video-frame">
                if let Some(poster) = &video.poster {
                    <img class="artw-video-poster" src={poster.clone()} alt="" loading="lazy"
                        decoding="async" referrerpolicy="no-referrer" />
                }
                <a class="artw-video-play" href={host.page_url(id)} data-player={host.player_url(id, true)}
                    data-kind="video" rel="noopener noreferrer">
                    <span class="artw-video-title"><span class="artw-visually-hidden">{ labels.play_video }{ " " }</span>{ &video.title }</span>
                    <span class="artw-video-meta">
                        { host.shown() }
                        if let Some(seconds) = video.duration {
                            { " · " }{ clock_duration(seconds) }
                        }
                    </span>
                </a>
            </div>
        },
    };
    html! {
        <figure class="artw-video">
            { player }
            if let Some(caption) = &video.caption {
                <figcaption class="artw-figure-caption">{ caption }</figcaption>
            }
        </figure>
    }
}
