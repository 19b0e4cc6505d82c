//! The time axis of a series: every period from the first to the last, those with no events
//! as zeros (a gap is a gap, not two neighbouring bars), the period fitted to the span unless
//! one is asked for, and how many selected events have no date and so are not on it.

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::counted::Sample;
use crate::explore::{series_sampled, SeriesPoint};
use crate::query::Tally;
use crate::{FieldError, Filter, Period, Result};

/// A series on a continuous axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The period of the points (the one asked for, or the one fitted to the span).
    pub by: &'static str,
    /// Every period from `from` to `to`, oldest first; periods with no events are zeros.
    pub points: Vec<SeriesPoint>,
    /// The span drawn: the filter's dates, else the first and last dated selected event.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Selected events with no date, which no axis can place.
    pub undated: i64,
    /// The sample the series was counted from, when it was (its counts, and `undated`, are
    /// scaled to the whole; see [`Sample`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample: Option<Sample>,
}

/// The first day of the period holding `d` (a week starts on Monday).
pub fn period_start(by: Period, d: NaiveDate) -> NaiveDate {
    match by {
        Period::Day => d,
        Period::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
        Period::Month => d.with_day(1).unwrap_or(d),
    }
}

/// The first day of the period after the one starting at `start`.
fn next(by: Period, start: NaiveDate) -> NaiveDate {
    match by {
        Period::Day => start + Duration::days(1),
        Period::Week => start + Duration::days(7),
        Period::Month => start
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX),
    }
}

/// The period's name as the series writes it (the day, the week's Monday, YYYY-MM).
pub fn period_name(by: Period, start: NaiveDate) -> String {
    match by {
        Period::Day | Period::Week => start.format("%Y-%m-%d").to_string(),
        Period::Month => start.format("%Y-%m").to_string(),
    }
}

/// How many periods `from..=to` covers.
pub fn period_count(by: Period, from: NaiveDate, to: NaiveDate) -> i64 {
    if to < from {
        return 0;
    }
    match by {
        Period::Day => (to - from).num_days() + 1,
        Period::Week => (period_start(by, to) - period_start(by, from)).num_days() / 7 + 1,
        Period::Month => {
            let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
            months(to) - months(from) + 1
        }
    }
}

/// `points` with a zero point for every period of `from..=to` that has none.
pub fn fill(
    points: Vec<SeriesPoint>,
    by: Period,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<SeriesPoint> {
    let mut given = points.into_iter().peekable();
    let mut out = Vec::new();
    let mut at = period_start(by, from);
    while at <= to {
        let name = period_name(by, at);
        match given.peek() {
            Some(p) if p.period == name => out.extend(given.next()),
            _ => out.push(SeriesPoint {
                period: name,
                tally: Tally::default(),
            }),
        }
        at = next(by, at);
    }
    out
}

/// The selected events per period on a continuous axis, `by` the period asked for or (None)
/// the one that fits the span; refused, naming `by`, when it would take more than
/// `max_points` periods.
pub fn timeline(
    conn: &Connection,
    filter: &Filter,
    by: Option<Period>,
    max_points: usize,
) -> Result<Timeline> {
    let (first, last) = crate::explore::date_range(conn, filter)?;
    let from = filter.from.or(first);
    let to = filter.to.or(last);
    let undated = crate::query::undated(conn, filter)?;
    let (Some(from), Some(to)) = (from, to) else {
        let by = by.unwrap_or(Period::Month);
        return Ok(Timeline {
            by: by.name(),
            points: Vec::new(),
            from,
            to,
            undated,
            sample: None,
        });
    };
    let by = by.unwrap_or_else(|| Period::to_fit((to - from).num_days() + 1));
    let n = period_count(by, from, to);
    if n > max_points as i64 {
        return Err(FieldError::new(
            "by",
            format!(
                "{from} to {to} by {} is {n} periods, more than {max_points}: count by a \
                 longer period or narrow from..to",
                by.name()
            ),
        )
        .into());
    }
    let (points, sample) = series_sampled(conn, filter, by)?;
    Ok(Timeline {
        by: by.name(),
        points: fill(points, by, from, to),
        from: Some(from),
        to: Some(to),
        undated,
        sample,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn point(period: &str, events: i64) -> SeriesPoint {
        SeriesPoint {
            period: period.into(),
            tally: Tally {
                events,
                quad: [events, 0, 0, 0],
                goldstein_sum: 1.0,
                goldstein_mean: 1.0,
            },
        }
    }

    #[test]
    fn gaps_are_zero_periods() {
        let filled = fill(
            vec![point("2017-05", 3), point("2017-11", 2)],
            Period::Month,
            d("2017-04-10"),
            d("2017-12-01"),
        );
        let names: Vec<&str> = filled.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(
            names,
            [
                "2017-04", "2017-05", "2017-06", "2017-07", "2017-08", "2017-09", "2017-10",
                "2017-11", "2017-12"
            ]
        );
        assert_eq!(filled[1].tally.events, 3);
        assert_eq!(filled[2].tally.events, 0);
        assert_eq!(filled[7].tally.events, 2);
    }

    #[test]
    fn weeks_start_on_monday_and_periods_are_counted() {
        // 2025-12-04 is a Thursday
        assert_eq!(period_start(Period::Week, d("2025-12-04")), d("2025-12-01"));
        let filled = fill(
            vec![point("2025-12-08", 1)],
            Period::Week,
            d("2025-12-04"),
            d("2025-12-20"),
        );
        let names: Vec<&str> = filled.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(names, ["2025-12-01", "2025-12-08", "2025-12-15"]);
        assert_eq!(
            period_count(Period::Week, d("2025-12-04"), d("2025-12-20")),
            3
        );
        assert_eq!(
            period_count(Period::Month, d("2000-01-31"), d("2025-12-01")),
            312
        );
        assert_eq!(
            period_count(Period::Day, d("2025-12-01"), d("2025-12-01")),
            1
        );
    }
}
