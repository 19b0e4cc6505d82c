//! `dyad serve`: the event database over HTTP — a read-only JSON API and a dashboard whose
//! assets are compiled into the binary.
//!
//! dyad-server owns the HTTP side only: routes, parameter checking, limits, errors, the
//! OpenAPI document and the embedded dashboard. Every SQL statement it runs lives in
//! [`dyad_store::explore`] (and the store's ingest), with bound parameters. It does not load
//! dictionaries: the optional ingest endpoint codes with an [`ArticleCoder`] the caller hands
//! in (the CLI passes dyad's coder).
//!
//! * [`db`]: a small pool of SQLite connections, read-only (`SQLITE_OPEN_READ_ONLY`) unless
//!   ingest is on; queries run on blocking threads and are interrupted when a request times
//!   out.
//! * [`routes`]: events (filters, orders, cursor pages, totals), one event, actors, series on
//!   a continuous axis, network, places, articles, stats, the filter as resolved, CAMEO
//!   labels, export of a view (streamed), ingest.
//! * [`params`]: query strings, checked field by field; [`error`]: JSON errors with 4xx codes.
//! * [`openapi`]: `/api/openapi.json`; [`assets`]: the dashboard.
//!
//! Limits: pages of at most 500 events, series of at most 10,000 periods, 1 MiB
//! article bodies, a request timeout (10 s by default, answered 408 with the API's JSON error),
//! a time limit on reading a request's headers ([`serve`]: a client that trickles them, or a
//! keep-alive connection left idle, is disconnected); CORS only for an origin given; the CLI
//! binds to loopback unless told otherwise.

#![forbid(unsafe_code)]

pub mod assets;
pub mod db;
pub mod error;
pub mod openapi;
pub mod params;
pub mod routes;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use std::future::Future;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dyad_model::Document;
use dyad_model::Event;
use dyad_model::QuoteRecord;
use dyad_store::names::ActorNames;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tower_http::cors::CorsLayer;

pub use db::Db;
pub use error::ApiError;

/// What the ingest endpoint stores of one article.
pub struct CodedArticle {
    pub events: Vec<Event>,
    pub quotes: Vec<QuoteRecord>,
    pub tone: Option<dyad_dict::tone::ArticleTone>,
    pub issues: Option<dyad_dict::issues::ArticleIssues>,
}

/// Codes one article for the ingest endpoint, with the limits `dyad ingest` codes with.
pub trait ArticleCoder: Send + Sync + 'static {
    /// Cut `doc` to the article size limit, as `dyad ingest` cuts what it reads; true when it
    /// was cut. The article is stored as cut. No limit by default.
    fn cut(&self, doc: &mut Document) -> bool {
        let _ = doc;
        false
    }
    /// The article's events and quotations.
    fn code(&self, doc: &Document) -> (Vec<Event>, Vec<QuoteRecord>);
    /// The article's events and quotations, and its tone and issues (themes) when the coder
    /// counts them; by default [`ArticleCoder::code`] with neither.
    fn code_article(&self, doc: &Document) -> CodedArticle {
        let (events, quotes) = self.code(doc);
        CodedArticle {
            events,
            quotes,
            tone: None,
            issues: None,
        }
    }
    /// The version of the dictionaries it codes with (stored with the article).
    fn dict_version(&self) -> String;
}

/// The ingest endpoint's settings.
#[derive(Clone)]
pub struct Ingest {
    /// The bearer token a request must carry.
    pub token: String,
    pub coder: Arc<dyn ArticleCoder>,
}

/// How to serve.
pub struct Config {
    pub db: PathBuf,
    /// Ingest on (the database is then opened for writing too).
    pub ingest: Option<Ingest>,
    /// The one origin allowed to call the API from another site (CORS off when None).
    pub cors_origin: Option<String>,
    /// How long a request may take (408 after that).
    pub timeout: Duration,
    /// How long a client may take to send a request's headers, and an idle keep-alive
    /// connection is kept open, before the connection is closed (for [`serve`]).
    pub header_timeout: Duration,
    /// Told the cause of every internal error (500), which the client is not shown; the
    /// CLI prints it. None: not told.
    pub report: Option<Report>,
    /// The host names (or addresses) a request's `Host` may name; another is answered 421.
    /// A page of another site whose name was made to resolve to 127.0.0.1 (DNS rebinding)
    /// sends its own name, so a loopback server is not readable from it. None: not checked.
    pub allowed_hosts: Option<Vec<String>>,
    /// Reads actor names given where codes are expected (`actor=Macron`); None: names are
    /// refused, with the nearest codes offered.
    pub names: Option<Arc<dyn ActorNames>>,
}

/// Where the causes of internal errors go.
pub type Report = Arc<dyn Fn(&str) + Send + Sync>;

impl Config {
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            ingest: None,
            cors_origin: None,
            timeout: Duration::from_secs(10),
            header_timeout: Duration::from_secs(10),
            report: None,
            allowed_hosts: None,
            names: None,
        }
    }
}

/// What every handler shares.
pub struct AppState {
    pub db: Arc<Db>,
    pub ingest: Option<Ingest>,
    pub names: Option<Arc<dyn ActorNames>>,
}

impl AppState {
    /// The name reader, if any.
    pub fn names(&self) -> Option<&dyn ActorNames> {
        self.names.as_deref()
    }
}

/// The API's routes: (method, path as OpenAPI writes it). The router and the OpenAPI document
/// are both checked against this list by the tests.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/events"),
    ("get", "/api/events/{id}"),
    ("get", "/api/actors"),
    ("get", "/api/series"),
    ("get", "/api/network"),
    ("get", "/api/places"),
    ("get", "/api/articles/{id}"),
    ("post", "/api/articles"),
    ("get", "/api/stats"),
    ("get", "/api/filter"),
    ("get", "/api/codes"),
    ("get", "/api/export"),
    ("get", "/api/openapi.json"),
];

/// Open the database and build the application.
pub fn app(config: &Config) -> dyad_store::Result<Router> {
    let db = Arc::new(Db::open(&config.db, config.ingest.is_some())?);
    let state = Arc::new(AppState {
        db,
        ingest: config.ingest.clone(),
        names: config.names.clone(),
    });
    let mut router = Router::new()
        .route("/api/events", get(routes::events::list))
        .route("/api/events/{id}", get(routes::events::one))
        .route("/api/actors", get(routes::actors::search))
        .route("/api/series", get(routes::series::series))
        .route("/api/network", get(routes::network::network))
        .route("/api/places", get(routes::places::places))
        .route("/api/articles/{id}", get(routes::articles::one))
        .route("/api/articles", axum::routing::post(routes::ingest::ingest))
        .route("/api/stats", get(routes::stats::stats))
        .route("/api/filter", get(routes::filter::filter))
        .route("/api/codes", get(routes::codes::codes))
        .route("/api/export", get(routes::export::export))
        .route("/api/openapi.json", get(openapi::document))
        .route("/", get(assets::index))
        .route("/assets/{file}", get(assets::file))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(
            config.timeout,
            time_limit,
        ))
        .layer(axum::middleware::map_response(security_headers));
    if let Some(hosts) = &config.allowed_hosts {
        let hosts: Arc<Vec<String>> =
            Arc::new(hosts.iter().map(|h| normal_host(h).to_string()).collect());
        router = router.layer(axum::middleware::from_fn_with_state(hosts, check_host));
    }
    if let Some(report) = &config.report {
        router = router.layer(axum::middleware::map_response_with_state(
            report.clone(),
            report_internal,
        ));
    }
    if let Some(origin) = &config.cors_origin {
        let origin: HeaderValue = origin.parse().map_err(|_| {
            dyad_store::StoreError::Invalid(format!("--cors: {origin:?} is not an origin"))
        })?;
        router = router.layer(
            CorsLayer::new()
                .allow_origin(origin)
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION]),
        );
    }
    Ok(router)
}

/// Anything unrouted: JSON under /api, a plain 404 elsewhere.
async fn not_found(req: Request) -> Response {
    if req.uri().path().starts_with("/api") {
        ApiError::not_found(format!("no route {} {}", req.method(), req.uri().path()))
            .into_response()
    } else {
        (StatusCode::NOT_FOUND, "not found\n").into_response()
    }
}

/// The host of a `Host` value, lower-cased, without its port or an IPv6 address's brackets.
fn normal_host(host: &str) -> String {
    let host = host.trim();
    let host = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':')
            .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
            .map_or(host, |(h, _)| h)
    };
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// A request whose `Host` names none of the allowed hosts is answered 421 with the JSON error;
/// one without a `Host` (HTTP/1.0) is let through.
async fn check_host(State(hosts): State<Arc<Vec<String>>>, req: Request, next: Next) -> Response {
    if let Some(value) = req.headers().get(header::HOST) {
        let named = value.to_str().map(normal_host).unwrap_or_default();
        if !hosts.contains(&named) {
            return ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                "this server does not answer to that Host name (see dyad serve --allow-host)",
            )
            .into_response();
        }
    }
    next.run(req).await
}

/// A route asked with a method it does not take (`GET /api/articles`): 405 with the JSON error
/// (axum's own 405 had an empty body).
async fn method_not_allowed(req: Request) -> Response {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{} is not a method of {}", req.method(), req.uri().path()),
    )
    .into_response()
}

/// A request that runs past `limit` is answered 408 with the API's JSON error (its query, if
/// one is running, is interrupted when its future is dropped: see [`db`]).
async fn time_limit(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    // no time at all: refused before it starts (else a quick answer could race the timer)
    if limit.is_zero() {
        return ApiError::new(StatusCode::REQUEST_TIMEOUT, "the request took too long")
            .into_response();
    }
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => {
            ApiError::new(StatusCode::REQUEST_TIMEOUT, "the request took too long").into_response()
        }
    }
}

/// Hand the cause of an internal error to the [`Config::report`] function.
async fn report_internal(State(report): State<Report>, res: Response) -> Response {
    if let Some(cause) = res.extensions().get::<error::InternalCause>() {
        report(&cause.0);
    }
    res
}

/// Headers every answer carries: no content sniffing, no framing by other sites, and the
/// dashboard may load nothing from elsewhere.
async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             frame-ancestors 'none'",
        ),
    );
    res
}

/// Serve `router` on `listener` until Ctrl-C (see [`serve_until`]).
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    header_timeout: Duration,
) -> std::io::Result<()> {
    serve_until(listener, router, header_timeout, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// Serve `router` on `listener` (HTTP/1.1) until `shutdown` completes, then let the requests
/// under way finish.
///
/// A connection must deliver each request's headers within `header_timeout` of being ready
/// for them (just opened, or done with its previous request), else it is closed: a client
/// that sends its headers a byte at a time, or opens connections and sends nothing, cannot
/// hold them open (axum's own `serve` sets no such limit). A request whose body stalls is
/// answered 408 by the request timeout of [`app`] if its handler reads the body; one that
/// does not read it answers and closes the connection. Every connection is a task of its
/// own, so idle connections do not delay others.
pub async fn serve_until<F>(
    listener: tokio::net::TcpListener,
    router: Router,
    header_timeout: Duration,
    shutdown: F,
) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send,
{
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // a connection that failed before it was accepted is that client's
                    // problem; anything else (out of file descriptors) passes with time
                    if !matches!(
                        e.kind(),
                        std::io::ErrorKind::ConnectionRefused
                            | std::io::ErrorKind::ConnectionAborted
                            | std::io::ErrorKind::ConnectionReset
                    ) {
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(router.clone());
        let mut stop = stop_rx.clone();
        connections.spawn(async move {
            let mut builder = http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = stop.wait_for(|stopped| *stopped) => conn.as_mut().graceful_shutdown(),
            }
            let _ = conn.await;
        });
        // forget the connections that have ended
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let _ = stop_tx.send(true);
    while connections.join_next().await.is_some() {}
    Ok(())
}
