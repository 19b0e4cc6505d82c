//! dyad-text owns everything between the bytes of an article and the words of its sentences:
//! reading articles in every supported form (plain text with a dateline, JSON Lines, PETRARCH
//! XML, folders, stdin) into [`Document`]s ([`readers`]), splitting a document into sentences
//! ([`sentences`]) and sentences into tokens ([`tokens`]), and the article-wide detectors that
//! read words, not grammar: direct quotations with their cue and speaker ([`quotes`]), sums of
//! money and counts of people ([`amounts`]), and date expressions resolved against the article
//! date ([`dates`]). Every span it produces is a character (Unicode scalar) offset into
//! [`Document::text`] ([`chars`] maps them to bytes), so evidence can be sliced by Python or
//! JavaScript consumers; sentences also carry byte offsets for fast slicing in Rust. Reading
//! never panics: bad records become [`Warning`]s naming file and line.
//!
//! What is not here: the types other crates share with this one ([`Document`], [`Token`],
//! [`amounts::Amount`], [`Warning`]) are defined in dyad-model and re-exported; the
//! part-of-speech tagger and the gazetteer are in dyad-lang; tying quotations, amounts and
//! dates to events is the coder's job (dyad-coder).

#![forbid(unsafe_code)]

mod abbrev;
pub mod amounts;
pub mod chars;
pub mod dates;
pub mod quotes;
pub mod readers;
pub mod sentences;
#[cfg(any(test, feature = "test-support"))]
pub mod test_support;
pub mod tokens;

pub use chars::CharIndex;
pub use dyad_model::{Document, Origin, Warning};
pub use readers::{
    parse_dateline, parse_petr_xml, read_inputs, story_dateline, title_case_dateline_place,
    Dateline, ExpectedCoding, PetrEnvironment, PetrRecord, ReadError, ReadOptions, ReadSummary,
};
pub use sentences::{split_sentences, Sentence};
pub use tokens::{normalize_word, tokenize, Token, WholeText};

#[cfg(test)]
mod robustness {
    //! Random text built from awkward characters: nothing panics and every span slices back.
    use super::*;

    const PIECES: &[&str] = &[
        "a",
        "Z",
        "é",
        "É",
        "1",
        "0",
        ".",
        "..",
        "...",
        "…",
        "!",
        "?",
        ",",
        ";",
        ":",
        "'",
        "’",
        "‘",
        "\"",
        "“",
        "”",
        "`",
        "``",
        "''",
        "(",
        ")",
        "[",
        "]",
        "-",
        "--",
        "—",
        "$",
        "%",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "U.S.",
        "Mr.",
        "n't",
        "'s",
        "s'",
        "K.",
        "date 2025-12-04 X:",
        "BEIJING (Reuters) -",
        "{",
        "}",
        "<",
        ">",
        "&",
        "\u{0}",
        "🙂",
        "ß",
    ];

    /// Texts of up to 40 awkward pieces run together (deterministic, so failures reproduce).
    fn random_texts() -> impl Iterator<Item = String> {
        let mut rng = crate::test_support::XorShift(0x9E37_79B9_7F4A_7C15);
        (0..3000).map(move |_| {
            let len = (rng.next() % 40) as usize;
            (0..len).map(|_| rng.pick(PIECES)).collect()
        })
    }

    fn slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn spans_are_consistent() {
        for text in random_texts() {
            let n = text.chars().count();
            let dl = parse_dateline(&text);
            assert!(dl.body_start <= n, "{text:?}");
            for body_start in [0, dl.body_start, n / 2, n + 3] {
                let sentences = split_sentences(&text, body_start);
                let mut last_end = body_start.min(n);
                for s in &sentences {
                    assert!(
                        s.start >= last_end && s.start < s.end && s.end <= n,
                        "{text:?}"
                    );
                    assert_eq!(slice(&text, s.start, s.end), s.text(&text), "{text:?}");
                    last_end = s.end;
                    let mut last_tok = s.start;
                    let tokens = tokenize(&text, s);
                    let joined: String = tokens.iter().map(|t| t.text.as_str()).collect();
                    let dense: String = s
                        .text(&text)
                        .chars()
                        .filter(|c| !c.is_whitespace() && !c.is_control())
                        .collect();
                    assert_eq!(joined, dense, "no character is lost: {text:?}");
                    for t in tokens {
                        assert!(t.start >= last_tok && t.start < t.end && t.end <= s.end);
                        assert_eq!(slice(&text, t.start, t.end), t.text, "{text:?}");
                        assert!(
                            !t.text.chars().any(|c| c.is_whitespace() || c.is_control()),
                            "{text:?}"
                        );
                        last_tok = t.end;
                    }
                }
            }
            let _ = parse_petr_xml(&text, "fuzz.xml");
            let _ = readers::read_jsonl(&text, "fuzz.jsonl");
            let _ = readers::read_plain(&text, "fuzz.txt", "fuzz.txt");
        }
    }
}
