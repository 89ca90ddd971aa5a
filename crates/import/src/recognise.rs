//! Parts of a page that Readability leaves out or mixes into the story, recognised in the
//! page as published: promo boxes and pull quotes (kept in place as slots), the author's bio
//! and the related links (taken out of the story).

use dom_query::{Document, NodeRef};

use super::dom::{elements, image_source, marked, name_of, outermost};
use super::text::{attribution, squash, Resolver};
use article_widget::model::{Author, Block, PromoAction, PromoBlock, RelatedLink};

/// The class of the paragraph that stands where a recognised block was; its text is
/// `artw-import-slot-N`, the block's index.
pub const SLOT_CLASS: &str = "artw-import-slot";

/// A block recognised in the page before Readability ran (a promo or a pull quote), which
/// the content marks by a slot paragraph where it stood.
#[derive(Debug, Clone)]
pub struct Slot {
    pub block: Block,
    pub warnings: Vec<String>,
}

/// The longest text a promo box has: longer, and it is more than a box.
const MAX_PROMO_CHARS: usize = 600;

/// Words that mark a box as a sign-up, and weaker ones that mark any promotion.
const SIGN_UP_WORDS: &[&str] = &[
    "newsletter",
    "signup",
    "sign-up",
    "subscribe",
    "subscription",
    "optin",
    "opt-in",
    "email-capture",
];

const PROMO_WORDS: &[&str] = &["promo", "inline-cta"];

fn is_promo(node: &NodeRef) -> bool {
    let name = name_of(node);
    if matches!(
        name.as_str(),
        "html"
            | "body"
            | "main"
            | "article"
            | "header"
            | "nav"
            | "a"
            | "button"
            | "input"
            | "label"
            | "span"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "p"
    ) {
        return false;
    }
    let not_other = !marked(node, &["related", "pull"]);
    let text_chars = squash(&node.text()).chars().count();
    let by_name = not_other
        && (marked(node, SIGN_UP_WORDS) || (marked(node, PROMO_WORDS) && text_chars <= 300));
    let by_form = node.descendants().iter().any(|d| {
        d.has_name("input")
            && d.attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("email"))
    });
    // A gallery or a player marked "promo" is not a box of words.
    let media = node
        .descendants()
        .iter()
        .filter(|d| d.has_name("img"))
        .count()
        > 1
        || node
            .descendants()
            .iter()
            .any(|d| d.has_name("iframe") || d.has_name("video"));
    if !(by_name || by_form) || media || text_chars > MAX_PROMO_CHARS {
        return false;
    }
    // A box that asks for something (a form, a button, a link), or an aside; a few lines at
    // most. A short story in a `subscriber-only` wrapper is neither.
    let descendants = node.descendants();
    let asks = name == "aside"
        || descendants.iter().any(|d| {
            d.has_name("form") || d.has_name("button") || d.has_name("input") || d.has_name("a")
        });
    let paragraphs = descendants.iter().filter(|d| d.has_name("p")).count();
    asks && paragraphs <= 4 && title_node(node).is_some()
}

/// A box's title: its first heading, else an element marked as a title, else its first
/// strong text.
fn title_node<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let descendants = node.descendants();
    let text_of = |n: &NodeRef| !squash(&n.text()).is_empty();
    descendants
        .iter()
        .find(|d| {
            matches!(name_of(d).as_str(), "h2" | "h3" | "h4" | "h5" | "h6" | "h1") && text_of(d)
        })
        .or_else(|| {
            descendants.iter().find(|d| {
                d.is_element() && marked(d, &["title", "heading", "headline"]) && text_of(d)
            })
        })
        .or_else(|| {
            descendants
                .iter()
                .find(|d| matches!(name_of(d).as_str(), "strong" | "b") && text_of(d))
        })
        .cloned()
}

fn promo(node: &NodeRef, resolver: &Resolver) -> Option<Slot> {
    let title_node = title_node(node)?;
    let title = squash(&title_node.text());
    let mut warnings = Vec::new();
    let link = node.descendants().into_iter().find(|d| {
        d.has_name("a")
            && d.attr("href")
                .is_some_and(|h| !h.trim().is_empty() && !h.trim().starts_with('#'))
            && !squash(&d.text()).is_empty()
    });
    let action = link.as_ref().map(|a| PromoAction {
        label: squash(&a.text()),
        url: resolver.resolve(&a.attr("href").unwrap_or_default()),
    });
    let mut text_parts: Vec<String> = Vec::new();
    let skip = |d: &NodeRef| {
        d.id == title_node.id
            || link.as_ref().is_some_and(|l| l.id == d.id)
            || d.ancestors(None).iter().any(|a| {
                a.id == title_node.id
                    || a.has_name("form")
                    || a.has_name("button")
                    || a.has_name("label")
            })
    };
    for d in node.descendants() {
        if !d.is_element() || skip(&d) {
            continue;
        }
        let name = name_of(&d);
        let is_text_block = matches!(name.as_str(), "p" | "li")
            || (name == "div"
                && d.children()
                    .iter()
                    .all(|c| c.is_text() || !c.is_element() || is_inline(&name_of(c))));
        if is_text_block
            && !d.ancestors(None).iter().any(|a| {
                matches!(name_of(a).as_str(), "p" | "li")
                    && node.descendants().iter().any(|x| x.id == a.id)
            })
        {
            let text = squash(&d.text());
            let title_inside = d.descendants().iter().any(|x| x.id == title_node.id);
            if !text.is_empty() && !title_inside && text != title {
                text_parts.push(text);
            }
        }
    }
    let has_form = node
        .descendants()
        .iter()
        .any(|d| d.has_name("form") || d.has_name("input"));
    if has_form {
        warnings.push("the promo's sign-up form cannot be carried and was dropped".to_owned());
    }
    let text = Some(text_parts.join(" ")).filter(|t| !t.is_empty());
    Some(Slot {
        block: Block::Promo(PromoBlock {
            title,
            text,
            action,
        }),
        warnings,
    })
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "strong"
            | "em"
            | "i"
            | "span"
            | "small"
            | "br"
            | "abbr"
            | "time"
            | "code"
            | "sup"
            | "sub"
            | "mark"
            | "u"
            | "s"
    )
}

/// Marked as a pull quote by its class: `pull-quote`, `pullquote`, `pquote`.
pub fn is_pull_quote(node: &NodeRef) -> bool {
    marked(
        node,
        &["pull-quote", "pullquote", "pquote", "pull-out", "pullout"],
    )
}

/// A pull quote's words, without the quotation marks around them, and who said them.
pub fn pull_quote(node: &NodeRef) -> Option<Block> {
    let cite_node = node.descendants().into_iter().find(|d| {
        d.is_element()
            && (matches!(name_of(d).as_str(), "figcaption" | "cite" | "footer")
                || marked(d, &["cite", "attribution", "author", "byline"]))
    });
    let mut cite = cite_node
        .as_ref()
        .map(|c| squash(&c.text()))
        .filter(|c| !c.is_empty());
    let full = squash(&node.text());
    let mut text = match &cite {
        Some(c) => squash(&full.replacen(c.as_str(), "", 1)),
        None => full,
    };
    if cite.is_none() {
        if let Some(at) = text.rfind(['—', '–']) {
            if let Some(name) = attribution(&text[at..]) {
                cite = Some(name);
                text = squash(&text[..at]);
            }
        }
    }
    let cite = cite.map(|c| c.trim_start_matches(['—', '–', '-', ' ']).to_owned());
    let text = text
        .trim_matches(|c: char| {
            matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„') || c.is_whitespace()
        })
        .to_owned();
    (!text.is_empty()).then_some(Block::PullQuote { text, cite })
}

/// An `<aside>` whose words the story already has is a pull quote too.
fn repeats_story(node: &NodeRef, story: &str) -> bool {
    if !node.has_name("aside")
        || node
            .descendants()
            .iter()
            .any(|d| d.has_name("a") || d.has_name("img"))
    {
        return false;
    }
    match pull_quote(node) {
        Some(Block::PullQuote { text, .. }) => text.chars().count() >= 20 && story.contains(&text),
        _ => false,
    }
}

/// Replaces each promo box and pull quote in the page with a slot paragraph that Readability
/// keeps, and adds their blocks to `slots` (the posts and videos already found) in slot order.
pub fn slots(doc: &Document, resolver: &Resolver, slots: &mut Vec<Slot>) {
    for node in outermost(doc, is_promo) {
        if let Some(slot) = promo(&node, resolver) {
            place(&node, slots.len());
            slots.push(slot);
        }
    }
    let story: String = doc
        .select("p")
        .nodes()
        .iter()
        .filter(|p| {
            !p.ancestors(None)
                .iter()
                .any(|a| a.has_name("aside") || is_pull_quote(a))
        })
        .map(|p| squash(&p.text()))
        .collect::<Vec<_>>()
        .join(" ");
    for node in outermost(doc, |n| {
        is_pull_quote(n) && !n.has_name("span") && !n.has_name("p") || repeats_story(n, &story)
    }) {
        if let Some(block) = pull_quote(&node) {
            place(&node, slots.len());
            slots.push(Slot {
                block,
                warnings: Vec::new(),
            });
        }
    }
}

/// Puts the slot paragraph of block `index` where `node` was.
pub(crate) fn place(node: &NodeRef, index: usize) {
    node.replace_with_html(slot_html(index));
}

/// The paragraph that stands for block `index` until the story is mapped.
pub(crate) fn slot_html(index: usize) -> String {
    format!(r#"<p class="{SLOT_CLASS}">{SLOT_CLASS}-{index}</p>"#)
}

const BIO_WORDS: &[&str] = &[
    "author",
    "bio",
    "contributor",
    "writer",
    "byline-card",
    "profile",
];

/// An author's card: a name, and a bio of some length, in an element marked as being about
/// the author.
fn bio_card(node: &NodeRef) -> Option<Author> {
    if !marked(node, BIO_WORDS)
        || matches!(
            name_of(node).as_str(),
            "p" | "a" | "span" | "h2" | "h3" | "h4" | "html" | "body" | "article" | "main"
        )
    {
        return None;
    }
    let text = squash(&node.text());
    if text.chars().count() > 1500 {
        return None;
    }
    let descendants = node.descendants();
    // A name has letters, and is short: the first element that says it is one.
    let names = |d: &&NodeRef| {
        let text = squash(&d.text());
        text.chars().any(char::is_alphabetic) && text.chars().count() < 60
    };
    let name_node = *descendants
        .iter()
        .filter(names)
        .find(|d| d.attr("itemprop").is_some_and(|p| &*p == "name"))
        .or_else(|| {
            descendants
                .iter()
                .filter(names)
                .find(|d| d.attr("rel").is_some_and(|r| r.contains("author")))
        })
        .or_else(|| {
            descendants
                .iter()
                .filter(names)
                .find(|d| d.is_element() && marked(d, &["name"]))
        })
        .or_else(|| {
            descendants.iter().filter(names).find(|d| {
                matches!(
                    name_of(d).as_str(),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "strong"
                )
            })
        })?;
    let name = squash(&name_node.text());
    let name = ["About ", "Written by ", "By "]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .unwrap_or(&name)
        .to_owned();
    let role_node = descendants.iter().find(|d| {
        d.is_element()
            && d.id != name_node.id
            && (d.attr("itemprop").is_some_and(|p| &*p == "jobTitle")
                || marked(d, &["role", "job", "position", "author-title", "jobtitle"]))
    });
    let role = role_node
        .map(|r| squash(&r.text()))
        .filter(|r| !r.is_empty() && r.chars().count() < 80);
    let paragraphs: Vec<String> = descendants
        .iter()
        .filter(|d| {
            d.has_name("p")
                || (d.is_element()
                    && marked(d, &["description", "bio-text", "author-bio-text"])
                    && !d.descendants().iter().any(|x| x.has_name("p")))
        })
        .filter(|d| {
            d.id != name_node.id
                && role_node.is_none_or(|r| r.id != d.id)
                && !d.descendants().iter().any(|x| x.id == name_node.id)
        })
        .map(|d| squash(&d.text()))
        .filter(|t| t.chars().count() >= 40)
        .collect();
    if paragraphs.is_empty() || paragraphs.len() > 4 || name.is_empty() || name.chars().count() > 80
    {
        return None;
    }
    let link = name_node
        .attr("href")
        .or_else(|| name_node.descendants().iter().find_map(|d| d.attr("href")))
        .or_else(|| {
            name_node
                .ancestors(Some(2))
                .iter()
                .find_map(|a| a.has_name("a").then(|| a.attr("href")).flatten())
        });
    let avatar = descendants
        .iter()
        .find(|d| d.has_name("img"))
        .and_then(image_source);
    Some(Author {
        name,
        role,
        bio: Some(paragraphs.join("\n\n")),
        avatar,
        url: link.map(|l| l.to_string()),
    })
}

/// Author cards found in the page (the innermost elements that make a card), taken out of it.
/// When the metadata names the authors, only their cards are taken: another card may be part
/// of the story (a guest's note), and stays in it.
pub fn bios(doc: &Document, resolver: &Resolver, known: &[String]) -> Vec<Author> {
    let cards: Vec<(NodeRef, Author)> = elements(doc)
        .into_iter()
        .filter_map(|n| bio_card(&n).map(|a| (n, a)))
        .collect();
    let ids: Vec<_> = cards.iter().map(|(n, _)| n.id).collect();
    let mut authors = Vec::new();
    for (node, mut author) in cards.iter().cloned() {
        let has_inner = node
            .descendants()
            .iter()
            .any(|d| d.id != node.id && ids.contains(&d.id));
        let is_known =
            known.is_empty() || known.iter().any(|k| k.eq_ignore_ascii_case(&author.name));
        if has_inner || !is_known {
            continue;
        }
        author.url = resolver.resolve_opt(author.url.as_deref());
        author.avatar = resolver.resolve_opt(author.avatar.as_deref());
        if !authors.iter().any(|a: &Author| a.name == author.name) {
            authors.push(author);
        }
        node.remove_from_parent();
    }
    // Headings such as "About the author" are left without their card.
    for node in cards.iter().map(|(n, _)| n) {
        if node.parent().is_some() && squash(&node.text()).chars().count() < 40 {
            node.remove_from_parent();
        }
    }
    authors
}

const RELATED_WORDS: &[&str] = &[
    "related",
    "more-stories",
    "more-from",
    "read-more",
    "read-next",
    "readnext",
    "recommended",
    "further-reading",
    "see-also",
    "also-read",
    "more-on",
    "recirc",
];

const RELATED_HEADINGS: &[&str] = &[
    "related",
    "more from",
    "more on",
    "more stories",
    "read more",
    "read next",
    "you might also like",
    "you may also like",
    "see also",
    "further reading",
    "recommended",
    "also read",
];

fn heading_says_related(node: &NodeRef) -> bool {
    let text = squash(&node.text()).to_lowercase();
    text.chars().count() < 60 && RELATED_HEADINGS.iter().any(|h| text.starts_with(h))
}

/// Advertising that looks like links to stories.
fn is_sponsored(node: &NodeRef) -> bool {
    marked(
        node,
        &[
            "sponsor", "taboola", "outbrain", "promoted", "advert", "partner",
        ],
    )
}

fn is_related(node: &NodeRef) -> bool {
    let name = name_of(node);
    if matches!(
        name.as_str(),
        "a" | "span"
            | "p"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "html"
            | "body"
            | "main"
            | "article"
            | "img"
    ) {
        return false;
    }
    let items = related_items(node);
    // A list of headlines, not a story: no paragraph of running text.
    let prose = node
        .descendants()
        .iter()
        .any(|d| d.has_name("p") && squash(&d.text()).chars().count() > 200);
    if items.is_empty() || prose {
        return false;
    }
    let first_heading = node
        .descendants()
        .into_iter()
        .find(|d| matches!(name_of(d).as_str(), "h2" | "h3" | "h4" | "h5" | "h6"));
    // Headed "Related" itself, not merely holding such a heading somewhere, and mostly links.
    let opens_with = |heading: &NodeRef| {
        node.first_element_child().is_some_and(|first| {
            first.id == heading.id || first.descendants().iter().any(|d| d.id == heading.id)
        })
    };
    let link_text: usize = node
        .descendants()
        .iter()
        .filter(|d| d.has_name("a"))
        .map(|a| squash(&a.text()).chars().count())
        .sum();
    let mostly_links = link_text * 2 >= squash(&node.text()).chars().count();
    let by_heading = first_heading
        .as_ref()
        .is_some_and(|h| heading_says_related(h) && opens_with(h) && mostly_links);
    let sponsored = is_sponsored(node)
        || node
            .descendants()
            .iter()
            .any(|d| d.has_name("form") || d.has_name("input"));
    (marked(node, RELATED_WORDS) || by_heading)
        && !sponsored
        && !marked(node, &["newsletter", "promo", "tag"])
}

/// A related link's title reads as a headline: a few words at least (or, in a script written
/// without spaces, a few characters), not a tag ("Tech") nor the list's own heading.
fn is_headline(title: &str) -> bool {
    let words = title.split_whitespace().count();
    let lower = title.to_lowercase();
    let heading = RELATED_HEADINGS.iter().any(|h| lower.starts_with(h)) && words <= 4;
    let long_enough = words >= 3 || (words == 1 && title.chars().count() >= 8 && !title.is_ascii());
    long_enough && !heading
}

/// The items of a related list: each `<li>` or `<article>`, with its title, link, kicker and
/// picture.
fn related_items(node: &NodeRef) -> Vec<RelatedLink> {
    // List items, else teasers, else bare links: the first kind the list has.
    let kinds: [&dyn Fn(&NodeRef) -> bool; 3] =
        [&|d| d.has_name("li"), &|d| d.has_name("article"), &|d| {
            d.has_name("a") && d.attr("href").is_some()
        }];
    let descendants = node.descendants();
    let items: Vec<NodeRef> = kinds
        .iter()
        .map(|kind| {
            descendants
                .iter()
                .filter(|d| kind(d))
                .cloned()
                .collect::<Vec<_>>()
        })
        .find(|found| !found.is_empty())
        .unwrap_or_default();
    items
        .iter()
        .filter_map(|item| {
            let descendants = item.descendants();
            let title_node = descendants.iter().find(|d| {
                matches!(name_of(d).as_str(), "h2" | "h3" | "h4" | "h5" | "h6")
                    || (d.is_element() && marked(d, &["title", "headline"]))
            });
            let link = if item.has_name("a") {
                Some(*item)
            } else {
                descendants
                    .iter()
                    .find(|d| d.has_name("a") && d.attr("href").is_some())
                    .cloned()
            };
            let kicker_node = descendants.iter().find(|d| {
                d.is_element() && marked(d, &["kicker", "category", "section", "label", "eyebrow"])
            });
            let title = title_node
                .map(|t| squash(&t.text()))
                .or_else(|| link.as_ref().map(|l| squash(&l.text())))
                .unwrap_or_else(|| {
                    let all = squash(&item.text());
                    match kicker_node {
                        Some(k) => squash(&all.replacen(&squash(&k.text()), "", 1)),
                        None => all,
                    }
                });
            let kicker = kicker_node
                .map(|k| squash(&k.text()))
                .filter(|k| !k.is_empty() && *k != title);
            is_headline(&title).then(|| RelatedLink {
                title,
                url: link.and_then(|l| l.attr("href")).map(|h| h.to_string()),
                kicker,
                image: descendants
                    .iter()
                    .find(|d| d.has_name("img"))
                    .and_then(image_source),
            })
        })
        .collect()
}

/// The related links of the first related list (one inside the `<article>` first), and every
/// related list taken out of the page, so none is read as story.
pub fn related(doc: &Document, resolver: &Resolver) -> Vec<RelatedLink> {
    let mut lists = outermost(doc, is_related);
    let mut headings = Vec::new();
    // A heading such as "Related" right before a list of links, inside the story's container.
    for heading in doc.select("h2, h3, h4, p > strong:only-child").nodes() {
        let heading = if heading.has_name("strong") {
            heading.parent().unwrap_or(*heading)
        } else {
            *heading
        };
        if !heading_says_related(&heading)
            || heading.ancestors(None).iter().any(is_sponsored)
            || lists
                .iter()
                .any(|l| l.descendants().iter().any(|d| d.id == heading.id))
        {
            continue;
        }
        let Some(list) = heading
            .next_element_sibling()
            .filter(|n| n.has_name("ul") || n.has_name("ol"))
        else {
            continue;
        };
        let all_links = list
            .children()
            .iter()
            .filter(|c| c.has_name("li"))
            .all(|li| li.descendants().iter().any(|d| d.has_name("a")));
        if all_links && !related_items(&list).is_empty() {
            lists.push(list);
            headings.push(heading);
        }
    }
    let chosen = lists
        .iter()
        .find(|n| n.ancestors(None).iter().any(|a| a.has_name("article")))
        .or_else(|| lists.first());
    let links = chosen.map(related_items).unwrap_or_default();
    for node in lists.iter().chain(&headings) {
        node.remove_from_parent();
    }
    links
        .into_iter()
        .map(|mut link| {
            link.url = resolver.resolve_opt(link.url.as_deref());
            link.image = resolver.resolve_opt(link.image.as_deref());
            link
        })
        .collect()
}
