//! The command line as an analyst meets it: names where codes go (resolved or refused with a
//! non-zero exit), undated events said and handled in every export, orders, no database left
//! behind by a mistyped input, and progress drawn on a terminal (a pseudo-terminal, through
//! util-linux's `script`) but not into a pipe.

mod common;

use std::process::Command;

use common::{data, dyad, dyad_ok};

fn sample_db(dir: &std::path::Path) -> String {
    let db = dir.join("s.db").display().to_string();
    dyad_ok(&[
        "ingest",
        &data("corpus/seed-2025-12-04-beijing.txt"),
        &data("corpus/lee_abc_news.jsonl"),
        "--db",
        &db,
    ]);
    db
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn names_resolve_or_fail_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let out = dyad(&["query", "--db", &db, "--actor", "Macron", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("actor \"Macron\" is FRAGOV"),
        "{}",
        stderr(&out)
    );
    let rows = common::events(&String::from_utf8_lossy(&out.stdout));
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|e| e["source"] == "FRAGOV" || e["target"] == "FRAGOV"));
    let by_code = dyad_ok(&["query", "--db", &db, "--actor", "FRAGOV", "--json"]);
    assert_eq!(common::events(&by_code).len(), rows.len());
    let out = dyad(&["query", "--db", &db, "--country", "China"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("country \"China\" is CHN"),
        "{}",
        stderr(&out)
    );
    for (flag, value, field) in [
        ("--actor", "Zzyzx Qwerty", "--actor"),
        ("--country", "Chinaland", "--country"),
    ] {
        let out = dyad(&["query", "--db", &db, flag, value]);
        assert!(!out.status.success(), "{flag} {value} must fail");
        assert!(stderr(&out).contains(field), "{}", stderr(&out));
    }
    let out = dyad(&[
        "export",
        "--db",
        &db,
        "--format",
        "csv",
        "--actor",
        "Zzyzx Qwerty",
    ]);
    assert!(!out.status.success());
}

#[test]
fn undated_events_are_said_and_handled_in_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(dir.path());
    let all = common::events(&dyad_ok(&["query", "--db", &db, "--json"]));
    let undated = all.iter().filter(|e| e["date"] == "").count();
    assert!(undated > 0);
    let out = dyad(&["query", "--db", &db, "--by", "month"]);
    assert!(
        stderr(&out).contains(&format!("{undated} undated events left out")),
        "{}",
        stderr(&out)
    );
    for format in ["gdelt", "mentions"] {
        let out = dyad(&["export", "--db", &db, "--format", format]);
        assert!(out.status.success());
        assert!(
            stderr(&out).contains(&format!("{undated} undated events left out")),
            "{format}: {}",
            stderr(&out)
        );
    }
    let gdelt = dyad_ok(&["export", "--db", &db, "--format", "gdelt"]);
    assert_eq!(gdelt.lines().count(), all.len() - undated);
    let gdelt_undated =
        |how: &str| dyad(&["export", "--db", &db, "--format", "gdelt", "--undated", how]);
    let out = gdelt_undated("dateadded");
    assert!(out.status.success(), "{}", stderr(&out));
    let dated = String::from_utf8(out.stdout).unwrap();
    assert_eq!(dated.lines().count(), all.len());
    let csv = dyad_ok(&["export", "--db", &db, "--format", "csv"]);
    assert_eq!(csv.lines().count(), all.len() + 1);
    let plover = dyad_ok(&["export", "--db", &db, "--format", "plover"]);
    // PLOVER has records only for codes it maps; its undated ones have a null date
    let nulls = plover.matches("\"date\":null").count();
    assert!(nulls > 0 && nulls <= undated, "{nulls}");
    assert!(!plover.contains("\"date\":\"\""));
    let out = dyad(&["export", "--db", &db, "--format", "csv"]);
    assert!(
        !stderr(&out).contains("undated"),
        "CSV keeps them: {}",
        stderr(&out)
    );
    let out = gdelt_undated("today");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--undated"));
    // newest first
    let newest = common::events(&dyad_ok(&[
        "query",
        "--db",
        &db,
        "--sort=-date",
        "--json",
        "--limit",
        "1",
    ]));
    assert_eq!(newest[0]["date"], "2025-12-04");
}

#[test]
fn a_missing_input_creates_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let out = dyad(&[
        "ingest",
        "no-such-file.jsonl",
        "--db",
        &db.display().to_string(),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no-such-file.jsonl: no such file"),
        "{}",
        stderr(&out)
    );
    assert!(!db.exists(), "an empty database was left behind");
    // one missing among others is a warning; the rest is ingested (exit 1 says an input failed)
    let db_s = db.display().to_string();
    let seed = data("corpus/seed-2025-12-04-beijing.txt");
    let out = dyad(&["ingest", &seed, "no-such-file.jsonl", "--db", &db_s]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 articles added"),
        "{}",
        stderr(&out)
    );
}

/// Run `dyad ARGS` with stderr on a pseudo-terminal (util-linux's `script`); None when
/// `script` is not installed.
fn on_a_terminal(args: &[&str]) -> Option<String> {
    let have = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        return None;
    }
    let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
    let mut cmd = quote(env!("CARGO_BIN_EXE_dyad"));
    for a in args {
        cmd.push(' ');
        cmd.push_str(&quote(a));
    }
    let out = Command::new("script")
        .args(["-qfec", &cmd, "/dev/null"])
        .env("TERM", "xterm")
        .output()
        .expect("run script");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn progress_is_drawn_on_a_terminal_and_not_into_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let input = data("corpus/lee_abc_news.jsonl");
    let out_file = dir.path().join("o.jsonl").display().to_string();
    let Some(tty) = on_a_terminal(&["code", &input, "-o", &out_file]) else {
        eprintln!("SKIPPED: util-linux's `script` is needed for a pseudo-terminal");
        return;
    };
    // bytes done of the total, and the time left
    assert!(tty.contains("KiB/400.73 KiB"), "{tty}");
    assert!(tty.contains(" left)"), "{tty}");
    assert!(tty.contains("349 articles coded"), "{tty}");
    let piped = dyad(&["code", &input, "-o", &out_file]);
    let err = stderr(&piped);
    assert!(!err.contains("KiB") && !err.contains(" left)"), "{err}");
    assert!(err.contains("349 articles coded"), "{err}");
    let db = dir.path().join("t.db").display().to_string();
    let tty = on_a_terminal(&["ingest", &input, "--db", &db]).unwrap();
    assert!(tty.contains("KiB/400.73 KiB"), "{tty}");
    let tty = on_a_terminal(&["export", "--db", &db, "--format", "csv", "-o", &out_file]).unwrap();
    assert!(tty.contains("records written"), "{tty}");
    let piped = dyad(&["export", "--db", &db, "--format", "csv", "-o", &out_file]);
    assert!(!stderr(&piped).contains(" left)"), "{}", stderr(&piped));
}
