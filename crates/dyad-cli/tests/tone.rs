//! Tone (GDELT's AvgTone) from the store to every export format and filter, on two articles
//! worked by hand with AFINN-165 (`data/tone/AFINN-165.tsv`):
//!
//! * "France praised China for its excellent support." — 7 words; praised (+3), excellent
//!   (+3) and support (+2) positive: 100 × 3 / 7 = 42.8571.
//! * "Russia attacked Ukraine, killing innocent civilians." — 6 words; attacked (-1) and
//!   killing (-3) negative ("innocent" is not in the lexicon): 100 × -2 / 6 = -33.3333.

mod common;

use std::path::Path;

use common::{dyad_ok, events, ingested, parquet_doubles};

const PRAISE: f64 = 42.8571;
const ATTACK: f64 = -33.3333;

fn database(dir: &Path) -> String {
    ingested(
        dir,
        "tone",
        concat!(
            r#"{"id":"praise","date":"2025-12-01","text":"France praised China for its excellent support."}"#,
            "\n",
            r#"{"id":"attack","date":"2025-12-01","text":"Russia attacked Ukraine, killing innocent civilians."}"#,
            "\n"
        ),
    )
}

/// The numbers in column `n` (from 0) of a tab-separated export, in order.
fn sorted_numbers(tsv: &str, n: usize) -> Vec<f64> {
    let mut v: Vec<f64> = tsv
        .lines()
        .map(|l| l.split('\t').nth(n).unwrap().parse().unwrap())
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

/// (article, tone) of each event of a JSON Lines export.
fn tones(jsonl: &str) -> Vec<(String, f64)> {
    let mut t: Vec<(String, f64)> = events(jsonl)
        .iter()
        .map(|e| {
            (
                e["article_id"].as_str().unwrap().to_string(),
                e["tone"].as_f64().unwrap(),
            )
        })
        .collect();
    t.sort_by(|a, b| a.0.cmp(&b.0));
    t
}

#[test]
fn tone_is_in_every_export_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let export = |format: &str| dyad_ok(&["export", "--db", &db, "--format", format]);

    let jsonl = export("jsonl");
    assert_eq!(
        tones(&jsonl),
        [
            ("attack".to_string(), ATTACK),
            ("praise".to_string(), PRAISE)
        ]
    );
    // each report carries its sentence's tone (one sentence here: the article's)
    for e in events(&jsonl) {
        assert_eq!(e["reports"][0]["tone"], e["tone"]);
    }

    let avg = sorted_numbers(&export("gdelt"), 34);
    assert_eq!(avg, [ATTACK, PRAISE], "AvgTone, column 35");

    let doc = sorted_numbers(&export("mentions"), 13);
    assert_eq!(doc, [ATTACK, PRAISE], "MentionDocTone, column 14");

    let csv = export("csv");
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let at = header
        .iter()
        .position(|c| *c == "tone")
        .expect("a tone column");
    let mut col: Vec<f64> = csv
        .lines()
        .skip(1)
        .map(|l| l.trim_end().split(',').nth(at).unwrap().parse().unwrap())
        .collect();
    col.sort_by(f64::total_cmp);
    assert_eq!(col, [ATTACK, PRAISE]);

    let parquet = dir.path().join("events.parquet");
    dyad_ok(&[
        "export",
        "--db",
        &db,
        "--format",
        "parquet",
        "--out",
        parquet.to_str().unwrap(),
    ]);
    let mut col = parquet_doubles(&parquet, "tone");
    col.sort_by(f64::total_cmp);
    assert_eq!(col, [ATTACK, PRAISE]);
}

#[test]
fn tone_filters_events_in_query_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let jsonl = |flags: &[&str]| {
        let mut args = vec!["export", "--db", &db, "--format", "jsonl"];
        args.extend_from_slice(flags);
        tones(&dyad_ok(&args))
    };
    assert_eq!(
        jsonl(&["--tone-below", "0"]),
        [("attack".to_string(), ATTACK)]
    );
    assert_eq!(
        jsonl(&["--tone-above", "-10"]),
        [("praise".to_string(), PRAISE)]
    );
    assert!(jsonl(&["--tone-above", "42.86"]).is_empty());
    assert_eq!(
        jsonl(&["--tone-above", "-40", "--tone-below", "50"]).len(),
        2
    );
    let q = dyad_ok(&["query", "--db", &db, "--tone-below", "-33"]);
    assert!(q.contains("attack") && !q.contains("praise"), "{q}");
    let out = common::dyad(&["query", "--db", &db, "--tone-below", "-101"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--tone-below"));
}
