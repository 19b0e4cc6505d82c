//! The articles of files, folders and stdin as a [`Source`] of the loop: read with the
//! limits and strictness asked for, each record checked as an article
//! ([`dyad_store::record::check`]: a blank id or text is skipped with a warning naming file
//! and line, or is fatal under `--strict`).

use anyhow::Result;
use dyad_model::{Document, Warning};
use dyad_text::readers::{read_inputs, ReadOptions, ReadSummary, MAX_WARNINGS_KEPT};

use crate::pipeline::Source;
use crate::progress::BytesRead;
use indicatif::ProgressBar;

/// The inputs as given on the command line (`-` for stdin).
pub struct Files<'a> {
    pub inputs: &'a [String],
    pub opts: ReadOptions,
    /// Moved by the bytes read ([`crate::progress::reading`]), when there is one.
    pub bar: Option<ProgressBar>,
}

impl Source for Files<'_> {
    type Summary = ReadSummary;

    fn read(self, take: &mut dyn FnMut(Document) -> bool) -> Result<ReadSummary> {
        let mut stopped = false;
        let mut refused: Vec<Warning> = Vec::new();
        let mut refusals = 0usize;
        let mut fatal: Option<Warning> = None;
        let mut bytes = BytesRead::default();
        let mut articles = 0u64;
        let bar = self.bar.clone();
        let read = read_inputs(self.inputs, &self.opts, &mut |doc| {
            if stopped {
                return;
            }
            if let Some(bar) = &bar {
                articles += 1;
                bar.set_position(bytes.article(&doc.origin.file, doc.text.len()));
                if articles.is_multiple_of(64) {
                    bar.set_message(crate::progress::rate(bar, articles, "articles"));
                }
            }
            if let Err(e) = dyad_store::record::check(&doc) {
                let w = Warning::new(
                    doc.origin.file.as_str(),
                    doc.origin.line,
                    format!("field \"{}\": {}; skipped", e.field, e.reason),
                );
                if self.opts.strict {
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
}
