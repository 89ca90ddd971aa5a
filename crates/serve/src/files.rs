//! A file as the server sends it: its bytes, type, cache policy and ETag worked out once, and
//! its gzip and brotli forms made on first request and kept.

use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::sync::OnceLock;

use bytes::Bytes;
use hyper::header::HeaderValue;

/// An encoding the server can send a file in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    fn suffix(self) -> &'static str {
        match self {
            Encoding::Identity => "",
            Encoding::Gzip => "-gz",
            Encoding::Brotli => "-br",
        }
    }

    pub(crate) fn header(self) -> Option<HeaderValue> {
        match self {
            Encoding::Identity => None,
            Encoding::Gzip => Some(HeaderValue::from_static("gzip")),
            Encoding::Brotli => Some(HeaderValue::from_static("br")),
        }
    }
}

/// How long caches may keep a file without asking again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Freshness {
    /// Pages, answers and feeds change when an article does: caches ask again each time
    /// (a 304 when nothing changed).
    Revalidate,
    /// The widget's files and oEmbed answers: five minutes.
    Minutes,
}

impl Freshness {
    pub(crate) fn header(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Freshness::Revalidate => "public, no-cache",
            Freshness::Minutes => "public, max-age=300",
        })
    }
}

pub(crate) struct Asset {
    pub body: Bytes,
    pub content_type: HeaderValue,
    pub freshness: Freshness,
    /// Open to every origin: the widget's files (a host's page loads the loader as a module
    /// script, with CORS) and oEmbed answers.
    pub cross_origin: bool,
    /// The rebuild that last changed it; open pages reload when theirs is newer.
    pub generation: u64,
    tags: [HeaderValue; 3],
    compressible: bool,
    gzip: OnceLock<Option<Bytes>>,
    brotli: OnceLock<Option<Bytes>>,
}

impl Asset {
    pub(crate) fn new(key: &str, body: Vec<u8>, generation: u64) -> Asset {
        let (content_type, compressible) = content_type(key);
        let in_widget = key.starts_with("widget/");
        Asset::with_type(body, content_type, compressible, generation)
            .cached_for(if in_widget {
                Freshness::Minutes
            } else {
                Freshness::Revalidate
            })
            .open_to_all_origins(in_widget)
    }

    pub(crate) fn with_type(
        body: Vec<u8>,
        content_type: &'static str,
        compressible: bool,
        generation: u64,
    ) -> Asset {
        let mut hasher = DefaultHasher::new();
        hasher.write(&body);
        let tag = format!("{:016x}{:x}", hasher.finish(), body.len());
        let tags = [Encoding::Identity, Encoding::Gzip, Encoding::Brotli]
            .map(|encoding| quoted_tag(&tag, encoding));
        Asset {
            body: Bytes::from(body),
            content_type: HeaderValue::from_static(content_type),
            freshness: Freshness::Revalidate,
            cross_origin: false,
            generation,
            tags,
            compressible,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
        }
    }

    pub(crate) fn cached_for(mut self, freshness: Freshness) -> Asset {
        self.freshness = freshness;
        self
    }

    pub(crate) fn open_to_all_origins(mut self, open: bool) -> Asset {
        self.cross_origin = open;
        self
    }

    pub(crate) fn compressible(&self) -> bool {
        self.compressible
    }

    /// The strong ETag of the file in an encoding: each encoding is its own representation.
    pub(crate) fn etag(&self, encoding: Encoding) -> &HeaderValue {
        match encoding {
            Encoding::Identity => &self.tags[0],
            Encoding::Gzip => &self.tags[1],
            Encoding::Brotli => &self.tags[2],
        }
    }

    /// Whether an `If-None-Match` names any representation of this file.
    pub(crate) fn matches(&self, if_none_match: &[u8]) -> bool {
        let Ok(list) = std::str::from_utf8(if_none_match) else {
            return false;
        };
        list.split(',').map(str::trim).any(|tag| {
            let tag = tag.strip_prefix("W/").unwrap_or(tag);
            tag == "*"
                || self
                    .tags
                    .iter()
                    .any(|ours| ours.as_bytes() == tag.as_bytes())
        })
    }

    /// The body in an encoding, made once; `None` when it would be no smaller.
    pub(crate) fn encoded(&self, encoding: Encoding) -> Option<&Bytes> {
        let made = match encoding {
            Encoding::Identity => return Some(&self.body),
            Encoding::Gzip => self
                .gzip
                .get_or_init(|| smaller(&self.body, gzip(&self.body))),
            Encoding::Brotli => self
                .brotli
                .get_or_init(|| smaller(&self.body, brotli(&self.body))),
        };
        made.as_ref()
    }
}

fn quoted_tag(tag: &str, encoding: Encoding) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{tag}{}\"", encoding.suffix()))
        .unwrap_or_else(|_| HeaderValue::from_static("\"\""))
}

fn smaller(body: &[u8], encoded: Vec<u8>) -> Option<Bytes> {
    (encoded.len() + 64 < body.len()).then(|| Bytes::from(encoded))
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(body);
    encoder.finish().unwrap_or_default()
}

fn brotli(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &body[..], &mut out, &params);
    out
}

/// The content type of a site file by its name, and whether it is worth compressing.
fn content_type(key: &str) -> (&'static str, bool) {
    let name = key.rsplit('/').next().unwrap_or(key);
    if name == "feed.xml" {
        return ("application/atom+xml; charset=utf-8", true);
    }
    let extension = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    match extension.to_ascii_lowercase().as_str() {
        "html" => ("text/html; charset=utf-8", true),
        "js" | "mjs" => ("text/javascript; charset=utf-8", true),
        "css" => ("text/css; charset=utf-8", true),
        "json" => ("application/json", true),
        "xml" => ("application/xml; charset=utf-8", true),
        "svg" => ("image/svg+xml", true),
        "txt" => ("text/plain; charset=utf-8", true),
        "wasm" => ("application/wasm", true),
        "png" => ("image/png", false),
        "jpg" | "jpeg" => ("image/jpeg", false),
        "webp" => ("image/webp", false),
        "avif" => ("image/avif", false),
        "ico" => ("image/x-icon", true),
        _ => ("application/octet-stream", false),
    }
}

/// The encoding to answer in, by the request's `Accept-Encoding`: brotli, then gzip, when
/// offered with a quality above zero.
pub(crate) fn negotiate(accept_encoding: Option<&[u8]>) -> Encoding {
    let Some(text) = accept_encoding.and_then(|bytes| std::str::from_utf8(bytes).ok()) else {
        return Encoding::Identity;
    };
    let offered = |wanted: &str| {
        text.split(',').any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused = parts.any(|param| {
                param
                    .strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            name.eq_ignore_ascii_case(wanted) && !refused
        })
    };
    if offered("br") {
        Encoding::Brotli
    } else if offered("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_chosen_by_what_the_client_offers() {
        assert_eq!(negotiate(None), Encoding::Identity);
        assert_eq!(
            negotiate(Some(b"gzip, deflate, br, zstd")),
            Encoding::Brotli
        );
        assert_eq!(negotiate(Some(b"gzip;q=1.0, br;q=0")), Encoding::Gzip);
        assert_eq!(negotiate(Some(b"identity")), Encoding::Identity);
    }

    #[test]
    fn an_etag_matches_any_encoding_of_the_same_bytes_and_no_other() {
        let page = Asset::new("krebs/index.html", b"<p>hello</p>".repeat(50), 1);
        let other = Asset::new("krebs/index.html", b"<p>hullo</p>".repeat(50), 1);
        let tag = page.etag(Encoding::Gzip).as_bytes().to_vec();
        assert!(page.matches(&tag));
        assert!(page.matches(b"\"nope\", W/\"x\", *"));
        assert!(!other.matches(&tag));
        assert!(page.encoded(Encoding::Brotli).unwrap().len() < page.body.len());
    }
}
