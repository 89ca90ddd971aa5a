use super::derived::{is_language_tag, parse_timestamp};
use super::{Article, Block, Inline, Problem};

/// Every rule an article must meet to render, in document order.
pub(super) fn problems(article: &Article) -> Vec<Problem> {
    let mut found = Findings::default();

    found.not_blank("headline", &article.headline, "the headline");
    found.not_blank_if_given("standfirst", &article.standfirst, "the standfirst");
    found.not_blank_if_given("kicker", &article.kicker, "the kicker");
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
        found.not_blank("publisher.name", &publisher.name, "the publisher's name");
    }
    for (i, author) in article.authors.iter().enumerate() {
        found.not_blank(
            format!("authors[{i}].name"),
            &author.name,
            "an author's name",
        );
    }

    if article.body.is_empty() {
        found.error("body", "the body must have at least one block");
    }
    for (i, block) in article.body.iter().enumerate() {
        let at = |field: &str| format!("body[{i}].{field}");
        let kind = block.kind();
        match block {
            Block::Paragraph(text) | Block::Quote { text, .. } => {
                found.inline(&at("text"), text, kind)
            }
            Block::Heading(text) | Block::PullQuote { text, .. } => {
                found.not_blank(at("text"), text, &format!("a {kind}'s text"));
            }
            Block::Image(image) => {
                found.not_blank(at("src"), &image.src, "an image's src");
                for (field, value) in [("width", image.width), ("height", image.height)] {
                    if value == Some(0) {
                        found.error(
                            at(field),
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
            format!("related[{i}].title"),
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

    fn not_blank(&mut self, path: impl Into<String>, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.error(path, format!("{what} must not be empty"));
        }
    }

    fn not_blank_if_given(&mut self, path: impl Into<String>, value: &Option<String>, what: &str) {
        if let Some(value) = value {
            self.not_blank(path, value, &format!("{what}, when given,"));
        }
    }

    fn inline(&mut self, path: &str, text: &Inline, kind: &str) {
        self.not_blank(path, &text.text(), &format!("a {kind}'s text"));
        for (j, span) in text.0.iter().enumerate() {
            if span.href.is_some() {
                self.not_blank(format!("{path}[{j}].text"), &span.text, "a link's text");
            }
        }
    }
}
