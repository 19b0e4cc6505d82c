//! Date expressions in article text and the calendar dates they name, resolved against the
//! article date: explicit dates ("Dec. 3", "December 3, 2025", "3 December 2025",
//! "2025-12-03"), weekdays ("on Thursday", "last Monday", "next Thursday"), days, weeks,
//! months and years relative to the article ("yesterday", "last week", "this month",
//! "next year", "three days ago"), months ("in March", "March 2024") and years ("in 2019").
//! This module only reads text; choosing which date an event takes is the coder's job.
//!
//! How expressions resolve (examples against Thursday 2025-12-04):
//!
//! * A weekday alone or after "on" is the most recent such day on or before the article date,
//!   as wire copy uses it ("on Thursday" = 2025-12-04, "Monday" = 2025-12-01); "last Thursday"
//!   is the one strictly before (2025-11-27), "next Thursday" the one strictly after
//!   (2025-12-11), "this Saturday" the one in the article's Monday–Sunday week (2025-12-06).
//!   The tense of the clause is not read ("will meet on Friday" still gives 2025-11-28).
//! * "today", "tonight", "this morning" = the article date, "yesterday", "last night" = the day
//!   before, "tomorrow" the day after (precision `Day`).
//! * "last week" = the date 7 days before, "this week" the article date, "next week" 7 days
//!   after (precision `Week`); "N weeks ago" likewise.
//! * Months and years are given by their first day: "last month" = 2025-11-01, "this year" =
//!   2025-01-01 (precisions `Month`, `Year`).
//! * A month without a year ("in March", "early March", "mid-March") is the most recent such
//!   month on or before the article's month (March 2025; "in December" = December 2025);
//!   "last March" strictly before, "next March" strictly after, "this March" in the article's
//!   year, "March last year" in the year before.
//! * A day and month without a year ("Dec. 3", "3 December") is the most recent such date on
//!   or before the article date, unless it falls within the 90 days after it ("the Dec. 10
//!   summit" = 2025-12-10, "on Jan. 2" = 2026-01-02, "June 1" = 2025-06-01; "Dec. 30" in an
//!   article of 2026-01-02 is 2025-12-30).
//! * A year ("in 2019", "since 2019", "by 2030") is taken after a preposition only, so counts
//!   ("2000 troops") are not years.
//! * A weekday before an explicit date ("Thursday, Dec. 4") is one mention, dated by the date.
//!
//! Numeric dates other than ISO 8601 (`2025-12-03`, also `2025/12/03`) are read only when
//! unambiguous (`25/12/2025`, `12/25/2025`); `12/3/2025` is skipped. Expressions that need the
//! article date are skipped without one; explicit dates with a year never need it.
//!
//! The files, each using only those listed before it: `calendar` (date arithmetic, the names
//! of days and months), `context` (the tokens as the detectors read them), `explicit` (dates
//! written with a month, day or year), `relative` (weekdays and words relative to the article
//! date), and this file: the pass over a clause's tokens.

mod calendar;
mod context;
mod explicit;
mod relative;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::Serialize;

use crate::sentences::Sentence;
use crate::tokens::{tokenize, Token};

pub use calendar::Precision;

use context::{Ctx, Found};
use explicit::{day_first, month_first, numeric_date, year_alone};
use relative::{relative, weekday};

/// A date expression found in the text and the date it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Character offsets into the text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The expression ("next Thursday", "Dec. 3, 2025", "last week"; a preposition such as
    /// "on" or "in" is not part of it).
    pub text: String,
    pub date: NaiveDate,
    pub precision: Precision,
}

/// Find the date expressions in the characters `from..to` of `text` (character offsets,
/// clamped to the text), resolving relative ones against `article`. Mentions do not overlap
/// and come in text order; offsets are character offsets into the whole `text`. Never panics.
pub fn find_dates(
    text: &str,
    from: usize,
    to: usize,
    article: Option<NaiveDate>,
) -> Vec<DateMention> {
    // One pass up to `to` finds both byte offsets (an event's clause is asked about, not the
    // whole article: no copy of the text, no second walk).
    let (mut byte_from, mut byte_to, mut n) = (None, None, 0);
    for (k, (b, _)) in text.char_indices().enumerate() {
        if k == from {
            byte_from = Some(b);
        }
        if k == to {
            byte_to = Some(b);
            n = k;
            break;
        }
        n = k + 1;
    }
    let (from, to) = (from.min(n), to.min(n));
    if from >= to {
        return Vec::new();
    }
    let range = Sentence {
        start: from,
        end: to,
        byte_start: byte_from.unwrap_or(text.len()),
        byte_end: byte_to.unwrap_or(text.len()),
    };
    let clause = &text[range.byte_start..range.byte_end];
    let tokens = tokenize(text, &range);
    find_dates_in(&tokens, article)
        .into_iter()
        .map(|d| {
            let start = tokens[d.first].start;
            let end = tokens[d.last].end.min(to).max(start);
            DateMention {
                start,
                end,
                text: clause
                    .chars()
                    .skip(start - from)
                    .take(end - start)
                    .collect(),
                date: d.date,
                precision: d.precision,
            }
        })
        .collect()
}

/// A date expression found among tokens: its first and last token, and the date it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenDate {
    pub first: usize,
    pub last: usize,
    pub date: NaiveDate,
    pub precision: Precision,
}

/// [`find_dates`] over tokens read already (a clause of an article's token array): the
/// expressions in token order, without overlaps.
pub fn find_dates_in(tokens: &[Token], article: Option<NaiveDate>) -> Vec<TokenDate> {
    let lower: Vec<String> = tokens
        .iter()
        .map(|t| {
            if t.text.is_ascii() {
                t.text.to_ascii_lowercase()
            } else {
                t.text.to_lowercase()
            }
        })
        .collect();
    let ctx = Ctx {
        tokens,
        lower: &lower,
        article,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = numeric_date(&ctx, i)
            .or_else(|| weekday(&ctx, i))
            .or_else(|| month_first(&ctx, i))
            .or_else(|| day_first(&ctx, i))
            .or_else(|| relative(&ctx, i))
            .or_else(|| year_alone(&ctx, i));
        match found {
            Some(Found {
                last,
                date,
                precision,
            }) => {
                out.push(TokenDate {
                    first: i,
                    last,
                    date,
                    precision,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}
