//! Themes: the Phoenix issue dictionary (`Phoenix.IssueCoding.txt`, [`dyad_dict::issues`])
//! tagging each sentence with the issues its words name (`PEACEKEEPERS`, `REFUGEES`, …).
//!
//! The phrases are matched against the sentence's normalised tokens, leftmost and longest
//! first: at each token the longest phrase that starts there wins and its words are passed
//! over, so an ignore phrase (`~a head start`) keeps the shorter phrases inside it
//! (`head start`) from tagging. The index is built the first time a sentence is tagged, from
//! the issue file the dictionaries hold, which is parsed then ([`LazyIssues`]).

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use dyad_dict::issues::{ArticleIssues, LazyIssues};
use dyad_text::Token;

/// A phrase of the issue dictionary: its words after the first, and its code (None for an
/// ignore phrase).
struct Phrase {
    rest: Vec<String>,
    code: Option<String>,
}

/// The issue phrases by their first word, built on first use.
pub struct IssueIndex {
    source: LazyIssues,
    index: OnceLock<HashMap<String, Vec<Phrase>>>,
}

impl IssueIndex {
    pub fn new(source: LazyIssues) -> IssueIndex {
        IssueIndex {
            source,
            index: OnceLock::new(),
        }
    }

    /// The index; empty when the issue file cannot be read (its error is the dictionary
    /// loader's to report).
    fn index(&self) -> &HashMap<String, Vec<Phrase>> {
        self.index.get_or_init(|| {
            let mut index: HashMap<String, Vec<Phrase>> = HashMap::new();
            let Ok(dict) = self.source.get() else {
                return index;
            };
            for entry in &dict.entries {
                let code = (!entry.ignore).then(|| entry.code.clone());
                for words in &entry.phrases {
                    let Some((first, rest)) = words.split_first() else {
                        continue;
                    };
                    index.entry(first.clone()).or_default().push(Phrase {
                        rest: rest.to_vec(),
                        code: code.clone(),
                    });
                }
            }
            // the longest phrase of a first word is tried first
            for phrases in index.values_mut() {
                phrases.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
            }
            index
        })
    }

    /// The issue codes of one sentence's tokens, sorted and distinct.
    pub fn tag(&self, tokens: &[Token]) -> Vec<String> {
        let index = self.index();
        let mut codes = BTreeSet::new();
        let mut i = 0;
        while i < tokens.len() {
            let found = index.get(&tokens[i].norm).and_then(|phrases| {
                phrases.iter().find(|p| {
                    p.rest.len() < tokens.len() - i
                        && p.rest
                            .iter()
                            .zip(&tokens[i + 1..])
                            .all(|(w, t)| *w == t.norm)
                })
            });
            match found {
                Some(p) => {
                    if let Some(code) = &p.code {
                        codes.insert(code.clone());
                    }
                    i += 1 + p.rest.len();
                }
                None => i += 1,
            }
        }
        codes.into_iter().collect()
    }
}

/// Each sentence's issues, and the article's.
pub fn tag_article(index: &IssueIndex, sentences: &[&[Token]]) -> ArticleIssues {
    let sentences: Vec<Vec<String>> = sentences.iter().map(|t| index.tag(t)).collect();
    let article: BTreeSet<&String> = sentences.iter().flatten().collect();
    ArticleIssues {
        article: article.into_iter().cloned().collect(),
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use dyad_model::{Document, Origin};

    use crate::Coder;

    fn issues(text: &str) -> dyad_dict::issues::ArticleIssues {
        let coder = Coder::new(dyad_dict::bundled::Dictionaries::bundled().unwrap())
            .with_tone_and_themes(true);
        let origin = Origin {
            file: "t".into(),
            line: 1,
        };
        coder
            .code(&Document::new("t", text, None, origin), false)
            .issues
    }

    #[test]
    fn sentences_are_tagged_with_the_issues_they_name() {
        let found = issues(
            "UN peacekeepers were attacked near the border. Teachers went on strike in Paris.",
        );
        assert_eq!(found.sentences.len(), 2);
        assert!(
            found.sentence(0).contains(&"PEACEKEEPERS".to_string()),
            "{found:?}"
        );
        assert!(
            found.sentence(1).contains(&"TEACHERS".to_string()),
            "{found:?}"
        );
        assert!(!found.sentence(0).contains(&"TEACHERS".to_string()));
        let mut all: Vec<String> = found.sentences.concat();
        all.sort();
        all.dedup();
        assert_eq!(found.article, all);
    }

    #[test]
    fn an_ignore_phrase_keeps_the_shorter_phrase_inside_it_from_tagging() {
        // `head start [EARLY_CHILDHOOD_EDUCATION]`, but `~get head start`
        let tagged = issues("The children went to Head Start classes.");
        assert!(tagged
            .article
            .contains(&"EARLY_CHILDHOOD_EDUCATION".to_string()));
        let ignored = issues("They hoped to get head start on the talks.");
        assert!(
            !ignored
                .article
                .contains(&"EARLY_CHILDHOOD_EDUCATION".to_string()),
            "{ignored:?}"
        );
    }
}
