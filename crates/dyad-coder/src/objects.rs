//! Objects: whom a clause's verb acts on — the actor phrase after it that is no prepositional
//! object's, a place named in passing aside ("held talks in Washington with"), what is sent set
//! apart from where it goes — and the doer after a passive's "by".

use crate::english;
use crate::lexicon::Lexicon;
use crate::mentions::{ActorPhrase, Reached};
use crate::role::Role;
use crate::sentence::SentenceView;
use crate::verbs::VerbOccurrence;

/// The object of verb `vi`: the first actor phrase after it in its clause, unless that phrase is
/// the subject of the next clause ("said China will provide").
pub(crate) fn object(
    lex: &Lexicon,
    s: &SentenceView,
    phrases: &[ActorPhrase],
    verbs: &[VerbOccurrence],
    vi: usize,
    clause_end: usize,
) -> Option<Role> {
    let v = &verbs[vi];
    let base = v.base(lex);
    // a passive's agent is in its own words: "imprisoned for acting against Moscow" does not
    // make Moscow the jailer
    let clause_end = if v.passive {
        verbs
            .get(vi + 1)
            .map_or(clause_end, |n| n.group_start.min(clause_end))
    } else {
        clause_end
    };
    // "cooperation on global issues like the war in Ukraine": examples are not the target;
    // "fired a missile, according to the US military": who reports it is not either
    let cut = (v.last + 1..clause_end).find(|&k| {
        matches!(s.word(k), "LIKE" | "INCLUDING")
            || (s.word(k) == "SUCH" && s.word(k + 1) == "AS")
            || (s.word(k) == "ACCORDING" && s.word(k + 1) == "TO")
    });
    // — but "freed 350 captives, including three Saudis": people who are no actor, of whom
    // "including" names some, are those people's country's
    let included = cut
        .filter(|&k| s.word(k) == "INCLUDING")
        .filter(|&k| {
            let before = if k > 0 && s.word(k - 1) == "," {
                k - 1
            } else {
                k
            };
            before > 0 && english::is_people_held_or_harmed(s.word(before - 1))
        })
        .filter(|&k| !phrases.iter().any(|p| p.start > v.last && p.start < k))
        .and_then(|k| {
            phrases
                .iter()
                .find(|p| p.start > k && p.start <= k + 2 && p.start < clause_end)
        });
    if let Some(p) = included {
        return Some(Role::of_phrase(p));
    }
    let clause_end = cut.unwrap_or(clause_end);
    // "welcomed the idea to fathom the willingness of Germany", "backed a plan to invite
    // Chile": an infinitive after a noun of a proposal says what is proposed, and the actors
    // in it are the infinitive's, not the verb's (a purpose's are the act's: "used tear gas
    // to disperse protesters")
    let clause_end = (v.last + 2..clause_end)
        .find(|&k| {
            // (the tagger is asked last: a sentence is tagged only when needed)
            s.word(k) == "TO"
                && english::takes_infinitive_content(s.word(k - 1))
                && s.tag(k + 1) == Some(dyad_lang::tagger::Tag::VB)
        })
        .unwrap_or(clause_end);
    // "will hold talks in Washington with his Cuban counterpart": a name after "in" or "at"
    // says where the act took place when another actor follows to be its target
    let mut after = phrases
        .iter()
        .filter(|p| p.start > v.last && p.start < clause_end);
    let first = after.next()?;
    let second = after.next();
    let p = match second {
        Some(next)
            if is_locative(s, (first.start, first.end))
                && !is_locative(s, (next.start, next.end)) =>
        {
            next
        }
        // "sent police officers to Haiti", "deployed troops into Kosovo", "recalled its
        // ambassadors to Ireland": what is sent is the subject's own (an agent named without a
        // country, or after "its", "their", "our"); the target is where it goes or was
        Some(next)
            if english::is_sending_verb(base)
                && (first.members.iter().all(|m| {
                    m.code.starts_with(crate::mentions::UNKNOWN_COUNTRY)
                        || matches!(
                            m.reached,
                            Reached::DatelineCountry
                                | Reached::MostNamedCountry
                                | Reached::AgentNamedBefore
                        )
                }) || (first.start > 0 && english::is_possessive(s.word(first.start - 1))))
                && next.start > 0
                && matches!(s.word(next.start - 1), "TO" | "INTO" | "FROM" | "IN") =>
        {
            next
        }
        _ => first,
    };
    if let Some(n) = verbs[vi + 1..].iter().find(|n| n.finite) {
        let mut k = p.end;
        while k < n.group_start && (english::is_adverb(s.word(k)) || s.word(k) == ",") {
            k += 1;
        }
        if k == n.group_start && !is_pp_object(s, p.start) {
            return None;
        }
    }
    Some(Role::of_phrase(p))
}

/// The phrase after "by" (or "by the") in a passive verb's clause, its doer.
pub(crate) fn by_agent<'p>(
    s: &SentenceView,
    phrases: &'p [ActorPhrase],
    verb: &VerbOccurrence,
    end: usize,
) -> Option<&'p ActorPhrase> {
    phrases.iter().find(|p| {
        p.start > verb.last + 1
            && p.start < end
            && (s.word(p.start - 1) == "BY"
                || (s.word(p.start - 1) == "THE" && s.word(p.start - 2) == "BY"))
    })
}

/// Is the phrase starting at token `start` the object of a preposition ("with Gondor", "by
/// Osgiliath soldiers", "in south Ithilen")?
pub fn is_pp_object(s: &SentenceView, start: usize) -> bool {
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        k -= 1;
        steps += 1;
        let w = s.word(k);
        if english::is_preposition(w) {
            // "hundreds of UN troops", "some of the rebels", "the leaders of France": the
            // phrase is still the head
            let quantity = w == "OF"
                && k > 0
                && (english::is_quantity(s.word(k - 1))
                    || english::is_representative(s.word(k - 1)));
            return !quantity;
        }
        let modifier = english::is_determiner(w)
            || (!s.capitalized(k) && !s.is_punct(k) && w.chars().all(|c| c.is_alphabetic()));
        if !modifier {
            return false;
        }
    }
    false
}

/// Is the phrase a place where something happened: a whole noun phrase after a preposition of
/// place ("in", "at", "near", "outside", "across": [`english::is_locative_preposition`],
/// through "the"), as "in Washington", "near Goma", not "in Israeli tank shelling"?
pub fn is_locative(s: &SentenceView, (start, end): (usize, usize)) -> bool {
    let mut k = start;
    if k > 0 && s.word(k - 1) == "THE" {
        k -= 1;
    }
    let ends_phrase = |k: usize| {
        k >= s.len()
            || s.is_punct(k)
            || english::is_preposition(s.word(k))
            || english::opens_clause(s.word(k))
    };
    // "in the Kenyan capital": the country's adjective names the place the noun after it is
    let whole = ends_phrase(end)
        || end < s.len() && english::is_place_noun(s.word(end)) && ends_phrase(end + 1);
    // "in the Ethiopian capital, Addis Ababa": a name set off after a place is that place
    if whole && k >= 2 && s.word(k - 1) == "," {
        let mut j = k - 1;
        while j > 0 && k - 1 - j < 5 && !s.is_punct(j - 1) {
            if matches!(s.word(j - 1), "IN" | "AT") {
                return true;
            }
            j -= 1;
        }
    }
    whole && k > 0 && english::is_locative_preposition(s.word(k - 1))
}
