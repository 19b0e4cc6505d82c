//! `dyad ingest`, `recode`, `query` and `export` as a user runs them: idempotent ingests,
//! a process killed in the middle of an ingest, saved HTML pages, and clear errors.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{data, dyad, sound};
use rusqlite::{Connection, OpenFlags};

fn ok(args: &[&str]) -> (String, String) {
    let out = dyad(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "dyad {args:?} failed: {stderr}");
    (String::from_utf8(out.stdout).expect("utf-8"), stderr)
}

/// Fails with exit code 1 and a message containing `needle`.
fn fails(args: &[&str], needle: &str) {
    let out = dyad(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "dyad {args:?}: {stderr}");
    assert!(stderr.contains(needle), "dyad {args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Row counts of the four tables.
fn counts(db: &Path) -> [i64; 4] {
    let c = Connection::open(db).expect("open db");
    ["articles", "events", "mentions", "quotes"].map(|t| {
        c.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
            .expect("count")
    })
}

/// Every event's id and counts, sorted: what a database says, apart from when.
fn event_table(db: &Path) -> Vec<(i64, String, i64, i64, i64)> {
    let c = Connection::open(db).expect("open db");
    let mut st = c
        .prepare("SELECT id, key, num_mentions, num_articles, num_sources FROM events ORDER BY id")
        .unwrap();
    st.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn ingesting_the_sample_corpus_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lee.db");
    let dbs = db.to_str().unwrap();
    let corpus = data("corpus/lee_abc_news.jsonl");
    let (_, first) = ok(&["ingest", &corpus, "--db", dbs]);
    assert!(first.contains("349 articles added"), "{first}");
    let once = counts(&db);
    let events = event_table(&db);
    assert_eq!(once[0], 349);
    assert!(once[1] > 300 && once[2] >= once[1], "{once:?}");
    let (_, second) = ok(&["ingest", &corpus, "--db", dbs]);
    assert!(
        second.contains("0 articles added, 0 replaced, 349 unchanged"),
        "{second}"
    );
    assert_eq!(counts(&db), once);
    assert_eq!(event_table(&db), events);
    // some of the corpus's reports merge across articles
    assert!(events.iter().any(|e| e.3 > 1), "no event has two articles");
    let c = Connection::open(&db).unwrap();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

/// The sample corpus `copies` times over, with distinct ids, as one JSON Lines file.
fn big_corpus(dir: &Path, copies: usize) -> String {
    let text = std::fs::read_to_string(data("corpus/lee_abc_news.jsonl")).unwrap();
    let mut out = String::new();
    for k in 0..copies {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = format!("{}-copy{k}", v["id"].as_str().unwrap());
            v["id"] = serde_json::Value::String(id);
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    let path = dir.join("big.jsonl");
    std::fs::write(&path, out).unwrap();
    path.display().to_string()
}

fn stored_articles(db: &Path) -> Option<i64> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
        .ok()
}

#[test]
fn an_ingest_killed_midway_leaves_a_sound_database_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = big_corpus(dir.path(), 8);
    let total = 8 * 349;

    // the reference: one clean run
    let clean = dir.path().join("clean.db");
    ok(&[
        "ingest",
        &input,
        "--db",
        clean.to_str().unwrap(),
        "--batch",
        "40",
    ]);
    assert_eq!(counts(&clean)[0], total);

    // killed with SIGKILL once some batches are committed
    let db = dir.path().join("killed.db");
    let args = [
        "ingest",
        &input,
        "--db",
        db.to_str().unwrap(),
        "--batch",
        "40",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dyad");
    loop {
        if stored_articles(&db).unwrap_or(0) > 0 {
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    // Child::kill sends SIGKILL on Unix (a child that has finished already is left as it is)
    let _ = child.kill();
    let _ = child.wait();

    // sound: integrity, and only whole articles (every event has its report)
    sound(&db);
    let partial = counts(&db)[0];
    eprintln!("killed after {partial} of {total} articles were stored");
    assert!(partial > 0 && partial <= total);

    let (_, rerun) = ok(&args);
    assert!(
        rerun.contains(&format!("{} unchanged", partial)),
        "{rerun} (after {partial})"
    );
    assert_eq!(counts(&db), counts(&clean), "no duplicates, none missing");
    assert_eq!(event_table(&db), event_table(&clean));
    let c = Connection::open(&db).unwrap();
    let dup: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM (SELECT article_id, event_id, sentence, COUNT(*) n
                 FROM mentions GROUP BY 1, 2, 3 HAVING n > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let dup_clean: i64 = Connection::open(&clean)
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM (SELECT article_id, event_id, sentence, COUNT(*) n
                 FROM mentions GROUP BY 1, 2, 3 HAVING n > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dup, dup_clean);
}

/// A database with the seed story ingested, in a folder of its own (kept while the
/// returned handle lives).
fn seed_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seed.db");
    ok(&[
        "ingest",
        &data("corpus/seed-2025-12-04-beijing.txt"),
        "--db",
        db.to_str().unwrap(),
    ]);
    (dir, db)
}

#[test]
fn query_and_export_the_seed() {
    let (dir, db) = seed_db();
    let dbs = db.to_str().unwrap();
    let (table, _) = ok(&["query", "--db", dbs, "--dyad", "FRA:CHN"]);
    assert!(table.starts_with("date"), "{table}");
    assert!(table.contains("FRAGOV  040   CHNGOV"), "{table}");
    let (json, _) = ok(&["query", "--db", dbs, "--actor", "FRA", "--json"]);
    for l in json.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let (s, t) = (v["source"].as_str().unwrap(), v["target"].as_str().unwrap());
        assert!(s.starts_with("FRA") || t.starts_with("FRA"), "{l}");
    }
    let (by, _) = ok(&["query", "--db", dbs, "--by", "week", "--json"]);
    assert!(
        by.lines().all(|l| l.contains("\"period\":\"2025-12-01\"")),
        "{by}"
    );
    // the meeting, and the state visit whose evidence runs from the visitor's name
    let (text, _) = ok(&["query", "--db", dbs, "--text", "met with", "--json"]);
    let codes: Vec<&str> = text
        .lines()
        .map(|l| {
            if l.contains("\"code\":\"040\"") {
                "040"
            } else {
                "other"
            }
        })
        .collect();
    assert!(codes.contains(&"040"), "{text}");
    assert!(text.lines().all(|l| l.contains("met with")), "{text}");
    let (none, _) = ok(&["query", "--db", dbs, "--text", "no such words", "--json"]);
    assert_eq!(none.lines().count(), 0, "{none}");

    // a row for each event the store lists (the seed story's seven asserted events at least)
    let (gdelt, _) = ok(&["export", "--db", dbs, "--format", "gdelt"]);
    let (all, _) = ok(&["query", "--db", dbs, "--json"]);
    assert_eq!(gdelt.lines().count(), all.lines().count(), "{gdelt}");
    assert!(gdelt.lines().count() >= 7, "{gdelt}");
    assert!(gdelt.lines().all(|l| l.split('\t').count() == 61));
    let (m, _) = ok(&["export", "--db", dbs, "--format", "mentions"]);
    assert!(m.lines().all(|l| l.split('\t').count() == 16));
    let pq = dir.path().join("seed.parquet");
    ok(&[
        "export",
        "--db",
        dbs,
        "--format",
        "parquet",
        "-o",
        pq.to_str().unwrap(),
    ]);
    let reader =
        parquet::file::reader::SerializedFileReader::new(std::fs::File::open(&pq).unwrap())
            .unwrap();
    use parquet::file::reader::FileReader;
    assert_eq!(
        reader.metadata().file_metadata().num_rows() as usize,
        gdelt.lines().count()
    );
    for format in ["jsonl", "csv", "plover"] {
        let (out, _) = ok(&["export", "--db", dbs, "--format", format]);
        assert!(!out.is_empty(), "{format}");
    }
}

#[test]
fn two_wires_reporting_one_meeting_give_one_event() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wires.jsonl");
    let records = [
        serde_json::json!({"id": "reuters-1", "date": "2025-12-04", "source": "Reuters",
            "url": "https://reuters.example/1",
            "text": "BEIJING (Reuters) - French President Emmanuel Macron met with Chinese \
                     President Xi Jinping on Thursday in the Great Hall of the People."}),
        serde_json::json!({"id": "afp-7", "date": "2025-12-04", "source": "AFP",
            "text": "BEIJING (AFP) - Emmanuel Macron met Xi Jinping in Beijing on Thursday, \
                     the French presidency said."}),
    ];
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let db = dir.path().join("wires.db");
    let dbs = db.to_str().unwrap();
    ok(&["ingest", input.to_str().unwrap(), "--db", dbs]);
    let (json, _) = ok(&[
        "query",
        "--db",
        dbs,
        "--dyad",
        "FRAGOV:CHNGOV",
        "--root",
        "04",
        "--json",
    ]);
    let rows: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 1, "{json}");
    assert_eq!(rows[0]["num_articles"], 2);
    assert_eq!(rows[0]["num_sources"], 2);
    // stored in the same second, the first report is the first by article id
    assert_eq!(rows[0]["article_id"], "afp-7");
    let (m, _) = ok(&[
        "export", "--db", dbs, "--format", "mentions", "--root", "04",
    ]);
    let idents: Vec<&str> = m.lines().map(|l| l.split('\t').nth(5).unwrap()).collect();
    assert_eq!(idents, vec!["afp-7", "https://reuters.example/1"]);
}

#[test]
fn recode_updates_articles_coded_with_other_dictionaries() {
    let (_dir, db) = seed_db();
    let dbs = db.to_str().unwrap();
    let before = event_table(&db);
    let (_, same) = ok(&["recode", "--db", dbs]);
    assert!(same.contains("0 articles recoded"), "{same}");
    let verbs = data("dictionaries/CAMEO.2.0.txt");
    let (_, other) = ok(&["recode", "--db", dbs, "--verbs", &verbs]);
    assert!(other.contains("1 articles recoded"), "{other}");
    let (_, again) = ok(&["recode", "--db", dbs, "--verbs", &verbs]);
    assert!(again.contains("0 articles recoded"), "{again}");
    // without dyad's own verbs some events change, the rest keep their ids
    let after = event_table(&db);
    assert!(after.iter().any(|e| before.iter().any(|b| b.0 == e.0)));
    assert_eq!(counts(&db)[0], 1);
}

#[test]
fn recode_pages_through_the_whole_database_and_equals_a_fresh_ingest() {
    // recode reads the stored articles a page (one batch) at a time, by id: with pages of 7
    // every article of the sample is recoded once, and the database ends as an ingest made
    // with the new dictionaries from the start
    let dir = tempfile::tempdir().unwrap();
    let corpus = data("corpus/lee_abc_news.jsonl");
    let verbs = data("dictionaries/CAMEO.2.0.txt");
    let recoded = dir.path().join("recoded.db");
    let fresh = dir.path().join("fresh.db");
    ok(&["ingest", &corpus, "--db", recoded.to_str().unwrap()]);
    let (_, said) = ok(&[
        "recode",
        "--db",
        recoded.to_str().unwrap(),
        "--verbs",
        &verbs,
        "--batch",
        "7",
    ]);
    assert!(said.contains("349 articles recoded"), "{said}");
    ok(&[
        "ingest",
        &corpus,
        "--db",
        fresh.to_str().unwrap(),
        "--verbs",
        &verbs,
    ]);
    assert_eq!(event_table(&recoded), event_table(&fresh));
    assert_eq!(counts(&recoded), counts(&fresh));
}

#[test]
fn a_folder_of_saved_pages_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::write(
        pages.join("macron-xi.html"),
        "<!DOCTYPE html><html><head><title>Macron meets Xi</title>\
         <meta property=\"article:published_time\" content=\"2025-12-04T08:00:00Z\">\
         <meta property=\"og:site_name\" content=\"Example Wire\">\
         <link rel=\"canonical\" href=\"https://wire.example/macron-xi\"></head><body>\
         <nav>Home | World | Sport</nav><article><h1>Macron meets Xi</h1>\
         <p>BEIJING (Reuters) - French President Emmanuel Macron met with Chinese President \
         Xi Jinping on Thursday in the Great Hall of the People in Beijing, the two leaders \
         said after talks that lasted more than two hours.</p>\
         <p>Xi said China was ready to deepen cooperation with France in trade, aviation and \
         nuclear energy, and the two governments signed a dozen agreements.</p>\
         </article></body></html>",
    )
    .unwrap();
    std::fs::write(pages.join("broken.htm"), "<html><body></body></html>").unwrap();
    let db = dir.path().join("pages.db");
    let dbs = db.to_str().unwrap();
    let (_, err) = ok(&["ingest", pages.to_str().unwrap(), "--db", dbs]);
    assert!(err.contains("broken.htm"), "{err}");
    assert!(err.contains("1 articles added"), "{err}");
    let c = Connection::open(&db).unwrap();
    let (url, date, title): (String, String, String) = c
        .query_row("SELECT url, date, title FROM articles", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(url, "https://wire.example/macron-xi");
    assert_eq!(date, "2025-12-04");
    assert!(title.contains("Macron meets Xi"));
    let (json, _) = ok(&["query", "--db", dbs, "--json", "--code", "04"]);
    assert!(json.contains("FRAGOV"), "{json}");
    // `dyad code` reads pages too
    let (events, _) = ok(&["code", pages.join("macron-xi.html").to_str().unwrap()]);
    assert!(events.contains("\"code\":\"04"), "{events}");
}

#[test]
fn a_repeated_article_id_is_skipped_not_swapped_on_every_rerun() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, text) in [
        ("a", "PARIS (AFP) - France criticized Russia on Monday."),
        ("b", "MOSCOW (AFP) - Russia praised France on Monday."),
    ] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("story.txt"), text).unwrap();
    }
    let db = dir.path().join("x.db");
    let args = [
        "ingest",
        dir.path().to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ];
    let (_, err) = ok(&args);
    assert!(err.contains("\"story.txt\" was already read"), "{err}");
    assert!(err.contains("1 articles added"), "{err}");
    let (_, again) = ok(&args);
    assert!(
        again.contains("0 articles added, 0 replaced, 1 unchanged"),
        "{again}"
    );
}

#[test]
fn user_errors_are_reported_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let seed = data("corpus/seed-2025-12-04-beijing.txt");
    fails(
        &["ingest", &seed, "--db", "/no/such/folder/x.db"],
        "/no/such/folder/x.db",
    );
    let missing = dir.path().join("missing.db");
    let m = missing.to_str().unwrap();
    fails(&["query", "--db", m], "does not exist");
    fails(
        &["export", "--db", m, "--format", "gdelt"],
        "does not exist",
    );
    assert!(!missing.exists());
    let notdb = dir.path().join("notes.db");
    std::fs::write(&notdb, "not a database\n".repeat(300)).unwrap();
    fails(&["query", "--db", notdb.to_str().unwrap()], "notes.db");

    let db = dir.path().join("ok.db");
    let d = db.to_str().unwrap();
    ok(&["ingest", &seed, "--db", d]);
    fails(&["query", "--db", d, "--from", "2025-13-01"], "--from");
    fails(&["query", "--db", d, "--to", "yesterday"], "--to");
    fails(&["query", "--db", d, "--root", "4"], "--root");
    fails(&["query", "--db", d, "--code", "abc"], "--code");
    fails(&["query", "--db", d, "--quad", "7"], "--quad");
    // not a code, and no dictionary entry names it
    fails(&["query", "--db", d, "--actor", "1FRA"], "--actor");
    fails(&["query", "--db", d, "--dyad", "FRA"], "--dyad");
    fails(&["query", "--db", d, "--by", "year"], "--by");
    fails(&["export", "--db", d, "--format", "xls"], "--format");
    fails(
        &[
            "export",
            "--db",
            d,
            "--format",
            "csv",
            "-o",
            "/no/such/dir/x.csv",
        ],
        "/no/such/dir/x.csv",
    );
}
