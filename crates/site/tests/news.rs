//! `build --news` with the clock given: the News sitemap holds what was published in the two
//! days before the build, and nothing when the build runs later.

use std::fs;
use std::path::{Path, PathBuf};

use article_widget_site::{build_at, BuildOptions, Unwatched};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// A widget folder with the widget's files (their content does not matter here).
fn widget(dir: &Path) -> PathBuf {
    let widget = dir.join("dist");
    fs::create_dir_all(widget.join("wasm")).unwrap();
    for name in [
        "article-widget.js",
        "article-widget-render.js",
        "article-widget.css",
        "wasm/article-widget.js",
        "wasm/article-widget_bg.wasm",
    ] {
        fs::write(widget.join(name), "1").unwrap();
    }
    widget
}

#[test]
fn the_news_sitemap_follows_the_clock_it_is_given() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("site-news");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("articles")).unwrap();
    // Published 2024-05-03T07:15:00+01:00.
    fs::copy(
        Path::new(ROOT).join("static/articles/whole.json"),
        dir.join("articles/whole.json"),
    )
    .unwrap();
    let options = BuildOptions {
        articles: dir.join("articles"),
        base_url: "https://news.example/".into(),
        output: dir.join("site"),
        widget: widget(&dir),
        title: None,
        shard: None,
        news: true,
        oembed_endpoint: None,
    };
    let cases = [
        ("2024-05-03T12:00:00Z", true),
        ("2024-05-05T06:15:00Z", true),
        ("2024-05-05T06:15:01Z", false),
        ("2024-05-03T06:00:00Z", false),
    ];
    for (now, listed) in cases {
        let report = build_at(&options, &Unwatched, now.parse().unwrap()).unwrap();
        assert_eq!(report.built, 1);
        let news = fs::read_to_string(dir.join("site/sitemap-news.xml")).unwrap();
        assert_eq!(
            news.contains("<loc>https://news.example/whole/</loc>"),
            listed,
            "at {now}: {news}"
        );
        assert!(news.contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\""));
        let robots = fs::read_to_string(dir.join("site/robots.txt")).unwrap();
        assert!(robots.contains("Sitemap: https://news.example/sitemap-news.xml\n"));
    }

    let without = BuildOptions {
        news: false,
        ..options
    };
    build_at(
        &without,
        &Unwatched,
        "2024-05-03T12:00:00Z".parse().unwrap(),
    )
    .unwrap();
    assert!(!dir.join("site/sitemap-news.xml").exists());
    let robots = fs::read_to_string(dir.join("site/robots.txt")).unwrap();
    assert_eq!(
        robots,
        "User-agent: *\nAllow: /\n\nSitemap: https://news.example/sitemap.xml\n"
    );
}
