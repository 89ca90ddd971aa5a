use super::{Inline, Timestamp};

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
    /// A social-media post saved into the article, shown from what is saved: the platform is
    /// never asked for it.
    Post(Box<PostBlock>),
    Video(VideoBlock),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PostBlock {
    pub platform: Platform,
    pub post: Post,
    /// The post it quotes, on the same platform; a quoted post quotes nothing.
    pub quoted: Option<Post>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Post {
    /// The original, linked from the card.
    pub url: String,
    pub author: PostAuthor,
    pub text: Inline,
    pub date: Timestamp,
    /// A picture the publisher hosts.
    pub image: Option<ImageBlock>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PostAuthor {
    pub name: String,
    /// How the platform writes the account: "@krebs", "@krebs@infosec.exchange".
    pub handle: String,
    /// A picture the publisher hosts.
    pub avatar: Option<String>,
}

/// Declares a closed set of names as JSON writes them, with what each is shown as.
macro_rules! named {
    ($(#[$doc:meta])* $type:ident { $($variant:ident => $name:literal, $shown:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        pub enum $type {
            #[default]
            $($variant,)*
        }

        impl $type {
            pub const ALL: &'static [$type] = &[$($type::$variant,)*];

            /// As JSON writes it.
            pub fn name(self) -> &'static str {
                match self {
                    $($type::$variant => $name,)*
                }
            }

            /// As the reader is shown it.
            pub fn shown(self) -> &'static str {
                match self {
                    $($type::$variant => $shown,)*
                }
            }

            pub fn from_name(name: &str) -> Option<$type> {
                $type::ALL.iter().copied().find(|value| value.name() == name)
            }
        }
    };
}

named! {
    /// Where a saved post was posted.
    Platform {
        X => "x", "X";
        Bluesky => "bluesky", "Bluesky";
        Mastodon => "mastodon", "Mastodon";
        Threads => "threads", "Threads";
        Instagram => "instagram", "Instagram";
    }
}

named! {
    /// A site that plays videos in its own player.
    VideoHost {
        YouTube => "youtube", "YouTube";
        Vimeo => "vimeo", "Vimeo";
    }
}

/// The longest video id a host uses, with room to spare (YouTube's are 11 characters,
/// Vimeo's 9 or 10 digits).
pub const MAX_VIDEO_ID_BYTES: usize = 64;

impl VideoHost {
    /// Whether `id` could be one of this host's video ids, which go into URLs as they are.
    pub fn is_id(self, id: &str) -> bool {
        !id.is_empty()
            && id.len() <= MAX_VIDEO_ID_BYTES
            && match self {
                VideoHost::YouTube => id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
                VideoHost::Vimeo => id.bytes().all(|b| b.is_ascii_digit()),
            }
    }

    /// The video's page on its host: where a link to it goes.
    pub fn page_url(self, id: &str) -> String {
        match self {
            VideoHost::YouTube => format!("https://www.youtube.com/watch?v={id}"),
            VideoHost::Vimeo => format!("https://vimeo.com/{id}"),
        }
    }

    /// The host's player, from the domain that sets no tracking cookies (YouTube's
    /// privacy-enhanced mode, Vimeo's do-not-track), playing at once when `autoplay`.
    pub fn player_url(self, id: &str, autoplay: bool) -> String {
        let play = |then: &'static str| if autoplay { then } else { "" };
        match self {
            VideoHost::YouTube => format!(
                "https://www.youtube-nocookie.com/embed/{id}{}",
                play("?autoplay=1")
            ),
            VideoHost::Vimeo => format!(
                "https://player.vimeo.com/video/{id}?dnt=1{}",
                play("&autoplay=1")
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VideoBlock {
    pub source: VideoSource,
    pub title: String,
    /// A still the publisher hosts, shown until the video plays.
    pub poster: Option<String>,
    /// How long it runs, in seconds.
    pub duration: Option<u32>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VideoSource {
    /// A video file, played by the browser.
    File {
        src: String,
        captions: Vec<Captions>,
    },
    /// A video on a host's site, played in the host's player once the reader asks for it.
    Hosted { host: VideoHost, id: String },
}

impl Default for VideoSource {
    fn default() -> Self {
        VideoSource::File {
            src: String::new(),
            captions: Vec::new(),
        }
    }
}

/// A captions file (WebVTT) for a video file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Captions {
    pub src: String,
    /// The captions' language, a BCP 47 tag.
    pub lang: String,
    /// What the player's menu calls them ("English").
    pub label: String,
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
    Post => "post", "a";
    Video => "video", "a";
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
    /// A post block's fields but its type, read only for a post.
    pub post: Option<PostBlock>,
    /// A video block's source, poster and duration, read only for a video.
    pub video: Option<VideoBlock>,
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
            BlockKind::Post => Block::Post(Box::new(self.post.unwrap_or_default())),
            BlockKind::Video => Block::Video(VideoBlock {
                title: self.title.ok_or_else(|| missing("title"))?,
                width: self.width,
                height: self.height,
                caption: self.caption,
                ..self.video.unwrap_or_default()
            }),
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
            Block::Post(_) => BlockKind::Post,
            Block::Video(_) => BlockKind::Video,
        }
    }
}
