//! The coded event: what dyad emits, one JSON object per event.

use serde::{Serialize, Serializer};

/// A span of the article text (character offsets, end exclusive) and its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// An actor as coded in one event: its CAMEO code and the words that name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRef {
    pub code: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub article_id: String,
    /// 0-based index of the sentence in the article.
    pub sentence: usize,
    /// YYYY-MM-DD, from the clause ("on Thursday") or the article.
    pub date: Option<String>,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    /// CAMEO event code (a string: leading zeros matter).
    pub code: String,
    /// The two-digit CAMEO root.
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    /// PLOVER event type, when the CAMEO→PLOVER mapping has one.
    pub plover: Option<String>,
    pub negated: bool,
    /// For a negated event, the code PETRARCH-2's ontology gives its negation ("did not
    /// provide aid" → 121, reject material cooperation), when there is one.
    pub negation_code: Option<String>,
    pub modality: Modality,
    pub evidence: Span,
    /// The verb that carries the event.
    pub verb: Span,
    /// The dictionary line that gave the code (`file:line`).
    pub rule: String,
    /// How many times the article reports this event (same source, target, code, polarity and
    /// modality): 1, or more when later sentences repeat it.
    pub mentions: usize,
    /// The later reports of the same event in the article (after the first, which is this
    /// event's own sentence, evidence, date and place); written as their evidence spans.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "Report::serialize_evidence"
    )]
    pub repeated_in: Vec<Report>,
    /// Money and people (killed, injured, arrested…) stated in the event's clause.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<crate::Amount>,
    /// Where it happened: a place named in its clause, else the dateline's.
    pub place: Option<Place>,
    /// Character offsets of the event's clause (what its date, amounts and place are read
    /// from).
    #[serde(skip)]
    pub clause: (usize, usize),
    /// What made the event, when the coder was asked to explain (`dyad code --explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Box<crate::Explanation>>,
}

/// A later report of an event in the same article ([`Event::repeated_in`]): where the article
/// says it again, and the date and place read there.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// 0-based index of the sentence.
    pub sentence: usize,
    pub evidence: Span,
    pub date: Option<String>,
    pub place: Option<Place>,
}

impl Report {
    /// The output format lists a repeat by its evidence span alone.
    fn serialize_evidence<S: Serializer>(reports: &[Report], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(reports.iter().map(|r| &r.evidence))
    }
}

/// A place from the gazetteer, as an event carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub name: String,
    /// CAMEO country code (ISO 3166 alpha-3).
    pub country: String,
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
    /// The words that name it, when the clause names it (None: from the dateline).
    pub text: Option<Span>,
}

/// How firmly the text asserts the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Intended,
    Hypothetical,
}
