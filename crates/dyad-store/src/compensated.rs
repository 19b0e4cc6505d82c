//! A floating-point sum that keeps its rounding error apart, for sums that must come out as
//! SQLite's SUM gives them whatever the order of the rows (the Goldstein sums of
//! [`crate::aggregate`] and of the rollups' recount).

/// A sum of floating-point numbers with its rounding error kept apart, as SQLite's SUM keeps
/// it (Kahan–Babuška–Neumaier): the same sums as the SQL gave, whatever the order of the rows.
#[derive(Default)]
pub(crate) struct Compensated {
    sum: f64,
    error: f64,
}

impl Compensated {
    pub(crate) fn add(&mut self, x: f64) {
        let t = self.sum + x;
        if self.sum.abs() > x.abs() {
            self.error += (self.sum - t) + x;
        } else {
            self.error += (x - t) + self.sum;
        }
        self.sum = t;
    }

    pub(crate) fn total(&self) -> f64 {
        self.sum + self.error
    }
}
