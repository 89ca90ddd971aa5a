//! Text as a reader sees it: white space collapsed, spans merged, URLs made absolute.

use url::Url;

use article_widget::model::{Inline, Span};

/// Runs of white space as one space, and none at the ends.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Spans as a reader sees them: white space collapsed across span boundaries, nothing at the
/// ends, neighbours with the same formatting merged, and a link without text kept as text.
pub fn tidy_spans(spans: Vec<Span>) -> Inline {
    let mut out: Vec<Span> = Vec::new();
    let mut last_was_space = true;
    for mut span in spans {
        let mut text = String::with_capacity(span.text.len());
        for c in span.text.chars() {
            if c.is_whitespace() {
                if !last_was_space {
                    text.push(' ');
                }
                last_was_space = true;
            } else {
                text.push(c);
                last_was_space = false;
            }
        }
        span.text = text;
        if span.text.is_empty() {
            continue;
        }
        if span.href.is_some() && span.text.trim().is_empty() {
            span.href = None;
        }
        match out.last_mut() {
            Some(prev) if same_format(prev, &span) => prev.text.push_str(&span.text),
            _ => out.push(span),
        }
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            out.pop();
        }
    }
    // A link's own edge spaces belong to the text around it, so they are not underlined.
    let mut spaced: Vec<Span> = Vec::with_capacity(out.len());
    for span in out {
        if span.href.is_none() || span.text.trim() == span.text {
            spaced.push(span);
            continue;
        }
        let lead = span.text.len() - span.text.trim_start().len();
        let tail = span.text.trim_end().len();
        if lead > 0 {
            push_plain(&mut spaced, " ");
        }
        spaced.push(Span {
            text: span.text[lead..tail].to_owned(),
            ..span.clone()
        });
        if tail < span.text.len() {
            push_plain(&mut spaced, " ");
        }
    }
    Inline(spaced)
}

fn push_plain(spans: &mut Vec<Span>, text: &str) {
    match spans.last_mut() {
        Some(prev) if prev.is_plain() => prev.text.push_str(text),
        _ => spans.push(Span::plain(text)),
    }
}

fn same_format(a: &Span, b: &Span) -> bool {
    a.href == b.href && a.em == b.em && a.strong == b.strong
}

/// Where relative URLs in a source point: `<base>`, else the page's own URL (`--url`, or the
/// address the page gives for itself).
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    pub base: Option<Url>,
}

impl Resolver {
    /// The URL made absolute when there is a base to resolve it against; otherwise as written.
    /// Whether it is safe to use is the model's check to say, as for any article.
    pub fn resolve(&self, raw: &str) -> String {
        let raw = raw.trim();
        match &self.base {
            Some(base) => base.join(raw).map_or_else(|_| raw.to_owned(), String::from),
            None => raw.to_owned(),
        }
    }

    /// An optional URL, empty ones as none.
    pub fn resolve_opt(&self, raw: Option<&str>) -> Option<String> {
        raw.map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|r| self.resolve(r))
    }
}

/// A heading without the permalink mark documentation sites end it with: "Usage ¶",
/// "Install #".
pub fn without_anchor_mark(heading: &str) -> String {
    heading
        .trim_end_matches(['¶', '§', '#', '🔗', '⚓', ' '])
        .trim_end()
        .to_owned()
}

/// The first `n` characters of a text, for naming a thing in a message.
pub fn excerpt(text: &str, n: usize) -> String {
    let text = squash(text);
    if text.chars().count() <= n {
        return text;
    }
    let cut: String = text.chars().take(n).collect();
    format!("{}…", cut.trim_end())
}

/// A BCP 47 tag from how pages write languages: `en_GB` is `en-GB`.
pub fn language_tag(raw: &str) -> String {
    raw.trim().replace('_', "-")
}

/// A tag in BCP 47's conventional case, as a page's reader would write it: `en-gb` is
/// `en-GB`, `ZH-hant-tw` is `zh-Hant-TW`.
pub fn canonical_case(tag: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut private = false;
    for (i, subtag) in tag.split('-').enumerate() {
        let lower = subtag.to_ascii_lowercase();
        // After a singleton (`x-…`, `u-…`) the subtags are not regions or scripts.
        if i > 0 && subtag.len() == 1 {
            private = true;
        }
        out.push(match subtag.len() {
            _ if i == 0 || private => lower,
            2 if subtag.chars().all(|c| c.is_ascii_alphabetic()) => subtag.to_ascii_uppercase(),
            4 if subtag.chars().all(|c| c.is_ascii_alphabetic()) => {
                let mut chars = lower.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            }
            _ => lower,
        });
    }
    out.join("-")
}

/// The language a text's script says for certain, for a page that names none: kana is
/// Japanese, Hangul Korean, Han without kana Chinese, Thai Thai, Greek Greek; Arabic and
/// Hebrew letters say only the script (`und-Arab`, `und-Hebr`: language undetermined), which
/// is enough to set the direction. Latin, Cyrillic and the rest say nothing certain.
pub fn script_language(text: &str) -> Option<&'static str> {
    script_language_at(text, 30)
}

/// Whether a language tag is written in the script [`script_language`] gave.
pub fn written_in(tag: &str, script: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
    let scripts: Vec<String> = subtags
        .filter(|s| s.len() == 4)
        .map(|s| s.to_ascii_lowercase())
        .collect();
    let (languages, code): (&[&str], &str) = match script {
        "ja" => (&["ja"], "jpan"),
        "ko" => (&["ko"], "kore"),
        "zh" => (
            &[
                "zh", "yue", "cmn", "wuu", "hak", "nan", "gan", "hsn", "lzh", "cjy", "ja",
            ],
            "hani",
        ),
        "th" => (&["th"], "thai"),
        "el" => (&["el", "grc"], "grek"),
        "und-Arab" => (
            &[
                "ar", "fa", "ur", "ps", "sd", "ug", "ckb", "ku", "ks", "pa", "bal", "arz", "ary",
                "apc", "prs",
            ],
            "arab",
        ),
        "und-Hebr" => (&["he", "iw", "yi", "lad", "jrb"], "hebr"),
        _ => return true,
    };
    primary == "und"
        || languages.contains(&primary.as_str())
        || scripts
            .iter()
            .any(|s| s == code || (code == "hani" && (s == "hans" || s == "hant")))
}

/// [`script_language`] when that script's letters are at least `min_share` per cent.
pub fn script_language_at(text: &str, min_share: usize) -> Option<&'static str> {
    let (mut letters, mut kana, mut han, mut hangul) = (0usize, 0usize, 0usize, 0usize);
    let (mut arabic, mut hebrew, mut thai, mut greek) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => kana += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => hangul += 1,
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => arabic += 1,
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => hebrew += 1,
            0x0E00..=0x0E7F => thai += 1,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => greek += 1,
            _ => {}
        }
    }
    if letters < 20 {
        return None;
    }
    let share = |n: usize| n * 100 / letters;
    let min = min_share;
    if share(kana) >= 5 && share(kana + han) >= min {
        Some("ja")
    } else if share(hangul) >= min {
        Some("ko")
    } else if share(han) >= min {
        Some("zh")
    } else if share(arabic) >= min {
        Some("und-Arab")
    } else if share(hebrew) >= min {
        Some("und-Hebr")
    } else if share(thai) >= min {
        Some("th")
    } else if share(greek) >= min {
        Some("el")
    } else {
        None
    }
}

/// An RFC 3339 timestamp from how pages and feeds write dates, or why not. Only the spelling
/// is changed (`+0000` is `+00:00`); a date without a time or a zone is not given one.
pub fn timestamp(raw: &str) -> Result<article_widget::model::Timestamp, String> {
    let raw = raw.trim();
    let mut text = raw.to_owned();
    let bytes = raw.as_bytes();
    if bytes.len() >= 24 && matches!(bytes[bytes.len() - 5], b'+' | b'-') {
        let zone = &raw[raw.len() - 4..];
        if zone.bytes().all(|b| b.is_ascii_digit()) {
            text = format!("{}:{}", &raw[..raw.len() - 2], &raw[raw.len() - 2..]);
        }
    }
    article_widget::model::Timestamp::parse(&text).ok_or_else(|| {
        if raw.len() == 10 {
            format!("`{raw}` is a date without a time of day; the format needs one")
        } else {
            format!("`{raw}` is not an RFC 3339 timestamp")
        }
    })
}

/// Letters and digits only, in lower case.
pub fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `— Name`, `– Name` or `-- Name` on a line of its own names who is quoted.
pub fn attribution(line: &str) -> Option<String> {
    let line = line.trim();
    let rest = line
        .strip_prefix('—')
        .or_else(|| line.strip_prefix('―'))
        .or_else(|| line.strip_prefix('–'))
        .or_else(|| line.strip_prefix("--"))
        .or_else(|| line.strip_prefix("- "))?;
    let name = squash(rest);
    (!name.is_empty() && name.chars().count() <= 120).then_some(name)
}

/// Tags in their first spelling, each once (compared without case), none empty.
pub fn distinct(tags: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    tags.filter(|tag| !tag.is_empty() && seen.insert(tag.to_lowercase()))
        .collect()
}

/// Words a source lists, as JSON-LD `keywords` or front-matter `tags` give them: one text of
/// words between commas, or a list of words (or of terms with a `name`), each once.
pub fn words(value: Option<&serde_json::Value>) -> Vec<String> {
    use serde_json::Value;
    let word = |value: &Value| match value {
        Value::String(text) => Some(squash(text)),
        Value::Number(number) => Some(number.to_string()),
        Value::Object(term) => term.get("name").and_then(Value::as_str).map(squash),
        _ => None,
    };
    let words: Vec<String> = match value {
        Some(Value::String(text)) => text.split(',').map(squash).collect(),
        Some(Value::Array(items)) => items.iter().filter_map(word).collect(),
        Some(other) => word(other).into_iter().collect(),
        None => Vec::new(),
    };
    distinct(words.into_iter())
}
