//! How much of what is read is coded — the article size cut and the sentence token limit —
//! the same for `dyad code`, `ingest`, `recode` and `serve`'s ingest endpoint, and how the
//! commands report what the limits cut.

use clap::Args;
use dyad_coder::Coder;
use dyad_text::readers::{ReadOptions, ReadSummary};

/// How much of one sentence is coded (`dyad code`, `ingest`, `recode`, `serve`).
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

/// How much of what is read is coded (`dyad code`, `ingest`, `serve`).
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
    /// The article size limit in bytes (`usize::MAX`: none).
    pub fn article_bytes(&self) -> usize {
        self.read_options(false).max_article_bytes
    }

    pub fn read_options(&self, strict: bool) -> ReadOptions {
        ReadOptions::new(strict, self.max_article_bytes)
    }
}

/// Print the reading warnings (the first [`dyad_text::readers::MAX_WARNINGS_KEPT`]; the rest
/// counted) and how many articles were cut.
pub fn report_reading(summary: &ReadSummary) {
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

/// The error that makes the exit status say some inputs could not be read (each was named in a
/// warning; the others were coded, and their output written or stored).
pub fn inputs_failed(summary: &ReadSummary) -> anyhow::Result<()> {
    match summary.inputs_failed {
        0 => Ok(()),
        1 => anyhow::bail!("1 input could not be read (named above); the others were read"),
        n => anyhow::bail!("{n} inputs could not be read (named above); the others were read"),
    }
}
