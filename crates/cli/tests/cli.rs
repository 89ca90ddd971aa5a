//! The `article-widget` command line, run as a user would.

mod command_line;

use std::path::Path;

use command_line::{run, text};

#[test]
fn render_writes_a_whole_page_for_the_seed() {
    let out = run(&["render", "static/articles/krebs.json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.trim_end().ends_with("</html>"));
    assert_eq!(page.matches("<p class=\"artw-paragraph\">").count(), 10);
    assert!(page.contains(r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle""#));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn render_fragment_writes_only_the_embed_element() {
    let out = run(&[
        "render",
        "static/articles/krebs.json",
        "--fragment",
        "--assets",
        "/aw/",
    ]);
    assert!(out.status.success());
    let fragment = text(&out.stdout);
    assert!(fragment.starts_with(r#"<div data-article-widget><template shadowrootmode="open"><link rel="stylesheet" href="/aw/article-widget.css">"#));
    assert!(!fragment.contains("<html") && !fragment.contains("<head>"));
}

#[test]
fn a_bad_file_exits_non_zero_with_the_path_of_the_problem_and_writes_nothing() {
    let cases = [
        (
            "tests/fixtures/bad/wrong-href.json",
            "body[3].text[1].href: invalid type: integer `7`, expected a string",
        ),
        (
            "tests/fixtures/bad/empty-body.json",
            "body: the body must have at least one block",
        ),
        (
            "tests/fixtures/bad/truncated.json",
            "not JSON: EOF while parsing",
        ),
        (
            "tests/fixtures/bad/missing.json",
            "tests/fixtures/bad/missing.json: No such file or directory",
        ),
    ];
    for (file, message) in cases {
        let out = run(&["render", file]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert_eq!(out.stdout, b"", "{file}: nothing on standard output");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with(&format!("article-widget: {file}: ")),
            "{stderr}"
        );
        assert!(stderr.contains(message), "{file}: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
}

/// Whatever the browser accepts, the command line accepts: a number too large for a double in
/// a field the format does not know is read as `JSON.parse` reads it, and the inline JSON
/// keeps it as written, for the browser to read the same way again.
#[test]
fn render_accepts_what_the_browser_accepts() {
    let dir = std::env::temp_dir().join(format!("artw-cli-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("huge.json");
    std::fs::write(
        &file,
        r#"{"headline": "Big numbers", "extra": 1e400, "body": [{"type": "paragraph", "text": "x"}]}"#,
    )
    .unwrap();
    let out = run(&["render", file.to_str().unwrap(), "--fragment"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(r#""extra":1e400"#));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn render_to_a_file_leaves_an_existing_file_alone_on_failure() {
    let dir = std::env::temp_dir().join(format!("artw-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("page.html");
    std::fs::write(&target, "previous page").unwrap();
    let out = run(&[
        "render",
        "tests/fixtures/bad/empty-body.json",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous page");
    let out = run(&[
        "render",
        "static/articles/krebs.json",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
    assert!(!Path::new(&format!("{}.partial", target.display())).exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_prints_every_problem_with_its_path() {
    let out = run(&["validate", "static/articles/krebs.json"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "static/articles/krebs.json: ok\n");

    let out = run(&["validate", "tests/fixtures/bad/unsafe-link.json"]);
    assert!(
        out.status.success(),
        "a removed link is a warning, not an error"
    );
    assert_eq!(
        text(&out.stdout),
        "tests/fixtures/bad/unsafe-link.json: warning: body[0].text[1].href: the scheme `javascript:` is not allowed; use http, https, mailto; the link was removed\n"
    );

    let out = run(&[
        "validate",
        "static/articles/krebs.json",
        "tests/fixtures/bad/wrong-href.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "static/articles/krebs.json: ok\ntests/fixtures/bad/wrong-href.json: error: body[3].text[1].href: invalid type: integer `7`, expected a string\n"
    );
}

#[test]
fn validate_prints_all_three_problems_of_a_file_with_three_errors() {
    let out = run(&[
        "validate",
        "tests/fixtures/bad/three-errors.json",
        "static/articles/krebs.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let file = "tests/fixtures/bad/three-errors.json";
    assert_eq!(
        text(&out.stdout),
        format!(
            "{file}: error: published: `yesterday` is not an RFC 3339 timestamp such as 2020-11-18T09:30:00Z\n\
             {file}: error: headline: the headline must not be empty\n\
             {file}: error: body[1].width: an image's width must be at least 1 pixel\n\
             {file}: warning: body[2].text[0].href: the scheme `javascript:` is not allowed; use http, https, mailto; the link was removed\n\
             static/articles/krebs.json: ok\n"
        )
    );
}

#[test]
fn help_explains_each_command() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    assert!(help.contains("render") && help.contains("validate"));
    let render = text(&run(&["render", "--help"]).stdout);
    for flag in [
        "--fragment",
        "--no-shadow",
        "--assets",
        "--theme",
        "--heading-level",
        "--output",
    ] {
        assert!(render.contains(flag), "render --help mentions {flag}");
    }
    let usage = run(&["render"]);
    assert_eq!(usage.status.code(), Some(2), "a usage mistake exits with 2");
    assert!(text(&usage.stderr).contains("<ARTICLE>"));
}

/// A `FILE.partial` planted as a symbolic link does not redirect the write.
#[test]
fn render_to_a_file_never_writes_through_a_planted_link() {
    let dir = command_line::scratch("cli", "planted");
    let outside = dir.join("outside.txt");
    std::fs::write(&outside, "untouched").unwrap();
    let target = dir.join("page.html");
    std::os::unix::fs::symlink(&outside, dir.join("page.html.partial")).unwrap();
    let out = run(&[
        "render",
        "static/articles/krebs.json",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "untouched");
    assert!(std::fs::symlink_metadata(&target).unwrap().is_file());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
}

/// Browsers read a UTF-8 byte order mark at the start of JSON as nothing; so do validate,
/// render and build.
#[test]
fn an_article_that_starts_with_a_byte_order_mark_is_read() {
    let dir = command_line::scratch("cli", "bom");
    let file = dir.join("bom.json");
    let seed =
        std::fs::read_to_string(Path::new(command_line::REPO).join("static/articles/krebs.json"))
            .unwrap();
    std::fs::write(&file, format!("\u{FEFF}{seed}")).unwrap();
    let out = run(&["validate", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert_eq!(text(&out.stdout), format!("{}: ok\n", file.display()));
    let out = run(&["render", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_file_name_with_control_characters_is_escaped_in_messages() {
    let out = run(&["render", "missing\u{1b}]0;owned\u{7}.json"]);
    assert_eq!(out.status.code(), Some(1));
    let message = text(&out.stderr);
    assert!(!message.contains(['\u{1b}', '\u{7}']), "{message:?}");
    assert!(
        message.starts_with("article-widget: missing\\u{1b}]0;owned\\u{7}.json: "),
        "{message}"
    );
}

#[test]
fn validate_escapes_control_characters_in_file_names_and_problems() {
    let dir = command_line::scratch("cli", "validate-escapes");
    let file = dir.join("bad\u{1b}[31m.json");
    std::fs::write(
        &file,
        r#"{"headline": "x\u001b[2J", "published": "\u001b]0;t\u0007", "body": []}"#,
    )
    .unwrap();
    let out = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let printed = text(&out.stdout);
    assert!(!printed.contains(['\u{1b}', '\u{7}']), "{printed:?}");
    assert!(
        printed.contains("bad\\u{1b}[31m.json: error: published: `\\u{1b}]0;t\\u{7}`"),
        "{printed}"
    );
    assert_eq!(printed.lines().count(), 2, "{printed}");
}

/// A usage mistake quotes the argument at fault, which may be a file name (`validate *` in a
/// folder of hostile names). On a terminal, which script(1) gives the command, clap writes
/// in colour and passed the name's escape sequences through as they were.
#[test]
fn a_usage_mistake_on_a_terminal_quotes_a_file_name_without_its_escape_sequences() {
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            r#"exec "$CLI" render static/articles/krebs.json "$NAME""#,
            "/dev/null",
        ])
        .env("CLI", command_line::CLI)
        .env("NAME", "evil\u{1b}]0;pwned\u{7}\u{1b}[2J.json")
        .env("SHELL", "/bin/sh")
        .current_dir(command_line::REPO)
        .output()
        .expect("script(1) runs");
    assert_eq!(out.status.code(), Some(2));
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert!(
        !terminal.contains("]0;pwned") && !terminal.contains("[2J"),
        "{terminal:?}"
    );
    assert!(terminal.contains("unexpected argument"), "{terminal:?}");
    assert!(
        terminal.contains("Usage: article-widget render"),
        "{terminal:?}"
    );

    let help = run(&["--help"]);
    assert!(help.status.success());
    assert!(text(&help.stdout).contains("Usage: article-widget <COMMAND>"));
    let version = run(&["--version"]);
    assert!(version.status.success());
    assert!(text(&version.stdout).starts_with("article-widget "));
}
