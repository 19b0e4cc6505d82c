//! Event dates: "on Thursday", "yesterday" or "today" in a clause resolved against the article
//! date (a weekday means the most recent such day on or before the article date, as wire copy
//! uses it).

use chrono::{Datelike, Duration, NaiveDate};

use crate::english;
use crate::sentence::SentenceView;

/// The date a clause's time words point to, or the article date.
pub fn resolve(
    s: &SentenceView,
    from: usize,
    to: usize,
    article: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let base = article?;
    for i in from..to.min(s.len()) {
        let w = s.word(i);
        if let Some(wd) = english::is_weekday(w) {
            let cur = base.weekday().num_days_from_monday();
            let back = (7 + cur - wd) % 7;
            return Some(base - Duration::days(back as i64));
        }
        match w {
            "YESTERDAY" => return Some(base - Duration::days(1)),
            "TODAY" | "TONIGHT" => return Some(base),
            _ => {}
        }
    }
    Some(base)
}

/// The date of a clause (character offsets into the article text): the first day its words
/// name ("on Thursday", "yesterday", "Dec. 3", "2025-12-03"), else the article date.
pub fn clause_date(
    text: &str,
    clause: (usize, usize),
    article: Option<NaiveDate>,
) -> Option<NaiveDate> {
    dyad_text::dates::find_dates(text, clause.0, clause.1, article)
        .into_iter()
        .find(|d| d.precision == dyad_text::dates::Precision::Day)
        .map(|d| d.date)
        .or(article)
}
