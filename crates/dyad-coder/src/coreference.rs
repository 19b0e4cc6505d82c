//! Who the words that name no one by themselves point to: "the two sides" (the last pair
//! named together), "the ministry" (the state body of the country last named as a subject),
//! "police" (an agent with no country: the article's), and the "I", "we" and "he" of
//! quotations (their speaker). What the coder remembers from one sentence of an article to
//! the next lives here.

use dyad_model::QuoteRecord;

use crate::clauses::Role;
use crate::mentions::{ActorCode, ActorPhrase, Reached};
use crate::sentence::SentenceView;

/// What the coder remembers from one sentence of an article to the next.
#[derive(Default)]
pub struct ArticleMemory {
    /// The last subject named, for "he", "they".
    pub last_subject: Option<Role>,
    /// Surnames of people named in full so far.
    pub aliases: crate::mentions::Aliases,
    /// The last two actors named together ("China and France"), for "the two sides".
    pub last_pair: Option<Vec<ActorCode>>,
    /// The country the article is about: its dateline's, for agents named without one.
    pub country: Option<String>,
    /// The countries of the actors named so far, with how often, in the order first named.
    pub named: Vec<(String, usize)>,
    /// Do agents named without a country take the article's? (The coding guide's
    /// convention; PETRARCH's leaves them without, `---`.)
    pub agents_take_country: bool,
}

/// "Police fired tear gas", "the prime minister said", "demonstrators marched" in a story
/// datelined Kinshasa: an agent named with no country of its own is of the country the story
/// is datelined in (CODCOP); in a story without a dateline, of the country the article has
/// named most often so far, this sentence's names included, when one stands out (none on a
/// tie). Descriptions
/// that point back to an actor ("the ministry" after "Russia", "the two sides") are resolved
/// before, and keep what they point to.
pub fn agents_take_the_article_country(phrases: &mut [ActorPhrase], memory: &mut ArticleMemory) {
    if !memory.agents_take_country {
        return;
    }
    // the country the article has named most often, when one stands out: on a tie it is
    // about several, and an agent's is not told
    let most_named = |named: &[(String, usize)]| {
        let top = named.iter().map(|c| c.1).max().unwrap_or(0);
        let mut at_top = named.iter().filter(|c| c.1 == top);
        match (at_top.next(), at_top.next()) {
            (Some(c), None) => Some(c.0.clone()),
            _ => None,
        }
    };
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
    if let Some(country) = country {
        for m in phrases.iter_mut().flat_map(|p| p.members.iter_mut()) {
            if let Some(agent) = m.code.strip_prefix(crate::mentions::UNKNOWN_COUNTRY) {
                m.code = format!("{country}{agent}");
                m.reached = if memory.country.is_some() {
                    Reached::DatelineCountry
                } else {
                    Reached::MostNamedCountry
                };
            }
        }
    }
    // the sentence's own actors count for the sentences after it
    memory.named = named;
}

/// "The ministry accused Britain", "the government condemned Beijing": a state body named by a
/// definite description alone, as a subject, is that of the country last named as a subject
/// ("Russia expelled the British ambassador. The ministry …" → RUSGOV). Its words stay its
/// evidence.
pub fn resolve_definite_descriptions(
    s: &SentenceView,
    phrases: &mut [ActorPhrase],
    last_subject: Option<&Role>,
) {
    let Some(country) = last_subject
        .and_then(|r| r.members.first())
        .and_then(|m| crate::mentions::state_of(&m.code))
        .map(str::to_string)
    else {
        return;
    };
    for p in phrases.iter_mut() {
        let subject_position =
            p.start == 0 || matches!(s.word(p.start - 1), "," | "AND" | "BUT" | "THAT");
        let [member] = p.members.as_mut_slice() else {
            continue;
        };
        let Some(agent) = member.code.strip_prefix(crate::mentions::UNKNOWN_COUNTRY) else {
            continue;
        };
        let state_body = matches!(
            agent.get(..3),
            Some("GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY")
        );
        if subject_position && s.word(p.start) == "THE" && state_body {
            member.code = format!("{country}{agent}");
            member.reached = Reached::LastSubjectCountry;
        }
    }
}

/// "the two sides", "both countries", "the two leaders", "all parties": the last two actors
/// the article named together. The phrase gets their codes; its words stay its evidence.
/// Whenever a sentence names a pair, it becomes the pair such words point to.
pub fn resolve_both_sides(
    s: &SentenceView,
    phrases: &mut Vec<ActorPhrase>,
    last_pair: &mut Option<Vec<ActorCode>>,
) {
    let nouns = |w: &str| {
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
        )
    };
    let mut found = Vec::new();
    for i in 0..s.len() {
        let (start, end) = match (s.word(i), s.word(i + 1), s.word(i + 2)) {
            ("THE", "TWO", n) if nouns(n) => (i, i + 3),
            ("BOTH", n, _) if nouns(n) && (i == 0 || s.word(i - 1) != "THE") => (i, i + 2),
            // "urged all parties to end the violence": the parties of the article's conflict
            ("ALL", "PARTIES" | "SIDES", _) => (i, i + 2),
            _ => continue,
        };
        if phrases.iter().any(|p| p.start < end && start < p.end) {
            continue;
        }
        if let Some(pair) = last_pair.as_ref() {
            let (cs, ce) = (s.tokens[start].start, s.tokens[end - 1].end);
            let members = pair
                .iter()
                .map(|m| ActorCode {
                    code: m.code.clone(),
                    start,
                    end,
                    char_start: cs,
                    char_end: ce,
                    reached: Reached::LastPair,
                })
                .collect();
            found.push(ActorPhrase {
                start,
                end,
                members,
            });
        }
    }
    if let Some(p) = phrases.iter().rev().find(|p| p.members.len() == 2) {
        *last_pair = Some(p.members.clone());
    }
    if !found.is_empty() {
        phrases.extend(found);
        phrases.sort_by_key(|p| p.start);
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
