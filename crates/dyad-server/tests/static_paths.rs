//! Static paths cannot leave the embedded assets: dot segments plain and percent-encoded,
//! encoded slashes and backslashes, absolute paths, NUL bytes, very long paths and paths of
//! files that exist on disk (Cargo.toml, /etc/passwd, the asset sources themselves) get
//! an embedded asset or a 404, never a file and never a 5xx. Through the router for every
//! path the http crate can carry, and as raw bytes to a real server for those it cannot
//! (hyper refuses them before any route is reached: a bare 400, or 414/431 when too long).

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{app, get};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use tokio::net::{TcpListener, TcpStream};

/// Whether `body` is the dashboard page or one of the embedded assets.
fn is_embedded(body: &[u8], index: &[u8]) -> bool {
    body == index
        || dyad_server::assets::ASSETS
            .iter()
            .any(|(_, _, b)| *b == body)
}

/// Text that must never be in an answer: a Cargo manifest, a password file.
fn leaks(text: &str) -> bool {
    text.contains("[package]") || text.contains("[workspace]") || text.contains("root:x:0")
}

/// The answer to `GET uri` through the router is an embedded file or a 404.
async fn only_assets_or_404(app: &axum::Router, uri: &str, index: &[u8]) -> Result<(), String> {
    let req = Request::get(uri)
        .body(Body::empty())
        .map_err(|e| format!("bad test URI {uri:?}: {e}"))?;
    let a = common::send(app, req).await;
    let shown: String = a.text.chars().take(200).collect();
    if leaks(&a.text) {
        return Err(format!("GET {uri} leaked a file: {shown}"));
    }
    match a.status {
        StatusCode::NOT_FOUND => Ok(()),
        StatusCode::OK if is_embedded(a.text.as_bytes(), index) => Ok(()),
        s => Err(format!("GET {uri} answered {s}: {shown}")),
    }
}

/// The dashboard page as `/` serves it.
async fn index(app: &axum::Router) -> Vec<u8> {
    let a = get(app, "/").await;
    assert_eq!(a.status, StatusCode::OK);
    a.text.into_bytes()
}

#[tokio::test]
async fn traversal_paths_get_assets_or_404() {
    let app = app();
    let index = index(&app).await;
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let asset_source = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/app.js");
    let long = format!("/assets/{}", "a".repeat(50_000));
    let deep = format!("/{}etc/passwd", "../".repeat(5_000));
    let mut uris = vec![
        "/assets/../Cargo.toml".to_string(),
        "/assets/../../Cargo.toml".into(),
        "/assets/%2e%2e/Cargo.toml".into(),
        "/assets/%2E%2E/%2E%2E/Cargo.toml".into(),
        "/assets/%2e%2e%2fCargo.toml".into(),
        "/assets/..%2fCargo.toml".into(),
        "/assets/..%2f..%2fCargo.toml".into(),
        "/assets/..%2F..%2F..%2Fetc%2Fpasswd".into(),
        "/assets/.%2e/.%2e/Cargo.toml".into(),
        "/assets/%252e%252e%252fCargo.toml".into(),
        "/assets/%c0%ae%c0%ae%c0%afCargo.toml".into(),
        "/assets/%2fetc%2fpasswd".into(),
        "/assets/%2Fetc%2Fpasswd".into(),
        "/assets//etc/passwd".into(),
        "/assets/%5c..%5cCargo.toml".into(),
        "/assets/..%5c..%5cCargo.toml".into(),
        "/assets/C:%5cWindows%5cwin.ini".into(),
        "/assets/app.js%00".into(),
        "/assets/app.js%00.png".into(),
        "/assets/%00".into(),
        "/assets/%00/../../Cargo.toml".into(),
        "/assets/./app.js".into(),
        "/assets/app.js/".into(),
        "/assets/app.js/../../Cargo.toml".into(),
        "/assets/app.js%2f..%2f..%2fCargo.toml".into(),
        "/assets/APP.JS".into(),
        "/assets/index.html".into(),
        "/assets/..;/Cargo.toml".into(),
        "/assets/".into(),
        "/assets".into(),
        "/../../etc/passwd".into(),
        "/%2e%2e/%2e%2e/etc/passwd".into(),
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd".into(),
        "//etc/passwd".into(),
        "/etc/passwd".into(),
        "/Cargo.toml".into(),
        "/src/lib.rs".into(),
        "/index.html".into(),
        "/assets/app.js?file=../../Cargo.toml".into(),
        "/api/../../etc/passwd".into(),
        "/api/articles/..%2f..%2fCargo.toml".into(),
        long,
        deep,
    ];
    // files that are on disk, by their absolute paths, plain and under /assets/
    for file in [manifest, asset_source, "/etc/passwd"] {
        uris.push(file.to_string());
        uris.push(format!("/assets/{}", file.replace('/', "%2F")));
        uris.push(format!("/assets{file}"));
    }
    for uri in &uris {
        only_assets_or_404(&app, uri, &index).await.unwrap();
    }
    // and the assets themselves are served
    for (name, _, bytes) in dyad_server::assets::ASSETS {
        let a = get(&app, &format!("/assets/{name}")).await;
        assert_eq!(a.status, StatusCode::OK, "{name}");
        assert_eq!(a.text.as_bytes(), *bytes, "{name}");
    }
}

/// Paths under `/assets/` made of dot segments, encoded separators, NULs, names of real
/// files and junk, joined by `/`, `%2f` or `%5c`.
#[test]
fn no_generated_path_leaves_the_assets() {
    let segment = prop_oneof![
        prop::sample::select(
            &[
                "..",
                ".",
                "",
                "%2e%2e",
                "%2E%2e",
                ".%2e",
                "%2e.",
                "%252e%252e",
                "%c0%ae",
                "%00",
                "%ff",
                "%",
                "%2",
                "etc",
                "passwd",
                "Cargo.toml",
                "app.js",
                "app.css",
                "land-110m.json",
                "index.html",
                "src",
                "lib.rs",
                "~",
                "C:",
                "%5c",
                "..%5c",
                "..%2f",
                "%2f",
            ][..]
        )
        .prop_map(str::to_string),
        "[a-zA-Z0-9._~-]{1,12}",
        prop::collection::vec(any::<u8>(), 1..6)
            .prop_map(|b| b.iter().map(|x| format!("%{x:02X}")).collect()),
    ];
    let sep = prop::sample::select(&["/", "/", "%2f", "%2F", "%5c", "//"][..]);
    let paths = (
        prop::sample::select(&["/assets/", "/", "/assets/..%2f", "/api/"][..]),
        prop::collection::vec((segment, sep), 1..8),
    )
        .prop_map(|(start, parts)| {
            let mut p = start.to_string();
            for (i, (seg, sep)) in parts.iter().enumerate() {
                if i > 0 {
                    p.push_str(sep);
                }
                p.push_str(seg);
            }
            p
        });
    let config = Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7u8; 32]));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let app = app();
    let index = rt.block_on(index(&app));
    let result = runner.run(&paths, |uri| {
        rt.block_on(only_assets_or_404(&app, &uri, &index))
            .map_err(TestCaseError::fail)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Send `request` as raw bytes to `addr`; the status code and body of the answer (None if
/// the server closed the connection without one).
async fn raw(addr: std::net::SocketAddr, request: &[u8]) -> Option<(u16, Vec<u8>)> {
    let stream = TcpStream::connect(addr).await.unwrap();
    let mut data = request;
    while !data.is_empty() {
        stream.writable().await.unwrap();
        match stream.try_write(data) {
            Ok(n) => data = &data[n..],
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
            // the server may close while a long request is still being sent
            Err(_) => break,
        }
    }
    let mut got = Vec::new();
    let mut buf = [0u8; 65536];
    let read = async {
        loop {
            if stream.readable().await.is_err() {
                break;
            }
            match stream.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                Err(_) => break,
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(20), read)
        .await
        .expect("the server neither answered nor closed");
    let head_end = got.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&got[..head_end]).into_owned();
    let status: u16 = head.split(' ').nth(1)?.parse().ok()?;
    Some((status, got[head_end + 4..].to_vec()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn raw_request_targets_the_router_never_sees() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = dyad_server::app(&dyad_server::Config::new(common::sample_db())).unwrap();
    let index = index(&router).await;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(dyad_server::serve_until(
        listener,
        router,
        Duration::from_secs(10),
        async {
            let _ = rx.await;
        },
    ));
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let mut targets: Vec<Vec<u8>> = vec![
        b"/assets/..\\..\\Cargo.toml".to_vec(),
        b"/assets/app.js\\..\\..\\Cargo.toml".to_vec(),
        b"\\etc\\passwd".to_vec(),
        b"C:\\Windows\\win.ini".to_vec(),
        b"/assets/app.js\0".to_vec(),
        b"/assets/\0/../../Cargo.toml".to_vec(),
        b"/assets/\xff\xfe".to_vec(),
        b"/assets/\xc0\xae\xc0\xae/Cargo.toml".to_vec(),
        b"../../etc/passwd".to_vec(),
        b"..".to_vec(),
        b"etc/passwd".to_vec(),
        b"/etc/passwd".to_vec(),
        b"//etc/passwd".to_vec(),
        b"/assets/../../../../etc/passwd".to_vec(),
        b"http://127.0.0.1/../../etc/passwd".to_vec(),
        b"http://127.0.0.1/assets/..%2f..%2fCargo.toml".to_vec(),
        b"file:///etc/passwd".to_vec(),
        b"*".to_vec(),
        manifest.as_bytes().to_vec(),
        format!("/assets/{}", "a".repeat(70_000)).into_bytes(),
        format!("/{}", "../".repeat(200_000)).into_bytes(),
    ];
    targets.push(b"/assets/app.js".to_vec());
    for target in &targets {
        let mut request = b"GET ".to_vec();
        request.extend_from_slice(target);
        request.extend_from_slice(b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        let shown = String::from_utf8_lossy(&target[..target.len().min(80)]).into_owned();
        let Some((status, body)) = raw(addr, &request).await else {
            // closed without an answer: nothing was served
            continue;
        };
        let text = String::from_utf8_lossy(&body);
        assert!(!leaks(&text), "GET {shown} leaked a file");
        match status {
            404 => {}
            200 => assert!(
                is_embedded(&body, &index),
                "GET {shown}: 200 but not an asset"
            ),
            // hyper's own refusals of a request it cannot parse carry no body
            400 | 414 | 431 => assert!(body.is_empty(), "GET {shown}: {status} {text}"),
            _ => panic!("GET {shown} answered {status}: {text}"),
        }
    }
    let _ = tx.send(());
    let _ = tokio::time::timeout(Duration::from_secs(20), server).await;
}
