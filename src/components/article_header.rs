use yew::prelude::*;
use yew::virtual_dom::AttributeOrProperty::Static;

use super::{DisplayDates, HeadingLevel};
use crate::i18n::Labels;
use crate::model::{Article, Timestamp, UpdateShown};
use crate::text::split_once;

/// Kicker, headline, standfirst, byline and dateline (publisher, dates, reading time).
/// `dates` are the dates written by the browser, where the labels cannot write them.
pub fn article_header(
    article: &Article,
    labels: &Labels,
    heading_level: HeadingLevel,
    dates: &DisplayDates,
) -> Html {
    let minutes = article.reading_minutes;

    html! {
        <header class="artw-header">
            if let Some(kicker) = &article.kicker {
                <p class="artw-kicker">{ kicker }</p>
            }
            { heading_level.heading(
                &[("itemprop", Static("headline")), ("class", Static("artw-headline"))],
                html! { &article.headline },
            ) }
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
                { dateline_dates(article, labels, dates, true) }
                <span class="artw-dateline-item artw-reading-time">{ labels.reading_time(minutes) }</span>
            </p>
        </header>
    }
}

/// The dateline's dates: the publication's, then the update, labelled, as its date or, on the
/// day of the publication, its time. `dates` are the browser's, where the labels cannot write
/// them; `microdata` marks them for schema.org (the card leaves that to its page).
pub fn dateline_dates(
    article: &Article,
    labels: &Labels,
    dates: &DisplayDates,
    microdata: bool,
) -> Html {
    let date = |stamp: &Timestamp, shown: &Option<AttrValue>| -> AttrValue {
        shown.clone().unwrap_or_else(|| labels.date(stamp).into())
    };
    let published = article.published.as_ref().map(|stamp| {
        html! {
            <span class="artw-dateline-item artw-published">
                <span class="artw-visually-hidden">{ format!("{} ", labels.published) }</span>
                <time itemprop={microdata.then_some("datePublished")} datetime={stamp.machine_readable()}>
                    { date(stamp, &dates.published) }
                </time>
            </span>
        }
    });
    let updated = article.updated.as_ref().zip(article.update_shown()).map(|(stamp, shown)| {
        let (phrase, text) = match shown {
            UpdateShown::Date => (labels.updated_on, date(stamp, &dates.updated)),
            UpdateShown::Time {
                hour,
                minute,
                offset_minutes,
            } => (labels.updated_at, labels.time(hour, minute, offset_minutes).into()),
        };
        let (before, after) = split_once(phrase, "{}").unwrap_or((phrase, ""));
        html! {
            <span class="artw-dateline-item artw-updated">
                { before }
                <time itemprop={microdata.then_some("dateModified")} datetime={stamp.machine_readable()}>
                    { text }
                </time>
                { after }
            </span>
        }
    });
    html! { <>{ for published }{ for updated }</> }
}
