//! `build --oembed-endpoint`: a static site whose discovery links point at a deployed endpoint.

use article_widget_site::{build, BuildError, BuildOptions, Unwatched};

const SEED: &str = include_str!("../../../static/articles/krebs.json");

fn options(endpoint: &str) -> (tempfile::TempDir, BuildOptions) {
    let folder = tempfile::tempdir().unwrap();
    let articles = folder.path().join("articles");
    let widget = folder.path().join("widget");
    std::fs::create_dir_all(articles.clone()).unwrap();
    std::fs::create_dir_all(widget.join("wasm")).unwrap();
    std::fs::write(articles.join("krebs.json"), SEED).unwrap();
    for name in article_widget_site::WIDGET_FILES {
        std::fs::write(widget.join(name), "/* the widget */\n").unwrap();
    }
    std::fs::write(widget.join("wasm/article-widget_bg.wasm"), b"\0asm").unwrap();
    let options = BuildOptions {
        articles,
        base_url: "https://news.example/".into(),
        output: folder.path().join("site"),
        widget,
        title: None,
        shard: None,
        news: false,
        oembed_endpoint: Some(endpoint.into()),
    };
    (folder, options)
}

#[test]
fn discovery_points_at_the_endpoint_and_the_static_answer_stays() {
    let (folder, options) = options("https://api.news.example/oembed");
    build(&options, &Unwatched).unwrap();
    let page = std::fs::read_to_string(folder.path().join("site/krebs/index.html")).unwrap();
    assert!(page.contains(
        r#"<link rel="alternate" type="application/json+oembed" href="https://api.news.example/oembed?url=https%3A%2F%2Fnews.example%2Fkrebs%2F&amp;format=json""#
    ));
    assert!(folder.path().join("site/krebs/oembed.json").is_file());
}

#[test]
fn an_endpoint_that_is_not_an_absolute_url_stops_the_build() {
    for endpoint in ["/oembed", "ftp://news.example/oembed", "not a url"] {
        let (_folder, options) = options(endpoint);
        let err = build(&options, &Unwatched).unwrap_err();
        assert!(
            matches!(err, BuildError::BadOembedEndpoint(_)),
            "{endpoint}: {err}"
        );
        assert!(err.to_string().contains("--oembed-endpoint"));
    }
}
