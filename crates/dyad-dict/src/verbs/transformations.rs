//! Transformations (`~ a (a b ATTACK) SAY = a b 015`): the rules that rewrite a verb whose
//! complement is itself an event, and reading them.

use crate::error::DictError;
use crate::words::normalize_word;

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

/// `a (a b ATTACK) SAY = a b 015` (after the `~`).
pub(super) fn parse_transformation(
    rest: &str,
    no: usize,
    file: &str,
) -> Result<Transformation, DictError> {
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
