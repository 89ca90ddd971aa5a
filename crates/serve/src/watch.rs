//! Watching the articles folder: every change but a read is news, with the paths it touched.

use std::path::{Path, PathBuf};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc;

use crate::error::ServeError;

/// Sends the paths on `changes` whenever something in `folder` (not its subfolders) changes;
/// watches as long as the watcher lives.
pub(crate) fn watch(
    folder: &Path,
    changes: mpsc::UnboundedSender<Vec<PathBuf>>,
) -> Result<RecommendedWatcher, ServeError> {
    let failed = |error| ServeError::Watch {
        path: folder.display().to_string(),
        error,
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !matches!(event.kind, EventKind::Access(_)) {
                let _ = changes.send(event.paths);
            }
        }
    })
    .map_err(failed)?;
    watcher
        .watch(folder, RecursiveMode::NonRecursive)
        .map_err(failed)?;
    Ok(watcher)
}
