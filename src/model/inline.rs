/// Running text: a sequence of spans, each optionally a link or emphasised.
/// In JSON it is either a plain string or an array of strings and span objects.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline(pub Vec<Span>);

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    pub text: String,
    pub href: Option<String>,
    pub em: bool,
    pub strong: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    pub fn is_plain(&self) -> bool {
        self.href.is_none() && !self.em && !self.strong
    }
}

impl Inline {
    pub fn plain(text: impl Into<String>) -> Self {
        Inline(vec![Span::plain(text)])
    }

    /// The text with all formatting dropped.
    pub fn text(&self) -> String {
        self.0.iter().map(|span| span.text.as_str()).collect()
    }

    /// The text, when no span carries a link or emphasis.
    pub fn into_plain(self) -> Option<String> {
        self.0.iter().all(Span::is_plain).then(|| self.text())
    }
}
