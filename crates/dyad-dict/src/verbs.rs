//! The PETRARCH-2 verb-pattern dictionary (`CAMEO.2.0.txt`, `PETR.Validate.verbs.2.0.txt`):
//! synonym sets, verb blocks with their inflected forms, patterns with their CAMEO codes, and
//! transformations. See FORMATS.md §2.1 for the file format.
//!
//! All words are normalised with [`crate::words::normalize_word`]. Synsets are expanded when the
//! file is read, so a pattern element holds the concrete word sequences it can match.

/// A code attached to a verb block, verb or pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeSpec {
    /// `[---]`: the verb (or pattern) codes nothing.
    Null,
    /// `[042]`, `[042:043]` or `[:043]`. `forward` is the code of source→target, `reverse` the
    /// code of target→source (the paired event). `[:b]` has `forward: None`.
    Code {
        forward: Option<String>,
        reverse: Option<String>,
    },
}

/// One surface form of a verb: the verb word with the words glued to it by `_`.
/// `+CORDON_OFF` gives `before: [], verb: "CORDON", after: ["OFF"]`;
/// `WIRE_+TAP` gives `before: ["WIRE"], verb: "TAP", after: []`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VerbForm {
    pub before: Vec<String>,
    pub verb: String,
    pub after: Vec<String>,
}

/// A verb line in a block, with every inflected form (base form first): the listed `{...}`
/// irregular forms, or else the generated regular ones (+S/ES/IES, +ED/D, +ING).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    pub forms: Vec<VerbForm>,
    /// The verb's own code, if the line carries one; else the block's code applies.
    pub code: Option<CodeSpec>,
    pub line: usize,
}

/// A set of alternative word sequences: each inner `Vec` is one alternative, its words
/// consecutive in the text (`CEASE_FIRE` → `["CEASE", "FIRE"]`). A `{MOD ... HEAD}` group is one
/// alternative whose words belong to the same noun phrase, in order, head last.
pub type Alternatives = Vec<Vec<String>>;

/// One element of a pattern, on either side of the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternElement {
    /// A bare word, a `{...}` noun phrase or a `&SYNSET`, expanded into its alternatives
    /// (with automatic plurals unless the synset or phrase forbids them with a trailing `_`).
    Noun(Alternatives),
    /// `(PREP)`, `(PREP NOUN)` or `(PREP {MOD HEAD})`; `BY/WITH` gives two prepositions.
    Prep {
        preps: Vec<String>,
        object: Option<Alternatives>,
    },
    /// TABARI `$`: the source actor is found here.
    Source,
    /// TABARI `+`: the target actor is found here.
    Target,
    /// TABARI `^`: skip one actor.
    Skip,
    /// TABARI `%`: a compound actor is both source and target.
    Compound,
}

/// A `- pre * post [code] # comment` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb, in text order.
    pub pre: Vec<PatternElement>,
    /// Elements after the verb, in text order.
    pub post: Vec<PatternElement>,
    pub code: CodeSpec,
    pub line: usize,
}

/// `--- NAME [code] ---` and what follows it up to the next block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    pub name: String,
    /// The block default; `CodeSpec::Null` for `[---]`.
    pub code: CodeSpec,
    pub verbs: Vec<VerbEntry>,
    pub patterns: Vec<Pattern>,
    pub line: usize,
}

/// `~ a (a b ATTACK) SAY = a b 015`: when verb `outer_verb` has as its complement an event
/// coded `inner_code`/`inner_verb`, rewrite the pair. Kept as parsed; roles are the letters of
/// the rule (`a`, `b`, `.` unspecified, `_` absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transformation {
    pub outer_source: String,
    pub inner_source: String,
    pub inner_target: String,
    /// A verb name (`ATTACK`), a code, or `Q` for any verb.
    pub inner_verb: String,
    pub outer_verb: String,
    pub result_source: String,
    pub result_target: String,
    /// A CAMEO code, or `Q` for "the inner code".
    pub result_code: String,
    pub line: usize,
}

/// A whole verb dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbDictionary {
    pub blocks: Vec<VerbBlock>,
    pub transformations: Vec<Transformation>,
    /// Synset labels used in patterns but never defined (a known upstream defect: tolerated,
    /// the element then matches nothing). Each entry: (label, line of first use).
    pub undefined_synsets: Vec<(String, usize)>,
}
