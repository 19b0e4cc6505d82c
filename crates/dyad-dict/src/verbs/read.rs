//! Reading a whole verb file: synset definitions first, then block headers, verb lines,
//! patterns and transformations in file order, each line handed to the file of its concept.

use std::collections::BTreeMap;

use super::dictionary::{Alternatives, VerbDictionary};
use super::log::Log;
use super::patterns::read_pattern;
use super::synsets::Synsets;
use super::transformations::parse_transformation;
use super::verb_lines::{block_header, verb_line};
use crate::error::DictError;
use crate::reader::{lines, strip_comment};

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
    let mut log = Log::new(file);
    let mut synsets = Synsets::new(known);

    // Pass 1: synsets.
    let consumed = synsets.read_definitions(&all, &log)?;

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
            dict.blocks.push(block_header(line, no, &mut log)?);
        } else if let Some(rest) = line.strip_prefix('~') {
            dict.transformations
                .push(parse_transformation(rest, no, file)?);
        } else if line.starts_with('-') || line.starts_with('*') {
            if line.starts_with('*') {
                log.warn(
                    no,
                    "pattern line without its leading `-`; read as a pattern",
                );
            }
            let body = line.trim_start_matches('-');
            // Known upstream defect (CAMEO.verbpatterns.tabari-style.txt:5860, "- SAID * AN
            // OFFER + FOR TALKS # REJECT"): a pattern with no code at all codes nothing, so
            // it is skipped with a warning. A code that is there but malformed is an error.
            if !body.contains('[') && body.contains('*') {
                log.warn(no, "pattern without a code; skipped");
                continue;
            }
            // Likewise (tabari-style.txt:8056, "- TIVILIAN [202]"): a pattern without the
            // verb `*` can never match; skipped with a warning.
            if !body.split('#').next().unwrap_or("").contains('*') {
                log.warn(no, "pattern without `*` (the verb); skipped");
                continue;
            }
            let pattern = read_pattern(body, comment, no, &mut log, &mut synsets)?;
            match dict.blocks.last_mut() {
                Some(b) => b.patterns.push(pattern),
                None => log.warn(
                    no,
                    "pattern before any `--- NAME [code] ---` block; skipped",
                ),
            }
        } else {
            let entry = verb_line(line, no, &mut log)?;
            match dict.blocks.last_mut() {
                Some(b) => b.verbs.push(entry),
                None => log.warn(
                    no,
                    "verb line before any `--- NAME [code] ---` block; skipped",
                ),
            }
        }
    }

    // Every synset, expanded, also those no pattern used.
    // Every synset, expanded, also those no pattern used.
    dict.synsets = synsets.expand_all(&mut log);
    dict.undefined_synsets = synsets.undefined;
    dict.warnings = log.warnings;
    Ok(dict)
}

/// Split off a `#`/`;` comment (outside brackets): (body, trimmed comment if non-empty).
fn split_comment(raw: &str) -> (&str, Option<String>) {
    let body = strip_comment(raw, &['#', ';']);
    let rest = raw[body.len()..].trim_start_matches(['#', ';']).trim();
    (body, (!rest.is_empty()).then(|| rest.to_string()))
}
