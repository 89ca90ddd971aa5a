use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// Running text: a sequence of spans, each optionally a link or emphasised.
/// In JSON it is either a plain string or an array of strings and span objects.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline(pub Vec<Span>);

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Span {
    pub text: String,
    #[serde(default)]
    pub href: Option<String>,
    #[serde(default)]
    pub em: bool,
    #[serde(default)]
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

struct InlineVisitor;

impl<'de> Visitor<'de> for InlineVisitor {
    type Value = Inline;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or an array of spans")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Inline, E> {
        Ok(Inline::plain(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Inline, A::Error> {
        let mut spans = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(span) = seq.next_element::<SpanOrString>()? {
            spans.push(span.0);
        }
        Ok(Inline(spans))
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(InlineVisitor)
    }
}

/// One element of a span array: a bare string or a span object.
struct SpanOrString(Span);

struct SpanVisitor;

impl<'de> Visitor<'de> for SpanVisitor {
    type Value = SpanOrString;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or a span object {\"text\", \"href\", \"em\", \"strong\"}")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<SpanOrString, E> {
        Ok(SpanOrString(Span::plain(text)))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SpanOrString, A::Error> {
        Span::deserialize(MapAccessDeserializer::new(map)).map(SpanOrString)
    }
}

impl<'de> Deserialize<'de> for SpanOrString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SpanVisitor)
    }
}
