//! The article's fields read from a JSON tree. Every error names the JSON path of the value
//! it is about, e.g. `body[3].text[1].href: invalid type: integer `7`, expected a string`.
//! Fields the format does not know are ignored, so newer articles still render.

use super::block::BlockFields;
use super::json::Json;
use super::path::Path;
use super::{
    Article, ArticleError, Author, Inline, PromoAction, Publisher, RelatedLink, Span, Timestamp,
};

type Read<T> = Result<T, ArticleError>;

fn invalid_type(json: &Json, path: &Path, expected: &str) -> ArticleError {
    ArticleError::new(
        path.to_string(),
        format!("invalid type: {}, expected {expected}", json.describe()),
    )
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

    fn required<T>(&self, key: &str, read: impl FnOnce(&Json, &Path) -> Read<T>) -> Read<T> {
        match self.json.get(key) {
            Some(value) => read(value, &Path::Key(self.path, key)),
            None => Err(ArticleError::new(
                self.path.to_string(),
                format!("missing field `{key}`"),
            )),
        }
    }

    /// Absent or null is `None`.
    fn optional<T>(
        &self,
        key: &str,
        read: impl FnOnce(&Json, &Path) -> Read<T>,
    ) -> Read<Option<T>> {
        match self.json.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => read(value, &Path::Key(self.path, key)).map(Some),
        }
    }

    /// Absent is the default; null is not.
    fn defaulted<T: Default>(
        &self,
        key: &str,
        read: impl FnOnce(&Json, &Path) -> Read<T>,
    ) -> Read<T> {
        match self.json.get(key) {
            None => Ok(T::default()),
            Some(value) => read(value, &Path::Key(self.path, key)),
        }
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

fn pixels(json: &Json, path: &Path) -> Read<u32> {
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

fn list<T>(
    json: &Json,
    path: &Path,
    mut read: impl FnMut(&Json, &Path) -> Read<T>,
) -> Read<Vec<T>> {
    match json {
        Json::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, &Path::Index(path, i)))
            .collect(),
        _ => Err(invalid_type(json, path, "a sequence")),
    }
}

/// Reads an article from its JSON, which must be an object.
pub(super) fn article(json: &Json) -> Read<Article> {
    if !matches!(json, Json::Object(_)) {
        return Err(ArticleError::new(".", "an article is a JSON object { … }"));
    }
    let fields = Fields {
        json,
        path: &Path::Root,
    };
    Ok(Article {
        headline: fields.string("headline")?,
        standfirst: fields.optional_string("standfirst")?,
        kicker: fields.optional_string("kicker")?,
        url: fields.optional_string("url")?,
        published: fields.optional("published", timestamp)?,
        updated: fields.optional("updated", timestamp)?,
        lang: fields.optional_string("lang")?,
        publisher: fields.optional("publisher", publisher)?,
        authors: fields.defaulted("authors", |json, path| list(json, path, author))?,
        body: fields.required("body", |json, path| list(json, path, block))?,
        related: fields.defaulted("related", |json, path| list(json, path, related_link))?,
        reading_minutes: 0,
    })
}

fn publisher(json: &Json, path: &Path) -> Read<Publisher> {
    let fields = Fields::of(
        json,
        path,
        "a publisher object {\"name\", \"url\", \"logo\"}",
    )?;
    Ok(Publisher {
        name: fields.string("name")?,
        url: fields.optional_string("url")?,
        logo: fields.optional_string("logo")?,
    })
}

fn author(json: &Json, path: &Path) -> Read<Author> {
    let fields = Fields::of(json, path, "an author object {\"name\", …}")?;
    Ok(Author {
        name: fields.string("name")?,
        role: fields.optional_string("role")?,
        bio: fields.optional_string("bio")?,
        avatar: fields.optional_string("avatar")?,
        url: fields.optional_string("url")?,
    })
}

fn related_link(json: &Json, path: &Path) -> Read<RelatedLink> {
    let fields = Fields::of(json, path, "a related link object {\"title\", …}")?;
    Ok(RelatedLink {
        title: fields.string("title")?,
        url: fields.optional_string("url")?,
        kicker: fields.optional_string("kicker")?,
        image: fields.optional_string("image")?,
    })
}

/// Every field any block type may carry is read and type-checked; which of them the block's
/// type needs is `BlockFields::into_block`'s to say.
fn block(json: &Json, path: &Path) -> Read<super::Block> {
    let fields = Fields::of(json, path, "a block object {\"type\", …}")?;
    let action = |json: &Json, path: &Path| {
        let fields = Fields::of(json, path, "an action object {\"label\", \"url\"}")?;
        Ok(PromoAction {
            label: fields.string("label")?,
            url: fields.string("url")?,
        })
    };
    BlockFields {
        kind: fields.string("type")?,
        text: fields.optional("text", inline)?,
        cite: fields.optional_string("cite")?,
        src: fields.optional_string("src")?,
        alt: fields.optional_string("alt")?,
        caption: fields.optional_string("caption")?,
        credit: fields.optional_string("credit")?,
        width: fields.optional("width", pixels)?,
        height: fields.optional("height", pixels)?,
        title: fields.optional_string("title")?,
        action: fields.optional("action", action)?,
    }
    .into_block()
    .map_err(|message| ArticleError::new(path.to_string(), message))
}

/// Running text: a string, or an array of strings and span objects.
fn inline(json: &Json, path: &Path) -> Read<Inline> {
    match json {
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
    Ok(Span {
        text: fields.string("text")?,
        href: fields.optional_string("href")?,
        em: fields.defaulted("em", boolean)?,
        strong: fields.defaulted("strong", boolean)?,
    })
}
