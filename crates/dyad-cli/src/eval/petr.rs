//! `dyad eval petr`: PETRARCH's validation records (exact records, event precision, recall,
//! F1 by category), in PETRARCH's convention: a negated event under its negation's code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Result;
use dyad_coder::{Coder, Convention, Event};
use dyad_dict::bundled::Dictionaries;
use dyad_text::readers::petr_xml::{parse_petr_xml, ExpectedCoding, PetrEnvironment};
use serde::Serialize;

use super::args::EvalArgs;
use super::score::Score;
use crate::dictionaries::DictionaryArgs;

#[derive(Debug, Serialize)]
pub struct PetrReport {
    pub file: String,
    #[serde(flatten)]
    pub overall: Score,
    pub categories: BTreeMap<String, Score>,
}

/// An event as the validation suites compare it: (source, target, code). A missing actor is
/// written `---`, as PETRARCH does.
type Triple = (String, String, String);

fn triple(e: &Event) -> Triple {
    let code = |a: &Option<dyad_coder::ActorRef>| {
        a.as_ref()
            .map(|a| a.code.clone())
            .unwrap_or_else(|| "---".into())
    };
    (code(&e.source), code(&e.target), e.code.clone())
}

/// The (source, target, code) PETRARCH would write for an event: a negated event under the
/// code of its negation ("did not provide aid" → 121), or nothing when it has none; a
/// hypothetical one not at all.
fn petr_triple(e: &Event) -> Option<Triple> {
    let mut t = triple(e);
    if e.negated {
        t.2 = e.negation_code.clone()?;
    }
    Some(t)
}

/// The dictionaries a suite's `<Environment>` names, when they sit beside the XML (a PETR-1
/// verb file name falls back to its `.2.0` version); otherwise the bundled production set.
fn environment_dictionaries(
    xml: &Path,
    env: &Option<PetrEnvironment>,
) -> Result<Option<Dictionaries>> {
    let Some(env) = env else { return Ok(None) };
    let dir = xml.parent().unwrap_or(Path::new("."));
    let find = |name: &str| -> Option<PathBuf> {
        let p = dir.join(name);
        if p.is_file() {
            return Some(p);
        }
        let alt = dir.join(name.replace(".txt", ".2.0.txt"));
        alt.is_file().then_some(alt)
    };
    let (Some(verbs), false) = (
        env.verbfile.as_deref().and_then(find),
        env.actorfiles.is_empty(),
    ) else {
        return Ok(None);
    };
    let mut actors = Vec::new();
    for a in &env.actorfiles {
        match find(a.trim()) {
            Some(p) => actors.push(p),
            None => return Ok(None),
        }
    }
    let agents = env.agentfile.as_deref().and_then(find);
    let discards = env.discardfile.as_deref().and_then(find);
    Ok(Some(Dictionaries::from_files(
        &verbs,
        &actors,
        agents.as_deref(),
        discards.as_deref(),
        None,
    )?))
}

pub fn eval_petr(args: EvalArgs) -> Result<()> {
    let report = petr_report(&args.file, &args.dicts, args.show_errors)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_table(&report);
    }
    Ok(())
}

/// Code every record of a PETRARCH XML suite and score it.
pub fn petr_report(file: &Path, dicts: &DictionaryArgs, show_errors: bool) -> Result<PetrReport> {
    let xml = crate::dictionaries::read(file)?;
    let fname = file.display().to_string();
    let (env, records, warnings) =
        parse_petr_xml(&xml, &fname).map_err(|w| anyhow::anyhow!("{w}"))?;
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    let dictionaries = if dicts.is_default() {
        match environment_dictionaries(file, &env)? {
            Some(d) => d,
            None => Dictionaries::bundled()?,
        }
    } else {
        dicts.load()?
    };
    // the suites were coded in PETRARCH's convention
    let coder = Coder::new(dictionaries).with_convention(Convention::Petrarch);
    let mut overall = Score::default();
    let mut categories: BTreeMap<String, Score> = BTreeMap::new();
    for rec in records {
        let expected: BTreeSet<Triple> = rec
            .expected
            .iter()
            .filter_map(|c| match c {
                ExpectedCoding::Event {
                    source,
                    target,
                    code,
                } => {
                    let or_dash = |s: &str| {
                        if s.is_empty() {
                            "---".to_string()
                        } else {
                            s.to_string()
                        }
                    };
                    Some((or_dash(source), or_dash(target), code.clone()))
                }
                _ => None,
            })
            .collect();
        let category = rec.category.clone();
        let id = rec.id.clone();
        let doc = rec.into_document(&fname);
        let produced: BTreeSet<Triple> = coder
            .code_document(&doc)
            .iter()
            .filter_map(petr_triple)
            .collect();
        let matched = expected.intersection(&produced).count();
        let exact = expected == produced;
        if show_errors && !exact {
            println!(
                "{id} [{category}]: {}",
                doc.text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            println!("    expected: {expected:?}");
            println!("    produced: {produced:?}");
        }
        overall.add(exact, expected.len(), produced.len(), matched);
        categories
            .entry(category)
            .or_default()
            .add(exact, expected.len(), produced.len(), matched);
    }
    overall.finish();
    categories.values_mut().for_each(Score::finish);
    Ok(PetrReport {
        file: fname,
        overall,
        categories,
    })
}

fn print_table(r: &PetrReport) {
    println!("{}", r.file);
    println!(
        "{:<12} {:>7} {:>6} {:>7} {:>8} {:>8} {:>7} {:>9} {:>7} {:>6}",
        "category",
        "records",
        "exact",
        "exact%",
        "expected",
        "produced",
        "matched",
        "precision",
        "recall",
        "F1"
    );
    let row = |name: &str, s: &Score| {
        println!(
            "{:<12} {:>7} {:>6} {:>6.1}% {}",
            name,
            s.records,
            s.exact,
            100.0 * s.exact_rate,
            s.cells()
        )
    };
    for (c, s) in &r.categories {
        row(c, s);
    }
    row("ALL", &r.overall);
}
