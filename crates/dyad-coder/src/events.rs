//! The events stage, sentence by sentence: where a sentence becomes events. The sentence's
//! words go through the coder's reading in order — dictionary mentions ([`crate::mentions`]),
//! verbs ([`crate::verbs`]), actor phrases and what the article lets them point to
//! ([`crate::coreference`]), clauses with source, target and code ([`crate::clauses`]) — and
//! each coded clause, alone or with the clause it governs ([`crate::nesting`]), is emitted
//! ([`crate::emit`]); a visit named by a noun ([`crate::nominal`]) too.

use dyad_dict::cameo;
use dyad_model::{Event, Modality};

use crate::article::Article;
use crate::clauses::{self, Complement};
use crate::coreference::{
    agents_take_the_article_country, conflict_pair, remember_last_named, remember_meetings,
    resolve_country_descriptions, resolve_definite_descriptions, resolve_groups,
    resolve_named_people, resolve_possessed_countries, resolve_the_countrys_agents, resolve_they,
    resolve_titles, speakers_take_the_article_country, story_country_target, voices, ArticleMemory,
};
use crate::emit::{emit, EvidenceSpan, SentenceContext};
use crate::event_nouns::noun_events;
use crate::labels::labels;
use crate::lexicon::Inflection;
use crate::mediators::mediations;
use crate::mentions::{actor_phrases, MentionKind};
use crate::merging::dedup_events;
use crate::nesting::{nested, rule, NestedEvent};
use crate::resources::Resources;
use crate::sentence::SentenceView;
use crate::trace;
use crate::unnamed_targets::{
    last_accuser, last_aggressor, last_attacker, last_fight_sides, last_proposer, last_victim,
    vetoed_body,
};
use crate::verbs::find_verbs;
use crate::{english, nesting, nominal};

/// Code sentence `index` of the article: its mentions, verbs, actor phrases (with what the
/// article's earlier sentences let them point to), clauses, and the events they make.
pub fn code_sentence(
    res: &Resources,
    article: &Article,
    index: usize,
    memory: &mut ArticleMemory,
    events: &mut Vec<Event>,
    trace: Option<&mut Vec<String>>,
) {
    let doc = article.doc;
    let tokens = article.sentence_tokens(index);
    let first_new = events.len();
    let Some(found) = &article.mentions[index] else {
        return;
    };
    let mentions = &found.mentions[..];
    let s = match &found.kept {
        None => SentenceView::with_word_ids(tokens, &article.word_ids[index], &res.tagger),
        Some(kept) => SentenceView::new(kept, &res.tagger),
    };
    let verbs = find_verbs(&res.lexicon, &s, mentions);
    let mut is_verb = vec![false; s.len()];
    for v in &verbs {
        for flag in is_verb.iter_mut().take(v.last + 1).skip(v.first) {
            *flag = true;
        }
    }
    let mut phrases = actor_phrases(&res.lexicon, &s, mentions, &is_verb, doc.date);
    memory.group_age += 1;
    resolve_groups(&s, &mut phrases, memory, events);
    resolve_they(&s, &is_verb, &mut phrases, memory);
    resolve_titles(&res.lexicon, &s, &mut phrases, &mut memory.titles);
    resolve_definite_descriptions(&s, &mut phrases, memory.last_subject.last.as_ref());
    resolve_country_descriptions(&s, &mut phrases, memory);
    resolve_the_countrys_agents(&s, &mut phrases, memory);
    agents_take_the_article_country(&s, &mut phrases, memory);
    remember_last_named(&phrases, memory);
    resolve_named_people(&res.lexicon, &s, &mut phrases, &mut memory.people);
    resolve_possessed_countries(&s, &mut phrases, memory.last_subject.last.as_ref());
    let mut trace = trace;
    if let Some(out) = trace.as_deref_mut() {
        trace::sentence(out, &s, mentions, &verbs, &phrases);
    }
    let quotes = || -> &[_] {
        if article.has_quote_marks {
            article.quotes(res)
        } else {
            &[]
        }
    };
    let mut voices = voices(&s, &quotes);
    speakers_take_the_article_country(&mut voices, memory);
    // a verb pattern's nouns are read neither in verbs nor in the names of actors: "confirmed
    // talks with the Rapid Support Forces" is no "confirmed … SUPPORT"
    // (a copy of the verbs' mask only for a sentence with such a name)
    let name = |m: &&crate::mentions::Mention| {
        matches!(m.kind, MentionKind::Actor(_)) && m.end - m.start > 1
    };
    let pattern_blind: std::borrow::Cow<[bool]> = if mentions.iter().any(|m| name(&m)) {
        let mut blind = is_verb.clone();
        for m in mentions.iter().filter(name) {
            blind[m.start..m.end.min(s.len())].fill(true);
        }
        std::borrow::Cow::Owned(blind)
    } else {
        std::borrow::Cow::Borrowed(&is_verb)
    };
    let clauses = clauses::clauses(
        &res.lexicon,
        &s,
        &verbs,
        &phrases,
        &voices,
        &pattern_blind,
        &mut memory.last_subject,
    );
    if let Some(out) = trace {
        trace::clauses(out, &s, &clauses);
    }
    let ctx = SentenceContext {
        doc,
        chars: &article.chars,
        index,
        tokens,
        s: &s,
        clause_dates: Default::default(),
        explain: article.explain,
        convention: article.convention,
    };
    let mut nouns = noun_events(
        &res.lexicon,
        &s,
        &is_verb,
        &phrases,
        &clauses,
        ctx.convention,
        memory,
    );
    // "UN-brokered talks": the mediator in a compound
    nouns.extend(mediations(
        res,
        &s,
        &phrases,
        &clauses,
        &memory.groups,
        doc.date,
    ));
    // does a plural subject with no object of clause `ci` act on itself ("Chile and Peru met",
    // "pledged deeper cooperation")? Asked only of a source of several members
    let mutual = |ci: usize| acts_mutually(res, &s, &clauses[ci]);
    let mut done = vec![false; clauses.len()];
    // "called Thailand's move a breach": the naming is the clause's event, not a phone call
    for l in labels(&res.lexicon, &res.naming, &s, &phrases, &clauses) {
        let c = &clauses[l.clause];
        let Some(source) = c.source_target().0 else {
            continue;
        };
        done[l.clause] = true;
        let Some(code) = l.code else {
            continue;
        };
        let Some(modality) = fate(&clauses, l.clause) else {
            continue;
        };
        // an act named with no author: the author of the article's last hostile act
        let Some(target) = l.target.or_else(|| last_aggressor(events, source)) else {
            continue;
        };
        let n = NestedEvent {
            source: source.clone(),
            target: Some(target),
            forward: Some(code.to_string()),
            reverse: None,
            rule: "naming (verb of naming, tone of the name)".to_string(),
            modality: None,
            ..NestedEvent::default()
        };
        let ev = EvidenceSpan {
            group_start: c.verb.group_start,
            verb: (c.verb.first, c.verb.last),
            matched: Some(l.name.1.saturating_sub(1)),
            clause: (c.start, c.end),
        };
        emit(res, &ctx, &n, ev, c.verb.negated, modality, events);
    }
    // "held a summit": the light verb's own code (HOLD is a detention) gives way to the noun's
    for n in nouns.iter().filter(|n| n.replaces_clause) {
        if let Some(ci) = n.clause {
            done[ci] = true;
        }
    }
    for (ci, c) in clauses.iter().enumerate() {
        if done[ci] {
            continue;
        }
        done[ci] = true;
        let nested_pair = c
            .complement
            .map(|(k, kind)| (k, nested(res, ctx.convention, c, &clauses[k], kind)));
        match nested_pair {
            Some((k, Some(first))) => {
                // the governed verb, then any verb coordinated with it: "claimed that ISIL
                // had attacked Iraq and taken Mosul" reports both
                let mut chain = vec![(k, Some(first))];
                let kind = c
                    .complement
                    .map(|(_, kind)| kind)
                    .unwrap_or(Complement::Finite);
                let mut last = k;
                while let Some(j) =
                    (last + 1..clauses.len()).find(|&j| clauses[j].coordinated_with == Some(last))
                {
                    // ("called on all parties to reduce tensions and refrain from …": a verb
                    // that codes nothing adds no act to the one the call already asks for)
                    if !clauses[j].coded.code.is_null() {
                        chain.push((j, nested(res, ctx.convention, c, &clauses[j], kind)));
                    } else {
                        done[j] = true;
                    }
                    last = j;
                }
                for (k, n) in chain {
                    let Some(mut n) = n else { continue };
                    if let Some(threat) = n.threat.take().filter(|_| ctx.convention.codes_threats())
                    {
                        n.forward = Some(threat);
                    }
                    // "agreed to meet", "agreed to strengthen their ties"
                    n.mutual = n.source.members.len() > 1 && (mutual(k) || mutual(ci));
                    if n.target.is_none() && n.forward.as_deref().is_some_and(punishes) {
                        n.target = last_aggressor(events, &n.source);
                    }
                    // "Japan threatened to withhold loans": a threat made is against someone
                    // (aid in an infinitive is as often a purpose: "a ceasefire to protect
                    // civilians", "striving to contribute")
                    let threat = n.forward.as_deref().filter(|f| cameo::root(f) == "13");
                    if n.target.is_none() {
                        n.target = threat.and_then(|f| story_country_target(memory, f, &n.source));
                    }
                    // "army officers said they seized power", "hundreds regrouped to march
                    // on the business centre": whom the convention says a coup or a protest
                    // naming no one is against, as for a verb of its own
                    if n.target.is_none() {
                        n.target = n.forward.as_deref().and_then(|f| {
                            ctx.convention
                                .coup_target(f, &n.source)
                                .or_else(|| ctx.convention.protest_target(f, &n.source))
                        });
                    }
                    // "During his visit to Benin, Li agreed to forgive $75 million in debt"
                    if n.target.is_none() && memory.agents_take_country {
                        n.target = n
                            .forward
                            .as_deref()
                            .and_then(|f| aid_place(res, &s, &phrases, f, &n.source));
                    }
                    done[k] = true;
                    let inner = &clauses[k];
                    // "said he would not give permission to Russia to help Israel", "said
                    // China will provide $100 million to help Gaza": the inner verb's own
                    // infinitive belongs to it, not to a new event
                    if let Some((k2, Complement::Infinitive)) = inner.complement {
                        done[k2] = true;
                    }
                    let (outer_verb, last_verb) = (&c.verb, &inner.verb);
                    emit(
                        res,
                        &ctx,
                        &n,
                        EvidenceSpan {
                            group_start: outer_verb.group_start,
                            verb: (outer_verb.first, last_verb.last),
                            matched: inner
                                .coded
                                .matched
                                .iter()
                                .chain(&c.coded.matched)
                                .copied()
                                .max(),
                            clause: (c.start, inner.end.max(c.end)),
                        },
                        outer_verb.negated || last_verb.negated || n.refused,
                        n.modality
                            .unwrap_or(outer_verb.modality.max(last_verb.modality)),
                        events,
                    );
                    // ("asked Powell by phone to pressure Arafat": the asking was a call to
                    // the one asked)
                    phone_call(
                        res,
                        &ctx,
                        &s,
                        c,
                        (&n.source, c.object.as_ref()),
                        c.coded.code.forward(),
                        outer_verb.modality,
                        events,
                    );
                }
            }
            _ => {
                // "jailed a student for helping militants", "called for building trust":
                // a gerund after "for" is the reason or the content of another act, not
                // an act the text reports
                let gerund_for = !c.verb.finite
                    && c.verb.candidate.inflection == Inflection::Ing
                    && c.verb.group_start > 0
                    && s.word(c.verb.group_start - 1) == "FOR";
                // ... except after praise or criticism of an actor, which presupposes the act
                // done, by that actor ("criticized Orban for visiting Russia", "thanked Oman
                // for hosting the talks")
                let judged_actor = gerund_for
                    .then(|| judged_for(&clauses, ci, c.verb.group_start - 1))
                    .flatten();
                if gerund_for && judged_actor.is_none() {
                    continue;
                }
                // "invited Brazil and Chile to join the talks": what an actor is asked to do
                // is not reported done
                if c.asked_of_object {
                    continue;
                }
                let (source, target) = c.source_target();
                let source = judged_actor.or(source);
                // (the praised act ends at its comma: "thanked Iraq for hosting the talks,
                // and China for ...")
                let comma = (c.verb.last + 1..c.end.min(s.len())).find(|&k| s.word(k) == ",");
                let target = target.filter(|t| {
                    judged_actor.is_none()
                        || t.span.is_none_or(|(st, _)| comma.is_none_or(|k| st < k))
                });
                // "Chile, Peru and Bolivia met in Lima": where they met, not whom; so for any
                // meeting under the guide ("gathered for talks in the Ethiopian capital"), but
                // a visit, whose place is its host ("arrived in Lima")
                let together = source.is_some_and(|r| r.members.len() > 1) && mutual(ci);
                let meets = ctx.convention.places_no_meeting()
                    && c.coded
                        .code
                        .forward()
                        .is_some_and(|f| cameo::root(f) == "04" && f != "042");
                let target = target.filter(|t| {
                    !((together || meets)
                        && t.span.is_some_and(|span| clauses::is_locative(&s, span)))
                });
                // ("delegates who are gathered for talks in the Ethiopian capital": nor the
                // doer, which a passive would otherwise take from its place phrase)
                let source = source.filter(|r| {
                    !(c.verb.passive
                        && meets
                        && r.span.is_some_and(|span| clauses::is_locative(&s, span)))
                });
                let (Some(forward), reverse) =
                    (Some(c.coded.code.forward()), c.coded.code.reverse())
                else {
                    continue;
                };
                // "Brazil welcomes Russia's Lavrov", "the Amir welcomed the US President and his
                // delegation": a person welcomed is a visitor received (043), where a state's
                // act or a thing welcomed is approved (051)
                let forward = match forward {
                    Some(f)
                        if ctx.convention.codes_hosting()
                            && cameo::root(f) == "05"
                            && nesting::verb_name(res, c) == "WELCOME"
                            && target.is_some_and(|t| welcomes_a_person(&s, c, t)) =>
                    {
                        Some("043")
                    }
                    // "Fernandez was received by President Lula", "the emir received the
                    // minister": a person received by a person who holds office hosts a visitor
                    // (the guide's "hosted, received, welcomed a visitor: 043"), which no
                    // pattern of GET's RECEIVE reads but for the envoy's, minister's or
                    // leader's title
                    None if ctx.convention.codes_hosting()
                        && c.coded.code.is_null()
                        && nesting::verb_name(res, c) == "RECEIVE"
                        && source.is_some_and(|r| !target.is_some_and(|t| same_state(r, t)))
                        && [source, target].iter().all(|r| r.is_some_and(holds_office)) =>
                    {
                        Some("043")
                    }
                    f => f,
                };
                // "Chile recalled its ambassador": a cut in relations aimed at the cutter's own
                // state names its envoy, not whom relations are cut with
                let target = target.filter(|t| {
                    let own = |k: usize| english::is_possessive(s.word(k));
                    // ("its ambassador", not "its ambassador to Peru")
                    let owned = t.span.is_some_and(|(a, _)| own(a) || (a > 0 && own(a - 1)))
                        && t.members
                            .iter()
                            .all(|m| m.code.starts_with(crate::mentions::UNKNOWN_COUNTRY));
                    !(forward.is_some_and(|f| cameo::root(f) == "16")
                        && (owned || source.is_some_and(|src| same_state(src, t))))
                });
                // "agreed to consolidate support", "decided to form a joint team": a verb of
                // commitment whose infinitive no dictionary codes states the intent to
                // cooperate (030), not the act of its own block ("agreed" 050)
                let uncoded_intent = committed_to_infinitive(res, &s, c);
                // "committed $500 million in budget support to Jordan": money pledged
                let pledge = pledged_money(res, &s, c);
                if c.coded.code.is_null()
                    && !uncoded_intent
                    && pledge.is_none()
                    && forward != Some("043")
                {
                    continue;
                }
                // "hundreds of people were detained", "the rally was banned": a coercion told
                // in the passive with no agent is the state's, that of the people it was done to
                let state = (source.is_none()
                    && c.verb.passive
                    && forward.is_some_and(|f| cameo::root(f) == "17"))
                .then(|| target.and_then(state_of_role))
                .flatten();
                let Some(source) = source.or(state.as_ref()) else {
                    continue;
                };
                // "Washington and Beijing urged restraint": a call for restraint or a ceasefire
                // (or a demand for one, 1056) with no addressee is to the two sides of the
                // story's conflict; so is a
                // mediation that names no parties ("the talks, mediated by IGAD", "seeks to
                // broker a peaceful solution")
                // "Malaysia hosted the talks": so is the hosting of a meeting that names none
                let hosts_meeting = forward == Some("043") && {
                    (c.verb.last + 1..c.end.min(s.len())).any(|k| {
                        s.event_noun(&res.lexicon, k)
                            .is_some_and(|n| cameo::root(&n.code) == "04")
                    })
                };
                let parties = (target.is_none()
                    && (matches!(forward, Some("0256" | "1056" | "045")) || hosts_meeting))
                    .then(|| conflict_pair(&memory.groups, source))
                    .flatten();
                // "Thailand denied the claim": a denial that names no one answers the last
                // accusation against the denier
                let accuser = (target.is_none() && forward == Some("016"))
                    .then(|| last_accuser(events, source))
                    .flatten();
                // "Seoul rejected the offer": a rejection that names no one turns down the last
                // appeal, offer or demand made to the rejecter (of something: "the amount has been
                // declining" rejects nothing)
                let rejects_something = c.verb.last + 1 < s.len() && {
                    let next = s.word(c.verb.last + 1);
                    !s.is_punct(c.verb.last + 1)
                        && !english::is_preposition(next)
                        && !english::is_conjunction(next)
                        && !english::is_subordinator(next)
                        && !english::is_adverb(next)
                };
                let proposer = (target.is_none()
                    && rejects_something
                    && forward.is_some_and(|f| cameo::root(f) == "12"))
                .then(|| last_proposer(events, source))
                .flatten();
                // "The Indian Army retaliated": a retaliation that names no one strikes the
                // last attacker of the retaliator
                let attacker = (target.is_none()
                    && forward.is_some_and(|f| matches!(cameo::root(f), "18" | "19" | "20"))
                    && english::is_retaliation(nesting::verb_name(res, c)))
                .then(|| last_attacker(events, source))
                .flatten();
                // "the RSF attacked El Obeid", "SAF warplanes bombed a market in Tora": a
                // hostile act on a town names the country it struck
                let struck = (target.is_none()
                    && forward
                        .is_some_and(|f| matches!(cameo::root(f), "17" | "18" | "19" | "20")))
                .then(|| {
                    let known = |c: &str| {
                        memory.country.as_deref() == Some(c)
                            || memory.named.iter().any(|(n, _)| n == c)
                    };
                    nominal::struck_place(
                        &res.gazetteer,
                        doc,
                        &s,
                        (c.verb.last + 1, c.end),
                        &phrases,
                        &known,
                    )
                })
                .flatten();
                // "the EU condemned the incident", "condemned the ongoing violence": a
                // disapproval that names no one is of the last hostile act's author
                let aggressor = (target.is_none() && forward.is_some_and(punishes))
                    .then(|| last_aggressor(events, source))
                    .flatten();
                // "Al Shabaab claimed responsibility": for the last use of force, against
                // whom it struck
                let victim = (target.is_none() && forward.is_some_and(|f| f == "015"))
                    .then(|| last_victim(events, source))
                    .flatten();
                // "Russia and China had vetoed three previous resolutions": in the body the
                // article last named
                let vetoed = (target.is_none() && forward == Some("129"))
                    .then(|| vetoed_body(memory, source))
                    .flatten();
                let target = target
                    .cloned()
                    .or(parties)
                    .or(accuser)
                    .or(proposer)
                    .or(attacker)
                    .or(aggressor)
                    .or(victim)
                    .or(vetoed)
                    .or(struck)
                    .or_else(|| forward.and_then(|f| ctx.convention.protest_target(f, source)))
                    .or_else(|| forward.and_then(|f| ctx.convention.restricted_country(f, source)))
                    .or_else(|| forward.and_then(|f| ctx.convention.coup_target(f, source)))
                    .or_else(|| {
                        let code = pledge.or(forward)?;
                        let place = memory.agents_take_country;
                        (place.then(|| aid_place(res, &s, &phrases, code, source)))
                            .flatten()
                            .or_else(|| story_country_target(memory, code, source))
                    });
                // "North Korea fired a ballistic missile into the sea": a missile fired or
                // launched at no one is a test or a show of force (150), not an attack
                let weapon = (target.is_none()
                    && forward.is_some_and(|f| matches!(cameo::root(f), "18" | "19")))
                .then(|| fired_projectile(res, &s, c))
                .flatten();
                let forward = if weapon.is_some() {
                    Some("150")
                } else {
                    forward
                };
                let (forward, reverse, modality) = if let Some(code) = pledge {
                    (Some(code), None, Modality::Intended)
                } else if uncoded_intent {
                    (Some("030"), None, Modality::Intended)
                } else if headline_future(&s, c, ci, &clauses) {
                    (forward, reverse, Modality::Intended)
                } else {
                    (forward, reverse, c.verb.modality)
                };
                let n = NestedEvent {
                    source: source.clone(),
                    target,
                    forward: forward.map(str::to_string),
                    reverse: reverse.map(str::to_string),
                    rule: rule(res, c),
                    modality: None,
                    future: false,
                    refused: false,
                    mutual: together,
                    threat: None,
                };
                emit(
                    res,
                    &ctx,
                    &n,
                    EvidenceSpan {
                        group_start: c.verb.group_start,
                        verb: (c.verb.first, c.verb.last),
                        matched: c.coded.matched.iter().copied().chain(weapon).max(),
                        clause: (c.start, c.end),
                    },
                    c.verb.negated,
                    c.verb.modality.max(modality),
                    events,
                );
                phone_call(
                    res,
                    &ctx,
                    &s,
                    c,
                    (&n.source, n.target.as_ref()),
                    forward,
                    c.verb.modality.max(modality),
                    events,
                );
            }
        }
    }
    // "as part of a three-day state visit": the visit the clause's actor makes
    for v in nominal::visits(
        &res.lexicon,
        &res.gazetteer,
        doc,
        &s,
        &is_verb,
        &phrases,
        &clauses,
    ) {
        let c = &clauses[v.clause];
        let Some(modality) = fate(&clauses, v.clause) else {
            continue;
        };
        // "his visit to Japan, set for early September"
        let modality = announced(&s, v.noun, modality);
        let n = NestedEvent {
            source: v.visitor,
            target: Some(v.host),
            forward: Some("042".to_string()),
            reverse: None,
            rule: "visit (noun)".to_string(),
            modality: None,
            ..NestedEvent::default()
        };
        let ev = EvidenceSpan {
            group_start: v.phrase_start,
            verb: (v.noun, v.noun),
            matched: None,
            clause: (c.start, c.end),
        };
        emit(res, &ctx, &n, ev, false, modality, events);
    }
    // "talks between Kyiv and Moscow", "imposed sanctions on Iran": events told by a noun
    for mut nv in nouns {
        // "fighting continued": the sides of the article's last fight between two states,
        // rather than the story country's own
        if nv.source.members.first().map(|m| m.reached)
            == Some(crate::mentions::Reached::StorySides)
        {
            if let Some((a, b)) = last_fight_sides(events, &nv.source) {
                nv.source = a;
                nv.target = Some(b);
            }
        }
        let modality = match nv.clause {
            Some(ci) => match fate(&clauses, ci) {
                // "reaffirmed their partnership": the act the light verb commits to
                Some(_) if nv.replaces_clause && commits(res, &clauses[ci]) => {
                    dyad_model::Modality::Intended
                }
                Some(m) => m,
                None => continue,
            },
            None => dyad_model::Modality::Asserted,
        };
        // "a summit meeting to take place in June", "the upcoming talks"
        let modality = announced(&s, nv.noun, modality);
        // "is open to a meeting with Putin"
        let modality = if nv.ready && modality == dyad_model::Modality::Asserted {
            dyad_model::Modality::Intended
        } else {
            modality
        };
        // "promised sanctions on Colombia": a hostile act committed to is a threat
        let committed = ctx.convention.codes_threats()
            && nv.replaces_clause
            && nv.clause.is_some_and(|ci| commits(res, &clauses[ci]));
        let code = committed
            .then(|| nesting::threat_code(&res.pico, &nv.entry.code))
            .flatten()
            .unwrap_or_else(|| nv.entry.code.clone());
        // "talks between Serbia and Kosovo collapsed": a verb whose pattern reads the noun as
        // its subject ("- TALKS *" of upstream's COLLAPSE, 164) tells what became of the act,
        // and its code is the event's; the verb has no actor of its own
        let fate_of_noun = nv.clause.map(|ci| &clauses[ci]).filter(|c| {
            c.subject.is_none()
                && nv.noun < c.verb.group_start
                && c.coded.matched.contains(&nv.noun)
                && !c.coded.code.is_null()
        });
        let (code, rule) = match fate_of_noun.and_then(|c| Some((c.coded.code.forward()?, c))) {
            Some((told, c)) => (told.to_string(), nesting::rule(res, c)),
            None => (
                code,
                format!("event noun {}:{}", nv.entry.file, nv.entry.line),
            ),
        };
        let first = [nv.source.span, nv.target.as_ref().and_then(|t| t.span)]
            .into_iter()
            .flatten()
            .map(|(st, _)| st)
            .chain(
                nv.clause
                    .filter(|_| nv.replaces_clause)
                    .map(|ci| clauses[ci].verb.group_start),
            )
            .min()
            .unwrap_or(nv.noun_start)
            .min(nv.noun_start);
        let clause = match nv.clause {
            Some(ci) => (clauses[ci].start, clauses[ci].end),
            None => (first, s.len()),
        };
        let intends = nv.ready
            || (nv.replaces_clause && nv.clause.is_some_and(|ci| commits(res, &clauses[ci])));
        let one_sayer = intends && nv.source.members.len() == 1;
        let target = nv
            .target
            .or_else(|| ctx.convention.protest_target(&code, &nv.source))
            // ("Jordan expressed outrage": a disapproval noun, not a cut in relations — "the
            // U.N. sanctions" name their target elsewhere more often than not)
            .or_else(|| {
                (cameo::root(&code) == "11")
                    .then(|| last_aggressor(events, &nv.source))
                    .flatten()
            });
        // ("a nuclear test" names no one and is coded so: 150)
        if target.is_none() && !nv.mutual && !ctx.convention.codes_undirected(&code) {
            continue;
        }
        let n = NestedEvent {
            source: nv.source,
            target,
            // an intent is its sayer's: "Peru is open to talks with Chile", "Chile agreed to
            // a meeting with Peru" are Peru's, Chile's ("Chile and Peru agreed to talks": both)
            reverse: (nv.mutual && !one_sayer).then(|| code.clone()),
            forward: Some(code),
            rule,
            modality: None,
            future: false,
            refused: false,
            mutual: nv.mutual,
            threat: None,
        };
        let ev = EvidenceSpan {
            group_start: first,
            verb: (nv.noun_start, nv.noun),
            matched: None,
            clause,
        };
        emit(res, &ctx, &n, ev, false, modality, events);
    }
    dedup_events(events, first_new);
    remember_meetings(
        &events[first_new..],
        &mut memory.groups,
        &mut memory.group_age,
    );
}

/// Where the clause's verb fires or launches a weapon of the lexicon's PROJECTILE words ("fired
/// a ballistic missile", "launched two rockets") at nothing it names: the weapon's token. It
/// stands in the four words after the verb; "at", "against" or "toward" after it name what was
/// aimed at ("fired rockets at Sderot", a place the gazetteer may not know).
fn fired_projectile(res: &Resources, s: &SentenceView, c: &clauses::Clause) -> Option<usize> {
    let nouns = &res.lexicon.dicts.event_nouns;
    let end = c.end.min(s.len());
    // ("fired at least one ballistic missile": "at least" counts, it aims at no one)
    let aimed = (c.verb.last + 1..end).any(|k| {
        matches!(s.word(k), "AT" | "AGAINST" | "TOWARD" | "TOWARDS")
            && !matches!(s.word(k + 1), "LEAST" | "MOST")
    });
    if aimed {
        return None;
    }
    (c.verb.last + 1..(c.verb.last + 7).min(end)).find(|&k| nouns.is_projectile(s.word(k)))
}

/// "criticized Orban for visiting Russia", "thanked Iraq and Oman for hosting the talks": the
/// actor a clause before praises or criticises (CAMEO 05, 111), whose object ends at the "for"
/// at `for_at` that opens clause `ci`'s gerund.
fn judged_for<'c>(
    clauses: &'c [clauses::Clause],
    ci: usize,
    for_at: usize,
) -> Option<&'c clauses::Role> {
    let judge = clauses[..ci].iter().rev().find(|j| j.verb.finite)?;
    // (praise, thanks, criticism: not an accusation, 112, "blamed protesters for disrupting
    // exports", whose act is alleged)
    let code = judge.coded.code.forward()?;
    if !(cameo::root(code) == "05" || code == "111") || judge.verb.passive {
        return None;
    }
    let object = judge.object.as_ref()?;
    object.span.filter(|&(_, end)| end == for_at)?;
    Some(object)
}

/// Is the object of "welcomed" a person received — an official or leader named right after
/// the verb ("welcomed the US President", "welcomes Russia's Lavrov"), the whole of its noun
/// phrase ("welcomed the president's decision" welcomes a decision)?
/// Does every member of the role hold an office of a state (its government, elite,
/// military or legislature: "President Lula", "the foreign minister")?
fn holds_office(r: &clauses::Role) -> bool {
    !r.members.is_empty()
        && r.members.iter().all(|m| {
            crate::mentions::state_of(&m.code).is_some()
                && matches!(m.code.get(3..6), Some("GOV" | "ELI" | "MIL" | "LEG"))
        })
}

fn welcomes_a_person(s: &SentenceView, c: &clauses::Clause, t: &clauses::Role) -> bool {
    let Some((start, end)) = t.span else {
        return false;
    };
    let right_after = start == c.verb.last + 1
        || (start == c.verb.last + 2 && english::is_determiner(s.word(c.verb.last + 1)));
    let whole = !s.word(end).starts_with('\'');
    right_after && holds_office(t) && whole
}

/// "In his first stop in Benin, Li promised $36 million in economic aid", "During his visit to
/// Equatorial Guinea, Li agreed to forgive $75 million in debt": aid given or pledged (CAMEO
/// 07, 033) to no one named goes to the country the sentence says it happened in ("in Benin"),
/// or the giver was visiting (a visit noun of the event-noun lexicon, "to"), before the story's
/// country — not the giver's own (the guide's convention, as [`story_country_target`]).
fn aid_place(
    res: &Resources,
    s: &SentenceView,
    phrases: &[crate::mentions::ActorPhrase],
    code: &str,
    giver: &clauses::Role,
) -> Option<clauses::Role> {
    if !(cameo::root(code) == "07" || code.starts_with("033")) {
        return None;
    }
    let own = giver
        .members
        .first()
        .and_then(|m| crate::mentions::state_of(&m.code));
    let p = phrases.iter().find(|p| {
        let [m] = p.members.as_slice() else {
            return false;
        };
        let state = crate::mentions::state_of(&m.code);
        let visited = || {
            p.start >= 2
                && s.word(p.start - 1) == "TO"
                && s.event_noun(&res.lexicon, p.start - 2)
                    .is_some_and(|n| n.code == "042")
        };
        p.start > 0
            && (s.word(p.start - 1) == "IN" || visited())
            && m.code.len() == 3
            && state.is_some()
            && state != own
    })?;
    Some(clauses::Role::of_phrase(p))
}

/// Is every member of both roles of one and the same state?
fn same_state(a: &clauses::Role, b: &clauses::Role) -> bool {
    fn state(m: &crate::mentions::ActorCode) -> Option<&str> {
        crate::mentions::state_of(&m.code)
    }
    let first = a.members.first().and_then(state);
    first.is_some()
        && a.members
            .iter()
            .chain(&b.members)
            .all(|m| state(m) == first)
}

/// A disapproval or a cut in relations (CAMEO 11, 16): told with no one named ("the EU
/// condemned the incident", "recalled its ambassador"), it answers the article's last hostile
/// act.
fn punishes(code: &str) -> bool {
    matches!(cameo::root(code), "11" | "16")
}

/// The modality of an act a noun names: intended when the words around it say it is to come
/// ([`english::announced_act`]), else what its clause makes of it.
fn announced(
    s: &SentenceView,
    noun: usize,
    modality: dyad_model::Modality,
) -> dyad_model::Modality {
    if english::announced_act(s.word_list(), noun) {
        dyad_model::Modality::Intended
    } else {
        modality
    }
}

/// Is the clause's verb one of commitment ("agreed", "pledged", "decided") followed at once by
/// an infinitive (after a noun of commitment, or a gerund) that no pattern of its block and no verb of the dictionaries codes ("agreed to
/// consolidate", "decided to form")? (An infinitive the dictionaries code is a clause of its
/// own, combined with this one by [`nesting::nested`].)
fn committed_to_infinitive(res: &Resources, s: &SentenceView, c: &clauses::Clause) -> bool {
    use dyad_lang::tagger::Tag;
    let at = c.verb.last + 1;
    // "agreed to consolidate", or "reaffirmed their willingness to consolidate"
    let to = if c.intent_noun {
        (at..s.len()).find(|&k| s.word(k) == "TO")
    } else {
        (english::is_commissive(nesting::verb_name(res, c)) && c.coded.pattern.is_none())
            .then_some(at)
    };
    // the tagger is asked last: it tags the whole sentence
    to.is_some_and(|to| {
        c.complement.is_none()
            && to + 1 < s.len()
            && s.word(to) == "TO"
            && (s.tag(to + 1) == Some(Tag::VB)
                || (s.tag(to + 1) == Some(Tag::RB) && s.tag(to + 2) == Some(Tag::VB))
                // a noun of commitment takes a gerund as well: "their commitment to
                // strengthening bilateral cooperation"; so does "committed" ("remains
                // committed to building a relationship")
                || ((c.intent_noun || english::commits_as_adjective(nesting::verb_name(res, c)))
                    && s.tag(to + 1) == Some(Tag::VBG)))
    })
}

/// "Chile to hold talks with Peru", "Obama to visit Canada in June": a headline's subject
/// followed at once by an infinitive, with no verb before, announces the act (headline English
/// writes the future so).
fn headline_future(
    s: &SentenceView,
    c: &clauses::Clause,
    ci: usize,
    all: &[clauses::Clause],
) -> bool {
    !c.verb.finite
        && c.governor.is_none()
        && s.word(c.verb.group_start) == "TO"
        && c.subject
            .as_ref()
            .and_then(|r| r.span)
            .is_some_and(|(st, e)| st == 0 && e == c.verb.group_start)
        && all[..ci].iter().all(|o| !o.verb.finite)
}

/// The intent to give aid a verb of commitment states when its object is a sum of money
/// ("committed $500 million in budget support to Jordan", "pledged a further $100 million for
/// Gaza's relief"): the guide's "pledged, will provide, announced money (economic /
/// humanitarian): 0331 / 0333", humanitarian when the clause names such aid (the lexicon's
/// HUMANITARIAN words). The money stands within the three words after the verb.
fn pledged_money(res: &Resources, s: &SentenceView, c: &clauses::Clause) -> Option<&'static str> {
    let nouns = &res.lexicon.dicts.event_nouns;
    let at = c.verb.last + 1;
    let raw = |k: usize| s.tokens[k].text.as_str();
    // (most clauses have no number or currency sign after the verb: asked first, by a byte)
    let figure = |k: usize| {
        raw(k).bytes().next().is_some_and(|b| {
            b.is_ascii_digit() || !b.is_ascii() || b == b'$' || b.is_ascii_uppercase()
        })
    };
    if !(at..(at + 3).min(s.len())).any(figure) || !nouns.is_commit_verb(nesting::verb_name(res, c))
    {
        return None;
    }
    let money = (at..(at + 3).min(s.len())).any(|k| {
        let words: Vec<&str> = (k..(k + 3).min(s.len())).map(raw).collect();
        dyad_text::amounts::starts_money(&words)
    });
    if !money {
        return None;
    }
    let humanitarian = (c.start..c.end.min(s.len())).any(|k| nouns.is_humanitarian(s.word(k)));
    Some(if humanitarian { "0333" } else { "0331" })
}

/// Does the clause's verb commit its subject to the act its object noun names ("pledged",
/// "reaffirmed")?
fn commits(res: &Resources, c: &clauses::Clause) -> bool {
    res.lexicon
        .dicts
        .event_nouns
        .is_commit_verb(nesting::verb_name(res, c))
}

/// What the verbs above clause `ci` make of an act named inside it: nothing when one is
/// negated ("won't try to clash … during a trip"), else their strongest modality.
fn fate(clauses: &[clauses::Clause], ci: usize) -> Option<dyad_model::Modality> {
    let mut chain = vec![&clauses[ci]];
    while let Some(g) = chain.last().and_then(|c| c.governor) {
        chain.push(&clauses[g]);
    }
    if chain.iter().any(|c| c.verb.negated) {
        return None;
    }
    chain.iter().map(|c| c.verb.modality).max()
}

/// Whether a clause's plural subject, with no object actor, acts on itself, each member on
/// the others: its verb is one of social interaction ("met", "clashed"), or what it does is a
/// relation between its members ("pledged deeper cooperation", "restored diplomatic ties",
/// "held talks"): a relation noun or a symmetric event noun after the verb, or words that
/// say so ("worked together", "accused each other").
fn acts_mutually(res: &Resources, s: &SentenceView, c: &clauses::Clause) -> bool {
    let end = c.end.min(s.len());
    // the relation is the verb's object, the noun phrase right after it ("pledged deeper
    // cooperation on global issues"), not a noun further on ("welcomed the idea to reactivate
    // the Group of Cooperation", "welcoming the start of dialogue": praise of an idea)
    // ("held a round of talks": a measure's "of" goes on with the noun it counts; "gathered
    // for talks", "engaged in talks": so does a preposition right after the verb)
    let ends_object = |i: usize| {
        let w = s.word(i);
        let counts = w == "OF" && english::is_measure_of_acts(s.word(i - 1));
        (english::is_preposition(w) && !counts) || w == "THAT" || s.is_punct(i)
    };
    let no_object = c.verb.last + 1 >= end || ends_object(c.verb.last + 1);
    let object_end = (c.verb.last + 2..end)
        .find(|&i| ends_object(i))
        .unwrap_or(end);
    // "the two sides", "the warring parties": a subject that names the sides of the story's
    // conflict as one, with a verb that takes no object, acts on each other ("have yet to
    // withdraw from the city"; "both parties welcomed the idea" praises an idea)
    let sides = no_object
        && c.subject.as_ref().is_some_and(|r| {
            r.members.len() == 2
                && r.members.iter().all(|m| {
                    matches!(
                        m.reached,
                        crate::mentions::Reached::LastGroup | crate::mentions::Reached::LastFight
                    )
                })
        });
    sides
        || english::is_reciprocal(nesting::verb_name(res, c))
        || (c.verb.last + 1..object_end).any(|i| {
            english::is_relation_noun(s.word(i))
                || s.event_noun(&res.lexicon, i).is_some_and(|e| e.symmetric)
        })
        || (c.verb.last + 1..end).any(|i| {
            let next = if i + 1 < s.len() { s.word(i + 1) } else { "" };
            english::says_mutual(s.word(i), next)
        })
}

/// The state of a role's members, as a role of its own ("BLR" for "BLRPPL"), when they are
/// of one known country.
fn state_of_role(r: &clauses::Role) -> Option<clauses::Role> {
    let first = r.members.first()?;
    let state = crate::mentions::state_of(&first.code)?;
    if !r
        .members
        .iter()
        .all(|m| crate::mentions::state_of(&m.code) == Some(state))
    {
        return None;
    }
    Some(clauses::Role {
        members: vec![crate::mentions::ActorCode {
            code: state.to_string(),
            ..first.clone()
        }],
        span: r.span,
        pronoun: false,
    })
}

/// "told his counterpart by telephone", "asked Powell by phone to pressure Arafat": an exchange
/// (a statement, an appeal, an offer, a demand, a criticism …) that the clause says was by
/// telephone was a telephone call (041) from its source to the other party, besides what was
/// said in it. (Not for a verb whose own code is the call.)
#[allow(clippy::too_many_arguments)]
fn phone_call(
    res: &Resources,
    ctx: &SentenceContext,
    s: &SentenceView,
    c: &clauses::Clause,
    (source, other): (&clauses::Role, Option<&clauses::Role>),
    code: Option<&str>,
    modality: Modality,
    events: &mut Vec<dyad_model::Event>,
) {
    let exchange = code.is_some_and(|f| {
        f != "041"
            && matches!(
                cameo::root(f),
                "01" | "02" | "03" | "04" | "05" | "10" | "11" | "12" | "13"
            )
    });
    let Some(other) = other.filter(|_| exchange && by_phone(s, c)) else {
        return;
    };
    let call = NestedEvent {
        source: source.clone(),
        target: Some(other.clone()),
        forward: Some("041".to_string()),
        rule: "by phone".to_string(),
        ..NestedEvent::default()
    };
    emit(
        res,
        ctx,
        &call,
        EvidenceSpan {
            group_start: c.verb.group_start,
            verb: (c.verb.first, c.verb.last),
            matched: c.coded.matched.iter().copied().max(),
            clause: (c.start, c.end),
        },
        c.verb.negated,
        modality,
        events,
    );
}

/// Does the clause say its exchange was by telephone ("by phone", "by telephone", "over the
/// phone")?
fn by_phone(s: &SentenceView, c: &clauses::Clause) -> bool {
    let phone = |w: &str| matches!(w, "PHONE" | "TELEPHONE");
    (c.start..c.end.min(s.len())).any(|k| {
        (s.word(k) == "BY" && phone(s.word(k + 1)))
            || (s.word(k) == "OVER" && s.word(k + 1) == "THE" && phone(s.word(k + 2)))
    })
}
