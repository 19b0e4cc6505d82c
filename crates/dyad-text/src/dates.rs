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

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

use crate::sentences::Sentence;
use crate::tokens::{tokenize, Token};

/// How much of the date a mention fixes. `date` is the first day of a month or year, and for
/// a week the day the week is counted from (see the module notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

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
        tokens: &tokens,
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
                let start = tokens[i].start;
                let end = tokens[last].end.min(to).max(start);
                out.push(DateMention {
                    start,
                    end,
                    text: clause
                        .chars()
                        .skip(start - from)
                        .take(end - start)
                        .collect(),
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

/// A mention starting at the token tried: its last token and date.
struct Found {
    last: usize,
    date: NaiveDate,
    precision: Precision,
}

fn found(last: usize, date: NaiveDate, precision: Precision) -> Option<Found> {
    Some(Found {
        last,
        date,
        precision,
    })
}

struct Ctx<'a> {
    tokens: &'a [Token],
    lower: &'a [String],
    article: Option<NaiveDate>,
}

impl Ctx<'_> {
    fn w(&self, k: usize) -> &str {
        self.lower.get(k).map_or("", String::as_str)
    }

    fn raw(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.text.as_str())
    }

    fn prev(&self, k: usize) -> &str {
        if k == 0 {
            ""
        } else {
            self.w(k - 1)
        }
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviations of month names (with or without a period).
const MONTH_ABBREVIATIONS: [&[&str]; 12] = [
    &["jan"],
    &["feb"],
    &["mar"],
    &["apr"],
    &[],
    &["jun"],
    &["jul"],
    &["aug"],
    &["sep", "sept"],
    &["oct"],
    &["nov"],
    &["dec"],
];

/// Weekday at token `k`: 0 for Monday.
fn weekday_of(ctx: &Ctx, k: usize) -> Option<u32> {
    WEEKDAYS
        .iter()
        .position(|&d| d == ctx.w(k))
        .map(|p| p as u32)
}

/// Month at token `k` (1–12): a capitalised name, or an abbreviation when `abbreviated` is
/// allowed ("Dec.", "Sept"). Returns also whether it was written in full.
fn month_of(ctx: &Ctx, k: usize, abbreviated: bool) -> Option<(u32, bool)> {
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

/// A day of the month: "3", "03", "3rd", "21st".
fn day_of(raw: &str) -> Option<u32> {
    let digits: String = raw.chars().take_while(char::is_ascii_digit).collect();
    let rest = &raw[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year.
fn year_of(raw: &str) -> Option<i32> {
    if raw.len() != 4 || !raw.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = raw.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn plus_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The first day of the month `months` months from `date`'s month.
fn month_start(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let first = date.with_day(1)?;
    if months >= 0 {
        first.checked_add_months(Months::new(u32::try_from(months).ok()?))
    } else {
        first.checked_sub_months(Months::new(u32::try_from(months.unsigned_abs()).ok()?))
    }
}

/// `2025-12-03`, `2025/12/03`, `25/12/2025`, `12/25/2025` (not `12/3/2025`).
fn numeric_date(ctx: &Ctx, i: usize) -> Option<Found> {
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
fn explicit_date(ctx: &Ctx, i: usize) -> Option<Found> {
    numeric_date(ctx, i)
        .or_else(|| month_day(ctx, i))
        .or_else(|| day_first(ctx, i))
}

/// "Thursday", "on Thursday morning", "last Monday", "next Thursday", "Thursday, Dec. 4".
fn weekday(ctx: &Ctx, i: usize) -> Option<Found> {
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

/// Days after the article date within which a day and month without a year is taken to lie
/// ahead ("the Dec. 10 summit", "on Jan. 2" in a December article).
const AHEAD_DAYS: i64 = 90;

/// The year for month `m`, day `d` written without one: the date within [`AHEAD_DAYS`] after
/// the article date, else the most recent such date on or before it.
fn nearest_year(article: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let y = article.year();
    let candidates = [y + 1, y, y - 1].into_iter().filter_map(|y| ymd(y, m, d));
    let mut past = None;
    for date in candidates {
        let ahead = (date - article).num_days();
        if (1..=AHEAD_DAYS).contains(&ahead) {
            return Some(date);
        }
        if ahead <= 0 && past.is_none() {
            past = Some(date);
        }
    }
    past
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
fn month_first(ctx: &Ctx, i: usize) -> Option<Found> {
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
fn day_first(ctx: &Ctx, i: usize) -> Option<Found> {
    let d = day_of(ctx.raw(i))?;
    let k = if ctx.w(i + 1) == "of" { i + 2 } else { i + 1 };
    let (m, _) = month_of(ctx, k, true)?;
    if let Some(y) = year_of(ctx.raw(k + 1)) {
        return found(k + 1, ymd(y, m, d)?, Precision::Day);
    }
    found(k, nearest_year(ctx.article?, m, d)?, Precision::Day)
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
fn relative(ctx: &Ctx, i: usize) -> Option<Found> {
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
fn year_alone(ctx: &Ctx, i: usize) -> Option<Found> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::random_texts;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn article() -> Option<NaiveDate> {
        Some(d("2025-12-04")) // a Thursday
    }

    fn all(text: &str) -> Vec<(String, String, Precision)> {
        let n = text.chars().count();
        find_dates(text, 0, n, article())
            .into_iter()
            .map(|m| {
                let sliced: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                assert_eq!(sliced, m.text, "{text}");
                (m.text, m.date.to_string(), m.precision)
            })
            .collect()
    }

    /// The text has exactly one mention: this one.
    fn one(text: &str, span: &str, date: &str, precision: Precision) {
        let got = all(text);
        assert_eq!(
            got,
            vec![(span.to_string(), date.to_string(), precision)],
            "{text}"
        );
    }

    use Precision::*;

    #[test]
    fn weekdays() {
        one(
            "Macron met Xi on Thursday morning.",
            "Thursday morning",
            "2025-12-04",
            Day,
        );
        one("They spoke on Thursday.", "Thursday", "2025-12-04", Day);
        one("They spoke on Monday.", "Monday", "2025-12-01", Day);
        one("They spoke Friday.", "Friday", "2025-11-28", Day);
        one("since Sunday", "Sunday", "2025-11-30", Day);
        one("last Thursday", "last Thursday", "2025-11-27", Day);
        one("last Monday", "last Monday", "2025-12-01", Day);
        one("next Thursday", "next Thursday", "2025-12-11", Day);
        one("next Friday", "next Friday", "2025-12-05", Day);
        one("this Saturday", "this Saturday", "2025-12-06", Day);
        one("this Monday", "this Monday", "2025-12-01", Day);
        one("on Thursday's call", "Thursday", "2025-12-04", Day);
        one(
            "on Thursday, Dec. 4, 2025,",
            "Thursday, Dec. 4, 2025",
            "2025-12-04",
            Day,
        );
    }

    #[test]
    fn relative_days_weeks_months_years() {
        one("Today, he said", "Today", "2025-12-04", Day);
        one("he said yesterday", "yesterday", "2025-12-03", Day);
        one("talks tomorrow", "tomorrow", "2025-12-05", Day);
        one("late tonight", "tonight", "2025-12-04", Day);
        one("this morning", "this morning", "2025-12-04", Day);
        one("last night", "last night", "2025-12-03", Day);
        one("earlier last week", "last week", "2025-11-27", Week);
        one("this week", "this week", "2025-12-04", Week);
        one("next week", "next week", "2025-12-11", Week);
        one("last month", "last month", "2025-11-01", Month);
        one("this month", "this month", "2025-12-01", Month);
        one("next month", "next month", "2026-01-01", Month);
        one("earlier this year", "this year", "2025-01-01", Year);
        one("last year", "last year", "2024-01-01", Year);
        one("next year", "next year", "2026-01-01", Year);
        one("three days ago", "three days ago", "2025-12-01", Day);
        one("2 weeks ago", "2 weeks ago", "2025-11-20", Week);
        one("a month ago", "a month ago", "2025-11-01", Month);
        one("ten years ago", "ten years ago", "2015-01-01", Year);
    }

    #[test]
    fn explicit_dates() {
        one("on Dec. 3 he", "Dec. 3", "2025-12-03", Day);
        one("on Dec 3 he", "Dec 3", "2025-12-03", Day);
        one("on December 3 he", "December 3", "2025-12-03", Day);
        one("on December 3rd he", "December 3rd", "2025-12-03", Day);
        one("on 3 December 2025,", "3 December 2025", "2025-12-03", Day);
        one("on 3 Dec. 2024,", "3 Dec. 2024", "2024-12-03", Day);
        one("the 3rd of December", "3rd of December", "2025-12-03", Day);
        one("on Dec 3, 2025.", "Dec 3, 2025", "2025-12-03", Day);
        one("on Sept. 11, 2001,", "Sept. 11, 2001", "2001-09-11", Day);
        one("dated 2025-12-03.", "2025-12-03", "2025-12-03", Day);
        one("dated 2025/12/03.", "2025/12/03", "2025-12-03", Day);
        one("dated 25/12/2025.", "25/12/2025", "2025-12-25", Day);
        one("dated 12/25/2025.", "12/25/2025", "2025-12-25", Day);
        // without a year: ahead if within 90 days, else the most recent
        one("the Dec. 10 summit", "Dec. 10", "2025-12-10", Day);
        one("on Jan. 2 he", "Jan. 2", "2026-01-02", Day);
        one("on June 1 he", "June 1", "2025-06-01", Day);
        one("on April 3 he", "April 3", "2025-04-03", Day);
        one("on Feb. 29 he", "Feb. 29", "2024-02-29", Day);
        let late = find_dates("on Dec. 30", 0, 10, Some(d("2026-01-02")));
        assert_eq!(late[0].date, d("2025-12-30"));
    }

    #[test]
    fn months_and_years() {
        one("in March", "March", "2025-03-01", Month);
        one("in December", "December", "2025-12-01", Month);
        one("since early March", "early March", "2025-03-01", Month);
        one("by mid-March", "mid-March", "2025-03-01", Month);
        one("last March", "last March", "2025-03-01", Month);
        one("last December", "last December", "2024-12-01", Month);
        one("next March", "next March", "2026-03-01", Month);
        one("this March", "this March", "2025-03-01", Month);
        one("in March 2024", "March 2024", "2024-03-01", Month);
        one("in May", "May", "2025-05-01", Month);
        one(
            "in December last year",
            "December last year",
            "2024-12-01",
            Month,
        );
        one("in 2019", "2019", "2019-01-01", Year);
        one("since 2019,", "2019", "2019-01-01", Year);
        one("by 2030.", "2030", "2030-01-01", Year);
        assert_eq!(all("between 2019 and 2021").len(), 2);
    }

    #[test]
    fn not_dates() {
        for t in [
            "He may come. They march on.",
            "March on Washington",
            "2000 troops and 1,999 tanks",
            "the 2019 election",
            "12/3/2025 and 3/12/2025",
            "Dec. 32 and February 30, 2025",
            "Thursdays are quiet",
            "the last of them, this is it, next to him",
            "in 2019 percent",
        ] {
            assert!(all(t).is_empty(), "{t}: {:?}", all(t));
        }
    }

    #[test]
    fn seed_article() {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/corpus/seed-2025-12-04-beijing.txt"
        );
        let text = std::fs::read_to_string(p).expect("seed");
        let n = text.chars().count();
        let got: Vec<(String, String)> = find_dates(&text, 0, n, article())
            .into_iter()
            .map(|m| (m.text, m.date.to_string()))
            .collect();
        let want = [
            ("2025-12-04", "2025-12-04"),
            ("next year", "2026-01-01"),
            ("Thursday morning", "2025-12-04"),
            ("Thursday", "2025-12-04"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
        // from/to select a part of the text
        let body = " date 2025-12-04 BEIJING: ".chars().count();
        let part = find_dates(&text, body, n, article());
        assert_eq!(part.len(), 3);
        assert!(part[0].start >= body);
    }

    #[test]
    fn without_an_article_date() {
        let t = "On Thursday, Dec. 3 and in March, then 3 December 2025 and in 2019, yesterday";
        let got: Vec<String> = find_dates(t, 0, t.chars().count(), None)
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(got, vec!["3 December 2025", "2019"]);
    }

    #[test]
    fn range_and_offsets() {
        let t = "Émile é “hier” — Éric left on Monday, not Tuesday.";
        let n = t.chars().count();
        let all = find_dates(t, 0, n, article());
        assert_eq!(all.len(), 2);
        let monday = t.chars().take_while(|&c| c != 'M').count();
        assert_eq!(all[0].start, monday);
        let part = find_dates(t, monday + 1, n, article());
        assert_eq!(part.len(), 1);
        assert_eq!(part[0].text, "Tuesday");
        assert!(find_dates(t, 10, 5, article()).is_empty());
        assert!(find_dates(t, n + 5, n + 9, article()).is_empty());
        assert_eq!(find_dates(t, 0, n + 100, article()).len(), 2);
    }

    #[test]
    fn random_text_does_not_panic() {
        let pieces = [
            "Dec.",
            "3",
            ",",
            "2025",
            "last",
            "next",
            "this",
            "Thursday",
            "in",
            "March",
            "mid-March",
            "ago",
            "days",
            "2025-12-03",
            "12/25/2025",
            "today",
            "the",
            "of",
            "3rd",
            "May",
            "year",
            "week",
            "month",
            "é",
            "🙂",
            ".",
            "31",
            "February",
            "29",
            "a",
            "on",
            "9999",
            "0",
        ];
        for t in random_texts(&pieces) {
            let n = t.chars().count();
            for a in [article(), None, Some(NaiveDate::MAX), Some(NaiveDate::MIN)] {
                for m in find_dates(&t, 0, n, a) {
                    let sliced: String = t.chars().skip(m.start).take(m.end - m.start).collect();
                    assert_eq!(sliced, m.text, "{t:?}");
                }
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let extremes = [
            d("2025-12-04"),
            NaiveDate::MIN,
            NaiveDate::MAX,
            d("2024-02-29"),
            d("2025-01-31"),
        ];
        let odd = [
            "",
            " ",
            "last",
            "next",
            "this",
            "ago",
            "999 years ago",
            "99 days ago",
            "Dec.",
            "Dec. 31",
            "31 February",
            "0000-00-00",
            "9999-99-99",
            "2025-02-29",
            "1/1/1",
            "13/13/2025",
            "32/1/2025",
            "//",
            "--",
            "-1-2-3",
            "mid-",
            "mid-Foo",
            "-March",
            "MARCH 3",
            "Sept 31",
            "Thursday, ",
            "Thursday, Dec.",
            "last year ago",
            "in 0999",
            "in 2100",
            "next month next year",
            "日本 Thursday 🙂 today",
            "\u{0}today\u{0}",
            "ÉÉ last week ÉÉ",
            "Dec. 3, 99999",
        ];
        for a in extremes {
            for t in odd {
                let n = t.chars().count();
                for (from, to) in [(0, n), (1, n), (0, n.saturating_sub(1)), (n, n + 1)] {
                    for m in find_dates(t, from, to, Some(a)) {
                        let sliced: String =
                            t.chars().skip(m.start).take(m.end - m.start).collect();
                        assert_eq!(sliced, m.text, "{t:?}");
                        assert!(m.start >= from && m.end <= to.min(n), "{t:?}");
                    }
                }
            }
        }
    }
}
