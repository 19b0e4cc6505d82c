//! Verb-pattern matching: given a verb in its clause, find the most specific pattern of its
//! dictionary block whose words appear around it, and so the CAMEO code.

use dyad_dict::verbs::{CodeSpec, Pattern, PatternElement};

use crate::lexicon::WordIds;
use crate::lexicon::{CompiledPattern, Element, Lexicon};
use crate::sentence::SentenceView;
use crate::verbs::VerbOccurrence;

/// The code chosen for a verb, with the pattern that gave it (None: the verb's default).
#[derive(Debug, Clone)]
pub struct CodedVerb<'l> {
    pub code: &'l CodeSpec,
    pub pattern: Option<&'l Pattern>,
    /// Tokens the pattern matched (for evidence).
    pub matched: Vec<usize>,
    /// Where the pattern's `+` puts the target: from this token, skipping this many actors.
    pub target_at: Option<(usize, usize)>,
    /// Where a post-verb `$` puts the source.
    pub source_at: Option<(usize, usize)>,
}

/// Match one alternative (consecutive words) at token `at`. Pattern nouns are nouns: a word
/// used as a verb ("wants to help") does not match the noun HELP.
#[inline]
fn alt_at(s: &WordIds, is_verb: &[bool], alt: &[u32], at: usize) -> bool {
    !alt.is_empty()
        && alt
            .iter()
            .enumerate()
            .all(|(k, &w)| s.at(at + k) == w && !is_verb.get(at + k).copied().unwrap_or(false))
}

/// First position in `[from, to)` where one of the alternatives matches: (position, length).
fn find_alt(
    s: &WordIds,
    is_verb: &[bool],
    alts: &[Vec<u32>],
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

/// What matching a pattern half found: the tokens matched, and where the TABARI role markers
/// put the target (`+`) or source (`$`), with how many actors `^` skips before them.
#[derive(Debug, Default, Clone)]
struct HalfMatch {
    matched: Vec<usize>,
    target_at: Option<(usize, usize)>,
    source_at: Option<(usize, usize)>,
}

/// Match the elements in order inside `[from, to)`. `time_adjunct(p)`: is token `p` the
/// preposition of a time adjunct ("on Monday", "in March")? Such a word is no pattern's particle:
/// DEMAND's block writes "- * ON [190]" for PRESS ("pressed on"), which "demanded an apology on
/// Monday" is not.
#[allow(clippy::too_many_arguments)]
fn match_elements(
    s: &WordIds,
    is_verb: &[bool],
    infinitive: &dyn Fn(usize) -> bool,
    time_adjunct: &dyn Fn(usize) -> bool,
    elements: &[Element],
    from: usize,
    to: usize,
    compound_subject: bool,
) -> Option<HalfMatch> {
    let mut cursor = from;
    let mut out = HalfMatch::default();
    let mut skips = 0;
    for el in elements {
        match el {
            Element::Noun(alts) => {
                let mut from = cursor;
                let (p, len) = loop {
                    let (p, len) = find_alt(s, is_verb, alts, from, to)?;
                    if len == 1 && time_adjunct(p) {
                        from = p + 1;
                        continue;
                    }
                    break (p, len);
                };
                out.matched.extend(p..p + len);
                cursor = p + len;
                // a `^` counts only towards the marker right after it: in
                // `(AT ^) (WITH +)` the skipped actor is the one after AT
                skips = 0;
            }
            Element::Prep { preps, object } => {
                let mut found = None;
                for p in cursor..to {
                    // "welcomed the idea to join" is no "welcomed … (TO)": the infinitive's
                    // "to" is no preposition — unless the pattern names the infinitive itself
                    // ("ordered … (TO LEAVE)")
                    if !preps.contains(&s.at(p)) {
                        continue;
                    }
                    let to_infinitive = infinitive(p);
                    match object {
                        None if to_infinitive || time_adjunct(p) => continue,
                        None => {
                            found = Some((p, p + 1));
                            break;
                        }
                        Some(alts) => {
                            // the object is the head of the noun phrase after the preposition;
                            // after an infinitive's "to", the verb itself ("(TO LEAVE)")
                            let found_alt = if to_infinitive {
                                let none = [false; 0];
                                find_alt(s, &none, alts, p + 1, (p + 2).min(to))
                            } else {
                                find_alt(s, is_verb, alts, p + 1, (p + 6).min(to))
                            };
                            if let Some((q, len)) = found_alt {
                                found = Some((p, q + len));
                                out.matched.push(p);
                                out.matched.extend(q..q + len);
                                break;
                            }
                        }
                    }
                }
                let (p, end) = found?;
                if object.is_none() {
                    out.matched.push(p);
                }
                cursor = end;
                skips = 0;
            }
            Element::Target => {
                out.target_at = Some((cursor, skips));
                skips = 0;
            }
            Element::Source => {
                out.source_at = Some((cursor, skips));
                skips = 0;
            }
            Element::Skip => skips += 1,
            Element::Compound => {
                if !compound_subject {
                    return None;
                }
            }
        }
    }
    Some(out)
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
            PatternElement::Compound => 1,
            _ => 0,
        })
        .sum()
}

/// Was the pattern written for this verb of its block? CAMEO.2.0.txt notes after `#` the verb
/// a pattern was written for ("- * ATTACK [138] # ORDER" is "ordered an attack", though the
/// block's other verbs meet it too): Some(true) when the note names `verb`, Some(false) when
/// it names another, None when there is no note.
pub(crate) fn written_for(p: &Pattern, verb: &str) -> Option<bool> {
    let first = p
        .comment
        .as_deref()?
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .find(|w| !w.is_empty())?;
    Some(first.eq_ignore_ascii_case(verb) || first.replace('+', "").eq_ignore_ascii_case(verb))
}

/// Choose the code for `verb`: the heaviest pattern of its block that matches within
/// `[clause_start, clause_end)`, else the verb's own or its block's code.
pub fn code_verb<'l>(
    lex: &'l Lexicon,
    s: &SentenceView,
    is_verb: &[bool],
    verb: &VerbOccurrence,
    clause: (usize, usize),
    compound_subject: bool,
) -> CodedVerb<'l> {
    let (clause_start, clause_end) = clause;
    let block = &lex.dicts.verbs.blocks[verb.candidate.block];
    // CAMEO.2.0.txt notes after `#` which verb of the block a pattern was written for; such a
    // pattern wins a tie of weight between patterns that both read the verb's object or both
    // do not (one that reads it wins first, below). Otherwise the later of two equal patterns
    // wins, as in PETR-2, whose pattern trie keeps the last definition.
    let base = &block.verbs[verb.candidate.entry].forms[0];
    let own_verb = |p: &Pattern| written_for(p, &base.verb) == Some(true);
    let ids = s.pattern_ids(&lex.vocabulary, &lex.pattern_words);
    // the "to" of an infinitive ("the idea to join", "decided to invite"): a base-form verb
    // after it, by the tagger (asked only of a "to" a pattern's preposition meets)
    let infinitive = |p: usize| {
        s.word(p) == "TO" && p + 1 < s.len() && s.tag(p + 1) == Some(dyad_lang::tagger::Tag::VB)
    };
    let time_adjunct = |p: usize| {
        crate::english::is_preposition(s.word(p))
            && p + 1 < s.len()
            && (crate::english::is_time_word(s.word(p + 1))
                || crate::english::is_month(s.word(p + 1)))
    };
    // a pattern one of whose words is nowhere in the sentence cannot match
    let possible = |c: &CompiledPattern| c.needs.iter().all(|n| n.iter().any(|&w| ids.has(w)));
    // where the verb's object ends: its first preposition or punctuation mark
    let object_end = (verb.last + 1..clause_end.min(s.len()))
        .find(|&k| s.is_punct(k) || crate::english::is_preposition(s.word(k)))
        .unwrap_or(clause_end);
    let mut best: Option<((usize, bool, bool), &Pattern, HalfMatch)> = None;
    // the block's event-coding patterns, in order, less most of those that cannot match
    let compiled = &lex.patterns[verb.candidate.block];
    let candidates = lex.pattern_index[verb.candidate.block].candidates(ids);
    for (p, c) in candidates
        .iter()
        .map(|&k| (&block.patterns[k as usize], &compiled[k as usize]))
        .filter(|(_, c)| possible(c))
    {
        let post = |from: usize, to: usize| {
            match_elements(
                ids,
                is_verb,
                &infinitive,
                &time_adjunct,
                &c.post,
                from,
                to,
                compound_subject,
            )
        };
        // a passive verb's patient stands before it: "the civilians … were released" matches
        // RELEASE's "- * CIVILIANS" as "released the civilians" would
        let after = post(verb.last + 1, clause_end);
        let before = if verb.passive && !p.post.is_empty() {
            post(clause_start, verb.group_start)
        } else {
            None
        };
        let Some(mut m) = after.or(before) else {
            continue;
        };
        let Some(pre) = match_elements(
            ids,
            is_verb,
            &infinitive,
            &time_adjunct,
            &c.pre,
            clause_start,
            verb.first,
            compound_subject,
        ) else {
            continue;
        };
        m.matched.extend(pre.matched);
        // of two patterns as heavy, one that reads the verb's object (the words after it up to
        // the first preposition or punctuation) wins over one that reads words further on
        // ("deepen cooperation across domains ranging from politics and security":
        // COOPERATION, not SECURITY)
        let in_object = m.matched.iter().any(|&k| k > verb.last && k < object_end);
        let w = (pattern_weight(p), in_object, own_verb(p));
        if best.as_ref().is_none_or(|(bw, _, _)| w >= *bw) {
            best = Some((w, p, m));
        }
    }
    match best {
        Some((w, p, m)) if w.0 > 0 => CodedVerb {
            code: &p.code,
            pattern: Some(p),
            matched: m.matched,
            target_at: m.target_at,
            source_at: m.source_at,
        },
        _ => CodedVerb {
            code: lex.default_code(verb.candidate.block, verb.candidate.entry),
            pattern: None,
            matched: Vec::new(),
            target_at: None,
            source_at: None,
        },
    }
}
