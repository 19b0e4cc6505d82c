//! Pattern lines (`- * &CURRENCY (TO BORDER) [073]`): the elements before and after the verb
//! `*`, each a bare word, a `{...}` noun phrase, a `&SYNSET`, a `(PREP ...)` or an actor marker
//! (`$ + ^ %`), expanded into the word sequences it can match; the code at the end.

use super::alternatives::{dedup, pluralize_last, MAX_ALTERNATIVES};
use super::codes::parse_code;
use super::dictionary::{Alternatives, Pattern, PatternElement};
use super::log::Log;
use super::synsets::{synset_key, Synsets};
use crate::error::DictError;
use crate::reader::{bounded_product, concat, dict_words};

/// Read a pattern line: `body` without its leading `-`, `comment` the text after `#`.
pub(super) fn read_pattern(
    body: &str,
    comment: Option<String>,
    no: usize,
    log: &mut Log,
    synsets: &mut Synsets,
) -> Result<Pattern, DictError> {
    Reader { log, synsets }.pattern(body, comment, no)
}

/// The state a pattern line is read with.
struct Reader<'r, 'f> {
    log: &'r mut Log<'f>,
    synsets: &'r mut Synsets,
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

/// Close the innermost open group (`(...)` or `{...}`) of `stack` into its parent.
fn close_group(stack: &mut Vec<(bool, Vec<Item>)>) {
    let (is_paren, items) = stack.pop().expect("a group is open");
    let item = if is_paren {
        Item::Parens(items)
    } else {
        Item::Braces(items)
    };
    stack.last_mut().expect("stack never empty").1.push(item);
}

impl Reader<'_, '_> {
    fn pattern(
        &mut self,
        body: &str,
        comment: Option<String>,
        no: usize,
    ) -> Result<Pattern, DictError> {
        // The code is the last [...] of the line.
        let Some(open) = body.rfind('[') else {
            return Err(self.log.err(
                no,
                "expected a code like [042] or [042:043] at the end of the pattern",
            ));
        };
        let after = &body[open + 1..];
        let Some(close) = after.find(']') else {
            return Err(self.log.err(no, "expected a code like [042] or [042:043] at the end of the pattern (no closing `]`)"));
        };
        if !after[close + 1..].trim().is_empty() {
            self.log.warn(no, "text after the pattern's code ignored");
        }
        let (code, priority) = parse_code(&after[..close]).map_err(|m| self.log.err(no, m))?;
        let items = self.tokenize(&body[..open], no);

        let mut pre = Vec::new();
        let mut post = Vec::new();
        let mut seen_star = false;
        for item in items {
            if let Item::Star = item {
                if seen_star {
                    self.log.warn(no, "a second `*` in the pattern ignored");
                }
                seen_star = true;
                continue;
            }
            let side = if seen_star { &mut post } else { &mut pre };
            let els = self.element(item, no);
            side.extend(els);
        }
        if !seen_star {
            return Err(self.log.err(no, "expected `*` (the verb) in the pattern"));
        }
        Ok(Pattern {
            pre,
            post,
            code,
            line: no,
            priority,
            comment,
            file: None,
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
                        close_group(&mut stack);
                    } else {
                        self.log.warn(no, format!("stray `{c}` ignored"));
                    }
                }
                c if c.is_whitespace() => flush(&mut word, &mut stack),
                c => word.push(c),
            }
        }
        flush(&mut word, &mut stack);
        while stack.len() > 1 {
            self.log
                .warn(no, "unclosed `(` or `{` closed at the end of the line");
            close_group(&mut stack);
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
                self.log.warn(no, "empty `()` ignored");
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
                self.log.warn(
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
                Item::Star => self.log.warn(no, "`*` inside `( )` ignored"),
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
                        self.log
                            .warn(no, format!("marker `{w}` inside a noun phrase ignored"));
                        continue;
                    }
                    match self.word_alternatives(w, plural_last && last, no) {
                        Some(a) => a,
                        None => continue,
                    }
                }
                Item::Braces(inner) => self.sequence(inner, plural_last && last, no),
                Item::Parens(inner) => {
                    self.log
                        .warn(no, "`( )` inside a noun phrase read as plain words");
                    self.sequence(inner, false, no)
                }
                Item::Star => {
                    self.log.warn(no, "`*` inside a noun phrase ignored");
                    continue;
                }
            };
            let (next, cut) = bounded_product(&acc, &alts, MAX_ALTERNATIVES, |a, b| concat(a, b));
            if cut {
                self.log.warn(
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
                if self.synsets.is_defined(&key) {
                    return Some(self.synsets.expand(&key, no, self.log));
                }
            }
            self.synsets.undefined(w, no, self.log);
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
}
