use std::rc::Rc;

use yew::prelude::*;

use super::HeadingLevel;
use crate::model::{date_part, format_date, reading_minutes, Article, DisplayDates};

#[derive(Properties, PartialEq)]
pub struct ArticleHeaderProps {
    pub article: Rc<Article>,
    pub heading_level: HeadingLevel,
    #[prop_or_default]
    pub dates: DisplayDates,
}

/// Kicker, headline, standfirst, byline and dateline (publisher, dates, reading time).
#[component]
pub fn ArticleHeader(props: &ArticleHeaderProps) -> Html {
    let article = &props.article;
    let labels = article.labels();
    let time = |label: &'static str,
                class: &'static str,
                itemprop: &'static str,
                stamp: &Option<String>,
                shown: &Option<String>| {
        let stamp = stamp.as_deref()?;
        let shown = shown.clone().or_else(|| format_date(stamp, &labels))?;
        Some(html! {
            <span class={classes!("artw-dateline-item", class)}>
                <span class="artw-visually-hidden">{ format!("{label} ") }</span>
                <time {itemprop} datetime={date_part(stamp).unwrap_or(stamp).to_owned()}>{ shown }</time>
            </span>
        })
    };
    let published = time(
        labels.published,
        "artw-published",
        "datePublished",
        &article.published,
        &props.dates.published,
    );
    let updated = time(
        labels.updated,
        "artw-updated",
        "dateModified",
        &article.updated,
        &props.dates.updated,
    );
    let minutes = reading_minutes(article);

    html! {
        <header class="artw-header">
            if let Some(kicker) = &article.kicker {
                <p class="artw-kicker">{ kicker }</p>
            }
            <@{props.heading_level.tag()} class="artw-headline" itemprop="headline">{ &article.headline }</@>
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
