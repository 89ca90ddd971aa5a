//! Why a build stopped before it could swap the new site in.

use std::io;
use std::path::PathBuf;

use crate::output::MARKER;

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
    #[error("--base-url `{0}` is not an absolute http or https URL such as https://news.example/")]
    BadBaseUrl(String),
    #[error(
        "--oembed-endpoint `{0}` is not an absolute http or https URL such as \
         https://news.example/oembed"
    )]
    BadOembedEndpoint(String),
    #[error("{}: the output must be a folder's name", .0.display())]
    BadOutput(PathBuf),
    #[error(
        "{}: not replaced, because it is not a site written by `article-widget build` \
         (it has files and no {MARKER}); choose another output folder",
        .0.display()
    )]
    NotASite(PathBuf),
    #[error(
        "{}: the built widget is missing; run `./dev build` (or `trunk build --release`) \
         first, or give its folder with --widget",
        .0.display()
    )]
    MissingWidget(PathBuf),
    /// Another build holds the output's lock file.
    #[error(
        "{}: another `article-widget build` is writing this site (it holds {}); \
         wait for it to finish, then build again",
        site.display(),
        lock.display()
    )]
    Locked { site: PathBuf, lock: PathBuf },
    /// The build would replace the articles it reads.
    #[error(
        "{}: the articles folder is inside the output folder {}, which the build replaces \
         as a whole; choose an output folder outside it",
        articles.display(),
        output.display()
    )]
    ArticlesInsideOutput { articles: PathBuf, output: PathBuf },
    #[error(
        "{}: the output folder is inside the articles folder {}; choose one outside it",
        output.display(),
        articles.display()
    )]
    OutputInsideArticles { articles: PathBuf, output: PathBuf },
    /// Articles whose file names give the same slug, so the same address.
    #[error("{}", collisions_message(.0))]
    Collisions(Vec<Collision>),
}

/// Files whose names give one slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    pub slug: String,
    pub files: Vec<PathBuf>,
}

impl BuildError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> BuildError {
        let path = path.into();
        move |error| BuildError::Io { path, error }
    }
}

fn collisions_message(collisions: &[Collision]) -> String {
    let mut message = String::from("articles whose file names give the same address (slug):");
    for collision in collisions {
        let files: Vec<String> = collision
            .files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        message.push_str(&format!("\n  {}/: {}", collision.slug, files.join(", ")));
    }
    message.push_str("\nrename all but one of each; nothing was written");
    message
}
