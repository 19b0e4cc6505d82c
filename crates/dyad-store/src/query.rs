//! Finding events: the [`Filter`] as SQL (actor codes, dyad, CAMEO code, quad class, dates,
//! place country, evidence words) and per-dyad aggregations by day, week or month. A filter's
//! values are parsed and checked in [`crate::filter`].

use std::fmt::Write as _;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::counted::{bound, codes_counted, rollups_mark, window_full, Counted, Reading, Sample};
pub(crate) use crate::counted::{Access, TALLY_SQL};
use crate::filter::{actor_code, country, event_code, issue, quad_class, root, FieldError};
pub use crate::filter::{Filter, Period, Sort, SortKey};
use crate::Result;

/// `%` and `_` taken literally by LIKE … ESCAPE '\'.
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub(crate) use crate::filter::prefix_range;

/// How many events a page in date order may always walk along the date index to fill itself
/// (see [`Filter::where_for_page`]): some tens of milliseconds.
const PAGE_WALK: f64 = 20_000.0;

/// The most events a page walks along the date index (estimated to end sooner) before it is
/// read through the filter's indexes instead: a few hundred milliseconds. Estimates take
/// fields as independent, which they are not always (`text=did not` is said of negated
/// events, which the filter leaves out: the walk found none and read all seven million).
const WALK_MAX: f64 = 200_000.0;

/// Reports read to estimate how common a word is ([`WORD_STRETCHES`] stretches of consecutive
/// ids, spread over the reports' ids).
const WORD_SAMPLE: i64 = 4_000;

/// How many stretches the sample of [`WORD_SAMPLE`] reports is read in. Consecutive reports
/// are one news day's, so a word of some days ("Wednesday", a day's news) is in all of a
/// stretch or none: four stretches of a thousand put a weekday in a seventh of a million
/// reports at a few thousand, and a series counted every report of it (4–5 s). Forty of a
/// hundred see the days of forty places in the store.
const WORD_STRETCHES: i64 = 40;

/// About how many reports hold `word` in their evidence. A common word is counted in a sample
/// of the reports ([`WORD_SAMPLE`], in [`WORD_STRETCHES`] stretches of consecutive ids)
/// and scaled; a word met fewer than four times there is counted through the evidence index,
/// up to twice what the sample could have missed (the reports holding each of its trigrams:
/// a word is in at most as many). None for a word the index does not serve (shorter than
/// three characters, or with LIKE's `%` or `_`). The trigram counts this read before (the
/// whole list of reports of each trigram: a second for a trigram in every report at ten
/// million events, more from a cold file) are not read. Kept in a temporary table for the
/// state of the store: a page and its total ask for it several times.
#[doc(hidden)]
pub fn word_reports(conn: &Connection, word: &str) -> Result<Option<i64>> {
    let chars: Vec<char> = word.to_lowercase().chars().collect();
    if chars.len() < 3 || chars.iter().any(|c| matches!(c, '%' | '_')) {
        return Ok(None);
    }
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS words_counted (
             mark TEXT NOT NULL, word TEXT NOT NULL, reports INTEGER NOT NULL,
             PRIMARY KEY (mark, word));",
    )?;
    let mark = rollups_mark(conn)?.unwrap_or_default();
    let word: String = chars.iter().collect();
    if let Some(n) = conn
        .prepare_cached("SELECT reports FROM temp.words_counted WHERE mark = ?1 AND word = ?2")?
        .query_row([&mark, &word], |r| r.get(0))
        .optional()?
    {
        return Ok(Some(n));
    }
    let last: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(id), 0) FROM mentions")?
        .query_row([], |r| r.get(0))?;
    let like = format!("%{}%", like_escape(&word));
    let stretch = WORD_SAMPLE / WORD_STRETCHES;
    let mut seen = 0i64;
    let mut read = 0i64;
    let mut st = conn.prepare_cached(
        "SELECT COUNT(*), COALESCE(SUM(evidence_text LIKE ?3 ESCAPE '\\'), 0) FROM mentions
         WHERE id >= ?1 AND id < ?2",
    )?;
    for k in 0..WORD_STRETCHES {
        let start = (last * (2 * k + 1) / (2 * WORD_STRETCHES) - stretch / 2).max(1);
        let (n, hits): (i64, i64) = st
            .query_row(rusqlite::params![start, start + stretch, like], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        read += n;
        seen += hits;
    }
    let n = if seen >= 4 && read > 0 {
        ((seen as f64 / read as f64) * last as f64).round() as i64
    } else {
        // rare: counted through the index, up to twice what the sample could miss
        let cap = (8.0 * last as f64 / WORD_SAMPLE as f64).ceil().max(1.0) as i64;
        conn.prepare_cached(&format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM evidence_fts WHERE evidence_text LIKE ?1
                                  LIMIT {cap})"
        ))?
        .query_row([format!("%{word}%")], |r| r.get(0))?
    };
    conn.prepare_cached(
        "INSERT OR REPLACE INTO temp.words_counted (mark, word, reports) VALUES (?1, ?2, ?3)",
    )?
    .execute(rusqlite::params![mark, word, n])?;
    Ok(Some(n))
}

/// Whether every CAMEO code in the store begins with its root (as CAMEO's codes do: `0431`
/// under `04`), read from the codes the rollups count: then a code prefix of two digits is a
/// root, which every rollup keeps.
fn codes_begin_with_root(conn: &Connection) -> Result<bool> {
    codes_counted(conn)?;
    Ok(conn
        .prepare_cached(
            "SELECT NOT EXISTS (SELECT 1 FROM temp.codes_counted
                                WHERE substr(code, 1, 2) <> root)",
        )?
        .query_row([], |r| r.get(0))?)
}

impl Filter {
    /// The filter as counts read it: an event code of two digits (`code=04`, GDELT's
    /// EventRootCode) read as the root it is when the store's codes all begin with their
    /// root, so that a series, network, map total or `--by` count of it reads the rollups
    /// (which keep roots, not codes) instead of every event of the code. Any other filter as
    /// it is.
    pub(crate) fn for_counts(&self, conn: &Connection) -> Result<std::borrow::Cow<'_, Filter>> {
        use std::borrow::Cow;
        let Some(code) = &self.code else {
            return Ok(Cow::Borrowed(self));
        };
        let code = event_code("code", code)?;
        let same_root = self.root.as_deref().is_none_or(|r| r == code);
        if code.len() != 2
            || !same_root
            || !crate::rollup::ready(conn)
            || !codes_begin_with_root(conn)?
        {
            return Ok(Cow::Borrowed(self));
        }
        Ok(Cow::Owned(Filter {
            code: None,
            root: Some(code),
            ..self.clone()
        }))
    }

    /// Whether the filter reads only what `rollup_day` keeps per day (CAMEO code, root, quad
    /// class, dates, polarity), so that a count of it may read the rollup (see
    /// [`crate::rollup`]); its [`Filter::where_in`] then applies to the rollup's rows.
    pub(crate) fn by_day_and_code(&self) -> bool {
        self.actor.is_empty()
            && self.source.is_none()
            && self.target.is_none()
            && self.country.is_none()
            && self.beyond_rollups_none()
    }

    /// Whether the filter reads only actors, roots, quad classes, dates and polarity, which
    /// `rollup_dyad_day` keeps per dyad and day.
    pub(crate) fn by_dyad_day(&self) -> bool {
        self.code.is_none() && self.country.is_none() && self.beyond_rollups_none()
    }

    /// Where counts of the events this filter selects are read, as (table, the
    /// [`TALLY_SQL`] columns over it, the count of a group): the smallest rollup that keeps
    /// every field the filter reads and what the count groups by, else the events.
    pub(crate) fn counted_from(
        &self,
        conn: &Connection,
        needs: Needs,
    ) -> (&'static str, &'static str, &'static str) {
        let from = |table| (table, ROLLUP_TALLY_SQL, "SUM(e.events)");
        if !crate::rollup::ready(conn) {
            return ("events", TALLY_SQL, "COUNT(*)");
        }
        if needs == Needs::Dates && self.by_day_and_code() {
            from("rollup_day")
        } else if needs == Needs::Dyads && self.by_dyad() {
            ("rollup_dyad", DYAD_TALLY_SQL, "SUM(e.events)")
        } else if self.by_dyad_day() {
            from("rollup_dyad_day")
        } else if self.country.is_some() && self.by_place_day() {
            // events without a place are not in these, but a country filter leaves them out;
            // without actors, per place and day through its index of countries
            let actors = !self.actor.is_empty() || self.source.is_some() || self.target.is_some();
            if needs == Needs::Dates && !actors {
                from("rollup_place")
            } else {
                from("rollup_place_day")
            }
        } else {
            ("events", TALLY_SQL, "COUNT(*)")
        }
    }

    /// Whether the filter reads only actors, quad classes, dates, the place's country and
    /// polarity, which `rollup_place_day` keeps per place.
    pub(crate) fn by_place_day(&self) -> bool {
        self.code.is_none() && self.root.is_none() && self.beyond_rollups_none()
    }

    /// Whether the filter reads only actors and polarity, which `rollup_dyad` keeps per dyad:
    /// what `rollup_dyad_day` keeps less the roots, quad classes and dates.
    pub(crate) fn by_dyad(&self) -> bool {
        let dateless = self.from.is_none() && self.to.is_none();
        self.by_dyad_day() && self.root.is_none() && self.quad_class.is_none() && dateless
    }

    /// None of the fields no rollup keeps: words, issues, DATEADDED, tone.
    fn beyond_rollups_none(&self) -> bool {
        self.words.is_empty()
            && self.issue.is_none()
            && self.since.is_none()
            && self.tone_below.is_none()
            && self.tone_above.is_none()
    }

    /// The WHERE clause over `events e` in the database `conn` and its parameters: evidence
    /// words are looked up in the evidence index where the database has it (see
    /// [`crate::rollup`]).
    ///
    /// Words are looked up in the index when they are the filter's rarest indexed part: with an
    /// actor or event code of fewer events than the words' reports, the events of the actor or
    /// code are read through their index and each one's reports checked for the words
    /// (`actor=ISR&text=military` reads Israel's events, not every report of "military").
    pub(crate) fn where_in(&self, conn: &Connection) -> Result<(String, Vec<Value>)> {
        // an estimate that cannot be made (a temporary table refused) leaves the index choice
        // as it was: words through the evidence index
        let fts = !self.words.is_empty()
            && crate::rollup::ready(conn)
            && self
                .share(conn)
                .unwrap_or(None)
                .is_none_or(|(_, others, words)| words <= others);
        self.clause_with(fts, self.index_access(conn)?)
    }

    /// Which of the filter's indexes its events are read through: with actors and an event
    /// code, the one of fewer events (from the rollups) alone; else all of them.
    pub(crate) fn index_access(&self, conn: &Connection) -> Result<Access> {
        let actors: Vec<(&str, &String)> = self
            .actor
            .iter()
            .map(|a| ("actor", a))
            .chain(self.source.iter().map(|a| ("source", a)))
            .chain(self.target.iter().map(|a| ("target", a)))
            .collect();
        let Some(code) = &self.code else {
            return Ok(Access::Index);
        };
        if actors.is_empty() || !crate::rollup::ready(conn) {
            return Ok(Access::Index);
        }
        let mut fewest = i64::MAX;
        for (field, a) in actors {
            fewest = fewest.min(self.events_of_actor(conn, &actor_code(field, a)?)?);
        }
        codes_counted(conn)?;
        let of_code = self.events_of_code(conn, code)?;
        Ok(if fewest <= of_code {
            Access::ActorIndex
        } else {
            Access::CodeIndex
        })
    }

    /// [`Filter::where_in`] for a page of `limit` events in date order (`ORDER BY e.date, e.id
    /// LIMIT n`). Walking the events in date order meets `limit` of those the filter keeps
    /// after about `limit / share` events; the filter's indexes (actor codes, event codes,
    /// evidence words) find all the events of their rarest value first, then sort them. As the
    /// rollups and the evidence index estimate both ([`Filter::share`]), the cheaper is taken:
    /// for a walk the filter's columns are left out of the index choice and its words are
    /// checked on each event's reports, so that the page is read along the date index and ends
    /// early. The index alone took seconds for an actor of a third of a million events
    /// (`actor=USA`, now under a millisecond) or a word in most reports (`text=said`), where
    /// a rare actor or word is found at once through its index.
    pub(crate) fn where_for_page(
        &self,
        conn: &Connection,
        limit: usize,
    ) -> Result<(String, Vec<Value>, Option<usize>)> {
        let ready = crate::rollup::ready(conn);
        let estimate = if ready && self.since.is_none() {
            self.share(conn).unwrap_or(None)
        } else {
            None
        };
        let walk = estimate.and_then(|(share, others, words)| {
            let (walk, most) = (bound(PAGE_WALK), bound(WALK_MAX));
            (limit as f64 <= share * others.min(words).max(walk)).then(|| {
                // the walk is expected to read limit / share events: it may read a few times
                // that, never more than WALK_MAX, before the page is found another way
                let expected = limit as f64 / share.max(1e-9);
                (4.0 * expected).clamp(walk, most).max(1.0) as usize
            })
        });
        let fts = walk.is_none()
            && !self.words.is_empty()
            && ready
            && estimate.is_none_or(|(_, others, words)| words <= others);
        let access = if walk.is_some() {
            Access::DateWalk
        } else {
            self.index_access(conn)?
        };
        // through the filter's own indexes: an actor's, a code's or the words', not the dates'
        let own = !self.actor.is_empty()
            || self.source.is_some()
            || self.target.is_some()
            || self.code.is_some()
            || fts;
        let dates_indexed = walk.is_some() || !own || estimate.is_none();
        let (clause, params) = self.clause_dated(fts, access, dates_indexed)?;
        Ok((clause, params, walk))
    }

    /// `events` as a page walks them along the date index: the first `window` events in the
    /// page's order (`descending` or not) from where it starts (the filter's dates, and
    /// `after`, the cursor's condition over `e`, if any), with the parameters they need
    /// pushed on `params`; and the condition alone, for [`window_full`].
    pub(crate) fn walked(
        &self,
        descending: bool,
        after: &str,
        window: usize,
        params: &mut Vec<Value>,
    ) -> (String, String) {
        let mut cond = String::from("1=1");
        for (date, op) in [(self.from, ">="), (self.to, "<=")] {
            if let Some(d) = date {
                params.push(Value::Text(d.to_string()));
                let _ = write!(cond, " AND e.date <> '' AND e.date {op} ?{}", params.len());
            }
        }
        cond.push_str(after);
        let dir = if descending { " DESC" } else { "" };
        (
            format!(
                "(SELECT * FROM events e WHERE {cond}
                  ORDER BY e.date{dir}, e.id{dir} LIMIT {window})"
            ),
            cond,
        )
    }

    /// The rollups' condition on polarity: none when negated events count too.
    fn negated_condition(&self) -> &'static str {
        if self.with_negated {
            ""
        } else {
            " AND negated = 0"
        }
    }

    /// How many events, of the filter's polarity, an actor code (or its prefix) is in, by the
    /// actor rollup.
    pub(crate) fn events_of_actor(&self, conn: &Connection, actor: &str) -> Result<i64> {
        let (lo, hi) = prefix_range(actor);
        Ok(conn
            .prepare_cached(&format!(
                "SELECT COALESCE(SUM(events), 0) FROM rollup_actor
                 WHERE code >= ?1 AND code < ?2{}",
                self.negated_condition()
            ))?
            .query_row([lo, hi], |r| r.get(0))?)
    }

    /// How many events, of the filter's polarity, have an event code beginning with `code`, by
    /// the codes counted once per connection ([`codes_counted`], to be called first).
    fn events_of_code(&self, conn: &Connection, code: &str) -> Result<i64> {
        let (lo, hi) = prefix_range(&event_code("code", code)?);
        Ok(conn
            .prepare_cached(&format!(
                "SELECT COALESCE(SUM(events), 0) FROM temp.codes_counted
                 WHERE code >= ?1 AND code < ?2{}",
                self.negated_condition()
            ))?
            .query_row([lo, hi], |r| r.get(0))?)
    }

    /// The share of events (0 to 1) the filter keeps but for its dates, estimated from the
    /// rollups (actors, codes, roots, quad classes, countries, issues: each exact alone,
    /// multiplied as if independent) and the evidence index (a word is in at most as many
    /// reports as its rarest trigram; tone counts as a half), how many events the rarest of its
    /// indexed values but words has (actors, event code; all the events when it has none), and
    /// how many reports its rarest word has (infinite without a word the index serves). None
    /// when the store holds no events.
    pub(crate) fn share(&self, conn: &Connection) -> Result<Option<(f64, f64, f64)>> {
        let negated = self.negated_condition();
        codes_counted(conn)?;
        let total: i64 = conn
            .prepare_cached(&format!(
                "SELECT COALESCE(SUM(events), 0) FROM temp.codes_counted WHERE 1=1{negated}"
            ))?
            .query_row([], |r| r.get(0))?;
        if total <= 0 {
            return Ok(None);
        }
        let total = total as f64;
        let mut share = 1.0;
        let mut indexed = total;
        let mut words = f64::INFINITY;
        for code in self
            .actor
            .iter()
            .chain(self.source.iter())
            .chain(self.target.iter())
        {
            let n = self.events_of_actor(conn, &actor_code("actor", code)?)?;
            share *= (n as f64 / total).min(1.0);
            indexed = indexed.min(n as f64);
        }
        if self.code.is_some() || self.root.is_some() || self.quad_class.is_some() {
            let day = Filter {
                code: self.code.clone(),
                root: self.root.clone(),
                quad_class: self.quad_class,
                with_negated: self.with_negated,
                ..Filter::default()
            };
            let (clause, params) = day.clause(false)?;
            let n: i64 = conn
                .prepare_cached(&format!(
                    "SELECT COALESCE(SUM(e.events), 0) FROM temp.codes_counted e{clause}"
                ))?
                .query_row(rusqlite::params_from_iter(params), |r| r.get(0))?;
            share *= n as f64 / total;
            if let Some(code) = &self.code {
                indexed = indexed.min(self.events_of_code(conn, code)? as f64);
            }
        }
        for (value, sql) in [
            (
                &self.country,
                "SELECT COALESCE(SUM(events), 0) FROM rollup_country WHERE country = ?1",
            ),
            (
                &self.issue,
                "SELECT COALESCE(SUM(events), 0) FROM rollup_issue WHERE issue = ?1",
            ),
        ] {
            if let Some(v) = value {
                let n: i64 = conn
                    .prepare_cached(&format!("{sql}{negated}"))?
                    .query_row([v.to_ascii_uppercase()], |r| r.get(0))?;
                share *= (n as f64 / total).min(1.0);
            }
        }
        for tone in [self.tone_below, self.tone_above] {
            if tone.is_some() {
                share *= 0.5;
            }
        }
        for word in &self.words {
            if let Some(n) = word_reports(conn, word)? {
                share *= (n as f64 / total).min(1.0);
                words = words.min(n as f64);
            }
        }
        Ok(Some((share, indexed, words)))
    }

    fn clause(&self, fts: bool) -> Result<(String, Vec<Value>)> {
        self.clause_with(fts, Access::Index)
    }

    /// The clause, read as `access` says: through the filter's indexes, along the date index
    /// (actor and event codes compared as `+e.source_code`, which no index serves), or along
    /// the event ids (dates and DATEADDED too compared so, for a sample of an id range).
    pub(crate) fn clause_with(&self, fts: bool, access: Access) -> Result<(String, Vec<Value>)> {
        self.clause_dated(fts, access, access != Access::IdRange)
    }

    /// [`Filter::clause_with`], its dates compared through their index (`events_page`) or not
    /// (`+e.date`, when the page is read through the filter's rarer indexes: SQLite took the
    /// date index, which holds every column a filter compares, and walked three months of it
    /// for a dyad of 542 events, 0.43 s at ten million events).
    pub(crate) fn clause_dated(
        &self,
        fts: bool,
        access: Access,
        dates_indexed: bool,
    ) -> Result<(String, Vec<Value>)> {
        let (col, code_col) = match access {
            Access::Index => ("e.", "e."),
            Access::ActorIndex => ("e.", "+e."),
            Access::CodeIndex => ("+e.", "e."),
            Access::DateWalk | Access::IdRange => ("+e.", "+e."),
        };
        let dcol = if dates_indexed { "e." } else { "+e." };
        let mut sql = String::from(" WHERE 1=1");
        let mut params: Vec<Value> = Vec::new();
        let p = |v: String, params: &mut Vec<Value>| {
            params.push(Value::Text(v));
            format!("?{}", params.len())
        };
        if !self.with_negated {
            // `+`: no index serves it; the indexes of the "top ten" lists begin with polarity,
            // and SQLite took `rollup_dyad_top` (every dyad) over an actor's own rows
            sql.push_str(" AND +e.negated = 0");
        }
        // Code prefixes are ranges (`ISR` ≤ code < `ISS`), which the column indexes serve,
        // where LIKE 'ISR%' (case-insensitive) would scan every event.
        let within = |column: &str, prefix: &str, params: &mut Vec<Value>| {
            let (lo, hi) = prefix_range(prefix);
            let (lo, hi) = (p(lo, params), p(hi, params));
            format!("({column} >= {lo} AND {column} < {hi})")
        };
        let (source, target) = (format!("{col}source_code"), format!("{col}target_code"));
        for a in &self.actor {
            let a = actor_code("actor", a)?;
            let as_source = within(&source, &a, &mut params);
            let as_target = within(&target, &a, &mut params);
            let _ = write!(sql, " AND ({as_source} OR {as_target})");
        }
        if let Some(s) = &self.source {
            let s = within(&source, &actor_code("source", s)?, &mut params);
            let _ = write!(sql, " AND {s}");
        }
        if let Some(t) = &self.target {
            let t = within(&target, &actor_code("target", t)?, &mut params);
            let _ = write!(sql, " AND {t}");
        }
        if let Some(c) = &self.code {
            let c = within(
                &format!("{code_col}code"),
                &event_code("code", c)?,
                &mut params,
            );
            let _ = write!(sql, " AND {c}");
        }
        if let Some(r) = &self.root {
            let r = root("root", r)?;
            let n = p(r, &mut params);
            let _ = write!(sql, " AND e.root = {n}");
        }
        if let Some(q) = self.quad_class {
            let q = quad_class("quad", &q.to_string())?;
            let _ = write!(sql, " AND e.quad_class = {q}");
        }
        if let (Some(f), Some(t)) = (self.from, self.to) {
            if f > t {
                return Err(FieldError::new("to", format!("{t} is before from {f}")).into());
            }
        }
        if let Some(f) = self.from {
            let n = p(f.to_string(), &mut params);
            let _ = write!(sql, " AND e.date <> '' AND {dcol}date >= {n}");
        }
        if let Some(t) = self.to {
            let n = p(t.to_string(), &mut params);
            let _ = write!(sql, " AND e.date <> '' AND {dcol}date <= {n}");
        }
        if self.dated {
            sql.push_str(" AND e.date <> ''");
        }
        if let Some(c) = &self.country {
            let c = country("country", c)?;
            let n = p(c, &mut params);
            let _ = write!(sql, " AND e.place_country = {n}");
        }
        for (bound, op) in [(self.tone_below, "<"), (self.tone_above, ">")] {
            if let Some(t) = bound {
                params.push(Value::Real(t));
                let _ = write!(
                    sql,
                    " AND (SELECT ta.tone FROM mentions tm JOIN articles ta ON ta.id = tm.article_id
                           WHERE tm.id = e.first_mention) {op} ?{}",
                    params.len()
                );
            }
        }
        if let Some(s) = &self.since {
            let s = crate::filter::stamp("since", s)?;
            let n = p(s, &mut params);
            let _ = write!(sql, " AND {dcol}date_added > {n}");
        }
        if let Some(code) = &self.issue {
            let code = issue("issue", code)?;
            let n = p(format!("% {code} %"), &mut params);
            let _ = write!(
                sql,
                " AND EXISTS (SELECT 1 FROM mentions im WHERE im.event_id = e.id
                              AND ' ' || im.issues || ' ' LIKE {n})"
            );
        }
        // the trigram index finds the reports holding every word of three characters or more
        // (its LIKE takes no ESCAPE: `%` and `_` in a word match more there, never less);
        // LIKE then checks each word on those reports alone, as it does without the index
        let indexed: Vec<&String> = self
            .words
            .iter()
            .filter(|w| w.chars().count() >= 3)
            .collect();
        if fts && !indexed.is_empty() {
            let likes: Vec<String> = indexed
                .iter()
                .map(|w| format!("evidence_text LIKE {}", p(format!("%{w}%"), &mut params)))
                .collect();
            let _ = write!(
                sql,
                " AND e.id IN (SELECT w.event_id FROM mentions w
                      WHERE w.id IN (SELECT rowid FROM evidence_fts WHERE {})",
                likes.join(" AND ")
            );
            for word in &self.words {
                let n = p(format!("%{}%", like_escape(word)), &mut params);
                let _ = write!(sql, " AND w.evidence_text LIKE {n} ESCAPE '\\'");
            }
            sql.push(')');
        } else if !self.words.is_empty() {
            sql.push_str(" AND EXISTS (SELECT 1 FROM mentions w WHERE w.event_id = e.id");
            for word in &self.words {
                let n = p(format!("%{}%", like_escape(word)), &mut params);
                let _ = write!(sql, " AND w.evidence_text LIKE {n} ESCAPE '\\'");
            }
            sql.push(')');
        }
        Ok((sql, params))
    }
}

/// One event with its first report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// GLOBALEVENTID.
    pub id: i64,
    /// YYYY-MM-DD, or empty when no date is known.
    pub date: String,
    pub source: String,
    pub target: String,
    pub code: String,
    pub base_code: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub negated: bool,
    pub modality: String,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    /// YYYYMMDDHHMMSS, when the first report was stored.
    pub date_added: String,
    /// The first report.
    pub article_id: String,
    pub url: Option<String>,
    pub sentence: i64,
    pub source_text: Option<String>,
    pub target_text: Option<String>,
    pub evidence: String,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub place_geonameid: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// GDELT's AvgTone: the tone of the first report's article (None when not known).
    pub tone: Option<f64>,
    /// The issues (themes) of the first report's sentence (Phoenix issue codes).
    pub issues: Vec<String>,
}

/// Space-separated codes as a list.
pub(crate) fn codes(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

pub(crate) const ROW_SQL: &str =
    "SELECT e.id, e.date, e.source_code, e.target_code, e.code, e.base_code,
        e.root, e.quad_class, e.goldstein, e.plover, e.negated, e.modality, e.num_mentions,
        e.num_sources, e.num_articles, e.date_added, m.article_id, a.url, m.sentence,
        m.source_text, m.target_text, m.evidence_text, m.place_name, m.place_country,
        m.place_geonameid, m.place_lat, m.place_lon, a.tone, m.issues
    FROM events e JOIN mentions m ON m.id = e.first_mention JOIN articles a ON a.id = m.article_id";

pub(crate) fn row(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        date: r.get(1)?,
        source: r.get(2)?,
        target: r.get(3)?,
        code: r.get(4)?,
        base_code: r.get(5)?,
        root: r.get(6)?,
        quad_class: r.get(7)?,
        goldstein: r.get(8)?,
        plover: r.get(9)?,
        negated: r.get(10)?,
        modality: r.get(11)?,
        num_mentions: r.get(12)?,
        num_sources: r.get(13)?,
        num_articles: r.get(14)?,
        date_added: r.get(15)?,
        article_id: r.get(16)?,
        url: r.get(17)?,
        sentence: r.get(18)?,
        source_text: r.get(19)?,
        target_text: r.get(20)?,
        evidence: r.get(21)?,
        place_name: r.get(22)?,
        place_country: r.get(23)?,
        place_geonameid: r.get(24)?,
        lat: r.get(25)?,
        lon: r.get(26)?,
        tone: r.get(27)?,
        issues: codes(r.get(28)?),
    })
}

impl Sort {
    /// The column of events `e` this order sorts by.
    pub(crate) fn column(self) -> &'static str {
        match self.key {
            SortKey::Date => "e.date",
            SortKey::Goldstein => "e.goldstein",
            SortKey::Reports => "e.num_mentions",
        }
    }

    /// The ORDER BY clause (without the words) for events `e`: the column, then the id, both
    /// in the order's direction.
    pub(crate) fn order_sql(self) -> String {
        let dir = if self.descending { "DESC" } else { "ASC" };
        format!("{} {dir}, e.id {dir}", self.column())
    }
}

/// How many events `filter` selects (its limit ignored): from `rollup_day` when the filter
/// reads only codes, roots, quad classes and dates (a row per day and code, where the events
/// would be read one by one), from `rollup_actor_day` for one actor with those, else from the
/// events (see [`Counted::of`]; actors through the actor indexes, which count them faster than
/// the rollups per dyad, as these hold nearly a row per event of a rare dyad).
pub fn count(conn: &Connection, filter: &Filter) -> Result<i64> {
    let filter = &*filter.for_counts(conn)?;
    Ok(Counted::of(conn, filter)?.total(conn)?.events)
}

/// How many events `filter` would select but for their having no date: what a time series,
/// a date range or a GDELT export (without `--undated dateadded`) leaves out.
pub fn undated(conn: &Connection, filter: &Filter) -> Result<i64> {
    Ok(undated_sampled(conn, filter)?.0)
}

/// [`undated`], with the sample it was counted from when it was one (a filter that is
/// [`Filter::bounded`], of what no rollup keeps, over many events).
pub fn undated_sampled(conn: &Connection, filter: &Filter) -> Result<(i64, Option<Sample>)> {
    let mut f = filter.for_counts(conn)?.into_owned();
    f.from = None;
    f.to = None;
    f.dated = false;
    let c = Counted::of(conn, &f)?.or_sample(conn, &f)?;
    let sql = format!(
        "SELECT COALESCE({}, 0) FROM {} e{} AND e.date = ''",
        c.n, c.table, c.clause
    );
    let mut st = conn.prepare_cached(&sql)?;
    let n: i64 = st.query_row(rusqlite::params_from_iter(c.params), |r| r.get(0))?;
    Ok(match c.share {
        Some(share) => (
            (n as f64 / share).round() as i64,
            Some(Sample { share, matched: n }),
        ),
        None => (n, None),
    })
}

/// The events `filter` selects, in its order (by date, then id, unless it says otherwise).
pub fn events(conn: &Connection, filter: &Filter) -> Result<Vec<EventRow>> {
    let (clause, mut params, window) = match filter.limit {
        Some(n) if filter.sort.key == SortKey::Date => filter.where_for_page(conn, n)?,
        _ => {
            let (c, p) = filter.where_in(conn)?;
            (c, p, None)
        }
    };
    let read = |from: &str, clause: &str, params: &[Value]| -> Result<Vec<EventRow>> {
        let mut sql = format!(
            "{}{clause} ORDER BY {}",
            ROW_SQL.replacen("FROM events e ", &format!("FROM {from} e "), 1),
            filter.sort.order_sql()
        );
        if let Some(n) = filter.limit {
            let _ = write!(sql, " LIMIT {n}");
        }
        let mut st = conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(params), row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    };
    let (Some(window), Some(limit)) = (window, filter.limit) else {
        return read("events", &clause, &params);
    };
    // along the date index, at most `window` events, else through the filter's indexes
    let (walked, cond) = filter.walked(filter.sort.descending, "", window, &mut params);
    let rows = read(&walked, &clause, &params)?;
    if rows.len() >= limit || !window_full(conn, &cond, window, &params)? {
        return Ok(rows);
    }
    let (clause, params) = filter.where_in(conn)?;
    read("events", &clause, &params)
}

/// One report of an event, as the Mentions table has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRow {
    pub event_id: i64,
    pub article_id: String,
    pub url: Option<String>,
    pub source_name: String,
    pub added: String,
    pub sentence: i64,
    /// 0 for the coded report, k for the k-th later sentence of the article repeating it.
    pub repeat: i64,
    pub source_start: Option<i64>,
    pub target_start: Option<i64>,
    /// The verb's offset (None for a repeat).
    pub verb_start: Option<i64>,
    pub evidence_start: i64,
    pub evidence_end: i64,
    pub evidence: String,
    pub confidence: i64,
    pub doc_len: i64,
    /// The coder's event record (JSON; None for a repeat).
    pub event_json: Option<String>,
    /// When the event was first stored (its DATEADDED).
    pub event_added: String,
    /// The article's tone (MentionDocTone) and the sentence's (None when not known).
    pub doc_tone: Option<f64>,
    pub tone: Option<f64>,
    /// The issues of the report's sentence.
    pub issues: Vec<String>,
}

/// The columns of a [`MentionRow`] (twenty, then the event record's, see
/// [`crate::event_record`]), over `mentions m JOIN articles a JOIN events e`.
pub(crate) fn mention_columns() -> String {
    format!(
        "m.event_id, m.article_id, a.url, a.source_key, a.added, m.sentence,
            m.repeat, m.source_start, m.target_start, m.verb_start, m.evidence_start,
            m.evidence_end, m.evidence_text, m.confidence, a.length, m.event_json,
            e.date_added, a.tone, m.tone, m.issues, {}",
        crate::event_record::SQL
    )
}

/// Every report of the events `filter` selects, by event (date, id) then article.
pub fn mentions(conn: &Connection, filter: &Filter) -> Result<Vec<MentionRow>> {
    let (clause, params) = filter.where_in(conn)?;
    let mut sql = format!(
        "SELECT {} FROM mentions m JOIN articles a ON a.id = m.article_id
         JOIN events e ON e.id = m.event_id
         WHERE m.event_id IN (SELECT e.id FROM events e{clause}",
        mention_columns()
    );
    if let Some(n) = filter.limit {
        let _ = write!(sql, " ORDER BY e.date, e.id LIMIT {n}");
    }
    sql.push_str(
        ") ORDER BY e.date, m.event_id, a.added,
           m.article_id, m.repeat > 0, m.sentence, m.id",
    );
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map(rusqlite::params_from_iter(params), mention_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// A [`MentionRow`] from the columns [`mention_columns`] names.
pub(crate) fn mention_row(r: &rusqlite::Row) -> rusqlite::Result<MentionRow> {
    Ok(MentionRow {
        event_id: r.get(0)?,
        article_id: r.get(1)?,
        url: r.get(2)?,
        source_name: r.get(3)?,
        added: r.get(4)?,
        sentence: r.get(5)?,
        repeat: r.get(6)?,
        source_start: r.get(7)?,
        target_start: r.get(8)?,
        verb_start: r.get(9)?,
        evidence_start: r.get(10)?,
        evidence_end: r.get(11)?,
        evidence: r.get(12)?,
        confidence: r.get(13)?,
        doc_len: r.get(14)?,
        event_json: match r.get(15)? {
            Some(whole) => Some(whole),
            None => crate::event_record::from_row(r, 20)?,
        },
        event_added: r.get(16)?,
        doc_tone: r.get(17)?,
        tone: r.get(18)?,
        issues: codes(r.get(19)?),
    })
}

impl Period {
    /// The SQL expression naming the period of an event `e` (its day, its week's Monday, its
    /// month).
    pub(crate) fn sql(self) -> &'static str {
        match self {
            Period::Day => "e.date",
            Period::Week => "date(e.date, 'weekday 0', '-6 days')",
            Period::Month => "substr(e.date, 1, 7)",
        }
    }
}

/// [`TALLY_SQL`] over rollup rows that each count `events` events (`rollup_day`,
/// `rollup_dyad_day`).
pub(crate) const ROLLUP_TALLY_SQL: &str = "SUM(e.events),
    SUM(CASE WHEN e.quad_class = 1 THEN e.events ELSE 0 END),
    SUM(CASE WHEN e.quad_class = 2 THEN e.events ELSE 0 END),
    SUM(CASE WHEN e.quad_class = 3 THEN e.events ELSE 0 END),
    SUM(CASE WHEN e.quad_class = 4 THEN e.events ELSE 0 END),
    SUM(e.goldstein), SUM(e.goldstein) / SUM(e.events)";

/// [`TALLY_SQL`] over `rollup_dyad` rows (per dyad, with no date).
pub(crate) const DYAD_TALLY_SQL: &str = "SUM(e.events), SUM(e.quad1), SUM(e.quad2),
    SUM(e.quad3), SUM(e.quad4), SUM(e.goldstein), SUM(e.goldstein) / SUM(e.events)";

/// What a count groups by besides the filter, for [`Filter::counted_from`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    /// Periods only (a series).
    Dates,
    /// Dyads only (a network).
    Dyads,
    /// Periods and dyads (`dyad query --by`).
    DatesAndDyads,
}

/// What a series point, a dyad-period or a network edge counts of its events (the columns of
/// [`TALLY_SQL`]); flattened into each of them, so their JSON has these fields at the top.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub events: i64,
    /// Events per quad class 1 (verbal cooperation) … 4 (material conflict).
    pub quad: [i64; 4],
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
}

/// The selected events that have a date counted per period of `by`, oldest first, and with
/// `dyads` per source and target too (most events first within a period): `row` makes a row
/// of the period (column 0), the dyad (columns 1 and 2) and the tally. Counted from a sample
/// when the filter accepts one and every event would take long (see
/// [`crate::counted::reading`]): the tallies are then scaled to the whole, and the sample
/// returned.
pub(crate) fn per_period<T>(
    conn: &Connection,
    filter: &Filter,
    by: Period,
    dyads: bool,
    mut row: impl FnMut(&rusqlite::Row, Tally) -> rusqlite::Result<T>,
) -> Result<(Vec<T>, Option<Sample>)> {
    let filter = &*filter.for_counts(conn)?;
    let period = by.sql();
    let (needs, keys) = if dyads {
        (Needs::DatesAndDyads, ", e.source_code, e.target_code")
    } else {
        (Needs::Dates, "")
    };
    // counted from the smallest rollup that keeps what the filter reads (else the events)
    let one_actor = if dyads || !crate::rollup::ready(conn) {
        None
    } else {
        filter.actor_day_clause(conn)?
    };
    let (table, tally, n, reading) = match one_actor {
        Some((clause, params)) => (
            "rollup_actor_day",
            ROLLUP_TALLY_SQL,
            "SUM(e.events)",
            Reading {
                clause,
                params,
                share: None,
            },
        ),
        None => {
            let (table, tally, n) = filter.counted_from(conn, needs);
            Reading::for_table(conn, filter, table, tally, n)?
        }
    };
    let clause = &reading.clause;
    let sql = format!(
        "SELECT {period} AS p{keys}, {tally}
         FROM {table} e{clause} AND e.date <> ''
         GROUP BY p{keys} ORDER BY p, {n} DESC{keys}"
    );
    let at = if dyads { 3 } else { 1 };
    let mut st = conn.prepare_cached(&sql)?;
    let mut matched = 0;
    let rows = st.query_map(rusqlite::params_from_iter(&reading.params), |r| {
        let t = tally_at(r, at)?;
        matched += t.events;
        row(r, t.scaled(&reading))
    })?;
    let out = rows.collect::<Result<Vec<_>, _>>()?;
    Ok((out, reading.sample(matched)))
}

impl Tally {
    /// The tally of a sample scaled to the whole (the mean is the sample's).
    pub(crate) fn scaled(self, reading: &Reading) -> Tally {
        match reading.share {
            None => self,
            Some(s) => Tally {
                events: reading.scale(self.events),
                quad: self.quad.map(|q| reading.scale(q)),
                goldstein_sum: self.goldstein_sum / s,
                goldstein_mean: self.goldstein_mean,
            },
        }
    }
}

/// The [`TALLY_SQL`] columns from column `at` of a row on.
pub(crate) fn tally_at(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Tally> {
    Ok(Tally {
        events: r.get(at)?,
        quad: [
            r.get(at + 1)?,
            r.get(at + 2)?,
            r.get(at + 3)?,
            r.get(at + 4)?,
        ],
        goldstein_sum: r.get(at + 5)?,
        goldstein_mean: r.get(at + 6)?,
    })
}
