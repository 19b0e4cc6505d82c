//! `dyad ingest`: code articles into the event database, and `dyad recode`: code the stored
//! articles again with other dictionaries.
//!
//! Both run the loop of [`dyad_run::pipeline`] into a [`StoreSink`]: articles are read, coded
//! (in parallel) and stored in batches, one transaction each; an article already stored with
//! the same content hash is not coded again, so rerunning an interrupted ingest completes it.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use dyad_coder::Coder;
use dyad_model::Document;
use dyad_run::{Files, Source, StoreSink};
use dyad_store::ingest::Counts;
use dyad_store::{BatchSummary, Store};
use indicatif::{ProgressBar, ProgressStyle};

use crate::dictionaries::DictionaryArgs;
use crate::limits::{report_reading, LimitArgs, SentenceLimitArg};

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
    #[command(flatten)]
    pub coding: StoreCoding,
}

/// How the commands that keep what they code (`ingest`, `watch`) code it: batches, limits and
/// dictionaries.
#[derive(Args, Debug)]
pub struct StoreCoding {
    /// Articles per transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub batch: usize,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

impl StoreCoding {
    /// The dictionary version the store records, and the coder (with tone and themes, which
    /// the store keeps).
    pub fn coder(&self) -> Result<(String, Coder)> {
        let version = self.dicts.version()?;
        let coder = self
            .limits
            .sentence
            .apply(Coder::new(self.dicts.load()?).with_tone_and_themes(true));
        Ok((version, coder))
    }
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

/// Refuse a run none of whose inputs is there before the database is opened: a mistyped
/// file name must not leave an empty database behind. (One missing input among others is a
/// warning, and the rest is ingested, as `dyad code` does.)
fn some_input_exists(inputs: &[String]) -> Result<()> {
    if inputs.iter().all(|i| i != "-" && !Path::new(i).exists()) {
        anyhow::bail!(
            "{}: no such file or folder (nothing was created)",
            inputs.join(", ")
        );
    }
    Ok(())
}

/// The message of a bar: the articles stored so far and their rate.
pub(crate) fn stored<'a>(bar: &'a ProgressBar) -> impl FnMut(u64) + 'a {
    let mut stored = 0u64;
    move |n| {
        stored += n;
        bar.set_message(format!(
            "{} stored",
            crate::progress::rate(bar, stored, "articles")
        ));
    }
}

/// A spinner whose message says the articles stored and their rate (`recode`, whose input
/// is the database), drawn only when stderr is a terminal.
pub(crate) fn progress() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// The stored articles not coded with dictionary version `version`, page by page, read on
/// a connection of their own (the database is in WAL mode: the reader sees the pages after
/// the one being rewritten as they were).
struct StoredArticles {
    store: Store,
    version: String,
    page: usize,
}

impl Source for StoredArticles {
    type Summary = ();

    fn read(self, take: &mut dyn FnMut(Document) -> bool) -> Result<()> {
        let mut after: Option<String> = None;
        loop {
            let docs = self
                .store
                .articles_page(after.as_deref(), &self.version, self.page)?;
            let Some(last) = docs.last() else {
                return Ok(());
            };
            after = Some(last.id.clone());
            for d in docs {
                if !take(d) {
                    return Ok(());
                }
            }
        }
    }
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

pub fn run(args: IngestArgs) -> Result<()> {
    some_input_exists(&args.inputs)?;
    let mut store = Store::open(&args.db)?;
    let (version, coder) = args.coding.coder()?;
    // the bytes of the inputs, with the articles stored in its message
    let bar = crate::progress::reading(crate::progress::input_bytes(&args.inputs));
    let mut sink = StoreSink::ingest(&mut store, version, args.strict).with_progress(stored(&bar));
    let source = Files {
        inputs: &args.inputs,
        opts: args.coding.limits.read_options(args.strict),
        on_read: Some(crate::progress::on_read(&bar)),
    };
    let summary = sink.fill(&coder, args.coding.batch, source);
    bar.finish_and_clear();
    let summary = summary?;
    report_reading(&summary);
    let distinct = sink.distinct.take().unwrap_or_default();
    distinct.report();
    args.coding.limits.sentence.report(&coder);
    if summary.skipped + distinct.repeats > 0 {
        eprintln!(
            "dyad: {} records skipped",
            summary.skipped + distinct.repeats
        );
    }
    let total = std::mem::take(&mut sink.total);
    drop(sink);
    report(&total, &store.counts()?, &args.db);
    crate::limits::inputs_failed(&summary)
}

pub fn recode(args: RecodeArgs) -> Result<()> {
    let mut store = open_existing(&args.db)?;
    let version = args.dicts.version()?;
    let coder = args
        .limits
        .apply(Coder::new(args.dicts.load()?).with_tone_and_themes(true));
    let source = StoredArticles {
        store: open_existing_read_only(&args.db)?,
        version: version.clone(),
        page: args.batch.max(1),
    };
    let bar = progress();
    let mut sink = StoreSink::recode(&mut store, version.clone()).with_progress(stored(&bar));
    let filled = sink.fill(&coder, args.batch, source);
    bar.finish_and_clear();
    filled?;
    let total = std::mem::take(&mut sink.total);
    drop(sink);
    eprintln!(
        "dyad: {} articles recoded with dictionary version {version}",
        total.replaced
    );
    args.limits.report(&coder);
    report(&total, &store.counts()?, &args.db);
    Ok(())
}
