//! What a browser of the database asks for (the queries behind `dyad serve`): a page of events
//! after a cursor, one event with all its reports and articles, an article with every coded
//! span, actors found by name or code, a time series, the actor network, event places and
//! summary statistics.
//!
//! Everything here only reads, and every value from outside reaches SQL as a bound parameter
//! (through [`Filter`] or directly); the only SQL text built from values is integers the
//! caller bounds (limits) and fixed expressions chosen by an enum.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::counted::{Reading, Sample};
use crate::query::{
    per_period, row, tally_at, EventRow, Needs, Period, Sort, SortKey, Tally, ROLLUP_TALLY_SQL,
    ROW_SQL,
};
use crate::sides::one_actor_sides;
pub use crate::summary::{stats, Count, Stats};
use crate::{Filter, Result};

/// Where a page of events ends: the last event's sort key (its date, Goldstein score or
/// report count, as the page's [`Sort`] orders) and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub key: String,
    pub id: i64,
}

impl Cursor {
    /// The cursor after an event of a page in order `sort`.
    pub fn after(e: &EventRow, sort: Sort) -> Cursor {
        let key = match sort.key {
            SortKey::Date => e.date.clone(),
            // `{:?}` writes the float back exactly
            SortKey::Goldstein => format!("{:?}", e.goldstein),
            SortKey::Reports => e.num_mentions.to_string(),
        };
        Cursor { key, id: e.id }
    }

    /// `KEY~ID` (KEY may be empty, an undated event's date): opaque to clients, readable in
    /// logs.
    pub fn encode(&self) -> String {
        format!("{}~{}", self.key, self.id)
    }

    /// The inverse of [`Cursor::encode`] for a page in order `sort`; None for anything else.
    pub fn decode(s: &str, sort: Sort) -> Option<Cursor> {
        let (key, id) = s.rsplit_once('~')?;
        let id: i64 = id.parse().ok()?;
        let fits = match sort.key {
            SortKey::Date => {
                key.is_empty() || chrono::NaiveDate::parse_from_str(key, "%Y-%m-%d").is_ok()
            }
            SortKey::Goldstein => key.parse::<f64>().is_ok_and(f64::is_finite),
            SortKey::Reports => key.parse::<i64>().is_ok(),
        };
        fits.then(|| Cursor {
            key: key.to_string(),
            id,
        })
    }

    /// The key as the SQL value it is compared with.
    fn value(&self, sort: Sort) -> Value {
        match sort.key {
            SortKey::Date => Value::Text(self.key.clone()),
            SortKey::Goldstein => Value::Real(self.key.parse().unwrap_or(0.0)),
            SortKey::Reports => Value::Integer(self.key.parse().unwrap_or(0)),
        }
    }
}

/// At most `limit` events of `filter` after `after`, in the filter's order (the filter's own
/// limit is ignored).
pub fn events_page(
    conn: &Connection,
    filter: &Filter,
    after: Option<&Cursor>,
    limit: usize,
) -> Result<Vec<EventRow>> {
    let sort = filter.sort;
    // in date order a page of common events reads along the date index (where_for_page), at
    // most a window of them
    let (mut clause, mut params, window) = if sort.key == SortKey::Date {
        filter.where_for_page(conn, limit)?
    } else {
        let (c, p) = filter.where_in(conn)?;
        (c, p, None)
    };
    let mut cursor = String::new();
    if let Some(c) = after {
        cursor = after_cursor(c, sort, &mut params);
        clause.push_str(&cursor);
    }
    let read = |from: &str, clause: &str, params: &[Value]| -> Result<Vec<EventRow>> {
        let sql = format!(
            "{}{clause} ORDER BY {} LIMIT {limit}",
            ROW_SQL.replacen("FROM events e ", &format!("FROM {from} e "), 1),
            sort.order_sql()
        );
        let mut st = conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(params), row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    };
    let Some(window) = window else {
        return read("events", &clause, &params);
    };
    let (walked, cond) = filter.walked(sort.descending, &cursor, window, &mut params);
    let rows = read(&walked, &clause, &params)?;
    if rows.len() >= limit || !crate::counted::window_full(conn, &cond, window, &params)? {
        return Ok(rows);
    }
    // the walk's window held too few: through the filter's indexes
    let (mut clause, mut params) = filter.where_in(conn)?;
    if let Some(c) = after {
        clause.push_str(&after_cursor(c, sort, &mut params));
    }
    read("events", &clause, &params)
}

/// The condition of the events after a page's cursor in `sort`'s order, its values pushed to
/// `params`: the first comparison alone lets an index on the column serve the page, the
/// second breaks ties by id.
pub(crate) fn after_cursor(c: &Cursor, sort: Sort, params: &mut Vec<Value>) -> String {
    params.push(c.value(sort));
    let k = params.len();
    params.push(Value::Integer(c.id));
    let i = params.len();
    let col = sort.column();
    let (ge, gt) = if sort.descending {
        ("<=", "<")
    } else {
        (">=", ">")
    };
    format!(" AND {col} {ge} ?{k} AND ({col} {gt} ?{k} OR e.id {gt} ?{i})")
}

/// A span of an article's text: character offsets and the words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextSpan {
    pub start: i64,
    pub end: i64,
    pub text: String,
}

/// One report of an event: the sentence of an article that says it, with its spans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub event_id: i64,
    pub article_id: String,
    pub sentence: i64,
    /// 0 for the coded report, k for the k-th later sentence of the article repeating it
    /// (a repeat has its evidence only).
    pub repeat: i64,
    pub source: Option<TextSpan>,
    pub target: Option<TextSpan>,
    pub verb: Option<TextSpan>,
    pub evidence: TextSpan,
    pub confidence: i64,
    pub rule: Option<String>,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// An article without its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleMeta {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    /// YYYY-MM-DD, if known.
    pub date: Option<String>,
    pub dateline_place: Option<String>,
    /// YYYYMMDDHHMMSS.
    pub added: String,
    /// In characters.
    pub length: i64,
    /// GDELT's tone of the article (None when not known).
    pub tone: Option<f64>,
    /// Its issues (themes).
    pub issues: Vec<String>,
}

/// One event, every report of it, and the articles those are in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDetail {
    pub event: EventRow,
    pub reports: Vec<Report>,
    pub articles: Vec<ArticleMeta>,
}

const META_SQL: &str =
    "SELECT a.id, a.url, a.title, a.source, a.date, a.dateline_place, a.added, a.length,
            a.tone, a.issues
     FROM articles a";

fn meta(r: &rusqlite::Row) -> rusqlite::Result<ArticleMeta> {
    Ok(ArticleMeta {
        id: r.get(0)?,
        url: r.get(1)?,
        title: r.get(2)?,
        source: r.get(3)?,
        date: r.get(4)?,
        dateline_place: r.get(5)?,
        added: r.get(6)?,
        length: r.get(7)?,
        tone: r.get(8)?,
        issues: crate::query::codes(r.get(9)?),
    })
}

const REPORT_SQL: &str = "SELECT m.event_id, m.article_id, m.sentence, m.repeat,
        m.source_start, m.source_end, m.source_text, m.target_start, m.target_end,
        m.target_text, m.verb_start, m.verb_end, m.evidence_start, m.evidence_end,
        m.evidence_text, m.confidence, m.rule, m.place_name, m.place_country, m.place_lat,
        m.place_lon
    FROM mentions m";

fn span(start: Option<i64>, end: Option<i64>, text: Option<String>) -> Option<TextSpan> {
    Some(TextSpan {
        start: start?,
        end: end?,
        text: text.unwrap_or_default(),
    })
}

/// A report read from the columns of [`REPORT_SQL`], which start at column `at` of the row
/// (0 when the report is all the row has).
fn report_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Report> {
    let c = |i: usize| at + i;
    Ok(Report {
        event_id: r.get(c(0))?,
        article_id: r.get(c(1))?,
        sentence: r.get(c(2))?,
        repeat: r.get(c(3))?,
        source: span(r.get(c(4))?, r.get(c(5))?, r.get(c(6))?),
        target: span(r.get(c(7))?, r.get(c(8))?, r.get(c(9))?),
        // the verb's words are not stored: filled in from the text where it is at hand
        verb: span(r.get(c(10))?, r.get(c(11))?, None),
        evidence: TextSpan {
            start: r.get(c(12))?,
            end: r.get(c(13))?,
            text: r.get(c(14))?,
        },
        confidence: r.get(c(15))?,
        rule: r.get(c(16))?,
        place_name: r.get(c(17))?,
        place_country: r.get(c(18))?,
        lat: r.get(c(19))?,
        lon: r.get(c(20))?,
    })
}

/// The characters `start..end` of `text` (character offsets).
fn chars(text: &str, start: i64, end: i64) -> String {
    let (s, e) = (start.max(0) as usize, end.max(0) as usize);
    text.chars().skip(s).take(e.saturating_sub(s)).collect()
}

/// One event by its id (negated events included), with every report and article.
pub fn event(conn: &Connection, id: i64) -> Result<Option<EventDetail>> {
    let sql = format!("{ROW_SQL} WHERE e.id = ?1");
    let Some(event) = conn.query_row(&sql, [id], row).optional()? else {
        return Ok(None);
    };
    let mut st = conn.prepare_cached(&format!(
        "{REPORT_SQL} JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?1
         ORDER BY a.added, m.article_id, m.repeat > 0, m.sentence, m.id"
    ))?;
    let mut reports = st
        .query_map([id], |r| report_at(r, 0))?
        .collect::<Result<Vec<_>, _>>()?;
    let mut st = conn.prepare_cached(&format!(
        "{META_SQL} WHERE a.id IN (SELECT article_id FROM mentions WHERE event_id = ?1)
         ORDER BY a.added, a.id"
    ))?;
    let articles = st.query_map([id], meta)?.collect::<Result<Vec<_>, _>>()?;
    let mut text_of = conn.prepare_cached("SELECT text FROM articles WHERE id = ?1")?;
    for r in &mut reports {
        if let Some(v) = &mut r.verb {
            let text: String = text_of.query_row([&r.article_id], |x| x.get(0))?;
            v.text = chars(&text, v.start, v.end);
        }
    }
    Ok(Some(EventDetail {
        event,
        reports,
        articles,
    }))
}

/// A coded report in an article, with what was coded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodedSpan {
    #[serde(flatten)]
    pub report: Report,
    pub source_code: String,
    pub target_code: String,
    pub code: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub negated: bool,
    pub modality: String,
    pub date: String,
}

/// A quotation in an article and who says it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteSpan {
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub speaker_code: Option<String>,
    pub speaker: Option<TextSpan>,
    pub speaker_name: Option<String>,
}

/// An article with its text, every coded span in it and its quotations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleView {
    #[serde(flatten)]
    pub meta: ArticleMeta,
    pub text: String,
    /// By position in the text.
    pub events: Vec<CodedSpan>,
    pub quotes: Vec<QuoteSpan>,
}

/// One article by its id.
pub fn article(conn: &Connection, id: &str) -> Result<Option<ArticleView>> {
    let sql = "SELECT a.id, a.url, a.title, a.source, a.date, a.dateline_place, a.added,
                      a.length, a.tone, a.issues, a.text FROM articles a WHERE a.id = ?1";
    let Some((meta, text)) = conn
        .query_row(sql, [id], |r| Ok((meta(r)?, r.get::<_, String>(10)?)))
        .optional()?
    else {
        return Ok(None);
    };
    let mut st = conn.prepare_cached(&format!(
        "SELECT e.source_code, e.target_code, e.code, e.quad_class, e.goldstein, e.negated,
                e.modality, e.date, r.*
         FROM ({REPORT_SQL} WHERE m.article_id = ?1) r JOIN events e ON e.id = r.event_id
         ORDER BY r.evidence_start, r.sentence, r.event_id"
    ))?;
    let mut events = st
        .query_map([id], |r| {
            // the report's columns follow the event's eight
            let rep = report_at(r, 8)?;
            Ok(CodedSpan {
                report: rep,
                source_code: r.get(0)?,
                target_code: r.get(1)?,
                code: r.get(2)?,
                quad_class: r.get(3)?,
                goldstein: r.get(4)?,
                negated: r.get(5)?,
                modality: r.get(6)?,
                date: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for e in &mut events {
        if let Some(v) = &mut e.report.verb {
            v.text = chars(&text, v.start, v.end);
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT start, end, text, speaker_code, speaker_start, speaker_end, speaker_text,
                speaker_name
         FROM quotes WHERE article_id = ?1 ORDER BY start, id",
    )?;
    let quotes = st
        .query_map([id], |r| {
            Ok(QuoteSpan {
                start: r.get(0)?,
                end: r.get(1)?,
                text: r.get(2)?,
                speaker_code: r.get(3)?,
                speaker: span(r.get(4)?, r.get(5)?, r.get(6)?),
                speaker_name: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(ArticleView {
        meta,
        text,
        events,
        quotes,
    }))
}

/// An actor code found by a search, with how often it is coded and the words that name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorHit {
    pub code: String,
    /// Reports that name it as source or target.
    pub reports: i64,
    /// Distinct events it takes part in.
    pub events: i64,
    /// The words most often coded with it, most frequent first (at most five), cleaned
    /// ([`crate::names::clean_name`]: no leading determiner, no pronouns or "both sides").
    pub names: Vec<String>,
    /// What the code's units name in the CAMEO lists ("France · Government").
    pub label: String,
}

/// (reports, words) for each way an actor is named.
type Names = Vec<(i64, String)>;

/// Actors whose code starts with `q` or whose coded words contain it (case ignored for ASCII
/// letters), most reported first; at most `limit`.
pub fn actors(conn: &Connection, q: &str, limit: usize) -> Result<Vec<ActorHit>> {
    let code_prefix = format!("{}%", like_escape(&q.to_ascii_uppercase()));
    let words = format!("%{}%", like_escape(q));
    let rollups = crate::rollup::ready(conn);
    // with the rollups, the (code, words) pairs and their reports are kept in `actor_names`;
    // without, they are counted from every coded report
    let mut st = conn.prepare_cached(if rollups {
        "SELECT code, name, reports FROM actor_names
         WHERE code LIKE ?1 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\'"
    } else {
        "WITH hits AS (
             SELECT e.source_code AS code, m.source_text AS name, e.id AS event
             FROM mentions m JOIN events e ON e.id = m.event_id
             WHERE m.repeat = 0 AND (e.source_code LIKE ?1 ESCAPE '\\'
                                     OR m.source_text LIKE ?2 ESCAPE '\\')
             UNION ALL
             SELECT e.target_code, m.target_text, e.id
             FROM mentions m JOIN events e ON e.id = m.event_id
             WHERE m.repeat = 0 AND (e.target_code LIKE ?1 ESCAPE '\\'
                                     OR m.target_text LIKE ?2 ESCAPE '\\'))
         SELECT code, name, COUNT(*) FROM hits GROUP BY code, name"
    })?;
    // per code: its reports, and (reports, words) for each way it is named
    let mut by_code: BTreeMap<String, (i64, Names)> = BTreeMap::new();
    let rows = st.query_map(params![code_prefix, words], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for x in rows {
        let (code, name, n) = x?;
        let entry = by_code.entry(code).or_default();
        entry.0 += n;
        if let Some(name) = name.as_deref().and_then(crate::names::clean_name) {
            entry.1.push((n, name));
        }
    }
    let mut hits: Vec<(String, i64, Names)> =
        by_code.into_iter().map(|(c, (n, v))| (c, n, v)).collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.truncate(limit);
    let mut count = conn.prepare_cached(if rollups {
        "SELECT COALESCE(SUM(events), 0) FROM rollup_actor WHERE code = ?1"
    } else {
        "SELECT COUNT(*) FROM events WHERE source_code = ?1 OR target_code = ?1"
    })?;
    let mut out = Vec::with_capacity(hits.len());
    for (code, reports, mut names) in hits {
        names.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut seen = Vec::new();
        for (_, n) in names {
            if seen.len() == 5 {
                break;
            }
            if !seen.iter().any(|s: &String| s.eq_ignore_ascii_case(&n)) {
                seen.push(n);
            }
        }
        let events = count.query_row([&code], |r| r.get(0))?;
        out.push(ActorHit {
            label: crate::actor::label(&code),
            code,
            reports,
            events,
            names: seen,
        });
    }
    Ok(out)
}

/// `%` and `_` taken literally by LIKE … ESCAPE '\'.
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The selected events of one period, all dyads together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// The day (YYYY-MM-DD), the week's Monday, or the month (YYYY-MM).
    pub period: String,
    #[serde(flatten)]
    pub tally: Tally,
}

/// The selected events (those with a date) counted per period, oldest first.
pub fn series(conn: &Connection, filter: &Filter, by: Period) -> Result<Vec<SeriesPoint>> {
    Ok(series_sampled(conn, filter, by)?.0)
}

/// [`series`], and the sample it was counted from when the filter accepts one
/// ([`Filter::bounded`]) and counting every event would take long.
pub fn series_sampled(
    conn: &Connection,
    filter: &Filter,
    by: Period,
) -> Result<(Vec<SeriesPoint>, Option<Sample>)> {
    per_period(conn, filter, by, false, |r, tally| {
        Ok(SeriesPoint {
            period: r.get(0)?,
            tally,
        })
    })
}

/// The first and last date of the selected events that have one.
pub fn date_range(
    conn: &Connection,
    filter: &Filter,
) -> Result<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> {
    let filter = &*filter.for_counts(conn)?;
    let c = crate::counted::Counted::of(conn, filter)?.or_sample(conn, filter)?;
    let sql = format!(
        "SELECT MIN(e.date), MAX(e.date) FROM {} e{} AND e.date <> ''",
        c.table, c.clause
    );
    let mut st = conn.prepare_cached(&sql)?;
    let (a, b): (Option<String>, Option<String>) = st
        .query_row(rusqlite::params_from_iter(c.params), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let day =
        |s: Option<String>| s.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    Ok((day(a), day(b)))
}

/// How actors are drawn in the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Each full actor code (`FRAGOV`).
    Actor,
    /// The first three letters: the country or international body (`FRA`).
    Country,
}

/// One actor of the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: String,
    /// Events on the edges drawn that it takes part in.
    pub events: i64,
}

/// The events of one directed dyad.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    #[serde(flatten)]
    pub tally: Tally,
}

/// The actor network of the selected events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Network {
    pub nodes: Vec<Node>,
    /// The heaviest edges (most events first).
    pub edges: Vec<Edge>,
    /// Edges left out beyond the limit.
    pub edges_omitted: i64,
    /// The sample the network was counted from, when it was (the counts are scaled to the
    /// whole; see [`Sample`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample: Option<Sample>,
}

/// The `max_edges` directed dyads with most selected events, and their actors (an actor's
/// events with itself are left out, and so are acts with no one on one side: a missile
/// test's, coded with no target, is no edge).
pub fn network(
    conn: &Connection,
    filter: &Filter,
    level: Level,
    max_edges: usize,
) -> Result<Network> {
    let filter = &*filter.for_counts(conn)?;
    let (s, t) = match level {
        Level::Actor => ("e.source_code", "e.target_code"),
        Level::Country => ("substr(e.source_code, 1, 3)", "substr(e.target_code, 1, 3)"),
    };
    // counted from the smallest rollup that keeps what the filter reads (else the events)
    let (table, tally, n) = filter.counted_from(conn, Needs::Dyads);
    let (table, tally, n, reading) = Reading::for_table(conn, filter, table, tally, n)?;
    // one actor's rows of a rollup per dyad as two disjoint ranges (see crate::sides): an
    // edge of the first has the actor's side as its source, one of the second as its target
    // and not as its source, so that no edge is in both and they are sorted together here
    let sides = one_actor_sides(conn, filter, table, reading.share.is_some())?;
    let parts = match &sides {
        Some(sides) => sides.to_vec(),
        None => vec![(reading.clause.clone(), reading.params.clone())],
    };
    let mut matched = 0;
    let mut edges = Vec::new();
    for (clause, params) in &parts {
        let sql = format!(
            "SELECT {s} AS s, {t} AS t, {tally}
             FROM {table} e{clause} AND {s} <> {t} AND {s} <> '' AND {t} <> ''
             GROUP BY s, t ORDER BY {n} DESC, s, t"
        );
        let mut st = conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(params), |r| {
            let tally = tally_at(r, 2)?;
            matched += tally.events;
            Ok(Edge {
                source: r.get(0)?,
                target: r.get(1)?,
                tally: tally.scaled(&reading),
            })
        })?;
        for edge in rows {
            edges.push(edge?);
        }
    }
    if parts.len() > 1 {
        // as the SQL orders them: most events first, then source and target
        edges.sort_by(|a, b| {
            b.tally
                .events
                .cmp(&a.tally.events)
                .then_with(|| a.source.cmp(&b.source))
                .then_with(|| a.target.cmp(&b.target))
        });
    }
    let omitted = edges.len().saturating_sub(max_edges) as i64;
    edges.truncate(max_edges);
    let mut nodes: BTreeMap<&str, i64> = BTreeMap::new();
    for e in &edges {
        *nodes.entry(&e.source).or_default() += e.tally.events;
        *nodes.entry(&e.target).or_default() += e.tally.events;
    }
    let mut nodes: Vec<Node> = nodes
        .into_iter()
        .map(|(id, events)| Node {
            id: id.to_string(),
            events,
        })
        .collect();
    nodes.sort_by(|a, b| b.events.cmp(&a.events).then(a.id.cmp(&b.id)));
    Ok(Network {
        nodes,
        edges,
        edges_omitted: omitted,
        sample: reading.sample(matched),
    })
}

/// Where selected events happened: one point per place (of each event's first report).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub name: Option<String>,
    pub country: Option<String>,
    pub geonameid: Option<i64>,
    pub lat: f64,
    pub lon: f64,
    pub events: i64,
    pub quad: [i64; 4],
    pub goldstein_mean: f64,
}

/// The places of the selected events, most events first; at most `limit`.
pub fn places(conn: &Connection, filter: &Filter, limit: usize) -> Result<Vec<Place>> {
    Ok(places_sampled(conn, filter, limit)?.0)
}

/// [`places`], and the sample they were counted from when the filter accepts one
/// ([`Filter::bounded`]) and counting every event would take long.
pub fn places_sampled(
    conn: &Connection,
    filter: &Filter,
    limit: usize,
) -> Result<(Vec<Place>, Option<Sample>)> {
    // a code of two digits is its root (which the rollup per root and place keeps)
    let filter = &*filter.for_counts(conn)?;
    // from the rollups per place where the filter allows (see Counted::places), else the events;
    // the rollup per dyad, day and place holds nearly a row per event of a common actor, whose
    // map is then counted from a sample when the filter accepts one
    let mut counted = crate::counted::Counted::places(conn, filter)?;
    if counted
        .as_ref()
        .is_some_and(|c| c.table == "rollup_place_day")
    {
        if let Some(r) = crate::counted::dyads_reading(conn, filter)? {
            // the rows of the filter's dyads alone
            counted = counted.map(|c| crate::counted::Counted {
                clause: r.clause,
                params: r.params,
                ..c
            });
        } else {
            let per_event = crate::counted::rollup_rows_per_event("rollup_place_day");
            let r = crate::counted::reading(conn, filter, per_event)?;
            if r.share.is_some() {
                counted = None;
            }
        }
    }
    let rollup = counted.is_some();
    let c = match counted {
        Some(c) => c,
        None => crate::counted::Counted::events(conn, filter)?.or_sample(conn, filter)?,
    };
    let reading = Reading {
        clause: c.clause,
        params: c.params,
        share: c.share,
    };
    let (table, clause) = (c.table, &reading.clause);
    // a sample along the ids says how the events are read (NOT INDEXED, or INDEXED BY the
    // sample's index), and they come first here
    let (hint, clause) = [crate::counted::NOT_INDEXED, crate::counted::SAMPLE_INDEX]
        .iter()
        .find_map(|h| clause.strip_prefix(h).map(|rest| (*h, rest)))
        .unwrap_or(("", clause.as_str()));
    if rollup {
        if let Some(sides) = one_actor_sides(conn, filter, table, reading.share.is_some())? {
            return Ok((places_of_sides(conn, table, sides, limit)?, None));
        }
    }
    let sql = if rollup {
        // the rollup keeps a missing name, country or id as '' or -1
        format!(
            "SELECT NULLIF(e.place_name, ''), NULLIF(e.place_country, ''),
                    NULLIF(e.place_geonameid, -1), e.place_lat, e.place_lon, {ROLLUP_TALLY_SQL}
             FROM {table} e{clause}
             GROUP BY e.place_lat, e.place_lon, e.place_name
             ORDER BY SUM(e.events) DESC, e.place_name LIMIT {limit}"
        )
    } else {
        format!(
            "SELECT m.place_name, m.place_country, m.place_geonameid, m.place_lat, m.place_lon,
                COUNT(*), SUM(e.quad_class = 1), SUM(e.quad_class = 2), SUM(e.quad_class = 3),
                SUM(e.quad_class = 4), AVG(e.goldstein)
         FROM events e{hint} JOIN mentions m ON m.id = e.first_mention{clause}
               AND m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL
         GROUP BY m.place_lat, m.place_lon, m.place_name
         ORDER BY COUNT(*) DESC, m.place_name LIMIT {limit}"
        )
    };
    let mut st = conn.prepare_cached(&sql)?;
    let mut matched = 0;
    let rows = st.query_map(rusqlite::params_from_iter(&reading.params), |r| {
        let events: i64 = r.get(5)?;
        matched += events;
        let quad: [i64; 4] = [r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?];
        Ok(Place {
            name: r.get(0)?,
            country: r.get(1)?,
            geonameid: r.get(2)?,
            lat: r.get(3)?,
            lon: r.get(4)?,
            events: reading.scale(events),
            quad: quad.map(|q| reading.scale(q)),
            // the rollup's tally has the Goldstein sum before the mean
            goldstein_mean: r.get(if rollup { 11 } else { 10 })?,
        })
    })?;
    let places = rows.collect::<Result<Vec<_>, _>>()?;
    // matched counts the places returned only (the map's top `limit`)
    Ok((places, reading.sample(matched)))
}

/// The map of one actor over the rollup per dyad, day and place, its rows read as two disjoint
/// ranges (the actor as source, then as target and not as source: see [`crate::sides`]), each
/// summed per place by SQLite and the two summed together here, as one `GROUP BY` of both
/// would have: most events first, then by name (then by place, where SQLite left the order of
/// a tie to its sort). Exact: a rollup read whole, never a sample.
fn places_of_sides(
    conn: &Connection,
    table: &str,
    sides: [crate::sides::Clause; 2],
    limit: usize,
) -> Result<Vec<Place>> {
    type At = (u64, u64, Option<String>);
    let mut summed: std::collections::HashMap<At, (Place, f64)> = Default::default();
    for (clause, params) in sides {
        let sql = format!(
            "SELECT NULLIF(e.place_name, ''), NULLIF(e.place_country, ''),
                    NULLIF(e.place_geonameid, -1), e.place_lat, e.place_lon, {ROLLUP_TALLY_SQL}
             FROM {table} e{clause}
             GROUP BY e.place_lat, e.place_lon, e.place_name"
        );
        let mut st = conn.prepare_cached(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(&params))?;
        while let Some(r) = rows.next()? {
            let place = Place {
                name: r.get(0)?,
                country: r.get(1)?,
                geonameid: r.get(2)?,
                lat: r.get(3)?,
                lon: r.get(4)?,
                events: r.get(5)?,
                quad: [r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?],
                goldstein_mean: 0.0,
            };
            let goldstein: f64 = r.get(10)?;
            let at = (place.lat.to_bits(), place.lon.to_bits(), place.name.clone());
            match summed.get_mut(&at) {
                Some((p, g)) => {
                    p.events += place.events;
                    for (q, n) in p.quad.iter_mut().zip(place.quad) {
                        *q += n;
                    }
                    *g += goldstein;
                }
                None => {
                    summed.insert(at, (place, goldstein));
                }
            }
        }
    }
    let mut places: Vec<Place> = summed
        .into_values()
        .map(|(mut p, goldstein)| {
            p.goldstein_mean = goldstein / p.events as f64;
            p
        })
        .collect();
    places.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.lat.total_cmp(&b.lat))
            .then_with(|| a.lon.total_cmp(&b.lon))
    });
    places.truncate(limit);
    Ok(places)
}
