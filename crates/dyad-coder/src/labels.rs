//! Acts told by naming: "Cambodia called Thailand's move a breach of diplomatic norms", "the
//! spokesman described the Libyan leader as a saint", "branded Morales's charges baseless". To
//! call an actor, or an act of its, by a hostile name is to criticize it (CAMEO 111), by a kind
//! one to praise it (051): docs/CODING-GUIDE.md codes a statement that labels an act with a
//! hostile name as such. The verb dictionaries read "called" as a telephone call (041) and
//! "described" as a bare statement, so the naming would be lost or miscoded.
//!
//! A naming is a verb of naming ([`english::is_naming_verb`]), an actor right after it (the
//! one named, or the owner of what is named: "Thailand's move"), and the name: the words after
//! that noun phrase ("a breach of …"), after "as" for "described … as". The name's polarity
//! is the tone lexicon's: more negative words than positive ones make a criticism, more
//! positive ones praise; a name of neither ("called him a candidate") is no event.

use dyad_dict::tone::ToneLexicon;

use crate::clauses::{Clause, Role};
use crate::english;
use crate::lexicon::Lexicon;
use crate::mentions::ActorPhrase;
use crate::sentence::SentenceView;

/// A naming found in a clause: who is named, with what code, and the name's words.
#[derive(Debug, Clone)]
pub struct Label {
    /// The clause whose verb names (index into the sentence's clauses).
    pub clause: usize,
    /// The one named, or None for an act named without its author ("described it as a grave
    /// escalation", "called the strike an act of terrorism"): the caller tells whose.
    pub target: Option<Role>,
    /// 111 for a hostile name, 051 for a kind one; None for a name of neither tone, which
    /// makes no event (and no telephone call of "called").
    pub code: Option<&'static str>,
    /// Tokens `[start, end)` of the name.
    pub name: (usize, usize),
}

/// The namings of a sentence's clauses.
pub fn labels(
    lex: &Lexicon,
    tone: &ToneLexicon,
    s: &SentenceView,
    phrases: &[ActorPhrase],
    clauses: &[Clause],
) -> Vec<Label> {
    let mut out = Vec::new();
    for (ci, c) in clauses.iter().enumerate() {
        let v = &c.verb;
        let Some(as_word) = english::is_naming_verb(crate::clauses::verb_base(lex, v)) else {
            continue;
        };
        if v.passive {
            continue;
        }
        // the one named: an actor phrase right after the verb (through "the"; "referred to
        // the envoy as …" through its "to")
        let mut at = v.last + 1;
        if at < c.end && s.word(at) == "TO" && crate::clauses::verb_base(lex, v) == "REFER" {
            at += 1;
        }
        let named = phrases.iter().find(|p| p.start == at || p.start == at + 1);
        let Some(named) = named else {
            // or an act with no author named: "it", "the strike", "the move"
            if let Some(label) = act_named(lex, tone, s, phrases, c, ci, as_word) {
                out.push(label);
            }
            continue;
        };
        if at < c.end && s.word(at) == "THE" {
            at += 1;
        }
        // its noun phrase: the name ("Thailand", "the South African"), a possessive and its
        // noun ("'s move"), the nouns after the name ("president"); the actor phrase itself
        // may run on over the name that follows ("Thailand's move a breach")
        let mut k = at;
        while k < c.end && s.capitalized(k) && !english::is_determiner(s.word(k)) {
            k += 1;
        }
        if k < c.end && matches!(s.word(k), "'S" | "’S" | "'") {
            k += 1;
        }
        while k < c.end && is_name_word(s, k) && !s.capitalized(k) {
            k += 1;
        }
        // and a person's name after the title ("ambassador Ebrahim Rasool")
        while k < named.end && s.capitalized(k) {
            k += 1;
        }
        if k == at || k > named.end {
            continue;
        }
        let Some(k) = name_start(s, c, k, as_word) else {
            continue;
        };
        // "called on", "called for", "called … to", "called … by phone": an appeal or a call
        if k >= c.end || english::is_preposition(s.word(k)) || s.word(k) == "TO" {
            continue;
        }
        // a name of neither tone ("called him a candidate", "called Morales's charges
        // baseless", a word the tone lexicon lacks) is still a naming: no telephone call
        let Some((code, end)) = name_tone(tone, s, c, k) else {
            out.push(Label {
                clause: ci,
                target: None,
                code: None,
                name: (k, k),
            });
            continue;
        };
        out.push(Label {
            clause: ci,
            target: Some(Role::of_phrase(named)),
            code: Some(code),
            name: (k, end),
        });
    }
    out
}

/// Where the name begins after the named noun phrase ending at `k`: after "as" for a verb that
/// takes it ("described … as", not "called … a breach"), past commas and quotation marks.
fn name_start(s: &SentenceView, c: &Clause, mut k: usize, as_word: bool) -> Option<usize> {
    if as_word {
        if k >= c.end || s.word(k) != "AS" {
            return None;
        }
        k += 1;
    }
    while k < c.end && matches!(s.word(k), "," | "\"" | "“" | "”" | "'") {
        k += 1;
    }
    Some(k)
}

/// The code of the name starting at `k` (to the clause's next stop), by its tone: 111 for a
/// hostile name, 051 for a kind one, None for neither; with the name's end.
fn name_tone(
    tone: &ToneLexicon,
    s: &SentenceView,
    c: &Clause,
    k: usize,
) -> Option<(&'static str, usize)> {
    // (to the clause's next stop, or a participle that begins to say more of the name: "a
    // plot encouraged from abroad" is named a plot)
    let end = (k..c.end)
        .find(|&i| {
            matches!(s.word(i), ";" | ":" | "." | ",")
                || (i > k + 1
                    && matches!(
                        s.tag(i),
                        Some(dyad_lang::tagger::Tag::VBN | dyad_lang::tagger::Tag::VBD)
                    ))
        })
        .unwrap_or(c.end);
    if end <= k {
        return None;
    }
    let words: Vec<String> = (k..end).map(|i| s.word(i).to_lowercase()).collect();
    let count = tone.count(&words);
    if count.negative > count.positive {
        Some(("111", end))
    } else if count.positive > count.negative {
        Some(("051", end))
    } else {
        None
    }
}

/// "Israel described it as a grave escalation", "Palestinians called the strike an act of
/// terrorism": an act named by "it" or a definite noun with no actor in it, given a hostile
/// name after "as" (a verb of naming that takes it) or an indefinite one right after the act
/// ("called the protests a plot") — a criticism of the act's author, whom the caller finds. A
/// kind name of an act whose author is not told is no event.
fn act_named(
    lex: &Lexicon,
    tone: &ToneLexicon,
    s: &SentenceView,
    phrases: &[ActorPhrase],
    c: &Clause,
    ci: usize,
    as_word: bool,
) -> Option<Label> {
    let at = c.verb.last + 1;
    let k = match s.word(at) {
        "IT" | "THIS" => at + 1,
        "THE" => {
            // "the helicopter strike", "the massive protests": nouns (and the adjectives
            // before them), none an actor's
            let mut k = at + 1;
            while k < c.end
                && !s.capitalized(k)
                && (is_name_word(s, k)
                    || (s.tag(k).is_some_and(|t| t.is_adjective())
                        && s.tag(k + 1)
                            .is_some_and(|t| t.is_noun() || t.is_adjective())))
            {
                k += 1;
            }
            if k == at + 1 || phrases.iter().any(|p| p.start < k && at < p.end) {
                return None;
            }
            k
        }
        _ => return None,
    };
    // ("called the massive protests a plot", "called it, “an act of aggression”": with no
    // "as", the name is an indefinite noun phrase right after the act, past a comma or a
    // quotation mark)
    if !as_word {
        // (of a hostile act only, whose author the caller finds: "called the meeting a
        // failure" is no criticism of the last aggressor)
        let hostile = s
            .event_noun(lex, k - 1)
            .is_some_and(|n| dyad_dict::cameo::root(&n.code) >= "13");
        if !hostile {
            return None;
        }
        let mut j = k;
        while j < c.end && matches!(s.word(j), "," | "\"" | "“") {
            j += 1;
        }
        if !matches!(s.word(j), "A" | "AN") {
            return None;
        }
    }
    let k = name_start(s, c, k, as_word)?;
    let (code, end) = name_tone(tone, s, c, k)?;
    (code == "111").then_some(Label {
        clause: ci,
        target: None,
        code: Some(code),
        name: (k, end),
    })
}

/// A word that can end the noun "Thailand's move" (not a determiner opening the name, "a").
fn is_name_word(s: &SentenceView, k: usize) -> bool {
    !english::is_determiner(s.word(k)) && s.tag(k).is_some_and(|t| t.is_noun())
}
