//! Actor dictionaries (`Phoenix.*.actors.txt`, `PETR.Validate.actors.txt`): named actors, their
//! synonyms, and codes that may hold only for a span of time. See FORMATS.md §2.3.

use chrono::NaiveDate;

/// When a code applies. PETR-2's `[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE YYMMDD-YYMMDD]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRestriction {
    Always,
    /// Strictly before the date.
    Before(NaiveDate),
    /// On or after the date.
    From(NaiveDate),
    /// From the first date through the second, both inclusive (the documented TABARI meaning).
    Between(NaiveDate, NaiveDate),
}

impl DateRestriction {
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        match *self {
            DateRestriction::Always => true,
            DateRestriction::Before(d) => date < d,
            DateRestriction::From(d) => date >= d,
            DateRestriction::Between(a, b) => date >= a && date <= b,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub when: DateRestriction,
}

/// One actor: a primary name, its `+` synonyms, and its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// Primary name first, then synonyms; each a sequence of normalised words.
    pub names: Vec<Vec<String>>,
    /// Codes in file order. An undated code is the default.
    pub codes: Vec<DatedCode>,
    pub file: String,
    pub line: usize,
}

impl ActorEntry {
    /// The code on `date`: the first dated code that holds, else the first undated one; with no
    /// date, the first undated code, else the last dated one (the most recent role).
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        if let Some(d) = date {
            if let Some(c) = self
                .codes
                .iter()
                .find(|c| c.when != DateRestriction::Always && c.when.holds_on(d))
            {
                return Some(&c.code);
            }
        }
        if let Some(c) = self.codes.iter().find(|c| c.when == DateRestriction::Always) {
            return Some(&c.code);
        }
        if date.is_none() {
            return self.codes.last().map(|c| c.code.as_str());
        }
        None
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorDictionary {
    pub entries: Vec<ActorEntry>,
}
