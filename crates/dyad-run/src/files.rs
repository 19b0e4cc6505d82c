//! Where articles are read from, as [`Source`]s of the loop: files, folders and stdin
//! ([`Files`]), or JSON records a program holds ([`Records`]: the Python package's dicts). Both
//! read with the limits and strictness asked for, each record checked as an article
//! ([`dyad_store::record::check`]: a blank id or text is skipped with a warning naming file
//! and line, or is fatal under `--strict`).

use anyhow::Result;
use dyad_model::{Document, Warning};
use dyad_text::readers::{
    read_inputs, read_json_lines, ReadError, ReadOptions, ReadSummary, MAX_WARNINGS_KEPT,
};

use crate::pipeline::Source;

/// Told of each document as it is read.
pub type OnRead<'a> = Box<dyn FnMut(&Document) + Send + 'a>;

/// The inputs as given on the command line (`-` for stdin).
pub struct Files<'a> {
    pub inputs: &'a [String],
    pub opts: ReadOptions,
    /// Told of each document as it is read (a progress bar over the inputs' bytes).
    pub on_read: Option<OnRead<'a>>,
}

impl Source for Files<'_> {
    type Summary = ReadSummary;

    fn read(mut self, take: &mut dyn FnMut(Document) -> bool) -> Result<ReadSummary> {
        let mut on_read = self.on_read.take();
        checked(&self.opts, take, |sink| {
            read_inputs(self.inputs, &self.opts, &mut |doc| {
                if let Some(f) = on_read.as_mut() {
                    f(&doc);
                }
                sink(doc)
            })
        })
    }
}

/// JSON records, one JSON object each, read as the lines of a JSON Lines file named `file`
/// ([`read_json_lines`]): `(line number, record)`.
pub struct Records<'a, L> {
    pub lines: Vec<(usize, L)>,
    pub file: &'a str,
    pub opts: ReadOptions,
}

impl<L: AsRef<[u8]> + Send> Source for Records<'_, L> {
    type Summary = ReadSummary;

    fn read(self, take: &mut dyn FnMut(Document) -> bool) -> Result<ReadSummary> {
        let (lines, file) = (self.lines, self.file);
        checked(&self.opts, take, |sink| {
            read_json_lines(lines, file, &self.opts, sink)
        })
    }
}

/// Run `read`, handing on to `take` the documents that are articles; the others are skipped
/// with a warning (fatal under strict), counted in the summary.
fn checked(
    opts: &ReadOptions,
    take: &mut dyn FnMut(Document) -> bool,
    read: impl FnOnce(&mut dyn FnMut(Document)) -> Result<ReadSummary, ReadError>,
) -> Result<ReadSummary> {
    let mut stopped = false;
    let mut refused: Vec<Warning> = Vec::new();
    let mut refusals = 0usize;
    let mut fatal: Option<Warning> = None;
    let read = read(&mut |doc| {
        if stopped {
            return;
        }
        if let Err(e) = dyad_store::record::check(&doc) {
            let w = Warning::new(
                doc.origin.file.as_str(),
                doc.origin.line,
                format!("field \"{}\": {}; skipped", e.field, e.reason),
            );
            if opts.strict {
                fatal = Some(w);
                stopped = true;
            } else {
                refusals += 1;
                if refused.len() < MAX_WARNINGS_KEPT {
                    refused.push(w);
                }
            }
            return;
        }
        stopped = !take(doc);
    });
    if let Some(w) = fatal {
        anyhow::bail!("{w}");
    }
    let mut summary = read?;
    summary.documents -= refusals;
    summary.skipped += refusals;
    let room = MAX_WARNINGS_KEPT.saturating_sub(summary.warnings.len());
    summary.warnings_not_kept += refusals - refused.len().min(room);
    summary.warnings.extend(refused.into_iter().take(room));
    Ok(summary)
}
