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

/// The `*.json` files in the folder, by name.
pub(crate) fn article_files(folder: &Path) -> Result<Vec<PathBuf>, BuildError> {
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).map_err(BuildError::io(folder))? {
        let entry = entry.map_err(BuildError::io(folder))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_json = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
        if is_json && !name.starts_with('.') && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
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
