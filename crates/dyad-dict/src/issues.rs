//! Issue coding (`Phoenix.IssueCoding.txt`): phrases that tag a sentence with an issue such as
//! `ID_ATROCITY`. See FORMATS.md §2.5.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use crate::error::DictError;
use crate::reader::{
    bounded_product, bracket_groups, concat, dict_words, lines, noun_plural, strip_comment, Warning,
};
use crate::words::{normalize_word, regular_forms};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuePhrase {
    /// Every expanded phrase (singular/plural for `n:`, verb forms for `v:`, blank and hyphen
    /// variants for `+`), as normalised words.
    pub phrases: Vec<Vec<String>>,
    /// The issue code; empty for `~` ignore phrases.
    pub code: String,
    /// `~`: a phrase that, when found, suppresses shorter matches inside it.
    pub ignore: bool,
    /// The enclosing `<ISSUE CATEGORY=...>` if any.
    pub category: Option<String>,
    /// The enclosing group's `TYPE="..."` (`ALL`, `COUNTEVENT`) if any.
    pub category_type: Option<String>,
    pub line: usize,
}

/// The issues (themes) an article's sentences are tagged with: each sentence's codes, sorted
/// and distinct, and the article's (all of them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleIssues {
    pub article: Vec<String>,
    pub sentences: Vec<Vec<String>>,
}

impl ArticleIssues {
    /// The codes of sentence `i` (none for a sentence it does not have).
    pub fn sentence(&self, i: usize) -> &[String] {
        self.sentences.get(i).map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueDictionary {
    pub entries: Vec<IssuePhrase>,
    /// Tolerated defects met while reading.
    pub warnings: Vec<Warning>,
}

/// An issue file kept as it was read and parsed on first use ([`LazyIssues::get`]): nothing
/// codes issues yet, so loading a dictionary set does not pay for reading its ~3,000 phrases.
/// Its bytes still name the dictionary version (`bundled::bundled_files`).
#[derive(Clone, Default)]
pub struct LazyIssues {
    /// (file name, bytes); None for a set without an issue file.
    source: Option<(String, Cow<'static, [u8]>)>,
    parsed: OnceLock<Result<IssueDictionary, DictError>>,
}

impl LazyIssues {
    /// The file `name` with contents `bytes` (invalid UTF-8 becomes U+FFFD when it is parsed).
    pub fn new(name: impl Into<String>, bytes: impl Into<Cow<'static, [u8]>>) -> Self {
        LazyIssues {
            source: Some((name.into(), bytes.into())),
            parsed: OnceLock::new(),
        }
    }

    /// The issue dictionary, parsed now if this is the first call; empty for a set without an
    /// issue file. A file that cannot be read as one gives its error at every call.
    pub fn get(&self) -> Result<&IssueDictionary, DictError> {
        self.parsed
            .get_or_init(|| match &self.source {
                Some((name, bytes)) => parse(&String::from_utf8_lossy(bytes), name),
                None => Ok(IssueDictionary::default()),
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The name of the issue file, if the set has one.
    fn file(&self) -> Option<&str> {
        self.source.as_ref().map(|(name, _)| name.as_str())
    }
}

/// Two sets hold the same issues when they hold the same file (parsed or not).
impl PartialEq for LazyIssues {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for LazyIssues {}

impl fmt::Debug for LazyIssues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LazyIssues")
            .field("file", &self.file())
            .field("bytes", &self.source.as_ref().map_or(0, |(_, b)| b.len()))
            .field("parsed", &self.parsed.get().is_some())
            .finish()
    }
}

/// Most alternatives one line may expand to.
const MAX_PHRASES: usize = 4_096;

/// Read an issue file (FORMATS.md §2.5; Phoenix.IssueCoding.txt).
///
/// * `phrase [CODE]`; words separated by blanks (and `_`). In a word, `n:x` gives x and its
///   plural, `v:x` the regular verb forms of x, and `a+b` both `a b` and `a-b` (the parts may
///   carry `n:`/`v:`: `pre+n:school`, `solar+v:power`).
/// * `~phrase` (also `~~phrase`) is an ignore phrase: code empty, `ignore` set.
/// * `<ISSUE CATEGORY="X" TYPE="Y">` … `</ISSUE>` wraps a group.
/// * `#` starts a comment; `<!-- -->` blocks are comments.
///
/// Tolerated upstream defects (each with a warning): a line without a code (`eec`, `v:kidnap`)
/// takes the code of the previous coded line of its group, or else the group's category;
/// two entries on one line (`a [X]b [X]`) are both read; a repeated code (`aqim [X] [X]`) and
/// junk after the code (`[X]*******`) are ignored; an unknown one-letter prefix (`m:site`) is
/// dropped; the mojibake `†` (a no-break space) separates words.
pub fn parse(text: &str, file: &str) -> Result<IssueDictionary, DictError> {
    let mut dict = IssueDictionary::default();
    let mut category: Option<String> = None;
    let mut category_type: Option<String> = None;
    let mut last_code: Option<String> = None;
    for (no, raw) in lines(text) {
        let line = strip_comment(&raw, &['#']).trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with("</") {
            category = None;
            category_type = None;
            last_code = None;
            continue;
        }
        if line.starts_with('<') {
            category = attribute(line, "CATEGORY");
            category_type = attribute(line, "TYPE");
            last_code = None;
            if category.is_none() {
                dict.warnings.push(Warning::new(
                    file,
                    no,
                    "`<...>` without CATEGORY=\"...\"; ignored",
                ));
            }
            continue;
        }
        // Split `phrase [CODE] phrase [CODE] ...`.
        let Some((groups, rest)) = bracket_groups(line) else {
            return Err(DictError::new(
                file,
                no,
                "expected `]` to close the issue code like [ID_ATROCITY]",
            ));
        };
        let mut segments: Vec<(&str, Option<&str>)> = groups
            .into_iter()
            .map(|(phrase, code)| (phrase, Some(code.trim())))
            .collect();
        if !rest.trim().is_empty() || segments.is_empty() {
            segments.push((rest, None));
        }
        let many = segments.len() > 1;
        for (phrase, code) in segments {
            let phrase = phrase.trim();
            if phrase.is_empty() {
                if many {
                    dict.warnings.push(Warning::new(
                        file,
                        no,
                        "a second code without a phrase ignored",
                    ));
                }
                continue;
            }
            if !phrase.chars().any(char::is_alphanumeric) {
                dict.warnings
                    .push(Warning::new(file, no, format!("junk `{phrase}` ignored")));
                continue;
            }
            let ignore = phrase.starts_with('~');
            let body = phrase.trim_start_matches('~').trim();
            let code = match (ignore, code) {
                (true, _) => String::new(),
                (false, Some(c)) if !c.is_empty() => {
                    last_code = Some(c.to_string());
                    c.to_string()
                }
                (false, _) => match last_code.clone().or_else(|| category.clone()) {
                    Some(c) => {
                        dict.warnings.push(Warning::new(
                            file,
                            no,
                            format!("issue phrase without a code; given `{c}` from its group"),
                        ));
                        c
                    }
                    None => {
                        dict.warnings.push(Warning::new(
                            file,
                            no,
                            "issue phrase without a code outside a group; skipped",
                        ));
                        continue;
                    }
                },
            };
            let phrases = expand(body, &mut dict.warnings, file, no);
            if phrases.is_empty() {
                dict.warnings
                    .push(Warning::new(file, no, "issue line without a word skipped"));
                continue;
            }
            dict.entries.push(IssuePhrase {
                phrases,
                code,
                ignore,
                category: category.clone(),
                category_type: category_type.clone(),
                line: no,
            });
        }
    }
    Ok(dict)
}

/// `NAME="value"` inside a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let upper = tag.to_ascii_uppercase();
    let at = upper.find(&format!("{name}="))?;
    let rest = &tag[at + name.len() + 1..];
    let rest = rest.trim_start();
    let value = if let Some(r) = rest.strip_prefix('"') {
        &r[..r.find('"').unwrap_or(r.len())]
    } else {
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(rest.len());
        &rest[..end]
    };
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// The forms of one `n:x` / `v:x` / `x` part, upper-cased.
fn part_forms(part: &str, warnings: &mut Vec<Warning>, file: &str, no: usize) -> Vec<String> {
    let (prefix, word) = match part.split_once(':') {
        Some((p, w)) if p.chars().count() == 1 && p.chars().all(|c| c.is_ascii_alphabetic()) => {
            (Some(p.to_ascii_lowercase()), w)
        }
        _ => (None, part),
    };
    let word = normalize_word(word);
    if word.is_empty() {
        return Vec::new();
    }
    match prefix.as_deref() {
        Some("n") => {
            let p = noun_plural(&word);
            std::iter::once(word).chain(p).collect()
        }
        Some("v") => regular_forms(&word),
        Some(other) => {
            warnings.push(Warning::new(
                file,
                no,
                format!("unknown prefix `{other}:` dropped"),
            ));
            vec![word]
        }
        None => vec![word],
    }
}

/// A phrase → all its expansions, as word lists.
fn expand(phrase: &str, warnings: &mut Vec<Warning>, file: &str, no: usize) -> Vec<Vec<String>> {
    let mut acc: Vec<Vec<String>> = vec![Vec::new()];
    for token in phrase.split(|c: char| c.is_whitespace() || c == '†' || c == '\u{a0}') {
        if token.is_empty() {
            continue;
        }
        // alternatives for this token, each a string that may hold blanks
        let parts: Vec<&str> = token.split('+').filter(|p| !p.is_empty()).collect();
        let mut strings: Vec<(String, String)> = vec![(String::new(), String::new())];
        for (i, part) in parts.iter().enumerate() {
            let forms = part_forms(part, warnings, file, no);
            if forms.is_empty() {
                continue;
            }
            // each part multiplies the spellings by its forms: "n:a+n:b+…" with forty parts
            // would be 2^40 of them, so they stop at MAX_PHRASES as whole phrases do
            let mut next = Vec::new();
            let mut cut = false;
            'grow: for (blank, hyphen) in &strings {
                for f in &forms {
                    if next.len() >= MAX_PHRASES {
                        cut = true;
                        break 'grow;
                    }
                    if i == 0 || blank.is_empty() {
                        next.push((f.clone(), f.clone()));
                    } else {
                        next.push((format!("{blank} {f}"), format!("{hyphen}-{f}")));
                    }
                }
            }
            if cut {
                warnings.push(Warning::new(
                    file,
                    no,
                    "too many spellings of a joined word; the rest dropped",
                ));
            }
            strings = next;
        }
        let mut alts: Vec<Vec<String>> = Vec::new();
        for (blank, hyphen) in strings {
            alts.push(dict_words(&blank));
            if hyphen != blank {
                alts.push(dict_words(&hyphen));
            }
        }
        alts.retain(|a| !a.is_empty());
        if alts.is_empty() {
            continue;
        }
        let (next, cut) = bounded_product(&acc, &alts, MAX_PHRASES, |a, b| concat(a, b));
        if cut {
            warnings.push(Warning::new(
                file,
                no,
                "too many expansions; the rest dropped",
            ));
        }
        acc = next;
    }
    acc.retain(|a| !a.is_empty());
    let mut seen = HashSet::new();
    acc.retain(|a| seen.insert(a.clone()));
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{real, w, warned};

    #[test]
    fn lazy_issues_parse_on_first_use() {
        let lazy = LazyIssues::new("i.txt", &b"n:school [ID_EDU]\n"[..]);
        assert!(lazy.parsed.get().is_none());
        assert_eq!(lazy.get().unwrap().entries[0].code, "ID_EDU");
        assert!(lazy.parsed.get().is_some());
        assert_eq!(
            lazy,
            LazyIssues::new("i.txt", b"n:school [ID_EDU]\n".to_vec())
        );
        assert!(LazyIssues::default().get().unwrap().entries.is_empty());
        let bad = LazyIssues::new("bad.txt", &b"war [ID_WAR\n"[..]);
        let err = bad.get().unwrap_err();
        assert!(err.file == "bad.txt" && err.line == 1, "{err}");
        assert_eq!(bad.get().unwrap_err(), err);
    }

    const FIXTURE: &str = "# Phoenix Open Event Data Issues\r
<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\r
n:preschool [EARLY_CHILDHOOD_EDUCATION]\r
pre+n:school [EARLY_CHILDHOOD_EDUCATION]\r
early+childhood education [EARLY_CHILDHOOD_EDUCATION]\r
~a head start\r
~~enterprise engineering consultants\r
e.u. [EUROPEAN_UNION]\r
eec\r
solar+v:power [RENEWABLE_ENERGY]\r
intimidation of press [MEDIA_CENSORSHIP]intimidation of the media [MEDIA_CENSORSHIP]\r
aqim [NAMED_TERROR_GROUP] [NAMED_TERROR_GROUP]\r
liberation tigers [NAMED_TERROR_GROUP]*******\r
ebola†hemorrhagic fever [DISEASE]\r
v:block m:site [INTERNET_CENSORSHIP]\r
</ISSUE>\r
<ISSUE CATEGORY=\"KIDNAP\" TYPE=\"COUNTEVENT\">\r
v:kidnap\r
</ISSUE>\r
";

    #[test]
    fn fixture() {
        let d = parse(FIXTURE, "fixture.issues.txt").unwrap();
        let e = &d.entries;
        assert_eq!(e.len(), 15);
        assert_eq!(e[0].phrases, vec![w("PRESCHOOL"), w("PRESCHOOLS")]);
        assert_eq!(e[0].category.as_deref(), Some("EDUCATION"));
        assert_eq!(e[0].category_type.as_deref(), Some("ALL"));
        assert_eq!(
            e[1].phrases,
            vec![
                w("PRE SCHOOL"),
                w("PRE-SCHOOL"),
                w("PRE SCHOOLS"),
                w("PRE-SCHOOLS")
            ]
        );
        assert_eq!(
            e[2].phrases,
            vec![
                w("EARLY CHILDHOOD EDUCATION"),
                w("EARLY-CHILDHOOD EDUCATION")
            ]
        );
        assert!(e[3].ignore && e[3].code.is_empty());
        assert_eq!(e[3].phrases, vec![w("A HEAD START")]);
        assert!(e[4].ignore);
        assert_eq!(e[5].phrases, vec![w("EU")]);
        assert_eq!(
            e[6].code, "EUROPEAN_UNION",
            "uncoded: the previous code of the group"
        );
        assert!(
            e[7].phrases.contains(&w("SOLAR-POWERED"))
                && e[7].phrases.contains(&w("SOLAR POWERING"))
        );
        assert_eq!(e[8].phrases, vec![w("INTIMIDATION OF PRESS")]);
        assert_eq!(e[9].phrases, vec![w("INTIMIDATION OF THE MEDIA")]);
        assert_eq!((e[10].phrases.clone(), e[10].line), (vec![w("AQIM")], 12));
        assert_eq!(e[11].phrases, vec![w("LIBERATION TIGERS")]);
        assert_eq!(e[12].phrases, vec![w("EBOLA HEMORRHAGIC FEVER")]);
        assert!(e[13].phrases.contains(&w("BLOCKED SITE")));
        assert_eq!(
            e[14].code, "KIDNAP",
            "uncoded, no previous code: the category"
        );
        assert!(warned(&d.warnings, 15, "`m:`"));
    }

    #[test]
    fn uncoded_line_without_previous_code_takes_the_category() {
        let d = parse("<ISSUE CATEGORY=\"KIDNAP\" TYPE=\"COUNTEVENT\">\nv:kidnap\nabduction\n</ISSUE>\nloose\n", "f").unwrap();
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.entries[0].code, "KIDNAP");
        assert!(d.entries[0].phrases.contains(&w("KIDNAPPED")));
        assert_eq!(d.entries[0].category_type.as_deref(), Some("COUNTEVENT"));
        assert!(warned(&d.warnings, 5, "outside a group"));
    }

    #[test]
    fn errors_and_garbage() {
        let e = parse("x [ABC\n", "x.issues.txt").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.issues.txt:1: expected `]` to close the issue code like [ID_ATROCITY]"
        );
        for s in [
            FIXTURE,
            "<",
            "</",
            "~",
            "+",
            "n:",
            "v:+",
            "a+[b]",
            "<ISSUE CATEGORY=\"",
            "é+n:é [é]",
        ] {
            for end in 0..=s.len() {
                if s.is_char_boundary(end) {
                    let _ = parse(&s[..end], "garbage");
                }
            }
        }
    }

    #[test]
    fn a_word_joined_from_many_parts_stops_at_the_phrase_limit() {
        // forty parts of two forms each (a noun and its plural) would spell 2^40 words: found
        // by the issue_dictionary fuzzer, whose inputs with a dozen such parts took seconds
        let parts: Vec<String> = (0..40).map(|k| format!("n:w{k}")).collect();
        let d = parse(&format!("{} [X]\n", parts.join("+")), "x.issues.txt").expect("parses");
        assert_eq!(d.entries.len(), 1);
        assert!(d.entries[0].phrases.len() <= MAX_PHRASES);
        assert!(d.warnings.iter().any(|w| w
            .to_string()
            .contains("too many spellings of a joined word")));
    }

    /// FORMATS.md: about 2,978 coded lines. The file has 2,978 lines with `[`, 2 of them inside
    /// `#` comments; 2 lines carry two entries each and `aqim` repeats its code: 2,978 entries
    /// with their own code, 13 uncoded phrases given their group's code, 181 `~` phrases.
    #[test]
    fn real_issues() {
        let d = parse(
            &real("dictionaries/Phoenix.IssueCoding.txt"),
            "Phoenix.IssueCoding.txt",
        )
        .unwrap();
        let coded = d.entries.iter().filter(|e| !e.ignore).count();
        let ignore = d.entries.iter().filter(|e| e.ignore).count();
        assert_eq!(ignore, 181);
        let uncoded = d
            .warnings
            .iter()
            .filter(|x| x.message.contains("without a code"))
            .count();
        assert_eq!(uncoded, 13);
        assert_eq!(coded - uncoded, 2_978);
        let atrocity = d
            .entries
            .iter()
            .find(|e| e.phrases.contains(&w("ATROCITIES")))
            .unwrap();
        assert_eq!(atrocity.code, "ID_ATROCITY");
        assert!(d.entries.iter().all(|e| !e.phrases.is_empty()));
    }
}
