//! Property tests: whatever query string (and, on `/{id}` routes, whatever path segment) a
//! client sends to a GET route, the API never answers 5xx, and every 4xx carries the API's
//! JSON error (`{"error": "...", "field": "..."}`).
//!
//! The query strings are built from the parameters the OpenAPI document gives each route,
//! with values both plausible (dates, codes, numbers in range) and junk: huge, negative and
//! non-numbers, empty and blank values, unicode, percent-encoded bytes that are not UTF-8,
//! broken percent escapes, repeated keys, very long values, SQL. Each route runs [`CASES`]
//! cases from a fixed seed, so a run is the same every time (a failure names its URI).
//! Below them: a plain test for each fault the properties found.

mod common;

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::{app, bad, get, ok};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// Cases per route.
const CASES: u32 = 256;

/// URIs are cut to this length (all ASCII), under the http crate's limit.
const MAX_URI: usize = 60_000;

/// A URI in a message: its start, and its length if it is long.
fn show(uri: &str) -> String {
    if uri.len() <= 400 {
        uri.to_string()
    } else {
        format!("{}… ({} bytes)", &uri[..400], uri.len())
    }
}

/// Text as a browser puts it into a query string.
fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Text as a path segment: everything but unreserved characters percent-encoded.
fn enc_segment(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "+1",
    " 7 ",
    "1.5",
    "1e3",
    "0x10",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "499",
    "500",
    "501",
    "999",
    "1000",
    "1001",
    "2000",
    "2001",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "٣",
    "１２",
];

const WORDS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "actor",
    "country",
    "planet",
    "true",
    "false",
    "yes",
    "no",
    "TRUE",
    "FRA",
    "fra",
    "CHN",
    "FRAGOV",
    "ISRGOV",
    "---",
    "---CVL",
    "USA-",
    "ZZZ",
    "FRA:CHN",
    "FRA:",
    ":CHN",
    ":",
    "::",
    "FRA:CHN:USA",
    "04",
    "040",
    "0431",
    "00",
    "01",
    "20",
    "21",
    "2025-12-04",
    "2025-02-29",
    "2024-02-29",
    "0000-01-01",
    "9999-12-31",
    "+10000-01-01",
    "-0001-01-01",
    "262143-12-31",
    "2025-12-04T00:00:00Z",
    "2025/12/04",
    "~",
    "~0",
    "2025-12-04~",
    "2025-12-04~-1",
    "~9223372036854775807",
    "~-9223372036854775808",
    "2025-12-04~99999999999999999999",
    "x~1~2",
    "Macron",
    "met with",
    "%",
    "%%",
    "_",
    "\\",
    "'",
    "\"",
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    "1; SELECT * FROM articles",
    "\") UNION SELECT text FROM articles --",
    "*",
    "?",
    "null",
    "undefined",
    "[]",
    "{}",
    "\0",
    "\u{7f}",
    "\u{feff}",
    "\u{202e}FRA",
    "é",
    "İ",
    "ß",
    "𝔽ℝ𝔸",
    "中国",
    "🇫🇷",
];

/// Query-string fragments put in as they are: percent escapes that are broken or decode to
/// no text, separators, a NUL.
const RAW: &[&str] = &[
    "%",
    "%%",
    "%2",
    "%g0",
    "%zz",
    "a%",
    "%%41",
    "%00",
    "%0A",
    "%0D%0A",
    "%FF",
    "%C0%AF",
    "%E2%82",
    "%ED%A0%80",
    "%F4%90%80%80",
    "%EF%BF%BE",
    "+",
    "++",
    "%2B",
    "=",
    "==",
    "%3D",
    "%26",
    "&",
    "&&",
    ";",
    "%3B",
    "?",
    "/",
    "//",
    "..",
    "%2e%2e%2f",
    "a=b",
    "!$'()*,:@",
];

/// Plain text (put in percent-encoded).
fn text_value() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_string()),
        prop::sample::select(NUMBERS).prop_map(str::to_string),
        prop::sample::select(WORDS).prop_map(str::to_string),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u128>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|x| x.to_string()),
        (any::<i32>(), 0u32..40, 0u32..40).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (1900i32..2100, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        "[A-Za-z:~\\-]{0,12}",
        "\\PC{0,24}",
        any::<String>(),
        (
            1usize..12_000,
            prop::sample::select(&['9', 'A', '-', '%', ' ', 'é', '~', ':'][..])
        )
            .prop_map(|(n, c)| c.to_string().repeat(n)),
        ("[0-9-]{0,12}", any::<i64>()).prop_map(|(d, i)| format!("{d}~{i}")),
        prop::collection::vec("[a-zA-Z%_'\\\\]{1,10}", 0..12).prop_map(|w| w.join(" ")),
        "[a-z]{101,130}",
    ]
    .boxed()
}

/// A value as it goes into the query string.
fn raw_value() -> BoxedStrategy<String> {
    prop_oneof![
        8 => text_value().prop_map(|s| enc(&s)),
        1 => prop::collection::vec(any::<u8>(), 1..16)
            .prop_map(|b| b.iter().map(|x| format!("%{x:02X}")).collect()),
        1 => prop::sample::select(RAW).prop_map(str::to_string),
        1 => "[a-zA-Z0-9!$'()*,:@/?~._-]{0,20}",
    ]
    .boxed()
}

/// A value that passes (or nearly passes) the checks of parameter `name`, so that the
/// request reaches its query.
fn plausible(name: &str) -> BoxedStrategy<String> {
    let pick = |v: &'static [&'static str]| prop::sample::select(v).prop_map(str::to_string);
    let date = (1985i32..2035, 1u32..13, 1u32..29)
        .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
        .boxed();
    match name {
        "limit" | "edges" => (0usize..2100).prop_map(|n| n.to_string()).boxed(),
        "by" => pick(&["day", "week", "month"]).boxed(),
        "level" => pick(&["actor", "country"]).boxed(),
        "from" | "to" => date,
        "actor" | "source" | "target" => pick(&[
            "FRA", "CHN", "ISR", "ISRGOV", "USA", "---", "---GOV", "A", "ZZ", "PSE",
        ])
        .boxed(),
        "dyad" => (
            pick(&["FRA", "CHN", "ISR", "---", "USA"]),
            pick(&["FRA", "CHN", "ISR", "---", "USA"]),
        )
            .prop_map(|(a, b)| format!("{a}:{b}"))
            .boxed(),
        "code" => "[0-9]{1,4}".boxed(),
        "root" => (0u32..22).prop_map(|n| format!("{n:02}")).boxed(),
        "quad" => (0u32..6).prop_map(|n| n.to_string()).boxed(),
        "country" => pick(&["CHN", "FRA", "AUS", "chn", "XXX", "---"]).boxed(),
        "text" => prop::collection::vec(
            pick(&[
                "met", "with", "the", "said", "attack", "%", "_", "Israel", "'",
            ]),
            0..10,
        )
        .prop_map(|w| w.join(" "))
        .boxed(),
        "with_negated" => pick(&["true", "false", "1", "0"]).boxed(),
        "q" => pick(&[
            "Macron", "fr", "FRAGOV", "is", "%%", "_", "---", "中国", "a b",
        ])
        .boxed(),
        "cursor" => (
            prop::option::of(date),
            prop::sample::select(event_ids().to_vec()),
        )
            .prop_map(|(d, i)| format!("{}~{i}", d.unwrap_or_default()))
            .boxed(),
        _ => text_value(),
    }
}

/// A parameter name: mostly one the route takes, else one it does not, a known one spelled
/// with percent escapes (which decode to the same name), or junk.
fn key(names: Vec<String>) -> BoxedStrategy<String> {
    let known = prop::sample::select(names);
    prop_oneof![
        20 => known.clone(),
        1 => known.clone().prop_map(|k| k.to_uppercase()),
        1 => known.prop_map(|k| k.bytes().map(|b| format!("%{b:02x}")).collect()),
        1 => prop::sample::select(&["limit", "q", "by", "level", "edges", "cursor", "sort",
                                    "actor[]", "callback", "_"][..])
            .prop_map(str::to_string),
        1 => raw_value(),
    ]
    .boxed()
}

/// `name=value` (sometimes `name` alone).
fn pair(names: Vec<String>) -> BoxedStrategy<String> {
    key(names)
        .prop_flat_map(|k| {
            let name = form_urlencoded::parse(format!("{k}=").as_bytes())
                .next()
                .map(|(n, _)| n.into_owned())
                .unwrap_or_default();
            let value = prop_oneof![
                2 => plausible(&name).prop_map(|v| enc(&v)),
                1 => raw_value(),
            ];
            (Just(k), prop::option::weighted(0.95, value))
        })
        .prop_map(|(k, v)| match v {
            Some(v) => format!("{k}={v}"),
            None => k,
        })
        .boxed()
}

/// A whole query string: none, empty (each `1 / (2 + pairs)` of the time), or pairs joined
/// by `&` (sometimes `&&` or `;`).
fn query(names: Vec<String>, pairs: u32) -> BoxedStrategy<Option<String>> {
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(String::new())),
        pairs => (
            prop::collection::vec(pair(names), 1..6),
            prop::sample::select(&["&", "&", "&", "&&", ";"][..]),
            any::<bool>(),
        )
            .prop_map(|(pairs, sep, trailing)| {
                let mut q = pairs.join(sep);
                if trailing {
                    q.push('&');
                }
                Some(q)
            }),
    ]
    .boxed()
}

/// An `{id}` path segment: real ids, near misses and junk.
fn id_segment(route: &str) -> BoxedStrategy<String> {
    let real: Vec<String> = if route.starts_with("/api/events") {
        event_ids().iter().map(i64::to_string).collect()
    } else {
        vec![
            "seed-2025-12-04-beijing.txt".into(),
            "lee-149".into(),
            "lee%2D149".into(),
        ]
    };
    prop_oneof![
        3 => prop::sample::select(real),
        4 => text_value().prop_map(|s| enc_segment(&s)),
        1 => prop::collection::vec(any::<u8>(), 1..16)
            .prop_map(|b| b.iter().map(|x| format!("%{x:02X}")).collect()),
        1 => prop::sample::select(&["%", "%2", "%zz", "%FF", "%00", "%C0%AF", "%ED%A0%80", "..",
                                    "%2e%2e", "%2F", "..%2f..%2fCargo.toml", "%5C", "~", "-"][..])
            .prop_map(str::to_string),
        1 => any::<i64>().prop_map(|n| n.to_string()),
    ]
    .boxed()
}

/// Some event ids of the sample database.
fn event_ids() -> &'static [i64] {
    static IDS: OnceLock<Vec<i64>> = OnceLock::new();
    IDS.get_or_init(|| {
        let conn = dyad_store::schema::open_read_only(common::sample_db()).unwrap();
        let mut st = conn
            .prepare("SELECT id FROM events ORDER BY date, id LIMIT 40")
            .unwrap();
        let ids = st.query_map([], |r| r.get(0)).unwrap();
        ids.collect::<Result<Vec<i64>, _>>().unwrap()
    })
}

/// The query parameters the OpenAPI document gives `route`.
fn documented_params(route: &str) -> Vec<String> {
    let spec = dyad_server::openapi::spec();
    let params = spec["paths"][route]["get"]["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    params
        .iter()
        .filter(|p| p["in"] == "query")
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

/// The answer to `GET uri` must not be a 5xx, a 4xx must be the API's JSON error, and a 200
/// JSON.
async fn check(
    app: &Router,
    uri: &str,
    seen: &Mutex<BTreeMap<u16, u32>>,
) -> Result<(), TestCaseError> {
    let req = Request::get(uri)
        .body(Body::empty())
        .map_err(|e| TestCaseError::fail(format!("the test made a bad URI {}: {e}", show(uri))))?;
    let a = common::send(app, req).await;
    *seen.lock().unwrap().entry(a.status.as_u16()).or_default() += 1;
    let uri = show(uri);
    let shown: String = a.text.chars().take(300).collect();
    prop_assert!(
        !a.status.is_server_error(),
        "GET {uri} answered {}: {shown}",
        a.status
    );
    if a.status.is_client_error() {
        let kind = a
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        prop_assert!(
            kind.starts_with("application/json"),
            "GET {uri} answered {} as {kind:?}: {shown}",
            a.status
        );
        prop_assert!(
            a.json["error"].is_string(),
            "GET {uri} answered {} without the JSON error: {shown}",
            a.status
        );
        prop_assert!(
            a.json["field"].is_null() || a.json["field"].is_string(),
            "GET {uri}: {shown}"
        );
    } else {
        prop_assert_eq!(a.status, StatusCode::OK, "GET {}: {}", uri, shown);
        prop_assert!(!a.json.is_null(), "GET {uri}: not JSON: {shown}");
    }
    Ok(())
}

/// Run the property over `route` (as [`dyad_server::ROUTES`] writes it).
fn fuzz_route(route: &'static str) {
    let names = documented_params(route);
    // parameter names to draw from: the documented ones, or (for routes that take none) a
    // few of the others, which must be refused; those routes get no query half of the time
    let (names, pairs) = if names.is_empty() {
        (vec!["limit".into(), "q".into(), "x".into()], 2)
    } else {
        (names, 14)
    };
    let has_id = route.contains("{id}");
    let uris = (
        if has_id {
            id_segment(route)
        } else {
            Just(String::new()).boxed()
        },
        query(names, pairs),
    )
        .prop_map(move |(id, q)| {
            let path = route.replace("{id}", &id);
            let mut uri = match q {
                Some(q) => format!("{path}?{q}"),
                None => path,
            };
            // the longest URI the http crate (and so hyper) takes is 64 KiB
            uri.truncate(MAX_URI);
            uri
        });
    let mut seed = [0u8; 32];
    for (i, b) in route.bytes().enumerate() {
        seed[i % 32] ^= b;
    }
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        max_shrink_iters: 512,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let app = app();
    let seen = Mutex::new(BTreeMap::new());
    let result = runner.run(&uris, |uri| rt.block_on(check(&app, &uri, &seen)));
    if let Err(e) = result {
        panic!("{route}: {e}");
    }
    // the cases must reach the queries, not only the parameter checks
    let seen = seen.into_inner().unwrap();
    let answered = seen.get(&200).copied().unwrap_or(0);
    eprintln!("{route}: answers by status {seen:?}");
    assert!(
        answered >= CASES / 10,
        "{route}: only {answered} of {CASES} cases answered 200: {seen:?}"
    );
}

/// The GET routes the properties below cover: every one the API has.
const COVERED: &[&str] = &[
    "/api/events",
    "/api/events/{id}",
    "/api/actors",
    "/api/series",
    "/api/network",
    "/api/places",
    "/api/articles/{id}",
    "/api/stats",
    "/api/filter",
    "/api/codes",
    // its filter is /api/filter's (fuzzed there) and it answers files, not JSON: its formats
    // and refusals are tested in tests/views.rs
    "/api/export",
    "/api/openapi.json",
];

#[test]
fn every_get_route_is_covered() {
    let mut routed: Vec<&str> = dyad_server::ROUTES
        .iter()
        .filter(|(m, _)| *m == "get")
        .map(|(_, p)| *p)
        .collect();
    let mut covered = COVERED.to_vec();
    routed.sort();
    covered.sort();
    assert_eq!(routed, covered, "a GET route without a property test");
}

#[test]
fn no_query_breaks_events() {
    fuzz_route("/api/events");
}

#[test]
fn no_query_or_id_breaks_one_event() {
    fuzz_route("/api/events/{id}");
}

#[test]
fn no_query_breaks_actors() {
    fuzz_route("/api/actors");
}

#[test]
fn no_query_breaks_series() {
    fuzz_route("/api/series");
}

#[test]
fn no_query_breaks_network() {
    fuzz_route("/api/network");
}

#[test]
fn no_query_breaks_places() {
    fuzz_route("/api/places");
}

#[test]
fn no_query_or_id_breaks_one_article() {
    fuzz_route("/api/articles/{id}");
}

#[test]
fn no_query_breaks_stats() {
    fuzz_route("/api/stats");
}

#[test]
fn no_query_breaks_the_filter() {
    fuzz_route("/api/filter");
}

#[test]
fn no_query_breaks_codes() {
    fuzz_route("/api/codes");
}

#[test]
fn no_query_breaks_the_openapi_document() {
    fuzz_route("/api/openapi.json");
}

// ---- what the properties found, kept as plain tests -------------------------------------

/// Every GET route called with no query string at all, and with an empty one.
#[tokio::test]
async fn every_route_without_a_query_string() {
    let app = app();
    for (method, path) in dyad_server::ROUTES {
        if *method != "get" {
            continue;
        }
        let path = path.replace("{id}", "1");
        for uri in [
            path.clone(),
            format!("{path}?"),
            format!("{path}/"),
            format!("{path}/?"),
            format!("{path}#"),
        ] {
            let a = get(&app, &uri).await;
            assert!(!a.status.is_server_error(), "GET {uri}: {}", a.text);
            assert!(a.json.is_object(), "GET {uri}: not JSON: {}", a.text);
        }
    }
    for uri in [
        "/api",
        "/api/",
        "/api/events/",
        "/api/articles/",
        "/api/events//1",
    ] {
        bad(&app, uri, 404, None).await;
    }
    ok(&app, "/api/stats").await;
}

/// A path id that does not percent-decode to UTF-8 was answered by axum in plain text.
#[tokio::test]
async fn an_id_that_is_not_utf8_is_a_json_400() {
    let app = app();
    for uri in [
        "/api/articles/%FF",
        "/api/articles/%C0%AF",
        "/api/articles/%ED%A0%80",
        "/api/events/%FF",
    ] {
        bad(&app, uri, 400, Some("id")).await;
    }
}

/// A request that runs out of time is answered with the JSON error too (tower-http's timeout
/// answered an empty 408).
#[tokio::test]
async fn a_timeout_is_a_json_408() {
    let mut config = dyad_server::Config::new(common::sample_db());
    config.timeout = std::time::Duration::ZERO;
    let app = dyad_server::app(&config).unwrap();
    let a = bad(&app, "/api/stats", 408, None).await;
    assert!(a["error"].as_str().unwrap().contains("too long"));
}
