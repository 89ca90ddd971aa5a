//! The server as a client meets it, on a real socket: a site of the seed article served on a
//! free port, asked for by hand-written HTTP/1.1.

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use article_widget_serve::{ServeOptions, Server};
use rstest::rstest;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

const SEED: &str = include_str!("../../../static/articles/krebs.json");

/// A server over a folder holding the seed article, with a stand-in for the built widget.
struct Running {
    address: SocketAddr,
    base: String,
    stop: Option<oneshot::Sender<()>>,
    _folder: tempfile::TempDir,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn start() -> Running {
    start_with(article_widget_serve::HEADER_TIMEOUT).await
}

async fn start_with(header_timeout: Duration) -> Running {
    let folder = tempfile::tempdir().unwrap();
    let articles = folder.path().join("articles");
    let widget = folder.path().join("widget");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("krebs.json"), SEED).unwrap();
    fake_widget(&widget);
    let server = Server::bind(ServeOptions {
        articles,
        widget,
        host: [127, 0, 0, 1].into(),
        port: 0,
        base_url: None,
        title: None,
        watch: false,
        header_timeout,
    })
    .await
    .unwrap();
    let address = server.local_addr();
    let base = server.url().to_owned();
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    Running {
        address,
        base,
        stop: Some(stop),
        _folder: folder,
    }
}

fn fake_widget(folder: &Path) {
    std::fs::create_dir_all(folder.join("wasm")).unwrap();
    for name in article_widget_site::WIDGET_FILES {
        std::fs::write(folder.join(name), "/* the widget */\n".repeat(40)).unwrap();
    }
    std::fs::write(
        folder.join("wasm/article-widget_bg.wasm"),
        b"\0asm\x01\0\0\0",
    )
    .unwrap();
}

/// What the server answered: status, header lines (names in lower case) and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

async fn send(address: SocketAddr, request: &str) -> Answer {
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).await.unwrap();
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a whole header");
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap()[9..12].parse().unwrap();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: bytes[split + 4..].to_vec(),
    }
}

async fn get(address: SocketAddr, path: &str, headers: &str) -> Answer {
    send(
        address,
        &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{headers}\r\n"),
    )
    .await
}

fn oembed_path(base: &str, query: &str) -> String {
    let url: String = url_encoded(&format!("{base}krebs/"));
    format!("/oembed?url={url}{query}")
}

fn url_encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[rstest]
#[case::no_limits("", 600, None)]
#[case::narrower_column("&maxwidth=360", 360, None)]
#[case::wider_than_the_card("&maxwidth=2000", 600, None)]
#[case::short_space("&maxheight=150", 600, Some(150))]
#[case::both("&maxwidth=320&maxheight=240", 320, Some(240))]
#[tokio::test]
async fn oembed_answers_fit_the_consumers_limits(
    #[case] query: &str,
    #[case] width: u64,
    #[case] height: Option<u64>,
) {
    let server = start().await;
    let answer = get(server.address, &oembed_path(&server.base, query), "").await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    let json = answer.json();
    assert_eq!(json["width"], width);
    let html = json["html"].as_str().unwrap();
    assert!(html.contains(&format!(" width=\"{width}\" ")), "{html}");
    let got = json["height"].as_u64().unwrap();
    assert!(html.contains(&format!(" height=\"{got}\" ")), "{html}");
    match height {
        Some(most) => assert_eq!(got, most),
        None => assert!((200..=1000).contains(&got)),
    }
}

#[tokio::test]
async fn a_narrower_card_is_estimated_taller() {
    let server = start().await;
    let height = |query: &'static str| {
        let path = oembed_path(&server.base, query);
        async move {
            get(server.address, &path, "").await.json()["height"]
                .as_u64()
                .unwrap()
        }
    };
    assert!(height("&maxwidth=320").await > height("").await);
}

#[rstest]
#[case::not_ours("/oembed?url=https%3A%2F%2Felsewhere.example%2Fkrebs%2F", 404)]
#[case::no_such_article("/oembed?url=BASEnope%2F", 404)]
#[case::no_url("/oembed?maxwidth=300", 400)]
#[case::bad_limit("/oembed?url=BASEkrebs%2F&maxwidth=wide", 400)]
#[case::bad_theme("/oembed?url=BASEkrebs%2F&theme=purple", 400)]
#[case::unsupported_format("/oembed?url=BASEkrebs%2F&format=yaml", 501)]
#[case::xml("/oembed?url=BASEkrebs%2F&format=xml", 200)]
#[tokio::test]
async fn oembed_statuses_follow_the_spec(#[case] path: &str, #[case] status: u16) {
    let server = start().await;
    let path = path.replace("BASE", &url_encoded(&server.base));
    let answer = get(server.address, &path, "").await;
    assert_eq!(answer.status, status, "{path}");
    assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
}

#[tokio::test]
async fn the_theme_goes_into_the_cards_address() {
    let server = start().await;
    let answer = get(
        server.address,
        &oembed_path(&server.base, "&theme=dark&format=xml"),
        "",
    )
    .await;
    let xml = String::from_utf8(answer.body).unwrap();
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?><oembed>")
    );
    assert!(xml.contains("krebs/embed.html?theme=dark&quot;"), "{xml}");
}

#[rstest]
#[case("/../../etc/passwd")]
#[case("/krebs/../../../etc/passwd")]
#[case("/%2e%2e/%2e%2e/etc/passwd")]
#[case("/krebs%2F..%2F..%2Fetc%2Fpasswd")]
#[case("/%252e%252e/etc/passwd")]
#[case("/..%5c..%5cetc%5cpasswd")]
#[case("/krebs\\..\\..\\etc")]
#[case("/krebs/index.html%00")]
#[case("/.article-widget-site")]
#[case("//etc/passwd")]
#[tokio::test]
async fn paths_outside_the_site_are_not_found(#[case] path: &str) {
    let server = start().await;
    assert_eq!(get(server.address, path, "").await.status, 404, "{path}");
}

#[tokio::test]
async fn an_etag_answers_304_in_every_encoding() {
    let server = start().await;
    for encoding in [
        "",
        "Accept-Encoding: gzip\r\n",
        "Accept-Encoding: br, gzip\r\n",
    ] {
        let first = get(server.address, "/krebs/", encoding).await;
        assert_eq!(first.status, 200);
        assert_eq!(first.header("cache-control"), Some("public, no-cache"));
        let etag = first.header("etag").unwrap().to_owned();
        let again = get(
            server.address,
            "/krebs/",
            &format!("{encoding}If-None-Match: {etag}\r\n"),
        )
        .await;
        assert_eq!(again.status, 304, "{encoding}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        let stale = get(
            server.address,
            "/krebs/",
            &format!("{encoding}If-None-Match: \"other\"\r\n"),
        )
        .await;
        assert_eq!(stale.status, 200);
    }
    let gzip = get(server.address, "/krebs/", "Accept-Encoding: gzip\r\n").await;
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    assert_eq!(gzip.header("vary"), Some("accept-encoding"));
    assert!(gzip.body.starts_with(&[0x1f, 0x8b]));
}

#[tokio::test]
async fn head_has_the_headers_of_get_and_no_body() {
    let server = start().await;
    let full = get(server.address, "/krebs/", "").await;
    let head = send(
        server.address,
        "HEAD /krebs/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length"),
        Some(full.body.len().to_string().as_str())
    );
    assert_eq!(head.header("etag"), full.header("etag"));
    assert_eq!(
        head.header("content-type"),
        Some("text/html; charset=utf-8")
    );
}

#[rstest]
#[case::page("/krebs/", 200, "text/html; charset=utf-8")]
#[case::json("/krebs/article.json", 200, "application/json")]
#[case::feed("/feed.xml", 200, "application/atom+xml; charset=utf-8")]
#[case::widget("/widget/article-widget.js", 200, "text/javascript; charset=utf-8")]
#[case::wasm("/widget/wasm/article-widget_bg.wasm", 200, "application/wasm")]
#[case::missing("/nope/", 404, "text/plain; charset=utf-8")]
#[tokio::test]
async fn files_have_their_types(
    #[case] path: &str,
    #[case] status: u16,
    #[case] content_type: &str,
) {
    let server = start().await;
    let answer = get(server.address, path, "").await;
    assert_eq!(
        (answer.status, answer.header("content-type")),
        (status, Some(content_type))
    );
}

#[tokio::test]
async fn other_methods_bodies_and_malformed_requests_are_refused_and_the_server_goes_on() {
    let server = start().await;
    let refused = [
        (
            "POST /krebs/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
            405,
        ),
        (
            "GET /krebs/ HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n",
            413,
        ),
        ("NONSENSE\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n", 400),
    ];
    for (request, status) in refused {
        assert_eq!(
            send(server.address, request).await.status,
            status,
            "{request:?}"
        );
    }
    let big = format!(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(40_000)
    );
    assert_eq!(send(server.address, &big).await.status, 431);
    assert_eq!(get(server.address, "/krebs/", "").await.status, 200);
}

#[tokio::test]
async fn discovery_points_at_the_endpoint_and_the_folder_without_its_slash_redirects() {
    let server = start().await;
    let page = String::from_utf8(get(server.address, "/krebs/", "").await.body).unwrap();
    let endpoint = format!(
        "{}oembed?url={}&amp;format=json",
        server.base,
        url_encoded(&format!("{}krebs/", server.base))
    );
    assert!(page.contains(&endpoint), "{endpoint}");
    assert!(
        !page.contains("live.js"),
        "no reload script when not watching"
    );
    let redirect = get(server.address, "/krebs?x=1", "").await;
    assert_eq!(
        (redirect.status, redirect.header("location")),
        (308, Some("/krebs/?x=1"))
    );
}

/// Reads until the server closes the connection; how long that took.
async fn closed_after(mut stream: TcpStream, started: Instant) -> Duration {
    let mut bytes = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut bytes)).await;
    started.elapsed()
}

#[tokio::test]
async fn slow_and_idle_clients_are_cut_off_at_the_header_timeout_and_others_are_served() {
    let server = start_with(Duration::from_millis(400)).await;
    let started = Instant::now();
    let mut slow = TcpStream::connect(server.address).await.unwrap();
    slow.write_all(b"GET /krebs/ HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let idle = TcpStream::connect(server.address).await.unwrap();
    let mut kept_alive = TcpStream::connect(server.address).await.unwrap();
    kept_alive
        .write_all(b"GET /feed.xml HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(get(server.address, "/krebs/", "").await.status, 200);
    for client in [slow, idle, kept_alive] {
        let took = closed_after(client, started).await;
        assert!(
            took >= Duration::from_millis(300) && took < Duration::from_secs(3),
            "{took:?}"
        );
    }
}
