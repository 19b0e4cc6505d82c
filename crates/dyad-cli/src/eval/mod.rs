//! `dyad eval`: measure the coder on PETRARCH validation records ([`petr`]) and on
//! article-level gold codings ([`articles`], with [`alignment`] telling what kind of error
//! each miss and each extra is).

mod alignment;
mod args;
mod articles;
mod petr;
mod score;

use anyhow::Result;
use clap::Subcommand;

pub use args::EvalArgs;

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Score PETRARCH XML validation records (exact records, event precision/recall/F1).
    Petr(EvalArgs),
    /// Score article-level gold codings (one JSON object per article, as seed.gold.json and
    /// dev.gold.jsonl), as docs/CODING-GUIDE.md says: matched one to one on (CAMEO root,
    /// source, target), actors compared by country (an IGO or NGO by its first six letters).
    Articles(EvalArgs),
}

pub fn run(cmd: EvalCommand) -> Result<()> {
    match cmd {
        EvalCommand::Petr(a) => petr::eval_petr(a),
        EvalCommand::Articles(a) => articles::eval_articles(a),
    }
}
