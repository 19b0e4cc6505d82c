//! `dyad query`: events from the database, filtered, as a table or JSON; with `--by`, counts
//! per dyad and period.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use dyad_store::explore::Cursor;
use dyad_store::filter::{self, FieldError};
use dyad_store::{page, query};
use dyad_store::{Filter, Period};

use crate::ingest::open_existing_read_only;
use crate::names::CoderNames;

/// The filters `query` and `export` share.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Actor code or prefix on either side (`USA` takes `USAGOV`); repeat to require several.
    #[arg(long, value_name = "CODE")]
    pub actor: Vec<String>,
    /// Source actor code or prefix.
    #[arg(long, value_name = "CODE")]
    pub source: Option<String>,
    /// Target actor code or prefix.
    #[arg(long, value_name = "CODE")]
    pub target: Option<String>,
    /// A directed dyad, SOURCE:TARGET (codes or prefixes: `FRA:CHN`).
    #[arg(long, value_name = "SRC:TGT")]
    pub dyad: Option<String>,
    /// CAMEO event code or prefix (`04`, `043`).
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// CAMEO root (`04`).
    #[arg(long, value_name = "RR")]
    pub root: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    #[arg(long, value_name = "N")]
    pub quad: Option<String>,
    /// First event date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last event date (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Country of the event's place (ISO 3166 alpha-3: `CHN`).
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// Words that must all appear in one report's evidence.
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// Only events one of whose reports' sentences names this issue (theme: a Phoenix issue
    /// code such as `REFUGEES`, `PEACEKEEPERS`).
    #[arg(long, value_name = "CODE")]
    pub issue: Option<String>,
    /// Only events first stored after this time (DATEADDED, YYYYMMDDHHMMSS, UTC).
    #[arg(long, value_name = "STAMP")]
    pub since: Option<String>,
    /// Only events whose tone (GDELT's AvgTone: the first report's article's, -100 to 100) is
    /// below this.
    #[arg(long, value_name = "TONE", allow_negative_numbers = true)]
    pub tone_below: Option<String>,
    /// Only events whose tone is above this.
    #[arg(long, value_name = "TONE", allow_negative_numbers = true)]
    pub tone_above: Option<String>,
    /// Include negated events ("did not meet"); `--with-negated=false` is the default.
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = false,
          default_missing_value = "true")]
    pub with_negated: Option<String>,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<String>,
    /// The order of the rows: date (default), goldstein or reports; `-` before it for
    /// descending (`--sort=-date`: newest first).
    #[arg(long, value_name = "ORDER", allow_hyphen_values = true)]
    pub sort: Option<String>,
}

impl FilterArgs {
    /// The flags as named values, names among them read as codes by the dictionaries (what
    /// was read is said on stderr), checked by [`dyad_store::filter`] as the API's parameters
    /// are; an error names the flag.
    pub fn filter(&self) -> Result<Filter> {
        let values: Vec<(String, String)> = self
            .values()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let names = CoderNames::bundled();
        let (values, resolved) =
            dyad_store::names::resolve(values, Some(&names)).map_err(flag_error)?;
        crate::names::report(&resolved);
        let mut filter = filter::parse_filter(values.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(flag_error)?;
        filter.limit = self
            .limit
            .as_deref()
            .map(|v| filter::number("limit", v, 1, usize::MAX))
            .transpose()
            .map_err(flag_error)?;
        if let Some(s) = &self.sort {
            filter.sort = filter::sort("sort", s).map_err(flag_error)?;
        }
        Ok(filter)
    }

    /// The filter flags given, as (field, value).
    fn values(&self) -> impl Iterator<Item = (&str, &str)> {
        self.actor.iter().map(|a| ("actor", a.as_str())).chain(
            [
                ("source", self.source.as_deref()),
                ("target", self.target.as_deref()),
                ("dyad", self.dyad.as_deref()),
                ("code", self.code.as_deref()),
                ("root", self.root.as_deref()),
                ("quad", self.quad.as_deref()),
                ("from", self.from.as_deref()),
                ("to", self.to.as_deref()),
                ("country", self.country.as_deref()),
                ("text", self.text.as_deref()),
                ("issue", self.issue.as_deref()),
                ("since", self.since.as_deref()),
                ("tone_below", self.tone_below.as_deref()),
                ("tone_above", self.tone_above.as_deref()),
                ("with_negated", self.with_negated.as_deref()),
            ]
            .into_iter()
            .filter_map(|(name, v)| Some((name, v?))),
        )
    }
}

/// A refused value, naming its flag (`--from: …`).
pub(crate) fn flag_error(e: FieldError) -> anyhow::Error {
    anyhow::anyhow!(e.as_flag())
}

#[derive(Args, Debug)]
pub struct QueryArgs {
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "dyad.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Count events per dyad and period (day, week, month) instead of listing them.
    #[arg(long, value_name = "PERIOD")]
    pub by: Option<String>,
    /// JSON Lines instead of a table.
    #[arg(long)]
    pub json: bool,
    /// With --by: count every event, even when that takes long. Without it, a filter no
    /// rollup keeps (evidence words, issues, tone, an actor with an event code…) over many
    /// events is counted from a uniform sample of them, scaled to the whole, and stderr says
    /// so.
    #[arg(long, requires = "by")]
    pub exact: bool,
    /// With --limit: the page after this cursor (KEY~ID, as the page before said on stderr,
    /// in the same --sort).
    #[arg(long, value_name = "CURSOR", requires = "limit", conflicts_with = "by")]
    pub after: Option<String>,
}

/// Cut `s` to `n` characters, marking the cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n.saturating_sub(1)).collect();
        c.push('…');
        c
    }
}

/// Columns padded to the widest cell.
fn table(header: &[&str], rows: &[Vec<String>], out: &mut dyn Write) -> io::Result<()> {
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>, out: &mut dyn Write| -> io::Result<()> {
        let last = cells.len() - 1;
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&width).enumerate() {
            s.push_str(c);
            if i < last {
                s.push_str(&" ".repeat(w - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(header.iter().map(|h| h.to_string()).collect(), out)?;
    for r in rows {
        line(r.clone(), out)?;
    }
    Ok(())
}

pub fn run(args: QueryArgs) -> Result<()> {
    let filter = args.filter.filter()?;
    let by: Option<Period> = args
        .by
        .as_deref()
        .map(|v| filter::period("by", v))
        .transpose()
        .map_err(flag_error)?;
    let store = open_existing_read_only(&args.db)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Some(by) = by {
        let mut filter = filter;
        filter.bounded = !args.exact;
        // --limit cuts the rows here, so that stderr can say how many it left out
        let limit = filter.limit.take();
        let (mut rows, sample) =
            dyad_store::aggregate::aggregate_sampled(store.conn(), &filter, by)?;
        let all = rows.len();
        if let Some(n) = limit {
            rows.truncate(n);
        }
        let header = [
            "period",
            "source",
            "target",
            "events",
            "q1",
            "q2",
            "q3",
            "q4",
            "gold_sum",
            "gold_mean",
        ];
        write_rows(&mut out, args.json, &rows, &header, |r| {
            vec![
                r.period.clone(),
                r.source.clone(),
                r.target.clone(),
                r.tally.events.to_string(),
                r.tally.quad[0].to_string(),
                r.tally.quad[1].to_string(),
                r.tally.quad[2].to_string(),
                r.tally.quad[3].to_string(),
                format!("{:.1}", r.tally.goldstein_sum),
                format!("{:.2}", r.tally.goldstein_mean),
            ]
        })?;
        out.flush()?;
        if let Some(s) = sample {
            eprintln!(
                "dyad: estimated from a sample of {:.2}% of the events ({} of them selected), \
                 counts scaled to the whole; --exact counts every event",
                s.share * 100.0,
                s.matched
            );
        }
        let undated = query::undated(store.conn(), &filter)?;
        let shown = if rows.len() < all {
            format!(
                "the first {} of {all} dyad-periods (--limit: the rest left out)",
                rows.len()
            )
        } else {
            format!("{all} dyad-periods")
        };
        if undated > 0 {
            eprintln!(
                "dyad: {shown}; {undated} undated events left out (they have no date to count \
                 them by)"
            );
        } else {
            eprintln!("dyad: {shown}");
        }
        return Ok(());
    }
    // a page (--limit) is read with a bounded read, and may stop before it is full
    let (rows, next) = match filter.limit {
        Some(limit) => {
            let after = args
                .after
                .as_deref()
                .map(|c| {
                    Cursor::decode(c, filter.sort).ok_or_else(|| {
                        anyhow::anyhow!(
                            "--after: {c:?} is not a cursor of a page in this --sort (KEY~ID)"
                        )
                    })
                })
                .transpose()?;
            let p = page::page(store.conn(), &filter, after.as_ref(), limit)?;
            (p.events, p.next.map(|c| (c.encode(), p.partial)))
        }
        None => (query::events(store.conn(), &filter)?, None),
    };
    let header = [
        "date", "source", "code", "target", "quad", "gold", "ment", "arts", "article", "evidence",
    ];
    let or_dash = |s: &str| {
        if s.is_empty() {
            "-".to_string()
        } else {
            s.to_string()
        }
    };
    write_rows(&mut out, args.json, &rows, &header, |r| {
        vec![
            r.date.clone(),
            or_dash(&r.source),
            r.code.clone(),
            or_dash(&r.target),
            r.quad_class.to_string(),
            format!("{:.1}", r.goldstein),
            r.num_mentions.to_string(),
            r.num_articles.to_string(),
            clip(&r.article_id, 18),
            clip(&r.evidence, 60),
        ]
    })?;
    out.flush()?;
    eprintln!("dyad: {} events", rows.len());
    match next {
        Some((cursor, true)) => eprintln!(
            "dyad: a partial page: the read stopped at its bound before finding --limit events; \
             more may follow: --after {cursor}"
        ),
        Some((cursor, false)) => eprintln!("dyad: the next page: --after {cursor}"),
        None => {}
    }
    Ok(())
}

/// Rows as JSON Lines, or as a table of the cells `cells` gives each row.
fn write_rows<T: serde::Serialize>(
    out: &mut impl Write,
    json: bool,
    rows: &[T],
    header: &[&str],
    cells: impl Fn(&T) -> Vec<String>,
) -> Result<()> {
    if json {
        return json_lines(out, rows);
    }
    let cells: Vec<Vec<String>> = rows.iter().map(cells).collect();
    table(header, &cells, out)?;
    Ok(())
}

/// Rows as JSON Lines.
fn json_lines<T: serde::Serialize>(out: &mut impl Write, rows: &[T]) -> Result<()> {
    for r in rows {
        serde_json::to_writer(&mut *out, r)?;
        writeln!(out)?;
    }
    Ok(())
}
