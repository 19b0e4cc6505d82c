//! Timing the read paths of a store: every API route through the server's own router (the
//! handler, its SQL and the JSON), and `dyad query`'s listing and `--by` counts through the
//! store's functions, each over varied parameters drawn from the store's own actors, codes,
//! places and dates. Warm: one open database, each request repeated. Cold: before each
//! request the database file's pages are dropped from the OS cache (`posix_fadvise`
//! DONTNEED, for this file only) and the database is opened anew, so the request reads what
//! it needs from disk.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use axum::body::Body;
use dyad_store::{parse_filter, query, Period, Store};
use serde::Serialize;
use tower::ServiceExt;

use super::synth::Rng;

/// One request of the bench: a route (or query) label and how to make it.
#[derive(Debug, Clone)]
pub enum Probe {
    /// A GET of the API (path and query string).
    Http { label: String, uri: String },
    /// `dyad query` with these filter flags (as the API's names), by a period or listing.
    Query {
        label: String,
        filter: Vec<(String, String)>,
        by: Option<Period>,
    },
}

impl Probe {
    pub fn label(&self) -> &str {
        match self {
            Probe::Http { label, .. } | Probe::Query { label, .. } => label,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Probe::Http { uri, .. } => uri.clone(),
            Probe::Query { filter, by, .. } => {
                let mut s = String::from("dyad query");
                if let Some(b) = by {
                    s.push_str(match b {
                        Period::Day => " --by day",
                        Period::Week => " --by week",
                        Period::Month => " --by month",
                    });
                } else {
                    s.push_str(" --limit 100");
                }
                for (k, v) in filter {
                    s.push_str(&format!(" --{} {v}", k.replace('_', "-")));
                }
                s
            }
        }
    }
}

/// Latency figures of one label, in milliseconds.
#[derive(Debug, Serialize, Clone)]
pub struct Latency {
    pub label: String,
    pub samples: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Requests the API refused (a timeout: their time is the limit's); counted in the
    /// figures with the time they took.
    pub errors: usize,
    /// Answers counted from a sample of the events (their `sample`, or the query's), not
    /// from every event: estimates, as each says.
    pub sampled: usize,
    /// The slowest request.
    pub slowest: String,
}

/// The value at quantile `q` of sorted `v` (nearest rank).
fn quantile(v: &[f64], q: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

/// Per label: (milliseconds, the request, whether it failed, whether it was sampled).
type Times = BTreeMap<String, Vec<(f64, String, bool, bool)>>;

/// One timing of a probe, `(ms, error, sampled)` as [`Open::run`] gives it, under its route.
fn record(times: &mut Times, p: &Probe, (ms, error, sampled): (f64, Option<String>, bool)) {
    times.entry(p.label().to_string()).or_default().push((
        ms,
        p.describe(),
        error.is_some(),
        sampled,
    ));
}

fn summarize(times: Times) -> Vec<Latency> {
    times
        .into_iter()
        .map(|(label, mut v)| {
            v.sort_by(|a, b| a.0.total_cmp(&b.0));
            let ms: Vec<f64> = v.iter().map(|x| x.0).collect();
            Latency {
                label,
                samples: ms.len(),
                p50_ms: quantile(&ms, 0.5),
                p95_ms: quantile(&ms, 0.95),
                p99_ms: quantile(&ms, 0.99),
                max_ms: ms.last().copied().unwrap_or(0.0),
                errors: v.iter().filter(|x| x.2).count(),
                sampled: v.iter().filter(|x| x.3).count(),
                slowest: v.last().map(|x| x.1.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// An open database: the API's router and a read-only store for `dyad query`.
struct Open {
    router: axum::Router,
    store: Store,
}

impl Open {
    fn new(db: &Path) -> Result<Open> {
        let router = dyad_server::app(&dyad_server::Config::new(db))
            .with_context(|| format!("cannot serve {}", db.display()))?;
        let store = Store::open_read_only(db)?;
        Ok(Open { router, store })
    }

    /// Run one probe; returns the milliseconds it took, for a request the API refused (a 408
    /// after its 10 s limit) what it answered, and whether the answer was from a sample.
    fn run(
        &self,
        rt: &tokio::runtime::Runtime,
        probe: &Probe,
    ) -> Result<(f64, Option<String>, bool)> {
        let t = Instant::now();
        let mut sampled = false;
        match probe {
            Probe::Http { uri, .. } => {
                let req = axum::http::Request::get(uri.as_str()).body(Body::empty())?;
                let status = rt.block_on(async {
                    let resp = self.router.clone().oneshot(req).await?;
                    let status = resp.status();
                    let body = axum::body::to_bytes(resp.into_body(), usize::MAX).await?;
                    anyhow::Ok((status, body))
                })?;
                if !status.0.is_success() {
                    let ms = t.elapsed().as_secs_f64() * 1000.0;
                    let said = format!("{} {}", status.0, String::from_utf8_lossy(&status.1));
                    return Ok((ms, Some(said), false));
                }
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                let body: serde_json::Value =
                    serde_json::from_slice(&status.1).unwrap_or(serde_json::Value::Null);
                let sampled = body.get("sample").is_some_and(|s| !s.is_null());
                return Ok((ms, None, sampled));
            }
            Probe::Query { filter, by, .. } => {
                let mut f = parse_filter(filter.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                    .map_err(|e| anyhow::anyhow!("{}", e.as_flag()))?;
                match by {
                    Some(by) => {
                        // as `dyad query --by` does (without --exact): its rows, then the
                        // undated events it reports
                        f.bounded = true;
                        let (_, sample) =
                            dyad_store::aggregate::aggregate_sampled(self.store.conn(), &f, *by)?;
                        query::undated(self.store.conn(), &f)?;
                        sampled = sample.is_some();
                    }
                    None => {
                        // as `dyad query --limit 100` does: a page, with its bounded read
                        f.limit = Some(100);
                        dyad_store::page::page(self.store.conn(), &f, None, 100)?;
                    }
                }
            }
        }
        Ok((t.elapsed().as_secs_f64() * 1000.0, None, sampled))
    }
}

/// Drop the pages of the database (and its write-ahead log) from the OS cache.
fn evict(db: &Path) {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    for path in [db.to_path_buf(), std::path::PathBuf::from(wal)] {
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::io::AsRawFd;
            // SAFETY: the descriptor is open for the duration of the call; the advice only
            // drops clean cached pages of this file.
            unsafe {
                libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
            }
        }
        drop(file);
    }
}

/// Warm figures: every probe `rounds` times on one open database (a first untimed round
/// reads what it needs into the caches).
pub fn warm(db: &Path, probes: &[Probe], rounds: usize) -> Result<Vec<Latency>> {
    let rt = runtime()?;
    let open = Open::new(db)?;
    for p in probes {
        open.run(&rt, p)?;
    }
    let mut times = Times::new();
    for _ in 0..rounds {
        for p in probes {
            record(&mut times, p, open.run(&rt, p)?);
        }
    }
    Ok(summarize(times))
}

/// Cold figures: each probe once, on a database just opened with its file out of the cache.
pub fn cold(db: &Path, probes: &[Probe]) -> Result<Vec<Latency>> {
    let rt = runtime()?;
    let mut times = Times::new();
    for p in probes {
        evict(db);
        let open = Open::new(db)?;
        record(&mut times, p, open.run(&rt, p)?);
    }
    Ok(summarize(times))
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?)
}

/// The probes: each route and query over parameters drawn (from `seed`) from what the store
/// holds: its most and least reported actors, dyads, codes, countries, words and dates.
pub fn probes(store: &Store, seed: u64, per_label: usize) -> Result<Vec<Probe>> {
    let conn = store.conn();
    let mut rng = Rng::new(seed);
    // actors as the store has them: the source of events at random points of the id space
    let mut actors: Vec<String> = Vec::new();
    {
        let mut st = conn.prepare(
            "SELECT source_code FROM events WHERE id >= ?1 AND negated = 0 ORDER BY id LIMIT 1",
        )?;
        let mut r = Rng::new(seed ^ 1);
        for _ in 0..200 {
            let at = (r.next_u64() & ((1 << 53) - 1)) as i64;
            if let Ok(code) = st.query_row([at], |x| x.get::<_, String>(0)) {
                actors.push(code);
            }
        }
    }
    actors.retain(|a| a.len() >= 3);
    if actors.is_empty() {
        bail!("the database holds no events to query");
    }
    let sample_ids = |table: &str, n: usize, rng: &mut Rng| -> Result<Vec<String>> {
        let sql = if table == "events" {
            "SELECT CAST(id AS TEXT) FROM events WHERE id >= ?1 ORDER BY id LIMIT 1"
        } else {
            "SELECT id FROM articles WHERE rowid >= ?1 ORDER BY rowid LIMIT 1"
        };
        let top: i64 = conn.query_row(
            &format!("SELECT COALESCE(MAX(rowid), 1) FROM {table}"),
            [],
            |r| r.get(0),
        )?;
        let mut st = conn.prepare(sql)?;
        let mut out = Vec::new();
        for _ in 0..n {
            let at = if table == "events" {
                (rng.next_u64() & ((1 << 53) - 1)) as i64
            } else {
                1 + rng.below(top.max(1) as usize) as i64
            };
            let v = st.query_row([at], |x| x.get::<_, String>(0)).ok();
            out.extend(v);
        }
        if out.is_empty() {
            let sql = format!("SELECT CAST(id AS TEXT) FROM {table} LIMIT 1");
            out.push(conn.query_row(&sql, [], |r| r.get::<_, String>(0))?);
        }
        Ok(out)
    };
    let events = sample_ids("events", per_label, &mut rng)?;
    let articles = sample_ids("articles", per_label, &mut rng)?;
    let (first, last): (Option<String>, Option<String>) = conn.query_row(
        "SELECT MIN(date), MAX(date) FROM events WHERE date > ''",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let first = first
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .unwrap_or_default();
    let last = last
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .unwrap_or(first);
    let span = (last - first).num_days().max(0) as usize;
    const CODES: &[&str] = &["01", "04", "042", "0431", "19", "190", "14", "173", "112"];
    const WORDS: &[&str] = &[
        "said",
        "sanctions",
        "appeal",
        "did not",
        "military",
        "again",
        "Wednesday",
    ];
    // words of some days: the synthetic evidence names its event's weekday, so a weekday is in
    // all of a day's reports and none of the others' (a walk along the dates meets it on those
    // days alone)
    const WEEKDAYS: &[&str] = &["Monday", "Wednesday", "Saturday"];
    let actor = |rng: &mut Rng| {
        let a = &actors[rng.below(actors.len())];
        // a country (prefix) as often as a full code
        if rng.chance(0.5) && a.len() > 3 {
            a[..3].to_string()
        } else {
            a.clone()
        }
    };
    let filter = |rng: &mut Rng| -> Vec<(String, String)> {
        // one request in eight: an actor (the countries of the news, most often the commonest)
        // with a word of some days, as the dashboard's word view asks
        if rng.below(8) == 0 {
            let a = actors[rng.below(actors.len())][..3].to_string();
            return vec![
                ("actor".into(), a),
                ("text".into(), WEEKDAYS[rng.below(WEEKDAYS.len())].into()),
            ];
        }
        let mut f: Vec<(String, String)> = Vec::new();
        let kinds = 1 + rng.below(2);
        for _ in 0..kinds {
            match rng.below(10) {
                0 => {}
                1 | 2 => f.push(("actor".into(), actor(rng))),
                3 => f.push(("dyad".into(), format!("{}:{}", actor(rng), actor(rng)))),
                4 => f.push(("code".into(), CODES[rng.below(CODES.len())].into())),
                5 => f.push(("root".into(), format!("{:02}", 1 + rng.below(20)))),
                6 => f.push(("quad".into(), (1 + rng.below(4)).to_string())),
                7 => f.push(("country".into(), actor(rng)[..3].to_string())),
                8 => f.push(("text".into(), WORDS[rng.below(WORDS.len())].into())),
                _ => {
                    let len = [7, 31, 92, 365][rng.below(4)].min(span + 1);
                    let start = rng.below(span + 2 - len);
                    let from = first + chrono::Duration::days(start as i64);
                    let to = from + chrono::Duration::days(len as i64 - 1);
                    f.push(("from".into(), from.to_string()));
                    f.push(("to".into(), to.to_string()));
                }
            }
        }
        // one field once (actor may repeat)
        let mut seen: Vec<String> = Vec::new();
        f.retain(|(k, _)| {
            let keep = k == "actor" || !seen.contains(k);
            seen.push(k.clone());
            keep
        });
        f
    };
    let qs = |f: &[(String, String)]| -> String {
        f.iter()
            .map(|(k, v)| format!("{k}={}", v.replace(' ', "+")))
            .collect::<Vec<_>>()
            .join("&")
    };
    let mut out = Vec::new();
    let http = |label: &str, uri: String| Probe::Http {
        label: label.to_string(),
        uri,
    };
    for i in 0..per_label {
        out.push(http("GET /api/stats", "/api/stats".into()));
        let q = match rng.below(3) {
            0 => actors[rng.below(actors.len())][..2].to_string(),
            1 => actors[rng.below(actors.len())][..3].to_string(),
            _ => ["gov", "Fran", "Ukr", "military", "United", "Isra"][rng.below(6)].to_string(),
        };
        out.push(http("GET /api/actors", format!("/api/actors?q={q}")));
        let f = filter(&mut rng);
        let by = ["day", "week", "month"][rng.below(3)];
        let sep = if f.is_empty() { "" } else { "&" };
        out.push(http(
            "GET /api/series",
            format!("/api/series?by={by}{sep}{}", qs(&f)),
        ));
        let f = filter(&mut rng);
        let level = ["country", "actor"][rng.below(2)];
        let sep = if f.is_empty() { "" } else { "&" };
        out.push(http(
            "GET /api/network",
            format!("/api/network?level={level}{sep}{}", qs(&f)),
        ));
        let f = filter(&mut rng);
        out.push(http("GET /api/places", format!("/api/places?{}", qs(&f))));
        let f = filter(&mut rng);
        out.push(http("GET /api/events", format!("/api/events?{}", qs(&f))));
        let f = filter(&mut rng);
        out.push(http("GET /api/filter", format!("/api/filter?{}", qs(&f))));
        out.push(http(
            "GET /api/events/{id}",
            format!("/api/events/{}", events[i % events.len()]),
        ));
        out.push(http(
            "GET /api/articles/{id}",
            format!("/api/articles/{}", articles[i % articles.len()]),
        ));
        let by = [Period::Day, Period::Week, Period::Month][rng.below(3)];
        out.push(Probe::Query {
            label: "dyad query --by".into(),
            filter: filter(&mut rng),
            by: Some(by),
        });
        out.push(Probe::Query {
            label: "dyad query --limit 100".into(),
            filter: filter(&mut rng),
            by: None,
        });
    }
    Ok(out)
}
