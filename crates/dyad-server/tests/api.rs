//! Every route of the API over the sample database, with good and bad parameters.

mod common;

use std::collections::BTreeSet;

use axum::http::StatusCode;
use common::{app, bad, get, ok, post};
use serde_json::Value;

/// The FRA→CHN events as the store's own query (`dyad query`) finds them.
fn fra_chn() -> usize {
    let conn = dyad_store::schema::open_read_only(common::sample_db()).unwrap();
    let filter = dyad_store::Filter {
        source: Some("FRA".into()),
        target: Some("CHN".into()),
        ..Default::default()
    };
    dyad_store::query::events(&conn, &filter).unwrap().len()
}

fn ids(page: &Value) -> Vec<i64> {
    page["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn events_page_by_page() {
    let app = app();
    let first = ok(&app, "/api/events").await;
    assert_eq!(ids(&first).len(), 50, "the default page is 50 events");
    // a full page is not partial (a page that stopped at its read's bound would say so)
    assert_eq!(first["partial"], serde_json::json!(false));
    let cursor = first["next_cursor"]
        .as_str()
        .expect("more pages")
        .to_string();
    let second = ok(&app, &format!("/api/events?cursor={cursor}")).await;
    let a: BTreeSet<i64> = ids(&first).into_iter().collect();
    assert!(ids(&second).iter().all(|i| !a.contains(i)), "pages overlap");
    // walking every page gives every event once
    let mut seen = BTreeSet::new();
    let mut cursor: Option<String> = None;
    loop {
        let uri = match &cursor {
            Some(c) => format!("/api/events?limit=500&cursor={c}"),
            None => "/api/events?limit=500".to_string(),
        };
        let page = ok(&app, &uri).await;
        for id in ids(&page) {
            assert!(seen.insert(id), "event {id} on two pages");
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    let stats = ok(&app, "/api/stats").await;
    assert_eq!(seen.len() as i64, stats["events"].as_i64().unwrap());
}

#[tokio::test]
async fn events_take_every_query_filter() {
    let app = app();
    let page = ok(&app, "/api/events?dyad=FRA:CHN").await;
    let events = page["events"].as_array().unwrap();
    assert_eq!(
        events.len(),
        fra_chn(),
        "what `dyad query --dyad FRA:CHN` finds"
    );
    // (the seed's coding has four acts of France towards China: 030, 040, 042, 022)
    assert!(events.len() >= 4);
    assert!(events
        .iter()
        .all(|e| e["source"].as_str().unwrap().starts_with("FRA")
            && e["target"].as_str().unwrap().starts_with("CHN")));
    let meeting = ok(&app, "/api/events?source=FRAGOV&target=CHNGOV&code=04").await;
    assert_eq!(meeting["events"][0]["code"], "040");
    assert_eq!(meeting["events"][0]["place_name"], "Beijing");
    let both = ok(&app, "/api/events?actor=FRA&actor=CHN&limit=100").await;
    assert!(ids(&both).len() >= 5);
    for (q, check) in [
        ("root=04", "root"),
        ("quad=4", "quad_class"),
        ("from=2025-12-04&to=2025-12-04", "date"),
        ("country=CHN", "place_country"),
    ] {
        let page = ok(&app, &format!("/api/events?{q}&limit=500")).await;
        let events = page["events"].as_array().unwrap();
        assert!(!events.is_empty(), "{q} finds events");
        for e in events {
            match check {
                "root" => assert_eq!(e["root"], "04"),
                "quad_class" => assert_eq!(e["quad_class"], 4),
                "date" => assert_eq!(e["date"], "2025-12-04"),
                _ => assert_eq!(e["place_country"], "CHN"),
            }
        }
    }
    let words = ok(&app, "/api/events?text=met%20with").await;
    assert!(words["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["evidence"].as_str().unwrap().contains("met with")));
    let without = ids(&ok(&app, "/api/events?limit=500&actor=ISR").await).len();
    let with = ids(&ok(&app, "/api/events?limit=500&actor=ISR&with_negated=true").await).len();
    assert!(with >= without);
    // parameters are values, never SQL
    let odd = ok(
        &app,
        "/api/events?text=%27%3B%20DROP%20TABLE%20events%3B%20--",
    )
    .await;
    assert_eq!(ids(&odd).len(), 0);
    assert!(ok(&app, "/api/stats").await["events"].as_i64().unwrap() > 0);
}

#[tokio::test]
async fn events_refuse_bad_parameters() {
    let app = app();
    for (q, field) in [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=ten", "limit"),
        ("cursor=nonsense", "cursor"),
        ("cursor=2025-99-01~5", "cursor"),
        ("from=2025-13-01", "from"),
        ("from=2025-12-05&to=2025-12-01", "to"),
        ("quad=5", "quad"),
        ("root=99", "root"),
        ("root=4", "root"),
        ("code=04x", "code"),
        ("actor=U%24A", "actor"),
        ("source=1", "source"),
        ("dyad=FRA", "dyad"),
        ("dyad=FRA:CHN&source=FRA", "dyad"),
        ("country=Chinaland", "country"),
        ("with_negated=maybe", "with_negated"),
        ("limit=5&limit=6", "limit"),
        ("sort=newest", "sort"),
        ("order=date", "order"),
        ("actor=A&actor=B&actor=C&actor=D&actor=E", "actor"),
    ] {
        bad(&app, &format!("/api/events?{q}"), 400, Some(field)).await;
    }
}

#[tokio::test]
async fn one_event_with_its_reports_and_articles() {
    let app = app();
    let page = ok(&app, "/api/events?actor=ISRGOV&code=010").await;
    let declared = page["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["num_articles"] == 3)
        .expect("the declaration three articles report")
        .clone();
    let id = declared["id"].as_i64().unwrap();
    let one = ok(&app, &format!("/api/events/{id}")).await;
    assert_eq!(one["event"]["id"], id);
    let reports = one["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 3);
    assert_eq!(one["articles"].as_array().unwrap().len(), 3);
    for r in reports {
        assert!(r["evidence"]["text"].as_str().unwrap().len() > 3);
        assert!(r["source"]["start"].is_i64());
        assert!(r["verb"]["text"].is_string());
    }
    bad(&app, "/api/events/12345", 404, None).await;
    bad(&app, "/api/events/abc", 400, Some("id")).await;
    bad(&app, &format!("/api/events/{id}?full=1"), 400, Some("full")).await;
}

/// The characters `start..end` of `text`.
fn slice(text: &str, s: &Value) -> String {
    let (a, b) = (
        s["start"].as_u64().unwrap() as usize,
        s["end"].as_u64().unwrap() as usize,
    );
    text.chars().skip(a).take(b - a).collect()
}

#[tokio::test]
async fn article_with_every_coded_span() {
    let app = app();
    let a = ok(&app, "/api/articles/seed-2025-12-04-beijing.txt").await;
    let text = a["text"].as_str().unwrap();
    assert_eq!(a["date"], "2025-12-04");
    let events = a["events"].as_array().unwrap();
    assert!(events.len() >= 7, "the seed's events");
    for e in events {
        assert_eq!(slice(text, &e["evidence"]), e["evidence"]["text"]);
        for role in ["source", "target", "verb"] {
            if e[role].is_object() {
                assert_eq!(slice(text, &e[role]), e[role]["text"], "{role} of {e}");
            }
        }
    }
    assert!(events.iter().any(|e| e["source_code"] == "FRAGOV"
        && e["code"] == "040"
        && e["verb"]["text"] == "met with"));
    assert!(a["quotes"].as_array().is_some());
    // ids are percent-encoded in the path
    let abc = ok(&app, "/api/articles/lee%2D149").await;
    assert_eq!(abc["id"], "lee-149");
    bad(&app, "/api/articles/no-such-article", 404, None).await;
    bad(&app, "/api/articles/lee-149?x=1", 400, Some("x")).await;
    bad(
        &app,
        &format!("/api/articles/{}", "a".repeat(1001)),
        400,
        Some("id"),
    )
    .await;
}

#[tokio::test]
async fn actors_by_code_or_name() {
    let app = app();
    let by_code = ok(&app, "/api/actors?q=fragov").await;
    let hit = &by_code["actors"][0];
    assert_eq!(hit["code"], "FRAGOV");
    assert!(hit["events"].as_i64().unwrap() >= 1);
    let by_name = ok(&app, "/api/actors?q=Macron").await;
    assert!(by_name["actors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["code"] == "FRAGOV"
            && a["names"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n.as_str().unwrap().contains("Macron"))));
    let few = ok(&app, "/api/actors?q=is&limit=2").await;
    assert!(few["actors"].as_array().unwrap().len() <= 2);
    let none = ok(&app, "/api/actors?q=%25%25").await;
    assert_eq!(none["actors"].as_array().unwrap().len(), 0, "% is literal");
    bad(&app, "/api/actors", 400, Some("q")).await;
    bad(&app, "/api/actors?q=a", 400, Some("q")).await;
    bad(&app, "/api/actors?q=france&limit=101", 400, Some("limit")).await;
}

#[tokio::test]
async fn series_of_a_dyad() {
    let app = app();
    let s = ok(&app, "/api/series?dyad=FRA:CHN&by=day").await;
    assert_eq!(s["by"], "day");
    let p = &s["points"][0];
    assert_eq!(p["period"], "2025-12-04");
    let n = fra_chn() as i64;
    assert_eq!(p["events"], n);
    let quad: i64 = p["quad"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q.as_i64().unwrap())
        .sum();
    assert_eq!(quad, n, "quad classes add up to the events");
    let mean = p["goldstein_mean"].as_f64().unwrap();
    let sum = p["goldstein_sum"].as_f64().unwrap();
    assert!((mean * n as f64 - sum).abs() < 1e-9);
    let both = ok(&app, "/api/series?actor=FRA&actor=CHN&by=week").await;
    assert_eq!(
        both["points"][0]["period"], "2025-12-01",
        "weeks are named by their Monday"
    );
    let month = ok(&app, "/api/series?actor=FRA").await;
    assert_eq!(month["by"], "month");
    assert_eq!(month["points"][0]["period"], "2025-12");
    bad(&app, "/api/series?dyad=FRA:CHN&by=year", 400, Some("by")).await;
    // any range of dates is allowed; too many periods are not
    let long = ok(&app, "/api/series?from=1900-01-01&to=2025-01-01").await;
    assert_eq!(long["points"].as_array().unwrap().len(), 125 * 12 + 1);
    bad(
        &app,
        "/api/series?from=1900-01-01&to=2025-01-01&by=day",
        400,
        Some("by"),
    )
    .await;
    bad(&app, "/api/series?limit=5", 400, Some("limit")).await;
}

#[tokio::test]
async fn aggregations_take_exact_and_say_when_they_were_sampled() {
    let app = app();
    // a store this small is counted whole: no `sample`, with or without exact
    for uri in [
        "/api/series?text=met",
        "/api/network?text=met",
        "/api/places?text=met",
    ] {
        for exact in ["", "&exact=true", "&exact=false"] {
            let v = ok(&app, &format!("{uri}{exact}")).await;
            assert!(v.get("sample").is_none(), "{uri}{exact}: {v}");
        }
        bad(&app, &format!("{uri}&exact=maybe"), 400, Some("exact")).await;
    }
    let exact = ok(&app, "/api/series?actor=FRA&exact=true").await;
    assert_eq!(exact, ok(&app, "/api/series?actor=FRA").await);
    // the other routes do not take it
    bad(&app, "/api/events?exact=true", 400, Some("exact")).await;
}

#[tokio::test]
async fn network_of_a_period() {
    let app = app();
    let n = ok(&app, "/api/network").await;
    let nodes: BTreeSet<&str> = n["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    let edges = n["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        assert!(nodes.contains(e["source"].as_str().unwrap()));
        assert!(nodes.contains(e["target"].as_str().unwrap()));
        assert_ne!(e["source"], e["target"]);
        assert_eq!(
            e["source"].as_str().unwrap().len(),
            3,
            "country level by default"
        );
    }
    let weights: Vec<i64> = edges
        .iter()
        .map(|e| e["events"].as_i64().unwrap())
        .collect();
    assert!(weights.windows(2).all(|w| w[0] >= w[1]), "heaviest first");
    let few = ok(
        &app,
        "/api/network?level=actor&edges=3&from=2025-12-01&to=2025-12-31",
    )
    .await;
    assert_eq!(few["edges"].as_array().unwrap().len(), 3);
    assert!(few["edges_omitted"].as_i64().unwrap() > 0);
    bad(&app, "/api/network?level=planet", 400, Some("level")).await;
    bad(&app, "/api/network?edges=0", 400, Some("edges")).await;
    // the database's whole range, however long, is allowed
    ok(&app, "/api/network?from=1990-01-01&to=2025-12-31").await;
}

#[tokio::test]
async fn places_of_events() {
    let app = app();
    let p = ok(&app, "/api/places?actor=FRA").await;
    let places = p["places"].as_array().unwrap();
    let beijing = places
        .iter()
        .find(|x| x["name"] == "Beijing")
        .expect("Beijing");
    assert_eq!(beijing["country"], "CHN");
    assert!((beijing["lat"].as_f64().unwrap() - 39.9075).abs() < 1e-6);
    bad(&app, "/api/places?limit=2001", 400, Some("limit")).await;
    bad(&app, "/api/places?quad=0", 400, Some("quad")).await;
}

#[tokio::test]
async fn stats_of_the_database() {
    let app = app();
    let s = ok(&app, "/api/stats").await;
    assert_eq!(s["articles"], 350);
    assert!(s["events"].as_i64().unwrap() > 500);
    assert!(s["mentions"].as_i64().unwrap() >= s["events"].as_i64().unwrap());
    assert_eq!(s["first_date"], "2025-12-04");
    let quad: i64 = s["quad"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q.as_i64().unwrap())
        .sum();
    assert_eq!(quad, s["events"].as_i64().unwrap());
    assert_eq!(s["top_dyads"].as_array().unwrap().len(), 10);
    bad(&app, "/api/stats?x=1", 400, Some("x")).await;
}

#[tokio::test]
async fn openapi_document_matches_the_routes() {
    let app = app();
    let doc = ok(&app, "/api/openapi.json").await;
    assert_eq!(doc["openapi"], "3.0.3");
    let mut documented = BTreeSet::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            documented.insert((method.clone(), path.clone()));
        }
    }
    let routed: BTreeSet<(String, String)> = dyad_server::ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented, routed);
    // and every route answers (not the fallback's "no route")
    for (method, path) in &routed {
        let uri = path.replace("{id}", if path.contains("events") { "1" } else { "x" });
        let a = if method == "get" {
            get(&app, &uri).await
        } else {
            post(&app, &uri, None, b"{}".to_vec()).await
        };
        assert!(
            !a.text.contains("no route"),
            "{method} {path} is documented but not routed"
        );
    }
    // every $ref points at a component
    let text = doc.to_string();
    for part in text.split("\"$ref\":\"#/components/").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        let (kind, name) = target.split_once('/').unwrap();
        assert!(
            doc["components"][kind][name].is_object(),
            "dangling $ref {target}"
        );
    }
}

#[tokio::test]
async fn dashboard_assets_and_no_path_traversal() {
    let app = app();
    let index = get(&app, "/").await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.text.contains("/assets/app.js"));
    assert!(index.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let js = get(&app, "/assets/app.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert!(js.text.len() > 100_000, "the bundle with its libraries");
    let land = ok(&app, "/assets/land-110m.json").await;
    assert_eq!(land["type"], "Topology");
    for uri in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e%2fCargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2fetc%2fpasswd",
        "/../../etc/passwd",
        "/etc/passwd",
        "/assets/",
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!a.text.contains("[package]") && !a.text.contains("root:"));
    }
    let api = bad(&app, "/api/nothing", 404, None).await;
    assert!(api["error"].as_str().unwrap().contains("no route"));
    assert_eq!(
        index.headers["x-content-type-options"], "nosniff",
        "security headers"
    );
}

/// Issue 21: `GET /api/articles` (a POST-only route) was a 405 with an empty body; every 4xx
/// is the JSON error.
#[tokio::test]
async fn a_method_a_route_does_not_take_is_a_json_405() {
    let app = app();
    for uri in ["/api/articles", "/api/stats"] {
        let req = if uri == "/api/articles" {
            axum::http::Request::get(uri)
        } else {
            axum::http::Request::delete(uri)
        };
        let a = common::send(&app, req.body(axum::body::Body::empty()).unwrap()).await;
        assert_eq!(
            a.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{uri}: {}",
            a.text
        );
        assert!(a.json["error"].is_string(), "{uri}: {}", a.text);
    }
}
