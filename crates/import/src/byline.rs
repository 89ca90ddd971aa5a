//! Bylines and datelines: who wrote a story, read from the line that says so ("By Ana Ruiz,
//! Staff Writer, and Tom Okafor"), from the names it links, or from the line under the
//! headline; and the line that only says when it was published.

use dom_query::{Document, NodeRef};
use url::Url;

use super::dom::laid_out_text;
use super::text::{letters, squash};

/// Links on authors' names in the byline: `rel="author"`, or inside an element marked as
/// the byline or the author.
pub fn author_links(doc: &Document) -> Vec<(String, String)> {
    doc.select("a[href]")
        .nodes()
        .iter()
        .filter(|a| {
            a.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("author"))
            }) || a.ancestors(Some(3)).iter().any(|p| {
                let marks = format!(
                    "{} {}",
                    p.attr("class").unwrap_or_default(),
                    p.attr("itemprop").unwrap_or_default()
                )
                .to_ascii_lowercase();
                marks.contains("byline") || marks.contains("author")
            })
        })
        .filter_map(|a| {
            let name = squash(&a.text());
            let href = a.attr("href")?.trim().to_owned();
            (!name.is_empty() && !href.is_empty() && !href.starts_with('#')).then_some((name, href))
        })
        .collect()
}

/// A user name rather than a person's: one word with digits or no capitals, or `@handle`.
pub fn is_handle(name: &str) -> bool {
    !name.contains(char::is_whitespace)
        && (name.starts_with('@')
            || name.chars().any(|c| c.is_ascii_digit())
            || (name.is_ascii() && !name.chars().any(char::is_uppercase)))
}

/// A name that stands in for the people who wrote the story: "Us Weekly Staff", "News
/// Desk", "Web Team".
pub fn is_stand_in(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "staff",
        "team",
        "desk",
        "editors",
        "newsroom",
        "redaktion",
        "rédaction",
        "redacción",
        "redazione",
        "admin",
        "administrator",
        "webmaster",
    ];
    name.split_whitespace().any(|w| {
        WORDS.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
        )
    })
}

/// The people in a byline, with their jobs: the names it links, when it links any (not the
/// section linked after "in", nor the comment count), else its text read as names.
pub fn byline_authors(byline: &str, links: &[(String, String)]) -> Vec<(String, Option<String>)> {
    let mut linked: Vec<(usize, &str)> = links
        .iter()
        // A name, not the comment count, the date or the handle linked beside it.
        .filter(|(name, _)| {
            !is_not_a_name(name)
                && name.chars().any(char::is_alphabetic)
                && !name.chars().any(|c| c.is_ascii_digit())
                && name.split_whitespace().count() <= 6
        })
        .filter_map(|(name, _)| byline.find(name.as_str()).map(|at| (at, name.as_str())))
        // "by <a>Ana Ruiz</a> in <a>Politics</a>": what was filed in, not by whom.
        .filter(|(at, _)| {
            let before = byline[..*at].trim_end().to_lowercase();
            ![
                "in", "on", "at", "for", "from", "under", "dans", "en", "im", "unter",
            ]
            .iter()
            .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
        })
        .collect();
    linked.sort();
    linked.dedup_by(|a, b| a.1 == b.1);
    let read = byline_people(byline);
    if linked.is_empty() {
        return read;
    }
    // The linked names, with the jobs the byline gives them.
    linked
        .iter()
        .map(|(_, name)| {
            let role = read
                .iter()
                .find(|(n, _)| n == name)
                .and_then(|(_, r)| r.clone());
            ((*name).to_owned(), role)
        })
        .collect()
}

/// A word that runs a name into what follows it ("TrapaniCEO", "DavidsonWashington"), as
/// text joined from separate elements reads; "McDonald", "DiChristopher", "DeVos" do not.
pub fn has_run_together(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "mc", "mac", "di", "de", "da", "la", "le", "van", "von", "o", "al", "el", "du",
    ];
    text.split_whitespace().any(|word| {
        let chars: Vec<char> = word.chars().collect();
        (1..chars.len()).any(|i| {
            chars[i].is_uppercase() && chars[i - 1].is_lowercase() && {
                let start: String = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                !PREFIXES.contains(&start.to_lowercase().as_str())
            }
        })
    })
}

/// The text of each element that may be a byline, keyed by its letters: its parts (the text
/// of each child, times left out) joined with " | ", so that "<a>Ana Ruiz</a><span>Staff
/// Writer</span>" reads "Ana Ruiz | Staff Writer".
pub fn byline_texts(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.select("body *").nodes() {
        let text = squash(&node.text());
        if text.is_empty() || text.chars().count() > 200 {
            continue;
        }
        let mut node = *node;
        // A wrapper around one element: its parts are that element's.
        loop {
            let elements = node.element_children();
            let own_text = node
                .children()
                .iter()
                .any(|c| c.is_text() && !c.text().trim().is_empty());
            match elements.as_slice() {
                [only] if !own_text => node = *only,
                _ => break,
            }
        }
        let parts: Vec<String> = node
            .children()
            .iter()
            .map(laid_out_text)
            .filter(|t| !t.is_empty())
            .collect();
        if parts.len() > 1 {
            out.push((letters(&text), parts.join(" | ")));
        }
    }
    // The innermost element of a text first.
    out.reverse();
    out
}

/// Where an author's page is: `/author/ana-ruiz`, `/profile/…`, `/journaliste/…`.
pub fn is_author_page(href: &str) -> bool {
    const PATHS: &[&str] = &[
        "author",
        "authors",
        "autor",
        "autores",
        "auteur",
        "auteurs",
        "profile",
        "profiles",
        "people",
        "staff",
        "writer",
        "writers",
        "journalist",
        "journaliste",
        "journalisten",
        "contributor",
        "contributors",
        "by",
        "columnist",
        "columnists",
        "editors",
        "reporter",
        "reporters",
        "redaktion",
        "team",
    ];
    let path = Url::parse(href).map_or(href.to_owned(), |u| u.path().to_owned());
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    segments.len() >= 2
        && segments[..segments.len() - 1]
            .iter()
            .any(|s| PATHS.contains(&s.to_ascii_lowercase().as_str()))
}

/// The byline a page shows under its headline when neither its metadata nor Readability
/// gives one: between the first `<h1>` and the story's first long paragraph, a line "By …"
/// of names, else links to authors' pages (`/author/…`) or marked `rel="author"`.
pub fn page_byline(doc: &Document, headline: Option<&str>) -> Vec<String> {
    let all = doc.select("body *").nodes().to_vec();
    let is_h1 = |n: &NodeRef| n.has_name("h1");
    let Some(h1) = all
        .iter()
        .position(|n| is_h1(n) && headline.is_some_and(|h| squash(&n.text()).contains(h)))
        .or_else(|| all.iter().position(is_h1))
    else {
        return Vec::new();
    };
    // The story starts with two paragraphs in a row; a standfirst over it is one.
    let long = |n: &NodeRef| n.has_name("p") && squash(&n.text()).chars().count() >= 60;
    let end = all[h1..]
        .iter()
        .position(|n| long(n) && n.next_element_sibling().is_some_and(|s| long(&s)))
        .map_or(all.len(), |i| h1 + i);
    let header = &all[h1 + 1..end.min(h1 + 150)];
    // The innermost line first: "By Ana Ruiz" rather than the box it sits in with the date.
    for node in header.iter().rev() {
        let text = laid_out_text(node);
        let lower = text.to_lowercase();
        let short = text.chars().count() <= 80;
        if short && (lower.starts_with("by ") || lower.starts_with("by:")) {
            let names = byline_names(&text);
            let name_like = !names.is_empty()
                && names.iter().all(|n| {
                    let words = n.split_whitespace().count();
                    (2..=5).contains(&words) && !n.to_lowercase().starts_with("by")
                });
            if name_like {
                return names;
            }
        }
    }
    let mut names: Vec<String> = Vec::new();
    for link in header.iter().filter(|n| n.has_name("a")) {
        let rel_author = link.attr("rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
        });
        let to_author = link.attr("href").is_some_and(|h| is_author_page(h.trim()));
        let name = squash(&link.text());
        let words = name.split_whitespace().count();
        let name_like = (1..=5).contains(&words)
            && !name.chars().any(|c| c.is_ascii_digit())
            && name.chars().next().is_some_and(char::is_uppercase);
        if (rel_author || to_author) && name_like && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The names in a byline: "By A, B and C" is three; a byline that reads as anything but
/// names (a date, a sentence) is one name as written.
pub fn byline_names(byline: &str) -> Vec<String> {
    byline_people(byline)
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// What bylines start with before the names, in the languages news is written in.
pub const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "words by",
    "reporting by",
    "story by",
    "text by",
    "posted by",
    "published by",
    "authors:",
    "author:",
    "autor:",
    "auteur :",
    "auteur:",
    "text:",
    "by:",
    "by",
    "von",
    "par",
    "por",
    "door",
    "av",
    "af",
];

/// Words that make a part of a byline a job rather than a name: "Ana Ruiz, Staff Writer".
pub const ROLE_WORDS: &[&str] = &[
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "editors",
    "columnist",
    "contributor",
    "contributors",
    "contributing",
    "producer",
    "analyst",
    "photographer",
    "journalist",
    "journaliste",
    "redakteur",
    "redakteurin",
    "correspondant",
    "correspondante",
    "corresponsal",
    "redactor",
    "redactora",
    "staff",
    "senior",
    "chief",
    "bureau",
    "fellow",
    "intern",
    "ceo",
    "founder",
    "president",
    "director",
];

/// Letters after a name that belong to it: "Ana Ruiz, MA", "Tom Okafor Jr.".
pub const NAME_SUFFIXES: &[&str] = &[
    "ma", "ms", "md", "phd", "mph", "rn", "do", "mba", "msc", "bsc", "jr", "sr", "ii", "iii", "iv",
];

/// The people in a byline, each with the job written beside the name, if any: "By Ana Ruiz,
/// Staff Writer, and Tom Okafor" is Ana Ruiz (Staff Writer) and Tom Okafor.
pub fn byline_people(byline: &str) -> Vec<(String, Option<String>)> {
    let mut text = squash(byline);
    loop {
        let lower = text.to_lowercase();
        let Some(rest) = BYLINE_PREFIXES.iter().find_map(|prefix| {
            let rest = lower.strip_prefix(prefix)?;
            (prefix.ends_with(':')
                || rest.is_empty()
                || rest.starts_with(' ')
                || rest.starts_with(':'))
            .then(|| text[text.len() - rest.len()..].trim_start_matches([' ', ':']))
        }) else {
            break;
        };
        if rest.is_empty() {
            // "By" and nothing after it: the names are elsewhere.
            return Vec::new();
        }
        if rest.len() == text.len() {
            break;
        }
        text = rest.trim_start_matches([' ', ':', '|', ',']).to_owned();
    }
    // Italian writes "di Mario Rossi", in lower case; "Di Stefano" is a name.
    if let Some(rest) = text.strip_prefix("di ") {
        text = rest.to_owned();
    }
    // Who edited or reviewed the story is not who wrote it: "Written by A Edited by B".
    let lower = text.to_lowercase();
    if let Some(at) = NOT_AUTHORS
        .iter()
        .filter_map(|label| lower.find(label))
        .filter(|&at| at > 0)
        .min()
    {
        if text.is_char_boundary(at) {
            text = squash(text[..at].trim_end_matches([';', ',', '|', ' ']));
        }
    }
    // A byline that is only a date ("Last updated: January 7, 2025") names nobody.
    if is_date_only(&text) {
        return Vec::new();
    }
    let text = without_dateline(&text);
    if text.is_empty() {
        return Vec::new();
    }
    let mut listed = text.clone();
    for joiner in [" and ", " & ", " und ", " et ", " y ", " e ", " | ", "; "] {
        listed = listed.replace(joiner, ",");
    }
    let all_parts: Vec<String> = listed
        .split([',', '|'])
        .map(squash)
        .filter(|p| !p.is_empty())
        .collect();
    let parts: Vec<String> = all_parts
        .iter()
        .filter(|p| !is_not_a_name(p))
        .cloned()
        .collect();
    if parts.is_empty() {
        return Vec::new();
    }
    // As written, less the handles and links beside the names.
    let as_written = if parts.len() == all_parts.len() {
        text
    } else {
        parts.join(", ")
    };
    let words_of = |p: &str| -> Vec<String> {
        p.split(' ')
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect()
    };
    let is_role = |p: &str| words_of(p).iter().any(|w| ROLE_WORDS.contains(&w.as_str()));
    let is_suffix = |p: &str| {
        let words = words_of(p);
        words.len() == 1 && NAME_SUFFIXES.contains(&words[0].as_str())
    };
    // Each part of a list is a whole name: "Kooman, F." is one person, written surname first.
    let looks_like_name = |p: &str| {
        let words: Vec<&str> = p.split(' ').collect();
        (2..=5).contains(&words.len())
            && !p.chars().any(|c| c.is_ascii_digit())
            && words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count()
                * 2
                > words.len()
    };
    let is_newsroom = |p: &str| {
        words_of(p)
            .iter()
            .any(|w| NEWSROOM_WORDS.contains(&w.as_str()))
    };
    let mut people: Vec<(String, Option<String>)> = Vec::new();
    for part in &parts {
        match people.last_mut() {
            Some((name, _)) if is_suffix(part) => {
                name.push_str(", ");
                name.push_str(part);
            }
            Some((_, role @ None)) if is_role(part) => *role = Some(part.clone()),
            // "Ana Ruiz, Washington Post": the paper she wrote for, not a second author.
            Some(_) if is_newsroom(part) => {}
            _ => people.push((without_where(part), None)),
        }
    }
    let named = !people.is_empty() && people.iter().all(|(name, _)| !is_role(name));
    if named && people.iter().all(|(name, _)| looks_like_name(name)) {
        return people;
    }
    // Not a list of names: one name with its job or paper, or the byline as written.
    match (people.as_slice(), parts.as_slice()) {
        ([(name, _)], [_, _, ..]) if !is_role(name) && looks_like_name(name) => people,
        ([(name, Some(_))], _) if !is_role(name) => people,
        ([_], [_]) if named => vec![(without_where(&parts[0]), None)],
        _ => vec![(as_written, None)],
    }
}

/// Words of a newsroom's name: a part of a byline holding one is where the author works.
pub const NEWSROOM_WORDS: &[&str] = &[
    "news",
    "post",
    "times",
    "press",
    "daily",
    "tribune",
    "herald",
    "journal",
    "magazine",
    "media",
    "network",
    "agency",
    "associated",
    "reuters",
    "afp",
    "bloomberg",
    "gazette",
    "telegraph",
    "guardian",
    "chronicle",
    "observer",
    "wire",
    "radio",
    "tv",
    "television",
    "buzzfeed",
    "cnn",
    "bbc",
    "npr",
    "abc",
    "nbc",
    "cbs",
    "ap",
];

/// What bylines hold besides names: handles, addresses, and the links beside the name.
pub fn is_not_a_name(part: &str) -> bool {
    const LINKS: &[&str] = &[
        "twitter",
        "x",
        "facebook",
        "instagram",
        "linkedin",
        "threads",
        "mastodon",
        "bluesky",
        "email",
        "e-mail",
        "mail",
        "rss",
        "view all",
        "view all posts",
        "more",
        "see more",
        "follow",
        "follow author",
        "follow on twitter",
        "watch live",
        "contact",
        "bio",
        "about",
        "more from this author",
        "all posts",
    ];
    let lower = part.trim().to_lowercase();
    part.starts_with('@')
        || part.contains("://")
        || part.starts_with("www.")
        || (part.contains('@') && !part.contains(' '))
        || LINKS.contains(&lower.as_str())
        || matches!(lower.as_str(), "and" | "&" | "et" | "y" | "und" | "e")
}

/// A name without where or for whom the story was filed: "Ana Ruiz in Kyiv", "Tom Okafor for
/// the Gazette". Names do not hold these words in lower case.
pub fn without_where(name: &str) -> String {
    let mut cut = name.len();
    for word in [" in ", " for ", " from ", " at "] {
        if let Some(at) = name.find(word) {
            if name[..at].split(' ').count() >= 2 {
                cut = cut.min(at);
            }
        }
    }
    name[..cut].trim().to_owned()
}

/// What follows a byline's names and is not an author.
pub const NOT_AUTHORS: &[&str] = &[
    "edited by",
    "editing by",
    "additional reporting by",
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
    "fact-checked by",
];

pub const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "published",
    "updated",
    "posted",
    "modified",
    "on",
    "at",
];

/// Abbreviations, clock and zone words, and labels that a dateline holds besides numbers.
pub const DATE_LABELS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "am", "pm", "a.m", "p.m",
    "utc", "gmt", "et", "pt", "ct", "mt", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt",
    "bst", "cet", "cest", "ist", "last", "modified", "date", "time", "of", "the",
];

pub fn is_date_word(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    word.is_empty()
        || word.chars().any(|c| c.is_ascii_digit())
        || DATE_WORDS.contains(&word.as_str())
        || DATE_LABELS.contains(&word.as_str())
}

/// Text that is a date and its labels only: "Last updated: January 7, 2025", "22 Dec, 2016".
pub(crate) fn is_date_only(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && words.iter().all(|w| is_date_word(w))
}

/// A line at the top of a story that is only when it was published, and perhaps by whom:
/// "Tuesday 15 October 2019 by Ana Ruiz", "Posted on 3/2/2015 7:11 AM PST BY NEWS STAFF".
/// Some(name after "by") when it is one.
pub(crate) fn dateline(text: &str) -> Option<Option<String>> {
    let text = squash(text);
    if text.chars().count() > 120 || !text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let by = words.iter().position(|w| w.eq_ignore_ascii_case("by"));
    let (date, name) = match by {
        Some(at) => {
            let rest = &words[at + 1..];
            let end = rest
                .iter()
                .position(|w| w.chars().any(|c| c.is_ascii_digit()))
                .unwrap_or(rest.len());
            let mut date: Vec<&str> = words[..at].to_vec();
            date.extend_from_slice(&rest[end..]);
            (date, rest[..end].join(" "))
        }
        None => (words.clone(), String::new()),
    };
    let name = name.trim_end_matches([',', '|', '·', '-', '–', '—']).trim();
    let name_words = name.split_whitespace().count();
    let dated = date.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    if !dated || !date.iter().all(|w| is_date_word(w)) || name_words > 5 {
        return None;
    }
    if by.is_some() && name_words == 0 {
        return None;
    }
    Some(Some(name.to_owned()).filter(|n| !n.is_empty()))
}

/// A byline without the date some pages run into it: "Joe Wee Monday, February 29, 2016".
pub fn without_dateline(byline: &str) -> String {
    let Some(digit) = byline.find(|c: char| c.is_ascii_digit()) else {
        return byline.to_owned();
    };
    let mut words: Vec<&str> = byline[..digit].split_whitespace().collect();
    let mut popped = String::new();
    while let Some(last) = words.last() {
        let word = last
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // "Last updated", not a surname Last.
        let last_updated = word == "last" && matches!(popped.as_str(), "updated" | "modified");
        if word.is_empty() || DATE_WORDS.contains(&word.as_str()) || last_updated {
            words.pop();
            popped = word;
        } else {
            break;
        }
    }
    let name = words
        .join(" ")
        .trim_end_matches([',', '|', '·', '-', '–', '—'])
        .trim()
        .to_owned();
    if name.chars().any(char::is_alphabetic) {
        name
    } else {
        byline.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::{byline_people, dateline, is_date_only};

    /// The people a byline's text names, each with the job written beside the name.
    #[rstest]
    #[case::one_name("By Ana Ruiz", &[("Ana Ruiz", None)])]
    #[case::a_job("By Ana Ruiz, Staff Writer", &[("Ana Ruiz", Some("Staff Writer"))])]
    #[case::a_job_and_a_second_name(
        "By Ana Ruiz, Staff Writer, and Tom Okafor",
        &[("Ana Ruiz", Some("Staff Writer")), ("Tom Okafor", None)]
    )]
    #[case::three_names(
        "By Ana Ruiz, Tom Okafor and Li Wei",
        &[("Ana Ruiz", None), ("Tom Okafor", None), ("Li Wei", None)]
    )]
    #[case::a_degree("Ana Ruiz, MA", &[("Ana Ruiz, MA", None)])]
    #[case::a_suffix("By Tom Okafor, Jr.", &[("Tom Okafor, Jr.", None)])]
    #[case::where_it_was_filed("By Ana Ruiz in Kyiv", &[("Ana Ruiz", None)])]
    #[case::for_whom("Tom Okafor for the Gazette", &[("Tom Okafor", None)])]
    #[case::the_paper("Ana Ruiz, Washington Post", &[("Ana Ruiz", None)])]
    #[case::german("von Ana Ruiz und Tom Okafor", &[("Ana Ruiz", None), ("Tom Okafor", None)])]
    #[case::french("Par Ana Ruiz et Tom Okafor", &[("Ana Ruiz", None), ("Tom Okafor", None)])]
    #[case::italian_lower_case("di Mario Rossi", &[("Mario Rossi", None)])]
    #[case::di_as_a_name("Di Stefano Rossi", &[("Di Stefano Rossi", None)])]
    #[case::an_editor_is_not_an_author(
        "Written by Ana Ruiz Edited by Tom Okafor",
        &[("Ana Ruiz", None)]
    )]
    #[case::reuters("Reporting by Ana Ruiz; Editing by Tom Okafor", &[("Ana Ruiz", None)])]
    #[case::a_date_run_into_it(
        "Joe Wee Monday, February 29, 2016",
        &[("Joe Wee", None)]
    )]
    #[case::a_handle("By Julia Horowitz, @juliah", &[("Julia Horowitz", None)])]
    #[case::social_links("Julia Horowitz | Twitter | View All", &[("Julia Horowitz", None)])]
    #[case::a_desk("Our Foreign Staff", &[("Our Foreign Staff", None)])]
    #[case::only_a_date("Last updated: January 7, 2025", &[])]
    #[case::by_and_nothing("By", &[])]
    fn a_bylines_people(#[case] byline: &str, #[case] people: &[(&str, Option<&str>)]) {
        let got = byline_people(byline);
        let got: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(name, role)| (name.as_str(), role.as_deref()))
            .collect();
        assert_eq!(got, people);
    }

    /// A line that is only when the story was published, and who by when it says.
    #[rstest]
    #[case::a_date_and_a_name("Tuesday 15 October 2019 by Ana Ruiz", Some(Some("Ana Ruiz")))]
    #[case::a_time_and_a_desk(
        "Posted on 3/2/2015 7:11 AM PST BY NEWS STAFF",
        Some(Some("NEWS STAFF"))
    )]
    #[case::a_date_twice("22 Dec, 2016 22 Dec, 2016", Some(None))]
    #[case::a_sentence_with_a_date("Published on 5 May 2016, this story was read by many.", None)]
    #[case::no_date("By Ana Ruiz", None)]
    #[case::by_and_no_name("15 October 2019 by", None)]
    fn a_dateline(#[case] text: &str, #[case] named: Option<Option<&str>>) {
        assert_eq!(dateline(text).as_ref().map(|n| n.as_deref()), named);
    }

    #[rstest]
    #[case::labelled("Last updated: January 7, 2025", true)]
    #[case::abbreviated("22 Dec, 2016", true)]
    #[case::with_a_zone("Mon 3 Mar 2025 10:41 GMT", true)]
    #[case::no_digits("Last updated", false)]
    #[case::a_name_beside_it("Ana Ruiz, 5 May 2021", false)]
    fn date_only(#[case] text: &str, #[case] only: bool) {
        assert_eq!(is_date_only(text), only);
    }
}
