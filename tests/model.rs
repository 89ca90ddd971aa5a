//! The article model, natively: the seed fixture, every validation rule, derived values.
#![cfg(not(target_arch = "wasm32"))]

use article_widget::i18n::{Counts, Labels};
use article_widget::load::{Failure, LoadError};
use article_widget::model::{
    avatar_palette_index, initials, safe_url, slug, Article, BaseUrl, Block, BlockKind, Inline,
    Timestamp, UrlUse, MAX_MORE_PROBLEMS, MAX_SLUG_BYTES,
};
use rstest::rstest;
use serde_json::{json, Value};

fn stamp(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

const SEED_JSON: &str = include_str!("../static/articles/krebs.json");
const SEED_TEXT: &str = include_str!("fixtures/krebs-seed.txt");

fn seed_value() -> Value {
    serde_json::from_str(SEED_JSON).unwrap()
}

fn error_for(value: Value) -> String {
    Article::from_json(&value.to_string())
        .expect_err("the article should be refused")
        .to_string()
}

/// The seed with the value at a JSON pointer set (added, if the field is absent).
fn with(mut value: Value, pointer: &str, replacement: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match value
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in the seed"))
    {
        Value::Object(map) => {
            map.insert(key.to_owned(), replacement);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = replacement,
        other => panic!("{parent} is {other}"),
    }
    value
}

fn without(mut value: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    value
}

#[test]
fn seed_parses_validates_and_has_no_warnings() {
    let checked = Article::from_json(SEED_JSON).unwrap();
    assert_eq!(checked.warnings, vec![]);
}

#[test]
fn seed_holds_the_story_verbatim_and_in_order() {
    let article = Article::from_json(SEED_JSON).unwrap().article;
    let lines: Vec<&str> = SEED_TEXT.lines().collect();
    assert_eq!(article.headline, lines[0]);
    assert_eq!(article.standfirst.as_deref(), Some(lines[1]));

    let paragraphs: Vec<String> = article
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(text) => Some(text.text()),
            _ => None,
        })
        .collect();
    let expected: Vec<String> = [3, 4, 5, 6, 7, 8, 9, 12, 13, 14]
        .iter()
        .map(|&i| lines[i].to_owned())
        .collect();
    assert_eq!(paragraphs, expected);

    let promo_at = article
        .body
        .iter()
        .position(|b| matches!(b, Block::Promo(_)))
        .unwrap();
    let Block::Promo(promo) = &article.body[promo_at] else {
        unreachable!()
    };
    assert_eq!(promo.title, "Get the ITPro. daily newsletter");
    assert_eq!(promo.text.as_deref(), Some(lines[11]));
    let paragraphs_before_promo = article.body[..promo_at]
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(_)))
        .count();
    assert_eq!(
        paragraphs_before_promo, 7,
        "the promo stands where the seed has it, after the 7th paragraph"
    );

    let pull_quote = article.body.iter().find_map(|b| match b {
        Block::PullQuote { text, .. } => Some(text.clone()),
        _ => None,
    });
    let pull_quote = pull_quote.expect("the seed has a pull quote");
    assert!(
        paragraphs.iter().any(|p| p.contains(&pull_quote)),
        "a pull quote is lifted from the text"
    );

    let author = &article.authors[..];
    assert_eq!(author.len(), 1);
    assert_eq!(author[0].name, "Bobby Hellard");
    assert_eq!(author[0].role.as_deref(), Some("Reviews Editor"));
    assert_eq!(
        author[0].bio.as_deref(),
        Some(format!("{}\n\n{}", lines[15], lines[16]).as_str())
    );
    assert_eq!(author[0].avatar, None);

    let related: Vec<&str> = article.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(related, [lines[18], lines[20]]);
    assert_eq!(
        article.publisher.as_ref().map(|p| p.name.as_str()),
        Some("ITPro")
    );
    // The seed gives no date, URL or image: none is invented.
    assert_eq!((article.published, article.url), (None, None));
    assert!(article
        .related
        .iter()
        .all(|r| r.url.is_none() && r.image.is_none()));
}

#[test]
fn unknown_fields_are_ignored() {
    let value = with(
        seed_value(),
        "/publisher",
        json!({"name": "ITPro", "twitter": "@ITPro"}),
    );
    let mut value = with(value, "/body/0/colour", json!("red"));
    value
        .as_object_mut()
        .unwrap()
        .insert("tracking".into(), json!({"id": [1, 2, 3]}));
    assert!(Article::from_json(&value.to_string()).is_ok());
}

#[test]
fn inline_text_takes_strings_and_spans() {
    let value = with(
        seed_value(),
        "/body/0/text",
        json!(["Read ", {"text": "the report", "href": "https://example.com/r", "em": true}, {"text": " now", "strong": true}]),
    );
    let article = Article::from_json(&value.to_string()).unwrap().article;
    let Block::Paragraph(Inline(spans)) = &article.body[0] else {
        panic!("not a paragraph")
    };
    assert_eq!(spans.len(), 3);
    assert_eq!(spans[1].href.as_deref(), Some("https://example.com/r"));
    assert!(spans[1].em && !spans[1].strong && spans[2].strong);
}

/// Each rule, broken once, with the exact message a publisher sees.
#[rstest]
#[case(without(seed_value(), "/headline"), "missing field `headline`")]
#[case(with(seed_value(), "/headline", json!("  ")), "headline: the headline must not be empty")]
#[case(with(seed_value(), "/headline", json!(42)), "headline: invalid type: integer `42`, expected a string")]
#[case(with(seed_value(), "/standfirst", json!("")), "standfirst: the standfirst, when given, must not be empty")]
#[case(with(seed_value(), "/kicker", json!(" ")), "kicker: the kicker, when given, must not be empty")]
#[case(without(seed_value(), "/body"), "missing field `body`")]
#[case(with(seed_value(), "/body", json!([])), "body: the body must have at least one block")]
#[case(with(seed_value(), "/section", json!(" ")), "section: the section, when given, must not be empty")]
#[case(with(seed_value(), "/image", json!("a.jpg")), "image: invalid type: string \"a.jpg\", expected an image object {\"src\", \"alt\", …}")]
#[case(with(seed_value(), "/image", json!({"src": "a.jpg"})), "image: an image block needs `alt`")]
#[case(with(seed_value(), "/image", json!({"src": " ", "alt": ""})), "image.src: an image's src must not be empty")]
#[case(with(seed_value(), "/image", json!({"src": "a.jpg", "alt": "", "height": 0})), "image.height: an image's height must be at least 1 pixel")]
#[case(with(seed_value(), "/tags", json!("news")), "tags: invalid type: string \"news\", expected a sequence")]
#[case(with(seed_value(), "/tags", json!(["news", 7])), "tags[1]: invalid type: integer `7`, expected a string")]
#[case(with(seed_value(), "/tags", json!(["news", "\t"])), "tags[1]: a tag must not be empty")]
#[case(with(seed_value(), "/body", json!({})), "body: invalid type: map, expected a sequence")]
#[case(with(seed_value(), "/body/3", json!({"type": "gallery"})), "body[3]: unknown block type `gallery`; expected paragraph, heading, quote, pullquote, image, promo, list, table, code, divider, post or video")]
#[case(with(seed_value(), "/body/3", json!({"type": "post", "url": "https://x.com/a/status/1", "author": {"name": "A", "handle": "@a"}, "text": "t", "date": "2020-11-18T10:00:00Z"})), "body[3]: missing field `platform`")]
#[case(with(seed_value(), "/body/3", json!({"type": "post", "platform": "x", "url": "https://x.com/a/status/1", "author": {"name": "A", "handle": "@a"}, "text": "t", "date": "2020-11-18T10:00:00Z", "platform": "facebook"})), "body[3].platform: a platform is x, bluesky, mastodon, threads or instagram")]
#[case(with(seed_value(), "/body/3", json!({"type": "post", "platform": "x", "url": "https://x.com/a/status/1", "author": {"name": "A", "handle": "@a"}, "text": "t", "date": "2020-11-18T10:00:00Z", "author": {"name": "A", "handle": " "}})), "body[3].author.handle: a post author's handle must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "post", "platform": "x", "url": "https://x.com/a/status/1", "author": {"name": "A", "handle": "@a"}, "text": "t", "date": "2020-11-18T10:00:00Z", "author": {"name": "A"}})), "body[3].author: missing field `handle`")]
#[case(with(seed_value(), "/body/3", json!({"type": "post", "platform": "x", "url": "https://x.com/a/status/1", "author": {"name": "A", "handle": "@a"}, "text": "t", "date": "2020-11-18T10:00:00Z", "text": [" "]})), "body[3].text: a post's text must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "post", "platform": "x", "url": "https://x.com/a/status/1", "author": {"name": "A", "handle": "@a"}, "text": "t", "date": "2020-11-18T10:00:00Z", "date": "yesterday"})), "body[3].date: `yesterday` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z")]
#[case(with(seed_value(), "/body/3", json!({"type": "post", "platform": "x", "url": "https://x.com/a/status/1", "author": {"name": "A", "handle": "@a"}, "text": "t", "date": "2020-11-18T10:00:00Z", "quote": {"url": "https://x.com/b/status/2", "author": {"name": "B", "handle": "@b"}, "text": "q"}})), "body[3].quote: missing field `date`")]
#[case(with(seed_value(), "/body/3", json!({"type": "post", "platform": "x", "url": "https://x.com/a/status/1", "author": {"name": "A", "handle": "@a"}, "text": "t", "date": "2020-11-18T10:00:00Z", "image": {"src": "", "alt": "x"}})), "body[3].image.src: an image's src must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "src": "a.mp4"})), "body[3]: a video block needs `title`")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T"})), "body[3]: a video block needs `src` (a video file) or `host` and `id` (a hosted video)")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "src": "a.mp4", "host": "youtube", "id": "aqz-KE-bpKQ"})), "body[3]: a video block needs `src` (a video file) or `host` and `id` (a hosted video)")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "host": "dailymotion", "id": "x"})), "body[3].host: a video host is youtube or vimeo")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "host": "youtube", "id": "../x?a=1"})), "body[3].id: `../x?a=1` is not a YouTube video id")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "host": "vimeo", "id": "abc"})), "body[3].id: `abc` is not a Vimeo video id")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "host": "vimeo", "id": "1", "captions": [{"src": "a.vtt", "lang": "en", "label": "English"}]})), "body[3].captions: a hosted video's captions are its host's; only a video file has `captions`")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "src": "a.mp4", "captions": [{"src": "a.vtt", "lang": "english!", "label": "English"}]})), "body[3].captions[0].lang: `english!` is not a BCP 47 language tag such as en or pt-BR")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "src": "a.mp4", "captions": [{"src": "a.vtt", "lang": "en"}]})), "body[3].captions[0]: missing field `label`")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": " ", "src": "a.mp4"})), "body[3].title: a video's title must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "src": "a.mp4", "width": 0})), "body[3].width: a video's width must be at least 1 pixel")]
#[case(with(seed_value(), "/body/3", json!({"type": "video", "title": "T", "host": "youtube", "id": "aqz-KE-bpKQ", "duration": -1})), "body[3].duration: invalid value: integer `-1`, expected u32")]
#[case(with(seed_value(), "/body/3", json!({"text": "no type"})), "body[3]: missing field `type`")]
#[case(with(seed_value(), "/body/3", json!({"type": "paragraph"})), "body[3]: a paragraph block needs `text`")]
#[case(with(seed_value(), "/body/3/text", json!("")), "body[3].text: a paragraph's text must not be empty")]
#[case(with(seed_value(), "/body/3/text", json!(true)), "body[3].text: invalid type: boolean `true`, expected a string or an array of spans")]
#[case(with(seed_value(), "/body/3/text", json!(["a", 7])), "body[3].text[1]: invalid type: integer `7`, expected a string or a span object {\"text\", \"href\", \"em\", \"strong\"}")]
#[case(with(seed_value(), "/body/3/text", json!(["a", {"text": "b", "href": 7}])), "body[3].text[1].href: invalid type: integer `7`, expected a string")]
#[case(with(seed_value(), "/body/3/text", json!(["a", {"href": "https://x.test"}])), "body[3].text[1]: missing field `text`")]
#[case(with(seed_value(), "/body/3/text", json!(["a", {"text": " ", "href": "https://x.test"}])), "body[3].text[1].text: a link's text must not be empty")]
#[case(with(seed_value(), "/body/3/text", json!(["a", {"text": "b", "em": "yes"}])), "body[3].text[1].em: invalid type: string \"yes\", expected a boolean")]
#[case(with(seed_value(), "/body/3", json!({"type": "heading", "text": ""})), "body[3].text: a heading's text must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "heading", "text": [{"text": "x", "em": true}]})), "body[3]: a heading block's `text` is plain text, not an array of spans")]
#[case(with(seed_value(), "/body/3", json!({"type": "quote", "text": " "})), "body[3].text: a quote's text must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "quote", "text": "x", "cite": 1})), "body[3].cite: invalid type: integer `1`, expected a string")]
#[case(with(seed_value(), "/body/5/text", json!("")), "body[5].text: a pullquote's text must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "image", "alt": "x"})), "body[3]: an image block needs `src`")]
#[case(with(seed_value(), "/body/3", json!({"type": "image", "src": "https://x.test/a.jpg"})), "body[3]: an image block needs `alt`")]
#[case(with(seed_value(), "/body/3", json!({"type": "image", "src": " ", "alt": ""})), "body[3].src: an image's src must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "image", "src": "a.jpg", "alt": "", "width": 0})), "body[3].width: an image's width must be at least 1 pixel")]
#[case(with(seed_value(), "/body/3", json!({"type": "image", "src": "a.jpg", "alt": "", "height": -4})), "body[3].height: invalid value: integer `-4`, expected u32")]
#[case(with(seed_value(), "/body/8/title", json!("")), "body[8].title: a promo's title must not be empty")]
#[case(
    without(seed_value(), "/body/8/title"),
    "body[8]: a promo block needs `title`"
)]
#[case(with(seed_value(), "/body/8/text", json!("")), "body[8].text: a promo's text, when given, must not be empty")]
#[case(with(seed_value(), "/body/8/action", json!({"label": "Sign up", "url": ""})), "body[8].action.url: a promo action's url must not be empty")]
#[case(with(seed_value(), "/body/8/action", json!({"label": "", "url": "https://x.test"})), "body[8].action.label: a promo action's label must not be empty")]
#[case(with(seed_value(), "/body/8/action", json!({"label": "Go"})), "body[8].action: missing field `url`")]
#[case(with(seed_value(), "/body/3", json!({"type": "list"})), "body[3]: missing field `items`")]
#[case(with(seed_value(), "/body/3", json!({"type": "list", "items": []})), "body[3].items: a list must have at least one item")]
#[case(with(seed_value(), "/body/3", json!({"type": "list", "items": ["a", " "]})), "body[3].items[1].text: a list's text must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "list", "items": ["a", 7]})), "body[3].items[1]: invalid type: integer `7`, expected a string or an array of spans")]
#[case(with(seed_value(), "/body/3", json!({"type": "list", "start": 2, "items": ["a"]})), "body[3].start: only an ordered list has a start")]
#[case(with(seed_value(), "/body/3", json!({"type": "list", "ordered": true, "start": 1.5, "items": ["a"]})), "body[3].start: invalid type: floating point `1.5`, expected u32")]
#[case(with(seed_value(), "/body/3", json!({"type": "list", "items": [{"text": "a", "list": {"items": [{"text": "b", "list": {"items": [{"text": "c", "list": {"items": ["d"]}}]}}]}}]})), "body[3].items[0].list.items[0].list.items[0].list: lists may nest at most 3 deep")]
#[case(with(seed_value(), "/body/3", json!({"type": "list", "items": [{"text": "a", "list": {"items": ["b", {"list": {}}]}}]})), "body[3].items[0].list.items[1]: missing field `text`")]
#[case(with(seed_value(), "/body/3", json!({"type": "table"})), "body[3]: missing field `rows`")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "rows": []})), "body[3].rows: a table must have at least one row")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "rows": [["a"], []]})), "body[3].rows[1]: a table row must have at least one cell")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "head_rows": 2, "rows": [["a"]]})), "body[3].head_rows: head_rows is more than the table's rows")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "rows": [["a", {"text": "b", "colspan": 0}]]})), "body[3].rows[0][1].colspan: a cell's colspan must be from 1 to 1000")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "rows": [[{"text": "b", "rowspan": 1001}]]})), "body[3].rows[0][0].rowspan: a cell's rowspan must be from 1 to 1000")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "rows": [[{"text": "b", "scope": "col"}]]})), "body[3].rows[0][0].scope: only a header cell has a scope")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "rows": [[{"text": "b", "header": true, "scope": "all"}]]})), "body[3].rows[0][0].scope: a scope is col or row")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "rows": [[7]]})), "body[3].rows[0][0]: invalid type: integer `7`, expected a string or a cell object {\"text\", …}")]
#[case(with(seed_value(), "/body/3", json!({"type": "table", "rows": [[{"text": ["a", {"text": " ", "href": "https://x.test"}]}]]})), "body[3].rows[0][0].text[1].text: a link's text must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "code"})), "body[3]: a code block needs `text`")]
#[case(with(seed_value(), "/body/3", json!({"type": "code", "text": "\n  \n"})), "body[3].text: a code's text must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "code", "text": ["a", {"text": "b", "em": true}]})), "body[3]: a code block's `text` is plain text, not an array of spans")]
#[case(with(seed_value(), "/body/3", json!({"type": "code", "text": "x", "language": ""})), "body[3].language: a code block's language, when given, must not be empty")]
#[case(with(seed_value(), "/body/3", json!({"type": "code", "text": "x", "language": 7})), "body[3].language: invalid type: integer `7`, expected a string")]
#[case(with(seed_value(), "/notes", json!({})), "notes: invalid type: map, expected a sequence")]
#[case(with(seed_value(), "/notes", json!([7])), "notes[0]: invalid type: integer `7`, expected a note object {\"type\", \"date\", \"text\"}")]
#[case(with(seed_value(), "/notes", json!([{"type": "erratum", "date": "2020-11-18T10:00:00Z", "text": "x"}])), "notes[0].type: a note is a correction or an update")]
#[case(with(seed_value(), "/notes", json!([{"type": "update", "text": "x"}])), "notes[0]: missing field `date`")]
#[case(with(seed_value(), "/notes", json!([{"type": "update", "date": "2020-11-18", "text": "x"}])), "notes[0].date: `2020-11-18` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z")]
#[case(with(seed_value(), "/notes", json!([{"type": "correction", "date": "2020-11-18T10:00:00Z", "text": " "}])), "notes[0].text: a note's text must not be empty")]
#[case(with(seed_value(), "/authors/0/name", json!("")), "authors[0].name: an author's name must not be empty")]
#[case(with(seed_value(), "/authors", json!([{"role": "Editor"}])), "authors[0]: missing field `name`")]
#[case(with(seed_value(), "/related/1/title", json!("")), "related[1].title: a related link's title must not be empty")]
#[case(with(seed_value(), "/publisher/name", json!("")), "publisher.name: the publisher's name must not be empty")]
#[case(with(seed_value(), "/published", json!("18/11/2020")), "published: `18/11/2020` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z")]
#[case(with(seed_value(), "/updated", json!("2020-02-30T10:00:00Z")), "updated: `2020-02-30T10:00:00Z` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z")]
#[case(with(seed_value(), "/lang", json!("english!")), "lang: `english!` is not a BCP 47 language tag such as en or pt-BR")]
fn every_rule_has_a_clear_message_naming_its_path(#[case] value: Value, #[case] expected: &str) {
    assert_eq!(error_for(value), expected);
}

#[test]
fn not_json_is_refused_with_its_position() {
    let err = Article::from_json("{\"headline\": \"x\",")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "not JSON: EOF while parsing a value at line 1 column 17"
    );
    let err = Article::from_json(&format!("{SEED_JSON} trailing"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("not JSON: trailing characters at line"),
        "{err}"
    );
}

#[test]
fn unsafe_links_are_dropped_with_a_warning_and_the_text_kept() {
    let value = with(
        seed_value(),
        "/body/0/text",
        json!(["Click ", {"text": "here", "href": "java\tscript:alert(1)"}]),
    );
    let value = with(value, "/authors/0/url", json!("javascript:alert(1)"));
    let checked = Article::from_json(&value.to_string()).unwrap();
    let Block::Paragraph(text) = &checked.article.body[0] else {
        panic!()
    };
    assert_eq!(text.text(), "Click here");
    assert_eq!(text.0[1].href, None);
    assert_eq!(checked.article.authors[0].url, None);
    let warnings: Vec<String> = checked.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "warning: authors[0].url: the scheme `javascript:` is not allowed; use http, https, mailto; the link was removed",
            "warning: body[0].text[1].href: the scheme `javascript:` is not allowed; use http, https, mailto; the link was removed",
        ]
    );
}

#[test]
fn url_schemes() {
    let allowed = [
        "https://example.com/a",
        "http://example.com",
        "mailto:desk@example.com",
        "/articles/x",
        "x.html",
        "#top",
        "?page=2",
    ];
    for url in allowed {
        assert_eq!(
            safe_url(url, UrlUse::Link, None).as_deref(),
            Ok(url),
            "{url}"
        );
    }
    let refused = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\nscript:alert(1)",
        "\u{1}javascript:alert(1)",
        "data:text/html,<b>",
        "vbscript:msgbox",
        "//evil.test/x",
        "\\\\evil.test",
        "/\\evil.test",
        "\\/evil.test",
        "\u{ff4a}avascript:alert(1)",
        "java script:alert(1)",
        "",
    ];
    for url in refused {
        assert!(
            safe_url(url, UrlUse::Link, None).is_err(),
            "{url:?} should be refused"
        );
    }
    assert!(safe_url("mailto:a@b.test", UrlUse::Image, None).is_err());
    assert_eq!(
        safe_url("  https://example.com/a.png\n", UrlUse::Image, None).as_deref(),
        Ok("https://example.com/a.png")
    );
}

#[test]
fn reading_time_counts_story_words_only() {
    let minutes = |body: Value| {
        let value = with(seed_value(), "/body", body);
        Article::from_json(&value.to_string())
            .unwrap()
            .article
            .reading_minutes
    };
    // 295 words at 230 a minute.
    assert_eq!(
        Article::from_json(SEED_JSON)
            .unwrap()
            .article
            .reading_minutes,
        2
    );
    let words = |n: usize| json!({"type": "paragraph", "text": "word ".repeat(n)});
    assert_eq!(minutes(json!([words(230)])), 1);
    assert_eq!(
        minutes(json!([words(230), {"type": "paragraph", "text": "one more"}])),
        2
    );
    assert_eq!(
        minutes(
            json!([{"type": "quote", "text": "word ".repeat(231)}, {"type": "heading", "text": "two words"}])
        ),
        2,
        "quotes and headings are story text"
    );
    assert_eq!(
        minutes(json!([{"type": "pullquote", "text": "word ".repeat(1000)}])),
        1,
        "pull quotes are not counted, and the minimum is 1"
    );
    let nested = json!({"text": "word ".repeat(100), "list": {"items": ["word ".repeat(31)]}});
    assert_eq!(
        minutes(json!([{"type": "list", "items": ["word ".repeat(100), nested]}])),
        2,
        "list items, nested ones too, are story text"
    );
    assert_eq!(
        minutes(json!([{"type": "table", "rows": [["word ".repeat(1000)]]}])),
        1,
        "tables are looked up, not read through"
    );
}

/// Code keeps its white space, a divider is only its type, and notes keep their order; all
/// are written back as they were read. Notes are not the story, and the article's update is
/// its latest note's when that is later.
#[test]
fn code_dividers_and_notes_round_trip_and_notes_date_the_update() {
    let code =
        json!({"type": "code", "language": "rust", "text": "fn main() {\n\tprintln!(\"hi\");\n}"});
    let notes = json!([
        {"type": "update", "date": "2020-11-18T12:00:00Z", "text": "The agency has since replied."},
        {"type": "correction", "date": "2020-11-18T08:00:00-05:00", "text": "An earlier version misnamed the agency."}
    ]);
    let value = with(
        seed_value(),
        "/body",
        json!([{"type": "paragraph", "text": "a"}, {"type": "divider"}, code]),
    );
    let value = with(value, "/notes", notes);
    let value = with(value, "/updated", json!("2020-11-18T10:00:00Z"));
    let article = Article::from_json(&value.to_string()).unwrap().article;
    let written: Value = serde_json::from_str(&article.to_json().to_string()).unwrap();
    assert_eq!(written["body"], value["body"]);
    assert_eq!(written["notes"], value["notes"]);
    assert_eq!(
        article.updated.as_ref().map(|t| t.as_str()),
        Some("2020-11-18T08:00:00-05:00"),
        "13:00 UTC, the correction, is the latest change"
    );
    assert_eq!(
        article.story_text(),
        "a",
        "code and notes are not story text"
    );

    let earlier = with(value, "/updated", json!("2020-11-19T10:00:00Z"));
    let article = Article::from_json(&earlier.to_string()).unwrap().article;
    assert_eq!(
        article.updated.as_ref().map(|t| t.as_str()),
        Some("2020-11-19T10:00:00Z"),
        "an update later than every note stays"
    );
}

/// Posts and videos are written back as they were read; a post's text is the story's, and
/// its links and a video's sources are held to the URL rules.
#[test]
fn posts_and_videos_round_trip_and_their_urls_are_checked() {
    let value: Value = serde_json::from_str(include_str!("../static/articles/posts.json")).unwrap();
    let article = Article::from_json(&value.to_string()).unwrap().article;
    let written: Value = serde_json::from_str(&article.to_json().to_string()).unwrap();
    assert_eq!(written["body"], value["body"]);
    assert_eq!(
        Article::from_json(&written.to_string()).unwrap().article,
        article
    );
    assert!(article
        .story_text()
        .contains("Worth it to keep the buses out of the water."));

    let value = with(value, "/body/1/text/1/href", json!("javascript:alert(1)"));
    let value = with(value, "/body/10/poster", json!("data:image/svg+xml,x"));
    let checked = Article::from_json(&value.to_string()).unwrap();
    let warnings: Vec<String> = checked.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains(" body[1].text[1].href: "),
        "{warnings:?}"
    );
    assert!(warnings[1].contains(" body[10].poster: "), "{warnings:?}");
    let Block::Video(video) = &checked.article.body[10] else {
        panic!("a video")
    };
    assert_eq!(video.poster, None);

    let value = with(value, "/body/1/url", json!("javascript:alert(1)"));
    let value = with(value, "/body/3/image/src", json!("javascript:alert(1)"));
    let value = with(value, "/body/10/src", json!("javascript:alert(1)"));
    let checked = Article::from_json(&value.to_string()).unwrap();
    let warnings: Vec<String> = checked.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 5, "{warnings:?}");
    let body = &checked.article.body;
    assert_eq!(
        body.len(),
        13,
        "the video file without a source is gone, and only it"
    );
    let Block::Post(post) = &body[1] else {
        panic!("a post")
    };
    assert_eq!(
        post.post.url, "",
        "a post whose URL is removed still shows what it said"
    );
    let Block::Post(post) = &body[3] else {
        panic!("a post")
    };
    assert_eq!(post.post.image, None);
}

/// Lists and tables are written back as they were read, and a link in a list item or a table
/// cell is held to the URL rules as any link is.
#[test]
fn lists_and_tables_round_trip_and_their_links_are_checked() {
    let list = json!({"type": "list", "ordered": true, "start": 0, "items": [
        "a",
        ["b ", {"text": "link", "href": "https://example.com/b", "em": true}],
        {"text": "", "list": {"items": ["c", {"text": "d", "list": {"ordered": true, "items": ["e"]}}]}}
    ]});
    let table = json!({"type": "table", "caption": "T", "head_rows": 1, "rows": [
        [{"text": "x", "header": true, "scope": "col", "colspan": 2}],
        [{"text": "y", "header": true, "scope": "row", "rowspan": 3}, "1"],
        [{"text": ["2 ", {"text": "more", "href": "https://example.com/t"}]}]
    ]});
    let value = with(seed_value(), "/body", json!([list, table]));
    let article = Article::from_json(&value.to_string()).unwrap().article;
    let written: Value = serde_json::from_str(&article.to_json().to_string()).unwrap();
    assert_eq!(written["body"], value["body"]);
    let reread = Article::from_json(&article.to_json().to_string())
        .unwrap()
        .article;
    assert_eq!(
        reread, article,
        "an item with no text of its own reads back as it was"
    );
    assert!(
        article.story_text().ends_with("a\nb link\nc\nd\ne"),
        "{}",
        article.story_text()
    );

    let value = with(
        value,
        "/body/1/rows/2/0/text/1/href",
        json!("javascript:alert(1)"),
    );
    let value = with(
        value,
        "/body/0/items/2/list/items/1/list/items/0",
        json!([{"text": "f", "href": "data:text/html,x"}]),
    );
    let checked = Article::from_json(&value.to_string()).unwrap();
    let warnings: Vec<String> = checked.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0]
            .starts_with("warning: body[0].items[2].list.items[1].list.items[0].text[0].href:"),
        "{warnings:?}"
    );
    assert!(
        warnings[1].starts_with("warning: body[1].rows[2][0].text[1].href:"),
        "{warnings:?}"
    );
}

#[test]
fn initials_and_avatar_colour() {
    assert_eq!(initials("Bobby Hellard"), "BH");
    assert_eq!(initials("Cher"), "C");
    assert_eq!(
        initials("  jean-luc  de la  Tour "),
        "jT",
        "as written; CSS capitalises"
    );
    assert_eq!(initials("éric durand"), "éd");
    assert_eq!(initials("Ólafur Arnalds"), "ÓA");
    assert_eq!(initials(""), "");
    assert_eq!(
        initials("بوبي هيلارد"),
        "ب\u{200c}ه",
        "Arabic initials do not join"
    );
    assert_eq!(
        avatar_palette_index("Bobby Hellard"),
        5,
        "FNV-1a: the same slot on every platform and in every release"
    );
    let distinct: std::collections::HashSet<usize> =
        ["Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"]
            .iter()
            .map(|n| avatar_palette_index(n))
            .collect();
    assert!(distinct.len() > 2, "names spread over the palette");
}

#[test]
fn dates_language_and_direction() {
    let mut value = with(
        seed_value(),
        "/published",
        json!("2020-11-18T09:30:00+00:00"),
    );
    value["lang"] = json!("ar-EG");
    let article = Article::from_json(&value.to_string()).unwrap().article;
    assert_eq!(article.lang(), "ar-EG");
    assert_eq!(article.dir(), "rtl");
    assert_eq!(
        Labels::for_lang(article.lang()).date(article.published.as_ref().unwrap()),
        "18 نوفمبر 2020"
    );
    let in_lang = |lang| Labels::for_lang(lang);
    assert_eq!(
        in_lang("de").date(&stamp("2020-11-01T08:00:00Z")),
        "1. November 2020"
    );
    assert_eq!(
        in_lang("es-MX").date(&stamp("2020-11-01T08:00:00Z")),
        "1 de noviembre de 2020"
    );
    assert_eq!(
        in_lang("en-US").date(&stamp("2020-11-01T08:00:00Z")),
        "November 1, 2020",
        "Americans write the month first"
    );
    let english = in_lang("en-GB");
    assert_eq!(
        english.date(&stamp("2020-11-18T23:30:00-05:00")),
        "18 November 2020",
        "the calendar date as written, whatever the offset"
    );
    assert!(Labels::written_in("x-private").is_none());
    assert_eq!(Labels::for_lang("x-private").by, "By", "English fallback");
    assert_eq!(Labels::for_lang("he-IL").reading_time(3), "3 דקות קריאה");
    assert_eq!(Article::from_json(SEED_JSON).unwrap().article.lang(), "en");
    for ok in [
        "2020-11-18T09:30:00Z",
        "2020-02-29T00:00:00.123-05:30",
        "1999-12-31t23:59:60z",
    ] {
        assert!(
            Article::from_json(&with(seed_value(), "/published", json!(ok)).to_string()).is_ok(),
            "{ok}"
        );
    }
    for bad in [
        "2020-11-18",
        "2021-02-29T00:00:00Z",
        "2020-11-18T24:00:00Z",
        "2020-11-18T09:30:00",
        "2020-11-18T09:30:00+0100",
    ] {
        assert!(
            Article::from_json(&with(seed_value(), "/published", json!(bad)).to_string()).is_err(),
            "{bad}"
        );
    }
    for ok in ["en", "pt-BR", "zh-Hant-TW", "x-private", "he"] {
        assert!(
            Article::from_json(&with(seed_value(), "/lang", json!(ok)).to_string()).is_ok(),
            "{ok}"
        );
    }
}

#[test]
fn relative_urls_resolve_against_the_articles_location() {
    // RFC 3986, section 5.4.1, for the references a browser would resolve the same way.
    let base = BaseUrl::parse("http://a/b/c/d;p?q").unwrap();
    let cases = [
        ("g", "http://a/b/c/g"),
        ("./g", "http://a/b/c/g"),
        ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"),
        ("?y", "http://a/b/c/d;p?y"),
        ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"),
        ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"),
        ("..", "http://a/b/"),
        ("../", "http://a/b/"),
        ("../g", "http://a/b/g"),
        ("../..", "http://a/"),
        ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"),
        ("/./g", "http://a/g"),
        ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."),
        ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"),
        ("g/./h", "http://a/b/c/g/h"),
        ("g/../h", "http://a/b/c/h"),
    ];
    for (reference, expected) in cases {
        assert_eq!(base.resolve(reference), expected, "{reference}");
    }
    assert_eq!(BaseUrl::parse("ftp://a/b"), None);
    assert_eq!(BaseUrl::parse("/relative"), None);
}

#[test]
fn an_article_fetched_from_a_url_links_relative_to_it() {
    let value = with(
        seed_value(),
        "/body/0/text",
        json!(["See ", {"text": "the report", "href": "../reports/krebs.html"}]),
    );
    let value = with(value, "/related/0/url", json!("/2020/11/other"));
    let text = value.to_string();
    let fetched = Article::from_json_at(&text, Some("https://cdn.example/feeds/itpro/krebs.json"))
        .unwrap()
        .article;
    let Block::Paragraph(inline) = &fetched.body[0] else {
        panic!()
    };
    assert_eq!(
        inline.0[1].href.as_deref(),
        Some("https://cdn.example/feeds/reports/krebs.html")
    );
    assert_eq!(
        fetched.related[0].url.as_deref(),
        Some("https://cdn.example/2020/11/other")
    );

    let with_own_url = with(value, "/url", json!("https://www.itpro.example/news/krebs"));
    let article = Article::from_json(&with_own_url.to_string())
        .unwrap()
        .article;
    assert_eq!(
        article.related[0].url.as_deref(),
        Some("https://www.itpro.example/2020/11/other")
    );

    let unplaced = Article::from_json(&text).unwrap().article;
    assert_eq!(
        unplaced.related[0].url.as_deref(),
        Some("/2020/11/other"),
        "left to the page"
    );
}

#[test]
fn limits_on_blocks_and_text_length() {
    let paragraph = json!({"type": "paragraph", "text": "x"});
    let too_many = with(
        seed_value(),
        "/body",
        Value::Array(vec![paragraph.clone(); 5_001]),
    );
    assert_eq!(
        error_for(too_many),
        "body: 5001 blocks is more than the 5000 allowed"
    );
    let enough = with(seed_value(), "/body", Value::Array(vec![paragraph; 5_000]));
    assert!(Article::from_json(&enough.to_string()).is_ok());

    let long_word = "w".repeat(50_001);
    assert_eq!(
        error_for(with(
            seed_value(),
            "/body/2/text",
            json!(["a ", {"text": long_word, "em": true}])
        )),
        "body[2].text[1].text: 50001 characters is more than the 50000 allowed"
    );
    assert_eq!(
        error_for(with(
            seed_value(),
            "/authors/0/bio",
            json!("b".repeat(60_000))
        )),
        "authors[0].bio: 60000 characters is more than the 50000 allowed"
    );
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let err = Article::from_json(&nested).unwrap_err().to_string();
    assert!(
        err.starts_with("not JSON: recursion limit exceeded"),
        "{err}"
    );
}

proptest::proptest! {
    /// The reading time's word count agrees with the standard library's idea of whitespace,
    /// in every script.
    #[test]
    fn word_count_is_split_whitespace_count(text in "(\\PC|\\s|\u{a0}|\u{2003}|\u{3000}|\u{85}){0,64}") {
        proptest::prop_assert_eq!(
            article_widget::model::word_count(&text),
            text.split_whitespace().count()
        );
    }
}

/// Each language has a sentence for every failure, and the server's status goes in its place.
#[test]
fn failures_are_told_in_every_language() {
    let failures = [
        Failure::TimedOut,
        Failure::TooLarge,
        Failure::NotFound,
        Failure::ServerError(503),
        Failure::Unreachable,
        Failure::NotReadable,
        Failure::Invalid,
        Failure::NoArticle,
        Failure::UnreadableFile,
    ];
    for lang in ["en", "ar", "he", "fr", "de", "es"] {
        let labels = Labels::written_in(lang).unwrap();
        let told: Vec<String> = failures
            .iter()
            .map(|f| LoadError::new(*f, "").reader_message(labels))
            .collect();
        for sentence in &told {
            assert!(
                !sentence.trim().is_empty() && !sentence.contains('{'),
                "{lang}: {sentence}"
            );
        }
        assert!(told[3].contains("503"), "{lang}: {}", told[3]);
        let mut distinct = told.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            told.len(),
            "{lang}: each failure says something else"
        );
    }
    assert_eq!(
        LoadError::new(Failure::NotFound, "").reader_message(Labels::for_lang("fr-CA")),
        "L’article est introuvable."
    );
}

/// The block types come from one list, `BlockKind::ALL`: the JSON Schema must name the same.
#[test]
fn the_schema_names_every_block_type() {
    let schema: Value =
        serde_json::from_str(include_str!("../static/article.schema.json")).unwrap();
    let block = &schema["$defs"]["block"]["properties"]["type"]["enum"];
    let in_schema: Vec<&str> = block
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let in_model: Vec<&str> = BlockKind::ALL.iter().map(|kind| kind.name()).collect();
    assert_eq!(in_schema, in_model);
}

/// Plural rules are data: a language with other rules (Polish here) needs no code.
#[rstest]
#[case(1, "1 minuta czytania")]
#[case(2, "2 minuty czytania")]
#[case(4, "4 minuty czytania")]
#[case(5, "5 minut czytania")]
#[case(12, "12 minut czytania")]
#[case(22, "22 minuty czytania")]
#[case(25, "25 minut czytania")]
fn plural_rules_are_data(#[case] minutes: usize, #[case] expected: &str) {
    let polish = Labels {
        reading_time: &[
            (Counts::Is(1), "{n} minuta czytania"),
            (
                Counts::Mod {
                    modulo: 10,
                    from: 2,
                    to: 4,
                    except: Some((12, 14)),
                },
                "{n} minuty czytania",
            ),
            (Counts::Other, "{n} minut czytania"),
        ],
        ..*Labels::for_lang("en")
    };
    assert_eq!(polish.reading_time(minutes), expected);
}

#[rstest]
#[case(1, "دقيقة واحدة للقراءة")]
#[case(2, "دقيقتان للقراءة")]
#[case(3, "3 دقائق للقراءة")]
#[case(10, "10 دقائق للقراءة")]
#[case(11, "11 دقيقة للقراءة")]
#[case(103, "103 دقائق للقراءة")]
fn arabic_reading_time_takes_its_plural_forms(#[case] minutes: usize, #[case] expected: &str) {
    assert_eq!(Labels::for_lang("ar").reading_time(minutes), expected);
}

/// tests/fixtures/url-rules.json, which the markup checks of both suites read, is the rule
/// the model applies.
#[rstest]
#[case(UrlUse::Link, "link")]
#[case(UrlUse::Image, "image")]
fn the_shared_url_rules_are_the_models(#[case] usage: UrlUse, #[case] key: &str) {
    let rules: Value = serde_json::from_str(include_str!("fixtures/url-rules.json")).unwrap();
    let allowed: Vec<&str> = rules[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    for scheme in [
        "http",
        "https",
        "mailto",
        "javascript",
        "data",
        "ftp",
        "file",
        "vbscript",
        "tel",
    ] {
        let url = format!("{scheme}://example.com/x");
        assert_eq!(
            safe_url(&url, usage, None).is_ok(),
            allowed.contains(&scheme),
            "{scheme}: as {key}"
        );
    }
}

#[rstest]
#[case("krebs", "krebs")]
#[case("Ar_Krebs", "ar-krebs")]
#[case("2020 11 18 -- Krebs!", "2020-11-18-krebs")]
#[case("--x--", "x")]
#[case("Café crème", "café-crème")]
#[case("Cafè", "cafè")]
#[case("cafe\u{301} au lait", "cafe\u{301}-au-lait")]
#[case("الأمطار الغزيرة تغلق الطرق", "الأمطار-الغزيرة-تغلق-الطرق")]
#[case("Новости дня", "новости-дня")]
#[case("東京の天気: 晴れ", "東京の天気-晴れ")]
#[case("../../etc/passwd", "etc-passwd")]
#[case("a/b\\c.d\u{0}e", "a-b-c-d-e")]
#[case("CON", "con-1")]
#[case("lpt1", "lpt1-1")]
#[case("¿?!", "")]
fn the_slug_rule_keeps_letters_of_every_script_and_nothing_a_path_could_use(
    #[case] text: &str,
    #[case] expected: &str,
) {
    assert_eq!(slug(text), expected);
}

#[test]
fn slugs_of_four_byte_letters_stay_short_enough_for_a_file_name() {
    let text = "𝒜".repeat(80);
    let slug = slug(&text);
    assert!(slug.len() <= MAX_SLUG_BYTES, "{} bytes", slug.len());
    assert_eq!(slug.chars().count(), MAX_SLUG_BYTES / 4);
    assert!(format!("{slug}-9999.json.partial").len() < 255);
}

proptest::proptest! {
    #[test]
    fn a_slug_is_its_own_slug_and_safe_in_a_path(text in "\\PC{0,200}") {
        let once = slug(&text);
        proptest::prop_assert_eq!(&slug(&once), &once);
        proptest::prop_assert!(once.len() <= MAX_SLUG_BYTES);
        proptest::prop_assert!(!once.starts_with('-') && !once.ends_with('-'));
        proptest::prop_assert!(!once.contains(['/', '\\', '.', '\0', ' ', '%', '?', '#']));
    }
}

fn every_problem(value: Value) -> Vec<String> {
    let error = Article::from_json(&value.to_string()).expect_err("the article is invalid");
    error.problems().map(|p| p.to_string()).collect()
}

#[test]
fn every_problem_is_found_reading_and_validating_and_each_is_said_once() {
    let mut value = seed_value();
    value["headline"] = json!(" ");
    value["published"] = json!("yesterday");
    value["body"][1] = json!({ "type": "paragraph", "text": 7 });
    value["body"][2] = json!({ "type": "image", "src": "a.jpg", "alt": "A", "width": 0 });
    value["body"][4] = json!({ "text": "no type" });
    value["authors"][0].as_object_mut().unwrap().remove("name");
    assert_eq!(
        every_problem(value),
        [
            "error: published: `yesterday` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z",
            "error: authors[0]: missing field `name`",
            "error: body[1].text: invalid type: integer `7`, expected a string or an array of spans",
            "error: body[4]: missing field `type`",
            "error: headline: the headline must not be empty",
            "error: body[2].width: an image's width must be at least 1 pixel",
        ],
        "read errors first, then validation's, which says nothing of values it could not read"
    );
}

#[test]
fn a_missing_required_field_is_one_problem_not_two() {
    assert_eq!(
        every_problem(without(seed_value(), "/headline")),
        ["error: .: missing field `headline`"]
    );
}

#[test]
fn thousands_of_problems_are_counted_past_the_ones_kept() {
    let mut value = seed_value();
    value["body"] = json!(vec![json!({ "type": "paragraph", "text": " " }); 2_000]);
    let error = Article::from_json(&value.to_string()).unwrap_err();
    assert_eq!(error.problems().count(), MAX_MORE_PROBLEMS + 1);
    assert_eq!(error.omitted(), 2_000 - MAX_MORE_PROBLEMS - 1);
}

#[test]
fn section_and_tags_are_read_and_written_back_as_they_were() {
    let mut value = seed_value();
    value["section"] = json!("Security");
    value["tags"] = json!(["Chris Krebs", "CISA"]);
    let article = Article::from_json(&value.to_string()).unwrap().article;
    assert_eq!(article.section.as_deref(), Some("Security"));
    assert_eq!(article.tags, ["Chris Krebs", "CISA"]);
    let written = article.to_json().to_string();
    assert_eq!(Article::from_json(&written).unwrap().article, article);
    assert!(
        written.contains(r#""section":"Security","tags":["Chris Krebs","CISA"]"#),
        "{written}"
    );
}

#[test]
fn the_articles_own_image_is_read_checked_written_back_and_leads_the_previews() {
    let mut value = seed_value();
    value["url"] = json!("https://news.example/a/krebs");
    value["image"] = json!({ "src": "krebs.jpg", "alt": "Chris Krebs", "caption": "At a hearing", "width": 1200, "height": 800 });
    value["body"][2] =
        json!({ "type": "image", "src": "https://news.example/body.jpg", "alt": "" });
    let article = Article::from_json(&value.to_string()).unwrap().article;
    let image = article.image.as_ref().expect("the lead image");
    assert_eq!(
        image.src, "https://news.example/a/krebs.jpg",
        "resolved like any image"
    );
    assert_eq!((image.width, image.height), (Some(1200), Some(800)));
    assert_eq!(
        article.lead_image(),
        Some(image),
        "its own image before the body's"
    );
    let written = article.to_json().to_string();
    assert_eq!(Article::from_json(&written).unwrap().article, article);

    value["image"]["src"] = json!("javascript:alert(1)");
    let checked = Article::from_json(&value.to_string()).unwrap();
    assert_eq!(checked.article.image, None, "an unsafe image is dropped");
    assert!(
        checked.warnings.iter().any(|w| w.path == "image.src"),
        "{:?}",
        checked.warnings
    );
    assert_eq!(
        checked.article.lead_image().map(|i| i.src.as_str()),
        Some("https://news.example/body.jpg"),
        "previews fall back to the body's first image"
    );
}
