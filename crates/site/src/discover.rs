//! The article files of a folder, and the slug each is published under.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{BuildError, Collision};
use crate::report::Problem;

/// The slug of an article file: the model's one slug rule over its name without `.json`.
pub fn slug(file: &Path) -> String {
    article_widget::model::slug(&file.file_stem().unwrap_or_default().to_string_lossy())
}

/// The `*.json` files in the folder, by name, and the symbolic links among them that lead out
/// of it, left out: an article elsewhere on the machine is not published by a link to it.
pub(crate) fn article_files(folder: &Path) -> Result<(Vec<PathBuf>, Vec<Problem>), BuildError> {
    let real_folder = fs::canonicalize(folder).map_err(BuildError::io(folder))?;
    let mut files = Vec::new();
    let mut left_out = Vec::new();
    for entry in fs::read_dir(folder).map_err(BuildError::io(folder))? {
        let entry = entry.map_err(BuildError::io(folder))?;
        let path = entry.path();
        let name = entry.file_name();
        let is_json = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
        if !is_json || name.to_string_lossy().starts_with('.') {
            continue;
        }
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if is_link {
            match fs::canonicalize(&path) {
                Ok(target) if !target.starts_with(&real_folder) => {
                    left_out.push(Problem {
                        message: format!(
                            "a symbolic link that leads outside the articles folder (to {})",
                            target.display()
                        ),
                        file: path,
                    });
                    continue;
                }
                Ok(_) => {}
                Err(_) => continue,
            }
        }
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    left_out.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((files, left_out))
}

/// Articles by slug, and the files that give no slug.
pub(crate) struct Slugged {
    pub articles: Vec<(String, PathBuf)>,
    pub unnamed: Vec<Problem>,
}

/// Each file's slug. Files that give no slug are failures; slugs given by more than one file
/// stop the build, since one article would overwrite another.
pub(crate) fn slugs(files: Vec<PathBuf>) -> Result<Slugged, BuildError> {
    let mut by_slug: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut unnamed = Vec::new();
    for file in files {
        let slug = slug(&file);
        if slug.is_empty() {
            unnamed.push(Problem {
                file,
                message: "its file name has no letter or digit to make its address from".into(),
            });
        } else {
            by_slug.entry(slug).or_default().push(file);
        }
    }
    let collisions: Vec<Collision> = by_slug
        .iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|(slug, files)| Collision {
            slug: slug.clone(),
            files: files.clone(),
        })
        .collect();
    if !collisions.is_empty() {
        return Err(BuildError::Collisions(collisions));
    }
    let articles = by_slug
        .into_iter()
        .filter_map(|(slug, mut files)| files.pop().map(|file| (slug, file)))
        .collect();
    Ok(Slugged { articles, unnamed })
}
