//! `dyad code`: articles in, events out (JSON Lines), in input order whatever the thread count.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use dyad_coder::Coder;
use dyad_model::Document;

use crate::dictionaries::DictionaryArgs;
use crate::limits::{report_reading, LimitArgs};
use crate::pipeline::{Coded, Loop, Sink};
use crate::reading::Files;

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

/// Articles per batch of `dyad code`.
pub const BATCH: usize = 512;

/// The loop's JSON Lines sink: one JSON object per line, each article's events then its
/// quotations; each batch written at once, and flushed when `flush` (a pipe's reader gets
/// every batch as soon as it is coded).
pub struct JsonLines<W: Write> {
    pub out: W,
    pub flush: bool,
    /// Events written so far.
    pub events: usize,
}

impl<W: Write> JsonLines<W> {
    pub fn new(out: W, flush: bool) -> Self {
        JsonLines {
            out,
            flush,
            events: 0,
        }
    }
}

impl<W: Write> Sink for JsonLines<W> {
    /// The article's lines, and its number of events.
    type Item = (Vec<u8>, usize);

    fn item(_doc: &Document, coded: Coded) -> Result<(Vec<u8>, usize)> {
        let mut out = Vec::new();
        for e in &coded.events {
            serde_json::to_writer(&mut out, e)?;
            out.push(b'\n');
        }
        for q in &coded.quotes {
            serde_json::to_writer(&mut out, q)?;
            out.push(b'\n');
        }
        Ok((out, coded.events.len()))
    }

    fn write(&mut self, _docs: Vec<Document>, items: Vec<(Vec<u8>, usize)>) -> Result<()> {
        let mut bytes = Vec::with_capacity(items.iter().map(|(b, _)| b.len()).sum());
        for (b, n) in items {
            bytes.extend_from_slice(&b);
            self.events += n;
        }
        self.out.write_all(&bytes)?;
        if self.flush {
            self.out.flush()?;
        }
        Ok(())
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
    let mut sink = JsonLines::new(BufWriter::with_capacity(1 << 16, writer), args.stdin);
    let bar = crate::progress::reading(crate::progress::input_bytes(&inputs));
    let source = Files {
        inputs: &inputs,
        opts: args.limits.read_options(args.strict),
        bar: Some(bar.clone()),
    };
    let coding = Loop {
        coder: &coder,
        quotes: args.quotes,
        batch: BATCH,
    };
    let read = coding.run(source, &mut sink);
    bar.finish_and_clear();
    // the batches written before an error stay written
    let flushed = sink.out.flush();
    let summary = read?;
    flushed?;
    report_reading(&summary);
    args.limits.sentence.report(&coder);
    eprintln!(
        "dyad: {} articles coded, {} events, {} records skipped{}",
        summary.documents,
        sink.events,
        summary.skipped,
        crate::progress::per_second(&bar, summary.documents as u64, "articles")
    );
    crate::limits::inputs_failed(&summary)?;
    Ok(())
}
