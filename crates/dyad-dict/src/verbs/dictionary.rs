//! What a verb dictionary holds once read: verb blocks with their verbs (every inflected
//! [`VerbForm`]) and patterns (elements before and after the verb, each expanded into its
//! [`Alternatives`]), the transformations, the expanded synsets and the tolerated defects; and
//! how a supplementary dictionary extends another.

use std::collections::{BTreeMap, HashSet};

use super::codes::{CodePriority, CodeSpec};
use super::transformations::Transformation;
use crate::reader::Warning;

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
    /// TABARI `[023?]` (subordinate) or `[111!]` (dominant); `Normal` otherwise.
    pub priority: CodePriority,
    /// The text after `#` (in CAMEO.2.0.txt: the verb the pattern came from), trimmed.
    pub comment: Option<String>,
    /// The file the pattern is read from, when not its block's: a supplement's pattern added
    /// to an upstream block ([`VerbDictionary::extend`]).
    pub file: Option<String>,
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
    /// The file the block is read from (its lines are that file's).
    pub file: String,
}

/// A whole verb dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbDictionary {
    pub blocks: Vec<VerbBlock>,
    pub transformations: Vec<Transformation>,
    /// Synset labels used in patterns but never defined (a known upstream defect: tolerated,
    /// the element then matches nothing). Each entry: (label, line of first use).
    pub undefined_synsets: Vec<(String, usize)>,
    /// Every synset, expanded (label without `&` and trailing `_` → alternatives).
    pub synsets: BTreeMap<String, Alternatives>,
    /// Tolerated defects met while reading.
    pub warnings: Vec<Warning>,
}

impl VerbDictionary {
    /// Add a supplementary dictionary's blocks, transformations and synsets after this one's
    /// (dyad's `dyad.verbs.txt` after CAMEO.2.0.txt). A verb the supplement lists leaves this
    /// dictionary's blocks: the supplement's listing, with its default code and patterns,
    /// replaces it, so that a verb upstream files code badly (CAMEO.2.0's TAKE, "seize", for
    /// "take office") can be corrected without editing them.
    ///
    /// A block of `other` with patterns and no verb lines adds its patterns to the block of
    /// the same name here ("--- SEND [---] ---" then "- * {RESCUE TEAM} [073]": every verb
    /// of upstream's SEND block gains the pattern, and keeps the block's others), each pattern
    /// remembering its own file; a block with verbs replaces those verbs' entries here.
    pub fn extend(&mut self, other: VerbDictionary) {
        let replaced: HashSet<&VerbForm> = other
            .blocks
            .iter()
            .flat_map(|b| &b.verbs)
            .filter_map(|e| e.forms.first())
            .collect();
        for block in &mut self.blocks {
            block
                .verbs
                .retain(|e| e.forms.first().is_none_or(|f| !replaced.contains(f)));
        }
        for mut block in other.blocks {
            let upstream = block
                .verbs
                .is_empty()
                .then(|| self.blocks.iter_mut().find(|b| b.name == block.name))
                .flatten();
            match upstream {
                Some(up) => {
                    for p in &mut block.patterns {
                        p.file = Some(block.file.clone());
                    }
                    up.patterns.extend(block.patterns);
                }
                None => self.blocks.push(block),
            }
        }
        self.transformations.extend(other.transformations);
        self.undefined_synsets.extend(other.undefined_synsets);
        for (k, v) in other.synsets {
            self.synsets.entry(k).or_insert(v);
        }
        self.warnings.extend(other.warnings);
    }

    /// Number of pattern lines over all blocks.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }

    /// Number of verb lines over all blocks.
    pub fn verb_count(&self) -> usize {
        self.blocks.iter().map(|b| b.verbs.len()).sum()
    }
}
