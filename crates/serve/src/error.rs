//! Why the server could not start or stopped.

use std::io;
use std::net::SocketAddr;

use article_widget_site::BuildError;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("could not listen on {address}: {error}")]
    Bind {
        address: SocketAddr,
        error: io::Error,
    },
    #[error("could not make a temporary folder for the site: {0}")]
    TemporaryFolder(io::Error),
    #[error("{0}")]
    Build(#[from] BuildError),
    #[error("could not read the built site: {0}")]
    ReadSite(io::Error),
    #[error("a worker thread failed: {0}")]
    Worker(io::Error),
    #[error("could not watch {path} for changes: {error}")]
    Watch { path: String, error: notify::Error },
}
