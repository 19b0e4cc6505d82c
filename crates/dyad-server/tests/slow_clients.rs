//! Slow and idle clients against a real server on a loopback port: headers sent a byte at a
//! time, connections that send nothing, a body that never comes, and many idle connections
//! beside a normal request. The time limits are made small here; every wait for the server
//! allows ten times them or more, so a loaded machine does not fail the tests.

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dyad_server::Config;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A server on 127.0.0.1:<free port>, stopped when dropped.
struct Server {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl Server {
    async fn start(config: &Config, header_timeout: Duration) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = dyad_server::app(config).unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(dyad_server::serve_until(
            listener,
            router,
            header_timeout,
            async {
                let _ = rx.await;
            },
        ));
        Server {
            addr,
            stop: Some(tx),
            task: Some(task),
        }
    }

    /// Stop accepting and wait (at most `within`) for the server to end.
    async fn stop(mut self, within: Duration) -> bool {
        let _ = self.stop.take().unwrap().send(());
        let task = self.task.take().unwrap();
        matches!(tokio::time::timeout(within, task).await, Ok(Ok(Ok(()))))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(t) = &self.task {
            t.abort();
        }
    }
}

/// Read what is there (tokio's io-util is not a dependency: `readable` and `try_read`).
async fn read_some(stream: &TcpStream, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        stream.readable().await?;
        match stream.try_read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            other => return other,
        }
    }
}

/// Write all of `data`.
async fn write_all(stream: &TcpStream, mut data: &[u8]) -> std::io::Result<()> {
    while !data.is_empty() {
        stream.writable().await?;
        match stream.try_write(data) {
            Ok(n) => data = &data[n..],
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// What the server sent on `stream` until it closed the connection, or None if it was still
/// open after `limit`.
async fn read_until_closed(stream: &TcpStream, limit: Duration) -> Option<Vec<u8>> {
    let mut got = Vec::new();
    let mut buf = [0u8; 8192];
    let end = Instant::now() + limit;
    loop {
        let left = end.checked_duration_since(Instant::now())?;
        match tokio::time::timeout(left, read_some(stream, &mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some(got),
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
        }
    }
}

/// One whole response read from `stream` (headers, then Content-Length bytes of body).
async fn read_response(stream: &TcpStream, limit: Duration) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 8192];
    let end = Instant::now() + limit;
    loop {
        let text = String::from_utf8_lossy(&got).into_owned();
        if let Some(head_end) = text.find("\r\n\r\n") {
            let length = text[..head_end]
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if got.len() >= head_end + 4 + length {
                return text;
            }
        }
        let left = end
            .checked_duration_since(Instant::now())
            .unwrap_or_else(|| panic!("no whole response within {limit:?}: {text:?}"));
        match tokio::time::timeout(left, read_some(stream, &mut buf)).await {
            Ok(Ok(n)) if n > 0 => got.extend_from_slice(&buf[..n]),
            other => panic!("the connection ended before a whole response ({other:?}): {text:?}"),
        }
    }
}

fn config(timeout: Duration) -> Config {
    let mut c = Config::new(common::sample_db());
    c.timeout = timeout;
    c
}

const SHORT: Duration = Duration::from_millis(300);
/// Far longer than any limit set here.
const PATIENCE: Duration = Duration::from_secs(15);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn headers_sent_a_byte_at_a_time_are_cut_off() {
    let server = Server::start(&config(PATIENCE), SHORT).await;
    let stream = Arc::new(TcpStream::connect(server.addr).await.unwrap());
    // 150 bytes at one every 100 ms: 15 s to send them all, fifty times the header limit
    let request = format!(
        "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: {}\r\n\r\n",
        "a".repeat(90)
    );
    let sent_all = Arc::new(AtomicBool::new(false));
    let writer = {
        let sent_all = sent_all.clone();
        let stream = stream.clone();
        tokio::spawn(async move {
            for b in request.bytes() {
                if write_all(&stream, &[b]).await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            sent_all.store(true, Ordering::SeqCst);
        })
    };
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    let closed = loop {
        match tokio::time::timeout(PATIENCE * 2, read_some(&stream, &mut buf)).await {
            Err(_) => break false,
            Ok(Ok(0)) | Ok(Err(_)) => break true,
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
        }
    };
    assert!(closed, "the trickling connection was kept open");
    assert!(
        !sent_all.load(Ordering::SeqCst),
        "the server waited for the whole trickled request"
    );
    let got = String::from_utf8_lossy(&got);
    assert!(
        got.is_empty() || got.starts_with("HTTP/1.1 408"),
        "a trickled request was answered: {got:?}"
    );
    writer.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_that_sends_nothing_is_closed() {
    let server = Server::start(&config(PATIENCE), SHORT).await;
    let stream = TcpStream::connect(server.addr).await.unwrap();
    let got = read_until_closed(&stream, PATIENCE)
        .await
        .expect("an idle connection was kept open");
    let got = String::from_utf8_lossy(&got);
    assert!(got.is_empty() || got.starts_with("HTTP/1.1 408"), "{got:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_keep_alive_connection_is_closed_after_its_request() {
    let server = Server::start(&config(PATIENCE), SHORT).await;
    let stream = TcpStream::connect(server.addr).await.unwrap();
    // two requests on the same connection are both served
    for _ in 0..2 {
        write_all(
            &stream,
            b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        )
        .await
        .unwrap();
        let answer = read_response(&stream, PATIENCE).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }
    // then it is left idle
    let rest = read_until_closed(&stream, PATIENCE)
        .await
        .expect("an idle keep-alive connection was kept open");
    assert!(rest.is_empty(), "{:?}", String::from_utf8_lossy(&rest));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_stops_coming_is_answered_408() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.db");
    std::fs::copy(common::sample_db(), &path).unwrap();
    let token = "a-long-test-token-0123456789";
    let mut config = Config::new(&path);
    config.timeout = SHORT;
    config.ingest = Some(dyad_server::Ingest {
        token: token.into(),
        coder: Arc::new(common::TestCoder),
    });
    // the header limit is long: the request timeout is what ends this request
    let server = Server::start(&config, PATIENCE).await;
    let stream = TcpStream::connect(server.addr).await.unwrap();
    let head = format!(
        "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"id\": \"slow\", "
    );
    write_all(&stream, head.as_bytes()).await.unwrap();
    let answer = read_response(&stream, PATIENCE).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"error\""), "the JSON error: {answer}");
    // nothing was stored
    let conn = dyad_store::schema::open_read_only(&path).unwrap();
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM articles WHERE id = 'slow'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_get_with_a_body_that_never_comes_is_answered_and_closed() {
    let server = Server::start(&config(PATIENCE), SHORT).await;
    let stream = TcpStream::connect(server.addr).await.unwrap();
    write_all(
        &stream,
        b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n",
    )
    .await
    .unwrap();
    let answer = read_response(&stream, PATIENCE).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    read_until_closed(&stream, PATIENCE)
        .await
        .expect("the connection waited for the body for ever");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_and_trickling_connections_do_not_stop_a_normal_request() {
    // header limit long enough that the idle connections stay open during the test
    let server = Server::start(&config(PATIENCE), Duration::from_secs(60)).await;
    let mut idle = Vec::new();
    for i in 0..200 {
        let s = TcpStream::connect(server.addr).await.unwrap();
        if i % 4 == 0 {
            // a request begun and never finished
            write_all(&s, b"GET /api/stats HTTP/1.1\r\nHost: 127.")
                .await
                .unwrap();
        }
        idle.push(s);
    }
    for _ in 0..3 {
        let s = TcpStream::connect(server.addr).await.unwrap();
        write_all(
            &s,
            b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        )
        .await
        .unwrap();
        let answer = read_response(&s, PATIENCE).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("\"articles\":350"), "{answer}");
    }
    drop(idle);
    // with them gone, the server stops when asked
    assert!(server.stop(PATIENCE).await, "the server did not stop");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_stops_when_asked_and_lets_a_request_finish() {
    let server = Server::start(&config(PATIENCE), SHORT).await;
    let s = TcpStream::connect(server.addr).await.unwrap();
    write_all(&s, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await
        .unwrap();
    let answer = read_response(&s, PATIENCE).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(server.stop(PATIENCE).await, "the server did not stop");
    // the keep-alive connection was closed with it
    assert!(read_until_closed(&s, PATIENCE).await.is_some());
}
