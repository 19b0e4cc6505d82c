//! Synonym sets (`&CURRENCY` and its `+MONEY`, `+CASH_` members): collecting their definitions
//! before anything else (a pattern may use one defined later), expanding a set into its
//! alternatives (members that are sets themselves, recursively, loops cut), and recording the
//! sets used but never defined.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::alternatives::{dedup, pluralize_last};
use super::dictionary::Alternatives;
use super::log::Log;
use crate::error::DictError;
use crate::reader::{dict_words, strip_comment};
use crate::words::normalize_word;

struct SynsetDef {
    no_plural: bool,
    /// Member text after `+`, and its line.
    members: Vec<(String, usize)>,
}

/// The synsets of a file (and those of the dictionary it extends), expanded on demand.
pub(super) struct Synsets {
    defs: HashMap<String, SynsetDef>,
    /// Labels in the order of their definition.
    order: Vec<String>,
    /// Expanded synsets: those of the extended dictionary, then each one expanded so far.
    memo: HashMap<String, Alternatives>,
    /// Labels used but never defined, with the line of their first use.
    pub undefined: Vec<(String, usize)>,
    undefined_seen: HashSet<String>,
}

/// `&AUXVERB1_` / `AUXVERB1_` → `AUXVERB1`.
pub(super) fn synset_key(label: &str) -> String {
    normalize_word(label.trim().trim_start_matches('&').trim_end_matches('_'))
}

impl Synsets {
    /// No definition yet; `known` (the synsets of the dictionary a supplement extends) are
    /// already expanded.
    pub fn new(known: &BTreeMap<String, Alternatives>) -> Self {
        Synsets {
            defs: HashMap::new(),
            order: Vec::new(),
            memo: known.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            undefined: Vec::new(),
            undefined_seen: HashSet::new(),
        }
    }

    /// Pass 1 over the file's lines: collect every `&LABEL` and its `+member` lines. Returns,
    /// for each line, whether it belonged to a synset definition.
    pub fn read_definitions(
        &mut self,
        all: &[(usize, String)],
        log: &Log,
    ) -> Result<Vec<bool>, DictError> {
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
                    return Err(log.err(*no, "expected a synset label after `&`"));
                }
                let no_plural = label.ends_with('_');
                let def = self.defs.entry(key.clone()).or_insert_with(|| SynsetDef {
                    no_plural,
                    members: Vec::new(),
                });
                def.no_plural |= no_plural;
                if !self.order.contains(&key) {
                    self.order.push(key.clone());
                }
                current = Some(key);
                consumed[idx] = true;
            } else if let (Some(key), Some(member)) = (&current, line.strip_prefix('+')) {
                if let Some(def) = self.defs.get_mut(key) {
                    def.members.push((member.trim().to_string(), *no));
                }
                consumed[idx] = true;
            } else {
                current = None;
            }
        }
        Ok(consumed)
    }

    /// Whether `key` (a [`synset_key`]) names a synset of this file or of the extended one.
    pub fn is_defined(&self, key: &str) -> bool {
        self.defs.contains_key(key) || self.memo.contains_key(key)
    }

    /// The alternatives of synset `key`, used on line `use_line`.
    pub fn expand(&mut self, key: &str, use_line: usize, log: &mut Log) -> Alternatives {
        self.expand_within(key, use_line, &mut Vec::new(), log)
    }

    /// Every synset of the file expanded, also those no pattern used.
    pub fn expand_all(&mut self, log: &mut Log) -> BTreeMap<String, Alternatives> {
        let mut all = BTreeMap::new();
        for key in self.order.clone() {
            let alts = self.expand_within(&key, 0, &mut Vec::new(), log);
            all.insert(key, alts);
        }
        all
    }

    /// Record an undefined synset (once per label), with a warning.
    pub fn undefined(&mut self, label: &str, no: usize, log: &mut Log) {
        if self.undefined_seen.insert(label.to_string()) {
            self.undefined.push((label.to_string(), no));
            log.warn(
                no,
                format!("synset `{label}` is not defined; the element matches nothing"),
            );
        }
    }

    /// `stack`: the synsets being expanded, to cut loops.
    fn expand_within(
        &mut self,
        key: &str,
        use_line: usize,
        stack: &mut Vec<String>,
        log: &mut Log,
    ) -> Alternatives {
        if let Some(a) = self.memo.get(key) {
            return a.clone();
        }
        if stack.iter().any(|k| k == key) {
            log.warn(
                use_line,
                format!("synset `&{key}` refers to itself; the loop is cut"),
            );
            return Vec::new();
        }
        let Some(def) = self.defs.get(key) else {
            self.undefined(&format!("&{key}"), use_line, log);
            return Vec::new();
        };
        let no_plural = def.no_plural;
        let members = def.members.clone();
        stack.push(key.to_string());
        let mut out: Alternatives = Vec::new();
        for (m, line) in members {
            if let Some(label) = m.strip_prefix('&') {
                let k = synset_key(label);
                if self.is_defined(&k) {
                    out.extend(self.expand_within(&k, line, stack, log));
                } else {
                    self.undefined(&m, line, log);
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
                log.warn(line, "empty synset member ignored");
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
