//! Writing a site beside the previous one, then swapping it in. A file whose content has not
//! changed is hard-linked from the previous site instead of written, so it keeps its
//! modification time, and a rebuild with nothing changed leaves the previous site untouched.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::error::BuildError;

/// The file that marks a folder as a site this tool wrote, so it never replaces another folder.
pub const MARKER: &str = ".article-widget-site";

/// A site being written beside the one it replaces.
pub struct Staging {
    site: PathBuf,
    root: PathBuf,
    previous: Option<PathBuf>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    files: Mutex<HashSet<PathBuf>>,
}

/// What a finished build did to the site's files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileCounts {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

impl Staging {
    /// Prepares `.NAME.partial` beside the site `NAME`, after putting back what an interrupted
    /// swap left. Refuses to replace a folder that is not a site written by this tool.
    pub fn begin(site: &Path) -> Result<Staging, BuildError> {
        let io_error = |path: &Path, error: io::Error| BuildError::Io {
            path: path.to_owned(),
            error,
        };
        let (root, parked) = (beside(site, "partial")?, beside(site, "previous")?);
        // What stands at the build's own names is never followed: a site parked by a swap that
        // stopped halfway is put back only when it is a folder with the marker, and anything
        // else there (a link planted at the name included) is removed itself.
        if let Some(parked_meta) = metadata_of(&parked).map_err(|err| io_error(&parked, err))? {
            let is_site = parked_meta.is_dir() && parked.join(MARKER).is_file();
            let site_exists = metadata_of(site)
                .map_err(|err| io_error(site, err))?
                .is_some();
            if is_site && !site_exists {
                fs::rename(&parked, site).map_err(|err| io_error(site, err))?;
            } else {
                remove(&parked).map_err(|err| io_error(&parked, err))?;
            }
        }
        remove(&root).map_err(|err| io_error(&root, err))?;
        let previous = match fs::read_dir(site) {
            Ok(mut entries) => {
                if entries.next().is_some() && !site.join(MARKER).is_file() {
                    return Err(BuildError::NotASite(site.to_owned()));
                }
                Some(site.to_owned())
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => None,
            Err(err) => return Err(io_error(site, err)),
        };
        // Made new: if anything appeared at the name since it was removed, the build stops.
        fs::create_dir(&root).map_err(|err| io_error(&root, err))?;
        Ok(Staging {
            site: site.to_owned(),
            root,
            previous,
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            files: Mutex::new(HashSet::new()),
        })
    }

    /// Puts a file in the new site at `path` (relative, with `/`): linked from the previous
    /// site when it holds the same bytes there, written otherwise.
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<(), BuildError> {
        let target = self.root.join(path);
        let io_error = |error: io::Error| BuildError::Io {
            path: target.clone(),
            error,
        };
        let old = self.previous.as_ref().map(|site| site.join(path));
        let same = old.as_ref().is_some_and(|old| same_content(old, bytes));
        match old {
            Some(old) if same => {
                in_folder(&target, || link_or_copy(&old, &target)).map_err(io_error)?;
                self.unchanged.fetch_add(1, Ordering::Relaxed);
            }
            _ => {
                in_folder(&target, || write_new(&target, bytes)).map_err(io_error)?;
                self.written.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(PathBuf::from(path));
        Ok(())
    }

    /// A file this build has put, read back.
    pub fn read_back(&self, path: &str) -> Option<String> {
        fs::read_to_string(self.root.join(path)).ok()
    }

    /// Swaps the new site in, unless it is the previous one file for file, in which case the
    /// previous site stays as it was and the new copy is removed.
    pub fn finish(self) -> Result<FileCounts, BuildError> {
        let files = self
            .files
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let old_files = match &self.previous {
            Some(site) => files_under(site).map_err(BuildError::io(site))?,
            None => Vec::new(),
        };
        let removed = old_files.iter().filter(|f| !files.contains(*f)).count();
        let counts = FileCounts {
            written: self.written.into_inner(),
            unchanged: self.unchanged.into_inner(),
            removed,
        };
        let io_error = |path: &Path, error: io::Error| BuildError::Io {
            path: path.to_owned(),
            error,
        };
        if self.previous.is_some() && counts.written == 0 && removed == 0 {
            fs::remove_dir_all(&self.root).map_err(|err| io_error(&self.root, err))?;
            return Ok(counts);
        }
        if self.previous.is_some() {
            // Between these two renames the site's path is briefly empty; `begin` puts the
            // previous site back if the process ends there.
            let parked = beside(&self.site, "previous")?;
            fs::rename(&self.site, &parked).map_err(|err| io_error(&self.site, err))?;
            fs::rename(&self.root, &self.site).map_err(|err| io_error(&self.site, err))?;
            fs::remove_dir_all(&parked).map_err(|err| io_error(&parked, err))?;
        } else {
            if let Some(parent) = self.site.parent().filter(|p| !p.as_os_str().is_empty()) {
                fs::create_dir_all(parent).map_err(|err| io_error(parent, err))?;
            }
            // An empty folder at the site's path (made by hand) is replaced.
            let _ = fs::remove_dir(&self.site);
            fs::rename(&self.root, &self.site).map_err(|err| io_error(&self.site, err))?;
        }
        Ok(counts)
    }
}

/// Runs `make` for a file, making its folders first if they are missing (tried once the
/// file could not be made, so a folder costs no system call per file).
fn in_folder(file: &Path, make: impl Fn() -> io::Result<()>) -> io::Result<()> {
    match make() {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = file.parent() {
                fs::create_dir_all(parent)?;
            }
            make()
        }
        done => done,
    }
}

/// `.NAME.what` beside `site`, on the same file system, so renames are cheap and atomic.
pub(crate) fn beside(site: &Path, what: &str) -> Result<PathBuf, BuildError> {
    let name = site
        .file_name()
        .ok_or_else(|| BuildError::BadOutput(site.to_owned()))?;
    let mut hidden = OsString::from(".");
    hidden.push(name);
    hidden.push(".");
    hidden.push(what);
    Ok(site.with_file_name(hidden))
}

fn same_content(old: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(old).is_ok_and(|content| content == bytes)
}

/// Writes a file that must not exist yet, so nothing at its name is ever written through.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
}

/// A hard link keeps the file's modification time; where links are not possible, a copy is
/// given the old file's time.
fn link_or_copy(old: &Path, target: &Path) -> io::Result<()> {
    if fs::hard_link(old, target).is_ok() {
        return Ok(());
    }
    let mut from = fs::File::open(old)?;
    let mut to = fs::File::options()
        .write(true)
        .create_new(true)
        .open(target)?;
    io::copy(&mut from, &mut to)?;
    to.set_modified(from.metadata()?.modified()?)
}

/// A file's or folder's own metadata (a link's, not its target's); `None` when nothing is there.
fn metadata_of(path: &Path) -> io::Result<Option<fs::Metadata>> {
    match fs::symlink_metadata(path) {
        Ok(meta) => Ok(Some(meta)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err),
    }
}

/// Removes what is at `path`, a folder with all it holds, a file or a link (not its target).
fn remove(path: &Path) -> io::Result<()> {
    match metadata_of(path)? {
        Some(meta) if meta.is_dir() => fs::remove_dir_all(path),
        Some(_) => fs::remove_file(path),
        None => Ok(()),
    }
}

/// Every file under `root`, relative to it.
fn files_under(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(root.join(&folder))? {
            let entry = entry?;
            let relative = folder.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                folders.push(relative);
            } else {
                files.push(relative);
            }
        }
    }
    Ok(files)
}
