//! Money and people counted in the text ("$100 million", "killing eight"), as an event
//! carries them. `dyad_text::amounts` finds them.

use serde::Serialize;

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Casualty {
    Killed,
    Injured,
    Arrested,
    Displaced,
    /// Counted without a casualty (`5,000 protesters`), or missing, abducted, taken hostage.
    Other,
}

/// What an amount measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum AmountKind {
    /// A sum of money in units of `currency` (an ISO 4217 code).
    Money { value: f64, currency: String },
    /// A count of people.
    People { value: f64, what: Casualty },
    /// Any other number.
    Number { value: f64 },
}

/// An amount found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    /// Character offsets into the text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: AmountKind,
}

impl Amount {
    /// The amount's value, whatever its kind.
    pub fn value(&self) -> f64 {
        value_of(&self.kind)
    }
}

/// The value of an amount of any kind.
pub fn value_of(kind: &AmountKind) -> f64 {
    match *kind {
        AmountKind::Money { value, .. }
        | AmountKind::People { value, .. }
        | AmountKind::Number { value } => value,
    }
}
