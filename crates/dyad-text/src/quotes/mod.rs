//! Direct quotations in article text: where each quotation is, how many paragraphs it runs
//! over, and the words that attribute it (the cue, "the French leader said") and name its
//! speaker ("the French leader"). This module only reads text; linking speakers to actors and
//! quotes to events is the coder's job.
//!
//! What counts as a quotation:
//!
//! * Text between double quotation marks: curly `“…”`, straight `"…"` (a straight mark opens
//!   after white space or a bracket and closes before white space or punctuation), guillemets
//!   `«…»` and the PTB pair ``` ``…'' ```. Opening and closing marks of different styles pair up
//!   (`said that "China supports…”`). Single marks and apostrophes inside (`‘…’`, `China's`)
//!   are part of the quoted text.
//! * Quotations running over several paragraphs (paragraphs are separated by a blank line):
//!   the newswire convention leaves a paragraph's quotation unclosed and opens the next
//!   paragraph with a quotation mark; the quotation then continues there. The opening marks
//!   of the later paragraphs are left out of [`Quote::text`] (but lie inside `start..end`).
//! * British-style single quotation marks (`‘…,’ he said`) are taken only when the quotation
//!   is attributed, so apostrophes (`China's`, `the students' union`, `'90s`) are never
//!   quotations.
//!
//! A mark that never finds its partner (in its paragraph, or in a continuing paragraph) is
//! ignored, as is a closing mark with nothing open. An opening mark inside an open quotation
//! continues it when it follows a full stop (`…concerned. "In fact, …"`: continued paragraphs
//! run together, as in text whose paragraph breaks were lost) and otherwise starts a new
//! quotation (the earlier mark is taken to be a typo). Every quotation found is
//! returned, also scare quotes and titles, which get no cue.
//!
//! Attribution is read around the quotation, in the same paragraph:
//!
//! * after it: `“…,” the French leader said`, `“…,” he added`, `“…?” she asked`,
//!   `“…,” said Xi`, `“…,” according to the ministry` — not after a quotation ending in a full
//!   stop, unless a lower-case word follows (`“….” he said`);
//! * before it: `Xi said: “…”`, `He told reporters, “…”`, `X said that "…"`,
//!   `According to Xi, “…”`.
//!
//! Verbs of saying: say, add, tell, state, note, warn, insist, ask, declare, announce, stress,
//! explain, reply, continue, argue, write, urge, emphasise, acknowledge, caution, recall,
//! remark (in their usual forms), and "according to". The speaker is the noun phrase next to
//! the verb ("the French leader", "he", "Chinese Foreign Minister Wang Yi"); when none is next
//! to it (`Xi did not respond to France's call, but said that "…"`), the subject that opens
//! the clause ("Xi"). The cue covers the speaker too when the two are adjacent, and before a
//! quotation runs up to it (`Xi told reporters`, `said that`). A quotation without attribution
//! that closely follows an attributed one in the same paragraph (`“…,” he said. “…”`: at most
//! one sentence end and four words between them) shares its cue and speaker.
//!
//! The files, each using only those listed before it: `context` (the text as characters,
//! tokens and paragraphs; spans), `attribution` (cue and speaker around a quotation), `marks`
//! (quotation marks and the quotations they enclose), and this file: the pass that puts them
//! together and lets a quotation share the attribution of the one before it.

mod attribution;
mod context;
mod marks;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::tokens::WholeText;

pub use context::Span;

use attribution::attribution;
use context::{paragraphs, Ctx};
use marks::{double_quotes, single_quotes, trimmed_content};

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Character offsets of the quoted words, without the quotation marks (and without the
    /// comma that ends a quotation before its attribution: `“…ever,” he said`).
    pub start: usize,
    pub end: usize,
    /// The quoted words: `start..end` less the opening marks of continued paragraphs.
    pub text: String,
    /// The attribution words ("the French leader said", "he added", "said that").
    pub cue: Option<Span>,
    /// The speaker's words ("the French leader", "he", "Xi").
    pub speaker: Option<Span>,
    /// Number of paragraphs the quotation runs over (1 for most).
    pub paragraphs: usize,
}

/// Find every quotation in `text` (a whole article, or any piece of one), in text order.
/// Offsets are character offsets into `text`. Never panics.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    find_quotes_in(&WholeText::new(text))
}

/// [`find_quotes`] on a text read already (its characters and tokens), which
/// [`crate::amounts::find_amounts_in`] can share.
pub fn find_quotes_in(whole: &WholeText) -> Vec<Quote> {
    let chars = &whole.chars[..];
    let tokens = &whole.tokens[..];
    let ctx = Ctx {
        chars,
        tokens,
        lower: &whole.lower,
        paras: paragraphs(chars),
    };

    let mut raw = double_quotes(&ctx);
    raw.extend(single_quotes(&ctx, &raw));
    raw.sort_by_key(|r| r.open_start);

    let mut out: Vec<Quote> = Vec::new();
    // the last quotation: its last paragraph, where it and its attribution end, cue, speaker
    let mut prev: Option<(usize, usize, Option<Span>, Option<Span>)> = None;
    for r in &raw {
        let Some((start, end)) = trimmed_content(chars, r) else {
            continue;
        };
        let (mut cue, mut speaker) = match r.attribution.clone() {
            Some(a) => a,
            None => attribution(&ctx, r),
        };
        if cue.is_none() {
            if let Some((p, after, c, s)) = &prev {
                if *p == r.first_para && c.is_some() && short_gap(chars, *after, r.open_start) {
                    cue = c.clone();
                    speaker = s.clone();
                }
            }
        }
        let text: String = (start..end)
            .filter(|i| !r.holes.iter().any(|&(a, b)| (a..b).contains(i)))
            .map(|i| chars[i])
            .collect();
        let after = cue.as_ref().map_or(r.close_end, |c| c.end.max(r.close_end));
        prev = Some((r.last_para, after, cue.clone(), speaker.clone()));
        out.push(Quote {
            start,
            end,
            text,
            cue,
            speaker,
            paragraphs: r.last_para - r.first_para + 1,
        });
    }
    out
}

/// Does little stand between one quotation (with its attribution) and the next: at most one
/// sentence end and four words ("“…,” he said on Thursday. “…”")?
fn short_gap(chars: &[char], from: usize, to: usize) -> bool {
    let gap = chars.get(from..to).unwrap_or(&[]);
    let stops = gap
        .iter()
        .filter(|c| matches!(c, '.' | '!' | '?' | ';'))
        .count();
    let words = gap
        .split(|c| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    stops <= 1 && words <= 4
}
