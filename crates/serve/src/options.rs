//! What to serve, and where.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The folder of article JSON files, as `article-widget build` reads it.
    pub articles: PathBuf,
    /// The built widget (dist/), whose own files the site carries in `widget/`.
    pub widget: PathBuf,
    pub host: IpAddr,
    /// 0 for any free port.
    pub port: u16,
    /// The address the site is reached at, when not `http://HOST:PORT/` (behind a CDN or a
    /// proxy): every URL in the pages and the oEmbed answers starts with it.
    pub base_url: Option<String>,
    /// The site's name; by default the base URL's host.
    pub title: Option<String>,
    /// Watch the folder, rebuild on change and reload open pages (a script is added to each
    /// page as it is served). Off, the site is built once and served as it is.
    pub watch: bool,
    /// How long a client may take to send a request's header, or to start the next one on a
    /// kept-alive connection, before its connection is closed (`HEADER_TIMEOUT`, 10 s).
    pub header_timeout: Duration,
}
