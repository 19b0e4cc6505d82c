//! Verb recognition: which tokens are dictionary verbs used as verbs (not "the attack", "their
//! meeting"), and the verb group around each (auxiliaries, negation, modality, voice).

use dyad_model::Modality;

use crate::english;
use crate::lexicon::{Inflection, Lexicon, VerbCandidate, CLASS_NEVER_VERB};
use crate::mentions::Mention;
use crate::sentence::SentenceView;

/// A dictionary verb used as a verb in the sentence.
#[derive(Debug, Clone)]
pub struct VerbOccurrence {
    /// Token of the verb word itself.
    pub head: usize,
    /// Tokens `[first, last]` of the dictionary form (with its particles, e.g. "met with").
    pub first: usize,
    pub last: usize,
    /// First token of the verb group (auxiliaries, modals, negation, "about to").
    pub group_start: usize,
    pub candidate: VerbCandidate,
    pub negated: bool,
    pub modality: Modality,
    pub passive: bool,
    /// The modal of the group ("WILL", "WOULD", "MAY"), if any.
    pub modal: Option<String>,
    /// Carries tense (has or needs a subject of its own), as opposed to an infinitive,
    /// a gerund or a participle clause.
    pub finite: bool,
}

impl VerbOccurrence {
    /// The base form of the verb's dictionary entry ("FORCE" for "forced").
    pub fn base<'l>(&self, lex: &'l Lexicon) -> &'l str {
        let c = &self.candidate;
        lex.dicts.verbs.blocks[c.block].verbs[c.entry]
            .forms
            .first()
            .map_or("", |f| f.verb.as_str())
    }
}

/// Does the dictionary form match the tokens around `i`? Returns the first and last token.
fn form_matches(s: &SentenceView, i: usize, c: &VerbCandidate) -> Option<(usize, usize)> {
    let nb = c.form.before.len();
    if nb > i {
        return None;
    }
    for (k, w) in c.form.before.iter().enumerate() {
        if s.word(i - nb + k) != w {
            return None;
        }
    }
    for (k, w) in c.form.after.iter().enumerate() {
        if s.word(i + 1 + k) != w {
            return None;
        }
    }
    Some((i - nb, i + c.form.after.len()))
}

/// Index of the closest token left of `i` that is not an adverb or a closing quote
/// (`"Arnor" condemned`), or None at sentence start.
fn prev_content(s: &SentenceView, i: usize) -> Option<usize> {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let w = s.word(k);
        let closing_quote =
            matches!(w, "\"" | "”" | "»" | "'" | "''") && k > 0 && !s.is_punct(k - 1);
        if !english::is_adverb(w) && !closing_quote {
            return Some(k);
        }
    }
    None
}

/// Does the run of name and modifier words ending at `p` start right after one of these
/// articles ("a"/"an", "the", a possessive)?
fn opened_by_article(s: &SentenceView, p: usize, articles: impl Fn(&str) -> bool) -> bool {
    let mut k = p;
    for _ in 0..4 {
        let w = s.word(k);
        if articles(w) {
            return true;
        }
        if k == 0 || s.is_punct(k) || english::is_preposition(w) || english::is_conjunction(w) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Does an object (a determiner, a name, a possessive, an object pronoun, "each other",
/// "that") follow the verb form at `first`?
fn object_follows(s: &SentenceView, first: usize, in_mention: &[bool]) -> bool {
    let k = first + 1;
    if k >= s.len() {
        return false;
    }
    let w = s.word(k);
    english::is_determiner(w)
        || matches!(w, "HIS" | "ITS" | "THEIR" | "EACH" | "ONE" | "THAT")
        || english::is_object_pronoun(w)
        || in_mention[k]
        || (s.capitalized(k) && !s.is_punct(k))
}

/// Does the phrase ending at `p` stand right after "with" ("with both sides", "with Thailand")?
fn after_with(s: &SentenceView, p: usize) -> bool {
    let mut k = p;
    for _ in 0..4 {
        if s.is_punct(k) || k == 0 {
            return false;
        }
        if s.word(k - 1) == "WITH" {
            return true;
        }
        k -= 1;
    }
    false
}

/// Does the tagger read the word at `k` as a past tense or participle (VBD, VBN)? Asked of a
/// form spelt as its base ("cut", "hit", "shut"), whose tense only the tagger tells.
fn tagged_past(s: &SentenceView, k: usize) -> bool {
    matches!(
        s.tag(k),
        Some(dyad_lang::tagger::Tag::VBD | dyad_lang::tagger::Tag::VBN)
    )
}

/// Decide from the left context whether a candidate verb form is used as a verb.
fn used_as_verb(
    s: &SentenceView,
    first: usize,
    infl: Inflection,
    in_mention: &[bool],
    prev: Option<&VerbOccurrence>,
) -> Option<bool> {
    let next = s.word(first + 1);
    let Some(p) = prev_content(s, first) else {
        // Sentence-initial: "Rebuked by Eriador, ..." is a participle clause; a bare noun-like
        // form ("Resumption", "Talks") is not a verb.
        return match infl {
            Inflection::Past => Some(false),
            _ => None,
        };
    };
    let pw = s.word(p);
    let finite = Some(true);
    if infl == Inflection::Base
        && english::is_be(pw)
        && !matches!(s.tag(first), Some(dyad_lang::tagger::Tag::VBN))
    {
        // "is open to a meeting": a base form after a form of "be" is an adjective (a verb
        // after "be" is a participle: "is opening", "was opened"; or one spelt as its base,
        // "was hit", "were cut", which the tagger tells)
        return None;
    }
    if english::is_auxiliary(pw) || english::is_negator(pw) {
        // "will restore", "has renewed", "did not respond", "is acting"
        return finite;
    }
    if pw == "TO" {
        return if infl == Inflection::Base {
            Some(false)
        } else {
            None
        };
    }
    if english::is_determiner(pw) || english::is_number(pw) {
        // "the attack", "two exiled dissidents"
        return None;
    }
    // ("following talks with": the participle is a preposition there)
    if english::is_preposition(pw) || pw == "FOLLOWING" {
        // "by showing", "for building": a gerund
        return if infl == Inflection::Ing {
            Some(false)
        } else {
            None
        };
    }
    if next == "OF" && infl != Inflection::Past {
        return None;
    }
    // "confirmed that talks between them would start": "that" after a verb opens a clause
    // whose subject comes first, and an -s form there is that subject's plural noun when a
    // preposition follows it
    let complementizer = pw == "THAT" && prev.is_some_and(|v| v.last + 1 == p);
    if complementizer && infl == Inflection::ThirdSingular && english::is_preposition(next) {
        return None;
    }
    if english::is_subject_pronoun(pw) || matches!(pw, "WHO" | "WHICH" | "THAT") {
        return if infl == Inflection::Ing {
            None
        } else {
            finite
        };
    }
    // "…, calling Thailand's move a breach", "with both sides accusing each other", "with
    // Thailand alleging that …": a participle with an object, after a comma or in an
    // absolute "with", is a verb of its own clause (not finite)
    // (or a bare noun of one word for object: ", holding talks with Putin", ", firing teargas
    // inside and beating demonstrators"; not a noun a noun follows, "a new, enduring security
    // system"; the tagger asked last)
    let bare_object = || {
        let after = s.word(first + 2);
        (first + 2 >= s.len()
            || s.is_punct(first + 2)
            || english::is_preposition(after)
            || english::is_adverb(after)
            || english::is_conjunction(after))
            && s.tag(first + 1).is_some_and(|t| t.is_noun())
    };
    if infl == Inflection::Ing
        && (pw == "," || after_with(s, p))
        && (object_follows(s, first, in_mention) || bare_object())
    {
        return Some(false);
    }
    // "issued a statement urging calm", "sent a letter calling on Ethiopia to withdraw": a
    // participle after a noun of a message is a verb of its own clause, what the message says
    if infl == Inflection::Ing && english::is_message_noun(pw) {
        return Some(false);
    }
    // "the talks, mediated by IGAD, began": a participle between commas with its agent is a
    // passive of its own (not finite)
    if pw == "," && infl == Inflection::Past && next == "BY" {
        return Some(false);
    }
    if english::is_conjunction(pw) || pw == "," {
        // "… and promised aid"; "General David Petraeus, held talks": after an apposition;
        // "to give a speech and meet with": a second infinitive
        let name_at = |k: usize| in_mention[k] || s.capitalized(k);
        // "Gondor, the state's fiercest foe, condemned": a comma closing an apposition that
        // follows a name
        let after_apposition = pw == ","
            && (p.saturating_sub(10)..p).any(|k| s.word(k) == "," && k > 0 && name_at(k - 1));
        let after_name = pw == "," && p > 0 && (name_at(p - 1) || after_apposition);
        if prev.is_some_and(|v| !v.finite) && infl == Inflection::Base && pw != "," {
            return Some(false);
        }
        // "they liked what they found and plan to meet again": a base form after "and" that
        // an infinitive follows, in a clause a finite verb has opened, is a second finite
        // verb of a plural subject (a noun there takes a determiner: "and a plan to meet")
        if infl == Inflection::Base
            && pw == "AND"
            && prev.is_some_and(|v| v.finite)
            && next == "TO"
            && s.tag(first + 2) == Some(dyad_lang::tagger::Tag::VB)
        {
            return finite;
        }
        return if (prev.is_some() || after_name)
            && matches!(infl, Inflection::Past | Inflection::ThirdSingular)
        {
            finite
        } else {
            None
        };
    }
    if s.is_punct(p) {
        return None;
    }
    if in_mention[p] || s.capitalized(p) || english::is_time_word(pw) {
        // "Gondor launched", "Gollum abandoned", "Arnor on Thursday signed"; a base form only
        // after a plural or a compound ("The Philippines and France agree"), not in "an
        // Islamic State target"
        return match infl {
            Inflection::Ing => None,
            Inflection::Base => {
                // "a strict Islamic state in …": a base form ending a phrase that an
                // indefinite article opens is its (singular) head noun, not a verb
                if opened_by_article(s, p, |w| matches!(w, "A" | "AN")) {
                    return None;
                }
                // "ended their Helsinki summit": so too after a name in a phrase a possessive
                // opens, unless the name is a plural that can be a subject ("their
                // Democrats agree"); not "her", an object as often ("told her Moscow would")
                if opened_by_article(s, p, |w| english::is_possessive(w) && w != "HER")
                    && !pw.ends_with('S')
                {
                    return None;
                }
                let plural = pw.ends_with('S')
                    || english::is_unmarked_plural(pw)
                    || (p.saturating_sub(4)..p).any(|k| s.word(k) == "AND");
                // "Telemar left for", "agree that": a verb-like continuation
                let nw = s.word(first + 1);
                // "the deadly rebel attack on Monday": after a singular word in a phrase "the"
                // opens, a base form that a preposition follows is the phrase's head noun (a
                // verb of a singular subject would take -s; "the police attack the crowd"
                // has its object)
                if !plural && english::is_preposition(nw) && opened_by_article(s, p, |w| w == "THE")
                {
                    return None;
                }
                let continues =
                    english::is_preposition(nw) || english::is_determiner(nw) || nw == "THAT";
                // "Qatar cut diplomatic ties", "Egypt shut its border": a past tense spelt as
                // its base, which the tagger reads as a past (a participle after a name with
                // no agent after it is the name's verb: "Kyiv hit by missiles" has one)
                // (the tagger asked last: a sentence is tagged only when needed)
                let past = || nw != "BY" && tagged_past(s, first);
                (plural || continues || past()).then_some(true)
            }
            // after a common noun ("military exercises in Alaska") a third-person form is a
            // verb only when an object follows it ("the military exercises its right")
            Inflection::ThirdSingular if !s.capitalized(p) => {
                let nw = s.word(first + 1);
                let object_follows = english::is_determiner(nw)
                    || matches!(nw, "TO" | "THAT")
                    || in_mention.get(first + 1).copied().unwrap_or(false)
                    || s.capitalized(first + 1);
                object_follows.then_some(true)
            }
            _ => finite,
        };
    }
    // an unknown lower-case word: a noun ("crowds trashed") or an adjective ("diplomatic ties")
    match infl {
        Inflection::Past => finite,
        _ => None,
    }
}

/// Find the verbs of a sentence.
pub fn find_verbs(lex: &Lexicon, s: &SentenceView, mentions: &[Mention]) -> Vec<VerbOccurrence> {
    let n = s.len();
    let mut in_mention = vec![false; n];
    for m in mentions {
        for flag in in_mention.iter_mut().take(m.end).skip(m.start) {
            *flag = true;
        }
    }
    let ids = s.word_ids(&lex.vocabulary);
    let mut out: Vec<VerbOccurrence> = Vec::new();
    let mut i = 0;
    while i < n {
        let w = s.word(i);
        let never_verb = lex.classes.of(ids[i], w) & CLASS_NEVER_VERB != 0;
        if in_mention[i] || never_verb || s.proper_noun_like(i) {
            i += 1;
            continue;
        }
        // "face to face", "side by side", "hand in hand": a noun said twice about a
        // preposition is an adverbial idiom, neither word a verb ("face to face for the first
        // time" is no confrontation, nor "to face" an infinitive)
        // (the word compared first: it seldom recurs, and the preposition test costs more)
        let idiom = (i + 2 < n && s.word(i + 2) == w && english::is_preposition(s.word(i + 1)))
            || (i >= 2 && s.word(i - 2) == w && english::is_preposition(s.word(i - 1)));
        if idiom {
            i += 1;
            continue;
        }
        // "to further deepen", "to better understand": an adverb splitting an infinitive,
        // spelt as a verb, before the infinitive's own verb
        if i > 0
            && s.word(i - 1) == "TO"
            && english::splits_infinitives(w)
            && i + 1 < n
            && !lex.verbs.candidates(ids[i + 1]).is_empty()
        {
            i += 1;
            continue;
        }
        // the longest dictionary form that fits here
        let mut best: Option<(usize, usize, &VerbCandidate)> = None;
        for c in lex.verbs.candidates(ids[i]) {
            if let Some((f, l)) = form_matches(s, i, c) {
                if (f..=l).any(|k| in_mention[k] && k != i) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((bf, bl, _)) => l - f > bl - bf,
                };
                if better {
                    best = Some((f, l, c));
                }
            }
        }
        let Some((first, last, cand)) = best else {
            i += 1;
            continue;
        };
        // "UN-brokered talks", "US-led forces", "Iranian-backed attacks": a hyphenated
        // compound ending in a participle is an adjective, and the word it modifies a noun
        if first > 0 && english::is_participle_compound(s.word(first - 1)) {
            i += 1;
            continue;
        }
        // "direct talks between the army and the RSF", "that talks between them would
        // start": a word of the event-noun lexicon before "between" names the act, as a
        // noun; its pair follows
        if first == last && s.word(last + 1) == "BETWEEN" && lex.event_noun(ids[first]).is_some() {
            i += 1;
            continue;
        }
        let heuristic = used_as_verb(s, first, cand.inflection, &in_mention, out.last());
        let decision = with_tagger(s, i, first, cand.inflection, heuristic);
        let prev_finite = out.last().is_some_and(|v| v.finite);
        let decision = plural_noun_after_name(
            s,
            i,
            first,
            cand.inflection,
            &in_mention,
            decision,
            prev_finite,
        );
        // (a past form that ends a prepositional phrase describes its noun, no actor's act)
        let decision = decision.filter(|&finite| {
            !(finite
                && cand.inflection == Inflection::Past
                && first > 0
                && in_a_prepositional_phrase(s, first - 1, &in_mention))
        });
        match decision {
            Some(finite) => {
                let mut v = verb_group(s, i, first, last, cand.clone(), finite);
                if finite && reduced_relative(s, &v, &in_mention) {
                    v.finite = false;
                    v.passive = true;
                }
                // "the talks, mediated by IGAD,": a participle with its agent is passive; so
                // is one spelt as its base, as a headline writes it ("Kyiv hit by missiles")
                let base_participle = || {
                    cand.inflection == Inflection::Base && first == last && tagged_past(s, first)
                };
                if s.word(last + 1) == "BY"
                    && ((!finite && cand.inflection == Inflection::Past) || base_participle())
                {
                    v.passive = true;
                }
                out.push(v);
                i = last + 1;
            }
            None => i += 1,
        }
    }
    conditions_questions_and_no(s, &mut out);
    scheduled(s, &mut out);
    out
}

/// "was set to meet", "is due to visit", "is expected to attend": an infinitive after "be" and a
/// word of scheduling is an act to come, as "is to meet" is; "is ready to help", "stood ready to
/// assist", "are willing to join": one after an adjective of readiness is an act the subject
/// states it intends.
fn scheduled(s: &SentenceView, verbs: &mut [VerbOccurrence]) {
    for v in verbs.iter_mut() {
        let g = v.group_start;
        if g < 2 || s.word(g) != "TO" {
            continue;
        }
        let before = (g.saturating_sub(4)..g - 1)
            .rev()
            .map(|k| s.word(k))
            .find(|w| !english::is_adverb(w));
        let adjective = s.word(g - 1);
        let scheduled = (english::is_scheduled(adjective) && before.is_some_and(english::is_be))
            || (english::is_readiness(adjective) && before.is_some_and(english::is_readiness_link));
        if scheduled && v.modality == Modality::Asserted {
            v.modality = Modality::Intended;
        }
    }
}

/// What the verb group alone does not show: a condition ("If Russia attacks Ukraine, …") or a
/// question ("Will China attack Taiwan?") makes its verbs hypothetical, and an object
/// determined by "no" ("gave no aid to Russia") negates its verb.
fn conditions_questions_and_no(s: &SentenceView, verbs: &mut [VerbOccurrence]) {
    let n = s.len();
    let question_mark = (0..n)
        .rev()
        .find(|&k| !matches!(s.word(k), "\"" | "”" | "'" | "’" | ")"))
        .filter(|&k| s.word(k) == "?");
    // "Fernandez turned to Lula for support, saying: “What does someone in trouble do?”": a
    // question quoted at the end asks only what is inside the quotation
    let asked_from = question_mark.map_or(n, |q| {
        (1..q)
            .rev()
            .find(|&k| {
                s.word(k) == "“" || (s.word(k) == "\"" && matches!(s.word(k - 1), ":" | ","))
            })
            .unwrap_or(0)
    });
    let mut from = 0;
    for v in verbs.iter_mut() {
        let conditional = (from..v.group_start).any(|k| matches!(s.word(k), "IF" | "UNLESS"))
            && !(from..v.group_start).any(|k| s.word(k) == "AS" && s.word(k + 1) == "IF");
        let question = v.group_start >= asked_from;
        if question || conditional {
            v.modality = Modality::Hypothetical;
        }
        if s.word(v.last + 1) == "NO" {
            v.negated = true;
        }
        from = v.last + 1;
    }
}

/// The tagger's say on a verb candidate the context rules left undecided: a word it tags as a
/// finite verb (VBD, VBZ, VBP) is one. (Letting it veto the rules' verbs — a noun or adjective
/// tag overruling them — was measured and lost events on the GSR suite, so it does not.)
///
/// Some forms are never finite, so the tagger is not asked of them (tagging a sentence up to
/// a word costs more than all the rules): an -ing form, and a word right after a preposition
/// or a word that opens a noun phrase only ("for talks", "the attack", "Russia's demands").
fn with_tagger(
    s: &SentenceView,
    head: usize,
    first: usize,
    infl: Inflection,
    heuristic: Option<bool>,
) -> Option<bool> {
    use dyad_lang::tagger::Tag;
    let never_finite = infl == Inflection::Ing
        || (first > 0
            && (english::opens_noun_phrase_only(s.word(first - 1))
                || english::is_preposition(s.word(first - 1))));
    // ("the massive protests": nor after an adjective that an article opens; asked only of a
    // word the tagger reads as a verb)
    let after_adjective = || {
        first > 1
            && english::opens_noun_phrase_only(s.word(first - 2))
            && s.tag(first - 1).is_some_and(|t| t.is_adjective())
    };
    // the sentence is tagged only when a candidate needs it
    match heuristic {
        None if !never_finite
            && matches!(s.tag(head), Some(Tag::VBD | Tag::VBZ | Tag::VBP))
            && !after_adjective() =>
        {
            Some(true)
        }
        h => h,
    }
}

/// "US and Afghan forces killed", "Israeli forces shelled": an -s form right after a name or
/// a demonym is read as a verb by the context rules ("Gondor attacks Arnor"), but when the
/// tagger takes it for a plural noun and the next word is a finite verb, it is the head of
/// the subject that verb has. (The tagger alone may not veto a verb: see [`with_tagger`].)
fn plural_noun_after_name(
    s: &SentenceView,
    head: usize,
    first: usize,
    infl: Inflection,
    in_mention: &[bool],
    decision: Option<bool>,
    prev_finite: bool,
) -> Option<bool> {
    use dyad_lang::tagger::Tag;
    if decision != Some(true) || infl != Inflection::ThirdSingular || first == 0 {
        return decision;
    }
    let p = first - 1;
    if !(in_mention[p] || s.capitalized(p)) {
        return decision;
    }
    // "a professor of African studies", "the Iraqi forces": a name right after "of" or an
    // article modifies the -s form, a plural noun, and is no subject
    // (not the end of a longer name: "the US Secretary of state wants")
    if p > 0 && !in_mention[p - 1] && matches!(s.word(p - 1), "OF" | "THE" | "A" | "AN") {
        return None;
    }
    let plural = matches!(s.tag(head), Some(Tag::NNS | Tag::NNPS));
    // ("which Kinshasa charges is backed by Rwanda": a singular verb next has no plural for
    // its subject; the -s form is a verb of saying whose "that" is left out)
    let singular_next = matches!(s.word(head + 1), "IS" | "WAS" | "HAS");
    let verb_next = !singular_next
        && matches!(
            s.tag(head + 1),
            Some(Tag::VBD | Tag::VBN | Tag::VBZ | Tag::VBP | Tag::MD)
        );
    // "attacked Ukrainian positions.": a plural ending its clause after a finite verb's object
    // name is that object's head, not a verb with nothing after it
    let ends_clause = head + 1 >= s.len() || s.is_punct(head + 1);
    if plural && (verb_next || (ends_clause && prev_finite)) {
        None
    } else {
        decision
    }
}

/// "civilians imprisoned for acting…", "There were 10 soldiers killed in Ukraine": a bare
/// past participle right after a common noun and right before a preposition describes that
/// noun (a passive), when the sentence has another verb to be its predicate or opens with
/// "there was/were".
fn reduced_relative(s: &SentenceView, v: &VerbOccurrence, in_mention: &[bool]) -> bool {
    if v.group_start != v.first || v.candidate.inflection != Inflection::Past || v.first == 0 {
        return false;
    }
    // ("UN vehicles formerly used by peace-keepers": an adverb before the participle is its own)
    let mut p = v.first - 1;
    while p > 0 && english::is_adverb(s.word(p)) && !s.capitalized(p) {
        p -= 1;
    }
    if released_on_a_day(s, v, p)
        || done_by_after_a_noun(s, v, p)
        || done_by_before_the_predicate(s, v, p)
    {
        return true;
    }
    let noun_before =
        !s.capitalized(p) && !s.is_punct(p) && (in_mention[p] || s.word(p).ends_with('S'));
    let prep_after = english::is_preposition(s.word(v.last + 1)) && s.word(v.last + 1) != "TO";
    if !(noun_before && prep_after) {
        return false;
    }
    let existential = s.word(0) == "THERE" && english::is_be(s.word(1));
    let later_predicate =
        (v.last + 1..s.len()).any(|k| english::is_be(s.word(k)) || english::is_have(s.word(k)));
    existential
        || later_predicate
        || object_of_an_earlier_verb(s, v, p)
        || in_an_apposition(s, v, p)
}

/// "Libyan television, in a broadcast monitored in Cairo, said": a past form right after a
/// common noun that a determiner and a preposition open is no finite verb (the phrase is no
/// subject) but a participle that describes the noun, and tells no act of the actors before.
fn in_a_prepositional_phrase(s: &SentenceView, p: usize, in_mention: &[bool]) -> bool {
    p >= 2
        && !in_mention[p]
        && !s.capitalized(p)
        && !s.is_punct(p)
        && english::is_determiner(s.word(p - 1))
        && english::is_preposition(s.word(p - 2))
}

/// "Dejan Bulatovic, the Zajedno activist detained for 25 days for carrying an effigy of
/// Milosevic, appeared at today's rally": a participle in a noun phrase set off by commas
/// after a name, the sentence's predicate after the closing comma, describes the noun.
fn in_an_apposition(s: &SentenceView, v: &VerbOccurrence, p: usize) -> bool {
    use dyad_lang::tagger::Tag;
    // the commas first: they are cheap, and the tags are computed only when asked for
    let Some(open) = (0..p).rev().find(|&k| s.is_punct(k)) else {
        return false;
    };
    let Some(close) = (v.last + 1..s.len()).find(|&k| s.is_punct(k)) else {
        return false;
    };
    let mut predicate = close + 1;
    while predicate < s.len() && english::is_adverb(s.word(predicate)) {
        predicate += 1;
    }
    open > 0
        && s.word(open) == ","
        && s.word(close) == ","
        && s.capitalized(open - 1)
        && matches!(s.tag(predicate), Some(Tag::VBD | Tag::VBZ | Tag::VBP))
}

/// "urged all parties involved in the conflict to end the violence": a participle between the
/// object of an earlier finite verb and that object's infinitive describes the object.
fn object_of_an_earlier_verb(s: &SentenceView, v: &VerbOccurrence, p: usize) -> bool {
    use dyad_lang::tagger::Tag;
    // the infinitive first: it is cheap, and the tags are computed only when asked for
    let infinitive = (v.last + 1..(v.last + 9).min(s.len()))
        .take_while(|&k| {
            let w = s.word(k);
            // (no clause of its own between: "said in 2012 they would stop kidnapping to …")
            !s.is_punct(k)
                && !english::is_conjunction(w)
                && !english::is_subject_pronoun(w)
                && !english::is_auxiliary(w)
        })
        .any(|k| s.word(k) == "TO" && s.tag(k + 1) == Some(Tag::VB));
    infinitive && (0..p).any(|k| matches!(s.tag(k), Some(Tag::VBD | Tag::VBZ | Tag::VBP)))
}

/// "Leyva read the declaration signed by both parties": a participle between a common noun
/// and "by" after the sentence's finite verb is a passive describing the noun, its doer after
/// "by" (not a second predicate: "the president signed by decree" has no verb before it).
fn done_by_after_a_noun(s: &SentenceView, v: &VerbOccurrence, p: usize) -> bool {
    use dyad_lang::tagger::Tag;
    // "by" first: it is cheap, and the tags are computed only when asked for
    s.word(v.last + 1) == "BY"
        && !s.capitalized(p)
        && matches!(s.tag(p), Some(Tag::NN | Tag::NNS))
        && (0..p).any(|k| matches!(s.tag(k), Some(Tag::VBD | Tag::VBZ | Tag::VBP)))
}

/// "The ECOWAS delegation to Gambia led by President Buhari has left Banjul": a participle
/// with its agent after a noun phrase that opens the sentence, and the sentence's finite verb
/// after it, describes the noun phrase (a name may end it: "to Gambia").
fn done_by_before_the_predicate(s: &SentenceView, v: &VerbOccurrence, p: usize) -> bool {
    use dyad_lang::tagger::Tag;
    // "by" first: it is cheap, and the tags are computed only when asked for
    s.word(v.last + 1) == "BY"
        && !s.is_punct(p)
        && (0..p).all(|k| !s.is_punct(k) || s.word(k) == "'S")
        && !(0..p).any(|k| matches!(s.tag(k), Some(Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)))
        && (v.last + 2..s.len())
            .take_while(|&k| !english::is_conjunction(s.word(k)))
            .any(|k| matches!(s.tag(k), Some(Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD)))
}

/// "A report released Tuesday in the Rwandan capital alleged": a participle between a common
/// noun and a day ("Tuesday", "yesterday") describes the noun when a finite verb follows.
fn released_on_a_day(s: &SentenceView, v: &VerbOccurrence, p: usize) -> bool {
    use dyad_lang::tagger::Tag;
    // the day first: it is cheap, and the tags are computed only when asked for
    let day = english::is_time_word(s.word(v.last + 1));
    day && !s.capitalized(p)
        && matches!(s.tag(p), Some(Tag::NN | Tag::NNS))
        && (v.last + 2..s.len()).any(|k| matches!(s.tag(k), Some(Tag::VBD | Tag::VBZ)))
}

/// Collect the verb group to the left of the verb and read its negation, modality and voice.
fn verb_group(
    s: &SentenceView,
    head: usize,
    first: usize,
    last: usize,
    candidate: VerbCandidate,
    finite: bool,
) -> VerbOccurrence {
    let mut start = first;
    let mut negated = false;
    let mut modality = Modality::Asserted;
    let mut be_before_verb = false;
    let mut modal = None;
    let mut seen_non_adverb = false;
    let mut k = first;
    while k > 0 {
        let w = s.word(k - 1);
        let part_of_group = english::is_auxiliary(w)
            || english::is_negator(w)
            || english::is_adverb(w)
            // "was heavily and unjustly criticized"
            || (w == "AND"
                && k >= 2
                && english::is_adverb(s.word(k - 2))
                && english::is_adverb(s.word(k)))
            || (w == "AND"
                && k >= 2
                && english::is_adverb(s.word(k - 2))
                && english::is_adverb(s.word(k)))
            || w == "TO"
            || (w == "ABOUT" && s.word(k) == "TO")
            || (w == "GOING" && s.word(k) == "TO")
            // "might not be able to host", "was unable to attend": the ability's group is the
            // verb's, with its modal and negation
            || (matches!(w, "ABLE" | "UNABLE") && s.word(k) == "TO");
        if !part_of_group {
            break;
        }
        k -= 1;
        start = k;
        if english::is_intent_modal(w) || english::is_hypothetical_modal(w) {
            modal = Some(w.to_string());
        }
        if english::is_negator(w) || w == "UNABLE" {
            negated = true;
        } else if english::is_intent_modal(w)
            || (w == "ABOUT" || w == "GOING")
            || (english::is_be(w) && s.word(k + 1) == "TO")
        {
            if modality == Modality::Asserted {
                modality = Modality::Intended;
            }
        } else if english::is_hypothetical_modal(w) {
            modality = Modality::Hypothetical;
        }
        if english::is_be(w) && !seen_non_adverb {
            be_before_verb = true;
        }
        if !english::is_adverb(w) && !english::is_negator(w) {
            seen_non_adverb = true;
        }
    }
    // a trailing group start on an adverb belongs to the clause, not the verb group
    while start < first && english::is_adverb(s.word(start)) {
        start += 1;
    }
    // ("was hit", "were cut": a participle spelt as its base, which the tagger tells)
    let passive = be_before_verb
        && (candidate.inflection == Inflection::Past
            || (candidate.inflection == Inflection::Base
                && matches!(s.tag(head), Some(dyad_lang::tagger::Tag::VBN))));
    // "is about to restore", "will restore": the group's auxiliary carries the tense
    let finite = finite || (start..first).any(|k| english::is_auxiliary(s.word(k)));
    VerbOccurrence {
        head,
        first,
        last,
        group_start: start,
        candidate,
        negated,
        modality,
        passive,
        modal,
        finite,
    }
}

/// Does the verb group follow a conjunction directly ("… and promised", "…, but said")?
pub(crate) fn coordinated(s: &SentenceView, v: &VerbOccurrence) -> bool {
    let mut k = v.group_start;
    while k > 0 && (s.word(k - 1) == "," || english::is_adverb(s.word(k - 1))) {
        k -= 1;
    }
    k > 0 && matches!(s.word(k - 1), "AND" | "BUT" | "OR")
}

/// Is the verb group a member of a list of acts of one subject set off by commas, before the
/// list's last member joined by "and" ("Musharraf declared a state of emergency, suspended the
/// constitution and sacked the chief justice", "police fired tear gas, arrested 20 protesters
/// and detained the opposition leader")? A finite verb right after a comma, after a finite
/// verb, with "and" and a verb later in the sentence — not a verb of saying the speaker
/// follows ("…, said the minister", "…, added Lavrov").
pub(crate) fn listed(s: &SentenceView, verbs: &[VerbOccurrence], vi: usize) -> bool {
    let v = &verbs[vi];
    if vi == 0 || !v.finite || !verbs[vi - 1].finite || v.passive {
        return false;
    }
    let mut k = v.group_start;
    while k > 0 && english::is_adverb(s.word(k - 1)) {
        k -= 1;
    }
    if k == 0 || s.word(k - 1) != "," || verbs[vi - 1].last >= k - 1 {
        return false;
    }
    let next = s.word(v.last + 1);
    if english::is_inverting_speech(s.word(v.head)) && (next == "THE" || s.capitalized(v.last + 1))
    {
        return false;
    }
    (v.last + 1..s.len())
        .take_while(|&j| !matches!(s.word(j), ";" | ":" | "."))
        .any(|j| s.word(j) == "AND" && s.tag(j + 1).is_some_and(|t| t.is_verb()))
}
