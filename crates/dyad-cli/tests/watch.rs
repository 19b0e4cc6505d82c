//! `dyad watch` as a running process: an article dropped into a watched folder is coded into
//! the database and published in a GDELT update (61 columns, `lastupdate.txt` listing the
//! right sizes and MD5s); SIGTERM ends it with 0; a restart neither recodes nor republishes; a
//! bad file is a warning, not retried until it changes; and a watch killed (SIGKILL) again and
//! again at random points loses and duplicates no published event or mention.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::{data, sound};
use md5::{Digest, Md5};
use rusqlite::Connection;

/// A running `dyad watch`, its stderr going to a file.
struct Watch {
    child: Child,
    log: PathBuf,
}

impl Watch {
    fn start(folder: &Path, db: &Path, out: &Path, log: &Path) -> Watch {
        let err = std::fs::File::create(log).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["watch", folder.to_str().unwrap(), "--db"])
            .arg(db)
            .arg("--updates")
            .arg(out)
            .args(["--interval", "2", "--settle", "200", "--batch", "8"])
            .stdout(Stdio::null())
            .stderr(err)
            .spawn()
            .expect("start dyad watch");
        Watch {
            child,
            log: log.to_path_buf(),
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success(), "kill -{name}");
    }

    /// SIGTERM, and the exit status (within a generous time).
    fn term(mut self) -> (ExitStatus, String) {
        self.signal("TERM");
        let status = wait_exit(&mut self.child, Duration::from_secs(60));
        (status, self.log())
    }

    fn kill(mut self) {
        self.signal("KILL");
        let _ = self.child.wait();
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_exit(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        assert!(start.elapsed() < limit, "dyad watch did not stop");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Wait (up to `limit`) until `done`.
fn wait_until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Put a file into a watched folder as a careful writer does: a hidden name, then a rename.
fn drop_file(folder: &Path, name: &str, content: &str) {
    let temp = folder.join(format!(".{name}.part"));
    std::fs::write(&temp, content).unwrap();
    std::fs::rename(&temp, folder.join(name)).unwrap();
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .and_then(|c| c.query_row(sql, [], |r| r.get(0)))
        .unwrap_or(0)
}

/// The one file inside an update zip, as tab-separated rows.
fn unzip_rows(path: &Path) -> Vec<Vec<String>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    assert_eq!(zip.len(), 1, "{} holds one file", path.display());
    let mut inner = zip.by_index(0).unwrap();
    let stem = path.file_name().unwrap().to_str().unwrap();
    assert_eq!(inner.name(), stem.trim_end_matches(".zip"));
    let mut text = String::new();
    inner.read_to_string(&mut text).unwrap();
    text.lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// The update files in `out`, by stamp: (events rows, mentions rows).
type Updates = HashMap<String, (Vec<Vec<String>>, Vec<Vec<String>>)>;

fn updates(out: &Path) -> Updates {
    let mut found = Updates::new();
    let Ok(dir) = std::fs::read_dir(out) else {
        return found;
    };
    for entry in dir.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stamp) = name.strip_suffix(".export.CSV.zip") {
            let mentions = out.join(format!("{stamp}.mentions.CSV.zip"));
            assert!(mentions.is_file(), "{name} has its mentions file");
            found.insert(
                stamp.to_string(),
                (unzip_rows(&entry.path()), unzip_rows(&mentions)),
            );
        }
    }
    found
}

/// `lastupdate.txt`: each line `SIZE MD5 NAME` true of the file it names; the names.
fn check_lastupdate(out: &Path) -> Vec<String> {
    let listing = std::fs::read_to_string(out.join("lastupdate.txt")).unwrap();
    let mut names = Vec::new();
    for line in listing.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        assert_eq!(f.len(), 3, "{line:?} is SIZE MD5 NAME");
        let bytes = std::fs::read(out.join(f[2])).unwrap();
        assert_eq!(f[0], bytes.len().to_string(), "size of {}", f[2]);
        let md5: String = Md5::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(f[1], md5, "md5 of {}", f[2]);
        names.push(f[2].to_string());
    }
    names
}

fn ids(db: &Path, sql: &str) -> BTreeSet<String> {
    let c = Connection::open(db).unwrap();
    let mut st = c.prepare(sql).unwrap();
    st.query_map([], |r| r.get::<_, i64>(0))
        .unwrap()
        .map(|r| r.unwrap().to_string())
        .collect()
}

struct Folders {
    _tmp: tempfile::TempDir,
    input: PathBuf,
    db: PathBuf,
    out: PathBuf,
    root: PathBuf,
}

fn folders() -> Folders {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let input = root.join("incoming");
    std::fs::create_dir(&input).unwrap();
    Folders {
        input,
        db: root.join("events.db"),
        out: root.join("updates"),
        root,
        _tmp: tmp,
    }
}

const LONG: Duration = Duration::from_secs(120);

#[test]
fn an_article_dropped_in_is_stored_and_published_once() {
    let f = folders();
    let watch = Watch::start(&f.input, &f.db, &f.out, &f.root.join("run1.log"));
    let seed = std::fs::read_to_string(data("corpus/seed-2025-12-04-beijing.txt")).unwrap();
    drop_file(&f.input, "seed.txt", &seed);
    wait_until(LONG, "the update", || {
        f.out.join("lastupdate.txt").is_file()
    });
    let (status, log) = watch.term();
    assert!(
        status.success(),
        "SIGTERM ends watch with 0: {status:?}\n{log}"
    );
    sound(&f.db);

    assert_eq!(count(&f.db, "SELECT COUNT(*) FROM articles"), 1, "{log}");
    let stored = ids(&f.db, "SELECT id FROM events WHERE negated = 0");
    assert!(
        stored.len() >= 5,
        "the seed story's events are stored: {stored:?}"
    );
    let published = updates(&f.out);
    assert_eq!(published.len(), 1, "one update: {:?}", published.keys());
    let (stamp, (events, mentions)) = published.iter().next().unwrap();
    assert_eq!(stamp.len(), 14);
    assert!(events.iter().all(|r| r.len() == 61), "61 columns");
    for r in events {
        let tone: f64 = r[34].parse().expect("AvgTone is a number");
        assert!((-100.0..=100.0).contains(&tone));
    }
    let in_file: BTreeSet<String> = events.iter().map(|r| r[0].clone()).collect();
    assert_eq!(in_file, stored, "every stored event, once");
    assert_eq!(in_file.len(), events.len());
    assert!(mentions.iter().all(|r| r.len() == 16), "16 columns");
    assert!(mentions.iter().all(|r| in_file.contains(&r[0])));
    assert_eq!(
        check_lastupdate(&f.out),
        [
            format!("{stamp}.export.CSV.zip"),
            format!("{stamp}.mentions.CSV.zip")
        ]
    );
    let added = count(&f.db, "SELECT MAX(CAST(added AS INTEGER)) FROM articles");

    // a restart, over several intervals: nothing recoded, nothing published again
    let listing = std::fs::read(f.out.join("lastupdate.txt")).unwrap();
    let watch = Watch::start(&f.input, &f.db, &f.out, &f.root.join("run2.log"));
    wait_until(LONG, "the second watch", || {
        watch.log().contains("watching")
    });
    std::thread::sleep(Duration::from_secs(5));
    let (status, log) = watch.term();
    assert!(status.success(), "{log}");
    assert!(!log.contains("articles added"), "nothing recoded: {log}");
    assert!(!log.contains("published"), "nothing republished: {log}");
    assert_eq!(updates(&f.out).len(), 1);
    assert_eq!(
        std::fs::read(f.out.join("lastupdate.txt")).unwrap(),
        listing
    );
    assert_eq!(
        count(&f.db, "SELECT MAX(CAST(added AS INTEGER)) FROM articles"),
        added
    );
}

#[test]
fn a_bad_file_is_a_warning_until_it_changes() {
    let f = folders();
    let watch = Watch::start(&f.input, &f.db, &f.out, &f.root.join("run.log"));
    drop_file(&f.input, "broken.xml", "<Sentences><Sentence id=\"1\">");
    wait_until(LONG, "the warning", || watch.log().contains("broken.xml"));
    // several polls later, still one warning
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        watch.log().matches("broken.xml").count(),
        1,
        "{}",
        watch.log()
    );
    // a good article still goes in
    let seed = std::fs::read_to_string(data("corpus/seed-2025-12-04-beijing.txt")).unwrap();
    drop_file(&f.input, "seed.txt", &seed);
    wait_until(LONG, "the article", || {
        count(&f.db, "SELECT COUNT(*) FROM articles") == 1
    });
    // changed, the bad file is read again
    drop_file(&f.input, "broken.xml", "<Sentences><Sentence id=\"2\">");
    wait_until(LONG, "the second warning", || {
        watch.log().matches("broken.xml").count() == 2
    });
    let (status, log) = watch.term();
    assert!(status.success(), "{log}");
    sound(&f.db);
}

/// The sample corpus as `n` JSON Lines files of a few articles each.
fn article_files(n: usize) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(data("corpus/lee_abc_news.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let per = 4;
    (0..n)
        .map(|i| {
            let body: String = lines
                .iter()
                .cycle()
                .skip(i * per)
                .take(per)
                .enumerate()
                .map(|(k, l)| {
                    let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                    v["id"] = format!("f{i}-{k}").into();
                    format!("{v}\n")
                })
                .collect();
            (format!("batch-{i:02}.jsonl"), body)
        })
        .collect()
}

/// A small pseudo-random sequence (xorshift), seeded from the clock and printed, so a failure
/// can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[test]
fn a_watch_killed_at_random_points_loses_and_duplicates_nothing() {
    let f = folders();
    let seed = std::env::var("DYAD_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("DYAD_FAULT_SEED={seed}");
    let mut rng = Rng(seed);
    let mut files = article_files(12).into_iter();
    for run in 0..6 {
        let watch = Watch::start(
            &f.input,
            &f.db,
            &f.out,
            &f.root.join(format!("kill{run}.log")),
        );
        for (name, body) in files.by_ref().take(2) {
            drop_file(&f.input, &name, &body);
        }
        std::thread::sleep(Duration::from_millis(500 + rng.next(3000)));
        watch.kill();
        sound(&f.db);
    }
    for (name, body) in files {
        drop_file(&f.input, &name, &body);
    }
    // the last run goes on until every article is stored and every event published
    let watch = Watch::start(&f.input, &f.db, &f.out, &f.root.join("last.log"));
    wait_until(LONG, "the last watch", || watch.log().contains("watching"));
    wait_until(Duration::from_secs(300), "everything published", || {
        count(&f.db, "SELECT COUNT(*) FROM articles") == 48
            && count(
                &f.db,
                "SELECT COUNT(*) FROM events e WHERE NOT EXISTS
                     (SELECT 1 FROM update_events u WHERE u.event_id = e.id)",
            ) == 0
            && count(&f.db, "SELECT COUNT(*) FROM updates WHERE published = 0") == 0
    });
    let (status, log) = watch.term();
    assert!(status.success(), "{log}");
    sound(&f.db);

    let mut events: Vec<String> = Vec::new();
    let mut mentions: Vec<(String, String, String)> = Vec::new();
    for (e, m) in updates(&f.out).into_values() {
        assert!(e.iter().all(|r| r.len() == 61));
        events.extend(e.into_iter().map(|r| r[0].clone()));
        mentions.extend(
            m.into_iter()
                .map(|r| (r[0].clone(), r[5].clone(), r[6].clone())),
        );
    }
    let distinct: BTreeSet<String> = events.iter().cloned().collect();
    assert_eq!(distinct.len(), events.len(), "an event published twice");
    let stored = ids(&f.db, "SELECT id FROM events WHERE negated = 0");
    assert_eq!(
        distinct, stored,
        "every stored event published (seed {seed})"
    );
    let distinct_mentions: BTreeSet<_> = mentions.iter().cloned().collect();
    assert_eq!(
        distinct_mentions.len(),
        mentions.len(),
        "a mention published twice"
    );
    let stored_mentions = count(
        &f.db,
        "SELECT COUNT(*) FROM mentions m JOIN events e ON e.id = m.event_id WHERE e.negated = 0",
    );
    assert_eq!(
        mentions.len() as i64,
        stored_mentions,
        "every mention published"
    );
    check_lastupdate(&f.out);
}
