//! Dates written with a month, a day or a year: `2025-12-03`, `Dec. 3, 2025`, `3 December`,
//! `March 2024`, `in March`, `last March`, `mid-March`, `in 2019`. A month or a day without a
//! year takes its year from the article date.

use chrono::Datelike;

use super::calendar::{day_of, nearest_year, year_of, ymd, Precision, MONTHS};
use super::context::{found, month_of, Ctx, Found};

/// `2025-12-03`, `2025/12/03`, `25/12/2025`, `12/25/2025` (not `12/3/2025`).
pub(super) fn numeric_date(ctx: &Ctx, i: usize) -> Option<Found> {
    let raw = ctx.raw(i);
    // its first part is digits: leave the other words before splitting them into a vector
    if !raw.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let sep = if raw.contains('-') { '-' } else { '/' };
    let parts: Vec<&str> = raw.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let date = if parts[0].len() == 4 {
        ymd(nums[0] as i32, nums[1], nums[2])?
    } else if sep == '/' && parts[2].len() == 4 {
        let y = nums[2] as i32;
        match (nums[0] > 12, nums[1] > 12) {
            (true, false) => ymd(y, nums[1], nums[0])?,
            (false, true) => ymd(y, nums[0], nums[1])?,
            _ => return None,
        }
    } else {
        return None;
    };
    found(i, date, Precision::Day)
}

/// An explicit date starting at token `i`, if any: "Dec. 3, 2025", "3 December".
pub(super) fn explicit_date(ctx: &Ctx, i: usize) -> Option<Found> {
    numeric_date(ctx, i)
        .or_else(|| month_day(ctx, i))
        .or_else(|| day_first(ctx, i))
}

/// A day after month `m` at token `k`, with an optional year: "3", "3, 2025", "3rd 2025".
fn day_and_year(ctx: &Ctx, k: usize, m: u32) -> Option<Found> {
    let d = day_of(ctx.raw(k))?;
    let with_year = if ctx.w(k + 1) == "," { k + 2 } else { k + 1 };
    if let Some(y) = year_of(ctx.raw(with_year)) {
        return found(with_year, ymd(y, m, d)?, Precision::Day);
    }
    found(k, nearest_year(ctx.article?, m, d)?, Precision::Day)
}

/// "Dec. 3", "December 3, 2025", "Dec 3 2025".
fn month_day(ctx: &Ctx, i: usize) -> Option<Found> {
    let (m, _) = month_of(ctx, i, true)?;
    day_and_year(ctx, i + 1, m)
}

/// Dates that start with a month: "Dec. 3", "December 3, 2025", "March 2024", "in March",
/// "early March", "last March", "mid-March", "March last year".
pub(super) fn month_first(ctx: &Ctx, i: usize) -> Option<Found> {
    if let Some(f) = month_day(ctx, i) {
        return Some(f);
    }
    // a modifier before the month belongs to the mention
    let modifier = match ctx.w(i) {
        m @ ("last" | "next" | "this" | "early" | "late" | "mid") => Some(m),
        _ => None,
    };
    let k = if modifier.is_some() { i + 1 } else { i };
    let (m, full) = match month_of(ctx, k, true) {
        Some(found) => found,
        None => {
            // "mid-March", "early-March"
            let raw = ctx.raw(k);
            let (_, rest) = raw.split_once('-')?;
            let prefix = ctx.w(k).split_once('-')?.0.to_string();
            if modifier.is_some() || !matches!(prefix.as_str(), "mid" | "early" | "late") {
                return None;
            }
            let p = MONTHS.iter().position(|&x| x == rest.to_lowercase())?;
            if !rest.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            (p as u32 + 1, true)
        }
    };
    if let Some(y) = year_of(ctx.raw(k + 1)) {
        return found(k + 1, ymd(y, m, 1)?, Precision::Month);
    }
    // a month alone: written in full, after a preposition or with a modifier
    let led = |w: &str| {
        TIME_LEAD.contains(&w)
            || matches!(w, "around" | "for" | "end" | "start" | "beginning" | "on")
    };
    let split = ctx.raw(k).contains('-');
    if day_of(ctx.raw(k + 1)).is_some() {
        return None; // a day that makes no date ("February 30, 2025")
    }
    if !full || (modifier.is_none() && !split && !led(ctx.prev(i))) {
        return None;
    }
    let article = ctx.article?;
    // "March last year", "December this year"
    if modifier.is_none() && ctx.w(k + 2) == "year" {
        let y = match ctx.w(k + 1) {
            "last" => Some(article.year() - 1),
            "this" => Some(article.year()),
            "next" => Some(article.year() + 1),
            _ => None,
        };
        if let Some(y) = y {
            return found(k + 2, ymd(y, m, 1)?, Precision::Month);
        }
    }
    let (y, am) = (article.year(), article.month());
    let year = match modifier {
        Some("last") => {
            if m < am {
                y
            } else {
                y - 1
            }
        }
        Some("next") => {
            if m > am {
                y
            } else {
                y + 1
            }
        }
        Some("this") => y,
        _ => {
            if m <= am {
                y
            } else {
                y - 1
            }
        }
    };
    found(k, ymd(year, m, 1)?, Precision::Month)
}

/// "3 December", "3rd December 2025", "3 Dec. 2025", "3rd of December".
pub(super) fn day_first(ctx: &Ctx, i: usize) -> Option<Found> {
    let d = day_of(ctx.raw(i))?;
    let k = if ctx.w(i + 1) == "of" { i + 2 } else { i + 1 };
    let (m, _) = month_of(ctx, k, true)?;
    if let Some(y) = year_of(ctx.raw(k + 1)) {
        return found(k + 1, ymd(y, m, d)?, Precision::Day);
    }
    found(k, nearest_year(ctx.article?, m, d)?, Precision::Day)
}

/// Words that lead a month or year standing alone ("in March", "since 2019", "by 2030",
/// "early 2020").
const TIME_LEAD: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "from",
    "to",
    "through",
    "before",
    "after",
    "of",
    "between",
    "and",
    "or",
    "throughout",
    "early",
    "late",
    "mid",
];

/// "in 2019", "since 2019", "by 2030": a year after a preposition.
pub(super) fn year_alone(ctx: &Ctx, i: usize) -> Option<Found> {
    let y = year_of(ctx.raw(i))?;
    if !(1900..=2100).contains(&y) || !TIME_LEAD.contains(&ctx.prev(i)) {
        return None;
    }
    let next = ctx.w(i + 1);
    if matches!(
        next,
        "%" | "percent" | "people" | "troops" | "soldiers" | "million" | "billion" | "thousand"
    ) {
        return None;
    }
    found(i, ymd(y, 1, 1)?, Precision::Year)
}
