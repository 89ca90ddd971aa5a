//! `article-widget build` (feature `site`): a folder of articles to a static site. Each article
//! gets its page, a card and the whole article made for iframes, an oEmbed answer, its embed
//! code and its JSON; the site gets index pages, Atom and JSON feeds, a sitemap and the
//! widget's files. Articles are rendered on every core; the site is written beside the previous
//! one and swapped in, so a build that stops halfway leaves the previous site as it was.

pub mod listing;
mod output;
pub mod pages;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::str::FromStr;
use std::time::{Duration, Instant, SystemTime};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde_json::Value;

use article_widget::i18n::Labels;
use article_widget::load::read_article_file;
use article_widget::model::{is_absolute_http_url, Article, Checked};
use listing::{Entry, Site, FEED_LENGTH, PER_PAGE};
use output::Staging;
pub use output::{FileCounts, MARKER};
use pages::ArticleUrls;

/// The widget's own files, copied from the built widget folder (dist/) into `widget/`.
pub const WIDGET_FILES: [&str; 3] = [
    "article-widget.js",
    "article-widget-render.js",
    "article-widget.css",
];
/// The widget's folder of WebAssembly and bindings, copied whole.
pub const WIDGET_WASM: &str = "wasm";

/// What to build, from where, to where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The folder of article JSON files (`*.json`, not its subfolders).
    pub articles: PathBuf,
    /// Where the site will be served from: an absolute http(s) URL.
    pub base_url: String,
    /// The site's folder, replaced as a whole when the build succeeds.
    pub output: PathBuf,
    /// The built widget (dist/), whose own files are copied into the site.
    pub widget: PathBuf,
    /// The site's name in its index and feeds; by default the base URL's host.
    pub title: Option<String>,
    pub shard: Option<Shard>,
    /// Show a progress bar on standard error.
    pub progress: bool,
}

/// One of `count` builds that share a site between machines: each writes the pages of the
/// articles whose slug's CRC-32 (IEEE) modulo `count` is `index - 1`, and all of them write the
/// same index pages, feeds and sitemap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1 to `count`.
    pub index: u32,
    pub count: u32,
}

impl Shard {
    pub fn owns(&self, slug: &str) -> bool {
        crc32fast::hash(slug.as_bytes()) % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let wrong = || format!("`{text}` is not a shard such as 1/4 (the first of four)");
        let (index, count) = text.split_once('/').ok_or_else(wrong)?;
        let index: u32 = index.trim().parse().map_err(|_| wrong())?;
        let count: u32 = count.trim().parse().map_err(|_| wrong())?;
        if count == 0 || index == 0 || index > count {
            return Err(wrong());
        }
        Ok(Shard { index, count })
    }
}

/// Why a build stopped before it could swap the new site in.
#[derive(Debug)]
pub enum BuildError {
    Io(PathBuf, io::Error),
    BadBaseUrl(String),
    BadOutput(PathBuf),
    NotASite(PathBuf),
    MissingWidget(PathBuf),
    /// Articles whose file names give the same slug, so the same address.
    Collisions(Vec<(String, Vec<PathBuf>)>),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            BuildError::Io(path, err) => write!(f, "{}: {err}", path.display()),
            BuildError::BadBaseUrl(url) => write!(
                f,
                "--base-url `{url}` is not an absolute http or https URL such as https://news.example/"
            ),
            BuildError::BadOutput(path) => {
                write!(f, "{}: the output must be a folder's name", path.display())
            }
            BuildError::NotASite(path) => write!(
                f,
                "{}: not replaced, because it is not a site written by `article-widget build` \
                 (it has files and no {MARKER}); choose another output folder",
                path.display()
            ),
            BuildError::MissingWidget(path) => write!(
                f,
                "{}: the built widget is missing; run `./dev build` (or `trunk build --release`) \
                 first, or give its folder with --widget",
                path.display()
            ),
            BuildError::Collisions(collisions) => {
                write!(f, "articles whose file names give the same address (slug):")?;
                for (slug, files) in collisions {
                    let files: Vec<String> =
                        files.iter().map(|p| p.display().to_string()).collect();
                    write!(f, "\n  {slug}/: {}", files.join(", "))?;
                }
                write!(f, "\nrename all but one of each; nothing was written")
            }
        }
    }
}

impl std::error::Error for BuildError {}

/// An article that was left out, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed {
    pub file: PathBuf,
    pub message: String,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct Report {
    /// Article files found.
    pub found: usize,
    /// Articles whose files this build wrote (or found unchanged).
    pub built: usize,
    /// Articles left out because they could not be read or are not valid.
    pub failed: Vec<Failed>,
    /// Articles that belong to other shards.
    pub other_shards: usize,
    /// Warnings of the articles built, such as a link removed for its scheme.
    pub warnings: Vec<Failed>,
    pub files: FileCounts,
    pub elapsed: Duration,
}

/// The slug of an article file: the model's one slug rule over its name without `.json`.
pub fn slug(file: &Path) -> String {
    article_widget::model::slug(&file.file_stem().unwrap_or_default().to_string_lossy())
}

/// Builds the site. Bad articles are reported in the `Report` and left out; an error stops the
/// build and leaves the previous site as it was.
pub fn build(options: &BuildOptions) -> Result<Report, BuildError> {
    let started = Instant::now();
    let base = base_url(&options.base_url)?;
    let widget = widget_files(&options.widget)?;
    let files = article_files(&options.articles)?;
    let (articles, unnamed) = slugs(files)?;
    let title = options.title.clone().unwrap_or_else(|| host(&base));
    let site = Site {
        base: &base,
        title: &title,
    };
    let staging = Staging::begin(&options.output)?;

    let bar = if options.progress {
        ProgressBar::new(articles.len() as u64).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    let outcomes: Vec<Outcome> = articles
        .par_iter()
        .map(|(slug, file)| {
            let outcome = article(&staging, &site, slug, file, options.shard);
            bar.inc(1);
            outcome
        })
        .collect::<Result<_, _>>()?;
    bar.finish_and_clear();

    let mut report = Report {
        found: articles.len() + unnamed.len(),
        built: 0,
        failed: unnamed,
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
    site_files(&staging, &site, &entries, &sources)?;
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
    Built(Box<Entry>, Vec<Failed>),
    OtherShard(Box<Entry>),
    Failed(Failed),
    OtherShardFailed,
}

/// Reads one article and, when it is this shard's, writes its files.
fn article(
    staging: &Staging,
    site: &Site,
    slug: &str,
    file: &Path,
    shard: Option<Shard>,
) -> Result<Outcome, BuildError> {
    let urls = ArticleUrls::new(site.base, slug);
    let ours = shard.is_none_or(|shard| shard.owns(slug));
    let (bytes, source, checked) = match read(file, &urls) {
        Ok(read) => read,
        Err(message) if ours => {
            return Ok(Outcome::Failed(Failed {
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
            pages::article_page(&article, &fragments, &urls),
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
    staging.put(&page("article.json"), &bytes)?;
    let warnings = checked
        .warnings
        .iter()
        .map(|warning| Failed {
            file: file.to_owned(),
            message: warning.to_string(),
        })
        .collect();
    Ok(Outcome::Built(entry, warnings))
}

/// The index pages, the feeds and the sitemap. The articles listed are read again, a page at a
/// time, so the build never holds every article at once.
fn site_files(
    staging: &Staging,
    site: &Site,
    entries: &[Entry],
    sources: &BTreeMap<&str, &Path>,
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
    let newest: Vec<(&Entry, String)> = entries
        .iter()
        .take(FEED_LENGTH)
        .filter_map(|entry| reread(entry).map(|(_, article, _)| (entry, article.story_text())))
        .collect();
    staging.put("feed.xml", listing::atom_feed(site, &newest).as_bytes())?;
    let feed = listing::json_feed(site, &newest);
    staging.put("feed.json", format!("{feed}\n").as_bytes())?;
    for (name, xml) in listing::sitemaps(site, entries, pages) {
        staging.put(&name, xml.as_bytes())?;
    }
    Ok(())
}

/// Reads and checks an article file, its relative URLs resolved against where its JSON is
/// served on the site.
fn read(file: &Path, urls: &ArticleUrls) -> Result<(Vec<u8>, Value, Checked), String> {
    read_article_file(file, Some(&urls.json()))
        .map(|read| (read.bytes, read.source, read.checked))
        .map_err(|err| err.details)
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
        image: article.lead_image().map(str::to_owned),
        iframe: pages::iframe_code(article, urls),
    }
}

/// Seconds since 1970 of an RFC 3339 timestamp (0 when it is not one).
pub(crate) fn seconds(rfc3339: &str) -> i64 {
    rfc3339
        .parse::<jiff::Timestamp>()
        .map_or(0, |t| t.as_second())
}

/// The base URL with its trailing `/`: every address in the site starts with it.
fn base_url(url: &str) -> Result<String, BuildError> {
    let bad = || BuildError::BadBaseUrl(url.to_owned());
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty()
        || url.contains(['?', '#'])
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err(bad());
    }
    Ok(if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    })
}

fn host(base: &str) -> String {
    base.split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or(base)
        .to_owned()
}

/// The widget's own files as `(path in the site, bytes)`; the demo pages and anything else in
/// the folder stay out.
fn widget_files(folder: &Path) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let mut files = Vec::new();
    let missing = |path: PathBuf| BuildError::MissingWidget(path);
    for name in WIDGET_FILES {
        let path = folder.join(name);
        let bytes = fs::read(&path).map_err(|_| missing(path))?;
        files.push((format!("widget/{name}"), bytes));
    }
    let wasm = folder.join(WIDGET_WASM);
    let mut names: Vec<String> = fs::read_dir(&wasm)
        .map_err(|_| missing(wasm.clone()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if !names.iter().any(|name| name.ends_with(".wasm")) {
        return Err(missing(wasm));
    }
    for name in names {
        let path = wasm.join(&name);
        let bytes = fs::read(&path).map_err(|err| BuildError::Io(path, err))?;
        files.push((format!("widget/{WIDGET_WASM}/{name}"), bytes));
    }
    Ok(files)
}

/// The `*.json` files in the folder, by name.
fn article_files(folder: &Path) -> Result<Vec<PathBuf>, BuildError> {
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).map_err(|err| BuildError::Io(folder.to_owned(), err))? {
        let entry = entry.map_err(|err| BuildError::Io(folder.to_owned(), err))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_json = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
        if is_json && !name.starts_with('.') && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Articles by slug, and the files that give no slug.
type Slugged = (Vec<(String, PathBuf)>, Vec<Failed>);

/// Each file's slug. Files that give no slug are failures; slugs given by more than one file
/// stop the build, since one article would overwrite another.
fn slugs(files: Vec<PathBuf>) -> Result<Slugged, BuildError> {
    let mut by_slug: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut unnamed = Vec::new();
    for file in files {
        let slug = slug(&file);
        if slug.is_empty() {
            unnamed.push(Failed {
                file,
                message: "its file name has no letter or digit to make its address from".into(),
            });
        } else {
            by_slug.entry(slug).or_default().push(file);
        }
    }
    let collisions: Vec<(String, Vec<PathBuf>)> = by_slug
        .iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|(slug, files)| (slug.clone(), files.clone()))
        .collect();
    if !collisions.is_empty() {
        return Err(BuildError::Collisions(collisions));
    }
    let articles = by_slug
        .into_iter()
        .filter_map(|(slug, mut files)| files.pop().map(|file| (slug, file)))
        .collect();
    Ok((articles, unnamed))
}

/// Builds the site as the command line does: reports each article left out (file and JSON
/// path) and each warning on standard error, then a summary line. True when nothing failed.
pub fn run(options: &BuildOptions) -> bool {
    let report = match build(options) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("article-widget: {err}");
            return false;
        }
    };
    for warning in &report.warnings {
        eprintln!(
            "article-widget: {}: {}",
            warning.file.display(),
            warning.message
        );
    }
    for failed in &report.failed {
        eprintln!(
            "article-widget: {}: error: {} (left out)",
            failed.file.display(),
            failed.message
        );
    }
    eprintln!("{}", summary(&report, &options.output));
    report.failed.is_empty()
}

/// `built 3 of 4 articles into site/ (1 failed): 12 files written, 5 unchanged, 0 removed, in 0.4 s`
pub fn summary(report: &Report, output: &Path) -> String {
    let mut line = format!(
        "built {} of {} articles into {}",
        report.built,
        report.found,
        output.display()
    );
    let mut notes = Vec::new();
    if !report.failed.is_empty() {
        notes.push(format!("{} failed", report.failed.len()));
    }
    if report.other_shards > 0 {
        notes.push(format!("{} in other shards", report.other_shards));
    }
    if !notes.is_empty() {
        line.push_str(&format!(" ({})", notes.join(", ")));
    }
    let files = report.files;
    line.push_str(&format!(
        ": {} files written, {} unchanged, {} removed, in {:.1} s",
        files.written,
        files.unchanged,
        files.removed,
        report.elapsed.as_secs_f64()
    ));
    line
}
