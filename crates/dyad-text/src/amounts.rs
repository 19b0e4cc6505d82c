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

use crate::tokens::{Token, WholeText};

pub use dyad_model::amount::{Amount, AmountKind, Casualty};

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

/// [`find_amounts_in`], with or without the look at each token's first letter that skips the
/// detectors for words none of them starts at (most words of an article; a test checks that
/// both ways find the same).
fn find_amounts_filtered(whole: &WholeText, filter: bool) -> Vec<Amount> {
    let tokens = &whole.tokens[..];
    let ctx = Ctx {
        chars: &whole.chars,
        tokens,
        lower: &whole.lower,
    };
    let mut out = Vec::new();
    let mut floor = 0; // first token not yet used by an amount
    let mut i = 0;
    while i < tokens.len() {
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
    out
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

struct Ctx<'a> {
    chars: &'a [char],
    tokens: &'a [Token],
    lower: &'a crate::tokens::LowerWords,
}

impl Ctx<'_> {
    fn w(&self, k: usize) -> &str {
        self.lower.get(k).unwrap_or("")
    }

    fn raw(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.text.as_str())
    }

    fn amount(&self, first: usize, last: usize, kind: AmountKind) -> Amount {
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
    fn sentence_initial(&self, k: usize) -> bool {
        k == 0
            || matches!(
                self.raw(k - 1),
                "." | "!" | "?" | "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | ";" | "``"
            )
    }
}

/// A number read at some token: value, tokens `first..=last`, and what came with it.
#[derive(Debug, Clone, Copy)]
struct Qty {
    value: f64,
    last: usize,
    /// Currency written on the number itself (`US$2.5bn`).
    currency: Option<&'static str>,
    /// "dozens", "thousands", …
    vague: bool,
    /// Spelled in words ("twelve").
    words: bool,
    /// A plain run of digits (no separators, decimals or scale), for the year test.
    plain: Option<f64>,
}

/// Currency signs, longest first.
const SIGNS: &[(&str, &str)] = &[
    ("U.S.$", "USD"),
    ("CAN$", "CAD"),
    ("US$", "USD"),
    ("AU$", "AUD"),
    ("CA$", "CAD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("NT$", "TWD"),
    ("MX$", "MXN"),
    ("CN¥", "CNY"),
    ("JP¥", "JPY"),
    ("RMB", "CNY"),
    ("Rs.", "INR"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("Rs", "INR"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₴", "UAH"),
    ("₪", "ILS"),
    ("₦", "NGN"),
];

/// The first bytes of the ASCII-led [`SIGNS`].
const SIGN_FIRST_BYTES: &[u8] = b"UCAHNMJRS$";

/// ISO 4217 codes recognised when written out (`USD 5 million`, `100 million CNY`).
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "JPY", "RUB", "INR", "CHF", "AUD", "CAD", "HKD", "SGD", "NZD",
    "KRW", "BRL", "MXN", "ZAR", "TRY", "SAR", "AED", "QAR", "ILS", "UAH", "NGN", "EGP", "PKR",
    "IDR", "TWD", "SEK", "NOK", "DKK", "PLN", "IRR", "KES", "THB", "MYR", "PHP", "VND", "BDT",
    "ARS", "COP", "CLP", "KZT", "HUF", "CZK", "RON",
];

/// Currency words after a number, with the words that may qualify them (lower case).
const CURRENCY_WORDS: &[(&[&str], &[&str], &str)] = &[
    (&["hong", "kong"], &["dollars", "dollar"], "HKD"),
    (&["new", "zealand"], &["dollars", "dollar"], "NZD"),
    (&["new", "taiwan"], &["dollars", "dollar"], "TWD"),
    (&["south", "african"], &["rand"], "ZAR"),
    (&["south", "korean"], &["won"], "KRW"),
    (&["north", "korean"], &["won"], "KPW"),
    (&["sri", "lankan"], &["rupees", "rupee"], "LKR"),
    (&["new", "israeli"], &["shekels", "shekel"], "ILS"),
    (&["australian"], &["dollars", "dollar"], "AUD"),
    (&["canadian"], &["dollars", "dollar"], "CAD"),
    (&["singapore"], &["dollars", "dollar"], "SGD"),
    (&["taiwan"], &["dollars", "dollar"], "TWD"),
    (&["us"], &["dollars", "dollar"], "USD"),
    (&["u.s."], &["dollars", "dollar"], "USD"),
    (&["american"], &["dollars", "dollar"], "USD"),
    (&["mexican"], &["pesos", "peso"], "MXN"),
    (&["philippine"], &["pesos", "peso"], "PHP"),
    (&["argentine"], &["pesos", "peso"], "ARS"),
    (&["colombian"], &["pesos", "peso"], "COP"),
    (&["chilean"], &["pesos", "peso"], "CLP"),
    (&["swiss"], &["francs", "franc"], "CHF"),
    (&["cfa"], &["francs", "franc"], "XOF"),
    (&["pakistani"], &["rupees", "rupee"], "PKR"),
    (&["indian"], &["rupees", "rupee"], "INR"),
    (&["nepalese"], &["rupees", "rupee"], "NPR"),
    (&["saudi"], &["riyals", "riyal"], "SAR"),
    (&["qatari"], &["riyals", "riyal"], "QAR"),
    (&["iranian"], &["rials", "rial"], "IRR"),
    (&["egyptian"], &["pounds", "pound"], "EGP"),
    (&["lebanese"], &["pounds", "pound"], "LBP"),
    (&["british"], &["pounds", "pound"], "GBP"),
    (&["moroccan"], &["dirhams", "dirham"], "MAD"),
    (&["chinese"], &["yuan"], "CNY"),
    (&["japanese"], &["yen"], "JPY"),
    (
        &["russian"],
        &["rubles", "roubles", "ruble", "rouble"],
        "RUB",
    ),
    (&["turkish"], &["lira", "liras", "lire"], "TRY"),
    (&["ukrainian"], &["hryvnias", "hryvnia", "hryvnas"], "UAH"),
    (&["brazilian"], &["reais", "real"], "BRL"),
    (&["nigerian"], &["naira"], "NGN"),
    (&["indonesian"], &["rupiah"], "IDR"),
    (&["malaysian"], &["ringgit"], "MYR"),
    (&["thai"], &["baht"], "THB"),
    (&["vietnamese"], &["dong"], "VND"),
    (&["bangladeshi"], &["taka"], "BDT"),
    (&[], &["dollars", "dollar"], "USD"),
    (&[], &["euros", "euro"], "EUR"),
    (&[], &["pounds", "pound", "sterling"], "GBP"),
    (&[], &["yuan", "renminbi", "rmb"], "CNY"),
    (&[], &["yen"], "JPY"),
    (&[], &["rubles", "roubles", "ruble", "rouble"], "RUB"),
    (&[], &["rupees", "rupee"], "INR"),
    (&[], &["won"], "KRW"),
    (&[], &["francs"], "CHF"),
    (&[], &["riyals"], "SAR"),
    (&[], &["dirhams"], "AED"),
    (&[], &["shekels"], "ILS"),
    (&[], &["lira", "liras"], "TRY"),
    (&[], &["hryvnias", "hryvnia", "hryvnas"], "UAH"),
    (&[], &["rand"], "ZAR"),
    (&[], &["naira"], "NGN"),
    (&[], &["reais"], "BRL"),
    (&[], &["rupiah"], "IDR"),
    (&[], &["ringgit"], "MYR"),
    (&[], &["baht"], "THB"),
];

/// A currency sign at the start of `s` (longest first) and what follows it.
fn strip_sign(s: &str) -> Option<(&'static str, &str)> {
    // most words start with a letter no sign starts with: skip the list for them
    let first = *s.as_bytes().first()?;
    if first.is_ascii() && !SIGN_FIRST_BYTES.contains(&first) {
        return None;
    }
    SIGNS
        .iter()
        .find_map(|&(sign, code)| s.strip_prefix(sign).map(|rest| (code, rest)))
}

/// A token that is only a currency (`$`, `US$`, `Rs`, `RMB`, `USD`).
fn currency_token(raw: &str) -> Option<&'static str> {
    if let Some((code, "")) = strip_sign(raw) {
        return Some(code);
    }
    // every code is three capital letters (most three-letter words are not: skip the list)
    if raw.len() != 3 || !raw.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    ISO_CODES.iter().find(|&&c| c == raw).copied()
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

fn unit_word(w: &str) -> Option<f64> {
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
fn vague_word(w: &str) -> Option<f64> {
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
fn quantity(ctx: &Ctx, i: usize, currency_before: bool) -> Option<Qty> {
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

/// A currency word (or ISO code) at token `k`: the code and the last token it takes.
fn currency_after(ctx: &Ctx, k: usize) -> Option<(&'static str, usize)> {
    if let Some(&code) = ISO_CODES.iter().find(|&&c| c == ctx.raw(k)) {
        return Some((code, k));
    }
    for &(qual, words, code) in CURRENCY_WORDS {
        let q = qual.len();
        if qual.iter().enumerate().all(|(j, w)| ctx.w(k + j) == *w) && words.contains(&ctx.w(k + q))
        {
            let mut last = k + q;
            if ctx.w(last) != "sterling" && ctx.w(last + 1) == "sterling" {
                last += 1;
            }
            return Some((code, last));
        }
    }
    None
}

/// Words for people, with what they imply.
fn people_word(ctx: &Ctx, k: usize) -> Option<Casualty> {
    const OTHER: &[&str] = &[
        "people",
        "persons",
        "person",
        "civilians",
        "civilian",
        "soldiers",
        "soldier",
        "troops",
        "servicemen",
        "servicemembers",
        "police",
        "policemen",
        "officers",
        "officials",
        "protesters",
        "protestors",
        "demonstrators",
        "students",
        "student",
        "children",
        "child",
        "kids",
        "women",
        "men",
        "man",
        "woman",
        "residents",
        "villagers",
        "workers",
        "migrants",
        "pilgrims",
        "fighters",
        "militants",
        "rebels",
        "insurgents",
        "combatants",
        "jihadists",
        "gunmen",
        "members",
        "supporters",
        "activists",
        "journalists",
        "reporters",
        "passengers",
        "victims",
        "tourists",
        "doctors",
        "patients",
        "others",
        "more",
        "them",
        "those",
        "crew",
        "sailors",
        "miners",
        "farmers",
        "voters",
        "citizens",
        "nationals",
        "peacekeepers",
        "personnel",
        "staff",
        "employees",
        "teenagers",
        "infants",
        "babies",
        "adults",
        "family",
        "families",
        "inmates",
        "guards",
        "opponents",
        "dissidents",
    ];
    let w = ctx.w(k);
    if matches!(w, "refugees" | "evacuees" | "asylum-seekers" | "displaced") {
        return Some(Casualty::Displaced);
    }
    if matches!(w, "prisoners" | "detainees" | "arrestees") {
        return Some(Casualty::Arrested);
    }
    if matches!(w, "hostages" | "captives") {
        return Some(Casualty::Other);
    }
    if OTHER.contains(&w) {
        return Some(Casualty::Other);
    }
    // plural demonyms: "Palestinians", "Israelis", "Afghans", "Chinese"
    let raw = ctx.raw(k);
    let capital = raw.chars().next().is_some_and(char::is_uppercase);
    let demonym = w.ends_with("ans") || w.ends_with("is") || w.ends_with("ese");
    (capital && demonym && w.chars().count() > 4).then_some(Casualty::Other)
}

/// A casualty word at token `k` (after a count: "killed", "dead", "injured"), with the last
/// token it takes ("rounded up", "lost their lives", "taken hostage").
fn casualty_after(ctx: &Ctx, k: usize) -> Option<(Casualty, usize)> {
    let w = ctx.w(k);
    let what = match w {
        "killed" | "dead" | "died" | "slain" | "murdered" | "executed" | "perished"
        | "massacred" | "deaths" | "fatalities" => Casualty::Killed,
        "shot" if ctx.w(k + 1) == "dead" => return Some((Casualty::Killed, k + 1)),
        "lost" if ctx.w(k + 1) == "their" && ctx.w(k + 2) == "lives" => {
            return Some((Casualty::Killed, k + 2))
        }
        "injured" | "wounded" | "hurt" | "injuries" | "hospitalised" | "hospitalized" => {
            Casualty::Injured
        }
        "arrested" | "detained" | "jailed" | "imprisoned" | "captured" | "arrests"
        | "detentions" => Casualty::Arrested,
        "rounded" if ctx.w(k + 1) == "up" => return Some((Casualty::Arrested, k + 1)),
        "displaced" | "evacuated" | "fled" | "homeless" | "uprooted" => Casualty::Displaced,
        "taken" if ctx.w(k + 1) == "hostage" => return Some((Casualty::Other, k + 1)),
        "missing" | "abducted" | "kidnapped" | "casualties" => Casualty::Other,
        _ => return None,
    };
    Some((what, k))
}

/// Casualty verbs that take the count as object ("killing 8", "arrested 30 students").
fn casualty_verb(w: &str) -> Option<Casualty> {
    Some(match w {
        "killing" | "killed" | "kill" | "kills" | "executing" | "executed" | "shooting dead" => {
            Casualty::Killed
        }
        "injuring" | "injured" | "injure" | "injures" | "wounding" | "wounded" | "wounds" => {
            Casualty::Injured
        }
        "arresting" | "arrested" | "arrest" | "arrests" | "detaining" | "detained" | "detain"
        | "detains" | "jailing" | "jailed" => Casualty::Arrested,
        "displacing" | "displaced" | "displace" | "displaces" | "evacuating" | "evacuated" => {
            Casualty::Displaced
        }
        "abducting" | "abducted" | "kidnapping" | "kidnapped" => Casualty::Other,
        _ => return None,
    })
}

/// Words that may stand between a count and its casualty ("50 people were reportedly killed").
const AUX: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "will",
    "reportedly",
    "also",
    "now",
    "later",
    "all",
    "feared",
    "believed",
    "reported",
    "confirmed",
    "left",
    "remain",
    "remained",
    "still",
    "were",
    "either",
    "later",
    "since",
];

/// Nouns of time and measure after a number: such a number counts no people.
fn measure_word(w: &str) -> bool {
    matches!(
        w,
        "years"
            | "year"
            | "days"
            | "day"
            | "months"
            | "month"
            | "weeks"
            | "week"
            | "hours"
            | "hour"
            | "minutes"
            | "minute"
            | "seconds"
            | "times"
            | "percent"
            | "%"
            | "pct"
            | "per"
            | "kilometres"
            | "kilometers"
            | "km"
            | "miles"
            | "metres"
            | "meters"
            | "tonnes"
            | "tons"
            | "kg"
            | "points"
            | "votes"
            | "seats"
    )
}

/// Qualifiers before a count ("at least 50"): the first token of the qualifier.
fn qualifier_start(ctx: &Ctx, i: usize, floor: usize) -> usize {
    const QUALIFIERS: &[&[&str]] = &[
        &["at", "least"],
        &["at", "most"],
        &["more", "than"],
        &["fewer", "than"],
        &["less", "than"],
        &["as", "many", "as"],
        &["up", "to"],
        &["an", "estimated"],
        &["nearly"],
        &["almost"],
        &["about"],
        &["around"],
        &["some"],
        &["roughly"],
        &["approximately"],
        &["over"],
        &["estimated"],
        &["only"],
    ];
    for q in QUALIFIERS {
        let n = q.len();
        if i >= floor + n && q.iter().enumerate().all(|(j, w)| ctx.w(i - n + j) == *w) {
            return i - n;
        }
    }
    i
}

/// Words that end the modifiers between a number and a word for people ("2 when two
/// gunmen", "2001 brought many people", "5,000 with NATO members").
const NOT_MODIFIERS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "but", "when", "while", "as", "at", "in", "on", "to",
    "for", "from", "by", "with", "into", "than", "that", "which", "who", "many", "more", "most",
    "some", "all", "other", "these", "those", "their", "his", "her", "its", "our", "brought",
    "took", "made", "gave", "got", "left", "met", "saw", "sent", "put", "told", "said", "says",
    "led", "had", "has", "have", "did", "do", "does", "not", "no", "per",
];

/// Singular words for people, which count only one ("one person was killed").
fn singular(w: &str) -> bool {
    matches!(
        w,
        "person" | "civilian" | "soldier" | "student" | "child" | "man" | "woman"
    )
}

/// After a count `q`: a word for people and/or a casualty word. Returns what, and the last
/// token of the phrase. `pronouns` lets "them", "others", "more" count as people without a
/// casualty word (after a casualty verb: "injured 30 others").
fn people_after(ctx: &Ctx, q: &Qty, pronouns: bool) -> Option<(Casualty, usize)> {
    let last = q.last;
    // a year ("in 2001 people") counts people only with the word right after it
    let year = q.plain.is_some_and(is_year);
    let mut k = last + 1;
    let mut noun: Option<(Casualty, usize)> = None;
    if ctx.w(k) == "of" && !year {
        k += 1;
        if ctx.w(k) == "the" {
            k += 1;
        }
    }
    // a word for people, after at most two modifiers ("50 Palestinian civilians")
    let reach = if year { 1 } else { 3 };
    for m in k..k + reach {
        let t = ctx.tokens.get(m)?;
        if !t
            .text
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            break;
        }
        if let Some(what) = people_word(ctx, m) {
            let capital = t.text.chars().next().is_some_and(char::is_uppercase);
            if (!singular(ctx.w(m)) || q.value == 1.0) && !(year && capital) {
                noun = Some((what, m));
            }
            break;
        }
        let w = ctx.w(m);
        if AUX.contains(&w)
            || NOT_MODIFIERS.contains(&w)
            || w.ends_with("ly")
            || casualty_after(ctx, m).is_some()
            || measure_word(w)
        {
            break;
        }
    }
    // without a word for people the casualty follows the number itself ("dozens injured")
    let mut a = noun.map_or(last + 1, |(_, m)| m + 1);
    let mut steps = 0;
    let mut passive = false;
    while steps < 3 && AUX.contains(&ctx.w(a)) {
        passive |= matches!(
            ctx.w(a),
            "were" | "was" | "are" | "is" | "been" | "be" | "being"
        );
        a += 1;
        steps += 1;
    }
    if let Some((what, end)) = casualty_after(ctx, a) {
        // "two gunmen killed a guard": active, the count did the killing
        let verb = ctx.w(a).ends_with("ed") || ctx.w(a) == "shot";
        if passive || !verb || !has_object(ctx, end + 1) {
            return Some((what, end));
        }
    }
    // "twelve of them", "30 more": people only when a casualty follows
    noun.filter(|&(_, m)| pronouns || !matches!(ctx.w(m), "them" | "those" | "others" | "more"))
}

/// Does an object start at token `k` ("killed a guard", "killed two", "arrested him")?
fn has_object(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.w(k);
    matches!(
        w,
        "a" | "an"
            | "the"
            | "his"
            | "her"
            | "their"
            | "its"
            | "him"
            | "them"
            | "us"
            | "me"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "scores"
            | "several"
            | "at"
            | "more"
            | "some"
            | "about"
            | "nearly"
    ) || unit_word(w).is_some()
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// "killing 8", "arrested 30 students", "injuring at least a dozen people".
fn casualty_verb_first(ctx: &Ctx, i: usize) -> Option<(usize, usize, AmountKind)> {
    let what = casualty_verb(ctx.w(i))?;
    let mut j = i + 1;
    j = skip_qualifier(ctx, j);
    let q = quantity(ctx, j, false)?;
    let next = ctx.w(q.last + 1);
    if measure_word(next)
        || currency_after(ctx, q.last + 1).is_some()
        || (q.plain.is_some_and(is_year) && people_word(ctx, q.last + 1).is_none())
    {
        return None;
    }
    let last = match people_after(ctx, &q, true) {
        Some((_, end)) if casualty_after(ctx, end).is_none() => end,
        _ => q.last,
    };
    Some((
        i,
        last,
        AmountKind::People {
            value: q.value,
            what,
        },
    ))
}

/// Skip a qualifier ("at least") starting at token `j`.
fn skip_qualifier(ctx: &Ctx, j: usize) -> usize {
    for n in [3, 2, 1] {
        if j + n < ctx.tokens.len() && qualifier_start(ctx, j + n, j) == j {
            return j + n;
        }
    }
    j
}

/// "the death toll rose to 50", "a death toll of at least 12".
fn death_toll(ctx: &Ctx, i: usize) -> Option<(usize, usize, AmountKind)> {
    if ctx.w(i) != "death" || ctx.w(i + 1) != "toll" {
        return None;
    }
    const LINK: &[&str] = &[
        "rose",
        "risen",
        "climbed",
        "reached",
        "stood",
        "stands",
        "is",
        "was",
        "has",
        "had",
        "now",
        "to",
        "of",
        "at",
        "hit",
        "jumped",
        "increased",
        "grew",
        "been",
    ];
    let mut j = i + 2;
    while j < i + 7 && LINK.contains(&ctx.w(j)) {
        j += 1;
    }
    j = skip_qualifier(ctx, j);
    let q = quantity(ctx, j, false)?;
    if q.words && q.value < 1.0 {
        return None;
    }
    let last = match people_after(ctx, &q, true) {
        Some((_, end)) => end,
        None => q.last,
    };
    Some((
        i,
        last,
        AmountKind::People {
            value: q.value,
            what: Casualty::Killed,
        },
    ))
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

fn is_year(v: f64) -> bool {
    (1500.0..=2100.0).contains(&v)
}

fn is_month(raw: &str) -> bool {
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

#[cfg(test)]
mod sign_filter_tests {
    use super::*;

    #[test]
    fn the_first_byte_filter_lets_every_sign_through() {
        for (sign, _) in SIGNS {
            let b = sign.as_bytes()[0];
            assert!(!b.is_ascii() || SIGN_FIRST_BYTES.contains(&b), "{sign}");
        }
        assert!(ISO_CODES.iter().all(|c| c.len() == 3));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::random_texts;

    fn one(text: &str) -> Amount {
        let a = find_amounts(text);
        assert_eq!(a.len(), 1, "{text}: {a:#?}");
        a.into_iter().next().unwrap()
    }

    fn money(text: &str, span: &str, value: f64, currency: &str) {
        let a = one(text);
        assert_eq!(a.text, span, "{text}");
        assert_eq!(
            a.kind,
            AmountKind::Money {
                value,
                currency: currency.to_string()
            },
            "{text}"
        );
    }

    fn people(text: &str, span: &str, value: f64, what: Casualty) {
        let a = one(text);
        assert_eq!(a.text, span, "{text}");
        assert_eq!(a.kind, AmountKind::People { value, what }, "{text}");
    }

    fn number(text: &str, span: &str, value: f64) {
        let a = one(text);
        assert_eq!(a.text, span, "{text}");
        assert_eq!(a.kind, AmountKind::Number { value }, "{text}");
    }

    fn slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn money_forms() {
        money(
            "China will provide $100 million to help Gaza.",
            "$100 million",
            1e8,
            "USD",
        );
        money("a loan of US$2.5bn was agreed", "US$2.5bn", 2.5e9, "USD");
        money("a €2bn fund", "€2bn", 2e9, "EUR");
        money("a € 2 billion fund", "€ 2 billion", 2e9, "EUR");
        money("fined £30 million.", "£30 million", 3e7, "GBP");
        money("£30m in aid", "£30m", 3e7, "GBP");
        money("loans of 100 million yuan.", "100 million yuan", 1e8, "CNY");
        money("5 billion rubles in damage", "5 billion rubles", 5e9, "RUB");
        money("5 billion roubles", "5 billion roubles", 5e9, "RUB");
        money("a Rs 500 crore package", "Rs 500 crore", 5e9, "INR");
        money("Rs. 2 lakh each", "Rs. 2 lakh", 2e5, "INR");
        money("₹1,500 crore", "₹1,500 crore", 1.5e10, "INR");
        money("worth A$5 million", "A$5 million", 5e6, "AUD");
        money("HK$3.2 billion", "HK$3.2 billion", 3.2e9, "HKD");
        money("USD 5 million", "USD 5 million", 5e6, "USD");
        money("100 million CNY", "100 million CNY", 1e8, "CNY");
        money(
            "20 million Hong Kong dollars",
            "20 million Hong Kong dollars",
            2e7,
            "HKD",
        );
        money("10,000 Swiss francs", "10,000 Swiss francs", 1e4, "CHF");
        money("a billion dollars", "a billion dollars", 1e9, "USD");
        money("five million euros", "five million euros", 5e6, "EUR");
        money(
            "3 million pounds sterling",
            "3 million pounds sterling",
            3e6,
            "GBP",
        );
        money("¥500 billion", "¥500 billion", 5e11, "JPY");
        money("CN¥100", "CN¥100", 100.0, "CNY");
        money("millions of dollars", "millions of dollars", 2e6, "USD");
    }

    #[test]
    fn people_forms() {
        people(
            "At least 50 people were killed in the blast.",
            "At least 50 people were killed",
            50.0,
            Casualty::Killed,
        );
        people("Dozens injured.", "Dozens injured", 24.0, Casualty::Injured);
        people(
            "The strike hit a school, killing 8.",
            "killing 8",
            8.0,
            Casualty::Killed,
        );
        people(
            "Police arrested 30 students on Monday.",
            "arrested 30 students",
            30.0,
            Casualty::Arrested,
        );
        people(
            "The floods left thousands displaced.",
            "thousands displaced",
            2e3,
            Casualty::Displaced,
        );
        people(
            "hundreds of protesters were detained",
            "hundreds of protesters were detained",
            200.0,
            Casualty::Arrested,
        );
        people(
            "tens of thousands of people fled",
            "tens of thousands of people fled",
            2e4,
            Casualty::Displaced,
        );
        people(
            "more than 1,200 Palestinian civilians have been wounded",
            "more than 1,200 Palestinian civilians have been wounded",
            1200.0,
            Casualty::Injured,
        );
        people(
            "twelve soldiers died",
            "twelve soldiers died",
            12.0,
            Casualty::Killed,
        );
        people(
            "injuring at least a dozen people",
            "injuring at least a dozen people",
            12.0,
            Casualty::Injured,
        );
        people(
            "The death toll rose to 43.",
            "death toll rose to 43",
            43.0,
            Casualty::Killed,
        );
        people(
            "Some 5,000 protesters marched.",
            "Some 5,000 protesters",
            5e3,
            Casualty::Other,
        );
        people(
            "10,000 refugees crossed",
            "10,000 refugees",
            1e4,
            Casualty::Displaced,
        );
        people(
            "Two journalists were taken hostage",
            "Two journalists were taken hostage",
            2.0,
            Casualty::Other,
        );
        people(
            "Three Palestinians were killed",
            "Three Palestinians were killed",
            3.0,
            Casualty::Killed,
        );
        let a = find_amounts("The bombing killed 12 people and injured 30 others.");
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(a[0].text, "killed 12 people");
        assert_eq!(a[1].text, "injured 30 others");
        assert_eq!(
            a[1].kind,
            AmountKind::People {
                value: 30.0,
                what: Casualty::Injured
            }
        );
        people(
            "Two Palestinian gunmen also killed a guard.",
            "Two Palestinian gunmen",
            2.0,
            Casualty::Other,
        );
        people(
            "two armed men were shot dead",
            "two armed men were shot dead",
            2.0,
            Casualty::Killed,
        );
        people(
            "one person was hurt",
            "one person was hurt",
            1.0,
            Casualty::Injured,
        );
        let a =
            find_amounts("In 2001 Person of the Year; 2001 brought many people; a 15 man crew.");
        assert!(
            a.iter()
                .all(|a| matches!(a.kind, AmountKind::Number { .. })),
            "{a:#?}"
        );
        // a time after a casualty verb is no count of people
        let a = find_amounts("He was arrested 2 years ago.");
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].kind, AmountKind::Number { value: 2.0 });
    }

    #[test]
    fn number_forms() {
        number("about 1,200 in all", "1,200", 1200.0);
        number("twelve of them", "twelve", 12.0);
        number("Twelve.", "Twelve", 12.0);
        people(
            "twelve of them died",
            "twelve of them died",
            12.0,
            Casualty::Killed,
        );
        number("twenty-five times", "twenty-five", 25.0);
        number(
            "two hundred and fifty boxes",
            "two hundred and fifty",
            250.0,
        );
        number("3.5 tonnes", "3.5", 3.5);
        number("100 million in trade", "100 million", 1e8);
        number("the 2,019 boxes", "2,019", 2019.0);
    }

    #[test]
    fn what_is_not_an_amount() {
        for t in [
            "in 2019 and since 2020",
            "on Dec. 3 and on 4 December",
            "up 5% or 5 percent or 3 per cent",
            "at 4:00 p.m. and 9 am",
            "the G7 and G20, F-16 jets, a three-day visit, the 3rd day",
            "the Group of Seven said one thing",
            "one of the leaders",
            "dozens of times",
            "date 2025-12-04 BEIJING: hello",
            "",
        ] {
            let a = find_amounts(t);
            assert!(a.is_empty(), "{t}: {a:#?}");
        }
    }

    #[test]
    fn seed_amounts() {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/corpus/seed-2025-12-04-beijing.txt"
        );
        let text = std::fs::read_to_string(p).expect("seed");
        let a = find_amounts(&text);
        assert_eq!(a.len(), 1, "{a:#?}");
        assert_eq!(a[0].text, "$100 million");
        assert_eq!(slice(&text, a[0].start, a[0].end), "$100 million");
        assert_eq!(a[0].value(), 1e8);
    }

    #[test]
    fn offsets_are_characters() {
        let t = "Émile: “€2bn”, then 50 people were killed — £3m.";
        let a = find_amounts(t);
        assert_eq!(a.len(), 3, "{a:#?}");
        for x in &a {
            assert_eq!(slice(t, x.start, x.end), x.text);
        }
        assert_eq!(a[0].text, "€2bn");
        assert_eq!(a[1].text, "50 people were killed");
        assert_eq!(a[2].text, "£3m");
    }

    #[test]
    fn random_text_does_not_panic() {
        let pieces = [
            "$",
            "US$",
            "€",
            "£",
            "Rs",
            ".",
            "1,200",
            "2.5bn",
            "3",
            "0",
            "million",
            "billion",
            "crore",
            "lakh",
            "killed",
            "people",
            "were",
            "at",
            "least",
            "dozens",
            "of",
            "tens",
            "thousands",
            "twenty-five",
            "a",
            "hundred",
            "and",
            "killing",
            "death",
            "toll",
            "yuan",
            "Hong",
            "Kong",
            "dollars",
            "%",
            "é",
            "🙂",
            "Dec.",
            "2019",
            ",",
            "one",
        ];
        for t in random_texts(&pieces) {
            for a in find_amounts(&t) {
                assert!(a.start < a.end, "{t:?}");
                assert_eq!(slice(&t, a.start, a.end), a.text, "{t:?}");
                assert!(a.value().is_finite(), "{t:?}");
            }
        }
    }

    #[test]
    fn the_first_letter_filter_finds_what_the_detectors_find() {
        let pieces = [
            "$",
            "US$",
            "Rs",
            "RMB",
            "USD",
            "usd",
            "CNY",
            "€",
            "1,200",
            "2.5bn",
            "3",
            "million",
            "killed",
            "Killed",
            "arrested",
            "wounded",
            "abducting",
            "people",
            "were",
            "at",
            "least",
            "dozens",
            "Dozens",
            "of",
            "tens",
            "Tens",
            "thousands",
            "twenty-five",
            "Twenty-five",
            "a",
            "A",
            "an",
            "An",
            "hundred",
            "dozen",
            "and",
            "death",
            "Death",
            "toll",
            "rose",
            "to",
            "yuan",
            "Hong",
            "Kong",
            "dollars",
            "é",
            "Twelve",
            "twelve",
            "nineteen",
            "zero",
            ".",
            "“",
            ",",
            "said",
            "the",
            "The",
            "one",
            "ninety-nine",
        ];
        let mut texts = random_texts(&pieces);
        // and the bundled articles, a line at a time
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/corpus");
        for name in [
            "lee_abc_news.jsonl",
            "seed-2025-12-04-beijing.txt",
            "brown_press_1961.txt",
        ] {
            let text = std::fs::read_to_string(format!("{corpus}/{name}")).unwrap();
            texts.extend(text.lines().map(str::to_string));
        }
        let mut found = 0;
        for t in &texts {
            let whole = WholeText::new(t);
            let filtered = find_amounts_filtered(&whole, true);
            assert_eq!(filtered, find_amounts_filtered(&whole, false), "{t:?}");
            found += filtered.len();
        }
        assert!(found > 1000, "{found} amounts: the texts should hold many");
    }

    #[test]
    fn odd_input_does_not_panic() {
        let odd = [
            "$", "$$", "US$", "Rs", "Rs.", "€bn", "1,", ",1", "1..2", "1.2.3", "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 billion",
            "1e400", "killing", "killing at least", "at least", "death toll", "death toll rose to",
            "tens of", "hundreds of", "a", "an hundred", "and and", "twenty-", "-five",
            "٣ million", "５ people", "一 killed", "🙂 5 🙂 people 🙂 killed", "\u{0}5\u{0}",
            "5\u{a0}million dollars", "ninety-ninety", "one one one",
        ];
        for t in odd {
            for a in find_amounts(t) {
                assert!(a.start < a.end, "{t:?}");
                assert_eq!(slice(t, a.start, a.end), a.text, "{t:?}");
                assert!(a.value().is_finite(), "{t:?}");
            }
        }
    }
}
