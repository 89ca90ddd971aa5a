use super::Inline;

/// One piece of the article body, in reading order.
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
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

pub const BLOCK_TYPES: &str = "paragraph, heading, quote, pullquote, image or promo";

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
}

impl BlockFields {
    pub fn into_block(self) -> Result<Block, String> {
        let kind = self.kind.as_str();
        let missing = |field: &str| format!("a {kind} block needs `{field}`");
        let plain = |inline: Inline| {
            inline.into_plain().ok_or_else(|| {
                format!("a {kind} block's `text` is plain text, not an array of spans")
            })
        };
        let text = self.text;
        let text = || text.ok_or_else(|| missing("text"));
        Ok(match kind {
            "paragraph" => Block::Paragraph(text()?),
            "heading" => Block::Heading(plain(text()?)?),
            "quote" => Block::Quote {
                text: text()?,
                cite: self.cite,
            },
            "pullquote" => Block::PullQuote {
                text: plain(text()?)?,
                cite: self.cite,
            },
            "image" => Block::Image(ImageBlock {
                src: self.src.ok_or_else(|| missing("src"))?,
                alt: self.alt.ok_or_else(|| missing("alt"))?,
                caption: self.caption,
                credit: self.credit,
                width: self.width,
                height: self.height,
            }),
            "promo" => Block::Promo(PromoBlock {
                title: self.title.ok_or_else(|| missing("title"))?,
                text: text().ok().map(plain).transpose()?,
                action: self.action,
            }),
            other => {
                return Err(format!(
                    "unknown block type `{other}`; expected {BLOCK_TYPES}"
                ))
            }
        })
    }
}

impl Block {
    /// The block's type as written in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Paragraph(_) => "paragraph",
            Block::Heading(_) => "heading",
            Block::Quote { .. } => "quote",
            Block::PullQuote { .. } => "pullquote",
            Block::Image(_) => "image",
            Block::Promo(_) => "promo",
        }
    }
}
