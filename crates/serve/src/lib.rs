//! `article-widget serve`: a folder of articles built with `article_widget_site::build` into a
//! temporary folder, held in memory and served over HTTP/1.1, with an oEmbed endpoint that
//! fits its answer to the consumer's limits. The folder is watched: a change rebuilds the site
//! (unchanged files are kept as they were), and open pages reload when their own file changed.
//! An article that turns bad keeps its last good pages and shows its problem in every open
//! page.
//!
//! The library prints nothing: `Server` returns values and errors, and tells of each rebuild
//! through `Server::rebuilds`.

mod error;
mod files;
mod live;
mod oembed;
mod options;
mod request_path;
mod respond;
mod server;
mod site;
mod watch;

pub use error::ServeError;
pub use options::ServeOptions;
pub use server::{shutdown_signal, Server, HEADER_TIMEOUT};
pub use site::Rebuilt;
