//! Reloading open pages: a script added to each page as it is served, and the Server-Sent
//! Events it listens to. An event tells a page whether its own file is newer than the page
//! and what the last build left out.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::StreamBody;
use hyper::body::Frame;
use serde_json::json;

use crate::request_path::site_key;
use crate::respond::{Body, State};
use crate::site::Snapshot;

/// Where the script and the events are served: outside any site path (a slug has no `_`
/// at its start).
pub(crate) const SCRIPT_PATH: &str = "/__article-widget/live.js";
pub(crate) const EVENTS_PATH: &str = "/__article-widget/events";
pub(crate) const SCRIPT: &str = include_str!("live-reload.js");
/// A comment now and then keeps proxies from closing a quiet stream.
const KEEP_ALIVE: Duration = Duration::from_secs(20);

/// A page with the script before its `</body>`, told which build it is from.
pub(crate) fn with_reload_script(page: &[u8], generation: u64) -> Vec<u8> {
    let tag =
        format!("<script src=\"{SCRIPT_PATH}\" data-generation=\"{generation}\" defer></script>\n");
    let at = page
        .windows(7)
        .rposition(|window| window.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + tag.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

/// The event stream of one page: the state at once, then at each build, until the server
/// stops.
pub(crate) fn events(state: &Arc<State>, query: Option<&str>) -> Body {
    let (path, since) = page_and_build(query.unwrap_or_default());
    let key = site_key(&path);
    let snapshots = state.snapshots.subscribe();
    let stopping = state.stopping.subscribe();
    let stream = futures_util::stream::unfold(
        (snapshots, stopping, true),
        move |(mut snapshots, mut stopping, first)| {
            let key = key.clone();
            async move {
                if !first {
                    let woken = tokio::select! {
                        changed = snapshots.changed() => match changed {
                            Ok(()) => Wake::Built,
                            Err(_) => Wake::Stop,
                        },
                        _ = stopping.wait_for(|stopping| *stopping) => Wake::Stop,
                        () = tokio::time::sleep(KEEP_ALIVE) => Wake::Quiet,
                    };
                    match woken {
                        Wake::Stop => return None,
                        Wake::Quiet => {
                            let comment = Frame::data(Bytes::from_static(b": still here\n\n"));
                            return Some((Ok(comment), (snapshots, stopping, false)));
                        }
                        Wake::Built => {}
                    }
                }
                let snapshot = Arc::clone(&snapshots.borrow_and_update());
                let event = Frame::data(event(&snapshot, key.as_deref(), since));
                Some((Ok::<_, Infallible>(event), (snapshots, stopping, false)))
            }
        },
    );
    Body::new(StreamBody::new(stream))
}

/// Why an event stream woke.
enum Wake {
    Built,
    Quiet,
    Stop,
}

fn event(snapshot: &Snapshot, key: Option<&str>, since: u64) -> Bytes {
    let reload = key.is_some_and(|key| {
        snapshot
            .files
            .get(key)
            .map_or(since > 0, |asset| asset.generation > since)
    });
    let problems: Vec<_> = snapshot
        .problems
        .iter()
        .map(|problem| json!({ "file": problem.file.display().to_string(), "message": problem.message }))
        .collect();
    let data = json!({ "reload": reload, "problems": problems });
    Bytes::from(format!("data: {data}\n\n"))
}

/// `path` and `since` from the events' query.
fn page_and_build(query: &str) -> (String, u64) {
    let mut path = String::from("/");
    let mut since = 0;
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match &*name {
            "path" => path = value.into_owned(),
            "since" => since = value.parse().unwrap_or(0),
            _ => {}
        }
    }
    (path, since)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end_tag() {
        let page = with_reload_script(b"<body><p>x</p></BODY>\n</html>", 3);
        let page = String::from_utf8(page).unwrap();
        assert!(page.starts_with("<body><p>x</p><script src=\"/__article-widget/live.js\" data-generation=\"3\" defer></script>\n</BODY>"));
    }
}
