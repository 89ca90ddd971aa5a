use super::derived::is_language_tag;
use super::path::Path;
use super::walk::{walk, Rule, Visit};
use super::{
    Article, Block, BlockKind, Cell, ImageBlock, Inline, ListBlock, Problem, VideoBlock,
    VideoSource, MAX_CELL_SPAN, MAX_LIST_DEPTH,
};

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

// The messages below state these limits in words, which saves formatting them.
const _: () = assert!(MAX_LIST_DEPTH == 3 && MAX_CELL_SPAN == 1_000);

#[derive(Default)]
struct Rules {
    found: Vec<Problem>,
}

impl Rules {
    fn error(&mut self, at: &Path, message: impl Into<String>) {
        self.found.push(Problem::error(at.to_string(), message));
    }
}

impl Rules {
    fn size(&mut self, at: &Path, what: &str, width: Option<u32>, height: Option<u32>) {
        for (field, value) in [("width", width), ("height", height)] {
            if value == Some(0) {
                let message = format!("{what}'s {field} must be at least 1 pixel");
                self.error(&at.key(field), message);
            }
        }
    }

    fn video(&mut self, at: &Path, video: &VideoBlock) {
        self.size(at, "a video", video.width, video.height);
        match &video.source {
            VideoSource::Hosted { host, id } if !host.is_id(id) => {
                let message = format!("`{id}` is not a {} video id", host.shown());
                self.error(&at.key("id"), message);
            }
            VideoSource::Hosted { .. } => {}
            VideoSource::File { captions, .. } => {
                let tracks = at.key("captions");
                for (i, track) in captions.iter().enumerate() {
                    if !is_language_tag(&track.lang) {
                        let message = format!(
                            "`{}` is not a BCP 47 language tag such as en or pt-BR",
                            track.lang
                        );
                        self.error(&tracks.index(i).key("lang"), message);
                    }
                }
            }
        }
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
        self.size(at, "an image", image.width, image.height);
    }

    fn block(&mut self, at: &Path, block: &Block) {
        if let Block::Video(video) = block {
            self.video(at, video);
        }
        if let Block::Table(table) = block {
            let rows = at.key("rows");
            if table.rows.is_empty() {
                self.error(&rows, "a table must have at least one row");
            }
            for (r, row) in table.rows.iter().enumerate() {
                if row.is_empty() {
                    self.error(&rows.index(r), "a table row must have at least one cell");
                }
            }
            if table.head_rows as usize > table.rows.len() {
                let message = "head_rows is more than the table's rows";
                self.error(&at.key("head_rows"), message);
            }
        }
    }

    fn list(&mut self, at: &Path, list: &ListBlock, depth: usize) {
        if depth > MAX_LIST_DEPTH {
            self.error(at, "lists may nest at most 3 deep");
        }
        if list.items.is_empty() {
            self.error(&at.key("items"), "a list must have at least one item");
        }
        if list.start.is_some() && !list.ordered {
            self.error(&at.key("start"), "only an ordered list has a start");
        }
    }

    fn cell(&mut self, at: &Path, cell: &Cell) {
        if !(1..=MAX_CELL_SPAN).contains(&cell.colspan) {
            self.error(
                &at.key("colspan"),
                "a cell's colspan must be from 1 to 1000",
            );
        }
        if !(1..=MAX_CELL_SPAN).contains(&cell.rowspan) {
            self.error(
                &at.key("rowspan"),
                "a cell's rowspan must be from 1 to 1000",
            );
        }
        if cell.scope.is_some() && !cell.header {
            self.error(&at.key("scope"), "only a header cell has a scope");
        }
        // Each span is held to the cap on its own, and so is the cell as a whole.
        let bytes: usize = cell.text.0.iter().map(|span| span.text.len()).sum();
        if bytes > MAX_TEXT_CHARS && cell.text.0.len() > 1 {
            self.text(&at.key("text"), Some(&cell.text.text()), Rule::Any);
        }
    }
}
