//! Closed-class English words the coder needs to read clause structure without a parser:
//! determiners, prepositions, auxiliaries, modals, negators, pronouns, conjunctions and the
//! words that open a new clause; and the open-class words that tell a plural subject acts on
//! itself (`data/dictionaries/dyad.mutual-words.txt`). All in normalised (upper-case) form.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Possessive determiners that tie what follows to the subject ("recalled its ambassador",
/// "sent their troops").
pub fn is_possessive(w: &str) -> bool {
    matches!(w, "ITS" | "THEIR" | "OUR" | "HIS" | "HER")
}

/// Words a finite verb never follows: the articles, the possessive determiners but "her" (an
/// object as often: "saw her leave"), the possessive "'s", and "no", "any", "every", which
/// open a noun phrase and are never a subject themselves ("the attack", "their appeal",
/// "Russia's demands", "no talks").
pub fn opens_noun_phrase_only(w: &str) -> bool {
    (is_possessive(w) && w != "HER")
        || matches!(
            w,
            "A" | "AN" | "THE" | "MY" | "YOUR" | "'S" | "NO" | "ANY" | "EVERY"
        )
}

/// Verbs whose participle is an adjective of commitment before "to", which takes a gerund as
/// a noun of commitment does ("is committed to building ties", "remains committed to
/// strengthening"): its subject is the one committed, no doer stands after it.
pub fn commits_as_adjective(base: &str) -> bool {
    base == "COMMIT"
}

/// Copulas other than "be", whose participle after them describes their subject ("remains
/// committed", "stayed opposed", "became involved").
pub fn is_copula(w: &str) -> bool {
    matches!(
        w,
        "REMAIN"
            | "REMAINS"
            | "REMAINED"
            | "STAY"
            | "STAYS"
            | "STAYED"
            | "BECAME"
            | "BECOME"
            | "BECOMES"
    )
}

/// Plural nouns without a plural ending, whose verb is in the plural ("police beat
/// protesters", "people fled"), unlike a singular noun's ("a police beat").
pub fn is_unmarked_plural(w: &str) -> bool {
    matches!(
        w,
        "POLICE" | "PEOPLE" | "PERSONNEL" | "CHILDREN" | "MEN" | "WOMEN" | "CLERGY"
    )
}

/// Nouns that count acts, whose "of" goes on with the act counted ("a round of talks", "a
/// series of meetings", "a new session of negotiations").
pub fn is_measure_of_acts(w: &str) -> bool {
    matches!(w, "ROUND" | "ROUNDS" | "SERIES" | "SESSION" | "SESSIONS")
}

/// The small words a name's initials leave out ("the Economic Community of West African
/// States": ECOWAS, "Reporters Without Borders" keeps its W).
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "OF" | "THE" | "AND" | "FOR" | "ON" | "IN" | "AT" | "TO" | "&"
    )
}

/// A name written with the Arabic article joined by a hyphen ("al-Bashir", "el-Sisi",
/// "ash-Sharaa"), without it: English news calls the person "Mr Bashir", "Sisi" after the first
/// mention. The article's forms are "al" and "el" and "al" assimilated to the sun letters
/// ("ad-", "ar-", "as-", "ash-", "at-", "az-", "an-").
pub fn without_arabic_article(w: &str) -> Option<&str> {
    let (article, rest) = w.split_once('-')?;
    (matches!(
        article,
        "AL" | "EL" | "AD" | "AR" | "AS" | "ASH" | "AT" | "AZ" | "AN"
    ) && rest.len() > 1
        && rest.bytes().all(|b| b.is_ascii_alphabetic()))
    .then_some(rest)
}

/// Nouns of those who take part in talks for others ("negotiators from both sides",
/// "delegations of Russia and Ukraine"): a subject they head stands for the actors named after
/// them.
pub fn is_participants_noun(w: &str) -> bool {
    matches!(
        w,
        "NEGOTIATORS" | "DELEGATIONS" | "DELEGATES" | "ENVOYS" | "REPRESENTATIVES"
    )
}

/// Lower-case particles of personal names ("Alberto van Klaveren", "Luiz Inácio Lula da
/// Silva", "Mohammed bin Salman", "Ursula von der Leyen"): inside a name set off by commas
/// they do not end it.
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "VAN"
            | "VON"
            | "DER"
            | "DEN"
            | "DE"
            | "DA"
            | "DO"
            | "DOS"
            | "DAS"
            | "DI"
            | "DEL"
            | "LA"
            | "LE"
            | "DU"
            | "BIN"
            | "IBN"
            | "AL"
            | "EL"
            | "BEN"
            | "Y"
    )
}

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "THE"
            | "A"
            | "AN"
            | "THIS"
            | "THESE"
            | "THOSE"
            | "ITS"
            | "HIS"
            | "HER"
            | "THEIR"
            | "OUR"
            | "MY"
            | "YOUR"
            | "'S"
            | "'"
            | "ANY"
            | "SOME"
            | "EACH"
            | "EVERY"
            | "NO"
            | "ALL"
            | "BOTH"
            | "ANOTHER"
            | "SUCH"
            | "SEVERAL"
            | "MANY"
            | "FEW"
            | "MORE"
            | "MOST"
    )
}

/// A noun of a settled place that a country's adjective may name: "in the Kenyan capital", "a
/// Syrian border town", "the Chinese port".
pub fn is_place_noun(w: &str) -> bool {
    matches!(
        w,
        "CAPITAL" | "CITY" | "TOWN" | "PORT" | "VILLAGE" | "PROVINCE" | "REGION" | "RESORT"
    )
}

pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "OF" | "IN"
            | "ON"
            | "AT"
            | "BY"
            | "FOR"
            | "WITH"
            | "FROM"
            | "TO"
            | "INTO"
            | "ONTO"
            | "AGAINST"
            | "ABOUT"
            | "OVER"
            | "UNDER"
            | "BETWEEN"
            | "AMONG"
            | "THROUGH"
            | "DURING"
            | "TOWARD"
            | "TOWARDS"
            | "ACROSS"
            | "AROUND"
            | "NEAR"
            | "WITHOUT"
            | "WITHIN"
            | "ALONG"
            | "UPON"
            | "BEHIND"
            | "BEYOND"
            | "DESPITE"
            | "AMID"
            | "VIA"
            | "PER"
            | "INSIDE"
            | "OUTSIDE"
            | "OFF"
            | "UP"
            | "DOWN"
            | "OUT"
            | "ABOARD"
            | "AMONGST"
            | "REGARDING"
    )
}

/// Subordinators that end a noun phrase ("Gondor after a 12-year rift").
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "AFTER"
            | "BEFORE"
            | "SINCE"
            | "UNTIL"
            | "AS"
            | "THAN"
            | "LIKE"
            | "WHILE"
            | "ALMOST"
            | "BECAUSE"
            | "UNLESS"
            | "ONCE"
            | "DESPITE"
            | "AMID"
            | "INCLUDING"
            | "ACCORDING"
    )
}

/// Quantity words that head "X of Y" where Y is the real head ("hundreds of troops").
pub fn is_quantity(w: &str) -> bool {
    matches!(
        w,
        "HUNDREDS"
            | "THOUSANDS"
            | "DOZENS"
            | "SCORES"
            | "MILLIONS"
            | "TENS"
            | "MANY"
            | "SOME"
            | "ALL"
            | "MOST"
            | "NUMBER"
            | "GROUP"
            | "GROUPS"
            | "MEMBERS"
            | "MEMBER"
            | "NONE"
            | "SEVERAL"
            | "BOTH"
            | "EACH"
            | "ONE"
            | "TWO"
            | "THREE"
            | "FEW"
            | "MAJORITY"
    )
}

/// Nouns of the persons who lead, speak or fight for a group, which head "X of Y" while the
/// actor is Y ("the leaders of France and Germany met", "the head of the Russian delegation
/// said", "units of the Armed Forces of Armenia shelled"): a coder codes the group, as for a
/// quantity. (Titles with a country of their own, "the
/// president of Kenya", are agent phrases of the dictionaries.)
pub fn is_representative(w: &str) -> bool {
    matches!(
        w,
        "LEADER"
            | "LEADERS"
            | "HEAD"
            | "HEADS"
            | "CHIEF"
            | "CHIEFS"
            | "DELEGATION"
            | "DELEGATIONS"
            | "DELEGATE"
            | "DELEGATES"
            | "ENVOY"
            | "ENVOYS"
            | "UNIT"
            | "UNITS"
            | "ELEMENTS"
            | "TROOPS"
            | "SOLDIERS"
            | "FIGHTERS"
            | "OFFICIALS"
            | "OFFICERS"
    )
}

/// Verbs whose object is who feels ("the attack alarmed Britain"), by base form: in the passive
/// their subject is that experiencer and speaks ("Britain is deeply concerned by events in
/// Serbia" is Britain's statement about Serbia), not a patient of the "by" phrase. Levin, B.
/// (1993), English Verb Classes and Alternations, §31.1 "amuse" verbs, the ones news uses of
/// states' reactions.
pub fn is_object_experiencer(base: &str) -> bool {
    matches!(
        base,
        "CONCERN"
            | "WORRY"
            | "ALARM"
            | "DISAPPOINT"
            | "TROUBLE"
            | "DISTURB"
            | "SHOCK"
            | "DISMAY"
            | "OUTRAGE"
            | "ANGER"
            | "FRUSTRATE"
            | "SADDEN"
            | "APPALL"
            | "HORRIFY"
            | "ENCOURAGE"
            | "PLEASE"
            | "DELIGHT"
            | "SATISFY"
    )
}

/// Verbs of retaliation, by base form: their act answers an attack ("the army retaliated",
/// "responded with artillery fire"), and with no object it strikes the attacker.
pub fn is_retaliation(base: &str) -> bool {
    matches!(
        base,
        "RETALIATE" | "RESPOND" | "REPLY" | "AVENGE" | "COUNTERATTACK"
    )
}

/// Implicative verbs of object control: "forced Iraq to withdraw", "helped Syria to retake
/// Palmyra" say the object did act (Karttunen 1971, "Implicative verbs", Language 47), where
/// "urged", "asked", "invited" only ask it to.
pub fn is_implicative(base: &str) -> bool {
    matches!(
        base,
        "FORCE" | "COMPEL" | "OBLIGE" | "HELP" | "ASSIST" | "CAUSE" | "LEAD" | "DRIVE" | "PUSH"
    )
}

/// Does the event noun at `noun` name an act to come: "the upcoming summit", "a planned
/// visit", "a meeting to take place in June", "his visit, set for early September"? The guide
/// codes a scheduled or announced meeting as the intent (036), dated the day it is reported.
pub fn announced_act(words: &[&str], noun: usize) -> bool {
    let before = words[noun.saturating_sub(3)..noun].iter().any(|w| {
        matches!(
            *w,
            "UPCOMING" | "PLANNED" | "PROPOSED" | "SCHEDULED" | "FORTHCOMING" | "PROSPECTIVE"
        )
    });
    // right after the noun or its complement ("a meeting between A and B to take place",
    // "talks between them would start")
    let word = |k: usize| words.get(k).copied().unwrap_or("");
    let after = (noun + 1..(noun + 15).min(words.len()))
        .take_while(|&k| !matches!(word(k), "." | ";" | ":"))
        .any(|k| {
            let (a, b, c) = (word(k), word(k + 1), word(k + 2));
            matches!((a, b, c), ("TO", "TAKE", "PLACE") | ("TO", "BE", "HELD"))
                // "talks between them would start on Saturday" (reported), "will begin"
                || (matches!(a, "WILL" | "WOULD")
                    && (matches!(b, "START" | "BEGIN" | "RESUME" | "OPEN" | "CONVENE")
                        || matches!((b, c), ("TAKE", "PLACE") | ("BE", "HELD"))))
                || (k == noun + 1 || word(k - 1) == ",")
                    && (matches!(a, "SCHEDULED" | "PLANNED" | "DUE")
                        || (a == "SET" && matches!(b, "FOR" | "TO")))
        });
    before || after
}

/// Words that, between a form of "be" and a "to"-infinitive, put the act in the schedule of
/// things to come: "is set to meet", "was due to visit", "is scheduled to sign", "is expected to
/// attend", "is slated to", "is poised to" — a future the guide codes as announced (036).
pub fn is_scheduled(w: &str) -> bool {
    matches!(
        w,
        "SET" | "DUE" | "SCHEDULED" | "EXPECTED" | "SLATED" | "POISED"
    )
}

/// Adjectives of readiness that, before a "to"-infinitive, state the subject's intent to act, as
/// a verb of commitment does: "is ready to help", "stood ready to assist", "are willing to
/// join", "is prepared to send troops", "is determined to" (the guide codes such statements as
/// intents, 03x).
pub fn is_readiness(w: &str) -> bool {
    matches!(
        w,
        "READY" | "WILLING" | "PREPARED" | "DETERMINED" | "EAGER" | "KEEN"
    )
}

/// Nouns of a message its author issues, whose participle after it tells what the author says
/// in it: "issued a statement urging calm", "passed a resolution demanding a ceasefire", "sent
/// a letter calling for talks".
pub fn is_message_noun(w: &str) -> bool {
    matches!(
        w,
        "STATEMENT"
            | "STATEMENTS"
            | "LETTER"
            | "RESOLUTION"
            | "DECLARATION"
            | "COMMUNIQUE"
            | "COMMUNIQUÉ"
            | "MESSAGE"
            | "NOTE"
            | "DECREE"
            | "MOTION"
    )
}

/// Verbs that link a subject to an adjective of readiness as "be" does: "stood ready to
/// assist", "remains willing to talk".
pub fn is_readiness_link(w: &str) -> bool {
    is_be(w)
        || matches!(
            w,
            "STAND" | "STANDS" | "STOOD" | "STANDING" | "REMAIN" | "REMAINS" | "REMAINED"
        )
}

/// Words that count the members of a group before "of whom", "of which": "some of whom",
/// "most of which".
pub fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "SOME"
            | "MANY"
            | "MOST"
            | "ALL"
            | "SEVERAL"
            | "NONE"
            | "ONE"
            | "BOTH"
            | "EACH"
            | "FEW"
            | "DOZENS"
            | "HUNDREDS"
            | "THOUSANDS"
    )
}

/// Verbs of saying that news writes before their speaker ("…, said the minister", "…, added
/// Lavrov").
pub fn is_inverting_speech(w: &str) -> bool {
    matches!(
        w,
        "SAID" | "SAYS" | "ADDED" | "ADDS" | "WROTE" | "ASKED" | "NOTED" | "TOLD"
    )
}

/// Plural counts that stand alone for a crowd ("thousands marched", "police detained
/// hundreds") and, before "of", count the noun after it ("thousands of dollars").
pub fn is_count_of_people(w: &str) -> bool {
    matches!(w, "THOUSANDS" | "HUNDREDS" | "DOZENS")
}

/// A small count in words ("two" → 2), as in "the two sides", "the four nations".
pub fn count_word(w: &str) -> Option<usize> {
    let n = match w {
        "TWO" => 2,
        "THREE" => 3,
        "FOUR" => 4,
        "FIVE" => 5,
        "SIX" => 6,
        "SEVEN" => 7,
        "EIGHT" => 8,
        "NINE" => 9,
        "TEN" => 10,
        _ => return None,
    };
    Some(n)
}

/// A numeral ("12", "1,000", "two", "dozens").
pub fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        // an amount with its currency ("US$64M", "€500", "£2BN")
        || (w.contains(|c: char| c.is_ascii_digit()) && w.contains(['$', '€', '£', '¥']))
        || count_word(w).is_some()
        || matches!(
            w,
            "ONE"
                | "ELEVEN"
                | "TWELVE"
                | "TWENTY"
                | "THIRTY"
                | "FIFTY"
                | "HUNDRED"
                | "THOUSAND"
                | "MILLION"
                | "BILLION"
                | "DOZEN"
                | "DOZENS"
                | "HUNDREDS"
                | "THOUSANDS"
        )
}

/// Forms of BE.
pub fn is_be(w: &str) -> bool {
    matches!(
        w,
        "IS" | "ARE" | "WAS" | "WERE" | "BE" | "BEEN" | "BEING" | "AM" | "'RE" | "'M"
    )
}

pub fn is_have(w: &str) -> bool {
    matches!(w, "HAS" | "HAVE" | "HAD" | "HAVING" | "'VE" | "'D")
}

pub fn is_do(w: &str) -> bool {
    matches!(w, "DO" | "DOES" | "DID")
}

/// Modals that make an event intended (the actor commits to it).
pub fn is_intent_modal(w: &str) -> bool {
    matches!(w, "WILL" | "SHALL" | "WO" | "'LL")
}

/// An object pronoun that stands for a person or group named before ("accusing him",
/// "urged them"): the verb's object, which the coder resolves or leaves unread.
pub fn is_object_pronoun(w: &str) -> bool {
    matches!(w, "HIM" | "HER" | "THEM")
}

/// Is a word a hyphenated compound ending in a past participle ("US-LED", "UN-BROKERED",
/// "STATE-RUN", "IRANIAN-BACKED"), which English uses as an adjective before its noun?
pub fn is_participle_compound(w: &str) -> bool {
    let Some((head, last)) = w.rsplit_once('-') else {
        return false;
    };
    !head.is_empty()
        && ((last.len() > 3 && last.ends_with("ED"))
            || matches!(
                last,
                "LED" | "MADE" | "RUN" | "BUILT" | "HELD" | "BORN" | "DRIVEN" | "GROWN" | "KNOWN"
            ))
}

/// Commissive verbs: with an infinitive they state the subject's intent to do what it names
/// ("agreed to restore relations", "pledged to send aid", "vowed to retaliate"), which a coder
/// writes as the intent (CAMEO 03x, threats 13x), not as the act. An offer to act commits the
/// one who makes it if accepted ("offered to send officers", "offered to mediate": Searle's
/// commissives list it with promising; CAMEO's 03 entries word it "offer").
pub fn is_commissive(base: &str) -> bool {
    matches!(
        base,
        "AGREE"
            | "PLEDGE"
            | "VOW"
            | "PROMISE"
            | "COMMIT"
            | "UNDERTAKE"
            | "RESOLVE"
            | "DECIDE"
            | "OFFER"
    )
}

/// The words of `data/dictionaries/dyad.mutual-words.txt` by kind: verbs of social
/// interaction (Levin 1993, §36: "met", "clashed"), relation nouns ("ties", "cooperation"…)
/// and adverbs ("together"), which tell that a plural subject's members act on each other.
struct MutualWords {
    verbs: HashSet<&'static str>,
    nouns: HashSet<&'static str>,
    adverbs: HashSet<&'static str>,
}

fn mutual_words() -> &'static MutualWords {
    static WORDS: OnceLock<MutualWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let text = include_str!("../../../data/dictionaries/dyad.mutual-words.txt");
        let mut w = MutualWords {
            verbs: HashSet::new(),
            nouns: HashSet::new(),
            adverbs: HashSet::new(),
        };
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut words = line.split_whitespace();
            let set = match words.next() {
                Some("verb") => &mut w.verbs,
                Some("noun") => &mut w.nouns,
                Some("adverb") => &mut w.adverbs,
                // a file of the repository, checked by its test: any other line is a comment
                _ => continue,
            };
            set.extend(words);
        }
        w
    })
}

/// Verbs of social interaction (Levin 1993, *English Verb Classes and Alternations*, §36,
/// with the reciprocal alternation "A met B" / "A and B met") and the diplomatic verbs of the
/// same kind: with a plural subject and no object they tell of its members acting on each
/// other ("Chile and Peru met"), where another verb does not ("Chile, Peru and Bolivia were
/// willing to join").
pub fn is_reciprocal(base: &str) -> bool {
    mutual_words().verbs.contains(base)
}

/// Nouns that name a relation between parties: what a plural subject pledges, restores, signs
/// or breaks with them is between its members ("China and France pledged deeper cooperation").
pub fn is_relation_noun(w: &str) -> bool {
    mutual_words().nouns.contains(w)
}

/// Words that say the members of a plural subject act on each other or as one: "worked
/// together", "jointly", "fought each other", "accused one another".
pub fn says_mutual(w: &str, next: &str) -> bool {
    mutual_words().adverbs.contains(w)
        || (matches!(w, "EACH" | "ONE") && matches!(next, "OTHER" | "ANOTHER"))
}

/// Verbs of sending people (base forms: "send troops to", "deploy police into", "dispatch a
/// team to", "recall its ambassador from"): their object is what the subject sends, the place
/// it goes to or comes from the target.
pub fn is_sending_verb(base: &str) -> bool {
    matches!(base, "SEND" | "DEPLOY" | "DISPATCH" | "RECALL")
}

/// Prepositions that tell where an act took place ("in Washington", "at the UN", "near Goma",
/// "outside the embassy", "across Serbia"): a place after them is no one the act is done to.
pub fn is_locative_preposition(w: &str) -> bool {
    matches!(
        w,
        "IN" | "AT" | "NEAR" | "OUTSIDE" | "ACROSS" | "THROUGHOUT" | "AROUND"
    )
}

/// Verbs of naming, by base form: "called X a breach", "branded X baseless", "described X as
/// a saint", "referred to X as a puppet". Some(true) when the name follows "as" (describe,
/// characterize, portray, refer to), Some(false) when it
/// follows the named directly.
pub fn is_naming_verb(base: &str) -> Option<bool> {
    match base {
        "CALL" | "LABEL" | "BRAND" | "TERM" | "DUB" => Some(false),
        "DESCRIBE" | "CHARACTERIZE" | "CHARACTERISE" | "PORTRAY" | "DEPICT" | "REFER" => Some(true),
        _ => None,
    }
}

/// Verbs of telling whose "would" is the reported "will" ("said Spain would send teams"):
/// not verbs of belief or wish ("hoped Spain would send teams" states no one's intent).
pub fn reports_statement(base: &str) -> bool {
    matches!(
        base,
        "SAY" | "ANNOUNCE" | "TELL" | "ADD" | "STATE" | "CONFIRM" | "DECLARE" | "INSIST"
    )
}

/// Words that open a condition, which makes a "would" conditional ("would send teams if
/// asked", "unless", "provided that").
pub fn opens_condition(w: &str) -> bool {
    matches!(w, "IF" | "UNLESS" | "PROVIDED" | "PROVIDING" | "SHOULD")
}

/// Modals that make an event hypothetical.
pub fn is_hypothetical_modal(w: &str) -> bool {
    matches!(
        w,
        "WOULD" | "COULD" | "MAY" | "MIGHT" | "SHOULD" | "MUST" | "CAN" | "CA" | "OUGHT"
    )
}

pub fn is_auxiliary(w: &str) -> bool {
    is_be(w) || is_have(w) || is_do(w) || is_intent_modal(w) || is_hypothetical_modal(w)
}

pub fn is_negator(w: &str) -> bool {
    matches!(w, "NOT" | "N'T" | "NEVER")
}

pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "HE" | "SHE" | "IT" | "THEY" | "WE" | "I" | "YOU")
}

pub fn is_conjunction(w: &str) -> bool {
    matches!(w, "AND" | "OR" | "NOR" | "BUT" | "&")
}

/// Words that open a subordinate or relative clause: an actor after one of these belongs to
/// another clause.
pub fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "THAT"
            | "WHO"
            | "WHOM"
            | "WHICH"
            | "WHOSE"
            | "WHILE"
            | "WHEN"
            | "WHERE"
            | "IF"
            | "BECAUSE"
            | "ALTHOUGH"
            | "THOUGH"
            | "UNLESS"
            | "WHETHER"
            | "WHEREAS"
    )
}

/// Adverbs that may sit inside a verb group ("has again appealed", "was fiercely opposed").
pub fn is_adverb(w: &str) -> bool {
    (w.len() > 4
        && w.ends_with("LY")
        && !matches!(
            w,
            "ITALY" | "FAMILY" | "ALLY" | "RALLY" | "SUPPLY" | "REPLY" | "APPLY" | "ONLY"
        ))
        || matches!(
            w,
            "ALSO"
                | "AGAIN"
                | "STILL"
                | "NOW"
                | "THEN"
                | "ALREADY"
                | "JUST"
                | "EVEN"
                | "SOON"
                | "FURTHER"
                | "ONLY"
                | "ALWAYS"
                | "OFTEN"
                | "YET"
                | "EVER"
                | "ONCE"
                | "THUS"
                | "HOWEVER"
                | "TOO"
                | "INSTEAD"
                | "REPORTEDLY"
                | "SO"
                | "VERY"
                | "WELL"
                | "EARLIER"
                | "LATER"
                | "FIRST"
                | "JOINTLY"
                | "FORMALLY"
                | "ALMOST"
        )
}

pub fn is_weekday(w: &str) -> Option<u32> {
    Some(match w {
        "MONDAY" => 0,
        "TUESDAY" => 1,
        "WEDNESDAY" => 2,
        "THURSDAY" => 3,
        "FRIDAY" => 4,
        "SATURDAY" => 5,
        "SUNDAY" => 6,
        _ => return None,
    })
}

/// The names of the months (and their abbreviations as wire copy writes them: "Dec. 3").
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "JANUARY"
            | "FEBRUARY"
            | "MARCH"
            | "APRIL"
            | "MAY"
            | "JUNE"
            | "JULY"
            | "AUGUST"
            | "SEPTEMBER"
            | "OCTOBER"
            | "NOVEMBER"
            | "DECEMBER"
            | "JAN."
            | "FEB."
            | "MAR."
            | "APR."
            | "JUN."
            | "JUL."
            | "AUG."
            | "SEP."
            | "SEPT."
            | "OCT."
            | "NOV."
            | "DEC."
    )
}

/// Time words that may stand between a subject and its verb ("Arnor on Thursday signed").
pub fn is_time_word(w: &str) -> bool {
    is_weekday(w).is_some()
        || matches!(
            w,
            "YESTERDAY"
                | "TODAY"
                | "TONIGHT"
                | "TOMORROW"
                | "MORNING"
                | "AFTERNOON"
                | "EVENING"
                | "NIGHT"
                | "WEEK"
                | "MONTH"
                | "YEAR"
                | "LAST"
                | "NEXT"
                | "LATE"
                | "EARLY"
        )
}

/// Words that are never verbs even if a verb dictionary lists a form spelled like them.
/// Does the word end a simple noun phrase wherever it stands (a preposition other than the
/// possessive `'s`, a conjunction, an auxiliary, a negator, a subject pronoun, a word that
/// opens a clause, a subordinator, a time word)? Looked up through
/// [`WordClasses`](crate::lexicon::WordClasses).
pub fn breaks_np(w: &str) -> bool {
    (is_preposition(w) && w != "'S")
        || is_conjunction(w)
        || is_auxiliary(w)
        || is_negator(w)
        || is_subject_pronoun(w)
        || opens_clause(w)
        || is_subordinator(w)
        || is_time_word(w)
}

pub fn never_verb(w: &str) -> bool {
    is_determiner(w)
        || is_preposition(w)
        || is_auxiliary(w)
        || is_subject_pronoun(w)
        || is_conjunction(w)
        || matches!(w, "THAN" | "AS" | "NOT" | "N'T")
}

/// Nouns of a proposal or a decision, whose infinitive says what is proposed or decided ("the
/// idea to invite Chile", "a plan to send troops", "the decision to expel"): the infinitive's
/// actors are its own, not those of the verb that has the noun as its object.
pub fn takes_infinitive_content(w: &str) -> bool {
    matches!(
        w,
        "IDEA" | "IDEAS" | "PLAN" | "PLANS" | "PROPOSAL" | "PROPOSALS" | "DECISION" | "DECISIONS"
    )
}

/// Plural nouns of people whom news tells held, freed, hurt or killed without naming their
/// country ("freed 350 captives, including three Saudis", "took 20 hostages, including two
/// Americans"): "including" after them names whose people they are.
pub fn is_people_held_or_harmed(w: &str) -> bool {
    matches!(
        w,
        "CAPTIVES"
            | "HOSTAGES"
            | "PRISONERS"
            | "DETAINEES"
            | "PERSONS"
            | "VICTIMS"
            | "FOREIGNERS"
            | "NATIONALS"
            | "PASSENGERS"
            | "SAILORS"
            | "TOURISTS"
            | "MIGRANTS"
            | "WORKERS"
    )
}

/// Nouns of an attempt ("Clinton's attempts to ease Russia's concerns", "efforts to end the
/// war"): their infinitive is what is tried, not done.
pub fn is_attempt(w: &str) -> bool {
    matches!(w, "ATTEMPT" | "ATTEMPTS" | "EFFORT" | "EFFORTS")
}

/// Adverbs spelt as verbs that split an infinitive ("to further deepen cooperation", "to better
/// coordinate"): before another verb, the adverb.
pub fn splits_infinitives(w: &str) -> bool {
    matches!(w, "FURTHER" | "BETTER")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of dyad.mutual-words.txt is a kind and its words, or a comment.
    #[test]
    fn the_mutual_words_file_reads_whole() {
        let text = include_str!("../../../data/dictionaries/dyad.mutual-words.txt");
        for (no, line) in text.lines().enumerate() {
            let body = line.split('#').next().unwrap_or("").trim();
            let kind = body.split_whitespace().next();
            assert!(
                matches!(kind, None | Some("verb" | "noun" | "adverb")),
                "dyad.mutual-words.txt:{}: {line:?}",
                no + 1
            );
        }
        assert!(is_reciprocal("MEET") && is_reciprocal("CLASH") && !is_reciprocal("JOIN"));
        assert!(is_relation_noun("TIES") && !is_relation_noun("FORCE"));
        assert!(says_mutual("EACH", "OTHER") && says_mutual("TOGETHER", ""));
    }
}
