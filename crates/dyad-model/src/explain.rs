//! What made an event, for the analyst who audits it (`dyad code --explain`): how each actor
//! was reached and from which dictionary entries, the verb or noun pattern, the clause, the
//! words that made it negated or intended, the date expression and the place.

use serde::Serialize;

/// The account of one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub source: ActorExplanation,
    pub target: Option<ActorExplanation>,
    /// The verb pattern (`BLOCK:line` of the verb dictionary) or the event noun (`file:line`)
    /// that gave the code, and the code before a convention changed it.
    pub pattern: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_before_convention: Option<String>,
    /// The clause the event was read from.
    pub clause: String,
    /// The words of the verb group before the verb ("did not", "will", "plans to"): what
    /// made the event negated or not asserted; empty for a plain verb.
    pub trigger: String,
    /// The date expression of the clause, or how the date was chosen otherwise.
    pub date: String,
    /// How the place was chosen.
    pub place: String,
}

/// How one actor of an event was reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorExplanation {
    pub code: String,
    pub text: String,
    /// "dictionary", "alias of a name seen earlier", "pronoun → …", "agent + the article's
    /// country (the dateline)", …
    pub how: String,
    /// The dictionary entries the words match, as `file:line NAME`.
    pub entries: Vec<String>,
}
