//! The tokenizer: splitting one sentence into word tokens with character offsets, by the
//! rules in the module notes of [`crate::tokens`].

use dyad_model::token::{normalize_word, Token};

use crate::abbrev::is_abbreviation;
use crate::sentences::Sentence;

/// Tokenize one sentence of a document. `text` is the whole document text; the token offsets
/// are character offsets into it. The sentence's byte offsets are used to find it; if they do
/// not fit `text`, they are recomputed from its character offsets.
pub fn tokenize(text: &str, sentence: &Sentence) -> Vec<Token> {
    let slice = match text.get(sentence.byte_start..sentence.byte_end) {
        Some(s) if s.chars().count() == sentence.char_len() => s,
        _ => {
            let fixed = Sentence::from_char_range(text, sentence.start, sentence.end);
            return tokenize_slice(fixed.text(text), fixed.start);
        }
    };
    tokenize_slice(slice, sentence.start)
}

/// One white-space-delimited chunk of a sentence: its characters, and the byte offset in
/// `src` of each of them (plus the end), so a token's text is a slice of `src`, not a string
/// rebuilt character by character.
struct Chunk<'a> {
    src: &'a str,
    chars: Vec<char>,
    bytes: Vec<usize>,
}

impl Chunk<'_> {
    /// The text of characters `lo..hi`.
    fn text(&self, lo: usize, hi: usize) -> &str {
        &self.src[self.bytes[lo]..self.bytes[hi]]
    }
}

/// Tokenize `slice`, whose first character is at character offset `first` of the document.
fn tokenize_slice(slice: &str, first: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(slice.len() / 5 + 1);
    let mut chunk = Chunk {
        src: slice,
        chars: Vec::new(),
        bytes: Vec::new(),
    };
    // the chunk being read: its first byte, its first character's offset in the document,
    // and whether it is a plain word so far (see `Plain`)
    let mut open: Option<(usize, usize, Plain)> = None;
    let mut read = |byte: usize, pos: usize, c: char, separates: bool| {
        if separates {
            if let Some((lo, start, plain)) = open.take() {
                end_chunk(&mut chunk, lo..byte, start, plain, &mut tokens);
            }
        } else {
            match &mut open {
                Some((_, _, plain)) => plain.read(c),
                None => open = Some((byte, pos, Plain::new(c))),
            }
        }
    };
    // control characters (NUL, escape, …: junk in scraped text) separate words as white
    // space does, so "Russia\0attacked" is still two words
    if slice.is_ascii() {
        // byte by byte, a byte being a character: white space and control characters are
        // the bytes up to the space, and DEL (`ascii_separators` checks it)
        for (byte, &b) in slice.as_bytes().iter().enumerate() {
            read(byte, first + byte, char::from(b), b <= b' ' || b == 0x7f);
        }
    } else {
        for (pos, (byte, c)) in (first..).zip(slice.char_indices()) {
            read(byte, pos, c, c.is_whitespace() || c.is_control());
        }
    }
    if let Some((lo, start, plain)) = open {
        end_chunk(&mut chunk, lo..slice.len(), start, plain, &mut tokens);
    }
    tokens
}

/// Is a chunk a plain word: ASCII letters, digits and single hyphens ("Minister", "2025",
/// "US-led"), perhaps with one comma or one period after it? Most chunks of running text are,
/// and [`split_chunk`] makes exactly one token of such a word (and one of the comma, or of the
/// period unless the word is an abbreviation that keeps it): none of its other rules (quotes,
/// apostrophes, currency, dashes, clitics) applies. Telling them apart
/// while reading spares them the character-by-character split, a good part of the coder's time.
#[derive(Clone, Copy)]
struct Plain {
    /// Only plain-word characters so far.
    word: bool,
    /// The last character read was a hyphen (two make a dash, which splits).
    hyphen: bool,
    /// A comma was read, as the last character so far.
    comma: bool,
    /// A period was read, as the last character so far.
    period: bool,
}

impl Plain {
    fn new(c: char) -> Plain {
        let mut p = Plain {
            word: true,
            hyphen: false,
            comma: false,
            period: false,
        };
        p.read(c);
        p
    }

    #[inline]
    fn read(&mut self, c: char) {
        if self.comma || self.period {
            // something after the comma or the period
            self.word = false;
        } else if c.is_ascii_alphanumeric() {
            self.hyphen = false;
        } else if c == '-' && !self.hyphen {
            self.hyphen = true;
        } else if c == ',' {
            self.comma = true;
        } else if c == '.' {
            self.period = true;
        } else {
            self.word = false;
        }
    }
}

/// Split the white-space-delimited chunk at bytes `range` of `chunk.src`, whose first character
/// is at document offset `start`.
fn end_chunk(
    chunk: &mut Chunk,
    range: std::ops::Range<usize>,
    start: usize,
    plain: Plain,
    out: &mut Vec<Token>,
) {
    let text = &chunk.src[range.clone()];
    // the word before a comma or period must not be empty (a lone "," is a token, nothing else)
    let word_len = text.len() - usize::from(plain.comma || plain.period);
    if plain.word && word_len > 0 {
        // ASCII: a byte is a character
        let word = &text[..word_len];
        if plain.period && is_abbreviation(word) {
            // "Gen.", "W.": the period is the abbreviation's
            out.push(Token {
                text: text.to_string(),
                norm: word.to_ascii_uppercase(),
                start,
                end: start + text.len(),
            });
            return;
        }
        out.push(Token {
            text: word.to_string(),
            norm: word.to_ascii_uppercase(),
            start,
            end: start + word_len,
        });
        if plain.comma || plain.period {
            let mark = if plain.comma { "," } else { "." };
            out.push(Token {
                text: mark.to_string(),
                norm: mark.to_string(),
                start: start + word_len,
                end: start + word_len + 1,
            });
        }
        return;
    }
    chunk.chars.clear();
    chunk.bytes.clear();
    for (b, c) in text.char_indices() {
        chunk.chars.push(c);
        chunk.bytes.push(range.start + b);
    }
    chunk.bytes.push(range.end);
    split_chunk(chunk, start, out);
}

fn push_token(chunk: &Chunk, lo: usize, hi: usize, base: usize, out: &mut Vec<Token>) {
    if lo >= hi {
        return;
    }
    let text = chunk.text(lo, hi);
    out.push(Token {
        text: text.to_string(),
        norm: normalize_word(text),
        start: base + lo,
        end: base + hi,
    });
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Punctuation that is always a token of its own, wherever it appears in a chunk.
fn is_standalone(c: char) -> bool {
    matches!(
        c,
        ';' | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '‘'
            | '«'
            | '»'
            | '!'
            | '?'
            | '¡'
            | '¿'
            | '—'
            | '–'
            | '…'
            | '`'
    )
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹')
}

/// Split one white-space-delimited chunk (`chars`, starting at document char offset `base`).
fn split_chunk(chunk: &Chunk, base: usize, out: &mut Vec<Token>) {
    let chars = &chunk.chars[..];
    let n = chars.len();
    let mut piece_start = 0;
    let mut i = 0;
    while i < n {
        let c = chars[i];
        // Length of a separator starting at i, if any.
        let sep = if c == '.' && chars[i..].starts_with(&['.', '.', '.']) {
            // An ellipsis, wherever it is ("aspects...the").
            chars[i..].iter().take_while(|&&d| d == '.').count()
        } else if c == '`' || (c == '-' && i + 1 < n && chars[i + 1] == '-') {
            // PTB opening quote ``, or a -- dash: group the run.
            let mut j = i + 1;
            while j < n && chars[j] == c {
                j += 1;
            }
            j - i
        } else if c == '\'' && i + 1 < n && chars[i + 1] == '\'' {
            2
        } else if is_standalone(c) {
            1
        } else if matches!(c, ',' | ':') {
            let between_digits = i > 0
                && chars[i - 1].is_ascii_digit()
                && i + 1 < n
                && chars[i + 1].is_ascii_digit();
            usize::from(!between_digits)
        } else {
            0
        };
        if sep > 0 {
            split_piece(chunk, piece_start, i, base, out);
            push_token(chunk, i, i + sep, base, out);
            i += sep;
            piece_start = i;
        } else {
            i += 1;
        }
    }
    split_piece(chunk, piece_start, n, base, out);
}

/// Split a piece free of standalone punctuation: trailing quotes, periods, `%` and clitics,
/// then leading currency signs and quotes.
fn split_piece(chunk: &Chunk, lo: usize, hi: usize, base: usize, out: &mut Vec<Token>) {
    let chars = &chunk.chars[..];
    let (mut lo, mut hi) = (lo, hi);
    if lo >= hi {
        return;
    }
    // Trailing part, collected in reverse.
    let mut suffix: Vec<(usize, usize)> = Vec::new();
    while hi - lo > 1 {
        let c = chars[hi - 1];
        if is_apostrophe(c) || c == '%' {
            suffix.push((hi - 1, hi));
            hi -= 1;
        } else if c == '.' {
            let mut j = hi;
            while j > lo && chars[j - 1] == '.' {
                j -= 1;
            }
            if hi - j >= 3 {
                suffix.push((j, hi));
                hi = j;
                continue;
            }
            if hi - j == 1 {
                // Is the period part of an abbreviation (ignoring leading quotes and currency)?
                let skip = chars[lo..hi - 1]
                    .iter()
                    .take_while(|&&c| is_apostrophe(c) || is_currency(c))
                    .count();
                if is_abbreviation(chunk.text(lo + skip, hi - 1)) {
                    break;
                }
            }
            suffix.push((hi - 1, hi));
            hi -= 1;
        } else if let Some(k) = clitic_len(&chars[lo..hi]).or_else(|| year_len(&chars[lo..hi])) {
            suffix.push((hi - k, hi));
            hi -= k;
            break;
        } else {
            break;
        }
    }
    // Leading part.
    while hi - lo > 1 {
        let c = chars[lo];
        let w = &chars[lo..hi];
        if is_currency(c) || (is_apostrophe(c) && !is_clitic(w) && !is_year(w)) {
            push_token(chunk, lo, lo + 1, base, out);
            lo += 1;
        } else {
            break;
        }
    }
    push_token(chunk, lo, hi, base, out);
    for &(s, e) in suffix.iter().rev() {
        push_token(chunk, s, e, base, out);
    }
}

fn lower(c: char) -> char {
    c.to_ascii_lowercase()
}

/// Is the whole word a clitic on its own (`'s`, `n't`, `'re` … as in pre-tokenized text)?
fn is_clitic(w: &[char]) -> bool {
    clitic_at_end(w) == Some(w.len())
}

/// Length of a clitic that ends `w` (`'s`, `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`), if a
/// non-empty word precedes it.
fn clitic_len(w: &[char]) -> Option<usize> {
    clitic_at_end(w).filter(|&k| {
        k < w.len() && {
            let before = w[w.len() - k - 1];
            before.is_alphanumeric() || before == '.'
        }
    })
}

/// Length of an abbreviated year glued to a word (`The'52` → `The`, `'52`), if any.
fn year_len(w: &[char]) -> Option<usize> {
    let n = w.len();
    (n >= 5
        && is_apostrophe(w[n - 3])
        && w[n - 2].is_ascii_digit()
        && w[n - 1].is_ascii_digit()
        && w[n - 4].is_alphabetic())
    .then_some(3)
}

/// `'52`, `'90s`: an abbreviated year or decade.
fn is_year(w: &[char]) -> bool {
    matches!(w, [a, d1, d2] | [a, d1, d2, 's']
        if is_apostrophe(*a) && d1.is_ascii_digit() && d2.is_ascii_digit())
}

fn clitic_at_end(w: &[char]) -> Option<usize> {
    let n = w.len();
    if n >= 3 && lower(w[n - 3]) == 'n' && is_apostrophe(w[n - 2]) && lower(w[n - 1]) == 't' {
        return Some(3);
    }
    if n >= 2 && is_apostrophe(w[n - 2]) && matches!(lower(w[n - 1]), 's' | 'd' | 'm') {
        return Some(2);
    }
    if n >= 3 && is_apostrophe(w[n - 3]) {
        let tail: String = w[n - 2..].iter().map(|&c| lower(c)).collect();
        if matches!(tail.as_str(), "re" | "ve" | "ll") {
            return Some(3);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    #[test]
    fn ascii_separators() {
        // the byte test of ASCII text separates exactly where the character test does
        for b in 0..=0x7fu8 {
            let c = char::from(b);
            assert_eq!(
                b <= b' ' || b == 0x7f,
                c.is_whitespace() || c.is_control(),
                "{b:#x}"
            );
        }
        // and an ASCII text tokenizes as the same text with one character outside ASCII does,
        // up to that character
        let text = "Gen. Smith\tmet\u{1}the U.S. envoy,\x7fsaid \"no\"; 3,000-strong.";
        let plain = tokenize_slice(text, 0);
        let mixed = tokenize_slice(&format!("{text} é"), 0);
        assert_eq!(plain[..], mixed[..plain.len()]);
        assert!(plain.len() > 10);
    }

    /// The tokens of `slice` with every chunk split by [`split_chunk`], as before plain words
    /// took the short way ([`Plain`]).
    fn tokenize_every_chunk_split(slice: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut chunk = Chunk {
            src: slice,
            chars: Vec::new(),
            bytes: Vec::new(),
        };
        let mut start = 0;
        for (pos, (byte, c)) in slice.char_indices().enumerate() {
            if c.is_whitespace() || c.is_control() {
                if !chunk.chars.is_empty() {
                    chunk.bytes.push(byte);
                    split_chunk(&chunk, start, &mut out);
                    chunk.chars.clear();
                    chunk.bytes.clear();
                }
                start = pos + 1;
            } else {
                chunk.chars.push(c);
                chunk.bytes.push(byte);
            }
        }
        if !chunk.chars.is_empty() {
            chunk.bytes.push(slice.len());
            split_chunk(&chunk, start, &mut out);
        }
        out
    }

    #[test]
    fn plain_words_take_the_short_way_to_the_same_tokens() {
        // every text of up to five characters over an alphabet of the characters the short way
        // looks at and some it must leave to split_chunk
        let alphabet = ['a', 'Z', '7', '-', ',', '.', '\'', ' ', 'é', '$'];
        let mut texts = vec![String::new()];
        let mut checked = 0;
        for _ in 0..5 {
            let mut longer = Vec::with_capacity(texts.len() * alphabet.len());
            for t in &texts {
                for c in alphabet {
                    let mut u = t.clone();
                    u.push(c);
                    assert_eq!(
                        tokenize_slice(&u, 0),
                        tokenize_every_chunk_split(&u),
                        "{u:?}"
                    );
                    checked += 1;
                    longer.push(u);
                }
            }
            texts = longer;
        }
        assert_eq!(checked, 111_110);
        for text in [
            "Minister Ahmed said, in Cairo-based talks on 2025-12-04, that US-led forces -- and",
            "a,b 1,000 ,, x, ,y a-, --a a-- 'a a' $5 5% U.S. don't",
            "Mr. Gen. GEN. etc. vs. Jan. Sept. W. w. No. no. Co-op. said. 2025. A.B. x.. x.,",
        ] {
            assert_eq!(tokenize_slice(text, 3), {
                let mut t = tokenize_every_chunk_split(text);
                for tok in &mut t {
                    tok.start += 3;
                    tok.end += 3;
                }
                t
            });
        }
    }

    fn toks(text: &str) -> Vec<String> {
        let s = Sentence::from_char_range(text, 0, text.chars().count());
        let tokens = tokenize(text, &s);
        for t in &tokens {
            let sliced: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(sliced, t.text);
            assert_eq!(t.norm, normalize_word(&t.text));
        }
        tokens.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn punctuation_and_words() {
        assert_eq!(
            toks("Arnor, (Gondor) [x]; said: \"yes!\" Why?"),
            vec![
                "Arnor", ",", "(", "Gondor", ")", "[", "x", "]", ";", "said", ":", "\"", "yes",
                "!", "\"", "Why", "?"
            ]
        );
        assert_eq!(
            toks("“We are,” he said."),
            vec!["“", "We", "are", ",", "”", "he", "said", "."]
        );
    }

    #[test]
    fn keeps_internal_punctuation() {
        assert_eq!(
            toks("US-led cease-fire at Barad-dur cost 1,000.5 pa'anga at 4:00pm."),
            vec![
                "US-led",
                "cease-fire",
                "at",
                "Barad-dur",
                "cost",
                "1,000.5",
                "pa'anga",
                "at",
                "4:00pm",
                "."
            ]
        );
    }

    #[test]
    fn abbreviations_keep_periods() {
        assert_eq!(
            toks("The U.S. and K.U. Lee met George W. Bush, Gen. Smith on Dec. 4 in Washington."),
            vec![
                "The",
                "U.S.",
                "and",
                "K.U.",
                "Lee",
                "met",
                "George",
                "W.",
                "Bush",
                ",",
                "Gen.",
                "Smith",
                "on",
                "Dec.",
                "4",
                "in",
                "Washington",
                "."
            ]
        );
        assert_eq!(toks("Ivan Allen Jr.."), vec!["Ivan", "Allen", "Jr.", "."]);
        assert_eq!(toks("so... and"), vec!["so", "...", "and"]);
        assert_eq!(toks("aspects...the"), vec!["aspects", "...", "the"]);
        assert_eq!(toks("...and"), vec!["...", "and"]);
    }

    #[test]
    fn clitics() {
        assert_eq!(toks("China's"), vec!["China", "'s"]);
        assert_eq!(toks("China’s,"), vec!["China", "’s", ","]);
        assert_eq!(
            toks("the parents' homes"),
            vec!["the", "parents", "'", "homes"]
        );
        assert_eq!(toks("isn't"), vec!["is", "n't"]);
        assert_eq!(toks("didn't."), vec!["did", "n't", "."]);
        assert_eq!(toks("can't"), vec!["ca", "n't"]);
        assert_eq!(toks("Won’t"), vec!["Wo", "n’t"]);
        assert_eq!(
            toks("we're I'm they'll"),
            vec!["we", "'re", "I", "'m", "they", "'ll"]
        );
        assert_eq!(toks("Gaza 's n't"), vec!["Gaza", "'s", "n't"]);
        assert_eq!(toks("O'Neill's"), vec!["O'Neill", "'s"]);
        assert_eq!(toks("U.S.'s"), vec!["U.S.", "'s"]);
        assert_eq!(toks("the '90s."), vec!["the", "'90s", "."]);
        assert_eq!(toks("'Gen. 's."), vec!["'", "Gen.", "'s", "."]);
        assert_eq!(toks("$5.5."), vec!["$", "5.5", "."]);
        assert_eq!(toks("The'52 '52"), vec!["The", "'52", "'52"]);
        let t = tokenize("X’s", &Sentence::from_char_range("X’s", 0, 3));
        assert_eq!(t[1].norm, "'S");
    }

    #[test]
    fn currency_dashes_quotes() {
        assert_eq!(toks("$100 million"), vec!["$", "100", "million"]);
        assert_eq!(toks("anti- Gondor"), vec!["anti-", "Gondor"]);
        assert_eq!(toks("50% rise—or"), vec!["50", "%", "rise", "—", "or"]);
        assert_eq!(toks("Reuters--the"), vec!["Reuters", "--", "the"]);
        assert_eq!(
            toks("as`` unacceptable'' claims"),
            vec!["as", "``", "unacceptable", "''", "claims"]
        );
        assert_eq!(toks("‘hello’ there"), vec!["‘", "hello", "’", "there"]);
        assert_eq!(toks("'quoted'"), vec!["'", "quoted", "'"]);
    }

    #[test]
    fn odd_input_never_panics() {
        for t in [
            "",
            " ",
            ".",
            "...",
            "'",
            "''",
            "n't",
            "'s",
            "$",
            "-",
            "--",
            "—",
            "a.",
            ".a",
            "'.'",
            "$$$",
            "%%",
            "“”",
            "s'",
            "x\u{0}y",
            "é'",
            "’’’",
            ".’",
            "U.S..",
        ] {
            let _ = toks(t);
        }
        assert_eq!(toks("."), vec!["."]);
        assert_eq!(toks("'"), vec!["'"]);
        // bad byte offsets are recomputed from the char offsets
        let bad = Sentence {
            start: 1,
            end: 3,
            byte_start: 1,
            byte_end: 2,
        };
        let t: Vec<String> = tokenize("éab c", &bad)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, vec!["ab"]);
        let out_of_range = Sentence {
            start: 10,
            end: 20,
            byte_start: 10,
            byte_end: 20,
        };
        assert!(tokenize("short", &out_of_range).is_empty());
    }

    #[test]
    fn document_offsets_with_non_ascii() {
        let text = "Le café. “Élysée’s staff didn’t go,” he said.";
        let sentences = split_sentences(text, 0);
        assert_eq!(sentences.len(), 2);
        let tokens = tokenize(text, &sentences[1]);
        let got: Vec<(&str, usize, usize)> = tokens
            .iter()
            .map(|t| (t.text.as_str(), t.start, t.end))
            .collect();
        assert_eq!(got[0], ("“", 9, 10));
        assert_eq!(got[1], ("Élysée", 10, 16));
        assert_eq!(got[2], ("’s", 16, 18));
        assert_eq!(got[4], ("did", 25, 28));
        assert_eq!(got[5], ("n’t", 28, 31));
        for t in &tokens {
            let sliced: String = text.chars().skip(t.start).take(t.end - t.start).collect();
            assert_eq!(sliced, t.text);
        }
        let first = tokenize(text, &sentences[0]);
        let words: Vec<&str> = first.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, vec!["Le", "café", "."]);
    }

    #[test]
    fn seed_story_tokens() {
        let p = "seed-2025-12-04-beijing.txt";
        let text = crate::test_support::corpus(p);
        let body_start = " date 2025-12-04 BEIJING: ".chars().count();
        let sentences = split_sentences(&text, body_start);
        let all: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| tokenize(&text, s).into_iter().map(|t| t.text).collect())
            .collect();
        assert_eq!(all[0][0], "China");
        assert_eq!(all[0].last().map(String::as_str), Some("."));
        assert!(all[1].windows(2).any(|w| w[0] == "China" && w[1] == "'s"));
        assert!(all[2].contains(&"US-led".to_string()));
        assert!(all[7].windows(2).any(|w| w[0] == "$" && w[1] == "100"));
        let last8: Vec<&str> = all[8].iter().rev().take(3).map(String::as_str).collect();
        assert_eq!(last8, vec!["”", ".", "independence"]);
    }
}
