use yew::prelude::*;

use super::{DisplayDates, HeadingLevel};
use crate::i18n::Labels;
use crate::model::{Article, Timestamp};

/// Kicker, headline, standfirst, byline and dateline (publisher, dates, reading time).
/// `dates` are the dates written by the browser, where the labels cannot write them.
pub fn article_header(
    article: &Article,
    labels: &Labels,
    heading_level: HeadingLevel,
    dates: &DisplayDates,
) -> Html {
    let time = |label: &'static str,
                class: &'static str,
                itemprop: &'static str,
                stamp: &Option<Timestamp>,
                shown: &Option<AttrValue>| {
        let stamp = stamp.as_ref()?;
        let shown = shown.clone().unwrap_or_else(|| labels.date(stamp).into());
        Some(html! {
            <span class={format!("artw-dateline-item {class}")}>
                <span class="artw-visually-hidden">{ format!("{label} ") }</span>
                <time {itemprop} datetime={stamp.date().to_owned()}>{ shown }</time>
            </span>
        })
    };
    let published = time(
        labels.published,
        "artw-published",
        "datePublished",
        &article.published,
        &dates.published,
    );
    let updated = time(
        labels.updated,
        "artw-updated",
        "dateModified",
        &article.updated,
        &dates.updated,
    );
    let minutes = article.reading_minutes;

    html! {
        <header class="artw-header">
            if let Some(kicker) = &article.kicker {
                <p class="artw-kicker">{ kicker }</p>
            }
            <@{heading_level.tag()} class="artw-headline" itemprop="headline">{ &article.headline }</@>
            if let Some(standfirst) = &article.standfirst {
                <p class="artw-standfirst" itemprop="description">{ standfirst }</p>
            }
            if !article.authors.is_empty() {
                <p class="artw-byline">
                    { format!("{} ", labels.by) }
                    { for article.authors.iter().enumerate().map(|(i, author)| html! {
                        <>
                            if i > 0 { { if i + 1 == article.authors.len() { labels.and } else { labels.comma } } }
                            <span class="artw-byline-name" itemprop="author" itemscope=true itemtype="https://schema.org/Person">
                                if let Some(url) = &author.url {
                                    <a href={url.clone()} rel="author noopener noreferrer" itemprop="url" data-kind="author">
                                        <span itemprop="name">{ &author.name }</span>
                                    </a>
                                } else {
                                    <span itemprop="name">{ &author.name }</span>
                                }
                            </span>
                        </>
                    }) }
                </p>
            }
            <p class="artw-dateline">
                if let Some(publisher) = &article.publisher {
                    <span class="artw-dateline-item artw-publisher" itemprop="publisher" itemscope=true
                        itemtype="https://schema.org/Organization">
                        <span itemprop="name">{ &publisher.name }</span>
                    </span>
                }
                { for published }
                { for updated }
                <span class="artw-dateline-item artw-reading-time">{ labels.reading_time(minutes) }</span>
            </p>
        </header>
    }
}
