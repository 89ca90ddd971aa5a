//! Property tests: whatever arrives, parsing, validation and pre-rendering never panic, and
//! what renders carries no script, no event handler and no URL outside the allowed schemes.
#![cfg(feature = "ssr")]

mod markup;

use article_widget::load::parse_json_bytes;
use article_widget::model::Json;
use article_widget::ssr::{render_fragment, render_page, RenderOptions};
use markup::{allowed, tags};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const FIELDS: &[&str] = &[
    "headline",
    "standfirst",
    "kicker",
    "url",
    "published",
    "updated",
    "lang",
    "publisher",
    "name",
    "logo",
    "authors",
    "role",
    "bio",
    "avatar",
    "body",
    "type",
    "text",
    "href",
    "em",
    "strong",
    "cite",
    "src",
    "alt",
    "caption",
    "credit",
    "width",
    "height",
    "title",
    "action",
    "label",
    "related",
    "image",
    "ordered",
    "start",
    "items",
    "list",
    "rows",
    "head_rows",
    "header",
    "scope",
    "colspan",
    "rowspan",
];
const TYPES: &[&str] = &[
    "paragraph",
    "heading",
    "quote",
    "pullquote",
    "image",
    "promo",
    "list",
    "table",
    "code",
    "divider",
    "post",
    "video",
    "gallery",
    "",
];
const URLS: &[&str] = &[
    "https://example.com/a",
    "http://example.com/b?x=1&y=<2>",
    "mailto:a@example.com",
    "relative/path",
    "/root",
    "?q",
    "#f",
    "../up",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:x",
    " \u{1}javascript:x",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\" onerror=\"alert(1)",
    "https://example.com/\"><script>",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        Just("<script>alert(1)</script>".to_owned()),
        Just("\u{202e}reversed\u{202c}".to_owned()),
        Just(String::new()),
    ]
}

/// Text a required field accepts: never blank, often hostile.
fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>().prop_filter("not blank", |s| !s.trim().is_empty()),
        "[a-z<>\"'&/ ]{0,30}[a-z]",
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("\u{202e}reversed\u{202c} name".to_owned()),
    ]
}

fn url() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(URLS).prop_map(|u| json!(u)),
        any::<String>().prop_map(Value::String)
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        text().prop_map(Value::String),
        prop::sample::select(TYPES).prop_map(|t| json!(t)),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(FIELDS), inner), 0..8).prop_map(|pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn inline() -> impl Strategy<Value = Value> {
    let span = prop_oneof![
        text().prop_map(Value::String),
        (
            text(),
            prop::option::of(url()),
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(|(t, href, em, strong)| {
                let mut span = json!({ "text": t, "em": em, "strong": strong });
                if let Some(href) = href {
                    span["href"] = href;
                }
                span
            }),
    ];
    prop_oneof![
        words().prop_map(Value::String),
        prop::collection::vec(span, 1..5).prop_map(Value::Array)
    ]
}

/// A list as a block or nested in an item, its items perhaps nested too (up to 5 deep, past
/// the 3 allowed), with a start that may not belong.
fn list() -> impl Strategy<Value = Value> {
    let item = inline();
    let leaf = prop::collection::vec(item, 1..4).prop_map(Value::Array);
    let items = leaf.prop_recursive(4, 24, 3, |inner| {
        prop::collection::vec(
            prop_oneof![
                inline(),
                (inline(), inner, any::<bool>()).prop_map(|(text, items, ordered)| {
                    json!({ "text": text, "list": { "ordered": ordered, "items": items } })
                }),
            ],
            1..4,
        )
        .prop_map(Value::Array)
    });
    (items, any::<bool>(), prop::option::of(-5i64..200)).prop_map(|(items, ordered, start)| {
        json!({ "type": "list", "ordered": ordered, "start": start, "items": items })
    })
}

/// A table whose cells are strings or objects with spans that may be out of range and scopes
/// that may not belong.
fn table() -> impl Strategy<Value = Value> {
    let cell = prop_oneof![
        text().prop_map(Value::String),
        (
            inline(),
            any::<bool>(),
            prop::option::of(prop::sample::select(&["col", "row", "all"][..])),
            prop::option::of(0u32..1200),
            prop::option::of(0u32..4),
        )
            .prop_map(|(t, header, scope, colspan, rowspan)| {
                json!({ "text": t, "header": header, "scope": scope, "colspan": colspan, "rowspan": rowspan })
            }),
    ];
    let row = prop::collection::vec(cell, 0..4);
    (
        prop::option::of(text()),
        prop::option::of(0u32..4),
        prop::collection::vec(row, 0..4),
    )
        .prop_map(|(caption, head_rows, rows)| {
            json!({ "type": "table", "caption": caption, "head_rows": head_rows, "rows": rows })
        })
}

fn block() -> impl Strategy<Value = Value> {
    prop_oneof![
        inline().prop_map(|t| json!({ "type": "paragraph", "text": t })),
        words().prop_map(|t| json!({ "type": "heading", "text": t })),
        (inline(), text()).prop_map(|(t, c)| json!({ "type": "quote", "text": t, "cite": c })),
        (words(), prop::option::of(text())).prop_map(|(t, c)| json!({ "type": "pullquote", "text": t, "cite": c })),
        (url(), text(), prop::option::of(text()), prop::option::of(1u32..5000)).prop_map(|(src, alt, caption, w)| {
            json!({ "type": "image", "src": src, "alt": alt, "caption": caption, "width": w, "height": w })
        }),
        (words(), prop::option::of(words()), prop::option::of((words(), url()))).prop_map(|(title, t, action)| {
            let mut promo = json!({ "type": "promo", "title": title });
            if let Some(t) = t {
                promo["text"] = json!(t);
            }
            if let Some((label, url)) = action {
                promo["action"] = json!({ "label": label, "url": url });
            }
            promo
        }),
        list(),
        table(),
        (text(), prop::option::of(text())).prop_map(|(t, language)| json!({ "type": "code", "text": t, "language": language })),
        Just(json!({ "type": "divider" })),
        post(),
        video(),
    ]
}

/// A saved post whose fields may be hostile, missing or of the wrong type, quoting another.
fn post() -> impl Strategy<Value = Value> {
    let one = || {
        (url(), words(), text(), inline(), prop_oneof![3 => Just(json!("2020-11-18T01:19:00Z")), 1 => text().prop_map(Value::String)], prop::option::of(url()))
        .prop_map(|(url, name, handle, text, date, avatar)| {
            json!({ "url": url, "author": { "name": name, "handle": handle, "avatar": avatar }, "text": text, "date": date })
        })
    };
    (
        prop::sample::select(
            &[
                "x",
                "bluesky",
                "mastodon",
                "threads",
                "instagram",
                "facebook",
            ][..],
        ),
        one(),
        prop::option::of(one()),
        prop::option::of((url(), text())),
    )
        .prop_map(|(platform, mut post, quote, image)| {
            post["type"] = json!("post");
            post["platform"] = json!(platform);
            post["quote"] = json!(quote);
            if let Some((src, alt)) = image {
                post["image"] = json!({ "src": src, "alt": alt });
            }
            post
        })
}

/// A video file with captions, or a hosted video whose id may try to leave its URL.
fn video() -> impl Strategy<Value = Value> {
    let id = prop_oneof![
        Just("aqz-KE-bpKQ".to_owned()),
        Just("1084537".to_owned()),
        text()
    ];
    let source = prop_oneof![
        (url(), prop::collection::vec((url(), text(), text()), 0..2)).prop_map(|(src, tracks)| {
            let captions: Vec<Value> = tracks
                .into_iter()
                .map(|(src, lang, label)| json!({ "src": src, "lang": lang, "label": label }))
                .collect();
            json!({ "src": src, "captions": captions })
        }),
        (
            prop::sample::select(&["youtube", "vimeo", "dailymotion"][..]),
            id
        )
            .prop_map(|(host, id)| json!({ "host": host, "id": id })),
    ];
    (
        source,
        words(),
        prop::option::of(url()),
        prop::option::of(0u32..100_000),
        prop::option::of(text()),
    )
        .prop_map(|(mut video, title, poster, duration, caption)| {
            video["type"] = json!("video");
            video["title"] = json!(title);
            video["poster"] = json!(poster);
            video["duration"] = json!(duration);
            video["caption"] = json!(caption);
            video
        })
}

fn article() -> impl Strategy<Value = Value> {
    let author = (words(), prop::option::of(text()), prop::option::of(text()), prop::option::of(url()), prop::option::of(url()))
        .prop_map(|(name, role, bio, avatar, url)| json!({ "name": name, "role": role, "bio": bio, "avatar": avatar, "url": url }));
    let note = (
        prop_oneof![Just("correction"), Just("update"), Just("erratum")],
        prop_oneof![4 => Just("2020-11-19T10:00:00+05:30".to_owned()), 1 => text()],
        text(),
    )
        .prop_map(|(kind, date, text)| json!({ "type": kind, "date": date, "text": text }));
    let related = (words(), prop::option::of(url()), prop::option::of(text()), prop::option::of(url()))
        .prop_map(|(title, url, kicker, image)| json!({ "title": title, "url": url, "kicker": kicker, "image": image }));
    (
        words(),
        prop::option::of(words()),
        prop::option::of(url()),
        prop::option::of(prop_oneof![4 => Just("2020-11-18T09:30:00Z".to_owned()), 1 => text()]),
        prop::option::of(prop_oneof![2 => Just("ar".to_owned()), 2 => Just("en-GB".to_owned()), 1 => text()]),
        prop::collection::vec(author, 0..3),
        prop::collection::vec(block(), 1..8),
        prop::collection::vec(related, 0..3),
        (prop::option::of(text()), prop::collection::vec(text(), 0..4), prop::collection::vec(note, 0..3)),
    )
        .prop_map(|(headline, standfirst, url, published, lang, authors, body, related, (section, tags, notes))| {
            json!({
                "headline": headline, "standfirst": standfirst, "url": url, "published": published,
                "lang": lang, "publisher": { "name": "P", "url": "https://p.example" },
                "authors": authors, "body": body, "related": related, "section": section, "tags": tags,
                "notes": notes
            })
        })
}

/// Parses, validates and, if the article is accepted, pre-renders it both ways, checking the
/// markup. Refusals are fine; panics and unsafe markup are not.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(checked) = parse_json_bytes(bytes, Some("https://example.test/feeds/article.json"))
    else {
        return Ok(());
    };
    let source = Json::parse(&String::from_utf8_lossy(bytes)).unwrap_or(Json::Null);
    let options = RenderOptions {
        shadow: true,
        ..RenderOptions::default()
    };
    for html in [
        render_page(&checked.article, &source, &options),
        render_fragment(&checked.article, &source, &options),
    ] {
        for tag in tags(&html) {
            let our_script = tag.name == "script"
                && matches!(
                    tag.attribute("type").as_deref(),
                    Some("module" | "application/json" | "application/ld+json")
                );
            prop_assert!(
                tag.name != "script" || our_script,
                "a script element: {:?}",
                tag.attributes
            );
            for (attribute, value) in &tag.attributes {
                prop_assert!(
                    !attribute.starts_with("on"),
                    "an event handler attribute {attribute}"
                );
                if attribute == "href" || attribute == "src" {
                    prop_assert!(allowed(value), "{attribute}={value:?}");
                }
            }
        }
        prop_assert_eq!(
            html.matches("</script>").count(),
            html.matches("<script").count(),
            "a script closed early"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes)?;
    }

    #[test]
    fn arbitrary_json_never_panics(value in any_json()) {
        check(value.to_string().as_bytes())?;
    }

    #[test]
    fn arbitrary_articles_never_panic_and_render_safely(value in article()) {
        check(value.to_string().as_bytes())?;
    }
}

/// The generators make every block type there is (`BlockKind::ALL`), and some that are not.
#[test]
fn the_generators_cover_every_block_type() {
    for kind in article_widget::model::BlockKind::ALL {
        assert!(
            TYPES.contains(&kind.name()),
            "{} is never generated",
            kind.name()
        );
    }
    assert!(TYPES
        .iter()
        .any(|t| article_widget::model::BlockKind::from_name(t).is_none()));
}
