//! Native pre-rendering time, for `./dev bench` (scripts/bench.mjs reads the JSON it prints).
//! Each figure is the median of many renders of the whole widget markup or page.

use std::time::Instant;

use article_widget::model::{Article, Json};
use article_widget::ssr::{render_page, widget_markup, RenderOptions};
use serde_json::{json, Value};

fn median_micros(runs: usize, mut work: impl FnMut()) -> f64 {
    for _ in 0..runs.min(20) {
        work();
    }
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let seed_text = include_str!("../static/articles/krebs.json");
    let mut large_value: Value = serde_json::from_str(seed_text).unwrap();
    large_value["body"] = Value::Array(
        (0..1000)
            .map(|i| json!({ "type": "paragraph", "text": format!("Paragraph {i}: US president Donald Trump has fired his cyber security chief for disputing claims of fraudulent activity in the presidential elections.") }))
            .collect(),
    );
    let large_text = large_value.to_string();
    let options = RenderOptions::default();
    let mut results = Vec::new();
    for (name, text, value, runs) in [
        ("seed", seed_text, &Json::parse(seed_text).unwrap(), 2000),
        (
            "large",
            large_text.as_str(),
            &Json::parse(&large_text).unwrap(),
            50,
        ),
    ] {
        let article = Article::from_json(text).unwrap().article;
        let markup = median_micros(runs, || {
            std::hint::black_box(widget_markup(&article, &options));
        });
        let page = median_micros(runs, || {
            std::hint::black_box(render_page(&article, value, &options));
        });
        let parse = median_micros(runs, || {
            std::hint::black_box(Article::from_json(text).unwrap());
        });
        results.push(json!({ "article": name, "runs": runs, "markup_us": markup, "page_us": page, "parse_us": parse }));
    }
    println!("{}", Value::Array(results));
}
