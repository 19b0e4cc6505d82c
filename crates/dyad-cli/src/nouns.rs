//! `dyad nouns check`: check the event-noun lexicon of a dictionary set (codes in the CAMEO
//! table, nouns listed once, provenance on each entry, light verbs the verb dictionary knows).

use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand};
use dyad_dict::cameo::CameoTable;
use dyad_dict::event_nouns::check;

use crate::dictionaries::DictionaryArgs;

#[derive(Subcommand, Debug)]
pub enum NounsCommand {
    /// Check the event nouns: unknown codes, nouns listed twice, entries without provenance,
    /// light verbs the verb dictionary does not know.
    Check(CheckArgs),
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

pub fn run(cmd: NounsCommand) -> Result<ExitCode> {
    let NounsCommand::Check(args) = cmd;
    let dicts = args.dicts.load()?;
    let lex = &dicts.event_nouns;
    let findings = check(lex, CameoTable::bundled(), &dicts.verbs);
    for f in &findings {
        println!("error: {f}");
    }
    println!(
        "checked {} event nouns and {} light verbs: {} errors",
        lex.nouns.len(),
        lex.light_verbs.len(),
        findings.len()
    );
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
