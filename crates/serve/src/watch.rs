//! Watching the articles folder: every change but a read is news.

use std::path::Path;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc;

use crate::error::ServeError;

/// Sends on `changes` whenever something in `folder` (not its subfolders) changes; watches as
/// long as the watcher lives.
pub(crate) fn watch(
    folder: &Path,
    changes: mpsc::UnboundedSender<()>,
) -> Result<RecommendedWatcher, ServeError> {
    let failed = |error| ServeError::Watch {
        path: folder.display().to_string(),
        error,
    };
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|event| !matches!(event.kind, EventKind::Access(_))) {
            let _ = changes.send(());
        }
    })
    .map_err(failed)?;
    watcher
        .watch(folder, RecursiveMode::NonRecursive)
        .map_err(failed)?;
    Ok(watcher)
}
