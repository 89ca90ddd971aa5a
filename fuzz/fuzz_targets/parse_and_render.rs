//! Any bytes, as an article response: parsing, validation and pre-rendering must not panic.
//! Run with `RUSTC_BOOTSTRAP=1 cargo fuzz run parse_and_render` (see the README).
#![no_main]

use article_widget::load::parse_json_bytes;
use article_widget::model::Json;
use article_widget::ssr::{render_fragment, render_page, RenderOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(checked) = parse_json_bytes(bytes, Some("https://example.test/feeds/article.json")) {
        let source = Json::parse(&String::from_utf8_lossy(bytes)).unwrap_or(Json::Null);
        let options = RenderOptions::default();
        render_page(&checked.article, &source, &options);
        render_fragment(&checked.article, &source, &options);
    }
});
