//! Tagging a sentence: greedily, left to right, each word from its features and the tags
//! before it ([`Tagging`], [`Tagger::tag`]).

use super::features::{features, tag_value, Buffers, WordInfo, NF, NO_PUNCT, START, START2};
use super::model::Tagger;
use super::tags::Tag;

/// A sentence being tagged from left to right, as far as its tags are asked for: the tag of a
/// word depends on the words up to two after it and on the tags before it only, so the tags
/// of a sentence's first words are known without tagging the rest. [`Tagger::tag`] tags the
/// whole sentence the same way.
pub struct Tagging<'a> {
    tagger: &'a Tagger,
    words: Vec<&'a str>,
    buf: Buffers,
    /// [`WordInfo`] of the words read so far, after two padding entries (`-START-`, `-START2-`).
    ctx: Vec<WordInfo>,
    tags: Vec<Tag>,
    p1: u64,
    p2: u64,
    open_quotes: u32,
}

impl<'a> Tagging<'a> {
    pub fn new(tagger: &'a Tagger, words: Vec<&'a str>) -> Tagging<'a> {
        let mut ctx = Vec::with_capacity(words.len() + 4);
        ctx.push(WordInfo::padding("-START-"));
        ctx.push(WordInfo::padding("-START2-"));
        Tagging {
            tagger,
            tags: Vec::with_capacity(words.len()),
            words,
            buf: Buffers::default(),
            ctx,
            p1: START,
            p2: START2,
            open_quotes: 0,
        }
    }

    /// The tag of word `i` (`None` past the end), tagging the words before it first.
    pub fn tag(&mut self, i: usize) -> Option<Tag> {
        while self.tags.len() <= i && self.tags.len() < self.words.len() {
            self.step();
        }
        self.tags.get(i).copied()
    }

    /// Read the context up to entry `k` (word `k - 2`, or the end padding).
    fn read_to(&mut self, k: usize) {
        while self.ctx.len() <= k {
            let w = self.ctx.len() - 2;
            let info = match w.checked_sub(self.words.len()) {
                None => WordInfo::new(self.words[w], &mut self.buf),
                Some(0) => WordInfo::padding("-END-"),
                Some(_) => WordInfo::padding("-END2-"),
            };
            self.ctx.push(info);
        }
    }

    /// Tag the next word.
    fn step(&mut self) {
        let i = self.tags.len() + 2;
        self.read_to(i + 2);
        let ctx = &self.ctx;
        let mut tag = match self.tagger.dict.get(&ctx[i].exact) {
            Some(&t) => t,
            None if ctx[i].punct != NO_PUNCT => Tag::ALL[ctx[i].punct as usize],
            None => {
                let mut feats = [0u64; NF];
                features(ctx, i, self.p1, self.p2, &mut feats);
                self.tagger.predict(&feats)
            }
        };
        // A straight `"` after a quote opened in this sentence closes it.
        if self.open_quotes > 0 && self.words[i - 2] == "\"" {
            tag = Tag::CloseQuote;
        }
        match tag {
            Tag::OpenQuote => self.open_quotes += 1,
            Tag::CloseQuote => self.open_quotes = self.open_quotes.saturating_sub(1),
            _ => {}
        }
        self.tags.push(tag);
        self.p2 = self.p1;
        self.p1 = tag_value(tag);
    }
}

impl Tagger {
    /// Tag the words of one sentence (token texts as written). Returns one tag per word.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut tagging = Tagging::new(self, words.to_vec());
        tagging.tag(words.len().saturating_sub(1));
        tagging.tags
    }
}
