//! The site's own files: the index pages with each article's embed code, and the sitemap.

use crate::feeds::FEEDS;
use crate::pages::ArticleUrls;
use crate::text::xml;
use article_widget::ssr::{escape, html_document};

const INDEX_STYLESHEET: &str = include_str!("../../../static/site/site-index.css");
const INDEX_SCRIPT: &str = include_str!("../../../static/site/site-index.js");

/// Articles per index page: each carries its embed code, which holds the whole article.
pub const PER_PAGE: usize = 20;
/// Entries in each feed: the newest.
pub const FEED_LENGTH: usize = 50;
/// The sitemap protocol's limit of addresses in one file.
const SITEMAP_LIMIT: usize = 50_000;

/// What the site's own files need to know of an article, kept for every article while the
/// build runs (the article itself is read again for the few files that need more).
#[derive(Debug, Clone)]
pub struct Entry {
    pub slug: String,
    pub headline: String,
    pub description: String,
    pub lang: String,
    pub dir: &'static str,
    pub authors: Vec<(String, Option<String>)>,
    pub published: Option<String>,
    /// The article's `updated`, else `published`, else its file's modification time: Atom
    /// and the sitemap need a date for every entry.
    pub updated: String,
    /// Seconds since 1970 of `published`, else `updated`, for the order (newest first).
    pub sort_key: i64,
    pub date_shown: Option<String>,
    pub reading: String,
    pub image: Option<String>,
    /// The publisher's name, which the News sitemap gives.
    pub publisher: Option<String>,
    /// The card's iframe, as the oEmbed answer gives it.
    pub iframe: String,
}

/// Seconds since 1970 of an RFC 3339 timestamp (0 when it is not one).
pub(crate) fn seconds(rfc3339: &str) -> i64 {
    rfc3339
        .parse::<jiff::Timestamp>()
        .map_or(0, |t| t.as_second())
}

/// The site: where it is served from and what it is called.
pub struct Site<'a> {
    pub base: &'a str,
    pub title: &'a str,
}

/// One index page: `index.html` for the first, `page/N/index.html` for the others.
pub fn index_path(page: usize) -> String {
    match page {
        1 => "index.html".into(),
        n => format!("page/{n}/index.html"),
    }
}

fn index_url(site: &Site, page: usize) -> String {
    match page {
        1 => site.base.to_owned(),
        n => format!("{}page/{n}/", site.base),
    }
}

/// Index page `page` of `pages`, listing `entries` with the articles they were read from.
pub fn index_page(
    site: &Site,
    page: usize,
    pages: usize,
    total: usize,
    entries: &[(&Entry, String)],
) -> String {
    let mut items = String::new();
    for (entry, code) in entries {
        let urls = ArticleUrls::new(site.base, &entry.slug);
        let slug = escape(&entry.slug);
        let mut meta: Vec<String> = Vec::new();
        if let Some(date) = &entry.date_shown {
            meta.push(escape(date));
        }
        if !entry.authors.is_empty() {
            let names: Vec<&str> = entry.authors.iter().map(|(n, _)| n.as_str()).collect();
            meta.push(escape(&names.join(", ")));
        }
        meta.push(escape(&entry.reading));
        items.push_str(&format!(
            r#"<li>
<article class="entry" lang="{lang}" dir="{dir}" aria-labelledby="title-{slug}">
<h2 id="title-{slug}"><a href="{page}">{headline}</a></h2>
<p class="entry-meta">{meta}</p>
<p class="entry-description">{description}</p>
<div class="entry-code" lang="en" dir="ltr">
<label for="code-{slug}">Embed code: the article itself, no iframe</label>
<textarea id="code-{slug}" readonly rows="3" spellcheck="false" translate="no">{code}</textarea>
<button type="button" data-copy="code-{slug}" data-copied="Embed code copied" aria-describedby="title-{slug}" hidden>Copy embed code</button>
</div>
<div class="entry-code" lang="en" dir="ltr">
<label for="iframe-{slug}">Or a card in an iframe</label>
<textarea id="iframe-{slug}" readonly rows="2" spellcheck="false" translate="no">{iframe}</textarea>
<button type="button" data-copy="iframe-{slug}" data-copied="Iframe code copied" aria-describedby="title-{slug}" hidden>Copy iframe code</button>
</div>
<p class="entry-links" lang="en" dir="ltr"><a href="{embed}">Card</a> · <a href="{page}embed-full.html">Whole article in an iframe</a> · <a href="{oembed}">oEmbed</a> · <a href="{json}">JSON</a></p>
</article>
</li>
"#,
            lang = escape(&entry.lang),
            dir = entry.dir,
            page = escape(&urls.page),
            headline = escape(&entry.headline),
            meta = meta.join(" · "),
            description = escape(&entry.description),
            code = escape(code),
            iframe = escape(&entry.iframe),
            embed = escape(&urls.embed),
            oembed = escape(&urls.oembed),
            json = escape(&urls.json()),
        ));
    }
    let mut links = String::new();
    let mut nav = String::new();
    if page > 1 {
        let prev = escape(&index_url(site, page - 1));
        links.push_str(&format!("<link rel=\"prev\" href=\"{prev}\">\n"));
        nav.push_str(&format!(
            "<a rel=\"prev\" href=\"{prev}\">Newer articles</a>\n"
        ));
    }
    nav.push_str(&format!("<span>Page {page} of {pages}</span>\n"));
    if page < pages {
        let next = escape(&index_url(site, page + 1));
        links.push_str(&format!("<link rel=\"next\" href=\"{next}\">\n"));
        nav.push_str(&format!(
            "<a rel=\"next\" href=\"{next}\">Older articles</a>\n"
        ));
    }
    let base = escape(site.base);
    let title = escape(site.title);
    let heading = match page {
        1 => site.title.to_owned(),
        n => format!("{}: page {n}", site.title),
    };
    let count = match total {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    };
    let head = format!(
        r#"<meta name="description" content="Articles from {title}, each with its embed code.">
<link rel="canonical" href="{canonical}">
{links}{feed_links}<style>{INDEX_STYLESHEET}</style>
<script type="module">{INDEX_SCRIPT}</script>
"#,
        canonical = escape(&index_url(site, page)),
        feed_links = feed_links(site),
    );
    let body = format!(
        r#"<body>
<header class="site-header">
<h1>{heading}</h1>
<p>{count}. Paste an article’s address where oEmbed or Open Graph is read (WordPress, Ghost, Discourse, Slack, Notion…) to embed it or show its card, or copy its embed code. Feeds: <a href="{base}feed.xml">Atom</a>, <a href="{base}rss.xml">RSS</a>, <a href="{base}feed.json">JSON Feed</a>.</p>
</header>
<main>
<ol class="entries">
{items}</ol>
<nav class="pages" aria-label="Pages">
{nav}</nav>
</main>
<p id="copy-status" class="visually-hidden" role="status"></p>
</body>"#,
        heading = escape(&heading),
    );
    html_document("en", None, &heading, &head, &body)
}

/// The discovery links of the site's feeds, for the head of each page it writes.
pub fn feed_links(site: &Site) -> String {
    FEEDS
        .iter()
        .map(|(file, media_type, format)| {
            format!(
                "<link rel=\"alternate\" type=\"{media_type}\" title=\"{title} ({format})\" href=\"{base}{file}\">\n",
                title = escape(site.title),
                base = escape(site.base),
            )
        })
        .collect()
}

/// The sitemap's files: `sitemap.xml` alone, or, past the protocol's 50,000 addresses, an
/// index of `sitemap-N.xml` files.
pub fn sitemaps(site: &Site, entries: &[Entry], index_pages: usize) -> Vec<(String, String)> {
    let mut urls: Vec<(String, Option<&str>)> = (1..=index_pages)
        .map(|page| (index_url(site, page), None))
        .collect();
    urls.extend(entries.iter().map(|entry| {
        (
            ArticleUrls::new(site.base, &entry.slug).page,
            Some(entry.updated.as_str()),
        )
    }));
    let urlset = |urls: &[(String, Option<&str>)]| {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (loc, lastmod) in urls {
            out.push_str(&format!("<url><loc>{}</loc>", xml(loc)));
            if let Some(lastmod) = lastmod {
                out.push_str(&format!("<lastmod>{}</lastmod>", xml(lastmod)));
            }
            out.push_str("</url>\n");
        }
        out.push_str("</urlset>\n");
        out
    };
    if urls.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".into(), urlset(&urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in urls.chunks(SITEMAP_LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            xml(&format!("{}{name}", site.base))
        ));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index));
    files
}
