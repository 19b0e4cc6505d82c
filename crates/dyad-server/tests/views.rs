//! The API behind an analyst's views of the sample database: names resolved (or refused with
//! the nearest codes), totals and orders, the continuous time axis with its undated count,
//! labels, clean actor suggestions, and the streamed export of a view.

mod common;

use axum::http::StatusCode;
use common::{app, app_with_names, bad, get, ok};
use serde_json::Value;

fn codes(page: &Value, field: &str) -> Vec<String> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e[field].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn a_typed_name_resolves_through_the_dictionaries() {
    let app = app_with_names();
    let page = ok(&app, "/api/events?actor=Macron").await;
    assert_eq!(
        page["resolved"][0]["code"], "FRAGOV",
        "{}",
        page["resolved"]
    );
    assert_eq!(page["resolved"][0]["name"], "Macron");
    let sources = codes(&page, "source");
    let targets = codes(&page, "target");
    assert!(!sources.is_empty());
    assert!(sources
        .iter()
        .zip(&targets)
        .all(|(s, t)| s.starts_with("FRAGOV") || t.starts_with("FRAGOV")));
    let read = ok(&app, "/api/filter?actor=Macron&country=China").await;
    assert_eq!(
        read["params"],
        serde_json::json!([["actor", "FRAGOV"], ["country", "CHN"]])
    );
    let same = ok(&app, "/api/events?actor=FRAGOV&country=CHN").await;
    assert_eq!(read["events"], same["total"]);
    // a word over a store this small is counted, not estimated: no sample
    let word = ok(&app, "/api/filter?actor=FRA&text=met").await;
    let page = ok(&app, "/api/events?actor=FRA&text=met").await;
    assert_eq!(word["events"], page["total"]);
    assert!(word["sample"].is_null(), "{word}");
    assert_eq!(word["events_is_lower_bound"], false);
    // an unknown name says so and offers codes
    let e = bad(&app, "/api/events?actor=Francia", 400, Some("actor")).await;
    let msg = e["error"].as_str().unwrap();
    assert!(
        msg.contains("no actor dictionary entry names \"Francia\""),
        "{msg}"
    );
    assert!(msg.contains("FRA (France)"), "{msg}");
    let e = bad(&app, "/api/series?country=Chinaland", 400, Some("country")).await;
    assert!(e["error"].as_str().unwrap().contains("CHN (China)"), "{e}");
    // without a name reader (an embedding that hands in none) names are refused, not empty
    bad(
        &common::app(),
        "/api/events?actor=Macron",
        400,
        Some("actor"),
    )
    .await;
}

#[tokio::test]
async fn pages_carry_the_total_and_follow_the_order() {
    let app = app();
    let stats = ok(&app, "/api/stats").await;
    let first = ok(&app, "/api/events?sort=-date&limit=20").await;
    assert_eq!(first["total"], stats["events"]);
    // a store this small is counted exactly
    assert_eq!(first["total_is_lower_bound"], false);
    assert_eq!(first["sort"], "-date");
    // newest first: the seed story's dated events before the undated ABC ones
    assert_eq!(first["events"][0]["date"], "2025-12-04");
    let next = first["next_cursor"].as_str().unwrap();
    let second = ok(
        &app,
        &format!("/api/events?sort=-date&limit=20&cursor={next}"),
    )
    .await;
    assert!(
        second["total"].is_null(),
        "the total comes with the first page"
    );
    let by_reports = ok(&app, "/api/events?sort=-reports&limit=500").await;
    let n: Vec<i64> = by_reports["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["num_mentions"].as_i64().unwrap())
        .collect();
    assert!(n.windows(2).all(|w| w[0] >= w[1]), "{n:?}");
    let by_gold = ok(&app, "/api/events?sort=goldstein&limit=5").await;
    let g: Vec<f64> = by_gold["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["goldstein"].as_f64().unwrap())
        .collect();
    assert!(g.windows(2).all(|w| w[0] <= w[1]), "{g:?}");
    // a first page that is not full is the total; a full one is counted
    for (query, full) in [("code=04&limit=500", false), ("code=04&limit=1", true)] {
        let filtered = ok(&app, &format!("/api/events?{query}")).await;
        let shown = filtered["events"].as_array().unwrap().len();
        let total = filtered["total"].as_i64().unwrap() as usize;
        assert_eq!(
            total > shown,
            full,
            "{query}: {total} events, {shown} shown"
        );
        assert_eq!(filtered["total_is_lower_bound"], false);
    }
    bad(&app, "/api/events?sort=newest", 400, Some("sort")).await;
    bad(
        &app,
        "/api/events?sort=goldstein&cursor=2025-12-04~1",
        400,
        Some("cursor"),
    )
    .await;
    // from after to: one error, naming `to`, as the filter's reading (not a failed request)
    let read = ok(&app, "/api/filter?from=2025-12-05&to=2025-12-01").await;
    assert_eq!(read["valid"], false);
    assert_eq!(read["field"], "to");
    assert!(read["error"].as_str().unwrap().contains("before"), "{read}");
    let read = ok(&app, "/api/filter?code=04x").await;
    assert_eq!(
        (read["valid"].as_bool(), read["field"].as_str()),
        (Some(false), Some("code"))
    );
    assert_eq!(ok(&app, "/api/filter?code=04").await["valid"], true);
    bad(&app, "/api/filter?order=date", 400, Some("order")).await;
}

#[tokio::test]
async fn the_series_is_continuous_and_counts_the_undated() {
    let app = app();
    let stats = ok(&app, "/api/stats").await;
    let s = ok(&app, "/api/series?by=day&from=2025-11-30&to=2025-12-06").await;
    let periods: Vec<&str> = s["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods.len(), 7, "every day, empty ones too: {periods:?}");
    assert_eq!(s["points"][0]["events"], 0);
    assert!(s["points"][4]["events"].as_i64().unwrap() > 0);
    assert_eq!(s["undated"], stats["undated_events"]);
    let auto = ok(&app, "/api/series?by=auto").await;
    assert_eq!(auto["by"], "day", "one day of dated events fits days");
    let years = ok(&app, "/api/series?by=auto&from=2000-01-01&to=2025-12-31").await;
    assert_eq!(years["by"], "month");
    let f = ok(&app, "/api/filter?dyad=FRA:CHN").await;
    assert_eq!(f["undated"], 0);
}

#[tokio::test]
async fn labels_and_clean_suggestions() {
    let app = app();
    let c = ok(&app, "/api/codes?actor=FRAGOV&actor=---").await;
    let events = c["events"].as_array().unwrap();
    let meet = events.iter().find(|e| e["code"] == "040").unwrap();
    assert!(
        meet["label"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("consult"),
        "{meet}"
    );
    assert!(c["actors"]["FRAGOV"]
        .as_str()
        .unwrap()
        .starts_with("France"));
    assert_eq!(c["actors"]["---"], "country unknown");
    let hits = ok(&app, "/api/actors?q=isr&limit=20").await;
    for a in hits["actors"].as_array().unwrap() {
        for n in a["names"].as_array().unwrap() {
            let n = n.as_str().unwrap().to_lowercase();
            assert!(
                !["he", "both sides", "the", "they"].contains(&n.as_str())
                    && !n.starts_with("the "),
                "{a}"
            );
        }
    }
    let isr = &hits["actors"][0];
    assert!(
        isr["label"].as_str().unwrap().starts_with("Israel"),
        "{isr}"
    );
}

#[tokio::test]
async fn the_view_exports_as_a_streamed_file() {
    let app = app();
    let total = ok(&app, "/api/events?actor=ISR").await["total"]
        .as_i64()
        .unwrap();
    let csv = get(&app, "/api/export?format=csv&actor=ISR&sort=-goldstein").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("dyad-events.csv"));
    assert_eq!(
        csv.text.lines().count() as i64,
        total + 1,
        "header and rows"
    );
    // every ISR event of the sample is undated: GDELT's format leaves them out, and says so
    let gdelt = get(&app, "/api/export?format=gdelt&actor=ISR").await;
    assert_eq!(gdelt.status, StatusCode::OK);
    assert_eq!(
        gdelt.headers["x-dyad-undated-left-out"],
        total.to_string().as_str()
    );
    assert_eq!(gdelt.text.lines().count(), 0);
    let dated = get(&app, "/api/export?format=gdelt&actor=ISR&undated=dateadded").await;
    assert_eq!(dated.text.lines().count() as i64, total);
    assert!(dated.text.lines().all(|l| l.split('\t').count() == 61));
    let parquet = get(&app, "/api/export?format=parquet&actor=ISR").await;
    assert_eq!(parquet.status, StatusCode::OK);
    let body = parquet.text.as_bytes();
    assert!(body.starts_with(b"PAR1"), "a Parquet file");
    // more events than one page of the stream: every one comes through
    let all = ok(&app, "/api/stats").await["events"].as_i64().unwrap();
    let jsonl = get(&app, "/api/export?format=jsonl").await;
    assert_eq!(jsonl.text.lines().count() as i64, all);
    bad(&app, "/api/export", 400, Some("format")).await;
    bad(&app, "/api/export?format=xls", 400, Some("format")).await;
    bad(
        &app,
        "/api/export?format=gdelt&undated=today",
        400,
        Some("undated"),
    )
    .await;
}
