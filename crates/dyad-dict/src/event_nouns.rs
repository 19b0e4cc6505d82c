//! The event-noun lexicon (`dyad.event-nouns.txt`): nouns that report an action as a verb would
//! ("the invasion of Ukraine", "talks between Kyiv and Moscow", "sanctions on Iran", "a state
//! visit to Japan"), with the CAMEO code a coder writes for them and how the noun's "of" phrase
//! reads; and the light verbs whose subject performs the act their object noun names ("held
//! talks", "paid a visit", "imposed sanctions").
//!
//! ```text
//! # comment
//! LIGHT HOLD HAVE PAY CONDUCT              light verbs (one or more lines)
//! COMMIT PLEDGE REAFFIRM                   light verbs that commit their subject to the act
//! IN ENGAGE                               light verbs that reach their noun through "in"
//! MEDIATOR BROKERED MEDIATED               participles of mediation ("UN-brokered talks")
//! INTENT WILLINGNESS READINESS             nouns of intent ("their willingness to help")
//! HUMANITARIAN RELIEF FOOD                 words that make money pledged or given humanitarian aid
//! PROJECTILE MISSILE ROCKET                weapons fired at no one in a test or show of force
//! SUICIDE SUICIDE                          words that make an attack told with them a suicide bombing
//! VENUE SUMMIT                             gatherings a meeting held at is one at a third location
//! TALKS [040] both                         # from TALK (WordNet 3.1) — provenance
//! INVASION [192] of=target                 # from INVADE
//! VISIT {VISITS} [042] of=source needs=target
//! ```
//!
//! A noun line is the noun, a compound of two words joined by `_` ("PHONE_CALL") or one word
//! (its regular plural is added; irregular or extra forms go in
//! `{...}`), its code in brackets, then flags: `both` — a symmetric act, coded both ways when
//! its actors are a pair ("A and B held talks", "talks between A and B"); `of=source` or
//! `of=target` — who "the N of X" names (the visit of the president; the arrest of the
//! president); `needs=target` — no event without a target in the text (a trip, a tour);
//! `about=target` — a statement whose topic is its target ("concern over Russia's actions");
//! `at=target` — a weapon aimed "at" its target ("fired tear gas at protesters");
//! `of=projectile` — an act only when its "of" names a weapon of the PROJECTILE words ("the
//! launch of a ballistic missile", not "the launch of a campaign"); `sides=story` — a fight
//! that, told with no sides at all ("clashes continued in the east"), is among the people of
//! the country the story is about, coded within it both ways (the guide's agents named without
//! a country); `by=story` — an act that, told with no one doing it ("protests against the
//! council"), is done by the story country's people (its civilians, CVL). A
//! comment saying where the entry comes from is required for dyad's own file
//! ([`check`]).

use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashSet;

use crate::cameo::CameoTable;
use crate::error::DictError;
use crate::reader::{lines, noun_plural, strip_comment, Warning};
use crate::verbs::VerbDictionary;

/// Who "the N of X" names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OfRole {
    /// "the visit of the president": the actor.
    Source,
    /// "the invasion of Ukraine", "the arrest of the president": who undergoes it.
    #[default]
    Target,
}

/// One event noun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventNoun {
    /// The noun and its forms, upper case ("VISIT", "VISITS").
    pub forms: Vec<String>,
    /// The CAMEO code a coder writes for the act.
    pub code: String,
    /// Coded both ways when its actors are a pair.
    pub symmetric: bool,
    pub of_role: OfRole,
    /// No event unless the text names a target.
    pub needs_target: bool,
    /// A statement whose topic is its target: "concern over Russia's actions", "warnings
    /// about Iran" (for other nouns "over" and "about" name a topic, not an actor).
    pub topic_target: bool,
    /// A weapon fired "at" its target ("tear gas at protesters"; for other nouns "at" names a
    /// place: "talks at the UN").
    pub aimed_target: bool,
    /// An act only of a weapon named after "of" ("the launch of a ballistic missile").
    pub of_projectile: bool,
    /// Told with no sides at all ("sporadic clashes in other parts of the country"), it is
    /// among the people of the story's country.
    pub story_sides: bool,
    /// Told with no one doing it ("nine days of protests against the military council"), it is
    /// done by the people of the story's country.
    pub story_doers: bool,
    /// The provenance comment (after `#`), empty when there is none.
    pub provenance: String,
    pub file: String,
    pub line: usize,
}

/// The lexicon: the nouns, by form, and the light verbs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventNounLexicon {
    pub nouns: Vec<EventNoun>,
    /// Form (upper case) → index into `nouns`; the first entry of a form wins.
    /// (FxHash: looked up for every token of every sentence, and its keys are the lexicon's
    /// own forms, so the default hasher's resistance to chosen keys buys nothing.)
    pub by_form: FxHashMap<String, usize>,
    /// Light verbs, upper case base forms ("HOLD", "PAY").
    pub light_verbs: Vec<String>,
    /// Light verbs that commit their subject to the act their object noun names, told then
    /// as an intent ("pledged cooperation", "reaffirmed their partnership"): upper-case base
    /// forms, each a light verb too.
    pub commit_verbs: Vec<String>,
    /// Light verbs that reach their object noun through "in" ("engaged in talks",
    /// "engaged in a dialogue"): upper-case base forms, each a light verb too.
    pub in_verbs: Vec<String>,
    /// Participles that, joined by a hyphen to an actor, make it the mediator of the act the
    /// noun after them names ("UN-brokered talks", "a US-mediated truce"), coded as the
    /// lexicon's mediation noun ([`EventNounLexicon::mediation`]).
    pub mediating: Vec<String>,
    /// Nouns of intent, upper case: with an infinitive after them ("reaffirmed their
    /// willingness to help", "expressed its readiness to mediate") the verb that states them
    /// commits its subject to the infinitive's act, as a commissive verb does ("agreed to").
    pub intent_nouns: Vec<String>,
    /// Words of humanitarian aid, upper case: money pledged or given in a clause with one is
    /// humanitarian aid (0333, 073), else economic (0331, 071).
    pub humanitarian: Vec<String>,
    /// Weapons, upper case, whose firing or launch at no one named is a test or a show of
    /// force (CAMEO 150: "fired a ballistic missile into the sea"), not an attack.
    pub projectiles: Vec<String>,
    /// Words, upper case, that make the attack or bombing they modify a suicide bombing
    /// ("a suicide bomber killed", "a suicide attack on a ship"): CAMEO 1831.
    pub suicide: Vec<String>,
    /// Words, upper case, of a gathering of many states that a meeting of two held at it is
    /// one at a third location ("met at the G7 summit", "on the sidelines of"): CAMEO 044.
    pub venues: Vec<String>,
    /// The first words of the compound nouns ("PHONE" of "PHONE_CALL").
    pub compound_openers: FxHashSet<String>,
    pub warnings: Vec<Warning>,
}

impl EventNounLexicon {
    /// The entry for a word (upper case), if it is an event noun.
    pub fn get(&self, word: &str) -> Option<&EventNoun> {
        self.by_form.get(word).map(|&i| &self.nouns[i])
    }

    /// Does a compound noun of the lexicon ("PHONE_CALL") open with this word?
    pub fn opens_compound(&self, word: &str) -> bool {
        self.compound_openers.contains(word)
    }

    /// The entry for the compound of two words ("PHONE", "CALL"), if it is one.
    pub fn get_compound(&self, first: &str, second: &str) -> Option<&EventNoun> {
        self.get(&format!("{first}_{second}"))
    }

    /// Is `base` (an upper-case verb base form) a light verb?
    pub fn is_light_verb(&self, base: &str) -> bool {
        self.light_verbs.iter().any(|v| v == base)
    }

    /// Is `word` (upper case) a participle of mediation ("BROKERED")?
    pub fn is_mediating(&self, word: &str) -> bool {
        self.mediating.iter().any(|v| v == word)
    }

    /// The noun of mediation (CAMEO 045, "under the mediation of"), whose code and entry a
    /// mediated act ("UN-brokered talks") is coded with.
    pub fn mediation(&self) -> Option<&EventNoun> {
        self.nouns.iter().find(|n| n.code == "045")
    }

    /// Is `word` (upper case) a word of humanitarian aid ("RELIEF")?
    pub fn is_humanitarian(&self, word: &str) -> bool {
        self.humanitarian.iter().any(|v| v == word)
    }

    /// Is `word` (upper case) a weapon fired in tests and shows of force ("MISSILE")?
    pub fn is_projectile(&self, word: &str) -> bool {
        self.projectiles.iter().any(|v| v == word)
    }

    /// Is `word` (upper case) a word of suicide attacks ("SUICIDE")?
    pub fn is_suicide(&self, word: &str) -> bool {
        self.suicide.iter().any(|v| v == word)
    }

    /// Is `word` (upper case) a gathering of the VENUE list ("SUMMIT")?
    pub fn is_venue(&self, word: &str) -> bool {
        self.venues.iter().any(|v| v == word)
    }

    /// Is `word` (upper case) a noun of intent ("WILLINGNESS")?
    pub fn is_intent_noun(&self, word: &str) -> bool {
        self.intent_nouns.iter().any(|v| v == word)
    }

    /// Does `base` (an upper-case verb base form) reach its object noun through "in"?
    pub fn is_in_verb(&self, base: &str) -> bool {
        self.in_verbs.iter().any(|v| v == base)
    }

    /// Does `base` (an upper-case verb base form) commit its subject to the act its object
    /// noun names?
    pub fn is_commit_verb(&self, base: &str) -> bool {
        self.commit_verbs.iter().any(|v| v == base)
    }
}

/// The verbs of a `COMMIT` or `IN` line, upper case, into their kind's list and the light verbs
/// (each is a light verb too).
fn light_verbs_of_a_kind(light: &mut Vec<String>, kind: &mut Vec<String>, verbs: &str) {
    for v in verbs.split_whitespace().map(str::to_uppercase) {
        light.push(v.clone());
        kind.push(v);
    }
}

/// Parse an event-noun file. A line that cannot be read is an error naming the file and line.
pub fn parse(text: &str, file: &str) -> Result<EventNounLexicon, DictError> {
    let mut lex = EventNounLexicon::default();
    for (no, raw) in lines(text) {
        let provenance = raw
            .split_once('#')
            .map_or("", |(_, c)| c.trim())
            .to_string();
        let line = strip_comment(&raw, &['#']).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(verbs) = line.strip_prefix("LIGHT ") {
            lex.light_verbs
                .extend(verbs.split_whitespace().map(str::to_uppercase));
            continue;
        }
        if let Some(verbs) = line.strip_prefix("COMMIT ") {
            light_verbs_of_a_kind(&mut lex.light_verbs, &mut lex.commit_verbs, verbs);
            continue;
        }
        if let Some(verbs) = line.strip_prefix("IN ") {
            light_verbs_of_a_kind(&mut lex.light_verbs, &mut lex.in_verbs, verbs);
            continue;
        }
        if let Some(words) = line.strip_prefix("MEDIATOR ") {
            lex.mediating
                .extend(words.split_whitespace().map(str::to_uppercase));
            continue;
        }
        if let Some(words) = line.strip_prefix("HUMANITARIAN ") {
            lex.humanitarian
                .extend(words.split_whitespace().map(str::to_uppercase));
            continue;
        }
        if let Some(words) = line.strip_prefix("PROJECTILE ") {
            lex.projectiles
                .extend(words.split_whitespace().map(str::to_uppercase));
            continue;
        }
        if let Some(words) = line.strip_prefix("SUICIDE ") {
            lex.suicide
                .extend(words.split_whitespace().map(str::to_uppercase));
            continue;
        }
        if let Some(words) = line.strip_prefix("VENUE ") {
            lex.venues
                .extend(words.split_whitespace().map(str::to_uppercase));
            continue;
        }
        if let Some(words) = line.strip_prefix("INTENT ") {
            lex.intent_nouns
                .extend(words.split_whitespace().map(str::to_uppercase));
            continue;
        }
        let entry = parse_noun(line, file, no, provenance)?;
        for form in &entry.forms {
            if let Some((opener, _)) = form.split_once('_') {
                lex.compound_openers.insert(opener.to_string());
            }
        }
        let index = lex.nouns.len();
        for form in &entry.forms {
            if lex.by_form.insert(form.clone(), index).is_some() {
                lex.warnings.push(Warning::new(
                    file,
                    no,
                    format!("`{form}` is listed twice; the first entry is kept"),
                ));
                lex.by_form
                    .insert(form.clone(), index_of(&lex, form, index));
            }
        }
        lex.nouns.push(entry);
    }
    Ok(lex)
}

/// The earlier entry holding `form` (before `index`).
fn index_of(lex: &EventNounLexicon, form: &str, index: usize) -> usize {
    lex.nouns
        .iter()
        .position(|n| n.forms.iter().any(|f| f == form))
        .unwrap_or(index)
}

fn parse_noun(
    line: &str,
    file: &str,
    no: usize,
    provenance: String,
) -> Result<EventNoun, DictError> {
    let err = |m: String| DictError::new(file, no, m);
    let (head, rest) = line.split_once('[').ok_or_else(|| {
        err(format!(
            "expected `NOUN [CODE] flags`, found `{line}` (no `[CODE]`)"
        ))
    })?;
    let (code, flags) = rest
        .split_once(']')
        .ok_or_else(|| err("expected `]` to close the code `[CODE]`".to_string()))?;
    let code = code.trim();
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(format!(
            "expected a CAMEO event code like [040], found `[{code}]`"
        )));
    }
    let (noun, extra) = match head.split_once('{') {
        Some((n, e)) => {
            let e = e
                .strip_suffix('}')
                .or_else(|| e.trim_end().strip_suffix('}'))
                .ok_or_else(|| err("expected `}` to close the forms `{...}`".to_string()))?;
            (n.trim(), e.split_whitespace().collect::<Vec<_>>())
        }
        None => (head.trim(), Vec::new()),
    };
    if noun.is_empty() || noun.contains(char::is_whitespace) {
        return Err(err(format!(
            "expected one noun before the code, found `{noun}`"
        )));
    }
    let noun = noun.to_uppercase();
    let mut forms = vec![noun.clone()];
    forms.extend(noun_plural(&noun));
    forms.extend(extra.iter().map(|f| f.to_uppercase()));
    forms.dedup();
    let mut entry = EventNoun {
        forms,
        code: code.to_string(),
        symmetric: false,
        of_role: OfRole::default(),
        needs_target: false,
        topic_target: false,
        aimed_target: false,
        of_projectile: false,
        story_sides: false,
        story_doers: false,
        provenance,
        file: file.to_string(),
        line: no,
    };
    for flag in flags.split_whitespace() {
        match flag {
            "both" => entry.symmetric = true,
            "of=source" => entry.of_role = OfRole::Source,
            "of=target" => entry.of_role = OfRole::Target,
            "needs=target" => entry.needs_target = true,
            "about=target" => entry.topic_target = true,
            "at=target" => entry.aimed_target = true,
            "of=projectile" => entry.of_projectile = true,
            "sides=story" => entry.story_sides = true,
            "by=story" => entry.story_doers = true,
            _ => {
                return Err(err(format!(
                    "unknown flag `{flag}` (expected both, of=source, of=target, needs=target, \
                     about=target, at=target, of=projectile, sides=story or by=story)"
                )))
            }
        }
    }
    Ok(entry)
}

/// What is wrong with a lexicon: codes the CAMEO table does not know, nouns listed twice,
/// entries that do not say where they come from, and light verbs the verb dictionary does not
/// know (the coder finds clauses only at its verbs, so such a verb would lend no subject).
/// Each finding names the file and line.
pub fn check(lex: &EventNounLexicon, cameo: &CameoTable, verbs: &VerbDictionary) -> Vec<String> {
    let mut out: Vec<String> = lex
        .warnings
        .iter()
        .map(|w| format!("{}:{}: {}", w.file, w.line, w.message))
        .collect();
    for n in &lex.nouns {
        if cameo.get(&n.code).is_none() {
            out.push(format!(
                "{}:{}: {}: code {} is not in the CAMEO table",
                n.file, n.line, n.forms[0], n.code
            ));
        }
        if n.provenance.is_empty() {
            out.push(format!(
                "{}:{}: {}: no comment saying where the entry comes from",
                n.file, n.line, n.forms[0]
            ));
        }
    }
    let known: HashSet<&str> = verbs
        .blocks
        .iter()
        .flat_map(|b| &b.verbs)
        .flat_map(|v| &v.forms)
        .map(|f| f.verb.as_str())
        .collect();
    for v in &lex.light_verbs {
        if !known.contains(v.as_str()) {
            out.push(format!(
                "light verb {v} is not a verb of the verb dictionary: it lends no subject"
            ));
        }
    }
    if !lex.mediating.is_empty() && lex.mediation().is_none() {
        out.push(
            "a MEDIATOR line but no noun of mediation [045]: a mediated act has no code"
                .to_string(),
        );
    }
    if lex.light_verbs.is_empty() && !lex.nouns.is_empty() {
        out.push("no LIGHT line: no verb lends its subject to an event noun".to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::every_prefix;

    #[test]
    fn reads_nouns_flags_forms_and_light_verbs() {
        let lex = parse(
            "# a comment\nLIGHT hold pay\nCOMMIT conduct\nIN engage\nTALKS [040] both # from TALK\n\
             VISIT {STOPOVER} [042] of=source needs=target # from VISIT\n\
             INVASION [192] # from INVADE\nPROTEST [141] by=story # from PROTEST\n",
            "n.txt",
        )
        .unwrap();
        assert!(lex.get("PROTESTS").unwrap().story_doers);
        assert!(!lex.get("TALKS").unwrap().story_doers);
        assert!(lex.mediating.is_empty() && lex.mediation().is_none());
        // a verb that commits is a light verb too
        assert_eq!(lex.light_verbs, ["HOLD", "PAY", "CONDUCT", "ENGAGE"]);
        assert!(lex.is_commit_verb("CONDUCT") && !lex.is_commit_verb("HOLD"));
        assert!(lex.is_in_verb("ENGAGE") && !lex.is_in_verb("HOLD"));
        let talks = lex.get("TALKS").unwrap();
        assert!(talks.symmetric && talks.code == "040" && talks.provenance == "from TALK");
        let visit = lex.get("VISITS").unwrap();
        assert_eq!(visit.forms, ["VISIT", "VISITS", "STOPOVER"]);
        assert!(visit.needs_target && visit.of_role == OfRole::Source);
        assert_eq!(lex.get("INVASIONS").unwrap().of_role, OfRole::Target);
        assert_eq!(lex.get("INVASION").unwrap().line, 7);
        // a compound of two words, found by its first word
        let lex = parse("PHONE_CALL [041] both # x\n", "n.txt").unwrap();
        assert!(lex.opens_compound("PHONE") && !lex.opens_compound("CALL"));
        assert_eq!(lex.get_compound("PHONE", "CALLS").unwrap().code, "041");
        assert!(lex.get("INVADE").is_none());
        // word lists of a category
        let lex = parse(
            "SUICIDE suicide\nPROJECTILE MISSILE\nVENUE summit\n",
            "n.txt",
        )
        .unwrap();
        assert!(lex.is_suicide("SUICIDE") && !lex.is_suicide("MISSILE"));
        assert!(lex.is_venue("SUMMIT") && !lex.is_venue("SUICIDE"));
        assert!(lex.is_projectile("MISSILE") && lex.nouns.is_empty());
    }

    #[test]
    fn errors_name_file_line_and_expectation() {
        for (text, want) in [
            ("TALKS 040", "n.txt:1: expected `NOUN [CODE] flags`"),
            ("TALKS [040", "n.txt:1: expected `]`"),
            ("TALKS [04x]", "n.txt:1: expected a CAMEO event code"),
            ("\nPEACE TALKS [046]", "n.txt:2: expected one noun"),
            ("TALKS [040] twice", "n.txt:1: unknown flag `twice`"),
            ("VISIT {VISITS [042]", "n.txt:1: expected `}`"),
        ] {
            let e = parse(text, "n.txt").unwrap_err().to_string();
            assert!(e.starts_with(want), "{text}: {e}");
        }
    }

    #[test]
    fn duplicates_unknown_codes_and_missing_provenance_are_found() {
        let lex = parse(
            "LIGHT HOLD HAVE\nTALKS [040] # a\nRAID [999]\nTALKS [046] # b\n",
            "n.txt",
        )
        .unwrap();
        assert_eq!(lex.get("TALKS").unwrap().code, "040");
        let verbs = crate::verbs::parse("---  HOLD   [---]  ---\nHOLD\n", "v.txt").unwrap();
        let found = check(&lex, CameoTable::bundled(), &verbs);
        assert!(found
            .iter()
            .any(|f| f.contains("n.txt:4: `TALKS` is listed twice")));
        assert!(found.iter().any(|f| f.contains("light verb HAVE is not")));
        assert!(found.iter().any(|f| f.contains("n.txt:3: RAID: code 999")));
        assert!(found
            .iter()
            .any(|f| f.contains("n.txt:3: RAID: no comment")));
        assert_eq!(found.len(), 4, "{found:?}");
    }

    #[test]
    fn participles_of_mediation_are_coded_as_the_mediation_noun() {
        let lex = parse(
            "LIGHT HOLD\nMEDIATOR brokered MEDIATED\nMEDIATION [045] of=source # m\n",
            "n.txt",
        )
        .unwrap();
        assert!(lex.is_mediating("BROKERED") && !lex.is_mediating("LED"));
        assert_eq!(lex.mediation().unwrap().forms[0], "MEDIATION");
        // no noun of mediation: the participles have no code to write
        let lex = parse("LIGHT HOLD\nMEDIATOR BROKERED\n", "n.txt").unwrap();
        let verbs = crate::verbs::parse("---  HOLD   [---]  ---\nHOLD\n", "v.txt").unwrap();
        let found = check(&lex, CameoTable::bundled(), &verbs);
        assert!(
            found.iter().any(|f| f.contains("MEDIATOR line")),
            "{found:?}"
        );
    }

    #[test]
    fn the_shipped_lexicon_is_clean() {
        let dicts = crate::bundled::Dictionaries::bundled().unwrap();
        let lex = &dicts.event_nouns;
        assert!(lex.nouns.len() > 50);
        let found = check(lex, CameoTable::bundled(), &dicts.verbs);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn garbage_never_panics() {
        every_prefix(
            &[
                "LIGHT HOLD\nVISIT {VISITS} [042] of=source # x\n",
                "[{]}#\u{e9}",
            ],
            parse,
        );
    }
}
