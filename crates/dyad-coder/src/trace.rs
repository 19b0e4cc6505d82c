//! What the stages found in a sentence, as lines of text for developers (`DYAD_DEBUG=1` on
//! the command line, [`crate::Coder::with_trace`] in the library): the library returns them
//! with the article's events and never prints.

use crate::clauses::Clause;
use crate::mentions::{ActorPhrase, Mention};
use crate::sentence::SentenceView;
use crate::verbs::VerbOccurrence;

/// The tokens, mentions, verbs and actor phrases of a sentence.
pub fn sentence(
    out: &mut Vec<String>,
    s: &SentenceView,
    mentions: &[Mention],
    verbs: &[VerbOccurrence],
    phrases: &[ActorPhrase],
) {
    let words: Vec<String> = (0..s.len()).map(|i| format!("{i}:{}", s.word(i))).collect();
    out.push(format!("tokens: {}", words.join(" ")));
    out.push(format!("mentions: {mentions:?}"));
    for v in verbs {
        out.push(format!(
            "verb {} [{}..{}] group {} finite {} passive {} neg {} {:?} {:?}",
            s.word(v.head),
            v.first,
            v.last,
            v.group_start,
            v.finite,
            v.passive,
            v.negated,
            v.modality,
            v.candidate.inflection
        ));
    }
    for p in phrases {
        let codes: Vec<&str> = p.members.iter().map(|m| m.code.as_str()).collect();
        out.push(format!("phrase [{}..{}) {codes:?}", p.start, p.end));
    }
}

/// The clauses of a sentence: verb, code, subject, object and complement.
pub fn clauses(out: &mut Vec<String>, s: &SentenceView, clauses: &[Clause]) {
    for c in clauses {
        out.push(format!(
            "clause {}..{} verb {} code {:?} subject {:?} object {:?} complement {:?}",
            c.start,
            c.end,
            s.word(c.verb.head),
            c.coded.code,
            c.subject
                .as_ref()
                .map(|p| (p.span, p.members.first().map(|m| &m.code))),
            c.object
                .as_ref()
                .map(|p| (p.span, p.members.first().map(|m| &m.code))),
            c.complement
        ));
    }
}
