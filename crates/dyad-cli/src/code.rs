//! `dyad code`: articles in, events out (JSON Lines), in input order whatever the thread count.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use dyad_coder::QuoteRecord;
use dyad_coder::{Coder, Event};
use dyad_text::readers::{read_inputs, ReadOptions, ReadSummary};
use dyad_text::Document;
use rayon::prelude::*;

use crate::dictionaries::DictionaryArgs;

#[derive(Args, Debug)]
pub struct CodeArgs {
    /// Files, folders (read recursively) or `-` for stdin.
    #[arg(required_unless_present = "stdin", value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Read JSON Lines records from standard input and write each batch's events as soon as
    /// it is coded (flushed), for pipes: Spark's `rdd.pipe`, Hadoop streaming. Takes no INPUT.
    #[arg(long, conflicts_with = "inputs")]
    pub stdin: bool,
    /// Write events here instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Stop at the first bad record instead of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,
    /// Also write each article's quotations with their speakers (`"record":"quote"` lines
    /// after the article's events).
    #[arg(long)]
    pub quotes: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

/// How much of one sentence is coded (`dyad code`, `ingest`, `recode`).
#[derive(Args, Debug, Clone)]
pub struct SentenceLimitArg {
    /// Code at most this many tokens of one sentence; longer ones (tables, run-on junk) are
    /// cut, with a warning.
    #[arg(long, value_name = "N", default_value_t = dyad_coder::Limits::default().max_sentence_tokens)]
    pub max_sentence_tokens: usize,
}

impl SentenceLimitArg {
    /// The coder with this limit.
    pub fn apply(&self, coder: Coder) -> Coder {
        coder.with_limits(dyad_coder::Limits {
            max_sentence_tokens: self.max_sentence_tokens,
        })
    }

    /// Say how many sentences the coder cut, if any.
    pub fn report(&self, coder: &Coder) {
        let cut = coder.sentences_cut();
        if cut > 0 {
            eprintln!(
                "warning: {cut} sentences longer than {n} tokens were cut to their first {n} \
                 (--max-sentence-tokens)",
                n = self.max_sentence_tokens
            );
        }
    }
}

/// How much of what is read is coded (`dyad code`, `ingest`).
#[derive(Args, Debug, Clone)]
pub struct LimitArgs {
    #[command(flatten)]
    pub sentence: SentenceLimitArg,
    /// Code at most this many bytes of one article's text (0: no limit); a longer article (a
    /// data dump scraped as a page) is cut at a sentence end before the limit, with a warning
    /// naming its file and line.
    #[arg(long, value_name = "BYTES", default_value_t = dyad_text::readers::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
}

impl LimitArgs {
    pub fn read_options(&self, strict: bool) -> ReadOptions {
        ReadOptions {
            strict,
            max_article_bytes: match self.max_article_bytes {
                0 => usize::MAX,
                n => n,
            },
        }
    }
}

/// Print the reading warnings (the first [`dyad_text::readers::MAX_WARNINGS_KEPT`]; the rest
/// counted) and how many articles were cut.
pub(crate) fn report_reading(summary: &ReadSummary) {
    for w in &summary.warnings {
        eprintln!("warning: {w}");
    }
    if summary.warnings_not_kept > 0 {
        eprintln!(
            "warning: … and {} more warnings, not shown",
            summary.warnings_not_kept
        );
    }
    if summary.articles_cut > 0 {
        eprintln!(
            "warning: {} articles were cut to the article size limit (--max-article-bytes)",
            summary.articles_cut
        );
    }
}

/// Where coded events go; coding never knows whether it is a file, stdout or a database.
pub trait EventSink {
    fn write_event(&mut self, event: &Event) -> Result<()>;
    /// Another record of the output (a quotation).
    fn write_record(&mut self, record: &QuoteRecord) -> Result<()>;
    fn finish(&mut self) -> Result<()>;
}

/// One JSON object per line.
pub struct JsonLinesSink<W: Write> {
    out: W,
}

impl<W: Write> EventSink for JsonLinesSink<W> {
    fn write_event(&mut self, event: &Event) -> Result<()> {
        serde_json::to_writer(&mut self.out, event)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }
    fn write_record(&mut self, record: &QuoteRecord) -> Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }
    fn finish(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

const BATCH: usize = 512;

/// What one article gives: its events, and its quotations when asked for.
pub(crate) struct Coded {
    pub(crate) events: Vec<Event>,
    pub(crate) quotes: Vec<QuoteRecord>,
}

/// Code one article; a coder bug on one article costs that article (with a message naming its
/// file and line), never the run and never the events already written.
pub(crate) fn code_guarded(coder: &Coder, doc: &Document, quotes: bool) -> Coded {
    let run = std::panic::AssertUnwindSafe(|| {
        let coded = coder.code(doc, quotes);
        // the stages' trace (DYAD_DEBUG), for developers
        for line in &coded.trace {
            eprintln!("{line}");
        }
        Coded {
            events: coded.events,
            quotes: coded.quotes,
        }
    });
    match std::panic::catch_unwind(run) {
        Ok(events) => events,
        Err(_) => {
            eprintln!(
                "error: {}:{}: article {} could not be coded (a dyad bug; please report it)",
                doc.origin.file, doc.origin.line, doc.id
            );
            Coded {
                events: Vec::new(),
                quotes: Vec::new(),
            }
        }
    }
}

/// The coder, built while the tagger and the gazetteer load on another thread: start-up takes
/// the longer of the two rather than their sum.
pub(crate) fn start_coder(dicts: &DictionaryArgs) -> Result<Coder> {
    std::thread::scope(|scope| {
        scope.spawn(|| {
            dyad_lang::tagger::Tagger::bundled();
            dyad_lang::gazetteer::Gazetteer::bundled();
        });
        Ok(Coder::new(dicts.load()?).with_trace(std::env::var_os("DYAD_DEBUG").is_some()))
    })
}

pub fn run(args: CodeArgs) -> Result<()> {
    let coder = args.limits.sentence.apply(start_coder(&args.dicts)?);
    let writer: Box<dyn Write> = match &args.out {
        Some(p) => {
            Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    let inputs = if args.stdin {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let opts = args.limits.read_options(args.strict);
    let mut out = BufWriter::with_capacity(1 << 16, writer);
    let (summary, events_written) = code_stream(&coder, &inputs, &opts, args.quotes, |bytes| {
        out.write_all(bytes)?;
        // a pipe's reader gets every batch as soon as it is coded
        if args.stdin {
            out.flush()?;
        }
        Ok(())
    })?;
    out.flush()?;
    report_reading(&summary);
    args.limits.sentence.report(&coder);
    eprintln!(
        "dyad: {} articles coded, {} events, {} records skipped",
        summary.documents, events_written, summary.skipped
    );
    Ok(())
}

/// Read `inputs` as a stream and code them in batches of [`BATCH`] articles on every rayon
/// thread; `write` gets each batch's JSON Lines (events, then quotes when `quotes`), in input
/// order whatever the thread count. Memory holds one batch, whatever the size of the input.
/// Returns the reading summary and the number of events written.
pub(crate) fn code_stream(
    coder: &Coder,
    inputs: &[String],
    opts: &ReadOptions,
    quotes: bool,
    mut write: impl FnMut(&[u8]) -> Result<()>,
) -> Result<(dyad_text::readers::ReadSummary, usize)> {
    // each article is coded and written out as JSON on the worker threads
    let code_batch = |batch: &[Document]| -> Result<(Vec<u8>, usize)> {
        let coded: Vec<Result<(Vec<u8>, usize)>> = batch
            .par_iter()
            .map(|d| {
                let c = code_guarded(coder, d, quotes);
                let mut sink = JsonLinesSink { out: Vec::new() };
                for e in &c.events {
                    sink.write_event(e)?;
                }
                for q in &c.quotes {
                    sink.write_record(q)?;
                }
                sink.finish()?;
                Ok((sink.out, c.events.len()))
            })
            .collect();
        let mut bytes = Vec::new();
        let mut n = 0;
        for c in coded {
            let (b, events) = c?;
            bytes.extend_from_slice(&b);
            n += events;
        }
        Ok((bytes, n))
    };
    // Reading runs on its own thread, a batch or two ahead of the coding, so that no core
    // waits while the next batch is read and parsed: reading is the only serial part, and in
    // line with the coding it would cap the speed-up over many cores.
    let (to_coder, batches) = std::sync::mpsc::sync_channel::<Vec<Document>>(2);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
            let mut coder_gone = false;
            let summary = read_inputs(inputs, opts, &mut |doc| {
                if coder_gone {
                    return;
                }
                batch.push(doc);
                if batch.len() >= BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // the coder stops taking batches after an error (a closed pipe)
                    coder_gone = to_coder.send(full).is_err();
                }
            });
            // a fatal reading error (--strict) ends the output with the batches before it
            if summary.is_ok() && !batch.is_empty() && !coder_gone {
                let _ = to_coder.send(batch);
            }
            summary
        });
        let mut events_written = 0usize;
        let mut error: Option<anyhow::Error> = None;
        for batch in batches.iter() {
            match code_batch(&batch).and_then(|(bytes, n)| write(&bytes).map(|()| n)) {
                Ok(n) => events_written += n,
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        drop(batches);
        let summary = reader
            .join()
            .map_err(|_| anyhow::anyhow!("the reading thread failed (a dyad bug)"))?;
        if let Some(e) = error {
            return Err(e);
        }
        Ok((summary?, events_written))
    })
}
