//! The command: read each source, import it, and write the articles (or say what would be
//! written), returning a report of what was done for the command line to tell. One bad
//! source is reported and skipped; the others are still written.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::{import_bytes, ImportError, Imported};
use article_widget::model::Article;

/// The largest source read, in bytes: a long article page with its markup is a few MB.
pub const MAX_SOURCE_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub sources: Vec<PathBuf>,
    /// Where to write one `SLUG.json` per article; standard output (one article) without it.
    pub output: Option<PathBuf>,
    /// The address the sources were published at, for their relative URLs.
    pub url: Option<String>,
    pub dry_run: bool,
}

/// What an import did (or, in a dry run, would do), for the command line to tell. Its texts
/// are as the sources wrote them, control characters included: escaping them is the
/// printer's job.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Articles written into the output folder (in a dry run: that would be), in order; a
    /// dry run without a folder lists the one article with no file.
    pub written: Vec<Placed>,
    /// Articles whose file already holds exactly their JSON, left as it is.
    pub unchanged: Vec<Placed>,
    /// Without an output folder, and not in a dry run: the one article's JSON.
    pub standard_output: Option<String>,
    pub warnings: Vec<Warning>,
    pub failures: Vec<Failure>,
}

impl ImportReport {
    /// Whether every source and every article was imported and written.
    pub fn succeeded(&self) -> bool {
        self.failures.is_empty()
    }
}

/// An article and where it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// None for standard output.
    pub file: Option<PathBuf>,
    /// The source as it was named.
    pub source: String,
    pub summary: Summary,
}

/// What a line about an article says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub headline: String,
    pub blocks: usize,
    pub authors: usize,
    pub related: usize,
}

impl Summary {
    fn of(article: &Article) -> Summary {
        Summary {
            headline: article.headline.clone(),
            blocks: article.body.len(),
            authors: article.authors.len(),
            related: article.related.len(),
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{:?}, {} blocks, {} authors, {} related links",
            self.headline, self.blocks, self.authors, self.related
        )
    }
}

/// Something a source held that its article cannot carry, or how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub source: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: warning: {}", self.source, self.message)
    }
}

/// Why a source, an article or a file was not imported or written.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{file}: {error}; skipped")]
    Source { file: String, error: ImportError },
    #[error("{}: could not create the folder: {error}", dir.display())]
    Folder { dir: PathBuf, error: std::io::Error },
    #[error("{}: could not write: {error}", file.display())]
    Write {
        file: PathBuf,
        error: std::io::Error,
    },
    #[error("{count} articles found; standard output takes one, so give a folder with -o")]
    ManyForStandardOutput { count: usize },
}

/// Runs the import: every source is read and imported, and the articles are written unless
/// it is a dry run. One source or article that fails does not keep the others out.
pub fn run(options: &ImportOptions) -> ImportReport {
    let mut report = ImportReport::default();
    let mut found: Vec<(String, Imported)> = Vec::new();
    for source in &options.sources {
        let name = source.display().to_string();
        let failed = |error| Failure::Source {
            file: name.clone(),
            error,
        };
        let imported = read_source(source)
            .and_then(|bytes| import_bytes(&bytes, &name, options.url.as_deref()));
        let imported = match imported {
            Ok(imported) => imported,
            Err(error) => {
                report.failures.push(failed(error));
                continue;
            }
        };
        report
            .warnings
            .extend(imported.warnings.into_iter().map(|message| Warning {
                source: name.clone(),
                message,
            }));
        for article in imported.articles {
            match article {
                Ok(article) => found.push((name.clone(), article)),
                Err(error) => report.failures.push(failed(error)),
            }
        }
    }
    for (name, imported) in &found {
        report
            .warnings
            .extend(imported.warnings.iter().map(|message| Warning {
                source: name.clone(),
                message: message.clone(),
            }));
    }
    match &options.output {
        None => to_standard_output(found, options.dry_run, &mut report),
        Some(dir) => to_folder(dir, &found, options.dry_run, &mut report),
    }
    report
}

/// The source's bytes as they are: how they are decoded is the importer's to tell.
fn read_source(path: &Path) -> Result<Vec<u8>, ImportError> {
    let mut bytes = Vec::new();
    let limit = MAX_SOURCE_BYTES + 1;
    if path == Path::new("-") {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    }
    .map_err(ImportError::Unreadable)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(ImportError::SourceTooLarge);
    }
    Ok(bytes)
}

fn to_standard_output(
    mut found: Vec<(String, Imported)>,
    dry_run: bool,
    report: &mut ImportReport,
) {
    if found.len() > 1 {
        report
            .failures
            .push(Failure::ManyForStandardOutput { count: found.len() });
        return;
    }
    let Some((source, imported)) = found.pop() else {
        return;
    };
    if dry_run {
        report.written.push(Placed {
            file: None,
            source,
            summary: Summary::of(&imported.article),
        });
    } else {
        report.standard_output = Some(imported.json);
    }
}

fn to_folder(dir: &Path, found: &[(String, Imported)], dry_run: bool, report: &mut ImportReport) {
    if !dry_run {
        if let Err(error) = std::fs::create_dir_all(dir) {
            report.failures.push(Failure::Folder {
                dir: dir.to_owned(),
                error,
            });
            return;
        }
    }
    let mut names = FreeNames::new(dir);
    for (source, imported) in found {
        let (file, unchanged) = names.take(&imported.slug, imported.json.as_bytes());
        if !dry_run && !unchanged {
            if let Err(error) = write_new(&file, imported.json.as_bytes()) {
                report.failures.push(Failure::Write { file, error });
                continue;
            }
        }
        let placed = Placed {
            file: Some(file),
            source: source.clone(),
            summary: Summary::of(&imported.article),
        };
        if unchanged {
            report.unchanged.push(placed);
        } else {
            report.written.push(placed);
        }
    }
}

/// File names in the output folder: `SLUG.json`, or `SLUG-2.json` and on when that is taken
/// by another article, so a file is never overwritten. Each slug counts on from the last
/// number it gave, so a thousand articles of one title do not each try every name before.
struct FreeNames<'a> {
    dir: &'a Path,
    next: HashMap<String, usize>,
    taken: HashSet<PathBuf>,
}

impl<'a> FreeNames<'a> {
    fn new(dir: &'a Path) -> FreeNames<'a> {
        FreeNames {
            dir,
            next: HashMap::new(),
            taken: HashSet::new(),
        }
    }

    /// The article's file, and whether it already holds exactly these bytes: then it is this
    /// article, unchanged.
    fn take(&mut self, slug: &str, bytes: &[u8]) -> (PathBuf, bool) {
        let mut n = self.next.get(slug).copied().unwrap_or(1);
        loop {
            let file = match n {
                1 => self.dir.join(format!("{slug}.json")),
                n => self.dir.join(format!("{slug}-{n}.json")),
            };
            n += 1;
            if self.taken.contains(&file) {
                continue;
            }
            let unchanged = match std::fs::read(&file) {
                Ok(existing) if existing == bytes => true,
                Ok(_) => continue,
                Err(_) if file.exists() || file.is_symlink() => continue,
                Err(_) => false,
            };
            self.next.insert(slug.to_owned(), n);
            self.taken.insert(file.clone());
            return (file, unchanged);
        }
    }
}

/// Writes beside the target, then links it into place, which fails rather than replace a
/// file that appeared meanwhile. The file beside it is created new: a file or a link already
/// at that name (left by a run that stopped, or planted to send the write elsewhere) is
/// never opened, and the next name is tried.
fn write_new(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let (partial, mut handle) = create_partial(file)?;
    let written = handle.write_all(bytes);
    drop(handle);
    let linked = written.and_then(|()| std::fs::hard_link(&partial, file));
    let removed = std::fs::remove_file(&partial);
    linked.and(removed)
}

/// How many names beside a file are tried for its temporary copy.
const PARTIAL_NAMES: usize = 100;

fn create_partial(file: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    for n in 1..=PARTIAL_NAMES {
        let mut partial = file.as_os_str().to_owned();
        match n {
            1 => partial.push(".partial"),
            n => partial.push(format!(".{n}.partial")),
        }
        let partial = PathBuf::from(partial);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&partial)
        {
            Ok(handle) => return Ok((partial, handle)),
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!("the {PARTIAL_NAMES} names for a temporary file beside it are all taken"),
    ))
}

/// A stable file name: the model's slug of the last segment of the article's URL, else of its
/// headline, so `build` gives the article the same address.
pub fn slug(article: &Article) -> String {
    let from_url = article
        .url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| {
            let segment = u.path_segments()?.rev().find(|s| !s.is_empty())?.to_owned();
            let stem = segment
                .rsplit_once('.')
                .map_or(segment.as_str(), |(stem, _)| stem)
                .to_owned();
            Some(stem).filter(|s| {
                s.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                    && !matches!(s.as_str(), "index" | "amp")
            })
        });
    let source = from_url
        .map(|s| percent_decode(&s))
        .unwrap_or_else(|| article.headline.clone());
    let slug = article_widget::model::slug(&source);
    if slug.is_empty() {
        "article".to_owned()
    } else {
        slug
    }
}

fn percent_decode(text: &str) -> String {
    url::form_urlencoded::parse(text.replace('+', "%2B").as_bytes())
        .map(|(k, v)| {
            if v.is_empty() {
                k.into_owned()
            } else {
                format!("{k}={v}")
            }
        })
        .collect()
}
