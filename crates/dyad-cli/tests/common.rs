//! Helpers shared by the command-line tests: run the built `dyad` binary on bundled data.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Output, Stdio};

/// A path under the repository's `data/`.
pub fn data(rel: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "..", "data", rel]
        .iter()
        .collect();
    p.display().to_string()
}

pub fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("run dyad")
}

/// Run dyad with its standard input fed by `feed` on another thread (a large input would
/// otherwise fill the pipe while dyad waits to write its output), and wait for it.
pub fn dyad_fed(args: &[&str], feed: impl FnOnce(ChildStdin) + Send + 'static) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dyad");
    let stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || feed(stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Run dyad, insist it succeeded, and return its standard output.
pub fn dyad_ok(args: &[&str]) -> String {
    let out = dyad(args);
    assert!(
        out.status.success(),
        "dyad {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// A file `name` in `dir` holding `bytes`: its path.
pub fn write(dir: impl AsRef<Path>, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.as_ref().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// `records` (JSON Lines) ingested into a new database `<name>.db` in `dir`: its path.
pub fn ingested(dir: &Path, name: &str, records: &str) -> String {
    let input = write(dir, &format!("{name}.jsonl"), records);
    let db = dir.join(format!("{name}.db")).display().to_string();
    dyad_ok(&["ingest", input.to_str().unwrap(), "--db", &db]);
    db
}

/// `text` (an output, a message) says `fragment`.
#[track_caller]
pub fn assert_says(text: &str, fragment: &str) {
    assert!(text.contains(fragment), "{fragment:?} is not in:\n{text}");
}

/// `dyad <command> check` finds no error in the shipped dictionaries.
pub fn shipped_set_checks_clean(command: &str) {
    let out = dyad_ok(&[command, "check"]);
    assert!(out.contains(" 0 errors"), "{out}");
}

/// The events of a JSON Lines output.
pub fn events(jsonl: &str) -> Vec<serde_json::Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect()
}

/// Integrity, and no half-stored article: every event has a report.
pub fn sound(db: &Path) {
    let c = rusqlite::Connection::open(db).expect("the database opens");
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let orphans: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM events e WHERE NOT EXISTS
                 (SELECT 1 FROM mentions m WHERE m.event_id = e.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "events without a report");
}

/// Send one plain HTTP/1.1 request and read the whole answer: status code and body.
pub fn http(addr: SocketAddr, request: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out[9..12].parse().unwrap();
    let body = out
        .split_once("\r\n\r\n")
        .map(|x| x.1)
        .unwrap_or("")
        .to_string();
    (status, body)
}

/// A plain HTTP/1.1 GET: status code and body.
pub fn http_get(addr: SocketAddr, path: &str) -> (u16, String) {
    http(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

/// A plain HTTP/1.1 POST of a JSON body with a bearer token: status code and body.
pub fn http_post(addr: SocketAddr, path: &str, token: &str, body: &str) -> (u16, String) {
    http(
        addr,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
             Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    )
}

/// The values of one column of a Parquet file, row by row.
pub fn parquet_column(path: &Path, column: &str) -> Vec<parquet::record::Field> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            let row = row.unwrap();
            let (_, v) = row
                .get_column_iter()
                .find(|(name, _)| name.as_str() == column)
                .unwrap_or_else(|| panic!("no {column} column"));
            v.clone()
        })
        .collect()
}

/// The doubles of a Parquet column.
pub fn parquet_doubles(path: &Path, column: &str) -> Vec<f64> {
    let cell = |v| match v {
        parquet::record::Field::Double(x) => x,
        other => panic!("{column} is {other:?}"),
    };
    parquet_column(path, column).into_iter().map(cell).collect()
}

/// The strings of a Parquet column.
pub fn parquet_strings(path: &Path, column: &str) -> Vec<String> {
    let cell = |v| match v {
        parquet::record::Field::Str(x) => x,
        other => panic!("{column} is {other:?}"),
    };
    parquet_column(path, column).into_iter().map(cell).collect()
}

/// A running `dyad serve`, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start `dyad serve` on port 0 with more arguments, and read the address it reports.
pub fn serve_with(db: &Path, more: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ])
        .args(more)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dyad serve");
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let line = lines
        .next()
        .expect("dyad serve says where it listens")
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.trim_end_matches('/').parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    // keep draining stderr so the server never blocks on it
    std::thread::spawn(move || for _ in lines {});
    Server { child, addr }
}
