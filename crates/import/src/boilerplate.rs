//! Text a page sets inside or beside its story that a reader skips: date and "Updated" lines,
//! a caption written again as a paragraph, photo credits and gallery counters, lists of
//! related links and tags, share buttons, "Advertisement", calls to subscribe, copyright
//! lines, bylines and notes about the author, and pop-up cards on linked names. Each rule looks at a block's shape (how short,
//! how much of it is linked, what stands before it, whether the story says it already) and at
//! short phrases in a few languages, never at a site; each removal is reported.

use std::collections::HashSet;

use dom_query::{Document, NodeRef};

use super::dom::{elements, name_of};
use super::text::{excerpt, squash};
use article_widget::model::{Block, Inline, ListBlock};

/// What kind of text a rule removed, as its warning names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    PopUp,
    DateLine,
    Repeated,
    Credit,
    LinkList,
    Label,
    CallToAction,
    Copyright,
    Byline,
    Hidden,
}

impl Kind {
    /// What one and what several removals of the kind are called.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Kind::PopUp => (
                "pop-up (a hover card on a link, a tooltip)",
                "pop-ups (hover cards on links, tooltips)",
            ),
            Kind::DateLine => ("date or \"Updated\" line", "date or \"Updated\" lines"),
            Kind::Repeated => (
                "caption said again as a paragraph",
                "captions said again as paragraphs",
            ),
            Kind::Credit => (
                "photo credit, caption with its credit or gallery counter",
                "photo credits, captions with their credit or gallery counters",
            ),
            Kind::LinkList => (
                "line of a related-link or tag list",
                "lines of related-link or tag lists",
            ),
            Kind::Label => (
                "label (a share button, \"Advertisement\", \"Continue reading below\" and the like)",
                "labels (share buttons, \"Advertisement\", \"Continue reading below\" and the like)",
            ),
            Kind::CallToAction => (
                "call to subscribe, follow or click",
                "calls to subscribe, follow or click",
            ),
            Kind::Copyright => ("copyright line", "copyright lines"),
            Kind::Byline => (
                "byline or reporting credit (the header names the authors)",
                "bylines and reporting credits (the header names the authors)",
            ),
            Kind::Hidden => (
                "hidden element (`hidden`, `aria-hidden`, a dialog, `display: none`)",
                "hidden elements (`hidden`, `aria-hidden`, dialogs, `display: none`)",
            ),
        }
    }
}

/// What was removed, gathered into one warning per kind.
#[derive(Debug, Default)]
struct Removed(Vec<(Kind, String)>);

impl Removed {
    fn add(&mut self, kind: Kind, text: &str) {
        self.0.push((kind, squash(text)));
    }

    /// A block's lines: a paragraph's or a heading's text, or each item of a list.
    fn add_lines(&mut self, kind: Kind, block: &Block) {
        match block {
            Block::List(list) => list_items(list).for_each(|item| self.add(kind, &item.text())),
            _ => self.add(kind, text_of(block).as_deref().unwrap_or_default()),
        }
    }

    fn warnings(self) -> Vec<String> {
        let mut kinds: Vec<Kind> = self.0.iter().map(|(k, _)| *k).collect();
        kinds.sort();
        kinds.dedup();
        kinds
            .into_iter()
            .map(|kind| {
                let texts: Vec<&String> = self
                    .0
                    .iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, t)| t)
                    .collect();
                let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
                let first = texts.first().map(|t| excerpt(t, 60)).unwrap_or_default();
                let (one, several) = kind.names();
                let what = if texts.len() == 1 { one } else { several };
                let unit = if words == 1 { "word" } else { "words" };
                format!(
                    "removed from the story as not its text: {} {what}, {words} {unit}, such as \"{first}\"",
                    texts.len(),
                )
            })
            .collect()
    }
}

/// Takes pop-ups out of the page before Readability reads it: tooltips, popovers (hidden until
/// opened) and hover cards (a box of a picture and links set inside a paragraph beside a
/// linked name, shown on hover). Returns the warnings.
pub fn strip_page(doc: &Document) -> Vec<String> {
    let mut removed = Removed::default();
    let found: Vec<NodeRef> = elements(doc).into_iter().filter(|n| is_pop_up(n)).collect();
    let ids: Vec<_> = found.iter().map(|n| n.id).collect();
    for node in found {
        if node.ancestors(None).iter().any(|a| ids.contains(&a.id)) {
            continue;
        }
        removed.add(Kind::PopUp, &node.text());
        node.remove_from_parent();
    }
    removed.warnings()
}

/// Takes out of the page the elements with words that a reader is not shown: `hidden`,
/// `aria-hidden="true"`, a dialog, `display: none` or `visibility: hidden` (Readability would
/// leave them out too, without a word; here each is reported). Run once the header has been
/// read, since a page may hide a copy of its headline for its own scripts. Returns the
/// warnings.
pub fn strip_hidden(doc: &Document) -> Vec<String> {
    let mut removed = Removed::default();
    let found: Vec<NodeRef> = elements(doc)
        .into_iter()
        .filter(|n| is_hidden(n) && !words(&n.text()).is_empty())
        .collect();
    let ids: Vec<_> = found.iter().map(|n| n.id).collect();
    for node in found {
        if node.ancestors(None).iter().any(|a| ids.contains(&a.id)) {
            continue;
        }
        removed.add(Kind::Hidden, &node.text());
        node.remove_from_parent();
    }
    removed.warnings()
}

/// Whether readers see the element: neither it nor any element around it is hidden.
pub(crate) fn is_shown(node: &NodeRef) -> bool {
    !is_hidden(node)
        && !node
            .ancestors(None)
            .iter()
            .any(|a| a.is_element() && is_hidden(a))
}

/// Whether the page hides the element from readers (see [`strip_hidden`]).
fn is_hidden(node: &NodeRef) -> bool {
    if matches!(
        name_of(node).as_str(),
        "script" | "style" | "noscript" | "template" | "svg" | "math"
    ) {
        return false;
    }
    let attr = |name: &str| node.attr(name).map(|v| v.trim().to_ascii_lowercase());
    // Wikipedia's formulas keep a hidden image of themselves as their fallback.
    let fallback = attr("class").is_some_and(|c| c.contains("fallback-image"));
    let style = attr("style").unwrap_or_default().replace(' ', "");
    node.has_attr("hidden")
        || attr("aria-hidden").as_deref() == Some("true") && !fallback
        || matches!(attr("role").as_deref(), Some("dialog" | "alertdialog"))
        || node.has_name("dialog")
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

fn is_pop_up(node: &NodeRef) -> bool {
    let role = node.attr("role").map(|r| r.to_ascii_lowercase());
    if role.as_deref() == Some("tooltip") || node.has_attr("popover") {
        return true;
    }
    if !matches!(name_of(node).as_str(), "span" | "div" | "aside" | "section") {
        return false;
    }
    // In a paragraph of the story; a menu's drop-down panels are not the story's either, but
    // Readability leaves them out itself.
    let in_text = node.ancestors(Some(4)).iter().any(|a| a.has_name("p"));
    if !in_text {
        return false;
    }
    // The pop-up itself, not the element that holds the word it pops up from ("has-tooltip").
    let class = node.attr("class").unwrap_or_default().to_ascii_lowercase();
    let pop_up_class = class.split_whitespace().any(|token| {
        ["tooltip", "popover", "hovercard", "hover-card"]
            .iter()
            .any(|word| token.starts_with(word))
    });
    if pop_up_class {
        return true;
    }
    // Beside (or inside) a link, a box with a picture and links of its own, and words: a card.
    let by_link = node.ancestors(Some(2)).iter().any(|a| a.has_name("a"))
        || node.prev_element_sibling().is_some_and(|s| s.has_name("a"));
    let descendants = node.descendants();
    let links = descendants.iter().filter(|d| d.has_name("a")).count();
    let pictures = descendants.iter().any(|d| d.has_name("img"));
    by_link && pictures && links >= 1 && words(&node.text()).len() >= 3
}

/// The story without the text a reader skips, and the warnings that say what went. `names`
/// are the authors' and the publisher's, which a byline at the top of the story repeats.
pub fn strip_story(blocks: Vec<Block>, names: &[String]) -> (Vec<Block>, Vec<String>) {
    let mut removed = Removed::default();
    let mut keep = vec![true; blocks.len()];
    let texts: Vec<Option<String>> = blocks.iter().map(text_of).collect();

    let first = first_prose(&texts);
    let last = last_prose(&texts);
    // Lists of links: after a heading that says so, or a run of short linked lines.
    let mut i = 0;
    while i < blocks.len() {
        let run = link_run(&blocks, i);
        let heads = texts[i].as_deref().is_some_and(|text| {
            says_related(text)
                || bare(text) == "more"
                || matches!(&blocks[i], Block::Paragraph(inline) if is_related_line(text, inline))
        });
        let under = if heads { run_after(&blocks, i) } else { 0 };
        if under > 0 {
            let end = i + 1 + under;
            for k in i..end {
                keep[k] = false;
                removed.add_lines(Kind::LinkList, &blocks[k]);
            }
            i = end;
            continue;
        }
        let at_end = i + run >= last.map_or(0, |l| l + 1) && i > first.unwrap_or(usize::MAX);
        let grid = teaser_grid(&blocks, i);
        if grid > 0 {
            for k in i..i + grid {
                keep[k] = false;
                if let Some(text) = texts[k].as_deref() {
                    removed.add(Kind::LinkList, text);
                }
            }
            i += grid;
            continue;
        }
        let teasers = blocks[i..i + run].iter().all(links_to_its_slug);
        let lines: usize = blocks[i..i + run].iter().map(link_lines).sum();
        if lines >= 3 && (at_end || teasers) {
            for k in i..i + run {
                keep[k] = false;
                removed.add_lines(Kind::LinkList, &blocks[k]);
            }
            i += run;
            continue;
        }
        i += 1;
    }

    let captions = captions(&blocks);
    let opening = first.unwrap_or(texts.len()).min(4);
    // Notes about the author stand under the story's last paragraph.
    let closing = last.unwrap_or(texts.len()).saturating_sub(1);
    for (index, block) in blocks.iter().enumerate() {
        if !keep[index] {
            continue;
        }
        let Some(text) = texts[index].as_deref() else {
            continue;
        };
        let kind = match block {
            _ if index < opening && is_byline(text, names) => Some(Kind::Byline),
            Block::Paragraph(_) if is_reporting_credit(text) => Some(Kind::Byline),
            Block::Paragraph(_) if index > closing && is_author_note(text, names) => {
                Some(Kind::Byline)
            }
            Block::Paragraph(inline) => paragraph_kind(text, inline, &captions),
            Block::Heading(_) => heading_kind(text),
            _ => None,
        };
        if let Some(kind) = kind {
            keep[index] = false;
            removed.add(kind, text);
        }
    }
    let blocks = blocks
        .into_iter()
        .zip(keep)
        .filter_map(|(block, kept)| kept.then_some(block))
        .collect();
    (blocks, removed.warnings())
}

fn text_of(block: &Block) -> Option<String> {
    match block {
        Block::Paragraph(inline) => Some(squash(&inline.text())),
        Block::Heading(text) => Some(squash(text)),
        _ => None,
    }
}

/// The same words, whatever the case, spacing and punctuation: "less"/"more" toggles aside.
fn key(text: &str) -> String {
    let words: Vec<String> = words(text).iter().map(|w| w.to_lowercase()).collect();
    let mut end = words.len();
    while end > 0 && matches!(words[end - 1].as_str(), "less" | "more") {
        end -= 1;
    }
    words[..end].join(" ")
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The longest caption a paragraph is taken for when it repeats an image's own words: a
/// longer one is the story, which the image's alt text quotes.
const MAX_CAPTION_WORDS: usize = 50;

/// The longest paragraph taken for a caption because it stands under two images: filler
/// between pictures may be longer.
const MAX_CAPTION_WORDS_UNDER_IMAGES: usize = 30;

/// What the story's images say of themselves (alt text and captions), and the paragraphs
/// that stand under more than one image with the same words: a caption written out as a
/// paragraph under every photo. Keys as [`key`] makes them.
fn captions(blocks: &[Block]) -> HashSet<String> {
    let mut captions = HashSet::new();
    let mut under_images: Vec<String> = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let Block::Image(image) = block else { continue };
        for said in [Some(&image.alt), image.caption.as_ref()]
            .into_iter()
            .flatten()
        {
            if said.chars().count() >= 20 {
                captions.insert(key(said));
            }
        }
        if let Some(Block::Paragraph(inline)) = blocks.get(index + 1) {
            let said = key(&inline.text());
            let short = (1..=MAX_CAPTION_WORDS_UNDER_IMAGES).contains(&words(&said).len());
            if under_images.contains(&said) && short {
                captions.insert(said.clone());
            }
            under_images.push(said);
        }
    }
    captions
}

fn paragraph_kind(text: &str, inline: &Inline, captions: &HashSet<String>) -> Option<Kind> {
    if words(text).is_empty() {
        return None;
    }
    let said = key(text);
    // A caption cut short for a teaser ("… more") repeats the start of the full one.
    let repeated = words(&said).len() <= MAX_CAPTION_WORDS
        && (captions.contains(&said)
            || said.chars().count() >= 40
                && captions.iter().any(|c| {
                    c.starts_with(&said) || said.starts_with(c.as_str()) && c.len() >= 40
                }));
    if repeated {
        return Some(Kind::Repeated);
    }
    if is_label(text, true) {
        return Some(Kind::Label);
    }
    if is_date_line(text) {
        return Some(Kind::DateLine);
    }
    if is_credit(text) || is_counter(text) {
        return Some(Kind::Credit);
    }
    if is_copyright(text) {
        return Some(Kind::Copyright);
    }
    if is_captioned_credit(text) {
        return Some(Kind::Credit);
    }
    if is_call_to_action(text, inline) {
        return Some(Kind::CallToAction);
    }
    if is_shouted_link(text, inline) {
        return Some(Kind::LinkList);
    }
    if is_related_line(text, inline) || is_tag_line(text, inline) {
        return Some(Kind::LinkList);
    }
    None
}

fn heading_kind(text: &str) -> Option<Kind> {
    if is_label(text, false) {
        Some(Kind::Label)
    } else if is_date_line(text) {
        Some(Kind::DateLine)
    } else if RELATED.contains(&bare(text).as_str())
        || text.contains(':') && is_related_line(text, &Inline::plain(text))
    {
        // Headed "You may also like" with no links under it: they were not kept.
        Some(Kind::LinkList)
    } else if is_call_to_action(text, &Inline::plain(text)) {
        Some(Kind::CallToAction)
    } else {
        None
    }
}

/// "Reporting by Ana Ruiz; editing by Tom Hale", "Tom Hale contributed to this report."
fn is_reporting_credit(text: &str) -> bool {
    let line = bare(text.trim_start_matches(['(', '[']));
    if words(&line).len() > 50 {
        return false;
    }
    let openings = [
        "reporting by",
        "additional reporting by",
        "editing by",
        "writing by",
        "compiled by",
    ];
    let endings = [
        "contributed to this report",
        "contributed reporting",
        "contributed to this story",
        "contributed to this article",
    ];
    // Names and the words between them, and nothing else: not a sentence about reporting.
    let credit_words = [
        "reporting",
        "additional",
        "editing",
        "writing",
        "compiled",
        "research",
        "by",
        "and",
        "with",
        "in",
        "from",
        "the",
    ];
    let only_names = words(text).iter().all(|w| {
        credit_words.contains(&w.to_lowercase().as_str())
            || w.chars().next().is_some_and(|c| !c.is_lowercase())
    });
    openings.iter().any(|o| line.starts_with(o)) && only_names
        || endings.iter().any(|e| line.ends_with(e))
        || line.contains(" contributed reporting from ") && words(&line).len() <= 15
}

/// A note about an author under the story: "Ana Ruiz is a reporter for the Courier.", "Ana
/// joined the Courier in 2017."
fn is_author_note(text: &str, names: &[String]) -> bool {
    let count = words(text).len();
    if !(4..=60).contains(&count) {
        return false;
    }
    let verbs = [
        " is a ",
        " is an ",
        " is the ",
        " joined ",
        " has been ",
        " covers ",
        " writes ",
        " reports ",
    ];
    names.iter().any(|name| {
        let first = name.split_whitespace().next().unwrap_or_default();
        [name.as_str(), first].iter().any(|called| {
            called.chars().count() >= 3
                && text.strip_prefix(called).is_some_and(|rest| {
                    let rest = rest.split_once(')').map_or(rest, |(_, after)| after);
                    verbs.iter().any(|v| rest.starts_with(v))
                })
        })
    })
}

/// "By Ana Ruiz", "Tom Krisher, AP Auto Writer", "Associated Press": a line of names, one of
/// them the author's or the publisher's (or opening with "By"), above the story's first
/// paragraph.
fn is_byline(text: &str, names: &[String]) -> bool {
    let said = words(text);
    if said.is_empty() || said.len() > 12 || text.trim_end().ends_with(['.', '?', '!']) {
        return false;
    }
    let connective = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "by" | "and" | "und" | "et" | "y" | "e" | "von" | "par" | "por" | "de" | "of" | "the"
        )
    };
    let only_names = said
        .iter()
        .all(|w| connective(w) || w.chars().next().is_some_and(char::is_uppercase));
    let opens_with_by =
        said.first().is_some_and(|w| w.eq_ignore_ascii_case("by")) && said.len() > 1;
    let lower = text.to_lowercase();
    let names_one = names
        .iter()
        .any(|n| !n.trim().is_empty() && lower.contains(&n.to_lowercase()));
    only_names && (opens_with_by || names_one)
}

/// The share of a paragraph's letters inside links.
fn linked_share(inline: &Inline) -> f64 {
    let count = |text: &str| text.chars().filter(|c| c.is_alphanumeric()).count();
    let all: usize = inline.0.iter().map(|s| count(&s.text)).sum();
    let linked: usize = inline
        .0
        .iter()
        .filter(|s| s.href.is_some())
        .map(|s| count(&s.text))
        .sum();
    if all == 0 {
        0.0
    } else {
        linked as f64 / all as f64
    }
}

/// A line of a list of links: short, and nearly all link. A list block is such lines when
/// each of its items is one.
fn is_link_line(block: &Block) -> bool {
    link_lines(block) > 0
}

/// How many lines of a list of links a block is: 1 for such a paragraph, an item each for a
/// list of them, else 0.
fn link_lines(block: &Block) -> usize {
    let is_line = |inline: &Inline| {
        let count = words(&inline.text()).len();
        (1..=20).contains(&count) && linked_share(inline) >= 0.9
    };
    match block {
        Block::Paragraph(inline) => usize::from(is_line(inline)),
        Block::List(list) if list_items(list).all(is_line) => list_items(list).count(),
        _ => 0,
    }
}

/// A list's items' texts, those of the lists nested in them too.
fn list_items(list: &ListBlock) -> Box<dyn Iterator<Item = &Inline> + '_> {
    Box::new(list.items.iter().flat_map(|item| {
        let nested = item.list.iter().flat_map(list_items);
        std::iter::once(&item.text)
            .filter(|text| !text.0.is_empty())
            .chain(nested)
    }))
}

/// A link to a story whose address spells its headline (`/china-invites-taliban-…`), as
/// a list of other stories links; a list of references in the story (bugs, documents)
/// links addresses that do not.
fn links_to_its_slug(block: &Block) -> bool {
    let inline = match block {
        Block::Paragraph(inline) => inline,
        Block::List(list) => return list_items(list).all(inline_links_to_its_slug),
        _ => return false,
    };
    inline_links_to_its_slug(inline)
}

fn inline_links_to_its_slug(inline: &Inline) -> bool {
    let href = inline
        .0
        .iter()
        .find_map(|span| span.href.as_deref())
        .unwrap_or_default()
        .to_lowercase();
    let text = inline.text().to_lowercase();
    let said: Vec<&str> = words(&text)
        .into_iter()
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let spelled = said.iter().filter(|w| href.contains(*w)).count();
    !said.is_empty() && spelled * 2 >= said.len()
}

/// How many blocks from `at` make a grid of teasers for other stories: three or more of a
/// picture, a short heading (a kicker) and a headline (short, with no full stop), as a
/// "more stories" box lays them out once Readability has dropped its links. 0 if none.
fn teaser_grid(blocks: &[Block], at: usize) -> usize {
    let headline = |block: Option<&Block>| match block {
        Some(Block::Paragraph(inline)) => {
            let text = inline.text();
            (3..=25).contains(&words(&text).len()) && !text.trim_end().ends_with('.')
        }
        _ => false,
    };
    let mut end = at;
    let mut teasers = 0;
    loop {
        // The picture makes it a grid: an interview's questions and answers have none.
        if !matches!(blocks.get(end), Some(Block::Image(_))) {
            break;
        }
        let mut next = end + 1;
        // A one-word label beside the picture ("Warning", "Video").
        if matches!(blocks.get(next), Some(Block::Paragraph(i)) if words(&i.text()).len() <= 2) {
            next += 1;
        }
        let kicker = matches!(blocks.get(next), Some(Block::Heading(t)) if words(t).len() <= 8);
        if !kicker || !headline(blocks.get(next + 1)) {
            break;
        }
        end = next + 2;
        teasers += 1;
    }
    if teasers >= 3 {
        end - at
    } else {
        0
    }
}

/// How many link lines start at `at`.
fn link_run(blocks: &[Block], at: usize) -> usize {
    blocks[at..]
        .iter()
        .take_while(|block| is_link_line(block))
        .count()
}

/// How many lines of links (a headline with a link in it, a picture or a short heading
/// between them) follow the heading at `at`.
fn run_after(blocks: &[Block], at: usize) -> usize {
    let mut count = 0;
    for block in &blocks[at + 1..] {
        let teaser = matches!(block, Block::Image(_))
            || matches!(block, Block::Heading(text) if words(text).len() <= 20);
        let linked_headline = matches!(block, Block::Paragraph(inline)
            if (1..=30).contains(&words(&inline.text()).len()) && linked_share(inline) >= 0.3);
        if is_link_line(block) || linked_headline || (teaser && count > 0) {
            count += 1;
        } else {
            break;
        }
    }
    // Trailing pictures belong to whatever follows.
    while count > 0 && matches!(blocks[at + count], Block::Image(_)) {
        count -= 1;
    }
    count
}

/// A paragraph of running text: long enough to be the story's.
fn is_prose(text: &str) -> bool {
    words(text).len() >= 25
}

fn first_prose(texts: &[Option<String>]) -> Option<usize> {
    texts
        .iter()
        .position(|t| t.as_deref().is_some_and(is_prose))
}

fn last_prose(texts: &[Option<String>]) -> Option<usize> {
    texts
        .iter()
        .rposition(|t| t.as_deref().is_some_and(is_prose))
}

/// Lower-cased, without the punctuation around it: how a whole line is matched.
fn bare(text: &str) -> String {
    squash(
        &text
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            .replace(['\u{2019}', '\u{2018}'], "'"),
    )
}

const RELATED: &[&str] = &[
    "related",
    "related stories",
    "related articles",
    "related posts",
    "related links",
    "related post",
    "related video",
    "related videos",
    "related content",
    "related coverage",
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "we recommend",
    "recommended",
    "recommended for you",
    "recommended stories",
    "more stories",
    "more from",
    "more on this",
    "more on this story",
    "more news",
    "more to read",
    "read more",
    "read next",
    "see also",
    "also read",
    "further reading",
    "trending",
    "trending now",
    "trending stories",
    "most read",
    "most popular",
    "most viewed",
    "most read stories",
    "popular",
    "popular now",
    "popular stories",
    "top stories",
    "latest",
    "latest news",
    "latest stories",
    "recent posts",
    "recent articles",
    "don't miss",
    "editor's picks",
    "what to read next",
    "lesen sie auch",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "à lire aussi",
    "lire aussi",
    "sur le même sujet",
    "leia também",
    "leia mais",
    "veja também",
    "leggi anche",
    "lee también",
    "te puede interesar",
    "noticias relacionadas",
    "artículos relacionados",
    "baca juga",
    "berita terkait",
    "читайте также",
    "похожие статьи",
    "関連記事",
    "相关文章",
    "관련기사",
];

/// A short line that heads a list of links ("You may also like", "More Great WIRED Stories",
/// "Top stories in Nation").
fn says_related(text: &str) -> bool {
    let line = bare(text);
    let count = words(&line).len();
    if count == 0 || count > 6 {
        return false;
    }
    RELATED.iter().any(|r| {
        line == *r
            || line
                .strip_prefix(r)
                .is_some_and(|rest| rest.starts_with([' ', ':']))
    }) || ((line.starts_with("more ") || line.starts_with("top ")) && line.ends_with(" stories"))
}

/// "Related: …", "Read more: …", "SEE MORE: …": a pointer to another story.
fn is_related_line(text: &str, inline: &Inline) -> bool {
    let Some((head, rest)) = text.split_once(':') else {
        return says_related(text) && words(text).len() <= 4;
    };
    let head = bare(head.trim_start_matches(['[', '(']));
    let pointer = RELATED.contains(&head.as_str())
        || matches!(
            head.as_str(),
            "see more" | "more" | "also" | "watch" | "video"
        );
    pointer && (linked_share(inline) >= 0.5 || words(rest).len() <= 20)
}

/// "Tags: …", "Filed under: …", or links to topics separated by commas or bars.
fn is_tag_line(text: &str, inline: &Inline) -> bool {
    let line = bare(text);
    let starts = [
        "tags",
        "tagged",
        "tagged with",
        "filed under",
        "topics",
        "categories",
        "category",
        "schlagwörter",
        "themen",
        "étiquettes",
        "etiquetas",
        "marcadores",
        "argomenti",
    ];
    let labelled = starts.iter().any(|s| {
        line.strip_prefix(s)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
    });
    if labelled && words(text).len() <= 60 {
        return true;
    }
    // A trail of links: "News > Nation", "Home » Section » Story".
    let trail = text.contains(" » ") || text.contains(" > ") || text.contains(" / ");
    trail && words(text).len() <= 15 && linked_share(inline) >= 0.5
}

/// Short lines that are labels of the page's controls and slots, in a few languages.
const LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "publicidade",
    "pubblicità",
    "reklama",
    "реклама",
    "iklan",
    "广告",
    "広告",
    "광고",
    "continue reading",
    "continue reading below",
    "continue reading the main story",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "article continues below this ad",
    "content continues below",
    "scroll to continue",
    "scroll to continue with content",
    "weiterlesen",
    "lire la suite",
    "seguir leyendo",
    "continua a leggere",
    "continue lendo",
    "click here",
    "read more",
    "read less",
    "read full story",
    "read the full story",
    "view comments",
    "comments",
    "comment",
    "leave a comment",
    "post comment",
    "add comment",
    "show comments",
    "sharing is caring",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share the story",
    "share article",
    "copy link",
    "link copied",
    "copied",
    "caption",
    "toggle caption",
    "hide caption",
    "close",
    "enlarge",
    "enlarge image",
    "enlarge this image",
    "expand",
    "fullscreen",
    "view gallery",
    "view image",
    "view photos",
    "loading",
    "loading content",
    "text size",
    "print article",
    "order reprints",
    "reprints",
    "back to top",
    "skip advertisement",
    "skip ad",
    "view author archive",
    "email the author",
    "follow on twitter",
    "more articles from this author",
    "home",
    "subscribe",
    "sign up",
    "learn more",
    "show more",
    "see more",
    "load more",
    "more",
    "less",
    "by",
    "tell us what you think",
    "this slideshow requires javascript",
    "javascript is required",
];

/// Words of a row of share buttons ("Share Tweet Email", "WhatsApp Facebook Pin").
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "email",
    "e",
    "mail",
    "print",
    "save",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "reddit",
    "pinterest",
    "pin",
    "pint",
    "flipboard",
    "messenger",
    "submit",
    "copy",
    "link",
    "url",
    "comment",
    "comments",
    "teilen",
    "partager",
    "compartir",
    "compartilhar",
    "condividi",
    "baixar",
    "bagikan",
    "поделиться",
];

/// Share buttons that say what they do, which a lone line may be ("Tweet"); a network's name
/// alone may be a heading of the story.
const SHARE_ACTIONS: &[&str] = &["share", "shares", "tweet", "email", "print", "submit"];

/// A label of the page's controls or slots. `alone`: whether a lone share button counts (a
/// paragraph), or only a row of them (a heading may be "Email").
fn is_label(text: &str, alone: bool) -> bool {
    let line = bare(text);
    if LABELS.contains(&line.as_str()) {
        return true;
    }
    let said: Vec<&str> = words(&line);
    // "Share Tweet Submit", "Facebook Twitter Email 12".
    let shares = said.iter().filter(|w| SHARE_WORDS.contains(w)).count();
    let numbers = said
        .iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
        .count();
    let row = said.len() <= 8 && shares >= 2 && shares + numbers == said.len();
    let reading_time = said.len() <= 6
        && [
            "min read",
            "minute read",
            "minutes read",
            "reading time",
            "read time",
            "tempo de leitura",
            "tiempo de lectura",
            "temps de lecture",
            "lesezeit",
            "tempo di lettura",
        ]
        .iter()
        .any(|r| line.contains(r));
    if reading_time {
        return true;
    }
    let lone = alone && said.len() == 1 && SHARE_ACTIONS.contains(&said[0]);
    row || lone
}

/// "Photo: Ana Ruiz, AP", "(Image: © NASA)", "Credit...Doug Mills", "Getty Images".
fn is_credit(text: &str) -> bool {
    let line = bare(text.trim_start_matches(['(', '[']));
    if words(&line).len() > 12 {
        return false;
    }
    let prefixes = [
        "photo",
        "photos",
        "photograph",
        "picture",
        "image",
        "images",
        "image credit",
        "photo credit",
        "credit",
        "credits",
        "foto",
        "fotos",
        "bild",
        "quelle",
        "source",
    ];
    let prefixed = prefixes.iter().any(|p| {
        line.strip_prefix(p).is_some_and(|rest| {
            let rest = rest.trim_start();
            text.contains(':') && rest.starts_with(':')
                || rest.starts_with("...")
                || rest.starts_with('©')
                || rest.starts_with("by ") && words(rest).len() <= 5
        })
    });
    let agency = matches!(
        line.as_str(),
        "getty images" | "getty" | "shutterstock" | "istock" | "ap photo" | "reuters" | "afp"
    );
    prefixed || agency || text.trim_start().starts_with('©') && words(text).len() <= 8
}

/// A caption set as a paragraph, known by the credit it ends with: "Protesters on the bridge
/// (Image: GETTY)", "… (AP Photo/Alan Diaz, File)", "… Photo by David Dyer-Bennet."
fn is_captioned_credit(text: &str) -> bool {
    let said = words(text);
    if said.len() > 45 {
        return false;
    }
    let trimmed = text.trim_end();
    let last = trimmed
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|at| &t[at + 1..]));
    let credit_words = [
        "image:",
        "images:",
        "photo:",
        "photos:",
        "picture:",
        "credit:",
        "ap photo",
        "photo by",
        "photo/",
        "image by",
        "getty images",
        "foto:",
    ];
    if let Some(inside) = last {
        let inside = inside.to_lowercase();
        if words(&inside).len() <= 8 && credit_words.iter().any(|c| inside.starts_with(c)) {
            return true;
        }
    }
    // The last sentence names the photographer.
    let last_sentence = trimmed
        .trim_end_matches('.')
        .rsplit(". ")
        .next()
        .unwrap_or_default()
        .to_lowercase();
    [
        "photo by ",
        "photograph by ",
        "photo illustration by ",
        "photos by ",
    ]
    .iter()
    .any(|p| last_sentence.starts_with(p))
        && words(&last_sentence).len() <= 8
        && said.len() > words(&last_sentence).len()
}

/// A headline in capitals that is all link, set between paragraphs: a promoted story.
fn is_shouted_link(text: &str, inline: &Inline) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let count = words(text).len();
    (3..=25).contains(&count)
        && letters.len() >= 10
        && upper * 10 >= letters.len() * 9
        && linked_share(inline) >= 0.9
}

/// "Image 1 of 23", "1 of 6", "Image 1 of / 8", "3/12".
fn is_counter(text: &str) -> bool {
    let said: Vec<String> = words(text).iter().map(|w| w.to_lowercase()).collect();
    let said: Vec<&str> = said.iter().map(String::as_str).collect();
    let body = match said.first() {
        Some(&("image" | "photo" | "picture" | "slide" | "foto" | "bild" | "imagen")) => &said[1..],
        _ => &said[..],
    };
    let number = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    // "1of4Grass Valley's…": a gallery's counter run into its caption.
    let run_in = said.first().is_some_and(|w| {
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        let rest = &w[digits..];
        digits > 0
            && rest
                .strip_prefix("of")
                .is_some_and(|r| r.chars().next().is_some_and(|c| c.is_ascii_digit()))
    });
    if run_in {
        return true;
    }
    match body {
        [a, b] => number(a) && number(b) && text.contains('/'),
        [a, of, b] => number(a) && number(b) && matches!(*of, "of" | "de" | "di" | "von" | "sur"),
        _ => false,
    }
}

fn is_copyright(text: &str) -> bool {
    let line = bare(text);
    let count = words(text).len();
    count <= 30
        && (line.starts_with("copyright")
            || text.trim_start().starts_with('©')
            || text.trim_start().starts_with("(c)")
            || line.contains("all rights reserved")
            || line.contains("subject to copyright")
            || line.contains("tous droits réservés")
            || line.contains("alle rechte vorbehalten")
            || line.contains("todos los derechos reservados")
            || line.contains("todos os direitos reservados")
            || line.contains("무단전재"))
}

/// A line that asks the reader to do something other than read on: "CLICK HERE TO GET THE
/// APP", "Subscribe to our newsletter", "Follow us on Twitter". A sentence of the story that
/// merely mentions clicking is longer, or does not open with the request.
fn is_call_to_action(text: &str, inline: &Inline) -> bool {
    let line = bare(text);
    let count = words(text).len();
    if count > 40 {
        return false;
    }
    // "Write to Ana Ruiz at ana@…", "Follow us on Twitter @…": a way to reach someone.
    let address = text.contains('@') || line.contains("http") || line.contains("twitter");
    let reach = [
        "follow ",
        "write to ",
        "email ",
        "e-mail ",
        "reach ",
        "contact ",
    ];
    if address && reach.iter().any(|r| line.starts_with(r)) {
        return true;
    }
    let openings = [
        "if you enjoyed",
        "if you liked",
        "enjoyed this",
        "like this story",
        "like this article",
        "did you enjoy",
        "click here",
        "tap here",
        "click to",
        "subscribe to",
        "subscribe now",
        "subscribe for",
        "sign up for",
        "sign up to",
        "sign up:",
        "sign up now",
        "follow us",
        "follow @",
        "like us on",
        "download the",
        "download our",
        "get the latest",
        "get our",
        "join our",
        "want more",
        "need more",
        "have a tip",
        "got a tip",
        "let our news meet your inbox",
        "abonnieren sie",
        "folgen sie uns",
        "inscrivez-vous",
        "abonnez-vous",
        "suivez-nous",
        "suscríbete",
        "síguenos",
        "inscreva-se",
        "assine",
        "siga-nos",
        "iscriviti",
        "seguici",
        "подпишитесь",
    ];
    let opens = openings.iter().any(|o| line.starts_with(o));
    let shouted_click = text == text.to_uppercase()
        && text.chars().any(char::is_alphabetic)
        && (line.contains("click") || line.contains("tap here"))
        && count <= 15;
    let ends_with_click = (line.ends_with("click here") || line.ends_with("clicking here"))
        && count <= 15
        && linked_share(inline) >= 0.5;
    opens || shouted_click || ends_with_click
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december", // German, French, Spanish, Portuguese, Italian, Indonesian
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "dezembro",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januari",
    "februari",
    "maret",
    "juni",
    "agustus",
    "desember",
    "mei",
];

const WEEKDAYS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "feira",
];

/// Words a date line is made of besides the date itself.
const DATE_LABELS: &[&str] = &[
    "updated",
    "update",
    "last",
    "published",
    "publish",
    "posted",
    "first",
    "original",
    "originally",
    "modified",
    "date",
    "on",
    "at",
    "by",
    "the",
    "of",
    "and",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "h",
    "uhr",
    "ago",
    "hours",
    "hour",
    "hrs",
    "hr",
    "minutes",
    "minute",
    "mins",
    "min",
    "seconds",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "today",
    "yesterday",
    "just",
    "now",
    "th",
    "st",
    "nd",
    "rd",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "et",
    "ct",
    "pt",
    "utc",
    "gmt",
    "bst",
    "cet",
    "cest",
    "hst",
    "ist",
    "jst",
    "aest",
    "amt",
    "aktualisiert",
    "veröffentlicht",
    "am",
    "um",
    "vor",
    "stunden",
    "publié",
    "mis",
    "à",
    "jour",
    "le",
    "il",
    "y",
    "publicado",
    "actualizado",
    "atualizado",
    "em",
    "de",
    "às",
    "el",
    "las",
    "pubblicato",
    "aggiornato",
    "alle",
    "diperbarui",
    "dipublikasikan",
    "pada",
];

/// A line that only dates the story: "Updated 3 hours ago", "Published: 9 April 2019 10:02",
/// "Nov. 20, 2019, 9:28 AM UTC", "By Ana Ruiz | November 18, 2019 at 2:26 PM". Names may stand
/// in it (capitalised words); a sentence that mentions a date has other words, and stays.
fn is_date_line(text: &str) -> bool {
    let said = words(text);
    if said.len() < 2 || said.len() > 24 {
        return false;
    }
    let mut dates = 0;
    let mut strong = false;
    let mut names = 0;
    for word in &said {
        let lower = word.to_lowercase();
        let lower = lower.as_str();
        // "20", "18th", "4pm", "17h".
        let digits = lower.chars().take_while(char::is_ascii_digit).count();
        let number = digits > 0
            && matches!(
                &lower[digits..],
                "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "h"
            );
        if MONTHS.contains(&lower) || WEEKDAYS.contains(&lower) {
            dates += 1;
            strong |= MONTHS.contains(&lower);
        } else if number {
            dates += 1;
        } else if DATE_LABELS.contains(&lower) {
            dates += 1;
            strong |= matches!(lower, "ago" | "uhr" | "vor");
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            names += 1;
        } else {
            return false;
        }
    }
    let has_time = has_clock_time(text) || has_numeric_date(text);
    let has_number = said.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    // A sentence ends with a full stop after a word; a date line ends with a number, "a.m."
    // or a zone.
    let sentence = text.trim_end().ends_with('.')
        && !text.trim_end().ends_with("m.")
        && !text.trim_end().ends_with("ET.");
    (strong || has_time) && has_number && names <= 5 && dates > names && !sentence
}

/// "9:28", "20:13", "10:02am".
fn has_clock_time(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == ':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

/// "2/26/2015", "05/10/2018", "2019-11-20", "20.11.2019".
fn has_numeric_date(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .any(|token| {
            let parts: Vec<&str> = token.split(['/', '-', '.']).collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| (1..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
                && (parts[0].len() == 4 || parts[2].len() >= 2)
                && parts[1].len() <= 2
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_widget::model::Span;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(Inline::plain(text))
    }

    fn linked(text: &str) -> Block {
        Block::Paragraph(Inline(vec![Span {
            text: text.to_owned(),
            href: Some("https://example.com/x".to_owned()),
            em: false,
            strong: false,
        }]))
    }

    #[test]
    fn date_lines_go_and_sentences_with_dates_stay() {
        for line in [
            "Updated 3 hours ago",
            "Published: 9 April 2019 10:02",
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            "Nov. 20, 2019, 9:28 AM UTC",
            "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM",
            "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
            "sexta-feira, 22 de outubro de 2010 às 20:13",
            "18 NOV 2019",
            "2/26/2015 7:11 AM PST BY TMZ STAFF",
        ] {
            assert!(is_date_line(line), "{line}");
        }
        for line in [
            "The hearing is on Monday, November 18, 2019.",
            "Updated figures are due in March 2020, officials said.",
            "In 2019 the company sold 3 million cars.",
            "The Lakers won 112-107",
            "GPS: N24 39 16.4 E121 18 19.5",
            "Inquiry 02-751-1500",
            "Comments (5 posted)",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
    }

    #[test]
    fn a_sentence_that_mentions_clicking_stays() {
        let plain = Inline::plain("x");
        assert!(is_call_to_action(
            "CLICK HERE TO GET THE FOX NEWS APP",
            &plain
        ));
        assert!(is_call_to_action(
            "Click here to subscribe to The Paradigm Newsletter",
            &plain
        ));
        assert!(!is_call_to_action(
            "Readers who click here and there on the site are tracked, the report found.",
            &plain
        ));
        assert!(is_call_to_action(
            "Write to Ana Ruiz at ana.ruiz@courier.example",
            &plain
        ));
        assert!(!is_call_to_action(
            "Follow the river south and the road ends at the ferry.",
            &plain
        ));
    }

    #[test]
    fn a_note_about_the_author_goes_and_a_sentence_about_someone_else_stays() {
        let names = ["Ana Ruiz".to_owned()];
        assert!(is_author_note(
            "Ana Ruiz is a reporter for the Courier. Follow her on Twitter.",
            &names
        ));
        assert!(is_author_note(
            "Ana joined the Courier in 2017 and covers the council.",
            &names
        ));
        assert!(!is_author_note(
            "Tom Hale is a shopkeeper who lost everything.",
            &names
        ));
        assert!(is_counter(
            "1of4Grass Valley's Dionicio Torres looks at the gas cans"
        ));
        assert!(!is_counter("1 of the 4 shops reopened"));
    }

    #[test]
    fn reporting_credits_go_and_sentences_about_reporting_stay() {
        assert!(is_reporting_credit(
            "(Reporting by Ana Ruiz; editing by Tom Hale)"
        ));
        assert!(is_reporting_credit(
            "Associated Press writers Ana Ruiz and Tom Hale contributed to this report."
        ));
        assert!(!is_reporting_credit(
            "Reporting by local papers first raised the alarm, the minister said."
        ));
    }

    #[test]
    fn share_rows_and_labels_go() {
        for line in [
            "Share Tweet Submit",
            "Whatsapp Facebook Pint Baixar",
            "Advertisement",
            "Continue Reading Below",
            "Sharing is caring!",
            "Tweet",
        ] {
            assert!(is_label(line, true), "{line}");
        }
        assert!(!is_label("Share prices fell", true));
        assert!(
            !is_label("Facebook", true),
            "a network's name may be a heading"
        );
        assert!(!is_label("Email", false));
    }

    #[test]
    fn a_heading_over_links_takes_its_links_and_a_run_of_tags_after_the_story_goes() {
        let story = "This is a long paragraph of running text that is certainly the story's own, with more than enough words in it to count as the prose of a story here.";
        let blocks = vec![
            paragraph(story),
            paragraph("You may also like"),
            linked("The first other story"),
            linked("The second other story"),
            paragraph(story),
            // Short links in the middle of the story may be its own list (of tools, of bugs).
            linked("showFrames"),
            linked("onlyXulLeaf"),
            linked("skipKnownBugs"),
            paragraph(&format!("{story} Again.")),
            linked("Tech"),
            linked("Science"),
            linked("Space"),
        ];
        let (kept, warnings) = strip_story(blocks, &[]);
        assert_eq!(kept.len(), 6, "{kept:?}");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].ends_with(
                "6 lines of related-link or tag lists, 15 words, such as \"You may also like\""
            ),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_caption_said_again_as_a_paragraph_goes() {
        let caption = "The minister, left, shakes hands with his guest in Hanoi on Wednesday.";
        let image = Block::Image(article_widget::model::ImageBlock {
            src: "https://example.com/a.jpg".to_owned(),
            alt: caption.to_owned(),
            ..Default::default()
        });
        let photo = |n: usize| {
            Block::Image(article_widget::model::ImageBlock {
                src: format!("https://example.com/{n}.jpg"),
                ..Default::default()
            })
        };
        let blocks = vec![
            image,
            paragraph(&format!("{caption} less")),
            paragraph("The story starts here."),
            paragraph("The story starts here."),
            photo(1),
            paragraph("A view of the harbour"),
            photo(2),
            paragraph("A view of the harbour"),
        ];
        let (kept, warnings) = strip_story(blocks, &[]);
        assert_eq!(
            kept.len(),
            5,
            "a paragraph said twice is not a caption: {kept:?}"
        );
        assert!(
            warnings[0].contains(": 3 captions said again as paragraphs, "),
            "{warnings:?}"
        );
    }
}
