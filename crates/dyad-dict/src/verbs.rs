//! The PETRARCH-2 verb-pattern dictionary (`CAMEO.2.0.txt`, `PETR.Validate.verbs.2.0.txt`):
//! synonym sets, verb blocks with their inflected forms, patterns with their CAMEO codes, and
//! transformations. See FORMATS.md §2.1 for the file format.
//!
//! All words are normalised with [`crate::words::normalize_word`]. Synsets are expanded when the
//! file is read, so a pattern element holds the concrete word sequences it can match.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::error::DictError;
use crate::reader::{
    bounded_product, concat, dict_words, lines, noun_plural, strip_comment, Warning,
};
use crate::words::normalize_word;

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
    /// TABARI `[023?]` (subordinate) or `[111!]` (dominant); `Normal` otherwise.
    pub priority: CodePriority,
    /// The text after `#` (in CAMEO.2.0.txt: the verb the pattern came from), trimmed.
    pub comment: Option<String>,
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
    /// Every synset, expanded (label without `&` and trailing `_` → alternatives).
    pub synsets: BTreeMap<String, Alternatives>,
    /// Tolerated defects met while reading.
    pub warnings: Vec<Warning>,
}

/// TABARI's code suffixes: `[023?]` is used only when nothing else codes, `[111!]` wins over
/// the others. PETR-2 ignores them; they are kept here, the code itself without the mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodePriority {
    #[default]
    Normal,
    /// `?`
    Subordinate,
    /// `!`
    Dominant,
}

impl CodeSpec {
    /// The forward (source→target) code, if any.
    pub fn forward(&self) -> Option<&str> {
        match self {
            CodeSpec::Code { forward, .. } => forward.as_deref(),
            CodeSpec::Null => None,
        }
    }

    /// The reverse (target→source) code of a paired event, if any.
    pub fn reverse(&self) -> Option<&str> {
        match self {
            CodeSpec::Code { reverse, .. } => reverse.as_deref(),
            CodeSpec::Null => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, CodeSpec::Null)
    }
}

impl VerbDictionary {
    /// Add a supplementary dictionary's blocks, transformations and synsets after this one's
    /// (dyad's `dyad.verbs.txt` after CAMEO.2.0.txt). A verb the supplement lists leaves this
    /// dictionary's blocks: the supplement's listing, with its default code and patterns,
    /// replaces it, so that a verb upstream files code badly (CAMEO.2.0's TAKE, "seize", for
    /// "take office") can be corrected without editing them.
    pub fn extend(&mut self, other: VerbDictionary) {
        let replaced: std::collections::HashSet<&VerbForm> = other
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
        self.blocks.extend(other.blocks);
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

/// Most alternatives one element may expand to (a guard against a cross product of large
/// synsets; the real files stay far below it).
const MAX_ALTERNATIVES: usize = 20_000;

/// Read a verb dictionary in the PETRARCH-2 format (FORMATS.md §2.1). `file` names the file in
/// errors and warnings.
///
/// Read as the upstream files need:
/// * `#` and `;` start comments (outside `[...]`, so `[###]` stays a code); `<!-- -->` blocks
///   are comments; CR is dropped.
/// * Synsets are collected first, so a pattern may use one defined later. A synset member may be
///   another synset (`+&TIETYPES`, expanded recursively, cycles cut with a warning) or a
///   parenthesised phrase (`+(TO THE END)`), read as its words, consecutive, without plural.
/// * An undefined synset (`&FIGHT_CRIM`, and `FIGHTER_&AIRCRAFT`, a token with `&` inside) is
///   recorded in `undefined_synsets` and the element expands to no alternative: it matches
///   nothing. A `{...}` group or `(PREP ...)` object holding it matches nothing either.
/// * A `_`-joined bare word is one multi-word alternative; a `*` glued with `_` (`*_LAWS`,
///   `SPY_*_DEAL`) is the verb, the other pieces separate words.
/// * `$ + ^ %` inside a `(PREP ...)` become their own elements right after the `Prep`.
/// * The regular plural of the last word is added for bare words, `{...}` groups, `(PREP ...)`
///   objects and synset members unless the word (or the synset label) ends with `_`, and unless
///   the word already looks plural (FORCES, SERVICEMEN: see `reader::noun_plural`).
/// * Codes: `[042]`, `[042:043]`, `[:043]`, `[---]`; a trailing `?`/`!` becomes
///   [`CodePriority`]; letters are kept as written (`[174L]`, `[102b]`, `[xxy]`); TABARI's
///   `[###]` and `[+++]` are kept as the literal codes `###` and `+++`.
/// * A verb with a `{...}` list gets only the listed forms, except that the regular -S and -ING
///   forms are added when no listed form has that ending (`BREAK { BROKE BROKEN }`); `{}` means
///   the base form only.
/// * A stray `)` or `}` is dropped, an unclosed `(` or `{` is closed at the end of the line, a
///   pattern line without its leading `-` (`* (TO QUESTION) [110]`) is read as a pattern; each
///   with a warning.
pub fn parse(text: &str, file: &str) -> Result<VerbDictionary, DictError> {
    parse_supplement(text, file, &BTreeMap::new())
}

/// Read a supplementary verb file (dyad's `dyad.verbs.txt`) whose patterns may use the synsets
/// of the dictionary it extends (`&HOSTAGE`, `&WEAPON` from CAMEO.2.0.txt) as well as its own.
pub fn parse_supplement(
    text: &str,
    file: &str,
    known: &BTreeMap<String, Alternatives>,
) -> Result<VerbDictionary, DictError> {
    let all = lines(text);
    let mut p = Parser {
        file,
        synset_defs: HashMap::new(),
        synset_order: Vec::new(),
        memo: known.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        undefined: Vec::new(),
        undefined_seen: HashSet::new(),
        warnings: Vec::new(),
    };

    // Pass 1: synsets.
    let mut consumed = vec![false; all.len()];
    let mut current: Option<String> = None;
    for (idx, (no, raw)) in all.iter().enumerate() {
        let line = strip_comment(raw, &['#', ';']).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(label) = line.strip_prefix('&') {
            let label = label.trim();
            let key = synset_key(label);
            if key.is_empty() {
                return Err(DictError::new(
                    file,
                    *no,
                    "expected a synset label after `&`",
                ));
            }
            let no_plural = label.ends_with('_');
            let def = p
                .synset_defs
                .entry(key.clone())
                .or_insert_with(|| SynsetDef {
                    no_plural,
                    members: Vec::new(),
                });
            def.no_plural |= no_plural;
            if !p.synset_order.contains(&key) {
                p.synset_order.push(key.clone());
            }
            current = Some(key);
            consumed[idx] = true;
        } else if let (Some(key), Some(member)) = (&current, line.strip_prefix('+')) {
            if let Some(def) = p.synset_defs.get_mut(key) {
                def.members.push((member.trim().to_string(), *no));
            }
            consumed[idx] = true;
        } else {
            current = None;
        }
    }

    // Pass 2: blocks, verbs, patterns, transformations.
    let mut dict = VerbDictionary::default();
    for (idx, (no, raw)) in all.iter().enumerate() {
        if consumed[idx] {
            continue;
        }
        let no = *no;
        let (body, comment) = split_comment(raw);
        let line = body.trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with("---") {
            dict.blocks.push(p.block_header(line, no)?);
        } else if let Some(rest) = line.strip_prefix('~') {
            dict.transformations
                .push(parse_transformation(rest, no, file)?);
        } else if line.starts_with('-') || line.starts_with('*') {
            if line.starts_with('*') {
                p.warn(
                    no,
                    "pattern line without its leading `-`; read as a pattern",
                );
            }
            let body = line.trim_start_matches('-');
            // Known upstream defect (CAMEO.verbpatterns.tabari-style.txt:5860, "- SAID * AN
            // OFFER + FOR TALKS # REJECT"): a pattern with no code at all codes nothing, so
            // it is skipped with a warning. A code that is there but malformed is an error.
            if !body.contains('[') && body.contains('*') {
                p.warn(no, "pattern without a code; skipped");
                continue;
            }
            // Likewise (tabari-style.txt:8056, "- TIVILIAN [202]"): a pattern without the
            // verb `*` can never match; skipped with a warning.
            if !body.split('#').next().unwrap_or("").contains('*') {
                p.warn(no, "pattern without `*` (the verb); skipped");
                continue;
            }
            let pattern = p.pattern(body, comment, no)?;
            match dict.blocks.last_mut() {
                Some(b) => b.patterns.push(pattern),
                None => p.warn(
                    no,
                    "pattern before any `--- NAME [code] ---` block; skipped",
                ),
            }
        } else {
            let entry = p.verb_line(line, no)?;
            match dict.blocks.last_mut() {
                Some(b) => b.verbs.push(entry),
                None => p.warn(
                    no,
                    "verb line before any `--- NAME [code] ---` block; skipped",
                ),
            }
        }
    }

    // Every synset, expanded, also those no pattern used.
    for key in p.synset_order.clone() {
        let alts = p.expand_synset(&key, 0, &mut Vec::new());
        dict.synsets.insert(key, alts);
    }
    dict.undefined_synsets = p.undefined;
    dict.warnings = p.warnings;
    Ok(dict)
}

struct SynsetDef {
    no_plural: bool,
    /// Member text after `+`, and its line.
    members: Vec<(String, usize)>,
}

struct Parser<'f> {
    file: &'f str,
    synset_defs: HashMap<String, SynsetDef>,
    synset_order: Vec<String>,
    memo: HashMap<String, Alternatives>,
    undefined: Vec<(String, usize)>,
    undefined_seen: HashSet<String>,
    warnings: Vec<Warning>,
}

/// `&AUXVERB1_` / `AUXVERB1_` → `AUXVERB1`.
fn synset_key(label: &str) -> String {
    normalize_word(label.trim().trim_start_matches('&').trim_end_matches('_'))
}

/// Split off a `#`/`;` comment (outside brackets): (body, trimmed comment if non-empty).
fn split_comment(raw: &str) -> (&str, Option<String>) {
    let body = strip_comment(raw, &['#', ';']);
    let rest = raw[body.len()..].trim_start_matches(['#', ';']).trim();
    (body, (!rest.is_empty()).then(|| rest.to_string()))
}

/// The tokens of a pattern.
#[derive(Debug, Clone)]
enum Item {
    Word(String),
    Star,
    Braces(Vec<Item>),
    Parens(Vec<Item>),
}

fn marker(word: &str) -> Option<PatternElement> {
    match word {
        "$" => Some(PatternElement::Source),
        "+" => Some(PatternElement::Target),
        "^" => Some(PatternElement::Skip),
        "%" => Some(PatternElement::Compound),
        _ => None,
    }
}

impl Parser<'_> {
    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning::new(self.file, line, message));
    }

    fn err(&self, line: usize, message: impl Into<String>) -> DictError {
        DictError::new(self.file, line, message)
    }

    fn block_header(&mut self, line: &str, no: usize) -> Result<VerbBlock, DictError> {
        let s = line.trim_start_matches('-');
        let (name, code) = match s.find('[') {
            Some(open) => {
                let after = &s[open + 1..];
                let inner = match after.find(']') {
                    Some(close) => &after[..close],
                    None => {
                        self.warn(no, "block code without its closing `]`");
                        after.trim_end_matches('-').trim()
                    }
                };
                let (code, _) = parse_code(inner).map_err(|m| self.err(no, m))?;
                (s[..open].trim(), code)
            }
            None => {
                self.warn(no, "block header without a [code]; read as [---]");
                (s.trim_end_matches('-').trim(), CodeSpec::Null)
            }
        };
        if name.is_empty() {
            return Err(self.err(no, "expected a block header like `--- NAME [code] ---`"));
        }
        Ok(VerbBlock {
            name: normalize_word(name),
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
            line: no,
        })
    }

    /// `VERB`, `VERB {FORMS} [code]`, `+MULTI_WORD {...}`, `WIRE_+TAP`.
    fn verb_line(&mut self, line: &str, no: usize) -> Result<VerbEntry, DictError> {
        let mut code = None;
        let mut text = line;
        if let Some(open) = text.find('[') {
            let after = &text[open + 1..];
            let inner = match after.find(']') {
                Some(close) => {
                    if !after[close + 1..].trim().is_empty() {
                        self.warn(no, "text after the verb's [code] ignored");
                    }
                    &after[..close]
                }
                None => {
                    self.warn(no, "verb code without its closing `]`");
                    after
                }
            };
            code = Some(parse_code(inner).map_err(|m| self.err(no, m))?.0);
            text = &text[..open];
        }
        let (base, irregular) = match text.find('{') {
            Some(open) => {
                let after = &text[open + 1..];
                let inner = match after.find('}') {
                    Some(close) => &after[..close],
                    None => {
                        self.warn(no, "irregular forms without their closing `}`");
                        after
                    }
                };
                (text[..open].trim(), Some(inner))
            }
            None => (text.trim(), None),
        };
        // Known upstream defect (tabari-style.txt:11786, "SCOF AT"): a phrasal verb written
        // with a blank instead of `_`; read as `SCOF_AT`, with a warning.
        let joined;
        let base = if base.split_whitespace().count() > 1
            && irregular.is_none()
            && base
                .split_whitespace()
                .all(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '+'))
        {
            self.warn(
                no,
                format!("verb `{base}` written with blanks; read as one phrase"),
            );
            joined = base.split_whitespace().collect::<Vec<_>>().join("_");
            joined.as_str()
        } else {
            base
        };
        if base.is_empty() || base.split_whitespace().count() != 1 {
            return Err(self.err(
                no,
                format!("expected a verb like `ABANDON`, `+CORDON_OFF` or `HURRY {{HURRIES ...}}`, found `{line}`"),
            ));
        }
        let base_form = parse_form(base, None)
            .ok_or_else(|| self.err(no, format!("expected a verb, found `{base}`")))?;
        let base_idx = base_form.before.len();
        let base_len = base_idx + 1 + base_form.after.len();
        let mut forms = vec![base_form.clone()];
        match irregular {
            Some(list) => {
                for item in list.split_whitespace() {
                    let hint = Some((base_idx, base_len));
                    match parse_form(item, hint) {
                        Some(f) => forms.push(f),
                        None => self.warn(no, format!("irregular form `{item}` has no word")),
                    }
                }
                // Some lists leave out regular forms (`BREAK { BROKE BROKEN }`): add the
                // regular -S and -ING forms when no listed form has that ending. Regular pasts
                // are never added to a listed verb (SEE would give SEED).
                if forms.len() > 1 {
                    let listed = |suffix: &str| forms[1..].iter().any(|f| f.verb.ends_with(suffix));
                    let (has_s, has_ing) = (listed("S"), listed("ING"));
                    let base = &base_form.verb;
                    let extra: Vec<String> = regular_forms(base)
                        .into_iter()
                        .skip(1)
                        .filter(|f| {
                            let ing = f.ends_with("ING") && f.len() > 3;
                            let s = f.ends_with('S') && f.len() > 1 && !ing;
                            (ing && !has_ing) || (s && !has_s && f.len() <= base.len() + 2)
                        })
                        .collect();
                    for v in extra {
                        forms.push(VerbForm {
                            before: base_form.before.clone(),
                            verb: v,
                            after: base_form.after.clone(),
                        });
                    }
                }
            }
            None => {
                for v in regular_forms(&base_form.verb).into_iter().skip(1) {
                    forms.push(VerbForm {
                        before: base_form.before.clone(),
                        verb: v,
                        after: base_form.after.clone(),
                    });
                }
            }
        }
        let mut seen = HashSet::new();
        forms.retain(|f| seen.insert(f.clone()));
        Ok(VerbEntry {
            forms,
            code,
            line: no,
        })
    }

    fn pattern(
        &mut self,
        body: &str,
        comment: Option<String>,
        no: usize,
    ) -> Result<Pattern, DictError> {
        // The code is the last [...] of the line.
        let Some(open) = body.rfind('[') else {
            return Err(self.err(
                no,
                "expected a code like [042] or [042:043] at the end of the pattern",
            ));
        };
        let after = &body[open + 1..];
        let Some(close) = after.find(']') else {
            return Err(self.err(no, "expected a code like [042] or [042:043] at the end of the pattern (no closing `]`)"));
        };
        if !after[close + 1..].trim().is_empty() {
            self.warn(no, "text after the pattern's code ignored");
        }
        let (code, priority) = parse_code(&after[..close]).map_err(|m| self.err(no, m))?;
        let items = self.tokenize(&body[..open], no);

        let mut pre = Vec::new();
        let mut post = Vec::new();
        let mut seen_star = false;
        for item in items {
            if let Item::Star = item {
                if seen_star {
                    self.warn(no, "a second `*` in the pattern ignored");
                }
                seen_star = true;
                continue;
            }
            let side = if seen_star { &mut post } else { &mut pre };
            let els = self.element(item, no);
            side.extend(els);
        }
        if !seen_star {
            return Err(self.err(no, "expected `*` (the verb) in the pattern"));
        }
        Ok(Pattern {
            pre,
            post,
            code,
            line: no,
            priority,
            comment,
        })
    }

    fn tokenize(&mut self, s: &str, no: usize) -> Vec<Item> {
        // Stack of open groups: (is_paren, items).
        let mut stack: Vec<(bool, Vec<Item>)> = vec![(false, Vec::new())];
        let mut word = String::new();
        fn flush(word: &mut String, stack: &mut [(bool, Vec<Item>)]) {
            if word.is_empty() {
                return;
            }
            let w = std::mem::take(word);
            let top = &mut stack.last_mut().expect("stack never empty").1;
            if w.contains('*') {
                // `*_LAWS`, `SPY_*_DEAL`, `*SCEPTICAL`: the star is the verb, the rest words.
                let mut piece = String::new();
                for c in w.chars() {
                    if c == '*' || c == '_' {
                        if !piece.is_empty() {
                            top.push(Item::Word(std::mem::take(&mut piece)));
                        }
                        if c == '*' && !matches!(top.last(), Some(Item::Star)) {
                            top.push(Item::Star);
                        }
                    } else {
                        piece.push(c);
                    }
                }
                if !piece.is_empty() {
                    top.push(Item::Word(piece));
                }
            } else {
                top.push(Item::Word(w));
            }
        }
        for c in s.chars() {
            match c {
                '(' | '{' => {
                    flush(&mut word, &mut stack);
                    stack.push((c == '(', Vec::new()));
                }
                ')' | '}' => {
                    flush(&mut word, &mut stack);
                    let want_paren = c == ')';
                    if stack.len() > 1 && stack.last().map(|t| t.0) == Some(want_paren) {
                        let (is_paren, items) = stack.pop().expect("checked");
                        let item = if is_paren {
                            Item::Parens(items)
                        } else {
                            Item::Braces(items)
                        };
                        stack.last_mut().expect("stack never empty").1.push(item);
                    } else {
                        self.warn(no, format!("stray `{c}` ignored"));
                    }
                }
                c if c.is_whitespace() => flush(&mut word, &mut stack),
                c => word.push(c),
            }
        }
        flush(&mut word, &mut stack);
        while stack.len() > 1 {
            self.warn(no, "unclosed `(` or `{` closed at the end of the line");
            let (is_paren, items) = stack.pop().expect("len > 1");
            let item = if is_paren {
                Item::Parens(items)
            } else {
                Item::Braces(items)
            };
            stack.last_mut().expect("stack never empty").1.push(item);
        }
        stack.pop().map(|t| t.1).unwrap_or_default()
    }

    /// One top-level item → its element(s).
    fn element(&mut self, item: Item, no: usize) -> Vec<PatternElement> {
        match item {
            Item::Star => Vec::new(),
            Item::Word(w) => match marker(&w) {
                Some(m) => vec![m],
                None => match self.word_alternatives(&w, true, no) {
                    Some(alts) => vec![PatternElement::Noun(alts)],
                    None => Vec::new(),
                },
            },
            Item::Braces(items) => vec![PatternElement::Noun(self.sequence(&items, true, no))],
            Item::Parens(items) => self.prep(items, no),
        }
    }

    fn prep(&mut self, items: Vec<Item>, no: usize) -> Vec<PatternElement> {
        let mut iter = items.into_iter();
        let first = match iter.next() {
            Some(f) => f,
            None => {
                self.warn(no, "empty `()` ignored");
                return Vec::new();
            }
        };
        let preps: Vec<String> = match first {
            Item::Word(ref w) if marker(w).is_none() && !w.contains('&') => w
                .split('/')
                .filter(|p| !p.is_empty())
                .flat_map(dict_words)
                .collect(),
            other => {
                self.warn(
                    no,
                    "`(` not followed by a preposition; read as its contents",
                );
                let mut out = self.element(other, no);
                for item in iter {
                    out.extend(self.element(item, no));
                }
                return out;
            }
        };
        let mut object_items = Vec::new();
        let mut markers = Vec::new();
        for item in iter {
            match &item {
                Item::Word(w) if marker(w).is_some() => markers.extend(marker(w)),
                Item::Star => self.warn(no, "`*` inside `( )` ignored"),
                _ => object_items.push(item),
            }
        }
        let object = (!object_items.is_empty()).then(|| self.sequence(&object_items, true, no));
        let mut out = vec![PatternElement::Prep { preps, object }];
        out.extend(markers);
        out
    }

    /// The alternatives of a sequence of items read as one noun phrase (a `{}` group or a
    /// preposition's object): the cross product of the items' alternatives, with the plural of
    /// the last one when `plural_last`.
    fn sequence(&mut self, items: &[Item], plural_last: bool, no: usize) -> Alternatives {
        let mut acc: Alternatives = vec![Vec::new()];
        let n = items.len();
        for (i, item) in items.iter().enumerate() {
            let last = i + 1 == n;
            let alts: Alternatives = match item {
                Item::Word(w) => {
                    if marker(w).is_some() {
                        self.warn(no, format!("marker `{w}` inside a noun phrase ignored"));
                        continue;
                    }
                    match self.word_alternatives(w, plural_last && last, no) {
                        Some(a) => a,
                        None => continue,
                    }
                }
                Item::Braces(inner) => self.sequence(inner, plural_last && last, no),
                Item::Parens(inner) => {
                    self.warn(no, "`( )` inside a noun phrase read as plain words");
                    self.sequence(inner, false, no)
                }
                Item::Star => {
                    self.warn(no, "`*` inside a noun phrase ignored");
                    continue;
                }
            };
            let (next, cut) = bounded_product(&acc, &alts, MAX_ALTERNATIVES, |a, b| concat(a, b));
            if cut {
                self.warn(
                    no,
                    format!("more than {MAX_ALTERNATIVES} alternatives; the rest dropped"),
                );
            }
            acc = next;
        }
        acc.retain(|a| !a.is_empty());
        dedup(&mut acc);
        acc
    }

    /// A bare word, `_`-joined phrase or `&SYNSET` → alternatives. None for a word with nothing
    /// in it (e.g. a lone `_`).
    fn word_alternatives(&mut self, w: &str, with_plural: bool, no: usize) -> Option<Alternatives> {
        if w.contains('&') {
            if let Some(label) = w.strip_prefix('&') {
                let key = synset_key(label);
                if self.synset_defs.contains_key(&key) || self.memo.contains_key(&key) {
                    return Some(self.expand_synset(&key, no, &mut Vec::new()));
                }
            }
            self.undefined_synset(w, no);
            return Some(Vec::new());
        }
        let words = dict_words(w);
        if words.is_empty() {
            return None;
        }
        let mut alts = vec![words.clone()];
        if with_plural && !w.ends_with('_') {
            alts.extend(pluralize_last(&words));
        }
        dedup(&mut alts);
        Some(alts)
    }

    fn undefined_synset(&mut self, label: &str, no: usize) {
        if self.undefined_seen.insert(label.to_string()) {
            self.undefined.push((label.to_string(), no));
            self.warn(
                no,
                format!("synset `{label}` is not defined; the element matches nothing"),
            );
        }
    }

    fn expand_synset(
        &mut self,
        key: &str,
        use_line: usize,
        stack: &mut Vec<String>,
    ) -> Alternatives {
        if let Some(a) = self.memo.get(key) {
            return a.clone();
        }
        if stack.iter().any(|k| k == key) {
            self.warn(
                use_line,
                format!("synset `&{key}` refers to itself; the loop is cut"),
            );
            return Vec::new();
        }
        let Some(def) = self.synset_defs.get(key) else {
            self.undefined_synset(&format!("&{key}"), use_line);
            return Vec::new();
        };
        let no_plural = def.no_plural;
        let members = def.members.clone();
        stack.push(key.to_string());
        let mut out: Alternatives = Vec::new();
        for (m, line) in members {
            if let Some(label) = m.strip_prefix('&') {
                let k = synset_key(label);
                if self.synset_defs.contains_key(&k) || self.memo.contains_key(&k) {
                    out.extend(self.expand_synset(&k, line, stack));
                } else {
                    self.undefined_synset(&m, line);
                }
                continue;
            }
            if m.starts_with('(') {
                let words = dict_words(m.trim_start_matches('(').trim_end_matches(')'));
                if !words.is_empty() {
                    out.push(words);
                }
                continue;
            }
            let words = dict_words(&m);
            if words.is_empty() {
                self.warn(line, "empty synset member ignored");
                continue;
            }
            let plural_form = if no_plural || m.ends_with('_') {
                None
            } else {
                pluralize_last(&words)
            };
            out.push(words);
            out.extend(plural_form);
        }
        stack.pop();
        dedup(&mut out);
        self.memo.insert(key.to_string(), out.clone());
        out
    }
}

/// The words with their last one in the plural, if it has one (see [`noun_plural`]).
fn pluralize_last(words: &[String]) -> Option<Vec<String>> {
    let last = noun_plural(words.last()?)?;
    let mut p = words.to_vec();
    *p.last_mut()? = last;
    Some(p)
}

fn dedup(alts: &mut Alternatives) {
    let mut seen = HashSet::new();
    alts.retain(|a| seen.insert(a.clone()));
}

/// The inside of `[...]`: `042`, `042:043`, `:043`, `---`, with an optional trailing `?`/`!`.
fn parse_code(inner: &str) -> Result<(CodeSpec, CodePriority), String> {
    let expected = || format!("expected a code like [042] or [042:043], found `[{inner}]`");
    let mut s = inner.trim();
    let mut priority = CodePriority::Normal;
    if let Some(r) = s.strip_suffix('?') {
        priority = CodePriority::Subordinate;
        s = r.trim_end();
    } else if let Some(r) = s.strip_suffix('!') {
        priority = CodePriority::Dominant;
        s = r.trim_end();
    }
    if s.is_empty() {
        return Err(expected());
    }
    if s == "---" {
        return Ok((CodeSpec::Null, priority));
    }
    let (f, r) = match s.split_once(':') {
        Some((f, r)) => (f.trim(), Some(r.trim())),
        None => (s, None),
    };
    let part = |p: &str| -> Result<Option<String>, String> {
        if p.is_empty() || p == "---" {
            Ok(None)
        } else if p.chars().all(|c| c.is_ascii_alphanumeric()) || p == "###" || p == "+++" {
            Ok(Some(p.to_string()))
        } else {
            Err(expected())
        }
    };
    let forward = part(f)?;
    let reverse = match r {
        Some(r) => part(r)?,
        None => None,
    };
    if forward.is_none() && reverse.is_none() {
        return Ok((CodeSpec::Null, priority));
    }
    Ok((CodeSpec::Code { forward, reverse }, priority))
}

/// `+CORDON_OFF`, `WIRE_+TAP`, `HURRY`. Without a `+`, a multi-word form takes its verb position
/// from `hint` (the base form's index and word count) if it has as many words, else its first.
fn parse_form(s: &str, hint: Option<(usize, usize)>) -> Option<VerbForm> {
    let parts: Vec<&str> = s.split('_').filter(|p| !p.is_empty()).collect();
    let mut idx = None;
    let mut words = Vec::with_capacity(parts.len());
    for (i, p) in parts.iter().enumerate() {
        let core = p.trim_start_matches('+');
        if core.len() != p.len() && idx.is_none() {
            idx = Some(i);
        }
        words.push(normalize_word(core));
    }
    let mut keep = Vec::new();
    let mut new_idx = None;
    for (i, w) in words.into_iter().enumerate() {
        if w.is_empty() {
            continue;
        }
        if Some(i) == idx {
            new_idx = Some(keep.len());
        }
        keep.push(w);
    }
    if keep.is_empty() {
        return None;
    }
    let idx = match new_idx {
        Some(i) => i,
        None => match hint {
            Some((i, n)) if n == keep.len() && i < n => i,
            _ => 0,
        },
    };
    let after = keep.split_off(idx + 1);
    let verb = keep.pop()?;
    Some(VerbForm {
        before: keep,
        verb,
        after,
    })
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

/// `a (a b ATTACK) SAY = a b 015` (after the `~`).
fn parse_transformation(rest: &str, no: usize, file: &str) -> Result<Transformation, DictError> {
    let spaced = rest
        .replace('(', " ( ")
        .replace(')', " ) ")
        .replace('=', " = ");
    let t: Vec<&str> = spaced.split_whitespace().collect();
    let ok = t.len() == 11 && t[1] == "(" && t[5] == ")" && t[7] == "=";
    if !ok {
        return Err(DictError::new(
            file,
            no,
            format!(
                "expected a transformation like `~ a (a b ATTACK) SAY = a b 015`, found `~{rest}`"
            ),
        ));
    }
    Ok(Transformation {
        outer_source: t[0].to_string(),
        inner_source: t[2].to_string(),
        inner_target: t[3].to_string(),
        inner_verb: normalize_word(t[4]),
        outer_verb: normalize_word(t[6]),
        result_source: t[8].to_string(),
        result_target: t[9].to_string(),
        result_code: t[10].to_string(),
        line: no,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::test_support::{every_prefix, real};

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn code(f: Option<&str>, r: Option<&str>) -> CodeSpec {
        CodeSpec::Code {
            forward: f.map(String::from),
            reverse: r.map(String::from),
        }
    }

    const FIXTURE: &str = "# comment\r
####### SYNONYM SETS #######\r
&AUXVERB2_\r
+WILL\r
+IS_TO\r
\r
&CURRENCY\r
+MONEY\r
+CASH_\r
\r
&NOPLURAL_\r
+ARMY\r
\r
&NESTED  # a comment\r
+&CURRENCY\r
+GOLD\r
+(TO THE END)\r
####### VERB PATTERNS #######\r
---  ACCELERATE   [---]  ---\r
ACCELERATE \r
HURRY {HURRIES HURRYING HURRIED }\r
STOP\r
+CORDON_OFF [042]  # a comment\r
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\r
+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }\r
SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93\r
- * (TO)                                              [042:043]     # RUSH\r
- * {ARMS SHIPMENT}                                   [072]         # EXPEDITE\r
- * &CURRENCY (TO BORDER)                            [073]\r
- &NOPLURAL *                                        [:154]\r
- * (BY/WITH {ARMS SHIPMENT}) [111!]\r
- * OFF (FROM ^) $ [023?]\r
- * SPECIAL_CLAUSE KNIFE_ [174L]\r
- * &FIGHT_CRIM [1124]\r
- FIGHTER_&AIRCRAFT * [195]\r
- SPY_*_DEAL [---]\r
- * {&NESTED ATTACK} [190]\r
- * DIPLXMATIC [###] # TABARI discard\r
* (TO QUESTION) [110]\r
######## TRANSFORMATIONS ##########\r
~ a (a b ATTACK) SAY = a b 015\r
#~ a (a b WILL_ATTACK) SAY = a b 138\r
~ a (b . ATTACK ) WANT = a b 021\r
";

    #[test]
    fn a_supplement_replaces_the_verbs_it_lists() {
        let mut d = parse(FIXTURE, "fixture.txt").unwrap();
        let extra = "---  HALT   [191]  ---\nSTOP\n- * TALKS [---]\n";
        let extra = format!("{extra}- * &CURRENCY [071]\n");
        let undefined_before = d.undefined_synsets.len();
        d.extend(parse_supplement(&extra, "extra.txt", &d.synsets).unwrap());
        let listing = |word: &str| -> Vec<&str> {
            d.blocks
                .iter()
                .filter(|b| b.verbs.iter().any(|e| e.forms[0].verb == word))
                .map(|b| b.name.as_str())
                .collect()
        };
        assert_eq!(listing("STOP"), vec!["HALT"]);
        assert_eq!(listing("HURRY"), vec!["ACCELERATE"]);
        let halt = d.blocks.last().unwrap();
        assert_eq!(halt.patterns.len(), 2);
        // the base's synsets are known to the supplement
        assert_eq!(d.undefined_synsets.len(), undefined_before);
        match &halt.patterns[1].post[0] {
            PatternElement::Noun(alts) => assert!(alts.contains(&w("MONEY")), "{alts:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fixture_synsets_blocks_and_patterns() {
        let d = parse(FIXTURE, "fixture.txt").unwrap();
        assert_eq!(d.synsets["AUXVERB2"], vec![w("WILL"), w("IS TO")]);
        assert_eq!(
            d.synsets["CURRENCY"],
            vec![w("MONEY"), w("MONEYS"), w("CASH")]
        );
        assert_eq!(d.synsets["NOPLURAL"], vec![w("ARMY")]);
        assert_eq!(
            d.synsets["NESTED"],
            vec![
                w("MONEY"),
                w("MONEYS"),
                w("CASH"),
                w("GOLD"),
                w("GOLDS"),
                w("TO THE END")
            ]
        );
        assert_eq!(d.blocks.len(), 1);
        let b = &d.blocks[0];
        assert_eq!(b.name, "ACCELERATE");
        assert_eq!(b.code, CodeSpec::Null);
        assert_eq!(b.verbs.len(), 7);
        assert_eq!(b.patterns.len(), 13);
        assert_eq!(d.transformations.len(), 2);
        assert_eq!(
            d.undefined_synsets,
            vec![
                ("&FIGHT_CRIM".to_string(), 34),
                ("FIGHTER_&AIRCRAFT".to_string(), 35)
            ]
        );
    }

    #[test]
    fn verb_forms_regular_irregular_and_multi_word() {
        let d = parse(FIXTURE, "fixture.txt").unwrap();
        let b = &d.blocks[0];
        let verbs =
            |i: usize| -> Vec<String> { b.verbs[i].forms.iter().map(|f| f.verb.clone()).collect() };
        assert_eq!(
            verbs(0),
            w("ACCELERATE ACCELERATES ACCELERATED ACCELERATING")
        );
        assert_eq!(verbs(1), w("HURRY HURRIES HURRYING HURRIED"));
        let stop = verbs(2);
        for f in ["STOP", "STOPS", "STOPPED", "STOPPING"] {
            assert!(stop.contains(&f.to_string()), "{f} in {stop:?}");
        }
        let cordon = &b.verbs[3];
        assert_eq!(cordon.code, Some(code(Some("042"), None)));
        assert_eq!(
            cordon.forms[0],
            VerbForm {
                before: vec![],
                verb: "CORDON".into(),
                after: w("OFF")
            }
        );
        assert!(cordon
            .forms
            .iter()
            .any(|f| f.verb == "CORDONED" && f.after == w("OFF")));
        let tap = &b.verbs[4];
        assert_eq!(tap.forms.len(), 4, "TAPS added: the list has no -S form");
        assert_eq!(
            tap.forms[3],
            VerbForm {
                before: w("WIRE"),
                verb: "TAPS".into(),
                after: vec![]
            }
        );
        assert_eq!(
            tap.forms[1],
            VerbForm {
                before: w("WIRE"),
                verb: "TAPPED".into(),
                after: vec![]
            }
        );
        let meet = &b.verbs[5];
        assert_eq!(
            meet.forms[1],
            VerbForm {
                before: vec![],
                verb: "MET".into(),
                after: w("WITH")
            }
        );
        assert_eq!(verbs(6), w("SCRAP SCRAPPING SCRAPS SCRAPPED"));
    }

    #[test]
    fn incomplete_irregular_lists_get_their_regular_s_and_ing_forms() {
        let d = parse("--- B [010] ---\nBREAK { BROKE BROKEN  }\nSEE {SEES SEEING SEEN }\nREGRET  {REGRETTED REGRETS}\n+ANGERED_BY {}\n", "v").unwrap();
        let verbs = |i: usize| -> Vec<String> {
            d.blocks[0].verbs[i]
                .forms
                .iter()
                .map(|f| f.verb.clone())
                .collect()
        };
        assert_eq!(verbs(0), w("BREAK BROKE BROKEN BREAKS BREAKING"));
        assert_eq!(verbs(1), w("SEE SEES SEEING SEEN"));
        assert_eq!(verbs(2), w("REGRET REGRETTED REGRETS REGRETING REGRETTING"));
        assert_eq!(verbs(3), w("ANGERED"));
    }

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

    #[test]
    fn pattern_elements() {
        let d = parse(FIXTURE, "fixture.txt").unwrap();
        let p = &d.blocks[0].patterns;
        // - * (TO) [042:043]
        assert!(p[0].pre.is_empty());
        assert_eq!(
            p[0].post,
            vec![PatternElement::Prep {
                preps: w("TO"),
                object: None
            }]
        );
        assert_eq!(p[0].code, code(Some("042"), Some("043")));
        assert_eq!(p[0].comment.as_deref(), Some("RUSH"));
        // - * {ARMS SHIPMENT} [072]
        assert_eq!(
            p[1].post,
            vec![PatternElement::Noun(vec![
                w("ARMS SHIPMENT"),
                w("ARMS SHIPMENTS")
            ])]
        );
        // - * &CURRENCY (TO BORDER) [073]
        assert_eq!(
            p[2].post,
            vec![
                PatternElement::Noun(vec![w("MONEY"), w("MONEYS"), w("CASH")]),
                PatternElement::Prep {
                    preps: w("TO"),
                    object: Some(vec![w("BORDER"), w("BORDERS")])
                },
            ]
        );
        // - &NOPLURAL * [:154]
        assert_eq!(p[3].pre, vec![PatternElement::Noun(vec![w("ARMY")])]);
        assert_eq!(p[3].code, code(None, Some("154")));
        // - * (BY/WITH {ARMS SHIPMENT}) [111!]
        assert_eq!(
            p[4].post,
            vec![PatternElement::Prep {
                preps: w("BY WITH"),
                object: Some(vec![w("ARMS SHIPMENT"), w("ARMS SHIPMENTS")])
            }]
        );
        assert_eq!(p[4].priority, CodePriority::Dominant);
        // - * OFF (FROM ^) $ [023?]
        assert_eq!(
            p[5].post,
            vec![
                PatternElement::Noun(vec![w("OFF"), w("OFFS")]),
                PatternElement::Prep {
                    preps: w("FROM"),
                    object: None
                },
                PatternElement::Skip,
                PatternElement::Source,
            ]
        );
        assert_eq!(p[5].priority, CodePriority::Subordinate);
        assert_eq!(p[5].code, code(Some("023"), None));
        // - * SPECIAL_CLAUSE KNIFE_ [174L]
        assert_eq!(
            p[6].post,
            vec![
                PatternElement::Noun(vec![w("SPECIAL CLAUSE"), w("SPECIAL CLAUSES")]),
                PatternElement::Noun(vec![w("KNIFE")]),
            ]
        );
        assert_eq!(p[6].code, code(Some("174L"), None));
        // undefined synsets match nothing
        assert_eq!(p[7].post, vec![PatternElement::Noun(vec![])]);
        assert_eq!(p[8].pre, vec![PatternElement::Noun(vec![])]);
        // - SPY_*_DEAL [---]
        assert_eq!(
            p[9].pre,
            vec![PatternElement::Noun(vec![w("SPY"), w("SPIES")])]
        );
        assert_eq!(
            p[9].post,
            vec![PatternElement::Noun(vec![w("DEAL"), w("DEALS")])]
        );
        assert_eq!(p[9].code, CodeSpec::Null);
        // - * {&NESTED ATTACK} [190]: cross product, plural of the head
        let PatternElement::Noun(alts) = &p[10].post[0] else {
            panic!()
        };
        assert_eq!(alts.len(), 12);
        assert!(alts.contains(&w("CASH ATTACKS")) && alts.contains(&w("TO THE END ATTACK")));
        // [###] survives `#` comments
        assert_eq!(p[11].code, code(Some("###"), None));
        // the line without its `-`
        assert!(d
            .warnings
            .iter()
            .any(|x| x.line == 39 && x.message.contains("leading `-`")));
        assert_eq!(
            p[12].post,
            vec![PatternElement::Prep {
                preps: w("TO"),
                object: Some(vec![w("QUESTION"), w("QUESTIONS")])
            }]
        );
        // `*SCEPTICAL`: a star glued to its word
        let d = parse("--- V [010] ---\nV\n- *SCEPTICAL [012]\n", "v.txt").unwrap();
        assert_eq!(
            d.blocks[0].patterns[0].post,
            vec![PatternElement::Noun(vec![w("SCEPTICAL"), w("SCEPTICALS")])]
        );
    }

    #[test]
    fn transformations() {
        let d = parse(FIXTURE, "fixture.txt").unwrap();
        let t = &d.transformations[0];
        assert_eq!(
            (
                t.outer_source.as_str(),
                t.inner_source.as_str(),
                t.inner_target.as_str()
            ),
            ("a", "a", "b")
        );
        assert_eq!(
            (t.inner_verb.as_str(), t.outer_verb.as_str()),
            ("ATTACK", "SAY")
        );
        assert_eq!(
            (
                t.result_source.as_str(),
                t.result_target.as_str(),
                t.result_code.as_str()
            ),
            ("a", "b", "015")
        );
        assert_eq!(d.transformations[1].inner_target, ".");
        assert_eq!(d.transformations[1].result_code, "021");
    }

    #[test]
    fn codes() {
        assert_eq!(
            parse_code("042"),
            Ok((code(Some("042"), None), CodePriority::Normal))
        );
        assert_eq!(
            parse_code(" 042:043 "),
            Ok((code(Some("042"), Some("043")), CodePriority::Normal))
        );
        assert_eq!(
            parse_code(":043"),
            Ok((code(None, Some("043")), CodePriority::Normal))
        );
        assert_eq!(
            parse_code("---"),
            Ok((CodeSpec::Null, CodePriority::Normal))
        );
        assert_eq!(
            parse_code("102b"),
            Ok((code(Some("102b"), None), CodePriority::Normal))
        );
        assert_eq!(
            parse_code("+++"),
            Ok((code(Some("+++"), None), CodePriority::Normal))
        );
        assert!(parse_code("").is_err());
        assert!(parse_code("04 2").is_err());
        assert!(parse_code("?").is_err());
    }

    #[test]
    fn errors_name_file_line_and_expectation() {
        let e = parse("--- A [010] ---\nA\n- * AID [04\n", "CAMEO.2.0.txt").unwrap_err();
        assert_eq!(
            e.to_string(),
            "CAMEO.2.0.txt:3: expected a code like [042] or [042:043] at the end of the pattern (no closing `]`)"
        );
        // the upstream defect: no code at all is a warning, the pattern is skipped
        let d = parse("--- A [010] ---\nA\n- * AID\n- * HELP [070]\n", "v.txt").unwrap();
        assert_eq!(d.blocks[0].patterns.len(), 1);
        assert!(d.warnings.iter().any(|w| w.line == 3), "{:?}", d.warnings);
        let d = parse("--- A [010] ---\nA\n- AID [042]\n", "v.txt").unwrap();
        assert!(d.blocks[0].patterns.is_empty());
        assert!(d
            .warnings
            .iter()
            .any(|w| w.line == 3 && w.message.contains("`*`")));
        let e = parse("--- A [010] ---\n- * AID [04 2]\n", "v.txt").unwrap_err();
        assert!(e.message.contains("expected a code like [042]"), "{e}");
        let e = parse("~ a (a b ATTACK SAY = a b 015\n", "v.txt").unwrap_err();
        assert!(e.message.contains("expected a transformation"), "{e}");
        let e = parse("--- [010] ---\n", "v.txt").unwrap_err();
        assert!(e.message.contains("block header"), "{e}");
    }

    #[test]
    fn synset_cycles_are_cut() {
        let d = parse(
            "&A\n+&B\n+X\n&B\n+&A\n+Y\n--- V [010] ---\nV\n- * &A [010]\n",
            "v.txt",
        )
        .unwrap();
        let a = &d.synsets["A"];
        assert!(a.contains(&w("X")) && a.contains(&w("Y")));
        assert!(d
            .warnings
            .iter()
            .any(|x| x.message.contains("refers to itself")));
    }

    #[test]
    fn tolerated_stray_brackets() {
        let text = "--- V [010] ---\nV\n- * VENTURE (WITH VISIT)  VISIT)[042:043]  # MAKE\n- * (TO {X Y [042]\n";
        let d = parse(text, "v.txt").unwrap();
        let p = &d.blocks[0].patterns;
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].post.len(), 3);
        assert_eq!(
            p[0].post[2],
            PatternElement::Noun(vec![w("VISIT"), w("VISITS")])
        );
        assert_eq!(
            p[1].post,
            vec![PatternElement::Prep {
                preps: w("TO"),
                object: Some(vec![w("X Y"), w("X YS")])
            }]
        );
        assert!(d
            .warnings
            .iter()
            .any(|x| x.line == 3 && x.message.contains("stray `)`")));
        assert!(d
            .warnings
            .iter()
            .any(|x| x.line == 4 && x.message.contains("unclosed")));
    }

    #[test]
    fn garbage_never_panics() {
        let samples = [
            FIXTURE,
            "---",
            "--- [",
            "- * (",
            "- * {&",
            "- * [",
            "- * []",
            "- * [:]",
            "&",
            "&\n+",
            "+\n+&",
            "~",
            "~ ( ) = ",
            "--- A [---] ---\n+\n_\n+_\n{}\nX {\nY [\n- ) } * ( { [010]\n- * & [010]\n- * _&_ [010]\n- ** * [010]",
            "\u{feff}\u{0}\r\r\n<!--\n",
            "--- A [0:0:0] ---",
        ];
        for s in samples {
            for end in 0..=s.len() {
                if s.is_char_boundary(end) {
                    let _ = parse(&s[..end], "garbage.txt");
                }
            }
        }
    }

    /// FORMATS.md: 40 synsets, 397 verb blocks, 1,817 verb lines, 4,668 patterns (437 `[a:b]`,
    /// 97 `[:b]`, 168 `[---]`), 8 transformations, 5 undefined synsets.
    #[test]
    fn real_cameo_2_0() {
        let d = parse(&real("dictionaries/CAMEO.2.0.txt"), "CAMEO.2.0.txt").unwrap();
        assert_eq!(d.synsets.len(), 40);
        assert_eq!(d.blocks.len(), 397);
        assert_eq!(d.verb_count(), 1817);
        assert_eq!(d.pattern_count(), 4668);
        assert_eq!(d.transformations.len(), 8);
        let pats = || d.blocks.iter().flat_map(|b| b.patterns.iter());
        // FORMATS.md's "437 use a paired code [a:b]" counts every code with a colon: 340 `[a:b]`
        // plus the 97 `[:b]`.
        let paired = pats()
            .filter(|p| p.code.forward().is_some() && p.code.reverse().is_some())
            .count();
        let reverse_only = pats()
            .filter(|p| p.code.forward().is_none() && p.code.reverse().is_some())
            .count();
        let null = pats().filter(|p| p.code.is_null()).count();
        assert_eq!((paired, reverse_only, null), (340, 97, 168));
        assert_eq!(paired + reverse_only, 437);
        let mut undefined: Vec<&str> = d
            .undefined_synsets
            .iter()
            .map(|(l, _)| l.as_str())
            .collect();
        undefined.sort();
        assert_eq!(
            undefined,
            vec![
                "&DEMONSTRATION",
                "&FIGHT_CRIM",
                "&FIGHT_GAMES",
                "&WEATHER",
                "FIGHTER_&AIRCRAFT"
            ]
        );
        assert_eq!(d.transformations[4].inner_verb, "Q");
        assert!(d.synsets["WEAPON"].contains(&w("MACHINE GUNS")));
        // `[080!]` on line 5787
        let dominant: Vec<usize> = pats()
            .filter(|p| p.priority == CodePriority::Dominant)
            .map(|p| p.line)
            .collect();
        assert_eq!(dominant, vec![5787]);
    }

    #[test]
    fn real_validation_verbs() {
        let d = parse(
            &real("validation/PETR.Validate.verbs.2.0.txt"),
            "PETR.Validate.verbs.2.0.txt",
        )
        .unwrap();
        // The validation file uses `&SECURITY` (line 1108) without defining it: the same upstream
        // defect as in CAMEO.2.0.txt.
        assert_eq!(d.undefined_synsets, vec![("&SECURITY".to_string(), 1108)]);
        assert_eq!(d.blocks.len(), 69);
        // 452 `- ...` lines and one written without its dash (`* (TO QUESTION) [110]`, line 453)
        assert_eq!(d.pattern_count(), 453);
        assert!(d.warnings.iter().any(|x| x.line == 453));
        let acc = &d.synsets["ACCORDSYN"];
        assert!(
            acc.contains(&w("ECONOMIC"))
                && acc.contains(&w("DOLLARS"))
                && acc.contains(&w("CLOSER"))
        );
        assert!(d.synsets["TESTSYN3"].contains(&w("UNTIL HELL FREEZES OVER")));
        assert!(d.synsets["NEGATVAUXVRB"].contains(&w("DID N'T")));
        let multi = d
            .blocks
            .iter()
            .flat_map(|b| &b.verbs)
            .find(|v| v.forms[0].verb == "RST")
            .unwrap();
        assert_eq!(multi.forms[0].before, w("KLM NOP"));
        let codes: Vec<String> = d
            .blocks
            .iter()
            .flat_map(|b| &b.patterns)
            .filter_map(|p| p.code.forward().map(String::from))
            .collect();
        for c in ["174L", "075A", "102b", "xxy", "###", "+++"] {
            assert!(codes.iter().any(|x| x == c), "{c}");
        }
    }
}
