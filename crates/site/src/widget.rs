//! The widget's own files, copied from the built widget folder (dist/) into the site's
//! `widget/`; the demo pages and anything else in the folder stay out.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::BuildError;

/// The widget's own files at the top of its folder.
pub const WIDGET_FILES: [&str; 3] = [
    "article-widget.js",
    "article-widget-render.js",
    "article-widget.css",
];
/// The widget's folder of WebAssembly and bindings, copied whole.
pub const WIDGET_WASM: &str = "wasm";

/// The widget's files as `(path in the site, bytes)`.
pub(crate) fn widget_files(folder: &Path) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let mut files = Vec::new();
    let missing = |path: PathBuf| BuildError::MissingWidget(path);
    for name in WIDGET_FILES {
        let path = folder.join(name);
        let bytes = fs::read(&path).map_err(|_| missing(path))?;
        files.push((format!("widget/{name}"), bytes));
    }
    let wasm = folder.join(WIDGET_WASM);
    let mut names: Vec<String> = fs::read_dir(&wasm)
        .map_err(|_| missing(wasm.clone()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if !names.iter().any(|name| name.ends_with(".wasm")) {
        return Err(missing(wasm));
    }
    for name in names {
        let path = wasm.join(&name);
        let bytes = fs::read(&path).map_err(BuildError::io(&path))?;
        files.push((format!("widget/{WIDGET_WASM}/{name}"), bytes));
    }
    Ok(files)
}
