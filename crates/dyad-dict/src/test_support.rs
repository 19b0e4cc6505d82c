//! Helpers for the parsers' tests: the real dictionary files, and a garbage run that feeds every
//! prefix of awkward inputs to a parser (it must return, never panic).

/// A file under the repository's `data/`, read as the parsers read files.
pub fn real(path: &str) -> String {
    let p = format!("{}/../../data/{path}", env!("CARGO_MANIFEST_DIR"));
    String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned()
}

/// Feed every prefix (on a char boundary) of every sample to `parse`.
pub fn every_prefix<T, E>(samples: &[&str], parse: impl Fn(&str, &str) -> Result<T, E>) {
    for s in samples {
        for end in 0..=s.len() {
            if s.is_char_boundary(end) {
                let _ = parse(&s[..end], "garbage");
            }
        }
    }
}

/// The words of `s`, as the parsers keep a phrase (`"GROUP A_"` → `["GROUP", "A_"]`).
pub fn w(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

/// Whether a warning on `line` says `fragment`.
pub fn warned(warnings: &[crate::Warning], line: usize, fragment: &str) -> bool {
    warnings
        .iter()
        .any(|x| x.line == line && x.message.contains(fragment))
}

/// Whether any warning says `fragment`.
pub fn warned_of(warnings: &[crate::Warning], fragment: &str) -> bool {
    warnings.iter().any(|x| x.message.contains(fragment))
}

/// The error of a parse that must fail, saying `fragment`.
#[track_caller]
pub fn refused<T: std::fmt::Debug>(
    parsed: Result<T, crate::DictError>,
    fragment: &str,
) -> crate::DictError {
    let e = parsed.expect_err("refused");
    assert!(e.message.contains(fragment), "{e}");
    e
}
