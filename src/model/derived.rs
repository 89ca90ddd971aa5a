//! Values the widget shows that the article does not state: reading time, initials, dates.

use super::walk::{walk, Visit};
use super::{is_absolute_http_url, Article, Block, ImageBlock, ListBlock};

/// The longest description, in characters, before it is cut at a word.
const DESCRIPTION_CHARS: usize = 160;

/// The facts every channel (page metadata, cards, feeds, the importer's checks) derives from
/// an article, worked out here once.
impl Article {
    /// The first paragraph's text: what a card or a preview shows of the story.
    pub fn opening_text(&self) -> Option<String> {
        self.body.iter().find_map(|block| match block {
            Block::Paragraph(text) => Some(text.text()),
            _ => None,
        })
    }

    /// The story's words as plain text (paragraphs, headings, quotes, lists and saved posts, as
    /// the reading time counts them), a block to a paragraph, separated by a blank line; a list's items
    /// are a line each.
    pub fn story_text(&self) -> String {
        let parts: Vec<String> = self
            .body
            .iter()
            .filter_map(|block| match block {
                Block::Paragraph(text) | Block::Quote { text, .. } => Some(text.text()),
                Block::Heading(text) => Some(text.clone()),
                Block::List(list) => {
                    let mut lines = Vec::new();
                    list_lines(list, &mut lines);
                    Some(lines.join("\n"))
                }
                Block::Post(block) => {
                    let quoted = block.quoted.iter().map(|quoted| quoted.text.text());
                    let texts: Vec<String> = std::iter::once(block.post.text.text())
                        .chain(quoted)
                        .collect();
                    Some(texts.join("\n\n"))
                }
                _ => None,
            })
            .collect();
        parts.join("\n\n")
    }

    /// The standfirst, or else the opening (or the headline), cut at a word near 160
    /// characters: the page's description and the feeds' summary.
    pub fn description(&self) -> String {
        if let Some(standfirst) = &self.standfirst {
            return standfirst.clone();
        }
        let text = self.opening_text().unwrap_or_else(|| self.headline.clone());
        if text.chars().count() <= DESCRIPTION_CHARS {
            return text;
        }
        let cut: String = text.chars().take(DESCRIPTION_CHARS - 3).collect();
        let at_word = cut
            .rfind(char::is_whitespace)
            .map_or(cut.as_str(), |i| &cut[..i]);
        format!("{}…", at_word.trim_end())
    }

    /// The image previews elsewhere show (cards, Open Graph, JSON-LD): the article's own,
    /// else the first of the body, with an absolute URL.
    pub fn lead_image(&self) -> Option<&ImageBlock> {
        let body = self.body.iter().filter_map(|block| match block {
            Block::Image(image) => Some(image),
            _ => None,
        });
        self.image
            .iter()
            .chain(body)
            .find(|image| is_absolute_http_url(&image.src))
    }
}

/// Each item's text of a list and of the lists nested in it, in reading order.
fn list_lines(list: &ListBlock, lines: &mut Vec<String>) {
    for item in &list.items {
        let text = item.text.text();
        if !text.trim().is_empty() {
            lines.push(text);
        }
        if let Some(nested) = &item.list {
            list_lines(nested, lines);
        }
    }
}

/// Adult silent reading speed for non-fiction, in words per minute.
const WORDS_PER_MINUTE: usize = 230;

/// Minutes to read the story text (paragraphs, quotes, headings and list items), rounded up,
/// at least 1. Pull quotes and promos repeat or interrupt the story, and tables are looked
/// up rather than read, so they are not counted. `check`
/// stores it in the article, from the walk's story text.
pub(super) fn reading_minutes(article: &mut Article) -> usize {
    struct Words(usize);
    impl Visit for Words {
        fn story(&mut self, text: &str) {
            self.0 += word_count(text);
        }
    }
    let mut words = Words(0);
    walk(article, &mut words);
    words.0.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// `text.split_whitespace().count()`, without decoding ASCII, which most text is.
pub fn word_count(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, byte) in text.bytes().enumerate() {
        let space = match byte {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => true,
            0..=0x7f => false,
            // A continuation byte: the character was classified at its first byte.
            0x80..=0xbf => continue,
            _ => text[i..].chars().next().is_some_and(char::is_whitespace),
        };
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    words
}

/// Up to two initials: the first letters of the first and last words of a name, as written.
/// The stylesheet shows them in capitals, by the rules of the article's language (and without
/// the Unicode case tables, 6.5 KB of gzipped wasm). Letters of a joining script (Arabic) are
/// kept apart with a zero-width non-joiner, so they read as two initials, not as a word.
pub fn initials(name: &str) -> String {
    let mut words = name
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()));
    let first = words.next();
    let last = words.next_back();
    let mut initials: String = first.into_iter().collect();
    if let Some(last) = last {
        if initials.chars().chain([last]).any(is_joining_script) {
            initials.push('\u{200c}');
        }
        initials.push(last);
    }
    initials
}

fn is_joining_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{08ff}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

pub const AVATAR_PALETTE_SIZE: usize = 6;

/// A stable colour slot for a name, so an author keeps the same avatar colour everywhere.
pub fn avatar_palette_index(name: &str) -> usize {
    // FNV-1a: tiny, stable across platforms and releases.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash as usize % AVATAR_PALETTE_SIZE
}

/// An RFC 3339 timestamp, checked once, when the article is read: the text as written, and
/// its calendar date and time of day in its own zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    text: String,
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    /// The zone's offset from UTC, in minutes (`+05:30` is 330).
    pub offset_minutes: i32,
}

/// The start of 1970 in UTC, which only holds the place of a timestamp that could not be read.
impl Default for Timestamp {
    fn default() -> Self {
        Timestamp {
            text: "1970-01-01T00:00:00Z".to_owned(),
            year: 1970,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            offset_minutes: 0,
        }
    }
}

impl Timestamp {
    pub fn parse(text: &str) -> Option<Timestamp> {
        parse_rfc3339(text)
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Only the date part: `2020-11-18`.
    pub fn date(&self) -> &str {
        &self.text[..10]
    }

    /// The whole timestamp as HTML's `<time datetime>` takes it (`T` and `Z` in capitals).
    pub fn machine_readable(&self) -> String {
        self.text.to_ascii_uppercase()
    }

    /// Minutes since 1970-01-01T00:00Z, leap seconds aside.
    fn utc_minutes(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 1440 + i64::from(self.hour * 60 + self.minute) - i64::from(self.offset_minutes)
    }

    /// The same moment as `other`, to the minute.
    pub fn same_minute(&self, other: &Timestamp) -> bool {
        self.utc_minutes() == other.utc_minutes()
    }
}

/// The article's last change: its `updated`, or a later note's date.
pub(super) fn last_change(article: &Article) -> Option<Timestamp> {
    let dates = article.updated.iter();
    let dates = dates.chain(article.notes.iter().map(|note| &note.date));
    dates.max_by_key(|date| date.utc_minutes()).cloned()
}

/// How the dateline shows an article's update beside its publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateShown {
    /// Its own date: there is no publication date, or the update fell on another day.
    Date,
    /// Its time of day on the publication's clocks: it fell on the day of the publication,
    /// which the dateline has already given.
    Time {
        hour: u32,
        minute: u32,
        offset_minutes: i32,
    },
}

impl Article {
    /// The update as the dateline shows it; none when there is no update, or it is the
    /// publication itself.
    pub fn update_shown(&self) -> Option<UpdateShown> {
        let updated = self.updated.as_ref()?;
        let Some(published) = &self.published else {
            return Some(UpdateShown::Date);
        };
        if updated.same_minute(published) {
            return None;
        }
        // The update on the publication's clocks: minutes since its 1970-01-01 midnight.
        let offset_minutes = published.offset_minutes;
        let local = updated.utc_minutes() + i64::from(offset_minutes);
        let same_day = local.div_euclid(1440)
            == days_from_civil(published.year, published.month, published.day);
        let minutes = local.rem_euclid(1440) as u32;
        Some(if same_day {
            UpdateShown::Time {
                hour: minutes / 60,
                minute: minutes % 60,
                offset_minutes,
            }
        } else {
            UpdateShown::Date
        })
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// An RFC 3339 timestamp's parts, after checking the whole of it.
fn parse_rfc3339(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let year = digits(0..4)?;
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let separators_ok = b[4] == b'-'
        && b[7] == b'-'
        && matches!(b[10], b'T' | b't' | b' ')
        && b[13] == b':'
        && b[16] == b':';
    if !separators_ok || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month)
    {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits_len = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits_len == 0 {
            return None;
        }
        rest = &fraction[digits_len..];
    }
    let offset_minutes = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2]
            if [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit()) =>
        {
            let hours = i32::from((h1 - b'0') * 10 + (h2 - b'0'));
            let minutes = i32::from((m1 - b'0') * 10 + (m2 - b'0'));
            if hours > 23 || minutes > 59 {
                return None;
            }
            let sign = if *sign == b'-' { -1 } else { 1 };
            sign * (hours * 60 + minutes)
        }
        _ => return None,
    };
    Some(Timestamp {
        text: text.to_owned(),
        year,
        month,
        day,
        hour,
        minute,
        offset_minutes,
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A well-formed BCP 47 tag: subtags of 1–8 letters or digits joined by `-`, the first all
/// letters (2–8 of them, or a single `x` or `i` for private and grandfathered tags).
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or_default();
    let first_ok = first.chars().all(|c| c.is_ascii_alphabetic())
        && (matches!(first.len(), 2..=8) || matches!(first, "x" | "X" | "i" | "I"));
    first_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

const RTL_LANGUAGES: [&str; 12] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi",
];

/// `rtl` for languages written right to left (by language or by an Arab/Hebr script subtag).
pub fn direction(lang: &str) -> &'static str {
    let mut subtags = lang.split('-');
    let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
    let rtl_script =
        subtags.any(|s| s.eq_ignore_ascii_case("arab") || s.eq_ignore_ascii_case("hebr"));
    if RTL_LANGUAGES.contains(&primary.as_str()) || rtl_script {
        "rtl"
    } else {
        "ltr"
    }
}

/// The longest slug, in bytes: with `-NNNN.json.partial` after it, a file name stays well
/// inside the 255 bytes file systems allow, whatever script the slug is written in.
pub const MAX_SLUG_BYTES: usize = 120;

/// The one slug rule, for file names and URL path segments alike: lower case, letters and
/// digits of any script (with their combining marks), every other run of characters one `-`,
/// at most [`MAX_SLUG_BYTES`] long. A slug is its own slug, so a file named by `import` keeps
/// its name through `build`. Empty when the text has no letter or digit. Names Windows
/// reserves for devices (`con`, `nul`, `com1`…) get `-1`.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let keep = c.is_alphanumeric() || (is_combining_mark(c) && !slug.is_empty());
        if slug.len() + c.len_utf8() > MAX_SLUG_BYTES {
            break;
        }
        if keep {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if is_reserved_device_name(&slug) {
        slug.push_str("-1");
    }
    slug
}

/// Marks that combine with the letter before them (accents written apart, as in decomposed
/// text): not letters, but part of the word.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}'
        | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05bd}' | '\u{064b}'..='\u{065f}'
        | '\u{0670}' | '\u{0900}'..='\u{0903}' | '\u{093a}'..='\u{094f}' | '\u{3099}'..='\u{309a}')
}

fn is_reserved_device_name(slug: &str) -> bool {
    matches!(slug, "con" | "prn" | "aux" | "nul")
        || (slug.len() == 4
            && (slug.starts_with("com") || slug.starts_with("lpt"))
            && slug.as_bytes()[3].is_ascii_digit())
}
