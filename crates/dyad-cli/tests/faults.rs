//! Faults in the store (docs/ROBUSTNESS.md): an ingest killed again and again at random points,
//! readers querying while an ingest writes, and a disk that fills up. After each: the database
//! passes `PRAGMA integrity_check`, nothing committed is lost, and a rerun finishes the work with
//! no duplicates.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{assert_says, data, dyad, sound};
use rusqlite::{Connection, OpenFlags};

/// The sample corpus `copies` times over with distinct ids.
fn corpus(dir: &Path, copies: usize) -> String {
    corpus_tagged(dir, copies, "")
}

/// [`corpus`] in `dir/corpus{tag}.jsonl`, each id ending in `{tag}`.
fn corpus_tagged(dir: &Path, copies: usize, tag: &str) -> String {
    let text = std::fs::read_to_string(data("corpus/lee_abc_news.jsonl")).unwrap();
    let mut out = String::new();
    for k in 0..copies {
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"] = format!("{}-{k}{tag}", v["id"].as_str().unwrap()).into();
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    let p = dir.join(format!("corpus{tag}.jsonl"));
    std::fs::write(&p, out).unwrap();
    p.display().to_string()
}

/// `dyad ingest input --db db --batch 20`: small batches, so a kill lands between commits.
fn ingest_args<'a>(input: &'a str, db: &'a Path) -> [&'a str; 6] {
    [
        "ingest",
        input,
        "--db",
        db.to_str().unwrap(),
        "--batch",
        "20",
    ]
}

fn ingest(input: &str, db: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(ingest_args(input, db))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dyad")
}

/// [`ingest_args`], run to its end.
fn ingest_run(input: &str, db: &Path) -> std::process::Output {
    dyad(&ingest_args(input, db))
}

fn stored(db: &Path) -> i64 {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0)))
        .unwrap_or(0)
}

/// Row counts of the four tables, and each event's id, NumMentions, NumArticles, NumSources.
type Contents = (Vec<i64>, Vec<(i64, i64, i64, i64)>);

/// What a database holds, apart from when it was written.
fn contents(db: &Path) -> Contents {
    let c = Connection::open(db).unwrap();
    let counts = ["articles", "events", "mentions", "quotes"]
        .iter()
        .map(|t| {
            c.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect();
    let mut st = c
        .prepare("SELECT id, num_mentions, num_articles, num_sources FROM events ORDER BY id")
        .unwrap();
    let events = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (counts, events)
}

fn clean_run(dir: &Path, input: &str) -> PathBuf {
    let db = dir.join("clean.db");
    let out = ingest_run(input, &db);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

#[test]
fn an_ingest_killed_again_and_again_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 4);
    let clean = clean_run(dir.path(), &input);
    let db = dir.path().join("killed.db");
    // kill points spread over the run: after 0–250 ms, or once some more articles are stored
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut kills = 0;
    for round in 0..8 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let before = stored(&db);
        let mut child = ingest(&input, &db);
        let wait = Duration::from_millis(x % 250);
        let started = Instant::now();
        while started.elapsed() < wait || (round % 2 == 1 && stored(&db) == before) {
            if child.try_wait().unwrap().is_some() || started.elapsed() > Duration::from_secs(60) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        if child.try_wait().unwrap().is_none() {
            kills += 1;
        }
        // SIGKILL
        let _ = child.kill();
        let _ = child.wait();
        if db.exists() {
            sound(&db);
            assert!(stored(&db) >= before, "committed articles are never lost");
        }
    }
    eprintln!("{kills} ingests killed midway");
    let out = ingest_run(&input, &db);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    sound(&db);
    assert_eq!(
        contents(&db),
        contents(&clean),
        "no duplicates, none missing"
    );
}

/// Issue 21, item 4: two `dyad ingest` into one database. Each batch's deferred transaction
/// read first and then asked for the write lock, which SQLite refuses at once ("database is
/// locked", no busy wait) when the other writer got in between: one ingest exited 1 with
/// hundreds of articles never stored. Writers now take the lock up front and wait for it.
#[test]
fn two_ingests_into_one_database_store_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let a = corpus_tagged(dir.path(), 3, "a");
    let b = corpus_tagged(dir.path(), 3, "b");
    let db = dir.path().join("events.db");
    // the database exists before either starts, as when an ingest joins a running one
    assert!(ingest_run(&data("corpus/seed-2025-12-04-beijing.txt"), &db)
        .status
        .success());
    let before = stored(&db);
    let (first, second) = (ingest(&a, &db), ingest(&b, &db));
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    sound(&db);
    assert_eq!(stored(&db), before + 2 * 3 * 349);
}

#[test]
fn readers_query_while_an_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 4);
    let db = dir.path().join("busy.db");
    let dbs = db.to_str().unwrap().to_string();
    let mut child = ingest(&input, &db);
    while !db.exists() || stored(&db) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest ended early"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let mut reads = 0;
    while child.try_wait().unwrap().is_none() {
        for args in [
            vec!["query", "--db", &dbs, "--limit", "5", "--json"],
            vec!["export", "--db", &dbs, "--format", "csv", "--limit", "20"],
            vec!["query", "--db", &dbs, "--by", "month"],
        ] {
            let out = dyad(&args);
            assert!(
                out.status.success(),
                "{args:?} while writing: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            reads += 1;
        }
    }
    let status = child.wait().unwrap();
    assert!(status.success());
    eprintln!("{reads} reads during the ingest");
    assert!(reads >= 3, "the readers ran while the ingest wrote");
    sound(&db);
}

/// A small tmpfs mounted for the test and unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    /// None when this process may not mount file systems (not root, or in a container that
    /// forbids it): the test that wanted it says it is skipped.
    fn mount(dir: &Path, size: &str) -> Option<SmallDisk> {
        let at = dir.join("disk");
        std::fs::create_dir_all(&at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs of {size} here (needs root)");
        }
        ok.then_some(SmallDisk(at))
    }

    fn grow(&self, size: &str) {
        remount(&self.0, &format!("size={size}"));
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_stops_the_ingest_with_a_clear_error_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(dir.path(), "1m") else {
        return;
    };
    let input = corpus(dir.path(), 3);
    let clean = clean_run(dir.path(), &input);
    let db = disk.0.join("full.db");
    let out = ingest_run(&input, &db);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_says(&stderr, "full");
    assert!(!stderr.contains("panicked"), "{stderr}");
    sound(&db);
    let kept = stored(&db);
    assert!(kept > 0, "the batches before the disk filled are kept");

    disk.grow("64m");
    let out = ingest_run(&input, &db);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_says(&stderr, &format!("{kept} unchanged"));
    sound(&db);
    assert_eq!(contents(&db), contents(&clean));
}

/// `mount -o remount,ro|rw`.
fn remount(at: &Path, mode: &str) {
    let ok = Command::new("mount")
        .args(["-o", &format!("remount,{mode}")])
        .arg(at)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "remount {mode}");
}

#[test]
fn a_database_on_a_read_only_medium_is_read_and_a_write_is_refused_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(dir.path(), "64m") else {
        return;
    };
    let db = disk.0.join("events.db");
    let seed = data("corpus/seed-2025-12-04-beijing.txt");
    let out = dyad(&["ingest", &seed, "--db", db.to_str().unwrap()]);
    assert!(out.status.success());
    let before = contents(&db);
    let on_disk = |db: &Path| {
        let mut names: Vec<_> = std::fs::read_dir(db.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    };
    // a clean close leaves no -wal or -shm beside the file: SQLite must open it as immutable
    assert_eq!(on_disk(&db), ["events.db"]);
    let query = |db: &Path| dyad(&["query", "--db", db.to_str().unwrap(), "--json"]);
    // what a writable copy answers (a read-only open on a writable medium leaves an empty
    // -wal and -shm behind, which this test needs absent)
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    let written = query(&copy);
    assert!(written.status.success());

    remount(&disk.0, "ro");
    let read = query(&db);
    let stderr = String::from_utf8_lossy(&read.stderr);
    assert!(read.status.success(), "{stderr}");
    assert_eq!(read.stdout, written.stdout, "the same events, read-only");
    assert!(!read.stdout.is_empty());
    for format in ["gdelt", "csv", "jsonl"] {
        let out = dyad(&["export", "--db", db.to_str().unwrap(), "--format", format]);
        assert!(
            out.status.success() && !out.stdout.is_empty(),
            "export {format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // writing is refused with a message that says why, and nothing is lost
    let input = corpus(dir.path(), 1);
    let out = dyad(&["ingest", &input, "--db", db.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_says(&stderr, "read-only");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let out = dyad(&["recode", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    remount(&disk.0, "rw");
    assert_eq!(contents(&db), before);
    sound(&db);

    // a copy taken while a writer had a write-ahead log open: with its -wal and -shm the log's
    // writes are read; with the -wal alone reading would miss them, and the error says so
    let writer = Connection::open(&db).unwrap();
    writer
        .execute_batch(
            "PRAGMA wal_autocheckpoint=0;
             INSERT INTO meta(key, value) VALUES ('read-only test', 'in the log');",
        )
        .unwrap();
    let snapshot = disk.0.join("snapshot");
    std::fs::create_dir(&snapshot).unwrap();
    let only_wal = disk.0.join("only-wal");
    std::fs::create_dir(&only_wal).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let from = disk.0.join(format!("events.db{suffix}"));
        std::fs::copy(&from, snapshot.join(format!("events.db{suffix}"))).unwrap();
        if suffix != "-shm" {
            std::fs::copy(&from, only_wal.join(format!("events.db{suffix}"))).unwrap();
        }
    }
    drop(writer);
    remount(&disk.0, "ro");
    let read = query(&snapshot.join("events.db"));
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    assert_eq!(read.stdout, written.stdout);
    let read = query(&only_wal.join("events.db"));
    let stderr = String::from_utf8_lossy(&read.stderr);
    assert_eq!(read.status.code(), Some(1), "{stderr}");
    assert_says(&stderr, "write-ahead log");
    remount(&disk.0, "rw");
}

/// Issue 21, item 5: a database closed cleanly in a folder the user may not write could not
/// be read ("not a dyad event database"): SQLite answers SQLITE_READONLY there, not the
/// SQLITE_CANTOPEN of a read-only medium, and only the latter fell back to `immutable=1`.
/// Permissions do not bind root, so the reads run as `nobody` (`setpriv`); where that is not
/// possible the test is skipped with a message.
#[cfg(unix)]
#[test]
fn a_database_in_a_read_only_folder_is_read_by_a_user_who_may_not_write_there() {
    use std::os::unix::fs::PermissionsExt;
    let as_nobody = |args: &[&str]| {
        Command::new("setpriv")
            .args([
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                "--",
                env!("CARGO_BIN_EXE_dyad"),
            ])
            .args(args)
            .output()
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let db = ro.join("events.db");
    let seed = data("corpus/seed-2025-12-04-beijing.txt");
    assert!(dyad(&["ingest", &seed, "--db", db.to_str().unwrap()])
        .status
        .success());
    let expected = dyad(&["query", "--db", db.to_str().unwrap(), "--json"]);
    assert!(expected.status.success());
    // the read above leaves an empty -wal and -shm behind; a clean close has neither
    for extra in ["events.db-wal", "events.db-shm"] {
        let _ = std::fs::remove_file(ro.join(extra));
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    match as_nobody(&["--version"]) {
        Ok(out) if out.status.success() => {}
        _ => {
            eprintln!("skipped: cannot run dyad as the user nobody (needs root and setpriv)");
            return;
        }
    }
    let read = as_nobody(&["query", "--db", db.to_str().unwrap(), "--json"]).unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    assert_eq!(read.stdout, expected.stdout);
    for format in ["gdelt", "csv", "jsonl"] {
        let out = as_nobody(&["export", "--db", db.to_str().unwrap(), "--format", format]).unwrap();
        assert!(
            out.status.success() && !out.stdout.is_empty(),
            "export {format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let names: Vec<_> = std::fs::read_dir(&ro)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["events.db"], "nothing written beside it");
}
