//! Dates relative to the article date: weekdays (`on Thursday`, `last Monday`, `next
//! Thursday`), `today`, `yesterday`, `last night`, `last week`, `this month`, `next year`,
//! `three days ago`.

use chrono::Datelike;

use super::calendar::{month_start, plus_days, ymd, Precision};
use super::context::{found, weekday_of, Ctx, Found};
use super::explicit::explicit_date;

/// "Thursday", "on Thursday morning", "last Monday", "next Thursday", "Thursday, Dec. 4".
pub(super) fn weekday(ctx: &Ctx, i: usize) -> Option<Found> {
    let modifier = match ctx.w(i) {
        m @ ("last" | "next" | "this" | "coming") => Some(m),
        _ => None,
    };
    let k = if modifier.is_some() { i + 1 } else { i };
    let wd = weekday_of(ctx, k)?;
    if modifier.is_none() {
        // "Thursday, Dec. 4": the explicit date dates it
        let after = if ctx.w(k + 1) == "," { k + 2 } else { k + 1 };
        if let Some(f) = explicit_date(ctx, after) {
            return Some(f);
        }
    }
    let article = ctx.article?;
    let cur = article.weekday().num_days_from_monday() as i64;
    let wd = wd as i64;
    let offset = match modifier {
        None => -((cur - wd).rem_euclid(7)),
        Some("last") => -(((cur - wd).rem_euclid(7) + 6) % 7 + 1),
        Some("next" | "coming") => ((wd - cur).rem_euclid(7) + 6) % 7 + 1,
        _ => wd - cur, // this
    };
    let mut last = k;
    if matches!(
        ctx.w(k + 1),
        "morning" | "afternoon" | "evening" | "night" | "noon"
    ) {
        last += 1;
    }
    found(last, plus_days(article, offset)?, Precision::Day)
}

/// Small counts for "three days ago".
fn count_of(w: &str) -> Option<i64> {
    const WORDS: [&str; 13] = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if let Some(p) = WORDS.iter().position(|&x| x == w) {
        return Some(p.max(1) as i64);
    }
    if w.len() <= 3 && !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) {
        return w.parse().ok();
    }
    None
}

/// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night",
/// "last/this/next week|month|year", "three days ago", "a year ago".
pub(super) fn relative(ctx: &Ctx, i: usize) -> Option<Found> {
    let article = ctx.article?;
    let w = ctx.w(i);
    let next = ctx.w(i + 1);
    let day = |last: usize, days: i64| found(last, plus_days(article, days)?, Precision::Day);
    match w {
        "today" | "tonight" => return day(i, 0),
        "yesterday" => return day(i, -1),
        "tomorrow" => return day(i, 1),
        _ => {}
    }
    let step = match w {
        "last" => Some(-1),
        "this" => Some(0),
        "next" => Some(1),
        _ => None,
    };
    if let Some(step) = step {
        return match next {
            "morning" | "afternoon" | "evening" if step == 0 => day(i + 1, 0),
            "night" if step == -1 => day(i + 1, -1),
            "week" => found(i + 1, plus_days(article, 7 * step)?, Precision::Week),
            "month" => found(i + 1, month_start(article, step)?, Precision::Month),
            "year" => found(
                i + 1,
                ymd(article.year() + step as i32, 1, 1)?,
                Precision::Year,
            ),
            _ => None,
        };
    }
    // "three days ago"
    let count = count_of(w)?;
    if ctx.w(i + 2) != "ago" {
        return None;
    }
    let last = i + 2;
    match next {
        "day" | "days" => day(last, -count),
        "week" | "weeks" => found(last, plus_days(article, -7 * count)?, Precision::Week),
        "month" | "months" => found(last, month_start(article, -count)?, Precision::Month),
        "year" | "years" => found(
            last,
            ymd(article.year() - i32::try_from(count).ok()?, 1, 1)?,
            Precision::Year,
        ),
        _ => None,
    }
}
