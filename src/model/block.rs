use super::Inline;

/// One piece of the article body, in reading order. The default, an empty paragraph, only
/// holds the place of a block that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Inline),
    Heading(String),
    Quote {
        text: Inline,
        cite: Option<String>,
    },
    /// A line lifted from the body and set large. It repeats text the reader already has.
    PullQuote {
        text: String,
        cite: Option<String>,
    },
    Image(ImageBlock),
    /// A box that is not part of the story, such as a newsletter sign-up.
    Promo(PromoBlock),
    /// A bulleted or numbered list, whose items may hold lists of their own.
    List(ListBlock),
    Table(TableBlock),
    /// Code or other preformatted text, its white space kept.
    Code(CodeBlock),
    /// A break between sections of the story.
    Divider,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeBlock {
    pub text: String,
    /// What it is written in ("rust", "sql"), shown as its label.
    pub language: Option<String>,
}

/// The deepest a list may nest: a list, a list in one of its items, and one more.
pub const MAX_LIST_DEPTH: usize = 3;
/// The most columns or rows one table cell may span (as HTML allows at most).
pub const MAX_CELL_SPAN: u32 = 1_000;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListBlock {
    pub ordered: bool,
    /// The number of the first item, for an ordered list.
    pub start: Option<u32>,
    pub items: Vec<ListItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListItem {
    pub text: Inline,
    /// A list nested under the item's text.
    pub list: Option<ListBlock>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableBlock {
    pub caption: Option<String>,
    /// How many of the first rows are the table's head.
    pub head_rows: u32,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: Inline,
    /// A header cell (`th`) rather than a data cell.
    pub header: bool,
    /// What a header cell heads.
    pub scope: Option<Scope>,
    pub colspan: u32,
    pub rowspan: u32,
}

impl Default for Cell {
    fn default() -> Self {
        Cell {
            text: Inline::default(),
            header: false,
            scope: None,
            colspan: 1,
            rowspan: 1,
        }
    }
}

impl Cell {
    /// A data cell of plain text, which JSON writes as a string.
    pub fn is_plain(&self) -> bool {
        !self.header
            && self.scope.is_none()
            && self.colspan == 1
            && self.rowspan == 1
            && self.text.0.iter().all(super::Span::is_plain)
    }
}

/// What a header cell heads: the rest of its column or of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Col,
    Row,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Col => "col",
            Scope::Row => "row",
        }
    }

    pub fn from_name(name: &str) -> Option<Scope> {
        match name {
            "col" => Some(Scope::Col),
            "row" => Some(Scope::Row),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImageBlock {
    pub src: String,
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromoBlock {
    pub title: String,
    pub text: Option<String>,
    pub action: Option<PromoAction>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromoAction {
    pub label: String,
    pub url: String,
}

/// Declares `BlockKind`, the block types as JSON names them, and its list `BlockKind::ALL`,
/// from one table, so the list cannot miss a type.
macro_rules! block_kinds {
    ($($kind:ident => $name:literal, $article:literal;)*) => {
        /// A block's type.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum BlockKind {
            $($kind,)*
        }

        impl BlockKind {
            /// Every block type, in the order messages list them.
            pub const ALL: &'static [BlockKind] = &[$(BlockKind::$kind,)*];

            /// The type as JSON writes it (`"type": "pullquote"`).
            pub fn name(self) -> &'static str {
                match self {
                    $(BlockKind::$kind => $name,)*
                }
            }

            /// The type with its indefinite article: "a paragraph", "an image".
            pub fn with_article(self) -> &'static str {
                match self {
                    $(BlockKind::$kind => concat!($article, " ", $name),)*
                }
            }

            /// Its text, as messages name it: "a paragraph's text".
            pub fn text_noun(self) -> &'static str {
                match self {
                    $(BlockKind::$kind => concat!($article, " ", $name, "'s text"),)*
                }
            }

            pub fn from_name(name: &str) -> Option<BlockKind> {
                BlockKind::ALL.iter().copied().find(|kind| kind.name() == name)
            }
        }
    };
}

block_kinds! {
    Paragraph => "paragraph", "a";
    Heading => "heading", "a";
    Quote => "quote", "a";
    PullQuote => "pullquote", "a";
    Image => "image", "an";
    Promo => "promo", "a";
    List => "list", "a";
    Table => "table", "a";
    Code => "code", "a";
    Divider => "divider", "a";
}

/// "paragraph, heading, …, image or promo".
fn block_type_list() -> String {
    let names: Vec<&str> = BlockKind::ALL.iter().map(|kind| kind.name()).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => {
            let mut list = String::new();
            for name in rest {
                list.push_str(name);
                list.push_str(", ");
            }
            list.truncate(list.len() - 2);
            format!("{list} or {last}")
        }
        None => String::new(),
    }
}

/// Every field any block type may carry, as read from JSON (see `read::block`).
pub(super) struct BlockFields {
    pub kind: String,
    pub text: Option<Inline>,
    pub cite: Option<String>,
    pub src: Option<String>,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub title: Option<String>,
    pub action: Option<PromoAction>,
    pub language: Option<String>,
    /// A list block's `ordered`, `start` and `items`, read only for a list.
    pub list: Option<ListBlock>,
    /// A table block's `head_rows` and `rows`, read only for a table.
    pub table: Option<TableBlock>,
}

impl BlockFields {
    pub fn into_block(self) -> Result<Block, String> {
        let Some(kind) = BlockKind::from_name(&self.kind) else {
            return Err(format!(
                "unknown block type `{}`; expected {}",
                self.kind,
                block_type_list()
            ));
        };
        let missing = |field: &str| format!("{} block needs `{field}`", kind.with_article());
        let plain = |inline: Inline| {
            inline.into_plain().ok_or_else(|| {
                format!(
                    "{} block's `text` is plain text, not an array of spans",
                    kind.with_article()
                )
            })
        };
        let text = self.text;
        let text = || text.ok_or_else(|| missing("text"));
        Ok(match kind {
            BlockKind::Paragraph => Block::Paragraph(text()?),
            BlockKind::Heading => Block::Heading(plain(text()?)?),
            BlockKind::Quote => Block::Quote {
                text: text()?,
                cite: self.cite,
            },
            BlockKind::PullQuote => Block::PullQuote {
                text: plain(text()?)?,
                cite: self.cite,
            },
            BlockKind::Image => Block::Image(ImageBlock {
                src: self.src.ok_or_else(|| missing("src"))?,
                alt: self.alt.ok_or_else(|| missing("alt"))?,
                caption: self.caption,
                credit: self.credit,
                width: self.width,
                height: self.height,
            }),
            BlockKind::Promo => Block::Promo(PromoBlock {
                title: self.title.ok_or_else(|| missing("title"))?,
                text: text().ok().map(plain).transpose()?,
                action: self.action,
            }),
            BlockKind::List => Block::List(self.list.unwrap_or_default()),
            BlockKind::Table => Block::Table(TableBlock {
                caption: self.caption,
                ..self.table.unwrap_or_default()
            }),
            BlockKind::Code => Block::Code(CodeBlock {
                text: plain(text()?)?,
                language: self.language,
            }),
            BlockKind::Divider => Block::Divider,
        })
    }
}

impl Default for Block {
    fn default() -> Self {
        Block::Paragraph(Inline::default())
    }
}

impl Block {
    pub fn kind(&self) -> BlockKind {
        match self {
            Block::Paragraph(_) => BlockKind::Paragraph,
            Block::Heading(_) => BlockKind::Heading,
            Block::Quote { .. } => BlockKind::Quote,
            Block::PullQuote { .. } => BlockKind::PullQuote,
            Block::Image(_) => BlockKind::Image,
            Block::Promo(_) => BlockKind::Promo,
            Block::List(_) => BlockKind::List,
            Block::Table(_) => BlockKind::Table,
            Block::Code(_) => BlockKind::Code,
            Block::Divider => BlockKind::Divider,
        }
    }
}
