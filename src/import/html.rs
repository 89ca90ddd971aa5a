//! An HTML page: its metadata, then its story through dom_smoothie (a port of Mozilla's
//! Readability), mapped to blocks.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use url::Url;

use super::blocks::{Mapper, Slot};
use super::metadata::{self, PageMeta, Person};
use super::recognise::{self, SLOT_CLASS};
use super::text::{language_tag, squash, timestamp, Resolver};
use super::{Draft, ImportError};
use crate::model::{is_language_tag, Article, Author, Block, Publisher};

/// Imports the article of a whole page.
pub fn page(text: &str, page_url: Option<&Url>) -> Result<Draft, ImportError> {
    let doc = Document::from(text);
    let mut draft = Draft::new();
    let meta = metadata::read(&doc, &mut draft.warnings);
    let resolver = resolver(&doc, page_url, &meta);
    let (lang, dir) = language(&doc, &meta, &mut draft);
    let shown = shown_titles(&doc);
    let author_links = author_links(&doc);
    let named: Vec<String> = meta.authors.iter().map(|p| p.name.clone()).collect();
    let bios = recognise::bios(&doc, &resolver, &named);
    let related = recognise::related(&doc, &resolver);
    let standfirst = standfirst(&doc, &meta);
    let kicker = meta.section.clone().or_else(|| kicker(&doc));
    let slots = recognise::slots(&doc, &resolver);
    let read = readable(doc, resolver.base.as_ref())?;
    let content = Document::from(read.content.to_string());
    let (blocks, warnings) = map_blocks(&content, &resolver, &slots);
    draft.warnings.extend(warnings);

    let article = &mut draft.article;
    article.headline = headline(&meta, &shown, &read.title);
    article.standfirst = standfirst;
    article.kicker = kicker;
    article.url = resolver
        .resolve_opt(meta.url.as_deref())
        .or_else(|| page_url.map(Url::to_string));
    article.lang = lang;
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
    article.authors = authors(&meta.authors, byline.as_deref(), &resolver);
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
    article.body = without_header_echoes(blocks, article, byline.as_deref());
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
            .map_err(|err| ImportError(format!("the page could not be read: {err}")))?
            .parse()
            .map_err(|err| ImportError(format!("no article text found: {err}")))
    };
    attempt(doc, Config::default().char_threshold).or_else(|_| attempt(Document::from(prepared), 0))
}

/// Blocks of an HTML fragment that is already the story, such as a feed item's content.
pub fn fragment(html: &str, resolver: &Resolver) -> (Vec<Block>, Vec<String>) {
    let doc = Document::from(html);
    let slots = recognise::slots(&doc, resolver);
    map_blocks(&doc, resolver, &slots)
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
        let tag = language_tag(&raw);
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
/// Graph's, …), the first that the page's `<title>` or an `<h1>` also shows, else the first,
/// else the title Readability takes from `<title>` and `<h1>`; without the site's name.
fn headline(meta: &PageMeta, shown: &[String], readability_title: &str) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
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
    let headline = meta
        .headlines
        .iter()
        .find(|c| agrees(c))
        .or(meta.headlines.first())
        .cloned()
        .unwrap_or_else(|| squash(readability_title));
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
        // A site name the metadata does not give: the part the page's <h1> shows.
        if let Some((left, _)) = headline.rsplit_once(separator) {
            if shown.iter().skip(1).any(|h1| h1 == left.trim()) {
                return left.trim().to_owned();
            }
        }
    }
    headline
}

/// The page's `<title>`, then the text of each `<h1>`.
fn shown_titles(doc: &Document) -> Vec<String> {
    let title = squash(&doc.select("head title").text());
    let mut shown = vec![title];
    shown.extend(
        doc.select("body h1")
            .nodes()
            .iter()
            .map(|h| squash(&h.text())),
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
    "kicker", "eyebrow", "overline", "rubric", "flag", "label", "category",
];

/// A short label marked as the kicker, just before the headline, when the metadata names no
/// section. It is taken out of the page with its text.
fn kicker(doc: &Document) -> Option<String> {
    let h1 = doc.select("body h1").nodes().first().cloned()?;
    let mut node = h1.prev_element_sibling();
    while let Some(candidate) = node {
        let marks =
            format!(" {} ", candidate.attr("class").unwrap_or_default()).to_ascii_lowercase();
        let text = squash(&candidate.text());
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

/// The authors the metadata names, else the byline Readability found: "By A and B".
fn authors(people: &[Person], byline: Option<&str>, resolver: &Resolver) -> Vec<Author> {
    // A newsroom named as the author gives way to the person the byline names.
    let only_newsrooms = people.iter().all(|p| p.organization);
    let byline_person = byline.filter(|b| !people.iter().any(|p| b.contains(p.name.as_str())));
    let newsroom_only = only_newsrooms && byline_person.is_some();
    if !people.is_empty() && !newsroom_only {
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
    let Some(byline) = byline else {
        return Vec::new();
    };
    byline_names(byline)
        .into_iter()
        .map(|name| Author {
            name,
            role: None,
            bio: None,
            avatar: None,
            url: None,
        })
        .collect()
}

/// The names in a byline: "By A, B and C" is three; a byline that reads as anything but
/// names (a date, a sentence) is one name as written.
pub fn byline_names(byline: &str) -> Vec<String> {
    let mut text = squash(byline);
    for prefix in [
        "By ",
        "by ",
        "BY ",
        "Written by ",
        "Words by ",
        "Von ",
        "Par ",
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest.to_owned();
            break;
        }
    }
    let text = without_dateline(&text);
    let parts: Vec<String> = text
        .replace(" and ", ",")
        .replace(" & ", ",")
        .split(',')
        .map(squash)
        .filter(|p| !p.is_empty())
        .collect();
    let looks_like_name = |p: &str| {
        let words: Vec<&str> = p.split(' ').collect();
        (1..=5).contains(&words.len())
            && !p.chars().any(|c| c.is_ascii_digit())
            && words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count()
                * 2
                > words.len()
    };
    if parts.len() > 1 && parts.iter().all(|p| looks_like_name(p)) {
        parts
    } else if text.is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

/// A byline without the date some pages run into it: "Joe Wee Monday, February 29, 2016".
fn without_dateline(byline: &str) -> String {
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
        "on",
        "at",
    ];
    let Some(digit) = byline.find(|c: char| c.is_ascii_digit()) else {
        return byline.to_owned();
    };
    let mut words: Vec<&str> = byline[..digit].split_whitespace().collect();
    while let Some(last) = words.last() {
        let word = last
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if word.is_empty() || DATE_WORDS.contains(&word.as_str()) {
            words.pop();
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

/// Readability sometimes keeps the headline, the standfirst or the byline at the top of the
/// story; the format shows them in the header already.
fn without_header_echoes(
    blocks: Vec<Block>,
    article: &Article,
    byline: Option<&str>,
) -> Vec<Block> {
    let headline = squash(&article.headline);
    let standfirst = article.standfirst.as_deref().map(squash);
    let mut past_header = false;
    blocks
        .into_iter()
        .filter(|block| {
            if past_header {
                return true;
            }
            let echo = match block {
                Block::Heading(text) => {
                    let text = squash(text);
                    text == headline || Some(&text) == standfirst.as_ref()
                }
                Block::Paragraph(text) => {
                    let text = squash(&text.text());
                    Some(&text) == standfirst.as_ref()
                        || byline.is_some_and(|b| text == b)
                        || text == headline
                }
                _ => false,
            };
            if !echo {
                past_header = true;
            }
            !echo
        })
        .collect()
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
