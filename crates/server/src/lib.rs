//! The widget's pre-rendering for JavaScript servers (`article-widget/server` in the npm
//! package): `article_widget::ssr` behind wasm-bindgen, built for wasm32 and run by Node and
//! edge runtimes. The JavaScript around it (static/server/) loads the WebAssembly the way each
//! runtime can, checks the options' types and turns a failure into an `ArticleError`.

use std::rc::Rc;

use article_widget::components::{HeadingLevel, Theme};
use article_widget::load::{read_article_bytes, LoadError};
use article_widget::model::{is_absolute_http_url, Problem, Severity};
use article_widget::ssr::{card_markup, render_fragment, render_page, RenderOptions};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// What to render from an article.
#[derive(Debug, Clone)]
pub enum Output {
    /// The embed element, as `article-widget render --fragment` writes it (without its line end).
    Fragment(RenderOptions),
    /// The whole page, as `article-widget render` writes it.
    Page(RenderOptions),
    /// The oEmbed card linking to `href` (the article's own `url` when `None`).
    Card { href: Option<String> },
}

/// Markup, and the warnings the command line prints for the same article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub warnings: Vec<Problem>,
}

/// Why nothing was rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// The article could not be read or is not valid.
    Article(LoadError),
    /// A card with no address to link to.
    NoCardLink,
}

/// Checks an article given as its file's bytes, then renders it.
pub fn render(article: Vec<u8>, output: &Output) -> Result<Rendered, RenderError> {
    let file = read_article_bytes(article, None).map_err(RenderError::Article)?;
    let article = &file.checked.article;
    let html = match output {
        Output::Fragment(options) => render_fragment(article, &file.source, options),
        Output::Page(options) => render_page(article, &file.source, options),
        Output::Card { href } => {
            let href = href
                .as_deref()
                .or(article
                    .url
                    .as_deref()
                    .filter(|url| is_absolute_http_url(url)))
                .ok_or(RenderError::NoCardLink)?;
            card_markup(&Rc::new(article.clone()), href)
        }
    };
    Ok(Rendered {
        html,
        warnings: file.checked.warnings,
    })
}

/// The options of the command line's `render`, from JavaScript's: an error names the option.
pub fn render_options(
    theme: &str,
    heading_level: f64,
    assets: String,
    shadow: bool,
) -> Result<RenderOptions, String> {
    let theme = Theme::parse(theme)
        .ok_or_else(|| format!("theme: `{theme}` is not auto, light or dark"))?;
    let heading_level = Some(heading_level)
        .filter(|level| level.fract() == 0.0 && (1.0..=5.0).contains(level))
        .and_then(|level| HeadingLevel::new(level as u8))
        .ok_or_else(|| format!("headingLevel: `{heading_level}` is not 1 to 5"))?;
    Ok(RenderOptions {
        assets,
        theme,
        heading_level,
        shadow,
    })
}

/// `render --fragment`: resolves to `{ html, warnings }`; see static/server/render.js.
#[wasm_bindgen(js_name = renderFragment)]
pub fn render_fragment_js(
    article: Vec<u8>,
    theme: &str,
    heading_level: f64,
    assets: String,
    shadow: bool,
) -> Result<JsValue, JsValue> {
    let options = render_options(theme, heading_level, assets, shadow).map_err(range_error)?;
    to_js(render(article, &Output::Fragment(options)))
}

/// `render`: the whole page.
#[wasm_bindgen(js_name = renderPage)]
pub fn render_page_js(
    article: Vec<u8>,
    theme: &str,
    heading_level: f64,
    assets: String,
) -> Result<JsValue, JsValue> {
    let options = render_options(theme, heading_level, assets, false).map_err(range_error)?;
    to_js(render(article, &Output::Page(options)))
}

/// The oEmbed card linking to `href`, or to the article's `url` when `href` is undefined.
#[wasm_bindgen(js_name = renderCard)]
pub fn render_card_js(article: Vec<u8>, href: Option<String>) -> Result<JsValue, JsValue> {
    to_js(render(article, &Output::Card { href }))
}

fn range_error(message: String) -> JsValue {
    js_sys::RangeError::new(&message).into()
}

/// `{ html, warnings }`, or the failure as a plain object that render.js makes an
/// `ArticleError` of.
fn to_js(rendered: Result<Rendered, RenderError>) -> Result<JsValue, JsValue> {
    match rendered {
        Ok(rendered) => Ok(object(&[
            ("html", rendered.html.into()),
            ("warnings", problems(&rendered.warnings)),
        ])),
        Err(RenderError::NoCardLink) => Err(js_sys::TypeError::new(
            "renderCard: give options.href, or an article with an absolute http(s) url",
        )
        .into()),
        Err(RenderError::Article(err)) => Err(article_failure(&err)),
    }
}

/// The message the command line prints after the file's name, the path of the first error
/// (`.` for the whole document), and every problem found.
fn article_failure(err: &LoadError) -> JsValue {
    let (path, every, omitted) = match &err.invalid {
        Some(invalid) => (
            invalid.path.clone(),
            invalid.problems().collect(),
            invalid.omitted(),
        ),
        None => (
            ".".to_owned(),
            vec![Problem::error(".", err.details.clone())],
            0,
        ),
    };
    object(&[
        ("message", err.details.clone().into()),
        ("path", path.into()),
        ("problems", problems(&every)),
        ("omitted", (omitted as f64).into()),
    ])
}

fn problems(problems: &[Problem]) -> JsValue {
    problems
        .iter()
        .map(|problem| {
            let severity = match problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            object(&[
                ("path", problem.path.clone().into()),
                ("message", problem.message.clone().into()),
                ("severity", severity.into()),
            ])
        })
        .collect::<Array>()
        .into()
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        // Setting a field of a new plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_widget::load::MAX_ARTICLE_BYTES;

    #[test]
    fn options_are_checked_as_the_command_line_checks_them() {
        assert!(render_options("Dark", 5.0, String::new(), true).is_ok());
        assert_eq!(
            render_options("sepia", 1.0, String::new(), true).unwrap_err(),
            "theme: `sepia` is not auto, light or dark"
        );
        for level in [0.0, 2.5, 6.0, f64::NAN, 257.0] {
            let err = render_options("auto", level, String::new(), true).unwrap_err();
            assert!(err.starts_with("headingLevel: "), "{err}");
        }
    }

    #[test]
    fn a_card_needs_somewhere_to_link_to() {
        let article =
            br#"{ "headline": "A headline", "body": [{ "type": "paragraph", "text": "One." }] }"#;
        let card = Output::Card { href: None };
        assert_eq!(
            render(article.to_vec(), &card),
            Err(RenderError::NoCardLink)
        );
        let card = Output::Card {
            href: Some("https://news.example/a".into()),
        };
        let html = render(article.to_vec(), &card).unwrap().html;
        assert!(html.contains(r#"href="https://news.example/a""#), "{html}");
    }

    #[test]
    fn too_many_bytes_are_refused_as_a_file_of_them_is() {
        let err = render(
            vec![b' '; 3 * MAX_ARTICLE_BYTES],
            &Output::Page(Default::default()),
        );
        let Err(RenderError::Article(err)) = err else {
            panic!("refused")
        };
        assert_eq!(
            err.details,
            format!(
                "{} bytes or more; the limit is {MAX_ARTICLE_BYTES} bytes",
                MAX_ARTICLE_BYTES + 1
            )
        );
    }
}
