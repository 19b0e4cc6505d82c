//! The calendar apart from any text: how much of a date a mention fixes, the names of days
//! and months, reading a day or a year, date arithmetic, and the year of a day and month
//! written without one.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

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

pub(super) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(super) const MONTHS: [&str; 12] = [
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
pub(super) const MONTH_ABBREVIATIONS: [&[&str]; 12] = [
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

/// A day of the month: "3", "03", "3rd", "21st".
pub(super) fn day_of(raw: &str) -> Option<u32> {
    let digits: String = raw.chars().take_while(char::is_ascii_digit).collect();
    let rest = &raw[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year.
pub(super) fn year_of(raw: &str) -> Option<i32> {
    if raw.len() != 4 || !raw.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let y: i32 = raw.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn plus_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The first day of the month `months` months from `date`'s month.
pub(super) fn month_start(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let first = date.with_day(1)?;
    if months >= 0 {
        first.checked_add_months(Months::new(u32::try_from(months).ok()?))
    } else {
        first.checked_sub_months(Months::new(u32::try_from(months.unsigned_abs()).ok()?))
    }
}

/// Days after the article date within which a day and month without a year is taken to lie
/// ahead ("the Dec. 10 summit", "on Jan. 2" in a December article).
const AHEAD_DAYS: i64 = 90;

/// The year for month `m`, day `d` written without one: the date within [`AHEAD_DAYS`] after
/// the article date, else the most recent such date on or before it.
pub(super) fn nearest_year(article: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
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
