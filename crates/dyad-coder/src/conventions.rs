//! Which CAMEO codes the coder writes where the field's conventions differ. dyad's default is
//! the convention of the careful human coder of docs/CODING-GUIDE.md, by which dyad is judged
//! on real news; PETRARCH's validation suites were written in PETRARCH's own convention, which
//! `dyad eval petr` asks for explicitly ([`crate::Coder::with_convention`]), so each figure is
//! measured in the convention its gold was coded in.

use dyad_dict::cameo;
use dyad_model::{Event, Modality};

use crate::clauses::Role;
use crate::english;
use crate::mentions::{state_of, ActorCode, Reached};
use crate::resources::Resources;

/// A coding convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Convention {
    /// docs/CODING-GUIDE.md: a bare statement ("said", CAMEO 010, make statement not
    /// specified) is commentary with no addressee and no event; what was said is coded when
    /// it is one. An act announced or planned ("will hold talks", "is to provide $10
    /// million") is coded as the intent it states: a meeting, visit or negotiation to come is
    /// 036, another act the intent CAMEO names for it (aid: 033x); the modality stays
    /// `intended`. An agent named without a country ("police") is of the article's country
    /// ([`crate::coreference::agents_take_the_article_country`]); an actor whose country
    /// the article does not tell (`---`, `---GOV`) makes no event, as a coder who codes
    /// countries writes none.
    #[default]
    Guide,
    /// PETRARCH-2's: every dictionary verb's code, 010 included; an agent named without a
    /// country stays without (`---COP`).
    Petrarch,
}

impl Convention {
    /// Whether the second direction of a paired code is coded. The dictionaries pair a visit
    /// with its host ("visited", "paid a visit": 042 one way, 043 the other); the guide codes
    /// a host event only where the text says someone hosted, received or welcomed the visitor
    /// ("A visited B is A→B only"), so under it a visit's host half is left out; and a host's
    /// welcome ("welcomed B to Istanbul", 043) is the host's act, whose visit half the text
    /// does not state either.
    pub fn keeps_reverse(self, forward: Option<&str>, reverse: &str) -> bool {
        self != Convention::Guide
            || !matches!(
                (forward, reverse),
                (Some("042"), "043") | (Some("043"), "042")
            )
    }

    /// The code of an arrest the dictionaries code as repression, if this convention codes it
    /// otherwise. CAMEO.2.0.txt codes its arresting verbs' patterns on protesters and
    /// journalists ("arrested protesters", "police detained demonstrators") 175, use tactics of
    /// violent repression, with a protest (140, 141, 1412) as the arrested's act back; the
    /// guide codes an arrest as its coders do, "arrested, detained, took hostage: 173 / 181",
    /// and a protest only where the text tells one. The arresting blocks are APPREHEND
    /// (arrest, apprehend, seize, take) and CONFINE (detain, confine).
    pub fn reads_arrest(self, rule: &str, forward: Option<&str>) -> Option<&'static str> {
        let arresting = rule
            .split_once(':')
            .is_some_and(|(block, _)| matches!(block, "APPREHEND" | "CONFINE"));
        (self == Convention::Guide && forward == Some("175") && arresting).then_some("173")
    }

    /// Whether the place of a meeting is never its party: "gathered for talks in the
    /// Ethiopian capital" is a meeting held in Ethiopia, not with it, as the guide codes a
    /// meeting at a third country's venue (044 between the parties, "met at a summit or a
    /// third country's venue"). PETRARCH's suites code a meeting's place as its target
    /// ("met in Geneva"), as its coder reads the object of "in".
    pub fn places_no_meeting(self) -> bool {
        self == Convention::Guide
    }

    /// Whether a compound source with no target acts on itself, each member on the others:
    /// in the guide's convention only where the words say so (`mutual`: "Chile and Peru
    /// met", not "Chile, Peru and Bolivia were willing to join"); PETRARCH's pairs them always.
    pub fn pairs_members_without_target(self, mutual: bool) -> bool {
        mutual || self == Convention::Petrarch
    }

    /// Whom a protest that names no one is against ("students marched in Jakarta", "staged
    /// demonstrations"): under the guide, the government of the protesters'
    /// country, as its coders write a domestic protest (CAMEO 14, `IDNEDU 141 IDNGOV`). Only
    /// for protesters of a sector of a state ("students", "the opposition"), not a state
    /// itself, whose protest is a diplomatic one with an addressee of its own.
    pub fn protest_target(self, code: &str, source: &Role) -> Option<Role> {
        if self != Convention::Guide || cameo::root(code) != "14" {
            return None;
        }
        let m = source.members.first()?;
        if m.code.len() == 3 || m.code.ends_with("GOV") {
            return None;
        }
        own_state(source, "GOV", Reached::ProtestedGovernment)
    }

    /// Whom a state's armed forces use unconventional violence against (CAMEO 180) when the
    /// text names no one, or only their own country ("soldiers seized power", "seized power in
    /// Gabon"): under the guide, their own government, as its coders write a coup ("a coup:
    /// soldiers seized power, overthrew or toppled the government: 180 military → government").
    pub fn coup_target(self, code: &str, source: &Role) -> Option<Role> {
        if self != Convention::Guide || !by_soldiers(code, &source.members.first()?.code) {
            return None;
        }
        own_state(source, "GOV", Reached::OverthrownGovernment)
    }

    /// Whom a restriction that names no one is imposed on ("declared a state of emergency",
    /// "suspended the constitution", "imposed a curfew"): under the guide, the country of
    /// whoever imposed it, its people (CAMEO 172, administrative sanctions: `PAKGOV 1724
    /// PAK`), since a state restricts its own; PETRARCH's suites code none.
    pub fn restricted_country(self, code: &str, source: &Role) -> Option<Role> {
        if self != Convention::Guide || !code.starts_with("172") {
            return None;
        }
        own_state(source, "", Reached::OwnCountry)
    }

    /// Whether welcoming a person is coded as hosting a visitor (043, the guide's "hosted,
    /// received, welcomed a visitor"), not the praise of upstream's ACCLAIM block (051).
    pub fn codes_hosting(self) -> bool {
        self == Convention::Guide
    }

    /// Whether a hostile act vowed, pledged or promised is coded as the threat it is
    /// ([`crate::nesting::threat_code`]: "vowed to impose sanctions" 1312-like, "pledged to
    /// retaliate" 138), as the guide's coders do; PETRARCH's suites code the act.
    pub fn codes_threats(self) -> bool {
        self == Convention::Guide
    }

    /// Whether an act of this code told with no target is coded with none: under the guide, a
    /// show of force at no one (CAMEO 15: "test-fired a missile", "troops were deployed to
    /// guard the capital", the guide's "fired / test-launched a missile with no target: 150");
    /// other acts with no target make no event, and PETRARCH's suites code none.
    pub fn codes_undirected(self, code: &str) -> bool {
        self == Convention::Guide && cameo::root(code) == "15"
    }

    /// Whether a report of force is the speaker's claim or accusation, as PETR-2's
    /// transformations read it ("A said A attacked B": A claims responsibility, 015; "A said B
    /// attacked": A accuses B, 112). Under the guide a report is coded as what it reports ("the
    /// army said it captured the town" is the capture; "the ministry said enemy units opened
    /// fire" is the firing): a claim or an accusation only where its verb makes one
    /// ("claimed responsibility", "accused").
    pub fn reads_reported_force_as_claims(self) -> bool {
        self == Convention::Petrarch
    }

    /// Whether a light verb's event noun is coded by the event-noun lexicon even where an
    /// upstream pattern of the verb reads the noun itself with another code: under the guide,
    /// whose table the lexicon was reviewed against ("expressed appreciation to" is thanks,
    /// 051, where EXPRESS * APPRECIATION is optimism, 013; "held talks with" is the guide's
    /// 040, where HOLD * TALKS negotiates, 046); PETRARCH's suites were written to its
    /// patterns.
    pub fn codes_nouns_over_patterns(self) -> bool {
        self == Convention::Guide
    }

    /// Whether a sentence naming a past year is left uncoded, as Phoenix's discard list has
    /// it (PETRARCH's coders read it as history). The guide codes background acts as well
    /// ("agreed in 1994 to extend loans"), so under it a year discards nothing.
    pub fn discards_years(self) -> bool {
        self == Convention::Petrarch
    }

    /// How many of a story's first sentences one story discard ("FIFA", "Champions League")
    /// drops it from. PETRARCH's list drops a story that names one anywhere; the guide's coder
    /// codes the political acts a story reports, and a sports story names its sport in its
    /// headline and lead, or more than once, where a state visit's story may name "the 2026
    /// FIFA World Cup" once in its eighth sentence. So under the guide: the first three
    /// sentences (a headline and two); further on, it takes two sentences that name one
    /// ([`crate::article::Article::discarded`]).
    pub fn story_discard_reach(self) -> usize {
        match self {
            Convention::Guide => 3,
            Convention::Petrarch => usize::MAX,
        }
    }

    /// Whether a meeting of two states at a third location is coded so (CAMEO 044, the guide's
    /// "met at a summit or a third country's venue"), once the places are known
    /// ([`meetings_at_venues`]); PETRARCH's suites code every meeting 040.
    pub fn codes_venues(self) -> bool {
        self == Convention::Guide
    }

    /// Drop or recode the events this convention codes otherwise than the dictionaries.
    pub fn apply(self, res: &Resources, events: &mut Vec<Event>) {
        if self != Convention::Guide {
            return;
        }
        let countryless = |a: &Option<dyad_model::ActorRef>| {
            a.as_ref()
                .is_some_and(|a| a.code.starts_with(crate::mentions::UNKNOWN_COUNTRY))
        };
        events.retain(|e| e.code != "010" && !countryless(&e.source) && !countryless(&e.target));
        for e in events.iter_mut() {
            for actor in [e.source.as_mut(), e.target.as_mut()].into_iter().flatten() {
                if let Some(code) = member_state(&actor.code) {
                    actor.code = code;
                }
            }
        }
        // (a police assault is one the other side does not fight back in the same words)
        let assaults: Vec<bool> = events
            .iter()
            .map(|e| police_on_the_unarmed(e) && !events.iter().any(|r| fights_back(e, r)))
            .collect();
        for (e, assault) in events.iter_mut().zip(assaults) {
            if takes_a_place(e) {
                recode(res, e, "171");
            }
            if assault {
                recode(res, e, "180");
            }
            if armed_attack_read_as_words(e) {
                recode(res, e, "190");
            }
            if suicide_bombing(res, e) {
                recode(res, e, "1831");
            }
            // "soldiers seized power in Gabon": the place is where, the government whom
            seized_from_the_government(e);
            if e.modality != Modality::Intended || e.negated {
                continue;
            }
            if let Some(code) = intent_of(res, &e.code) {
                recode(res, e, &code);
            }
        }
        events
            .retain(|e| !with_its_own_state(e) && !with_its_own_forces(e) && !said_to_the_press(e));
    }
}

/// "Soldiers seized power in Gabon": a state's armed forces' unconventional violence (CAMEO
/// 180) whose target is only their own country, a place the clause names, is against their
/// government ([`Convention::coup_target`]).
fn seized_from_the_government(e: &mut Event) {
    let (Some(source), Some(target)) = (e.source.as_ref(), e.target.as_mut()) else {
        return;
    };
    if by_soldiers(&e.code, &source.code)
        && target.code.len() == 3
        && source.code.get(..3) == Some(target.code.as_str())
    {
        target.code.push_str("GOV");
    }
}

/// Is an act of this code by this actor a state's armed forces' unconventional violence
/// (CAMEO 180), as a coup is?
fn by_soldiers(code: &str, source: &str) -> bool {
    code == "180" && source.get(3..6) == Some("MIL")
}

/// Is the event a statement (CAMEO 01) whose target is the press ("acknowledged to
/// reporters that…", "told journalists")? Reporters are where a statement is made, not whom
/// it concerns; with no one else it is addressed to or about, the guide's coders write no
/// event, as for any statement with no target.
fn said_to_the_press(e: &Event) -> bool {
    cameo::root(&e.code) == "01"
        && e.target
            .as_ref()
            .is_some_and(|t| t.code.get(3..6) == Some("MED"))
}

/// Recode as 044 (meet at a third location) each meeting (040) of two states that the text
/// places at a third location: in a place its clause names that is in neither state
/// ("Russia and Ukraine concluded their meeting in Istanbul"), or at a gathering of many states
/// its sentence names (a word of the event-noun lexicon's VENUE list: "Carney met Trump, at
/// the G7 Leaders' Summit in Kananaskis", "on the sidelines of"). A place read from the
/// dateline alone is where the story was filed, not where the meeting was, and says nothing.
/// `sentence(i)`: the tokens of sentence `i`.
pub fn meetings_at_venues<'t>(
    res: &Resources,
    sentence: impl Fn(usize) -> &'t [dyad_model::Token],
    events: &mut [Event],
) {
    let state = |a: &Option<dyad_model::ActorRef>| {
        let code = a.as_ref()?.code.get(..3)?;
        res.cameo.is_country_code(code).then(|| code.to_string())
    };
    let nouns = &res.lexicon.dicts.event_nouns;
    for e in events.iter_mut() {
        if e.code != "040" {
            continue;
        }
        let (Some(source), Some(target)) = (state(&e.source), state(&e.target)) else {
            continue;
        };
        let third_place = e
            .place
            .as_ref()
            .is_some_and(|p| p.text.is_some() && p.country != source && p.country != target);
        let at_a_gathering = || sentence(e.sentence).iter().any(|t| nouns.is_venue(&t.norm));
        if source != target && (third_place || at_a_gathering()) {
            recode(res, e, "044");
        }
    }
}

/// Is the event a state's intent, aid or show of force (CAMEO 03, 07, 15) whose target is
/// that state's own armed forces or police ("agreed to send 10,000 national guard troops",
/// "ordered U.S. troops to help", "refused to redeploy its army", "deploying riot police")?
/// The forces are what the state acts with, not whom it acts on; the guide's coders write no
/// such event (its coercion of its own forces, "arrested army officers", is one and stays).
fn with_its_own_forces(e: &Event) -> bool {
    let (Some(source), Some(target)) = (&e.source, &e.target) else {
        return false;
    };
    fn roles(code: &str) -> &str {
        code.get(3..).unwrap_or("")
    }
    let state_side = |code: &str| {
        let r = roles(code);
        r.is_empty() || r.starts_with("GOV") || r.starts_with("MIL")
    };
    let forces = |code: &str| {
        let r = roles(code);
        ["MIL", "COP", "SPY"]
            .iter()
            .any(|f| r.starts_with(f) || r.strip_prefix("GOV") == Some(f))
    };
    matches!(cameo::root(&e.code), "03" | "07" | "15")
        && source.code.get(..3) == target.code.get(..3)
        && !source.code.starts_with("IGO")
        && state_side(&source.code)
        && forces(&target.code)
}

/// Is the event an act of cooperation (CAMEO 03–06: intent, meeting, diplomatic or material
/// cooperation) between a state and an actor of that same state, the state named by itself, or
/// between an international body and its own members ("a meeting of Arab foreign ministers"
/// under the Arab League's name)?
/// A state does not cooperate with its own government, leader or people: its name beside
/// one of them is where or for whom they act ("pledged that Cairo would step up its
/// diplomacy", "returned to Pakistan", "led the Saudi delegation", Finland's minister "proud
/// to welcome Finland"), and the guide's coders write no such event. Two parties of one state
/// ("the government and the rebels held talks", `COLGOV 046 COLREB`) are a dyad and stay.
fn with_its_own_state(e: &Event) -> bool {
    let (Some(source), Some(target)) = (&e.source, &e.target) else {
        return false;
    };
    let table = dyad_dict::cameo::CameoTable::bundled();
    let state_alone = |code: &str| code.len() == 3 && table.is_country_code(code);
    // ("a meeting of Arab foreign ministers": an international body with its own members)
    let body = |code: &str| code.starts_with("IGO") || code.starts_with("NGO");
    let same_body = body(&source.code)
        && (source.code.starts_with(&target.code) || target.code.starts_with(&source.code));
    matches!(cameo::root(&e.code), "03" | "04" | "05" | "06")
        && ((source.code.get(..3) == target.code.get(..3)
            && (state_alone(&source.code) || state_alone(&target.code)))
            || same_body)
}

/// Is the event a place taken by a verb of taking ("rebels captured the town", "seized the
/// airport", "took control of the base")? CAMEO.2.0.txt codes such patterns of its taking
/// verbs 192, occupy territory; the guide codes them as its coders do, "seized, occupied
/// territory or buildings: 171". The verbs of invasion (the dictionary's INVADE block:
/// "invaded", "overran the country"), of sending (SEND's "deployed police", no taking) and
/// the nouns (the event-noun lexicon codes its own) keep 192.
fn takes_a_place(e: &Event) -> bool {
    e.code == "192"
        && e.rule
            .split_once(':')
            .is_some_and(|(block, _)| !matches!(block, "INVADE" | "SEND") && !block.contains(' '))
}

/// Is the event force used by police on people who bear no arms ("police shot dead a young
/// boy", "an attack on students by police")? CAMEO's 19 is fighting, "uses of conventional force
/// and acts of war typically by organized armed groups"; its 18, assault, is violence that is no
/// war; the guide's table codes armed attack "on forces or positions" 190, and killing or wounding
/// people "by other means" 18x, as its coders write a police killing (180). The dictionaries
/// code the verbs of shooting, killing and attacking 190 whoever the target is. So: a 190 or 193
/// whose source is police and whose target is of no armed sector (civilians, students,
/// protesters, a country's people named by its name alone, in the police's own country). A
/// fight both sides are coded in ("clashes between police and protesters", [`fights_back`])
/// stays a fight.
fn police_on_the_unarmed(e: &Event) -> bool {
    let (Some(source), Some(target)) = (&e.source, &e.target) else {
        return false;
    };
    if !matches!(e.code.as_str(), "190" | "193") || source.code.get(3..6) != Some("COP") {
        return false;
    }
    !target.code.starts_with("IGO")
        && !crate::mentions::is_armed(&target.code)
        && (target.code.len() > 3 || source.code.get(..3) == target.code.get(..3))
}

/// Is the event an attack by armed men that a pattern for words coded as criticism ("rebels
/// attacked a state bank, a government office", "Al Shabaab is fighting the Somali government
/// to impose Islamic law")? The PHYSICAL_CONFLICT block's verbs (attack, fight, hit, clash)
/// have patterns for attacks in words, CAMEO 111 ("attacked the government", "- * LAW"), which
/// its nouns anywhere in the clause meet; an armed group or force (rebels, soldiers, police,
/// militias: CAMEO's armed sectors) attacking is using force, 190, as the block itself codes.
fn armed_attack_read_as_words(e: &Event) -> bool {
    let Some(source) = &e.source else {
        return false;
    };
    e.root == "11"
        && e.rule
            .split_once(':')
            .is_some_and(|(block, _)| block == "PHYSICAL_CONFLICT")
        && (crate::mentions::is_armed(&source.code) || source.code.starts_with("IMG"))
}

/// Is the event force told as a suicide attack ("a suicide bomber detonated at the base",
/// "twin suicide bombing by ISIS", "launched a suicide attack on a cargo ship")? CAMEO codes a
/// suicide bombing 1831 whatever verb tells it (the dictionaries code killing, attacking and
/// bombing 19x or 183); a word of the event-noun lexicon's SUICIDE list in the evidence, before
/// the noun it modifies, makes it one ("committed suicide" modifies nothing).
fn suicide_bombing(res: &Resources, e: &Event) -> bool {
    if !matches!(cameo::root(&e.code), "18" | "19") || e.code == "1831" {
        return false;
    }
    let nouns = &res.lexicon.dicts.event_nouns;
    let text = &e.evidence.text;
    let is_word = |c: char| c.is_alphanumeric() || c == '-';
    let mut rest = text.as_str();
    while let Some(at) = rest.find(is_word) {
        rest = &rest[at..];
        let len = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
        let (word, after) = rest.split_at(len);
        rest = after;
        if !nouns.is_suicide(&word.to_uppercase()) {
            continue;
        }
        // the next word, after nothing but spaces ("fearing suicide, killed" modifies nothing)
        let next = after.trim_start_matches(' ');
        let next = &next[..next.find(|c: char| !is_word(c)).unwrap_or(next.len())];
        let n = next.to_uppercase();
        let modifies = !(n.is_empty()
            || english::is_preposition(&n)
            || english::is_determiner(&n)
            || english::is_conjunction(&n)
            || english::is_function_word(&n));
        if modifies {
            return true;
        }
    }
    false
}

/// Is `reverse` the other half of a fight `e` belongs to: the same code and evidence, its
/// source `e`'s target and its target `e`'s source?
fn fights_back(e: &Event, reverse: &Event) -> bool {
    fn code(a: &Option<dyad_model::ActorRef>) -> Option<&str> {
        a.as_ref().map(|a| a.code.as_str())
    }
    reverse.code == e.code
        && reverse.evidence.start == e.evidence.start
        && code(&reverse.source) == code(&e.target)
        && code(&reverse.target) == code(&e.source)
}

/// The guide's actor is an ISO-3 country: where the dictionaries date a member state into the
/// federation it belonged to (Serbia 1992–2006 `SCGSRB`, Croatia before June 1991 `YUGHRV`,
/// Ukraine before 1991 `USRUKR`), the country the text names is the member (`SRB`, with any
/// role after it). A federation's unit is no country of CAMEO's list; the member's is.
fn member_state(code: &str) -> Option<String> {
    let table = dyad_dict::cameo::CameoTable::bundled();
    let (federation, member) = (code.get(..3)?, code.get(3..6)?);
    (!table.is_country_code(federation)
        && !table.is_actor_type_code(federation)
        && federation != crate::mentions::UNKNOWN_COUNTRY
        && table.is_country_code(member))
    .then(|| code[3..].to_string())
}

/// The intent a coder writes for an announced act, if it is not one already: 036 for a
/// meeting, visit or negotiation (root 04), 039 for a mediation, else what PETRARCH's ontology combines "intend"
/// with the act into (provide economic aid 071 → 0331).
fn intent_of(res: &Resources, code: &str) -> Option<String> {
    match cameo::root(code) {
        "03" | "13" => None,
        // "will withdraw their diplomats", "will attack": an announced hostile act is coded
        // as the act (a vow or pledge of one is a threat: `codes_threats`)
        "15" | "16" | "17" | "18" | "19" | "20" => None,
        // "offered to mediate": CAMEO 039, express intent to mediate
        "04" if code == "045" => Some("039".to_string()),
        "04" => Some("036".to_string()),
        _ => res
            .pico
            .combine("030", code)
            .filter(|c| *c != code)
            .map(str::to_string),
    }
}

/// Give an event another code, and the values that follow from the code.
fn recode(res: &Resources, e: &mut Event, code: &str) {
    if let Some(x) = e.explain.as_mut() {
        x.code_before_convention = Some(e.code.clone());
    }
    e.code = code.to_string();
    e.root = cameo::root(code).to_string();
    e.quad_class = cameo::quad_class(code).unwrap_or(0);
    e.goldstein = res.cameo.goldstein(code).unwrap_or(0.0);
    e.plover = res.plover.event_type(code).map(str::to_string);
}

/// The state of `source`'s first member, with `agent` after it ("GOV", or "" for the country
/// itself), as the one actor of a role reached so: whom a domestic protest or restriction that
/// names no one is aimed at.
fn own_state(source: &Role, agent: &str, reached: Reached) -> Option<Role> {
    let m = source.members.first()?;
    let state = state_of(&m.code)?;
    Some(Role {
        members: vec![ActorCode {
            code: format!("{state}{agent}"),
            reached,
            ..m.clone()
        }],
        span: None,
        pronoun: false,
    })
}
