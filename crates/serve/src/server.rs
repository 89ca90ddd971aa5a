//! Listening: connections accepted up to a limit, each served by hyper's HTTP/1.1 with a
//! bound on its header's size and on the time its header may take to arrive, so a slow client
//! holds only its own connection; a malformed request gets hyper's 400 and its connection
//! closes. On shutdown the listener closes, the reload streams end, and the requests under
//! way are given a few seconds to finish.

use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use article_widget_site::{base_url, Report};
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::{broadcast, mpsc, watch, Semaphore};

use crate::error::ServeError;
use crate::files::Asset;
use crate::live;
use crate::options::ServeOptions;
use crate::respond::{respond, State};
use crate::site::{Builder, Rebuilt};

/// How long a client may take to send a request's header.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The most a request's header may hold (hyper answers 431 past it).
const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Connections open at once; more wait to be accepted.
const MAX_CONNECTIONS: usize = 10_000;
/// How long requests under way may take to finish once the server is told to stop.
const GRACE: Duration = Duration::from_secs(5);
/// Changes closer together than this are one rebuild (an editor's save is several events).
const SETTLE: Duration = Duration::from_millis(80);

/// A site built and ready to be served.
pub struct Server {
    listener: TcpListener,
    state: Arc<State>,
    builder: Arc<Builder>,
    watch: bool,
    first_build: Report,
    rebuilds: broadcast::Sender<Rebuilt>,
}

impl Server {
    /// Listens, then builds the site; an error in either stops here.
    pub async fn bind(options: ServeOptions) -> Result<Server, ServeError> {
        let address = SocketAddr::new(options.host, options.port);
        let bind_error = |error| ServeError::Bind { address, error };
        let listener = TcpListener::bind(address).await.map_err(bind_error)?;
        let local = listener.local_addr().map_err(bind_error)?;
        let base = match &options.base_url {
            Some(url) => base_url(url)?,
            None => base_url(&format!("http://{}/", reachable(local)))?,
        };
        let site_name = options.title.clone().unwrap_or(base.host);
        let builder = Arc::new(Builder::new(
            options.articles,
            options.widget,
            base.url.clone(),
            options.title,
            options.watch,
        )?);
        let first = Arc::clone(&builder);
        let (snapshot, first_build) =
            tokio::task::spawn_blocking(move || first.first())
                .await
                .map_err(|err| ServeError::ReadSite(std::io::Error::other(err)))??;
        let script = Asset::with_type(
            live::SCRIPT.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
            true,
            0,
        );
        let state = Arc::new(State {
            snapshots: watch::Sender::new(Arc::new(snapshot)),
            stopping: watch::Sender::new(false),
            base: base.url,
            site_name,
            live: options.watch,
            script,
        });
        Ok(Server {
            listener,
            state,
            builder,
            watch: options.watch,
            first_build,
            rebuilds: broadcast::channel(64).0,
        })
    }

    /// Where it listens (the real port when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// The site's base URL, with its trailing slash.
    pub fn url(&self) -> &str {
        &self.state.base
    }

    /// What the first build did.
    pub fn first_build(&self) -> &Report {
        &self.first_build
    }

    /// Told of each rebuild after a change.
    pub fn rebuilds(&self) -> broadcast::Receiver<Rebuilt> {
        self.rebuilds.subscribe()
    }

    /// Serves until `shutdown` completes.
    pub async fn run(self, shutdown: impl Future<Output = ()>) -> Result<(), ServeError> {
        let _watcher = match self.watch {
            true => {
                let (changes, changed) = mpsc::unbounded_channel();
                let watcher = crate::watch::watch(self.builder.articles(), changes)?;
                tokio::spawn(rebuild_on_change(
                    changed,
                    Arc::clone(&self.builder),
                    Arc::clone(&self.state),
                    self.rebuilds.clone(),
                ));
                Some(watcher)
            }
            false => None,
        };
        let graceful = GracefulShutdown::new();
        let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            let Ok(permit) = Arc::clone(&connections).acquire_owned().await else {
                break;
            };
            let accepted = tokio::select! {
                accepted = self.listener.accept() => accepted,
                () = &mut shutdown => break,
            };
            // Out of file descriptors, or a connection reset before it was accepted.
            let Ok((stream, _)) = accepted else {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            };
            let _ = stream.set_nodelay(true);
            let state = Arc::clone(&self.state);
            let service = service_fn(move |request| {
                let response = respond(&state, &request);
                async move { Ok::<_, Infallible>(response) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_HEADER_BYTES)
                // A client may close its side once its request is sent, and still wait for
                // the answer.
                .half_close(true)
                .serve_connection(TokioIo::new(stream), service);
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                let _ = connection.await;
                drop(permit);
            });
        }
        drop(self.listener);
        self.state.stopping.send_replace(true);
        tokio::select! {
            () = graceful.shutdown() => {}
            () = tokio::time::sleep(GRACE) => {}
        }
        Ok(())
    }
}

/// One rebuild for each burst of changes, one at a time.
async fn rebuild_on_change(
    mut changed: mpsc::UnboundedReceiver<()>,
    builder: Arc<Builder>,
    state: Arc<State>,
    rebuilds: broadcast::Sender<Rebuilt>,
) {
    while changed.recv().await.is_some() {
        while let Ok(Some(())) = tokio::time::timeout(SETTLE, changed.recv()).await {}
        let previous = state.snapshot();
        let builder = Arc::clone(&builder);
        let Ok((snapshot, rebuilt)) =
            tokio::task::spawn_blocking(move || builder.again(&previous)).await
        else {
            continue;
        };
        state.snapshots.send_replace(Arc::new(snapshot));
        let _ = rebuilds.send(rebuilt);
    }
}

/// The address to put in the site's URLs: loopback for an address that listens on all.
fn reachable(address: SocketAddr) -> String {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => format!("127.0.0.1:{}", address.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => format!("[::1]:{}", address.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", address.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", address.port()),
    }
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
