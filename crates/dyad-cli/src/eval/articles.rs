//! `dyad eval articles`: code hand-coded articles and score the events as
//! docs/CODING-GUIDE.md says — one to one on (CAMEO root, source, target), then on the full
//! code; an event the gold marks negated or hypothetical must not come out asserted — with
//! the errors by kind and the confusion of roots ([`super::alignment`]), for the whole file
//! and for each of its two halves (`--half`), and the quotations with their speakers.

use std::path::Path;

use anyhow::{bail, Context, Result};
use dyad_coder::{Coder, Event};
use dyad_text::readers::plain::parse_dateline;
use dyad_text::{Document, Origin};
use serde::Serialize;

use super::alignment::{align, count_matches, ErrorTable, Scored};
use super::args::EvalArgs;
use super::score::{is_positive, Score};
use crate::dictionaries::DictionaryArgs;

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
    /// Matching on (CAMEO root, source, target) in each half of the file (`a`, `b`), whatever
    /// `--half` selected: a rule that helps one half only is fitting, not coding.
    pub halves: [Score; 2],
    /// The half scored (`a`, `b`), or none for the whole file.
    pub half: Option<String>,
    /// The misses and extras by kind, and the confusion of roots.
    pub errors: ErrorTable,
}

/// The half of the gold file an article belongs to, by a hash of its id (FNV-1a): 0 for `a`,
/// 1 for `b`. By id rather than by position, so an article stays in its half as others are
/// added.
pub fn half_of(id: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h & 1) as usize
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

pub fn eval_articles(args: EvalArgs) -> Result<()> {
    let report = articles_report(
        &args.file,
        &args.dicts,
        args.show_errors,
        args.half.as_deref(),
    )?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    let line = |name: &str, s: &Score| {
        if s.records == 0 {
            println!("{name:<7} no articles");
            return;
        }
        println!("{name:<7} {}", s.cells());
    };
    println!(
        "{:<7} {:>8} {:>8} {:>7} {:>9} {:>7} {:>6}",
        "", "expected", "produced", "matched", "precision", "recall", "F1"
    );
    line("root", &report.root);
    line("code", &report.code);
    line("root a", &report.halves[0]);
    line("root b", &report.halves[1]);
    let scored = match report.half.as_deref() {
        Some(h) => format!(" (half {h})"),
        None => String::new(),
    };
    println!(
        "articles {}{scored}; negated/hypothetical gold events produced as asserted: {}",
        report.articles, report.asserted_but_negated_or_hypothetical
    );
    let kinds = |m: &std::collections::BTreeMap<super::alignment::ErrorKind, usize>| {
        m.iter()
            .map(|(k, n)| format!("{} {n}", k.label()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("misses: {}", kinds(&report.errors.misses));
    println!("extras: {}", kinds(&report.errors.extras));
    let q = &report.quotes;
    println!(
        "quotes: {} in the gold, {} found, {} attributed to the right speaker",
        q.expected, q.found, q.attributed
    );
    println!("\nroots, gold (rows) against dyad (columns):");
    print!("{}", report.errors.confusion_text());
    Ok(())
}

/// Code every gold article and score it.
pub fn articles_report(
    file: &Path,
    dicts: &DictionaryArgs,
    show_errors: bool,
    half: Option<&str>,
) -> Result<ArticleReport> {
    let text = crate::dictionaries::read(file)?;
    let fname = file.display().to_string();
    let coder = Coder::new(dicts.load()?);
    let mut report = ArticleReport {
        half: half.map(str::to_string),
        ..ArticleReport::default()
    };
    let selected = half.map(|h| usize::from(h == "b"));
    // a stream of JSON objects: one per line, or pretty-printed one after another
    let stream = serde_json::Deserializer::from_str(&text).into_iter::<GoldArticle>();
    for (n, item) in stream.enumerate() {
        let gold = item.with_context(|| format!("{fname}: gold article {}", n + 1))?;
        let in_half = half_of(&gold.id);
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
        let coded = coder.code(&doc, true);
        let positive: Vec<&Event> = coded.events.iter().filter(|e| is_positive(e)).collect();
        let produced: Vec<Scored> = positive
            .iter()
            .map(|e| {
                Scored::new(
                    &e.code,
                    e.source.as_ref().map(|a| a.code.as_str()),
                    e.target.as_ref().map(|a| a.code.as_str()),
                )
            })
            .collect();
        let (scored, forbidden): (Vec<&GoldEvent>, Vec<&GoldEvent>) = gold
            .events
            .iter()
            .partition(|g| !g.negated && !g.hypothetical);
        let gold_events: Vec<Scored> = scored
            .iter()
            .map(|g| Scored::new(&g.code, g.source.as_deref(), g.target.as_deref()))
            .collect();
        let a = align(&gold_events, &produced);
        let m = a.matched.len();
        let exact = m == gold_events.len() && m == produced.len();
        report.halves[in_half].add(exact, gold_events.len(), produced.len(), m);
        if selected.is_some_and(|h| h != in_half) {
            continue;
        }
        report.root.add(exact, gold_events.len(), produced.len(), m);
        let full = count_matches(&gold_events, &produced);
        report.code.add(
            full == gold_events.len() && full == produced.len(),
            gold_events.len(),
            produced.len(),
            full,
        );
        report.errors.add(&gold_events, &produced, &a);
        if show_errors {
            let show = |e: &Scored| format!("{} {}→{}", e.code, e.source, e.target);
            for &gi in &a.missed {
                let evidence = scored[gi].evidence.as_deref().unwrap_or("");
                println!(
                    "{}: missed {} ({evidence})",
                    gold.id,
                    show(&gold_events[gi])
                );
            }
            for &(gi, pi, kind) in &a.paired {
                println!(
                    "{}: {}: gold {} ({}), dyad {} ({})",
                    gold.id,
                    kind.label(),
                    show(&gold_events[gi]),
                    scored[gi].evidence.as_deref().unwrap_or(""),
                    show(&produced[pi]),
                    positive[pi].evidence.text
                );
            }
            for &pi in &a.extra {
                println!(
                    "{}: extra {} ({})",
                    gold.id,
                    show(&produced[pi]),
                    positive[pi].evidence.text
                );
            }
        }
        // a negated or hypothetical gold event is violated by an asserted event with its key
        // whose evidence overlaps the gold evidence (when the gold gives one)
        let chars: Vec<char> = gold.text.chars().collect();
        for f in &forbidden {
            let fk = Scored::new(&f.code, f.source.as_deref(), f.target.as_deref());
            let gold_span = f.evidence.as_deref().and_then(|ev| char_span(&chars, ev));
            if positive.iter().zip(&produced).any(|(e, p)| {
                let same = p.root() == fk.root() && p.source == fk.source && p.target == fk.target;
                let overlaps =
                    gold_span.is_none_or(|(a, b)| a < e.evidence.end && e.evidence.start < b);
                same && overlaps
            }) {
                report.asserted_but_negated_or_hypothetical += 1;
            }
        }
        let produced_quotes = &coded.quotes;
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
    for h in &mut report.halves {
        h.finish();
    }
    Ok(report)
}
