//! Tests of the date finder: explicit, weekday and relative dates, offsets, odd input.

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
    let p = "seed-2025-12-04-beijing.txt";
    let text = crate::test_support::corpus(p);
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
                    let sliced: String = t.chars().skip(m.start).take(m.end - m.start).collect();
                    assert_eq!(sliced, m.text, "{t:?}");
                    assert!(m.start >= from && m.end <= to.min(n), "{t:?}");
                }
            }
        }
    }
}
