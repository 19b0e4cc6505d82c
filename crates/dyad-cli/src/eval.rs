//! `dyad eval`: measure the coder on PETRARCH validation records and on article-level gold.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use dyad_coder::{Coder, Event, Modality};
use dyad_dict::bundled::Dictionaries;
use dyad_text::readers::petr_xml::{parse_petr_xml, ExpectedCoding, PetrEnvironment};
use dyad_text::readers::plain::parse_dateline;
use dyad_text::{Document, Origin};
use serde::Serialize;

use crate::dictionaries::DictionaryArgs;

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Score PETRARCH XML validation records (exact records, event precision/recall/F1).
    Petr(EvalArgs),
    /// Score article-level gold codings (one JSON object per article, as seed.gold.json).
    Articles(EvalArgs),
}

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
    #[command(flatten)]
    pub dicts: DictionaryArgs,
}

pub fn run(cmd: EvalCommand) -> Result<()> {
    match cmd {
        EvalCommand::Petr(a) => eval_petr(a),
        EvalCommand::Articles(a) => eval_articles(a),
    }
}

/// Counts behind precision, recall and F1.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Score {
    pub records: usize,
    pub exact: usize,
    pub expected: usize,
    pub produced: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub exact_rate: f64,
}

impl Score {
    fn add(&mut self, exact: bool, expected: usize, produced: usize, matched: usize) {
        self.records += 1;
        self.exact += exact as usize;
        self.expected += expected;
        self.produced += produced;
        self.matched += matched;
    }

    fn finish(&mut self) {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.matched, self.produced);
        self.recall = ratio(self.matched, self.expected);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
        self.exact_rate = ratio(self.exact, self.records);
    }
}

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

/// Events the text asserts or announces: negated and hypothetical ones are not events.
fn is_positive(e: &Event) -> bool {
    !e.negated && e.modality != Modality::Hypothetical
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
    let coder = Coder::new(dictionaries);
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
            "{:<12} {:>7} {:>6} {:>6.1}% {:>8} {:>8} {:>7} {:>8.1}% {:>6.1}% {:>5.1}%",
            name,
            s.records,
            s.exact,
            100.0 * s.exact_rate,
            s.expected,
            s.produced,
            s.matched,
            100.0 * s.precision,
            100.0 * s.recall,
            100.0 * s.f1
        )
    };
    for (c, s) in &r.categories {
        row(c, s);
    }
    row("ALL", &r.overall);
}

/// One gold event of an article.
#[derive(Debug, serde::Deserialize)]
struct GoldEvent {
    source: Option<String>,
    code: String,
    target: Option<String>,
    #[serde(default)]
    negated: bool,
    #[serde(default)]
    hypothetical: bool,
    #[serde(default)]
    evidence: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
struct GoldArticle {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    date: Option<String>,
    events: Vec<GoldEvent>,
    #[serde(default)]
    quotes: Vec<GoldQuote>,
}

/// A gold quotation: its speaker's name and the words it starts with.
#[derive(Debug, serde::Deserialize)]
struct GoldQuote {
    speaker: String,
    starts: String,
}

/// How the quotations of the gold articles came out.
#[derive(Debug, Default, Serialize)]
pub struct QuoteScore {
    /// Gold quotations.
    pub expected: usize,
    /// Gold quotations dyad found (a quotation starting with the same words).
    pub found: usize,
    /// Found with the right speaker (the gold name is the person dyad resolved the speaker to).
    pub attributed: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct ArticleReport {
    pub articles: usize,
    /// Matching on (CAMEO root, source country, target country).
    pub root: Score,
    /// Matching on (full code, source country, target country).
    pub code: Score,
    /// Gold events marked negated or hypothetical that were produced as asserted events.
    pub asserted_but_negated_or_hypothetical: usize,
    pub quotes: QuoteScore,
}

fn country(code: &Option<String>) -> String {
    code.as_deref()
        .map(|c| c.chars().take(3).collect())
        .unwrap_or_default()
}

/// The character span of the first occurrence of `needle` in the text.
fn char_span(chars: &[char], needle: &str) -> Option<(usize, usize)> {
    let n: Vec<char> = needle.chars().collect();
    if n.is_empty() || n.len() > chars.len() {
        return None;
    }
    (0..=chars.len() - n.len())
        .find(|&i| chars[i..i + n.len()] == n[..])
        .map(|i| (i, i + n.len()))
}

/// Match gold and produced keys one to one; returns the number of pairs.
fn match_one_to_one(
    gold: &[(String, String, String)],
    produced: &[(String, String, String)],
) -> (usize, Vec<usize>, Vec<usize>) {
    let mut used = vec![false; produced.len()];
    let mut missed = Vec::new();
    let mut n = 0;
    for (gi, g) in gold.iter().enumerate() {
        match (0..produced.len()).find(|&i| !used[i] && &produced[i] == g) {
            Some(i) => {
                used[i] = true;
                n += 1;
            }
            None => missed.push(gi),
        }
    }
    let extra = (0..produced.len()).filter(|&i| !used[i]).collect();
    (n, missed, extra)
}

pub fn eval_articles(args: EvalArgs) -> Result<()> {
    let report = articles_report(&args.file, &args.dicts, args.show_errors)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        for (name, s) in [("root", &report.root), ("code", &report.code)] {
            println!(
                "{name:<5} gold {:>4}  produced {:>4}  matched {:>4}  precision {:>5.1}%  recall {:>5.1}%  F1 {:>5.1}%",
                s.expected,
                s.produced,
                s.matched,
                100.0 * s.precision,
                100.0 * s.recall,
                100.0 * s.f1
            );
        }
        println!(
            "articles {}; negated/hypothetical gold events produced as asserted: {}",
            report.articles, report.asserted_but_negated_or_hypothetical
        );
        let q = &report.quotes;
        println!(
            "quotes: {} in the gold, {} found, {} attributed to the right speaker",
            q.expected, q.found, q.attributed
        );
    }
    Ok(())
}

/// Code every gold article and score it.
pub fn articles_report(
    file: &Path,
    dicts: &DictionaryArgs,
    show_errors: bool,
) -> Result<ArticleReport> {
    let text = crate::dictionaries::read(file)?;
    let fname = file.display().to_string();
    let coder = Coder::new(dicts.load()?);
    let mut report = ArticleReport::default();
    // a stream of JSON objects: one per line, or pretty-printed one after another
    let stream = serde_json::Deserializer::from_str(&text).into_iter::<GoldArticle>();
    for (n, item) in stream.enumerate() {
        let gold = item.with_context(|| format!("{fname}: gold article {}", n + 1))?;
        let dateline = parse_dateline(&gold.text);
        let date_text = gold.date.as_deref().or(gold.published.as_deref());
        let date = match date_text {
            Some(d) => Some(
                chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d")
                    .with_context(|| {
                        format!(
                            "{fname}: article {}: field \"published\": expected YYYY-MM-DD",
                            gold.id
                        )
                    })?,
            ),
            None => dateline.date,
        };
        let origin = Origin {
            file: fname.clone(),
            line: 1,
        };
        let doc = Document {
            dateline_place: dateline.place.clone(),
            body_start: dateline.body_start,
            ..Document::new(gold.id.clone(), gold.text.clone(), date, origin)
        };
        let events = coder.code_document(&doc);
        let positive: Vec<&Event> = events.iter().filter(|e| is_positive(e)).collect();
        let key = |root: bool, code: &str, s: &Option<String>, t: &Option<String>| {
            let c = if root {
                code.get(..2).unwrap_or(code).to_string()
            } else {
                code.to_string()
            };
            (c, country(s), country(t))
        };
        let (scored, forbidden): (Vec<&GoldEvent>, Vec<&GoldEvent>) = gold
            .events
            .iter()
            .partition(|g| !g.negated && !g.hypothetical);
        for (root, score) in [(true, &mut report.root), (false, &mut report.code)] {
            let g: Vec<_> = scored
                .iter()
                .map(|g| key(root, &g.code, &g.source, &g.target))
                .collect();
            let p: Vec<_> = positive
                .iter()
                .map(|e| {
                    key(
                        root,
                        &e.code,
                        &e.source.as_ref().map(|a| a.code.clone()),
                        &e.target.as_ref().map(|a| a.code.clone()),
                    )
                })
                .collect();
            let (m, missed, extra) = match_one_to_one(&g, &p);
            score.add(m == g.len() && m == p.len(), g.len(), p.len(), m);
            if show_errors && root {
                for i in missed {
                    println!(
                        "{}: missed {:?} ({})",
                        gold.id,
                        g[i],
                        scored[i].evidence.as_deref().unwrap_or("")
                    );
                }
                for i in extra {
                    println!(
                        "{}: extra {:?} ({})",
                        gold.id, p[i], positive[i].evidence.text
                    );
                }
            }
        }
        // a negated or hypothetical gold event is violated by an asserted event with its key
        // whose evidence overlaps the gold evidence (when the gold gives one)
        let chars: Vec<char> = gold.text.chars().collect();
        for f in &forbidden {
            let fk = key(true, &f.code, &f.source, &f.target);
            let gold_span = f.evidence.as_deref().and_then(|ev| char_span(&chars, ev));
            if positive.iter().any(|e| {
                let same = key(
                    true,
                    &e.code,
                    &e.source.as_ref().map(|a| a.code.clone()),
                    &e.target.as_ref().map(|a| a.code.clone()),
                ) == fk;
                let overlaps =
                    gold_span.is_none_or(|(a, b)| a < e.evidence.end && e.evidence.start < b);
                same && overlaps
            }) {
                report.asserted_but_negated_or_hypothetical += 1;
            }
        }
        let produced_quotes = coder.quotes(&doc);
        for g in &gold.quotes {
            report.quotes.expected += 1;
            let Some(q) = produced_quotes
                .iter()
                .find(|q| q.text.starts_with(g.starts.as_str()))
            else {
                if show_errors {
                    println!("{}: quote not found: {:?}", gold.id, g.starts);
                }
                continue;
            };
            report.quotes.found += 1;
            let name = q
                .speaker
                .as_ref()
                .and_then(|s| s.name.clone())
                .unwrap_or_default();
            if name == g.speaker {
                report.quotes.attributed += 1;
            } else if show_errors {
                println!(
                    "{}: quote {:?} attributed to {name:?}, not {:?}",
                    gold.id, g.starts, g.speaker
                );
            }
        }
        report.articles += 1;
    }
    if report.articles == 0 {
        bail!("{fname}: no gold articles found");
    }
    report.root.finish();
    report.code.finish();
    Ok(report)
}
