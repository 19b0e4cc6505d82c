//! The block and verb lines of a verb file: `--- NAME [code] ---` headers and the verbs under
//! them (`ABANDON`, `+CORDON_OFF [042]`, `HURRY {HURRIES ...}`, `WIRE_+TAP`), each with every
//! inflected form.

use std::collections::HashSet;

use super::codes::{parse_code, CodeSpec};
use super::dictionary::{VerbBlock, VerbEntry, VerbForm};
use super::log::Log;
use crate::error::DictError;
use crate::reader::enclosed;
use crate::words::{normalize_word, regular_forms};

/// `--- NAME [code] ---`: a block with no verbs or patterns yet. A header without a code is
/// read as `[---]`, with a warning.
pub(super) fn block_header(line: &str, no: usize, log: &mut Log) -> Result<VerbBlock, DictError> {
    let s = line.trim_start_matches('-');
    let (name, code) = match s.find('[') {
        Some(open) => {
            let inner = match enclosed(&s[open + 1..], ']') {
                (inner, Some(_)) => inner,
                (after, None) => {
                    log.warn(no, "block code without its closing `]`");
                    after.trim_end_matches('-').trim()
                }
            };
            let (code, _) = parse_code(inner).map_err(|m| log.err(no, m))?;
            (s[..open].trim(), code)
        }
        None => {
            log.warn(no, "block header without a [code]; read as [---]");
            (s.trim_end_matches('-').trim(), CodeSpec::Null)
        }
    };
    if name.is_empty() {
        return Err(log.err(no, "expected a block header like `--- NAME [code] ---`"));
    }
    Ok(VerbBlock {
        name: normalize_word(name),
        code,
        verbs: Vec::new(),
        patterns: Vec::new(),
        line: no,
        file: log.file.to_string(),
    })
}

/// `VERB`, `VERB {FORMS} [code]`, `+MULTI_WORD {...}`, `WIRE_+TAP`.
pub(super) fn verb_line(line: &str, no: usize, log: &mut Log) -> Result<VerbEntry, DictError> {
    let mut code = None;
    let mut text = line;
    if let Some(open) = text.find('[') {
        let (inner, rest) = enclosed(&text[open + 1..], ']');
        match rest {
            None => log.warn(no, "verb code without its closing `]`"),
            Some(rest) if !rest.trim().is_empty() => {
                log.warn(no, "text after the verb's [code] ignored")
            }
            Some(_) => {}
        }
        code = Some(parse_code(inner).map_err(|m| log.err(no, m))?.0);
        text = &text[..open];
    }
    let (base, irregular) = match text.find('{') {
        Some(open) => {
            let (inner, rest) = enclosed(&text[open + 1..], '}');
            if rest.is_none() {
                log.warn(no, "irregular forms without their closing `}`");
            }
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
        log.warn(
            no,
            format!("verb `{base}` written with blanks; read as one phrase"),
        );
        joined = base.split_whitespace().collect::<Vec<_>>().join("_");
        joined.as_str()
    } else {
        base
    };
    if base.is_empty() || base.split_whitespace().count() != 1 {
        return Err(log.err(
            no,
            format!("expected a verb like `ABANDON`, `+CORDON_OFF` or `HURRY {{HURRIES ...}}`, found `{line}`"),
        ));
    }
    let base_form = parse_form(base, None)
        .ok_or_else(|| log.err(no, format!("expected a verb, found `{base}`")))?;
    let base_idx = base_form.before.len();
    let base_len = base_idx + 1 + base_form.after.len();
    let mut forms = vec![base_form.clone()];
    match irregular {
        Some(list) => {
            for item in list.split_whitespace() {
                let hint = Some((base_idx, base_len));
                match parse_form(item, hint) {
                    Some(f) => forms.push(f),
                    None => log.warn(no, format!("irregular form `{item}` has no word")),
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
                for v in extra
                    .into_iter()
                    .chain(other_spelling_of_l(base, &forms[1..]))
                {
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

/// A verb ending in one vowel and L doubles the L before -ED and -ING in British spelling
/// (CANCELLED, TRAVELLING) and not in American (CANCELED, TRAVELING); a list that gives one
/// spelling ("CANCEL {CANCELS CANCELLED CANCELLING}") lacks the other's forms, which are these.
fn other_spelling_of_l(base: &str, listed: &[VerbForm]) -> Vec<String> {
    let b = base.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'A' | b'E' | b'I' | b'O' | b'U');
    if n < 3 || b[n - 1] != b'L' || !vowel(b[n - 2]) || vowel(b[n - 3]) {
        return Vec::new();
    }
    let has = |f: &str| listed.iter().any(|v| v.verb == f);
    let (single, double) = (
        [format!("{base}ED"), format!("{base}ING")],
        [format!("{base}LED"), format!("{base}LING")],
    );
    let other = if has(&double[0]) || has(&double[1]) {
        single
    } else if has(&single[0]) || has(&single[1]) {
        double
    } else {
        return Vec::new();
    };
    other.into_iter().filter(|f| !has(f)).collect()
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
