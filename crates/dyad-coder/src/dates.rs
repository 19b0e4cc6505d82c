//! Event dates: the day an event's clause names — "on Thursday" (the most recent Thursday on or
//! before the article date, as wire copy uses it), "yesterday", "Dec. 3", "2025-12-03" — read
//! by `dyad_text::dates`, else the article date.

use chrono::NaiveDate;

/// The date of a clause (its text): the first day its words name ("on Thursday",
/// "yesterday", "Dec. 3", "2025-12-03"), else the article date.
pub fn clause_date(clause: &str, article: Option<NaiveDate>) -> Option<NaiveDate> {
    dyad_text::dates::find_dates(clause, 0, usize::MAX, article)
        .into_iter()
        .find(|d| d.precision == dyad_text::dates::Precision::Day)
        .map(|d| d.date)
        .or(article)
}
