//! Ingest (off by default; bearer token, body limit), CORS (off unless configured), request
//! timeouts, and the read-only database.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{app, bad, get, ingest_app, ok, post, sample_db, send};
use dyad_server::Config;
use serde_json::json;

const TOKEN: &str = "a-long-test-token-0123456789";

#[tokio::test]
async fn ingest_is_off_by_default() {
    let app = app();
    let a = post(
        &app,
        "/api/articles",
        Some(TOKEN),
        json!({"id": "x", "text": "France met China."})
            .to_string()
            .into_bytes(),
    )
    .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.json["error"].as_str().unwrap().contains("ingest is off"));
}

#[tokio::test]
async fn ingest_codes_and_stores_an_article() {
    let (_dir, app) = ingest_app(TOKEN);
    let article = json!({
        "id": "api-1",
        "date": "2025-12-10",
        "title": "Talks",
        "text": "PARIS (Reuters) - French President Emmanuel Macron met with China's Xi Jinping \
                 on Wednesday. Russian forces attacked Ukraine's army near Kharkiv."
    });
    let body = article.to_string().into_bytes();
    // no token, a wrong token, a wrong scheme
    assert_eq!(
        post(&app, "/api/articles", None, body.clone()).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(
            &app,
            "/api/articles",
            Some("wrong-token-wrong-token"),
            body.clone()
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
    let basic = send(
        &app,
        Request::post("/api/articles")
            .header(header::AUTHORIZATION, format!("Basic {TOKEN}"))
            .body(Body::from(body.clone()))
            .unwrap(),
    )
    .await;
    assert_eq!(basic.status, StatusCode::UNAUTHORIZED);
    assert!(basic.json["error"].is_string());
    // added, coded, readable at once
    let a = post(&app, "/api/articles", Some(TOKEN), body.clone()).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.json["status"], "added");
    assert!(a.json["events"].as_i64().unwrap() >= 1, "{}", a.text);
    let stored = ok(&app, "/api/articles/api-1").await;
    assert_eq!(stored["title"], "Talks");
    assert!(stored["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["source_code"] == "FRAGOV" && e["code"].as_str().unwrap().starts_with("04")));
    let found = ok(
        &app,
        "/api/events?source=FRAGOV&from=2025-12-10&to=2025-12-10",
    )
    .await;
    assert!(!found["events"].as_array().unwrap().is_empty());
    // the same article again changes nothing
    let again = post(&app, "/api/articles", Some(TOKEN), body).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json["status"], "unchanged");
}

#[tokio::test]
async fn ingest_refuses_bad_bodies() {
    let (_dir, app) = ingest_app(TOKEN);
    let big = json!({"id": "big", "text": "a ".repeat(600_000)})
        .to_string()
        .into_bytes();
    let a = post(&app, "/api/articles", Some(TOKEN), big).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.json["error"].is_string());
    for (body, field) in [
        (b"not json".to_vec(), "body"),
        (b"[1, 2]".to_vec(), "body"),
        (json!({"text": "no id"}).to_string().into_bytes(), "id"),
        (json!({"id": "no-text"}).to_string().into_bytes(), "text"),
        // no article, as `dyad ingest` skips it
        (
            json!({"id": " ", "text": "x"}).to_string().into_bytes(),
            "id",
        ),
        (
            json!({"id": "blank", "text": " \n"})
                .to_string()
                .into_bytes(),
            "text",
        ),
        (
            json!({"id": "d", "text": "x", "date": "tomorrow"})
                .to_string()
                .into_bytes(),
            "body",
        ),
        (vec![0xff, 0xfe, 0x00], "body"),
    ] {
        let a = post(&app, "/api/articles", Some(TOKEN), body).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{}", a.text);
        assert_eq!(a.json["field"], field, "{}", a.text);
    }
}

#[tokio::test]
async fn cors_only_when_configured() {
    let req = || {
        Request::get("/api/stats")
            .header(header::ORIGIN, "https://example.org")
            .body(Body::empty())
            .unwrap()
    };
    let plain = send(&app(), req()).await;
    assert!(!plain
        .headers
        .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    let mut config = Config::new(sample_db());
    config.cors_origin = Some("https://example.org".into());
    let cors = dyad_server::app(&config).unwrap();
    let a = send(&cors, req()).await;
    assert_eq!(
        a.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://example.org"
    );
    let mut config = Config::new(sample_db());
    config.cors_origin = Some("bad\norigin".into());
    assert!(dyad_server::app(&config).is_err());
}

#[tokio::test]
async fn slow_requests_time_out() {
    let mut config = Config::new(sample_db());
    config.timeout = Duration::ZERO;
    let app = dyad_server::app(&config).unwrap();
    let a = get(&app, "/api/stats").await;
    assert_eq!(a.status, StatusCode::REQUEST_TIMEOUT);
    // the pool still works afterwards
    assert_eq!(
        get(&common::app(), "/api/stats").await.status,
        StatusCode::OK
    );
}

/// Codes as dyad does, after a second.
struct SlowCoder;

impl dyad_server::ArticleCoder for SlowCoder {
    fn code(
        &self,
        doc: &dyad_text::Document,
    ) -> (Vec<dyad_model::Event>, Vec<dyad_model::QuoteRecord>) {
        std::thread::sleep(Duration::from_secs(1));
        dyad_server::ArticleCoder::code(&common::TestCoder, doc)
    }
    fn dict_version(&self) -> String {
        "slow".into()
    }
}

/// Codes as dyad does, with an article size limit of 40 bytes.
struct CuttingCoder;

impl dyad_server::ArticleCoder for CuttingCoder {
    fn cut(&self, doc: &mut dyad_text::Document) -> bool {
        doc.cut_to(40)
    }
    fn code(
        &self,
        doc: &dyad_text::Document,
    ) -> (Vec<dyad_model::Event>, Vec<dyad_model::QuoteRecord>) {
        dyad_server::ArticleCoder::code(&common::TestCoder, doc)
    }
    fn dict_version(&self) -> String {
        "cut".into()
    }
}

#[tokio::test]
async fn ingest_cuts_the_article_to_the_coders_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.db");
    let mut config = Config::new(&path);
    config.ingest = Some(dyad_server::Ingest {
        token: TOKEN.into(),
        coder: std::sync::Arc::new(CuttingCoder),
    });
    let app = dyad_server::app(&config).unwrap();
    let text = "France met China on Monday. Russia attacked Ukraine on Tuesday.";
    let body = json!({"id": "cut", "text": text}).to_string();
    let a = post(&app, "/api/articles", Some(TOKEN), body.into_bytes()).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    // the article is coded and stored as cut: Russia's attack is beyond the limit
    assert_eq!(a.json["events"], 1, "{}", a.text);
    let stored = ok(&app, "/api/articles/cut").await;
    assert_eq!(stored["text"], &text[..40], "{stored}");
}

#[tokio::test]
async fn a_request_that_runs_too_long_is_a_json_408() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.db");
    std::fs::copy(sample_db(), &path).unwrap();
    let mut config = Config::new(&path);
    config.timeout = Duration::from_millis(50);
    config.ingest = Some(dyad_server::Ingest {
        token: TOKEN.into(),
        coder: std::sync::Arc::new(SlowCoder),
    });
    let app = dyad_server::app(&config).unwrap();
    let body = json!({"id": "slow", "text": "France met China on Monday."}).to_string();
    let a = post(&app, "/api/articles", Some(TOKEN), body.into_bytes()).await;
    assert_eq!(a.status, StatusCode::REQUEST_TIMEOUT, "{}", a.text);
    assert!(a.json["error"].as_str().unwrap().contains("too long"));
}

#[test]
fn the_database_is_opened_read_only() {
    let conn = dyad_store::schema::open_read_only(sample_db()).unwrap();
    let err = conn
        .execute("DELETE FROM events", [])
        .expect_err("a read-only connection cannot write");
    assert!(err.to_string().contains("readonly"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    assert!(dyad_server::app(&Config::new(dir.path().join("missing.db"))).is_err());
    std::fs::write(dir.path().join("other.db"), b"not a database at all").unwrap();
    assert!(dyad_server::app(&Config::new(dir.path().join("other.db"))).is_err());
}

#[tokio::test]
async fn unknown_methods_and_routes() {
    let app = app();
    bad(&app, "/api/events/1/extra", 404, None).await;
    let a = send(
        &app,
        Request::delete("/api/events").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED);
}

/// Whether `Authorization: value` carries the token (what the endpoint accepts).
fn carries_token(value: &[u8]) -> bool {
    std::str::from_utf8(value)
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        == Some(TOKEN)
}

/// Generated Authorization headers (none, junk bytes, other schemes, the token cut, grown,
/// with a byte changed, in another case, twice) never get an article in: 401 with the JSON
/// error, and nothing stored. Fixed seed, 256 cases.
#[test]
fn no_authorization_but_the_token_gets_in() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

    let token = TOKEN.as_bytes().to_vec();
    let n = token.len();
    let mutated = {
        let token = token.clone();
        (0..n, any::<u8>()).prop_map(move |(i, b)| {
            let mut t = token.clone();
            t[i] = b;
            t
        })
    };
    let token_variant = prop_oneof![
        mutated,
        (0..n).prop_map(|k| TOKEN.as_bytes()[..k].to_vec()),
        "[ -~]{1,8}".prop_map(|extra| format!("{TOKEN}{extra}").into_bytes()),
        "[ -~]{1,8}".prop_map(|extra| format!("{extra}{TOKEN}").into_bytes()),
        Just(TOKEN.to_uppercase().into_bytes()),
        Just(format!("{TOKEN} {TOKEN}").into_bytes()),
        Just(format!("{TOKEN},").into_bytes()),
        Just(Vec::new()),
    ];
    let header = prop_oneof![
        Just(None),
        prop::collection::vec(any::<u8>(), 0..64).prop_map(Some),
        "\\PC{0,40}".prop_map(|s| Some(s.into_bytes())),
        (
            prop::sample::select(
                &[
                    "Bearer ",
                    "bearer ",
                    "BEARER ",
                    "Bearer",
                    "Bearer\t",
                    "Bearer  ",
                    "Basic ",
                    "Token ",
                    "Bearer Bearer ",
                    " Bearer ",
                    "",
                ][..]
            ),
            token_variant,
        )
            .prop_map(|(scheme, t)| {
                let mut v = scheme.as_bytes().to_vec();
                v.extend(t);
                Some(v)
            }),
    ];
    let (_dir, app) = ingest_app(TOKEN);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let body = json!({"id": "intruder", "text": "France met China on Monday."}).to_string();
    let config = Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[5u8; 32]));
    let result = runner.run(&header, |value| {
        let mut req =
            Request::post("/api/articles").header(header::CONTENT_TYPE, "application/json");
        if let Some(v) = &value {
            if carries_token(v) {
                return Ok(());
            }
            let Ok(v) = axum::http::HeaderValue::from_bytes(v) else {
                // no client can send it (control characters)
                return Ok(());
            };
            req = req.header(header::AUTHORIZATION, v);
        }
        let a = rt.block_on(send(&app, req.body(Body::from(body.clone())).unwrap()));
        let shown = value.as_deref().map(String::from_utf8_lossy);
        if a.status != StatusCode::UNAUTHORIZED || !a.json["error"].is_string() {
            return Err(TestCaseError::fail(format!(
                "Authorization {shown:?} answered {}: {}",
                a.status, a.text
            )));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    rt.block_on(bad(&app, "/api/articles/intruder", 404, None));
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_413_at_once() {
    let (_dir, app) = ingest_app(TOKEN);
    // the body is small, but the request says it is 2 MB: refused without reading it
    let a = send(
        &app,
        Request::post("/api/articles")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .header(header::CONTENT_LENGTH, "2000000")
            .body(Body::from("{}"))
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", a.text);
    assert!(a.json["error"].is_string());
}

#[tokio::test]
async fn a_wrong_token_is_refused_before_the_body_is_read() {
    let (_dir, app) = ingest_app(TOKEN);
    // an oversized body with a wrong token: 401, not 413 (the body is never read)
    let big = vec![b'a'; 3 << 20];
    let a = post(&app, "/api/articles", Some("wrong-token-wrong-token"), big).await;
    assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", a.text);
    assert!(a.json["error"].is_string());
    // and the token is compared whole: a prefix of it, or it with more after, fails
    for t in [&TOKEN[..TOKEN.len() - 1], &format!("{TOKEN}x")] {
        let a = post(&app, "/api/articles", Some(t), b"{}".to_vec()).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{t}");
    }
}
