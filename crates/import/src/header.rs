//! A page's header: the headline as the page shows it (not the site's name beside it in the
//! `<title>`), the standfirst under it, the kicker over it, and the header's lines that
//! Readability leaves at the top of the story.

use dom_query::{Document, NodeRef};
use url::Url;

use super::byline::dateline;
use super::metadata::PageMeta;
use super::text::{squash, without_anchor_mark};
use article_widget::model::{Article, Block};

/// The headline as the page shows it: of the headlines the metadata offers (JSON-LD's, Open
/// Graph's, …), the first that the page's `<title>` or an `<h1>` also shows; else the
/// headline the story itself is marked with, when the page shows none of the metadata's;
/// else the first the metadata offers, else the title Readability takes from `<title>` and
/// `<h1>`; without the site's name.
pub fn headline(
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

pub const SEPARATORS: [&str; 11] = [
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " ｜ ", "｜", " － ", "：",
];

/// The same text but for the marks pages write two ways: curly and straight quotes, dashes,
/// white space.
pub fn same_text(a: &str, b: &str) -> bool {
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
pub fn shares_words(a: &str, b: &str) -> bool {
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
pub const MAX_TITLE_CUTS: usize = 16;

/// The part of a title, split at its separators ("Story | Section | Site"), that a heading on
/// the page shows, the longest such part; the title itself when a heading shows it whole.
pub fn shown_part(title: &str, headings: &[String]) -> Option<String> {
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
pub struct Headings {
    /// The text of every `<h1>`, `<h2>` and element marked `itemprop="headline"`.
    pub all: Vec<String>,
    /// The story's own headline: an element marked `itemprop="headline"`, else the first
    /// `<h1>` inside `<article>` or `<main>` that is not a link home.
    pub marked: Option<String>,
    /// The headline shown over the story: `itemprop="headline"`, else the first `<h1>` in
    /// `<article>` or `<main>`, else the first in the page outside its header, navigation,
    /// footer, sidebars and dialogs; never one that is all a link to another page (a
    /// section's name over the story, a teaser).
    pub display: Option<String>,
}

pub fn page_headings(doc: &Document) -> Headings {
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
pub fn shown_titles(doc: &Document) -> Vec<String> {
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

pub const STANDFIRST_WORDS: &[&str] = &[
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
pub fn standfirst(doc: &Document, meta: &PageMeta) -> Option<String> {
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

pub const KICKER_WORDS: &[&str] = &[
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
pub fn kicker(doc: &Document) -> Option<String> {
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

/// Readability sometimes keeps the headline, the standfirst, the byline or the dateline at
/// the top of the story (above or below its lead image); the format shows them in the header
/// already. The name a dropped dateline gives ("… by Ana Ruiz"), if any, comes back.
pub fn without_header_echoes(
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
