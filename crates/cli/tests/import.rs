//! `article-widget import`: pages, Markdown and feeds to articles, on fixtures written to look
//! like what sites publish (tests/fixtures/import/), and through the command line.

mod command_line;

use std::path::{Path, PathBuf};
use std::process::Command;

use command_line::{run, text};
use rstest::rstest;

use article_widget::load::read_article;
use article_widget::model::{
    Article, Block, Captions, Inline, Note, NoteKind, Platform, PostBlock, PromoBlock, Scope, Span,
    Timestamp, VideoBlock, VideoHost, VideoSource,
};
use article_widget::ssr::{render_page, RenderOptions};
use article_widget_import::{import_text, Imported};

const FIXTURES: &str = "tests/fixtures/import";

fn fixture(name: &str) -> String {
    let path = Path::new(command_line::REPO).join(FIXTURES).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn import(name: &str, url: Option<&str>) -> Vec<Imported> {
    import_text(&fixture(name), name, url).unwrap_or_else(|err| panic!("{name}: {err}"))
}

fn import_one(name: &str, url: Option<&str>) -> Imported {
    let mut articles = import(name, url);
    assert_eq!(articles.len(), 1, "{name}: one article");
    articles.remove(0)
}

fn seed(name: &str) -> Article {
    let path = Path::new(command_line::REPO)
        .join("static/articles")
        .join(name);
    read_article(&path).unwrap().1.article
}

fn scratch(name: &str) -> PathBuf {
    command_line::scratch("import", name)
}

fn paragraph_texts(article: &Article) -> Vec<String> {
    article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(text) => Some(text.text()),
            _ => None,
        })
        .collect()
}

/// The seed laid out as a news site publishes it (JSON-LD in an @graph with the publisher by
/// reference, a byline, a newsletter box with a sign-up form between paragraphs, a pull quote,
/// an author bio, related headlines, and a site around it: navigation, share buttons, a "most
/// popular" sidebar, a footer) imports as static/articles/krebs.json describes it.
#[test]
fn the_seed_as_a_news_page_imports_as_krebs_json_describes_it() {
    let imported = import_one("krebs-news.html", None);
    let got = &imported.article;
    let mut want = seed("krebs.json");

    // What the page carries that krebs.json, typed from the page's text, does not: the page's
    // address, its publication date, its language (British English) and the links of the two
    // related headlines. The importer keeps them; it invents nothing else.
    assert_eq!(
        got.url.as_deref(),
        Some("https://www.itpro.example/security/357702/trump-fires-cyber-security-chief-over-election-fraud-dismissal")
    );
    assert_eq!(
        got.published.as_ref().map(Timestamp::as_str),
        Some("2020-11-18T10:41:12+00:00")
    );
    assert_eq!(got.lang.as_deref(), Some("en-GB"));
    let related_urls: Vec<Option<&str>> = got.related.iter().map(|r| r.url.as_deref()).collect();
    assert_eq!(
        related_urls,
        [
            Some("https://www.itpro.example/business/careers/if-you-want-to-look-like-a-flesh-bound-chatbot"),
            Some("https://www.itpro.example/business/careers/laid-off-workers-are-ditching-full-time-work"),
        ]
    );
    want.url = got.url.clone();
    want.published = got.published.clone();
    want.lang = got.lang.clone();
    for (link, url) in want.related.iter_mut().zip(&related_urls) {
        link.url = url.map(str::to_owned);
    }

    // Field by field, so a failure says which.
    assert_eq!(got.headline, want.headline);
    assert_eq!(got.standfirst, want.standfirst);
    assert_eq!(got.kicker, want.kicker, "the page shows no kicker");
    assert_eq!(got.publisher, want.publisher);
    assert_eq!(got.updated, want.updated, "the page gives no modified date");
    assert_eq!(
        got.authors, want.authors,
        "the byline's role and the bio in the byline card"
    );
    assert_eq!(
        got.related, want.related,
        "the two related headlines, not 'Most popular'"
    );
    assert_eq!(got.body.len(), want.body.len());
    for (i, (got, want)) in got.body.iter().zip(&want.body).enumerate() {
        assert_eq!(got, want, "body[{i}]");
    }
    assert!(matches!(
        &got.body[8],
        Block::Promo(PromoBlock { title, action: None, .. }) if title == "Get the ITPro. daily newsletter"
    ));
    assert_eq!(got.reading_minutes, want.reading_minutes);
    assert_eq!(*got, want);

    // The sign-up form is the one thing on the page the format cannot carry, and it says so.
    assert_eq!(
        imported.warnings,
        ["body[8]: the promo's sign-up form cannot be carried and was dropped"]
    );
}

#[test]
fn a_blog_page_without_metadata_is_read_as_a_reader_reads_it() {
    let imported = import_one("blog-no-metadata.html", None);
    let article = &imported.article;
    assert_eq!(
        article.headline, "Why I switched my sourdough to rye",
        "no site name"
    );
    assert_eq!(
        article.standfirst, None,
        "the blog's tagline is not a standfirst"
    );
    assert_eq!(article.publisher, None, "nothing names a publisher");
    assert_eq!(article.published, None);
    assert_eq!(article.lang, None, "the page names no language");
    assert_eq!(article.authors.len(), 1);
    assert_eq!(article.authors[0].name, "Maren Olsen");
    assert_eq!(article.authors[0].url.as_deref(), Some("/author/maren/"));

    let first = match &article.body[0] {
        Block::Paragraph(text) => text,
        other => panic!("{other:?}"),
    };
    assert!(first.0.contains(&Span {
        text: "fine".into(),
        em: true,
        ..Span::default()
    }));
    assert!(first.0.contains(&Span {
        text: "much better".into(),
        strong: true,
        ..Span::default()
    }));
    let link = Span {
        text: "a bakery in Bergen".into(),
        href: Some("https://www.example.org/rye-starter-guide".into()),
        ..Span::default()
    };
    assert!(matches!(&article.body[1], Block::Paragraph(t) if t.0.contains(&link)));
    assert_eq!(
        article.body[2],
        Block::Heading("What changes with rye".into())
    );
    match &article.body[4] {
        Block::Image(image) => {
            assert_eq!(
                image.src,
                "/wp-content/uploads/2024/03/rye-loaf-1024x683.jpg"
            );
            assert_eq!(image.alt, "A dark rye loaf cut open on a wooden board");
            assert_eq!(
                image.caption.as_deref(),
                Some("The third bake, after a 14-hour proof.")
            );
            assert_eq!(image.credit.as_deref(), Some("Photo: Maren Olsen"));
            assert_eq!((image.width, image.height), (Some(1024), Some(683)));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        &article.body[5],
        Block::Quote { cite: Some(cite), .. } if cite == "Anne Lise, the baker in Bergen"
    ));
    let texts = paragraph_texts(article);
    let list = article
        .body
        .iter()
        .find_map(|block| match block {
            Block::List(list) => Some(list),
            _ => None,
        })
        .expect("the steps are a list");
    assert!(!list.ordered);
    let items: Vec<String> = list.items.iter().map(|item| item.text.text()).collect();
    assert_eq!(
        items,
        [
            "Feed the starter in the morning.",
            "Mix the dough in the evening and leave it overnight.",
            "Bake at 230 °C for the first 15 minutes, then at 200 °C."
        ]
    );
    assert!(
        !texts.iter().any(|t| t.contains("Lovely post")),
        "comments are not the story"
    );
    assert!(!texts.iter().any(|t| t.contains("WordPress")));
    let table = article
        .body
        .iter()
        .find_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .expect("the bake log is a table");
    assert_eq!(table.head_rows, 1, "a first row of headers is the head");
    assert_eq!(table.rows.len(), 3);
    assert!(table.rows[0]
        .iter()
        .all(|cell| cell.header && cell.scope == Some(Scope::Col)));
    assert_eq!(table.rows[2][2].text.text(), "Better");
    assert!(
        !imported
            .warnings
            .iter()
            .any(|w| w.contains("list") || w.contains("table")),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn a_right_to_left_page_keeps_its_language_and_so_its_direction() {
    let imported = import_one("rtl-news.html", None);
    let article = &imported.article;
    assert_eq!(article.lang.as_deref(), Some("ar"));
    assert_eq!(article.dir(), "rtl");
    assert_eq!(article.headline, "الأمطار الغزيرة تغلق الطرق في عمّان");
    assert_eq!(
        article.standfirst.as_deref(),
        Some("أغلقت السلطات عدداً من الطرق الرئيسية في العاصمة بعد أمطار هي الأغزر منذ عشر سنوات")
    );
    assert_eq!(article.authors.len(), 1);
    assert_eq!(article.authors[0].name, "ليلى حداد");
    assert_eq!(
        article.publisher.as_ref().map(|p| p.name.as_str()),
        Some("الصحيفة اليومية")
    );
    assert_eq!(
        article.published.as_ref().map(Timestamp::as_str),
        Some("2024-01-09T07:15:00+02:00"),
        "+0200 spelt as RFC 3339, the zone kept"
    );
    assert!(matches!(
        &article.body[2],
        Block::Quote { cite: Some(cite), .. } if cite == "الناطق باسم الدفاع المدني"
    ));
    assert!(
        !paragraph_texts(article).iter().any(|t| t.contains("بقلم")),
        "the byline is not a paragraph"
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn a_page_that_says_it_is_right_to_left_but_names_no_such_language_is_warned_about() {
    let page = r#"<!DOCTYPE html><html dir="rtl"><head><title>Title</title></head><body><article><h1>Title</h1>
        <p>This paragraph is long enough to be read as the story by Readability, which wants some text.</p>
        <p>And a second one, so that there is no doubt at all about where the story of the page is.</p></article></body></html>"#;
    let imported = import_text(page, "rtl.html", None).unwrap().remove(0);
    assert_eq!(imported.article.lang, None, "no language is invented");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("the page is written rtl")),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn lazy_images_load_from_their_real_source_and_relative_urls_resolve_against_base() {
    let url = "https://coastal.example/features/2024/lighthouse-school";
    let imported = import_one("lazy-images.html", Some(url));
    let article = &imported.article;
    assert_eq!(
        article.url.as_deref(),
        Some(url),
        "--url is the page's address"
    );
    let images: Vec<(&str, &str)> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Image(i) => Some((i.src.as_str(), i.alt.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        images,
        [
            // data-src over the placeholder, relative to <base href="/features/2024/">
            (
                "https://coastal.example/features/2024/images/lighthouse-lead.jpg",
                "A lighthouse on a cliff at dusk"
            ),
            // the widest data-srcset candidate of a <picture>
            (
                "https://coastal.example/features/2024/images/lamp-room-1200.jpg",
                "Brass gears of a lamp mechanism"
            ),
            // protocol-relative, given the page's scheme
            (
                "https://cdn.coastal.example/img/logbook-page.jpg",
                "A handwritten logbook page"
            ),
        ]
    );
    let spans: Vec<&Span> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(t) => Some(t.0.iter()),
            _ => None,
        })
        .flatten()
        .collect();
    let links: Vec<&str> = spans.iter().filter_map(|s| s.href.as_deref()).collect();
    assert_eq!(
        links,
        [
            "https://coastal.example/history/keepers",
            "https://coastal.example/gallery/logbook"
        ]
    );
    assert!(
        spans
            .iter()
            .any(|s| s.text.contains("see a page of it") && s.href.is_none()),
        "a javascript: link's text stays, the link goes"
    );
    match &article.body[1] {
        Block::Image(image) => assert_eq!(image.credit.as_deref(), Some("Photograph: Ana Ruiz")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn without_a_base_relative_urls_stay_relative_and_unsafe_ones_are_dropped_by_the_models_rules() {
    let page = r#"<html lang="en"><head><title>Links</title></head><body><article><h1>Links</h1>
        <p>This story links <a href="/one">to a page</a>, <a href="JaVa&#9;script:alert(1)">to a script</a> and
        <a href="//evil.example/x">to another host without a scheme</a>, which is enough text.</p>
        <p>A second paragraph, so that Readability is in no doubt about where the story is.</p></article></body></html>"#;
    let imported = import_text(page, "links.html", None).unwrap().remove(0);
    let Block::Paragraph(text) = &imported.article.body[0] else {
        panic!()
    };
    let links: Vec<&str> = text.0.iter().filter_map(|s| s.href.as_deref()).collect();
    assert_eq!(links, ["/one"]);
    assert!(text.text().contains("to a script"), "the text stays");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("protocol-relative URLs are not allowed")),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn markdown_with_yaml_front_matter_and_the_documented_conventions() {
    let imported = import_one("post-yaml.md", None);
    let article = &imported.article;
    assert_eq!(article.headline, "Council approves the new cycle bridge");
    assert_eq!(
        article.standfirst.as_deref(),
        Some("After four years of consultation, the river crossing will open in 2026.")
    );
    assert_eq!(article.lang.as_deref(), Some("en-GB"));
    assert_eq!(
        article.published.as_ref().map(Timestamp::as_str),
        Some("2024-05-02T18:30:00+01:00")
    );
    assert_eq!(
        article.updated.as_ref().map(Timestamp::as_str),
        Some("2024-05-03T08:00:00+01:00")
    );
    let author = &article.authors[0];
    assert_eq!(author.name, "Tom Okafor");
    assert_eq!(author.role.as_deref(), Some("Transport correspondent"));
    assert_eq!(
        author.bio.as_deref(),
        Some("Tom Okafor covers transport and planning.")
    );
    assert_eq!(
        article.publisher.as_ref().and_then(|p| p.url.as_deref()),
        Some("https://example.news/")
    );
    let related: Vec<(&str, Option<&str>)> = article
        .related
        .iter()
        .map(|r| (r.title.as_str(), r.url.as_deref()))
        .collect();
    assert_eq!(
        related,
        [
            ("How the old ferry closed", Some("/2023/ferry-closure")),
            ("Why the bridge took four years", None)
        ]
    );
    let kinds: Vec<&str> = article.body.iter().map(|b| b.kind().name()).collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "pullquote",
            "paragraph",
            "heading",
            "image",
            "promo",
            "quote",
            "paragraph",
            "code"
        ]
    );
    assert_eq!(
        article.body[1],
        Block::PullQuote {
            text: "This is the most important crossing we will build this decade.".into(),
            cite: Some("Councillor Amira Shah".into()),
        }
    );
    match &article.body[5] {
        Block::Promo(promo) => {
            assert_eq!(promo.title, "Get the Gazette's morning briefing");
            assert_eq!(
                promo.text.as_deref(),
                Some("The day's local news in your inbox at 7am.")
            );
            let action = promo.action.as_ref().unwrap();
            assert_eq!(
                (action.label.as_str(), action.url.as_str()),
                ("Sign up free", "https://example.news/newsletters")
            );
        }
        other => panic!("{other:?}"),
    }
    match &article.body[4] {
        Block::Image(image) => {
            assert_eq!(image.alt, "An artist's impression of the bridge at night");
            assert_eq!(image.caption.as_deref(), Some("The design chosen in 2023"));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(&article.body[6], Block::Quote { cite: Some(c), .. } if c == "The council's project manager")
    );
    assert_eq!(
        paragraph_texts(article).last().unwrap(),
        "Construction starts in the autumn. Costs are still being agreed."
    );
    assert!(
        matches!(article.body.last(), Some(Block::Code(code)) if code.text == "budget = 14_000_000" && code.language.is_none())
    );
    let html_warnings: Vec<&String> = imported
        .warnings
        .iter()
        .filter(|w| w.contains("raw HTML"))
        .collect();
    assert_eq!(html_warnings.len(), 2, "{:?}", imported.warnings);
    assert!(html_warnings[0].starts_with("line 47: raw HTML `<span class=\"note\">` was dropped"));
    assert!(!imported.json.contains('<'), "no HTML in the output");
}

#[test]
fn markdown_with_toml_front_matter() {
    let article = import_one("post-toml.md", None).article;
    assert_eq!(article.headline, "A quieter night sky over the valley");
    assert_eq!(
        article.standfirst.as_deref(),
        Some("Dimmer streetlights have halved light pollution in two years.")
    );
    assert_eq!(
        article.published.as_ref().map(Timestamp::as_str),
        Some("2024-09-14T21:00:00Z")
    );
    assert_eq!(article.lang.as_deref(), Some("en"));
    assert_eq!(article.authors[0].name, "Priya Raman");
    assert_eq!(article.related[0].kicker.as_deref(), Some("Astronomy"));
    assert_eq!(article.body.len(), 2);
}

#[test]
fn a_markdown_date_without_a_time_is_dropped_with_a_warning_not_given_one() {
    let md = "---\ntitle: Dates\ndate: 2024-05-02\n---\nText.\n";
    let imported = import_text(md, "dates.md", None).unwrap().remove(0);
    assert_eq!(imported.article.published, None);
    assert_eq!(
        imported.warnings,
        ["front matter: published: `2024-05-02` is a date without a time of day; the format needs one; it was dropped"]
    );
}

#[test]
fn rss_2_items_are_articles_with_the_channels_metadata() {
    let items = import("feed-rss2.xml", None);
    assert_eq!(items.len(), 2);
    let first = &items[0].article;
    assert_eq!(first.headline, "Ferry timetable changes from April");
    assert_eq!(
        first.url.as_deref(),
        Some("https://herald.example/news/ferry-timetable-april")
    );
    assert_eq!(
        first.standfirst.as_deref(),
        Some("The first sailing moves half an hour earlier.")
    );
    assert_eq!(first.authors[0].name, "Sam Reyes");
    assert_eq!(
        first.published.as_ref().map(Timestamp::as_str),
        Some("2024-03-12T08:30:00Z")
    );
    assert_eq!(first.lang.as_deref(), Some("en-gb"));
    assert_eq!(
        first.publisher.as_ref().map(|p| p.name.as_str()),
        Some("Harbour Town Herald")
    );
    assert_eq!(first.body[2], Block::Heading("Weekend sailings".into()));
    let Block::Paragraph(links) = &first.body[1] else {
        panic!()
    };
    let hrefs: Vec<&str> = links.0.iter().filter_map(|s| s.href.as_deref()).collect();
    assert_eq!(
        hrefs,
        ["https://herald.example/travel/ferry"],
        "relative to the item's link"
    );
    assert_eq!(
        items[0].warnings,
        ["item 1: body[1].text[3].href: the scheme `javascript:` is not allowed; use http, https, mailto; the link was removed"]
    );
    let second = &items[1].article;
    assert_eq!(
        second.standfirst, None,
        "the description is the only text: it is the body"
    );
    assert_eq!(
        paragraph_texts(second),
        ["The central library reopened on Monday after six months of roof repairs. Opening hours are unchanged."]
    );
}

#[test]
fn atom_entries_keep_the_zone_their_dates_were_written_in() {
    let entry = import_one("feed-atom.xml", None).article;
    assert_eq!(
        entry.headline, "La fête du village revient en juin",
        "type=\"html\" read as text"
    );
    assert_eq!(entry.lang.as_deref(), Some("fr"));
    assert_eq!(
        entry.published.as_ref().map(Timestamp::as_str),
        Some("2024-06-01T07:00:00+02:00")
    );
    assert_eq!(
        entry.updated.as_ref().map(Timestamp::as_str),
        Some("2024-06-02T09:15:00+02:00")
    );
    assert_eq!(
        entry.authors[0].url.as_deref(),
        Some("https://collines.example/auteurs/claire-martin")
    );
    match &entry.body[1] {
        Block::Image(image) => {
            assert_eq!(image.src, "https://collines.example/images/fete-2023.jpg");
            assert_eq!(image.credit.as_deref(), Some("Photo : Luc Bernard"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn json_feed_items_take_the_feeds_authors_and_language() {
    let item = import_one("feed.json", None).article;
    assert_eq!(item.headline, "The swifts are back");
    assert_eq!(item.lang.as_deref(), Some("en-US"));
    assert_eq!(item.authors[0].name, "Jo Park");
    assert_eq!(
        item.published.as_ref().map(Timestamp::as_str),
        Some("2024-05-21T06:10:00-04:00")
    );
    assert!(matches!(&item.body[1], Block::Quote { cite: Some(c), .. } if c == "RSPB"));
}

/// What `render` writes, imported back, is the article it was rendered from.
#[test]
fn a_rendered_page_imports_back_as_the_same_article() {
    for name in ["krebs.json", "ar-krebs.json"] {
        let path = Path::new(command_line::REPO)
            .join("static/articles")
            .join(name);
        let (source, checked) = read_article(&path).unwrap();
        let page = render_page(&checked.article, &source, &RenderOptions::default());
        let mut back = import_text(&page, "page.html", None).unwrap();
        assert_eq!(back.len(), 1);
        let mut article = back.remove(0).article;
        if checked.article.lang.is_none() {
            // The page spells out the default language, `en`, which the article leaves unsaid.
            assert_eq!(article.lang.as_deref(), Some("en"), "{name}");
            article.lang = None;
        }
        assert_eq!(article, checked.article, "{name}");
    }
}

/// The whole fixtures' story, rendered as a page and imported back: every block (lists,
/// tables, code, the divider), the kicker, the section and the tags come back as they were.
/// (The lead image, whose address is relative, and the notes do not: see the README.)
#[test]
fn a_rendered_whole_article_imports_back_with_the_same_story() {
    for name in ["whole.json", "whole-ar.json"] {
        let path = Path::new(command_line::REPO)
            .join("static/articles")
            .join(name);
        let (source, checked) = read_article(&path).unwrap();
        let page = render_page(&checked.article, &source, &RenderOptions::default());
        let back = import_text(&page, "page.html", None)
            .unwrap()
            .remove(0)
            .article;
        assert_eq!(back.body, checked.article.body, "{name}");
        assert_eq!(
            (&back.kicker, &back.section, &back.tags),
            (
                &checked.article.kicker,
                &checked.article.section,
                &checked.article.tags
            ),
            "{name}"
        );
    }
}

#[test]
fn the_same_source_twice_gives_the_same_bytes() {
    for name in [
        "krebs-news.html",
        "blog-no-metadata.html",
        "post-yaml.md",
        "feed-rss2.xml",
        "feed-atom.xml",
        "feed.json",
    ] {
        let first: Vec<String> = import(name, None).into_iter().map(|a| a.json).collect();
        let second: Vec<String> = import(name, None).into_iter().map(|a| a.json).collect();
        assert_eq!(first, second, "{name}");
    }
    let dir = scratch("twice");
    let out_dir = dir.to_str().unwrap();
    let first = run(&[
        "import",
        "tests/fixtures/import/krebs-news.html",
        "-o",
        out_dir,
    ]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let file = dir.join("trump-fires-cyber-security-chief-over-election-fraud-dismissal.json");
    let bytes = std::fs::read(&file).unwrap();
    let again = run(&[
        "import",
        "tests/fixtures/import/krebs-news.html",
        "-o",
        out_dir,
    ]);
    assert!(again.status.success());
    assert!(text(&again.stdout).starts_with(&format!("unchanged {}", file.display())));
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no second copy"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn one_bad_source_among_good_ones_is_reported_and_the_others_are_written() {
    let dir = scratch("bad");
    let broken = dir.join("broken.xml");
    std::fs::write(
        &broken,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut off",
    )
    .unwrap();
    let out = dir.join("out");
    let out = run(&[
        "import",
        "tests/fixtures/import/post-toml.md",
        broken.to_str().unwrap(),
        "tests/fixtures/import/missing.html",
        "tests/fixtures/import/feed.json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "article-widget: {}: not a feed that can be read",
            broken.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("article-widget: tests/fixtures/import/missing.html: could not read"),
        "{stderr}"
    );
    let mut written: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["a-quieter-night-sky-over-the-valley.json", "swifts.json"]
    );
    // Each file passes the command line's own check.
    for name in &written {
        let file = dir.join("out").join(name);
        let check = run(&["validate", file.to_str().unwrap()]);
        assert!(check.status.success(), "{}", text(&check.stdout));
        assert!(text(&check.stdout).ends_with(": ok\n"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_name_taken_by_another_article_is_never_overwritten() {
    let dir = scratch("collide");
    let taken = dir.join("swifts.json");
    std::fs::write(&taken, "someone else's file").unwrap();
    let out = run(&[
        "import",
        "tests/fixtures/import/feed.json",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(&taken).unwrap(),
        "someone else's file"
    );
    assert!(dir.join("swifts-2.json").exists());
    let leftovers = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".partial")
        })
        .count();
    assert_eq!(leftovers, 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn dry_run_says_what_would_be_written_and_writes_nothing() {
    let dir = scratch("dry");
    let out_dir = dir.join("out");
    let out = run(&[
        "import",
        "--dry-run",
        "tests/fixtures/import/feed-rss2.xml",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stdout.starts_with(&format!("would write {} from tests/fixtures/import/feed-rss2.xml: \"Ferry timetable changes from April\"", out_dir.join("ferry-timetable-april.json").display())));
    assert!(!out_dir.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn standard_output_takes_one_article() {
    let out = run(&["import", "tests/fixtures/import/post-toml.md"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), import_one("post-toml.md", None).json);
    assert!(Article::from_json(&text(&out.stdout)).is_ok());

    let out = run(&["import", "tests/fixtures/import/feed-rss2.xml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, b"");
    assert!(text(&out.stderr)
        .contains("2 articles found; standard output takes one, so give a folder with -o"));
}

#[test]
fn a_page_with_no_story_is_an_error_that_names_it() {
    let err = import_text(
        "<html><head><title>x</title></head><body></body></html>",
        "empty.html",
        None,
    )
    .unwrap_err();
    assert!(err.to_string().contains("no article text found"), "{err}");
    let err = import_text("Text", "page.md", Some("not a url")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("--url `not a url` is not an absolute URL"),
        "{err}"
    );
}

/// None of the import code reaches the browser's build: its crates are native-only
/// dependencies, so the wasm's dependency tree has none of them even with the feature on.
#[test]
fn no_native_crate_is_in_the_widgets_wasm_dependency_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let tree = Command::new(cargo)
        .args([
            "tree",
            "--locked",
            "--offline",
            "--target",
            "wasm32-unknown-unknown",
            "-e",
            "normal",
            "--package",
            "article-widget",
            "--prefix",
            "none",
        ])
        .current_dir(command_line::REPO)
        .output()
        .expect("cargo runs");
    assert!(tree.status.success(), "{}", text(&tree.stderr));
    let tree = text(&tree.stdout);
    assert!(tree.contains("yew v0.23"), "the tree is the wasm's: {tree}");
    for name in [
        "dom_smoothie",
        "dom_query",
        "html5ever",
        "feed-rs",
        "pulldown-cmark",
        "serde-saphyr",
        "toml ",
        "url ",
        "chrono",
        "clap",
        "rayon",
        "indicatif",
        "jiff",
        "crc32fast",
        "article-widget-",
        "hyper",
        "tokio ",
        "notify",
        "brotli",
        "flate2",
    ] {
        assert!(
            !tree.lines().any(|l| l.starts_with(name)),
            "{name} is in the wasm's dependency tree"
        );
    }
}

/// `article-widget import SOURCES… -o OUT_DIR`, run as a user would.
fn import_into(out_dir: &Path, sources: &[&str]) -> std::process::Output {
    let mut args = vec!["import"];
    args.extend_from_slice(sources);
    args.extend(["-o", out_dir.to_str().unwrap()]);
    run(&args)
}

fn page(body: &str) -> Imported {
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>A short story</title></head><body><article><h1>A short story</h1>{body}</article></body></html>"#
    );
    import_text(&html, "page.html", Some("https://news.example/a/story"))
        .unwrap_or_else(|err| panic!("{err}"))
        .remove(0)
}

#[test]
fn a_news_brief_shorter_than_readabilitys_threshold_still_imports() {
    let imported = page("<p>Only one short paragraph of news.</p>");
    assert_eq!(
        paragraph_texts(&imported.article),
        ["Only one short paragraph of news."]
    );
}

#[test]
fn a_related_heading_over_a_list_of_links_gives_related_links_and_leaves_the_story() {
    let imported = page(
        r#"<div class="content"><p>The first paragraph of the story.</p><p>The second paragraph of the story.</p>
        <h3>Read more</h3><ul><li><a href="/b">Council delays the bridge vote</a></li><li><a href="https://elsewhere.example/c">Why the ferry stopped running</a></li></ul>
        <p>The last paragraph, after the list.</p></div>"#,
    );
    let related: Vec<(&str, Option<&str>)> = imported
        .article
        .related
        .iter()
        .map(|r| (r.title.as_str(), r.url.as_deref()))
        .collect();
    assert_eq!(
        related,
        [
            (
                "Council delays the bridge vote",
                Some("https://news.example/b")
            ),
            (
                "Why the ferry stopped running",
                Some("https://elsewhere.example/c")
            )
        ]
    );
    assert_eq!(
        paragraph_texts(&imported.article),
        [
            "The first paragraph of the story.",
            "The second paragraph of the story.",
            "The last paragraph, after the list."
        ]
    );
    assert!(!imported
        .article
        .body
        .iter()
        .any(|b| matches!(b, Block::Heading(_))));
}

#[test]
fn a_heading_that_merely_says_read_more_inside_the_story_does_not_make_the_story_a_list() {
    let imported = page(
        r#"<div class="content"><p>The first paragraph of the story, which goes on for a while so that it is prose.</p>
        <h3>Read more about the council's plans</h3><p>Another paragraph of the story follows the heading here.</p></div>"#,
    );
    assert_eq!(paragraph_texts(&imported.article).len(), 2);
    assert!(imported.article.related.is_empty());
}

#[test]
fn layout_tables_are_read_through_and_data_tables_in_them_kept() {
    let imported = page(
        r#"<table><tr><td><p>A story laid out in a table, as old pages do, with the scores of the match.</p>
        <table><caption>Results</caption><tr><th>Team</th><th>Score</th></tr><tr><td>Reds</td><td>3</td></tr></table>
        <p>And the story goes on after the scores, in the same cell of the layout table.</p></td></tr></table>"#,
    );
    assert_eq!(
        paragraph_texts(&imported.article),
        [
            "A story laid out in a table, as old pages do, with the scores of the match.",
            "And the story goes on after the scores, in the same cell of the layout table."
        ]
    );
    let Block::Table(table) = &imported.article.body[1] else {
        panic!("{:?}", imported.article.body)
    };
    assert_eq!(table.caption.as_deref(), Some("Results"));
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1][1].text.text(), "3");
}

#[test]
fn preformatted_text_and_code_keep_their_lines_and_spacing() {
    let imported = page(
        "<p>Before.</p><pre>A plain-text notice,\n  wrapped by hand.\n\nIts second paragraph.</pre><pre><code class=\"language-rust\">let x = 1;\n</code></pre>",
    );
    let blocks: Vec<(Option<&str>, &str)> = imported
        .article
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Code(code) => Some((code.language.as_deref(), code.text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        blocks,
        [
            (
                None,
                "A plain-text notice,\n  wrapped by hand.\n\nIts second paragraph."
            ),
            (Some("rust"), "let x = 1;")
        ]
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn import_help_names_its_options() {
    let help = text(&run(&["import", "--help"]).stdout);
    for flag in ["--output", "--url", "--dry-run", "<SOURCES>"] {
        assert!(help.contains(flag), "import --help mentions {flag}");
    }
    let usage = run(&["import"]);
    assert_eq!(usage.status.code(), Some(2), "no source is a usage mistake");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of real pages, in any order and nesting, half-closed or not.
    const PIECES: &[&str] = &[
        "<p>", "</p>", "<div class=\"newsletter-signup\">", "</div>", "<aside class=\"pull-quote\">",
        "</aside>", "<figure>", "</figure>", "<figcaption>", "<img data-src=\"a.jpg\" alt=\"x\">",
        "<img src=\"data:image/gif;base64,R0lG\">", "<blockquote>", "</blockquote>", "— A Name",
        "<h2>Related</h2>", "<ul>", "<li>", "<a href=\"/x\">", "<a href=\"javascript:x\">", "</a>",
        "<table><tr><td>", "<th>", "<pre>", "<code>", "<em>", "<strong>", "<br>",
        "<div class=\"author-bio\"><p class=\"name\">Ann</p>", "<form><input type=\"email\">",
        "Words of the story, enough of them to read as prose. ", "é", "\u{202e}", "&amp;", "\n\n",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":{\"@id\":\"#a\"}}</script>",
        "<meta property=\"og:title\" content=\"T\">", "<base href=\"../\">", "<html lang=\"ar\" dir=\"rtl\">",
    ];

    fn page() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn any_page_imports_or_is_refused_with_a_message(body in page()) {
            let html = format!("<html><head><title>T</title></head><body><article>{body}</article></body></html>");
            match import_text(&html, "p.html", Some("https://example.com/a/b")) {
                Ok(articles) => {
                    for imported in articles {
                        prop_assert!(Article::from_json(&imported.json).is_ok());
                        // The pieces hold no escaped markup, so a tag in the output would be HTML let through.
                        prop_assert!(!imported.json.contains("<p") && !imported.json.contains("<a "));
                    }
                }
                Err(err) => prop_assert!(!err.to_string().is_empty()),
            }
        }

        #[test]
        fn any_markdown_or_feed_text_imports_or_is_refused(text in "(---\n|\\+\\+\\+\n|<rss><channel><item>|\\{\"version\":\"https://jsonfeed.org/version/1\",)?[ -~\n>#*\\[\\]!()é—-]{0,300}") {
            let _ = import_text(&text, "source", None);
        }

        /// Any bytes decode, and pieces of encoding declarations and tags, cut anywhere,
        /// read as the importer reads a source.
        #[test]
        fn any_bytes_decode_and_import_or_are_refused(pieces in proptest::collection::vec(proptest::sample::select(BYTE_PIECES), 0..40), tail in proptest::collection::vec(any::<u8>(), 0..40)) {
            let mut bytes = pieces.concat();
            bytes.extend(tail);
            let decoded = article_widget_import::decode(&bytes);
            prop_assert!(!decoded.encoding.is_empty());
            let _ = article_widget_import::import_bytes(&bytes, "source", None);
        }
    }

    const BYTE_PIECES: &[&[u8]] = &[
        b"<meta",
        b" charset=",
        b"<meta http-equiv=content-type content=\"text/html; charset=",
        b"\"",
        b"'",
        b"shift_jis",
        b"windows-1252",
        b"utf-16",
        b"x-user-defined",
        b"<?xml version=\"1.0\" encoding=\"",
        b"?>",
        b"<!--",
        b"-->",
        b">",
        b"<",
        b"</",
        b"<p>",
        b"<div>",
        b"<svg>",
        b"/>",
        b"<script>",
        b"</script",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\x82\xa0",
        b"caf\xe9",
        b"\xc3",
        b"<rss><channel><item><title>T</title><description>",
        b"{",
        b" ",
    ];
}

#[test]
fn a_blockquote_that_only_looks_like_a_post_is_a_quote_with_its_attribution() {
    let imported = page(
        r#"<p>The story before the quote, long enough to be the story's own paragraph.</p>
        <blockquote><p lang="en">We did it right.</p>&mdash; Chris Krebs (@CISAKrebs) <a href="https://social.example/x/status/1">November 18, 2020</a></blockquote>"#,
    );
    assert_eq!(
        imported.article.body[1],
        Block::Quote {
            text: article_widget::model::Inline::plain("We did it right."),
            cite: Some("Chris Krebs (@CISAKrebs) November 18, 2020".into()),
        }
    );
}

#[test]
fn a_short_story_in_a_subscriber_wrapper_is_not_a_promo() {
    let imported = page(
        r#"<div class="subscriber-content"><h2>The short of it</h2><p>One paragraph of story.</p><p>A second paragraph.</p>
        <p>A third.</p><p>A fourth.</p><p>And a fifth, which no sign-up box has.</p></div>"#,
    );
    assert!(!imported
        .article
        .body
        .iter()
        .any(|b| matches!(b, Block::Promo(_))));
    assert_eq!(paragraph_texts(&imported.article).len(), 5);
}

#[test]
fn a_feed_item_without_a_title_is_reported_and_the_other_items_are_written() {
    let dir = scratch("item");
    let feed = dir.join("feed.xml");
    std::fs::write(
        &feed,
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title><link>https://notes.example/</link>
        <item><description>An item with text but no title.</description></item>
        <item><title>A titled item</title><link>https://notes.example/titled</link><description>Its text.</description></item>
        </channel></rss>"#,
    )
    .unwrap();
    let out_dir = dir.join("out");
    let out = import_into(&out_dir, &[feed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "article-widget: {}: item 1: no headline found",
            feed.display()
        )),
        "{stderr}"
    );
    assert!(
        out_dir.join("titled.json").exists(),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn rss_1_and_0_91_items_import_too() {
    let rdf = import_one("feed-rss1.rdf", None).article;
    assert_eq!(rdf.headline, "First frost of the autumn");
    assert_eq!(rdf.authors[0].name, "Hal Berg");
    assert_eq!(
        rdf.published.as_ref().map(Timestamp::as_str),
        Some("2024-10-13T06:00:00+01:00")
    );
    assert_eq!(rdf.lang.as_deref(), Some("en"));
    let old = import_one("feed-rss091.xml", None).article;
    assert_eq!(old.headline, "The clock tower chimes again");
    assert_eq!(
        old.url.as_deref(),
        Some("http://oldtown.example/clock-tower")
    );
    assert_eq!(
        paragraph_texts(&old),
        ["After two years of silence, the clock tower chimed at noon on Sunday."]
    );
}

#[test]
fn a_source_is_told_by_its_extension_then_by_its_text() {
    use article_widget_import::SourceKind::{Feed, Html, Markdown};
    let cases = [
        (
            "README.md",
            "<p align=\"center\">Logo</p>\n\n# Title\n",
            Markdown,
        ),
        ("post", "---\ntitle: x\n---\nText", Markdown),
        ("post", "+++\ntitle = \"x\"\n+++\nText", Markdown),
        (
            "feed",
            "\u{feff}<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
            Feed,
        ),
        (
            "atom.xml",
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
            Feed,
        ),
        (
            "feed.json",
            "{\"version\": \"https://jsonfeed.org/version/1.1\"}",
            Feed,
        ),
        (
            "page",
            "<!DOCTYPE html><html><head><title>RSS readers compared</title>",
            Html,
        ),
        (
            "page.xhtml",
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
            Html,
        ),
        ("notes.txt", "Just text.", Markdown),
    ];
    for (name, text, kind) in cases {
        assert_eq!(
            article_widget_import::SourceKind::detect(text, name),
            kind,
            "{name}: {text}"
        );
    }
}

#[test]
fn inline_quotations_keep_the_marks_a_browser_shows() {
    let imported =
        page("<p>She said <q>not yet</q> and left, which was the end of the matter for now.</p>");
    assert_eq!(
        paragraph_texts(&imported.article),
        ["She said “not yet” and left, which was the end of the matter for now."]
    );
}

#[test]
fn tags_sponsored_links_and_galleries_are_not_related_links_or_promos() {
    let imported = page(
        r#"<div class="content"><p>The first paragraph of the story, long enough to be prose in a page.</p>
        <div class="related-topics"><h3>Related</h3><ul><li><a href="/t/tech">Tech</a></li><li><a href="/t/privacy">Privacy</a></li></ul></div>
        <div class="gallery-embed-promo"><strong>March 18, 2015</strong><img src="/1.jpg" alt=""><img src="/2.jpg" alt=""><a href="/g">Full screen</a></div>
        <p>The second paragraph of the story, also long enough to be read as the story's own.</p>
        <div class="related-sponsored"><h3>Related</h3><ul><li><a href="https://ads.example/1">You won't believe these ten tricks</a></li></ul></div>
        </div>"#,
    );
    assert!(
        imported.article.related.is_empty(),
        "{:?}",
        imported.article.related
    );
    assert!(!imported
        .article
        .body
        .iter()
        .any(|b| matches!(b, Block::Promo(_))));
}

#[test]
fn a_card_for_someone_the_metadata_does_not_name_stays_in_the_story() {
    let html = r#"<!DOCTYPE html><html lang="en"><head><title>Guest notes</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Guest notes","author":{"@type":"Person","name":"Ana Ruiz"}}</script></head>
        <body><article><h1>Guest notes</h1><div class="story"><p>The story itself, told in a paragraph long enough to read as one.</p>
        <div class="contributor-note"><p class="name">Sam Lee</p><p>Sam Lee, a ferry captain for thirty years, wrote this note for us.</p></div>
        <p>More of the story, after the note, in another paragraph of some length.</p></div>
        <div class="author-bio"><p class="author-bio__name">Ana Ruiz</p><p>Ana Ruiz covers the harbour and its people for the paper.</p></div>
        </article></body></html>"#;
    let article = import_text(html, "guest.html", None)
        .unwrap()
        .remove(0)
        .article;
    assert_eq!(article.authors.len(), 1);
    assert_eq!(
        article.authors[0].bio.as_deref(),
        Some("Ana Ruiz covers the harbour and its people for the paper.")
    );
    assert!(paragraph_texts(&article)
        .iter()
        .any(|t| t.contains("a ferry captain for thirty years")));
    assert!(!paragraph_texts(&article)
        .iter()
        .any(|t| t.contains("covers the harbour")));
}

#[test]
fn a_headline_cut_short_in_json_ld_gives_way_to_the_one_the_page_shows() {
    let html = r#"<!DOCTYPE html><html lang="en"><head><title>Council approves the new cycle bridge after four years of consultation | Gazette</title>
        <meta property="og:title" content="Council approves the new cycle bridge after four years of consultation">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the new cycle bridge after four"}</script></head>
        <body><article><h1>Council approves the new cycle bridge after four years of consultation</h1>
        <p>The story itself, told in a paragraph long enough to read as one.</p></article></body></html>"#;
    let article = import_text(html, "cut.html", None)
        .unwrap()
        .remove(0)
        .article;
    assert_eq!(
        article.headline,
        "Council approves the new cycle bridge after four years of consultation"
    );
}

fn authors_of(article: &Article) -> Vec<&str> {
    article.authors.iter().map(|a| a.name.as_str()).collect()
}

fn html_page(head: &str, body: &str) -> Article {
    let html =
        format!(r#"<!DOCTYPE html><html lang="en"><head>{head}</head><body>{body}</body></html>"#);
    import_text(&html, "page.html", Some("https://news.example/a/story"))
        .unwrap_or_else(|err| panic!("{err}"))
        .remove(0)
        .article
}

const STORY: &str =
    "<p>The story itself, told in a paragraph that is long enough to read as one.</p>
    <p>A second paragraph of the story, so that there is no doubt where the story is.</p>";

#[test]
fn a_microdata_author_without_a_name_property_is_the_name_linked_in_it() {
    let article = html_page(
        "<title>La loi est votée</title>",
        &format!(
            r#"<article itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">La loi est votée</h1>
            <p class="signature">Par <span itemprop="author"><a href="/journaliste/ana-ruiz/">Ana Ruiz</a> (avec Tom Okafor)</span></p>
            <div itemprop="articleBody">{STORY}</div>
            <ul><li itemprop="author"><a href="/journaliste/ana-ruiz/">Ana Ruiz</a> <span>Journaliste</span>
            <a href="/journaliste/ana-ruiz/">Aller sur la page de ce journaliste</a> <a href="https://social.example/ana">Suivre ce journaliste sur le réseau</a></li></ul>
            </article>"#
        ),
    );
    assert_eq!(authors_of(&article), ["Ana Ruiz"]);
}

#[test]
fn every_author_the_meta_tags_list_is_an_author_without_the_address_beside_the_name() {
    let head = r#"<title>A draft standard</title><meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">"#;
    let article = html_page(
        head,
        &format!("<article><h1>A draft standard</h1>{STORY}</article>"),
    );
    assert_eq!(authors_of(&article), ["Kooman, F.", "Jong, Michiel de"]);

    let head =
        r#"<title>Notes</title><meta name="author" content="Ana Ruiz (https://ana.example/)">"#;
    let article = html_page(head, &format!("<article><h1>Notes</h1>{STORY}</article>"));
    assert_eq!(authors_of(&article), ["Ana Ruiz"]);

    let head = r#"<title>Halibut</title><meta itemprop="author" content="Tom Okafor">"#;
    let article = html_page(head, &format!("<article><h1>Halibut</h1>{STORY}</article>"));
    assert_eq!(authors_of(&article), ["Tom Okafor"]);
}

#[test]
fn a_user_name_in_json_ld_gives_way_to_the_name_the_byline_shows() {
    let head = r#"<title>The cut returns</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"The cut returns","author":"jruiz42"}</script>"#;
    let article = html_page(
        head,
        &format!(
            r#"<article><h1>The cut returns</h1><p class="byline">By Jane Ruiz</p>{STORY}</article>"#
        ),
    );
    assert_eq!(authors_of(&article), ["Jane Ruiz"]);

    // Without a byline to say otherwise, the metadata's name stands.
    let article = html_page(
        head,
        &format!("<article><h1>The cut returns</h1>{STORY}</article>"),
    );
    assert_eq!(authors_of(&article), ["jruiz42"]);
}

#[test]
fn a_meta_description_cut_short_by_an_unescaped_quote_is_not_read() {
    let head = r#"<title>Superbugs</title><meta name="description" content="Drug-resistant bacteria, dubbed "superbugs," pose an enormous threat.">"#;
    let article = html_page(
        head,
        &format!("<article><h1>Superbugs</h1>{STORY}</article>"),
    );
    assert_eq!(article.standfirst, None);
}

#[test]
fn a_dateline_at_the_top_of_the_story_is_not_a_paragraph_and_may_name_the_author() {
    let article = html_page(
        "<title>On recent events</title>",
        &format!(
            r#"<article><h1>On recent events</h1><p class="date">Tuesday 15 October 2019 by Ana Ruiz</p>{STORY}</article>"#
        ),
    );
    assert_eq!(authors_of(&article), ["Ana Ruiz"]);
    assert!(!paragraph_texts(&article)
        .iter()
        .any(|t| t.contains("October")));

    let imported = page(&format!(
        r#"<figure><img src="/a.jpg" alt="The harbour at dawn"></figure><p class="when">22 Dec, 2016 22 Dec, 2016</p>{STORY}<p>Published on 5 May 2016, this story was read by many.</p>"#
    ));
    let texts = paragraph_texts(&imported.article);
    assert!(!texts.iter().any(|t| t.contains("22 Dec")), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.starts_with("Published on 5 May")),
        "a sentence with a date is the story: {texts:?}"
    );
}

#[test]
fn the_headline_is_the_part_of_the_title_a_heading_shows_not_the_section_or_the_site() {
    let article = html_page(
        "<title>Get your code covered | Code | Ana Ruiz</title>",
        &format!(
            r#"<header><h1><a href="/">Hi, I'm <strong>Ana.</strong></a></h1></header>
            <article itemscope itemtype="http://schema.org/BlogPosting"><header><h2><a itemprop="name" href="/code/covered/">Get your code covered</a></h2></header>{STORY}</article>"#
        ),
    );
    assert_eq!(article.headline, "Get your code covered");

    // A documentation page: the site's name heads it, linked home, and the page's own
    // heading follows.
    let article = html_page(
        "<title>Shared history — the evolve extension</title>",
        &format!(
            r#"<h1><a href="index.html">the evolve extension</a></h1><h2>Shared history</h2><main>{STORY}</main>"#
        ),
    );
    assert_eq!(article.headline, "Shared history");
}

#[test]
fn a_story_headline_the_metadata_and_title_do_not_show_is_the_headline() {
    // The metadata's title is not what the page shows; the story's own heading is.
    let head = r#"<title>Site section</title><meta property="og:title" content="A title written for sharing">"#;
    let article = html_page(
        head,
        &format!("<article><h1>The headline the reader sees</h1>{STORY}</article>"),
    );
    assert_eq!(article.headline, "The headline the reader sees");
    assert!(
        !article.body.iter().any(|b| matches!(b, Block::Heading(_))),
        "the headline is not repeated in the story"
    );

    // No metadata, and a <title> that is only the site's name: the story's <h1>.
    let article = html_page(
        "<title>Harbour - Engineering Handbook</title>",
        &format!(
            r#"<main><section><h1 class="heading">Monitoring the harbour</h1>{STORY}</section></main>"#
        ),
    );
    assert_eq!(article.headline, "Monitoring the harbour");

    // The metadata's title that the page shows still wins.
    let head = r#"<title>A title written for sharing | Gazette</title><meta property="og:title" content="A title written for sharing">"#;
    let article = html_page(
        head,
        &format!("<article><h1>The headline the reader sees</h1>{STORY}</article>"),
    );
    assert_eq!(article.headline, "A title written for sharing");
}

#[test]
fn a_description_cut_from_the_stories_opening_across_its_blocks_is_not_a_standfirst() {
    let body = "<article><h1>Notes from the week</h1><h2>Highlights</h2>
        <p>We shipped the new harbour timetable, and the ferry now leaves on the hour every hour.</p>
        <p>The footbridge is closed for repairs until the end of the month, so take the long way.</p></article>";
    for description in [
        "Highlights We shipped the new harbour timetable, and the ferry now leaves on the hour every hour. The footbridge is closed ...",
        "Posted by the harbour office We shipped the new harbour timetable, and the ferry now leaves on the hour (...)",
        "We shipped the new harbour timetable, and the ferry now leaves on the hour every hour. The footbridge is closed for repairs until the end of the month, so take the long way.",
    ] {
        let head = format!(
            r#"<title>Notes from the week</title><meta name="description" content="{description}">"#
        );
        let article = html_page(&head, body);
        assert_eq!(article.standfirst, None, "{description}");
    }
    // A summary written for the story stays, and so does one the story shows whole as its
    // first paragraph.
    for description in [
        "The ferry runs hourly and the footbridge is shut: what changed at the harbour this week.",
        "We shipped the new harbour timetable, and the ferry now leaves on the hour every hour.",
    ] {
        let head = format!(
            r#"<title>Notes from the week</title><meta name="description" content="{description}">"#
        );
        let article = html_page(&head, body);
        assert_eq!(article.standfirst.as_deref(), Some(description));
    }
}

#[test]
fn a_page_that_names_no_language_gets_only_what_its_script_says_for_certain() {
    let import = |title: &str, story: &str| {
        let html = format!(
            "<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{story}</article></body></html>"
        );
        import_text(&html, "page.html", None).unwrap().remove(0)
    };
    let japanese = import(
        "欲張りなイヌ",
        "<p>むかしむかし、ある所に、肉をくわえたイヌが橋を渡っていました。ふと下を見ると、川の中にも肉をくわえたイヌがいます。</p>",
    );
    assert_eq!(japanese.article.lang.as_deref(), Some("ja"));
    assert!(japanese
        .warnings
        .iter()
        .any(|w| w.contains("names no language")));

    let chinese = import(
        "宇航员为何不能喝酒",
        "<p>翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域，是一项艰苦卓绝的工作。这让人感到巨大压力和极度恐慌。</p>",
    );
    assert_eq!(chinese.article.lang.as_deref(), Some("zh"));

    // Arabic letters say the script, not which language: enough for the direction.
    let arabic = import(
        "الأمطار تغلق الطرق",
        r#"<p dir="rtl">أغلقت السلطات عدداً من الطرق الرئيسية في العاصمة بعد أمطار هي الأغزر منذ عشر سنوات.</p>"#,
    );
    assert_eq!(arabic.article.lang.as_deref(), Some("und-Arab"));
    assert_eq!(arabic.article.dir(), "rtl");

    // Latin letters could be any of hundreds of languages: none is named.
    let latin = import(
        "Notes",
        "<p>The story itself, told in a paragraph that is long enough to read as one.</p>",
    );
    assert_eq!(latin.article.lang, None);
}

#[test]
fn a_language_is_written_in_its_conventional_case_and_a_template_default_gives_way_to_the_script() {
    let import = |lang: &str, title: &str, story: &str| {
        let html = format!(
            r#"<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title></head><body><article><h1>{title}</h1>{story}</article></body></html>"#
        );
        import_text(&html, "page.html", None).unwrap().remove(0)
    };
    let story = "<p>The story itself, told in a paragraph that is long enough to read as one.</p>";
    assert_eq!(
        import("en-us", "Notes", story).article.lang.as_deref(),
        Some("en-US")
    );
    assert_eq!(
        import("ZH_hant_tw", "Notes", story).article.lang.as_deref(),
        Some("zh-Hant-TW")
    );

    // A theme's lang="en" over a story all in Japanese.
    let japanese = import(
        "en",
        "欲張りなイヌ",
        "<p>むかしむかし、ある所に、肉をくわえたイヌが橋を渡っていました。ふと下を見ると、川の中にも肉をくわえたイヌがいます。</p>",
    );
    assert_eq!(japanese.article.lang.as_deref(), Some("ja"));
    assert!(japanese.warnings.iter().any(|w| w.contains("`en`")));

    // A declared language that the script can write is kept, as is one over a story that
    // only quotes another script.
    let persian = import(
        "fa",
        "باران",
        "<p>باران شدید باعث بسته شدن چندین جاده اصلی در پایتخت شد و مدارس تعطیل شدند.</p>",
    );
    assert_eq!(persian.article.lang.as_deref(), Some("fa"));
    let quoting = import(
        "en",
        "A word",
        "<p>The sign over the door read 欲張りなイヌ, which the guide translated for us as the greedy dog, and we laughed about it.</p>",
    );
    assert_eq!(quoting.article.lang.as_deref(), Some("en"));
}

#[test]
fn the_label_over_the_headline_is_the_kicker_and_does_not_open_the_story() {
    let article = html_page(
        r#"<title>Exploit crashes game servers</title><meta property="og:title" content="Exploit crashes game servers">"#,
        &format!(
            r#"<article><header><h4 class="post-upperdek">Biz &amp; IT —</h4><h1 itemprop="headline">Exploit crashes game servers</h1></header>{STORY}</article>"#
        ),
    );
    assert_eq!(article.kicker.as_deref(), Some("Biz & IT"));
    assert!(!article
        .body
        .iter()
        .any(|b| matches!(b, Block::Heading(h) if h.contains("Biz"))));
}

#[test]
fn parsely_tags_give_the_author_and_date_when_nothing_else_does() {
    let article = html_page(
        r#"<title>Harbour notes</title><meta name="parsely-author" content="Jane Doe"><meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z">"#,
        &format!("<article><h1>Harbour notes</h1>{STORY}</article>"),
    );
    assert_eq!(authors_of(&article), ["Jane Doe"]);
    assert_eq!(
        article.published.as_ref().map(Timestamp::as_str),
        Some("2024-04-20T04:20:00.000Z")
    );
}

#[test]
fn a_json_ld_author_written_as_a_byline_is_read_as_one() {
    let head = r#"<title>Harbour notes</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour notes","author":[{"@type":"Person","name":"By Ana Ruiz and Tom Okafor"}]}</script>"#;
    let article = html_page(
        head,
        &format!("<article><h1>Harbour notes</h1>{STORY}</article>"),
    );
    assert_eq!(authors_of(&article), ["Ana Ruiz", "Tom Okafor"]);
}

#[test]
fn the_headline_set_over_the_story_wins_over_a_share_title_about_the_same_story() {
    // The <title> and og:title are written for sharing; the page shows another headline.
    let head = r#"<title>13 Ways To Compliment Women In The Most Empowering Way</title><meta property="og:title" content="13 Ways To Compliment Women In The Most Empowering Way">"#;
    let article = html_page(
        head,
        &format!(
            r#"<div class="page"><h1 class="yt ga">The Transformative Power Of Empowering Compliments</h1>{STORY}</div>"#
        ),
    );
    assert_eq!(
        article.headline,
        "The Transformative Power Of Empowering Compliments"
    );

    // A section's name set as an <h1> link over the story is not its headline; a dialog's
    // heading is not either.
    let head = r#"<title>Miami CEOs are asked about public transit | Herald</title>"#;
    let article = html_page(
        head,
        &format!(
            r#"<div role="dialog"><h1>We value your privacy and your choices</h1></div>
            <h1 class="heading"><a href="/news/business/monday/">Business Monday</a></h1>
            <h1 class="title">From Metrorail to bike paths, what CEOs think of public transit</h1>{STORY}"#
        ),
    );
    assert_eq!(
        article.headline,
        "From Metrorail to bike paths, what CEOs think of public transit"
    );

    // A documentation heading's permalink mark is not part of it.
    let article = html_page(
        "<title>Shared history — the evolve extension</title>",
        &format!(
            r##"<main><h1>Shared history<a class="headerlink" href="#shared-history">¶</a></h1>{STORY}<h2>Usage<a class="headerlink" href="#usage">¶</a></h2><p>How to use it, told at some length so that it reads as a paragraph.</p></main>"##
        ),
    );
    assert_eq!(article.headline, "Shared history");
    assert!(article
        .body
        .iter()
        .any(|b| matches!(b, Block::Heading(h) if h == "Usage")));
}

#[test]
fn a_byline_run_together_from_its_parts_is_read_part_by_part() {
    let imported = page(&format!(
        r#"<div class="article_byline"><div>By <span>Joe Davidson</span></div><div class="meta"><div>Washington Post</div><time>Dec 13, 2016 at 3:45 pm</time></div></div>{STORY}"#
    ));
    assert_eq!(authors_of(&imported.article), ["Joe Davidson"]);

    let imported = page(&format!(
        r#"<div class="byline"><a href="/team/gina">Gina Trapani</a><span>CEO</span></div>{STORY}"#
    ));
    let authors: Vec<(&str, Option<&str>)> = imported
        .article
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.role.as_deref()))
        .collect();
    assert_eq!(authors, [("Gina Trapani", Some("CEO"))]);
}

#[test]
fn without_a_marked_byline_the_line_under_the_headline_names_the_author() {
    let article = html_page(
        "<title>Nigeria's tech hubs</title>",
        &format!(
            r#"<div><h1>Nigeria's tech hubs</h1><div class="x1"><div class="x2">By <span class="x3">Yomi Kazeem</span></div><div>Published <time datetime="2019-01-01">January 1, 2019</time></div></div>{STORY}</div>"#
        ),
    );
    assert_eq!(authors_of(&article), ["Yomi Kazeem"]);

    let article = html_page(
        "<title>New phone review</title>",
        &format!(
            r#"<div><h1>New phone review</h1><div class="meta"><a href="/about/editors/jon-fingas/">Jon Fingas</a>, <a href="https://social.example/jon">@jonfingas</a></div>{STORY}<p>More reviews by <a href="/author/someone-else/">Someone Else</a>, after the story.</p></div>"#
        ),
    );
    assert_eq!(authors_of(&article), ["Jon Fingas"]);
}

#[test]
fn a_meta_tag_written_with_value_instead_of_content_is_read() {
    let head = r#"<title>Decorating mistakes</title><meta name="article:author" value="Maggie Winterfeldt">"#;
    let article = html_page(
        head,
        &format!("<article><h1>Decorating mistakes</h1>{STORY}</article>"),
    );
    assert_eq!(authors_of(&article), ["Maggie Winterfeldt"]);
}

#[test]
fn a_desk_named_in_the_metadata_gives_way_to_the_person_the_page_names() {
    let head = r#"<title>Lady Gaga's new photo</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Lady Gaga's new photo","author":{"@type":"Person","name":"Us Weekly Staff"}}</script>"#;
    let article = html_page(
        head,
        &format!(
            r#"<div><h1>Lady Gaga's new photo</h1><p class="dek">A standfirst of some length, set under the headline before the byline of the story.</p><div class="meta">By <a href="/author/megan-french/">Megan French</a></div>{STORY}</div>"#
        ),
    );
    assert_eq!(authors_of(&article), ["Megan French"]);
}

#[test]
fn a_section_linked_after_in_is_not_an_author() {
    let imported = page(&format!(
        r#"<div class="author">Written by <a href="https://ana.example/">Ana Ruiz</a> in <a href="/linux/valve">Valve</a> on 1 June 2019 at 08:34 PM EDT. <a href="/forums/1103455">51 Comments</a></div>{STORY}"#
    ));
    assert_eq!(authors_of(&imported.article), ["Ana Ruiz"]);
}

#[test]
fn a_description_a_template_filled_with_the_sites_fields_is_not_a_standfirst() {
    let head = r#"<title>Ski review</title><meta name="description" content="BLISTER | Featured, Reviews, Skiing | April 9, 2019 | The most honest reviews of outdoor gear">"#;
    let article = html_page(
        head,
        &format!("<article><h1>Ski review</h1>{STORY}</article>"),
    );
    assert_eq!(article.standfirst, None);
}

/// The article the command line writes to standard output for one source, and its stderr.
fn import_to_stdout(source: &str) -> (Article, String) {
    let out = run(&["import", source]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{source}: {stderr}");
    let json = text(&out.stdout);
    let article = Article::from_json(&json)
        .unwrap_or_else(|err| panic!("{source}: {err}"))
        .article;
    (article, stderr)
}

#[test]
fn a_windows_1252_page_reads_as_its_meta_charset_says() {
    let (article, stderr) = import_to_stdout("tests/fixtures/import/cafe-windows-1252.html");
    assert_eq!(article.headline, "Le café du port rouvre ses portes");
    assert_eq!(article.authors[0].name, "Hélène Lefèvre");
    assert_eq!(
        paragraph_texts(&article),
        [
            "Après deux ans de travaux, le café préféré des pêcheurs a rouvert samedi matin. « C’est comme retrouver sa maison », confie Amélie, qui y prend son café crème depuis trente ans.",
            "Le nouveau propriétaire, René Côté, a gardé le comptoir en zinc d’origine et la fresque du plafond. “We kept everything that mattered,” he told visiting English sailors — and the regulars agree.",
            "Le café est ouvert tous les jours dès 6 h, sauf le lundi ; la terrasse, elle, attendra l’été.",
        ]
    );
    assert!(!stderr.contains('\u{fffd}'), "{stderr}");
}

#[test]
fn a_shift_jis_page_reads_as_its_http_equiv_content_type_says() {
    let (article, _) = import_to_stdout("tests/fixtures/import/asaichi-shift-jis.html");
    assert_eq!(article.headline, "港の朝市、三年ぶりに再開");
    assert_eq!(article.lang.as_deref(), Some("ja"));
    assert_eq!(
        paragraph_texts(&article),
        [
            "港の朝市が三年ぶりに再開され、早朝から多くの買い物客でにぎわった。地元の漁師たちは、とれたての魚や貝を並べ、訪れた人々に声をかけていた。",
            "市場を運営する組合の田中さんは「また皆さんに会えてうれしい。来週からは毎週日曜日に開きます」と話した。",
            "朝市は午前六時から九時まで。駐車場は港の東側にある。",
        ]
    );
}

#[test]
fn an_iso_8859_1_feed_reads_as_its_xml_declaration_says_once() {
    let (article, _) = import_to_stdout("tests/fixtures/import/feed-iso-8859-1.xml");
    assert_eq!(article.headline, "Fête de la mer : le programme complet");
    assert_eq!(
        paragraph_texts(&article),
        ["La fête de la mer revient ce week-end sur le quai Éric-Tabarly, avec régates, choeurs de marins et dégustation d'huîtres... à volonté."]
    );
}

#[test]
fn a_page_that_declares_no_encoding_and_is_not_utf8_reads_as_windows_1252_with_a_warning() {
    let dir = scratch("undeclared");
    let page = dir.join("page.html");
    let mut bytes = b"<html lang=\"fr\"><head><title>D\xe9j\xe0 vu</title></head><body><article><h1>D\xe9j\xe0 vu</h1><p>Un caf\xe9 \x93cr\xe8me\x94 au comptoir, comme chaque matin depuis des ann\xe9es.</p></article></body></html>".to_vec();
    bytes.push(b'\n');
    std::fs::write(&page, &bytes).unwrap();
    let (article, stderr) = import_to_stdout(page.to_str().unwrap());
    assert_eq!(article.headline, "Déjà vu");
    assert_eq!(
        paragraph_texts(&article),
        ["Un café “crème” au comptoir, comme chaque matin depuis des années."]
    );
    assert!(
        stderr.contains(&format!(
            "article-widget: {}: warning: it declares no encoding and is not UTF-8; it was read as windows-1252",
            page.display()
        )),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_encoding_is_read_from_the_byte_order_mark_then_meta_then_the_xml_declaration() {
    use article_widget_import::decode;
    let cases: [(&[u8], &str, &str); 8] = [
        (
            b"\xef\xbb\xbf<meta charset=\"windows-1252\">caf\xc3\xa9",
            "UTF-8",
            "<meta charset=\"windows-1252\">café",
        ),
        (b"\xff\xfec\x00a\x00f\x00\xe9\x00", "UTF-16LE", "café"),
        (
            b"<!-- <meta charset=\"koi8-r\"> --><META CHARSET=windows-1252>caf\xe9",
            "windows-1252",
            "<!-- <meta charset=\"koi8-r\"> --><META CHARSET=windows-1252>café",
        ),
        (
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset='iso-8859-1'\">\xe9",
            "windows-1252",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset='iso-8859-1'\">é",
        ),
        // `content` counts only beside `http-equiv`.
        (
            b"<meta content=\"text/html; charset=iso-8859-2\">caf\xc3\xa9",
            "UTF-8",
            "<meta content=\"text/html; charset=iso-8859-2\">café",
        ),
        // A declared UTF-16 is read as UTF-8, as the standard says.
        (
            b"<meta charset=utf-16>caf\xc3\xa9",
            "UTF-8",
            "<meta charset=utf-16>café",
        ),
        (
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\xe9",
            "windows-1252",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>é",
        ),
        (
            b"{\"title\": \"<meta charset=koi8-r>caf\xc3\xa9\"}",
            "UTF-8",
            "{\"title\": \"<meta charset=koi8-r>café\"}",
        ),
    ];
    for (bytes, encoding, text) in cases {
        let decoded = decode(bytes);
        assert_eq!(
            (decoded.encoding, decoded.text.as_str(), decoded.warning),
            (encoding, text, None),
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// A page whose story sits inside `depth` nested elements.
fn nested_page(depth: usize) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>A deep page</title></head><body><article><h1>A deep page</h1>{}<p>The story itself, told in a paragraph that is long enough to read as one.</p>{}</article></body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

#[test]
fn a_page_nested_past_the_limit_is_refused_with_a_message_naming_the_file() {
    let dir = scratch("deep");
    for depth in [article_widget_import::MAX_NESTING + 1, 100_000] {
        let page = dir.join(format!("deep-{depth}.html"));
        std::fs::write(&page, nested_page(depth)).unwrap();
        let out = run(&["import", page.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{depth}");
        assert_eq!(out.stdout, b"", "{depth}");
        assert_eq!(
            text(&out.stderr),
            format!(
                "article-widget: {}: its elements nest more than 512 deep (line 1); the importer reads pages nested at most 512 deep, the depth at which browsers stop nesting; skipped\n",
                page.display()
            )
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn elements_the_parser_closes_itself_do_not_count_as_nesting() {
    // 100 elements deep, then hundreds of paragraphs, list items, cells and options whose
    // end tags are left out, void and self-closed elements, and tags in a script and a
    // comment: no deeper than about 100 to a browser, so the page imports.
    let unclosed = "<p>A paragraph left open, as old pages leave them.<br><img src=a.jpg alt=''>"
        .repeat(600)
        + "<ul>"
        + &"<li>An item".repeat(600)
        + "</ul><table>"
        + &"<tr><td>a<td>b".repeat(600)
        + "</table><svg>"
        + &"<path d='M0 0'/>".repeat(600)
        + "</svg><select>"
        + &"<option>x".repeat(600)
        + "</select><script>"
        + &"<div>".repeat(600)
        + "</script><!--"
        + &"<div>".repeat(600)
        + "-->";
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Open ends</title></head><body><article><h1>Open ends</h1>{}<p>The story itself, told in a paragraph that is long enough to read as one.</p>{unclosed}{}</article></body></html>",
        "<div>".repeat(100),
        "</div>".repeat(100)
    );
    let imported = import_text(&html, "open.html", None).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(imported[0].article.headline, "Open ends");
}

#[test]
fn a_feed_item_nested_past_the_limit_is_refused_and_the_other_items_are_written() {
    let deep = nested_page(article_widget_import::MAX_NESTING + 1)
        .replace('&', "&amp;")
        .replace('<', "&lt;");
    let feed = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title><link>https://notes.example/</link>
        <item><title>A deep item</title><link>https://notes.example/deep</link><description>{deep}</description></item>
        <item><title>A shallow item</title><link>https://notes.example/shallow</link><description>Its text.</description></item>
        </channel></rss>"#
    );
    let found = article_widget_import::import_each(&feed, "feed.xml", None).unwrap();
    assert_eq!(found.len(), 2);
    let err = found[0].as_ref().unwrap_err().to_string();
    assert!(
        err.starts_with("item 1: its elements nest more than 512 deep"),
        "{err}"
    );
    assert_eq!(
        found[1].as_ref().unwrap().article.headline,
        "A shallow item"
    );
}

#[test]
fn a_title_of_thousands_of_parts_still_gives_the_part_the_page_shows() {
    let parts: Vec<String> = (1..4_000).map(|i| format!("Section {i}")).collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Tide tables for the week | {}</title></head><body><div><h1>Tide tables for the week</h1><p>The story itself, told in a paragraph that is long enough to read as one.</p></div></body></html>",
        parts.join(" | ")
    );
    let imported = import_text(&html, "tides.html", None).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(imported[0].article.headline, "Tide tables for the week");
}

#[test]
fn sixteen_thousand_items_of_one_title_are_sixteen_thousand_files() {
    let dir = scratch("same-title");
    let items: String = (1..=16_000)
        .map(|i| format!("<item><title>Council meets</title><description>Minutes of meeting {i}.</description></item>"))
        .collect();
    let feed = dir.join("feed.xml");
    std::fs::write(
        &feed,
        format!(r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Council</title>{items}</channel></rss>"#),
    )
    .unwrap();
    let out_dir = dir.join("out");
    let out = import_into(&out_dir, &[feed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 16_000);
    assert!(names.contains(&"council-meets.json".to_owned()));
    assert!(names.contains(&"council-meets-16000.json".to_owned()));
    let last = std::fs::read_to_string(out_dir.join("council-meets-16000.json")).unwrap();
    assert!(last.contains("Minutes of meeting 16000."));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_article_whose_json_would_pass_the_widgets_byte_cap_is_refused_and_the_others_are_written() {
    let dir = scratch("large");
    let paragraph = "A long paragraph of the minutes, word after word. ".repeat(500);
    let big = dir.join("minutes.md");
    std::fs::write(
        &big,
        format!(
            "---\ntitle: Every word of the minutes\n---\n\n{}",
            format!("{paragraph}\n\n").repeat(100)
        ),
    )
    .unwrap();
    let out_dir = dir.join("out");
    let out = import_into(
        &out_dir,
        &[big.to_str().unwrap(), "tests/fixtures/import/post-toml.md"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "article-widget: {}: its JSON would be 2505",
            big.display()
        )) && stderr.contains(
            "bytes, more than the 2097152 bytes the widget, `validate` and `build` read; not written; skipped"
        ),
        "{stderr}"
    );
    let written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(written, ["a-quieter-night-sky-over-the-valley.json"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
#[cfg(unix)]
fn a_link_planted_at_the_temporary_name_does_not_redirect_the_write() {
    let dir = scratch("planted");
    let outside = dir.join("outside.txt");
    std::fs::write(&outside, "not the importer's to write").unwrap();
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let slug = "a-quieter-night-sky-over-the-valley";
    std::os::unix::fs::symlink(&outside, out_dir.join(format!("{slug}.json.partial"))).unwrap();
    let out = import_into(&out_dir, &["tests/fixtures/import/post-toml.md"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "not the importer's to write"
    );
    let file = out_dir.join(format!("{slug}.json"));
    assert!(!file.is_symlink());
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        import_one("post-toml.md", None).json
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn control_characters_from_sources_are_escaped_in_messages() {
    let dir = scratch("escapes");
    let post = dir.join("post\u{1b}[2J.md");
    std::fs::write(
        &post,
        "---\ntitle: A quiet night\nlang: \"en\\e]0;owned\\a\"\n---\n\nThe sky was dark.\n",
    )
    .unwrap();
    let out = run(&[
        "import",
        post.to_str().unwrap(),
        "-o",
        dir.join("out").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let stdout = text(&out.stdout);
    for printed in [&stderr, &stdout] {
        assert!(!printed.contains(['\u{1b}', '\u{7}']), "{printed:?}");
    }
    assert!(
        stderr.contains(r"post\u{1b}[2J.md: warning: front matter: the language `en\u{1b}]0;owned\u{7}` is not a BCP 47 tag; it was dropped"),
        "{stderr}"
    );
    assert!(stdout.contains(r"from "), "{stdout}");
    assert!(stdout.contains(r"post\u{1b}[2J.md"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_import_reports_what_it_wrote_left_unchanged_warned_and_failed_and_prints_nothing() {
    use article_widget_import::{run as import, Failure, ImportOptions, ImportReport};
    let dir = scratch("report");
    let options = ImportOptions {
        sources: vec![
            PathBuf::from(command_line::REPO)
                .join(FIXTURES)
                .join("lazy-images.html"),
            PathBuf::from(command_line::REPO)
                .join(FIXTURES)
                .join("missing.md"),
        ],
        output: Some(dir.clone()),
        url: None,
        dry_run: false,
    };
    let first: ImportReport = import(&options);
    assert_eq!(first.written.len(), 1);
    assert!(first.unchanged.is_empty());
    assert!(first.standard_output.is_none());
    assert!(!first.warnings.is_empty());
    assert!(matches!(
        first.failures.as_slice(),
        [Failure::Source { file, .. }] if file.ends_with("missing.md")
    ));
    assert!(!first.succeeded());
    let again = import(&options);
    assert!(again.written.is_empty());
    assert_eq!(again.unchanged, first.written);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The byline rules, a case a line: what a byline under the headline names, and nothing of
/// it is left in the story.
#[rstest]
#[case::a_date_run_into_the_byline(
    r#"<p class="byline">By Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC</p>"#,
    &["Joe Wee"]
)]
#[case::two_names(r#"<p class="byline">By Ana Ruiz and Tom Okafor</p>"#, &["Ana Ruiz", "Tom Okafor"])]
#[case::a_desk(r#"<p class="byline">Our Foreign Staff</p>"#, &["Our Foreign Staff"])]
#[case::only_a_date(r#"<div class="byline"><em>Last Updated:</em> January 7, 2025</div>"#, &[])]
#[case::an_editor(r#"<p class="byline">Written by Ana Ruiz<br>Edited by Tom Okafor</p>"#, &["Ana Ruiz"])]
#[case::last_updated_after_the_name(r#"<p class="byline">By Ana Ruiz, Last updated 5 May 2021</p>"#, &["Ana Ruiz"])]
#[case::a_linked_name_and_the_desk(
    r#"<div class="author_fmt">By <a rel="author" href="/staff/ana-ruiz">Ana  Ruiz, MA</a><br>Harbour Health News</div>"#,
    &["Ana Ruiz, MA"]
)]
#[case::a_linked_name_and_the_comment_count(
    r#"<p class="byline"><span class="by">by</span> <a class="byauthor" href="/author/tom/">Tom Okafor</a><span class="bydate">22 Dec 2016</span><a class="bycount" href="/a/story/comments">651</a></p>"#,
    &["Tom Okafor"]
)]
#[case::a_handle(
    r#"<p class="byline">By Julia Horowitz, <a href="https://social.example/jh">@juliah</a></p>"#,
    &["Julia Horowitz"]
)]
#[case::social_links(r#"<p class="byline">Julia Horowitz | Twitter | View All</p>"#, &["Julia Horowitz"])]
#[case::by_with_the_names_elsewhere(r#"<p class="byline">By</p>"#, &[])]
fn a_byline_names_its_authors(#[case] byline: &str, #[case] names: &[&str]) {
    let imported = page(&format!("{byline}{STORY}"));
    assert_eq!(authors_of(&imported.article), names);
    let texts = paragraph_texts(&imported.article);
    assert!(
        texts
            .iter()
            .all(|t| t.starts_with("The story itself") || t.starts_with("A second paragraph")),
        "{texts:?}"
    );
}

/// The byline rules for the job written beside a name, in the languages news is written in.
#[rstest]
#[case::a_role("By Ana Ruiz, Staff Writer", &[("Ana Ruiz", Some("Staff Writer"))])]
#[case::where_it_was_filed(
    "By: Ana Ruiz and Tom Okafor in Lisbon",
    &[("Ana Ruiz", None), ("Tom Okafor", None)]
)]
#[case::spanish("Por Ana Ruiz y Tom Okafor", &[("Ana Ruiz", None), ("Tom Okafor", None)])]
#[case::reuters_editing("Reporting by Ana Ruiz; Editing by Tom Okafor", &[("Ana Ruiz", None)])]
#[case::for_whom_it_was_filed("Tom Okafor for the Gazette", &[("Tom Okafor", None)])]
#[case::a_desk("Our Foreign Staff", &[("Our Foreign Staff", None)])]
fn a_byline_gives_names_with_their_jobs(
    #[case] byline: &str,
    #[case] credits: &[(&str, Option<&str>)],
) {
    let imported = page(&format!(r#"<p class="byline">{byline}</p>{STORY}"#));
    let got: Vec<(&str, Option<&str>)> = imported
        .article
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.role.as_deref()))
        .collect();
    assert_eq!(got, credits);
}

#[test]
fn a_long_markdown_document_imports_whole_and_its_warnings_name_their_lines() {
    let mut text = "---\ntitle: The minutes\n---\n\n".to_owned();
    for i in 1..=4_000 {
        text.push_str(&format!("Item {i} of the minutes, *agreed*.\n\n"));
    }
    text.push_str("<div>let x = 1;</div>\n");
    let imported = import_text(&text, "minutes.md", None).unwrap_or_else(|err| panic!("{err}"));
    let article = &imported[0].article;
    assert_eq!(paragraph_texts(article).len(), 4_000);
    assert_eq!(
        paragraph_texts(article)[3_999],
        "Item 4000 of the minutes, agreed."
    );
    // Three lines of front matter and a blank one, then two lines an item: the HTML block
    // is on line 4 + 2 × 4,000 + 1.
    assert_eq!(
        imported[0].warnings,
        ["line 8005: raw HTML `<div>let x = 1;</div>` was dropped: the importer never carries HTML"]
    );
}

fn imported(text: &str, name: &str) -> Article {
    import_text(text, name, Some("https://news.example/a/story"))
        .unwrap_or_else(|err| panic!("{err}"))
        .remove(0)
        .article
}

const BRIDGE_STORY: &str = "<article><h1>Council approves the new bridge</h1><p>The city council voted on Tuesday to build a new bridge over the river, after three years of debate about its cost and its route through the old town.</p><p>Work starts in the spring and should take two years, the mayor said.</p></article>";

#[rstest]
#[case::json_ld_keywords_as_text(
    r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council approves the new bridge", "articleSection": "Local", "keywords": "bridges, council,  Council , river"}</script>"#,
    Some("Local"),
    &["bridges", "council", "river"]
)]
#[case::json_ld_keywords_as_terms(
    r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council approves the new bridge", "articleSection": ["Local", "Politics"], "keywords": ["bridges", {"@type": "DefinedTerm", "name": "council"}]}</script>"#,
    Some("Local"),
    &["bridges", "council"]
)]
#[case::open_graph(
    r#"<meta property="article:section" content="Local"><meta property="article:tag" content="bridges"><meta property="article:tag" content="river">"#,
    Some("Local"),
    &["bridges", "river"]
)]
#[case::none(r#"<meta name="keywords" content="buy, cheap, bridges">"#, None, &[])]
fn a_pages_section_and_tags_come_from_its_metadata(
    #[case] head: &str,
    #[case] section: Option<&str>,
    #[case] tags: &[&str],
) {
    let page = format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>Council approves the new bridge</title>{head}</head><body>{BRIDGE_STORY}</body></html>"#
    );
    let article = imported(&page, "page.html");
    assert_eq!(article.section.as_deref(), section);
    assert_eq!(article.tags, tags);
}

#[test]
fn markdown_and_feeds_give_section_and_tags() {
    let markdown = "---\ntitle: Council approves the new bridge\ncategories: [Local, Politics]\ntags: [bridges, river, Bridges]\n---\n\nThe city council voted on Tuesday to build a new bridge.\n";
    let article = imported(markdown, "post.md");
    assert_eq!(article.section.as_deref(), Some("Local"));
    assert_eq!(article.tags, ["bridges", "river"]);

    let with_text =
        "---\ntitle: A bridge\nsection: Local\nkeywords: bridges, river\n---\n\nText.\n";
    let article = imported(with_text, "post.md");
    assert_eq!(article.section.as_deref(), Some("Local"));
    assert_eq!(article.tags, ["bridges", "river"]);

    let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>City news</title><link>https://news.example/</link>
        <item><title>Council approves the new bridge</title><link>https://news.example/bridge</link>
        <category>Bridges</category><category>River</category><description>The council voted.</description></item>
        </channel></rss>"#;
    let article = imported(feed, "feed.xml");
    assert_eq!(article.tags, ["Bridges", "River"]);
    let written = article.to_json().to_string();
    assert!(
        written.contains(r#""tags":["Bridges","River"]"#),
        "{written}"
    );
}

#[test]
fn a_lead_image_given_only_in_the_metadata_is_the_articles_own_and_never_shown_twice() {
    let page = |head: &str, story_image: &str| {
        format!(
            r#"<!DOCTYPE html><html lang="en"><head><title>Council approves the new bridge</title>{head}</head><body><article><h1>Council approves the new bridge</h1>{story_image}<p>The city council voted on Tuesday to build a new bridge over the river, after three years of debate about its cost and its route through the old town.</p><p>Work starts in the spring and should take two years, the mayor said.</p></article></body></html>"#
        )
    };
    let json_ld = r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council approves the new bridge", "image": {"@type": "ImageObject", "url": "/img/bridge.jpg", "width": 1600, "height": "900", "caption": "The bridge as drawn"}}</script>"#;
    let article = imported(&page(json_ld, ""), "page.html");
    let image = article.image.as_ref().expect("the metadata's image");
    assert_eq!(image.src, "https://news.example/img/bridge.jpg");
    assert_eq!((image.width, image.height), (Some(1600), Some(900)));
    assert_eq!(image.caption.as_deref(), Some("The bridge as drawn"));
    assert_eq!(image.alt, "", "no alt text is made up");

    let open_graph = r#"<meta property="og:image" content="https://news.example/img/og.jpg"><meta property="og:image:alt" content="The river at dusk"><meta property="og:image:width" content="1200">"#;
    let article = imported(&page(open_graph, ""), "page.html");
    let image = article.image.as_ref().expect("og:image");
    assert_eq!(
        (
            image.src.as_str(),
            image.alt.as_str(),
            image.width,
            image.height
        ),
        (
            "https://news.example/img/og.jpg",
            "The river at dusk",
            Some(1200),
            None
        )
    );

    let opens_with_it = r#"<figure><img src="/img/bridge.jpg" alt="The bridge"><figcaption>The bridge as drawn</figcaption></figure>"#;
    let article = imported(&page(json_ld, opens_with_it), "page.html");
    assert_eq!(
        article.image, None,
        "the story's own first image stays where it is"
    );
    assert!(matches!(article.body.first(), Some(Block::Image(_))));
}

fn items_of(list: &article_widget::model::ListBlock) -> Vec<String> {
    list.items.iter().map(|item| item.text.text()).collect()
}

#[test]
fn a_results_table_and_nested_lists_import_as_a_table_and_lists() {
    let imported = import_one(
        "election-results.html",
        Some("https://riverside.example/news/2024/05/turnout"),
    );
    let article = &imported.article;
    let table = article
        .body
        .iter()
        .find_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{:#?}", article.body));
    assert_eq!(
        table.caption.as_deref(),
        Some("Provisional turnout and seats by ward"),
        "the figure's caption is the table's"
    );
    assert_eq!(table.head_rows, 2);
    assert_eq!(table.rows.len(), 7, "2 head rows, 4 body rows, the foot's");
    let ward = &table.rows[0][0];
    assert!(ward.header && ward.rowspan == 2 && ward.scope == Some(Scope::Col));
    assert_eq!(
        (
            table.rows[0][1].text.text().as_str(),
            table.rows[0][1].colspan
        ),
        ("Turnout", 2)
    );
    let riverside = &table.rows[2][0];
    assert!(riverside.header && riverside.scope == Some(Scope::Row));
    assert_eq!(table.rows[2][2].text.text(), "38.9%");
    assert!(!table.rows[2][2].header);
    assert_eq!(table.rows[4][3].rowspan, 2);
    assert_eq!(
        table.rows[6][0].text.text(),
        "All wards",
        "the foot comes last"
    );
    assert!(table.rows[6][2].text.0.iter().any(|span| span.strong));

    let list = article
        .body
        .iter()
        .find_map(|block| match block {
            Block::List(list) => Some(list),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{:#?}", article.body));
    assert!(list.ordered);
    assert_eq!(list.start, Some(1), "as the page wrote it");
    assert_eq!(
        items_of(list),
        [
            "Reopen the Old Town library on Saturdays.",
            "Build the cycle bridge by 2026, with:",
            "Freeze parking charges for a year. This was the most popular pledge on the doorstep."
        ]
    );
    let second = list.items[1]
        .list
        .as_ref()
        .expect("a list in the second item");
    assert!(!second.ordered);
    assert_eq!(second.items[0].text.text(), "a separate footpath;");
    assert!(second.items[0].text.0.iter().any(|span| span.em));
    let third = second.items[1].list.as_ref().expect("a third level");
    assert!(third.ordered && third.start == Some(3));
    assert_eq!(
        items_of(third),
        [
            "the transport grant;",
            "the parking levy, which would fund:",
            "the lights themselves",
            "their upkeep"
        ],
        "a fourth level follows its item in the third"
    );
    assert!(third.items.iter().all(|item| item.list.is_none()));
    assert!(
        imported.warnings.iter().any(|w| w.contains(
            "lists nested more than 3 deep were flattened into the list above them (2 items)"
        )),
        "{:?}",
        imported.warnings
    );
    assert!(
        paragraph_texts(article)
            .iter()
            .any(|t| t.starts_with("Read more about the count")),
        "a layout table of one column is read through"
    );
    let code = article
        .body
        .iter()
        .find_map(|block| match block {
            Block::Code(code) => Some(code),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{:#?}", article.body));
    assert_eq!(
        code.language.as_deref(),
        Some("sql"),
        "from the highlighter's class"
    );
    assert_eq!(
        code.text,
        "SELECT ward,\n       round(100.0 * votes_cast / electorate, 1) AS turnout\n  FROM count_2024\n ORDER BY turnout DESC;",
        "lines and spacing kept, the last line break trimmed"
    );
    let kinds: Vec<&str> = article
        .body
        .iter()
        .map(|block| block.kind().name())
        .collect();
    assert_eq!(
        kinds.iter().filter(|kind| **kind == "divider").count(),
        1,
        "the rule over the correction divided nothing once the correction moved: {kinds:?}"
    );
    assert_eq!(
        kinds[kinds.iter().position(|k| *k == "divider").unwrap() + 1],
        "heading"
    );
    assert_eq!(
        article.notes,
        [Note {
            kind: NoteKind::Correction,
            date: Timestamp::parse("2024-05-03T09:40:00+01:00").unwrap(),
            text: "An earlier version of this article gave Hill Park's turnout in 2020 as 36.3%. It was 33.6%.".into(),
        }],
        "dated by the page's update"
    );
    assert!(
        !paragraph_texts(article)
            .iter()
            .any(|t| t.contains("An earlier version")),
        "the correction is not also left in the story"
    );
    let image = article
        .image
        .as_ref()
        .expect("the lead image JSON-LD gives");
    assert_eq!(
        (image.src.as_str(), image.width, image.height),
        (
            "https://riverside.example/images/count-1200.jpg",
            Some(1200),
            Some(630)
        )
    );
    // What was imported is a valid article, and writes back the same.
    let json = article.to_json().to_string();
    let again = Article::from_json(&json).unwrap().article;
    assert_eq!(&again.body, &article.body);
}

#[test]
fn markdown_tables_and_nested_lists_import_as_tables_and_lists() {
    let imported = import_one("post-gfm.md", None);
    let article = &imported.article;
    assert_eq!(
        imported.warnings,
        ["1 correction or update notes are dated by the publication, the only date the page gives"]
    );
    assert_eq!(article.notes.len(), 1);
    assert_eq!(article.notes[0].kind, NoteKind::Update);
    assert_eq!(
        article.notes[0].text,
        "The ban was lifted on 24 June, after a week of rain."
    );
    let tail: Vec<&Block> = article.body.iter().rev().take(3).collect();
    assert!(
        matches!(
            tail.as_slice(),
            [Block::Code(code), Block::Paragraph(_), Block::Divider]
                if code.language.as_deref() == Some("text")
                    && code.text == "plot  day        minutes\n12    Monday     20\n31    Wednesday  15"
        ),
        "{tail:#?}"
    );
    let Block::Table(table) = &article.body[1] else {
        panic!("{:#?}", article.body)
    };
    assert_eq!(table.head_rows, 1);
    assert_eq!(table.rows.len(), 3);
    assert!(table.rows[0]
        .iter()
        .all(|cell| cell.header && cell.scope == Some(Scope::Col)));
    assert_eq!(table.rows[1][1].text.text(), "North field");
    assert!(table.rows[1][1].text.0.iter().any(|span| span.em));
    let rota = &table.rows[2][2].text.0;
    assert_eq!(
        rota.last().and_then(|span| span.href.as_deref()),
        Some("https://allotments.example/rota")
    );
    let Block::List(list) = &article.body[3] else {
        panic!("{:#?}", article.body)
    };
    assert!(list.ordered && list.start.is_none());
    assert_eq!(
        items_of(list),
        [
            "Water before eight in the morning.",
            "Use cans, not hoses, except:",
            "Report leaks to the secretary."
        ]
    );
    let except = list.items[1].list.as_ref().expect("a nested list");
    assert!(!except.ordered);
    assert_eq!(
        items_of(except),
        [
            "on plots with a raised bed;",
            "when a holder is over seventy, who may:"
        ]
    );
    let may = except.items[1].list.as_ref().expect("a third level");
    assert_eq!(
        items_of(may),
        ["use a hose for ten minutes;", "ask a neighbour."]
    );
    assert_eq!(
        paragraph_texts(article)[2],
        "Plots that break the rules twice will be asked to leave the rota."
    );
}

#[test]
fn a_markdown_list_starting_past_one_keeps_its_start_and_a_loose_item_its_paragraphs() {
    let imported = import_text(
        "# Steps\n\nThe rest of the steps, after the first two.\n\n3. Mix.\n\n   Then wait.\n4. Bake.\n",
        "steps.md",
        None,
    )
    .unwrap_or_else(|err| panic!("{err}"))
    .remove(0);
    let Block::List(list) = &imported.article.body[1] else {
        panic!("{:#?}", imported.article.body)
    };
    assert_eq!(list.start, Some(3));
    assert_eq!(items_of(list), ["Mix. Then wait.", "Bake."]);
}

/// The warnings of an import that say what was taken out of the story as not its text.
fn removals(imported: &Imported) -> Vec<&str> {
    imported
        .warnings
        .iter()
        .filter_map(|w| w.strip_prefix("removed from the story as not its text: "))
        .collect()
}

/// A news page as sites publish one: a byline and an "Updated" line inside the story, the
/// same caption written under each photo, an ad slot's "Continue reading below" and
/// "Advertisement", a hover card beside a linked name, share buttons, a list of topic tags
/// and a "You may also like" list. The story keeps its own sentences, even those that give a
/// date or say "click here", and each kind of removal is reported with its size.
#[test]
fn a_news_page_keeps_the_story_and_reports_the_boilerplate_it_removed() {
    let imported = import_one("boilerplate-news.html", None);
    let article = &imported.article;
    assert_eq!(
        paragraph_texts(article),
        [
            "Shopkeepers on Main Street began to sweep out mud on Monday, two days after the river burst its banks and filled the lower town with water a metre deep, the worst flood the town has seen since 1998.",
            "The council will vote on a new flood wall on Tuesday, March 10, 2026, after a report found that the old one had been patched rather than repaired for more than twenty years.",
            "“We lost everything on the ground floor,” said Tom Hale, who has run the hardware shop on the corner for thirty years. “The stock, the counter, the till. We will open again, but not this month.”",
            "The mayor, Mara Lind, said the town would ask the state for emergency funds before the end of the week and that every family who lost a home would be housed by Friday.",
            "Residents were told to click here and there on the council's website for help, Ms Lind admitted, and many gave up; a single telephone line for claims opens on Wednesday.",
            "Volunteers filled more than four thousand sandbags over the weekend, and the fire service pumped out the basements of the primary school, which is expected to reopen after the Easter holiday.",
        ]
    );
    let images = article
        .body
        .iter()
        .filter(|b| matches!(b, Block::Image(_)))
        .count();
    assert_eq!(
        images, 2,
        "the photos stay; only their repeated caption goes"
    );
    assert!(!article.body.iter().any(|b| matches!(b, Block::Heading(_))));
    let related: Vec<&str> = article.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        related,
        [
            "River levels fall slowly after the storm",
            "Schools close as roads flood"
        ]
    );
    assert_eq!(
        removals(&imported),
        [
            "1 pop-up (a hover card on a link, a tooltip), 12 words, such as \"Mara Lind Mayor of Riverton since 2021 Mayor opens the new b…\"",
            "1 date or \"Updated\" line, 4 words, such as \"Updated 3 hours ago\"",
            "2 captions said again as paragraphs, 22 words, such as \"Flood water covers Main Street on Monday morning, March 2, 2…\"",
            "3 lines of related-link or tag lists, 3 words, such as \"Flooding\"",
            "3 labels (share buttons, \"Advertisement\", \"Continue reading below\" and the like), 8 words, such as \"Continue reading below\"",
            "1 byline or reporting credit (the header names the authors), 3 words, such as \"By Ana Ruiz\"",
        ],
        "{:#?}",
        imported.warnings
    );
}

#[test]
fn tooltips_hidden_boxes_calls_to_click_and_pointers_to_other_stories_go_and_sentences_that_mention_them_stay(
) {
    let imported = page(
        r#"<div class="content">
        <p>The <a href="/glossary/levee">levee<span role="tooltip">An embankment built to stop a river overflowing</span></a> held until Saturday night, engineers said on Monday.</p>
        <p>CLICK HERE TO GET THE COURIER APP</p>
        <p>Read more: <a href="/news/the-levee-that-held">The levee that held</a></p>
        <p>Officials said anyone who had to click here and there to report damage should call instead, and that claims made by 2 April 2026 would be paid first.</p>
        <p>Photo: Ana Ruiz, The Courier</p>
        <p>Image 1 of 12</p>
        <p>Copyright 2026 The Courier. All rights reserved.</p>
        <p aria-hidden="true">Sign in to keep reading</p>
        <div role="dialog"><p>We use cookies. Accept them to continue reading the story.</p></div>
        </div>"#,
    );
    assert_eq!(
        paragraph_texts(&imported.article),
        [
            "The levee held until Saturday night, engineers said on Monday.",
            "Officials said anyone who had to click here and there to report damage should call instead, and that claims made by 2 April 2026 would be paid first.",
        ]
    );
    let removed = removals(&imported).join("\n");
    for kind in [
        "1 pop-up",
        "2 photo credits, captions with their credit or gallery counters",
        "1 line of a related-link or tag list",
        "1 call to subscribe, follow or click",
        "1 copyright line",
        "2 hidden elements (`hidden`, `aria-hidden`, dialogs, `display: none`), 15 words",
    ] {
        assert!(removed.contains(kind), "{kind}: {removed}");
    }
}

#[test]
fn a_list_item_that_only_holds_a_list_imports_and_reads_back_the_same() {
    let imported = page(
        "<p>The plan has three stages, each with its own steps, as the report sets them out in full.</p><ul><li><ul><li>Discover what <strong>stage</strong> you are in</li><li>List what you have</li></ul></li><li>Then start.</li></ul>",
    );
    let Some(Block::List(list)) = imported.article.body.get(1) else {
        panic!("{:#?}", imported.article.body)
    };
    assert!(list.items[0].text.0.is_empty(), "no text of its own");
    assert_eq!(list.items[0].list.as_ref().map(|l| l.items.len()), Some(2));
}

#[test]
fn a_gallery_list_imports_as_its_pictures_with_their_captions() {
    let imported = page(
        "<p>The storm closed the harbour road for two days, and the clean-up began on Friday.</p><ul class=\"gallery\"><li><img src=\"/a.jpg\" alt=\"The harbour road under water\">Waves over the harbour wall on Tuesday.</li><li><img src=\"/b.jpg\" alt=\"A crane lifts a boat\">A crane lifts a boat The crane</li></ul>",
    );
    let images: Vec<(&str, Option<&str>)> = imported
        .article
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Image(image) => Some((image.src.as_str(), image.caption.as_deref())),
            _ => None,
        })
        .collect();
    assert_eq!(
        images,
        [
            (
                "https://news.example/a.jpg",
                Some("Waves over the harbour wall on Tuesday.")
            ),
            ("https://news.example/b.jpg", None)
        ],
        "words that only say the alt text again are no caption"
    );
    assert!(!imported
        .article
        .body
        .iter()
        .any(|block| matches!(block, Block::List(_))));
}

#[test]
fn a_feed_items_media_rss_picture_is_its_lead_image_unless_the_story_shows_it() {
    let items = import("feed-media-rss.xml", None);
    type Lead<'a> = (&'a str, Option<u32>, Option<u32>, Option<&'a str>);
    let leads: Vec<Option<Lead>> = items
        .iter()
        .map(|item| {
            item.article.image.as_ref().map(|image| {
                (
                    image.src.as_str(),
                    image.width,
                    image.height,
                    image.caption.as_deref(),
                )
            })
        })
        .collect();
    assert_eq!(
        leads,
        [
            Some((
                "https://cdn.herald.example/img/storm-1600.jpg",
                Some(1600),
                Some(900),
                Some("Waves break over the sea wall on Tuesday morning.")
            )),
            Some((
                "https://cdn.herald.example/img/library-thumb.jpg",
                Some(400),
                Some(300),
                None
            )),
            None,
            None,
        ],
        "a picture, a video's thumbnail, a video with none, and a picture the story already shows"
    );
    assert!(items
        .iter()
        .all(|item| item.article.image.as_ref().is_none_or(|i| i.alt.is_empty())));
}

/// The blocks `pick` takes out of the body, in order: a kind of block, or a view of one.
/// Embed codes pasted into Markdown as blocks of raw HTML are posts and videos, as in a page;
/// other raw HTML is still dropped with a warning.
#[test]
fn embed_codes_in_markdown_are_posts_and_videos() {
    let imported = import_one("post-embeds.md", None);
    let article = &imported.article;
    let posts = posts(article);
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].platform, Platform::X);
    assert_eq!(posts[0].post.author.handle, "@CISAKrebs");
    assert_eq!(
        posts[0].post.url,
        "https://twitter.com/CISAKrebs/status/1328906487479734273"
    );
    assert_eq!(posts[0].post.date.as_str(), "2020-11-18T00:00:00Z");
    let videos = videos(article);
    assert_eq!(videos.len(), 1);
    assert_eq!(
        videos[0].source,
        VideoSource::Hosted {
            host: VideoHost::YouTube,
            id: "3hG2vK_wQ1o".into()
        }
    );
    assert_eq!(videos[0].title, "The county clerk reads the final count");
    let kinds: Vec<&str> = article.body.iter().map(|b| b.kind().name()).collect();
    assert_eq!(
        kinds,
        ["paragraph", "post", "paragraph", "video", "paragraph"]
    );
    let json = article.to_json().to_string();
    assert!(!json.contains("platform.twitter.com") && !json.contains("<script"));
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("raw HTML `<div class=\"note\">")),
        "{:?}",
        imported.warnings
    );
}

fn blocks_of<'a, T>(article: &'a Article, pick: impl Fn(&'a Block) -> Option<T>) -> Vec<T> {
    article.body.iter().filter_map(pick).collect()
}

fn posts(article: &Article) -> Vec<&PostBlock> {
    blocks_of(article, |b| match b {
        Block::Post(post) => Some(&**post),
        _ => None,
    })
}

fn videos(article: &Article) -> Vec<&VideoBlock> {
    blocks_of(article, |b| match b {
        Block::Video(video) => Some(video),
        _ => None,
    })
}

/// Each quote's text, and the addresses its words link to.
fn quotes(article: &Article) -> Vec<(String, Vec<&str>)> {
    blocks_of(article, |b| match b {
        Block::Quote { text, .. } => Some((
            text.text(),
            text.0.iter().filter_map(|s| s.href.as_deref()).collect(),
        )),
        _ => None,
    })
}

/// The addresses of a text's links.
fn links(text: &Inline) -> Vec<&str> {
    text.0.iter().filter_map(|s| s.href.as_deref()).collect()
}

/// Hosts a saved post or video must not make the reader's browser ask for anything.
const PLATFORM_HOSTS: &[&str] = &[
    "twitter.com",
    "x.com",
    "twimg.com",
    "bsky.app",
    "bsky.social",
    "cdninstagram.com",
    "instagram.com",
    "fbcdn.net",
    "threads.net",
    "ytimg.com",
    "youtube.com",
    "vimeocdn.com",
    "vimeo.com",
    "mastodon.social",
    "infosec.exchange",
    "hachyderm.io",
];

fn on_a_platform(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default();
    PLATFORM_HOSTS
        .iter()
        .any(|p| host == *p || host.ends_with(&format!(".{p}")))
}

/// Every picture and file a reader's browser would load for the article's posts and videos.
fn loaded_by_posts_and_videos(article: &Article) -> Vec<String> {
    let mut urls = Vec::new();
    for post in posts(article) {
        for post in std::iter::once(&post.post).chain(&post.quoted) {
            urls.extend(post.author.avatar.clone());
            urls.extend(post.image.as_ref().map(|i| i.src.clone()));
        }
    }
    for video in videos(article) {
        urls.extend(video.poster.clone());
        if let VideoSource::File { src, captions } = &video.source {
            urls.push(src.clone());
            urls.extend(captions.iter().map(|c| c.src.clone()));
        }
    }
    urls
}

/// One embed of each platform, in each platform's own markup, becomes a saved post: the
/// post's address without the tracking query, its author's name and handle, its words with
/// their links (a link to the post itself, as Instagram puts around its caption, is only
/// words; Bluesky's "[image or embed]" stands for what only the platform shows), its date.
#[rstest]
#[case::x(
    Platform::X,
    "https://twitter.com/CISAKrebs/status/1328832094924312577",
    ("Chris Krebs", "@CISAKrebs"),
    "Honored to serve. We did it right. Defend Today, Secure Tomorrow. #Protect2020 https://t.co/9ZpRZrcc3w",
    &["https://twitter.com/hashtag/Protect2020", "https://t.co/9ZpRZrcc3w"],
    "2020-11-17T00:00:00Z"
)]
#[case::bluesky(
    Platform::Bluesky,
    "https://bsky.app/profile/did:plc:4qbt3vsnpmtsbhyvhtsrzcda/post/3lbq7mxsiek2v",
    ("Maya Lindqvist", "@mayalindqvist.bsky.social"),
    "Four years on, the rumour control page is still the best thing a federal agency ever put on the web. Read it again: cisa.example/rumorcontrol",
    &["https://www.cisa.example/rumorcontrol"],
    "2024-11-25T00:00:00Z"
)]
#[case::mastodon(
    Platform::Mastodon,
    "https://infosec.exchange/@briankrebs/105232171414853826",
    ("Brian Krebs", "@briankrebs@infosec.exchange"),
    "Firing the person whose agency just ran the most secure election in memory, by tweet, is about as on-brand as it gets. My write-up",
    &["https://krebsonsecurity.example/2020/11/trump-fires-security-chief-christopher-krebs/"],
    "2020-11-18T03:12:44Z"
)]
#[case::instagram(
    Platform::Instagram,
    "https://www.instagram.com/p/CHuR2ZqFh3k/",
    ("Riverton County Clerk", "@rivertoncountyclerk"),
    "Day 14 of the count. Every ballot gets two sets of eyes, one from each party, and every one of them is counted.",
    &[],
    "2020-11-17T16:05:12+00:00"
)]
#[case::threads(
    Platform::Threads,
    "https://www.threads.net/@rivertoncountyclerk/post/C8zpQ4fOkKr",
    ("Riverton County Clerk", "@rivertoncountyclerk"),
    "Yes, we are still counting. No, nothing is wrong. Here is how a recount works in Riverton County: rivertoncounty.example/elections/recount",
    &["https://rivertoncounty.example/elections/recount"],
    "2020-11-17T00:00:00Z"
)]
fn each_platforms_embed_is_a_saved_post(
    #[case] platform: Platform,
    #[case] url: &str,
    #[case] (name, handle): (&str, &str),
    #[case] text: &str,
    #[case] linked: &[&str],
    #[case] date: &str,
) {
    let imported = import_one("embeds-news.html", None);
    let found = posts(&imported.article);
    let on: Vec<_> = found.iter().filter(|p| p.platform == platform).collect();
    assert_eq!(on.len(), 1, "one {platform:?} post");
    let post = &on[0].post;
    assert_eq!(post.url, url);
    assert_eq!(
        (post.author.name.as_str(), post.author.handle.as_str()),
        (name, handle)
    );
    assert_eq!(post.text.text(), text);
    assert_eq!(links(&post.text), linked);
    assert_eq!(post.date.as_str(), date);
    assert_eq!(on[0].quoted, None);
}

#[test]
fn the_news_page_keeps_its_story_with_five_posts_and_five_videos_in_place() {
    let imported = import_one("embeds-news.html", None);
    let kinds: Vec<&str> = imported
        .article
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "p",
            Block::Heading(_) => "h",
            Block::Post(_) => "post",
            Block::Video(_) => "video",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "p", "post", "p", "post", "p", "post", "p", "post", "p", "post", "h", "p", "video",
            "p", "video", "p", "video", "p", "video", "h", "p", "video", "p"
        ]
    );
    // A publisher-hosted avatar is kept; the one on X's servers is not, and that is said, as
    // is the picture only Bluesky shows.
    let mastodon = posts(&imported.article)
        .into_iter()
        .find(|p| p.platform == Platform::Mastodon)
        .unwrap();
    assert_eq!(
        mastodon.post.author.avatar.as_deref(),
        Some("https://cdn.courier.example/embeds/avatars/briankrebs.png")
    );
    assert_eq!(
        imported.warnings,
        [
            "body[1]: the X post's picture https://pbs.twimg.com/profile_images/1230983421437116416/kre… was dropped: it is on the platform's servers, which the reader's browser would ask for it",
            "body[3]: the Bluesky post's picture or card (\"[image or embed]\") was left out: only the platform has it",
            "body[18]: the video's still https://i.ytimg.com/vi/3hG2vK_wQ1o/hqdefault.jpg was left out: it is on the video host's servers, which the reader's browser would ask for it",
        ]
    );
}

#[test]
fn youtube_vimeo_and_file_videos_are_video_blocks_with_what_the_page_holds() {
    let imported = import_one("embeds-news.html", None);
    let hosted = |host, id: &str| VideoSource::Hosted {
        host,
        id: id.to_owned(),
    };
    let video = |source, title: &str| VideoBlock {
        source,
        title: title.to_owned(),
        ..VideoBlock::default()
    };
    let captions = |src: &str, lang: &str, label: &str| Captions {
        src: format!("https://courier.example/media/2020/11/{src}"),
        lang: lang.to_owned(),
        label: label.to_owned(),
    };
    let want = [
        // WordPress's figure: the frame's title, the figure's caption, the frame's size.
        VideoBlock {
            caption: Some("Krebs before the committee on December 16, 2020.".into()),
            width: Some(640),
            height: Some(360),
            ..video(
                hosted(VideoHost::YouTube, "Ws4dX-8Vl_w"),
                "Chris Krebs testifies before the Senate Homeland Security Committee",
            )
        },
        // Vimeo's own code: a percentage size is no size.
        video(
            hosted(VideoHost::Vimeo, "476932171"),
            "How your vote is secured, start to finish",
        ),
        // lite-youtube: the play label names it, the publisher's still is its poster.
        VideoBlock {
            poster: Some("https://cdn.courier.example/2020/11/audit-explainer-still.jpg".into()),
            ..video(
                hosted(VideoHost::YouTube, "oXy9dA3HgVQ"),
                "The Courier explains: what a risk-limiting audit is",
            )
        },
        // A still on YouTube's servers is no poster.
        video(
            hosted(VideoHost::YouTube, "3hG2vK_wQ1o"),
            "The county clerk reads the final count",
        ),
        // `<video>`: the first source, captions and subtitles (not chapters), the poster and
        // size; the figure's caption names it.
        VideoBlock {
            poster: Some("https://courier.example/media/2020/11/count-room-poster.jpg".into()),
            width: Some(1280),
            height: Some(720),
            ..video(
                VideoSource::File {
                    src: "https://courier.example/media/2020/11/count-room.mp4".into(),
                    captions: vec![
                        captions("count-room.en.vtt", "en", "English"),
                        captions("count-room.es.vtt", "es", "Español"),
                    ],
                },
                "The last batch of ballots is counted in Riverton County on November 17, 2020.",
            )
        },
    ];
    let got = videos(&imported.article);
    assert_eq!(got.len(), want.len());
    for (i, (got, want)) in got.into_iter().zip(&want).enumerate() {
        assert_eq!(got, want, "video {i}");
    }
}

#[rstest]
#[case("embeds-news.html")]
#[case("embeds-truncated.html")]
fn no_script_survives_and_nothing_asks_a_platform(#[case] name: &str) {
    let imported = import_one(name, None);
    for gone in [
        "<script",
        "script>",
        "widgets.js",
        "embed.js",
        "player.js",
        "platform.twitter.com",
        "embed.bsky.app",
        "lite-yt-embed",
    ] {
        assert!(!imported.json.contains(gone), "{name}: {gone} in the JSON");
    }
    for url in loaded_by_posts_and_videos(&imported.article) {
        assert!(!on_a_platform(&url), "{name}: {url} would ask a platform");
    }
}

/// A post whose markup lost its author line, and the codes the platforms give today that
/// hold only a link (Mastodon's card and frame, Threads' card, Instagram's without its
/// caption): each is a quote of what the page holds, linked to the post, with a warning
/// that says what is missing. None is dropped, none is a post.
#[test]
fn a_post_the_page_does_not_hold_whole_is_a_quote_linking_to_it_with_a_warning() {
    let imported = import_one("embeds-truncated.html", None);
    assert!(posts(&imported.article).is_empty());
    assert_eq!(
        quotes(&imported.article),
        [
            (
                "If your county is still counting, that is the system working, not failing. Thank the people in the room. Post on X".to_owned(),
                vec!["https://twitter.com/rivertonvotes/status/1328901122334455667"],
            ),
            (
                "Post by @countwatch@mastodon.social on Mastodon".to_owned(),
                vec!["https://mastodon.social/@countwatch/105233409876543210"],
            ),
            (
                "Post by @pollworker@hachyderm.io on Mastodon".to_owned(),
                vec!["https://hachyderm.io/@pollworker/105234000111222333"],
            ),
            (
                "Post by @countyclerks on Threads".to_owned(),
                vec!["https://www.threads.net/@countyclerks/post/C9aB1cDeFgH"],
            ),
            (
                "Post by @rivertonvotes on Instagram".to_owned(),
                vec!["https://www.instagram.com/p/CHwXyZ12AbC/"],
            ),
        ]
    );
    let cites: Vec<Option<&str>> = blocks_of(&imported.article, |b| match b {
        Block::Quote { cite, .. } => Some(cite.as_deref()),
        _ => None,
    });
    assert_eq!(
        cites,
        [
            None,
            Some("@countwatch@mastodon.social"),
            Some("@pollworker@hachyderm.io"),
            Some("@countyclerks"),
            Some("Riverton Votes (@rivertonvotes)"),
        ]
    );
    assert_eq!(
        imported.warnings,
        [
            "body[2]: an embedded X post https://twitter.com/rivertonvotes/status/1328901122334455667 became a quote linking to it: the page does not hold its author's name or author's handle, and a post is saved only whole",
            "body[4]: an embedded Mastodon post https://mastodon.social/@countwatch/105233409876543210 became a quote linking to it: the page does not hold its text, author's name or date, and a post is saved only whole",
            "body[6]: an embedded Mastodon post https://hachyderm.io/@pollworker/105234000111222333 became a quote linking to it: the page does not hold its text, author's name or date, and a post is saved only whole",
            "body[8]: an embedded Threads post https://www.threads.net/@countyclerks/post/C9aB1cDeFgH became a quote linking to it: the page does not hold its text, author's name or date, and a post is saved only whole",
            "body[10]: an embedded Instagram post https://www.instagram.com/p/CHwXyZ12AbC/ became a quote linking to it: the page does not hold its text or date, and a post is saved only whole",
        ]
    );
}

#[test]
fn the_command_line_writes_the_posts_and_videos_of_the_fixtures() {
    let (article, stderr) = import_to_stdout("tests/fixtures/import/embeds-news.html");
    assert_eq!((posts(&article).len(), videos(&article).len()), (5, 5));
    assert_eq!(stderr.matches("warning:").count(), 3, "{stderr}");
    let (article, stderr) = import_to_stdout("tests/fixtures/import/embeds-truncated.html");
    assert_eq!(quotes(&article).len(), 5);
    assert_eq!(stderr.matches("became a quote linking to it").count(), 5);
}

/// A page about one video (`og:type` `video.*`) whose story shows no player has its
/// `og:video` at the top: YouTube's address as its id, with no poster from YouTube's
/// servers; a file with the page's picture as its poster.
#[rstest]
#[case::youtube(
    "https://www.youtube.com/embed/Ws4dX-8Vl_w",
    "https://i.ytimg.com/vi/Ws4dX-8Vl_w/maxresdefault.jpg",
    VideoSource::Hosted { host: VideoHost::YouTube, id: "Ws4dX-8Vl_w".into() },
    None
)]
#[case::file(
    "https://media.news.example/clips/count.mp4",
    "https://news.example/stills/count.jpg",
    VideoSource::File { src: "https://media.news.example/clips/count.mp4".into(), captions: vec![] },
    Some("https://news.example/stills/count.jpg")
)]
fn a_video_pages_og_video_opens_a_story_without_one(
    #[case] og_video: &str,
    #[case] og_image: &str,
    #[case] source: VideoSource,
    #[case] poster: Option<&str>,
) {
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>The count, in two minutes</title>
        <meta property="og:type" content="video.other"><meta property="og:video" content="{og_video}">
        <meta property="og:video:width" content="1280"><meta property="og:video:height" content="720">
        <meta property="og:image" content="{og_image}"></head>
        <body><article><h1>The count, in two minutes</h1><p>How Riverton County counted its ballots, from the first batch to the last, filmed in the count room.</p></article></body></html>"#
    );
    let article = import_text(
        &html,
        "video.html",
        Some("https://news.example/video/count"),
    )
    .unwrap()
    .remove(0)
    .article;
    assert_eq!(
        article.body[0],
        Block::Video(VideoBlock {
            source,
            title: "The count, in two minutes".into(),
            poster: poster.map(str::to_owned),
            width: Some(1280),
            height: Some(720),
            ..VideoBlock::default()
        })
    );
    assert!(matches!(article.body[1], Block::Paragraph(_)));
}

/// A story (`og:type` `article`) offering a clip to previews does not get a player it does not
/// show; nor does a video page whose story already shows its video get it twice.
#[rstest]
#[case::story("article", "")]
#[case::shown(
    "video.other",
    r#"<iframe src="https://www.youtube.com/embed/oXy9dA3HgVQ" title="The count"></iframe>"#
)]
fn og_video_adds_no_video_a_story_does_not_need(#[case] og_type: &str, #[case] player: &str) {
    let html = format!(
        r#"<!DOCTYPE html><html lang="en"><head><title>The count</title>
        <meta property="og:type" content="{og_type}"><meta property="og:video" content="https://www.youtube.com/embed/Ws4dX-8Vl_w"></head>
        <body><article><h1>The count</h1><p>How Riverton County counted its ballots, from the first batch to the last, told in full.</p>{player}</article></body></html>"#
    );
    let article = import_text(&html, "story.html", None)
        .unwrap()
        .remove(0)
        .article;
    let sources: Vec<VideoSource> = videos(&article).iter().map(|v| v.source.clone()).collect();
    let shown = VideoSource::Hosted {
        host: VideoHost::YouTube,
        id: "oXy9dA3HgVQ".into(),
    };
    let want = if player.is_empty() {
        vec![]
    } else {
        vec![shown]
    };
    assert_eq!(sources, want);
}

#[test]
fn a_feed_items_embedded_post_is_a_saved_post() {
    let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title><link>https://notes.example/</link>
        <item><title>The week in posts</title><link>https://notes.example/week</link><description><![CDATA[<p>The post of the week:</p>
        <blockquote class="twitter-tweet"><p lang="en" dir="ltr">We did it right.</p>&mdash; Chris Krebs (@CISAKrebs) <a href="https://twitter.com/CISAKrebs/status/1328832094924312577?ref_src=twsrc%5Etfw">17 Nov 2020</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>]]></description></item>
        </channel></rss>"#;
    let article = import_text(feed, "feed.xml", None)
        .unwrap()
        .remove(0)
        .article;
    let found = posts(&article);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].post.date.as_str(), "2020-11-17T00:00:00Z");
    assert_eq!(found[0].post.author.handle, "@CISAKrebs");
}

/// Embeds as older and plainer pages write them: a tweet embedded before 2014 (its link says
/// `/statuses/`), a video in a list item (a list holds only text, so it follows the list), a
/// thumbnail linked to a video on its own (a video) and in a gallery list (a picture still,
/// as a gallery's pictures are),
/// and a `<video>` whose `poster` is empty (no poster, not the page's own address).
#[test]
fn older_and_plainer_embeds() {
    let imported = page(
        r#"<p>The story before the embeds, long enough to be the story's own paragraph of text.</p>
        <blockquote class="twitter-tweet tw-align-center"><p>Drinking game for web devs</p>— Shay Friedman (@ironshay) <a href="https://twitter.com/ironshay/statuses/370525864523743232">August 22, 2013</a></blockquote>
        <ul><li>The first clip: <iframe src="https://www.youtube.com/embed/LtOGa5M8AuU" title="The first clip"></iframe></li><li>The second clip, which has no player.</li></ul>
        <p><a href="https://youtu.be/oXy9dA3HgVQ"><img src="/stills/audit.jpg" alt="What an audit is"></a></p>
        <ul><li><a href="https://www.youtube.com/watch?v=eQqNfkqIJdw"><img src="/shots/inspector.jpg" alt="Screenshot"></a> Page Inspector</li></ul>
        <video src="/clips/count.mp4" poster=""></video>"#,
    );
    let article = &imported.article;
    let post = posts(article)[0];
    assert_eq!(
        post.post.url,
        "https://twitter.com/ironshay/statuses/370525864523743232"
    );
    assert_eq!(post.post.date.as_str(), "2013-08-22T00:00:00Z");
    let kinds: Vec<&str> = article
        .body
        .iter()
        .map(|b| match b {
            Block::Post(_) => "post",
            Block::Video(_) => "video",
            Block::List(_) => "list",
            Block::Image(_) => "image",
            Block::Paragraph(_) => "p",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        ["p", "post", "list", "video", "video", "image", "video"]
    );
    let found = videos(article);
    assert_eq!(found[0].title, "The first clip");
    assert_eq!(
        (found[1].title.as_str(), found[1].poster.as_deref()),
        (
            "What an audit is",
            Some("https://news.example/stills/audit.jpg")
        )
    );
    assert_eq!(found[2].poster, None);
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w
                .ends_with("it stood inside a list, which holds only text, and now follows it")),
        "{:?}",
        imported.warnings
    );
}
