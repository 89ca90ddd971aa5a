//! Helpers for the native tests that run the `article-widget` binary as a user would.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

pub const CLI: &str = env!("CARGO_BIN_EXE_article-widget");

/// The repository's root, where the articles, fixtures and the widget's files are.
pub const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Runs the binary from the repository's root folder, so paths like `static/articles/krebs.json` work.
pub fn run(args: &[&str]) -> Output {
    Command::new(CLI)
        .args(args)
        .current_dir(REPO)
        .output()
        .expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("the binary writes UTF-8")
}

/// A fresh, empty folder for one test, under Cargo's temporary folder for integration tests.
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(suite)
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
