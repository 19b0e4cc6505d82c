//! Amounts in article text: sums of money with their currency ("$100 million", "US$2.5bn",
//! "Rs 500 crore"), counts of people and what happened to them ("at least 50 people were
//! killed", "arresting 30 students", "thousands displaced"), and other numbers ("1,200",
//! "twelve"). This module only reads text; tying an amount to an event (aid pledged, a death
//! toll) is the coder's job.
//!
//! Values:
//!
//! * Digits with thousands separators and decimals (`1,200`, `2.5`; Indian grouping
//!   `5,00,000` too), number words (`twelve`, `twenty-five`, `two hundred and fifty`,
//!   `a million`), scaled by `thousand`, `million`, `billion`, `trillion`, `lakh` (100,000),
//!   `crore` (10 million) and the suffixes `bn`, `mn`, `tn` (and `m`, `k`, `b` after a
//!   currency: `$30m`).
//! * Vague counts take their lower bound: `dozens` 24, `scores` 40, `hundreds` 200,
//!   `thousands` 2,000, `millions` 2,000,000, `tens of thousands` 20,000, `hundreds of
//!   thousands` 200,000 (`a dozen` is 12). They are amounts only as counts of people or money
//!   (`thousands displaced`, `millions of dollars`), never as bare numbers.
//! * "at least 50", "more than 50", "nearly 50", "some 50" all count 50: the number as
//!   written. The qualifier is part of the span of a count of people.
//!
//! Money needs a currency: a sign before the number (`$`, `US$`, `A$`, `HK$`, `€`, `£`, `¥`,
//! `CN¥`, `₹`, `Rs`, `₽`, `₩`, …, `$` alone being US dollars and `¥` alone yen), an ISO 4217
//! code before or after it (`USD 5 million`, `100 million CNY`), or a currency word after it
//! (`dollars`, `euros`, `pounds`, `yuan`, `renminbi`, `yen`, `rubles`, `rupees`, `won`, …,
//! also qualified: `Hong Kong dollars`, `Swiss francs`, `Pakistani rupees`). Currencies are
//! given as ISO 4217 codes.
//!
//! A count of people is a number with a word for people (`people`, `civilians`, `soldiers`,
//! `students`, a plural demonym such as `Palestinians`, …) and/or a casualty word after it
//! (`were killed`, `dead`, `injured`, `arrested`, `displaced`, `missing`, …), a casualty verb
//! before it (`killing 8`, `arrested 30 students`, `injuring dozens`), or a death toll
//! (`the death toll rose to 50`). The casualty decides [`Casualty`]; a count with no casualty
//! word is `Other` (refugees count as displaced, prisoners and detainees as arrested).
//!
//! Left out as numbers: years (`2019`, any plain 1500–2100), day numbers next to a month
//! (`Dec. 3`, `3 December`), clock times, percentages (`5%`, `5 percent`), ordinals, numbers
//! inside words (`G7`, `F-16`, `three-day`), a lone `one`/`a`, and capitalised number words
//! inside a sentence (`the Group of Seven`).
//!
//! The files, each using only those listed before it: `context` (the tokens as the detectors
//! read them), `currency` (signs, ISO codes, currency words), `numbers` (a number at a token),
//! `casualties` (counts of people, casualty words and verbs, death tolls), and this file: the
//! pass over the tokens and the detectors that start at a currency or a number.

mod casualties;
mod context;
mod currency;
mod numbers;
#[cfg(test)]
mod tests;

use crate::tokens::WholeText;

pub use currency::{names_currency, starts_money};
pub use dyad_model::amount::{Amount, AmountKind, Casualty};

use casualties::{casualty_verb, casualty_verb_first, death_toll, people_after, qualifier_start};
use context::Ctx;
use currency::{currency_after, currency_token};
use numbers::{is_month, is_year, quantity, unit_word, vague_word};

/// Find every amount in `text`, in text order, without overlaps. Offsets are character
/// offsets into `text`. Never panics.
pub fn find_amounts(text: &str) -> Vec<Amount> {
    find_amounts_in(&WholeText::new(text))
}

/// [`find_amounts`] on a text read already (its characters and tokens), which
/// [`crate::quotes::find_quotes_in`] can share.
pub fn find_amounts_in(whole: &WholeText) -> Vec<Amount> {
    find_amounts_filtered(whole, true)
}

/// The amounts that start in the given stretches of the text (character offsets, in order,
/// not overlapping: the sentences a caller wants amounts of), each stretch read as
/// [`find_amounts_in`] reads the whole text. An amount does not run from one sentence into
/// the next, so for whole sentences this finds what [`find_amounts_in`] finds in them, without
/// reading the rest of the article.
pub fn find_amounts_within(whole: &WholeText, stretches: &[(usize, usize)]) -> Vec<Amount> {
    let mut out = Vec::new();
    for &(start, end) in stretches {
        let first = whole.tokens.partition_point(|t| t.start < start);
        let last = whole.tokens.partition_point(|t| t.start < end);
        find_amounts_from(whole, true, first..last, &mut out);
    }
    out
}

/// [`find_amounts_in`], with or without the look at each token's first letter that skips the
/// detectors for words none of them starts at (most words of an article; a test checks that
/// both ways find the same).
fn find_amounts_filtered(whole: &WholeText, filter: bool) -> Vec<Amount> {
    let mut out = Vec::new();
    find_amounts_from(whole, filter, 0..whole.tokens.len(), &mut out);
    out
}

/// The amounts that start at tokens `range` (read with the whole text around them).
fn find_amounts_from(
    whole: &WholeText,
    filter: bool,
    range: std::ops::Range<usize>,
    out: &mut Vec<Amount>,
) {
    let tokens = &whole.tokens[..];
    let ctx = Ctx {
        chars: &whole.chars,
        tokens,
        lower: &whole.lower,
    };
    let mut floor = range.start; // first token not yet used by an amount
    let mut i = range.start;
    while i < range.end {
        if filter && !may_start_amount(&ctx, i) {
            i += 1;
            continue;
        }
        let found = casualty_verb_first(&ctx, i)
            .or_else(|| death_toll(&ctx, i))
            .or_else(|| money_sign_first(&ctx, i))
            .or_else(|| quantity_first(&ctx, i, floor));
        match found {
            Some((first, last, kind)) if dyad_model::amount::value_of(&kind).is_finite() => {
                out.push(ctx.amount(first, last, kind));
                floor = last + 1;
                i = last + 1;
            }
            _ => i += 1,
        }
    }
}

/// Can an amount start at token `i`? Only a token led by a capital, a digit, `$` or a
/// character outside ASCII can be a number or a currency (digits, signs, ISO codes,
/// sentence-initial "Twelve"); any other token must be a word the detectors begin with: a
/// casualty verb ("killed 12"), "death" ("death toll"), a vague count ("dozens"), "tens",
/// "a"/"an" ("a million") or a number word.
fn may_start_amount(ctx: &Ctx, i: usize) -> bool {
    let raw = ctx.raw(i);
    let first = raw.as_bytes().first().copied().unwrap_or(b' ');
    if first.is_ascii_uppercase() || first.is_ascii_digit() || first == b'$' || !first.is_ascii() {
        return true;
    }
    let w = ctx.w(i);
    matches!(w, "a" | "an" | "death" | "tens")
        || casualty_verb(w).is_some()
        || vague_word(w).is_some()
        || unit_word(w).is_some()
}

/// "$100 million", "€ 2bn", "Rs 500 crore", "USD 5 million": a currency token, then a number.
fn money_sign_first(ctx: &Ctx, i: usize) -> Option<(usize, usize, AmountKind)> {
    let code = currency_token(ctx.raw(i))?;
    let mut j = i + 1;
    if ctx.raw(j) == "." && ctx.raw(i) == "Rs" {
        j += 1;
    }
    let q = quantity(ctx, j, true)?;
    if q.vague {
        return None;
    }
    Some((
        i,
        q.last,
        AmountKind::Money {
            value: q.value,
            currency: code.to_string(),
        },
    ))
}

/// A number, then what it counts: money, people, or nothing (a bare number).
fn quantity_first(ctx: &Ctx, i: usize, floor: usize) -> Option<(usize, usize, AmountKind)> {
    let q = quantity(ctx, i, false)?;
    // money: a sign on the number, a currency word after it ("millions of dollars")
    let after = if q.vague && ctx.w(q.last + 1) == "of" {
        q.last + 2
    } else {
        q.last + 1
    };
    if let Some(code) = q.currency {
        if !q.vague {
            return Some((
                i,
                q.last,
                AmountKind::Money {
                    value: q.value,
                    currency: code.to_string(),
                },
            ));
        }
    }
    if let Some((code, last)) = currency_after(ctx, after) {
        return Some((
            i,
            last,
            AmountKind::Money {
                value: q.value,
                currency: code.to_string(),
            },
        ));
    }
    // people
    let year = q.plain.is_some_and(is_year);
    if let Some((what, last)) = people_after(ctx, &q, false) {
        return Some((
            qualifier_start(ctx, i, floor),
            last,
            AmountKind::People {
                value: q.value,
                what,
            },
        ));
    }
    // a bare number
    let next = ctx.w(q.last + 1);
    let prev = if i > 0 { ctx.raw(i - 1) } else { "" };
    let lone_one = q.words && q.last == i && ctx.w(i) == "one";
    let percent = matches!(next, "%" | "percent" | "pct" | "percentage")
        || (next == "per" && ctx.w(q.last + 2) == "cent");
    let clock = matches!(
        next,
        "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc" | "o'clock"
    );
    if q.vague
        || year
        || lone_one
        || percent
        || clock
        || is_month(prev)
        || is_month(ctx.raw(q.last + 1))
    {
        // consumed, but no amount
        return None;
    }
    Some((i, q.last, AmountKind::Number { value: q.value }))
}
