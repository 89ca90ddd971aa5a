//! The one IO seam: where articles come from. In the browser an article is fetched over HTTP
//! or handed over as a JavaScript object; natively it is read from a file.

use std::borrow::Cow;
use std::fmt;

use crate::model::{Article, ArticleError, Checked, Failure, Labels};

/// A fetch that has not finished after this long is abandoned.
pub const FETCH_TIMEOUT_MS: u32 = 10_000;
/// The largest article response read, in bytes. A 1,000-paragraph article is about 300 KB.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// Why an article could not be loaded: what the reader is told (in their language, see
/// `Labels::failure`), and the details for the developer's console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub failure: Failure,
    pub details: String,
}

impl LoadError {
    pub fn new(failure: Failure, details: impl Into<String>) -> Self {
        LoadError {
            failure,
            details: details.into(),
        }
    }

    /// The sentence the reader sees, in the language of `labels`.
    pub fn reader_message(&self, labels: &Labels) -> String {
        labels.failure(self.failure)
    }
}

impl From<ArticleError> for LoadError {
    fn from(err: ArticleError) -> Self {
        let failure = if err.is_not_json() {
            Failure::NotReadable
        } else {
            Failure::Invalid
        };
        LoadError::new(failure, err.to_string())
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let english = Labels::for_lang("en");
        write!(f, "{} ({})", self.reader_message(&english), self.details)
    }
}

/// Checks an article given as JSON text; `location` is where it was fetched from, if it was.
pub fn parse_json_text(text: &str, location: Option<&str>) -> Result<Checked, LoadError> {
    Ok(Article::from_json_at(text, location)?)
}

/// Checks an article response body; see `decode`.
pub fn parse_json_bytes(bytes: &[u8], location: Option<&str>) -> Result<Checked, LoadError> {
    parse_json_text(&decode(bytes, location.unwrap_or("the article"))?, location)
}

/// An article's bytes as text: over `MAX_ARTICLE_BYTES` they are refused, and invalid UTF-8 is
/// read with replacement characters, as browsers read text.
fn decode<'a>(bytes: &'a [u8], what: &str) -> Result<Cow<'a, str>, LoadError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(bytes.len(), what));
    }
    Ok(String::from_utf8_lossy(bytes))
}

fn too_large(size: usize, what: &str) -> LoadError {
    LoadError::new(
        Failure::TooLarge,
        format!("{what}: {size} bytes or more; the limit is {MAX_ARTICLE_BYTES} bytes"),
    )
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::Read;
    use std::path::Path;

    use serde_json::Value;

    use super::{decode, Article, ArticleError, Checked, Failure, LoadError, MAX_ARTICLE_BYTES};
    use crate::model::Json;

    /// Reads and checks an article from a JSON file (`-` for standard input), with the
    /// browser's byte cap. Also returns the JSON itself, which pre-rendered pages carry inline.
    pub fn read_article(path: &Path) -> Result<(Value, Checked), LoadError> {
        let unreadable = |err: std::io::Error| {
            LoadError::new(
                Failure::UnreadableFile,
                format!("{}: {err}", path.display()),
            )
        };
        let mut bytes = Vec::new();
        let limit = MAX_ARTICLE_BYTES as u64 + 1;
        if path == Path::new("-") {
            std::io::stdin()
                .take(limit)
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
        } else {
            std::fs::File::open(path)
                .and_then(|f| f.take(limit).read_to_end(&mut bytes))
                .map_err(unreadable)?;
        }
        let text = decode(&bytes, &path.display().to_string())?;
        let json = Json::parse(&text).map_err(ArticleError::not_json)?;
        let checked = Article::from_parsed(&json, None)?;
        Ok((to_value(&json), checked))
    }

    /// The parsed JSON as serde_json's, to write out again. A number beyond a double's range
    /// (which serde_json cannot hold) becomes null, as `JSON.stringify` writes Infinity.
    pub fn to_value(json: &Json) -> Value {
        match json {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => serde_json::from_str(n).unwrap_or(Value::Null),
            Json::String(s) => Value::String(s.clone()),
            Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(key, value)| (key.clone(), to_value(value)))
                    .collect(),
            ),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{read_article, to_value};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::Cell;
    use std::rc::Rc;

    use gloo::net::http::{Request, Response};
    use gloo::timers::callback::Timeout;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{AbortController, ReadableStreamDefaultReader};

    use super::{
        parse_json_bytes, Checked, Failure, LoadError, FETCH_TIMEOUT_MS, MAX_ARTICLE_BYTES,
    };

    /// Fetches and checks an article, giving up after `FETCH_TIMEOUT_MS` or past
    /// `MAX_ARTICLE_BYTES`.
    pub async fn fetch_article(url: &str) -> Result<Checked, LoadError> {
        let controller = AbortController::new().ok();
        let timed_out = Rc::new(Cell::new(false));
        let _timeout = controller.clone().map(|controller| {
            let timed_out = timed_out.clone();
            Timeout::new(FETCH_TIMEOUT_MS, move || {
                timed_out.set(true);
                controller.abort();
            })
        });
        let network_error = |err: String| {
            if timed_out.get() {
                LoadError::new(
                    Failure::TimedOut,
                    format!(
                        "GET {url}: no complete answer after {} s",
                        FETCH_TIMEOUT_MS / 1000
                    ),
                )
            } else {
                LoadError::new(Failure::Unreachable, format!("GET {url}: {err}"))
            }
        };

        let signal = controller.as_ref().map(AbortController::signal);
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|err| network_error(err.to_string()))?;
        if !response.ok() {
            let failure = match response.status() {
                404 | 410 => Failure::NotFound,
                status => Failure::ServerError(status),
            };
            return Err(LoadError::new(
                failure,
                format!(
                    "GET {url}: HTTP {} {}",
                    response.status(),
                    response.status_text()
                ),
            ));
        }
        let bytes = read_capped(&response).await.map_err(|err| match err {
            Capped::TooLarge(size) => super::too_large(size, &format!("GET {url}")),
            Capped::Failed(why) => network_error(why),
        })?;
        let location = Some(response.url()).filter(|u| !u.is_empty());
        parse_json_bytes(&bytes, location.as_deref()).map_err(|err| LoadError {
            details: format!("{url}: {}", err.details),
            ..err
        })
    }

    enum Capped {
        TooLarge(usize),
        Failed(String),
    }

    /// The response body, read chunk by chunk so an oversized one is cut off, not buffered.
    async fn read_capped(response: &Response) -> Result<Vec<u8>, Capped> {
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|l| l.parse::<usize>().ok());
        if let Some(size) = declared.filter(|&size| size > MAX_ARTICLE_BYTES) {
            return Err(Capped::TooLarge(size));
        }
        let Some(body) = response.body() else {
            return Ok(Vec::new());
        };
        let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        let failed = |err: JsValue| Capped::Failed(describe(&err));
        let mut bytes = Vec::with_capacity(declared.unwrap_or(16 * 1024));
        loop {
            let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
            let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(failed)?;
            if done.as_bool().unwrap_or(true) {
                return Ok(bytes);
            }
            let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &"value".into())
                .map_err(failed)?
                .unchecked_into();
            let start = bytes.len();
            let end = start + value.length() as usize;
            if end > MAX_ARTICLE_BYTES {
                let _ = reader.cancel();
                return Err(Capped::TooLarge(end));
            }
            bytes.resize(end, 0);
            value.copy_to(&mut bytes[start..]);
        }
    }

    fn describe(err: &JsValue) -> String {
        err.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{err:?}"))
    }

    #[wasm_bindgen]
    extern "C" {
        type TextEncoder;
        #[wasm_bindgen(constructor)]
        fn new() -> TextEncoder;
        /// UTF-8 of a JavaScript string, made by the browser.
        #[wasm_bindgen(method)]
        fn encode(this: &TextEncoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
    }

    /// Checks an article given as a JavaScript object. It is read as the JSON it stands for,
    /// by the same parser as text, so a publisher gets the same message either way. The
    /// browser writes the JSON and its UTF-8, so it reaches the wasm in one copy.
    pub fn article_from_js(value: JsValue) -> Result<Checked, LoadError> {
        let text = js_sys::JSON::stringify(&value)
            .map_err(|err| describe(&err))
            .and_then(|text| {
                text.is_string()
                    .then_some(text)
                    .ok_or_else(|| "not an object".to_owned())
            })
            .map_err(|why| LoadError::new(Failure::NotReadable, format!("not JSON: {why}")))?;
        parse_json_bytes(&TextEncoder::new().encode(&text).to_vec(), None)
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{article_from_js, fetch_article};
