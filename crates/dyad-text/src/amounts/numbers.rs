//! Reading a number at a token: digits with separators, decimals and a scale suffix
//! (`1,200`, `2.5bn`, `US$30m`), number words (`twelve`, `twenty-five`, `two hundred and
//! fifty`, `a million`), scale words (`million`, `lakh`, `crore`) and vague counts (`dozens`,
//! `tens of thousands`); and the tests for numbers that are dates (years, month days).

use super::context::Ctx;
use super::currency::strip_sign;

/// A number read at some token: value, tokens `first..=last`, and what came with it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Qty {
    pub(super) value: f64,
    pub(super) last: usize,
    /// Currency written on the number itself (`US$2.5bn`).
    pub(super) currency: Option<&'static str>,
    /// "dozens", "thousands", …
    pub(super) vague: bool,
    /// Spelled in words ("twelve").
    pub(super) words: bool,
    /// A plain run of digits (no separators, decimals or scale), for the year test.
    pub(super) plain: Option<f64>,
}

/// Scale words, lower case.
fn scale_word(w: &str, weak_ok: bool) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" | "mn" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "crore" | "crores" | "cr" => 1e7,
        "m" if weak_ok => 1e6,
        "b" if weak_ok => 1e9,
        "k" if weak_ok => 1e3,
        _ => return None,
    })
}

/// A numeric token: optional currency sign, digits (with separators and decimals), optional
/// scale suffix (`US$2.5bn`, `1,200`, `€2bn`, `Rs500`). `m`/`b`/`k` suffixes need a currency.
/// Returns the value, the currency and whether it is a plain run of digits.
fn numeric(raw: &str, currency_before: bool) -> Option<(f64, Option<&'static str>, bool)> {
    let (code, rest) = match strip_sign(raw) {
        Some((code, rest)) => (Some(code), rest),
        None => (None, raw),
    };
    // a number starts with a digit (the loop below finds none otherwise)
    if !rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let cs: Vec<char> = rest.chars().collect();
    let mut num = String::new();
    let mut plain = true;
    let mut seen_dot = false;
    let mut k = 0;
    while k < cs.len() {
        let c = cs[k];
        let between = k > 0
            && cs[k - 1].is_ascii_digit()
            && cs.get(k + 1).is_some_and(|d| d.is_ascii_digit());
        if c.is_ascii_digit() {
            num.push(c);
        } else if c == ',' && between {
            plain = false;
        } else if c == '.' && between && !seen_dot {
            seen_dot = true;
            plain = false;
            num.push('.');
        } else {
            break;
        }
        k += 1;
    }
    if num.is_empty() {
        return None;
    }
    let suffix: String = cs[k..].iter().collect::<String>().to_lowercase();
    let mult = if suffix.is_empty() {
        1.0
    } else {
        plain = false;
        scale_word(&suffix, code.is_some() || currency_before)?
    };
    let value = num.parse::<f64>().ok()? * mult;
    value.is_finite().then_some((value, code, plain))
}

pub(super) fn unit_word(w: &str) -> Option<f64> {
    if let Some(v) = unit(w).or_else(|| ten(w)) {
        return Some(v);
    }
    // "twenty-five": the tens word has five to seven letters, so the hyphen is among the first
    // eight bytes (a shorter look than a search of the whole word, for every word)
    let dash = w.bytes().take(8).position(|b| b == b'-')?;
    let t = ten(&w[..dash])?;
    let u = unit(&w[dash + 1..]).filter(|u| (1.0..=9.0).contains(u))?;
    Some(t + u)
}

/// "zero" to "nineteen" (a `match` on the word, which the compiler turns into a switch on its
/// length and a few comparisons: this runs for most words of an article).
fn unit(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

/// "twenty" to "ninety".
fn ten(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Vague counts and their lower bounds.
pub(super) fn vague_word(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 24.0,
        "scores" => 40.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "millions" => 2e6,
        "billions" => 2e9,
        _ => return None,
    })
}

/// The number at token `i`, if any (with its scale words).
pub(super) fn quantity(ctx: &Ctx, i: usize, currency_before: bool) -> Option<Qty> {
    let raw = ctx.raw(i);
    let w = ctx.w(i);
    let capital = raw.chars().next().is_some_and(char::is_uppercase);
    if let Some((mut value, currency, plain)) = numeric(raw, currency_before) {
        let weak_ok = currency_before || currency.is_some();
        let mut last = i;
        while let Some(s) = scale_word(ctx.w(last + 1), weak_ok) {
            value *= s;
            last += 1;
        }
        return Some(Qty {
            value,
            last,
            currency,
            vague: false,
            words: false,
            plain: (plain && last == i).then_some(value),
        });
    }
    if capital && !ctx.sentence_initial(i) {
        return None;
    }
    if let Some(v) = vague_word(w) {
        // "tens of thousands", "hundreds of thousands"
        let mut value = v;
        let mut last = i;
        if ctx.w(i + 1) == "of" {
            if let Some(big) = vague_word(ctx.w(i + 2)).filter(|&b| b >= 2e3) {
                value = v / 2.0 * big;
                last = i + 2;
            }
        }
        return Some(Qty {
            value,
            last,
            currency: None,
            vague: true,
            words: true,
            plain: None,
        });
    }
    if w == "tens" && ctx.w(i + 1) == "of" {
        let big = vague_word(ctx.w(i + 2)).filter(|&b| b >= 2e3)?;
        return Some(Qty {
            value: 10.0 * big,
            last: i + 2,
            currency: None,
            vague: true,
            words: true,
            plain: None,
        });
    }
    number_words(ctx, i)
}

/// Spelled-out numbers: "twelve", "twenty-five", "two hundred and fifty", "a million",
/// "a dozen", "3 million" is handled with the digits.
fn number_words(ctx: &Ctx, i: usize) -> Option<Qty> {
    let big = |w: &str| match w {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        "lakh" => Some(1e5),
        "crore" => Some(1e7),
        _ => None,
    };
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut any = false;
    let mut last_unit = false;
    let mut last = i;
    let mut k = i;
    loop {
        let w = ctx.w(k);
        if k == i && matches!(w, "a" | "an") {
            let next = ctx.w(k + 1);
            if next == "hundred" || next == "dozen" || big(next).is_some() {
                cur = 1.0;
                any = true;
                k += 1;
                continue;
            }
            return None;
        }
        if let Some(v) = unit_word(w) {
            if last_unit {
                break;
            }
            cur += v;
            last_unit = true;
        } else if w == "hundred" && any {
            cur = cur.max(1.0) * 100.0;
            last_unit = false;
        } else if w == "dozen" && any {
            cur = cur.max(1.0) * 12.0;
            last_unit = false;
        } else if let (Some(b), true) = (big(w), any) {
            total += cur.max(1.0) * b;
            cur = 0.0;
            last_unit = false;
        } else if w == "and" && any && unit_word(ctx.w(k + 1)).is_some() && !last_unit {
            k += 1;
            continue;
        } else {
            break;
        }
        any = true;
        last = k;
        k += 1;
    }
    if !any || last < i || (last == i && matches!(ctx.w(i), "a" | "an")) {
        return None;
    }
    Some(Qty {
        value: total + cur,
        last,
        currency: None,
        vague: false,
        words: true,
        plain: None,
    })
}

pub(super) fn is_year(v: f64) -> bool {
    (1500.0..=2100.0).contains(&v)
}

pub(super) fn is_month(raw: &str) -> bool {
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ];
    let w = raw.trim_end_matches('.');
    MONTHS.contains(&w)
}
