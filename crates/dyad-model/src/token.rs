//! A word or punctuation mark of an article, and the one normal form in which the text's words
//! and the dictionaries' words are compared.

use serde::Serialize;

/// A word or punctuation mark of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// The token as written.
    pub text: String,
    /// The form dictionaries are matched against: see [`normalize_word`].
    pub norm: String,
    /// Character (Unicode scalar) offsets into the document text, end exclusive.
    pub start: usize,
    pub end: usize,
}

/// Normalise one word of a dictionary phrase or one token of text so the two compare equal:
/// upper case, periods dropped (`U.S.` → `US`, `W.` → `W`), curly apostrophes made straight.
/// A token made only of periods stays `.`.
pub fn normalize_word(word: &str) -> String {
    if word.is_ascii() {
        // the common case, without going character by character: the same result as below
        let mut out = word.to_ascii_uppercase();
        if out.contains('.') {
            out.retain(|c| c != '.');
            if out.is_empty() {
                out.push('.');
            }
        }
        return out;
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '.' => {}
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_uppercase()),
            c => match fold_accent(c) {
                Some(folded) => out.push_str(folded),
                None => out.extend(c.to_uppercase()),
            },
        }
    }
    if out.is_empty() && !word.is_empty() {
        out.push('.');
    }
    out
}

/// The upper-case ASCII spelling of a Latin letter with a diacritic ("é" → "E", "ß" → "SS"),
/// so that "François", "Erdoğan" and "Élysée" match dictionaries written in ASCII.
fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' | 'Æ' => "AE",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "C",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ'
        | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' | 'Ğ' | 'Ĝ' | 'Ġ' | 'Ģ' => "G",
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => "H",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī'
        | 'Ĭ' | 'Į' | 'İ' => "I",
        'ĵ' | 'Ĵ' => "J",
        'ķ' | 'Ķ' => "K",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'œ' | 'Œ' => "OE",
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
        'ß' => "SS",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
        'þ' | 'Þ' => "TH",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ'
        | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ŵ' | 'Ŵ' => "W",
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => "Y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}
