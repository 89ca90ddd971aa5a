use yew::prelude::*;

use super::{author_avatar, dateline_dates, DisplayDates, HeadingLevel};
use crate::i18n::Labels;
use crate::model::Article;

/// A compact card for the article, to sit in another site's page the way WordPress shows its
/// post embeds: kicker, headline, standfirst, byline with the first author's avatar, publisher,
/// date and reading time, the opening paragraph, and a link to the whole article at `href`.
/// The card's only links go to `href`: a host that follows links for an embed (WordPress) only
/// follows those to the embed's own site. They target the top page, which is where a reader
/// expects to land.
pub fn article_card(
    article: &Article,
    labels: &Labels,
    heading_level: HeadingLevel,
    href: &str,
) -> Html {
    let opening = article.opening_text();
    let names = article
        .authors
        .iter()
        .enumerate()
        .map(|(i, author)| {
            let joiner = match i {
                0 => "",
                _ if i + 1 == article.authors.len() => labels.and,
                _ => labels.comma,
            };
            format!("{joiner}{}", author.name)
        })
        .collect::<String>();
    let first_author = article.authors.first();
    html! {
        <article class="artw-card" lang={article.lang().to_owned()} dir={article.dir()}>
            if let Some(kicker) = &article.kicker {
                <p class="artw-kicker artw-card-kicker">{ kicker }</p>
            }
            <@{heading_level.tag()} class="artw-card-headline">
                <a href={href.to_owned()} target="_top" data-kind="card">{ &article.headline }</a>
            </@>
            if let Some(standfirst) = &article.standfirst {
                <p class="artw-card-standfirst">{ standfirst }</p>
            }
            <div class="artw-card-byline">
                if let Some(author) = first_author {
                    { author_avatar(&author.name, author.avatar.as_deref()) }
                }
                <p class="artw-card-credits">
                    if !names.is_empty() {
                        <span class="artw-card-names">{ format!("{} ", labels.by) }<span class="artw-byline-name">{ names }</span></span>
                    }
                    <span class="artw-card-dateline">
                        if let Some(publisher) = &article.publisher {
                            <span class="artw-dateline-item artw-publisher">{ &publisher.name }</span>
                        }
                        { dateline_dates(article, labels, &DisplayDates::default(), false) }
                        <span class="artw-dateline-item">{ labels.reading_time(article.reading_minutes) }</span>
                    </span>
                </p>
            </div>
            if let Some(opening) = opening {
                <p class="artw-card-opening">{ opening }</p>
            }
            <p class="artw-card-more">
                <a class="artw-card-link" href={href.to_owned()} target="_top" data-kind="card">
                    { labels.read_article }<span class="artw-visually-hidden">{ ": " }{ &article.headline }</span>
                </a>
            </p>
        </article>
    }
}
