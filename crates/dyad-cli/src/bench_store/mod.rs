//! `dyad bench store`: how the event database holds up as it grows. It writes a synthetic
//! year of news ([`synth`]) of N events through the store's own ingest, loaded in bulk
//! (`BulkLoad`: the same `write_batch` as `dyad ingest`, in larger batches, with the indexes
//! only readers use made at the end), reproducible from a seed, then times every API route and
//! `dyad query` warm and cold ([`measure`]), and reports the ingest rate (events and
//! articles per second) and the bytes per event on disk.

mod measure;
#[cfg(test)]
mod reads;
mod synth;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Result};
use clap::Args;
use dyad_store::{ArticleInput, BulkLoad, Store};
use serde::Serialize;

use measure::Latency;

#[derive(Args, Debug)]
pub struct StoreBenchArgs {
    /// Events in the synthetic store.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub events: usize,
    /// The database to write (must not exist) and measure; default: a temporary file,
    /// deleted at the end.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Measure the database --db names as it is, without writing (a store made by an
    /// earlier run, or any dyad database).
    #[arg(long, requires = "db")]
    pub reuse: bool,
    /// Continue the store --db names up to --events: the synthetic articles already in it
    /// (the first ones of the same seed and --events, stored in whole batches) are made again
    /// and skipped, and the rest are written (a load that was stopped, or one to grow).
    #[arg(long = "continue", requires = "db", conflicts_with = "reuse")]
    pub continue_load: bool,
    /// The seed of the synthetic store and of the queries' parameters.
    #[arg(long, value_name = "N", default_value_t = 19)]
    pub seed: u64,
    /// Requests per route (each with its own parameters).
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub requests: usize,
    /// Warm rounds over every request.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub rounds: usize,
    /// Cold requests per route (each after the file is dropped from the OS cache).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub cold: usize,
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize, Default)]
struct Ingest {
    articles: usize,
    events: i64,
    mentions: i64,
    /// Wall seconds in the store's bulk load: its batches and the indexes made at the end
    /// (generation not counted).
    write_seconds: f64,
    events_per_s: f64,
    articles_per_s: f64,
    mentions_per_s: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    db: String,
    seed: u64,
    ingest: Option<Ingest>,
    bytes: u64,
    bytes_per_event: f64,
    warm: Vec<Latency>,
    cold: Vec<Latency>,
}

/// Articles per transaction: a bulk load's batches are larger than `dyad ingest`'s
/// ([`dyad_run::BATCH`]), so that the pages they share are written once for more events.
const BATCH: usize = 4096;

/// How many synthetic articles the store at `db` holds: they are `synth-000000000` onwards,
/// without a gap (a bulk load stores whole batches, in order).
fn articles_present(db: &Path) -> Result<usize> {
    let store = Store::open_read_only(db)?;
    let last: Option<String> = store.conn().query_row(
        "SELECT MAX(id) FROM articles WHERE id >= 'synth-' AND id < 'synth.'",
        [],
        |r| r.get(0),
    )?;
    let Some(last) = last else {
        return Ok(0);
    };
    let n: usize = match last.strip_prefix("synth-").map(str::parse::<usize>) {
        Some(Ok(n)) => n + 1,
        _ => bail!("{}: {last} is not a synthetic article id", db.display()),
    };
    let stored: i64 = store.conn().query_row(
        "SELECT COUNT(*) FROM articles WHERE id >= 'synth-' AND id < 'synth.'",
        [],
        |r| r.get(0),
    )?;
    if stored as usize != n {
        bail!(
            "{}: {stored} synthetic articles, but the last is {last}: not a store this bench \
             loaded in order, so it cannot be continued",
            db.display()
        );
    }
    Ok(n)
}

/// Makes the first `skip` articles of `gen` again without writing them, and checks that the
/// last of them is the one the store holds (same seed, same --events).
fn skip_present(db: &Path, gen: &mut synth::Synth, skip: usize) -> Result<()> {
    let mut last = None;
    for _ in 0..skip {
        match gen.next_article() {
            Some(a) => last = Some(a),
            None => bail!(
                "{}: holds {skip} synthetic articles, more than this seed and --events make",
                db.display()
            ),
        }
    }
    let Some(last) = last else {
        return Ok(());
    };
    let store = Store::open_read_only(db)?;
    let text: Option<String> = store
        .conn()
        .query_row(
            "SELECT text FROM articles WHERE id = ?1",
            [&last.doc.id],
            |r| r.get(0),
        )
        .ok();
    if text.as_deref() != Some(last.doc.text.as_str()) {
        bail!(
            "{}: article {} is not the one this seed and --events make: continue with the \
             --seed and --events of the load that wrote it",
            db.display(),
            last.doc.id
        );
    }
    Ok(())
}

fn write(db: &Path, events: usize, seed: u64, quiet: bool, resume: bool) -> Result<Ingest> {
    let mut gen = synth::Synth::new(seed, events);
    if resume {
        let skip = articles_present(db)?;
        if !quiet {
            eprintln!("  skipping the {skip} articles already stored …");
        }
        skip_present(db, &mut gen, skip)?;
    }
    let created_before = gen.created;
    // what the store held before, so that the rates are of what this run wrote
    let before = if resume {
        Store::open_read_only(db)?.counts()?
    } else {
        dyad_store::ingest::Counts::default()
    };
    let mut store = BulkLoad::open(db)?;
    let mut out = Ingest::default();
    let started = Instant::now();
    let mut writing = std::time::Duration::ZERO;
    let added = dyad_store::ingest::now_stamp();
    let mut last_note = Instant::now();
    // the articles are made on a thread of their own, a few batches ahead of the writer: making
    // them is a tenth of the work, which the writer then need not wait for
    let (batches, made) = std::sync::mpsc::sync_channel::<(Vec<synth::Coded>, usize)>(2);
    let maker = std::thread::spawn(move || {
        loop {
            let mut batch = Vec::with_capacity(BATCH);
            while batch.len() < BATCH {
                match gen.next_article() {
                    Some(a) => batch.push(a),
                    None => break,
                }
            }
            if batch.is_empty() || batches.send((batch, gen.created)).is_err() {
                break;
            }
        }
        gen
    });
    let mut created = created_before;
    for (batch, created_now) in made {
        created = created_now;
        let inputs: Vec<ArticleInput> = batch.iter().map(synth::Coded::input).collect();
        let t = Instant::now();
        store.write_batch(&inputs, &added)?;
        writing += t.elapsed();
        out.articles += batch.len();
        if !quiet && last_note.elapsed().as_secs() >= 10 {
            eprintln!(
                "  {created} of {events} events, {} articles, {:.0} s",
                out.articles,
                started.elapsed().as_secs_f64()
            );
            last_note = Instant::now();
        }
    }
    let gen = maker
        .join()
        .map_err(|_| anyhow::anyhow!("the thread making the synthetic articles failed"))?;
    debug_assert_eq!(gen.created, created);
    let t = Instant::now();
    if !quiet {
        eprintln!(
            "  making the indexes, {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    let store = store.finish()?;
    writing += t.elapsed();
    let counts = store.counts()?;
    out.events = counts.events;
    out.mentions = counts.mentions;
    if resume && !quiet {
        eprintln!(
            "  {} events created by this run (of {} in all)",
            gen.created - created_before,
            gen.created
        );
    }
    out.write_seconds = writing.as_secs_f64();
    let per_s = |n: f64| n / out.write_seconds.max(1e-9);
    out.events_per_s = per_s((out.events - before.events) as f64);
    out.articles_per_s = per_s(out.articles as f64);
    out.mentions_per_s = per_s((out.mentions - before.mentions) as f64);
    Ok(out)
}

fn file_bytes(db: &Path) -> u64 {
    let mut total = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
    for ext in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(ext);
        total += std::fs::metadata(PathBuf::from(p))
            .map(|m| m.len())
            .unwrap_or(0);
    }
    total
}

pub fn run(args: StoreBenchArgs) -> Result<()> {
    let temp;
    let db = match &args.db {
        Some(p) => p.clone(),
        None => {
            temp = tempfile::tempdir()?;
            temp.path().join("bench-store.db")
        }
    };
    let ingest = if args.reuse {
        if !db.is_file() {
            bail!("--reuse: {} does not exist", db.display());
        }
        None
    } else if args.continue_load {
        if !db.is_file() {
            bail!("--continue: {} does not exist", db.display());
        }
        if !args.json {
            eprintln!("continuing {} up to {} events …", db.display(), args.events);
        }
        Some(write(&db, args.events, args.seed, args.json, true)?)
    } else {
        if db.exists() {
            bail!(
                "{} exists: give a new file, or --reuse to measure it as it is",
                db.display()
            );
        }
        if !args.json {
            eprintln!("writing {} events to {} …", args.events, db.display());
        }
        Some(write(&db, args.events, args.seed, args.json, false)?)
    };
    let bytes = file_bytes(&db);
    let store = Store::open_read_only(&db)?;
    let events: i64 = store
        .conn()
        .query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))?;
    let probes = measure::probes(&store, args.seed, args.requests.max(1))?;
    drop(store);
    if !args.json {
        eprintln!("measuring {} requests, warm …", probes.len());
    }
    let warm = measure::warm(&db, &probes, args.rounds.max(1))?;
    let mut cold_probes = Vec::new();
    let mut per_label: std::collections::HashMap<String, usize> = Default::default();
    for p in &probes {
        let n = per_label.entry(p.label().to_string()).or_default();
        if *n < args.cold {
            *n += 1;
            cold_probes.push(p.clone());
        }
    }
    if !args.json {
        eprintln!("cold …");
    }
    let cold = measure::cold(&db, &cold_probes)?;
    let report = Report {
        db: db.display().to_string(),
        seed: args.seed,
        ingest,
        bytes,
        bytes_per_event: bytes as f64 / events.max(1) as f64,
        warm,
        cold,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    if let Some(i) = &report.ingest {
        println!(
            "ingest: {} articles, {} events, {} mentions in {:.1} s of writing: {:.0} events/s, \
             {:.0} articles/s, {:.0} mentions/s",
            i.articles,
            i.events,
            i.mentions,
            i.write_seconds,
            i.events_per_s,
            i.articles_per_s,
            i.mentions_per_s
        );
    }
    println!(
        "on disk: {:.1} MB, {:.0} bytes per event",
        report.bytes as f64 / 1e6,
        report.bytes_per_event
    );
    for (name, rows) in [("warm", &report.warm), ("cold", &report.cold)] {
        println!(
            "\n{name:<24} {:>5} {:>9} {:>9} {:>9} {:>9} {:>6} {:>7}  slowest",
            "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "sampled"
        );
        for l in rows {
            println!(
                "{:<24} {:>5} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>6} {:>7}  {}",
                l.label,
                l.samples,
                l.p50_ms,
                l.p95_ms,
                l.p99_ms,
                l.max_ms,
                l.errors,
                l.sampled,
                l.slowest
            );
        }
    }
    Ok(())
}
