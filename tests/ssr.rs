//! Native pre-rendering: each component's markup, the page's metadata, and the JSON-LD.
#![cfg(feature = "ssr")]

use article_widget::components::*;
use article_widget::i18n::Labels;
use article_widget::model::{
    Article, ImageBlock, Inline, Json, PromoAction, PromoBlock, Span, Timestamp,
};
use article_widget::ssr::{json_ld, render_fragment, render_page, RenderOptions};
use serde_json::{json, Value};
use yew::{BaseComponent, ServerRenderer};

const SEED_JSON: &str = include_str!("../static/articles/krebs.json");

fn seed() -> Article {
    Article::from_json(SEED_JSON).unwrap().article
}

fn seed_value() -> Value {
    serde_json::from_str(SEED_JSON).unwrap()
}

/// A component's markup.
fn html_of<C>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String
where
    C: BaseComponent,
{
    futures::executor::block_on(
        ServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[derive(yew::Properties, PartialEq)]
struct MarkupProps {
    html: yew::Html,
}

#[yew::component]
fn Markup(props: &MarkupProps) -> yew::Html {
    props.html.clone()
}

/// The markup of a plain function that renders, as a component holding it renders it.
fn markup_of(make: impl FnOnce() -> yew::Html + Send + 'static) -> String {
    html_of::<Markup>(move || MarkupProps { html: make() })
}

fn labels() -> &'static Labels {
    Labels::for_lang("en")
}

/// Compares markup with tests/snapshots/NAME.html. On a difference it writes what was rendered
/// to NAME.actual.html beside it, to compare and, if the change is intended, to copy over.
fn assert_snapshot(name: &str, actual: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let expected = std::fs::read_to_string(dir.join(format!("{name}.html"))).unwrap_or_default();
    if expected.trim_end() != actual {
        std::fs::write(
            dir.join(format!("{name}.actual.html")),
            format!("{actual}\n"),
        )
        .unwrap();
        panic!(
            "{name}: the markup differs from tests/snapshots/{name}.html; see {name}.actual.html"
        );
    }
}

#[test]
fn rich_text_renders_spans_as_elements_and_text_as_text() {
    let text = Inline(vec![
        Span::plain("Read <this> "),
        Span {
            text: "the report".into(),
            href: Some("https://example.com/r?a=1&b=2".into()),
            em: true,
            strong: false,
        },
        Span {
            text: " now".into(),
            strong: true,
            ..Span::default()
        },
    ]);
    assert_eq!(
        html_of::<RichText>(move || RichTextProps { text }),
        concat!(
            "Read &lt;this&gt; ",
            r#"<a href="https://example.com/r?a=1&amp;b=2" rel="noopener noreferrer ugc" data-kind="body" class="artw-link"><em>the report</em></a>"#,
            "<strong> now</strong>"
        )
    );
}

#[test]
fn header_markup() {
    let article = seed();
    assert_snapshot(
        "header",
        &markup_of(move || {
            article_header(
                &article,
                labels(),
                HeadingLevel::default(),
                &Default::default(),
            )
        }),
    );
}

#[test]
fn header_with_kicker_dates_and_linked_authors() {
    let mut article = seed();
    article.kicker = Some("Security".into());
    article.published = Timestamp::parse("2020-11-18T09:30:00Z");
    article.updated = Timestamp::parse("2020-11-19T10:00:00+01:00");
    article.authors[0].url = Some("https://example.com/bobby".into());
    let mut second = article.authors[0].clone();
    second.name = "Ada Lovelace".into();
    second.url = None;
    article.authors.push(second);
    assert_snapshot(
        "header-full",
        &markup_of(move || {
            let level = HeadingLevel::new(2).unwrap();
            article_header(&article, labels(), level, &Default::default())
        }),
    );
}

#[test]
fn header_in_another_language_with_dates_from_the_browser() {
    let mut article = seed();
    article.lang = Some("fr".into());
    article.published = Timestamp::parse("2020-11-18T09:30:00Z");
    article.updated = Timestamp::parse("2020-11-19T10:00:00Z");
    let html = markup_of(move || {
        let labels = Labels::for_lang(article.lang());
        let dates = DisplayDates {
            published: Some("18 novembre 2020 (Intl)".into()),
            updated: None,
        };
        article_header(&article, labels, HeadingLevel::default(), &dates)
    });
    for expected in [
        "<p class=\"artw-byline\">Par ",
        r#"<span class="artw-visually-hidden">Publié le </span><time itemprop="datePublished" datetime="2020-11-18T09:30:00Z">18 novembre 2020 (Intl)</time>"#,
        r#"Mis à jour le <time itemprop="dateModified" datetime="2020-11-19T10:00:00Z">19 novembre 2020</time>"#,
        "2 min de lecture",
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
}

/// What a sighted reader sees of some markup: its text, without what is hidden for screen
/// readers only, the dateline's items apart as its stylesheet shows them.
fn visible_text(markup: &str) -> String {
    let shown = without_hidden_spans(markup);
    let mut text = String::new();
    let mut in_tag = false;
    for c in shown.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("</span>", "")
}

/// The markup without its visually hidden spans (which hold text and no elements).
fn without_hidden_spans(markup: &str) -> String {
    let open = r#"<span class="artw-visually-hidden">"#;
    let mut out = String::new();
    let mut rest = markup;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        let after = &rest[start + open.len()..];
        let end = after.find("</span>").expect("a hidden span closes");
        rest = &after[end + "</span>".len()..];
    }
    out.push_str(rest);
    out.replace("</span><span", "</span> · <span")
}

#[rstest::rstest]
#[case::same_day(
    "same-day",
    "en",
    Some("2019-11-19T09:00:00-05:00"),
    Some("2019-11-19T14:41:00Z"),
    "19 November 2019 · Updated 9:41 AM UTC-5"
)]
#[case::same_day_in_its_zone_not_in_utc(
    "late-same-day",
    "en",
    Some("2019-11-19T18:00:00-05:00"),
    Some("2019-11-20T02:05:00Z"),
    "19 November 2019 · Updated 9:05 PM UTC-5"
)]
#[case::days_apart(
    "days-apart",
    "en",
    Some("2019-11-19T09:00:00Z"),
    Some("2019-11-21T10:00:00Z"),
    "19 November 2019 · Updated 21 November 2019"
)]
#[case::only_published(
    "only-published",
    "en",
    Some("2019-11-19T09:00:00Z"),
    None,
    "19 November 2019"
)]
#[case::only_updated(
    "only-updated",
    "en",
    None,
    Some("2019-11-21T10:00:00Z"),
    "Updated 21 November 2019"
)]
#[case::updated_at_publication(
    "no-real-update",
    "en",
    Some("2019-11-19T09:00:00Z"),
    Some("2019-11-19T10:00:00+01:00"),
    "19 November 2019"
)]
#[case::arabic_same_day(
    "arabic-same-day",
    "ar",
    Some("2019-11-19T09:00:00+03:00"),
    Some("2019-11-19T13:30:00+03:00"),
    "19 نوفمبر 2019 · حُدّث الساعة 1:30 م UTC+3"
)]
#[case::arabic_days_apart(
    "arabic-days-apart",
    "ar",
    Some("2019-11-19T09:00:00+03:00"),
    Some("2019-11-22T13:30:00+03:00"),
    "19 نوفمبر 2019 · حُدّث في 22 نوفمبر 2019"
)]
#[case::hebrew_same_day(
    "hebrew-same-day",
    "he",
    Some("2019-11-19T09:00:00+02:00"),
    Some("2019-11-19T16:45:00+02:00"),
    "19 בנובמבר 2019 · עודכן ב־16:45 UTC+2"
)]
#[case::hebrew_days_apart(
    "hebrew-days-apart",
    "he",
    Some("2019-11-19T09:00:00+02:00"),
    Some("2019-11-25T16:45:00+02:00"),
    "19 בנובמבר 2019 · עודכן ב־25 בנובמבר 2019"
)]
fn the_dateline_says_which_date_is_which(
    #[case] name: &str,
    #[case] lang: &str,
    #[case] published: Option<&str>,
    #[case] updated: Option<&str>,
    #[case] visible: &str,
) {
    let mut article = seed();
    article.lang = Some(lang.into());
    article.published = published.and_then(Timestamp::parse);
    article.updated = updated.and_then(Timestamp::parse);
    let markup = markup_of(move || {
        let labels = Labels::for_lang(article.lang());
        dateline_dates(&article, labels, &Default::default(), true)
    });
    assert_eq!(visible_text(&markup), visible);
    assert_snapshot(&format!("dateline-{name}"), &markup);
}

#[test]
fn body_markup() {
    let article = seed();
    assert_snapshot(
        "body",
        &markup_of(move || article_body(&article, labels(), HeadingLevel::new(2).unwrap())),
    );
}

#[test]
fn pull_quote_markup() {
    assert_snapshot(
        "pull-quote",
        &markup_of(|| pull_quote("Keep calm.", Some("Chris Krebs"))),
    );
}

#[test]
fn image_markup() {
    let image = ImageBlock {
        src: "https://example.com/a.jpg".into(),
        alt: "Chris Krebs".into(),
        caption: Some("Krebs in 2019".into()),
        credit: Some("Reuters".into()),
        width: Some(1200),
        height: Some(800),
    };
    let lead = image.clone();
    assert_snapshot("image", &markup_of(move || image_figure(&image, false)));
    let markup = markup_of(move || image_figure(&lead, true));
    assert!(
        markup.starts_with(r#"<figure class="artw-figure"><img"#)
            && markup.contains(r#"loading="eager""#),
        "{markup}"
    );
}

#[test]
fn promo_markup() {
    let promo = PromoBlock {
        title: "Get the ITPro. daily newsletter".into(),
        text: Some("Sign up today".into()),
        action: Some(PromoAction {
            label: "Sign up".into(),
            url: "https://example.com/signup".into(),
        }),
    };
    assert_snapshot("promo", &markup_of(move || promo_box(&promo, labels())));
}

/// The body of an article of one block, read from its JSON and checked.
fn one_block(block: Value) -> Article {
    let json = json!({ "headline": "H", "body": [block] }).to_string();
    let checked = Article::from_json(&json).unwrap();
    assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
    checked.article
}

#[test]
fn list_markup() {
    let article = one_block(json!({
        "type": "list",
        "ordered": true,
        "start": 3,
        "items": [
            "Third",
            ["Fourth, with ", { "text": "a link", "href": "https://example.com/4" }],
            {
                "text": [{ "text": "Fifth", "strong": true }],
                "list": {
                    "items": [
                        "A bullet",
                        { "text": "", "list": { "ordered": true, "items": ["Deepest"] } }
                    ]
                }
            }
        ]
    }));
    assert_snapshot(
        "list",
        &markup_of(move || article_body(&article, labels(), HeadingLevel::new(2).unwrap())),
    );
}

#[test]
fn table_markup() {
    let article = one_block(json!({
        "type": "table",
        "caption": "Votes by state",
        "head_rows": 1,
        "rows": [
            [
                { "text": "State", "header": true, "scope": "col" },
                { "text": "Votes", "header": true, "scope": "col", "colspan": 2 }
            ],
            [
                { "text": "Georgia", "header": true, "scope": "row", "rowspan": 2 },
                "2,473,633",
                { "text": ["49.5", { "text": "%", "em": true }] }
            ],
            ["2,461,837", "49.3%"]
        ]
    }));
    assert_snapshot(
        "table",
        &markup_of(move || article_body(&article, labels(), HeadingLevel::new(2).unwrap())),
    );
}

#[test]
fn code_and_divider_markup() {
    let json = json!({ "headline": "H", "body": [
        { "type": "paragraph", "text": "Before." },
        { "type": "divider" },
        { "type": "code", "language": "html", "text": "<p>\n  <b>not bold</b>\n</p>" },
        { "type": "code", "text": "  no language" }
    ] })
    .to_string();
    let article = Article::from_json(&json).unwrap().article;
    assert_snapshot(
        "code-divider",
        &markup_of(move || article_body(&article, labels(), HeadingLevel::new(2).unwrap())),
    );
}

/// A saved post is an `article` named by its author and platform, its text a quote of the
/// original with its links, its quoted post a card within, and its only link the original's.
#[test]
fn post_markup() {
    let article = one_block(json!({
        "type": "post",
        "platform": "bluesky",
        "url": "https://bsky.app/profile/krebs.bsky.social/post/3k",
        "author": { "name": "Chris Krebs", "handle": "@krebs.bsky.social", "avatar": "/krebs.jpg" },
        "text": ["Honored to serve. ", { "text": "#Protect2020", "href": "https://bsky.app/hashtag/Protect2020" }],
        "date": "2020-11-18T01:19:00Z",
        "image": { "src": "/cisa.jpg", "alt": "The agency's seal", "width": 800, "height": 450 },
        "quote": {
            "url": "https://bsky.app/profile/cisa.gov/post/3j",
            "author": { "name": "CISA", "handle": "@cisa.gov" },
            "text": "Rumor vs reality.",
            "date": "2020-11-12T15:00:00Z"
        }
    }));
    assert_snapshot(
        "post",
        &markup_of(move || article_body(&article, labels(), HeadingLevel::new(2).unwrap())),
    );
}

/// A hosted video is a facade that links to the video's page and names the player it loads on
/// play; a file is the browser's player, loading nothing before play, with its captions.
#[test]
fn video_markup() {
    let json = json!({ "headline": "H", "body": [
        { "type": "video", "host": "youtube", "id": "aqz-KE-bpKQ", "title": "Big Buck Bunny",
          "poster": "/bunny.jpg", "duration": 635, "caption": "An open film." },
        { "type": "video", "host": "vimeo", "id": "1084537", "title": "On Vimeo", "duration": 3725 },
        { "type": "video", "src": "/river.webm", "title": "The river", "poster": "/river.svg",
          "width": 640, "height": 360,
          "captions": [{ "src": "/river.en.vtt", "lang": "en", "label": "English" }] }
    ] })
    .to_string();
    let article = Article::from_json(&json).unwrap().article;
    assert_snapshot(
        "video",
        &markup_of(move || article_body(&article, labels(), HeadingLevel::new(2).unwrap())),
    );
}

/// Posts are JSON-LD citations (the quoted one its shared content) and videos VideoObjects.
#[test]
fn posts_are_citations_and_videos_video_objects_in_json_ld() {
    let article = Article::from_json(include_str!("../static/articles/posts.json"))
        .unwrap()
        .article;
    let ld = json_ld(&article);
    let citations = ld["citation"].as_array().unwrap();
    assert_eq!(citations.len(), 6);
    assert_eq!(citations[0]["@type"], "SocialMediaPosting");
    assert_eq!(citations[0]["author"]["alternateName"], "@RiversideCouncil");
    assert_eq!(
        citations[0]["url"],
        "https://x.com/RiversideCouncil/status/1859178412345678901"
    );
    assert_eq!(
        citations[3]["sharedContent"]["author"]["name"],
        "Riverside Council"
    );
    let videos = ld["video"].as_array().unwrap();
    assert_eq!(videos.len(), 3);
    assert_eq!(videos[1]["@type"], "VideoObject");
    assert_eq!(
        videos[1]["embedUrl"],
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    );
    assert_eq!(videos[1]["duration"], "PT635S");
    assert_eq!(videos[2]["url"], "https://vimeo.com/1084537");
    assert!(
        videos[0].get("contentUrl").is_none(),
        "a relative file has no absolute URL here"
    );
}

/// Corrections and updates follow the story, each labelled and dated; only corrections are
/// JSON-LD's `correction`, and the latest note dates the article's update.
#[test]
fn notes_follow_the_story_and_a_correction_is_json_ld() {
    let (_, value) = rich_article();
    let mut value = value;
    value["notes"] = json!([
        { "type": "correction", "date": "2020-11-18T12:00:00Z", "text": "An earlier version gave the wrong date." },
        { "type": "update", "date": "2020-11-18T13:30:00Z", "text": "CISA has since commented." }
    ]);
    let article = Article::from_json(&value.to_string()).unwrap().article;
    let page = render_page(&article, &as_json(&value), &RenderOptions::default());
    let notes = page.find(r#"<aside aria-label="Corrections and updates" class="artw-notes">"#);
    let body_end = page.find(r#"<section class="artw-authors">"#);
    assert!(
        matches!((notes, body_end), (Some(n), Some(b)) if n < b),
        "{page}"
    );
    assert!(page.contains(r#"<strong>Update</strong> <time datetime="2020-11-18T13:30:00Z">18 November 2020</time> CISA has since commented.</p>"#), "{page}");
    let ld = json_ld(&article);
    assert_eq!(
        ld["correction"],
        json!([{ "@type": "CorrectionComment", "text": "An earlier version gave the wrong date.", "datePublished": "2020-11-18T12:00:00Z" }])
    );
    assert_eq!(ld["dateModified"], "2020-11-18T13:30:00Z");
}

#[test]
fn a_table_without_a_caption_is_labelled_in_the_article_language() {
    let mut article = one_block(json!({ "type": "table", "rows": [["1"]] }));
    article.lang = Some("de".into());
    let html = markup_of(move || {
        article_body(
            &article,
            Labels::for_lang("de"),
            HeadingLevel::new(2).unwrap(),
        )
    });
    assert!(
        html.contains(r#"aria-label="Tabelle""#) && html.contains(r#"tabindex="0""#),
        "{html}"
    );
    assert!(
        !html.contains("<thead") && !html.contains("<caption"),
        "{html}"
    );
}

#[test]
fn byline_card_markup() {
    let author = seed().authors[0].clone();
    assert_snapshot(
        "byline-card",
        &markup_of(move || byline_card(&author, labels())),
    );
}

#[test]
fn avatar_markup_with_and_without_a_picture() {
    let picture = markup_of(|| author_avatar("Bobby Hellard", Some("https://example.com/b.jpg")));
    let initials = markup_of(|| author_avatar("Bobby Hellard", None));
    assert_snapshot("avatar", &format!("{picture}\n{initials}"));
}

#[test]
fn related_links_markup() {
    let mut links = seed().related;
    links[1].url = Some("https://example.com/x".into());
    links[1].kicker = Some("Careers".into());
    links[1].image = Some("https://example.com/x.jpg".into());
    assert_snapshot(
        "related",
        &markup_of(move || related_links(&links, labels(), HeadingLevel::new(2).unwrap())),
    );
}

#[test]
fn status_panels_markup() {
    let loading = markup_of(|| loading_panel(labels()));
    let error = markup_of(|| error_panel(labels(), "The article could not be found."));
    assert_snapshot("status", &format!("{loading}\n{error}"));
}

/// The model's tree of a value built with serde_json's `json!`.
fn as_json(value: &Value) -> Json {
    Json::parse(&value.to_string()).expect("serde_json writes JSON")
}

fn rich_article() -> (Article, Value) {
    let mut value = seed_value();
    value["url"] = json!("https://www.itpro.example/security/krebs");
    value["published"] = json!("2020-11-18T09:30:00Z");
    value["updated"] = json!("2020-11-18T11:00:00Z");
    value["kicker"] = json!("Security <news>");
    value["section"] = json!("Security & privacy");
    value["tags"] = json!(["Chris Krebs", "CISA", "elections"]);
    value["image"] = json!({ "src": "https://www.itpro.example/lead.jpg", "alt": "Chris Krebs", "width": 1600, "height": 900 });
    value["publisher"] = json!({"name": "ITPro", "url": "https://www.itpro.example", "logo": "https://www.itpro.example/logo.png"});
    value["authors"][0]["url"] = json!("https://www.itpro.example/author/bobby-hellard");
    value["body"].as_array_mut().unwrap().insert(1, json!({
        "type": "image", "src": "https://www.itpro.example/krebs.jpg", "alt": "Chris Krebs", "width": 1200, "height": 800
    }));
    value["body"][0]["text"] = json!("Ends a </script><!-- sequence");
    let article = Article::from_json(&value.to_string()).unwrap().article;
    (article, value)
}

#[test]
fn page_has_language_title_metadata_and_canonical_link() {
    let (article, value) = rich_article();
    let page = render_page(
        &article,
        &as_json(&value),
        &RenderOptions {
            assets: "/dist/".into(),
            ..Default::default()
        },
    );
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    for expected in [
        "<title>Trump fires cyber security chief over election fraud dismissal | ITPro</title>",
        r#"<meta name="description" content="Chris Krebs was reportedly fired over Twitter for suggesting election manipulation claims were &quot;unsubstantiated&quot;">"#,
        r#"<link rel="canonical" href="https://www.itpro.example/security/krebs">"#,
        r#"<meta property="og:type" content="article">"#,
        r#"<meta property="og:url" content="https://www.itpro.example/security/krebs">"#,
        r#"<meta property="og:site_name" content="ITPro">"#,
        r#"<meta property="og:image" content="https://www.itpro.example/lead.jpg">"#,
        r#"</header><figure class="artw-figure"><img src="https://www.itpro.example/lead.jpg" alt="Chris Krebs" width="1600" height="900" loading="eager""#,
        r#"<meta property="article:published_time" content="2020-11-18T09:30:00Z">"#,
        r#"<meta property="article:section" content="Security &amp; privacy">"#,
        "<meta property=\"article:tag\" content=\"Chris Krebs\">\n<meta property=\"article:tag\" content=\"CISA\">\n<meta property=\"article:tag\" content=\"elections\">",
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        r#"<meta name="twitter:image" content="https://www.itpro.example/lead.jpg">"#,
        r#"<link rel="stylesheet" href="/dist/article-widget.css">"#,
        r#"<script type="module" src="/dist/article-widget.js"></script>"#,
        r#"<a href="https://www.itpro.example/author/bobby-hellard" rel="author noopener noreferrer" itemprop="url" data-kind="author">"#,
        "<p class=\"artw-kicker\">Security &lt;news&gt;</p>",
    ] {
        assert!(page.contains(expected), "missing {expected}");
    }
    assert_eq!(
        page.matches("</script>").count(),
        3,
        "article text cannot close a script element early"
    );
    assert!(!page.contains("<!-- sequence"));
}

#[test]
fn json_ld_describes_a_news_article() {
    let (article, _) = rich_article();
    assert_eq!(
        json_ld(&article),
        json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Trump fires cyber security chief over election fraud dismissal",
            "description": "Chris Krebs was reportedly fired over Twitter for suggesting election manipulation claims were \"unsubstantiated\"",
            "inLanguage": "en",
            "author": [{
                "@type": "Person",
                "name": "Bobby Hellard",
                "jobTitle": "Reviews Editor",
                "url": "https://www.itpro.example/author/bobby-hellard"
            }],
            "publisher": {
                "@type": "Organization",
                "name": "ITPro",
                "url": "https://www.itpro.example",
                "logo": { "@type": "ImageObject", "url": "https://www.itpro.example/logo.png" }
            },
            "datePublished": "2020-11-18T09:30:00Z",
            "dateModified": "2020-11-18T11:00:00Z",
            "image": ["https://www.itpro.example/lead.jpg"],
            "articleSection": "Security & privacy",
            "keywords": ["Chris Krebs", "CISA", "elections"],
            "url": "https://www.itpro.example/security/krebs",
            "mainEntityOfPage": { "@type": "WebPage", "@id": "https://www.itpro.example/security/krebs" }
        })
    );
    let seed_ld = json_ld(&seed());
    assert!(
        seed_ld.get("datePublished").is_none() && seed_ld.get("url").is_none(),
        "nothing is invented"
    );
}

#[test]
fn fragment_is_an_embed_element_with_a_declarative_shadow_root_and_inline_json() {
    let (article, value) = rich_article();
    let options = RenderOptions {
        assets: "https://cdn.example/aw/".into(),
        shadow: true,
        theme: Theme::Dark,
        ..Default::default()
    };
    let fragment = render_fragment(&article, &as_json(&value), &options);
    assert!(fragment.starts_with(r#"<div data-article-widget data-theme="dark"><template shadowrootmode="open"><link rel="stylesheet" href="https://cdn.example/aw/article-widget.css"><div class="artw-host">"#));
    let json_start = fragment
        .find(r#"<script type="application/json">"#)
        .unwrap()
        + r#"<script type="application/json">"#.len();
    let json_end = fragment.rfind("</script>").unwrap();
    let embedded: Value = serde_json::from_str(&fragment[json_start..json_end]).unwrap();
    assert_eq!(
        embedded, value,
        "the inline JSON is the article the markup was rendered from"
    );
    assert!(fragment.ends_with("</script></div>"));

    let light = render_fragment(
        &article,
        &as_json(&value),
        &RenderOptions {
            shadow: false,
            ..Default::default()
        },
    );
    assert!(light.starts_with(r#"<div data-article-widget><div class="artw-host"><div data-theme="auto" class="artw-root">"#));
}

#[test]
fn the_card_shows_the_dateline_the_widget_shows() {
    let mut article = seed();
    article.published = Timestamp::parse("2019-11-19T09:00:00-05:00");
    article.updated = Timestamp::parse("2019-11-19T14:41:00Z");
    let card = article_widget::ssr::card_markup(&std::rc::Rc::new(article), "https://x.example/");
    let dateline = &card[card.find("artw-card-dateline").unwrap()..];
    let dateline = &dateline[..dateline.find("</p>").unwrap()];
    let shown = visible_text(dateline);
    assert!(
        shown.contains("19 November 2019 · Updated 9:41 AM UTC-5 · 2 min read"),
        "{shown}"
    );
}
