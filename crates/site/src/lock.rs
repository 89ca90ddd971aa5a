//! One build at a time into one site: a build holds an exclusive lock on `.NAME.lock` beside
//! the site `NAME` from before it reads anything until its site is swapped in, and another
//! build into the same folder fails at once instead of removing the first one's new site.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use crate::error::BuildError;
use crate::output::beside;

/// The held lock; dropping it removes the lock file and releases the lock.
pub(crate) struct OutputLock {
    path: PathBuf,
    _file: File,
}

impl OutputLock {
    pub fn acquire(site: &Path) -> Result<OutputLock, BuildError> {
        let path = beside(site, "lock")?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
        }
        // The build that held the lock removes its file as it ends: a lock taken on a file
        // that is no longer at the path protects nothing, so it is taken again on the new one.
        loop {
            // No build makes a link here: one planted at the name is removed, not followed.
            if fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_symlink()) {
                fs::remove_file(&path).map_err(BuildError::io(&path))?;
            }
            let file = open_not_following(&path).map_err(BuildError::io(&path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(BuildError::Locked {
                        site: site.to_owned(),
                        lock: path,
                    })
                }
                Err(fs::TryLockError::Error(error)) => {
                    return Err(BuildError::Io { path, error });
                }
            }
            if still_at(&file, &path).map_err(BuildError::io(&path))? {
                return Ok(OutputLock { path, _file: file });
            }
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked, so no other build can lock this file once it is gone.
        let _ = fs::remove_file(&self.path);
    }
}

/// Opens or creates the lock file, refusing a symbolic link planted at its name.
fn open_not_following(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Whether `file` is the file at `path`.
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let held = file.metadata()?;
    match fs::symlink_metadata(path) {
        Ok(at_path) => Ok(held.dev() == at_path.dev() && held.ino() == at_path.ino()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(err),
    }
}

#[cfg(not(unix))]
fn still_at(_: &File, _: &Path) -> io::Result<bool> {
    Ok(true)
}
