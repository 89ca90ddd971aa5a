//! `article-widget`: pre-render articles to HTML and check them, from the command line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article_widget::components::{HeadingLevel, Theme};
use article_widget::load::read_article;
use article_widget::ssr::{render_fragment, render_page, RenderOptions};
use clap::{Parser, Subcommand};

/// Pre-render news articles for article-widget, and check them.
///
/// An article is a JSON file in the article-widget format (see static/article.schema.json).
/// Problems are reported with the JSON path of the value at fault, e.g.
/// `body[3].text[1].href: invalid type: integer `7`, expected a string`.
#[derive(Parser)]
#[command(name = "article-widget", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render an article as HTML on standard output: a standalone page by default.
    ///
    /// The page has the article's lang and dir, title, description, canonical link, Open Graph
    /// and Twitter tags and JSON-LD, links article-widget.css and article-widget.js from
    /// --assets, and reads fully without JavaScript; the script then hydrates it in place.
    /// Exits with 1, writing nothing to standard output, when the article is invalid.
    Render {
        /// The article JSON file, or `-` for standard input.
        article: PathBuf,
        /// Write only the embed element (for pasting into a host page), not a whole page.
        #[arg(long)]
        fragment: bool,
        /// With --fragment: render in the host's DOM instead of a declarative shadow root.
        /// The host must then link article-widget.css itself.
        #[arg(long, requires = "fragment")]
        no_shadow: bool,
        /// URL of the folder holding article-widget.js and article-widget.css (dist/), with a
        /// trailing slash. Default: the page's own folder.
        #[arg(long, default_value = "", value_name = "URL")]
        assets: String,
        /// Colour theme: auto follows the reader's system setting.
        #[arg(long, default_value = "auto", value_parser = parse_theme)]
        theme: Theme,
        /// Level of the headline, 1 to 5; section headings sit one level below.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=5))]
        heading_level: u8,
        /// Write to this file instead of standard output (replaced only when rendering succeeds).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check articles and print every problem, errors and warnings, with its JSON path.
    ///
    /// Exits with 1 when any article has an error. Warnings (such as a link with a scheme
    /// that is not allowed, which the widget removes) do not fail the check.
    Validate {
        /// Article JSON files, or `-` for standard input.
        #[arg(required = true)]
        articles: Vec<PathBuf>,
    },
    /// Build a static site from a folder of articles, with embeds, oEmbed, feeds and a sitemap.
    ///
    /// For each ARTICLES_DIR/NAME.json, under a slug made from NAME (lower case, letters and
    /// digits of any script, other runs of characters as `-`; `import` names files the same way): index.html (the page, with oEmbed
    /// discovery), embed.html (a card for a sandboxed iframe, WordPress's embed protocol),
    /// embed-full.html (the whole article for an iframe), oembed.json, embed-code.html (the
    /// snippet a host pastes) and article.json. For the site: index pages with each article's
    /// embed code, feed.xml (Atom), feed.json (JSON Feed 1.1), sitemap.xml and widget/ (the
    /// widget's files from --widget). Every URL is absolute from --base-url.
    ///
    /// A bad article is reported with its file and JSON path and left out; the others are
    /// written and the exit status is 1. The site is written beside SITE_DIR and swapped in,
    /// so a build that stops leaves the previous site; files whose content is unchanged keep
    /// their modification time. Two files with the same slug are an error.
    Build {
        /// The folder of article JSON files (`*.json`; subfolders are not read).
        #[arg(value_name = "ARTICLES_DIR")]
        articles: PathBuf,
        /// Where the site will be served from, e.g. https://news.example/ (absolute).
        #[arg(long, value_name = "URL")]
        base_url: String,
        /// The site's folder, created or replaced.
        #[arg(short, long, value_name = "SITE_DIR")]
        output: PathBuf,
        /// The built widget folder (dist/ after `./dev build`); only the widget's own files are
        /// copied, into SITE_DIR/widget/.
        #[arg(long, default_value = "dist", value_name = "DIR")]
        widget: PathBuf,
        /// The site's name in its index pages and feeds (default: the base URL's host).
        #[arg(long)]
        title: Option<String>,
        /// Build only the articles of shard I of N (1 <= I <= N), chosen by the CRC-32 of the
        /// slug modulo N; every shard writes the same index pages, feeds and sitemap.
        #[arg(long, value_name = "I/N")]
        shard: Option<article_widget_site::Shard>,
    },
    /// Import articles from HTML pages, Markdown files and RSS, Atom or JSON feeds.
    ///
    /// Each article found (one per page or Markdown file, one per feed item) is written as
    /// article JSON that passes `validate`, carrying only what its source says. What the
    /// format cannot carry (tables, embeds, forms…) is dropped with a warning naming where it
    /// was. A source that fails is reported and skipped, the others are written, and the exit
    /// status is then 1. Importing the same source again gives the same bytes. What is
    /// recognised, and the Markdown conventions for pull quotes and promos: README, "Importing".
    Import(ImportArgs),
}

#[derive(clap::Args)]
struct ImportArgs {
    /// HTML pages, Markdown files (YAML or TOML front matter) or feeds; `-` for standard input.
    #[arg(required = true)]
    sources: Vec<PathBuf>,
    /// Write SLUG.json files into this folder (named from each article's URL or headline,
    /// never overwriting another file). Without it, one article is written to standard output.
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// The address the sources were published at: relative links and images resolve
    /// against it (a page's <base> still wins).
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Import and check, and print what would be written, but write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// Runs the import and tells what it did: the article's JSON (without -o) and a line per file
/// on standard output, warnings and failures on standard error.
fn import(args: ImportArgs) -> ExitCode {
    let options = article_widget_import::ImportOptions {
        sources: args.sources,
        output: args.output,
        url: args.url,
        dry_run: args.dry_run,
    };
    let report = article_widget_import::run(&options);
    for warning in &report.warnings {
        eprintln!("article-widget: {}", printable(&warning.to_string()));
    }
    for failure in &report.failures {
        eprintln!("article-widget: {}", printable(&failure.to_string()));
    }
    let mut stdout = std::io::stdout().lock();
    let mut written = match &report.standard_output {
        Some(json) => stdout.write_all(json.as_bytes()),
        None => Ok(()),
    };
    let (write, leave) = match options.dry_run {
        true => ("would write", "would leave unchanged"),
        false => ("wrote", "unchanged"),
    };
    let placed = (report.written.iter().map(|p| (write, p)))
        .chain(report.unchanged.iter().map(|p| (leave, p)));
    for (verb, placed) in placed {
        let line = match &placed.file {
            Some(file) => format!(
                "{verb} {} from {}: {}",
                file.display(),
                placed.source,
                placed.summary
            ),
            None => format!("{verb} to standard output: {}", placed.summary),
        };
        written = written.and_then(|()| writeln!(stdout, "{}", printable(&line)));
    }
    if let Err(err) = written {
        return fail(Path::new("-"), &format!("could not write: {err}"));
    }
    exit_code(report.succeeded())
}

/// Text from sources (file names, languages, headlines) as it may be printed to a terminal:
/// control characters, and the marks that reorder text, written as escapes, so a source
/// cannot move the cursor, change colours or reverse what a message says.
fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let reorders = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || reorders {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_theme(value: &str) -> Result<Theme, String> {
    Theme::parse(value).ok_or_else(|| format!("`{value}` is not auto, light or dark"))
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Render {
            article,
            fragment,
            no_shadow,
            assets,
            theme,
            heading_level,
            output,
        } => {
            let options = RenderOptions {
                assets,
                theme,
                heading_level: HeadingLevel::new(heading_level).unwrap_or_default(),
                shadow: !no_shadow,
            };
            render(&article, fragment, &options, output.as_deref())
        }
        Command::Validate { articles } => validate(&articles),

        Command::Build {
            articles,
            base_url,
            output,
            widget,
            title,
            shard,
        } => {
            use std::io::IsTerminal;
            let options = article_widget_site::BuildOptions {
                articles,
                base_url,
                output,
                widget,
                title,
                shard,
                progress: std::io::stderr().is_terminal(),
            };
            exit_code(article_widget_site::run(&options))
        }

        Command::Import(args) => import(args),
    }
}

fn render(path: &Path, fragment: bool, options: &RenderOptions, output: Option<&Path>) -> ExitCode {
    let (source, checked) = match read_article(path) {
        Ok(loaded) => loaded,
        Err(err) => return fail(path, &err.details),
    };
    for warning in &checked.warnings {
        eprintln!("article-widget: {}: {warning}", path.display());
    }
    let html = if fragment {
        render_fragment(&checked.article, &source, options) + "\n"
    } else {
        render_page(&checked.article, &source, options)
    };
    let written = match output {
        Some(file) => write_replacing(file, html.as_bytes()),
        None => std::io::stdout().lock().write_all(html.as_bytes()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(
            output.unwrap_or(Path::new("-")),
            &format!("could not write: {err}"),
        ),
    }
}

/// Writes beside the target and renames, so a failure never leaves a half-written file.
fn write_replacing(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut partial = file.as_os_str().to_owned();
    partial.push(".partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, file)
}

fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in paths {
        let problems = match read_article(path) {
            Ok((_, checked)) => checked.warnings,
            Err(err) => {
                failed = true;
                println!("{}: error: {}", path.display(), err.details);
                continue;
            }
        };
        if problems.is_empty() {
            println!("{}: ok", path.display());
        }
        for problem in &problems {
            failed |= problem.is_error();
            println!("{}: {problem}", path.display());
        }
    }
    exit_code(!failed)
}

fn exit_code(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn fail(path: &Path, message: &str) -> ExitCode {
    eprintln!("article-widget: {}: {message}", path.display());
    ExitCode::FAILURE
}
