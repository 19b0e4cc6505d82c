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
