//! An article as JSON, its fields in the order of the format's documentation, so the same
//! article is always the same bytes (`{}` writes it compact, `{:#}` indented).

use super::{Article, Block, Cell, ImageBlock, Inline, Json, ListBlock, Post, VideoSource};

impl Article {
    /// The article in its JSON format. Absent fields are left out, never written as null.
    pub fn to_json(&self) -> Json {
        article_json(self)
    }
}

fn article_json(article: &Article) -> Json {
    let mut object = Object::default();
    object.text("headline", Some(&article.headline));
    object.text("standfirst", article.standfirst.as_deref());
    object.text("kicker", article.kicker.as_deref());
    object.text("section", article.section.as_deref());
    if !article.tags.is_empty() {
        let tags = article.tags.iter().map(|tag| Json::String(tag.clone()));
        object.value("tags", Json::Array(tags.collect()));
    }
    if let Some(image) = &article.image {
        let mut fields = Object::default();
        image_fields(&mut fields, image);
        object.value("image", fields.into());
    }
    object.text("url", article.url.as_deref());
    object.text("published", article.published.as_ref().map(|t| t.as_str()));
    object.text("updated", article.updated.as_ref().map(|t| t.as_str()));
    object.text("lang", article.lang.as_deref());
    if let Some(publisher) = &article.publisher {
        let mut p = Object::default();
        p.text("name", Some(&publisher.name));
        p.text("url", publisher.url.as_deref());
        p.text("logo", publisher.logo.as_deref());
        object.value("publisher", p.into());
    }
    if !article.authors.is_empty() {
        let authors = article.authors.iter().map(|author| {
            let mut a = Object::default();
            a.text("name", Some(&author.name));
            a.text("role", author.role.as_deref());
            a.text("bio", author.bio.as_deref());
            a.text("avatar", author.avatar.as_deref());
            a.text("url", author.url.as_deref());
            a.into()
        });
        object.value("authors", Json::Array(authors.collect()));
    }
    object.value(
        "body",
        Json::Array(article.body.iter().map(block).collect()),
    );
    if !article.notes.is_empty() {
        let notes = article.notes.iter().map(|note| {
            let mut n = Object::default();
            n.text("type", Some(note.kind.name()));
            n.text("date", Some(note.date.as_str()));
            n.text("text", Some(&note.text));
            n.into()
        });
        object.value("notes", Json::Array(notes.collect()));
    }
    if !article.related.is_empty() {
        let related = article.related.iter().map(|link| {
            let mut r = Object::default();
            r.text("title", Some(&link.title));
            r.text("url", link.url.as_deref());
            r.text("kicker", link.kicker.as_deref());
            r.text("image", link.image.as_deref());
            r.into()
        });
        object.value("related", Json::Array(related.collect()));
    }
    object.into()
}

fn block(block: &Block) -> Json {
    let mut object = Object::default();
    object.text("type", Some(block.kind().name()));
    match block {
        Block::Paragraph(text) => object.value("text", inline(text)),
        Block::Heading(text) => object.text("text", Some(text)),
        Block::Quote { text, cite } => {
            object.value("text", inline(text));
            object.text("cite", cite.as_deref());
        }
        Block::PullQuote { text, cite } => {
            object.text("text", Some(text));
            object.text("cite", cite.as_deref());
        }
        Block::Image(image) => image_fields(&mut object, image),
        Block::Promo(promo) => {
            object.text("title", Some(&promo.title));
            object.text("text", promo.text.as_deref());
            if let Some(action) = &promo.action {
                let mut a = Object::default();
                a.text("label", Some(&action.label));
                a.text("url", Some(&action.url));
                object.value("action", a.into());
            }
        }
        Block::List(list) => list_fields(&mut object, list),
        Block::Table(table) => {
            object.text("caption", table.caption.as_deref());
            if table.head_rows > 0 {
                object.value("head_rows", Json::Number(table.head_rows.to_string()));
            }
            let rows = table
                .rows
                .iter()
                .map(|row| Json::Array(row.iter().map(cell).collect()));
            object.value("rows", Json::Array(rows.collect()));
        }
        Block::Code(code) => {
            object.text("text", Some(&code.text));
            object.text("language", code.language.as_deref());
        }
        Block::Divider => {}
        Block::Post(block) => {
            object.text("platform", Some(block.platform.name()));
            post_fields(&mut object, &block.post);
            if let Some(quoted) = &block.quoted {
                let mut q = Object::default();
                post_fields(&mut q, quoted);
                object.value("quote", q.into());
            }
        }
        Block::Video(video) => {
            object.text("title", Some(&video.title));
            match &video.source {
                VideoSource::File { src, captions } => {
                    object.text("src", Some(src));
                    if !captions.is_empty() {
                        let tracks = captions.iter().map(|track| {
                            let mut t = Object::default();
                            t.text("src", Some(&track.src));
                            t.text("lang", Some(&track.lang));
                            t.text("label", Some(&track.label));
                            t.into()
                        });
                        object.value("captions", Json::Array(tracks.collect()));
                    }
                }
                VideoSource::Hosted { host, id } => {
                    object.text("host", Some(host.name()));
                    object.text("id", Some(id));
                }
            }
            object.text("poster", video.poster.as_deref());
            if let Some(duration) = video.duration {
                object.value("duration", Json::Number(duration.to_string()));
            }
            object.text("caption", video.caption.as_deref());
            size_fields(&mut object, video.width, video.height);
        }
    }
    object.into()
}

fn post_fields(object: &mut Object, post: &Post) {
    object.text("url", Some(&post.url));
    let mut author = Object::default();
    author.text("name", Some(&post.author.name));
    author.text("handle", Some(&post.author.handle));
    author.text("avatar", post.author.avatar.as_deref());
    object.value("author", author.into());
    object.value("text", inline(&post.text));
    object.text("date", Some(post.date.as_str()));
    if let Some(image) = &post.image {
        let mut fields = Object::default();
        image_fields(&mut fields, image);
        object.value("image", fields.into());
    }
}

fn size_fields(object: &mut Object, width: Option<u32>, height: Option<u32>) {
    for (key, value) in [("width", width), ("height", height)] {
        if let Some(value) = value {
            object.value(key, Json::Number(value.to_string()));
        }
    }
}

fn image_fields(object: &mut Object, image: &ImageBlock) {
    object.text("src", Some(&image.src));
    object.text("alt", Some(&image.alt));
    object.text("caption", image.caption.as_deref());
    object.text("credit", image.credit.as_deref());
    size_fields(object, image.width, image.height);
}

/// A list's `ordered`, `start` and `items`, for a list block and a nested list alike.
fn list_fields(object: &mut Object, list: &ListBlock) {
    if list.ordered {
        object.value("ordered", Json::Bool(true));
    }
    if let Some(start) = list.start {
        object.value("start", Json::Number(start.to_string()));
    }
    let items = list.items.iter().map(|item| match &item.list {
        None => inline(&item.text),
        Some(nested) => {
            let mut i = Object::default();
            i.value("text", inline(&item.text));
            let mut l = Object::default();
            list_fields(&mut l, nested);
            i.value("list", l.into());
            i.into()
        }
    });
    object.value("items", Json::Array(items.collect()));
}

/// A plain data cell as a string; any other as an object.
fn cell(cell: &Cell) -> Json {
    if cell.is_plain() {
        return Json::String(cell.text.text());
    }
    let mut c = Object::default();
    c.value("text", inline(&cell.text));
    if cell.header {
        c.value("header", Json::Bool(true));
    }
    c.text("scope", cell.scope.map(|scope| scope.name()));
    for (key, value) in [("colspan", cell.colspan), ("rowspan", cell.rowspan)] {
        if value != 1 {
            c.value(key, Json::Number(value.to_string()));
        }
    }
    c.into()
}

/// Plain text as a string; formatted text as an array of strings and span objects.
fn inline(text: &Inline) -> Json {
    if text.0.iter().all(|span| span.is_plain()) {
        return Json::String(text.text());
    }
    let spans = text.0.iter().map(|span| {
        if span.is_plain() {
            return Json::String(span.text.clone());
        }
        let mut s = Object::default();
        s.text("text", Some(&span.text));
        s.text("href", span.href.as_deref());
        for (key, on) in [("em", span.em), ("strong", span.strong)] {
            if on {
                s.value(key, Json::Bool(true));
            }
        }
        s.into()
    });
    Json::Array(spans.collect())
}

#[derive(Default)]
struct Object(Vec<(String, Json)>);

impl Object {
    fn text(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.0
                .push((key.to_owned(), Json::String(value.to_owned())));
        }
    }

    fn value(&mut self, key: &str, value: Json) {
        self.0.push((key.to_owned(), value));
    }
}

impl From<Object> for Json {
    fn from(object: Object) -> Json {
        Json::Object(object.0)
    }
}
