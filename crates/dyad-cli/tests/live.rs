//! The dashboard follows a live database: `dyad serve` answers while `dyad watch` writes to the
//! same file, an article dropped into the watched folder appears in `/api/events?since=…` (what
//! the dashboard polls, from `/api/stats`' `last_added`), and the page carries the live
//! indicator and the polling code.

mod common;

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{data, http_get, serve_with};

/// A child process ended when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn json(addr: SocketAddr, path: &str) -> serde_json::Value {
    let (status, body) = http_get(addr, path);
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

#[test]
fn an_article_dropped_in_appears_in_what_the_dashboard_polls() {
    let dir = tempfile::tempdir().unwrap();
    let incoming = dir.path().join("incoming");
    std::fs::create_dir(&incoming).unwrap();
    let db = dir.path().join("live.db");
    let log = std::fs::File::create(dir.path().join("watch.log")).unwrap();
    let _watch = Running(
        Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["watch", incoming.to_str().unwrap(), "--db"])
            .arg(&db)
            .args(["--settle", "200"])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start dyad watch"),
    );
    let start = Instant::now();
    let watching = || {
        std::fs::read_to_string(dir.path().join("watch.log"))
            .unwrap_or_default()
            .contains("watching")
    };
    while !watching() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the watch never started"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let server = serve_with(&db, &[]);
    let addr = server.addr;

    // what the page starts from: an empty database
    let stats = json(addr, "/api/stats");
    assert_eq!(stats["events"], 0);
    let since = stats["last_added"]
        .as_str()
        .unwrap_or("00000000000000")
        .to_string();

    let seed = std::fs::read_to_string(data("corpus/seed-2025-12-04-beijing.txt")).unwrap();
    let temp = incoming.join(".seed.txt.part");
    std::fs::write(&temp, seed).unwrap();
    std::fs::rename(&temp, incoming.join("seed.txt")).unwrap();

    let path = format!("/api/events?since={since}&limit=500");
    let start = Instant::now();
    let events = loop {
        let page = json(addr, &path);
        let events = page["events"].as_array().unwrap().clone();
        if !events.is_empty() {
            break events;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the article's events never appeared"
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    assert!(events.iter().all(|e| e["article_id"] == "seed.txt"));
    assert!(
        events.iter().all(|e| e["tone"].is_number()),
        "tone is served"
    );

    // the next poll, from the newest event seen, has nothing new
    let stats = json(addr, "/api/stats");
    let last = stats["last_added"]
        .as_str()
        .expect("last_added once events exist");
    let page = json(addr, &format!("/api/events?since={last}"));
    assert_eq!(page["events"].as_array().unwrap().len(), 0);
    // a bad `since` is refused, naming the field
    let (status, body) = http_get(addr, "/api/events?since=yesterday");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("since"));

    // the page: the live indicator, the tone column, and the polling of `since`
    let (_, page) = http_get(addr, "/");
    assert!(page.contains("id=\"live\""));
    assert!(page.contains("<th>tone</th>"));
    let (_, app) = http_get(addr, "/assets/app.js");
    assert!(app.contains("since") && app.contains("last_added"));
}
