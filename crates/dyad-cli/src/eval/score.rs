//! Precision, recall and F1 from matched, expected and produced events; which events count.

use dyad_coder::{Event, Modality};
use serde::Serialize;

/// Counts behind precision, recall and F1.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Score {
    pub records: usize,
    pub exact: usize,
    pub expected: usize,
    pub produced: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub exact_rate: f64,
}

impl Score {
    pub(crate) fn add(&mut self, exact: bool, expected: usize, produced: usize, matched: usize) {
        self.records += 1;
        self.exact += exact as usize;
        self.expected += expected;
        self.produced += produced;
        self.matched += matched;
    }

    /// Expected, produced and matched events, precision, recall and F1, as the tables of
    /// `dyad eval` print them (the columns `expected produced matched precision recall F1`).
    pub(crate) fn cells(&self) -> String {
        format!(
            "{:>8} {:>8} {:>7} {:>8.1}% {:>6.1}% {:>5.1}%",
            self.expected,
            self.produced,
            self.matched,
            100.0 * self.precision,
            100.0 * self.recall,
            100.0 * self.f1
        )
    }

    pub(crate) fn finish(&mut self) {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.matched, self.produced);
        self.recall = ratio(self.matched, self.expected);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
        self.exact_rate = ratio(self.exact, self.records);
    }
}

/// Events the text asserts or announces: negated and hypothetical ones are not events.
pub(crate) fn is_positive(e: &Event) -> bool {
    !e.negated && e.modality != Modality::Hypothetical
}
