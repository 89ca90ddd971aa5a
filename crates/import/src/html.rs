//! An HTML page: its metadata, then its story through dom_smoothie (a port of Mozilla's
//! Readability), mapped to blocks.

use dom_query::Document;
use dom_smoothie::{Config, Readability};
use url::Url;

use super::blocks::Mapper;
use super::boilerplate;
use super::byline::{
    author_links, byline_authors, byline_names, byline_texts, has_run_together, is_handle,
    is_stand_in, page_byline,
};
use super::embeds;
use super::header::{
    headline, kicker, page_headings, shown_titles, standfirst, without_header_echoes,
};
use super::metadata::{self, MetaImage, PageMeta, Person};
use super::recognise::{self, Slot, SLOT_CLASS};
use super::text::{
    canonical_case, language_tag, letters, script_language, script_language_at, squash, timestamp,
    written_in, Resolver,
};
use super::{Draft, ImportError};
use article_widget::model::{
    is_absolute_http_url, is_language_tag, Article, Author, Block, ImageBlock, Publisher,
};

/// Imports the article of a whole page.
pub fn page(text: &str, page_url: Option<&Url>) -> Result<Draft, ImportError> {
    refuse_deep_nesting(text)?;
    let doc = Document::from(text);
    let mut draft = Draft::new();
    let meta = metadata::read(&doc, &mut draft.warnings);
    let resolver = resolver(&doc, page_url, &meta);
    // Posts and videos first: the rules that strip a page's boilerplate would take the lines
    // an embed writes around a post (its date, "View on Instagram") for the site's own.
    let mut slots = embeds::slots(&doc, &resolver, &mut draft.warnings);
    draft.warnings.extend(boilerplate::strip_page(&doc));
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
    let kicker = shown_kicker.or_else(|| meta.section.clone());
    recognise::slots(&doc, &resolver, &mut slots);
    let shown_byline = page_byline(&doc, headings.display.as_deref());
    // The page as Readability gets it, kept for a second attempt and for the byline's parts:
    // Readability takes the document it reads.
    draft.warnings.extend(boilerplate::strip_hidden(&doc));
    super::blocks::mark_code_languages(&doc);
    let prepared = doc.clone();
    let read = readable(doc, &prepared, resolver.base.as_ref())?;
    // Readability gives the story as HTML: the story alone is parsed, not the page again.
    let content = Document::from(read.content.to_string());
    let (blocks, warnings) = map_blocks(&content, &resolver, &slots);
    draft.warnings.extend(warnings);

    let article = &mut draft.article;
    article.headline = headline(&meta, &shown, &headings, &read.title);
    article.standfirst = standfirst;
    article.kicker = kicker;
    article.section = meta.section.clone();
    article.tags = meta.tags.clone();
    article.url = resolver
        .resolve_opt(meta.url.as_deref())
        .or_else(|| page_url.map(Url::to_string));
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
            // Only then: looking at every element's text costs time on a long page.
            let key = letters(b);
            byline_texts(&prepared)
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
    let names: Vec<String> = (article.authors.iter().map(|a| a.name.clone()))
        .chain(article.publisher.iter().map(|p| p.name.clone()))
        .collect();
    let (body, removed) = boilerplate::strip_story(body, &names);
    draft.warnings.extend(removed);
    article.body = body;
    if let Some(video) = embeds::page_video(
        &meta,
        &article.headline,
        &article.body,
        &resolver,
        &mut draft.warnings,
    ) {
        article.body.insert(0, video);
    }
    article.image = lead_image(meta.image.as_ref(), &article.body, &resolver);
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
    let story_text = draft.article.story_text();
    draft.article.lang = match lang {
        // A language the story's script cannot be written in, as a template's `lang="en"`
        // over a story in Japanese: the story's script, when nearly all of it is in one.
        Some(declared) => match script_language_at(&story_text, 60) {
            Some(script) if !written_in(&declared, script) => {
                draft.warn(format!(
                    "the page says its language is `{declared}`, but its story is written in a script that says `{script}`; `{script}` it is"
                ));
                Some(script.to_owned())
            }
            _ => Some(declared),
        },
        // A page that names no language at all: what its story's script says for certain.
        None => script_language(&format!("{} {story_text}", read.title)).map(|tag| {
            draft.warn(format!(
                "the page names no language; its text is written in a script that says `{tag}`"
            ));
            tag.to_owned()
        }),
    };
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
fn readable(
    doc: Document,
    prepared: &Document,
    base: Option<&Url>,
) -> Result<dom_smoothie::Article, ImportError> {
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
    attempt(doc, Config::default().char_threshold).or_else(|_| attempt(prepared.clone(), 0))
}

/// Blocks of an HTML fragment that is already the story, such as a feed item's content.
pub fn fragment(html: &str, resolver: &Resolver) -> Result<(Vec<Block>, Vec<String>), ImportError> {
    refuse_deep_nesting(html)?;
    let doc = Document::from(html);
    let mut warnings = Vec::new();
    let mut slots = embeds::slots(&doc, resolver, &mut warnings);
    recognise::slots(&doc, resolver, &mut slots);
    let (blocks, more) = map_blocks(&doc, resolver, &slots);
    warnings.extend(more);
    Ok((blocks, warnings))
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
        .filter(|u| is_absolute_http_url(u))
        .and_then(|u| Url::parse(u).ok());
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

/// The image the page's metadata offers previews, as the article's own, unless the story
/// already opens with an image or shows that one (it would be shown twice).
pub(crate) fn lead_image(
    offered: Option<&MetaImage>,
    body: &[Block],
    resolver: &Resolver,
) -> Option<ImageBlock> {
    let offered = offered?;
    let src = resolver.resolve(&offered.url);
    let opens_with_image = body
        .iter()
        .take_while(|block| !matches!(block, Block::Paragraph(_)))
        .any(|block| matches!(block, Block::Image(_)));
    let shown = body
        .iter()
        .any(|block| matches!(block, Block::Image(image) if image.src == src));
    (!opens_with_image && !shown).then(|| ImageBlock {
        src,
        alt: offered.alt.clone().unwrap_or_default(),
        caption: offered.caption.clone(),
        credit: None,
        width: offered.width,
        height: offered.height,
    })
}
