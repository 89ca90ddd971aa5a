//! No code path turns article content into HTML: the source holds none of the ways to do it.

use std::path::Path;

/// Every API that parses a string as markup or code, in Rust (web-sys, Yew) and JavaScript.
const FORBIDDEN: &[&str] = &[
    "inner_html",
    "outer_html",
    "insert_adjacent_html",
    "set_html_unsafe",
    "from_html_unchecked",
    "VRaw",
    "create_contextual_fragment",
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "setHTMLUnsafe",
    "createContextualFragment",
    "document.write",
    "eval(",
    "new Function",
    "srcdoc",
];

fn sources(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "js" || e == "html")
        {
            found.push(path);
        }
    }
}

#[test]
fn the_source_never_turns_text_into_markup() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    sources(&root.join("static"), &mut files);
    files.push(root.join("index.html"));
    assert!(
        files.len() > 20,
        "the scan sees the sources ({} files)",
        files.len()
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (number, line) in text.lines().enumerate() {
            for word in FORBIDDEN.iter().filter(|w| line.contains(**w)) {
                offences.push(format!(
                    "{}:{}: {word}",
                    file.strip_prefix(root).unwrap().display(),
                    number + 1
                ));
            }
        }
    }
    assert_eq!(offences, Vec::<String>::new());
}
