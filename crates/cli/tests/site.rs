//! `article-widget build`, run as a user would: bad articles, slug collisions, unchanged
//! rebuilds, interrupted builds and shards.

mod command_line;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use article_widget_site::{slug, Shard};
use command_line::CLI;

const BASE: &str = "https://news.example/";

fn scratch(name: &str) -> PathBuf {
    command_line::scratch("site", name)
}

/// A widget folder shaped like dist/, with the demo files the build must leave out.
fn widget(dir: &Path) -> PathBuf {
    let widget = dir.join("dist");
    fs::create_dir_all(widget.join("wasm")).unwrap();
    fs::create_dir_all(widget.join("demo")).unwrap();
    for (name, text) in [
        ("article-widget.js", "export const loader = 1;\n"),
        ("article-widget-render.js", "export const render = 1;\n"),
        ("article-widget.css", ".artw-root { color: black }\n"),
        ("wasm/article-widget.js", "export default 1;\n"),
        ("wasm/article-widget_bg.wasm", "\0asm"),
        ("index.html", "<!DOCTYPE html><title>demo</title>\n"),
        ("demo/embed.html", "<!DOCTYPE html><title>demo</title>\n"),
        ("package.json", "{}\n"),
    ] {
        fs::write(widget.join(name), text).unwrap();
    }
    widget
}

/// A folder of articles: the seed and its Arabic variant, and `extra` files by name.
fn articles(dir: &Path, extra: &[(&str, &str)]) -> PathBuf {
    let articles = dir.join("articles");
    fs::create_dir_all(&articles).unwrap();
    let repo = Path::new(command_line::REPO);
    for name in ["krebs.json", "ar-krebs.json"] {
        fs::copy(repo.join("static/articles").join(name), articles.join(name)).unwrap();
    }
    for (name, text) in extra {
        fs::write(articles.join(name), text).unwrap();
    }
    articles
}

fn build(dir: &Path, extra: &[&str]) -> Output {
    build_command(dir, extra).output().expect("the binary runs")
}

/// `build DIR/articles -o DIR/site --widget DIR/dist` and the `extra` arguments.
fn build_command(dir: &Path, extra: &[&str]) -> Command {
    let mut args = vec![
        "build".to_owned(),
        dir.join("articles").display().to_string(),
        "--base-url".into(),
        BASE.into(),
        "-o".into(),
        dir.join("site").display().to_string(),
        "--widget".into(),
        dir.join("dist").display().to_string(),
    ];
    args.extend(extra.iter().map(|a| a.to_string()));
    let mut command = Command::new(CLI);
    command.args(args);
    command
}

/// The seed article, as text.
fn seed() -> String {
    fs::read_to_string(Path::new(command_line::REPO).join("static/articles/krebs.json")).unwrap()
}

/// `count` copies of the seed as `story-N.json`, each with its own headline.
fn stories(count: usize) -> Vec<(String, String)> {
    let seed = seed();
    (0..count)
        .map(|i| {
            (
                format!("story-{i}.json"),
                seed.replacen("Trump fires", &format!("Story {i}: Trump fires"), 1),
            )
        })
        .collect()
}

fn borrowed(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

/// The article folders of a site: every folder but `widget` and `page`.
fn article_folders(site: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(site)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().unwrap().is_dir())
        .map(|entry| entry.file_name().into_string().unwrap())
        .filter(|name| name != "widget" && name != "page")
        .collect();
    names.sort();
    names
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Every file of a folder with what a sync tool looks at: content, inode, modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, u64, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::metadata(&path).unwrap();
            if meta.is_dir() {
                folders.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_owned();
                files.insert(
                    relative,
                    (
                        fs::read(&path).unwrap(),
                        meta.ino(),
                        meta.modified().unwrap(),
                    ),
                );
            }
        }
    }
    files
}

#[test]
fn a_site_has_every_file_of_every_article_and_only_the_widgets_own_files() {
    let dir = scratch("whole");
    widget(&dir);
    articles(&dir, &[]);
    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files: Vec<String> = snapshot(&dir.join("site"))
        .into_keys()
        .map(|p| p.display().to_string())
        .collect();
    let mut expected = vec![".article-widget-site".to_owned()];
    for slug in ["ar-krebs", "krebs"] {
        for name in [
            "article.json",
            "embed-code.html",
            "embed-full.html",
            "embed.html",
            "index.html",
            "oembed.json",
        ] {
            expected.push(format!("{slug}/{name}"));
        }
    }
    expected.extend(
        [
            "feed.json",
            "feed.xml",
            "index.html",
            "robots.txt",
            "rss.xml",
            "sitemap.xml",
            "widget/article-widget-render.js",
            "widget/article-widget.css",
            "widget/article-widget.js",
            "widget/wasm/article-widget.js",
            "widget/wasm/article-widget_bg.wasm",
        ]
        .map(String::from),
    );
    expected.sort();
    assert_eq!(files, expected);
    let page = fs::read_to_string(dir.join("site/krebs/index.html")).unwrap();
    assert!(page.contains(r#"<link rel="alternate" type="application/json+oembed" href="https://news.example/krebs/oembed.json""#));
    assert!(page.contains(r#"<meta name="twitter:label1" content="Reading time">"#));
    assert!(page.contains(r#"<meta name="twitter:data1" content="2 min read">"#));
    assert!(page
        .contains(r#"<script type="module" src="https://news.example/widget/article-widget.js">"#));
    let json = |path: &str| -> serde_json::Value {
        serde_json::from_slice(&fs::read(dir.join(path)).unwrap()).unwrap()
    };
    assert_eq!(json("site/krebs/article.json"), json("articles/krebs.json"));
    let summary = stderr(&out);
    assert!(
        summary.starts_with("built 2 of 2 articles into ")
            && summary.contains(": 24 files written, 0 unchanged, 0 removed, in "),
        "{summary}"
    );
}

#[test]
fn one_bad_file_among_good_ones_is_reported_with_its_path_left_out_and_fails_the_build() {
    let dir = scratch("bad");
    widget(&dir);
    let bad = fs::read_to_string(
        Path::new(command_line::REPO).join("tests/fixtures/bad/wrong-href.json"),
    )
    .unwrap();
    articles(
        &dir,
        &[("broken.json", &bad), ("truncated.json", "{\"headline\": ")],
    );
    let out = build(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    let broken = dir.join("articles/broken.json");
    assert!(
        message.contains(&format!(
            "article-widget: {}: error: body[3].text[1].href: invalid type: integer `7`, expected a string (left out)",
            broken.display()
        )),
        "{message}"
    );
    assert!(
        message.contains("truncated.json: error: not JSON"),
        "{message}"
    );
    assert!(message.contains("built 2 of 4 articles into"), "{message}");
    assert!(message.contains("(2 failed)"), "{message}");
    let site = dir.join("site");
    assert!(site.join("krebs/index.html").is_file());
    assert!(site.join("ar-krebs/embed.html").is_file());
    assert!(!site.join("broken").exists() && !site.join("truncated").exists());
    let sitemap = fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert_eq!(
        sitemap.matches("<url>").count(),
        3,
        "the index and two articles"
    );
    assert!(!sitemap.contains("broken"));
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("2 articles."));
}

#[test]
fn slugs_that_collide_are_an_error_and_nothing_is_written() {
    let dir = scratch("collision");
    widget(&dir);
    let seed = seed();
    articles(&dir, &[("Krebs!.json", &seed), ("AR_krebs.json", &seed)]);
    let out = build(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("articles whose file names give the same address (slug):"),
        "{message}"
    );
    let articles = dir.join("articles");
    assert!(
        message.contains(&format!(
            "  krebs/: {}, {}",
            articles.join("Krebs!.json").display(),
            articles.join("krebs.json").display()
        )),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "  ar-krebs/: {}, {}",
            articles.join("AR_krebs.json").display(),
            articles.join("ar-krebs.json").display()
        )),
        "{message}"
    );
    assert!(!dir.join("site").exists());
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        2,
        "only articles/ and dist/"
    );
}

#[test]
fn an_unchanged_rebuild_writes_nothing_and_a_change_rewrites_only_what_it_changes() {
    let dir = scratch("unchanged");
    widget(&dir);
    articles(&dir, &[]);
    assert!(build(&dir, &[]).status.success());
    let site = dir.join("site");
    let before = snapshot(&site);
    let site_inode = fs::metadata(&site).unwrap().ino();

    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(": 0 files written, 24 unchanged, 0 removed, in "),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&site), before);
    assert_eq!(fs::metadata(&site).unwrap().ino(), site_inode);

    let path = dir.join("articles/ar-krebs.json");
    let changed = fs::read_to_string(&path).unwrap().replacen(
        "\"headline\": \"",
        "\"headline\": \"(تحديث) ",
        1,
    );
    fs::write(&path, changed).unwrap();
    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = snapshot(&site);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let rewritten: Vec<String> = after
        .iter()
        .filter(|(file, state)| before[*file] != **state)
        .map(|(file, _)| file.display().to_string())
        .collect();
    assert_eq!(
        rewritten,
        [
            "ar-krebs/article.json",
            "ar-krebs/embed-code.html",
            "ar-krebs/embed-full.html",
            "ar-krebs/embed.html",
            "ar-krebs/index.html",
            "ar-krebs/oembed.json",
            "feed.json",
            "feed.xml",
            "index.html",
            "rss.xml",
        ]
    );

    fs::remove_file(&path).unwrap();
    let out = build(&dir, &[]);
    assert!(stderr(&out).contains(" removed, in "), "{}", stderr(&out));
    assert!(stderr(&out).contains(", 6 removed,"), "{}", stderr(&out));
    assert!(!site.join("ar-krebs").exists());
}

/// The build is stopped for real: the file-size limit (`ulimit -f`) kills the process with
/// SIGXFSZ when it writes the pages of a large article, halfway through the build.
#[test]
fn a_build_that_stops_halfway_leaves_the_previous_site_as_it_was() {
    let dir = scratch("interrupted");
    widget(&dir);
    articles(&dir, &[]);
    assert!(build(&dir, &[]).status.success());
    let site = dir.join("site");
    let before = snapshot(&site);

    let paragraph = r#"{"type":"paragraph","text":"US president Donald Trump has fired his cyber security chief for disputing claims of fraudulent activity in the presidential elections, again and again."}"#;
    let body = vec![paragraph; 4000].join(",");
    let large = format!(r#"{{"headline":"A long one","body":[{body}]}}"#);
    fs::write(dir.join("articles/long.json"), large).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -f 256 && exec "$0" "$@""#)
        .arg(CLI)
        .args([
            "build",
            &dir.join("articles").display().to_string(),
            "--base-url",
            BASE,
            "-o",
            &site.display().to_string(),
            "--widget",
            &dir.join("dist").display().to_string(),
        ])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "the file-size limit stopped the build"
    );
    assert_eq!(snapshot(&site), before);
    assert!(
        dir.join(".site.partial").exists(),
        "the half-written site is beside it"
    );

    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.join("long/index.html").is_file());
    assert!(!dir.join(".site.partial").exists());
    assert!(!dir.join(".site.previous").exists());
}

#[test]
fn a_folder_that_is_not_a_site_is_never_replaced() {
    let dir = scratch("not-a-site");
    widget(&dir);
    articles(&dir, &[]);
    fs::create_dir_all(dir.join("site")).unwrap();
    fs::write(dir.join("site/notes.txt"), "mine").unwrap();
    let out = build(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out)
        .contains("not replaced, because it is not a site written by `article-widget build`"));
    assert_eq!(
        fs::read_to_string(dir.join("site/notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_missing_widget_folder_is_named_with_what_to_do() {
    let dir = scratch("no-widget");
    articles(&dir, &[]);
    let out = build(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("dist/article-widget.js: the built widget is missing; run `./dev build`"),
        "{message}"
    );
    assert!(!dir.join("site").exists());
}

#[test]
fn shards_write_their_own_articles_and_the_same_site_files() {
    let dir = scratch("shards");
    widget(&dir);
    articles(&dir, &borrowed(&stories(12)));
    assert!(build(&dir, &[]).status.success());
    let whole = snapshot(&dir.join("site"));
    let mut union = BTreeMap::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let out = build(&dir, &["--shard", shard]);
        assert!(out.status.success(), "{}", stderr(&out));
        let owner: Shard = shard.parse().unwrap();
        for (file, (bytes, ..)) in snapshot(&dir.join("site")) {
            let parts: Vec<String> = file
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.len() == 2 && parts[0] != "widget" && parts[0] != "page" {
                assert!(owner.owns(&parts[0]), "{shard} wrote {}", file.display());
            }
            if let Some(earlier) = union.insert(file.clone(), bytes.clone()) {
                assert_eq!(earlier, bytes, "{} differs between shards", file.display());
            }
        }
    }
    let whole: BTreeMap<PathBuf, Vec<u8>> = whole.into_iter().map(|(f, (b, ..))| (f, b)).collect();
    assert_eq!(union, whole);
}

#[test]
fn slugs_are_the_models_rule_over_the_file_name() {
    for (file, expected) in [
        ("krebs.json", "krebs"),
        ("Ar_Krebs.JSON", "ar-krebs"),
        ("2020 11 18 -- Krebs!.json", "2020-11-18-krebs"),
        ("--x--.json", "x"),
        ("café crème.json", "café-crème"),
        ("مقال.json", "مقال"),
        ("¿?.json", ""),
    ] {
        assert_eq!(slug(Path::new(file)), expected, "{file}");
    }
    assert!("0/2".parse::<Shard>().is_err());
    assert!("3/2".parse::<Shard>().is_err());
    assert!("2".parse::<Shard>().is_err());
    assert_eq!("2/2".parse::<Shard>(), Ok(Shard { index: 2, count: 2 }));
}

#[test]
fn oembed_answers_carry_a_thumbnail_only_with_its_size_and_index_pages_link_each_other() {
    let dir = scratch("oembed-pages");
    widget(&dir);
    let seed: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(Path::new(command_line::REPO).join("static/articles/krebs.json"))
            .unwrap(),
    )
    .unwrap();
    let mut extra = Vec::new();
    for i in 0..43 {
        let mut article = seed.clone();
        article["headline"] = format!("Story {i}").into();
        article["published"] = format!("2021-01-{:02}T08:00:00Z", i % 28 + 1).into();
        let image = match i {
            0 => {
                serde_json::json!({ "type": "image", "src": "https://img.example/a.jpg", "alt": "A", "width": 1200, "height": 675 })
            }
            _ => {
                serde_json::json!({ "type": "image", "src": "https://img.example/b.jpg", "alt": "B" })
            }
        };
        article["body"].as_array_mut().unwrap().insert(0, image);
        extra.push((format!("story-{i}.json"), article.to_string()));
    }
    let extra: Vec<(&str, &str)> = extra
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    articles(&dir, &extra);
    let out = build(&dir, &["--title", "News Example"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = dir.join("site");
    let oembed = |slug: &str| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(site.join(slug).join("oembed.json")).unwrap())
            .unwrap()
    };
    let with = oembed("story-0");
    assert_eq!(with["thumbnail_url"], "https://img.example/a.jpg");
    assert_eq!(
        (
            with["thumbnail_width"].as_u64(),
            with["thumbnail_height"].as_u64()
        ),
        (Some(1200), Some(675))
    );
    assert_eq!(with["type"], "rich");
    let html = with["html"].as_str().unwrap();
    assert!(
        html.contains(r#" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" "#),
        "a link in the card can open the article where the code is pasted as it is: {html}"
    );
    assert_eq!(with["version"], "1.0");
    assert_eq!(with["provider_name"], "ITPro");
    let without = oembed("story-1");
    assert!(without.get("thumbnail_url").is_none() && without.get("thumbnail_width").is_none());
    assert_eq!(oembed("krebs")["provider_url"], BASE);

    let page = |path: &str| fs::read_to_string(site.join(path)).unwrap();
    let first = page("index.html");
    assert!(first.contains("<title>News Example</title>") && first.contains("45 articles."));
    assert!(first.contains(r#"<link rel="next" href="https://news.example/page/2/">"#));
    assert!(!first.contains(r#"rel="prev""#));
    let last = page("page/3/index.html");
    assert!(last.contains(r#"<link rel="prev" href="https://news.example/page/2/">"#));
    assert!(!last.contains(r#"rel="next""#));
    assert_eq!(first.matches("<li>").count(), 20);
    assert_eq!(last.matches("<li>").count(), 5);
    let sitemap = page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://news.example/page/3/</loc>"));
    assert_eq!(sitemap.matches("<url>").count(), 3 + 45);
}

/// `import` and `build` share one slug rule, so what `import` names from a headline in any
/// script, or from two headlines that differ only in an accent, `build` publishes.
#[test]
fn articles_imported_from_arabic_and_accented_headlines_build_into_working_pages() {
    let dir = scratch("imported");
    widget(&dir);
    let articles = dir.join("articles");
    let repo = Path::new(command_line::REPO);
    let import = |source: &Path| {
        let out = Command::new(CLI)
            .arg("import")
            .arg(source)
            .arg("-o")
            .arg(&articles)
            .output()
            .expect("the binary runs");
        assert!(out.status.success(), "{}", stderr(&out));
    };
    let arabic_page = dir.join("khabar.html");
    let rtl_news = fs::read_to_string(repo.join("tests/fixtures/import/rtl-news.html")).unwrap();
    let without_address: String = rtl_news
        .lines()
        .filter(|line| !line.contains("canonical") && !line.contains("og:url"))
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(&arabic_page, without_address).unwrap();
    import(&arabic_page);
    for headline in ["Café", "Cafè"] {
        let markdown = dir.join(format!("{headline}.md"));
        fs::write(
            &markdown,
            format!("---\ntitle: {headline}\n---\n\nA story about a {headline}.\n"),
        )
        .unwrap();
        import(&markdown);
    }
    let mut names: Vec<String> = fs::read_dir(&articles)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"café.json".to_owned()), "{names:?}");
    assert!(names.contains(&"cafè.json".to_owned()), "{names:?}");

    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = dir.join("site");
    let sitemap = fs::read_to_string(site.join("sitemap.xml")).unwrap();
    for name in &names {
        let slug = name.trim_end_matches(".json");
        let page = fs::read_to_string(site.join(slug).join("index.html"))
            .unwrap_or_else(|e| panic!("{slug}/index.html: {e}"));
        assert!(page.contains("data-article-widget"), "{slug}: {page}");
        let encoded: String = slug
            .bytes()
            .map(|b| {
                if b.is_ascii() {
                    char::from(b).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        assert!(
            sitemap.contains(&format!("<loc>{BASE}{encoded}/</loc>")),
            "{encoded} in {sitemap}"
        );
    }
    let arabic = names.iter().find(|n| !n.starts_with("caf")).unwrap();
    assert!(
        arabic.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
        "the Arabic headline names the file: {arabic}"
    );
}

#[test]
fn a_second_build_into_the_same_folder_is_refused_while_the_first_runs() {
    let dir = scratch("concurrent");
    widget(&dir);
    let extra = stories(400);
    articles(&dir, &borrowed(&extra));
    let mut first = build_command(&dir, &[])
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let partial = dir.join(".site.partial");
    let waiting = Instant::now();
    while !partial.exists() {
        assert!(
            waiting.elapsed() < Duration::from_secs(60),
            "the first build began writing"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let second = build(&dir, &[]);
    let first_still_running = first.try_wait().unwrap().is_none();
    let first = first.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(article_folders(&dir.join("site")).len(), 402);
    assert_eq!(second.status.code(), Some(1), "{}", stderr(&second));
    let message = stderr(&second);
    assert!(
        message.contains(&format!(
            "{}: another `article-widget build` is writing this site",
            dir.join("site").display()
        )),
        "{message}"
    );
    assert!(
        first_still_running,
        "the second build stopped before the first had finished"
    );
}

#[test]
fn an_articles_folder_inside_the_output_is_refused_and_kept() {
    let dir = scratch("articles-in-output");
    widget(&dir);
    articles(&dir, &[]);
    assert!(build(&dir, &[]).status.success());
    let site = dir.join("site");
    let inside = site.join("articles");
    fs::create_dir_all(&inside).unwrap();
    fs::copy(dir.join("articles/krebs.json"), inside.join("krebs.json")).unwrap();
    let out = Command::new(CLI)
        .arg("build")
        .arg(&inside)
        .args(["--base-url", BASE, "-o"])
        .arg(&site)
        .arg("--widget")
        .arg(dir.join("dist"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains("the articles folder is inside the output folder"),
        "{message}"
    );
    assert!(inside.join("krebs.json").is_file(), "the articles are kept");
}

#[test]
fn an_output_inside_the_articles_folder_is_refused_even_before_it_exists() {
    let dir = scratch("output-in-articles");
    widget(&dir);
    let articles = articles(&dir, &[]);
    std::os::unix::fs::symlink(&articles, dir.join("also-articles")).unwrap();
    for output in [
        articles.join("site"),
        articles.join("not/yet/there"),
        dir.join("also-articles/site"),
        articles.clone(),
    ] {
        let out = Command::new(CLI)
            .arg("build")
            .arg(&articles)
            .args(["--base-url", BASE, "-o"])
            .arg(&output)
            .arg("--widget")
            .arg(dir.join("dist"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", output.display());
        let message = stderr(&out);
        assert!(
            message.contains("the output folder is inside the articles folder")
                || message.contains("the articles folder is inside the output folder"),
            "{}: {message}",
            output.display()
        );
    }
    let mut left: Vec<String> = fs::read_dir(&articles)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["ar-krebs.json", "krebs.json"],
        "nothing written there"
    );
}

#[test]
fn a_symbolic_link_to_an_article_outside_the_folder_is_left_out_and_reported() {
    let dir = scratch("symlink-out");
    widget(&dir);
    let articles = articles(&dir, &[]);
    let elsewhere = dir.join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(
        elsewhere.join("secret.json"),
        seed().replacen("Trump fires", "Zanzibar leak: Trump fires", 1),
    )
    .unwrap();
    std::os::unix::fs::symlink(elsewhere.join("secret.json"), articles.join("leak.json")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, articles.join("folder.json")).unwrap();
    std::os::unix::fs::symlink("krebs.json", articles.join("alias.json")).unwrap();
    let out = build(&dir, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(
        message.contains(&format!(
            "{}: error: a symbolic link that leads outside the articles folder (to ",
            articles.join("leak.json").display()
        )),
        "{message}"
    );
    let site = dir.join("site");
    assert_eq!(article_folders(&site), ["alias", "ar-krebs", "krebs"]);
    let everything: Vec<u8> = snapshot(&site)
        .into_values()
        .flat_map(|(bytes, ..)| bytes)
        .collect();
    assert!(!String::from_utf8_lossy(&everything).contains("Zanzibar"));
}

#[test]
fn symbolic_links_planted_at_the_builds_own_names_lead_nowhere() {
    let dir = scratch("planted");
    widget(&dir);
    articles(&dir, &[]);
    let outside = dir.join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("keep.txt"), "mine").unwrap();
    fs::write(outside.join(".article-widget-site"), "").unwrap();
    for name in [".site.partial", ".site.previous"] {
        std::os::unix::fs::symlink(&outside, dir.join(name)).unwrap();
    }
    std::os::unix::fs::symlink(dir.join("outside-lock"), dir.join(".site.lock")).unwrap();
    let before = snapshot(&outside);
    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(snapshot(&outside), before);
    assert!(!dir.join("outside-lock").exists());
    let site = fs::symlink_metadata(dir.join("site")).unwrap();
    assert!(site.is_dir(), "the site is a folder of its own");
    assert!(dir.join("site/krebs/index.html").is_file());
}

#[test]
fn article_json_is_utf8_json_even_when_its_source_is_not() {
    let dir = scratch("latin1");
    widget(&dir);
    let articles = articles(&dir, &[]);
    let mut latin1 = br#"{"headline": "Caf"#.to_vec();
    latin1.push(0xE9);
    latin1.extend_from_slice(br#" life", "body": [{"type": "paragraph", "text": "A story."}]}"#);
    fs::write(articles.join("cafe.json"), latin1).unwrap();
    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = fs::read(dir.join("site/cafe/article.json")).unwrap();
    let text = String::from_utf8(written).expect("article.json is UTF-8");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["headline"], "Caf\u{FFFD} life");
    let message = stderr(&out);
    assert!(
        message.contains(&format!(
            "{}: not UTF-8",
            articles.join("cafe.json").display()
        )),
        "{message}"
    );
}

#[test]
fn an_article_file_that_starts_with_a_byte_order_mark_builds() {
    let dir = scratch("bom");
    widget(&dir);
    let articles = articles(&dir, &[]);
    fs::write(articles.join("bom.json"), format!("\u{FEFF}{}", seed())).unwrap();
    let out = build(&dir, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = fs::read_to_string(dir.join("site/bom/article.json")).unwrap();
    assert!(!written.starts_with('\u{FEFF}'));
    assert!(serde_json::from_str::<serde_json::Value>(&written).is_ok());
}

#[test]
fn file_names_reach_the_terminal_with_their_control_characters_escaped() {
    let dir = scratch("escapes");
    widget(&dir);
    let articles = articles(&dir, &[]);
    fs::write(articles.join("red\u{1b}[31m\u{9b}2J.json"), "{").unwrap();
    let out = build(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(!message.contains(['\u{1b}', '\u{9b}']), "{message:?}");
    assert!(
        message.contains("red\\u{1b}[31m\\u{9b}2J.json: error: not JSON"),
        "{message}"
    );
}

#[test]
fn file_names_in_a_collision_are_escaped_and_cannot_add_lines() {
    let dir = scratch("escaped-collision");
    widget(&dir);
    let seed = seed();
    articles(&dir, &[("krebs\u{1b}\u{7}\n.json", &seed)]);
    let out = build(&dir, &[]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(!message.contains(['\u{1b}', '\u{7}']), "{message:?}");
    assert_eq!(message.lines().count(), 3, "{message}");
    assert!(
        message.contains("krebs\\u{1b}\\u{7}\\u{a}.json"),
        "{message}"
    );
}
