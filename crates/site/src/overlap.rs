//! The articles folder and the output must be apart: the build replaces the output as a whole,
//! so articles inside it would be deleted, and an output inside the articles folder would be
//! read as articles by the next build. Both are compared with symbolic links resolved.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::error::BuildError;

pub(crate) fn check_apart(articles: &Path, output: &Path) -> Result<(), BuildError> {
    let real_articles = fs::canonicalize(articles).map_err(BuildError::io(articles))?;
    let real_output = resolved(output).map_err(BuildError::io(output))?;
    if real_articles.starts_with(&real_output) {
        return Err(BuildError::ArticlesInsideOutput {
            articles: articles.to_owned(),
            output: output.to_owned(),
        });
    }
    if real_output.starts_with(&real_articles) {
        return Err(BuildError::OutputInsideArticles {
            articles: articles.to_owned(),
            output: output.to_owned(),
        });
    }
    Ok(())
}

/// The path with its symbolic links resolved, when it does not exist yet too: its nearest
/// existing ancestor resolved, and the rest of it after that, as the build would create it.
fn resolved(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    let mut resolved = loop {
        match fs::canonicalize(existing) {
            Ok(real) => break real,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                let Some(parent) = existing.parent() else {
                    return Err(err);
                };
                missing.extend(existing.components().next_back());
                existing = parent;
            }
            Err(err) => return Err(err),
        }
    };
    for component in missing.into_iter().rev() {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => resolved.push(name),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_does_not_exist_yet_is_resolved_from_its_nearest_existing_folder() {
        let dir = std::env::temp_dir().join(format!("artw-overlap-{}", std::process::id()));
        fs::create_dir_all(dir.join("real")).unwrap();
        let real = fs::canonicalize(dir.join("real")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&real, dir.join("link")).unwrap();
        for (path, expected) in [
            (dir.join("real"), real.clone()),
            (dir.join("real/a/b"), real.join("a/b")),
            (dir.join("real/a/../b"), real.join("b")),
            (dir.join("real/./a/./b/.."), real.join("a")),
            #[cfg(unix)]
            (dir.join("link/site"), real.join("site")),
        ] {
            assert_eq!(resolved(&path).unwrap(), expected, "{}", path.display());
        }
        fs::remove_dir_all(&dir).unwrap();
    }
}
