//! Clauses: each verb with its subject, its object, the words of its clause, its code, and the
//! verb it governs ("wants to [attack]", "said that [Iraq attacked]"). This is the layer a
//! parser would give PETRARCH; dyad reads it from the verb groups, actor phrases and the closed
//! class words around them.

use crate::english;
use crate::lexicon::{Inflection, Lexicon};
use crate::mentions::{ActorCode, ActorPhrase};
use crate::objects::{by_agent, object};
pub use crate::objects::{is_locative, is_pp_object};
use crate::patterns::{code_verb, CodedVerb};
pub use crate::role::Role;
use crate::sentence::SentenceView;
use crate::verbs::{coordinated, listed, VerbOccurrence};
use dyad_dict::cameo;
use dyad_dict::verbs::CodeSpec;
use dyad_model::Modality;

/// How a verb governs the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// "wants to attack", "urged Bree to help": a to-infinitive.
    Infinitive,
    /// "said (that) Iraq attacked": a clause with its own subject.
    Finite,
}

#[derive(Debug, Clone)]
pub struct Clause<'l> {
    pub verb: VerbOccurrence,
    /// Tokens `[start, end)` of the clause.
    pub start: usize,
    pub end: usize,
    /// The phrase before the verb (for a passive verb, the patient).
    pub subject: Option<Role>,
    /// The first actor after the verb in its clause (for a passive verb, the agent).
    pub object: Option<Role>,
    pub coded: CodedVerb<'l>,
    /// The verb this one governs, and how.
    pub complement: Option<(usize, Complement)>,
    /// The verb that governs this one.
    pub governor: Option<usize>,
    /// The verb this one is coordinated with, sharing its subject ("attacked Iraq and taken
    /// Mosul").
    pub coordinated_with: Option<usize>,
    /// Its subject is the object of the verb that governs it, which asks or lets that actor
    /// act ("invited Brazil to join the talks", "urged Bree to help"): the act is asked for,
    /// not reported.
    pub asked_of_object: bool,
    /// Its object is a noun of intent right before an infinitive ("reaffirmed their
    /// willingness to make joint efforts"): it commits its subject to the infinitive's act, as
    /// a commissive verb does.
    pub intent_noun: bool,
}

impl Clause<'_> {
    /// Source and target in the event's sense: a passive verb's agent is the source.
    pub fn source_target(&self) -> (Option<&Role>, Option<&Role>) {
        if self.verb.passive {
            (self.object.as_ref(), self.subject.as_ref())
        } else {
            (self.subject.as_ref(), self.object.as_ref())
        }
    }
}

/// The subjects the sentences so far named, for the pronouns of the next ("he added", "it
/// warned").
#[derive(Debug, Clone, Default)]
pub struct LastSubjects {
    /// The last subject named.
    pub last: Option<Role>,
    /// The last subject named whose head is no plural noun: what "it" points to ("India
    /// launched strikes. Officials said 600 militants were dug in. It warned Pakistan": India,
    /// not the militants).
    pub singular: Option<Role>,
    /// The last such subject that is a person, not a state named alone: what "he" and "she"
    /// point to ("Li visited Chad on a tour. He is due to move on to Eritrea": Li).
    pub person: Option<Role>,
}

/// Build the clauses of a sentence. `last_subject` carries the subjects named across
/// sentences, for pronouns ("he added").
pub fn clauses<'l>(
    lex: &'l Lexicon,
    s: &SentenceView,
    verbs: &[VerbOccurrence],
    phrases: &[ActorPhrase],
    voices: &[(usize, Role)],
    pattern_blind: &[bool],
    last_subject: &mut LastSubjects,
) -> Vec<Clause<'l>> {
    let mut out: Vec<Clause> = Vec::with_capacity(verbs.len());
    for (vi, verb) in verbs.iter().enumerate() {
        let start = clause_start(s, verbs, vi);
        let end = clause_end(s, verbs, vi);
        // "X condemned the attack and promised aid", "declared …, suspended … and sacked": the
        // verb before, whose subject this one shares
        let coordinated_with = (coordinated(s, verb) || listed(s, verbs, vi))
            .then(|| vi.checked_sub(1))
            .flatten()
            .and_then(|p| {
                if out[p].subject.is_some() {
                    Some(p)
                } else {
                    reporter_of_a_passive(verbs, &out, vi, p)
                }
            });
        let mut subject = match coordinated_with {
            Some(p) => out[p].subject.clone().map(|sub| Role { span: None, ..sub }),
            None => subject(
                lex,
                s,
                phrases,
                verbs,
                vi,
                start,
                &out,
                voices,
                last_subject,
            ),
        };
        // "accusing him of meddling in Fiji's affairs": a pronoun right after the verb is its
        // object; a name further on is not (the pronoun is resolved below, or not at all)
        // ("accusing each other of firing first amid escalating military tensions": a
        // reciprocal object is the subject's members, each to the others, likewise)
        let reciprocal = matches!(
            (s.word(verb.last + 1), s.word(verb.last + 2)),
            ("EACH", "OTHER") | ("ONE", "ANOTHER")
        );
        let pronoun_object = english::is_object_pronoun(s.word(verb.last + 1)) || reciprocal;
        let mut object = object(lex, s, phrases, verbs, vi, end).filter(|_| !pronoun_object);
        // "Gollum allowed that Mordor isn't a pleasant place", "said that an embargo against
        // Mordor would not work": with no object of its own, a verb whose clause stops at THAT
        // is about the actor its complement names — unless that actor is the subject of a
        // dictionary verb of the complement ("said that Mordor criticized Gondor" reports
        // Mordor's act, coded on its own)
        let mut end = end;
        if object.is_none() && s.word(end) == "THAT" {
            let next_finite = verbs[vi + 1..].iter().find(|n| n.finite);
            let limit = next_finite.map_or(s.len(), |n| n.group_start);
            let found = phrases
                .iter()
                .find(|p| p.start > end && p.start < limit)
                // (the subject of that verb stands right before it: "alleged that France was
                // aware …, and that the French military helped" is about France)
                .filter(|p| {
                    next_finite.is_none_or(|n| n.group_start > p.end + 2)
                        || is_pp_object(s, p.start)
                });
            if let Some(p) = found {
                object = Some(Role::of_phrase(p));
                end = limit.min(s.len());
            }
        }
        // "urged Bree to help", "wants to attack": an infinitive takes its subject from the
        // verb that governs it: that verb's object if it has one before the infinitive, else
        // its subject.
        // (the verb before a participle that modifies its object governs the infinitive after
        // the participle: "urged all parties involved in the conflict to end")
        let governs = |g: usize| matches!(out[g].complement, Some((c, _)) if c == vi);
        let governor = vi
            .checked_sub(2)
            .filter(|&g| governs(g))
            .or_else(|| vi.checked_sub(1).filter(|&g| governs(g)));
        if subject.is_none() && !verb.finite {
            if let Some(g) = governor {
                let gov: &Clause = &out[g];
                let controller = match &gov.object {
                    Some(o)
                        if o.span.is_some_and(|(_, e)| e <= verb.group_start)
                            && !gov.verb.passive =>
                    {
                        Some(o)
                    }
                    _ => gov.subject.as_ref(),
                };
                subject = controller.map(|r| Role {
                    span: None,
                    ..r.clone()
                });
            }
        }
        // "invited Brazil to join", "urged Chile and Peru to hold talks": the governing verb's
        // object is the infinitive's subject, asked (not forced) to act
        // ("urge both parties to take … and engage in the talks": a bare verb coordinated
        // with an infinitive asked of the object is asked too)
        let asked_of_object = !verb.finite
            && (coordinated_with.is_some_and(|p| out[p].asked_of_object)
                || governor.is_some_and(|g| {
                    let gov: &Clause = &out[g];
                    let same = |a: &Role, b: &Role| {
                        a.members
                            .iter()
                            .map(|m| &m.code)
                            .eq(b.members.iter().map(|m| &m.code))
                    };
                    !gov.verb.passive
                        && matches!((&gov.object, &subject), (Some(o), Some(sub)) if same(o, sub))
                        && !english::is_implicative(verb_base(lex, &gov.verb))
                }));
        // ("reaffirmed the cooperation involving the US in responding to the threat": the
        // phrase before a gerund after a preposition is no subject the article goes on with)
        let gerund_after_preposition = !verb.finite
            && verb.candidate.inflection == Inflection::Ing
            && verb.group_start > 0
            && english::is_preposition(s.word(verb.group_start - 1));
        if let Some(sub) = &subject {
            if sub.span.is_some() && !asked_of_object && !gerund_after_preposition {
                last_subject.last = Some(sub.clone());
                if !sub
                    .span
                    .is_some_and(|(_, end)| headed_by_plural(lex, s, end))
                {
                    last_subject.singular = Some(sub.clone());
                    if !sub.members.iter().all(|m| m.code.len() == 3) {
                        last_subject.person = Some(sub.clone());
                    }
                }
            }
        } else if verb.finite && out.is_empty() && uncoded_plural_subject(s, phrases) {
            // "Negotiators in the peace process agreed … They also decided": the "they" after
            // is the subject no dictionary knows, not a subject named before it
            last_subject.last = None;
        }
        // "expelled a British diplomat, accusing him of espionage": an object pronoun after a
        // participle that takes the clause before's subject points to that clause's direct
        // object (the phrase right after its verb)
        if pronoun_object && !verb.finite {
            let codes = |r: &Role| r.members.iter().map(|m| m.code.clone()).collect::<Vec<_>>();
            object = out
                .last()
                .filter(|c| c.verb.finite && !c.verb.passive)
                .filter(|c| match (&c.subject, &subject) {
                    (Some(a), Some(b)) => b.span.is_none() && codes(a) == codes(b),
                    _ => false,
                })
                .and_then(|c| {
                    let direct = |(st, _): (usize, usize)| st <= c.verb.last + 4;
                    c.object.as_ref().filter(|o| o.span.is_some_and(direct))
                })
                .map(|o| Role {
                    span: None,
                    pronoun: true,
                    ..o.clone()
                });
        }
        // "sanctions were imposed on Iran by the EU": a passive whose subject names no actor
        // has its doer after "by", and the phrase before that ("on Iran") is whom it was done
        // to — the subject's place in the event (source and target swap for passives)
        if verb.passive && subject.is_none() {
            if let Some(agent) = by_agent(s, phrases, verb, end) {
                let other = object
                    .as_ref()
                    .and_then(|o| o.span)
                    .is_some_and(|(st, _)| st < agent.start);
                if other {
                    subject = object.take();
                    object = Some(Role::of_phrase(agent));
                }
            }
        }
        let compound = subject.as_ref().is_some_and(|r| r.members.len() > 1);
        let coded = code_verb(lex, s, pattern_blind, verb, (start, end), compound);
        // a pattern's `+` says where the target is ("warned their people ABOUT +")
        if let Some((from, skip)) = coded.target_at {
            if let Some(r) = actor_at(s, phrases, from, skip, end) {
                object = Some(r);
            }
        }
        if let Some((from, skip)) = coded.source_at {
            if let Some(r) = actor_at(s, phrases, from, skip, end) {
                subject = Some(r);
            }
        }
        // "denied giving logistical backup to the militants", "denies backing the rebels": with
        // no pattern read, an actor after a gerund right after the verb is the gerund's object
        // (the act denied, stopped, avoided), not the verb's
        if coded.pattern.is_none() && coded.target_at.is_none() {
            let mut k = verb.last + 1;
            while english::is_adverb(s.word(k)) {
                k += 1;
            }
            let gerund = s.word(k).len() > 4 && s.word(k).ends_with("ING") && !s.capitalized(k);
            if gerund
                && object
                    .as_ref()
                    .is_some_and(|o| o.span.is_some_and(|(st, _)| st >= k))
            {
                object = None;
            }
        }
        let saying = is_saying(lex, verb, &coded);
        let complement = complement_of(s, verbs, phrases, vi, saying);
        // "France prepares to take on the presidency of the G7": an actor after an infinitive
        // that follows the verb at once is that infinitive's object, not this verb's (unless a
        // pattern placed it); in "provide $100 million to help Gaza" the infinitive is a
        // purpose and Gaza still receives
        if let (Some((k, Complement::Infinitive)), Some(o)) = (complement, &object) {
            let at_once = verbs[k].group_start == verb.last + 1;
            let beyond = o.span.is_some_and(|(st, _)| st > verbs[k].group_start);
            if at_once && beyond && coded.target_at.is_none() {
                object = None;
            }
        }
        let intent_noun = intent_noun_before_infinitive(lex, s, verb);
        let mut verb = verb.clone();
        // "Sánchez said Spain would send rescue teams": in reported speech "would" is the
        // speaker's "will" put in the past with the verb of saying, an announced act, not a
        // conditional one (unless a condition follows: "would send teams if asked")
        if backshifted_will(lex, s, &out, vi, &verb) {
            verb.modality = Modality::Intended;
        }
        // "accused Peru of arming the rebels": the act after an accusation's "of" is what is
        // alleged, not an act reported as done; "Clinton's attempts to ease Russia's concerns":
        // what an attempt tries is not done either
        if alleged_act(s, &out, &verb)
            || (!verb.finite
                && s.word(verb.group_start) == "TO"
                && others_attempt_before(s, verb.group_start))
        {
            verb.modality = Modality::Hypothetical;
        }
        // "Britain is deeply concerned by events in Serbia": the experiencer speaks; "South
        // Africa is committed to building ties": an adjective of commitment, its subject the
        // one committed, no doer after it
        if verb.passive
            && (english::is_object_experiencer(verb_base(lex, &verb))
                || (english::commits_as_adjective(verb_base(lex, &verb))
                    && s.word(verb.last + 1) == "TO"))
        {
            verb.passive = false;
        }
        out.push(Clause {
            intent_noun,
            verb,
            start,
            end,
            subject,
            object,
            coded,
            complement,
            governor,
            coordinated_with,
            asked_of_object,
        });
    }
    share_objects_of_coordinated_verbs(s, &mut out);
    out
}

/// "Chile denounced and sanctioned Peru", "the prime minister had telephoned and written to
/// Howard": two verbs joined by "and" with nothing between the first and the conjunction share
/// the object after the second (English's shared object of coordinated verbs); the first has
/// none of its own. Two verbs of one kind of act ("criticized and condemned Peru") tell one
/// act, which the second codes.
fn share_objects_of_coordinated_verbs(s: &SentenceView, out: &mut [Clause]) {
    fn root<'c>(c: &'c Clause) -> Option<&'c str> {
        match c.coded.code {
            CodeSpec::Code {
                forward: Some(code),
                ..
            } => code.get(..2),
            _ => None,
        }
    }
    for p in 1..out.len() {
        let (before, after) = out.split_at_mut(p);
        let (first, second) = (&mut before[p - 1], &after[0]);
        if first.object.is_some()
            || first.verb.passive
            || second.verb.passive
            || s.word(first.verb.last + 1) != "AND"
            || second.verb.group_start != first.verb.last + 2
            || (root(first).is_some() && root(first) == root(second))
        {
            continue;
        }
        first.object = second.object.clone();
    }
}

/// Does another's attempt stand right before token `to` ("Clinton's attempts to ease", "Peru's
/// efforts to end")? Its infinitive is what that other tries, not what the verb that has the
/// attempt as its object does ("welcomed Clinton's attempts to ease" welcomes the attempts;
/// "abandoned its efforts to stop the parade" is still the subject's own act).
fn others_attempt_before(s: &SentenceView, to: usize) -> bool {
    to >= 2 && english::is_attempt(s.word(to - 1)) && matches!(s.word(to - 2), "'S" | "’S" | "'")
}

/// Is the verb a gerund after the "of" of the accusation (CAMEO 11: "accused", which its
/// patterns may code a criticism) the clause before it codes? (Criticism "for" an act takes
/// the act as done: "criticised Orban for visiting Russia" reports the visit.)
fn alleged_act(s: &SentenceView, out: &[Clause], verb: &VerbOccurrence) -> bool {
    verb.candidate.inflection == Inflection::Ing
        && verb.group_start > 0
        && s.word(verb.group_start - 1) == "OF"
        && out
            .last()
            .is_some_and(|c| c.coded.code.forward().is_some_and(|f| f.starts_with("11")))
}

/// Is verb `vi` a "would" in the finite complement of a past verb of telling ("said",
/// "announced", "told reporters") with no condition after it in the sentence?
fn backshifted_will(
    lex: &Lexicon,
    s: &SentenceView,
    out: &[Clause],
    vi: usize,
    verb: &VerbOccurrence,
) -> bool {
    verb.modal.as_deref() == Some("WOULD")
        && verb.modality == Modality::Hypothetical
        && !verb.negated
        && out.last().is_some_and(|g| {
            g.complement == Some((vi, Complement::Finite))
                && g.verb.candidate.inflection == Inflection::Past
                && english::reports_statement(verb_base(lex, &g.verb))
                // ("said it was possible Jakarta would permit": a predicate between them
                // judges the act, it is no longer the speaker's word)
                && !(g.verb.last + 1..verb.group_start).any(|k| english::is_be(s.word(k)))
        })
        && !(verb.last + 1..s.len()).any(|k| english::opens_condition(s.word(k)))
}

/// Is the verb's object a noun of intent followed by an infinitive ("reaffirmed their
/// willingness to make", "expressed its strong determination to help")? Its object is looked
/// for within four words of the verb.
pub(crate) fn intent_noun_before_infinitive(
    lex: &Lexicon,
    s: &SentenceView,
    verb: &VerbOccurrence,
) -> bool {
    let nouns = &lex.dicts.event_nouns;
    if nouns.intent_nouns.is_empty() {
        return false;
    }
    (verb.last + 1..(verb.last + 5).min(s.len().saturating_sub(1)))
        .find(|&k| s.word(k + 1) == "TO")
        .is_some_and(|k| nouns.is_intent_noun(s.word(k)))
}

/// "according to the US military": who reports the act, neither its source nor its target.
fn is_attribution(s: &SentenceView, start: usize) -> bool {
    let the = usize::from(start > 0 && s.word(start - 1) == "THE");
    start >= 2 + the && s.word(start - 2 - the) == "ACCORDING" && s.word(start - 1 - the) == "TO"
}

/// The base form of a verb's dictionary entry ("FORCE" for "forced").
pub(crate) fn verb_base<'l>(lex: &'l Lexicon, v: &VerbOccurrence) -> &'l str {
    v.base(lex)
}

/// The actor phrase starting at or after token `from`, after skipping `skip` of them.
fn actor_at(
    s: &SentenceView,
    phrases: &[ActorPhrase],
    from: usize,
    skip: usize,
    end: usize,
) -> Option<Role> {
    let p = phrases
        .iter()
        .filter(|p| p.start >= from && p.start < end && !is_attribution(s, p.start))
        .nth(skip)?;
    Some(Role::of_phrase(p))
}

/// Does verb `vi` govern the next verb? An infinitive right after it (past its object), or a
/// clause opened by THAT, or — after a verb of saying — a bare clause ("said Iraq attacked").
fn complement_of(
    s: &SentenceView,
    verbs: &[VerbOccurrence],
    phrases: &[ActorPhrase],
    vi: usize,
    saying: bool,
) -> Option<(usize, Complement)> {
    let v = &verbs[vi];
    let mut n = verbs.get(vi + 1)?;
    let mut ni = vi + 1;
    // "urged all parties involved in the conflict to end the violence": a participle after the
    // object is part of it (a reduced relative), and the infinitive after it the verb's
    if let Some(m) = (!saying)
        .then(|| reduced_relative_before_infinitive(s, verbs, vi))
        .flatten()
    {
        n = &verbs[m];
        ni = m;
    }
    // the words between, but for the actor phrases' own ("urged Chile and Peru to")
    let between: Vec<&str> = (v.last + 1..n.group_start)
        .filter(|&k| !phrases.iter().any(|p| p.start <= k && k < p.end))
        .map(|k| s.word(k))
        .collect();
    if between.iter().any(|w| {
        matches!(
            *w,
            ";" | ":"
                | "AND"
                | "OR"
                | "BUT"
                | "WHO"
                | "WHICH"
                | "WHILE"
                | "WHEN"
                | "IF"
                | "BECAUSE"
                | "AFTER"
                | "BEFORE"
                | "SINCE"
                | "UNTIL"
                | "AS"
                | "WHERE"
        )
    }) {
        return None;
    }
    if between.len() > 12 {
        return None;
    }
    let close = !between
        .iter()
        .any(|w| *w == "THAT" || english::is_auxiliary(w) || english::is_negator(w));
    // ("welcomed Clinton's attempts to ease Russia's concerns": the infinitive says what
    // another's attempt before it tries, not what the verb does)
    let of_an_attempt = n.group_start > v.last + 2 && others_attempt_before(s, n.group_start);
    if !n.finite && s.word(n.group_start) == "TO" && close && !of_an_attempt {
        return Some((ni, Complement::Infinitive));
    }
    // (a participle that describes a noun, "a statement issued by the factions threatened
    // Israel", says nothing of the finite verb after it)
    let describes = v.passive && !v.finite;
    if ni == vi + 1
        && n.finite
        && !describes
        && (between.contains(&"THAT") || (saying && between.len() <= 6))
    {
        return Some((vi + 1, Complement::Finite));
    }
    None
}

/// For verb `vi` with a short object ("all parties"), a passive participle right after it
/// ("involved in the conflict") and an infinitive after that: the infinitive's index. The
/// participle modifies the object; the infinitive is the verb's ("urged all parties involved in
/// the conflict to end the violence").
fn reduced_relative_before_infinitive(
    s: &SentenceView,
    verbs: &[VerbOccurrence],
    vi: usize,
) -> Option<usize> {
    let (v, p, inf) = (&verbs[vi], verbs.get(vi + 1)?, verbs.get(vi + 2)?);
    let plain = |from: usize, to: usize, most: usize| {
        to > from
            && to - from <= most
            && (from..to).all(|k| {
                let w = s.word(k);
                !s.is_punct(k) && !english::opens_clause(w) && !english::is_conjunction(w)
            })
    };
    // (the participle may have been read as a past tense: "parties involved" as "they
    // involved"; a verb of saying, whose clause may follow, is not asked)
    let participle = (!p.finite && p.passive)
        || (p.finite && !p.passive && p.candidate.inflection == Inflection::Past);
    (v.finite
        && !v.passive
        && participle
        && p.group_start == p.first
        && !inf.finite
        && s.word(inf.group_start) == "TO"
        && plain(v.last + 1, p.group_start, 5)
        && plain(p.last + 1, inf.group_start, 8))
    .then_some(vi + 2)
}

/// A verb of saying or believing, which takes a clause as its object ("said Iraq attacked").
fn is_saying(lex: &Lexicon, verb: &VerbOccurrence, coded: &CodedVerb) -> bool {
    let code = coded.code.forward().unwrap_or("");
    let base = lex.dicts.verbs.blocks[verb.candidate.block].verbs[verb.candidate.entry]
        .forms
        .first()
        .map(|f| f.verb.as_str())
        .unwrap_or("");
    code.starts_with("01")
        || matches!(
            base,
            "SAY"
                | "CLAIM"
                | "ALLEGE"
                | "CHARGE"
                | "INSIST"
                | "DENY"
                | "ADMIT"
                | "BELIEVE"
                | "THINK"
                | "HOPE"
                | "ANNOUNCE"
                | "REPORT"
                | "WARN"
                | "ARGUE"
                | "ASSERT"
                | "STATE"
                | "ACKNOWLEDGE"
                | "CONFIRM"
                | "INDICATE"
                | "NOTE"
                | "SUGGEST"
                | "ADD"
                | "TELL"
        )
}

/// Is the phrase that ends before token `end` headed by a plural common noun ("up to 680 Afghan
/// militants", "security forces", "police"), not a name ("the United States", "the
/// Philippines")? Read from the word's form, not the tagger, which tags a sentence only when a
/// verb needs it.
fn headed_by_plural(lex: &Lexicon, s: &SentenceView, end: usize) -> bool {
    let Some(head) = end.checked_sub(1) else {
        return false;
    };
    let w = s.word(head);
    let plural_form = english::is_unmarked_plural(w)
        || (w.len() > 3 && w.ends_with('S') && !w.ends_with("SS") && !w.ends_with("US"));
    // (a sentence's first word is capitalized whatever it is: "Officials said" is headed by
    // an agent, "Philippines said" by a name)
    let common = if head == 0 {
        let word = [lex.vocabulary.id(w)];
        lex.agents.longest_at(&word, 0).is_some() && lex.actors.longest_at(&word, 0).is_none()
    } else {
        !s.capitalized(head)
    };
    plural_form && common
}

/// Does the sentence open with a plural common noun no actor phrase covers ("Negotiators in
/// the Colombian peace process agreed", "Mediators said")?
fn uncoded_plural_subject(s: &SentenceView, phrases: &[ActorPhrase]) -> bool {
    use dyad_lang::tagger::Tag;
    let first = usize::from(s.word(0) == "THE");
    !phrases.iter().any(|p| p.start <= first && first < p.end)
        && matches!(s.tag(first), Some(Tag::NNS))
}

/// The subject of verb `vi` not inherited through coordination (the clause loop gives that one:
/// "condemned … and promised", where an actor between the two verbs is the first verb's
/// object, a new subject standing after the conjunction): the nearest actor phrase to its left in the clause that is not a prepositional object,
/// or, for a pronoun, the speaker of the quotation it stands in or attributes ("“I hope…,” he
/// added") when there is one, else the last subject named.
#[allow(clippy::too_many_arguments)]
fn subject(
    lex: &Lexicon,
    s: &SentenceView,
    phrases: &[ActorPhrase],
    verbs: &[VerbOccurrence],
    vi: usize,
    clause_start: usize,
    earlier: &[Clause],
    voices: &[(usize, Role)],
    last_subject: &LastSubjects,
) -> Option<Role> {
    let v = &verbs[vi];
    // "Cambodia recalled its ambassador, calling Thailand's move a breach", "the minister
    // spoke, blaming Syria": a participle set off by a comma is about the subject before it,
    // that of a finite verb ("Bolivia ordered the ambassador to leave, accusing him": Bolivia
    // accuses, not the ambassador an infinitive made the subject of "leave")
    let participle = !v.finite && v.candidate.inflection == crate::lexicon::Inflection::Ing;
    // (through an adverb of its own: ", unanimously demanding that …")
    let after_comma = || {
        (0..v.group_start)
            .rev()
            .find(|&k| !english::is_adverb(s.word(k)))
            .filter(|&k| k + 3 >= v.group_start)
            .is_some_and(|k| s.word(k) == ",")
    };
    if participle && after_comma() {
        let finite = earlier
            .iter()
            .rev()
            .filter(|c| c.verb.finite)
            .find_map(|c| c.subject.as_ref());
        if let Some(sub) = finite.or_else(|| earlier.iter().rev().find_map(|c| c.subject.as_ref()))
        {
            return Some(Role {
                span: None,
                ..sub.clone()
            });
        }
    }
    // "the United States issued a statement urging calm", "the council passed a resolution
    // demanding a ceasefire": a participle right after a noun of a message is what its author
    // says in it, the author the subject of the clause the message is the object of
    if participle && v.group_start > 0 && english::is_message_noun(s.word(v.group_start - 1)) {
        let author = earlier
            .iter()
            .rev()
            .filter(|c| c.verb.finite && c.verb.last < v.group_start && !c.verb.passive)
            .find_map(|c| c.subject.as_ref());
        if let Some(sub) = author {
            return Some(Role {
                span: None,
                ..sub.clone()
            });
        }
    }
    // "South Africa remains committed to building ties": a participle right after a copula
    // ("remains", "stays", "became") is the copula's complement, about its subject
    if v.group_start > 0 && english::is_copula(s.word(v.group_start - 1)) && vi > 0 {
        let copula = &earlier[vi - 1];
        if copula.verb.last + 1 == v.group_start {
            if let Some(sub) = &copula.subject {
                return Some(Role {
                    span: None,
                    ..sub.clone()
                });
            }
        }
    }
    // "Russia, which invaded Ukraine in 2022, criticized France": after a relative clause set
    // off by commas the subject is its antecedent, not the relative clause's object
    if let Some(antecedent) = relative_antecedent(s, phrases, v.group_start) {
        return Some(antecedent);
    }
    // "fired tear gas at youths who were throwing stones", "protesters, who threw eggs": a
    // relative clause's subject is the phrase its "who" follows, whatever that
    // phrase is in the clause around it (here the object of "at")
    if let Some(p) = relative_head(s, phrases, v.group_start) {
        return Some(Role::of_phrase(p));
    }
    // "on a seven-nation African tour, which has taken him to Benin": a "which" after a comma
    // whose antecedent is a thing, no actor, is the subject (the nearest name before it, Chad
    // in "visited Chad on a tour, which", is not)
    if which_of_a_thing(s, phrases, v.group_start) {
        return None;
    }
    let mut i = v.group_start;
    // "Mandela, sternly dismissing U.S. reservations about his mission, arrived in Libya": a
    // participle clause set off by commas before the verb is about the subject before it
    if let Some(open) = parenthetical_participle(s, verbs, v, clause_start) {
        i = open;
    }
    let mut fallback = None;
    while i > clause_start {
        i -= 1;
        if let Some(p) = phrases.iter().find(|p| p.start <= i && i < p.end) {
            // "with both sides accusing each other", "with Thailand alleging": the actor of an
            // absolute "with" is the participle's subject
            let absolute = participle
                && p.end == v.group_start
                && p.start > 0
                && s.word(p.start - 1) == "WITH";
            if !is_pp_object(s, p.start) || absolute || agent_of_force_noun(lex, s, p, v) {
                let role = Role::of_phrase(p);
                // "The US commander in Iraq, General David Petraeus, held talks": the phrase
                // between commas is an apposition; the subject is the head before it
                let apposition = p.start > 0
                    && s.word(p.start - 1) == ","
                    && s.word(p.end) == ","
                    && p.end + 1 == v.group_start;
                if apposition {
                    let head = phrases.iter().rev().find(|q| {
                        q.end < p.start && q.start >= clause_start && !is_pp_object(s, q.start)
                    });
                    if let Some(q) = head {
                        return Some(Role::of_phrase(q));
                    }
                }
                return Some(role);
            }
            // "Evidence against Russia was presented by the US": a passive whose subject names
            // no actor has its patient in the subject's own phrase
            if v.passive && p.end == v.group_start && fallback.is_none() {
                fallback = Some(Role::of_phrase(p));
            }
            i = p.start;
            continue;
        }
        if let Some((_, voice)) = voices.iter().find(|(k, _)| *k == i) {
            return Some(voice.clone());
        }
        let w = s.word(i);
        if english::is_subject_pronoun(w) && w != "I" && w != "YOU" {
            // "he added", "it would act": the subject of a clause before in this sentence,
            // else the last subject named
            // ("he", "she" are persons, never a state named alone: "Helsinki" or "Russia"
            // is no antecedent of "he")
            let fits = |r: &Role| {
                !matches!(w, "HE" | "SHE") || !r.members.iter().all(|m| m.code.len() == 3)
            };
            let mut before = earlier.iter().rev().find_map(|c| c.subject.clone());
            // ("Israel recalled its ambassadors to Ireland, Norway and Spain after they
            // announced …": "they" is the group just named, not one state)
            let one_state = |r: &Role| matches!(r.members.as_slice(), [m] if m.code.len() == 3);
            if w == "THEY" && before.as_ref().is_some_and(one_state) {
                let group = earlier
                    .iter()
                    .rev()
                    .filter_map(|c| c.object.as_ref())
                    .find(|o| o.members.len() > 1);
                if let Some(g) = group {
                    before = Some(g.clone());
                }
            }
            let named_before = match w {
                "THEY" | "WE" => &last_subject.last,
                "HE" | "SHE" => &last_subject.person,
                _ => &last_subject.singular,
            };
            return before
                .or_else(|| named_before.clone())
                .filter(fits)
                .map(|r| Role {
                    members: r.members,
                    span: None,
                    pronoun: true,
                });
        }
    }
    // "A report released Tuesday in the Rwandan capital alleged", "a statement issued by the
    // ministry said": a subject with no actor of its own speaks for the actor its participle
    // names
    fallback
        .or_else(|| {
            let participle = verbs[..vi]
                .iter()
                .rev()
                .find(|u| !u.finite && u.passive && u.first >= clause_start)?;
            let p = phrases
                .iter()
                .find(|p| p.start > participle.last && p.end <= v.group_start)?;
            Some(Role::of_phrase(p))
        })
        .or_else(|| participants_named_after(s, phrases, v, clause_start))
}

/// Does a ", which" stand right before the verb group at `group_start`, its antecedent — the
/// word before the comma — part of no actor phrase?
fn which_of_a_thing(s: &SentenceView, phrases: &[ActorPhrase], group_start: usize) -> bool {
    let Some(which) = group_start.checked_sub(1) else {
        return false;
    };
    if s.word(which) != "WHICH" || which < 2 || s.word(which - 1) != "," {
        return false;
    }
    let antecedent = which - 2;
    !s.is_punct(antecedent)
        && !phrases
            .iter()
            .any(|p| p.start <= antecedent && antecedent < p.end)
}

/// The opening comma of a participle clause set off by commas right before verb `v`
/// (", sternly dismissing U.S. reservations about his mission, arrived"), if there is one.
fn parenthetical_participle(
    s: &SentenceView,
    verbs: &[VerbOccurrence],
    v: &VerbOccurrence,
    clause_start: usize,
) -> Option<usize> {
    let close = v.group_start.checked_sub(1)?;
    if s.word(close) != "," {
        return None;
    }
    let open = (clause_start..close).rev().find(|&k| s.word(k) == ",")?;
    verbs
        .iter()
        .any(|u| {
            !u.finite
                && u.candidate.inflection == Inflection::Ing
                && u.group_start > open
                && u.group_start < close
                && (open + 1..u.group_start).all(|k| english::is_adverb(s.word(k)))
        })
        .then_some(open)
}

/// "Negotiators in the peace process involving the government and the ELN agreed",
/// "representatives of both Armenia and Azerbaijan met": a subject headed by a noun of those
/// who take part for others (negotiators, delegations, envoys), its modifiers naming whom, is
/// the actors they name, together.
fn participants_named_after(
    s: &SentenceView,
    phrases: &[ActorPhrase],
    v: &VerbOccurrence,
    clause_start: usize,
) -> Option<Role> {
    let head = clause_start + usize::from(s.word(clause_start) == "THE");
    if !english::is_participants_noun(s.word(head)) || head >= v.group_start {
        return None;
    }
    // (one subject: no punctuation or clause between the noun and the verb)
    if (head + 1..v.group_start)
        .any(|k| s.is_punct(k) && !matches!(s.word(k), "(" | ")") || s.word(k) == "WHO")
    {
        return None;
    }
    // ("negotiators from Israel and Hamas in Cairo": a place where they meet is none of them)
    let place = |p: &ActorPhrase| {
        matches!(s.word(p.start - 1), "IN" | "AT" | "NEAR")
            && p.members.iter().all(|m| m.code.len() == 3)
    };
    let mut members: Vec<ActorCode> = Vec::new();
    for p in phrases
        .iter()
        .filter(|p| p.start > head && p.end <= v.group_start && !place(p))
    {
        for m in &p.members {
            if !members.iter().any(|x| x.code == m.code) {
                members.push(m.clone());
            }
        }
    }
    (members.len() > 1).then_some(Role {
        members,
        span: Some((head, v.group_start)),
        pronoun: false,
    })
}

/// The phrase a relative "who" right before `group_start` follows: the subject of the
/// relative clause's verb. ("which" is left to the clause: "the attack in Diyala which killed"
/// is the attack's, not the place's.)
fn relative_head<'p>(
    s: &SentenceView,
    phrases: &'p [ActorPhrase],
    group_start: usize,
) -> Option<&'p ActorPhrase> {
    // ("who also visited", "who has since met": adverbs between are the clause's)
    let mut rel = group_start.checked_sub(1)?;
    while rel > 0 && english::is_adverb(s.word(rel)) {
        rel -= 1;
    }
    if s.word(rel) != "WHO" || rel == 0 {
        return None;
    }
    // (set off by a comma, after any phrase: "Lukashenko, who has ruled"; right after it, only
    // after a common noun, "youths who": "a woman linked to Al-Qaeda who shot" is the woman's)
    let end = if s.word(rel - 1) == "," {
        rel - 1
    } else if !s.capitalized(rel - 1) {
        rel
    } else {
        return None;
    };
    phrases.iter().find(|p| p.end == end)
}

/// The actor a relative clause ending right before `group_start` ("…, which invaded Ukraine,
/// criticized") describes: the phrase just before ", which" / ", who".
fn relative_antecedent(
    s: &SentenceView,
    phrases: &[ActorPhrase],
    group_start: usize,
) -> Option<Role> {
    if group_start < 4 || s.word(group_start - 1) != "," {
        return None;
    }
    let lowest = group_start.saturating_sub(30);
    let mut k = group_start - 1;
    while k > lowest {
        k -= 1;
        let w = s.word(k);
        // "…, some of whom threw rocks, marched": a quantifier of the antecedent may come first
        let quantified = k >= 4
            && s.word(k - 1) == "OF"
            && english::is_quantifier(s.word(k - 2))
            && s.word(k - 3) == ",";
        let comma = if quantified { k - 3 } else { k - 1 };
        if matches!(w, "WHICH" | "WHO" | "WHOSE" | "WHOM")
            && k >= 2
            && (s.word(k - 1) == "," || quantified)
        {
            let p = phrases
                .iter()
                .rev()
                .find(|p| p.end <= comma && p.end + 1 >= comma)?;
            return Some(Role::of_phrase(p));
        }
        // "The Syrian Observatory for Human Rights, a UK-based group that tracks the war,
        // said": an appositive noun phrase with its own relative clause
        if w == "," && k >= 1 && matches!(s.word(k + 1), "A" | "AN" | "THE") {
            let relative =
                (k + 2..group_start - 1).any(|j| matches!(s.word(j), "THAT" | "WHO" | "WHICH"));
            if relative {
                let p = phrases.iter().rev().find(|p| p.end == k)?;
                return Some(Role::of_phrase(p));
            }
        }
        if matches!(w, ";" | ":") {
            return None;
        }
    }
    None
}

/// "An attack by Somali rebels killed 12 soldiers", "twin suicide bombings by ISIS killed 73
/// Iraqi civilians": the agent of an act of force named by an event noun (CAMEO 18–20) that is
/// the subject of the verb after it did what the verb says, as the noun's doer. Returns whether
/// the phrase is that agent: the object of "by" right after such a noun, with no comma between
/// it and the verb.
fn agent_of_force_noun(
    lex: &Lexicon,
    s: &SentenceView,
    p: &ActorPhrase,
    v: &VerbOccurrence,
) -> bool {
    p.start >= 2
        && s.word(p.start - 1) == "BY"
        && s.event_noun(lex, p.start - 2)
            .is_some_and(|n| matches!(cameo::root(&n.code), "18" | "19" | "20"))
        && v.finite
        && !v.passive
        && (p.end..v.group_start).all(|k| s.word(k) != ",")
}

/// "told Sun that such references were made and urged China to change course": an active verb
/// joined to the passive verb of a reported clause whose subject is no actor is the reporter's
/// second act, not the passive's subject's (a subject keeps its voice across "and": "was
/// arrested and charged"). Returns the reporting verb (a finite complement ending at the
/// passive, with a subject of its own).
fn reporter_of_a_passive(
    verbs: &[VerbOccurrence],
    out: &[Clause],
    vi: usize,
    passive: usize,
) -> Option<usize> {
    if verbs[vi].passive || !verbs[vi].finite || !verbs[passive].passive {
        return None;
    }
    out[..passive].iter().rposition(|c| {
        matches!(c.complement, Some((k, Complement::Finite)) if k == passive) && c.subject.is_some()
    })
}

/// Where the clause of verb `vi` begins: after the previous finite verb, a clause opener or a
/// strong punctuation mark.
fn clause_start(s: &SentenceView, verbs: &[VerbOccurrence], vi: usize) -> usize {
    let v = &verbs[vi];
    let floor = verbs[..vi]
        .iter()
        .rev()
        .find(|p| p.finite)
        .map(|p| p.last + 1)
        .unwrap_or(0);
    let mut i = v.group_start;
    while i > floor {
        let w = s.word(i - 1);
        // a relative clause's verb reads back to its antecedent ("the demonstrators, some of
        // whom threw rocks")
        if matches!(w, ";" | ":")
            || (english::opens_clause(w) && !matches!(w, "WHO" | "WHICH" | "WHOM" | "WHOSE"))
        {
            return i;
        }
        i -= 1;
    }
    floor
}

/// Where the clause of verb `vi` ends: at the next finite verb group, a clause opener or a
/// strong punctuation mark.
fn clause_end(s: &SentenceView, verbs: &[VerbOccurrence], vi: usize) -> usize {
    let v = &verbs[vi];
    let ceiling = verbs[vi + 1..]
        .iter()
        .find(|n| n.finite)
        .map(|n| n.group_start)
        .unwrap_or(s.len());
    let mut i = v.last + 1;
    while i < ceiling {
        let w = s.word(i);
        // (a quotation mark closing a short quoted fragment the verb stands in, as in 'is
        // "deeply concerned" by', ends the fragment, not the clause)
        let closes_fragment = matches!(w, "\"" | "”")
            && (i.saturating_sub(7)..i).any(|j| matches!(s.word(j), "\"" | "“"));
        // (nor does one opening a short quoted fragment with no verb in it: 'expressed "deep
        // concern" over', 'condemned the "terrorist" attack')
        let opens_fragment = matches!(w, "\"" | "“") && {
            let close = (i + 1..(i + 8).min(s.len())).find(|&j| matches!(s.word(j), "\"" | "”"));
            close.is_some_and(|c| !verbs.iter().any(|n| n.first > i && n.first < c))
        };
        if (matches!(w, ";" | ":" | "\"" | "“" | "”") && !closes_fragment && !opens_fragment)
            || english::opens_clause(w)
        {
            return i;
        }
        // "met the emir on Monday, with the leaders signing agreements": an absolute "with"
        // and its participle are a clause of their own
        // "signed an agreement Monday, settling the dispute": so is a participle after a comma
        // (through an adverb of its own: ", unanimously demanding")
        let participle = w == "," && {
            let mut after = i + 1;
            while after < ceiling && after < i + 3 && english::is_adverb(s.word(after)) {
                after += 1;
            }
            verbs[vi + 1..].iter().any(|n| {
                !n.finite && n.candidate.inflection == Inflection::Ing && n.group_start == after
            })
        };
        if participle {
            return i;
        }
        let absolute = w == ","
            && s.word(i + 1) == "WITH"
            && verbs[vi + 1..].iter().any(|n| {
                !n.finite
                    && n.candidate.inflection == Inflection::Ing
                    && n.first > i + 1
                    && n.first <= i + 7
            });
        if absolute {
            return i;
        }
        i += 1;
    }
    ceiling
}
