//! What both evaluations take on the command line.

use std::path::PathBuf;

use clap::Args;

use crate::dictionaries::DictionaryArgs;

/// What both evaluations take.
#[derive(Args, Debug)]
pub struct EvalArgs {
    pub file: PathBuf,
    /// Print a machine-readable summary instead of the table.
    #[arg(long)]
    pub json: bool,
    /// List what is wrong: records that are not exact, gold events missed and events produced
    /// in excess.
    #[arg(long)]
    pub show_errors: bool,
    /// `dyad eval articles`: score only one half of the gold articles, `a` or `b` (split by
    /// a hash of each article's id, so the halves stay the same as articles are added): tune
    /// rules on one half, check them on the other. Both halves are reported either way.
    #[arg(long, value_name = "a|b", value_parser = ["a", "b"])]
    pub half: Option<String>,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}
