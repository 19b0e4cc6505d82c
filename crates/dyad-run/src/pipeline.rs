//! The one read → code → write loop of `dyad code`, `ingest`, `recode` and the Python package.
//!
//! A [`Source`] hands articles over on a thread of its own, a batch or two ahead of the
//! coding; each batch is coded on every core ([`code_guarded`], the one place the coder is
//! called) and handed whole, in input order whatever the thread count, to a [`Sink`]: JSON
//! Lines for `dyad code` ([`crate::jsonl::JsonLines`]), the database for `ingest` and
//! `recode` ([`crate::store::StoreSink`]). Coding never knows where events go, and memory
//! holds a few batches, whatever the size of the input.

use anyhow::Result;
use dyad_coder::Coder;
use dyad_model::{Document, Event, QuoteRecord};
use rayon::prelude::*;

/// What one article gives: its events, and its quotations when asked for.
pub struct Coded {
    pub events: Vec<Event>,
    pub quotes: Vec<QuoteRecord>,
    pub tone: dyad_dict::tone::ArticleTone,
    pub issues: dyad_dict::issues::ArticleIssues,
}

/// Code one article; a coder bug on one article costs that article (with a message naming its
/// file and line), never the run and never the events already written.
pub fn code_guarded(coder: &Coder, doc: &Document, quotes: bool) -> Coded {
    let run = std::panic::AssertUnwindSafe(|| {
        let coded = coder.code(doc, quotes);
        // what the stages found (DYAD_DEBUG), for developers
        for line in &coded.trace {
            eprintln!("{line}");
        }
        Coded {
            events: coded.events,
            quotes: coded.quotes,
            tone: coded.tone,
            issues: coded.issues,
        }
    });
    match std::panic::catch_unwind(run) {
        Ok(coded) => coded,
        Err(_) => {
            eprintln!(
                "error: {}:{}: article {} could not be coded (a dyad bug; please report it)",
                doc.origin.file, doc.origin.line, doc.id
            );
            Coded {
                events: Vec::new(),
                quotes: Vec::new(),
                tone: Default::default(),
                issues: Default::default(),
            }
        }
    }
}

/// Where articles come from (files and stdin, or the stored articles): read on a thread of
/// their own.
pub trait Source: Send {
    /// What reading tells at the end (warnings, counts).
    type Summary: Send;
    /// Hand each article to `take`, in order; stop early when it returns false (the loop
    /// has stopped). An error is fatal, once what was handed over before it is written.
    fn read(self, take: &mut dyn FnMut(Document) -> bool) -> Result<Self::Summary>;
}

/// Where coded articles go.
pub trait Sink {
    /// What one article becomes on the worker thread that coded it (its JSON Lines, say):
    /// made in parallel, handed to [`Sink::write`] in input order.
    type Item: Send;
    /// Before coding, on the loop's thread, in input order: the articles of a batch this
    /// sink wants coded (a store leaves out those stored already). All, by default.
    fn select(&mut self, batch: Vec<Document>) -> Result<Vec<Document>> {
        Ok(batch)
    }
    /// On a worker thread: what an article and its coding become.
    fn item(doc: &Document, coded: Coded) -> Result<Self::Item>;
    /// One batch, in input order: its articles and their items.
    fn write(&mut self, docs: Vec<Document>, items: Vec<Self::Item>) -> Result<()>;
}

/// How the loop codes: the coder (with its sentence limit), whether quotations are wanted,
/// and the articles per batch.
pub struct Loop<'a> {
    pub coder: &'a Coder,
    pub quotes: bool,
    pub batch: usize,
}

impl Loop<'_> {
    /// Read `source` to its end, coding every batch into `sink`. What was read before a fatal
    /// reading error is still coded and written; the error is returned after it. An error of
    /// the sink (a closed pipe, a full disk) stops the reading and is returned.
    pub fn run<S: Source, K: Sink>(&self, source: S, sink: &mut K) -> Result<S::Summary> {
        let batch_size = self.batch.max(1);
        // Reading runs on its own thread, a batch or two ahead of the coding, so that no core
        // waits while the next batch is read and parsed: reading is the only serial part, and
        // in line with the coding it would cap the speed-up over many cores.
        let (to_coder, batches) = std::sync::mpsc::sync_channel::<Vec<Document>>(2);
        std::thread::scope(|scope| {
            let reader = scope.spawn(move || {
                let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
                let mut coder_gone = false;
                let summary = source.read(&mut |doc| {
                    if coder_gone {
                        return false;
                    }
                    batch.push(doc);
                    if batch.len() >= batch_size {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_size));
                        // the loop stops taking batches after an error of the sink
                        coder_gone = to_coder.send(full).is_err();
                    }
                    !coder_gone
                });
                if !batch.is_empty() && !coder_gone {
                    let _ = to_coder.send(batch);
                }
                summary
            });
            let mut error: Option<anyhow::Error> = None;
            for batch in batches.iter() {
                if let Err(e) = self.code_batch(batch, sink) {
                    error = Some(e);
                    break;
                }
            }
            drop(batches);
            let summary = reader
                .join()
                .map_err(|_| anyhow::anyhow!("the reading thread failed (a dyad bug)"))?;
            if let Some(e) = error {
                return Err(e);
            }
            summary
        })
    }

    /// Code the articles of one batch the sink selects, on every core, and write them.
    fn code_batch<K: Sink>(&self, batch: Vec<Document>, sink: &mut K) -> Result<()> {
        let docs = sink.select(batch)?;
        let items = docs
            .par_iter()
            .map(|d| K::item(d, code_guarded(self.coder, d, self.quotes)))
            .collect::<Result<Vec<_>>>()?;
        sink.write(docs, items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::Origin;

    /// Articles `0`, `1`, … `n - 1`; the summary is how many were handed over.
    struct Numbered(usize);

    impl Source for Numbered {
        type Summary = usize;
        fn read(self, take: &mut dyn FnMut(Document) -> bool) -> Result<usize> {
            for i in 0..self.0 {
                let origin = Origin {
                    file: "n".into(),
                    line: i + 1,
                };
                if !take(Document::new(
                    i.to_string(),
                    "France met China.",
                    None,
                    origin,
                )) {
                    return Ok(i + 1);
                }
            }
            Ok(self.0)
        }
    }

    /// Keeps the ids it is given, leaves out every fifth article, fails at batch `fail_at`.
    #[derive(Default)]
    struct Ids {
        ids: Vec<usize>,
        batches: usize,
        fail_at: Option<usize>,
    }

    impl Sink for Ids {
        type Item = (usize, usize);
        fn select(&mut self, batch: Vec<Document>) -> Result<Vec<Document>> {
            Ok(batch
                .into_iter()
                .filter(|d| d.id.parse::<usize>().unwrap() % 5 != 0)
                .collect())
        }
        fn item(doc: &Document, coded: Coded) -> Result<(usize, usize)> {
            Ok((doc.id.parse()?, coded.events.len()))
        }
        fn write(&mut self, docs: Vec<Document>, items: Vec<(usize, usize)>) -> Result<()> {
            assert_eq!(docs.len(), items.len());
            self.batches += 1;
            if self.fail_at == Some(self.batches) {
                anyhow::bail!("the disk is full");
            }
            for (d, (id, events)) in docs.iter().zip(items) {
                assert_eq!(d.id, id.to_string());
                assert_eq!(events, 1);
                self.ids.push(id);
            }
            Ok(())
        }
    }

    /// Run `source` through the loop, in batches of `batch`, into `sink`.
    fn run(batch: usize, source: Numbered, sink: &mut Ids) -> Result<usize> {
        let coder =
            Coder::new(dyad_dict::bundled::Dictionaries::bundled().expect("bundled dictionaries"));
        let coding = Loop {
            coder: &coder,
            quotes: false,
            batch,
        };
        coding.run(source, sink)
    }

    #[test]
    fn batches_reach_the_sink_in_input_order() {
        let mut sink = Ids::default();
        let read = run(7, Numbered(100), &mut sink).unwrap();
        assert_eq!(read, 100);
        let expected: Vec<usize> = (0..100).filter(|i| i % 5 != 0).collect();
        assert_eq!(sink.ids, expected);
        assert_eq!(sink.batches, 15);
    }

    #[test]
    fn an_error_of_the_sink_stops_the_reading() {
        let mut sink = Ids {
            fail_at: Some(2),
            ..Ids::default()
        };
        let e = run(4, Numbered(100_000), &mut sink).unwrap_err();
        assert!(e.to_string().contains("disk is full"));
        // the first batch only was written
        assert_eq!(sink.ids, [1, 2, 3]);
    }
}
