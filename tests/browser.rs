//! The widget in a real browser: what a reader of the seed article gets.
#![cfg(target_arch = "wasm32")]

mod common;

use article_widget::model::{Block, Inline};
use article_widget::Theme;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn header_shows_headline_standfirst_and_dateline() {
    let (root, _handle) = mount(seed(), Theme::Light).await;
    let article = one(&root, "article.artw-article");
    assert_eq!(article.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(article.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(
        text(&one(&root, "h1.artw-headline")),
        "Trump fires cyber security chief over election fraud dismissal"
    );
    assert!(text(&one(&root, ".artw-standfirst"))
        .starts_with("Chris Krebs was reportedly fired over Twitter"));
    assert_eq!(text(&one(&root, ".artw-byline")), "By Bobby Hellard");
    assert_eq!(text(&one(&root, ".artw-publisher")), "ITPro");
    assert_eq!(text(&one(&root, ".artw-reading-time")), "2 min read");
    assert!(
        all(&root, "time").is_empty(),
        "the seed has no date, so none is shown"
    );
    assert!(
        all(&root, ".artw-kicker").is_empty(),
        "the seed has no kicker"
    );
}

#[wasm_bindgen_test]
async fn body_has_the_ten_paragraphs_in_order() {
    let article = seed();
    let expected: Vec<String> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(text) => Some(text.text()),
            _ => None,
        })
        .collect();
    let (root, _handle) = mount(article, Theme::Light).await;
    let shown: Vec<String> = all(&root, ".artw-body > p.artw-paragraph")
        .iter()
        .map(text)
        .collect();
    assert_eq!(shown.len(), 10);
    assert_eq!(shown, expected);
}

#[wasm_bindgen_test]
async fn pull_quote_is_hidden_from_screen_readers_and_from_print() {
    let (root, _handle) = mount(seed(), Theme::Light).await;
    let quote = one(&root, ".artw-body > .artw-pullquote");
    assert_eq!(quote.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(
        text(&one(&quote, ".artw-pullquote-text")),
        "Keep calm and vote on, and after today, keep calm and let them count on."
    );
    assert_eq!(text(&one(&quote, ".artw-pullquote-cite")), "Chris Krebs");
    assert_eq!(
        computed(&one(&quote, ".artw-pullquote-text"), "font-style"),
        "italic"
    );
    let print_rule_hides_it = article_widget::STYLESHEET
        .split("@media print")
        .nth(1)
        .is_some_and(|print| print.contains(".artw-pullquote,") && print.contains("display: none"));
    assert!(print_rule_hides_it);
}

#[wasm_bindgen_test]
async fn promo_is_its_own_aside_between_paragraphs() {
    let (root, _handle) = mount(seed(), Theme::Light).await;
    let promo = one(&root, ".artw-body > aside.artw-promo");
    assert_eq!(
        promo.get_attribute("aria-label").as_deref(),
        Some("Promotion: Get the ITPro. daily newsletter"),
        "a landmark named after the promo, distinct from other widgets' promos"
    );
    assert_eq!(
        text(&one(&promo, ".artw-promo-title")),
        "Get the ITPro. daily newsletter"
    );
    assert!(text(&one(&promo, ".artw-promo-text"))
        .starts_with("Sign up today and you will receive a free copy"));
    let previous = promo.previous_element_sibling().unwrap();
    let next = promo.next_element_sibling().unwrap();
    assert!(text(&previous)
        .ends_with("\"glitches\" in the voting machines which changed,\" Trump tweeted."));
    assert!(text(&next).starts_with("\"Votes from Trump to Biden"));
    assert!(all(
        &root,
        "p.artw-paragraph .artw-promo, .artw-promo p.artw-paragraph"
    )
    .is_empty());
}

#[wasm_bindgen_test]
async fn byline_card_shows_name_role_bio_and_initials() {
    let (root, _handle) = mount(seed(), Theme::Light).await;
    let section = one(&root, "section.artw-authors");
    assert_eq!(
        text(&one(&section, "h2.artw-section-title")),
        "About the author"
    );
    let card = one(&section, "address.artw-author");
    assert_eq!(text(&one(&card, ".artw-author-name")), "Bobby Hellard");
    assert_eq!(text(&one(&card, ".artw-author-role")), "Reviews Editor");
    let bio: Vec<String> = all(&card, ".artw-author-bio").iter().map(text).collect();
    assert_eq!(bio.len(), 2);
    assert!(bio[0].starts_with("Bobby Hellard is ITPro's Reviews Editor"));
    assert!(bio[1].starts_with("Bobby mainly covers hardware reviews"));
    let avatar = one(&card, ".artw-avatar");
    assert_eq!(text(&one(&avatar, ".artw-avatar-initials")), "BH");
    assert_eq!(computed(&avatar, "text-transform"), "uppercase");
    assert_eq!(avatar.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(computed(&avatar, "border-radius"), "50%");
    assert_ne!(
        computed(&avatar, "background-color"),
        computed(&one(&root, ".artw-root"), "background-color")
    );
    assert!(all(&card, "img").is_empty());
    assert!(all(&card, "a").is_empty(), "the seed gives no profile URL");
}

#[wasm_bindgen_test]
async fn several_authors_each_get_a_card_and_a_profile_link() {
    let mut article = seed();
    let mut second = article.authors[0].clone();
    second.name = "ada lovelace".into();
    second.url = Some("https://example.com/ada".into());
    article.authors.push(second);
    let (root, _handle) = mount(article, Theme::Light).await;
    assert_eq!(all(&root, "address.artw-author").len(), 2);
    assert_eq!(
        text(&one(&root, ".artw-byline")),
        "By Bobby Hellard and ada lovelace"
    );
    assert_eq!(
        text(&one(&root, "section.artw-authors > h2")),
        "About the authors"
    );
    // Initials come as written and are shown in capitals.
    let shown: Vec<String> = all(&root, ".artw-avatar-initials")
        .iter()
        .map(|e| e.unchecked_ref::<web_sys::HtmlElement>().inner_text())
        .collect();
    assert_eq!(shown, ["BH", "AL"]);
    let profile = one(&root, ".artw-author-profile");
    assert_eq!(
        profile.get_attribute("href").as_deref(),
        Some("https://example.com/ada")
    );
    assert!(profile
        .get_attribute("rel")
        .unwrap()
        .split(' ')
        .any(|r| r == "author"));
}

#[wasm_bindgen_test]
async fn related_links_are_a_labelled_list_of_cards() {
    let (root, _handle) = mount(seed(), Theme::Light).await;
    let section = one(&root, "section.artw-related");
    assert_eq!(text(&one(&section, "h2")), "Related");
    assert_eq!(
        one(&section, "ul").get_attribute("aria-label").as_deref(),
        Some("Related")
    );
    let titles: Vec<String> = all(&section, "ul > li .artw-related-title")
        .iter()
        .map(text)
        .collect();
    assert_eq!(titles.len(), 2);
    assert!(titles[0].starts_with("‘If you want to look like a flesh-bound chatbot"));
    assert!(titles[1].starts_with("Laid-off workers are ditching full-time work"));
    assert!(
        all(&section, "a").is_empty(),
        "the seed gives no URLs, so the cards are not links"
    );

    let mut article = seed();
    article.related[0].url = Some("https://example.com/story".into());
    article.related[0].kicker = Some("Careers".into());
    let (root, _handle) = mount(article, Theme::Light).await;
    let link = one(&root, "li a.artw-related-card");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.com/story")
    );
    assert_eq!(text(&one(&link, ".artw-related-kicker")), "Careers");
    assert!(
        one(&link, ".artw-related-title")
            .closest("a")
            .unwrap()
            .is_some(),
        "the whole card is one link"
    );
}

#[wasm_bindgen_test]
async fn inline_links_and_emphasis_render_as_elements_not_markup() {
    let mut article = seed();
    article.body[0] = Block::Paragraph(Inline(vec![
        article_widget::model::Span::plain("See "),
        article_widget::model::Span {
            text: "<b>the report</b>".into(),
            href: Some("https://example.com/r".into()),
            em: true,
            strong: false,
        },
    ]));
    let (root, _handle) = mount(article, Theme::Light).await;
    let link = one(&root, ".artw-body > p:first-child a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.com/r")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer ugc")
    );
    assert_eq!(text(&one(&link, "em")), "<b>the report</b>");
    assert!(all(&root, ".artw-body b").is_empty());
}

#[wasm_bindgen_test]
async fn themes_set_the_attribute_and_the_colours() {
    let (light, _a) = mount(seed(), Theme::Light).await;
    let (dark, _b) = mount(seed(), Theme::Dark).await;
    let light_root = one(&light, ".artw-root");
    let dark_root = one(&dark, ".artw-root");
    assert_eq!(
        light_root.get_attribute("data-theme").as_deref(),
        Some("light")
    );
    assert_eq!(
        dark_root.get_attribute("data-theme").as_deref(),
        Some("dark")
    );
    assert_eq!(
        computed(&light_root, "background-color"),
        "rgb(255, 255, 255)"
    );
    assert_eq!(computed(&dark_root, "background-color"), "rgb(20, 20, 20)");
    assert_eq!(computed(&dark_root, "color"), "rgb(236, 235, 232)");
}

#[wasm_bindgen_test]
async fn the_article_fits_a_phone_without_sideways_scroll() {
    let (root, _handle) = mount(seed(), Theme::Light).await;
    as_html(&root)
        .style()
        .set_property("width", "320px")
        .unwrap();
    let article = one(&root, ".artw-root");
    assert!(
        article.scroll_width() <= 320,
        "scroll width {}",
        article.scroll_width()
    );
}

/// An article handed over as a JavaScript object (mount, update) reaches the wasm as the JSON
/// the browser writes for it; it must give the same message as the text the command line reads.
#[wasm_bindgen_test]
fn browser_and_native_parsers_report_the_same_messages() {
    let cases = [
        r#"{"body": [{"type": "paragraph", "text": "x"}]}"#,
        r#"{"headline": 42, "body": [{"type": "paragraph", "text": "x"}]}"#,
        r#"{"headline": "h", "body": []}"#,
        r#"{"headline": "h", "body": {}}"#,
        r#"{"headline": "h", "body": [{"type": "video"}]}"#,
        r#"{"headline": "h", "body": [{"type": "paragraph", "text": true}]}"#,
        r#"{"headline": "h", "body": [{"type": "paragraph", "text": ["a", 7]}]}"#,
        r#"{"headline": "h", "body": [{"type": "paragraph", "text": ["a", {"text": "b", "href": 7}]}]}"#,
        r#"{"headline": "h", "body": [{"type": "paragraph", "text": ["a", {"text": "b", "em": "yes"}]}]}"#,
        r#"{"headline": "h", "body": [{"type": "image", "src": "a.png", "alt": "", "width": -4}]}"#,
        r#"{"headline": "h", "body": [{"type": "image", "src": "a.png", "alt": "", "width": 1.5}]}"#,
        r#"{"headline": "h", "body": [{"type": "heading", "text": [{"text": "x", "em": true}]}]}"#,
        r#"{"headline": "h", "published": "yesterday", "body": [{"type": "paragraph", "text": "x"}]}"#,
        r#"{"headline": "h", "authors": [{"role": "Editor"}], "body": [{"type": "paragraph", "text": "x"}]}"#,
        r#"["not", "an", "object"]"#,
    ];
    for json in cases {
        let native = article_widget::Article::from_json(json)
            .unwrap_err()
            .to_string();
        let object = js_sys::JSON::parse(json).unwrap();
        let written = String::from(js_sys::JSON::stringify(&object).unwrap());
        let browser = article_widget::load::parse_json_bytes(written.as_bytes(), None)
            .unwrap_err()
            .details;
        assert_eq!(browser, native, "{json}");
    }
}

#[wasm_bindgen_test]
async fn an_arabic_article_renders_right_to_left_with_arabic_labels() {
    let article =
        article_widget::Article::from_json(include_str!("../static/articles/ar-krebs.json"))
            .unwrap()
            .article;
    let (root, _handle) = mount(article, Theme::Light).await;
    let article = one(&root, "article.artw-article");
    assert_eq!(article.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(article.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(computed(&article, "direction"), "rtl");
    let promo = one(&root, ".artw-promo");
    assert_eq!(
        computed(&promo, "border-right-width"),
        "4px",
        "the accent rule moves to the right"
    );
    assert_eq!(computed(&promo, "border-left-width"), "0px");
    let headline = one(&root, ".artw-headline");
    let paragraph = one(&root, ".artw-paragraph:first-child");
    let right = |e: &web_sys::Element| e.get_bounding_client_rect().right();
    assert!(
        (right(&headline) - right(&paragraph)).abs() < 1.0,
        "text starts at the right edge"
    );
    assert!(text(&one(&root, ".artw-byline")).starts_with("بقلم"));
    assert_eq!(
        text(&one(&root, ".artw-reading-time")),
        "دقيقة واحدة للقراءة"
    );
    assert_eq!(text(&one(&root, ".artw-authors h2")), "عن الكاتب");
    assert_eq!(
        computed(&one(&root, ".artw-kicker"), "letter-spacing"),
        "normal"
    );
}

#[wasm_bindgen_test]
async fn host_custom_properties_cross_into_the_widget() {
    let (root, _handle) = mount(seed(), Theme::Light).await;
    let style = as_html(&root).style();
    style
        .set_property("--article-widget-accent", "#c00")
        .unwrap();
    style
        .set_property("--article-widget-font-size", "20px")
        .unwrap();
    style
        .set_property("--article-widget-font", "Georgia, serif")
        .unwrap();
    let quote = one(&root, ".artw-pullquote");
    assert_eq!(computed(&quote, "border-top-color"), "rgb(204, 0, 0)");
    let widget = one(&root, ".artw-root");
    assert_eq!(computed(&widget, "font-size"), "20px");
    assert!(computed(&widget, "font-family").starts_with("Georgia"));
}

/// Every part a whole article may hold renders as its own element, with its semantics.
#[wasm_bindgen_test]
async fn a_whole_article_renders_each_of_its_parts() {
    let article = article_widget::Article::from_json(include_str!("../static/articles/whole.json"))
        .unwrap()
        .article;
    let (root, _handle) = mount(article, Theme::Light).await;
    let lead = one(&root, ".artw-header + figure.artw-figure img");
    assert_eq!(lead.get_attribute("width").as_deref(), Some("1200"));
    let tables = all(&root, "div.artw-table[role=region][tabindex='0'] > table");
    assert_eq!(tables.len(), 2);
    let table = &tables[0];
    assert_eq!(all(table, "thead > tr").len(), 2);
    assert_eq!(all(table, "th[colspan='2'][scope=col]").len(), 2);
    assert_eq!(all(table, "tbody th[scope=row]").len(), 5);
    assert_eq!(all(&root, "ol.artw-list > li").len(), 3);
    assert_eq!(
        one(&root, "ol.artw-list ul ol")
            .get_attribute("start")
            .as_deref(),
        Some("3")
    );
    assert_eq!(all(&root, "hr.artw-divider").len(), 1);
    let code = one(&root, ".artw-code pre[role=region][tabindex='0'] > code");
    assert!(text(&code).contains("\n       round("), "{}", text(&code));
    assert_eq!(text(&one(&root, ".artw-code-language")), "sql");
    let notes = one(&root, ".artw-body + aside.artw-notes");
    assert_eq!(
        notes.get_attribute("aria-label").as_deref(),
        Some("Corrections and updates")
    );
    let kinds: Vec<String> = all(&notes, ".artw-note strong").iter().map(text).collect();
    assert_eq!(kinds, ["Correction", "Update"]);
}

/// Saved posts are cards of what was saved and a hosted video is a facade: rendering them
/// asks nothing of any platform (no iframe, no request off the page's origin), and a video file
/// waits for play.
#[wasm_bindgen_test]
async fn posts_and_video_facades_render_and_load_nothing_until_play() {
    let article = article_widget::Article::from_json(include_str!("../static/articles/posts.json"))
        .unwrap()
        .article;
    let (root, _handle) = mount(article, Theme::Light).await;
    assert_eq!(all(&root, ".artw-body > article.artw-post").len(), 6);
    assert_eq!(all(&root, "article.artw-post article.artw-post").len(), 1);
    let platforms: Vec<String> = all(
        &root,
        ".artw-body > .artw-post > .artw-post-by > :last-child",
    )
    .iter()
    .map(text)
    .collect();
    assert_eq!(
        platforms,
        ["X", "Bluesky", "Mastodon", "X", "Threads", "Instagram"]
    );
    let players: Vec<String> = all(&root, "a.artw-video-play[data-player]")
        .iter()
        .filter_map(|a| a.get_attribute("data-player"))
        .collect();
    assert_eq!(
        players,
        [
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
            "https://player.vimeo.com/video/1084537?dnt=1&autoplay=1"
        ]
    );
    let video = one(&root, "video.artw-video-file[controls]");
    assert_eq!(video.get_attribute("preload").as_deref(), Some("none"));
    assert!(!video.has_attribute("autoplay"));
    assert_eq!(all(&root, "iframe").len(), 0, "no player before play");
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let performance = web_sys::window().unwrap().performance().unwrap();
    let elsewhere: Vec<String> = performance
        .get_entries_by_type("resource")
        .iter()
        .filter_map(|entry| {
            js_sys::Reflect::get(&entry, &"name".into())
                .ok()?
                .as_string()
        })
        .filter(|url| !url.starts_with(&origin))
        .collect();
    assert_eq!(
        elsewhere,
        Vec::<String>::new(),
        "nothing requested off the page's origin"
    );
}
