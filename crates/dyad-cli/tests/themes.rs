//! Themes: the Phoenix issue dictionary tags each article and each event's sentence, and the
//! issues reach every export format (PLOVER's `context`, JSONL, CSV, Parquet), the `--issue`
//! filter of query and export, and the summary statistics the API's `/api/stats` serves.

mod common;

use std::path::Path;

use common::{dyad, dyad_ok, events, ingested, parquet_strings};

/// Two articles: United Nations peacekeepers attacked (PEACEKEEPERS), and praise (no issue).
fn database(dir: &Path) -> String {
    ingested(
        dir,
        "themes",
        concat!(
            r#"{"id":"pk","date":"2025-12-01","text":"Rebels attacked United Nations peacekeepers in Mali on Monday."}"#,
            "\n",
            r#"{"id":"praise","date":"2025-12-01","text":"France praised China for its excellent support."}"#,
            "\n"
        ),
    )
}

fn export(db: &str, format: &str, flags: &[&str]) -> String {
    let mut args = vec!["export", "--db", db, "--format", format];
    args.extend_from_slice(flags);
    dyad_ok(&args)
}

#[test]
fn issues_are_stored_per_article_and_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let c = rusqlite::Connection::open(&db).unwrap();
    let article: String = c
        .query_row("SELECT issues FROM articles WHERE id = 'pk'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(article, "PEACEKEEPERS");
    let sentence: String = c
        .query_row(
            "SELECT issues FROM mentions WHERE article_id = 'pk'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sentence, "PEACEKEEPERS");
    let none: String = c
        .query_row("SELECT issues FROM articles WHERE id = 'praise'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(none, "");
}

#[test]
fn issues_are_in_every_export_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());

    let jsonl = events(&export(&db, "jsonl", &[]));
    for e in &jsonl {
        let want: Vec<&str> = if e["article_id"] == "pk" {
            vec!["PEACEKEEPERS"]
        } else {
            vec![]
        };
        assert_eq!(e["issues"], serde_json::json!(want), "{e}");
        assert_eq!(e["reports"][0]["issues"], serde_json::json!(want));
    }

    let csv = export(&db, "csv", &[]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(header.last(), Some(&"issues"));
    assert!(csv
        .lines()
        .any(|l| l.contains(",pk,") && l.trim_end().ends_with(",PEACEKEEPERS")));

    // the attack is 190, which PLOVER has (ASSAULT): its context holds the issue
    let plover = events(&export(&db, "plover", &[]));
    let attack = plover
        .iter()
        .find(|r| r["cite_info"]["citation"] == "pk")
        .expect("the attack in PLOVER");
    let context: Vec<&str> = attack["context"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(context.contains(&"peacekeepers"), "{context:?}");

    let parquet = dir.path().join("events.parquet");
    export(&db, "parquet", &["--out", parquet.to_str().unwrap()]);
    let mut issues = parquet_strings(&parquet, "issues");
    issues.sort();
    assert_eq!(issues, ["", "PEACEKEEPERS"]);
}

#[test]
fn the_issue_filter_takes_the_events_whose_sentences_name_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let only = events(&export(&db, "jsonl", &["--issue", "peacekeepers"]));
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["article_id"], "pk");
    assert!(export(&db, "jsonl", &["--issue", "REFUGEES"]).is_empty());
    let q = dyad_ok(&["query", "--db", &db, "--issue", "PEACEKEEPERS"]);
    assert!(q.contains("pk") && !q.contains("praise"), "{q}");
    let bad = dyad(&["query", "--db", &db, "--issue", "no such"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--issue"));
}

#[test]
fn the_statistics_count_events_per_issue() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let store = dyad_store::Store::open_read_only(Path::new(&db)).unwrap();
    let stats = dyad_store::explore::stats(store.conn()).unwrap();
    let issues: Vec<(String, i64)> = stats
        .top_issues
        .iter()
        .map(|c| (c.key.clone(), c.events))
        .collect();
    assert_eq!(issues, [("PEACEKEEPERS".to_string(), 1)]);
}
