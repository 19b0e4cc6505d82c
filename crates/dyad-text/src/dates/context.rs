//! The tokens of a clause as the date detectors read them (lower-case forms, the article
//! date), what a detector finds, and the weekday or month named at a token.

use chrono::NaiveDate;

use crate::tokens::Token;

use super::calendar::{Precision, MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS};

/// A mention starting at the token tried: its last token and date.
pub(super) struct Found {
    pub(super) last: usize,
    pub(super) date: NaiveDate,
    pub(super) precision: Precision,
}

pub(super) fn found(last: usize, date: NaiveDate, precision: Precision) -> Option<Found> {
    Some(Found {
        last,
        date,
        precision,
    })
}

pub(super) struct Ctx<'a> {
    pub(super) tokens: &'a [Token],
    pub(super) lower: &'a [String],
    pub(super) article: Option<NaiveDate>,
}

impl Ctx<'_> {
    pub(super) fn w(&self, k: usize) -> &str {
        self.lower.get(k).map_or("", String::as_str)
    }

    pub(super) fn raw(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.text.as_str())
    }

    pub(super) fn prev(&self, k: usize) -> &str {
        if k == 0 {
            ""
        } else {
            self.w(k - 1)
        }
    }
}

/// Weekday at token `k`: 0 for Monday.
pub(super) fn weekday_of(ctx: &Ctx, k: usize) -> Option<u32> {
    WEEKDAYS
        .iter()
        .position(|&d| d == ctx.w(k))
        .map(|p| p as u32)
}

/// Month at token `k` (1–12): a capitalised name, or an abbreviation when `abbreviated` is
/// allowed ("Dec.", "Sept"). Returns also whether it was written in full.
pub(super) fn month_of(ctx: &Ctx, k: usize, abbreviated: bool) -> Option<(u32, bool)> {
    let raw = ctx.raw(k);
    if !raw.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let w = ctx.w(k);
    if let Some(p) = MONTHS.iter().position(|&m| m == w) {
        return Some((p as u32 + 1, true));
    }
    if !abbreviated {
        return None;
    }
    let bare = w.strip_suffix('.').unwrap_or(w);
    MONTH_ABBREVIATIONS
        .iter()
        .position(|a| a.contains(&bare))
        .map(|p| (p as u32 + 1, false))
}
