//! A database built from the sample corpus (the seed story and the ABC articles), coded with
//! the bundled dictionaries once per test binary, and a client that calls the router directly.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use dyad_coder::Coder;
use dyad_dict::bundled::Dictionaries;
use dyad_model::Event;
use dyad_model::QuoteRecord;
use dyad_server::{ArticleCoder, Config};
use dyad_store::{ArticleInput, Store};
use dyad_text::readers::{read_inputs, ReadOptions};
use dyad_text::Document;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    // PETRARCH's convention, which codes bare statements (010): the API tests follow the
    // declarations the sample's articles report again and again
    CODER.get_or_init(|| {
        Coder::new(Dictionaries::bundled().expect("bundled dictionaries"))
            .with_convention(dyad_coder::Convention::Petrarch)
    })
}

/// dyad's coder behind the ingest endpoint.
pub struct TestCoder;

impl ArticleCoder for TestCoder {
    fn code(&self, doc: &Document) -> (Vec<Event>, Vec<QuoteRecord>) {
        (coder().code_document(doc), coder().quotes(doc))
    }
    fn dict_version(&self) -> String {
        "test".into()
    }
}

fn corpus(rel: &str) -> String {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "data",
        "corpus",
        rel,
    ]
    .iter()
    .collect();
    p.display().to_string()
}

/// Code the sample corpus into a database at `path`.
pub fn build_db(path: &Path) {
    let mut docs = Vec::new();
    read_inputs(
        &[
            corpus("seed-2025-12-04-beijing.txt"),
            corpus("lee_abc_news.jsonl"),
        ],
        &ReadOptions::default(),
        &mut |d| docs.push(d),
    )
    .expect("read the corpus");
    let coded: Vec<(Vec<Event>, Vec<QuoteRecord>)> = docs
        .iter()
        .map(|d| (coder().code_document(d), coder().quotes(d)))
        .collect();
    let inputs: Vec<ArticleInput> = docs
        .iter()
        .zip(&coded)
        .map(|(doc, (events, quotes))| ArticleInput {
            doc,
            events,
            quotes,
            dict_version: "test",
            tone: None,
            issues: None,
        })
        .collect();
    let mut store = Store::open(path).expect("create the database");
    store
        .write_batch(&inputs, "20251205000000")
        .expect("store the corpus");
}

/// The sample database, built once per test binary.
pub fn sample_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sample.db");
        build_db(&path);
        (dir, path)
    })
    .1
}

/// The read-only app over the sample database.
pub fn app() -> Router {
    dyad_server::app(&Config::new(sample_db())).expect("open the sample database")
}

/// Names read by dyad's coder, as `dyad serve` reads them.
pub struct CoderNames;

impl dyad_store::names::ActorNames for CoderNames {
    fn codes(&self, name: &str, date: chrono::NaiveDate) -> Vec<String> {
        coder()
            .read_name(name, Some(date))
            .phrases
            .iter()
            .flat_map(|p| p.members.iter().map(|m| m.code.clone()))
            .collect()
    }
}

/// The read-only app over the sample database, reading names through the dictionaries.
pub fn app_with_names() -> Router {
    let mut config = Config::new(sample_db());
    config.names = Some(Arc::new(CoderNames));
    dyad_server::app(&config).expect("open the sample database")
}

/// An app with ingest on, over a fresh copy of the sample database.
pub fn ingest_app(token: &str) -> (tempfile::TempDir, Router) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("copy.db");
    build_db(&path);
    let mut config = Config::new(&path);
    config.ingest = Some(dyad_server::Ingest {
        token: token.into(),
        coder: Arc::new(TestCoder),
    });
    (dir, dyad_server::app(&config).expect("open the copy"))
}

/// The answer to a request: status, headers and body (parsed as JSON when it is JSON).
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
    pub json: Value,
}

pub async fn send(app: &Router, req: Request<Body>) -> Answer {
    let res = app.clone().oneshot(req).await.expect("the router answers");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        text,
        json,
    }
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn post(app: &Router, uri: &str, token: Option<&str>, body: Vec<u8>) -> Answer {
    let mut req = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    send(app, req.body(Body::from(body)).unwrap()).await
}

/// A 200 answer's JSON.
pub async fn ok(app: &Router, uri: &str) -> Value {
    let a = get(app, uri).await;
    assert_eq!(a.status, StatusCode::OK, "GET {uri}: {}", a.text);
    a.json
}

/// Insist on a 4xx JSON error naming `field` (when given).
pub async fn bad(app: &Router, uri: &str, status: u16, field: Option<&str>) -> Value {
    let a = get(app, uri).await;
    assert_eq!(a.status.as_u16(), status, "GET {uri}: {}", a.text);
    assert!(
        a.json["error"].is_string(),
        "GET {uri}: no JSON error: {}",
        a.text
    );
    if let Some(f) = field {
        assert_eq!(a.json["field"], f, "GET {uri}: {}", a.text);
    }
    a.json
}
