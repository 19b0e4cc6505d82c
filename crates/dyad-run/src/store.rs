//! The loop's database sink: coded articles stored in batches, one transaction each, for
//! `dyad ingest`, `recode`, `watch` and the Python package's `Store.ingest`.

use std::collections::HashSet;

use anyhow::{Context, Result};
use dyad_coder::Coder;
use dyad_model::Document;
use dyad_store::ingest::now_stamp;
use dyad_store::{content_hash, ArticleInput, BatchSummary, Store};
use dyad_text::readers::MAX_WARNINGS_KEPT;

use crate::pipeline::{Coded, Loop, Sink, Source};

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
pub struct DistinctIds {
    seen: HashSet<u128>,
    strict: bool,
    /// The first [`MAX_WARNINGS_KEPT`] warnings, to be printed; the rest counted.
    pub warnings: Vec<String>,
    /// Records skipped for an id read before.
    pub repeats: usize,
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

    /// Print the warnings on stderr, and how many more there were.
    pub fn report(&self) {
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

/// Each batch stored in one transaction. Articles stored already with the same content hash
/// are not coded again (`ingest`), and ids repeated in a run are skipped (`ingest`; `recode`
/// reads each stored article once).
pub struct StoreSink<'a> {
    store: &'a mut Store,
    version: String,
    pub distinct: Option<DistinctIds>,
    /// Leave out the articles stored with the same content hash.
    skip_stored: bool,
    /// Told the number of articles read each time a batch is stored (a progress bar).
    progress: Option<Box<dyn FnMut(u64) + 'a>>,
    /// Articles of the batch being coded, counted for the progress when it is stored.
    read: u64,
    unchanged: usize,
    pub total: BatchSummary,
}

impl<'a> StoreSink<'a> {
    /// For `dyad ingest`: stored articles unchanged are skipped, ids must be distinct.
    pub fn ingest(store: &'a mut Store, version: String, strict: bool) -> Self {
        let distinct = DistinctIds {
            strict,
            ..DistinctIds::default()
        };
        StoreSink::new(store, version, Some(distinct), true)
    }

    /// For `dyad recode`: every article read is coded and stored again.
    pub fn recode(store: &'a mut Store, version: String) -> Self {
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
            progress: None,
            read: 0,
            unchanged: 0,
            total: BatchSummary::default(),
        }
    }

    /// Tell `progress` how many articles were read each time a batch is stored.
    pub fn with_progress(mut self, progress: impl FnMut(u64) + 'a) -> Self {
        self.progress = Some(Box::new(progress));
        self
    }

    /// Code every article of `source` into the store through the loop (quotations included),
    /// then total what the run stored. What was read before a fatal reading error is stored
    /// all the same.
    pub fn fill<S: Source>(
        &mut self,
        coder: &Coder,
        batch: usize,
        source: S,
    ) -> Result<S::Summary> {
        let coding = Loop {
            coder,
            quotes: true,
            batch,
        };
        let read = coding.run(source, self);
        self.finish();
        read
    }

    /// Count the articles left unchanged in the run's total.
    pub fn finish(&mut self) {
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
        let read = std::mem::take(&mut self.read);
        if let Some(progress) = &mut self.progress {
            progress(read);
        }
        Ok(())
    }
}
