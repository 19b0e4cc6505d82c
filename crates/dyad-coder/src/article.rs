//! The article as the coder reads it: the document, its sentences as stretches of one token
//! array, and the layers the stages of [`crate::pipeline`] add to it — each sentence's
//! vocabulary ids, its discards, its dictionary mentions, the article's quotations with their
//! speakers, and the events with their places and amounts. Every span is a character offset
//! into the document's text.

use std::cell::OnceCell;
use std::ops::Range;

use dyad_dict::issues::ArticleIssues;
use dyad_dict::tone::ArticleTone;
use dyad_model::{Document, Event, QuoteRecord};
use dyad_text::{split_sentences, tokenize, CharIndex, Sentence, Token, WholeText};

use crate::conventions::Convention;
use crate::discards::Discards;
use crate::mentions::SentenceMentions;
use crate::resources::Resources;
use crate::speakers;

/// One sentence: where it is in the text and which tokens are its own.
pub struct ArticleSentence {
    pub span: Sentence,
    /// Its tokens in [`Article::tokens`]; the first `max_sentence_tokens` only of an overlong
    /// one (a table, run-on junk), so that no stage pays quadratic time for it.
    pub tokens: Range<usize>,
}

/// One article and what the stages found in it.
pub struct Article<'d> {
    pub doc: &'d Document,
    /// The text read once as one piece (its characters, tokens and their lower-case forms),
    /// for the passes that read across sentences: quotations and amounts.
    pub whole: WholeText,
    /// The text's tokens, one array, when a sentence does not start and end at white space
    /// and the sentences were tokenized one by one (else the whole text's tokens serve).
    own_tokens: Option<Vec<Token>>,
    /// For slicing the text at character offsets.
    pub chars: CharIndex,
    /// Does the text hold a double quotation mark? Without one, no pronoun stands for a
    /// quotation's speaker, and the quotations need not be read for the events.
    pub has_quote_marks: bool,
    pub sentences: Vec<ArticleSentence>,
    /// How many sentences were cut at the token limit.
    pub sentences_cut: usize,
    /// Layer `vocabulary`: each sentence's words as dictionary vocabulary ids.
    pub word_ids: Vec<Vec<u32>>,
    /// Layer `discards`: the discard phrases each sentence holds.
    pub discards: Vec<Discards>,
    /// Layer `mentions`: each coded sentence's dictionary mentions (`None` for a sentence the
    /// events stage does not code: empty, discarded, or in a discarded story).
    pub mentions: Vec<Option<SentenceMentions>>,
    /// Layer `quotations`: the quotations with their speakers, read when first needed (a
    /// pronoun that may stand for a speaker, or `--quotes`).
    quotes: OnceCell<Vec<QuoteRecord>>,
    /// Layer `tone`: the article's tone count and each sentence's (GDELT's AvgTone).
    pub tone: ArticleTone,
    /// Layer `themes`: each sentence's issues (Phoenix issue codes) and the article's.
    pub issues: ArticleIssues,
    /// Layer `events` (with `places` and `amounts`, merged by `merge`).
    pub events: Vec<Event>,
    /// What the stages found, for developers, when asked for ([`crate::Coder::with_trace`]).
    pub trace: Option<Vec<String>>,
    /// The convention the events are coded in (stage `conventions`).
    pub convention: Convention,
    /// Are the tone and themes layers wanted (stages `tone`, `themes`)?
    pub tone_and_themes: bool,
    /// Does each event carry what made it (stages `events` and `explain`)?
    pub explain: bool,
}

impl<'d> Article<'d> {
    /// Split the document into sentences and tokens; no sentence keeps more than
    /// `max_sentence_tokens` tokens.
    pub fn read(doc: &'d Document, max_sentence_tokens: usize) -> Article<'d> {
        let spans = split_sentences(&doc.text, doc.body_start);
        // the article tokenized once, as one piece: each sentence's tokens are a stretch of
        // it (tokenized one by one in an article where a sentence does not start and end at
        // white space)
        let whole = WholeText::new(&doc.text);
        let (own_tokens, ranges) = match whole.sentence_ranges(&doc.text, &spans) {
            Some(ranges) => (None, ranges),
            None => {
                let mut tokens = Vec::new();
                let mut ranges = Vec::with_capacity(spans.len());
                for s in &spans {
                    let start = tokens.len();
                    tokens.extend(tokenize(&doc.text, s));
                    ranges.push(start..tokens.len());
                }
                (Some(tokens), ranges)
            }
        };
        let max = max_sentence_tokens.max(1);
        let mut sentences_cut = 0;
        let sentences = spans
            .into_iter()
            .zip(ranges)
            .map(|(span, mut tokens)| {
                if tokens.len() > max {
                    sentences_cut += 1;
                    tokens.end = tokens.start + max;
                }
                ArticleSentence { span, tokens }
            })
            .collect();
        Article {
            doc,
            whole,
            own_tokens,
            chars: CharIndex::new(&doc.text),
            has_quote_marks: doc.text.contains(['"', '“', '”']),
            sentences,
            sentences_cut,
            word_ids: Vec::new(),
            discards: Vec::new(),
            mentions: Vec::new(),
            quotes: OnceCell::new(),
            tone: ArticleTone::default(),
            issues: ArticleIssues::default(),
            events: Vec::new(),
            trace: None,
            convention: Convention::default(),
            tone_and_themes: false,
            explain: false,
        }
    }

    /// Every token of the article, in text order.
    pub fn tokens(&self) -> &[Token] {
        self.own_tokens.as_deref().unwrap_or(&self.whole.tokens)
    }

    /// The tokens of sentence `i` (cut to the token limit).
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens()[self.sentences[i].tokens.clone()]
    }

    /// The tokens the coder reads in sentence `i`: its own, or without its short parentheses
    /// (layer `mentions`).
    pub fn coded_tokens(&self, i: usize) -> &[Token] {
        match self.mentions.get(i) {
            Some(Some(SentenceMentions {
                kept: Some(kept), ..
            })) => kept,
            _ => self.sentence_tokens(i),
        }
    }

    /// Is sentence `i` of a story that is not discarded coded by the events stage? Not when
    /// it is empty or discarded (a sentence discard, or a year under a convention that
    /// discards them).
    pub fn is_coded(&self, i: usize) -> bool {
        let found = &self.discards[i];
        let discarded = found.sentence || (found.year && self.convention.discards_years());
        !self.sentences[i].tokens.is_empty() && !discarded
    }

    /// Does a story discard (`+` in the discard list) hold for the article? Then nothing in
    /// it is coded.
    pub fn discarded(&self) -> bool {
        let reach = self.convention.story_discard_reach();
        // in its lead, or in two of its sentences: a story about a sport names it more than
        // once, a state visit's story may name "the 2026 FIFA World Cup" once in passing
        self.discards.iter().take(reach).any(|d| d.story)
            || self.discards.iter().filter(|d| d.story).count() >= 2
    }

    /// The quotations and their speakers (read the first time they are asked for).
    pub fn quotes(&self, res: &Resources) -> &[QuoteRecord] {
        self.quotes.get_or_init(|| {
            let sentences: Vec<speakers::SentenceText> = (0..self.sentences.len())
                .map(|i| speakers::SentenceText {
                    tokens: self.coded_tokens(i),
                    word_ids: &self.word_ids[i],
                    mentions: self.mentions.get(i).and_then(Option::as_ref),
                })
                .collect();
            speakers::quotes_of(res, self.doc, &self.whole, &self.chars, &sentences)
        })
    }

    /// The quotations, read now if they were not before, taken out of the article.
    pub fn take_quotes(&mut self, res: &Resources) -> Vec<QuoteRecord> {
        self.quotes(res);
        self.quotes.take().unwrap_or_default()
    }

    /// The text between two character offsets.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.chars.slice(&self.doc.text, start, end)
    }

    /// Check what the stages so far have built: spans in order and inside the text, one
    /// entry per sentence in each per-sentence layer, events that point at real sentences.
    /// The pipeline runs it after each stage in debug builds (and when asked), naming the
    /// stage that broke it.
    pub fn check(&self) -> Result<(), String> {
        let n_chars = self.doc.text.chars().count();
        let n_tokens = self.tokens().len();
        let mut last_end = 0;
        for (i, s) in self.sentences.iter().enumerate() {
            if s.span.start < last_end || s.span.end > n_chars || s.span.start >= s.span.end {
                return Err(format!(
                    "sentence {i} spans {}..{}",
                    s.span.start, s.span.end
                ));
            }
            last_end = s.span.end;
            if s.tokens.start > s.tokens.end || s.tokens.end > n_tokens {
                return Err(format!("sentence {i} has tokens {:?}", s.tokens));
            }
            for t in &self.tokens()[s.tokens.clone()] {
                if t.start < s.span.start || t.end > s.span.end || t.start >= t.end {
                    return Err(format!(
                        "token {:?} at {}..{} lies outside sentence {i}",
                        t.text, t.start, t.end
                    ));
                }
            }
        }
        for (name, len) in [
            ("vocabulary", self.word_ids.len()),
            ("discards", self.discards.len()),
            ("mentions", self.mentions.len()),
        ] {
            if len != 0 && len != self.sentences.len() {
                return Err(format!(
                    "{name} has {len} entries for {} sentences",
                    self.sentences.len()
                ));
            }
        }
        for (i, found) in self.mentions.iter().enumerate() {
            let Some(found) = found else { continue };
            let n = self.coded_tokens(i).len();
            if let Some(m) = found
                .mentions
                .iter()
                .find(|m| m.start >= m.end || m.end > n)
            {
                return Err(format!(
                    "sentence {i} has a mention at tokens {}..{} of {n}",
                    m.start, m.end
                ));
            }
        }
        for (i, ids) in self.word_ids.iter().enumerate() {
            if ids.len() != self.sentences[i].tokens.len() {
                return Err(format!(
                    "sentence {i} has {} word ids for {} tokens",
                    ids.len(),
                    self.sentences[i].tokens.len()
                ));
            }
        }
        let inside = |a: usize, b: usize| a <= b && b <= n_chars;
        for e in &self.events {
            if e.sentence >= self.sentences.len() {
                return Err(format!("an event names sentence {}", e.sentence));
            }
            let mut spans = vec![
                ("evidence", e.evidence.start, e.evidence.end),
                ("verb", e.verb.start, e.verb.end),
            ];
            spans.extend(e.source.iter().map(|a| ("source", a.start, a.end)));
            spans.extend(e.target.iter().map(|a| ("target", a.start, a.end)));
            spans.extend(e.amounts.iter().map(|a| ("amount", a.start, a.end)));
            spans.extend(
                e.place
                    .iter()
                    .flat_map(|p| &p.text)
                    .map(|t| ("place", t.start, t.end)),
            );
            spans.extend(
                e.repeated_in
                    .iter()
                    .map(|r| ("repeat", r.evidence.start, r.evidence.end)),
            );
            for (what, a, b) in spans {
                if !inside(a, b) {
                    return Err(format!(
                        "an event's {what} spans {a}..{b} of {n_chars} characters"
                    ));
                }
            }
            if e.mentions != 1 + e.repeated_in.len() {
                return Err(format!(
                    "an event counts {} mentions with {} repeats",
                    e.mentions,
                    e.repeated_in.len()
                ));
            }
        }
        if let Some(quotes) = self.quotes.get() {
            for q in quotes {
                if !inside(q.start, q.end) {
                    return Err(format!("a quotation spans {}..{}", q.start, q.end));
                }
            }
        }
        Ok(())
    }
}
