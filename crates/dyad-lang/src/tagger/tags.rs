//! The tag set: the Penn Treebank tags a word may get ([`Tag`]), their names, and the fixed
//! tags of punctuation tokens ([`punct_tag`]).

use std::fmt;
use std::str::FromStr;

/// A Penn Treebank part-of-speech tag.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// Common noun, singular or mass: `attack`, `government`, `%`.
    NN,
    /// Common noun, plural: `troops`.
    NNS,
    /// Proper noun, singular: `Gondor`, and capitalised words of names and titles
    /// (`President`, `County`).
    NNP,
    /// Proper noun, plural: `Americans`, `States` (of "United States").
    NNPS,
    /// Verb, base form: after `to`, modals and `do`; imperatives.
    VB,
    /// Verb, past tense.
    VBD,
    /// Verb, gerund or present participle.
    VBG,
    /// Verb, past participle.
    VBN,
    /// Verb, present tense, not third person singular.
    VBP,
    /// Verb, present tense, third person singular.
    VBZ,
    /// Modal: `will`, `can`, `would`, `'ll`.
    MD,
    /// Adjective; also ordinals (`first`, `15th`).
    JJ,
    /// Adjective, comparative.
    JJR,
    /// Adjective, superlative.
    JJS,
    /// Adverb; also `not` and `n't`.
    RB,
    /// Adverb, comparative.
    RBR,
    /// Adverb, superlative.
    RBS,
    /// Determiner: `the`, `a`, `this`, `any`, `no`.
    DT,
    /// Predeterminer: `all` / `both` / `half` / `such` / `quite` before a determiner.
    PDT,
    /// Personal pronoun: `he`, `them`, `itself`, `mine`.
    PRP,
    /// Possessive pronoun: `his`, `their`.
    PRPS,
    /// Wh-pronoun: `who`, `whom`, `what`.
    WP,
    /// Possessive wh-pronoun: `whose`.
    WPS,
    /// Wh-determiner: `which`, relative `that`, `what` before a noun.
    WDT,
    /// Wh-adverb: `when`, `where`, `why`, `how`.
    WRB,
    /// Preposition or subordinating conjunction.
    IN,
    /// `to`.
    TO,
    /// Coordinating conjunction; also `either`/`neither`/`both` as in "both … and".
    CC,
    /// Cardinal number.
    CD,
    /// Existential `there`.
    EX,
    /// Foreign word.
    FW,
    /// Possessive ending: `'s`, `'`.
    POS,
    /// Particle: `up`, `out`, `off` after a verb.
    RP,
    /// Interjection.
    UH,
    /// Symbol: `+`, `=`, `/`, `*`.
    SYM,
    /// Sentence-final punctuation `.`, `?`, `!`.
    Period,
    /// `,`.
    Comma,
    /// `:`, `;`, dashes, ellipses.
    Colon,
    /// Opening bracket.
    LParen,
    /// Closing bracket.
    RParen,
    /// Opening quote (Treebank ``` `` ```).
    OpenQuote,
    /// Closing quote (Treebank `''`).
    CloseQuote,
    /// Currency sign.
    Dollar,
    /// `#`.
    Hash,
}

pub(super) const NT: usize = 44;

impl Tag {
    /// Every tag, in class-index order.
    pub const ALL: [Tag; NT] = [
        Tag::NN,
        Tag::NNS,
        Tag::NNP,
        Tag::NNPS,
        Tag::VB,
        Tag::VBD,
        Tag::VBG,
        Tag::VBN,
        Tag::VBP,
        Tag::VBZ,
        Tag::MD,
        Tag::JJ,
        Tag::JJR,
        Tag::JJS,
        Tag::RB,
        Tag::RBR,
        Tag::RBS,
        Tag::DT,
        Tag::PDT,
        Tag::PRP,
        Tag::PRPS,
        Tag::WP,
        Tag::WPS,
        Tag::WDT,
        Tag::WRB,
        Tag::IN,
        Tag::TO,
        Tag::CC,
        Tag::CD,
        Tag::EX,
        Tag::FW,
        Tag::POS,
        Tag::RP,
        Tag::UH,
        Tag::SYM,
        Tag::Period,
        Tag::Comma,
        Tag::Colon,
        Tag::LParen,
        Tag::RParen,
        Tag::OpenQuote,
        Tag::CloseQuote,
        Tag::Dollar,
        Tag::Hash,
    ];

    /// The Treebank spelling: `NN`, `PRP$`, `.`, ``` `` ```, `(`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::NN => "NN",
            Tag::NNS => "NNS",
            Tag::NNP => "NNP",
            Tag::NNPS => "NNPS",
            Tag::VB => "VB",
            Tag::VBD => "VBD",
            Tag::VBG => "VBG",
            Tag::VBN => "VBN",
            Tag::VBP => "VBP",
            Tag::VBZ => "VBZ",
            Tag::MD => "MD",
            Tag::JJ => "JJ",
            Tag::JJR => "JJR",
            Tag::JJS => "JJS",
            Tag::RB => "RB",
            Tag::RBR => "RBR",
            Tag::RBS => "RBS",
            Tag::DT => "DT",
            Tag::PDT => "PDT",
            Tag::PRP => "PRP",
            Tag::PRPS => "PRP$",
            Tag::WP => "WP",
            Tag::WPS => "WP$",
            Tag::WDT => "WDT",
            Tag::WRB => "WRB",
            Tag::IN => "IN",
            Tag::TO => "TO",
            Tag::CC => "CC",
            Tag::CD => "CD",
            Tag::EX => "EX",
            Tag::FW => "FW",
            Tag::POS => "POS",
            Tag::RP => "RP",
            Tag::UH => "UH",
            Tag::SYM => "SYM",
            Tag::Period => ".",
            Tag::Comma => ",",
            Tag::Colon => ":",
            Tag::LParen => "(",
            Tag::RParen => ")",
            Tag::OpenQuote => "``",
            Tag::CloseQuote => "''",
            Tag::Dollar => "$",
            Tag::Hash => "#",
        }
    }

    /// The class index of the tag (its position in [`Tag::ALL`]).
    pub fn index(self) -> usize {
        self as usize
    }

    /// `NN`, `NNS`, `NNP`, `NNPS`.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// `NNP`, `NNPS`.
    pub fn is_proper_noun(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// `VB`, `VBD`, `VBG`, `VBN`, `VBP`, `VBZ` (not `MD`).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }

    /// `JJ`, `JJR`, `JJS`.
    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    /// `RB`, `RBR`, `RBS`.
    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    /// Punctuation tags (`. , : ( ) `` ''`), not `$`, `#` or `SYM`.
    pub fn is_punct(self) -> bool {
        matches!(
            self,
            Tag::Period
                | Tag::Comma
                | Tag::Colon
                | Tag::LParen
                | Tag::RParen
                | Tag::OpenQuote
                | Tag::CloseQuote
        )
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a string that names no [`Tag`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTag(pub String);

impl fmt::Display for UnknownTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown part-of-speech tag {:?}", self.0)
    }
}

impl std::error::Error for UnknownTag {}

impl FromStr for Tag {
    type Err = UnknownTag;

    /// Parses the Treebank spelling (also `-LRB-`/`-RRB-`).
    fn from_str(s: &str) -> Result<Tag, UnknownTag> {
        match s {
            "-LRB-" => return Ok(Tag::LParen),
            "-RRB-" => return Ok(Tag::RParen),
            _ => {}
        }
        Tag::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| UnknownTag(s.to_string()))
    }
}

impl serde::Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The tag of a token made only of punctuation or symbols, by its text. `None` for a
/// word, or for a lone `'`/`"`, whose tag depends on the context.
pub(crate) fn punct_tag(text: &str) -> Option<Tag> {
    if text.is_empty() || text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(match text {
        "." | "?" | "!" | "?!" | "!?" | "!!" | "??" => Tag::Period,
        "," => Tag::Comma,
        ";" | ":" | "-" | "--" | "---" | "—" | "–" | "..." | "…" | ". . ." => Tag::Colon,
        "(" | "[" | "{" => Tag::LParen,
        ")" | "]" | "}" => Tag::RParen,
        "``" | "`" | "“" | "‘" | "«" => Tag::OpenQuote,
        "''" | "”" | "»" => Tag::CloseQuote,
        "'" | "’" | "\"" => return None,
        "$" | "£" | "€" | "¥" => Tag::Dollar,
        "#" => Tag::Hash,
        "%" => Tag::NN,
        "&" => Tag::CC,
        t if t.chars().all(|c| c == '.') => Tag::Colon,
        _ => Tag::SYM,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_names_round_trip() {
        for t in Tag::ALL {
            assert_eq!(t.as_str().parse::<Tag>(), Ok(t));
            assert_eq!(Tag::ALL[t.index()], t);
        }
        assert_eq!("-LRB-".parse::<Tag>(), Ok(Tag::LParen));
        assert!("XX".parse::<Tag>().is_err());
        assert_eq!(serde_json::to_string(&Tag::PRPS).unwrap(), "\"PRP$\"");
    }
}
