use super::derived::{is_language_tag, parse_timestamp};
use super::{Article, Block, Inline, Problem};

/// The most blocks an article body may have. A long feature runs to a few hundred.
pub const MAX_BLOCKS: usize = 5_000;
/// The longest text any one field may hold, in characters. A long paragraph runs to a few
/// thousand.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// Every rule an article must meet to render, in document order.
pub(super) fn problems(article: &Article) -> Vec<Problem> {
    let mut found = Findings::default();

    found.not_blank(|| "headline".into(), &article.headline, "the headline");
    found.not_blank_if_given(
        || "standfirst".into(),
        &article.standfirst,
        "the standfirst",
    );
    found.not_blank_if_given(|| "kicker".into(), &article.kicker, "the kicker");
    for (field, value) in [
        ("published", &article.published),
        ("updated", &article.updated),
    ] {
        if let Some(value) = value.as_deref().filter(|v| parse_timestamp(v).is_none()) {
            found.error(
                field,
                format!("`{value}` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z"),
            );
        }
    }
    if let Some(lang) = article.lang.as_deref().filter(|l| !is_language_tag(l)) {
        found.error(
            "lang",
            format!("`{lang}` is not a BCP 47 language tag such as en or pt-BR"),
        );
    }
    if let Some(publisher) = &article.publisher {
        found.not_blank(
            || "publisher.name".into(),
            &publisher.name,
            "the publisher's name",
        );
    }
    for (i, author) in article.authors.iter().enumerate() {
        found.not_blank(
            || format!("authors[{i}].name"),
            &author.name,
            "an author's name",
        );
    }

    if article.body.is_empty() {
        found.error("body", "the body must have at least one block");
    }
    if article.body.len() > MAX_BLOCKS {
        found.error(
            "body",
            format!(
                "{} blocks is more than the {MAX_BLOCKS} allowed",
                article.body.len()
            ),
        );
    }
    for_each_text(article, |path, text| {
        // A character is at least a byte, so most texts need no counting.
        let length = if text.len() > MAX_TEXT_CHARS {
            text.chars().count()
        } else {
            0
        };
        if length > MAX_TEXT_CHARS {
            found.error(
                path(),
                format!("{length} characters is more than the {MAX_TEXT_CHARS} allowed"),
            );
        }
    });
    for (i, block) in article.body.iter().enumerate() {
        let at = |field: &'static str| move || format!("body[{i}].{field}");
        let kind = block.kind();
        match block {
            Block::Paragraph(text) | Block::Quote { text, .. } => {
                found.inline(at("text"), text, kind)
            }
            Block::Heading(text) | Block::PullQuote { text, .. } => {
                if text.trim().is_empty() {
                    found.error(at("text")(), format!("a {kind}'s text must not be empty"));
                }
            }
            Block::Image(image) => {
                found.not_blank(at("src"), &image.src, "an image's src");
                for (field, value) in [("width", image.width), ("height", image.height)] {
                    if value == Some(0) {
                        found.error(
                            at(field)(),
                            format!("an image's {field} must be at least 1 pixel"),
                        );
                    }
                }
            }
            Block::Promo(promo) => {
                found.not_blank(at("title"), &promo.title, "a promo's title");
                found.not_blank_if_given(at("text"), &promo.text, "a promo's text");
                if let Some(action) = &promo.action {
                    found.not_blank(at("action.label"), &action.label, "a promo action's label");
                    found.not_blank(at("action.url"), &action.url, "a promo action's url");
                }
            }
        }
    }

    for (i, link) in article.related.iter().enumerate() {
        found.not_blank(
            || format!("related[{i}].title"),
            &link.title,
            "a related link's title",
        );
    }
    found.0
}

#[derive(Default)]
struct Findings(Vec<Problem>);

impl Findings {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem::error(path, message));
    }

    /// `path` is written out only if there is something to report.
    fn not_blank(&mut self, path: impl FnOnce() -> String, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.error(path(), format!("{what} must not be empty"));
        }
    }

    fn not_blank_if_given(
        &mut self,
        path: impl FnOnce() -> String,
        value: &Option<String>,
        what: &str,
    ) {
        if let Some(value) = value.as_deref().filter(|v| v.trim().is_empty()) {
            self.not_blank(path, value, &format!("{what}, when given,"));
        }
    }

    fn inline(&mut self, path: impl Fn() -> String, text: &Inline, kind: &str) {
        if text.0.iter().all(|span| span.text.trim().is_empty()) {
            self.error(path(), format!("a {kind}'s text must not be empty"));
        }
        for (j, span) in text.0.iter().enumerate() {
            if span.href.is_some() {
                self.not_blank(
                    || format!("{}[{j}].text", path()),
                    &span.text,
                    "a link's text",
                );
            }
        }
    }
}

/// Every text field of an article, with a way to name its path (built only when needed).
fn for_each_text(article: &Article, mut visit: impl FnMut(&dyn Fn() -> String, &str)) {
    let mut field = |path: &dyn Fn() -> String, value: Option<&str>| {
        if let Some(value) = value {
            visit(path, value);
        }
    };
    field(&|| "headline".into(), Some(&article.headline));
    field(&|| "standfirst".into(), article.standfirst.as_deref());
    field(&|| "kicker".into(), article.kicker.as_deref());
    for (i, author) in article.authors.iter().enumerate() {
        field(&|| format!("authors[{i}].name"), Some(&author.name));
        field(&|| format!("authors[{i}].role"), author.role.as_deref());
        field(&|| format!("authors[{i}].bio"), author.bio.as_deref());
    }
    if let Some(publisher) = &article.publisher {
        field(&|| "publisher.name".into(), Some(&publisher.name));
    }
    for (i, block) in article.body.iter().enumerate() {
        match block {
            Block::Paragraph(text) => {
                for (j, span) in text.0.iter().enumerate() {
                    field(&|| format!("body[{i}].text[{j}].text"), Some(&span.text));
                }
            }
            Block::Quote { text, cite: by } => {
                for (j, span) in text.0.iter().enumerate() {
                    field(&|| format!("body[{i}].text[{j}].text"), Some(&span.text));
                }
                field(&|| format!("body[{i}].cite"), by.as_deref());
            }
            Block::Heading(text) => field(&|| format!("body[{i}].text"), Some(text)),
            Block::PullQuote { text, cite: by } => {
                field(&|| format!("body[{i}].text"), Some(text));
                field(&|| format!("body[{i}].cite"), by.as_deref());
            }
            Block::Image(image) => {
                field(&|| format!("body[{i}].alt"), Some(&image.alt));
                field(&|| format!("body[{i}].caption"), image.caption.as_deref());
                field(&|| format!("body[{i}].credit"), image.credit.as_deref());
            }
            Block::Promo(promo) => {
                field(&|| format!("body[{i}].title"), Some(&promo.title));
                field(&|| format!("body[{i}].text"), promo.text.as_deref());
            }
        }
    }
    for (i, link) in article.related.iter().enumerate() {
        field(&|| format!("related[{i}].title"), Some(&link.title));
        field(&|| format!("related[{i}].kicker"), link.kicker.as_deref());
    }
}
