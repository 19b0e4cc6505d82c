//! The [`Coder`]: the resources it reads with, the limits it codes within, and the entry
//! points — an article in, its events (and quotations) out, through [`crate::pipeline`].

use std::sync::atomic::{AtomicUsize, Ordering};

use dyad_dict::bundled::Dictionaries;
use dyad_model::{Document, Event, QuoteRecord};

use crate::article::Article;
use crate::conventions::Convention;
use crate::lexicon::Lexicon;
use crate::names::{self, NameReading};
use crate::pipeline;
use crate::resources::Resources;

/// The coder: the compiled dictionaries and the other resources, and its limits. One coder
/// serves every thread.
pub struct Coder {
    res: Resources,
    limits: Limits,
    /// Check the article after every stage, in release builds too (debug builds always do).
    checks: bool,
    /// Keep what the stages found, for developers ([`Coded::trace`]).
    trace: bool,
    /// The convention the codes follow.
    convention: Convention,
    /// Count each article's tone and tag its themes (what the store keeps; JSON Lines
    /// output does not carry them, so `dyad code` leaves them out).
    tone_and_themes: bool,
    explain: bool,
    /// Sentences cut at `limits.max_sentence_tokens` so far (reported by the command line).
    sentences_cut: AtomicUsize,
}

/// Bounds on the work one piece of input may cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Tokens of a sentence that are coded; a longer "sentence" (a table, a list without
    /// stops, junk) is cut to its first this many. Real sentences stay far below the default.
    pub max_sentence_tokens: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_sentence_tokens: 1000,
        }
    }
}

/// What coding one article gives.
#[derive(Debug, Default)]
pub struct Coded {
    pub events: Vec<Event>,
    /// The quotations with their speakers, when asked for.
    pub quotes: Vec<QuoteRecord>,
    /// The article's tone and each sentence's.
    pub tone: dyad_dict::tone::ArticleTone,
    /// The issues (themes) of the article and of each sentence.
    pub issues: dyad_dict::issues::ArticleIssues,
    /// What the stages found in each sentence, when the coder keeps a trace.
    pub trace: Vec<String>,
}

impl Coder {
    /// A coder with these dictionaries and the bundled tagger, gazetteer and tables.
    pub fn new(dicts: Dictionaries) -> Coder {
        Coder::with_resources(Resources::new(dicts))
    }

    /// A coder with these resources.
    pub fn with_resources(res: Resources) -> Coder {
        Coder {
            res,
            limits: Limits::default(),
            checks: cfg!(debug_assertions),
            trace: false,
            convention: Convention::default(),
            tone_and_themes: false,
            explain: false,
            sentences_cut: Default::default(),
        }
    }

    /// The same coder with other limits.
    pub fn with_limits(mut self, limits: Limits) -> Coder {
        self.limits = limits;
        self
    }

    /// The same coder, checking each article after every stage (debug builds always do): a
    /// stage that breaks the article's invariants panics with the stage's name.
    pub fn with_checks(mut self, on: bool) -> Coder {
        self.checks = on || cfg!(debug_assertions);
        self
    }

    /// The same coder, keeping what the stages find in each sentence ([`Coded::trace`]).
    pub fn with_trace(mut self, on: bool) -> Coder {
        self.trace = on;
        self
    }

    /// The same coder, coding in another convention (PETRARCH's for its validation suites).
    pub fn with_convention(mut self, convention: Convention) -> Coder {
        self.convention = convention;
        self
    }

    /// The same coder, giving each event what made it ([`dyad_model::Explanation`]): how its
    /// actors were reached and their dictionary entries, the pattern, the clause, the words
    /// that made it negated or intended, the date expression and the place choice.
    pub fn with_explain(mut self, on: bool) -> Coder {
        self.explain = on;
        self
    }

    /// The same coder, counting each article's tone and tagging its themes ([`Coded::tone`],
    /// [`Coded::issues`]), as the store wants; off by default, since the events do not need
    /// them.
    pub fn with_tone_and_themes(mut self, on: bool) -> Coder {
        self.tone_and_themes = on;
        self
    }

    /// Does the coder keep a trace?
    pub fn traces(&self) -> bool {
        self.trace
    }

    /// How many sentences were cut at the token limit since the coder was made.
    pub fn sentences_cut(&self) -> usize {
        self.sentences_cut.load(Ordering::Relaxed)
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.res.lexicon
    }

    pub fn resources(&self) -> &Resources {
        &self.res
    }

    /// The actor code(s) a name gets on a date, read as the coder reads names in text ("President
    /// Xi", "the Kremlin", "French President Emmanuel Macron"): one entry per actor phrase, each
    /// with the codes of its members. Empty when no dictionary entry names it.
    pub fn code_name(&self, name: &str, date: Option<chrono::NaiveDate>) -> Vec<Vec<String>> {
        names::code_name(&self.res, name, date)
    }

    /// A name read as the coder reads names in text: its tokens, the dictionary mentions in
    /// it (actors and agents) and the actor phrases they make on `date`.
    pub fn read_name(&self, name: &str, date: Option<chrono::NaiveDate>) -> NameReading {
        names::read_name(&self.res, name, date)
    }

    /// Read an article and run the pipeline over it.
    pub fn annotate<'d>(&self, doc: &'d Document) -> Article<'d> {
        let mut article = Article::read(doc, self.limits.max_sentence_tokens);
        if article.sentences_cut > 0 {
            self.sentences_cut
                .fetch_add(article.sentences_cut, Ordering::Relaxed);
        }
        if self.trace {
            article.trace = Some(Vec::new());
        }
        article.convention = self.convention;
        article.tone_and_themes = self.tone_and_themes;
        article.explain = self.explain;
        pipeline::run(&self.res, &mut article, self.checks);
        article
    }

    /// Code a whole article: its events, its quotations with their speakers when
    /// `with_quotes`, and the trace when the coder keeps one.
    pub fn code(&self, doc: &Document, with_quotes: bool) -> Coded {
        let mut article = self.annotate(doc);
        let quotes = if with_quotes {
            article.take_quotes(&self.res)
        } else {
            Vec::new()
        };
        Coded {
            events: std::mem::take(&mut article.events),
            quotes,
            tone: std::mem::take(&mut article.tone),
            issues: std::mem::take(&mut article.issues),
            trace: article.trace.take().unwrap_or_default(),
        }
    }

    /// Code a whole article.
    pub fn code_document(&self, doc: &Document) -> Vec<Event> {
        self.code(doc, false).events
    }

    /// Code a whole article, and give its quotations with their speakers too when
    /// `with_quotes` (one reading of the article serves both).
    pub fn code_article(
        &self,
        doc: &Document,
        with_quotes: bool,
    ) -> (Vec<Event>, Vec<QuoteRecord>) {
        let coded = self.code(doc, with_quotes);
        (coded.events, coded.quotes)
    }

    /// The quotations of an article with their speakers.
    pub fn quotes(&self, doc: &Document) -> Vec<QuoteRecord> {
        self.code(doc, true).quotes
    }
}
