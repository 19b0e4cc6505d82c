//! Actor recognition: dictionary actors and agents found in a sentence's tokens, assembled into
//! actor phrases with CAMEO codes ("Arnor security officials" → ARNGOV, "the government of
//! Gondor" → GONGOV, "Danish media and government" → DNKMED + DNKGOV, "Mordor, Rohan and Bree"
//! → a compound of three).

use chrono::NaiveDate;
use dyad_dict::agents::Placement;

use dyad_text::Token;

use crate::english;
use crate::lexicon::{Lexicon, CLASS_BREAKS_NP};
use crate::sentence::SentenceView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Actor(u32),
    Agent(u32),
}

/// A dictionary phrase found in the tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
}

/// Find actor and agent phrases, longest match first, left to right. An actor must have a
/// capitalised word (or the sentence is in capitals) so that "us", "chad" or "turkey" in
/// running text are not taken for countries.
/// The surnames an article has tied to a person ([`learn_aliases`]), looked up for every word
/// of every sentence: a fast hash (nothing iterates over it).
pub type Aliases = rustc_hash::FxHashMap<String, u32>;

pub fn find_mentions(
    lex: &Lexicon,
    s: &SentenceView,
    date: Option<NaiveDate>,
    aliases: &Aliases,
) -> Vec<Mention> {
    let words = s.word_list();
    let ids = s.word_ids(&lex.vocabulary);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // "the Shire": some word of the name must be capitalised
        let actor = lex
            .actors
            .longest_at_all(ids, i)
            .filter(|&(len, _)| (i..i + len).any(|k| s.capitalized(k)))
            // "1 million U.S. dollars": the currency's name, not an actor
            .filter(|&(len, _)| {
                i + len >= words.len() || !dyad_text::amounts::names_currency(words[i + len])
            })
            .map(|(len, ids)| (len, pick_actor(lex, ids, date)));
        // "ordered the ambassador to leave": the "to" of an infinitive is not that of a posting
        // ("the ambassador to Peru"), and the agent ends before it (the tagger is asked only
        // of an agent phrase ending in "to")
        let agent = lex.agents.longest_at(ids, i).and_then(|(len, g)| {
            let last = i + len - 1;
            if len > 1 && words[last] == "TO" && s.tag(last + 1) == Some(dyad_lang::tagger::Tag::VB)
            {
                lex.agents.longest_at(&ids[..last], i)
            } else if len == 1 && modifies_next(lex, s, ids, i) {
                None
            } else {
                Some((len, g))
            }
        });
        // "Toledo" after "Alejandro Toledo": the person the article named, not the town
        // (a name is capitalised)
        let alias = || {
            // (the look-up first: it rejects most words sooner than the capital's check)
            let &id = aliases.get(words[i])?;
            s.capitalized(i).then_some((1, MentionKind::Actor(id)))
        };
        let pick = match (actor, agent) {
            (Some((1, _)), None) if alias().is_some() => alias(),
            (Some(a), Some(g)) if g.0 > a.0 => Some((g.0, MentionKind::Agent(g.1))),
            (Some(a), _) => Some((a.0, MentionKind::Actor(a.1))),
            (None, Some(g)) => Some((g.0, MentionKind::Agent(g.1))),
            // "Xi" after "Xi Jinping": a surname the article has already tied to a person;
            // "a Saudi-led coalition": the actor who leads
            (None, None) => alias().or_else(|| leader(lex, s, i, date)),
        };
        match pick {
            Some((len, kind)) => {
                out.push(Mention {
                    start: i,
                    end: i + len,
                    kind,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Does the one-word agent at `i` only qualify what follows it, naming no one? A count of
/// people ("thousands took to the streets", the lexicon's THOUSANDS) before "of" counts the
/// noun after it ("thousands of dollars", "hundreds of protesters"); an agent word the tagger
/// reads as an adjective before a noun of an act the lexicon knows qualifies the act ("an
/// official visit", "official talks", where "official" alone is a government's). (The tagger
/// is asked only then: it is costly, and reads "the military used artillery" with an adjective
/// too.)
fn modifies_next(lex: &Lexicon, s: &SentenceView, ids: &[u32], i: usize) -> bool {
    let next = s.word(i + 1);
    if next == "OF" {
        return english::is_count_of_people(s.word(i));
    }
    ids.get(i + 1)
        .is_some_and(|&id| lex.event_noun(id).is_some())
        && s.tag(i).is_some_and(|t| t.is_adjective())
}

/// "a Saudi-led coalition", "US-led forces": a compound of an actor's name and "led" names
/// the force by the actor who leads it, as the field's coders code it (the leader acts).
fn leader(
    lex: &Lexicon,
    s: &SentenceView,
    i: usize,
    date: Option<NaiveDate>,
) -> Option<(usize, MentionKind)> {
    let prefix = s.word(i).strip_suffix("-LED")?;
    if prefix.is_empty() || !s.capitalized(i) {
        return None;
    }
    let id = lex.vocabulary.id(prefix);
    let (len, ids) = lex.actors.longest_at_all(&[id], 0)?;
    (len == 1).then(|| (1, MentionKind::Actor(pick_actor(lex, ids, date))))
}

/// One coded sentence's dictionary mentions (layer `mentions`), in the tokens the coder reads.
pub struct SentenceMentions {
    /// The sentence's tokens without its short parentheses ("the European Union (EU)"), when
    /// it has any; else the coder reads the sentence's own tokens.
    pub kept: Option<Vec<Token>>,
    /// The actor and agent phrases found in those tokens.
    pub mentions: Vec<Mention>,
}

/// A sentence's mentions as the coder reads them (layer `mentions`): past its short
/// parentheses ("the European Union (EU)" is an aside), with the surnames the article has
/// taught so far, and those it teaches learnt on the way.
pub fn sentence_mentions(
    lex: &Lexicon,
    tagger: &dyad_lang::Tagger,
    tokens: &[Token],
    word_ids: &[u32],
    date: Option<NaiveDate>,
    dateline_end: Option<usize>,
    aliases: &mut Aliases,
) -> SentenceMentions {
    // (a sentence a dateline opens is read from where the dateline ends)
    let after_dateline = dateline_end
        .filter(|&end| tokens.first().is_some_and(|t| t.start < end))
        .map(|end| {
            tokens
                .iter()
                .position(|t| t.start >= end)
                .unwrap_or(tokens.len())
        })
        .filter(|&k| k < tokens.len());
    let kept = match after_dateline {
        Some(k) => Some(drop_parentheticals(&tokens[k..]).unwrap_or_else(|| tokens[k..].to_vec())),
        None => drop_parentheticals(tokens),
    };
    let s = match &kept {
        None => SentenceView::with_word_ids(tokens, word_ids, tagger),
        Some(kept) => SentenceView::new(kept, tagger),
    };
    let mut mentions = find_mentions(lex, &s, date, aliases);
    if learn_aliases(lex, &s, &mentions, date, aliases) {
        mentions = find_mentions(lex, &s, date, aliases);
    }
    learn_acronyms(lex, tokens, &s, &mentions, aliases);
    learn_initials(lex, &s, &mentions, aliases);
    SentenceMentions { kept, mentions }
}

/// The tokens without short parenthetical asides (up to six words between round or square
/// brackets; one right after a personal pronoun stands in its place) and without honorifics
/// abbreviated before a title or a name ("HH the Amir welcomed HE the US President", "HE Mr
/// Simeon Oyono": the style of the Gulf's and some African and Asian governments' news
/// agencies, where "HE" would read as a pronoun and "HH" as a name), or `None` when there is
/// none (most sentences: they are read as they are, not copied).
fn drop_parentheticals(tokens: &[Token]) -> Option<Vec<Token>> {
    // (square brackets too: an editor's aside, "Democratic Republic of Congo [DRC]")
    let closing = |i: usize| match tokens[i].text.as_str() {
        "(" => Some(")"),
        "[" => Some("]"),
        _ => None,
    };
    let aside_end = |i: usize| {
        let close = closing(i)?;
        tokens[i + 1..]
            .iter()
            .take(7)
            .position(|t| t.text == close)
            .map(|k| i + k + 2)
    };
    let is_honorific = |i: usize| honorific_at(tokens, i);
    // (asked of each token's first byte first: a bracket or an H, which few words are)
    let may_drop = |i: usize| match tokens[i].text.as_bytes().first() {
        Some(b'(' | b'[') => aside_end(i).is_some(),
        Some(b'H') => is_honorific(i),
        _ => false,
    };
    if !(0..tokens.len()).any(may_drop) {
        return None;
    }
    // "They (rebels) also attacked a bank", "he (Putin) said": an aside right after a personal
    // pronoun is the writer's word for whom it stands for, and is read in its place
    let pronoun = |t: &Token| {
        t.norm != "US"
            && (english::is_subject_pronoun(&t.norm) || english::is_object_pronoun(&t.norm))
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if let Some(end) = aside_end(i) {
            if end - i > 2 && out.last().is_some_and(pronoun) && i > 0 && pronoun(&tokens[i - 1]) {
                out.pop();
                out.extend_from_slice(&tokens[i + 1..end - 1]);
            }
            i = end;
            continue;
        }
        if is_honorific(i) {
            i += 1;
            continue;
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    Some(out)
}

/// Is token `i` an abbreviated honorific ("HE", "HH", "HRH", "H.E.") standing before a
/// title, a name or "the" written in mixed case? (Not in text all in capitals, where "HE" is
/// a pronoun like any other word.)
fn honorific_at(tokens: &[Token], i: usize) -> bool {
    let t = tokens[i].text.as_str();
    if !matches!(t, "HE" | "HH" | "HRH" | "HM" | "H.E." | "H.H.") {
        return false;
    }
    tokens.get(i + 1).is_some_and(|n| {
        let mut chars = n.text.chars();
        let first = chars.next();
        (n.text == "the" || first.is_some_and(char::is_uppercase)) && chars.any(char::is_lowercase)
    })
}

/// Remember the surnames of people named in full ("Xi Jinping" → "Xi"), so that later
/// sentences of the same article that say only "Xi" code him too, as a reader would.
///
/// Returns whether a name it learned comes again later in the same sentence ("met Alejandro
/// Toledo, and Toledo later said"): the sentence's mentions are then to be found again.
pub fn learn_aliases(
    lex: &Lexicon,
    s: &SentenceView,
    mentions: &[Mention],
    date: Option<NaiveDate>,
    aliases: &mut Aliases,
) -> bool {
    let mut again = false;
    // "Bosnian Serbs …, Serbs seized the depot": a people named with another state's adjective
    // before it is that state's (the phrase reader codes "Bosnian Serbs" Bosnia's); the people
    // named alone later in the article are the same group, as a reader takes them
    for pair in mentions.windows(2) {
        let (MentionKind::Actor(state), MentionKind::Actor(people)) = (pair[0].kind, pair[1].kind)
        else {
            continue;
        };
        let word = s.word(pair[1].start);
        // (a state's entry may hold dated codes: Serbia's SCG, then SRB; Bosnia's and
        // Serbia's were both Yugoslavia's before 1992)
        let code = |id: u32| lex.dicts.actors.entries[id as usize].code_on(date);
        let country = |id: u32| code(id).is_some_and(|c| c.len() == 3);
        if pair[0].end == pair[1].start
            && pair[0].end - pair[0].start == 1
            && pair[1].end - pair[1].start == 1
            && word.len() > 3
            && word.ends_with('S')
            && s.capitalized(pair[1].start)
            && country(state)
            && country(people)
            && code(state) != code(people)
            && !aliases.contains_key(word)
        {
            aliases.insert(word.to_string(), state);
            again |= (pair[1].end..s.len()).any(|j| s.word(j) == word);
        }
    }
    for m in mentions {
        let MentionKind::Actor(id) = m.kind else {
            continue;
        };
        // ("Dominique de Villepin", "Luiz Inacio Lula da Silva": a name's lower-case
        // particles are part of it, and no alias of their own)
        let particle = |k: usize| english::is_name_particle(s.word(k));
        if m.end - m.start < 2 || !(m.start..m.end).all(|k| s.capitalized(k) || particle(k)) {
            continue;
        }
        // a person holds a role (CHNGOV), a country or group name does not
        let person = lex.dicts.actors.entries[id as usize]
            .codes
            .iter()
            .any(|c| c.code.len() >= 6);
        if !person || titled_namesake(lex, s, mentions, m, id) {
            continue;
        }
        // the family name comes last in "Emmanuel Macron", first in "Xi Jinping", after the
        // title in "South Korean President Yoon Suk Yeol": every word of the name that is not
        // itself a known actor or agent ("Korean", "President") may stand for the person; the
        // last word is the family name even when it names a place too ("Alejandro Toledo")
        for k in m.start..m.end {
            let name = s.word(k);
            let word = [lex.vocabulary.id(name)];
            let known = names_an_actor_or_agent(lex, name);
            let family_name =
                k + 1 == m.end && m.end - m.start >= 2 && lex.agents.longest_at(&word, 0).is_none();
            // ("The UN" at a sentence's start: "The" is no name)
            if name.len() > 1
                && !particle(k)
                && !english::is_determiner(name)
                && !english::is_function_word(name)
                && (!known || family_name)
                && !aliases.contains_key(name)
            {
                aliases.insert(name.to_string(), id);
                again |= (m.end..s.len()).any(|j| s.word(j) == name);
            }
            // "Omar al-Bashir", later "Mr Bashir"
            if let Some(bare) = english::without_arabic_article(name) {
                if !aliases.contains_key(bare) && !names_an_actor_or_agent(lex, bare) {
                    aliases.insert(bare.to_string(), id);
                    again |= (m.end..s.len()).any(|j| s.word(j) == bare);
                }
            }
        }
    }
    again
}

/// Is the actor mention a namesake that a state's title right before it names otherwise ("Army
/// Chief Ashok Singhal", whose name the dictionaries give a Hindu council's leader)? The title
/// says who the person is ([`namesake_of_a_title`]), so the family name is not learned as the
/// dictionary's person: the article's titled people ([`crate::coreference::resolve_named_people`])
/// read it again later ("Singhal asked Oli to step down").
fn titled_namesake(
    lex: &Lexicon,
    s: &SentenceView,
    mentions: &[Mention],
    m: &Mention,
    id: u32,
) -> bool {
    let ngo = lex.dicts.actors.entries[id as usize]
        .codes
        .iter()
        .all(|c| c.code.starts_with("NGO"));
    if !ngo {
        return false;
    }
    // the run of names and titles the mention ends ("Nepal's Army Chief Ashok Singhal")
    let mut start = m.start;
    while let Some(before) = mentions
        .iter()
        .find(|t| t.end == start || (t.end + 1 == start && matches!(s.word(t.end), "'S" | "’S")))
    {
        start = before.start;
    }
    named_by_a_state_title(lex, mentions, (start, m.end))
}

/// Is the word alone an entry of the actor or agent dictionaries? (A surname or acronym that
/// is one keeps its entry rather than becoming an alias.)
fn names_an_actor_or_agent(lex: &Lexicon, word: &str) -> bool {
    let w = [lex.vocabulary.id(word)];
    lex.actors.longest_at(&w, 0).is_some() || lex.agents.longest_at(&w, 0).is_some()
}

/// Remember the acronym a name is given in brackets right after it ("the Rapid Support
/// Forces (RSF)", "the Economic Community of West African States (Ecowas)"), so that the
/// sentences after it that say only "RSF" code the same actor, as a reader would. The brackets
/// are read in the sentence's own tokens (the coder's view leaves short asides out); an
/// acronym some dictionary knows already keeps its entry.
fn learn_acronyms(
    lex: &Lexicon,
    tokens: &[Token],
    s: &SentenceView,
    mentions: &[Mention],
    aliases: &mut Aliases,
) {
    // (most sentences have no brackets)
    if !tokens.iter().any(|t| t.text == "(") {
        return;
    }
    for m in mentions {
        let MentionKind::Actor(id) = m.kind else {
            continue;
        };
        if m.end - m.start < 2 {
            continue;
        }
        let end_char = s.tokens[m.end - 1].end;
        let Some(k) = tokens.iter().position(|t| t.start >= end_char) else {
            continue;
        };
        let (Some(open), Some(word), Some(close)) =
            (tokens.get(k), tokens.get(k + 1), tokens.get(k + 2))
        else {
            continue;
        };
        let letters = word.text.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = (2..=8).contains(&letters)
            && word.text.chars().next().is_some_and(char::is_uppercase)
            && word.text.chars().filter(|c| c.is_uppercase()).count() >= 2
            && word.text.chars().all(|c| c.is_alphanumeric() || c == '-');
        if open.text != "(" || close.text != ")" || !acronym {
            continue;
        }
        let key = word.norm.as_str();
        if !names_an_actor_or_agent(lex, key) && !aliases.contains_key(key) {
            aliases.insert(key.to_string(), id);
        }
    }
}

/// Remember the initials of a name of three words or more ("the Rapid Support Forces": RSF),
/// which news goes on to use without ever giving them in brackets ("the army and the RSF
/// continued to battle each other"). Only initials of three letters or more that no dictionary
/// has a word for ("THE", "ACT" are not learned; two letters, "IS", never are); the small words
/// of a name ("of", "the", "de") have none.
fn learn_initials(lex: &Lexicon, s: &SentenceView, mentions: &[Mention], aliases: &mut Aliases) {
    for m in mentions {
        let MentionKind::Actor(id) = m.kind else {
            continue;
        };
        if m.end - m.start < 3 {
            continue;
        }
        let initials: String = (m.start..m.end)
            .map(|i| s.word(i))
            .filter(|w| !english::is_name_particle(w) && !english::is_function_word(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.len() < 3
            || !initials.chars().all(|c| c.is_ascii_uppercase())
            || lex.vocabulary.id(&initials) != crate::lexicon::NO_WORD
            || aliases.contains_key(initials.as_str())
        {
            continue;
        }
        aliases.insert(initials, id);
    }
}

/// Of several entries sharing a name, the one to code with: dyad's own current entries when
/// they give a code on the date (they supersede upstream entries, which stop around 2015);
/// else the one that held office on the date ("President Bush" in 2008 is George W.): a dated
/// role that holds, not an elite, wins; else the first upstream entry.
fn pick_actor(lex: &Lexicon, ids: &[u32], date: Option<NaiveDate>) -> u32 {
    let entries = &lex.dicts.actors.entries;
    if let Some(&id) = ids.iter().find(|&&id| {
        entries[id as usize].supersedes() && entries[id as usize].code_on(date).is_some()
    }) {
        return id;
    }
    let upstream: Vec<u32> = ids
        .iter()
        .copied()
        .filter(|&id| !entries[id as usize].supersedes())
        .collect();
    let ids = if upstream.is_empty() {
        ids
    } else {
        &upstream[..]
    };
    let Some(d) = date else { return ids[0] };
    ids.iter()
        .copied()
        .find(|&id| {
            lex.dicts.actors.entries[id as usize].codes.iter().any(|c| {
                c.when != dyad_dict::actors::DateRestriction::Always
                    && c.when.holds_on(d)
                    && !c.code.contains("ELI")
            })
        })
        .unwrap_or(ids[0])
}

/// One member of an actor phrase: an actor code, built from a dictionary actor and the agents
/// that qualify it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCode {
    /// The full code, e.g. `ARNGOV`.
    pub code: String,
    /// Tokens `[start, end)` this member covers, in its own sentence.
    pub start: usize,
    pub end: usize,
    /// Character offsets of the member's words in the document, so that a member carried to
    /// another sentence (by a pronoun) still points at its name.
    pub char_start: usize,
    pub char_end: usize,
    /// How the code was reached, for explanations.
    pub reached: Reached,
}

/// How an actor's code was reached, besides the dictionary entries its words match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reached {
    /// Its own words: dictionary names and agents (or a name seen earlier in the article).
    #[default]
    Named,
    /// An agent without a country, given the article's: its dateline's ...
    DatelineCountry,
    /// ... or the country the article names most.
    MostNamedCountry,
    /// An agent without a country the article named before with one ("the Sudanese army …
    /// the army"): that country.
    AgentNamedBefore,
    /// A definite description ("the ministry") given the country of the last subject.
    LastSubjectCountry,
    /// "the two sides", "the four nations": the last group of that size the article named
    /// together or told of meeting.
    LastGroup,
    /// "the prime minister": the person the article last named with the title.
    Title,
    /// "I", "we", "he" inside or beside a quotation: its speaker.
    Speaker,
    /// A town after "to" ("a visit to Mosul"), by the gazetteer.
    Place,
    /// The dateline's place, as a visit's host.
    Dateline,
    /// A protest that names no one it is against: the government of the protesters' country.
    ProtestedGovernment,
    /// Power seized by soldiers from no one named: the government of their own country.
    OverthrownGovernment,
    /// A restriction a state imposes that names no one ("declared a state of emergency"): the
    /// state's own country.
    OwnCountry,
    /// A denial that names no one: who last accused the denier.
    Accuser,
    /// A rejection that names no one: who last appealed to, offered to or demanded of the
    /// rejecter.
    Proposer,
    /// A retaliation that names no one: who last attacked the retaliator.
    Attacker,
    /// A condemnation that names no one: who did the article's last hostile act.
    Aggressor,
    /// A claim of responsibility that names nothing: whom the article's last use of force
    /// struck.
    Victim,
    /// A family name: the person the article named in full earlier, beside a title the
    /// dictionaries know ("Opposition leader Levan Khabeishvili" … "Khabeishvili").
    NamedPerson,
    /// "the South American country": the country the article named last.
    DescribedCountry,
    /// "his country", "its nation": the country of the actor the possessive points to.
    PossessorCountry,
    /// A fight told with no sides at all ("clashes continued"): the story's country, on
    /// both sides.
    StorySides,
    /// A protest told with no protesters ("nine days of protests against the council"): the
    /// people of the country the story is about.
    StoryPeople,
    /// ... or, after a fight between two states, those two.
    LastFight,
    /// A veto naming no body: the international organisation the article last named.
    VetoedBody,
}

impl Reached {
    /// In words, for an explanation.
    pub fn describe(self) -> &'static str {
        match self {
            Reached::Named => "its words in the dictionaries",
            Reached::DatelineCountry => "an agent, with the country of the dateline",
            Reached::MostNamedCountry => "an agent, with the country the article names most",
            Reached::AgentNamedBefore => {
                "an agent, with the country the article last named it with"
            }
            Reached::LastSubjectCountry => "a state body, with the country of the last subject",
            Reached::DescribedCountry => {
                "\"the … country\": the country the article named last"
            }
            Reached::PossessorCountry => {
                "\"his country\": the country of the actor \"his\" points to"
            }
            Reached::StorySides => {
                "a fight told with no sides: the country the story is about, on both"
            }
            Reached::StoryPeople => {
                "a protest told with no protesters: the people of the country the story is about"
            }
            Reached::LastFight => {
                "a fight told with no sides: the two states of the article's last fight"
            }
            Reached::LastGroup => {
                "\"the two sides\": the last group of that size the article named or told of meeting"
            }
            Reached::Title => "an office's title: the person the article last named with it",
            Reached::Speaker => "the speaker of the quotation",
            Reached::Place => "the place after \"to\", by the gazetteer",
            Reached::Dateline => "the dateline's place",
            Reached::OwnCountry => {
                "a restriction imposed on no one named: the country of who imposed it"
            }
            Reached::Accuser => "a denial naming no one: who last accused the denier",
            Reached::Proposer => {
                "a rejection naming no one: who last appealed to, offered to or demanded of the rejecter"
            }
            Reached::Attacker => "a retaliation naming no one: who last attacked the retaliator",
            Reached::Aggressor => "a condemnation naming no one: who did the last hostile act",
            Reached::Victim => {
                "a claim of responsibility naming nothing: whom the last use of force struck"
            }
            Reached::NamedPerson => {
                "a family name: the person named in full earlier beside a title"
            }
            Reached::ProtestedGovernment => {
                "a protest naming no one: the government of the protesters' country"
            }
            Reached::OverthrownGovernment => {
                "power seized from no one named: the government of the soldiers' own country"
            }
            Reached::VetoedBody => {
                "a veto naming no body: the international organisation the article last named"
            }
        }
    }
}

/// Does an agent-only phrase end in an event noun right after its agent ("the deadly guerrilla
/// attack", "a police raid", "the army offensive")? The agent then names who acts, as "the
/// attack by guerrillas" would, where before a thing ("military exercises") it only modifies.
fn names_the_actor_of_its_act(
    lex: &Lexicon,
    s: &SentenceView,
    mentions: &[Mention],
    np: &SimpleNp,
) -> bool {
    let (_, last) = name_span(s, mentions, np.start, np.end);
    last + 1 == np.end && s.event_noun(lex, last).is_some()
}

/// Is an agent-only phrase headed by a noun of those who lead or speak for the agent ("military
/// leaders", "rebel commanders' envoys", "police officials")? The phrase names the agent, as "the
/// leaders of the military" would.
fn headed_by_representative(s: &SentenceView, mentions: &[Mention], np: &SimpleNp) -> bool {
    let (_, last) = name_span(s, mentions, np.start, np.end);
    last + 1 == np.end && english::is_representative(s.word(last))
}

/// A noun phrase that names one actor or several (a compound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorPhrase {
    pub start: usize,
    pub end: usize,
    pub members: Vec<ActorCode>,
}

/// The country part of an actor code when no country is known.
pub const UNKNOWN_COUNTRY: &str = "---";

/// The state an actor code belongs to (`FRAGOV` → `FRA`): its first unit when that is a country,
/// not unknown (`---`) nor one of CAMEO's actor types (international, non-governmental,
/// multinational; or a sector with no country: Reuters is `MED`, and "Reuters witnesses" tell
/// no article's country).
pub fn state_of(code: &str) -> Option<&str> {
    code.get(..3)
        .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()) && !is_actor_type_unit(c.as_bytes()))
}

/// Is an agent code (its first three letters: "GOV", "MILSPY" → "MIL") a body of a state's own —
/// government, armed forces, police, judiciary, legislature, intelligence — as opposed to a
/// sector of its society (opposition, media, business)?
pub fn is_state_body(agent: &str) -> bool {
    matches!(
        agent.get(..3),
        Some("GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY")
    )
}

/// Does an actor code ("KENCOP", "SDNREBUAF") name an armed role after its country — armed
/// forces, police, rebels, insurgents, militias, intelligence — as opposed to civilians,
/// officials or a sector of society?
pub fn is_armed(code: &str) -> bool {
    code.as_bytes()
        .get(3..)
        .unwrap_or_default()
        .chunks(3)
        .any(|s| matches!(s, b"MIL" | b"COP" | b"REB" | b"UAF" | b"INS" | b"SPY"))
}

/// Is a unit of three capital letters one of CAMEO's actor types? (Asked of every actor the
/// coder meets: a table of all 26³ units, filled once from the CAMEO type list.)
fn is_actor_type_unit(unit: &[u8]) -> bool {
    static TYPES: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    let index = |u: &[u8]| {
        u.iter().take(3).fold(0usize, |n, &b| {
            n * 26 + usize::from(b.saturating_sub(b'A')).min(25)
        })
    };
    let types = TYPES.get_or_init(|| {
        let mut t = vec![false; 26 * 26 * 26];
        let table = dyad_dict::cameo::CameoTable::bundled();
        for info in table.actor_codes(dyad_dict::cameo::ActorCodeKind::Type) {
            let c = info.code.as_bytes();
            if c.len() == 3 && c.iter().all(u8::is_ascii_uppercase) {
                t[index(c)] = true;
            }
        }
        t
    });
    unit.len() == 3 && types[index(unit)]
}

/// A run of tokens with no verb, preposition, conjunction or punctuation inside: the simple noun
/// phrase the first pass builds.
#[derive(Debug, Clone)]
struct SimpleNp {
    start: usize,
    end: usize,
    /// The actor code without agents (empty for an agent-only phrase such as "the government").
    base: String,
    agents: Vec<u32>,
    /// Is the last word a dictionary word (the head: "the government", not the modifier in
    /// "military exercises")? Or is it followed only by a name the dictionaries do not know,
    /// whom it titles ("opposition leader Maria Kolesnikova", "rebel commander Joseph Kony")?
    head_is_mention: bool,
}

impl SimpleNp {
    fn has_actor(&self) -> bool {
        !self.base.is_empty()
    }
}

/// Add the agent's code to an actor code, skipping 3-letter units the code already has. A
/// title names the office held now: "President Suleiman" is LBNGOV even where the dictionary
/// has him as an elite (LBNELI).
pub fn apply_agent(code: &str, agent_code: &str, placement: Placement) -> String {
    let code = &if agent_code.starts_with("GOV") && code.len() >= 6 && &code[3..6] == "ELI" {
        format!("{}{}", &code[..3], &code[6..])
    } else {
        code.to_string()
    };
    let units: Vec<&str> = code
        .as_bytes()
        .chunks(3)
        .map(|c| std::str::from_utf8(c).unwrap_or(""))
        .collect();
    let mut extra = String::new();
    let bytes = agent_code.as_bytes();
    for chunk in bytes.chunks(3) {
        let unit = std::str::from_utf8(chunk).unwrap_or("");
        if !units.contains(&unit) {
            extra.push_str(unit);
        }
    }
    match placement {
        Placement::Append => format!("{code}{extra}"),
        Placement::Prepend => format!("{extra}{code}"),
    }
}

fn code_with_agents(lex: &Lexicon, base: &str, agents: &[u32]) -> String {
    let mut code = base.to_string();
    for &a in agents {
        let agent = &lex.dicts.agents.entries[a as usize];
        code = apply_agent(&code, &agent.code, agent.placement);
    }
    code
}

/// "Army Chief Ashok Singhal", where the dictionaries' Singhal leads a Hindu NGO: a state
/// office's title right before a name the dictionaries give to a non-state body's person is
/// the state's officer, a namesake — the title says who holds the office — of no country yet.
/// ("ICRC President Peter Maurer": the body named before the title is whose office it is,
/// and the title is not a state's.)
fn namesake_of_a_title(lex: &Lexicon, mentions: &[Mention], np: &SimpleNp, base: &str) -> bool {
    base.starts_with("NGO") && named_by_a_state_title(lex, mentions, (np.start, np.end))
}

/// Do the mentions of tokens `[start, end)` hold a state office's title right before a name
/// ("Army Chief Ashok Singhal"), with no non-state body named before the title ("ICRC
/// President Peter Maurer")?
fn named_by_a_state_title(
    lex: &Lexicon,
    mentions: &[Mention],
    (start, end): (usize, usize),
) -> bool {
    let inside = mentions.iter().filter(|m| start <= m.start && m.end <= end);
    let mut title = None;
    for m in inside {
        match m.kind {
            MentionKind::Agent(a) if title.is_none() => title = Some((a, m.end)),
            // (an actor before the title is whose office it is: a state's title, "Nepal's
            // Army Chief", stays one; a body's, "ICRC President", is the body's)
            MentionKind::Actor(id) => {
                let Some((a, end)) = title else {
                    let body = lex.dicts.actors.entries[id as usize]
                        .codes
                        .iter()
                        .any(|c| c.code.starts_with("NGO") || c.code.starts_with("IGO"));
                    if body {
                        return false;
                    }
                    continue;
                };
                let code = &lex.dicts.agents.entries[a as usize].code;
                return m.start == end && is_state_body(code);
            }
            _ => {}
        }
    }
    false
}

/// Is token `i` a boundary between simple noun phrases?
fn breaks_np(lex: &Lexicon, s: &SentenceView, i: usize, is_verb: &[bool]) -> bool {
    let id = s.word_ids(&lex.vocabulary)[i];
    is_verb[i] || lex.classes.of(id, s.word(i)) & CLASS_BREAKS_NP != 0 || s.is_punct(i)
}

/// "Thailand and Cambodia executed an immediate ceasefire": a verb the dictionaries do not
/// have, right after a name, in the past tense (the tagger's VBD, asked only of a lower-case
/// word in -ed there) ends the name's phrase, as a verb they have does; the words after it are
/// no part of the actor.
fn past_verb_after_name(s: &SentenceView, i: usize, mentions: &[Mention]) -> bool {
    i > 0
        && s.word(i).ends_with("ED")
        && !s.capitalized(i)
        && mentions.iter().any(|x| x.end == i)
        && s.tag(i) == Some(dyad_lang::tagger::Tag::VBD)
}

/// Assemble actor phrases from mentions. `is_verb[i]` marks tokens that are verbs.
pub fn actor_phrases(
    lex: &Lexicon,
    s: &SentenceView,
    mentions: &[Mention],
    is_verb: &[bool],
    date: Option<NaiveDate>,
) -> Vec<ActorPhrase> {
    let n = s.len();
    // 1. simple noun phrases containing at least one mention
    let mut nps: Vec<SimpleNp> = Vec::new();
    let mut m = 0;
    let mut i = 0;
    while i < n {
        if breaks_np(lex, s, i, is_verb) && !mentions.iter().any(|x| x.start <= i && i < x.end) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < n {
            let inside = mentions.iter().any(|x| x.start <= end && end < x.end);
            if !inside
                && (breaks_np(lex, s, end, is_verb) || past_verb_after_name(s, end, mentions))
            {
                break;
            }
            end += 1;
        }
        let mut base_options: Vec<String> = Vec::new();
        let mut agents = Vec::new();
        let (mut first, mut last) = (usize::MAX, 0);
        while m < mentions.len() && mentions[m].start < end {
            let mt = mentions[m];
            if mt.start >= start {
                match mt.kind {
                    MentionKind::Actor(a) => {
                        if let Some(code) = lex.dicts.actors.entries[a as usize].code_on(date) {
                            base_options.push(code.to_string());
                            first = first.min(mt.start);
                            last = last.max(mt.end);
                        }
                    }
                    MentionKind::Agent(g) => {
                        agents.push(g);
                        first = first.min(mt.start);
                        last = last.max(mt.end);
                    }
                }
            }
            m += 1;
        }
        if first != usize::MAX {
            // Several actors in one phrase ("China's Xi Jinping", "Arnor President X"): the most
            // specific code wins; on a tie the later one, the head of the phrase.
            let base = base_options
                .iter()
                .rev()
                .max_by_key(|c| c.len())
                .cloned()
                .unwrap_or_default();
            nps.push(SimpleNp {
                start,
                end,
                base,
                agents,
                // (an adverb the phrase ran on over is no head: "the chancellor later said")
                head_is_mention: last == end
                    || (last < end
                        && (last..end).all(|k| {
                            (s.capitalized(k) && !s.is_punct(k))
                                || english::is_adverb(s.word(k))
                                || english::is_time_word(s.word(k))
                        })),
            });
        }
        i = end.max(i + 1);
    }

    // 2. lists: phrases joined only by commas and conjunctions
    // An agent-only phrase joins only through a conjunction ("Danish media and government"),
    // so an appositive ("Osgiliath, the official news agency") stays apart.
    let joins = |a: &SimpleNp, b: &SimpleNp| -> bool {
        if b.start <= a.end {
            return false;
        }
        // "The foreign minister of Chile, Alberto van Klaveren, and the foreign minister of
        // Peru": a person's name set off by commas after a member names it, and the list goes
        // on after the name's closing comma
        let mut from = a.end;
        if s.word(from) == "," {
            let name_end = (from + 1..b.start.min(from + 7))
                .find(|&k| {
                    !(s.capitalized(k) || english::is_name_particle(s.word(k))) || s.is_punct(k)
                })
                .unwrap_or(b.start);
            if name_end > from + 1
                && s.word(name_end) == ","
                && matches!(s.word(name_end + 1), "AND" | "OR")
            {
                from = name_end;
            }
        }
        let between: Vec<&str> = (from..b.start).map(|k| s.word(k)).collect();
        let conj = between
            .iter()
            .any(|w| matches!(*w, "AND" | "OR" | "NOR" | "&"));
        !between.is_empty()
            && between.len() <= 2
            && (b.has_actor() || conj)
            && between
                .iter()
                .all(|w| matches!(*w, "," | "AND" | "OR" | "NOR" | "&"))
    };
    // a list ends with its conjunction: after "A and B" a name set off by a comma alone
    // begins something else ("talks between Clinton and Yeltsin, Clinton said")
    let conj_between = |a: &SimpleNp, b: &SimpleNp| {
        (a.end..b.start).any(|k| matches!(s.word(k), "AND" | "OR" | "NOR" | "&"))
    };
    let mut groups: Vec<Vec<SimpleNp>> = Vec::new();
    for np in nps {
        match groups.last_mut() {
            Some(g)
                if joins(g.last().expect("groups are never empty"), &np)
                    && (!g.windows(2).any(|w| conj_between(&w[0], &w[1]))
                        || conj_between(g.last().expect("non-empty"), &np)) =>
            {
                g.push(np)
            }
            _ => groups.push(vec![np]),
        }
    }
    // Names joined by commas alone are an apposition ("the US commander in Iraq, General
    // David Petraeus,"), not a list: a list ends with a conjunction.
    let mut split = Vec::with_capacity(groups.len());
    for g in groups {
        // ("Pakistan, China, Russia and many other countries": a list whose conjunction
        // joins the named to the others)
        let end = g.last().map_or(0, |np| np.end);
        let and_others = g.len() > 1
            && s.word(end) == "AND"
            && matches!(
                s.word(end + 1),
                "OTHER" | "OTHERS" | "MANY" | "SEVERAL" | "SOME" | "DOZENS" | "SCORES"
            );
        let has_conj = and_others
            || g.windows(2).any(|w| {
                (w[0].end..w[1].start).any(|k| matches!(s.word(k), "AND" | "OR" | "NOR" | "&"))
            });
        // a headline's list is of names joined by commas alone, at its start ("Azerbaijan,
        // Armenia accuse each other", "Saudi Arabia, Kuwait, UAE deposit $1 bln"): names of
        // different states, which no apposition joins
        let headline_list = g.len() > 1
            && g[0].start == 0
            && g.iter().all(|np| np.has_actor() && np.agents.is_empty())
            && {
                let states: Vec<&str> = g.iter().filter_map(|np| state_of(&np.base)).collect();
                states.len() == g.len()
                    && states
                        .iter()
                        .enumerate()
                        .all(|(i, a)| !states[..i].contains(a))
            };
        if has_conj || headline_list {
            split.push(g);
        } else {
            split.extend(g.into_iter().map(|np| vec![np]));
        }
    }
    let mut groups = split;

    // 3. "the government of Gondor", "ambassadors of A, B and C", "soldiers from Gondor": an
    //    agent-only phrase linked by OF/IN/FROM to a group of actors qualifies each of them.
    let mut k = 0;
    while k + 1 < groups.len() {
        let last = groups[k].last().expect("non-empty");
        let next_first = &groups[k + 1][0];
        // ("military exercises in Alaska": the agent is a modifier and the exercises are in
        // Alaska; "IN" links only an agent that heads its phrase, "activists in Arnor")
        let link_word = s.word(last.end);
        // ("the Minister of Foreign Affairs and Cooperation of Morocco": a title's own "and"
        // and capitalised words before the country's "of")
        let title_tail = s.word(last.end) == "AND"
            && (2..=3).any(|w| {
                next_first.start == last.end + w + 1
                    && s.word(last.end + w) == "OF"
                    && (last.end + 1..last.end + w).all(|k| s.capitalized(k) && !s.is_punct(k))
            });
        let link_ok = !last.has_actor()
            && (last.head_is_mention || link_word != "IN")
            && next_first.has_actor()
            && (next_first.start == last.end + 1 || title_tail)
            && (title_tail || matches!(s.word(last.end), "OF" | "IN" | "FROM" | "FOR" | "AT"));
        if link_ok {
            let agents = last.agents.clone();
            let link_start = last.start;
            let mut tail = groups.remove(k + 1);
            for np in tail.iter_mut() {
                let mut a = agents.clone();
                a.extend(np.agents.iter().copied());
                np.agents = a;
            }
            tail[0].start = link_start;
            let g = &mut groups[k];
            g.pop();
            g.extend(tail);
        } else {
            k += 1;
        }
    }

    // 4. "US and British activists": a bare actor before a conjunction shares the agents of
    //    the next member when that member is an actor word modifying its agents
    for g in groups.iter_mut() {
        for k in (0..g.len().saturating_sub(1)).rev() {
            let (a, b) = (&g[k], &g[k + 1]);
            let bare = a.has_actor() && a.agents.is_empty() && a.end - a.start == 1;
            let conj = (a.end..b.start).any(|t| matches!(s.word(t), "AND" | "OR"));
            if bare
                && conj
                && b.has_actor()
                && !b.agents.is_empty()
                && !matches!(s.word(b.start), "THE" | "A" | "AN")
            {
                let agents = b.agents.clone();
                g[k].agents = agents;
            }
        }
    }

    // 5. agent-only members borrow the actor of the member before them ("Danish media and
    //    government"); groups that still name no actor are dropped.
    let mut out = Vec::new();
    for g in groups {
        let mut members = Vec::new();
        let mut prev: Option<(String, Vec<u32>)> = None;
        for np in &g {
            let (base, agents) = if np.has_actor() {
                (np.base.clone(), np.agents.clone())
            } else if let Some((pb, pa)) = &prev {
                let mut a: Vec<u32> = pa[..pa.len().saturating_sub(1)].to_vec();
                a.extend(np.agents.iter().copied());
                (pb.clone(), a)
            } else if np.head_is_mention
                || names_the_actor_of_its_act(lex, s, mentions, np)
                || headed_by_representative(s, mentions, np)
            {
                // "insurgents", "the government": an agent of no known country, as PETRARCH
                // writes it (---REB, ---GOV); "the guerrilla attack": the actor of the act;
                // "military leaders": those who speak for it
                (UNKNOWN_COUNTRY.to_string(), np.agents.clone())
            } else {
                // "military exercises": the agent word only modifies a thing
                continue;
            };
            let (first, last) = name_span(s, mentions, np.start, np.end);
            let base = if namesake_of_a_title(lex, mentions, np, &base) {
                UNKNOWN_COUNTRY.to_string()
            } else {
                base
            };
            members.push(ActorCode {
                code: code_with_agents(lex, &base, &agents),
                start: np.start,
                end: np.end,
                char_start: s.tokens[first].start,
                char_end: s.tokens[last - 1].end,
                reached: Reached::Named,
            });
            prev = Some((base, agents));
        }
        if let (Some(f), Some(l)) = (members.first(), members.last()) {
            out.push(ActorPhrase {
                start: f.start,
                end: l.end,
                members,
            });
        }
    }
    out
}

/// The words that name a member: from its first dictionary mention to its last, and any
/// capitalised words right after it ("French President Emmanuel Macron"); not a leading
/// "Years later" nor a trailing adverb or verb the dictionaries did not know ("the ambassador
/// of Gondor later").
fn name_span(s: &SentenceView, mentions: &[Mention], start: usize, end: usize) -> (usize, usize) {
    let inside = || mentions.iter().filter(|m| m.start >= start && m.end <= end);
    let first = inside().map(|m| m.start).min().unwrap_or(start);
    let mut last = inside().map(|m| m.end).max().unwrap_or(end);
    while last < end && s.capitalized(last) && !s.is_punct(last) {
        last += 1;
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_do_not_repeat_units() {
        assert_eq!(apply_agent("CHNGOV", "GOV", Placement::Append), "CHNGOV");
        assert_eq!(apply_agent("ISR", "GOVPRS", Placement::Append), "ISRGOVPRS");
        assert_eq!(apply_agent("FRA", "NGO", Placement::Prepend), "NGOFRA");
        assert_eq!(apply_agent("DNKMUS", "MED", Placement::Append), "DNKMUSMED");
    }
}
