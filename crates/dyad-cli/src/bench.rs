//! `dyad bench`: how fast the whole pipeline codes a corpus, on one core and on all of them,
//! how much memory it takes and how long start-up is. The corpus is streamed as `dyad code`
//! streams it (`scripts/build-bench-corpus.py` builds the standard one), and the events are
//! written as JSON Lines to a sink that only counts and hashes them, so the figures are those
//! of `dyad code … -o /dev/null`.

use std::hash::Hasher;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Args;
use dyad_coder::Coder;
use dyad_text::readers::{read_inputs, ReadOptions};
use serde::Serialize;

use crate::dictionaries::DictionaryArgs;
use dyad_run::{Files, JsonLines, Loop, BATCH};

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub what: Option<BenchWhat>,
    /// The corpus to code (any input `dyad code` reads).
    #[arg(
        long,
        value_name = "PATH",
        default_value = "target/bench-corpus/bench.jsonl"
    )]
    pub corpus: String,
    /// Threads for the all-cores run (default: every core rayon sees).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Skip the one-thread run.
    #[arg(long)]
    pub no_single: bool,
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

/// What else `dyad bench` measures than coding.
#[derive(clap::Subcommand, Debug)]
pub enum BenchWhat {
    /// The event database at scale: a synthetic store of N events written through ingest,
    /// then every API route and `dyad query` timed warm and cold.
    Store(crate::bench_store::StoreBenchArgs),
}

/// What the corpus holds.
#[derive(Debug, Default, Serialize)]
struct Corpus {
    articles: usize,
    sentences: usize,
    /// Bytes of article text (UTF-8).
    text_bytes: usize,
    /// Seconds to read and sentence-split it on one thread.
    read_split_seconds: f64,
}

/// One coding run.
#[derive(Debug, Serialize)]
struct Run {
    threads: usize,
    wall_seconds: f64,
    cpu_seconds: f64,
    events: usize,
    /// Megabytes (10^6 bytes) of article text per second of wall time.
    mb_per_s: f64,
    articles_per_s: f64,
    sentences_per_s: f64,
    /// The same per second of CPU time: a core's throughput, whatever else the machine runs.
    mb_per_cpu_s: f64,
    articles_per_cpu_s: f64,
    sentences_per_cpu_s: f64,
    /// Hash of the JSON Lines written (equal across runs: output does not depend on threads).
    output_hash: String,
}

/// Start-up, each part timed on its own.
#[derive(Debug, Serialize)]
struct Startup {
    /// Dictionaries, lexicon, tagger and gazetteer, loaded as `dyad code` loads them.
    total_ms: f64,
    /// Reading the dictionaries alone.
    dictionaries_ms: f64,
    /// Compiling them into the coder's lexicon alone.
    lexicon_ms: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    corpus_path: String,
    corpus: Corpus,
    startup: Startup,
    runs: Vec<Run>,
    identical_output: bool,
    peak_rss_mb: f64,
    cores: usize,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// User + system CPU time of the process so far.
fn cpu_time() -> Duration {
    #[cfg(unix)]
    {
        // SAFETY: getrusage writes into the zeroed struct we own.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } == 0 {
            let tv = |t: libc::timeval| {
                Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
            };
            return tv(u.ru_utime) + tv(u.ru_stime);
        }
    }
    Duration::ZERO
}

/// The peak resident set size (VmHWM), in megabytes.
pub(crate) fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn survey(inputs: &[String]) -> Result<Corpus> {
    let mut c = Corpus::default();
    let t = Instant::now();
    read_inputs(inputs, &ReadOptions::default(), &mut |doc| {
        c.articles += 1;
        c.text_bytes += doc.text.len();
        c.sentences += dyad_text::split_sentences(&doc.text, doc.body_start).len();
    })?;
    c.read_split_seconds = t.elapsed().as_secs_f64();
    Ok(c)
}

/// The output's hash, one write (a batch) at a time.
#[derive(Default)]
struct HashWriter(rustc_hash::FxHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn run_once(coder: &Coder, inputs: &[String], threads: usize, corpus: &Corpus) -> Result<Run> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the thread pool")?;
    let (cpu0, t0) = (cpu_time(), Instant::now());
    let mut sink = JsonLines::new(HashWriter::default(), false);
    let source = Files {
        inputs,
        opts: ReadOptions::default(),
        on_read: None,
    };
    let coding = Loop {
        coder,
        quotes: false,
        batch: BATCH,
    };
    pool.install(|| coding.run(source, &mut sink))?;
    let (events, hash) = (sink.events, sink.out.0);
    let wall = t0.elapsed().as_secs_f64();
    let cpu = (cpu_time() - cpu0).as_secs_f64();
    let per = |n: f64, s: f64| if s > 0.0 { n / s } else { 0.0 };
    let mb = corpus.text_bytes as f64 / 1e6;
    Ok(Run {
        threads,
        wall_seconds: wall,
        cpu_seconds: cpu,
        events,
        mb_per_s: per(mb, wall),
        articles_per_s: per(corpus.articles as f64, wall),
        sentences_per_s: per(corpus.sentences as f64, wall),
        mb_per_cpu_s: per(mb, cpu),
        articles_per_cpu_s: per(corpus.articles as f64, cpu),
        sentences_per_cpu_s: per(corpus.sentences as f64, cpu),
        output_hash: format!("{:016x}", hash.finish()),
    })
}

pub fn run(args: BenchArgs) -> Result<()> {
    if let Some(BenchWhat::Store(store)) = args.what {
        return crate::bench_store::run(store);
    }
    let path = PathBuf::from(&args.corpus);
    if !path.exists() {
        bail!(
            "no corpus at {} (build it with scripts/build-bench-corpus.py, or give --corpus)",
            path.display()
        );
    }
    let inputs = vec![args.corpus.clone()];
    // start-up as `dyad code` does it, measured first, before anything is loaded
    let t = Instant::now();
    let coder = args.dicts.start_coder()?;
    let total = t.elapsed();
    // its parts, again, one after the other (the tagger and gazetteer load once a process:
    // their share is what is left)
    let t = Instant::now();
    let dicts = args.dicts.load()?;
    let dictionaries = t.elapsed();
    let t = Instant::now();
    drop(Coder::new(dicts));
    let lexicon = t.elapsed();
    let startup = Startup {
        total_ms: ms(total),
        dictionaries_ms: ms(dictionaries),
        lexicon_ms: ms(lexicon),
    };
    let corpus = survey(&inputs)?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let all = args.threads.unwrap_or(cores).max(1);
    let mut runs = Vec::new();
    if !args.no_single {
        runs.push(run_once(&coder, &inputs, 1, &corpus)?);
    }
    if all > 1 || args.no_single {
        runs.push(run_once(&coder, &inputs, all, &corpus)?);
    }
    let identical_output = runs
        .windows(2)
        .all(|w| w[0].output_hash == w[1].output_hash);
    let report = Report {
        corpus_path: args.corpus.clone(),
        corpus,
        startup,
        runs,
        identical_output,
        peak_rss_mb: peak_rss_mb(),
        cores,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report);
    }
    Ok(())
}

fn print_report(r: &Report) {
    let c = &r.corpus;
    println!(
        "corpus      {}: {} articles, {} sentences, {:.1} MB of text",
        r.corpus_path,
        c.articles,
        c.sentences,
        c.text_bytes as f64 / 1e6
    );
    println!(
        "read+split  {:.2} s ({:.1} MB/s, one thread)",
        c.read_split_seconds,
        c.text_bytes as f64 / 1e6 / c.read_split_seconds.max(1e-9)
    );
    let s = &r.startup;
    println!(
        "start-up    {:.0} ms (dictionaries {:.0} ms, lexicon {:.0} ms; tagger and gazetteer beside them)",
        s.total_ms, s.dictionaries_ms, s.lexicon_ms
    );
    println!(
        "{:<8} {:>8} {:>8} {:>8} {:>10} {:>12} {:>8} {:>10} {:>12}  output",
        "threads",
        "wall s",
        "cpu s",
        "MB/s",
        "articles/s",
        "sentences/s",
        "MB/cpu-s",
        "art/cpu-s",
        "sent/cpu-s"
    );
    for run in &r.runs {
        println!(
            "{:<8} {:>8.2} {:>8.2} {:>8.2} {:>10.0} {:>12.0} {:>8.2} {:>10.0} {:>12.0}  {} events, {}",
            run.threads,
            run.wall_seconds,
            run.cpu_seconds,
            run.mb_per_s,
            run.articles_per_s,
            run.sentences_per_s,
            run.mb_per_cpu_s,
            run.articles_per_cpu_s,
            run.sentences_per_cpu_s,
            run.events,
            run.output_hash
        );
    }
    println!(
        "identical output across thread counts: {}",
        if r.identical_output { "yes" } else { "NO" }
    );
    println!(
        "peak RSS    {:.0} MB ({} cores seen)",
        r.peak_rss_mb, r.cores
    );
}
