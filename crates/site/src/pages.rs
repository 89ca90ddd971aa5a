//! The files of one article: its page, the card and the whole article to sit in an iframe, the
//! oEmbed answer, the embed code and the article's JSON.

use std::rc::Rc;

use serde_json::{json, Value};

use article_widget::components::{HeadingLevel, Theme};
use article_widget::i18n::Labels;
use article_widget::model::{is_absolute_http_url, Article, Json};
use article_widget::ssr::{
    card_markup, escape, fragment_around, html_document, page_around, widget_markup, RenderOptions,
};

/// The card's own styles, inlined into embed.html after the widget's stylesheet.
const CARD_STYLESHEET: &str = include_str!("../../../static/site/article-card.css");
/// The embed's half of WordPress's embed protocol and the generic height message.
const EMBED_SCRIPT: &str = include_str!("../../../static/site/article-embed.js");
/// Reads `?theme=` before the first paint; a classic inline script, so it runs as it is parsed.
const THEME_SCRIPT: &str = include_str!("../../../static/site/embed-theme.js");
/// What a theme pinned by `THEME_SCRIPT` changes.
const THEME_STYLESHEET: &str = include_str!("../../../static/site/embed-theme.css");

/// How long a consumer may cache an oEmbed answer, in seconds.
pub const OEMBED_CACHE_AGE: u32 = 86_400;
/// The card's width in an oEmbed answer, in CSS pixels.
pub const CARD_WIDTH: u32 = 600;

/// The addresses of one article on the site.
pub struct ArticleUrls {
    /// The article's page, `BASE/SLUG/`.
    pub page: String,
    pub embed: String,
    /// The site's static oEmbed answer, `BASE/SLUG/oembed.json`.
    pub oembed: String,
    /// Where the page's oEmbed discovery link points: `oembed` unless there is an endpoint.
    pub discovery: String,
    /// Where the widget's files are, `BASE/widget/`.
    pub assets: String,
}

impl ArticleUrls {
    pub fn new(base: &str, slug: &str) -> ArticleUrls {
        let page = format!("{base}{}/", percent_encoded(slug));
        let oembed = format!("{page}oembed.json");
        ArticleUrls {
            embed: format!("{page}embed.html"),
            discovery: oembed.clone(),
            oembed,
            assets: format!("{base}widget/"),
            page,
        }
    }

    /// Discovery through an oEmbed endpoint (`ENDPOINT?url=PAGE&format=json`) instead of the
    /// static answer.
    pub fn with_oembed_endpoint(mut self, endpoint: Option<&str>) -> ArticleUrls {
        if let Some(endpoint) = endpoint {
            let page =
                url::form_urlencoded::byte_serialize(self.page.as_bytes()).collect::<String>();
            let separator = if endpoint.contains('?') { '&' } else { '?' };
            self.discovery = format!("{endpoint}{separator}url={page}&format=json");
        }
        self
    }

    /// Where the article's JSON is, which its relative URLs are resolved against.
    pub fn json(&self) -> String {
        format!("{}article.json", self.page)
    }
}

/// A slug as a URL path segment: its letters beyond ASCII as UTF-8 bytes in `%XX`, as
/// sitemaps and feed readers need them (browsers show them decoded).
fn percent_encoded(slug: &str) -> String {
    let mut segment = String::with_capacity(slug.len());
    for byte in slug.bytes() {
        if byte.is_ascii() {
            segment.push(char::from(byte));
        } else {
            segment.push_str(&format!("%{byte:02X}"));
        }
    }
    segment
}

/// The article pre-rendered once, as the embed element in the page's DOM (`light`) and in a
/// declarative shadow root (`shadow`).
pub struct Fragments {
    pub light: String,
    pub shadow: String,
}

pub fn fragments(article: &Article, source: &Json, urls: &ArticleUrls) -> Fragments {
    let markup = widget_markup(article, &options(urls, false));
    Fragments {
        light: fragment_around(&markup, source, &options(urls, false)),
        shadow: fragment_around(&markup, source, &options(urls, true)),
    }
}

/// `index.html`: the page `render` writes, with oEmbed discovery, the site's feeds
/// (`feed_links`) and the reading time for link previews (Slack shows
/// `twitter:label1`/`twitter:data1`).
pub fn article_page(
    article: &Article,
    fragments: &Fragments,
    urls: &ArticleUrls,
    feed_links: &str,
) -> String {
    let labels = Labels::for_lang(article.lang());
    let mut article = article.clone();
    article.url.get_or_insert_with(|| urls.page.clone());
    let head = format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{oembed}\" title=\"{title}\">\n\
         <meta name=\"twitter:label1\" content=\"{label}\">\n\
         <meta name=\"twitter:data1\" content=\"{minutes}\">\n{feed_links}",
        oembed = escape(&urls.discovery),
        title = escape(&article.headline),
        label = escape(labels.reading_time_label),
        minutes = escape(&labels.reading_time(article.reading_minutes)),
    );
    page_around(&article, &fragments.light, &options(urls, false), &head)
}

/// `embed.html`: the card alone, for an iframe (no WebAssembly, no loader).
pub fn card_page(article: &Rc<Article>, urls: &ArticleUrls) -> String {
    let card = card_markup(article, &urls.page);
    let head = format!(
        "<link rel=\"stylesheet\" href=\"{assets}article-widget.css\">\n<style>{CARD_STYLESHEET}</style>\n",
        assets = escape(&urls.assets)
    );
    embed_page(article, urls, &head, &card)
}

/// `embed-full.html`: the whole article for an iframe, taken over by the loader as on its page.
pub fn full_embed_page(article: &Article, fragments: &Fragments, urls: &ArticleUrls) -> String {
    let head = format!(
        "<link rel=\"stylesheet\" href=\"{assets}article-widget.css\">\n\
         <script type=\"module\" src=\"{assets}article-widget.js\"></script>\n",
        assets = escape(&urls.assets)
    );
    embed_page(article, urls, &head, &fragments.light)
}

/// A page made to sit in an iframe: not indexed, links open in the top page, the embed
/// script reports its height, and `?theme=dark|light` pins its theme.
fn embed_page(article: &Article, urls: &ArticleUrls, head: &str, body: &str) -> String {
    let head = format!(
        r#"<script>{THEME_SCRIPT}</script>
<meta name="robots" content="noindex, follow">
<link rel="canonical" href="{page}">
<base target="_top">
<style>body.artw-embed {{ margin: 0; }}
{THEME_STYLESHEET}</style>
{head}<script type="module">{EMBED_SCRIPT}</script>
"#,
        page = escape(&urls.page),
    );
    let body = format!("<body class=\"artw-embed\">\n<main>{body}</main>\n</body>");
    html_document(
        article.lang(),
        Some(article.dir()),
        &article.headline,
        &head,
        &body,
    )
}

/// `embed-code.html`: what a host pastes, the pre-rendered article in a declarative shadow
/// root with the article as inline JSON, and the loader that takes it over.
pub fn embed_code(fragments: &Fragments, urls: &ArticleUrls) -> String {
    format!(
        "{}\n<script type=\"module\" src=\"{}article-widget.js\"></script>\n",
        fragments.shadow,
        escape(&urls.assets)
    )
}

/// The iframe of the card, as an oEmbed `html` and for hosts that paste it: WordPress keeps a
/// leading blockquote as the fallback it shows until the card reports its height. WordPress
/// puts its own sandbox on the iframe and navigates for the card; a host that pastes the code
/// as it is needs the sandbox to let a click on a link open the article (`_top`, or a new tab
/// out of the sandbox), and nothing more: no same origin, no forms, no navigation without a
/// click.
pub const IFRAME_SANDBOX: &str =
    "allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";

/// The iframe of the card (see `IFRAME_SANDBOX`).
pub fn iframe_code(article: &Article, urls: &ArticleUrls) -> String {
    framed_iframe_code(article, urls, &Frame::of(article, &Limits::default()))
}

/// The iframe of the card at a size and in a theme.
pub fn framed_iframe_code(article: &Article, urls: &ArticleUrls, frame: &Frame) -> String {
    let src = match frame.theme {
        Some(theme) => format!("{}?theme={}", urls.embed, theme.as_str()),
        None => urls.embed.clone(),
    };
    format!(
        r#"<blockquote class="article-widget-embed"><a href="{page}">{title}</a></blockquote><iframe class="article-widget-embed" src="{src}" width="{width}" height="{height}" title="{title}" sandbox="{IFRAME_SANDBOX}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>"#,
        page = escape(&urls.page),
        src = escape(&src),
        title = escape(&article.headline),
        width = frame.width,
        height = frame.height,
    )
}

/// What an oEmbed consumer asks for: `maxwidth`, `maxheight` (CSS pixels) and the card's
/// theme (`light` or `dark`; none follows the reader's setting).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    pub max_width: Option<u32>,
    pub max_height: Option<u32>,
    pub theme: Option<Theme>,
}

/// The card's iframe: its size within a consumer's limits, and its theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    pub theme: Option<Theme>,
}

impl Frame {
    /// `CARD_WIDTH` or narrower, and the height the card's text takes at that width; neither
    /// past its limit, as oEmbed 1.0 requires (the card reports its real height once shown).
    pub fn of(article: &Article, limits: &Limits) -> Frame {
        let width = limits
            .max_width
            .map_or(CARD_WIDTH, |most| most.min(CARD_WIDTH));
        let height = card_height_at(article, width);
        Frame {
            width,
            height: limits.max_height.map_or(height, |most| most.min(height)),
            theme: limits.theme.filter(|theme| *theme != Theme::Auto),
        }
    }
}

/// `oembed.json`: an oEmbed 1.0 `rich` answer whose `html` is the card's iframe.
pub fn oembed(article: &Article, urls: &ArticleUrls, site_name: &str, base: &str) -> Value {
    fitted_oembed(article, urls, site_name, base, &Limits::default())
}

/// The oEmbed answer fitted to a consumer's limits, as an endpoint gives it.
pub fn fitted_oembed(
    article: &Article,
    urls: &ArticleUrls,
    site_name: &str,
    base: &str,
    limits: &Limits,
) -> Value {
    let frame = Frame::of(article, limits);
    let mut answer = json!({
        "version": "1.0",
        "type": "rich",
        "title": article.headline,
        "provider_name": article.publisher.as_ref().map_or(site_name, |p| p.name.as_str()),
        "provider_url": article
            .publisher
            .as_ref()
            .and_then(|p| p.url.as_deref())
            .filter(|url| is_absolute_http_url(url))
            .unwrap_or(base),
        "cache_age": OEMBED_CACHE_AGE,
        "html": framed_iframe_code(article, urls, &frame),
        "width": frame.width,
        "height": frame.height,
    });
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    if !names.is_empty() {
        answer["author_name"] = json!(names.join(", "));
    }
    let author_url = article
        .authors
        .iter()
        .find_map(|a| a.url.as_deref())
        .filter(|url| is_absolute_http_url(url));
    if let Some(url) = author_url {
        answer["author_url"] = json!(url);
    }
    let thumbnail = thumbnail(article).filter(|(_, width, height)| {
        limits.max_width.is_none_or(|most| *width <= most)
            && limits.max_height.is_none_or(|most| *height <= most)
    });
    if let Some((url, width, height)) = thumbnail {
        answer["thumbnail_url"] = json!(url);
        answer["thumbnail_width"] = json!(width);
        answer["thumbnail_height"] = json!(height);
    }
    answer
}

/// The lead image, when its size is known: oEmbed asks for all three or none.
fn thumbnail(article: &Article) -> Option<(&str, u32, u32)> {
    let image = article.lead_image()?;
    Some((image.src.as_str(), image.width?, image.height?))
}

/// The card's height at `CARD_WIDTH`, estimated from its text (the stylesheet caps each part
/// at a few lines), within WordPress's 200–1000 px. It is only the iframe's first height: the
/// card reports its real one once it is laid out.
pub fn card_height(article: &Article) -> u32 {
    card_height_at(article, CARD_WIDTH)
}

/// `card_height` for a card `width` pixels wide: fewer characters to a line when narrower.
fn card_height_at(article: &Article, width: u32) -> u32 {
    let lines = |text: &str, per_line: usize, most: usize| {
        let per_line = (per_line * width as usize / CARD_WIDTH as usize).max(1);
        text.chars().count().div_ceil(per_line).clamp(1, most) as u32
    };
    let mut height = 2 * 24 + 32 + 48 + 16;
    if article.kicker.is_some() {
        height += 24;
    }
    height += 32 * lines(&article.headline, 40, 3) + 12;
    if let Some(standfirst) = &article.standfirst {
        height += 25 * lines(standfirst, 62, 3) + 12;
    }
    if let Some(opening) = article.opening_text() {
        height += 25 * lines(&opening, 68, 4) + 16;
    }
    height += 56;
    height.clamp(200, 1000)
}

fn options(urls: &ArticleUrls, shadow: bool) -> RenderOptions {
    RenderOptions {
        assets: urls.assets.clone(),
        heading_level: HeadingLevel::default(),
        shadow,
        ..RenderOptions::default()
    }
}
