//! The build from start to end: read the inputs, render each article on every core, write the
//! site's own files, swap the new site in.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use article_widget::i18n::Labels;
use article_widget::load::read_article_file;
use article_widget::model::{is_absolute_http_url, Article, Checked, Json};

use crate::base_url::base_url;
use crate::discover::{article_files, slugs};
use crate::error::BuildError;
use crate::feeds::{self, FeedItem};
use crate::listing::{self, seconds, Entry, Site, FEED_LENGTH, PER_PAGE};
use crate::lock::OutputLock;
use crate::news::{news_sitemap, robots_txt, NEWS_SITEMAP};
use crate::options::BuildOptions;
use crate::output::{FileCounts, Staging, MARKER};
use crate::overlap::check_apart;
use crate::pages::{self, ArticleUrls};
use crate::report::{Problem, Progress, Report};
use crate::widget::widget_files;

/// Builds the site. Bad articles are reported in the `Report` and left out; an error stops the
/// build and leaves the previous site as it was.
pub fn build(options: &BuildOptions, progress: &dyn Progress) -> Result<Report, BuildError> {
    build_at(options, progress, jiff::Timestamp::now())
}

/// `build` as if it ran at `now`, which decides the News sitemap's two days.
pub fn build_at(
    options: &BuildOptions,
    progress: &dyn Progress,
    now: jiff::Timestamp,
) -> Result<Report, BuildError> {
    let started = Instant::now();
    let base = base_url(&options.base_url)?;
    if let Some(endpoint) = options.oembed_endpoint.as_deref() {
        if !is_absolute_http_url(endpoint) {
            return Err(BuildError::BadOembedEndpoint(endpoint.to_owned()));
        }
    }
    check_apart(&options.articles, &options.output)?;
    let _lock = OutputLock::acquire(&options.output)?;
    let widget = widget_files(&options.widget)?;
    let (files, mut left_out) = article_files(&options.articles)?;
    let slugged = slugs(files)?;
    left_out.extend(slugged.unnamed);
    let articles = slugged.articles;
    let title = options.title.clone().unwrap_or(base.host);
    let site = Site {
        base: &base.url,
        title: &title,
    };
    let staging = Staging::begin(&options.output)?;

    progress.start(articles.len());
    let outcomes: Vec<Outcome> = articles
        .par_iter()
        .map(|(slug, file)| {
            let outcome = article(&staging, &site, slug, file, options);
            progress.advance();
            outcome
        })
        .collect::<Result<_, _>>()?;
    progress.finish();

    let mut report = Report {
        found: articles.len() + left_out.len(),
        built: 0,
        failed: left_out,
        other_shards: 0,
        warnings: Vec::new(),
        files: FileCounts::default(),
        elapsed: Duration::ZERO,
    };
    let mut entries = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            Outcome::Built(entry, warnings) => {
                report.built += 1;
                report.warnings.extend(warnings);
                entries.push(*entry);
            }
            Outcome::OtherShard(entry) => {
                report.other_shards += 1;
                entries.push(*entry);
            }
            Outcome::Failed(failed) => report.failed.push(failed),
            Outcome::OtherShardFailed => report.other_shards += 1,
        }
    }
    entries.sort_by(|a, b| b.sort_key.cmp(&a.sort_key).then(a.slug.cmp(&b.slug)));
    let sources: BTreeMap<&str, &Path> = articles
        .iter()
        .map(|(slug, file)| (slug.as_str(), file.as_path()))
        .collect();
    let news = options.news.then_some(now);
    site_files(&staging, &site, &entries, &sources, news)?;
    for (path, bytes) in widget {
        staging.put(&path, &bytes)?;
    }
    staging.put(
        MARKER,
        b"Written by `article-widget build`, which replaces this folder as a whole.\n",
    )?;
    report.files = staging.finish()?;
    report.elapsed = started.elapsed();
    Ok(report)
}

enum Outcome {
    Built(Box<Entry>, Vec<Problem>),
    OtherShard(Box<Entry>),
    Failed(Problem),
    OtherShardFailed,
}

/// Reads one article and, when it is this shard's, writes its files.
fn article(
    staging: &Staging,
    site: &Site,
    slug: &str,
    file: &Path,
    options: &BuildOptions,
) -> Result<Outcome, BuildError> {
    let urls =
        ArticleUrls::new(site.base, slug).with_oembed_endpoint(options.oembed_endpoint.as_deref());
    let ours = options.shard.is_none_or(|shard| shard.owns(slug));
    let (read_as_utf8, source, checked) = match read(file, &urls) {
        Ok(read) => read,
        Err(message) if ours => {
            return Ok(Outcome::Failed(Problem {
                file: file.to_owned(),
                message,
            }))
        }
        Err(_) => return Ok(Outcome::OtherShardFailed),
    };
    let entry = Box::new(entry(slug, file, &checked.article, &urls));
    if !ours {
        return Ok(Outcome::OtherShard(entry));
    }
    let article = Rc::new(checked.article);
    let fragments = pages::fragments(&article, &source, &urls);
    let page = |name: &str| format!("{slug}/{name}");
    let files = [
        (
            "index.html",
            pages::article_page(&article, &fragments, &urls, &listing::feed_links(site)),
        ),
        ("embed.html", pages::card_page(&article, &urls)),
        (
            "embed-full.html",
            pages::full_embed_page(&article, &fragments, &urls),
        ),
        ("embed-code.html", pages::embed_code(&fragments, &urls)),
    ];
    for (name, html) in files {
        staging.put(&page(name), html.as_bytes())?;
    }
    let oembed = pages::oembed(&article, &urls, site.title, site.base);
    staging.put(&page("oembed.json"), format!("{oembed}\n").as_bytes())?;
    staging.put(&page("article.json"), &article_json(&source))?;
    let mut warnings: Vec<Problem> = checked
        .warnings
        .iter()
        .map(|warning| Problem {
            file: file.to_owned(),
            message: warning.to_string(),
        })
        .collect();
    if !read_as_utf8 {
        warnings.push(Problem {
            file: file.to_owned(),
            message: "not UTF-8: each byte sequence that is not UTF-8 was read as U+FFFD (\u{FFFD}), \
                      as browsers read it, and article.json is written in UTF-8; save the file as UTF-8"
                .into(),
        });
    }
    Ok(Outcome::Built(entry, warnings))
}

/// The index pages, the feeds, the sitemaps and robots.txt; the News sitemap as of `news`,
/// when asked for. The articles listed are read again, a page at a time, so the build never
/// holds every article at once.
fn site_files(
    staging: &Staging,
    site: &Site,
    entries: &[Entry],
    sources: &BTreeMap<&str, &Path>,
    news: Option<jiff::Timestamp>,
) -> Result<(), BuildError> {
    let reread = |entry: &Entry| {
        let urls = ArticleUrls::new(site.base, &entry.slug);
        let (_, source, checked) = read(sources.get(entry.slug.as_str())?, &urls).ok()?;
        Some((source, checked.article, urls))
    };
    // This build's own articles have their embed code written already; another shard's are
    // rendered again.
    let embed_code = |entry: &Entry| {
        staging
            .read_back(&format!("{}/embed-code.html", entry.slug))
            .or_else(|| {
                let (source, article, urls) = reread(entry)?;
                Some(pages::embed_code(
                    &pages::fragments(&article, &source, &urls),
                    &urls,
                ))
            })
    };
    let pages = entries.len().div_ceil(PER_PAGE).max(1);
    let chunks: Vec<&[Entry]> = if entries.is_empty() {
        vec![&[]]
    } else {
        entries.chunks(PER_PAGE).collect()
    };
    chunks.par_iter().enumerate().try_for_each(|(i, chunk)| {
        let listed: Vec<(&Entry, String)> = chunk
            .iter()
            .filter_map(|entry| embed_code(entry).map(|code| (entry, code)))
            .collect();
        let html = listing::index_page(site, i + 1, pages, entries.len(), &listed);
        staging.put(&listing::index_path(i + 1), html.as_bytes())
    })?;
    let newest: Vec<FeedItem> = entries
        .iter()
        .take(FEED_LENGTH)
        .filter_map(|entry| {
            reread(entry).map(|(_, article, _)| FeedItem::new(site, entry, &article))
        })
        .collect();
    staging.put("feed.xml", feeds::atom_feed(site, &newest).as_bytes())?;
    staging.put("rss.xml", feeds::rss_feed(site, &newest).as_bytes())?;
    let feed = feeds::json_feed(site, &newest);
    staging.put("feed.json", format!("{feed}\n").as_bytes())?;
    for (name, xml) in listing::sitemaps(site, entries, pages) {
        staging.put(&name, xml.as_bytes())?;
    }
    if let Some(now) = news {
        staging.put(NEWS_SITEMAP, news_sitemap(site, entries, now).as_bytes())?;
    }
    staging.put("robots.txt", robots_txt(site, news.is_some()).as_bytes())?;
    Ok(())
}

/// Reads and checks an article file, its relative URLs resolved against where its JSON is
/// served on the site; also whether its bytes were UTF-8.
fn read(file: &Path, urls: &ArticleUrls) -> Result<(bool, Json, Checked), String> {
    read_article_file(file, Some(&urls.json()))
        .map(|read| {
            let utf8 = std::str::from_utf8(&read.bytes).is_ok();
            (utf8, read.source, read.checked)
        })
        .map_err(|err| err.details)
}

/// The article's JSON as read, written out again: UTF-8 whatever its file's bytes were, with
/// no byte order mark, as the inline JSON of its pages.
fn article_json(source: &Json) -> Vec<u8> {
    format!("{source:#}\n").into_bytes()
}

fn entry(slug: &str, file: &Path, article: &Article, urls: &ArticleUrls) -> Entry {
    let labels = Labels::for_lang(article.lang());
    let modified = fs::metadata(file)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let modified = jiff::Timestamp::try_from(modified)
        .map(|t| jiff::Timestamp::from_second(t.as_second()).unwrap_or(t))
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string();
    let published = article.published.as_ref().map(|t| t.as_str().to_owned());
    let updated = article
        .updated
        .as_ref()
        .map(|t| t.as_str().to_owned())
        .or_else(|| published.clone())
        .unwrap_or(modified);
    Entry {
        slug: slug.to_owned(),
        headline: article.headline.clone(),
        description: article.description(),
        lang: article.lang().to_owned(),
        dir: article.dir(),
        authors: article
            .authors
            .iter()
            .map(|a| {
                (
                    a.name.clone(),
                    a.url.clone().filter(|u| is_absolute_http_url(u)),
                )
            })
            .collect(),
        sort_key: seconds(published.as_deref().unwrap_or(&updated)),
        published,
        updated,
        date_shown: article.published.as_ref().map(|t| labels.date(t)),
        reading: labels.reading_time(article.reading_minutes),
        image: article.lead_image().map(|image| image.src.clone()),
        publisher: article.publisher.as_ref().map(|p| p.name.clone()),
        iframe: pages::iframe_code(article, urls),
    }
}
