//! The one IO seam: where articles come from. In the browser an article is fetched over HTTP
//! or handed over as a JavaScript object; natively it is read from a file.

use std::fmt;

use crate::model::ArticleError;

/// Why an article could not be loaded: a plain sentence for the reader, and the details for
/// the developer's console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub reader_message: String,
    pub details: String,
}

impl LoadError {
    fn new(reader_message: impl Into<String>, details: impl Into<String>) -> Self {
        LoadError {
            reader_message: reader_message.into(),
            details: details.into(),
        }
    }
}

impl From<ArticleError> for LoadError {
    fn from(err: ArticleError) -> Self {
        LoadError::new(
            "The article has a mistake in it and cannot be shown.",
            err.to_string(),
        )
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} ({})", self.reader_message, self.details)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;

    use super::LoadError;
    use crate::model::{Article, Checked};

    /// Reads and checks an article from a JSON file.
    pub fn read_article(path: &Path) -> Result<Checked, LoadError> {
        let text = std::fs::read_to_string(path).map_err(|err| {
            LoadError::new(
                "The article file could not be read.",
                format!("{}: {err}", path.display()),
            )
        })?;
        Ok(Article::from_json(&text)?)
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::read_article;

#[cfg(target_arch = "wasm32")]
mod browser {
    use gloo::net::http::Request;
    use wasm_bindgen::JsValue;

    use super::LoadError;
    use crate::model::{Article, Checked};

    /// Fetches and checks an article from a URL.
    pub async fn fetch_article(url: &str) -> Result<Checked, LoadError> {
        let response = Request::get(url).send().await.map_err(|err| {
            LoadError::new(
                "The article could not be reached.",
                format!("GET {url}: {err}"),
            )
        })?;
        if !response.ok() {
            return Err(LoadError::new(
                "The article could not be found.",
                format!(
                    "GET {url}: HTTP {} {}",
                    response.status(),
                    response.status_text()
                ),
            ));
        }
        let text = response.text().await.map_err(|err| {
            LoadError::new(
                "The article could not be downloaded.",
                format!("GET {url}: {err}"),
            )
        })?;
        parse_json_text(&text).map_err(|err| LoadError {
            details: format!("{url}: {}", err.details),
            ..err
        })
    }

    /// Checks an article given as JSON text.
    pub fn parse_json_text(text: &str) -> Result<Checked, LoadError> {
        let value = js_sys::JSON::parse(text).map_err(|err| {
            let why = js_sys::Error::from(err).message();
            LoadError::new(
                "The article is not in a format the widget can read.",
                format!("not JSON: {why}"),
            )
        })?;
        article_from_js(value)
    }

    /// Checks an article given as a JavaScript object.
    pub fn article_from_js(value: JsValue) -> Result<Checked, LoadError> {
        Ok(Article::from_deserializer(
            serde_wasm_bindgen::Deserializer::from(value),
        )?)
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{article_from_js, fetch_article, parse_json_text};

/// Checks an article given as JSON text (native).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json_text(text: &str) -> Result<crate::model::Checked, LoadError> {
    Ok(crate::model::Article::from_json(text)?)
}
