//! The English word forms of dictionary entries: how dictionary phrases and text tokens are
//! normalised so that they compare equal, and the regular noun plurals and verb inflections the
//! readers generate.
//!
//! Both sides go through [`normalize_word`] (shared with the tokenizer): upper case, periods
//! dropped (so `U.S.`, `US` and the dictionary's `U.S._` agree, and the initial in
//! `GEORGE_W._BUSH` matches `W.`), curly apostrophes made straight.

use std::collections::HashSet;

pub use dyad_model::normalize_word;

/// English regular plural of an upper-case noun, as the PETRARCH readers generate it:
/// +S; Y→IES (after a consonant); S/X/Z/CH/SH→ES.
pub fn plural(word: &str) -> String {
    let w = word;
    if w.ends_with('S')
        || w.ends_with('X')
        || w.ends_with('Z')
        || w.ends_with("CH")
        || w.ends_with("SH")
    {
        format!("{w}ES")
    } else if w.ends_with('Y')
        && w.len() > 1
        && !matches!(w.as_bytes()[w.len() - 2], b'A' | b'E' | b'I' | b'O' | b'U')
    {
        format!("{}IES", &w[..w.len() - 1])
    } else {
        format!("{w}S")
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// The base form and the regular inflections of an upper-case verb: +S/+ES/Y→IES, +ED/+D/Y→IED,
/// +ING (a final silent E dropped, IE→YING), and for a final consonant after a single vowel
/// (STOP, REFER, SIGNAL) also the doubled-consonant forms (STOPPED, STOPPING). Over-generation
/// is harmless: a form that is not English never occurs in text.
pub fn regular_forms(verb: &str) -> Vec<String> {
    let w = verb;
    let b = w.as_bytes();
    let n = b.len();
    let mut out = vec![w.to_string()];
    if n == 0
        || !b
            .iter()
            .all(|c| c.is_ascii_alphabetic() || *c == b'-' || *c == b'\'')
    {
        // A form with other characters: only +S/+ED/+ING, no spelling rules.
        if n > 0 {
            out.extend([format!("{w}S"), format!("{w}ED"), format!("{w}ING")]);
        }
        return out;
    }
    let last = b[n - 1];
    let prev = if n >= 2 { Some(b[n - 2]) } else { None };
    let stem = &w[..n - 1];
    // third person singular
    if w.ends_with('S')
        || w.ends_with('X')
        || w.ends_with('Z')
        || w.ends_with("CH")
        || w.ends_with("SH")
    {
        out.push(format!("{w}ES"));
    } else if last == b'Y' && prev.is_some_and(|p| !is_vowel(p)) {
        out.push(format!("{stem}IES"));
    } else if last == b'O' && prev.is_some_and(|p| !is_vowel(p)) {
        out.push(format!("{w}ES"));
        out.push(format!("{w}S"));
    } else {
        out.push(format!("{w}S"));
    }
    // past
    if last == b'E' {
        out.push(format!("{w}D"));
    } else if last == b'Y' && prev.is_some_and(|p| !is_vowel(p)) {
        out.push(format!("{stem}IED"));
    } else {
        out.push(format!("{w}ED"));
    }
    // present participle
    if w.ends_with("IE") && n > 2 {
        out.push(format!("{}YING", &w[..n - 2]));
    } else if last == b'E' && n > 2 && !matches!(prev, Some(b'E' | b'Y' | b'O')) {
        out.push(format!("{stem}ING"));
    } else {
        out.push(format!("{w}ING"));
    }
    // doubled final consonant: C V C, the last not W/X/Y
    if n >= 3
        && !is_vowel(last)
        && !matches!(last, b'W' | b'X' | b'Y')
        && last.is_ascii_alphabetic()
    {
        let v = b[n - 2];
        let c = b[n - 3];
        if is_vowel(v) && !is_vowel(c) {
            let l = last as char;
            out.push(format!("{w}{l}ED"));
            out.push(format!("{w}{l}ING"));
        }
    }
    // PANIC → PANICKED
    if w.ends_with("IC") {
        out.push(format!("{w}KED"));
        out.push(format!("{w}KING"));
    }
    let mut seen = HashSet::new();
    out.retain(|f| seen.insert(f.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_inflection_rules() {
        let has = |v: &str, f: &str| regular_forms(v).contains(&f.to_string());
        assert!(
            has("RELEASE", "RELEASING") && has("RELEASE", "RELEASED") && has("RELEASE", "RELEASES")
        );
        assert!(has("AGREE", "AGREEING") && has("AGREE", "AGREED"));
        assert!(has("DENY", "DENIES") && has("DENY", "DENIED") && has("DENY", "DENYING"));
        assert!(has("DELAY", "DELAYS") && has("DELAY", "DELAYED"));
        assert!(has("PUSH", "PUSHES") && has("FIX", "FIXES") && has("VETO", "VETOES"));
        assert!(has("TIE", "TYING") && has("TIE", "TIED"));
        assert!(
            has("REFER", "REFERRED") && has("SIGNAL", "SIGNALLED") && has("SIGNAL", "SIGNALED")
        );
        assert!(has("PANIC", "PANICKED"));
        assert!(!has("VIEW", "VIEWWED") && !has("FIX", "FIXXED"));
        assert_eq!(regular_forms("ACCELERATE")[0], "ACCELERATE");
    }
}
