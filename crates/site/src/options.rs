//! What to build, from where, to where.

use std::path::PathBuf;
use std::str::FromStr;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The folder of article JSON files (`*.json`, not its subfolders).
    pub articles: PathBuf,
    /// Where the site will be served from: an absolute http(s) URL.
    pub base_url: String,
    /// The site's folder, replaced as a whole when the build succeeds.
    pub output: PathBuf,
    /// The built widget (dist/), whose own files are copied into the site.
    pub widget: PathBuf,
    /// The site's name in its index and feeds; by default the base URL's host.
    pub title: Option<String>,
    pub shard: Option<Shard>,
    /// Also write `sitemap-news.xml`, Google's News sitemap of the last two days' articles.
    pub news: bool,
    /// A deployed oEmbed endpoint that the pages' discovery links point at
    /// (`ENDPOINT?url=PAGE&format=json`) instead of each article's static oembed.json.
    pub oembed_endpoint: Option<String>,
}

/// One of `count` builds that share a site between machines: each writes the pages of the
/// articles whose slug's CRC-32 (IEEE) modulo `count` is `index - 1`, and all of them write the
/// same index pages, feeds and sitemap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1 to `count`.
    pub index: u32,
    pub count: u32,
}

impl Shard {
    pub fn owns(&self, slug: &str) -> bool {
        crc32fast::hash(slug.as_bytes()) % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let wrong = || format!("`{text}` is not a shard such as 1/4 (the first of four)");
        let (index, count) = text.split_once('/').ok_or_else(wrong)?;
        let index: u32 = index.trim().parse().map_err(|_| wrong())?;
        let count: u32 = count.trim().parse().map_err(|_| wrong())?;
        if count == 0 || index == 0 || index > count {
            return Err(wrong());
        }
        Ok(Shard { index, count })
    }
}
