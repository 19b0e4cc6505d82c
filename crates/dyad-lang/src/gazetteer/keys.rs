//! Name keys: the form in which names are compared ("Saint Petersburg" = "St. Petersburg" =
//! "ST PETERSBURG"), from a string or from a run of tokens.

use dyad_text::{normalize_word, Token};

/// The comparison key of a name: words upper-cased and folded to ASCII ([`normalize_word`]),
/// periods and apostrophes dropped, hyphens made spaces, "St" read as "Saint".
pub(crate) fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(name, &mut out);
    out
}

/// [`key`] into `out` (cleared first), whose room is kept from name to name.
fn key_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        ascii_key_into(name, out);
    } else {
        chars_key_into(name, out);
    }
}

/// The end of a word of a key from `word_start`: "ST" is read as "SAINT".
fn end_word(out: &mut String, word_start: usize) {
    if &out[word_start..] == "ST" {
        out.truncate(word_start);
        out.push_str("SAINT");
    }
}

/// [`key_into`] for any name, character by character.
fn chars_key_into(name: &str, out: &mut String) {
    let mut word_start = 0;
    let mut space = false;
    let mut buf = [0u8; 4];
    for c in name.chars() {
        if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—') {
            if out.len() > word_start {
                end_word(out, word_start);
                space = true;
            }
            continue;
        }
        if matches!(
            c,
            '\'' | '.' | 'ʻ' | 'ʼ' | 'ʿ' | 'ʾ' | '‘' | '’' | '`' | '´'
        ) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
            word_start = out.len();
        }
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push_str(&normalize_word(c.encode_utf8(&mut buf)));
        }
    }
    if out.len() > word_start {
        end_word(out, word_start);
    }
}

/// [`key_into`] for an ASCII name (most candidate names), byte by byte: the same steps with
/// the ASCII members of its character classes (white space and `-` separate words; `'`, `.`
/// and `` ` `` are dropped).
fn ascii_key_into(name: &str, out: &mut String) {
    let mut word_start = 0;
    let mut space = false;
    for b in name.bytes() {
        if b == b' ' || (b'\t'..=b'\r').contains(&b) || b == b'-' {
            if out.len() > word_start {
                end_word(out, word_start);
                space = true;
            }
            continue;
        }
        if matches!(b, b'\'' | b'.' | b'`') {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
            word_start = out.len();
        }
        out.push(char::from(b.to_ascii_uppercase()));
    }
    if out.len() > word_start {
        end_word(out, word_start);
    }
}

/// FNV-1a, to group keys quickly.
pub(super) fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Room for the keys of a sentence's candidate names, made once per sentence.
#[derive(Default)]
pub(super) struct KeyBuffers {
    span: String,
}

/// The key of a run of tokens, into `out`; a clitic ("'s") joins the word before it
/// ("People's").
pub(super) fn phrase_key_into(tokens: &[Token], buffers: &mut KeyBuffers, out: &mut String) {
    span_text_into(tokens, &mut buffers.span);
    key_into(&buffers.span, out);
}

fn span_text_into(tokens: &[Token], s: &mut String) {
    s.clear();
    for (n, t) in tokens.iter().enumerate() {
        if n > 0 && !t.text.starts_with(['\'', '’']) {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
}

pub(super) fn span_text(tokens: &[Token]) -> String {
    let mut s = String::new();
    span_text_into(tokens, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_names_key_as_character_by_character() {
        let pieces = [
            "St",
            "st",
            "ST",
            "Louis",
            "-",
            " ",
            "\t",
            "\n",
            "'",
            ".",
            "`",
            "Guinea",
            "Bissau",
            "O",
            "'Hare",
            "U.S.",
            "St.",
            "Petersburg",
            "\u{1}",
            "x",
            "",
            "--",
        ];
        // all ASCII, so every name takes the byte loop
        for name in dyad_text::test_support::random_texts(&pieces) {
            assert!(name.is_ascii());
            let mut chars = String::new();
            chars_key_into(&name, &mut chars);
            let mut out = String::from("left over");
            key_into(&name, &mut out);
            assert_eq!(out, chars, "{name:?}");
        }
    }
}
