//! A problem with one piece of input that did not stop the work: a bad record, a dictionary
//! line, a page without text. It names the file and line so the user can find it.

use std::fmt;

/// A problem with one record or file that did not stop reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The path as given (or as found under a given folder; `-` for stdin).
    pub file: String,
    /// 1-based line of the problem; 0 when it concerns the whole file (one that cannot be
    /// read), shown then as `file: message`.
    pub line: usize,
    pub message: String,
}

/// The most bytes of a warning's message (longer ones are cut at a character boundary, with
/// `…`): a warning is kept and printed, and a message that echoed a bad value whole (a 2 MB
/// `date`) made a thousand warnings take gigabytes.
pub const MAX_MESSAGE_BYTES: usize = 512;

/// The most characters of a value a message quotes ([`quote_prefix`]).
pub const QUOTED_CHARS: usize = 40;

/// A value as a message quotes it: quoted (Rust's escapes), its first [`QUOTED_CHARS`] characters only,
/// with its length in bytes when it was cut (`"2025-13-…" (2000000 bytes)`).
pub fn quote_prefix(value: &str) -> String {
    let cut = value
        .char_indices()
        .nth(QUOTED_CHARS)
        .map_or(value.len(), |(i, _)| i);
    let quoted = format!("{:?}", &value[..cut]);
    if cut == value.len() {
        quoted
    } else {
        format!("{}…\" ({} bytes)", &quoted[..quoted.len() - 1], value.len())
    }
}

impl Warning {
    /// A warning; a message longer than [`MAX_MESSAGE_BYTES`] is cut.
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Warning {
        let mut message = message.into();
        if message.len() > MAX_MESSAGE_BYTES {
            let mut end = MAX_MESSAGE_BYTES;
            while !message.is_char_boundary(end) {
                end -= 1;
            }
            message.truncate(end);
            message.push('…');
            message.shrink_to_fit();
        }
        Warning {
            file: file.into(),
            line,
            message,
        }
    }
}

/// `file:line: message`, as compilers write it; `file: message` for line 0 (the whole file).
/// Warnings and the dictionaries' errors are written so.
pub fn write_located(
    f: &mut fmt::Formatter<'_>,
    file: &str,
    line: usize,
    message: &str,
) -> fmt::Result {
    if line == 0 {
        write!(f, "{file}: {message}")
    } else {
        write!(f, "{file}:{line}: {message}")
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, &self.file, self.line, &self.message)
    }
}

impl std::error::Error for Warning {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 21, item 7: warnings quoted a bad value whole.
    #[test]
    fn messages_and_quoted_values_are_bounded() {
        assert_eq!(quote_prefix("2025-13-01"), "\"2025-13-01\"");
        let long = "é".repeat(1_000_000);
        let q = quote_prefix(&long);
        assert!(q.len() < 120, "{q}");
        assert!(q.ends_with("…\" (2000000 bytes)"), "{q}");
        let w = Warning::new("f.jsonl", 3, "x".repeat(10_000_000));
        assert!(w.message.len() <= MAX_MESSAGE_BYTES + '…'.len_utf8());
        let w = Warning::new("f.jsonl", 3, "ü".repeat(1_000));
        assert!(w.message.ends_with('…'));
    }
}
