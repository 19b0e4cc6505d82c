//! What a batch stores of an article that it works out without the database: the article's
//! content hash and source, and for each of its events the merge key (as stored, and its id)
//! and the coder's record as kept (see [`crate::event_record`]), and the tone and issues of
//! each report's sentence.
//!
//! A batch makes these on a thread of its own, a few articles ahead of the writer
//! ([`Store::write_batch`](crate::Store::write_batch)): they were a sixth of the writer's work
//! in a bulk load (the record's JSON above all: the coder's record as a JSON value, the
//! columns' part of it taken away, the rest laid back over them to check it, each a map of
//! strings), and the writer, which runs the batch's SQL on one core, need not wait for them.
//! Nothing here reads or writes the store, so an article is made the same whether it is then
//! stored, replaced or found unchanged.

use dyad_model::{Document, Event, EventKey, QuoteRecord};

use crate::hash::Fnv64;
use crate::{event_record, merge, Result};

/// One coded article, ready to store.
#[derive(Debug, Clone, Copy)]
pub struct ArticleInput<'a> {
    pub doc: &'a Document,
    pub events: &'a [Event],
    pub quotes: &'a [QuoteRecord],
    /// The version of the dictionaries the article was coded with.
    pub dict_version: &'a str,
    /// The article's tone and each sentence's (none: not known, stored as NULL).
    pub tone: Option<&'a dyad_dict::tone::ArticleTone>,
    /// The article's issues (themes) and each sentence's (none: not known, stored as NULL).
    pub issues: Option<&'a dyad_dict::issues::ArticleIssues>,
}

/// Articles made ahead of the writer.
pub(crate) const AHEAD: usize = 64;

/// An article as a batch stores it (see the module's comment).
pub(crate) struct Prepared {
    pub hash: String,
    pub source: String,
    /// One per event of the article, in its order.
    pub events: Vec<PreparedEvent>,
}

/// An event of an article as a batch stores it.
pub(crate) struct PreparedEvent {
    pub key: EventKey,
    /// The key as stored, and the event's id (its hash).
    pub key_text: String,
    pub id: i64,
    /// What is kept of the coder's record: `(event_json, event_rest)`.
    pub record: (Option<String>, Option<String>),
    /// The coded report's sentence, then each repeat's.
    pub said: Said,
    pub repeats: Vec<Said>,
}

impl Prepared {
    pub(crate) fn of(a: &ArticleInput) -> Result<Prepared> {
        let events = a
            .events
            .iter()
            .map(|e| {
                let key = EventKey::of(e);
                let key_text = key.text();
                Ok(PreparedEvent {
                    id: merge::event_id_of(&key_text),
                    record: kept_record(e, &key, &a.doc.id)?,
                    said: Said::of(a, e.sentence),
                    repeats: e
                        .repeated_in
                        .iter()
                        .map(|r| Said::of(a, r.sentence))
                        .collect(),
                    key,
                    key_text,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Prepared {
            hash: content_hash(a.doc),
            source: source_key(a.doc),
            events,
        })
    }
}

/// What a report's sentence says besides the event: its tone and its issues (space-separated).
pub(crate) struct Said {
    pub tone: Option<f64>,
    pub issues: Option<String>,
}

impl Said {
    fn of(a: &ArticleInput, sentence: usize) -> Said {
        Said {
            tone: a.tone.map(|t| t.sentence(sentence)),
            issues: a.issues.map(|i| i.sentence(sentence).join(" ")),
        }
    }
}

/// What is kept of the coder's record of the coded report of `e`, an event of `key` in the
/// article `article_id`: the columns' part left out (see [`crate::event_record`]).
fn kept_record(
    e: &Event,
    key: &EventKey,
    article_id: &str,
) -> Result<(Option<String>, Option<String>)> {
    let record = serde_json::to_value(e).map_err(|x| crate::StoreError::Invalid(x.to_string()))?;
    let actor = |code: &str, a: &Option<dyad_model::ActorRef>| {
        a.as_ref().map(|a| {
            (
                code.to_string(),
                a.text.clone(),
                a.start as i64,
                a.end as i64,
            )
        })
    };
    let columns = event_record::Columns {
        article_id: article_id.to_string(),
        sentence: e.sentence as i64,
        date: e.date.clone(),
        source: actor(&key.source, &e.source),
        target: actor(&key.target, &e.target),
        code: key.code.clone(),
        negated: key.negated,
        modality: key.modality.clone(),
        evidence: (
            e.evidence.start as i64,
            e.evidence.end as i64,
            e.evidence.text.clone(),
        ),
        verb: (e.verb.start as i64, e.verb.end as i64),
        rule: Some(e.rule.clone()),
        place: e.place.as_ref().map(|p| {
            (
                p.name.clone(),
                p.country.clone(),
                i64::from(p.geonameid),
                p.lat,
                p.lon,
            )
        }),
    };
    Ok(event_record::stored(&record, &columns))
}

/// The hash that says whether an article changed: its text, date, dateline place, title, url
/// and source (everything coding or export reads), 16 hex digits.
pub fn content_hash(doc: &Document) -> String {
    let mut h = Fnv64::new();
    h.field(&doc.text)
        .field(&doc.date.map(|d| d.to_string()).unwrap_or_default())
        .field(doc.dateline_place.as_deref().unwrap_or(""))
        .field(&doc.body_start.to_string())
        .field(doc.title.as_deref().unwrap_or(""))
        .field(doc.url.as_deref().unwrap_or(""))
        .field(doc.source.as_deref().unwrap_or(""));
    h.hex()
}

/// What counts as one source for NumSources: the article's `source`, else its URL's host,
/// else the empty string (one unnamed source).
pub fn source_key(doc: &Document) -> String {
    if let Some(s) = doc.source.as_deref().filter(|s| !s.trim().is_empty()) {
        return s.trim().to_lowercase();
    }
    doc.url.as_deref().map(url_host).unwrap_or_default()
}

/// The host of a URL (`https://www.abc.net.au/news/…` → `www.abc.net.au`), or "" if none.
pub fn url_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.split(':').next().unwrap_or("").to_lowercase()
}
