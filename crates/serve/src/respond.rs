//! One request, one response: the site's files, the oEmbed endpoint and the reload events.
//! `GET` and `HEAD` only; conditional requests by ETag; gzip or brotli by `Accept-Encoding`.

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full};
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use tokio::sync::watch;

use crate::files::{negotiate, Asset, Encoding, Freshness};
use crate::live;
use crate::oembed::{self, Refusal};
use crate::request_path::site_key;
use crate::site::Snapshot;

pub(crate) type Body = UnsyncBoxBody<Bytes, Infallible>;

/// The most a request may carry in its body; the server reads none.
pub(crate) const MAX_REQUEST_BODY: u64 = 64 * 1024;
pub(crate) const OEMBED_PATH: &str = "/oembed";

/// What every request reads.
pub(crate) struct State {
    pub snapshots: watch::Sender<Arc<Snapshot>>,
    pub stopping: watch::Sender<bool>,
    /// The site's base URL, with its trailing slash.
    pub base: String,
    pub site_name: String,
    /// Pages carry the reload script, and its events are served.
    pub live: bool,
    pub script: Asset,
}

impl State {
    pub(crate) fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.snapshots.borrow())
    }
}

pub(crate) fn respond<B: hyper::body::Body>(
    state: &Arc<State>,
    request: &Request<B>,
) -> Response<Body> {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        {
            let mut response = closing(text(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n"));
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            return response;
        }
    }
    let body_too_large = request
        .body()
        .size_hint()
        .upper()
        .is_none_or(|most| most > MAX_REQUEST_BODY);
    if body_too_large {
        return closing(text(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request body too large\n",
        ));
    }
    let uri = request.uri();
    let headers = request.headers();
    match uri.path() {
        OEMBED_PATH => oembed_answer(state, uri.query(), headers),
        live::EVENTS_PATH if state.live => event_stream(state, uri.query()),
        live::SCRIPT_PATH if state.live => send(&state.script, headers),
        path => site_file(state, path, uri.query(), headers),
    }
}

fn site_file(
    state: &State,
    path: &str,
    query: Option<&str>,
    headers: &HeaderMap,
) -> Response<Body> {
    let Some(key) = site_key(path) else {
        return not_found();
    };
    let snapshot = state.snapshot();
    if let Some(asset) = snapshot.files.get(&key) {
        return send(asset, headers);
    }
    // A page's folder without its slash: its relative links need the slash.
    if !path.ends_with('/') && snapshot.files.contains_key(&format!("{key}/index.html")) {
        let location = match query {
            Some(query) => format!("{path}/?{query}"),
            None => format!("{path}/"),
        };
        if let Ok(location) = HeaderValue::from_str(&location) {
            let mut response = text(StatusCode::PERMANENT_REDIRECT, "");
            response.headers_mut().insert(header::LOCATION, location);
            return response;
        }
    }
    not_found()
}

fn oembed_answer(state: &State, query: Option<&str>, headers: &HeaderMap) -> Response<Body> {
    let snapshot = state.snapshot();
    let mut response = match oembed::answer(&snapshot, &state.base, &state.site_name, query) {
        Ok(asset) => return send(&asset, headers),
        Err(Refusal::NotFound) => text(StatusCode::NOT_FOUND, "not an article of this site\n"),
        Err(Refusal::BadRequest(why)) => text(StatusCode::BAD_REQUEST, &format!("{why}\n")),
        Err(Refusal::NotImplemented(why)) => text(StatusCode::NOT_IMPLEMENTED, &format!("{why}\n")),
    };
    response.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}

fn event_stream(state: &Arc<State>, query: Option<&str>) -> Response<Body> {
    let mut response = Response::new(live::events(state, query));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A file in the encoding the client takes best, or 304 when it has this one already.
/// `HEAD` gets the same headers; the connection leaves the body out.
pub(crate) fn send(asset: &Asset, request: &HeaderMap) -> Response<Body> {
    let wanted = match asset.compressible() {
        true => negotiate(
            request
                .get(header::ACCEPT_ENCODING)
                .map(HeaderValue::as_bytes),
        ),
        false => Encoding::Identity,
    };
    let (encoding, body) = match asset.encoded(wanted) {
        Some(body) => (wanted, body.clone()),
        None => (Encoding::Identity, asset.body.clone()),
    };
    let not_modified = request
        .get(header::IF_NONE_MATCH)
        .is_some_and(|tags| asset.matches(tags.as_bytes()));
    let mut response = match not_modified {
        true => empty(StatusCode::NOT_MODIFIED),
        false => Response::new(Full::new(body).boxed_unsync()),
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, asset.etag(encoding).clone());
    headers.insert(header::CACHE_CONTROL, asset.freshness.header());
    if asset.compressible() {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if asset.cross_origin {
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    if !not_modified {
        headers.insert(header::CONTENT_TYPE, asset.content_type.clone());
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        if let Some(name) = encoding.header() {
            headers.insert(header::CONTENT_ENCODING, name);
        }
    }
    response
}

/// A response after which the connection closes: the body of its request is never read.
fn closing(mut response: Response<Body>) -> Response<Body> {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

fn not_found() -> Response<Body> {
    text(StatusCode::NOT_FOUND, "not found\n")
}

fn empty(status: StatusCode) -> Response<Body> {
    let mut response = Response::new(Full::new(Bytes::new()).boxed_unsync());
    *response.status_mut() = status;
    response
}

fn text(status: StatusCode, message: &str) -> Response<Body> {
    let mut response = Response::new(Full::new(Bytes::from(message.to_owned())).boxed_unsync());
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, Freshness::Revalidate.header());
    response
}
