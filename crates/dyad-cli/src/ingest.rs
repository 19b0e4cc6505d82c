//! `dyad ingest`: code articles into the event database, and `dyad recode`: code the stored
//! articles again with other dictionaries.
//!
//! Both run the loop of [`crate::pipeline`] into a [`StoreSink`]: articles are read, coded
//! (in parallel) and stored in batches, one transaction each; an article already stored with
//! the same content hash is not coded again, so rerunning an interrupted ingest completes it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;
use dyad_coder::Coder;
use dyad_model::Document;
use dyad_store::ingest::{now_stamp, Counts};
use dyad_store::{content_hash, ArticleInput, BatchSummary, Store};
use dyad_text::readers::MAX_WARNINGS_KEPT;
use indicatif::{ProgressBar, ProgressStyle};

use crate::dictionaries::DictionaryArgs;
use crate::limits::{report_reading, LimitArgs, SentenceLimitArg};
use crate::pipeline::{Coded, Loop, Sink, Source};
use crate::reading::Files;

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

/// A spinner whose message says the articles stored and their rate (`recode`, whose input
/// is the database), drawn only when stderr is a terminal.
fn progress() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
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

/// The ids read in one run. An id is an article: a second record with an id already read
/// (two `index.html` in different folders) would replace the first, and every rerun would
/// replace it again, so it is skipped with a warning instead (fatal under `--strict`).
#[derive(Default)]
struct DistinctIds {
    seen: HashSet<u128>,
    strict: bool,
    /// The first [`MAX_WARNINGS_KEPT`] warnings, to be printed; the rest counted.
    warnings: Vec<String>,
    repeats: usize,
}

impl DistinctIds {
    /// Keep `doc` unless its id was read before.
    fn keep(&mut self, doc: &Document) -> Result<bool> {
        if self.seen.insert(id_key(&doc.id)) {
            return Ok(true);
        }
        let warning = format!(
            "{}:{}: article id {:?} was already read in this run; skipped (ids must be \
             distinct)",
            doc.origin.file, doc.origin.line, doc.id
        );
        self.repeats += 1;
        if self.strict {
            anyhow::bail!("{warning}");
        }
        if self.warnings.len() < MAX_WARNINGS_KEPT {
            self.warnings.push(warning);
        }
        Ok(false)
    }

    fn report(&self) {
        for w in &self.warnings {
            eprintln!("warning: {w}");
        }
        if self.repeats > self.warnings.len() {
            eprintln!(
                "warning: … and {} more repeated ids, not shown",
                self.repeats - self.warnings.len()
            );
        }
    }
}

/// The loop's database sink: each batch stored in one transaction. Articles stored already
/// with the same content hash are not coded again (`ingest`), and ids repeated in a run are
/// skipped (`ingest`; `recode` reads each stored article once).
pub struct StoreSink<'a> {
    store: &'a mut Store,
    version: String,
    distinct: Option<DistinctIds>,
    /// Leave out the articles stored with the same content hash.
    skip_stored: bool,
    bar: ProgressBar,
    /// Articles of the batch being coded, counted for the progress bar when it is stored.
    read: u64,
    /// Articles stored so far (for the bar's message).
    stored: u64,
    unchanged: usize,
    pub total: BatchSummary,
}

impl<'a> StoreSink<'a> {
    /// For `dyad ingest`: stored articles unchanged are skipped, ids must be distinct.
    pub(crate) fn ingest(store: &'a mut Store, version: String, strict: bool) -> Self {
        let distinct = DistinctIds {
            strict,
            ..DistinctIds::default()
        };
        StoreSink::new(store, version, Some(distinct), true)
    }

    /// For `dyad recode`: every article read is coded and stored again.
    fn recode(store: &'a mut Store, version: String) -> Self {
        StoreSink::new(store, version, None, false)
    }

    fn new(
        store: &'a mut Store,
        version: String,
        distinct: Option<DistinctIds>,
        skip_stored: bool,
    ) -> Self {
        StoreSink {
            store,
            version,
            distinct,
            skip_stored,
            bar: progress(),
            read: 0,
            stored: 0,
            unchanged: 0,
            total: BatchSummary::default(),
        }
    }

    /// Code every article of `source` into the store through the loop (quotations included),
    /// then clear the progress bar and total what the run stored. What was read before a
    /// fatal reading error is stored all the same.
    fn fill<S: Source>(&mut self, coder: &Coder, batch: usize, source: S) -> Result<S::Summary> {
        let coding = Loop {
            coder,
            quotes: true,
            batch,
        };
        let read = coding.run(source, self);
        self.finish();
        read
    }

    /// Clear the progress bar, and say what the run stored.
    pub(crate) fn finish(&mut self) {
        self.bar.finish_and_clear();
        self.total.unchanged += std::mem::take(&mut self.unchanged);
    }
}

impl Sink for StoreSink<'_> {
    type Item = Coded;

    fn select(&mut self, batch: Vec<Document>) -> Result<Vec<Document>> {
        let mut keep = Vec::with_capacity(batch.len());
        for d in batch {
            if let Some(distinct) = &mut self.distinct {
                if !distinct.keep(&d)? {
                    continue;
                }
            }
            self.read += 1;
            if self.skip_stored
                && self.store.stored_hash(&d.id)?.as_deref() == Some(content_hash(&d).as_str())
            {
                self.unchanged += 1;
                continue;
            }
            keep.push(d);
        }
        Ok(keep)
    }

    fn item(_doc: &Document, coded: Coded) -> Result<Coded> {
        Ok(coded)
    }

    fn write(&mut self, docs: Vec<Document>, coded: Vec<Coded>) -> Result<()> {
        let inputs: Vec<ArticleInput> = docs
            .iter()
            .zip(&coded)
            .map(|(doc, c)| ArticleInput {
                doc,
                events: &c.events,
                quotes: &c.quotes,
                dict_version: &self.version,
                tone: Some(&c.tone),
                issues: Some(&c.issues),
            })
            .collect();
        let summary = self
            .store
            .write_batch(&inputs, &now_stamp())
            .context("cannot write to the database")?;
        self.total.add(summary);
        self.stored += std::mem::take(&mut self.read);
        self.bar.set_message(format!(
            "{} stored",
            crate::progress::rate(&self.bar, self.stored, "articles")
        ));
        Ok(())
    }
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
    let version = args.dicts.version()?;
    let coder = args
        .limits
        .sentence
        .apply(Coder::new(args.dicts.load()?).with_tone_and_themes(true));
    let mut sink = StoreSink::ingest(&mut store, version, args.strict);
    // the bytes of the inputs, with the articles stored in its message
    sink.bar.finish_and_clear();
    sink.bar = crate::progress::reading(crate::progress::input_bytes(&args.inputs));
    let source = Files {
        inputs: &args.inputs,
        opts: args.limits.read_options(args.strict),
        bar: Some(sink.bar.clone()),
    };
    let summary = sink.fill(&coder, args.batch, source)?;
    report_reading(&summary);
    let distinct = sink.distinct.take().unwrap_or_default();
    distinct.report();
    args.limits.sentence.report(&coder);
    if summary.skipped + distinct.repeats > 0 {
        eprintln!(
            "dyad: {} records skipped",
            summary.skipped + distinct.repeats
        );
    }
    let total = sink.total;
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
    let mut sink = StoreSink::recode(&mut store, version.clone());
    sink.fill(&coder, args.batch, source)?;
    let total = sink.total;
    eprintln!(
        "dyad: {} articles recoded with dictionary version {version}",
        total.replaced
    );
    args.limits.report(&coder);
    report(&total, &store.counts()?, &args.db);
    Ok(())
}
