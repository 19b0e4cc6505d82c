//! The codes a verb block, verb or pattern carries: [`CodeSpec`] (a code, a paired
//! `[forward:reverse]` code, or `[---]` for none), TABARI's [`CodePriority`] marks, and reading
//! the inside of `[...]`.

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

/// The inside of `[...]`: `042`, `042:043`, `:043`, `---`, with an optional trailing `?`/`!`.
pub(super) fn parse_code(inner: &str) -> Result<(CodeSpec, CodePriority), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn code(f: Option<&str>, r: Option<&str>) -> CodeSpec {
        CodeSpec::Code {
            forward: f.map(String::from),
            reverse: r.map(String::from),
        }
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
}
