//! `article-widget serve`: its arguments, and every line it prints.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use article_widget_serve::{shutdown_signal, Rebuilt, ServeOptions, Server, HEADER_TIMEOUT};

use super::{report_build_error, terminal_safe};

#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    /// The folder of article JSON files (`*.json`; subfolders are not read).
    #[arg(value_name = "ARTICLES_DIR")]
    articles: PathBuf,
    /// The address to listen on; 0.0.0.0 (or ::) listens on every interface.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// The port to listen on; 0 takes a free one, printed at start.
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The address readers reach the site at, when it is not http://HOST:PORT/ (behind a CDN
    /// or a proxy); every URL in the pages and oEmbed answers starts with it.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// The built widget folder (dist/ after `./dev build`), whose files the site serves in
    /// widget/.
    #[arg(long, default_value = "dist", value_name = "DIR")]
    widget: PathBuf,
    /// The site's name in its index pages, feeds and oEmbed answers (default: its host).
    #[arg(long)]
    title: Option<String>,
    /// Build once and serve, without watching ARTICLES_DIR or adding the reload script.
    #[arg(long)]
    no_watch: bool,
}

pub(crate) fn serve(args: ServeArgs) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("article-widget: could not start the server's threads: {err}");
            return ExitCode::FAILURE;
        }
    };
    let options = ServeOptions {
        articles: args.articles,
        widget: args.widget,
        host: args.host,
        port: args.port,
        base_url: args.base_url,
        title: args.title,
        watch: !args.no_watch,
        header_timeout: HEADER_TIMEOUT,
    };
    runtime.block_on(run(options))
}

async fn run(options: ServeOptions) -> ExitCode {
    let watching = options.watch;
    let articles = options.articles.display().to_string();
    let server = match Server::bind(options).await {
        Ok(server) => server,
        Err(article_widget_serve::ServeError::Build(err)) => {
            report_build_error(&err);
            return ExitCode::FAILURE;
        }
        Err(err) => {
            eprintln!("article-widget: {}", terminal_safe(&err.to_string()));
            return ExitCode::FAILURE;
        }
    };
    let report = server.first_build();
    for failed in &report.failed {
        left_out(failed);
    }
    println!(
        "serving {} articles from {} at {} (listening on {}; oEmbed: {}oembed)",
        report.built,
        terminal_safe(&articles),
        server.url(),
        server.local_addr(),
        server.url(),
    );
    if watching {
        println!(
            "watching {} for changes; Ctrl-C to stop",
            terminal_safe(&articles)
        );
    }
    let mut rebuilds = server.rebuilds();
    tokio::spawn(async move {
        while let Ok(rebuilt) = rebuilds.recv().await {
            tell(&rebuilt);
        }
    });
    match server.run(shutdown_signal()).await {
        Ok(()) => {
            eprintln!("article-widget: stopped");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("article-widget: {}", terminal_safe(&err.to_string()));
            ExitCode::FAILURE
        }
    }
}

fn tell(rebuilt: &Rebuilt) {
    if let Some(why) = &rebuilt.stopped {
        eprintln!(
            "article-widget: the rebuild stopped, the previous site is still served: {}",
            terminal_safe(why)
        );
        return;
    }
    // The whole site's build that follows tells of the articles left out.
    if !rebuilt.articles_only {
        for failed in &rebuilt.failed {
            left_out(failed);
        }
    }
    let what = match rebuilt.articles_only {
        true => "the changed articles",
        false => "the site",
    };
    eprintln!(
        "article-widget: rebuilt {what} in {} ms: {} files changed, {} removed",
        rebuilt.elapsed.as_millis(),
        rebuilt.changed,
        rebuilt.removed
    );
}

fn left_out(failed: &article_widget_site::Problem) {
    let line = format!(
        "{}: error: {} (left out; its last good version, if any, is still served)",
        failed.file.display(),
        failed.message
    );
    eprintln!("article-widget: {}", terminal_safe(&line));
}
