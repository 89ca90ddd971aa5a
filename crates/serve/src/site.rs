//! The site in memory: its files, its articles (for the oEmbed endpoint) and what its last
//! build found wrong. Each build writes the site into a temporary folder with
//! `article_widget_site::build`, which leaves unchanged files as they were; only the files
//! that changed are read again, and a file read again with the same content keeps its place
//! (open pages reload only when their own content changed). After an edit, the changed
//! articles alone are built first (a site of just them, of which their own folders are taken),
//! so their pages are new at once; the whole site follows for the index pages and feeds.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime};

use article_widget::load::read_article_bytes;
use article_widget::model::Article;
use article_widget_site::pages::ArticleUrls;
use article_widget_site::{BuildOptions, Problem, Report, Unwatched, MARKER};
use tempfile::TempDir;

use crate::error::ServeError;
use crate::files::Asset;
use crate::live;

/// What one build of the site gave.
pub(crate) struct Snapshot {
    /// 1 for the first build, one more for each rebuild.
    pub generation: u64,
    /// By site path (`krebs/index.html`).
    pub files: HashMap<String, Arc<Asset>>,
    /// By slug.
    pub articles: HashMap<String, Arc<Article>>,
    /// The articles left out of the last build, or why it stopped.
    pub problems: Vec<Problem>,
    /// oEmbed answers given since this build, by their query.
    pub answers: RwLock<HashMap<String, Arc<Asset>>>,
    /// What each file was when it was read.
    known: HashMap<String, Known>,
}

/// A file as last read: where it was in the built site, and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Known {
    /// `None` when it was read from a build of the changed articles alone.
    stamp: Option<Stamp>,
    content: u64,
}

/// What a rebuild did, for the command line to tell.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    pub generation: u64,
    /// Site files added or changed.
    pub changed: usize,
    pub removed: usize,
    /// The articles left out; their last good pages are still served.
    pub failed: Vec<Problem>,
    /// Why the build stopped, when it did: the whole previous site is still served.
    pub stopped: Option<String>,
    pub elapsed: Duration,
    /// Only the changed articles were built (the whole site follows).
    pub articles_only: bool,
}

/// Builds the site into a temporary folder and reads it into a `Snapshot`.
pub(crate) struct Builder {
    options: BuildOptions,
    /// The same build, of the changed articles alone.
    changed_only: BuildOptions,
    base: String,
    live: bool,
    _folder: TempDir,
}

impl Builder {
    pub(crate) fn new(
        articles: PathBuf,
        widget: PathBuf,
        base: String,
        title: Option<String>,
        live: bool,
    ) -> Result<Builder, ServeError> {
        let folder = tempfile::Builder::new()
            .prefix("article-widget-serve-")
            .tempdir()
            .map_err(ServeError::TemporaryFolder)?;
        let options = BuildOptions {
            articles,
            oembed_endpoint: Some(format!("{base}oembed")),
            base_url: base.clone(),
            output: folder.path().join("site"),
            widget,
            title,
            shard: None,
            news: false,
        };
        let changed_only = BuildOptions {
            articles: folder.path().join("changed"),
            output: folder.path().join("changed-site"),
            ..options.clone()
        };
        Ok(Builder {
            options,
            changed_only,
            base,
            live,
            _folder: folder,
        })
    }

    pub(crate) fn articles(&self) -> &Path {
        &self.options.articles
    }

    /// The first build: an error stops the server from starting.
    pub(crate) fn first(&self) -> Result<(Snapshot, Report), ServeError> {
        let report = article_widget_site::build(&self.options, &Unwatched)?;
        let empty = Snapshot::empty();
        let (snapshot, _) = self.read(&empty, &report).map_err(ServeError::ReadSite)?;
        Ok((snapshot, report))
    }

    /// A rebuild after a change: what fails keeps what was served before.
    pub(crate) fn again(&self, previous: &Snapshot) -> (Snapshot, Rebuilt) {
        let started = Instant::now();
        let outcome = article_widget_site::build(&self.options, &Unwatched)
            .map_err(|err| err.to_string())
            .and_then(|report| {
                self.read(previous, &report)
                    .map(|read| (read, report))
                    .map_err(|err| format!("could not read the built site: {err}"))
            });
        match outcome {
            Ok(((snapshot, (changed, removed)), report)) => {
                let rebuilt = Rebuilt {
                    generation: snapshot.generation,
                    changed,
                    removed,
                    failed: report.failed,
                    stopped: None,
                    elapsed: started.elapsed(),
                    articles_only: false,
                };
                (snapshot, rebuilt)
            }
            Err(message) => {
                let problem = Problem {
                    file: self.options.articles.clone(),
                    message: message.clone(),
                };
                let snapshot = previous.with_problems(vec![problem]);
                let rebuilt = Rebuilt {
                    generation: snapshot.generation,
                    changed: 0,
                    removed: 0,
                    failed: Vec::new(),
                    stopped: Some(message),
                    elapsed: started.elapsed(),
                    articles_only: false,
                };
                (snapshot, rebuilt)
            }
        }
    }

    /// The built site against the previous snapshot: changed files read again, the others
    /// kept, and the last good files of each article left out.
    fn read(&self, previous: &Snapshot, report: &Report) -> io::Result<(Snapshot, (usize, usize))> {
        let generation = previous.generation + 1;
        let mut stamps = HashMap::new();
        walk(&self.options.output, "", &mut stamps)?;
        let mut files = HashMap::with_capacity(stamps.len());
        let mut known = HashMap::with_capacity(stamps.len());
        let mut articles = HashMap::new();
        let mut changed = 0;
        for (key, stamp) in stamps {
            let before = previous.known.get(&key);
            let kept = previous.files.get(&key);
            if let (Some(before), Some(asset)) = (before, kept) {
                if before.stamp.as_ref() == Some(&stamp) {
                    files.insert(key.clone(), Arc::clone(asset));
                    known.insert(key, before.clone());
                    continue;
                }
            }
            let bytes = fs::read(self.options.output.join(&key))?;
            let now = Known {
                stamp: Some(stamp),
                content: content_hash(&bytes),
            };
            let same = before.is_some_and(|before| before.content == now.content);
            match kept.filter(|_| same) {
                Some(asset) => {
                    files.insert(key.clone(), Arc::clone(asset));
                }
                None => {
                    changed += 1;
                    let asset = self.load(&key, bytes, generation, &mut articles);
                    files.insert(key.clone(), asset);
                }
            }
            known.insert(key, now);
        }
        for (slug, article) in &previous.articles {
            if known.contains_key(&format!("{slug}/article.json")) && !articles.contains_key(slug) {
                articles.insert(slug.clone(), Arc::clone(article));
            }
        }
        let failed: Vec<String> = report
            .failed
            .iter()
            .map(|problem| format!("{}/", article_widget_site::slug(&problem.file)))
            .collect();
        for (key, asset) in &previous.files {
            let last_good = failed.iter().any(|prefix| key.starts_with(prefix.as_str()));
            if last_good && !files.contains_key(key) {
                files.insert(key.clone(), Arc::clone(asset));
            }
        }
        for prefix in &failed {
            let slug = &prefix[..prefix.len() - 1];
            if let Some(article) = previous.articles.get(slug) {
                articles
                    .entry(slug.to_owned())
                    .or_insert_with(|| Arc::clone(article));
            }
        }
        let removed = previous
            .files
            .keys()
            .filter(|key| !files.contains_key(*key))
            .count();
        let snapshot = Snapshot {
            generation,
            files,
            articles,
            problems: report.failed.clone(),
            answers: RwLock::default(),
            known,
        };
        Ok((snapshot, (changed, removed)))
    }

    /// A site file as served; an article's JSON also as the article, for the oEmbed endpoint.
    fn load(
        &self,
        key: &str,
        bytes: Vec<u8>,
        generation: u64,
        articles: &mut HashMap<String, Arc<Article>>,
    ) -> Arc<Asset> {
        if let Some(slug) = key.strip_suffix("/article.json") {
            let urls = ArticleUrls::new(&self.base, slug);
            if let Ok(read) = read_article_bytes(bytes.clone(), Some(&urls.json())) {
                articles.insert(slug.to_owned(), Arc::new(read.checked.article));
            }
        }
        let bytes = match self.live && key.ends_with(".html") {
            true => live::with_reload_script(&bytes, generation),
            false => bytes,
        };
        Arc::new(Asset::new(key, bytes, generation))
    }

    /// The changed article files alone, built as a site of their own, whose article folders
    /// replace theirs at once; `None` when none of `paths` is an article file, or when that
    /// build stops (the whole site's build will tell why).
    pub(crate) fn changed_articles(
        &self,
        previous: &Snapshot,
        paths: &[PathBuf],
    ) -> Option<(Snapshot, Rebuilt)> {
        let started = Instant::now();
        let names: BTreeSet<_> = paths
            .iter()
            .filter_map(|path| path.file_name())
            .filter(|name| {
                let name = name.to_string_lossy();
                !name.starts_with('.') && name.to_ascii_lowercase().ends_with(".json")
            })
            .filter(|name| {
                let path = self.options.articles.join(name);
                fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_file())
            })
            .collect();
        if names.is_empty() {
            return None;
        }
        let folder = &self.changed_only.articles;
        let _ = fs::remove_dir_all(folder);
        fs::create_dir_all(folder).ok()?;
        for name in &names {
            fs::copy(self.options.articles.join(name), folder.join(name)).ok()?;
        }
        let report = article_widget_site::build(&self.changed_only, &Unwatched).ok()?;
        let generation = previous.generation + 1;
        let mut files = previous.files.clone();
        let mut known = previous.known.clone();
        let mut articles = previous.articles.clone();
        let mut changed = 0;
        let failed: BTreeSet<String> = report
            .failed
            .iter()
            .map(|problem| article_widget_site::slug(&problem.file))
            .collect();
        for name in &names {
            let slug = article_widget_site::slug(Path::new(name));
            if failed.contains(&slug) {
                continue;
            }
            let mut stamps = HashMap::new();
            walk(
                &self.changed_only.output.join(&slug),
                &format!("{slug}/"),
                &mut stamps,
            )
            .ok()?;
            for key in stamps.into_keys() {
                let bytes = fs::read(self.changed_only.output.join(&key)).ok()?;
                let content = content_hash(&bytes);
                let before = known.get(&key).map(|known| known.content);
                if before == Some(content) && files.contains_key(&key) {
                    continue;
                }
                changed += 1;
                let asset = self.load(&key, bytes, generation, &mut articles);
                files.insert(key.clone(), asset);
                known.insert(
                    key,
                    Known {
                        stamp: None,
                        content,
                    },
                );
            }
        }
        let originals: Vec<PathBuf> = names
            .iter()
            .map(|name| self.options.articles.join(name))
            .collect();
        let now_failed: Vec<Problem> = report
            .failed
            .into_iter()
            .map(|problem| Problem {
                file: problem
                    .file
                    .file_name()
                    .map_or(problem.file.clone(), |name| {
                        self.options.articles.join(name)
                    }),
                message: problem.message,
            })
            .collect();
        let mut problems: Vec<Problem> = previous
            .problems
            .iter()
            .filter(|problem| !originals.contains(&problem.file))
            .cloned()
            .collect();
        problems.extend(now_failed.iter().cloned());
        let snapshot = Snapshot {
            generation,
            files,
            articles,
            problems,
            answers: RwLock::default(),
            known,
        };
        let rebuilt = Rebuilt {
            generation,
            changed,
            removed: 0,
            failed: now_failed,
            stopped: None,
            elapsed: started.elapsed(),
            articles_only: true,
        };
        Some((snapshot, rebuilt))
    }
}

fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

impl Snapshot {
    fn empty() -> Snapshot {
        Snapshot {
            generation: 0,
            files: HashMap::new(),
            articles: HashMap::new(),
            problems: Vec::new(),
            answers: RwLock::default(),
            known: HashMap::new(),
        }
    }

    /// The same site, told of new problems.
    fn with_problems(&self, problems: Vec<Problem>) -> Snapshot {
        Snapshot {
            generation: self.generation + 1,
            files: self.files.clone(),
            articles: self.articles.clone(),
            problems,
            answers: RwLock::default(),
            known: self.known.clone(),
        }
    }
}

/// What tells a file written by a build from the one before: a file left unchanged is the
/// same file (hard-linked), with its size and modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(metadata),
        }
    }
}

/// Every file of the built site by its path in the site, but the build's marker.
fn walk(folder: &Path, prefix: &str, stamps: &mut HashMap<String, Stamp>) -> io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == MARKER || name.starts_with('.') {
            continue;
        }
        let key = format!("{prefix}{name}");
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            walk(&entry.path(), &format!("{key}/"), stamps)?;
        } else if file_type.is_file() {
            stamps.insert(key, Stamp::of(&entry.metadata()?));
        }
    }
    Ok(())
}
