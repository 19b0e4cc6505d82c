//! When one verb governs another ("said it would attack", "urged Bree to help", "wants to
//! help Israel"), whether the pair is one event and which: PETR-2's transformations, appeals
//! and intents combined with their content by the CAMEO ontology, reported announcements,
//! object control, and refusals.

use dyad_dict::cameo;
use dyad_dict::pico::Pico;
use dyad_model::Modality;

use crate::clauses::{Clause, Complement, Role};
use crate::conventions::Convention;
use crate::english;
use crate::resources::Resources;
use crate::verbs::VerbOccurrence;

/// An event before it is spread over the members of its actors. (Its `Default` is no event:
/// the flags off, for the constructions that set only the actors, codes and rule.)
#[derive(Debug, Clone, Default)]
pub struct NestedEvent {
    pub source: Role,
    pub target: Option<Role>,
    /// Does a source of several members with no target act on itself, each member on the
    /// others? Under the guide's convention only where the words say so ("Chile and Peru met",
    /// "agreed to strengthen their ties"); PETRARCH's reads every such verb so. Decided by the
    /// events stage (`events::acts_mutually`), which sees the clause's words.
    pub mutual: bool,
    pub forward: Option<String>,
    pub reverse: Option<String>,
    pub rule: String,
    /// The modality of the pair when it is not simply the stronger of the two verbs'.
    pub modality: Option<Modality>,
    /// Announced for the future ("will free", "said it would free"): coded as the intent to
    /// do it (0352, intent to release), as CAMEO's 03 codes are.
    pub future: bool,
    /// Refused or failed ("refused to meet", "failed to free"): the event did not happen.
    pub refused: bool,
    /// A hostile act vowed, pledged or promised: the threat code it is under the guide's
    /// convention ([`threat_code`]).
    pub threat: Option<String>,
}

/// The dictionary line that coded a clause, as `BLOCK:line` (a pattern a supplement added to
/// the block: `file:line (BLOCK)`).
pub fn rule(res: &Resources, c: &Clause) -> String {
    let block = &res.lexicon.dicts.verbs.blocks[c.verb.candidate.block];
    let line = match c.coded.pattern {
        // (a supplement's pattern added to the block: its own file, as explain writes it)
        Some(p) if p.file.is_some() => {
            return format!(
                "{}:{} ({})",
                p.file.as_deref().unwrap_or(""),
                p.line,
                block.name
            )
        }
        Some(p) => p.line,
        None => block.verbs[c.verb.candidate.entry].line,
    };
    format!("{}:{}", block.name, line)
}

/// The base form of a clause's verb ("SAY" for "said").
pub(crate) fn verb_name<'r>(res: &'r Resources, c: &Clause) -> &'r str {
    crate::clauses::verb_base(&res.lexicon, &c.verb)
}

/// Does a transformation's verb name cover this clause? The name of its verb, or of its
/// block; `SAY` covers every verb of saying (code root 01) and `ATTACK` every assault,
/// fight or mass violence (roots 18–20); `Q` is any verb.
fn verb_matches(res: &Resources, name: &str, c: &Clause) -> bool {
    let block = &res.lexicon.dicts.verbs.blocks[c.verb.candidate.block];
    let code = c.coded.code.forward().unwrap_or("");
    name == "Q"
        || name == verb_name(res, c)
        || name == block.name
        || (name == "SAY" && cameo::root(code) == "01")
        || (name == "ATTACK" && matches!(cameo::root(code), "18" | "19" | "20"))
}

/// One event from a verb and the verb it governs, when the pair means one thing:
/// PETR-2's transformations ("A said B attacked" → A accuses B, 112), an appeal or intent
/// combined with its content ("wants to help" → 033), a verb of saying with its own
/// subject's action ("Obama said he would attack" → the attack), or an object-control verb
/// ("urged Bree to help" → the appeal). None: the two verbs are coded apart.
pub fn nested(
    res: &Resources,
    convention: Convention,
    outer: &Clause,
    inner: &Clause,
    kind: Complement,
) -> Option<NestedEvent> {
    let (a, outer_target) = outer.source_target();
    let a = a?;
    let (inner_source, inner_target) = inner.source_target();
    let outer_code = outer.coded.code.forward();
    let inner_code = if inner.coded.code.is_null() {
        None
    } else {
        inner.coded.code.forward()
    };
    let same = |r: Option<&Role>| r.is_some_and(|r| same_actors(r, a));
    // how the inner subject relates to the outer one: a (same), _ (absent: controlled by
    // the outer subject), b (another actor)
    let controlled =
        kind == Complement::Infinitive && inner.subject.as_ref().is_some_and(|r| r.span.is_none());
    let label = if controlled && same(inner_source) {
        '_'
    } else if same(inner_source) {
        'a'
    } else if inner_source.is_some() {
        'b'
    } else {
        '.'
    };
    let outer_rule = rule(res, outer);
    // (a verb that states a noun of intent, "expressed its readiness to help", is no verb of
    // saying whose content a transformation reads: it is coded as the intent below)
    if let Some(ic) = inner_code.filter(|_| !outer.intent_noun) {
        for t in &res.lexicon.dicts.verbs.transformations {
            if !verb_matches(res, &t.outer_verb, outer) || !verb_matches(res, &t.inner_verb, inner)
            {
                continue;
            }
            // a report of force told by a verb of saying is the force itself under the guide
            if t.outer_verb == "SAY"
                && t.inner_verb == "ATTACK"
                && !convention.reads_reported_force_as_claims()
            {
                continue;
            }
            let source_ok = match t.inner_source.as_str() {
                "a" => label == 'a' || label == '_',
                "_" => label == '_',
                "b" => label == 'b',
                _ => true,
            };
            // in (a b X) the inner verb needs a target; in (b . X) anything goes
            let target_ok = match t.inner_target.as_str() {
                "b" => inner_target.is_some(),
                _ => true,
            };
            if !source_ok || !target_ok {
                continue;
            }
            let b = if t.inner_source == "b" {
                inner_source
            } else {
                inner_target
            };
            let pick = |x: &str| match x {
                "a" => Some(a),
                "b" => b,
                _ => None,
            };
            let code = if t.result_code == "Q" {
                ic.to_string()
            } else {
                t.result_code.clone()
            };
            return Some(NestedEvent {
                source: pick(&t.result_source)?.clone(),
                target: pick(&t.result_target).cloned(),
                forward: Some(code),
                reverse: None,
                rule: format!("{}+transformation:{}", outer_rule, t.line),
                modality: match kind {
                    Complement::Finite => reported_modality(inner),
                    Complement::Infinitive => None,
                },
                future: kind == Complement::Finite && is_future(&inner.verb),
                refused: false,
                mutual: false,
                threat: None,
            });
        }
    }
    match kind {
        Complement::Infinitive => {
            if object_controls(outer, inner) {
                // "urged Bree to help", "is being pressured by Congress to help": the
                // appeal, for what it asks ("asking Obama to help" = appeal for aid, 023)
                if outer.coded.code.is_null() {
                    return None;
                }
                let combined = appeal_for(&res.pico, outer_code, inner_code);
                return Some(NestedEvent {
                    source: a.clone(),
                    target: outer_target.cloned(),
                    forward: combined.map(str::to_string),
                    reverse: outer.coded.code.reverse().map(str::to_string),
                    rule: outer_rule.clone(),
                    modality: None,
                    ..NestedEvent::default()
                });
            }
            // "agreed to help", "reaffirmed their willingness to help"
            let commissive = english::is_commissive(verb_name(res, outer)) || outer.intent_noun;
            // "agreed to strengthen their ties": an intent to cooperate whose act the
            // dictionaries do not code
            let ic = match inner_code {
                Some(ic) => ic,
                None if commissive && (!outer.coded.code.is_null() || outer.intent_noun) => "030",
                None => return None,
            };
            // "wants to help Israel": intent + aid = 033; "pledged to expel": the expulsion
            let pico = &res.pico;
            // (with a noun of intent the verb only states it: "expressed its readiness to
            // provide aid" is the intent to provide aid, whatever "expressed" codes alone)
            let oc = if outer.intent_noun {
                Some("030")
            } else {
                outer_code.filter(|_| !outer.coded.code.is_null())
            };
            // "fired tear gas to subdue the protesters", "shelled the town to drive out the
            // rebels": a use of force done for a purpose is the force, done to whom the
            // purpose names; the purpose is no act of its own
            let force = oc.filter(|oc| {
                !commissive
                    && matches!(cameo::root(oc), "17" | "18" | "19" | "20")
                    && pico.combine(oc, ic).is_none()
                    && (outer_target.is_some() || inner_target.is_some())
            });
            if let Some(force) = force {
                return Some(NestedEvent {
                    source: a.clone(),
                    target: outer_target.or(inner_target).cloned(),
                    forward: Some(force.to_string()),
                    rule: outer_rule,
                    ..NestedEvent::default()
                });
            }
            let code = oc.and_then(|oc| pico.combine(oc, ic)).unwrap_or(ic);
            let intent = outer_code.is_some_and(|oc| cameo::root(oc) == "03") || commissive;
            // "refused to meet", "declined to provide aid", "failed to free": the act did
            // not happen; coded as the act, negated (its negation code is the refusal)
            let refused = matches!(
                verb_name(res, outer),
                "REFUSE" | "DECLINE" | "REJECT" | "FAIL"
            );
            let code = if refused { ic } else { code };
            // "vowed to impose sanctions": a commitment to a hostile act is a threat, in the
            // guide's convention (the events stage asks it)
            let threat = (commissive && !refused)
                .then(|| threat_code(pico, ic))
                .flatten();
            Some(NestedEvent {
                source: inner_source.unwrap_or(a).clone(),
                target: inner_target.cloned(),
                forward: Some(code.to_string()),
                reverse: if code == ic {
                    inner.coded.code.reverse().map(str::to_string)
                } else {
                    None
                },
                rule: rule(res, inner),
                modality: intent.then_some(Modality::Intended),
                future: false,
                refused,
                mutual: false,
                threat,
            })
        }
        Complement::Finite => {
            // "I hope that China will join our call", "demanded that Israel withdraw": an
            // appeal or a demand, made to the actor of the act it asks for, for that act
            let asks = outer_code.is_some_and(|oc| matches!(cameo::root(oc), "02" | "10"));
            if asks && label == 'b' && !outer.coded.code.is_null() {
                let asked = inner_source?;
                let combined = appeal_for(&res.pico, outer_code, inner_code);
                return Some(NestedEvent {
                    source: a.clone(),
                    target: Some(asked.clone()),
                    forward: combined.map(str::to_string),
                    reverse: None,
                    rule: outer_rule.clone(),
                    modality: None,
                    ..NestedEvent::default()
                });
            }
            // "Kinshasa charges that the M23 is backed by Rwanda", "accused that Israel had
            // fired first": an accusation is made against the doer of the act it tells
            let accuses = outer_code.is_some_and(|oc| oc.starts_with("112"));
            if accuses && label == 'b' && !outer.coded.code.is_null() && outer_target.is_none() {
                return Some(NestedEvent {
                    source: a.clone(),
                    target: Some(inner_source?.clone()),
                    forward: outer_code.map(str::to_string),
                    reverse: None,
                    rule: outer_rule.clone(),
                    modality: None,
                    ..NestedEvent::default()
                });
            }
            // "warned it would impose sanctions on India", "vowed that it would retaliate":
            // the speaker's own hostile act, warned of or vowed, is the threat of it (1312,
            // 138) in the guide's convention; the act itself, announced, otherwise
            let threatens = (outer_code.is_some_and(|oc| cameo::root(oc) == "13")
                && !outer.coded.code.is_null())
                || english::is_commissive(verb_name(res, outer));
            if threatens && label == 'a' {
                let ic = inner_code?;
                if let Some(threat) = threat_code(&res.pico, ic) {
                    return Some(NestedEvent {
                        source: a.clone(),
                        target: inner_target.cloned(),
                        forward: Some(ic.to_string()),
                        rule: rule(res, inner),
                        modality: Some(Modality::Intended),
                        threat: Some(threat),
                        ..NestedEvent::default()
                    });
                }
            }
            // "Obama said he would attack Iraq": the speaker's own announced action
            let saying = outer_code.is_some_and(|oc| cameo::root(oc) == "01");
            if saying && label == 'a' {
                let ic = inner_code?;
                return Some(NestedEvent {
                    source: a.clone(),
                    target: inner_target.cloned(),
                    forward: Some(ic.to_string()),
                    reverse: inner.coded.code.reverse().map(str::to_string),
                    rule: rule(res, inner),
                    modality: reported_modality(inner),
                    future: is_future(&inner.verb),
                    refused: false,
                    mutual: false,
                    threat: None,
                });
            }
            None
        }
    }
}

/// Does the outer verb hand the infinitive its object as subject ("urged Bree to help",
/// "gave permission to Russia to help", "was pressured by Congress to help")? A passive with
/// no agent before the infinitive raises its subject instead ("was seen to break").
fn object_controls(outer: &Clause, inner: &Clause) -> bool {
    outer
        .object
        .as_ref()
        .and_then(|o| o.span)
        .is_some_and(|(_, e)| e <= inner.verb.group_start)
}

/// An appeal or demand for what its content names ("urged Bree to help" = appeal for aid,
/// 023; "asked Malaysia to mediate" = appeal for mediation, 028), by the ontology; the
/// appeal's own code when the ontology has no combination.
fn appeal_for<'c>(
    pico: &'c Pico,
    outer: Option<&'c str>,
    inner: Option<&'c str>,
) -> Option<&'c str> {
    outer
        .zip(inner)
        .and_then(|(oc, ic)| {
            pico.combine(oc, ic)
                .or_else(|| pico.combine_consult(oc, ic))
        })
        .or(outer)
}

/// The intent to do what a code names (release persons 0841 → intent to release 0352), when
/// the ontology has one; otherwise the code itself.
pub fn intent_code(pico: &Pico, code: &str) -> String {
    pico.combine("030", code).unwrap_or(code).to_string()
}

/// A hostile act vowed, pledged or promised ("vowed to impose sanctions", "promised sanctions
/// on Colombia", "pledged to retaliate") is a threat: CAMEO 13 is the intent of the acts of
/// roots 16–20 ("threaten to impose sanctions" 1312, "with military force" 138), as the
/// guide's "threatened (sanctions: 1312; military force: 138)". The ontology combines
/// "threaten" with the act; None for an act that is not hostile.
pub fn threat_code(pico: &Pico, code: &str) -> Option<String> {
    matches!(cameo::root(code), "16" | "17" | "18" | "19" | "20").then(|| {
        pico.combine("130", code)
            .filter(|c| cameo::root(c) == "13")
            .unwrap_or("130")
            .to_string()
    })
}

/// A verb announced for the future: "will free", or in reported speech "would free".
fn is_future(v: &VerbOccurrence) -> bool {
    matches!(
        v.modal.as_deref(),
        Some("WILL" | "SHALL" | "'LL" | "WO" | "WOULD")
    )
}

/// In reported speech "would" is the "will" of the speaker ("said he would attack").
fn reported_modality(inner: &Clause) -> Option<Modality> {
    (inner.verb.modal.as_deref() == Some("WOULD")).then_some(Modality::Intended)
}

/// Do two roles name the same actors? One country's, member by member, where a country named
/// alone is any of its parts ("Xi" and "China" are one), and two parts named with their roles
/// are one only when the roles are, and a state is never its insurgents: "the army said rebels had captured the town" and "a
/// spokesman said police had fired" report another actor's act, not the speaker's own.
fn same_actors(x: &Role, y: &Role) -> bool {
    // each member as its country, its role and whether it is of the insurgents
    fn parts(r: &Role) -> Vec<(&str, &str, bool)> {
        let mut v: Vec<(&str, &str, bool)> = r
            .members
            .iter()
            .map(|m| {
                let (country, role) = m.code.split_at(m.code.len().min(3));
                (country, role, crate::coreference::is_insurgent(&m.code))
            })
            .collect();
        v.sort();
        v
    }
    let (px, py) = (parts(x), parts(y));
    px.len() == py.len()
        && px.iter().zip(&py).all(|((cx, rx, ix), (cy, ry, iy))| {
            cx == cy && (rx == ry || rx.is_empty() || ry.is_empty()) && ix == iy
        })
        && !x
            .members
            .iter()
            .all(|m| m.code.starts_with(crate::mentions::UNKNOWN_COUNTRY))
}
