//! `dyad ingest`: code articles into the event database, and `dyad recode`: code the stored
//! articles again with other dictionaries.
//!
//! Articles are read, coded (in parallel) and stored in batches, one transaction each; an
//! article already stored with the same content hash is not coded again, so rerunning an
//! interrupted ingest completes it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;
use dyad_coder::Coder;
use dyad_store::ingest::{now_stamp, Counts};
use dyad_store::{content_hash, ArticleInput, BatchSummary, Store};
use dyad_text::readers::{read_inputs, MAX_WARNINGS_KEPT};
use dyad_text::Document;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::code::{code_guarded, report_reading, Coded, LimitArgs, SentenceLimitArg};
use crate::dictionaries::DictionaryArgs;

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, folders (read recursively) or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// The database file (created if missing).
    #[arg(long, value_name = "FILE", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Stop at the first bad record instead of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,
    /// Articles per transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub batch: usize,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

#[derive(Args, Debug)]
pub struct RecodeArgs {
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "dyad.db")]
    pub db: PathBuf,
    /// Articles per transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub batch: usize,
    #[command(flatten)]
    pub limits: SentenceLimitArg,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

/// Open an existing database for updating it (`dyad recode`).
pub(crate) fn open_existing(db: &Path) -> Result<Store> {
    must_exist(db)?;
    Ok(Store::open(db)?)
}

/// Open an existing database for reading only (`dyad query`, `dyad export`, `dyad serve`'s
/// check): it may sit on a read-only medium, and nothing in it is changed.
pub(crate) fn open_existing_read_only(db: &Path) -> Result<Store> {
    must_exist(db)?;
    Ok(Store::open_read_only(db)?)
}

fn must_exist(db: &Path) -> Result<()> {
    if !db.is_file() {
        anyhow::bail!(
            "database {} does not exist (create it with `dyad ingest INPUT… --db {}`)",
            db.display(),
            db.display()
        );
    }
    Ok(())
}

/// A spinner with the article count and rate, drawn only when stderr is a terminal.
fn progress() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {human_pos} articles ({per_sec}) {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// Code the articles of a batch that need it and store them all in one transaction.
fn store_batch(
    store: &mut Store,
    coder: &Coder,
    version: &str,
    docs: &mut Vec<Document>,
    skip_stored: bool,
) -> Result<BatchSummary> {
    let mut skipped = 0;
    if skip_stored {
        let mut keep = Vec::with_capacity(docs.len());
        for d in docs.drain(..) {
            if store.stored_hash(&d.id)?.as_deref() == Some(content_hash(&d).as_str()) {
                skipped += 1;
            } else {
                keep.push(d);
            }
        }
        *docs = keep;
    }
    let coded: Vec<Coded> = docs
        .par_iter()
        .map(|d| code_guarded(coder, d, true))
        .collect();
    let inputs: Vec<ArticleInput> = docs
        .iter()
        .zip(&coded)
        .map(|(doc, c)| ArticleInput {
            doc,
            events: &c.events,
            quotes: &c.quotes,
            dict_version: version,
        })
        .collect();
    let mut summary = store
        .write_batch(&inputs, &now_stamp())
        .context("cannot write to the database")?;
    summary.unchanged += skipped;
    docs.clear();
    Ok(summary)
}

fn report(summary: &BatchSummary, counts: &Counts, db: &Path) {
    eprintln!(
        "dyad: {} articles added, {} replaced, {} unchanged; {} now holds {} articles, {} events, \
         {} mentions, {} quotes",
        summary.added,
        summary.replaced,
        summary.unchanged,
        db.display(),
        counts.articles,
        counts.events,
        counts.mentions,
        counts.quotes
    );
}

/// An article id as a 128-bit hash, for the set of ids read in one run: 16 bytes an article
/// (16 MB a million) whatever the ids' length, with no chance in practice that two ids meet.
fn id_key(id: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |salt: u8| {
        let mut h = std::hash::DefaultHasher::new();
        salt.hash(&mut h);
        id.hash(&mut h);
        h.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

pub fn run(args: IngestArgs) -> Result<()> {
    let batch_size = args.batch.max(1);
    let mut store = Store::open(&args.db)?;
    let version = args.dicts.version()?;
    let coder = args.limits.sentence.apply(Coder::new(args.dicts.load()?));
    let bar = progress();
    let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
    let mut total = BatchSummary::default();
    let mut error: Option<anyhow::Error> = None;
    // An id is an article: a second record with an id already read in this run (two
    // `index.html` in different folders) would replace the first, and every rerun would
    // replace it again, so it is skipped with a warning instead.
    let mut seen: HashSet<u128> = HashSet::new();
    // the first MAX_WARNINGS_KEPT of them are kept to be printed, the rest counted
    let mut repeated: Vec<String> = Vec::new();
    let mut repeats = 0usize;
    let opts = args.limits.read_options(args.strict);
    let read = read_inputs(&args.inputs, &opts, &mut |doc| {
        if error.is_some() {
            return;
        }
        if !seen.insert(id_key(&doc.id)) {
            let warning = format!(
                "{}:{}: article id {:?} was already read in this run; skipped (ids must be \
                 distinct)",
                doc.origin.file, doc.origin.line, doc.id
            );
            repeats += 1;
            if args.strict {
                error = Some(anyhow::anyhow!("{warning}"));
            } else if repeated.len() < MAX_WARNINGS_KEPT {
                repeated.push(warning);
            }
            return;
        }
        batch.push(doc);
        if batch.len() >= batch_size {
            let n = batch.len() as u64;
            match store_batch(&mut store, &coder, &version, &mut batch, true) {
                Ok(s) => total.add(s),
                Err(e) => error = Some(e),
            }
            bar.inc(n);
        }
    });
    if let Some(e) = error {
        bar.finish_and_clear();
        return Err(e);
    }
    // what was read before a fatal reading error is still stored
    let n = batch.len() as u64;
    let last = store_batch(&mut store, &coder, &version, &mut batch, true);
    bar.inc(n);
    bar.finish_and_clear();
    total.add(last?);
    let summary = read?;
    report_reading(&summary);
    for w in &repeated {
        eprintln!("warning: {w}");
    }
    if repeats > repeated.len() {
        eprintln!(
            "warning: … and {} more repeated ids, not shown",
            repeats - repeated.len()
        );
    }
    args.limits.sentence.report(&coder);
    if summary.skipped + repeats > 0 {
        eprintln!("dyad: {} records skipped", summary.skipped + repeats);
    }
    report(&total, &store.counts()?, &args.db);
    Ok(())
}

pub fn recode(args: RecodeArgs) -> Result<()> {
    let batch_size = args.batch.max(1);
    let mut store = open_existing(&args.db)?;
    let version = args.dicts.version()?;
    let coder = args.limits.apply(Coder::new(args.dicts.load()?));
    let bar = progress();
    let mut total = BatchSummary::default();
    // page by page: memory holds one batch of articles, however large the database
    let mut after: Option<String> = None;
    loop {
        let mut docs = store.articles_page(after.as_deref(), &version, batch_size)?;
        let Some(last) = docs.last() else { break };
        after = Some(last.id.clone());
        let n = docs.len() as u64;
        total.add(store_batch(&mut store, &coder, &version, &mut docs, false)?);
        bar.inc(n);
    }
    bar.finish_and_clear();
    eprintln!(
        "dyad: {} articles recoded with dictionary version {version}",
        total.replaced
    );
    args.limits.report(&coder);
    report(&total, &store.counts()?, &args.db);
    Ok(())
}
