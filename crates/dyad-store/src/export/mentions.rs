//! GDELT 2.0's Mentions table: 16 tab-separated columns, one row per report of an event —
//! each article's coded report and each later sentence of the article that repeats it, so an
//! event has NumMentions rows.
//!
//! MentionType is 1 (web) for an article with a URL, else 2 (citation only, the identifier
//! being the article id); SentenceID counts from 1 as GDELT's does; the char offsets are
//! dyad's character offsets (−1 for a missing actor), ActionCharOffset the verb's; a repeat
//! has its actors at −1 and its evidence's start as the action's; InRawText is always 1; Confidence is [`crate::merge::confidence`]; MentionDocTone is the
//! article's tone ([`dyad_dict::tone`]); the translation fields are empty.

use super::tsv::{cell, float};
use crate::query::MentionRow;

/// GDELT 2.0's mention columns, in order.
pub const COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// One mention as the 16 fields.
pub fn row(m: &MentionRow) -> Vec<String> {
    let (kind, ident) = match &m.url {
        Some(u) if !u.is_empty() => (1, u.clone()),
        _ => (2, m.article_id.clone()),
    };
    vec![
        m.event_id.to_string(),
        m.event_added.clone(),
        m.added.clone(),
        kind.to_string(),
        cell(if m.source_name.is_empty() {
            "unknown"
        } else {
            &m.source_name
        }),
        cell(&ident),
        (m.sentence + 1).to_string(),
        m.source_start.unwrap_or(-1).to_string(),
        m.target_start.unwrap_or(-1).to_string(),
        m.verb_start.unwrap_or(m.evidence_start).to_string(),
        "1".into(),
        m.confidence.to_string(),
        m.doc_len.to_string(),
        m.doc_tone.map(float).unwrap_or_default(),
        String::new(),
        String::new(),
    ]
}
