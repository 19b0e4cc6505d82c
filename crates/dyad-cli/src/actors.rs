//! `dyad actors`: look a name up the way the coder reads it, and check actor dictionaries.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use dyad_coder::mentions::MentionKind;
use dyad_coder::Coder;
use dyad_dict::actors::{ActorEntry, DateRestriction};
use dyad_dict::actors_check::{check, Finding};

use crate::dictionaries::DictionaryArgs;

#[derive(Subcommand, Debug)]
pub enum ActorsCommand {
    /// Print the code(s) a name gets on a date, and the dictionary entries that gave them.
    Lookup(LookupArgs),
    /// Check the loaded actor files: conflicting duplicate names, overlapping date ranges,
    /// malformed dates, codes not in the CAMEO tables.
    Check(CheckArgs),
}

#[derive(Args, Debug)]
pub struct LookupArgs {
    /// A name as it would appear in text ("Emmanuel Macron", "President Xi", "the Kremlin").
    pub name: String,
    /// The date the name is coded on (YYYY-MM-DD); default: today.
    #[arg(long)]
    pub date: Option<String>,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Also list the findings in the upstream files dyad ships unchanged (Phoenix, PETR).
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

pub fn run(cmd: ActorsCommand) -> Result<ExitCode> {
    match cmd {
        ActorsCommand::Lookup(a) => lookup(a),
        ActorsCommand::Check(a) => check_cmd(a),
    }
}

fn describe(e: &ActorEntry, date: NaiveDate) -> String {
    let mut out = format!("{}:{} {}", e.file, e.line, e.names[0].join("_"));
    let applies = e.dated_code_on(Some(date));
    for c in &e.codes {
        let mark = if applies.is_some_and(|a| std::ptr::eq(a, c)) {
            "  ← applies"
        } else {
            ""
        };
        let sep = if c.when == DateRestriction::Always {
            ""
        } else {
            " "
        };
        out.push_str(&format!("\n        [{}{sep}{}]{mark}", c.code, c.when));
    }
    out
}

fn lookup(args: LookupArgs) -> Result<ExitCode> {
    let date = match &args.date {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .with_context(|| format!("--date: expected YYYY-MM-DD, got {d:?}"))?,
        None => chrono::Local::now().date_naive(),
    };
    let coder = Coder::new(args.dicts.load()?);
    let lex = coder.lexicon();
    let text = args.name.trim();
    if text.is_empty() {
        bail!("lookup: the name is empty");
    }
    let reading = coder.read_name(text, Some(date));
    let (tokens, mentions, phrases) = (&reading.tokens, &reading.mentions, &reading.phrases);
    if phrases.is_empty() {
        println!("{text:?} on {date}: no actor (no dictionary entry names it)");
        return Ok(ExitCode::FAILURE);
    }
    for p in phrases {
        let codes: Vec<&str> = p.members.iter().map(|m| m.code.as_str()).collect();
        println!("{text:?} on {date}: {}", codes.join(" + "));
    }
    for m in mentions {
        let words: Vec<&str> = (m.start..m.end).map(|k| tokens[k].text.as_str()).collect();
        match m.kind {
            MentionKind::Actor(id) => {
                let e = &lex.dicts.actors.entries[id as usize];
                println!("  actor {:?} ← {}", words.join(" "), describe(e, date));
            }
            MentionKind::Agent(id) => {
                let a = &lex.dicts.agents.entries[id as usize];
                let code = match a.placement {
                    dyad_dict::agents::Placement::Append => format!("~{}", a.code),
                    dyad_dict::agents::Placement::Prepend => format!("{}~", a.code),
                };
                println!("  agent {:?} ← agents:{} [{code}]", words.join(" "), a.line);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check_cmd(args: CheckArgs) -> Result<ExitCode> {
    let dicts = args.dicts.load()?;
    let findings = check(&dicts.actors);
    let mut counts: BTreeMap<(bool, String, &str), usize> = BTreeMap::new();
    for f in &findings {
        *counts
            .entry((f.upstream, f.file.clone(), f.kind.label()))
            .or_default() += 1;
    }
    let (errors, upstream): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| !f.upstream);
    for f in errors.iter().chain(upstream.iter().filter(|_| args.all)) {
        let tag = if f.upstream { "upstream" } else { "error" };
        println!(
            "{tag}: {}:{}: {}: {}",
            f.file,
            f.line,
            f.kind.label(),
            f.message
        );
    }
    let mut files: Vec<&str> = dicts
        .actors
        .entries
        .iter()
        .map(|e| e.file.as_str())
        .collect();
    files.dedup();
    println!(
        "checked {} actor entries in {} files: {} errors, {} known upstream findings",
        dicts.actors.entries.len(),
        files.len(),
        errors.len(),
        upstream.len()
    );
    for ((up, file, kind), n) in &counts {
        println!(
            "  {:<9} {file}: {n} {kind}",
            if *up { "upstream" } else { "error" }
        );
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
