//! Who the words that name no one by themselves point to: "the two sides", "the four
//! nations", "they" (the last group of that size named together or meeting), "the president"
//! (the person last named with the title), "the ministry" (the state body of the country last
//! named as a subject), "police" (an agent with no country: the article's), and the "I", "we"
//! and "he" of quotations (their speaker). What the coder remembers from one sentence of an article to
//! the next lives here.

use dyad_dict::cameo;
use dyad_model::QuoteRecord;

use crate::clauses::Role;
use crate::english;
use crate::lexicon::Lexicon;
use crate::mentions::{state_of, ActorCode, ActorPhrase, Reached};
use crate::sentence::SentenceView;

/// What the coder remembers from one sentence of an article to the next.
#[derive(Default)]
pub struct ArticleMemory {
    /// The last subject named, for "he", "they".
    pub last_subject: crate::clauses::LastSubjects,
    /// Actors named together ("China and France") or met ("Yoon met Kishida"), most recent
    /// last, for "the two sides", "the four nations".
    pub groups: Vec<Vec<ActorCode>>,
    /// Sentences since the most recent group was named or met.
    pub group_age: usize,
    /// The person last named with each office's title (agent entry → code): "Prime Minister
    /// Mark Carney" → "the prime minister".
    pub titles: rustc_hash::FxHashMap<u32, String>,
    /// The country the article is about: its dateline's, for agents named without one.
    pub country: Option<String>,
    /// The countries of the actors named so far, with how often, in the order first named.
    pub named: Vec<(String, usize)>,
    /// The country of the last actor the sentences so far named.
    pub last_named: Option<String>,
    /// The last international organisation the sentences so far named ("the U.N. Security
    /// Council"), whose resolutions a veto that names no body is cast against.
    pub last_body: Option<ActorCode>,
    /// People the dictionaries do not know, named in full beside a title.
    pub people: NamedPeople,
    /// The country each agent (its role code: "MIL", "COP", "REB") was last named with
    /// ("the Sudanese army"), for the same agent named again without one ("the army").
    pub agent_countries: Vec<(String, String)>,
    /// Do agents named without a country take the article's? (The coding guide's
    /// convention; PETRARCH's leaves them without, `---`.)
    pub agents_take_country: bool,
}

/// "Police fired tear gas", "the prime minister said", "demonstrators marched" in a story
/// datelined Kinshasa: an agent named with no country of its own is of the country the story
/// is datelined in (CODCOP); in a story without a dateline, of the country the article has
/// named most often so far, this sentence's names included (of several named as often, the
/// first named: the lede tells where the story is). Descriptions
/// that point back to an actor ("the ministry" after "Russia", "the two sides") are resolved
/// before, and keep what they point to.
pub fn agents_take_the_article_country(
    s: &SentenceView,
    phrases: &mut [ActorPhrase],
    memory: &mut ArticleMemory,
) {
    if !memory.agents_take_country {
        return;
    }
    // this sentence's names count too, as the surrounding actors the guide names: "Georgian
    // police dispersed protesters", "Cambodia arrests opposition leader", "troops repelled
    // Boko Haram insurgents"
    let mut named = std::mem::take(&mut memory.named);
    for m in phrases.iter().flat_map(|p| &p.members) {
        if m.code.starts_with(crate::mentions::UNKNOWN_COUNTRY) {
            continue;
        }
        if let Some(c) = crate::mentions::state_of(&m.code) {
            match named.iter_mut().find(|(n, _)| n == c) {
                Some((_, n)) => *n += 1,
                None => named.push((c.to_string(), 1)),
            }
        }
    }
    let country = memory.country.clone().or_else(|| most_named(&named));
    for m in phrases.iter_mut().flat_map(|p| p.members.iter_mut()) {
        // "foreign troops", "foreign journalists": of some country other than the article's
        if named_foreign(s, m) {
            continue;
        }
        give_the_article_country(m, memory, country.as_deref());
    }
    // the agents this sentence names with their country, for the sentences after it
    for m in phrases.iter().flat_map(|p| &p.members) {
        // (the agents given a country count too: a second country makes the agent ambiguous)
        if m.code.len() != 6 {
            continue;
        }
        let (Some(state), agent) = (crate::mentions::state_of(&m.code), &m.code[3..]) else {
            continue;
        };
        // (not the government, which every leader's name is: "the government", "the
        // ministry" point to the last subject's, [`resolve_definite_descriptions`])
        if agent == "GOV" || !agent.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        if !memory
            .agent_countries
            .iter()
            .any(|(a, c)| a == agent && c == state)
        {
            memory
                .agent_countries
                .push((agent.to_string(), state.to_string()));
        }
    }
    // the sentence's own actors count for the sentences after it
    memory.named = named;
}

/// Is the member named "foreign" ("foreign troops", "foreign media", "the foreign
/// peacekeepers")? It is then of a country other than the story's. (Not the foreign minister,
/// ministry, office or secretary, a state's own office for its foreign affairs.)
fn named_foreign(s: &SentenceView, m: &ActorCode) -> bool {
    (m.start..m.end.min(s.len())).any(|k| {
        s.word(k) == "FOREIGN"
            && !matches!(
                s.word(k + 1),
                "MINISTER"
                    | "MINISTERS"
                    | "MINISTRY"
                    | "MINISTRIES"
                    | "AFFAIRS"
                    | "OFFICE"
                    | "SECRETARY"
                    | "POLICY"
                    | "RELATIONS"
            )
    })
}

/// An agent of no known country takes the one the article has named it with ("the Sudanese
/// army … the army"), else `country`, the article's.
fn give_the_article_country(m: &mut ActorCode, memory: &ArticleMemory, country: Option<&str>) {
    let Some(agent) = m.code.strip_prefix(crate::mentions::UNKNOWN_COUNTRY) else {
        return;
    };
    let mut named_with = memory.agent_countries.iter().filter(|(a, _)| a == agent);
    if let (Some((_, c)), None) = (named_with.next(), named_with.next()) {
        m.code = format!("{c}{agent}");
        m.reached = Reached::AgentNamedBefore;
    } else if let Some(country) = country {
        m.code = format!("{country}{agent}");
        m.reached = if memory.country.is_some() {
            Reached::DatelineCountry
        } else {
            Reached::MostNamedCountry
        };
    }
}

/// "ISLAMABAD - … “We will recall our ambassador,” foreign minister Shah Mehmood Qureshi
/// announced": a speaker named by an agent with no country ("foreign minister …") is of the
/// country the story is datelined in, as the agent itself is, and so is the "we" and "I" that
/// stands for them. (Not of the country named most: quotes answer other countries' acts, whose
/// names they are full of.)
pub fn speakers_take_the_article_country(voices: &mut [(usize, Role)], memory: &ArticleMemory) {
    if !memory.agents_take_country || memory.country.is_none() {
        return;
    }
    for m in voices.iter_mut().flat_map(|(_, r)| r.members.iter_mut()) {
        give_the_article_country(m, memory, memory.country.as_deref());
    }
}

/// The country the article has named most often; of several named as often, the one named
/// first, as a story's lede names where it happens ("an ambush on UN peacekeepers in the
/// Central African Republic, in which a peacekeeper from Gabon and another from Morocco were
/// killed").
fn most_named(named: &[(String, usize)]) -> Option<String> {
    let top = named.iter().map(|c| c.1).max()?;
    // (`named` is in the order first named: of countries named as often, the first)
    named.iter().find(|c| c.1 == top).map(|c| c.0.clone())
}

/// "Qatar is sending a search and rescue team", "committed $500 million in budget support",
/// "Japan threatened to withhold loans": aid given or pledged (CAMEO 07, 033) and a threat (13:
/// one is always made against someone) to no one named go, under the guide, to the country
/// the story is about — its dateline's, else the one it has named most — when that is not the
/// actor's own.
pub fn story_country_target(memory: &ArticleMemory, code: &str, giver: &Role) -> Option<Role> {
    let directed = matches!(cameo::root(code), "07" | "13") || code.starts_with("033");
    if !memory.agents_take_country || !directed {
        return None;
    }
    let m = giver.members.first()?;
    let story = story_country(memory, m)?;
    let country = story.members[0].code.as_str();
    if giver
        .members
        .iter()
        .any(|g| crate::mentions::state_of(&g.code) == Some(country))
    {
        return None;
    }
    Some(story)
}

/// The country the story is about — its dateline's, else the one the article has named most —
/// with how it was reached.
fn story(memory: &ArticleMemory) -> Option<(String, Reached)> {
    match &memory.country {
        Some(c) => Some((c.clone(), Reached::DatelineCountry)),
        None => Some((most_named(&memory.named)?, Reached::MostNamedCountry)),
    }
}

/// The country the story is about ([`story`]) as an actor standing where `at` stands (for the
/// evidence), in the guide's convention only.
pub fn story_country(memory: &ArticleMemory, at: &ActorCode) -> Option<Role> {
    if !memory.agents_take_country {
        return None;
    }
    let (country, reached) = story(memory)?;
    Some(Role {
        members: vec![ActorCode {
            code: country,
            reached,
            ..at.clone()
        }],
        span: None,
        pronoun: false,
    })
}

/// Remember the country of the last actor the sentence names, for "the … country" in the
/// sentences after it ([`resolve_country_descriptions`]), in every convention.
pub fn remember_last_named(phrases: &[ActorPhrase], memory: &mut ArticleMemory) {
    if let Some(body) = phrases
        .iter()
        .rev()
        .flat_map(|p| p.members.iter().rev())
        .find(|m| m.code.starts_with("IGO"))
    {
        memory.last_body = Some(body.clone());
    }
    if let Some(last) = phrases
        .iter()
        .rev()
        .flat_map(|p| p.members.iter().rev())
        .find_map(|m| crate::mentions::state_of(&m.code))
    {
        memory.last_named = Some(last.to_string());
    }
}

/// "Lavrov visited Brazil and thanked the South American country", "the Central African
/// country restored ties with Beijing": a country described by "the", an adjective of place
/// and "country" or "nation" is one the article has named — the last one named before it, in
/// this sentence or an earlier — not the region its adjective names.
pub fn resolve_country_descriptions(
    s: &SentenceView,
    phrases: &mut [ActorPhrase],
    memory: &ArticleMemory,
) {
    for j in 0..phrases.len() {
        let p = &phrases[j];
        let [member] = p.members.as_slice() else {
            continue;
        };
        let the = s.word(p.start) == "THE" || (p.start > 0 && s.word(p.start - 1) == "THE");
        let described = the
            && [p.end - 1, p.end]
                .iter()
                .any(|&k| matches!(s.word(k), "COUNTRY" | "NATION"))
            && member.code.len() == 3;
        if !described {
            continue;
        }
        let own = member.code.clone();
        let Some(country) = named_before(&phrases[..j], memory, &own) else {
            continue;
        };
        let m = &mut phrases[j].members[0];
        m.code = country;
        m.reached = Reached::DescribedCountry;
    }
}

/// The last state named before a phrase — in the sentence's phrases before it, else in the
/// sentences before — other than `except`: the country a description points back to.
fn named_before(before: &[ActorPhrase], memory: &ArticleMemory, except: &str) -> Option<String> {
    before
        .iter()
        .rev()
        .flat_map(|q| q.members.iter().rev())
        .find_map(|m| crate::mentions::state_of(&m.code).filter(|c| *c != except))
        .map(str::to_string)
        .or_else(|| memory.last_named.clone().filter(|c| c != except))
}

/// "South Sudan's security forces arrested members of the country's ruling party": an agent
/// of "the country's" (or "the nation's") is of the country the text has just named — the
/// last state named before it in the sentence, else in the sentences before — not of the
/// dateline's (a story about South Sudan datelined Addis Ababa).
pub fn resolve_the_countrys_agents(
    s: &SentenceView,
    phrases: &mut [ActorPhrase],
    memory: &ArticleMemory,
) {
    for j in 0..phrases.len() {
        let p = &phrases[j];
        let of_the_country = (p.start..p.end.saturating_sub(1)).any(|k| {
            k > 0
                && s.word(k - 1) == "THE"
                && matches!(s.word(k), "COUNTRY" | "NATION")
                && s.word(k + 1) == "'S"
        });
        if !of_the_country
            || !p
                .members
                .iter()
                .any(|m| m.code.starts_with(crate::mentions::UNKNOWN_COUNTRY))
        {
            continue;
        }
        let Some(country) = named_before(&phrases[..j], memory, "") else {
            continue;
        };
        for m in phrases[j].members.iter_mut() {
            if let Some(agent) = m.code.strip_prefix(crate::mentions::UNKNOWN_COUNTRY) {
                m.code = format!("{country}{agent}");
                m.reached = Reached::DescribedCountry;
            }
        }
    }
}

/// "Kadafi said the UN imposed sanctions on his country", "Erdogan said his nation stood
/// ready": a country named by a possessive is the country of the actor the possessive points
/// to — the nearest actor before it in the sentence with a country (for "his" and "her" a
/// person's, not a state named alone: a state is no "he"), else the last subject's.
pub fn resolve_possessed_countries(
    s: &SentenceView,
    phrases: &mut Vec<ActorPhrase>,
    last_subject: Option<&Role>,
) {
    let mut found = Vec::new();
    for i in 0..s.len().saturating_sub(1) {
        let person = match s.word(i) {
            "HIS" | "HER" => true,
            "ITS" | "THEIR" => false,
            _ => continue,
        };
        let noun = i + 1 + usize::from(s.word(i + 1) == "OWN");
        if !matches!(s.word(noun), "COUNTRY" | "NATION")
            || phrases.iter().any(|p| p.start <= noun && noun < p.end)
        {
            continue;
        }
        let fits = |code: &str| !(person && code.len() == 3);
        let before = phrases
            .iter()
            .rev()
            .filter(|p| p.end <= i)
            .flat_map(|p| p.members.iter().rev())
            .chain(last_subject.into_iter().flat_map(|r| r.members.iter()))
            .filter(|m| fits(&m.code))
            .find_map(|m| crate::mentions::state_of(&m.code));
        let Some(country) = before else {
            continue;
        };
        let country = std::iter::once(country.to_string());
        found.push(phrase_pointing_to(
            s,
            country,
            i,
            noun + 1,
            Reached::PossessorCountry,
        ));
    }
    if !found.is_empty() {
        phrases.extend(found);
        phrases.sort_by_key(|p| p.start);
    }
}

/// "The ministry accused Britain", "the government condemned Beijing": a state body named by a
/// definite description alone, as a subject, is that of the country last named as a subject
/// ("Russia expelled the British ambassador. The ministry …" → RUSGOV); after its verb, it is
/// the one the sentence last named with that role ("ordered U.S. Ambassador Goldberg to leave,
/// accusing the diplomat"). Its words stay its evidence.
pub fn resolve_definite_descriptions(
    s: &SentenceView,
    phrases: &mut [ActorPhrase],
    last_subject: Option<&Role>,
) {
    let country = last_subject
        .and_then(|r| r.members.first())
        .and_then(|m| crate::mentions::state_of(&m.code));
    for i in 0..phrases.len() {
        let p = &phrases[i];
        let subject_position =
            p.start == 0 || matches!(s.word(p.start - 1), "," | "AND" | "BUT" | "THAT");
        let [member] = p.members.as_slice() else {
            continue;
        };
        let Some(agent) = member.code.strip_prefix(crate::mentions::UNKNOWN_COUNTRY) else {
            continue;
        };
        if s.word(p.start) != "THE" || !crate::mentions::is_state_body(agent) {
            continue;
        }
        let resolved = if subject_position {
            country.map(|c| (format!("{c}{agent}"), Reached::LastSubjectCountry))
        } else {
            // "Morales ordered U.S. Ambassador Philip Goldberg to leave, accusing the diplomat
            // of …": after the verb, the one this sentence last named with that role
            phrases[..i]
                .iter()
                .rev()
                .flat_map(|q| q.members.iter().rev())
                .find(|m| {
                    m.code.get(3..) == Some(agent) && crate::mentions::state_of(&m.code).is_some()
                })
                .map(|m| (m.code.clone(), Reached::AgentNamedBefore))
        };
        if let Some((code, reached)) = resolved {
            let member = &mut phrases[i].members[0];
            member.code = code;
            member.reached = reached;
        }
    }
}

/// How many groups the memory keeps: enough for a story that names a few pairs in turn.
const GROUPS_KEPT: usize = 8;

/// Nouns that name the members of a group of actors: "the two sides", "the four nations".
fn names_group_members(w: &str) -> bool {
    matches!(
        w,
        "SIDES"
            | "COUNTRIES"
            | "NATIONS"
            | "LEADERS"
            | "GOVERNMENTS"
            | "PRESIDENTS"
            | "PARTIES"
            | "STATES"
            | "MINISTERS"
            | "NEIGHBOURS"
            | "NEIGHBORS"
            | "ALLIES"
            | "CAPITALS"
    )
}

/// "the two sides", "both countries", "the four Arab nations", "all parties": the last group
/// of that many actors the article named together ("China and France") or told of meeting
/// ([`remember_meetings`]). The phrase gets their codes; its words stay its evidence. A
/// count that fits no group the article has named points to no one.
pub fn resolve_groups(
    s: &SentenceView,
    phrases: &mut Vec<ActorPhrase>,
    memory: &mut ArticleMemory,
    events: &[dyad_model::Event],
) {
    let mut found = Vec::new();
    for i in 0..s.len() {
        // (start, end, members)
        let (start, end, size) = match (s.word(i), s.word(i + 1), s.word(i + 2)) {
            ("BOTH", n, _) if names_group_members(n) && (i == 0 || s.word(i - 1) != "THE") => {
                (i, i + 2, Some(2))
            }
            // "urged all parties to end the violence": the parties of the article's conflict
            ("ALL", "PARTIES" | "SIDES", _) => {
                if let Some(p) = conflict_parties(s, memory, events, i, i + 2) {
                    found.push(p);
                }
                continue;
            }
            // "the two sides", "the four Arab nations", "the three Baltic states"
            ("THE", n, _) => match english::count_word(n) {
                Some(count) => {
                    let Some(noun) = (i + 2..(i + 5).min(s.len()))
                        .take_while(|&k| !s.is_punct(k) && !english::is_conjunction(s.word(k)))
                        .find(|&k| names_group_members(s.word(k)))
                    else {
                        continue;
                    };
                    (i, noun + 1, Some(count))
                }
                // "the leaders", "the top leaders of the friendly countries": the group just
                // named, when it was (a capitalised modifier names another set: "the Gulf
                // states")
                None if memory.group_age <= 1 => {
                    let Some(noun) = (i + 1..(i + 4).min(s.len()))
                        .take_while(|&k| {
                            !s.is_punct(k)
                                && !s.capitalized(k)
                                && !english::is_conjunction(s.word(k))
                                && !english::is_preposition(s.word(k))
                        })
                        .find(|&k| names_group_members(s.word(k)))
                    else {
                        continue;
                    };
                    (i, noun + 1, None)
                }
                None => continue,
            },
            _ => continue,
        };
        // an actor's own name is no description ("the Two Sicilies"), but a modifier that
        // names one is part of it ("the two Korean leaders")
        if phrases
            .iter()
            .any(|p| p.start < start && start < p.end || p.start < end && end < p.end)
        {
            continue;
        }
        let group = match size {
            Some(n) => memory.groups.iter().rev().find(|g| g.len() == n),
            None => memory.groups.last(),
        };
        if let Some(group) = group {
            found.push(group_phrase(s, group, start, end));
        }
    }
    // ("the Nairobi and Luanda processes": names joined to modify a noun after them name
    // things, no group the article goes on about; adjectives of nationality before a noun,
    // "the Ukrainian and Polish diplomacies", name the countries' bodies, and are one)
    let modifies_noun = |p: &ActorPhrase| {
        let names_end = p.members.iter().map(|m| m.char_end).max().unwrap_or(0);
        let last = p.end - 1;
        let Some(name) = (p.start..last)
            .rev()
            .find(|&k| s.tokens[k].end <= names_end)
        else {
            return false;
        };
        names_end <= s.tokens[last].start
            && !s.capitalized(last)
            && !s.is_punct(last)
            && s.tag(name).is_some_and(|t| t.is_proper_noun())
    };
    for p in phrases
        .iter()
        .filter(|p| p.members.len() > 1 && !modifies_noun(p))
    {
        remember(&mut memory.groups, p.members.clone());
        memory.group_age = 0;
    }
    if !found.is_empty() {
        phrases.retain(|p| !found.iter().any(|f| f.start <= p.start && p.end <= f.end));
        phrases.extend(found);
        phrases.sort_by_key(|p| p.start);
    }
}

/// "called on all parties to cease hostilities", "urged all sides to exercise restraint": the
/// parties of the conflict the story is about — the two states of its last fight, if it told
/// of force used between two; else the last pair it named or told of meeting, when the story's
/// country is one of them ("Serbia and Kosovo"); else the story's country alone, whose sides
/// fight within it ("the escalation of violence in the CAR", whatever pair was named last:
/// "a peacekeeper from Gabon and another from Morocco were killed"). Under the guide's
/// convention only.
fn conflict_parties(
    s: &SentenceView,
    memory: &ArticleMemory,
    events: &[dyad_model::Event],
    start: usize,
    end: usize,
) -> Option<ActorPhrase> {
    let pair = memory.groups.iter().rev().find(|g| g.len() == 2);
    if !memory.agents_take_country {
        return Some(group_phrase(s, pair?, start, end));
    }
    if let Some(e) = last_fight(events) {
        let codes = [&e.source, &e.target].map(|a| a.as_ref().map(|a| a.code.clone()));
        let [Some(a), Some(b)] = codes else {
            return None;
        };
        return Some(phrase_pointing_to(
            s,
            [a, b].into_iter(),
            start,
            end,
            Reached::LastFight,
        ));
    }
    let (story, reached) = story(memory)?;
    if let Some(pair) = pair.filter(|g| g.iter().any(|m| state_of(&m.code) == Some(&story))) {
        return Some(group_phrase(s, pair, start, end));
    }
    Some(phrase_pointing_to(
        s,
        std::iter::once(story),
        start,
        end,
        reached,
    ))
}

/// The words `[start, end)` ("the two sides", "they") as a phrase naming a group's members.
fn group_phrase(s: &SentenceView, group: &[ActorCode], start: usize, end: usize) -> ActorPhrase {
    let codes = group.iter().map(|m| m.code.clone());
    phrase_pointing_to(s, codes, start, end, Reached::LastGroup)
}

/// The words `[start, end)`, which name no actor by themselves, as a phrase naming the actors
/// they point to (`codes`), reached as `reached` says; the words stay its evidence.
fn phrase_pointing_to(
    s: &SentenceView,
    codes: impl Iterator<Item = String>,
    start: usize,
    end: usize,
    reached: Reached,
) -> ActorPhrase {
    let (char_start, char_end) = (s.tokens[start].start, s.tokens[end - 1].end);
    let members = codes
        .map(|code| ActorCode {
            code,
            start,
            end,
            char_start,
            char_end,
            reached,
        })
        .collect();
    ActorPhrase {
        start,
        end,
        members,
    }
}

/// Keep a group as the most recent one.
fn remember(groups: &mut Vec<Vec<ActorCode>>, members: Vec<ActorCode>) {
    let same = |g: &Vec<ActorCode>| {
        g.len() == members.len() && g.iter().zip(&members).all(|(a, b)| a.code == b.code)
    };
    groups.retain(|g| !same(g));
    groups.push(members);
    if groups.len() > GROUPS_KEPT {
        groups.remove(0);
    }
}

/// "Yoon met Kishida in Tokyo. The two leaders agreed …": two actors of different countries
/// that a sentence told of meeting, calling or visiting one another (CAMEO root 04) are a pair
/// "the two leaders" can point to, as if named together — when the sentence tells of no other
/// meeting (of three leaders, or of mediators with each side, "the two sides" are not told).
/// So are two that it told of fighting (roots 18–20: "Israeli forces struck Gaza. The UAE
/// called for a ceasefire" — between the two sides), a state's government and its rebels
/// included.
pub fn remember_meetings(
    events: &[dyad_model::Event],
    groups: &mut Vec<Vec<ActorCode>>,
    group_age: &mut usize,
) {
    let mut pair: Option<(&dyad_model::ActorRef, &dyad_model::ActorRef)> = None;
    for e in events {
        let (Some(source), Some(target)) = (&e.source, &e.target) else {
            continue;
        };
        let state =
            |a: &dyad_model::ActorRef| crate::mentions::state_of(&a.code).map(str::to_string);
        let fight = matches!(e.root.as_str(), "18" | "19" | "20");
        // a civil conflict's sides are of one state: its government and its rebels
        let two_sides = state(source) != state(target)
            || (fight && is_insurgent(&source.code) != is_insurgent(&target.code));
        if !(e.root == "04" || fight) || e.negated || state(source).is_none() || !two_sides {
            continue;
        }
        match pair {
            None => pair = Some((source, target)),
            Some((a, b)) => {
                let same = (a.code == source.code && b.code == target.code)
                    || (a.code == target.code && b.code == source.code);
                if !same {
                    return;
                }
            }
        }
    }
    if let Some((source, target)) = pair {
        let member = |a: &dyad_model::ActorRef| ActorCode {
            code: a.code.clone(),
            start: 0,
            end: 0,
            char_start: a.start,
            char_end: a.end,
            reached: Reached::Named,
        };
        remember(groups, vec![member(source), member(target)]);
        *group_age = 0;
    }
}

/// Does the code name those who fight or oppose a state's government (rebels, the
/// opposition, insurgents): one side of a civil conflict, whose other is the government?
pub(crate) fn is_insurgent(code: &str) -> bool {
    let roles = code.get(3..).unwrap_or("");
    ["REB", "OPP", "INS"].iter().any(|u| roles.contains(u))
}

/// The last pair of actors of two states the article named together or told of meeting (or
/// of one state's two sides: its government and its rebels or opposition), as the parties a
/// call for restraint or a mediation is addressed to (not a pair the caller is of).
pub fn conflict_pair(groups: &[Vec<ActorCode>], caller: &Role) -> Option<Role> {
    fn state(c: &ActorCode) -> Option<&str> {
        crate::mentions::state_of(&c.code)
    }
    // (the callers themselves may be the last pair named: "Washington and Beijing urged")
    let calls_itself = |g: &[ActorCode]| {
        caller
            .members
            .iter()
            .any(|m| g.iter().any(|p| state(p) == state(m)))
    };
    // a civil conflict's two sides are of one state: its government and those who fight or
    // oppose it ("South Sudan's government and rebels")
    let sides = |g: &[ActorCode]| {
        state(&g[0]) != state(&g[1]) || is_insurgent(&g[0].code) != is_insurgent(&g[1].code)
    };
    let pair = groups
        .iter()
        .rev()
        .find(|g| g.len() == 2 && state(&g[0]).is_some() && sides(g) && !calls_itself(g))?;
    Some(Role {
        members: pair.clone(),
        span: None,
        pronoun: true,
    })
}

/// "Yoon met Kishida on Thursday. They agreed to resume a security dialogue": a "they" that
/// is a clause's subject, right after a sentence that named a group or told of a meeting whose
/// subject was one of its members, is the group — one actor is no "they".
pub fn resolve_they(
    s: &SentenceView,
    is_verb: &[bool],
    phrases: &mut Vec<ActorPhrase>,
    memory: &ArticleMemory,
) {
    let Some(group) = memory.groups.last().filter(|_| memory.group_age <= 1) else {
        return;
    };
    let single_member_subject = memory.last_subject.last.as_ref().is_some_and(
        |r| matches!(r.members.as_slice(), [m] if group.iter().any(|g| g.code == m.code)),
    );
    if !single_member_subject {
        return;
    }
    let mut found = Vec::new();
    for i in 0..s.len() {
        let subject_position = i == 0 || matches!(s.word(i - 1), "," | "AND" | "BUT" | "THAT");
        let verb_follows =
            i + 1 < s.len() && (is_verb[i + 1] || english::is_auxiliary(s.word(i + 1)));
        if s.word(i) != "THEY" || !subject_position || !verb_follows {
            continue;
        }
        found.push(group_phrase(s, group, i, i + 1));
    }
    if !found.is_empty() {
        phrases.extend(found);
        phrases.sort_by_key(|p| p.start);
    }
}

/// The agent title a phrase opens with (after "the"), if it is an office of government held
/// by one person, named in the singular: its agent entry and where its words end.
fn office_title(lex: &Lexicon, s: &SentenceView, start: usize) -> Option<(u32, usize)> {
    let at = start + usize::from(s.word(start) == "THE");
    let ids = s.word_ids(&lex.vocabulary);
    let (len, g) = lex.agents.longest_at(ids, at)?;
    let entry = &lex.dicts.agents.entries[g as usize];
    let singular = entry
        .phrases
        .first()
        .is_some_and(|p| p.len() == len && (0..len).all(|k| p[k] == s.word(at + k)));
    (singular && entry.code.starts_with("GOV")).then_some((g, at + len))
}

/// "Prime Minister Mark Carney met … The prime minister said": an office's title alone, in
/// the singular ("the president", "the prime minister"), is the person the article last named
/// with it — a reader's reading, which holds across the countries of a two-country story
/// where the dateline's would not. Then the sentence's own titled names are remembered.
pub fn resolve_titles(
    lex: &Lexicon,
    s: &SentenceView,
    phrases: &mut [ActorPhrase],
    titles: &mut rustc_hash::FxHashMap<u32, String>,
) {
    // "the prime minister and the president": each member by its own title
    for member in phrases.iter_mut().flat_map(|p| p.members.iter_mut()) {
        if !member.code.starts_with(crate::mentions::UNKNOWN_COUNTRY) {
            continue;
        }
        let Some((g, end)) = office_title(lex, s, member.start) else {
            continue;
        };
        // the title is all the member names (a phrase may run on over an adverb: "and the
        // president also")
        if (end..member.end).all(|k| !s.capitalized(k)) {
            if let Some(code) = titles.get(&g) {
                member.code = code.clone();
                member.reached = Reached::Title;
            }
        }
    }
    for p in phrases.iter() {
        let [member] = p.members.as_slice() else {
            continue;
        };
        // a person: a code with a role, named beyond the title ("Prime Minister Mark Carney",
        // "the President of the United States")
        let person =
            member.code.len() >= 6 && !member.code.starts_with(crate::mentions::UNKNOWN_COUNTRY);
        if !person || member.reached == Reached::Title {
            continue;
        }
        // the title may follow a country's name or adjective ("French President Emmanuel
        // Macron", "Chile's president Gabriel Boric")
        let titled = (member.start..member.end)
            .find_map(|k| office_title(lex, s, k))
            .filter(|&(_, end)| end < member.end);
        if let Some((g, _)) = titled {
            titles.insert(g, member.code.clone());
        }
    }
}

/// The pronouns of a sentence that stand for a quotation's speaker: "I" and "we" inside the
/// quotation, and the "he"/"she" that attributes it ("“…,” he added"), each with the speaker's
/// code and its own words as written.
pub fn voices<'q>(s: &SentenceView, quotes: &dyn Fn() -> &'q [QuoteRecord]) -> Vec<(usize, Role)> {
    let mut out = Vec::new();
    // the article's quotations are read only for a sentence with such a pronoun
    if !(0..s.len()).any(|i| matches!(s.word(i), "I" | "WE" | "HE" | "SHE")) {
        return out;
    }
    let quotes = quotes();
    if quotes.is_empty() {
        return out;
    }
    for (i, t) in s.tokens.iter().enumerate() {
        let w = s.word(i);
        let speaker = if matches!(w, "I" | "WE") {
            quotes
                .iter()
                .find(|q| q.start <= t.start && t.end <= q.end)
                .and_then(|q| q.speaker.as_ref())
        } else if matches!(w, "HE" | "SHE") {
            quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref())
                .find(|sp| sp.start <= t.start && t.end <= sp.end)
        } else {
            None
        };
        if let Some(sp) = speaker {
            let member = ActorCode {
                code: sp.code.clone(),
                start: i,
                end: i + 1,
                char_start: t.start,
                char_end: t.end,
                reached: Reached::Speaker,
            };
            out.push((
                i,
                Role {
                    members: vec![member],
                    span: Some((i, i + 1)),
                    pronoun: true,
                },
            ));
        }
    }
    out
}

/// People the dictionaries do not know, named in full with a title or an apposition that the
/// dictionaries do ("Opposition leader Levan Khabeishvili", "Kenya's foreign minister, Alfred
/// Mutua,"): their family names, each with the code the title gave (GEOOPP, KENGOV).
pub type NamedPeople = rustc_hash::FxHashMap<String, String>;

/// "Opposition leader Levan Khabeishvili was detained … Khabeishvili said": a person the
/// dictionaries do not know, once named in full beside a title, is the title's actor when the
/// article names them again by the family name, as a reader takes it. First the sentence's
/// family names of people named before become phrases; then its own titled names are
/// remembered (after the agents have their country: "opposition leader" in a Tbilisi story is
/// GEOOPP).
pub fn resolve_named_people(
    lex: &Lexicon,
    s: &SentenceView,
    phrases: &mut Vec<ActorPhrase>,
    people: &mut NamedPeople,
) {
    if !people.is_empty() {
        let mut k = 0;
        while k < s.len() {
            // (capitalised first, a look-up next, the phrases last: most words are none)
            let code = s
                .capitalized(k)
                .then(|| people.get(s.word(k)))
                .flatten()
                .filter(|_| !phrases.iter().any(|p| p.start <= k && k < p.end));
            if let Some(code) = code {
                let t = &s.tokens[k];
                let member = ActorCode {
                    code: code.clone(),
                    start: k,
                    end: k + 1,
                    char_start: t.start,
                    char_end: t.end,
                    reached: Reached::NamedPerson,
                };
                let at = phrases.partition_point(|p| p.start < k);
                // "Faría and Leyva thanked …": a name after "and" joins the phrase before it,
                // as the phrase reader joins the names it knows
                let joins = at > 0 && phrases[at - 1].end + 1 == k && s.word(k - 1) == "AND";
                if joins {
                    let before = &mut phrases[at - 1];
                    before.members.push(member);
                    before.end = k + 1;
                } else {
                    phrases.insert(
                        at,
                        ActorPhrase {
                            start: k,
                            end: k + 1,
                            members: vec![member],
                        },
                    );
                }
            }
            k += 1;
        }
    }
    for p in phrases.iter() {
        // a list's members each have their own span ("The Foreign Minister of Venezuela,
        // Carlos Faría, and the Minister of Foreign Affairs of Colombia, Álvaro Leyva Durán,
        // agreed"); a phrase of one member is read whole, its name inside it
        let single = p.members.len() == 1;
        for member in &p.members {
            // a title with a country and a role: a person's (KENGOV, GEOOPP)
            if member.code.len() < 6
                || member.code.starts_with(crate::mentions::UNKNOWN_COUNTRY)
                || member.reached == Reached::NamedPerson
            {
                continue;
            }
            let (start, end) = if single {
                (p.start, p.end)
            } else {
                (member.start, member.end)
            };
            for family in titled_name(lex, s, start, end, single) {
                people
                    .entry(s.word(family).to_string())
                    .or_insert_with(|| member.code.clone());
            }
        }
    }
}

/// The family-name words of the person a title at `[start, end)` names: the name inside the
/// phrase, after its title ("Opposition leader Levan Khabeishvili"), or set off by commas
/// after it or before it ("Kenya's foreign minister, Alfred Mutua," / "Alfred Mutua, Kenya's
/// foreign minister,", "summoned Hideo Tarumi, Japan's ambassador to China,"). A name of three
/// words or more may carry two family names, of which news uses the first ("Álvaro Leyva Durán"
/// … "Leyva"): each word after the first is one.
fn titled_name(
    lex: &Lexicon,
    s: &SentenceView,
    start: usize,
    end: usize,
    inside_allowed: bool,
) -> std::ops::Range<usize> {
    let inside = inside_allowed
        .then(|| name_ending_at(lex, s, end))
        .flatten()
        .filter(|&st| st > start)
        .map(|st| (st, end));
    let after = || {
        (s.word(end) == ",")
            .then(|| name_starting_at(lex, s, end + 1))
            .flatten()
            .filter(|&e| e == s.len() || s.word(e) == ",")
            .map(|e| (end + 1, e))
    };
    let before = || {
        (start >= 3 && s.word(start - 1) == ",")
            .then(|| name_ending_at(lex, s, start - 1))
            .flatten()
            // (after a verb or a preposition, the title must close its apposition: "met Mr.
            // Khrushchev, the President will …" names two men)
            .filter(|&st| {
                st == 0
                    || s.word(st - 1) == ","
                    || (!s.capitalized(st - 1)
                        && (end == s.len() || matches!(s.word(end), "," | "." | ";")))
            })
            .map(|st| (st, start - 1))
    };
    match inside.or_else(after).or_else(before) {
        Some((first, end)) => first + 1..end,
        None => 0..0,
    }
}

/// May the word at `k` be part of a person's name the dictionaries do not know: capitalised,
/// letters (with hyphens or initials' periods), and no actor, agent or common word?
fn unknown_name_word(lex: &Lexicon, s: &SentenceView, k: usize) -> bool {
    let w = s.word(k);
    w.len() > 1
        && s.capitalized(k)
        && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        && !english::is_determiner(w)
        && english::is_weekday(w).is_none()
        && {
            let id = [lex.vocabulary.id(w)];
            lex.actors.longest_at(&id, 0).is_none() && lex.agents.longest_at(&id, 0).is_none()
        }
}

/// The start of a name of two to four unknown words ending right before `end`, if any.
fn name_ending_at(lex: &Lexicon, s: &SentenceView, end: usize) -> Option<usize> {
    let mut st = end;
    while st > 0 && end - st < 4 && unknown_name_word(lex, s, st - 1) {
        st -= 1;
    }
    (end - st >= 2).then_some(st)
}

/// The end of a name of two to four unknown words starting at `start`, if any.
fn name_starting_at(lex: &Lexicon, s: &SentenceView, start: usize) -> Option<usize> {
    let mut e = start;
    while e < s.len() && e - start < 4 && unknown_name_word(lex, s, e) {
        e += 1;
    }
    (e - start >= 2).then_some(e)
}

/// The article's last event of force used between two states (CAMEO 18–20).
pub(crate) fn last_fight(events: &[dyad_model::Event]) -> Option<&dyad_model::Event> {
    events.iter().rev().find(|e| {
        matches!(e.root.as_str(), "18" | "19" | "20")
            && match (&e.source, &e.target) {
                (Some(a), Some(b)) => {
                    let (a, b) = (state_of(&a.code), state_of(&b.code));
                    a.is_some() && b.is_some() && a != b
                }
                _ => false,
            }
    })
}
