//! Which currency an amount of money is in: the signs written before or on a number (`$`,
//! `US$`, `€`, `Rs`), ISO 4217 codes (`USD`, `CNY`) and currency words after a number
//! (`dollars`, `Hong Kong dollars`, `Swiss francs`). Currencies are given as ISO 4217 codes.

use super::context::Ctx;

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

/// Is `word` (upper case) the name of a currency that no verb or common noun shares, so that a
/// country's name or adjective right before it names the currency, not an actor ("1 million
/// U.S. dollars", "580 billion Japanese yen")? The words of [`CURRENCY_WORDS`] less those that
/// are English verbs or words too ("pounds", "won", "rand", "dong", "lira", "real" in "Italy
/// won", "Russia pounds Kyiv").
pub fn names_currency(word: &str) -> bool {
    // (asked of the word after every actor name the coder meets: a binary search of the
    // upper-case names, which a test keeps equal to CURRENCY_WORDS less the ambiguous words)
    word.len() > 2 && CURRENCY_NAMES.binary_search(&word).is_ok()
}

/// The unambiguous currency names of [`CURRENCY_WORDS`], upper case, sorted.
const CURRENCY_NAMES: &[&str] = &[
    "BAHT", "DIRHAM", "DIRHAMS", "DOLLAR", "DOLLARS", "EURO", "EUROS", "FRANC", "FRANCS",
    "HRYVNAS", "HRYVNIA", "HRYVNIAS", "LIRE", "NAIRA", "PESO", "PESOS", "REAIS", "RENMINBI",
    "RIAL", "RIALS", "RINGGIT", "RIYAL", "RIYALS", "RMB", "ROUBLE", "ROUBLES", "RUBLE", "RUBLES",
    "RUPEE", "RUPEES", "RUPIAH", "SHEKEL", "SHEKELS", "STERLING", "TAKA", "YEN", "YUAN",
];

/// Words of [`CURRENCY_WORDS`] that are English verbs or common words too, which
/// [`names_currency`] leaves out ("Italy won", "Russia pounds Kyiv").
#[cfg(test)]
const AMBIGUOUS_CURRENCY_WORDS: &[&str] = &[
    "pounds", "pound", "won", "rand", "dong", "lira", "liras", "real",
];

#[cfg(test)]
mod names_tests {
    use super::*;

    #[test]
    fn the_currency_names_are_the_unambiguous_currency_words_sorted() {
        let mut expected: Vec<String> = CURRENCY_WORDS
            .iter()
            .flat_map(|(_, units, _)| units.iter())
            .filter(|u| !AMBIGUOUS_CURRENCY_WORDS.contains(u))
            .map(|u| u.to_uppercase())
            .collect();
        expected.sort();
        expected.dedup();
        assert_eq!(CURRENCY_NAMES, expected.as_slice());
    }
}

/// Does a sum of money open these tokens (as written): a currency sign or code, alone or on
/// its number ("$", "US$", "$500", "USD"), or a number with a currency word in the two tokens
/// after it ("500 million dollars", "580 billion yen")?
pub fn starts_money(raw: &[&str]) -> bool {
    let Some(first) = raw.first() else {
        return false;
    };
    if strip_sign(first).is_some() || currency_token(first).is_some() {
        return true;
    }
    first.starts_with(|c: char| c.is_ascii_digit())
        && raw[1..].iter().take(2).any(|w| {
            CURRENCY_WORDS
                .iter()
                .any(|(_, units, _)| units.iter().any(|u| u.eq_ignore_ascii_case(w)))
        })
}

/// A currency sign at the start of `s` (longest first) and what follows it.
pub(super) fn strip_sign(s: &str) -> Option<(&'static str, &str)> {
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
pub(super) fn currency_token(raw: &str) -> Option<&'static str> {
    if let Some((code, "")) = strip_sign(raw) {
        return Some(code);
    }
    // every code is three capital letters (most three-letter words are not: skip the list)
    if raw.len() != 3 || !raw.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    ISO_CODES.iter().find(|&&c| c == raw).copied()
}

/// A currency word (or ISO code) at token `k`: the code and the last token it takes.
pub(super) fn currency_after(ctx: &Ctx, k: usize) -> Option<(&'static str, usize)> {
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
