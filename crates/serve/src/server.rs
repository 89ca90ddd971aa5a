//! Listening: one worker thread per core, each with its own single-threaded runtime and its own
//! socket on the port (`SO_REUSEPORT`, so the kernel spreads connections between them), as
//! nginx runs a worker process per core: a connection stays on one thread, which keeps the
//! slowest answers close to the typical ones. Connections are accepted up to a limit, each
//! served by hyper's HTTP/1.1 with a bound on its header's size and on the time its header
//! may take to arrive, so a slow client holds only its own connection; a malformed request
//! gets hyper's 400 and its connection closes. On shutdown the sockets close, the reload
//! streams end, and the requests under way are given a few seconds to finish.

use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use article_widget_site::{base_url, Report};
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::{broadcast, mpsc, watch, Semaphore};

use crate::error::ServeError;
use crate::files::Asset;
use crate::live;
use crate::options::ServeOptions;
use crate::respond::{respond, State};
use crate::site::{Builder, Rebuilt};

/// How long a client may take to send a request's header, by default.
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
    /// One socket per worker, all on the same port.
    listeners: Vec<std::net::TcpListener>,
    state: Arc<State>,
    builder: Arc<Builder>,
    watch: bool,
    header_timeout: Duration,
    first_build: Report,
    rebuilds: broadcast::Sender<Rebuilt>,
}

impl Server {
    /// Listens, then builds the site; an error in either stops here.
    pub async fn bind(options: ServeOptions) -> Result<Server, ServeError> {
        let address = SocketAddr::new(options.host, options.port);
        let bind_error = |error| ServeError::Bind { address, error };
        let listeners = listen(address, workers()).map_err(bind_error)?;
        let local = listeners[0].local_addr().map_err(bind_error)?;
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
            listeners,
            state,
            builder,
            watch: options.watch,
            header_timeout: options.header_timeout,
            first_build,
            rebuilds: broadcast::channel(64).0,
        })
    }

    /// Where it listens (the real port when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.listeners[0]
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
        let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        let mut workers = Vec::with_capacity(self.listeners.len());
        for (number, listener) in self.listeners.into_iter().enumerate() {
            let state = Arc::clone(&self.state);
            let connections = Arc::clone(&connections);
            let timeout = self.header_timeout;
            let worker = std::thread::Builder::new()
                .name(format!("serve-{number}"))
                .spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()?;
                    runtime.block_on(accept(listener, state, connections, timeout))
                })
                .map_err(ServeError::Worker)?;
            workers.push(worker);
        }
        shutdown.await;
        self.state.stopping.send_replace(true);
        let stopped = tokio::task::spawn_blocking(move || {
            workers
                .into_iter()
                .filter_map(|worker| worker.join().ok())
                .collect::<Result<Vec<()>, std::io::Error>>()
        });
        match stopped.await {
            Ok(Err(err)) => Err(ServeError::Worker(err)),
            _ => Ok(()),
        }
    }
}

/// One worker: accepts on its socket and serves each connection on its own thread until the
/// server stops, then gives the requests under way `GRACE` to finish.
async fn accept(
    listener: std::net::TcpListener,
    state: Arc<State>,
    connections: Arc<Semaphore>,
    header_timeout: Duration,
) -> std::io::Result<()> {
    let listener = TcpListener::from_std(listener)?;
    let mut stopping = state.stopping.subscribe();
    let graceful = GracefulShutdown::new();
    loop {
        let Ok(permit) = Arc::clone(&connections).acquire_owned().await else {
            break;
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stopping.wait_for(|stopping| *stopping) => break,
        };
        // Out of file descriptors, or a connection reset before it was accepted.
        let Ok((stream, _)) = accepted else {
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let state = Arc::clone(&state);
        let service = service_fn(move |request| {
            let response = respond(&state, &request);
            async move { Ok::<_, Infallible>(response) }
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .max_buf_size(MAX_HEADER_BYTES)
            // A client may close its side once its request is sent, and still wait for the
            // answer.
            .half_close(true)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(GRACE) => {}
    }
    Ok(())
}

/// A worker per core.
fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `count` sockets listening on one address (the first one's port, when 0 is asked for); one
/// where a port cannot be shared.
fn listen(address: SocketAddr, count: usize) -> std::io::Result<Vec<std::net::TcpListener>> {
    let count = if cfg!(unix) { count.max(1) } else { 1 };
    let mut address = address;
    let mut listeners = Vec::with_capacity(count);
    for _ in 0..count {
        let socket = match address {
            SocketAddr::V4(_) => TcpSocket::new_v4()?,
            SocketAddr::V6(_) => TcpSocket::new_v6()?,
        };
        socket.set_reuseaddr(true)?;
        #[cfg(unix)]
        socket.set_reuseport(true)?;
        socket.bind(address)?;
        let listener = socket.listen(1024)?;
        address = listener.local_addr()?;
        listeners.push(listener.into_std()?);
    }
    Ok(listeners)
}

/// For each burst of changes, one at a time: the changed articles first, then the site.
async fn rebuild_on_change(
    mut changed: mpsc::UnboundedReceiver<Vec<PathBuf>>,
    builder: Arc<Builder>,
    state: Arc<State>,
    rebuilds: broadcast::Sender<Rebuilt>,
) {
    while let Some(mut paths) = changed.recv().await {
        while let Ok(Some(more)) = tokio::time::timeout(SETTLE, changed.recv()).await {
            paths.extend(more);
        }
        let (previous, quick) = (state.snapshot(), Arc::clone(&builder));
        let first = tokio::task::spawn_blocking(move || quick.changed_articles(&previous, &paths));
        if let Ok(Some((snapshot, rebuilt))) = first.await {
            state.snapshots.send_replace(Arc::new(snapshot));
            let _ = rebuilds.send(rebuilt);
        }
        let (previous, whole) = (state.snapshot(), Arc::clone(&builder));
        let Ok((snapshot, rebuilt)) =
            tokio::task::spawn_blocking(move || whole.again(&previous)).await
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
