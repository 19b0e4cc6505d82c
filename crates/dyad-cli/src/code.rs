//! `dyad code`: articles in, events out (JSON Lines), in input order whatever the thread count.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use dyad_run::{Files, JsonLines, Loop, BATCH};

use crate::dictionaries::DictionaryArgs;
use crate::limits::{report_reading, LimitArgs};

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
    /// Give each event what made it (an `explain` object): how its source and target were
    /// reached and the dictionary entries (file:line) their words match, the verb pattern or
    /// event noun, the clause, the words that made it negated or intended, the code before the
    /// convention changed it, the date expression and the place choice.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

pub fn run(args: CodeArgs) -> Result<()> {
    let coder = args
        .limits
        .sentence
        .apply(args.dicts.start_coder()?)
        .with_explain(args.explain);
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
        on_read: Some(crate::progress::on_read(&bar)),
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
