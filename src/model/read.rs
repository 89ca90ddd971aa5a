//! The article's fields read from a JSON tree. Every error names the JSON path of the value
//! it is about, e.g. `body[3].text[1].href: invalid type: integer `7`, expected a string`.
//! Fields the format does not know are ignored, so newer articles still render.

use super::block::BlockFields;
use super::json::Json;
use super::path::Path;
use super::{
    Article, ArticleError, Author, Block, BlockKind, Captions, Cell, ImageBlock, Inline, ListBlock,
    ListItem, Note, NoteKind, Platform, Post, PostAuthor, PostBlock, PromoAction, Publisher,
    RelatedLink, Scope, Span, TableBlock, Timestamp, VideoBlock, VideoHost, VideoSource,
    GATHERS_EVERY_PROBLEM,
};

type Read<T> = Result<T, ArticleError>;
/// How one value is read. A function pointer rather than a generic closure, so each reading
/// helper is compiled once per type read rather than once per call site.
type Reader<T> = fn(&Json, &Path) -> Read<T>;

/// The errors found while reading one value. Reading goes on past a bad field, with the
/// field's default in its place, so that every problem in a file is reported at once.
#[derive(Default)]
struct Errors(Option<ArticleError>);

impl Errors {
    #[inline(never)]
    fn keep<T: Default>(&mut self, read: Read<T>) -> T {
        read.unwrap_or_else(|error| {
            self.push(error);
            T::default()
        })
    }

    fn push(&mut self, error: ArticleError) {
        match &mut self.0 {
            Some(first) if GATHERS_EVERY_PROBLEM => first.absorb(error),
            Some(_) => {}
            None => self.0 = Some(error),
        }
    }

    fn finish<T>(self, value: T) -> Read<T> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(value),
        }
    }
}

fn invalid_type(json: &Json, path: &Path, expected: &str) -> ArticleError {
    ArticleError::new(
        path.to_string(),
        format!("invalid type: {}, expected {expected}", json.describe()),
    )
}

#[derive(Clone, Copy)]
enum Presence {
    Required,
    Optional,
}

/// An object's members, read by name.
struct Fields<'a> {
    json: &'a Json,
    path: &'a Path<'a>,
}

impl<'a> Fields<'a> {
    fn of(json: &'a Json, path: &'a Path<'a>, expected: &str) -> Read<Fields<'a>> {
        match json {
            Json::Object(_) => Ok(Fields { json, path }),
            _ => Err(invalid_type(json, path, expected)),
        }
    }

    #[inline(never)]
    fn required<T>(&self, key: &str, read: Reader<T>) -> Read<T> {
        match self.json.get(key) {
            Some(value) => read(value, &Path::Key(self.path, key)),
            None => Err(ArticleError::missing(
                &self.path.to_string(),
                Path::Key(self.path, key).to_string(),
                key,
            )),
        }
    }

    /// Absent or null is `None`.
    #[inline(never)]
    fn optional<T>(&self, key: &str, read: Reader<T>) -> Read<Option<T>> {
        match self.json.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => read(value, &Path::Key(self.path, key)).map(Some),
        }
    }

    /// Absent is the default; null is not.
    fn defaulted<T: Default>(&self, key: &str, read: Reader<T>) -> Read<T> {
        match self.json.get(key) {
            None => Ok(T::default()),
            Some(value) => read(value, &Path::Key(self.path, key)),
        }
    }

    /// An array field's items, each read on its own (see `items`).
    fn items<T: Default>(
        &self,
        key: &str,
        presence: Presence,
        read: Reader<T>,
        errors: &mut Errors,
    ) -> Vec<T> {
        let found = match (self.json.get(key), presence) {
            (None, Presence::Optional) => Ok(Vec::new()),
            (None, Presence::Required) => self.required(key, |_, _| Ok(Vec::new())),
            (Some(value), _) => items(value, &Path::Key(self.path, key), read, errors),
        };
        errors.keep(found)
    }

    fn string(&self, key: &str) -> Read<String> {
        self.required(key, string)
    }

    fn optional_string(&self, key: &str) -> Read<Option<String>> {
        self.optional(key, string)
    }
}

fn string(json: &Json, path: &Path) -> Read<String> {
    match json {
        Json::String(s) => Ok(s.clone()),
        _ => Err(invalid_type(json, path, "a string")),
    }
}

fn timestamp(json: &Json, path: &Path) -> Read<Timestamp> {
    let text = string(json, path)?;
    Timestamp::parse(&text).ok_or_else(|| {
        ArticleError::new(
            path.to_string(),
            format!("`{text}` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z"),
        )
    })
}

fn boolean(json: &Json, path: &Path) -> Read<bool> {
    match json {
        Json::Bool(b) => Ok(*b),
        _ => Err(invalid_type(json, path, "a boolean")),
    }
}

/// A whole number of at least 0: pixels, a span, a count or a list's start.
fn unsigned(json: &Json, path: &Path) -> Read<u32> {
    let number = match json {
        Json::Number(n) if !n.contains(['.', 'e', 'E']) => n,
        _ => return Err(invalid_type(json, path, "u32")),
    };
    number.parse().map_err(|_| {
        ArticleError::new(
            path.to_string(),
            format!("invalid value: integer `{number}`, expected u32"),
        )
    })
}

/// Every item of an array is read, and one that cannot be is reported in `errors` with its
/// type's default in its place, so the items after it keep their places (and their paths).
fn items<T: Default>(
    json: &Json,
    path: &Path,
    read: Reader<T>,
    errors: &mut Errors,
) -> Read<Vec<T>> {
    let Json::Array(items) = json else {
        return Err(invalid_type(json, path, "a sequence"));
    };
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| errors.keep(read(item, &Path::Index(path, i))))
        .collect())
}

/// An array read whole, or the errors of its items.
fn list<T: Default>(json: &Json, path: &Path, read: Reader<T>) -> Read<Vec<T>> {
    let mut errors = Errors::default();
    let values = items(json, path, read, &mut errors)?;
    errors.finish(values)
}

/// Reads an article from its JSON, which must be an object. When some values cannot be read,
/// the article comes back with defaults in their place, beside the error that names them.
pub(super) fn article(json: &Json) -> Read<(Article, Option<ArticleError>)> {
    if !matches!(json, Json::Object(_)) {
        return Err(ArticleError::new(".", "an article is a JSON object { … }"));
    }
    let fields = Fields {
        json,
        path: &Path::Root,
    };
    let mut errors = Errors::default();
    let article = Article {
        headline: errors.keep(fields.string("headline")),
        standfirst: errors.keep(fields.optional_string("standfirst")),
        kicker: errors.keep(fields.optional_string("kicker")),
        url: errors.keep(fields.optional_string("url")),
        published: errors.keep(fields.optional("published", timestamp)),
        updated: errors.keep(fields.optional("updated", timestamp)),
        lang: errors.keep(fields.optional_string("lang")),
        publisher: errors.keep(fields.optional("publisher", publisher)),
        authors: fields.items("authors", Presence::Optional, author, &mut errors),
        body: fields.items("body", Presence::Required, block, &mut errors),
        related: fields.items("related", Presence::Optional, related_link, &mut errors),
        section: errors.keep(fields.optional_string("section")),
        tags: fields.items("tags", Presence::Optional, string, &mut errors),
        image: errors.keep(fields.optional("image", lead_image)),
        notes: fields.items("notes", Presence::Optional, note, &mut errors),
        reading_minutes: 0,
    };
    Ok((article, errors.0))
}

/// A correction or an update: `{"type", "date", "text"}`.
fn note(json: &Json, path: &Path) -> Read<Note> {
    let fields = Fields::of(json, path, "a note object {\"type\", \"date\", \"text\"}")?;
    let kind = |json: &Json, path: &Path| {
        let name = string(json, path)?;
        NoteKind::from_name(&name).ok_or_else(|| {
            ArticleError::new(path.to_string(), "a note is a correction or an update")
        })
    };
    let mut errors = Errors::default();
    let note = Note {
        kind: errors.keep(fields.required("type", kind)),
        date: errors.keep(fields.required("date", timestamp)),
        text: errors.keep(fields.string("text")),
    };
    errors.finish(note)
}

fn publisher(json: &Json, path: &Path) -> Read<Publisher> {
    let fields = Fields::of(
        json,
        path,
        "a publisher object {\"name\", \"url\", \"logo\"}",
    )?;
    let mut errors = Errors::default();
    let publisher = Publisher {
        name: errors.keep(fields.string("name")),
        url: errors.keep(fields.optional_string("url")),
        logo: errors.keep(fields.optional_string("logo")),
    };
    errors.finish(publisher)
}

fn author(json: &Json, path: &Path) -> Read<Author> {
    let fields = Fields::of(json, path, "an author object {\"name\", …}")?;
    let mut errors = Errors::default();
    let author = Author {
        name: errors.keep(fields.string("name")),
        role: errors.keep(fields.optional_string("role")),
        bio: errors.keep(fields.optional_string("bio")),
        avatar: errors.keep(fields.optional_string("avatar")),
        url: errors.keep(fields.optional_string("url")),
    };
    errors.finish(author)
}

fn related_link(json: &Json, path: &Path) -> Read<RelatedLink> {
    let fields = Fields::of(json, path, "a related link object {\"title\", …}")?;
    let mut errors = Errors::default();
    let link = RelatedLink {
        title: errors.keep(fields.string("title")),
        url: errors.keep(fields.optional_string("url")),
        kicker: errors.keep(fields.optional_string("kicker")),
        image: errors.keep(fields.optional_string("image")),
    };
    errors.finish(link)
}

/// The article's own image: an image block's fields, without a type.
fn lead_image(json: &Json, path: &Path) -> Read<ImageBlock> {
    let expected = "an image object {\"src\", \"alt\", …}";
    match block_of(json, path, expected, Some(BlockKind::Image))? {
        Block::Image(image) => Ok(image),
        _ => Err(invalid_type(json, path, expected)),
    }
}

/// Every field any block type may carry is read and type-checked; which of them the block's
/// type needs is `BlockFields::into_block`'s to say.
fn block(json: &Json, path: &Path) -> Read<Block> {
    block_of(json, path, "a block object {\"type\", …}", None)
}

/// A block of the type `kind`, or else of the type its `type` field names.
fn block_of(json: &Json, path: &Path, expected: &str, kind: Option<BlockKind>) -> Read<Block> {
    let fields = Fields::of(json, path, expected)?;
    let action = |json: &Json, path: &Path| {
        let fields = Fields::of(json, path, "an action object {\"label\", \"url\"}")?;
        Ok(PromoAction {
            label: fields.string("label")?,
            url: fields.string("url")?,
        })
    };
    let mut errors = Errors::default();
    let kind = match kind {
        Some(kind) => kind.name().to_owned(),
        None => errors.keep(fields.string("type")),
    };
    // A list block is a list object with a type; a table's, a post's and a video's own fields
    // are read only for their type.
    let list = (kind == "list").then(|| errors.keep(nested_list(json, path)));
    let table = (kind == "table").then(|| errors.keep(table(json, path)));
    let post = (kind == "post").then(|| errors.keep(post_block(json, path)));
    let video = (kind == "video").then(|| errors.keep(video(json, path)));
    let block = BlockFields {
        kind,
        text: errors.keep(fields.optional("text", inline)),
        cite: errors.keep(fields.optional_string("cite")),
        src: errors.keep(fields.optional_string("src")),
        alt: errors.keep(fields.optional_string("alt")),
        caption: errors.keep(fields.optional_string("caption")),
        credit: errors.keep(fields.optional_string("credit")),
        width: errors.keep(fields.optional("width", unsigned)),
        height: errors.keep(fields.optional("height", unsigned)),
        title: errors.keep(fields.optional_string("title")),
        action: errors.keep(fields.optional("action", action)),
        language: errors.keep(fields.optional_string("language")),
        list,
        table,
        post,
        video,
    };
    // A block whose fields could not be read is not asked which of them its type needs, and
    // the placeholder that stands in for it is not validated.
    if let Some(mut error) = errors.0 {
        error.mark_unread(path.to_string());
        return Err(error);
    }
    block
        .into_block()
        .map_err(|message| ArticleError::new(path.to_string(), message))
}

/// Running text: a string, or an array of strings and span objects.
fn inline(json: &Json, path: &Path) -> Read<Inline> {
    match json {
        // No text is no spans, as `to_json` writes them.
        Json::String(text) if text.is_empty() => Ok(Inline::default()),
        Json::String(text) => Ok(Inline::plain(text.as_str())),
        Json::Array(_) => list(json, path, span).map(Inline),
        _ => Err(invalid_type(json, path, "a string or an array of spans")),
    }
}

fn span(json: &Json, path: &Path) -> Read<Span> {
    if let Json::String(text) = json {
        return Ok(Span::plain(text.as_str()));
    }
    let fields = Fields::of(
        json,
        path,
        "a string or a span object {\"text\", \"href\", \"em\", \"strong\"}",
    )?;
    let mut errors = Errors::default();
    let span = Span {
        text: errors.keep(fields.string("text")),
        href: errors.keep(fields.optional_string("href")),
        em: errors.keep(fields.defaulted("em", boolean)),
        strong: errors.keep(fields.defaulted("strong", boolean)),
    };
    errors.finish(span)
}

/// A list item: its running text, or an object `{"text", "list"}` whose list nests under it.
fn list_item(json: &Json, path: &Path) -> Read<ListItem> {
    if !matches!(json, Json::Object(_)) {
        return inline(json, path).map(|text| ListItem { text, list: None });
    }
    let fields = Fields::of(json, path, "a list item")?;
    let mut errors = Errors::default();
    let item = ListItem {
        text: errors.keep(fields.required("text", inline)),
        list: errors.keep(fields.optional("list", nested_list)),
    };
    errors.finish(item)
}

fn nested_list(json: &Json, path: &Path) -> Read<ListBlock> {
    let fields = Fields::of(json, path, "a list object {\"items\", …}")?;
    let mut errors = Errors::default();
    let list = ListBlock {
        ordered: errors.keep(fields.defaulted("ordered", boolean)),
        start: errors.keep(fields.optional("start", unsigned)),
        items: fields.items("items", Presence::Required, list_item, &mut errors),
    };
    errors.finish(list)
}

/// A table's `head_rows` and `rows`; its caption is read with the other blocks' fields.
fn table(json: &Json, path: &Path) -> Read<TableBlock> {
    let fields = Fields::of(json, path, "a table")?;
    let mut errors = Errors::default();
    let table = TableBlock {
        caption: None,
        head_rows: errors
            .keep(fields.optional("head_rows", unsigned))
            .unwrap_or(0),
        rows: fields.items("rows", Presence::Required, row, &mut errors),
    };
    errors.finish(table)
}

fn row(json: &Json, path: &Path) -> Read<Vec<Cell>> {
    list(json, path, cell)
}

/// A table cell: a string for a plain data cell, or an object
/// `{"text", "header", "scope", "colspan", "rowspan"}`.
fn cell(json: &Json, path: &Path) -> Read<Cell> {
    if let Json::String(text) = json {
        return Ok(Cell {
            text: Inline::plain(text.as_str()),
            ..Cell::default()
        });
    }
    let fields = Fields::of(json, path, "a string or a cell object {\"text\", …}")?;
    let scope = |json: &Json, path: &Path| {
        let name = string(json, path)?;
        Scope::from_name(&name)
            .ok_or_else(|| ArticleError::new(path.to_string(), "a scope is col or row"))
    };
    let mut errors = Errors::default();
    let cell = Cell {
        text: errors.keep(fields.required("text", inline)),
        header: errors.keep(fields.defaulted("header", boolean)),
        scope: errors.keep(fields.optional("scope", scope)),
        colspan: errors
            .keep(fields.optional("colspan", unsigned))
            .unwrap_or(1),
        rowspan: errors
            .keep(fields.optional("rowspan", unsigned))
            .unwrap_or(1),
    };
    errors.finish(cell)
}

/// A post block: `{"platform", …}` and a post's fields, with the post it quotes as `quote`.
fn post_block(json: &Json, path: &Path) -> Read<PostBlock> {
    let fields = Fields::of(json, path, "a post")?;
    let platform = |json: &Json, path: &Path| {
        let name = string(json, path)?;
        Platform::from_name(&name).ok_or_else(|| {
            ArticleError::new(
                path.to_string(),
                "a platform is x, bluesky, mastodon, threads or instagram",
            )
        })
    };
    let mut errors = Errors::default();
    let block = PostBlock {
        platform: errors.keep(fields.required("platform", platform)),
        post: errors.keep(post(json, path)),
        quoted: errors.keep(fields.optional("quote", post)),
    };
    errors.finish(block)
}

/// A post: `{"url", "author", "text", "date", "image"}`.
fn post(json: &Json, path: &Path) -> Read<Post> {
    let fields = Fields::of(
        json,
        path,
        "a post object {\"url\", \"author\", \"text\", \"date\", …}",
    )?;
    let author = |json: &Json, path: &Path| {
        let fields = Fields::of(json, path, "a post's author {\"name\", \"handle\", …}")?;
        let mut errors = Errors::default();
        let author = PostAuthor {
            name: errors.keep(fields.string("name")),
            handle: errors.keep(fields.string("handle")),
            avatar: errors.keep(fields.optional_string("avatar")),
        };
        errors.finish(author)
    };
    let mut errors = Errors::default();
    let post = Post {
        url: errors.keep(fields.string("url")),
        author: errors.keep(fields.required("author", author)),
        text: errors.keep(fields.required("text", inline)),
        date: errors.keep(fields.required("date", timestamp)),
        image: errors.keep(fields.optional("image", lead_image)),
    };
    errors.finish(post)
}

/// A video's source (`src` and `captions` for a file, `host` and `id` for a hosted video),
/// `poster` and `duration`; its title, caption and size are read with the other blocks' fields.
fn video(json: &Json, path: &Path) -> Read<VideoBlock> {
    let fields = Fields::of(json, path, "a video")?;
    let host = |json: &Json, path: &Path| {
        let name = string(json, path)?;
        VideoHost::from_name(&name)
            .ok_or_else(|| ArticleError::new(path.to_string(), "a video host is youtube or vimeo"))
    };
    let captions = |json: &Json, path: &Path| {
        let fields = Fields::of(
            json,
            path,
            "a captions object {\"src\", \"lang\", \"label\"}",
        )?;
        let mut errors = Errors::default();
        let captions = Captions {
            src: errors.keep(fields.string("src")),
            lang: errors.keep(fields.string("lang")),
            label: errors.keep(fields.string("label")),
        };
        errors.finish(captions)
    };
    let mut errors = Errors::default();
    let src = errors.keep(fields.optional_string("src"));
    let host = errors.keep(fields.optional("host", host));
    let id = errors.keep(fields.optional_string("id"));
    let captions = fields.items("captions", Presence::Optional, captions, &mut errors);
    let source = match (src, host, id) {
        (Some(src), None, None) => Ok(VideoSource::File { src, captions }),
        (None, Some(host), Some(id)) if captions.is_empty() => Ok(VideoSource::Hosted { host, id }),
        (None, Some(_), Some(_)) => Err(ArticleError::new(
            Path::Key(path, "captions").to_string(),
            "a hosted video's captions are its host's; only a video file has `captions`",
        )),
        _ => Err(ArticleError::new(
            path.to_string(),
            "a video block needs `src` (a video file) or `host` and `id` (a hosted video)",
        )),
    };
    let video = VideoBlock {
        source: errors.keep(source),
        poster: errors.keep(fields.optional_string("poster")),
        duration: errors.keep(fields.optional("duration", unsigned)),
        ..VideoBlock::default()
    };
    errors.finish(video)
}
