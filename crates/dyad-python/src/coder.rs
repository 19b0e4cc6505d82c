//! `dyad.Coder`'s native half: the loaded dictionaries and the coder, and coding a batch of
//! records into the JSON Lines `dyad code` writes for them.

use std::path::PathBuf;
use std::sync::OnceLock;

use dyad_coder::{Coder, Limits};
use dyad_run::{DictionaryFiles, JsonLines, Loop, Records, BATCH};
use dyad_text::readers::{ReadOptions, ReadSummary, DEFAULT_MAX_ARTICLE_BYTES};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::from_anyhow;
use crate::threads::on_pool;

/// The coder with its dictionaries (bundled, or the files given), shared by every Python
/// thread: coding takes `&self`, and runs with the GIL released.
#[pyclass(frozen, module = "dyad._dyad")]
pub struct NativeCoder {
    files: DictionaryFiles,
    limits: Limits,
    coder: Coder,
    /// The coder of the store (tone and themes kept, as `dyad ingest`'s), made on first use.
    storing: OnceLock<Coder>,
    version: String,
}

impl NativeCoder {
    /// The coder `dyad ingest` would use with these dictionaries.
    pub fn storing(&self) -> anyhow::Result<&Coder> {
        if self.storing.get().is_none() {
            let coder = Coder::new(self.files.load()?)
                .with_limits(self.limits)
                .with_tone_and_themes(true);
            // another thread may have set it meanwhile: the same coder either way
            let _ = self.storing.set(coder);
        }
        Ok(self.storing.get().expect("set above"))
    }

    /// The dictionary version the store records with each article.
    pub fn version(&self) -> &str {
        &self.version
    }
}

/// `records`, JSON objects, as lines `first_line`, `first_line + 1`, … of a JSON Lines file
/// named `file`: read with the size limit, without `strict` (an article cut is a warning).
pub fn records(
    records: Vec<String>,
    first_line: usize,
    file: &str,
    max_article_bytes: usize,
    strict: bool,
) -> Records<'_, String> {
    Records {
        lines: (first_line..).zip(records).collect(),
        file,
        opts: ReadOptions::new(strict, max_article_bytes),
    }
}

/// The warnings of a read, as text; an error when a record was skipped (bad input).
pub fn warnings(summary: &ReadSummary) -> anyhow::Result<Vec<String>> {
    let text: Vec<String> = summary.warnings.iter().map(|w| w.to_string()).collect();
    if summary.skipped > 0 {
        anyhow::bail!("{}", text.join("\n"));
    }
    Ok(text)
}

#[pymethods]
impl NativeCoder {
    #[new]
    // the Python keyword arguments, one per dictionary part as the command's flags
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (dictionaries=None, verbs=None, actors=None, agents=None, discards=None,
                        max_sentence_tokens=None, event_nouns=None))]
    fn new(
        py: Python<'_>,
        dictionaries: Option<PathBuf>,
        verbs: Option<PathBuf>,
        actors: Option<Vec<PathBuf>>,
        agents: Option<PathBuf>,
        discards: Option<PathBuf>,
        max_sentence_tokens: Option<usize>,
        event_nouns: Option<PathBuf>,
    ) -> PyResult<NativeCoder> {
        let files = DictionaryFiles {
            dictionaries,
            verbs,
            event_nouns,
            actors: actors.unwrap_or_default(),
            agents,
            discards,
        };
        let limits = Limits {
            max_sentence_tokens: max_sentence_tokens
                .unwrap_or(Limits::default().max_sentence_tokens),
        };
        py.allow_threads(|| {
            let version = files.version()?;
            let coder = files.start_coder()?.with_limits(limits);
            Ok(NativeCoder {
                files,
                limits,
                coder,
                storing: OnceLock::new(),
                version,
            })
        })
        .map_err(from_anyhow)
    }

    /// Code `records` (JSON objects, one a string) as `dyad code` codes the lines
    /// `first_line`… of a JSON Lines file named `file`: the bytes it writes, and the reading
    /// warnings. A record that `dyad code` would skip is a `ValueError` naming its line.
    #[pyo3(signature = (records, first_line, file, quotes=false, threads=None,
                        max_article_bytes=DEFAULT_MAX_ARTICLE_BYTES))]
    #[allow(clippy::too_many_arguments)]
    fn code_lines<'py>(
        &self,
        py: Python<'py>,
        records: Vec<String>,
        first_line: usize,
        file: &str,
        quotes: bool,
        threads: Option<usize>,
        max_article_bytes: usize,
    ) -> PyResult<(Bound<'py, PyBytes>, Vec<String>)> {
        let (out, warned) = py
            .allow_threads(|| -> anyhow::Result<_> {
                let source = self::records(records, first_line, file, max_article_bytes, false);
                let mut sink = JsonLines::new(Vec::new(), false);
                let coding = Loop {
                    coder: &self.coder,
                    quotes,
                    batch: BATCH,
                };
                let summary = on_pool(threads, || coding.run(source, &mut sink))??;
                Ok((sink.out, warnings(&summary)?))
            })
            .map_err(from_anyhow)?;
        Ok((PyBytes::new(py, &out), warned))
    }

    /// The dictionary version (16 hex digits) the store records with each article.
    #[getter(version)]
    fn py_version(&self) -> &str {
        &self.version
    }

    /// Sentences cut to the sentence token limit so far.
    #[getter]
    fn sentences_cut(&self) -> usize {
        self.coder.sentences_cut()
    }
}
