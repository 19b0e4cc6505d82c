//! Whom an act that names no one is done to, from what the article told before it: the
//! accuser a denial answers, the proposer a rejection turns down, the attacker a retaliation
//! strikes, the aggressor a condemnation is of, the victim a claim of responsibility is for, the
//! sides of the last fight, the body a veto is cast in. Each reads the article's events so far
//! (or its memory) and gives the role the events stage falls back on when a clause names no
//! target.

use crate::clauses::Role;
use crate::coreference::{last_fight, ArticleMemory};
use crate::mentions::{state_of, ActorCode, Reached};

/// "Russia and China had vetoed three previous resolutions": the body a veto that names none is
/// cast in, the international organisation the article last named (not the vetoer itself).
pub fn vetoed_body(memory: &ArticleMemory, vetoer: &Role) -> Option<Role> {
    let body = memory.last_body.as_ref()?;
    if vetoer.members.iter().any(|m| m.code == body.code) {
        return None;
    }
    Some(Role {
        members: vec![ActorCode {
            reached: Reached::VetoedBody,
            ..body.clone()
        }],
        span: None,
        pronoun: true,
    })
}

/// Who last accused or criticised (CAMEO 11) one of `denier`'s states, among the article's
/// events so far: the addressee of a denial that names none ("an accusation Cambodia denied").
pub fn last_accuser(events: &[dyad_model::Event], denier: &Role) -> Option<Role> {
    last_act_against(events, denier, &["11"], Reached::Accuser)
}

/// Who last appealed to, offered to or demanded of (CAMEO 02, 03, 10) one of `rejecter`'s
/// states, among the article's events so far: whose proposal a rejection that names no one
/// turns down ("North Korea offered talks. Seoul rejected the offer.").
pub fn last_proposer(events: &[dyad_model::Event], rejecter: &Role) -> Option<Role> {
    last_act_against(events, rejecter, &["02", "03", "10"], Reached::Proposer)
}

/// Who last attacked (CAMEO 18–20) one of `responder`'s states, among the article's events so
/// far: whom a retaliation that names no one strikes ("Pakistani troops fired on Indian posts.
/// The Indian Army retaliated.").
pub fn last_attacker(events: &[dyad_model::Event], responder: &Role) -> Option<Role> {
    last_act_against(events, responder, &["18", "19", "20"], Reached::Attacker)
}

/// Whom the article's last use of force (CAMEO 18–20) struck: what a claim of responsibility
/// that names nothing is for ("A suicide bomber killed 60 soldiers at a camp in Gao. Al
/// Mourabitoun claimed responsibility." is a claim against Mali's soldiers).
pub fn last_victim(events: &[dyad_model::Event], claimer: &Role) -> Option<Role> {
    let e = events
        .iter()
        .rev()
        .find(|e| matches!(e.root.as_str(), "18" | "19" | "20"))?;
    let t = e.target.as_ref()?;
    // (not the claimer itself)
    if claimer.members.iter().any(|c| c.code == t.code) {
        return None;
    }
    source_as_role(t, claimer, Reached::Victim)
}

/// Who did the article's last hostile act (CAMEO 13–20): whom a condemnation that names no one
/// ("the European Union condemned the incident") is of. A use or show of force (15, 17–20)
/// comes first: the threats, protests and cuts in relations (13, 14, 16) after it are most
/// often the answers to it ("India tested a bomb. Washington cut its aid. Russia and China
/// denounced the blasts." are of India).
pub fn last_aggressor(events: &[dyad_model::Event], critic: &Role) -> Option<Role> {
    let force =
        |e: &&dyad_model::Event| matches!(e.root.as_str(), "15" | "17" | "18" | "19" | "20");
    let e = events.iter().rev().find(force).or_else(|| {
        events
            .iter()
            .rev()
            .find(|e| matches!(e.root.as_str(), "13" | "14" | "16"))
    })?;
    let a = e.source.as_ref()?;
    // (not the critic's own act)
    if critic.members.iter().any(|c| c.code == a.code) {
        return None;
    }
    source_as_role(a, critic, Reached::Aggressor)
}

/// The source of the last event of one of these roots whose target is of one of `actor`'s
/// states, as an actor reached so.
fn last_act_against(
    events: &[dyad_model::Event],
    actor: &Role,
    roots: &[&str],
    reached: Reached,
) -> Option<Role> {
    let states: Vec<&str> = actor
        .members
        .iter()
        .filter_map(|m| state_of(&m.code))
        .collect();
    let e = events.iter().rev().find(|e| {
        roots.contains(&e.root.as_str())
            && e.target
                .as_ref()
                .and_then(|t| state_of(&t.code))
                .is_some_and(|t| states.contains(&t))
    })?;
    source_as_role(e.source.as_ref()?, actor, reached)
}

/// "Ukraine began launching attacks in Donetsk. … Fighting continued near Bakhmut": a fight
/// told with no sides, in an article that has told of force used between two states (CAMEO
/// 18–20), is between those two: the source and target of the last such event, as actors
/// standing where `here` stands.
pub fn last_fight_sides(events: &[dyad_model::Event], here: &Role) -> Option<(Role, Role)> {
    let e = last_fight(events)?;
    let side = |a: &dyad_model::ActorRef| {
        let mut r = source_as_role(a, here, Reached::LastFight)?;
        // (the words are the noun's: "fighting", not the earlier sentence's names)
        r.members[0].char_start = here.members[0].char_start;
        r.members[0].char_end = here.members[0].char_end;
        Some(r)
    };
    Some((side(e.source.as_ref()?)?, side(e.target.as_ref()?)?))
}

/// An earlier event's actor as the role a word of this sentence points to (its tokens those of
/// `here`'s first member; its characters the earlier actor's own words), reached so.
fn source_as_role(a: &dyad_model::ActorRef, here: &Role, reached: Reached) -> Option<Role> {
    let m = here.members.first()?;
    Some(Role {
        members: vec![ActorCode {
            code: a.code.clone(),
            char_start: a.start,
            char_end: a.end,
            reached,
            ..m.clone()
        }],
        span: None,
        pronoun: true,
    })
}
