//! Verb-pattern matching: given a verb in its clause, find the most specific pattern of its
//! dictionary block whose words appear around it, and so the CAMEO code.

use dyad_dict::verbs::{Alternatives, CodeSpec, Pattern, PatternElement};

use crate::lexicon::Lexicon;
use crate::sentence::SentenceView;
use crate::verbs::VerbOccurrence;

/// The code chosen for a verb, with the pattern that gave it (None: the verb's default).
#[derive(Debug, Clone)]
pub struct CodedVerb<'l> {
    pub code: &'l CodeSpec,
    pub pattern: Option<&'l Pattern>,
    /// Tokens the pattern matched (for evidence).
    pub matched: Vec<usize>,
}

/// Match one alternative (consecutive words) at token `at`. Pattern nouns are nouns: a word
/// used as a verb ("wants to help") does not match the noun HELP.
fn alt_at(s: &SentenceView, is_verb: &[bool], alt: &[String], at: usize) -> bool {
    !alt.is_empty()
        && alt
            .iter()
            .enumerate()
            .all(|(k, w)| s.word(at + k) == w && !is_verb.get(at + k).copied().unwrap_or(false))
}

/// First position in `[from, to)` where one of the alternatives matches: (position, length).
fn find_alt(
    s: &SentenceView,
    is_verb: &[bool],
    alts: &Alternatives,
    from: usize,
    to: usize,
) -> Option<(usize, usize)> {
    (from..to).find_map(|p| {
        alts.iter()
            .filter(|a| p + a.len() <= to && alt_at(s, is_verb, a, p))
            .map(|a| a.len())
            .max()
            .map(|len| (p, len))
    })
}

/// Match the elements in order inside `[from, to)`. Returns the tokens matched, or None.
fn match_elements(
    s: &SentenceView,
    is_verb: &[bool],
    elements: &[PatternElement],
    from: usize,
    to: usize,
) -> Option<Vec<usize>> {
    let mut cursor = from;
    let mut matched = Vec::new();
    for el in elements {
        match el {
            PatternElement::Noun(alts) => {
                let (p, len) = find_alt(s, is_verb, alts, cursor, to)?;
                matched.extend(p..p + len);
                cursor = p + len;
            }
            PatternElement::Prep { preps, object } => {
                let mut found = None;
                for p in cursor..to {
                    if !preps.iter().any(|w| w == s.word(p)) {
                        continue;
                    }
                    match object {
                        None => {
                            found = Some((p, p + 1));
                            break;
                        }
                        Some(alts) => {
                            // the object is the head of the noun phrase after the preposition
                            let limit = (p + 6).min(to);
                            if let Some((q, len)) = find_alt(s, is_verb, alts, p + 1, limit) {
                                found = Some((p, q + len));
                                matched.push(p);
                                matched.extend(q..q + len);
                                break;
                            }
                        }
                    }
                }
                let (p, end) = found?;
                if object.is_none() {
                    matched.push(p);
                }
                cursor = end;
            }
            PatternElement::Source
            | PatternElement::Target
            | PatternElement::Skip
            | PatternElement::Compound => {}
        }
    }
    Some(matched)
}

fn pattern_weight(p: &Pattern) -> usize {
    p.pre
        .iter()
        .chain(p.post.iter())
        .map(|e| match e {
            PatternElement::Noun(a) => 2 * a.iter().map(Vec::len).min().unwrap_or(0),
            PatternElement::Prep { object, .. } => {
                1 + object
                    .as_ref()
                    .map(|a| 2 * a.iter().map(Vec::len).min().unwrap_or(0))
                    .unwrap_or(0)
            }
            _ => 0,
        })
        .sum()
}

/// Choose the code for `verb`: the heaviest pattern of its block that matches within
/// `[clause_start, clause_end)`, else the verb's own or its block's code.
pub fn code_verb<'l>(
    lex: &'l Lexicon,
    s: &SentenceView,
    is_verb: &[bool],
    verb: &VerbOccurrence,
    clause_start: usize,
    clause_end: usize,
) -> CodedVerb<'l> {
    let block = &lex.dicts.verbs.blocks[verb.candidate.block];
    // CAMEO.2.0.txt notes after `#` which verb of the block a pattern was written for; such a
    // pattern wins a tie. Otherwise the later of two equal patterns wins, as in PETR-2, whose
    // pattern trie keeps the last definition.
    let base = &block.verbs[verb.candidate.entry].forms[0];
    let own_verb = |p: &Pattern| {
        p.comment.as_deref().is_some_and(|c| {
            c.split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .find(|w| !w.is_empty())
                .is_some_and(|w| {
                    w.eq_ignore_ascii_case(&base.verb)
                        || w.replace('+', "").eq_ignore_ascii_case(&base.verb)
                })
        })
    };
    let mut best: Option<((usize, bool), &Pattern, Vec<usize>)> = None;
    for p in &block.patterns {
        let Some(mut m) = match_elements(s, is_verb, &p.post, verb.last + 1, clause_end) else {
            continue;
        };
        let Some(pre) = match_elements(s, is_verb, &p.pre, clause_start, verb.first) else {
            continue;
        };
        m.extend(pre);
        let w = (pattern_weight(p), own_verb(p));
        if best.as_ref().is_none_or(|(bw, _, _)| w >= *bw) {
            best = Some((w, p, m));
        }
    }
    match best {
        Some((w, p, matched)) if w.0 > 0 => CodedVerb {
            code: &p.code,
            pattern: Some(p),
            matched,
        },
        _ => CodedVerb {
            code: lex.default_code(verb.candidate.block, verb.candidate.entry),
            pattern: None,
            matched: Vec::new(),
        },
    }
}
