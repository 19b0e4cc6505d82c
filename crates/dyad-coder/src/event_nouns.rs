//! Events told by a noun of the event-noun lexicon (`dyad.event-nouns.txt`): "talks between
//! Kyiv and Moscow", "Russia's invasion of Ukraine", "imposed sanctions on Iran", "the arrest
//! of the opposition leader by police". Visits have their own reading ([`crate::nominal`]).
//!
//! English gives a noun's actors in a few places, read here in this order:
//! - the target: "between A and B" (both ways), or the actor after the preposition that
//!   follows the noun — to, with, on, against, into, toward(s), for — or after "of" when the
//!   lexicon says "the N of X" names who undergoes it (the invasion of Ukraine), or after
//!   "over" or "about" for a statement whose topic is its target (concern over Iran);
//! - the source: "of X" when the lexicon says it names the actor (the mediation of IGAD); an
//!   actor right before the noun, through its modifiers ("Russia's full-scale invasion",
//!   "Israeli air strikes"); "by X" or "from X" after it ("criticism from the EU"); else the
//!   subject of a light verb whose object the noun is ("Kenya held talks with", "the US
//!   imposed sanctions on").
//!
//! A noun whose actors are not both found makes no event, except a symmetric one with a
//! compound source ("Kenya and Somalia held talks"), which pairs its members.

use dyad_dict::event_nouns::{EventNoun, OfRole};

use crate::clauses::{Clause, Role};
use crate::english;
use crate::lexicon::Lexicon;
use crate::mentions::{ActorCode, ActorPhrase, Reached};
use crate::sentence::SentenceView;

/// An event a noun tells.
#[derive(Debug, Clone)]
pub struct NounEvent<'l> {
    pub entry: &'l EventNoun,
    pub source: Role,
    pub target: Option<Role>,
    /// The token of the noun.
    pub noun: usize,
    /// Its first token: the noun's own, or a compound's first word ("phone" of "phone call").
    pub noun_start: usize,
    /// The clause whose light verb lends the source, or in which the noun stands.
    pub clause: Option<usize>,
    /// The light verb's clause: its own event gives way to the noun's.
    pub replaces_clause: bool,
    /// Its source said to be ready for it ("is open to a meeting with Putin"): an intent.
    pub ready: bool,
    /// Done by each member of its source to the others: a symmetric noun ("talks"), or one
    /// whose target is "each other" ("their support for each other").
    pub mutual: bool,
}

/// Prepositions that introduce the target of an event noun.
fn target_preposition(w: &str) -> bool {
    matches!(
        w,
        "TO" | "WITH" | "ON" | "AGAINST" | "INTO" | "TOWARD" | "TOWARDS" | "FOR" | "UPON"
    )
}

/// The actor phrase that starts at `at` (or after "the" there).
fn phrase_at<'p>(
    s: &SentenceView,
    phrases: &'p [ActorPhrase],
    at: usize,
) -> Option<&'p ActorPhrase> {
    let after_the = if s.word(at) == "THE" { at + 1 } else { at };
    phrases
        .iter()
        .find(|p| p.start == at || p.start == after_the)
}

/// "clashes erupted early Thursday between Thai and Cambodian forces", "a meeting in Brussels
/// between the two leaders": the "between" that belongs to the noun, a few words on, before
/// any punctuation or other preposition's actor.
fn between_after(s: &SentenceView, phrases: &[ActorPhrase], noun: usize) -> Option<usize> {
    (noun + 1..(noun + 8).min(s.len()))
        .take_while(|&k| !s.is_punct(k) && !english::opens_clause(s.word(k)))
        .take_while(|&k| !phrases.iter().any(|p| p.start == k))
        .find(|&k| s.word(k) == "BETWEEN")
}

/// "talks between Kyiv and Moscow", "a truce between the two sides": the pair a "between"
/// after the noun at `noun` names (one phrase of two members, or two phrases joined by "and").
pub(crate) fn between_pair(s: &SentenceView, phrases: &[ActorPhrase], noun: usize) -> Option<Role> {
    let next = between_after(s, phrases, noun)?;
    let first = phrase_at(s, phrases, next + 1)?;
    let mut pair = Role::of_phrase(first);
    if s.word(first.end) == "AND" {
        if let Some(second) = phrase_at(s, phrases, first.end + 1) {
            pair.members.extend(second.members.iter().cloned());
            pair.span = Some((first.start, second.end));
        }
    }
    (pair.members.len() >= 2).then_some(pair)
}

/// The events the sentence's event nouns tell.
pub fn noun_events<'l>(
    lex: &'l Lexicon,
    s: &SentenceView,
    is_verb: &[bool],
    phrases: &[ActorPhrase],
    clauses: &[Clause],
    convention: crate::conventions::Convention,
    memory: &crate::coreference::ArticleMemory,
) -> Vec<NounEvent<'l>> {
    let nouns = &lex.dicts.event_nouns;
    let mut out = Vec::new();
    if nouns.nouns.is_empty() {
        return out;
    }
    let mut after_compound = 0;
    let ids = s.word_ids(&lex.vocabulary);
    for (at, &id) in ids.iter().enumerate().take(s.len()) {
        if at < after_compound || !lex.may_name_event(id) {
            continue;
        }
        // a compound noun ("phone call"), read as one noun whose head is its last word
        let (entry, i, noun_start) = match s.event_compound(lex, at) {
            Some(entry) => {
                after_compound = at + 2;
                (entry, at + 1, at)
            }
            None => match s.event_noun(lex, at) {
                Some(entry) => (entry, at, at),
                None => continue,
            },
        };
        // visits are read by crate::nominal; a verb ("they will attack", "talks tough") or
        // a modifier ("attack helicopters", "the talks process") is no event noun
        // (a noun in -ing is a gerund to the tagger: "fighting broke out")
        // (the tagger asked last: a sentence is tagged only when needed)
        let verb_tag = || !s.word(i).ends_with("ING") && s.tag(i).is_some_and(|t| t.is_verb());
        if entry.code == "042" || (noun_start == i && (is_verb[i] || verb_tag())) {
            continue;
        }
        if i + 1 < s.len()
            && !s.capitalized(i + 1)
            && !english::is_preposition(s.word(i + 1))
            && s.tag(i + 1).is_some_and(|t| t.is_noun())
        {
            continue;
        }
        // inside an actor's name ("the Summit of the Americas") it names no act; nor inside
        // the name of a body the dictionaries do not know, written in capitals after its
        // head and a preposition ("the Joint Commission for Cooperation", "the Conference on
        // Disarmament")
        let in_name = i > 0
            && s.capitalized(i)
            && (phrases.iter().any(|p| p.start <= i && i < p.end)
                || (noun_start >= 2
                    && matches!(s.word(noun_start - 1), "FOR" | "OF" | "ON")
                    && !s.capitalized(noun_start - 1)
                    && s.capitalized(noun_start - 2)));
        if in_name {
            continue;
        }
        // "the launch of a ballistic missile (by Pyongyang)": of a weapon only, and its
        // source after it
        let mut next = i + 1;
        if entry.of_projectile {
            let weapon = (s.word(i + 1) == "OF")
                .then(|| (i + 2..(i + 6).min(s.len())).find(|&k| nouns.is_projectile(s.word(k))))
                .flatten();
            let Some(k) = weapon else { continue };
            next = k + 1;
        }
        let mut source: Option<Role> = None;
        let mut target: Option<Role> = None;
        if between_after(s, phrases, i).is_some() {
            let Some(pair) = between_pair(s, phrases, i) else {
                continue;
            };
            if pair.span.is_some_and(|(_, end)| judged(s, end)) {
                continue;
            }
            out.push(NounEvent {
                entry,
                source: pair,
                target: None,
                noun: i,
                noun_start,
                clause: clause_of(clauses, i),
                replaces_clause: false,
                ready: false,
                mutual: entry.symmetric,
            });
            continue;
        }
        // "the release Monday of hundreds of detainees": a day may stand before the "of", and
        // a quantity of people after it
        let mut of = next;
        while of < (next + 2).min(s.len()) && english::is_time_word(s.word(of)) {
            of += 1;
        }
        if s.word(of) == "OF" {
            let at = if english::is_quantity(s.word(of + 1)) && s.word(of + 2) == "OF" {
                of + 3
            } else {
                of + 1
            };
            if let Some(p) = phrase_at(s, phrases, at) {
                match entry.of_role {
                    OfRole::Source => source = Some(Role::of_phrase(p)),
                    OfRole::Target => target = Some(Role::of_phrase(p)),
                }
                next = p.end;
            }
        }
        // "expressed his thanks and appreciation to the Amir": nouns joined by "and" share
        // the preposition after the last
        if target.is_none()
            && matches!(s.word(next), "AND" | "OR")
            && s.event_noun(lex, next + 1).is_some()
            && target_preposition(s.word(next + 2))
        {
            next += 2;
        }
        // "held talks here with", "talks Tuesday with": where and when may stand between the
        // noun and its preposition
        if target.is_none() {
            let adverb = |k: usize| {
                let w = s.word(k);
                matches!(w, "HERE" | "THERE") || english::is_time_word(w)
            };
            let skipped = (next..(next + 3).min(s.len()))
                .take_while(|&k| adverb(k))
                .count();
            if skipped > 0 && target_preposition(s.word(next + skipped)) {
                next += skipped;
            }
        }
        let topic = (entry.topic_target && matches!(s.word(next), "OVER" | "ABOUT"))
            || (entry.aimed_target && s.word(next) == "AT");
        if target.is_none() && (target_preposition(s.word(next)) || topic) {
            if let Some(p) = phrase_at(s, phrases, next + 1) {
                target = Some(Role::of_phrase(p));
                next = p.end;
            }
        }
        // "Russia's offensive against Georgia was the only possible response": judged, as
        // "the dialogue between them is essential" is
        if judged(s, next) {
            continue;
        }
        if source.is_none() {
            source = actor_before(s, is_verb, phrases, noun_start);
        }
        if source.is_none() && matches!(s.word(next), "BY" | "FROM") {
            source = phrase_at(s, phrases, next + 1).map(Role::of_phrase);
        }
        let mut clause = clause_of(clauses, i);
        // "called for the arrest of the ambassador by the police", "demanded the release of its
        // diplomats by Ukraine": an act an appeal or a demand asks for is not done
        // (with its own doer, and the verb's object: "ordered an investigation into an attack"
        // asks for the investigation, the attack done; the tagger is asked last)
        let asked_for = source.is_some()
            && clause.is_some_and(|ci| {
                let c = &clauses[ci];
                c.verb.last < noun_start
                    && c.coded
                        .code
                        .forward()
                        .is_some_and(|f| matches!(dyad_dict::cameo::root(f), "02" | "10"))
                    && (c.verb.last + 1..noun_start).all(|k| {
                        let w = s.word(k);
                        english::is_determiner(w)
                            || english::is_adverb(w)
                            || matches!(w, "FOR" | "ON" | "UPON")
                            || s.tag(k).is_some_and(|t| t.is_adjective())
                    })
            });
        if asked_for {
            continue;
        }
        let mut replaces_clause = false;
        if source.is_none() {
            if let Some((ci, c)) = light_verb_clause(lex, s, clauses, noun_start) {
                // the verb dictionary read the noun itself ("HOLD + TALKS"): its event stands,
                // unless the verb commits to the noun's act ("reiterated their support": the
                // support to come, 032, where upstream's REAFFIRM pattern praises, 051)
                // "invited Brazil to join the talks": asked of it, not done
                // (nor does a pattern written for another verb of its block: "conducted
                // attacks" is no "ordered an attack", CONDUCT's block's 138)
                let base = crate::clauses::verb_base(lex, &c.verb);
                // (a pattern that codes the commitment itself, an intent, stands: "pledged
                // deeper cooperation" is upstream's 030, the guide's)
                let pattern_intends = c
                    .coded
                    .code
                    .forward()
                    .is_some_and(|f| dyad_dict::cameo::root(f) == "03");
                let commits = lex.dicts.event_nouns.is_commit_verb(base) && !pattern_intends;
                let others = c
                    .coded
                    .pattern
                    .is_some_and(|p| crate::patterns::written_for(p, base) == Some(false));
                // (where the two agree on the kind of act, the verb's event stands, with what
                // its clause says of it)
                // (of a finite verb that no other governs, whose modality is its own: "Chile
                // to hold talks", "vowed to impose sanctions" keep their verb's reading)
                let lexicon_first = convention.codes_nouns_over_patterns()
                    && !pattern_intends
                    && c.verb.finite
                    && c.governor.is_none()
                    && c.coded.code.forward().is_some_and(|f| f != entry.code);
                if (c.coded.matched.contains(&i) && !commits && !others && !lexicon_first)
                    || c.asked_of_object
                {
                    continue;
                }
                source = c.subject.clone();
                clause = Some(ci);
                replaces_clause = true;
            }
        }
        if source.is_none() {
            if let Some((ci, sub, opening)) = adverbial_subject(s, clauses, noun_start) {
                source = Some(sub);
                clause = Some(ci);
                // "During the meeting, Aso told his Chinese counterpart …", "In a phone call,
                // the president urged Peru …": whom the subject addresses in a clause the
                // adverbial opens is the other party of the meeting or call
                if target.is_none() && opening && entry.symmetric {
                    target = clauses[ci].object.clone().map(|o| Role { span: None, ..o });
                }
            }
        }
        let mut ready = false;
        if source.is_none() {
            if let Some((ci, sub)) = ready_subject(s, phrases, clauses, noun_start) {
                source = Some(sub);
                clause = ci;
                ready = true;
            }
        }
        // "clashes continued in other areas", "sporadic clashes in other parts of the
        // country": a fight told with no sides at all is among the story country's people, as
        // an agent named without a country is of it (the lexicon's `sides=story`)
        // (not a fight some verb acts on: "urged them to stop the fighting", "condemned the
        // clashes")
        if source.is_none() && target.is_none() && entry.story_sides && !verbs_object(s, noun_start)
        {
            let story = story_at(s, memory, (noun_start, i + 1), "", Reached::StorySides);
            if let Some(story) = story {
                target = Some(story.clone());
                source = Some(story);
            }
        }
        // "nine days of protests against the military council", "the protests began on
        // Monday": a protest told with no protesters named is by the story country's people
        // (the lexicon's `by=story`), against whom it names or the convention says
        // (not a protest some verb acts on: "banned protests", "dispersed the demonstration")
        // ("recalled the ambassador in protest": "in" before the bare noun makes it the manner
        // of another act, no protest held)
        let manner = noun_start > 0 && s.word(noun_start - 1) == "IN";
        if source.is_none() && entry.story_doers && !verbs_object(s, noun_start) && !manner {
            source = story_at(s, memory, (noun_start, i + 1), "CVL", Reached::StoryPeople);
        }
        let Some(source) = source else { continue };
        // a protest names whom it is against only at times ("staged demonstrations"): the
        // convention says whom ([`crate::Convention::protest_target`])
        let protest = dyad_dict::cameo::root(&entry.code) == "14";
        // nor does a show of force ("carried out a nuclear test"), which the convention may
        // code with no target ([`crate::Convention::codes_undirected`])
        let force = dyad_dict::cameo::root(&entry.code) == "15";
        // nor a disapproval ("Jordan expressed outrage"), whose target the article's last
        // hostile act may tell ([`crate::unnamed_targets::last_aggressor`])
        let disapproval = dyad_dict::cameo::root(&entry.code) == "11";
        // "their support for each other", "accusations against one another"
        let reciprocal = (next..(next + 2).min(s.len())).any(|k| {
            target_preposition(s.word(k))
                && matches!(
                    (s.word(k + 1), s.word(k + 2)),
                    ("EACH", "OTHER") | ("EACH", "OTHER'S") | ("ONE", "ANOTHER")
                )
        });
        let mutual = entry.symmetric || (reciprocal && target.is_none());
        let pair = mutual && source.members.len() > 1;
        if target.is_none() && !pair && !protest && !force && !disapproval {
            continue;
        }
        out.push(NounEvent {
            entry,
            source,
            target,
            noun: i,
            noun_start,
            clause,
            replaces_clause,
            ready,
            mutual,
        });
    }
    out
}

/// "Zelensky said he is open to a meeting with Putin", "Peru remains ready for talks with
/// Chile": a noun after an adjective of readiness and "to" or "for" is an act its subject
/// says it intends. The subject is the actor right before the linking verb, or, for a
/// pronoun, the subject of the clause the pronoun stands in ("said he is"). With that
/// clause, if any.
fn ready_subject(
    s: &SentenceView,
    phrases: &[ActorPhrase],
    clauses: &[Clause],
    noun: usize,
) -> Option<(Option<usize>, Role)> {
    // back over the noun's modifiers ("a face-to-face meeting", "direct talks")
    let mut k = noun;
    while k > 0 && noun - k < 3 {
        let w = s.word(k - 1);
        let modifier = english::is_determiner(w)
            || (!s.is_punct(k - 1)
                && !english::is_preposition(w)
                && !english::is_conjunction(w)
                && s.tag(k - 1).is_some_and(|t| !t.is_noun() && !t.is_verb()));
        if !modifier {
            break;
        }
        k -= 1;
    }
    if k < 3 || !matches!(s.word(k - 1), "TO" | "FOR") {
        return None;
    }
    let adjective = s.word(k - 2);
    if !(english::is_readiness(adjective) || adjective == "OPEN") {
        return None;
    }
    let mut link = k - 3;
    while link > 0 && english::is_adverb(s.word(link)) {
        link -= 1;
    }
    if !english::is_readiness_link(s.word(link)) || link == 0 {
        return None;
    }
    if let Some(p) = phrases.iter().find(|p| p.end == link) {
        return Some((clause_of(clauses, link), Role::of_phrase(p)));
    }
    let pronoun = link - 1;
    if !matches!(s.word(pronoun), "HE" | "SHE" | "IT" | "THEY" | "WE") {
        return None;
    }
    let (ci, c) = clauses
        .iter()
        .enumerate()
        .rfind(|(_, c)| c.start <= pronoun && pronoun < c.end && c.verb.last < pronoun)?;
    let sub = c.subject.clone()?;
    Some((Some(ci), Role { span: None, ..sub }))
}

/// "The dialogue between China and France is essential", "cooperation between the two
/// countries remains strong": a noun phrase ending at `end` that a copula and no participle
/// follow is what a statement judges, not an act it reports ("talks between them were held"
/// is one).
fn judged(s: &SentenceView, end: usize) -> bool {
    use dyad_lang::tagger::Tag;
    matches!(
        s.word(end),
        "IS" | "ARE" | "WAS" | "WERE" | "REMAINS" | "REMAIN"
    ) && !matches!(s.tag(end + 1), Some(Tag::VBN | Tag::VBG))
}

/// Prepositions of time that open an adverbial about the clause's own subject: "said after a
/// meeting with Hun Manet", "following a phone call with Trump, Sheinbaum said".
fn opens_time_adverbial(w: &str) -> bool {
    matches!(w, "AFTER" | "FOLLOWING" | "DURING" | "BEFORE" | "AMID")
}

/// "Anwar said after a special meeting with Hun Manet", "Following a phone call with Trump,
/// Sheinbaum said", "spoke after his meeting with Vucic": a noun in a time adverbial is an act
/// of the subject of the clause the adverbial belongs to — the clause it stands in, or, when
/// it opens the sentence, the first clause after it. With the clause.
fn adverbial_subject(
    s: &SentenceView,
    clauses: &[Clause],
    noun: usize,
) -> Option<(usize, Role, bool)> {
    let mut k = noun;
    let prep = loop {
        if k == 0 || noun - k > 4 {
            return None;
        }
        k -= 1;
        let w = s.word(k);
        // "In a telephone conversation, …": "in" opens one only at the sentence's start
        if opens_time_adverbial(w) || (k == 0 && w == "IN") {
            break k;
        }
        let modifier = english::is_determiner(w)
            || matches!(w, "HIS" | "HER" | "ITS" | "THEIR")
            || (!s.capitalized(k)
                && !s.is_punct(k)
                && !english::is_preposition(w)
                && !english::is_conjunction(w)
                && !s.tag(k).is_some_and(|t| t.is_verb()));
        if !modifier {
            return None;
        }
    };
    let opening = prep == 0;
    let found = if opening {
        clauses
            .iter()
            .enumerate()
            .find(|(_, c)| c.verb.first > noun && c.verb.finite && c.subject.is_some())
    } else {
        clauses
            .iter()
            .enumerate()
            .rfind(|(_, c)| c.start <= prep && prep < c.end && c.verb.last < prep)
    };
    let (ci, c) = found?;
    let sub = c.subject.clone()?;
    Some((ci, Role { span: None, ..sub }, opening))
}

/// Is the noun phrase ending in the noun at `noun` the object of the verb before it ("stop the
/// fighting", "condemned the recent clashes")? Back over its determiners and lower-case
/// modifiers.
fn verbs_object(s: &SentenceView, noun: usize) -> bool {
    let mut k = noun;
    while k > 0 {
        let w = s.word(k - 1);
        let modifier = english::is_determiner(w)
            || (!s.capitalized(k - 1)
                && !s.is_punct(k - 1)
                && !english::is_preposition(w)
                && !english::is_conjunction(w)
                && s.tag(k - 1).is_some_and(|t| !t.is_verb()));
        if !modifier {
            break;
        }
        k -= 1;
    }
    k > 0 && s.tag(k - 1).is_some_and(|t| t.is_verb())
}

/// The story's country, with `agent` after its code ("" or "CVL"), standing at the noun's
/// tokens `[start, end)` for the evidence, reached so.
fn story_at(
    s: &SentenceView,
    memory: &crate::coreference::ArticleMemory,
    (start, end): (usize, usize),
    agent: &str,
    reached: Reached,
) -> Option<Role> {
    let at = ActorCode {
        code: String::new(),
        start,
        end,
        char_start: s.tokens[start].start,
        char_end: s.tokens[end - 1].end,
        reached,
    };
    let mut story = crate::coreference::story_country(memory, &at)?;
    let m = &mut story.members[0];
    m.code.push_str(agent);
    m.reached = reached;
    Some(story)
}

/// The clause the token stands in.
pub(crate) fn clause_of(clauses: &[Clause], i: usize) -> Option<usize> {
    clauses
        .iter()
        .enumerate()
        .rfind(|(_, c)| c.start <= i && i < c.end)
        .map(|(k, _)| k)
}

/// "Russia's invasion", "the Israeli air strikes", "US sanctions": an actor that ends right
/// before the noun or before its lower-case modifiers (the phrase may run on over the noun:
/// the actor is the member that ends there).
fn actor_before(
    s: &SentenceView,
    is_verb: &[bool],
    phrases: &[ActorPhrase],
    noun: usize,
) -> Option<Role> {
    // "Iraq's invasion": the phrase ran on over the noun; its actor is what comes before
    // (by where its name stands: in "a prisoner exchange involving 1,000 people" the phrase
    // of "people" starts before the noun, its name after)
    if let Some(p) = phrases.iter().find(|p| p.start < noun && noun < p.end) {
        let noun_char = s.tokens[noun].start;
        let members: Vec<_> = p
            .members
            .iter()
            .filter(|m| m.start < noun && m.char_start < noun_char)
            .cloned()
            .collect();
        return (!members.is_empty()).then_some(Role {
            span: Some((p.start, noun)),
            members,
            pronoun: false,
        });
    }
    let mut k = noun;
    for _ in 0..4 {
        for p in phrases {
            if let Some(m) = p.members.iter().find(|m| m.end == k) {
                // "talks with China's Xi": a phrase that is a preposition's object is not
                if crate::clauses::is_pp_object(s, p.start) {
                    return None;
                }
                let members = if p.end == k {
                    p.members.clone()
                } else {
                    vec![m.clone()]
                };
                return Some(Role {
                    span: Some((members[0].start, k)),
                    members,
                    pronoun: false,
                });
            }
        }
        if k == 0 {
            return None;
        }
        let w = s.word(k - 1);
        let modifier = (w == "'S" || w == "'")
            || (!s.capitalized(k - 1)
                && !is_verb[k - 1]
                && !s.tag(k - 1).is_some_and(|t| t.is_verb())
                && !s.is_punct(k - 1)
                && !english::is_preposition(w)
                && !english::is_determiner(w)
                && !english::is_conjunction(w));
        if !modifier {
            return None;
        }
        k -= 1;
    }
    None
}

/// The clause whose light verb takes the noun as its object: the verb stands before the
/// noun in the same clause with only determiners and modifiers between ("held two days of
/// talks" is not; "held lengthy talks" is).
fn light_verb_clause<'c>(
    lex: &Lexicon,
    s: &SentenceView,
    clauses: &'c [Clause],
    noun: usize,
) -> Option<(usize, &'c Clause<'c>)> {
    let (ci, c) = clauses
        .iter()
        .enumerate()
        .rfind(|(_, c)| c.verb.last < noun && noun < c.end.max(noun + 1))?;
    let base = crate::clauses::verb_base(lex, &c.verb);
    if !lex.dicts.event_nouns.is_light_verb(base) {
        return None;
    }
    // "agreed to a prisoner exchange", "committed to talks": a verb of commitment reaches its
    // noun through "to" or "on"
    let mut from = c.verb.last + 1;
    if from < noun
        && matches!(s.word(from), "TO" | "ON")
        && lex.dicts.event_nouns.is_commit_verb(base)
    {
        from += 1;
    }
    // "engaged in talks", "engaged in a dialogue": through "in"
    if from < noun && s.word(from) == "IN" && lex.dicts.event_nouns.is_in_verb(base) {
        from += 1;
    }
    // "announced on Saturday the expulsion of the ambassador": a day between them
    if s.word(from) == "ON" && english::is_time_word(s.word(from + 1)) {
        from += 2;
    } else if english::is_time_word(s.word(from)) {
        from += 1;
    }
    let between_ok = (from..noun).all(|k| {
        let w = s.word(k);
        english::is_determiner(w)
            || matches!(w, "HIS" | "HER" | "ITS" | "THEIR" | "NEW" | "FRESH")
            || (!s.is_punct(k)
                && !english::is_preposition(w)
                && !english::is_conjunction(w)
                && s.tag(k).is_some_and(|t| !t.is_noun() && !t.is_verb()))
    });
    between_ok.then_some((ci, c))
}
