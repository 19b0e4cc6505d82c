//! The coder's pipeline: the stages an article goes through, in order, written here once.
//! Each stage takes the [`Article`] and adds its layer; after each, debug builds (and coders
//! made [`with_checks`](crate::Coder::with_checks)) check the article and name the stage that
//! broke it. Reading the article into sentences and tokens ([`Article::read`]) comes before;
//! the quotations are a layer read when first needed (by the events stage, for the pronouns
//! that stand for a speaker, or by `--quotes`).
//!
//! ```text
//! read        Article::read        sentences, one token array, cut to the token limit
//! vocabulary  Lexicon::word_ids    each word's dictionary vocabulary id
//! discards    discards::find       story and sentence discards, time phrases
//! tone        ToneLexicon::count   positive and negative words of each sentence (AvgTone)
//! themes      themes::tag_article  the issues each sentence names (Phoenix issue codes)
//! mentions    mentions::find_mentions  each coded sentence's actor and agent phrases
//! events      events::code_sentence  verbs → actor phrases → clauses → events
//! conventions conventions.rs       the codes the convention (the guide's, PETRARCH's) writes
//! places      places::attach       where each report happened
//! venues      conventions.rs       meetings at a third location (044), by their places
//! amounts     amounts::attach      money and casualties in each report's clause
//! merge       merge_repeated_reports  later reports of an event become its mentions
//! explain     explain::complete    what made each event, when asked (`--explain`)
//! ```

use dyad_model::{merge_repeated_reports, Document};

use crate::article::Article;
use crate::conventions::Convention;
use crate::coreference::ArticleMemory;
use crate::discards;
use crate::events;
use crate::explain;
use crate::mentions::{self, Aliases};
use crate::resources::Resources;
use crate::{amounts, places};

/// A named step of the pipeline.
pub struct Stage {
    pub name: &'static str,
    pub run: fn(&Resources, &mut Article),
}

/// The stages, in the order they run.
pub const STAGES: &[Stage] = &[
    Stage {
        name: "vocabulary",
        run: vocabulary,
    },
    Stage {
        name: "discards",
        run: find_discards,
    },
    Stage {
        name: "tone",
        run: count_tone,
    },
    Stage {
        name: "themes",
        run: tag_themes,
    },
    Stage {
        name: "mentions",
        run: find_article_mentions,
    },
    Stage {
        name: "events",
        run: code_events,
    },
    Stage {
        name: "conventions",
        run: apply_conventions,
    },
    Stage {
        name: "places",
        run: attach_places,
    },
    Stage {
        name: "venues",
        run: meeting_venues,
    },
    Stage {
        name: "amounts",
        run: attach_amounts,
    },
    Stage {
        name: "merge",
        run: merge_reports,
    },
    Stage {
        name: "explain",
        run: explain_events,
    },
];

/// Run every stage on the article; with `check`, check the article after each.
///
/// # Panics
/// When `check` is on and a stage leaves the article inconsistent: a dyad bug, which the
/// command line reports as such for that article alone.
pub fn run(res: &Resources, article: &mut Article, check: bool) {
    if check {
        if let Err(e) = article.check() {
            panic!("reading the article left it inconsistent: {e}");
        }
    }
    for stage in STAGES {
        (stage.run)(res, article);
        if check {
            if let Err(e) = article.check() {
                panic!("stage {} left the article inconsistent: {e}", stage.name);
            }
        }
    }
}

fn vocabulary(res: &Resources, a: &mut Article) {
    a.word_ids = (0..a.sentences.len())
        .map(|i| res.lexicon.word_ids(a.sentence_tokens(i)))
        .collect();
}

fn find_discards(res: &Resources, a: &mut Article) {
    a.discards = (0..a.sentences.len())
        .map(|i| discards::find(&res.lexicon, a.sentence_tokens(i), &a.word_ids[i]))
        .collect();
}

/// Each sentence's words (its tokens glued where no space parts them, so `can't` and
/// `cover-up` are one word, as the lexicon has them) counted for tone; the article's count is
/// the sum.
fn count_tone(res: &Resources, a: &mut Article) {
    if !a.tone_and_themes {
        return;
    }
    let mut tone = dyad_dict::tone::ArticleTone::default();
    for i in 0..a.sentences.len() {
        let mut words: Vec<String> = Vec::new();
        let mut glued = String::new();
        let mut end = None;
        for t in a.sentence_tokens(i) {
            if end != Some(t.start) && !glued.is_empty() {
                words.extend(dyad_dict::tone::word_form(&glued));
                glued.clear();
            }
            glued.push_str(&t.text);
            end = Some(t.end);
        }
        words.extend(dyad_dict::tone::word_form(&glued));
        let count = res.tone.count(&words);
        tone.article.add(count);
        tone.sentences.push(count);
    }
    a.tone = tone;
}

fn tag_themes(res: &Resources, a: &mut Article) {
    if !a.tone_and_themes {
        return;
    }
    let sentences: Vec<&[dyad_text::Token]> = (0..a.sentences.len())
        .map(|i| a.sentence_tokens(i))
        .collect();
    let issues = crate::themes::tag_article(&res.issues, &sentences);
    a.issues = issues;
}

/// The cities seating international organisations (`data/gazetteer/igo-seats.tsv`), by
/// GeoNames id.
const IGO_SEATS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/igo-seats.tsv"
));

/// Does the city of this GeoNames id seat international organisations, so that a story
/// datelined there is as often about other countries as about its host?
fn seats_international_organisations(geonameid: u32) -> bool {
    IGO_SEATS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next()?.parse::<u32>().ok())
        .any(|id| id == geonameid)
}

/// The country of the article's dateline: the reader's ("BEIJING (Reuters) -"), else a
/// dateline in title case ("New Delhi: …", "Baghdad - …") whose place the gazetteer knows,
/// which tells it from an opening word ("Update: …"). None for a city that seats
/// international organisations ("BRUSSELS --" over a story on Ukraine).
fn dateline_country(res: &Resources, doc: &Document) -> Option<String> {
    let resolve = |place: &str| {
        res.gazetteer
            .resolve(place, &Default::default())
            .filter(|p| !seats_international_organisations(p.geonameid))
            .map(|p| p.country.clone())
    };
    match doc.dateline_place.as_deref() {
        Some(place) => resolve(place),
        None => dyad_text::title_case_dateline_place(&doc.text).and_then(|p| resolve(&p)),
    }
}

/// Where the story's first sentence begins after a dateline the readers left in the text
/// ("Addis Ababa — Mediators held talks", "KIEV, UKRAINE — …" after a headline), when the
/// gazetteer knows its place: the dateline's words are no actor of that sentence ("Addis
/// Ababa" had been the subject of "held talks").
fn story_dateline_end(res: &Resources, doc: &Document) -> Option<usize> {
    let (end, place) = dyad_text::story_dateline(&doc.text)?;
    (end > doc.body_start)
        .then(|| res.gazetteer.resolve(&place, &Default::default()))
        .flatten()
        .map(|_| end)
}

/// Each coded sentence's mentions, read in the article's order: a surname learnt from a
/// full name ("Xi Jinping", then "Xi") is found in the sentences after it. A layer of its
/// own because the quotations' speakers are named from it too.
fn find_article_mentions(res: &Resources, a: &mut Article) {
    let mut layer = Vec::with_capacity(a.sentences.len());
    let story_coded = !a.discarded();
    let mut aliases = Aliases::default();
    let dateline_end = story_dateline_end(res, a.doc);
    for index in 0..a.sentences.len() {
        layer.push((story_coded && a.is_coded(index)).then(|| {
            mentions::sentence_mentions(
                &res.lexicon,
                &res.tagger,
                a.sentence_tokens(index),
                &a.word_ids[index],
                a.doc.date,
                dateline_end,
                &mut aliases,
            )
        }));
    }
    a.mentions = layer;
}

/// Sentence by sentence, what the article has said so far carried along ([`ArticleMemory`]);
/// nothing when a story discard holds, and nothing from a sentence a sentence discard holds
/// (those the mentions stage left without mentions).
fn code_events(res: &Resources, a: &mut Article) {
    if a.discarded() {
        return;
    }
    let mut trace = a.trace.take();
    let mut events = Vec::new();
    let mut memory = ArticleMemory {
        country: dateline_country(res, a.doc),
        agents_take_country: a.convention == Convention::Guide,
        ..ArticleMemory::default()
    };
    for index in 0..a.sentences.len() {
        if a.mentions[index].is_none() {
            continue;
        }
        let before = events.len();
        events::code_sentence(res, a, index, &mut memory, &mut events, trace.as_mut());
        discards::drop_background(&a.discards[index], &mut events, before);
    }
    a.events = events;
    a.trace = trace;
}

fn apply_conventions(res: &Resources, a: &mut Article) {
    let convention = a.convention;
    convention.apply(res, &mut a.events);
}

fn attach_places(res: &Resources, a: &mut Article) {
    let mut events = std::mem::take(&mut a.events);
    places::attach(&res.gazetteer, a.doc, &a.chars, a.tokens(), &mut events);
    a.events = events;
}

fn meeting_venues(res: &Resources, a: &mut Article) {
    if a.convention.codes_venues() && !a.events.is_empty() {
        let mut events = std::mem::take(&mut a.events);
        crate::conventions::meetings_at_venues(res, |i| a.sentence_tokens(i), &mut events);
        a.events = events;
    }
}

fn attach_amounts(_: &Resources, a: &mut Article) {
    if !a.events.is_empty() {
        amounts::attach(&a.whole, &a.sentences, &mut a.events);
    }
}

fn explain_events(res: &Resources, a: &mut Article) {
    if a.explain {
        explain::complete(res, a.doc, &mut a.events);
    }
}

fn merge_reports(_: &Resources, a: &mut Article) {
    merge_repeated_reports(&mut a.events);
}
