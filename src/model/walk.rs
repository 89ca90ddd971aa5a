//! The one walk over an article: every text, URL and block in document order, each with its
//! JSON path. Validation, the URL check and the reading time are visitors of it, so a new
//! field or block type is added here once, and the compiler points at this match.

use super::path::Path;
use super::{
    Article, Block, BlockKind, Cell, ImageBlock, Inline, ListBlock, Post, UrlUse, VideoBlock,
    VideoSource,
};

/// What a text field must hold; the text names the field in a message ("the headline").
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    /// Anything, or nothing.
    Any,
    /// Something besides white space.
    NotBlank(&'static str),
    /// Something besides white space, if it is given at all.
    NotBlankIfGiven(&'static str),
}

/// What the walk shows a visitor. Each method does nothing unless a visitor needs it.
pub trait Visit {
    /// A text field, `None` when an optional one is absent.
    fn text(&mut self, _at: &Path, _text: Option<&str>, _rule: Rule) {}
    /// Words of the story itself (paragraphs, quotes, headings and list items), in reading
    /// order.
    fn story(&mut self, _text: &str) {}
    /// A paragraph's, a quote's or a list item's text as a whole, before its spans.
    fn inline(&mut self, _at: &Path, _text: &Inline, _kind: BlockKind) {}
    /// A URL field, which the visitor may rewrite or remove.
    fn url(&mut self, _at: &Path, _url: &mut Option<String>, _usage: UrlUse) {}
    /// A block, before its fields.
    fn block(&mut self, _at: &Path, _block: &Block) {}
    /// An image, the article's own or a block, before its fields.
    fn image(&mut self, _at: &Path, _image: &ImageBlock) {}
    /// A list, before its items; `depth` is 1 for a list block, 2 for a list in its item, ….
    fn list(&mut self, _at: &Path, _list: &ListBlock, _depth: usize) {}
    /// A table cell, before its spans.
    fn cell(&mut self, _at: &Path, _cell: &Cell) {}
}

use Rule::{Any, NotBlank, NotBlankIfGiven};

pub fn walk(article: &mut Article, visit: &mut dyn Visit) {
    let root = Path::Root;
    visit.text(
        &root.key("headline"),
        Some(&article.headline),
        NotBlank("the headline"),
    );
    let standfirst = article.standfirst.as_deref();
    visit.text(
        &root.key("standfirst"),
        standfirst,
        NotBlankIfGiven("the standfirst"),
    );
    let kicker = article.kicker.as_deref();
    visit.text(&root.key("kicker"), kicker, NotBlankIfGiven("the kicker"));
    let section = article.section.as_deref();
    visit.text(
        &root.key("section"),
        section,
        NotBlankIfGiven("the section"),
    );
    let tags = root.key("tags");
    for (i, tag) in article.tags.iter().enumerate() {
        visit.text(&tags.index(i), Some(tag), NotBlank("a tag"));
    }
    visit.url(&root.key("url"), &mut article.url, UrlUse::Link);
    if let Some(publisher) = &mut article.publisher {
        let at = root.key("publisher");
        let name = Some(publisher.name.as_str());
        visit.text(&at.key("name"), name, NotBlank("the publisher's name"));
        visit.url(&at.key("url"), &mut publisher.url, UrlUse::Link);
        visit.url(&at.key("logo"), &mut publisher.logo, UrlUse::Image);
    }
    if let Some(image) = &mut article.image {
        walk_image(&root.key("image"), image, visit);
    }
    let authors = root.key("authors");
    for (i, author) in article.authors.iter_mut().enumerate() {
        let at = authors.index(i);
        let name = Some(author.name.as_str());
        visit.text(&at.key("name"), name, NotBlank("an author's name"));
        visit.text(&at.key("role"), author.role.as_deref(), Any);
        visit.text(&at.key("bio"), author.bio.as_deref(), Any);
        visit.url(&at.key("url"), &mut author.url, UrlUse::Link);
        visit.url(&at.key("avatar"), &mut author.avatar, UrlUse::Image);
    }
    let body = root.key("body");
    for (i, block) in article.body.iter_mut().enumerate() {
        let at = body.index(i);
        visit.block(&at, block);
        walk_block(&at, block, visit);
    }
    let notes = root.key("notes");
    for (i, note) in article.notes.iter().enumerate() {
        visit.text(
            &notes.index(i).key("text"),
            Some(&note.text),
            NotBlank("a note's text"),
        );
    }
    let related = root.key("related");
    for (i, link) in article.related.iter_mut().enumerate() {
        let at = related.index(i);
        let title = Some(link.title.as_str());
        visit.text(&at.key("title"), title, NotBlank("a related link's title"));
        visit.text(&at.key("kicker"), link.kicker.as_deref(), Any);
        visit.url(&at.key("url"), &mut link.url, UrlUse::Link);
        visit.url(&at.key("image"), &mut link.image, UrlUse::Image);
    }
}

fn walk_image(at: &Path, image: &mut ImageBlock, visit: &mut dyn Visit) {
    visit.image(at, image);
    required_url(
        &at.key("src"),
        &mut image.src,
        "an image's src",
        UrlUse::Image,
        visit,
    );
    visit.text(&at.key("alt"), Some(&image.alt), Any);
    visit.text(&at.key("caption"), image.caption.as_deref(), Any);
    visit.text(&at.key("credit"), image.credit.as_deref(), Any);
}

fn walk_block(at: &Path, block: &mut Block, visit: &mut dyn Visit) {
    let kind = block.kind();
    match block {
        Block::Paragraph(text) => walk_inline(&at.key("text"), text, kind, visit),
        Block::Quote { text, cite } => {
            walk_inline(&at.key("text"), text, kind, visit);
            visit.text(&at.key("cite"), cite.as_deref(), Any);
        }
        Block::Heading(text) => {
            visit.text(&at.key("text"), Some(text), NotBlank(kind.text_noun()));
            visit.story(text);
        }
        Block::PullQuote { text, cite } => {
            visit.text(&at.key("text"), Some(text), NotBlank(kind.text_noun()));
            visit.text(&at.key("cite"), cite.as_deref(), Any);
        }
        Block::Image(image) => walk_image(at, image, visit),
        Block::Promo(promo) => {
            let title = Some(promo.title.as_str());
            visit.text(&at.key("title"), title, NotBlank("a promo's title"));
            let text = promo.text.as_deref();
            visit.text(&at.key("text"), text, NotBlankIfGiven("a promo's text"));
            if let Some(action) = &mut promo.action {
                let at = at.key("action");
                let label = Some(action.label.as_str());
                visit.text(&at.key("label"), label, NotBlank("a promo action's label"));
                let url = Some(action.url.as_str());
                visit.text(&at.key("url"), url, NotBlank("a promo action's url"));
                let mut url = Some(std::mem::take(&mut action.url));
                visit.url(&at.key("url"), &mut url, UrlUse::Link);
                match url {
                    Some(url) => action.url = url,
                    None => promo.action = None,
                }
            }
        }
        Block::List(list) => walk_list(at, list, 1, visit),
        Block::Code(code) => {
            visit.text(
                &at.key("text"),
                Some(&code.text),
                NotBlank(kind.text_noun()),
            );
            visit.text(
                &at.key("language"),
                code.language.as_deref(),
                NotBlankIfGiven("a code block's language"),
            );
        }
        Block::Divider => {}
        Block::Post(block) => {
            walk_post(at, &mut block.post, visit);
            if let Some(quoted) = &mut block.quoted {
                walk_post(&at.key("quote"), quoted, visit);
            }
        }
        Block::Video(video) => walk_video(at, video, visit),
        Block::Table(table) => {
            visit.text(&at.key("caption"), table.caption.as_deref(), Any);
            let rows = at.key("rows");
            for (r, row) in table.rows.iter_mut().enumerate() {
                let row_at = rows.index(r);
                for (c, cell) in row.iter_mut().enumerate() {
                    let at = row_at.index(c);
                    visit.cell(&at, cell);
                    // A table is looked up rather than read through, so its cells do not
                    // count towards the reading time (nor does a stats table's wall of
                    // numbers): their spans are not the story's.
                    walk_spans(&at.key("text"), &mut cell.text, false, visit);
                }
            }
        }
    }
}

fn walk_post(at: &Path, post: &mut Post, visit: &mut dyn Visit) {
    required_url(
        &at.key("url"),
        &mut post.url,
        "a post's url",
        UrlUse::Link,
        visit,
    );
    let author = at.key("author");
    let name = Some(post.author.name.as_str());
    visit.text(&author.key("name"), name, NotBlank("a post author's name"));
    let handle = Some(post.author.handle.as_str());
    visit.text(
        &author.key("handle"),
        handle,
        NotBlank("a post author's handle"),
    );
    visit.url(
        &author.key("avatar"),
        &mut post.author.avatar,
        UrlUse::Image,
    );
    walk_inline(&at.key("text"), &mut post.text, BlockKind::Post, visit);
    if let Some(image) = &mut post.image {
        walk_image(&at.key("image"), image, visit);
    }
}

fn walk_video(at: &Path, video: &mut VideoBlock, visit: &mut dyn Visit) {
    let title = Some(video.title.as_str());
    visit.text(&at.key("title"), title, NotBlank("a video's title"));
    visit.text(&at.key("caption"), video.caption.as_deref(), Any);
    visit.url(&at.key("poster"), &mut video.poster, UrlUse::Image);
    if let VideoSource::File { src, captions } = &mut video.source {
        required_url(&at.key("src"), src, "a video's src", UrlUse::Image, visit);
        let tracks = at.key("captions");
        for (i, track) in captions.iter_mut().enumerate() {
            let at = tracks.index(i);
            let label = Some(track.label.as_str());
            visit.text(&at.key("label"), label, NotBlank("a captions label"));
            required_url(
                &at.key("src"),
                &mut track.src,
                "a captions src",
                UrlUse::Image,
                visit,
            );
        }
    }
}

/// A URL the value cannot do without: it must be given, and a visitor that removes it leaves
/// it empty, which validation then reports.
fn required_url(
    at: &Path,
    url: &mut String,
    what: &'static str,
    usage: UrlUse,
    visit: &mut dyn Visit,
) {
    visit.text(at, Some(url), NotBlank(what));
    let mut kept = Some(std::mem::take(url));
    visit.url(at, &mut kept, usage);
    *url = kept.unwrap_or_default();
}

/// A list and the lists nested in its items, `depth` deep.
fn walk_list(at: &Path, list: &mut ListBlock, depth: usize, visit: &mut dyn Visit) {
    visit.list(at, list, depth);
    let items = at.key("items");
    for (i, item) in list.items.iter_mut().enumerate() {
        let at = items.index(i);
        let text = at.key("text");
        // An item may be only the list nested in it, with no text of its own.
        if item.list.is_none() {
            visit.inline(&text, &item.text, BlockKind::List);
        }
        walk_spans(&text, &mut item.text, true, visit);
        if let Some(nested) = &mut item.list {
            walk_list(&at.key("list"), nested, depth + 1, visit);
        }
    }
}

fn walk_inline(at: &Path, text: &mut Inline, kind: BlockKind, visit: &mut dyn Visit) {
    visit.inline(at, text, kind);
    walk_spans(at, text, true, visit);
}

/// Running text's spans; `story` says whether their words are the story's.
fn walk_spans(at: &Path, text: &mut Inline, story: bool, visit: &mut dyn Visit) {
    for (j, span) in text.0.iter_mut().enumerate() {
        let at = at.index(j);
        let rule = match span.href {
            Some(_) => NotBlank("a link's text"),
            None => Any,
        };
        visit.text(&at.key("text"), Some(&span.text), rule);
        if story {
            visit.story(&span.text);
        }
        visit.url(&at.key("href"), &mut span.href, UrlUse::Link);
    }
}
