//! An HTML page: its metadata, then its story through dom_smoothie (a port of Mozilla's
//! Readability), mapped to blocks.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use url::Url;

use super::blocks::{Mapper, Slot};
use super::metadata::{self, PageMeta, Person};
use super::recognise::{self, SLOT_CLASS};
use super::text::{
    canonical_case, language_tag, script_language, script_language_at, squash, timestamp,
    without_anchor_mark, written_in, Resolver,
};
use super::{Draft, ImportError};
use article_widget::model::{is_language_tag, Article, Author, Block, Publisher};

/// Imports the article of a whole page.
pub fn page(text: &str, page_url: Option<&Url>) -> Result<Draft, ImportError> {
    refuse_deep_nesting(text)?;
    let doc = Document::from(text);
    let mut draft = Draft::new();
    let meta = metadata::read(&doc, &mut draft.warnings);
    let resolver = resolver(&doc, page_url, &meta);
    let (lang, dir) = language(&doc, &meta, &mut draft);
    let shown = shown_titles(&doc);
    let headings = page_headings(&doc);
    let author_links = author_links(&doc);
    let named: Vec<String> = meta.authors.iter().map(|p| p.name.clone()).collect();
    let bios = recognise::bios(&doc, &resolver, &named);
    let related = recognise::related(&doc, &resolver);
    let standfirst = standfirst(&doc, &meta);
    // The label over the headline is taken out of the page either way, so that the story
    // does not start with it.
    let shown_kicker = kicker(&doc);
    let kicker = meta.section.clone().or(shown_kicker);
    let slots = recognise::slots(&doc, &resolver);
    let shown_byline = page_byline(&doc, headings.display.as_deref());
    let read = readable(doc, resolver.base.as_ref())?;
    let content = Document::from(read.content.to_string());
    let (blocks, warnings) = map_blocks(&content, &resolver, &slots);
    draft.warnings.extend(warnings);

    let article = &mut draft.article;
    article.headline = headline(&meta, &shown, &headings, &read.title);
    article.standfirst = standfirst;
    article.kicker = kicker;
    article.url = resolver
        .resolve_opt(meta.url.as_deref())
        .or_else(|| page_url.map(Url::to_string));
    let story_text: String = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(text) => Some(text.text()),
            Block::Heading(text) => Some(text.clone()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    article.lang = match lang {
        // A language the story's script cannot be written in, as a template's `lang="en"`
        // over a story in Japanese: the story's script, when nearly all of it is in one.
        Some(declared) => match script_language_at(&story_text, 60) {
            Some(script) if !written_in(&declared, script) => {
                draft.warnings.push(format!(
                    "the page says its language is `{declared}`, but its story is written in a script that says `{script}`; `{script}` it is"
                ));
                Some(script.to_owned())
            }
            _ => Some(declared),
        },
        // A page that names no language at all: what its story's script says for certain.
        None => script_language(&format!("{} {story_text}", read.title)).map(|tag| {
            draft.warnings.push(format!(
                "the page names no language; its text is written in a script that says `{tag}`"
            ));
            tag.to_owned()
        }),
    };
    article.publisher = meta
        .publisher
        .as_ref()
        .map(|org| Publisher {
            name: org.name.clone(),
            url: resolver.resolve_opt(org.url.as_deref()),
            logo: resolver.resolve_opt(org.logo.as_deref()),
        })
        .or_else(|| {
            meta.site_name.clone().map(|name| Publisher {
                name,
                url: None,
                logo: None,
            })
        });
    let byline = read.byline.as_deref().map(squash);
    // Readability joins the byline's parts without a space ("Ana RuizStaff Writer"); the
    // element it came from says where each part ends.
    let parts = byline
        .as_deref()
        .filter(|b| has_run_together(b))
        .and_then(|b| {
            // Read again only then: looking at every element's text costs time on a long page.
            let key = letters(b);
            byline_texts(&Document::from(text))
                .into_iter()
                .find(|(joined, _)| *joined == key)
                .map(|(_, spaced)| spaced)
        });
    let read_byline = parts.or_else(|| byline.clone());
    article.authors = authors(
        &meta.authors,
        read_byline.as_deref(),
        &shown_byline,
        &author_links,
        &resolver,
    );
    for author in &mut article.authors {
        if author.url.is_none() {
            let link = author_links
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(&author.name));
            author.url = link.map(|(_, href)| resolver.resolve(href));
        }
    }
    attach_bios(article, bios, &mut draft.warnings);
    article.related = related;
    let (body, dateline_author) = without_header_echoes(blocks, article, byline.as_deref());
    article.body = body;
    // "Tuesday 15 October 2019 by Ana Ruiz" over the story names its author when nothing
    // else does.
    if article.authors.is_empty() {
        if let Some(name) = dateline_author {
            article.authors = byline_names(&name)
                .into_iter()
                .map(|name| Author {
                    name,
                    role: None,
                    bio: None,
                    avatar: None,
                    url: None,
                })
                .collect();
        }
    }
    dates(&meta, &mut draft);
    if let Some(dir) = dir {
        let lang_dir = draft.article.dir();
        if dir != lang_dir {
            let lang = match &draft.article.lang {
                Some(lang) => format!("its language `{lang}` is written {lang_dir}"),
                None => format!(
                    "it names no language, and the widget's default, `en`, is written {lang_dir}"
                ),
            };
            draft.warn(format!(
                "the page is written {dir}, but {lang}: the widget sets the direction from the language"
            ));
        }
    }
    Ok(draft)
}

/// The story, by Readability; for a short story (under its 500 characters), again with no
/// minimum, as Readability.js ends by taking its best attempt.
fn readable(doc: Document, base: Option<&Url>) -> Result<dom_smoothie::Article, ImportError> {
    let prepared = doc.html().to_string();
    let config = |char_threshold| Config {
        classes_to_preserve: vec![SLOT_CLASS.to_owned()],
        char_threshold,
        ..Config::default()
    };
    let base = base.map(Url::as_str);
    let attempt = |doc: Document, threshold| {
        Readability::with_document(doc, base, Some(config(threshold)))
            .map_err(ImportError::Unparsable)?
            .parse()
            .map_err(ImportError::NoStory)
    };
    attempt(doc, Config::default().char_threshold).or_else(|_| attempt(Document::from(prepared), 0))
}

/// Blocks of an HTML fragment that is already the story, such as a feed item's content.
pub fn fragment(html: &str, resolver: &Resolver) -> Result<(Vec<Block>, Vec<String>), ImportError> {
    refuse_deep_nesting(html)?;
    let doc = Document::from(html);
    let slots = recognise::slots(&doc, resolver);
    Ok(map_blocks(&doc, resolver, &slots))
}

/// Reading a page looks at each element's ancestors and descendants, in time that grows with
/// the depth: a page nested past [`MAX_NESTING`](super::nesting::MAX_NESTING) is refused
/// before it is parsed.
fn refuse_deep_nesting(html: &str) -> Result<(), ImportError> {
    match super::nesting::too_deep(html) {
        Some(line) => Err(ImportError::NestedTooDeep { line }),
        None => Ok(()),
    }
}

fn map_blocks(doc: &Document, resolver: &Resolver, slots: &[Slot]) -> (Vec<Block>, Vec<String>) {
    let mut mapper = Mapper::new(resolver, slots);
    if let Some(body) = doc.body() {
        mapper.children(&body);
    }
    (mapper.blocks, mapper.warnings)
}

/// `<base href>` (itself relative to the page's URL), else the page's URL from `--url`, else
/// the address the page gives for itself.
fn resolver(doc: &Document, page_url: Option<&Url>, meta: &PageMeta) -> Resolver {
    let own = meta
        .url
        .as_deref()
        .and_then(|u| Url::parse(u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    let page = page_url.cloned().or(own);
    let base = doc
        .select("base[href]")
        .attr("href")
        .and_then(|href| match &page {
            Some(page) => page.join(href.trim()).ok(),
            None => Url::parse(href.trim()).ok(),
        });
    Resolver {
        base: base.or(page),
    }
}

/// The article's language: the story's own `lang` (on `<article>`), else the page's, else
/// what its metadata says. Its direction: the nearest `dir`.
fn language(
    doc: &Document,
    meta: &PageMeta,
    draft: &mut Draft,
) -> (Option<String>, Option<&'static str>) {
    let attr = |selector: &str, name: &str| {
        doc.select(selector)
            .nodes()
            .first()
            .and_then(|n| n.attr(name))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let raw = attr("article[lang]", "lang")
        .or_else(|| attr("html", "lang"))
        .or_else(|| attr("html", "xml:lang"))
        .or_else(|| attr("body", "lang"))
        .or_else(|| meta.lang.clone());
    let lang = raw.and_then(|raw| {
        let tag = canonical_case(&language_tag(&raw));
        if is_language_tag(&tag) {
            Some(tag)
        } else {
            draft.warn(format!(
                "the language `{raw}` is not a BCP 47 tag; it was dropped"
            ));
            None
        }
    });
    let dir = attr("article[dir]", "dir")
        .or_else(|| attr("body[dir]", "dir"))
        .or_else(|| attr("html", "dir"))
        .and_then(|d| match d.to_ascii_lowercase().as_str() {
            "rtl" => Some("rtl"),
            "ltr" => Some("ltr"),
            _ => None,
        });
    (lang, dir)
}

/// The headline as the page shows it: of the headlines the metadata offers (JSON-LD's, Open
/// Graph's, …), the first that the page's `<title>` or an `<h1>` also shows; else the
/// headline the story itself is marked with, when the page shows none of the metadata's;
/// else the first the metadata offers, else the title Readability takes from `<title>` and
/// `<h1>`; without the site's name.
fn headline(
    meta: &PageMeta,
    shown: &[String],
    headings: &Headings,
    readability_title: &str,
) -> String {
    // Shown whole, or whole beside the site's name: a headline cut short (as some JSON-LD
    // is, for search engines) does not agree.
    let agrees = |candidate: &String| {
        shown.iter().any(|t| {
            t == candidate
                || SEPARATORS.iter().any(|sep| {
                    t.starts_with(&format!("{candidate}{sep}"))
                        || t.ends_with(&format!("{sep}{candidate}"))
                })
        })
    };
    let title = squash(readability_title);
    // The headline set over the story, when the metadata and the <title> speak of the same
    // story (a share or search title often differs from it: "13 Ways To …" over "The Power
    // Of …"); it is what the reader reads.
    let offered: Vec<&String> = meta.headlines.iter().chain(shown.first()).collect();
    // A word or two is a section's label more often than a story's headline.
    let long_enough = |d: &&String| d.split_whitespace().count() >= 3 || d.chars().count() >= 15;
    let display = headings
        .display
        .as_ref()
        .filter(long_enough)
        .filter(|d| offered.is_empty() || offered.iter().any(|o| shares_words(o, d)));
    if let Some(display) = display {
        return meta
            .headlines
            .iter()
            .find(|c| same_text(c, display))
            .unwrap_or(display)
            .clone();
    }
    let headline = match meta.headlines.iter().find(|c| agrees(c)) {
        Some(agreed) => agreed.clone(),
        None => {
            // The page's <title> (or Readability's reading of it) as the story's own heading
            // shows it, less the site's name beside it.
            let from_title = [&shown[0], &title]
                .into_iter()
                .find_map(|t| shown_part(t, &headings.all));
            match (
                headings.marked.as_ref().filter(long_enough),
                meta.headlines.first(),
            ) {
                (Some(marked), _) if from_title.is_none() => marked.clone(),
                (_, Some(first)) if from_title.is_none() => first.clone(),
                _ => from_title.unwrap_or(title),
            }
        }
    };
    let site = meta
        .publisher
        .as_ref()
        .map(|p| p.name.as_str())
        .or(meta.site_name.as_deref());
    for separator in SEPARATORS {
        if let Some(site) = site {
            if let Some(stripped) = headline.strip_suffix(&format!("{separator}{site}")) {
                return stripped.trim().to_owned();
            }
        }
    }
    // A site name the metadata does not give: the part a heading on the page shows.
    shown_part(&headline, &headings.all).unwrap_or(headline)
}

const SEPARATORS: [&str; 11] = [
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " ｜ ", "｜", " － ", "：",
];

/// The same text but for the marks pages write two ways: curly and straight quotes, dashes,
/// white space.
fn same_text(a: &str, b: &str) -> bool {
    let fold = |t: &str| -> String {
        squash(t)
            .chars()
            .map(|c| match c {
                '‘' | '’' | '′' => '\'',
                '“' | '”' | '″' => '"',
                '–' | '—' => '-',
                '\u{a0}' => ' ',
                c => c,
            })
            .collect()
    };
    fold(a) == fold(b)
}

/// Whether two headlines share a word of four letters or more, or two Han or kana
/// characters in a row: whether they can be about the same story.
fn shares_words(a: &str, b: &str) -> bool {
    let keys = |t: &str| -> Vec<String> {
        let lower = t.to_lowercase();
        let mut keys: Vec<String> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_owned)
            .collect();
        let chars: Vec<char> = lower.chars().collect();
        let cjk = |c: char| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF);
        keys.extend(
            chars
                .windows(2)
                .filter(|w| cjk(w[0]) && cjk(w[1]))
                .map(|w| w.iter().collect::<String>()),
        );
        keys
    };
    let theirs = keys(b);
    keys(a).iter().any(|k| theirs.contains(k))
}

/// The most separators of a title whose parts are compared with the page's headings.
const MAX_TITLE_CUTS: usize = 16;

/// The part of a title, split at its separators ("Story | Section | Site"), that a heading on
/// the page shows, the longest such part; the title itself when a heading shows it whole.
fn shown_part(title: &str, headings: &[String]) -> Option<String> {
    if headings.iter().any(|h| same_text(h, title)) {
        return Some(title.to_owned());
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for separator in SEPARATORS {
        cuts.extend(
            title
                .match_indices(separator)
                .map(|(at, sep)| (at, at + sep.len())),
        );
    }
    // The headline, its section and the site's name sit at a title's ends: of a title cut
    // in thousands of parts, only the cuts near its ends are tried.
    cuts.sort_unstable();
    if cuts.len() > MAX_TITLE_CUTS {
        let last = cuts.split_off(cuts.len() - MAX_TITLE_CUTS / 2);
        cuts.truncate(MAX_TITLE_CUTS / 2);
        cuts.extend(last);
    }
    let mut parts: Vec<&str> = Vec::new();
    for &(start, end) in &cuts {
        parts.push(title[..start].trim());
        parts.push(title[end..].trim());
    }
    // The longest; of two as long, the first, as a headline leads its title.
    parts
        .into_iter()
        .filter(|part| !part.is_empty() && headings.iter().any(|h| same_text(h, part)))
        .fold(None::<&str>, |best, part| match best {
            Some(b) if b.len() >= part.len() => Some(b),
            _ => Some(part),
        })
        .map(str::to_owned)
}

/// The page's headings, for telling a headline from the site's name beside it in `<title>`.
struct Headings {
    /// The text of every `<h1>`, `<h2>` and element marked `itemprop="headline"`.
    all: Vec<String>,
    /// The story's own headline: an element marked `itemprop="headline"`, else the first
    /// `<h1>` inside `<article>` or `<main>` that is not a link home.
    marked: Option<String>,
    /// The headline shown over the story: `itemprop="headline"`, else the first `<h1>` in
    /// `<article>` or `<main>`, else the first in the page outside its header, navigation,
    /// footer, sidebars and dialogs; never one that is all a link to another page (a
    /// section's name over the story, a teaser).
    display: Option<String>,
}

fn page_headings(doc: &Document) -> Headings {
    let text_of = |n: &NodeRef| without_anchor_mark(&squash(&n.text()));
    // The site's name is set as a heading that links to its front page.
    let home_link = |n: &NodeRef| {
        n.descendants().iter().any(|a| {
            a.has_name("a")
                && a.attr("href").is_some_and(|h| {
                    let h = h.trim();
                    let path = Url::parse(h).map_or(h.to_owned(), |u| u.path().to_owned());
                    matches!(
                        path.trim_start_matches("./").trim_start_matches("../"),
                        "" | "/" | "index.html" | "index.htm" | "/index.html" | "/index.htm"
                    )
                })
        })
    };
    let all = doc
        .select("body h1, body h2, body [itemprop~=headline i]")
        .nodes()
        .iter()
        .filter(|n| !home_link(n))
        .map(text_of)
        .filter(|t| !t.is_empty())
        .collect();
    let fits = |n: &&NodeRef| {
        let text = text_of(n);
        !text.is_empty() && text.chars().count() <= 300 && !home_link(n)
    };
    let marked_headline = doc.select("body [itemprop~=headline i]");
    let story_h1 = doc.select("article h1, main h1, [role=main] h1");
    let marked = marked_headline
        .nodes()
        .iter()
        .find(fits)
        .or_else(|| story_h1.nodes().iter().find(fits))
        .map(text_of);
    let page_h1 = doc.select("body h1");
    let aside = |n: &NodeRef| {
        n.ancestors(None).iter().any(|a| {
            matches!(
                a.node_name().as_deref(),
                Some("header" | "nav" | "footer" | "aside" | "dialog")
            ) && !a.ancestors(None).iter().any(|b| b.has_name("article"))
                || a.attr("role").is_some_and(|r| {
                    matches!(
                        &*r.to_ascii_lowercase(),
                        "dialog" | "alertdialog" | "navigation"
                    )
                })
        })
    };
    // All a link to somewhere else: a section's or a teaser's name, not this story's.
    let a_link = |n: &NodeRef| {
        let text = text_of(n);
        n.descendants().iter().any(|a| {
            a.has_name("a")
                && a.attr("href").is_some_and(|h| !h.trim().starts_with('#'))
                && text_of(a) == text
        })
    };
    let display = marked_headline
        .nodes()
        .iter()
        .filter(|n| !a_link(n))
        .find(fits)
        .or_else(|| story_h1.nodes().iter().filter(|n| !a_link(n)).find(fits))
        .or_else(|| {
            page_h1
                .nodes()
                .iter()
                .filter(|n| !a_link(n) && !aside(n))
                .find(fits)
        })
        .map(text_of);
    Headings {
        all,
        marked,
        display,
    }
}

/// The page's `<title>`, then the text of each `<h1>`.
fn shown_titles(doc: &Document) -> Vec<String> {
    let title = squash(&doc.select("head title").text());
    let mut shown = vec![title];
    shown.extend(
        doc.select("body h1")
            .nodes()
            .iter()
            .map(|h| without_anchor_mark(&squash(&h.text()))),
    );
    shown
}

const STANDFIRST_WORDS: &[&str] = &[
    "standfirst",
    "dek",
    "deck",
    "strapline",
    "subhead",
    "sub-head",
    "subtitle",
    "sub-title",
    "summary",
    "lede",
    "lead",
    "excerpt",
    "intro",
    "description",
    "teaser",
];

/// The page's description; else a summary marked as one under the headline. The element
/// that shows it is taken out of the page, so the story does not start with it again.
fn standfirst(doc: &Document, meta: &PageMeta) -> Option<String> {
    let all = doc.select("body *").nodes().to_vec();
    let h1 = all.iter().position(|n| n.has_name("h1"));
    let h1_header = h1.and_then(|i| {
        all[i]
            .ancestors(None)
            .into_iter()
            .find(|a| a.has_name("header"))
    });
    let candidates: Vec<NodeRef> = all
        .iter()
        .enumerate()
        // A standfirst follows the headline; a site's tagline comes before it.
        .filter(|(i, _)| h1.is_none_or(|h| i > &h))
        .map(|(_, n)| n)
        .filter(|n| matches!(n.node_name().as_deref(), Some("p" | "h2" | "div" | "span")))
        .filter(|n| {
            let marks = format!(
                " {} {} ",
                n.attr("class").unwrap_or_default(),
                n.attr("id").unwrap_or_default()
            )
            .to_ascii_lowercase();
            let in_header = h1_header
                .as_ref()
                .is_some_and(|h| n.ancestors(None).iter().any(|a| a.id == h.id));
            let short = squash(&n.text()).chars().count() <= 500;
            let leaf = !n
                .descendants()
                .iter()
                .any(|d| d.has_name("p") || d.has_name("div"));
            let marked = marks
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                .filter(|t| !t.starts_with("site-"))
                .any(|t| {
                    STANDFIRST_WORDS.iter().any(|w| {
                        t == *w || t.ends_with(&format!("-{w}")) || t.starts_with(&format!("{w}-"))
                    })
                });
            short && leaf && (in_header || marked)
        })
        .cloned()
        .collect();
    let description = meta.description.clone();
    let shown = candidates.iter().find(|n| {
        let text = squash(&n.text());
        match &description {
            Some(d) => text == *d,
            None => {
                text.chars().count() >= 20
                    && !n.has_name("span")
                    && !n.ancestors(None).iter().any(|a| a.has_name("time"))
                    && !text.to_lowercase().starts_with("by ")
            }
        }
    });
    let chosen = description.or_else(|| shown.map(|n| squash(&n.text())));
    if let Some(node) = shown {
        node.remove_from_parent();
    }
    chosen
}

const KICKER_WORDS: &[&str] = &[
    "kicker",
    "eyebrow",
    "overline",
    "rubric",
    "flag",
    "label",
    "category",
    "upperdek",
    "supertitle",
    "pretitle",
    "overtitle",
];

/// A short label marked as the kicker, just before the headline, when the metadata names no
/// section. It is taken out of the page with its text.
fn kicker(doc: &Document) -> Option<String> {
    let h1 = doc.select("body h1").nodes().first().cloned()?;
    let mut node = h1.prev_element_sibling();
    while let Some(candidate) = node {
        let marks =
            format!(" {} ", candidate.attr("class").unwrap_or_default()).to_ascii_lowercase();
        // "Biz & IT —": the label, without the dash that leads into the headline.
        let text = squash(&candidate.text())
            .trim_end_matches(['—', '–', '-', '|', ':', '·', ' '])
            .to_owned();
        let marked = marks
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| KICKER_WORDS.contains(&t));
        if marked && !text.is_empty() && text.chars().count() <= 60 {
            candidate.remove_from_parent();
            return Some(text);
        }
        node = candidate.prev_element_sibling();
    }
    None
}

/// Links on authors' names in the byline: `rel="author"`, or inside an element marked as
/// the byline or the author.
fn author_links(doc: &Document) -> Vec<(String, String)> {
    doc.select("a[href]")
        .nodes()
        .iter()
        .filter(|a| {
            a.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("author"))
            }) || a.ancestors(Some(3)).iter().any(|p| {
                let marks = format!(
                    "{} {}",
                    p.attr("class").unwrap_or_default(),
                    p.attr("itemprop").unwrap_or_default()
                )
                .to_ascii_lowercase();
                marks.contains("byline") || marks.contains("author")
            })
        })
        .filter_map(|a| {
            let name = squash(&a.text());
            let href = a.attr("href")?.trim().to_owned();
            (!name.is_empty() && !href.is_empty() && !href.starts_with('#')).then_some((name, href))
        })
        .collect()
}

/// A user name rather than a person's: one word with digits or no capitals, or `@handle`.
fn is_handle(name: &str) -> bool {
    !name.contains(char::is_whitespace)
        && (name.starts_with('@')
            || name.chars().any(|c| c.is_ascii_digit())
            || (name.is_ascii() && !name.chars().any(char::is_uppercase)))
}

/// A name that stands in for the people who wrote the story: "Us Weekly Staff", "News
/// Desk", "Web Team".
fn is_stand_in(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "staff",
        "team",
        "desk",
        "editors",
        "newsroom",
        "redaktion",
        "rédaction",
        "redacción",
        "redazione",
        "admin",
        "administrator",
        "webmaster",
    ];
    name.split_whitespace().any(|w| {
        WORDS.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
        )
    })
}

/// The authors the metadata names, else the byline Readability found ("By A and B"), else
/// the names the page shows under its headline (`shown`). Where the byline links its names
/// (`links`, name and address), those links are the names, not the titles and desks
/// written around them. A newsroom, a desk or a user name in the metadata gives way to the
/// people the page names.
fn authors(
    people: &[Person],
    byline: Option<&str>,
    shown: &[String],
    links: &[(String, String)],
    resolver: &Resolver,
) -> Vec<Author> {
    let from_page = byline
        .map(|b| byline_authors(b, links))
        .filter(|found| !found.is_empty())
        .unwrap_or_else(|| shown.iter().map(|n| (n.clone(), None)).collect());
    let stand_ins = people
        .iter()
        .all(|p| p.organization || is_handle(&p.name) || is_stand_in(&p.name));
    let others = !from_page.is_empty()
        && !from_page
            .iter()
            .any(|(name, _)| people.iter().any(|p| p.name.contains(name.as_str())));
    if !(people.is_empty() || stand_ins && others) {
        let mut authors: Vec<Author> = Vec::new();
        for person in people {
            if authors.iter().any(|a| a.name == person.name) {
                continue;
            }
            authors.push(Author {
                name: person.name.clone(),
                role: person.role.clone(),
                bio: person.bio.clone(),
                avatar: resolver.resolve_opt(person.image.as_deref()),
                url: resolver.resolve_opt(person.url.as_deref()),
            });
        }
        return authors;
    }
    from_page
        .into_iter()
        .map(|(name, role)| Author {
            name,
            role,
            bio: None,
            avatar: None,
            url: None,
        })
        .collect()
}

/// The people in a byline, with their jobs: the names it links, when it links any (not the
/// section linked after "in", nor the comment count), else its text read as names.
fn byline_authors(byline: &str, links: &[(String, String)]) -> Vec<(String, Option<String>)> {
    let mut linked: Vec<(usize, &str)> = links
        .iter()
        // A name, not the comment count, the date or the handle linked beside it.
        .filter(|(name, _)| {
            !is_not_a_name(name)
                && name.chars().any(char::is_alphabetic)
                && !name.chars().any(|c| c.is_ascii_digit())
                && name.split_whitespace().count() <= 6
        })
        .filter_map(|(name, _)| byline.find(name.as_str()).map(|at| (at, name.as_str())))
        // "by <a>Ana Ruiz</a> in <a>Politics</a>": what was filed in, not by whom.
        .filter(|(at, _)| {
            let before = byline[..*at].trim_end().to_lowercase();
            ![
                "in", "on", "at", "for", "from", "under", "dans", "en", "im", "unter",
            ]
            .iter()
            .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
        })
        .collect();
    linked.sort();
    linked.dedup_by(|a, b| a.1 == b.1);
    let read = byline_people(byline);
    if linked.is_empty() {
        return read;
    }
    // The linked names, with the jobs the byline gives them.
    linked
        .iter()
        .map(|(_, name)| {
            let role = read
                .iter()
                .find(|(n, _)| n == name)
                .and_then(|(_, r)| r.clone());
            ((*name).to_owned(), role)
        })
        .collect()
}

/// Letters and digits only, in lower case.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A word that runs a name into what follows it ("TrapaniCEO", "DavidsonWashington"), as
/// text joined from separate elements reads; "McDonald", "DiChristopher", "DeVos" do not.
fn has_run_together(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "mc", "mac", "di", "de", "da", "la", "le", "van", "von", "o", "al", "el", "du",
    ];
    text.split_whitespace().any(|word| {
        let chars: Vec<char> = word.chars().collect();
        (1..chars.len()).any(|i| {
            chars[i].is_uppercase() && chars[i - 1].is_lowercase() && {
                let start: String = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                !PREFIXES.contains(&start.to_lowercase().as_str())
            }
        })
    })
}

/// The text of each element that may be a byline, keyed by its letters: its parts (the text
/// of each child, times left out) joined with " | ", so that "<a>Ana Ruiz</a><span>Staff
/// Writer</span>" reads "Ana Ruiz | Staff Writer".
fn byline_texts(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.select("body *").nodes() {
        let text = squash(&node.text());
        if text.is_empty() || text.chars().count() > 200 {
            continue;
        }
        let mut node = *node;
        // A wrapper around one element: its parts are that element's.
        loop {
            let elements = node.element_children();
            let own_text = node
                .children()
                .iter()
                .any(|c| c.is_text() && !c.text().trim().is_empty());
            match elements.as_slice() {
                [only] if !own_text => node = *only,
                _ => break,
            }
        }
        let parts: Vec<String> = node
            .children()
            .iter()
            .map(spaced_text)
            .filter(|t| !t.is_empty())
            .collect();
        if parts.len() > 1 {
            out.push((letters(&text), parts.join(" | ")));
        }
    }
    // The innermost element of a text first.
    out.reverse();
    out
}

/// A node's text with a space between the texts of its elements, as a browser lays out
/// blocks, and without times, scripts and drawings: "By Ana Ruiz" and "Published …" in two
/// `<div>`s do not run together.
fn spaced_text(node: &NodeRef) -> String {
    let skipped = |n: &NodeRef| {
        matches!(
            n.node_name().as_deref(),
            Some("time" | "script" | "style" | "svg" | "noscript")
        )
    };
    if skipped(node) {
        return String::new();
    }
    if node.is_text() {
        return squash(&node.text());
    }
    let parts: Vec<String> = node
        .descendants()
        .iter()
        .filter(|d| d.is_text() && !d.ancestors(None).iter().any(&skipped))
        .map(|d| d.text().to_string())
        .collect();
    squash(&parts.join(" "))
}

/// Where an author's page is: `/author/ana-ruiz`, `/profile/…`, `/journaliste/…`.
fn is_author_page(href: &str) -> bool {
    const PATHS: &[&str] = &[
        "author",
        "authors",
        "autor",
        "autores",
        "auteur",
        "auteurs",
        "profile",
        "profiles",
        "people",
        "staff",
        "writer",
        "writers",
        "journalist",
        "journaliste",
        "journalisten",
        "contributor",
        "contributors",
        "by",
        "columnist",
        "columnists",
        "editors",
        "reporter",
        "reporters",
        "redaktion",
        "team",
    ];
    let path = Url::parse(href).map_or(href.to_owned(), |u| u.path().to_owned());
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    segments.len() >= 2
        && segments[..segments.len() - 1]
            .iter()
            .any(|s| PATHS.contains(&s.to_ascii_lowercase().as_str()))
}

/// The byline a page shows under its headline when neither its metadata nor Readability
/// gives one: between the first `<h1>` and the story's first long paragraph, a line "By …"
/// of names, else links to authors' pages (`/author/…`) or marked `rel="author"`.
fn page_byline(doc: &Document, headline: Option<&str>) -> Vec<String> {
    let all = doc.select("body *").nodes().to_vec();
    let is_h1 = |n: &NodeRef| n.has_name("h1");
    let Some(h1) = all
        .iter()
        .position(|n| is_h1(n) && headline.is_some_and(|h| squash(&n.text()).contains(h)))
        .or_else(|| all.iter().position(is_h1))
    else {
        return Vec::new();
    };
    // The story starts with two paragraphs in a row; a standfirst over it is one.
    let long = |n: &NodeRef| n.has_name("p") && squash(&n.text()).chars().count() >= 60;
    let end = all[h1..]
        .iter()
        .position(|n| long(n) && n.next_element_sibling().is_some_and(|s| long(&s)))
        .map_or(all.len(), |i| h1 + i);
    let header = &all[h1 + 1..end.min(h1 + 150)];
    // The innermost line first: "By Ana Ruiz" rather than the box it sits in with the date.
    for node in header.iter().rev() {
        let text = spaced_text(node);
        let lower = text.to_lowercase();
        let short = text.chars().count() <= 80;
        if short && (lower.starts_with("by ") || lower.starts_with("by:")) {
            let names = byline_names(&text);
            let name_like = !names.is_empty()
                && names.iter().all(|n| {
                    let words = n.split_whitespace().count();
                    (2..=5).contains(&words) && !n.to_lowercase().starts_with("by")
                });
            if name_like {
                return names;
            }
        }
    }
    let mut names: Vec<String> = Vec::new();
    for link in header.iter().filter(|n| n.has_name("a")) {
        let rel_author = link.attr("rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
        });
        let to_author = link.attr("href").is_some_and(|h| is_author_page(h.trim()));
        let name = squash(&link.text());
        let words = name.split_whitespace().count();
        let name_like = (1..=5).contains(&words)
            && !name.chars().any(|c| c.is_ascii_digit())
            && name.chars().next().is_some_and(char::is_uppercase);
        if (rel_author || to_author) && name_like && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The names in a byline: "By A, B and C" is three; a byline that reads as anything but
/// names (a date, a sentence) is one name as written.
pub fn byline_names(byline: &str) -> Vec<String> {
    byline_people(byline)
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// What bylines start with before the names, in the languages news is written in.
const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "words by",
    "reporting by",
    "story by",
    "text by",
    "posted by",
    "published by",
    "authors:",
    "author:",
    "autor:",
    "auteur :",
    "auteur:",
    "text:",
    "by:",
    "by",
    "von",
    "par",
    "por",
    "door",
    "av",
    "af",
];

/// Words that make a part of a byline a job rather than a name: "Ana Ruiz, Staff Writer".
const ROLE_WORDS: &[&str] = &[
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "columnist",
    "contributor",
    "contributors",
    "contributing",
    "producer",
    "analyst",
    "photographer",
    "journalist",
    "journaliste",
    "redakteur",
    "redakteurin",
    "correspondant",
    "correspondante",
    "corresponsal",
    "redactor",
    "redactora",
    "staff",
    "senior",
    "chief",
    "bureau",
    "fellow",
    "intern",
    "ceo",
    "founder",
    "president",
    "director",
];

/// Letters after a name that belong to it: "Ana Ruiz, MA", "Tom Okafor Jr.".
const NAME_SUFFIXES: &[&str] = &[
    "ma", "ms", "md", "phd", "mph", "rn", "do", "mba", "msc", "bsc", "jr", "sr", "ii", "iii", "iv",
];

/// The people in a byline, each with the job written beside the name, if any: "By Ana Ruiz,
/// Staff Writer, and Tom Okafor" is Ana Ruiz (Staff Writer) and Tom Okafor.
pub fn byline_people(byline: &str) -> Vec<(String, Option<String>)> {
    let mut text = squash(byline);
    loop {
        let lower = text.to_lowercase();
        let Some(rest) = BYLINE_PREFIXES.iter().find_map(|prefix| {
            let rest = lower.strip_prefix(prefix)?;
            (prefix.ends_with(':')
                || rest.is_empty()
                || rest.starts_with(' ')
                || rest.starts_with(':'))
            .then(|| text[text.len() - rest.len()..].trim_start_matches([' ', ':']))
        }) else {
            break;
        };
        if rest.is_empty() {
            // "By" and nothing after it: the names are elsewhere.
            return Vec::new();
        }
        if rest.len() == text.len() {
            break;
        }
        text = rest.trim_start_matches([' ', ':', '|', ',']).to_owned();
    }
    // Italian writes "di Mario Rossi", in lower case; "Di Stefano" is a name.
    if let Some(rest) = text.strip_prefix("di ") {
        text = rest.to_owned();
    }
    // Who edited or reviewed the story is not who wrote it: "Written by A Edited by B".
    let lower = text.to_lowercase();
    if let Some(at) = NOT_AUTHORS
        .iter()
        .filter_map(|label| lower.find(label))
        .filter(|&at| at > 0)
        .min()
    {
        if text.is_char_boundary(at) {
            text = squash(text[..at].trim_end_matches([';', ',', '|', ' ']));
        }
    }
    // A byline that is only a date ("Last updated: January 7, 2025") names nobody.
    if is_date_only(&text) {
        return Vec::new();
    }
    let text = without_dateline(&text);
    if text.is_empty() {
        return Vec::new();
    }
    let mut listed = text.clone();
    for joiner in [" and ", " & ", " und ", " et ", " y ", " e ", " | ", "; "] {
        listed = listed.replace(joiner, ",");
    }
    let all_parts: Vec<String> = listed
        .split([',', '|'])
        .map(squash)
        .filter(|p| !p.is_empty())
        .collect();
    let parts: Vec<String> = all_parts
        .iter()
        .filter(|p| !is_not_a_name(p))
        .cloned()
        .collect();
    if parts.is_empty() {
        return Vec::new();
    }
    // As written, less the handles and links beside the names.
    let as_written = if parts.len() == all_parts.len() {
        text
    } else {
        parts.join(", ")
    };
    let words_of = |p: &str| -> Vec<String> {
        p.split(' ')
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect()
    };
    let is_role = |p: &str| words_of(p).iter().any(|w| ROLE_WORDS.contains(&w.as_str()));
    let is_suffix = |p: &str| {
        let words = words_of(p);
        words.len() == 1 && NAME_SUFFIXES.contains(&words[0].as_str())
    };
    // Each part of a list is a whole name: "Kooman, F." is one person, written surname first.
    let looks_like_name = |p: &str| {
        let words: Vec<&str> = p.split(' ').collect();
        (2..=5).contains(&words.len())
            && !p.chars().any(|c| c.is_ascii_digit())
            && words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count()
                * 2
                > words.len()
    };
    let is_newsroom = |p: &str| {
        words_of(p)
            .iter()
            .any(|w| NEWSROOM_WORDS.contains(&w.as_str()))
    };
    let mut people: Vec<(String, Option<String>)> = Vec::new();
    for part in &parts {
        match people.last_mut() {
            Some((name, _)) if is_suffix(part) => {
                name.push_str(", ");
                name.push_str(part);
            }
            Some((_, role @ None)) if is_role(part) => *role = Some(part.clone()),
            // "Ana Ruiz, Washington Post": the paper she wrote for, not a second author.
            Some(_) if is_newsroom(part) => {}
            _ => people.push((without_where(part), None)),
        }
    }
    let named = !people.is_empty() && people.iter().all(|(name, _)| !is_role(name));
    if named && people.iter().all(|(name, _)| looks_like_name(name)) {
        return people;
    }
    // Not a list of names: one name with its job or paper, or the byline as written.
    match (people.as_slice(), parts.as_slice()) {
        ([(name, _)], [_, _, ..]) if !is_role(name) && looks_like_name(name) => people,
        ([(name, Some(_))], _) if !is_role(name) => people,
        ([_], [_]) if named => vec![(without_where(&parts[0]), None)],
        _ => vec![(as_written, None)],
    }
}

/// Words of a newsroom's name: a part of a byline holding one is where the author works.
const NEWSROOM_WORDS: &[&str] = &[
    "news",
    "post",
    "times",
    "press",
    "daily",
    "tribune",
    "herald",
    "journal",
    "magazine",
    "media",
    "network",
    "agency",
    "associated",
    "reuters",
    "afp",
    "bloomberg",
    "gazette",
    "telegraph",
    "guardian",
    "chronicle",
    "observer",
    "wire",
    "radio",
    "tv",
    "television",
    "buzzfeed",
    "cnn",
    "bbc",
    "npr",
    "abc",
    "nbc",
    "cbs",
    "ap",
];

/// What bylines hold besides names: handles, addresses, and the links beside the name.
fn is_not_a_name(part: &str) -> bool {
    const LINKS: &[&str] = &[
        "twitter",
        "x",
        "facebook",
        "instagram",
        "linkedin",
        "threads",
        "mastodon",
        "bluesky",
        "email",
        "e-mail",
        "mail",
        "rss",
        "view all",
        "view all posts",
        "more",
        "see more",
        "follow",
        "follow author",
        "follow on twitter",
        "watch live",
        "contact",
        "bio",
        "about",
        "more from this author",
        "all posts",
    ];
    let lower = part.trim().to_lowercase();
    part.starts_with('@')
        || part.contains("://")
        || part.starts_with("www.")
        || (part.contains('@') && !part.contains(' '))
        || LINKS.contains(&lower.as_str())
        || matches!(lower.as_str(), "and" | "&" | "et" | "y" | "und" | "e")
}

/// A name without where or for whom the story was filed: "Ana Ruiz in Kyiv", "Tom Okafor for
/// the Gazette". Names do not hold these words in lower case.
fn without_where(name: &str) -> String {
    let mut cut = name.len();
    for word in [" in ", " for ", " from ", " at "] {
        if let Some(at) = name.find(word) {
            if name[..at].split(' ').count() >= 2 {
                cut = cut.min(at);
            }
        }
    }
    name[..cut].trim().to_owned()
}

/// What follows a byline's names and is not an author.
const NOT_AUTHORS: &[&str] = &[
    "edited by",
    "editing by",
    "additional reporting by",
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
    "fact-checked by",
];

const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "published",
    "updated",
    "posted",
    "modified",
    "on",
    "at",
];

/// Abbreviations, clock and zone words, and labels that a dateline holds besides numbers.
const DATE_LABELS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "am", "pm", "a.m", "p.m",
    "utc", "gmt", "et", "pt", "ct", "mt", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt",
    "bst", "cet", "cest", "ist", "last", "modified", "date", "time", "of", "the",
];

fn is_date_word(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    word.is_empty()
        || word.chars().any(|c| c.is_ascii_digit())
        || DATE_WORDS.contains(&word.as_str())
        || DATE_LABELS.contains(&word.as_str())
}

/// Text that is a date and its labels only: "Last updated: January 7, 2025", "22 Dec, 2016".
pub(crate) fn is_date_only(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && words.iter().all(|w| is_date_word(w))
}

/// A line at the top of a story that is only when it was published, and perhaps by whom:
/// "Tuesday 15 October 2019 by Ana Ruiz", "Posted on 3/2/2015 7:11 AM PST BY NEWS STAFF".
/// Some(name after "by") when it is one.
pub(crate) fn dateline(text: &str) -> Option<Option<String>> {
    let text = squash(text);
    if text.chars().count() > 120 || !text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let by = words.iter().position(|w| w.eq_ignore_ascii_case("by"));
    let (date, name) = match by {
        Some(at) => {
            let rest = &words[at + 1..];
            let end = rest
                .iter()
                .position(|w| w.chars().any(|c| c.is_ascii_digit()))
                .unwrap_or(rest.len());
            let mut date: Vec<&str> = words[..at].to_vec();
            date.extend_from_slice(&rest[end..]);
            (date, rest[..end].join(" "))
        }
        None => (words.clone(), String::new()),
    };
    let name = name.trim_end_matches([',', '|', '·', '-', '–', '—']).trim();
    let name_words = name.split_whitespace().count();
    let dated = date.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    if !dated || !date.iter().all(|w| is_date_word(w)) || name_words > 5 {
        return None;
    }
    if by.is_some() && name_words == 0 {
        return None;
    }
    Some(Some(name.to_owned()).filter(|n| !n.is_empty()))
}

/// A byline without the date some pages run into it: "Joe Wee Monday, February 29, 2016".
fn without_dateline(byline: &str) -> String {
    let Some(digit) = byline.find(|c: char| c.is_ascii_digit()) else {
        return byline.to_owned();
    };
    let mut words: Vec<&str> = byline[..digit].split_whitespace().collect();
    let mut popped = String::new();
    while let Some(last) = words.last() {
        let word = last
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // "Last updated", not a surname Last.
        let last_updated = word == "last" && matches!(popped.as_str(), "updated" | "modified");
        if word.is_empty() || DATE_WORDS.contains(&word.as_str()) || last_updated {
            words.pop();
            popped = word;
        } else {
            break;
        }
    }
    let name = words
        .join(" ")
        .trim_end_matches([',', '|', '·', '-', '–', '—'])
        .trim()
        .to_owned();
    if name.chars().any(char::is_alphabetic) {
        name
    } else {
        byline.to_owned()
    }
}

/// Gives each author card to the author of that name; cards for a page without a byline
/// are its authors.
fn attach_bios(article: &mut Article, bios: Vec<Author>, warnings: &mut Vec<String>) {
    if article.authors.is_empty() {
        article.authors = bios;
        return;
    }
    for card in bios {
        let same = |a: &Author| a.name.eq_ignore_ascii_case(&card.name);
        match article.authors.iter_mut().find(|a| same(a)) {
            Some(author) => {
                author.bio = author.bio.take().or(card.bio);
                author.role = author.role.take().or(card.role);
                author.avatar = author.avatar.take().or(card.avatar);
                author.url = author.url.take().or(card.url);
            }
            None => warnings.push(format!(
                "an author card for {}, who is not in the byline, was dropped",
                card.name
            )),
        }
    }
}

/// Readability sometimes keeps the headline, the standfirst, the byline or the dateline at
/// the top of the story (above or below its lead image); the format shows them in the header
/// already. The name a dropped dateline gives ("… by Ana Ruiz"), if any, comes back.
fn without_header_echoes(
    blocks: Vec<Block>,
    article: &Article,
    byline: Option<&str>,
) -> (Vec<Block>, Option<String>) {
    let headline = squash(&article.headline);
    let standfirst = article.standfirst.as_deref().map(squash);
    let mut past_header = false;
    let mut named = None;
    let body = blocks
        .into_iter()
        .filter(|block| {
            if past_header {
                return true;
            }
            let text = match block {
                Block::Heading(text) => squash(text),
                Block::Paragraph(text) => squash(&text.text()),
                // An image does not end the header: a dateline often sits under the photo.
                Block::Image(_) => return true,
                _ => String::new(),
            };
            let mut echo = !text.is_empty()
                && (text == headline
                    || Some(&text) == standfirst.as_ref()
                    || byline.is_some_and(|b| text == b));
            if !echo && !text.is_empty() {
                if let Some(name) = dateline(&text) {
                    echo = true;
                    named = named.take().or(name);
                }
            }
            if !echo {
                past_header = true;
            }
            !echo
        })
        .collect();
    (body, named)
}

fn dates(meta: &PageMeta, draft: &mut Draft) {
    for (field, value) in [("published", &meta.published), ("updated", &meta.modified)] {
        let Some(raw) = value else { continue };
        match timestamp(raw) {
            Ok(stamp) if field == "published" => draft.article.published = Some(stamp),
            Ok(stamp) => draft.article.updated = Some(stamp),
            Err(why) => draft.warn(format!("{field}: {why}; it was dropped")),
        }
    }
}
