use super::derived::is_language_tag;
use super::path::Path;
use super::walk::{walk, Rule, Visit};
use super::{Article, BlockKind, ImageBlock, Inline, Problem};

/// The most blocks an article body may have. A long feature runs to a few hundred.
pub const MAX_BLOCKS: usize = 5_000;
/// The longest text any one field may hold, in characters. A long paragraph runs to a few
/// thousand.
pub const MAX_TEXT_CHARS: usize = 50_000;

/// Every rule an article must meet to render: the whole article's first, then each field's
/// in document order.
pub(super) fn problems(article: &mut Article) -> Vec<Problem> {
    let mut rules = Rules::default();
    if let Some(lang) = article.lang.as_deref().filter(|l| !is_language_tag(l)) {
        rules.error(
            &Path::Root.key("lang"),
            format!("`{lang}` is not a BCP 47 language tag such as en or pt-BR"),
        );
    }
    let body = Path::Root.key("body");
    if article.body.is_empty() {
        rules.error(&body, "the body must have at least one block");
    }
    if article.body.len() > MAX_BLOCKS {
        let count = article.body.len();
        rules.error(
            &body,
            format!("{count} blocks is more than the {MAX_BLOCKS} allowed"),
        );
    }
    walk(article, &mut rules);
    rules.found
}

#[derive(Default)]
struct Rules {
    found: Vec<Problem>,
}

impl Rules {
    fn error(&mut self, at: &Path, message: impl Into<String>) {
        self.found.push(Problem::error(at.to_string(), message));
    }
}

impl Visit for Rules {
    fn text(&mut self, at: &Path, text: Option<&str>, rule: Rule) {
        let Some(text) = text else { return };
        // A character is at least a byte, so most texts need no counting.
        if text.len() > MAX_TEXT_CHARS {
            let length = text.chars().count();
            if length > MAX_TEXT_CHARS {
                let message =
                    format!("{length} characters is more than the {MAX_TEXT_CHARS} allowed");
                self.error(at, message);
            }
        }
        if text.trim().is_empty() {
            match rule {
                Rule::Any => {}
                Rule::NotBlank(what) => self.error(at, format!("{what} must not be empty")),
                Rule::NotBlankIfGiven(what) => {
                    self.error(at, format!("{what}, when given, must not be empty"));
                }
            }
        }
    }

    fn inline(&mut self, at: &Path, text: &Inline, kind: BlockKind) {
        if text.0.iter().all(|span| span.text.trim().is_empty()) {
            self.error(at, format!("{} must not be empty", kind.text_noun()));
        }
    }

    fn image(&mut self, at: &Path, image: &ImageBlock) {
        for (field, value) in [("width", image.width), ("height", image.height)] {
            if value == Some(0) {
                let message = format!("an image's {field} must be at least 1 pixel");
                self.error(&at.key(field), message);
            }
        }
    }
}
