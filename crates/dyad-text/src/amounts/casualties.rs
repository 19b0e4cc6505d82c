//! Counts of people and what happened to them: words for people (`civilians`, a plural
//! demonym), casualty words after a count (`were killed`, `injured`, `taken hostage`),
//! casualty verbs before one (`killing 8`, `arrested 30 students`), qualifiers (`at least`)
//! and death tolls (`the death toll rose to 50`).

use dyad_model::amount::{AmountKind, Casualty};

use super::context::Ctx;
use super::currency::currency_after;
use super::numbers::{is_year, quantity, unit_word, Qty};

/// Words for people, with what they imply.
fn people_word(ctx: &Ctx, k: usize) -> Option<Casualty> {
    const OTHER: &[&str] = &[
        "people",
        "persons",
        "person",
        "civilians",
        "civilian",
        "soldiers",
        "soldier",
        "troops",
        "servicemen",
        "servicemembers",
        "police",
        "policemen",
        "officers",
        "officials",
        "protesters",
        "protestors",
        "demonstrators",
        "students",
        "student",
        "children",
        "child",
        "kids",
        "women",
        "men",
        "man",
        "woman",
        "residents",
        "villagers",
        "workers",
        "migrants",
        "pilgrims",
        "fighters",
        "militants",
        "rebels",
        "insurgents",
        "combatants",
        "jihadists",
        "gunmen",
        "members",
        "supporters",
        "activists",
        "journalists",
        "reporters",
        "passengers",
        "victims",
        "tourists",
        "doctors",
        "patients",
        "others",
        "more",
        "them",
        "those",
        "crew",
        "sailors",
        "miners",
        "farmers",
        "voters",
        "citizens",
        "nationals",
        "peacekeepers",
        "personnel",
        "staff",
        "employees",
        "teenagers",
        "infants",
        "babies",
        "adults",
        "family",
        "families",
        "inmates",
        "guards",
        "opponents",
        "dissidents",
    ];
    let w = ctx.w(k);
    if matches!(w, "refugees" | "evacuees" | "asylum-seekers" | "displaced") {
        return Some(Casualty::Displaced);
    }
    if matches!(w, "prisoners" | "detainees" | "arrestees") {
        return Some(Casualty::Arrested);
    }
    if matches!(w, "hostages" | "captives") {
        return Some(Casualty::Other);
    }
    if OTHER.contains(&w) {
        return Some(Casualty::Other);
    }
    // plural demonyms: "Palestinians", "Israelis", "Afghans", "Chinese"
    let raw = ctx.raw(k);
    let capital = raw.chars().next().is_some_and(char::is_uppercase);
    let demonym = w.ends_with("ans") || w.ends_with("is") || w.ends_with("ese");
    (capital && demonym && w.chars().count() > 4).then_some(Casualty::Other)
}

/// A casualty word at token `k` (after a count: "killed", "dead", "injured"), with the last
/// token it takes ("rounded up", "lost their lives", "taken hostage").
fn casualty_after(ctx: &Ctx, k: usize) -> Option<(Casualty, usize)> {
    let w = ctx.w(k);
    let what = match w {
        "killed" | "dead" | "died" | "slain" | "murdered" | "executed" | "perished"
        | "massacred" | "deaths" | "fatalities" => Casualty::Killed,
        "shot" if ctx.w(k + 1) == "dead" => return Some((Casualty::Killed, k + 1)),
        "lost" if ctx.w(k + 1) == "their" && ctx.w(k + 2) == "lives" => {
            return Some((Casualty::Killed, k + 2))
        }
        "injured" | "wounded" | "hurt" | "injuries" | "hospitalised" | "hospitalized" => {
            Casualty::Injured
        }
        "arrested" | "detained" | "jailed" | "imprisoned" | "captured" | "arrests"
        | "detentions" => Casualty::Arrested,
        "rounded" if ctx.w(k + 1) == "up" => return Some((Casualty::Arrested, k + 1)),
        "displaced" | "evacuated" | "fled" | "homeless" | "uprooted" => Casualty::Displaced,
        "taken" if ctx.w(k + 1) == "hostage" => return Some((Casualty::Other, k + 1)),
        "missing" | "abducted" | "kidnapped" | "casualties" => Casualty::Other,
        _ => return None,
    };
    Some((what, k))
}

/// Casualty verbs that take the count as object ("killing 8", "arrested 30 students").
pub(super) fn casualty_verb(w: &str) -> Option<Casualty> {
    Some(match w {
        "killing" | "killed" | "kill" | "kills" | "executing" | "executed" | "shooting dead" => {
            Casualty::Killed
        }
        "injuring" | "injured" | "injure" | "injures" | "wounding" | "wounded" | "wounds" => {
            Casualty::Injured
        }
        "arresting" | "arrested" | "arrest" | "arrests" | "detaining" | "detained" | "detain"
        | "detains" | "jailing" | "jailed" => Casualty::Arrested,
        "displacing" | "displaced" | "displace" | "displaces" | "evacuating" | "evacuated" => {
            Casualty::Displaced
        }
        "abducting" | "abducted" | "kidnapping" | "kidnapped" => Casualty::Other,
        _ => return None,
    })
}

/// Words that may stand between a count and its casualty ("50 people were reportedly killed").
const AUX: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "will",
    "reportedly",
    "also",
    "now",
    "later",
    "all",
    "feared",
    "believed",
    "reported",
    "confirmed",
    "left",
    "remain",
    "remained",
    "still",
    "were",
    "either",
    "later",
    "since",
];

/// Nouns of time and measure after a number: such a number counts no people.
fn measure_word(w: &str) -> bool {
    matches!(
        w,
        "years"
            | "year"
            | "days"
            | "day"
            | "months"
            | "month"
            | "weeks"
            | "week"
            | "hours"
            | "hour"
            | "minutes"
            | "minute"
            | "seconds"
            | "times"
            | "percent"
            | "%"
            | "pct"
            | "per"
            | "kilometres"
            | "kilometers"
            | "km"
            | "miles"
            | "metres"
            | "meters"
            | "tonnes"
            | "tons"
            | "kg"
            | "points"
            | "votes"
            | "seats"
    )
}

/// Qualifiers before a count ("at least 50"): the first token of the qualifier.
pub(super) fn qualifier_start(ctx: &Ctx, i: usize, floor: usize) -> usize {
    const QUALIFIERS: &[&[&str]] = &[
        &["at", "least"],
        &["at", "most"],
        &["more", "than"],
        &["fewer", "than"],
        &["less", "than"],
        &["as", "many", "as"],
        &["up", "to"],
        &["an", "estimated"],
        &["nearly"],
        &["almost"],
        &["about"],
        &["around"],
        &["some"],
        &["roughly"],
        &["approximately"],
        &["over"],
        &["estimated"],
        &["only"],
    ];
    for q in QUALIFIERS {
        let n = q.len();
        if i >= floor + n && q.iter().enumerate().all(|(j, w)| ctx.w(i - n + j) == *w) {
            return i - n;
        }
    }
    i
}

/// Words that end the modifiers between a number and a word for people ("2 when two
/// gunmen", "2001 brought many people", "5,000 with NATO members").
const NOT_MODIFIERS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "but", "when", "while", "as", "at", "in", "on", "to",
    "for", "from", "by", "with", "into", "than", "that", "which", "who", "many", "more", "most",
    "some", "all", "other", "these", "those", "their", "his", "her", "its", "our", "brought",
    "took", "made", "gave", "got", "left", "met", "saw", "sent", "put", "told", "said", "says",
    "led", "had", "has", "have", "did", "do", "does", "not", "no", "per",
];

/// Singular words for people, which count only one ("one person was killed").
fn singular(w: &str) -> bool {
    matches!(
        w,
        "person" | "civilian" | "soldier" | "student" | "child" | "man" | "woman"
    )
}

/// After a count `q`: a word for people and/or a casualty word. Returns what, and the last
/// token of the phrase. `pronouns` lets "them", "others", "more" count as people without a
/// casualty word (after a casualty verb: "injured 30 others").
pub(super) fn people_after(ctx: &Ctx, q: &Qty, pronouns: bool) -> Option<(Casualty, usize)> {
    let last = q.last;
    // a year ("in 2001 people") counts people only with the word right after it
    let year = q.plain.is_some_and(is_year);
    let mut k = last + 1;
    let mut noun: Option<(Casualty, usize)> = None;
    if ctx.w(k) == "of" && !year {
        k += 1;
        if ctx.w(k) == "the" {
            k += 1;
        }
    }
    // a word for people, after at most two modifiers ("50 Palestinian civilians")
    let reach = if year { 1 } else { 3 };
    for m in k..k + reach {
        let t = ctx.tokens.get(m)?;
        if !t
            .text
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            break;
        }
        if let Some(what) = people_word(ctx, m) {
            let capital = t.text.chars().next().is_some_and(char::is_uppercase);
            if (!singular(ctx.w(m)) || q.value == 1.0) && !(year && capital) {
                noun = Some((what, m));
            }
            break;
        }
        let w = ctx.w(m);
        if AUX.contains(&w)
            || NOT_MODIFIERS.contains(&w)
            || w.ends_with("ly")
            || casualty_after(ctx, m).is_some()
            || measure_word(w)
        {
            break;
        }
    }
    // without a word for people the casualty follows the number itself ("dozens injured")
    let mut a = noun.map_or(last + 1, |(_, m)| m + 1);
    let mut steps = 0;
    let mut passive = false;
    while steps < 3 && AUX.contains(&ctx.w(a)) {
        passive |= matches!(
            ctx.w(a),
            "were" | "was" | "are" | "is" | "been" | "be" | "being"
        );
        a += 1;
        steps += 1;
    }
    if let Some((what, end)) = casualty_after(ctx, a) {
        // "two gunmen killed a guard": active, the count did the killing
        let verb = ctx.w(a).ends_with("ed") || ctx.w(a) == "shot";
        if passive || !verb || !has_object(ctx, end + 1) {
            return Some((what, end));
        }
    }
    // "twelve of them", "30 more": people only when a casualty follows
    noun.filter(|&(_, m)| pronouns || !matches!(ctx.w(m), "them" | "those" | "others" | "more"))
}

/// Does an object start at token `k` ("killed a guard", "killed two", "arrested him")?
fn has_object(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.w(k);
    matches!(
        w,
        "a" | "an"
            | "the"
            | "his"
            | "her"
            | "their"
            | "its"
            | "him"
            | "them"
            | "us"
            | "me"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "scores"
            | "several"
            | "at"
            | "more"
            | "some"
            | "about"
            | "nearly"
    ) || unit_word(w).is_some()
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// "killing 8", "arrested 30 students", "injuring at least a dozen people".
pub(super) fn casualty_verb_first(ctx: &Ctx, i: usize) -> Option<(usize, usize, AmountKind)> {
    let what = casualty_verb(ctx.w(i))?;
    let mut j = i + 1;
    j = skip_qualifier(ctx, j);
    let q = quantity(ctx, j, false)?;
    let next = ctx.w(q.last + 1);
    if measure_word(next)
        || currency_after(ctx, q.last + 1).is_some()
        || (q.plain.is_some_and(is_year) && people_word(ctx, q.last + 1).is_none())
    {
        return None;
    }
    let last = match people_after(ctx, &q, true) {
        Some((_, end)) if casualty_after(ctx, end).is_none() => end,
        _ => q.last,
    };
    Some((
        i,
        last,
        AmountKind::People {
            value: q.value,
            what,
        },
    ))
}

/// Skip a qualifier ("at least") starting at token `j`.
fn skip_qualifier(ctx: &Ctx, j: usize) -> usize {
    for n in [3, 2, 1] {
        if j + n < ctx.tokens.len() && qualifier_start(ctx, j + n, j) == j {
            return j + n;
        }
    }
    j
}

/// "the death toll rose to 50", "a death toll of at least 12".
pub(super) fn death_toll(ctx: &Ctx, i: usize) -> Option<(usize, usize, AmountKind)> {
    if ctx.w(i) != "death" || ctx.w(i + 1) != "toll" {
        return None;
    }
    const LINK: &[&str] = &[
        "rose",
        "risen",
        "climbed",
        "reached",
        "stood",
        "stands",
        "is",
        "was",
        "has",
        "had",
        "now",
        "to",
        "of",
        "at",
        "hit",
        "jumped",
        "increased",
        "grew",
        "been",
    ];
    let mut j = i + 2;
    while j < i + 7 && LINK.contains(&ctx.w(j)) {
        j += 1;
    }
    j = skip_qualifier(ctx, j);
    let q = quantity(ctx, j, false)?;
    if q.words && q.value < 1.0 {
        return None;
    }
    let last = match people_after(ctx, &q, true) {
        Some((_, end)) => end,
        None => q.last,
    };
    Some((
        i,
        last,
        AmountKind::People {
            value: q.value,
            what: Casualty::Killed,
        },
    ))
}
