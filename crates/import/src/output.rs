//! The command: read each source, import it, and write the articles (or say what would be
//! written). One bad source is reported and skipped; the others are still written.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::{import_bytes, Imported};
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

/// Runs the import; false when any source failed (the others are written all the same).
/// Messages go to `errors`, JSON (without an output folder) and dry-run reports to `out`.
pub fn run(options: &ImportOptions, out: &mut dyn Write, errors: &mut dyn Write) -> bool {
    let mut ok = true;
    let mut found: Vec<(String, Imported)> = Vec::new();
    for source in &options.sources {
        let name = source.display().to_string();
        let bytes = match read_source(source) {
            Ok(bytes) => bytes,
            Err(why) => {
                ok = false;
                let _ = writeln!(errors, "article-widget: {name}: {why}");
                continue;
            }
        };
        match import_bytes(&bytes, &name, options.url.as_deref()) {
            Ok(imported) => {
                for warning in &imported.warnings {
                    let _ = writeln!(errors, "article-widget: {name}: warning: {warning}");
                }
                for article in imported.articles {
                    match article {
                        Ok(article) => found.push((name.clone(), article)),
                        Err(err) => {
                            ok = false;
                            let _ = writeln!(errors, "article-widget: {name}: {err}; skipped");
                        }
                    }
                }
            }
            Err(err) => {
                ok = false;
                let _ = writeln!(errors, "article-widget: {name}: {err}; skipped");
            }
        }
    }
    for (name, imported) in &found {
        for warning in &imported.warnings {
            let _ = writeln!(errors, "article-widget: {name}: warning: {warning}");
        }
    }
    match &options.output {
        None => to_stdout(&found, options.dry_run, out, errors) && ok,
        Some(dir) => to_folder(dir, &found, options.dry_run, out, errors) && ok,
    }
}

/// The source's bytes as they are: how they are decoded is the importer's to tell.
fn read_source(path: &Path) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if path == Path::new("-") {
        std::io::stdin()
            .take(MAX_SOURCE_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes))
    };
    result.map_err(|err| format!("could not read: {err}"))?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(format!("more than {MAX_SOURCE_BYTES} bytes; not imported"));
    }
    Ok(bytes)
}

fn to_stdout(
    found: &[(String, Imported)],
    dry_run: bool,
    out: &mut dyn Write,
    errors: &mut dyn Write,
) -> bool {
    match found {
        [] => false,
        [(_, imported)] if dry_run => {
            let _ = writeln!(
                out,
                "would write to standard output: {}",
                summary(&imported.article)
            );
            true
        }
        [(_, imported)] => out.write_all(imported.json.as_bytes()).is_ok(),
        many => {
            let _ = writeln!(
                errors,
                "article-widget: {} articles found; standard output takes one, so give a folder with -o",
                many.len()
            );
            false
        }
    }
}

fn to_folder(
    dir: &Path,
    found: &[(String, Imported)],
    dry_run: bool,
    out: &mut dyn Write,
    errors: &mut dyn Write,
) -> bool {
    if !dry_run {
        if let Err(err) = std::fs::create_dir_all(dir) {
            let _ = writeln!(
                errors,
                "article-widget: {}: could not create the folder: {err}",
                dir.display()
            );
            return false;
        }
    }
    let mut ok = true;
    let mut taken: HashSet<PathBuf> = HashSet::new();
    for (name, imported) in found {
        let (file, unchanged) = free_name(dir, &imported.slug, imported.json.as_bytes(), &taken);
        taken.insert(file.clone());
        let verb = match (dry_run, unchanged) {
            (true, true) => "would leave unchanged",
            (true, false) => "would write",
            (false, true) => "unchanged",
            (false, false) => "wrote",
        };
        if !dry_run && !unchanged {
            if let Err(err) = write_new(&file, imported.json.as_bytes()) {
                ok = false;
                let _ = writeln!(
                    errors,
                    "article-widget: {}: could not write: {err}",
                    file.display()
                );
                continue;
            }
        }
        let _ = writeln!(
            out,
            "{verb} {} from {name}: {}",
            file.display(),
            summary(&imported.article)
        );
    }
    ok
}

/// `SLUG.json`, or `SLUG-2.json` and on when that is taken by another article: a file is never
/// overwritten. A file that already holds exactly these bytes is this article, unchanged.
fn free_name(dir: &Path, slug: &str, bytes: &[u8], taken: &HashSet<PathBuf>) -> (PathBuf, bool) {
    let mut n = 0;
    loop {
        n += 1;
        let file = match n {
            1 => dir.join(format!("{slug}.json")),
            n => dir.join(format!("{slug}-{n}.json")),
        };
        if taken.contains(&file) {
            continue;
        }
        match std::fs::read(&file) {
            Ok(existing) if existing == bytes => return (file, true),
            Ok(_) => continue,
            Err(_) if file.exists() => continue,
            Err(_) => return (file, false),
        }
    }
}

/// Writes beside the target, then links it into place, which fails rather than replace a
/// file that appeared meanwhile.
fn write_new(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut partial = file.as_os_str().to_owned();
    partial.push(".partial");
    std::fs::write(&partial, bytes)?;
    let linked = std::fs::hard_link(&partial, file);
    std::fs::remove_file(&partial)?;
    linked
}

fn summary(article: &Article) -> String {
    format!(
        "{:?}, {} blocks, {} authors, {} related links",
        article.headline,
        article.body.len(),
        article.authors.len(),
        article.related.len()
    )
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
