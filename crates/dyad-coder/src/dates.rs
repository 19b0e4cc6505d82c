//! Event dates: the day an event's clause names — "on Thursday" (the most recent Thursday on or
//! before the article date, as wire copy uses it), "yesterday", "Dec. 3", "2025-12-03" — read
//! by `dyad_text::dates` from the clause's tokens, else the article date. A clause that names
//! only a month, week or year other than the article's tells a background act whose day the
//! text does not give ("agreed in 1994", "last month"). The guide leaves its date empty; the
//! store, its exports and `query --by` place every event on a day and do not yet agree on where
//! an undated one goes, so such an act keeps the publication date for now, and `--explain`
//! says it is background.

use chrono::{Datelike, NaiveDate};
use dyad_text::dates::{find_dates_in, Precision, TokenDate};
use dyad_text::Token;

/// Where a clause's date comes from.
pub enum DateChoice {
    /// The clause names a day.
    Day(TokenDate),
    /// The clause names only a period that does not hold the article date: no day is told.
    Background(TokenDate),
    /// The clause names no time: the article's own date.
    Publication,
}

/// How the date of a clause (its tokens) is chosen: the first day its words name, else the
/// first period they name when it is not the article's, else the publication.
pub fn choose(clause: &[Token], article: Option<NaiveDate>) -> DateChoice {
    let found = find_dates_in(clause, article);
    if let Some(d) = found.iter().find(|d| d.precision == Precision::Day) {
        return DateChoice::Day(*d);
    }
    match (found.into_iter().next(), article) {
        (Some(d), Some(a)) if !holds(&d, a) => DateChoice::Background(d),
        _ => DateChoice::Publication,
    }
}

/// The date of a clause: the day it names, else the article date (a background period
/// included: see the module's note). A day after the article's is that of an act planned
/// ("plan to recognize a Palestinian state on May 28"), and what was reported — the plan, the
/// intent, the announcement — is dated the day it was reported (docs/CODING-GUIDE.md: "will
/// meet … 036, dated the day it was reported").
pub fn clause_date(clause: &[Token], article: Option<NaiveDate>) -> Option<NaiveDate> {
    // (whether a period is background changes no date: only `choose`, for --explain, asks)
    find_dates_in(clause, article)
        .into_iter()
        .find(|d| d.precision == Precision::Day)
        .map(|d| d.date)
        .filter(|d| article.is_none_or(|a| *d <= a))
        .or(article)
}

/// Does a named period hold a day ("this week", "in 2025" for a story of 2025)?
fn holds(period: &TokenDate, day: NaiveDate) -> bool {
    let p = period.date;
    match period.precision {
        Precision::Day => p == day,
        Precision::Week => p <= day && day < p + chrono::Days::new(7),
        Precision::Month => p.year() == day.year() && p.month() == day.month(),
        Precision::Year => p.year() == day.year(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(text: &str, article: &str) -> Option<NaiveDate> {
        let sentence = dyad_text::Sentence::from_char_range(text, 0, text.chars().count());
        let tokens = dyad_text::tokenize(text, &sentence);
        clause_date(&tokens, Some(article.parse().unwrap()))
    }

    #[test]
    fn a_past_year_or_month_is_background_dated_by_publication() {
        let background = |text: &str, day: &str| {
            let sentence = dyad_text::Sentence::from_char_range(text, 0, text.chars().count());
            let tokens = dyad_text::tokenize(text, &sentence);
            matches!(choose(&tokens, day.parse().ok()), DateChoice::Background(_))
        };
        assert!(background(
            "Japan agreed in 1994 to extend loans",
            "1997-05-02"
        ));
        assert!(background("the two sides met last month", "2024-05-06"));
        assert!(!background("the two sides met this month", "2024-05-06"));
        assert_eq!(
            date_of("Japan agreed in 1994 to extend loans", "1997-05-02"),
            "1997-05-02".parse().ok()
        );
    }

    #[test]
    fn the_article_own_period_or_no_time_is_the_publication_date() {
        let day = "2024-05-06".parse().ok();
        assert_eq!(date_of("the two sides met this month", "2024-05-06"), day);
        assert_eq!(date_of("the two sides met in 2024", "2024-05-06"), day);
        assert_eq!(date_of("the two sides met", "2024-05-06"), day);
        assert_eq!(
            date_of("the two sides met on Thursday", "2024-05-06"),
            "2024-05-02".parse().ok()
        );
    }

    #[test]
    fn a_day_after_the_articles_is_a_plans_and_the_report_keeps_the_article_date() {
        let day = "2024-05-22".parse().ok();
        assert_eq!(
            date_of("they plan to recognize the state on May 28", "2024-05-22"),
            day
        );
        assert_eq!(
            date_of("they met on May 20", "2024-05-22"),
            "2024-05-20".parse().ok()
        );
    }
}
