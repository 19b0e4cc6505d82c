//! The tokens of a text as the amount detectors read them: each token's lower-case form and
//! raw text by index (past the end, the empty word), and the [`Amount`] a run of tokens makes.

use dyad_model::amount::{Amount, AmountKind};

use crate::tokens::{LowerWords, Token};

pub(super) struct Ctx<'a> {
    pub(super) chars: &'a [char],
    pub(super) tokens: &'a [Token],
    pub(super) lower: &'a LowerWords,
}

impl Ctx<'_> {
    pub(super) fn w(&self, k: usize) -> &str {
        self.lower.get(k).unwrap_or("")
    }

    pub(super) fn raw(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.text.as_str())
    }

    pub(super) fn amount(&self, first: usize, last: usize, kind: AmountKind) -> Amount {
        let start = self.tokens[first].start;
        let end = self.tokens[last].end.min(self.chars.len()).max(start);
        Amount {
            start,
            end,
            text: self.chars[start.min(end)..end].iter().collect(),
            kind,
        }
    }

    /// Does token `k` begin a sentence (so a capital letter says nothing)?
    pub(super) fn sentence_initial(&self, k: usize) -> bool {
        k == 0
            || matches!(
                self.raw(k - 1),
                "." | "!" | "?" | "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | ";" | "``"
            )
    }
}
