//! `article-widget`: pre-render articles to HTML and check them, from the command line.

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use article_widget::components::{HeadingLevel, Theme};
use article_widget::load::{read_article, LoadError};
use article_widget::ssr::{render_fragment, render_page, RenderOptions};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

mod serve;

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
    /// digits of any script, other runs of characters as `-`; `import` names files the same
    /// way): index.html (the page, with oEmbed discovery), embed.html (a card for a sandboxed
    /// iframe, WordPress's embed protocol), embed-full.html (the whole article for an iframe),
    /// oembed.json, embed-code.html (the snippet a host pastes) and article.json (the article
    /// as read, in UTF-8). For the site: index pages with each article's embed code, feed.xml
    /// (Atom), rss.xml (RSS 2.0) and feed.json (JSON Feed 1.1) with the whole articles,
    /// sitemap.xml, robots.txt and widget/ (the widget's files from --widget). Every URL is
    /// absolute from --base-url.
    ///
    /// A bad article is reported with its file and JSON path and left out; the others are
    /// written and the exit status is 1. The site is written beside SITE_DIR and swapped in,
    /// so a build that stops leaves the previous site; files whose content is unchanged keep
    /// their modification time. Two files with the same slug are an error, and so are
    /// ARTICLES_DIR and SITE_DIR inside one another; a second build into SITE_DIR while one
    /// runs is refused. A symbolic link that leads out of ARTICLES_DIR is left out.
    Build {
        /// The folder of article JSON files (`*.json`; subfolders are not read).
        #[arg(value_name = "ARTICLES_DIR")]
        articles: PathBuf,
        /// Where the site will be served from, e.g. `https://news.example/` (absolute).
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
        /// Also write sitemap-news.xml (Google News) of the articles published in the last
        /// two days, and name it in robots.txt.
        #[arg(long)]
        news: bool,
        /// Point each page's oEmbed discovery link at a deployed endpoint, such as
        /// `article-widget serve`'s /oembed (`URL?url=PAGE&format=json`), which honours a
        /// consumer's maxwidth and maxheight, instead of the page's static oembed.json.
        #[arg(long, value_name = "URL")]
        oembed_endpoint: Option<String>,
    },
    /// Build a folder of articles into a site and serve it over HTTP, rebuilding on change.
    ///
    /// The site is the one `build` writes (into a temporary folder, never into
    /// ARTICLES_DIR), served from memory at http://HOST:PORT/ with gzip or brotli, ETags and
    /// 304s. Its oEmbed endpoint, GET /oembed?url=PAGE&maxwidth=W&maxheight=H&format=json|xml
    /// (&theme=light|dark), fits the card to the consumer's limits, and every page's
    /// discovery link points at it. ARTICLES_DIR is watched: on a change the site is built
    /// again, files that did not change are kept, and open pages whose file changed reload.
    /// An article that turns bad is shown, with its file and JSON path, over every open page,
    /// and its last good pages stay served.
    ///
    /// Listens on 127.0.0.1 unless told otherwise; --port 0 takes a free port and prints it.
    /// Stops on Ctrl-C or SIGTERM. Behind a CDN or proxy, give the public address as
    /// --base-url (README, "Serving").
    Serve(serve::ServeArgs),
    /// Import articles from HTML pages, Markdown files and RSS, Atom or JSON feeds.
    ///
    /// Each article found (one per page or Markdown file, one per feed item) is written as
    /// article JSON that passes `validate`, carrying only what its source says. What the
    /// format cannot carry (forms, frames other than posts and videos…) is dropped with a warning naming where it
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
        eprintln!("article-widget: {}", terminal_safe(&warning.to_string()));
    }
    for failure in &report.failures {
        eprintln!("article-widget: {}", terminal_safe(&failure.to_string()));
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
        written = written.and_then(|()| writeln!(stdout, "{}", terminal_safe(&line)));
    }
    if let Err(err) = written {
        return fail(Path::new("-"), &format!("could not write: {err}"));
    }
    exit_code(report.succeeded())
}

fn parse_theme(value: &str) -> Result<Theme, String> {
    Theme::parse(value).ok_or_else(|| format!("`{value}` is not auto, light or dark"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
    match cli.command {
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
            news,
            oembed_endpoint,
        } => {
            let options = article_widget_site::BuildOptions {
                articles,
                base_url,
                output,
                widget,
                title,
                shard,
                news,
                oembed_endpoint,
            };
            build(&options)
        }

        Command::Serve(args) => serve::serve(args),
        Command::Import(args) => import(args),
    }
}

/// Builds the site: a progress bar on a terminal, then each article left out (file and JSON
/// path) and each warning on standard error, and a summary line. Fails when anything failed.
fn build(options: &article_widget_site::BuildOptions) -> ExitCode {
    use std::io::IsTerminal;
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(0).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        )
    } else {
        ProgressBar::hidden()
    };
    let report = match article_widget_site::build(options, &BuildProgress(bar)) {
        Ok(report) => report,
        Err(err) => {
            report_build_error(&err);
            return ExitCode::FAILURE;
        }
    };
    for warning in &report.warnings {
        let line = format!("{}: {}", warning.file.display(), warning.message);
        eprintln!("article-widget: {}", terminal_safe(&line));
    }
    for failed in &report.failed {
        let line = format!(
            "{}: error: {} (left out)",
            failed.file.display(),
            failed.message
        );
        eprintln!("article-widget: {}", terminal_safe(&line));
    }
    eprintln!("{}", terminal_safe(&summary(&report, &options.output)));
    exit_code(report.failed.is_empty())
}

/// A build that stopped, on standard error: the collisions a line each, with the names in
/// them made safe one by one (a name cannot add a line of its own).
fn report_build_error(err: &article_widget_site::BuildError) {
    let article_widget_site::BuildError::Collisions(collisions) = err else {
        eprintln!("article-widget: {}", terminal_safe(&err.to_string()));
        return;
    };
    eprintln!("article-widget: articles whose file names give the same address (slug):");
    for collision in collisions {
        let files: Vec<String> = collision
            .files
            .iter()
            .map(|file| terminal_safe(&file.display().to_string()).into_owned())
            .collect();
        eprintln!(
            "  {}/: {}",
            terminal_safe(&collision.slug),
            files.join(", ")
        );
    }
    eprintln!("rename all but one of each; nothing was written");
}

/// Text from files and their names made safe to print: each control character (C0, DEL and
/// C1, which include ESC and CSI, the start of every terminal escape sequence) is written as
/// `\u{1b}`, so text cannot recolour, retitle or clear the terminal, move its cursor, or end
/// a line. Every message the command line prints goes through it.
fn terminal_safe(text: &str) -> Cow<'_, str> {
    // Bidirectional overrides and isolates do not move the cursor, but they reorder what
    // follows them on the line, so a name could disguise itself or the message.
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            safe.extend(c.escape_unicode());
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// Help and the version as clap prints them; a usage mistake, which may quote a file name
/// (`validate *` in a folder of hostile names), without colours and made safe, line by line.
fn usage_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    for line in err.render().to_string().lines() {
        eprintln!("{}", terminal_safe(line));
    }
    ExitCode::from(2)
}

/// The build's progress as a bar on standard error.
struct BuildProgress(ProgressBar);

impl article_widget_site::Progress for BuildProgress {
    fn start(&self, articles: usize) {
        self.0.set_length(articles as u64);
    }

    fn advance(&self) {
        self.0.inc(1);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// `built 3 of 4 articles into site/ (1 failed): 12 files written, 5 unchanged, 0 removed, in 0.4 s`
fn summary(report: &article_widget_site::Report, output: &Path) -> String {
    let mut line = format!(
        "built {} of {} articles into {}",
        report.built,
        report.found,
        output.display()
    );
    let mut notes = Vec::new();
    if !report.failed.is_empty() {
        notes.push(format!("{} failed", report.failed.len()));
    }
    if report.other_shards > 0 {
        notes.push(format!("{} in other shards", report.other_shards));
    }
    if !notes.is_empty() {
        line.push_str(&format!(" ({})", notes.join(", ")));
    }
    let files = report.files;
    line.push_str(&format!(
        ": {} files written, {} unchanged, {} removed, in {:.1} s",
        files.written,
        files.unchanged,
        files.removed,
        report.elapsed.as_secs_f64()
    ));
    line
}

fn render(path: &Path, fragment: bool, options: &RenderOptions, output: Option<&Path>) -> ExitCode {
    let (source, checked) = match read_article(path) {
        Ok(loaded) => loaded,
        Err(err) => return fail(path, &err.details),
    };
    for warning in &checked.warnings {
        let line = format!("{}: {warning}", path.display());
        eprintln!("article-widget: {}", terminal_safe(&line));
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

/// Writes a new file beside the target and renames it over the target, so a failure never
/// leaves a half-written file. The file is made new under a name of its own (never opened
/// where something already is, so a link planted there is not written through).
fn write_replacing(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".article-widget-").suffix(".partial");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As any new file: readable by all unless the umask says otherwise.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut partial = builder.tempfile_in(folder)?;
    partial.write_all(bytes)?;
    partial.persist(file).map_err(|err| err.error)?;
    Ok(())
}

fn validate(paths: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in paths {
        let file = path.display().to_string();
        let file = terminal_safe(&file);
        let (problems, omitted) = match read_article(path) {
            Ok((_, checked)) => (checked.warnings, 0),
            Err(LoadError {
                invalid: Some(invalid),
                ..
            }) => (invalid.problems().collect(), invalid.omitted()),
            Err(err) => {
                failed = true;
                println!("{file}: error: {}", terminal_safe(&err.details));
                continue;
            }
        };
        if problems.is_empty() {
            println!("{file}: ok");
        }
        for problem in &problems {
            failed |= problem.is_error();
            println!("{file}: {}", terminal_safe(&problem.to_string()));
        }
        if omitted > 0 {
            println!("{file}: and {omitted} more problems");
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
    let line = format!("{}: {message}", path.display());
    eprintln!("article-widget: {}", terminal_safe(&line));
    ExitCode::FAILURE
}
