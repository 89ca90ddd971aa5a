//! What a build tells its caller: the report at the end, and its progress on the way.

use std::path::PathBuf;
use std::time::Duration;

use crate::output::FileCounts;

/// Something about one article file: why it was left out, or a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// With the JSON path of the value at fault, where there is one.
    pub message: String,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct Report {
    /// Article files found.
    pub found: usize,
    /// Articles whose files this build wrote (or found unchanged).
    pub built: usize,
    /// Articles left out because they could not be read, are not valid, or lead outside the
    /// articles folder.
    pub failed: Vec<Problem>,
    /// Articles that belong to other shards.
    pub other_shards: usize,
    /// Warnings of the articles built, such as a link removed for its scheme.
    pub warnings: Vec<Problem>,
    pub files: FileCounts,
    pub elapsed: Duration,
}

/// Told how the rendering of the articles goes; called from several threads at once.
pub trait Progress: Sync {
    /// The build starts rendering this many articles.
    fn start(&self, articles: usize);
    /// One more article is done.
    fn advance(&self);
    /// Every article is done.
    fn finish(&self);
}

/// Progress that nobody watches.
pub struct Unwatched;

impl Progress for Unwatched {
    fn start(&self, _: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}
