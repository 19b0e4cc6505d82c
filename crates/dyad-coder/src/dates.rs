//! Event dates: the day an event's clause names — "on Thursday" (the most recent Thursday on or
//! before the article date, as wire copy uses it), "yesterday", "Dec. 3", "2025-12-03" — read
//! by `dyad_text::dates` from the clause's tokens, else the article date.

use chrono::NaiveDate;
use dyad_text::dates::{find_dates_in, Precision};
use dyad_text::Token;

/// The date of a clause (its tokens): the first day its words name ("on Thursday",
/// "yesterday", "Dec. 3", "2025-12-03"), else the article date.
pub fn clause_date(clause: &[Token], article: Option<NaiveDate>) -> Option<NaiveDate> {
    find_dates_in(clause, article)
        .into_iter()
        .find(|d| d.precision == Precision::Day)
        .map(|d| d.date)
        .or(article)
}
