//! The words that attribute a quotation: the cue (`the French leader said`, `said that`,
//! `according to`) after or before it, and the speaker's noun phrase next to the verb of
//! saying, else the subject that opens the clause.

use crate::tokens::Token;

use super::context::{Attribution, Ctx, RawQuote};

/// Verbs of saying, lower case.
const SAY_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "add",
    "adds",
    "added",
    "adding",
    "tell",
    "tells",
    "told",
    "telling",
    "state",
    "stated",
    "stating",
    "noted",
    "noting",
    "warn",
    "warns",
    "warned",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "ask",
    "asks",
    "asked",
    "asking",
    "declare",
    "declares",
    "declared",
    "declaring",
    "announce",
    "announces",
    "announced",
    "announcing",
    "stress",
    "stressed",
    "stressing",
    "explain",
    "explains",
    "explained",
    "explaining",
    "replied",
    "replies",
    "continued",
    "argued",
    "argues",
    "arguing",
    "wrote",
    "writes",
    "urged",
    "urges",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "acknowledged",
    "cautioned",
    "recalled",
    "remarked",
];

/// Auxiliaries and adverbs that may stand between a speaker and the verb ("he also said",
/// "she was quoted as saying", "he did not say").
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "further",
    "once",
    "previously",
    "earlier",
    "publicly",
    "repeatedly",
    "recently",
    "just",
    "not",
    "never",
    "n't",
    "subsequently",
    "separately",
    "simply",
    "reportedly",
    "has",
    "have",
    "had",
    "did",
    "does",
    "do",
    "would",
    "will",
    "was",
    "is",
    "were",
    "are",
    "be",
    "been",
    "could",
    "should",
    "might",
    "may",
    "can",
    "must",
    "shall",
    "quoted",
    "as",
    "himself",
    "herself",
    "themselves",
    "itself",
    "wo",
    "ca",
    "then",
    "often",
    "always",
    "still",
    "yet",
    "already",
    "privately",
    "angrily",
    "flatly",
    "firmly",
];

/// Words that end a speaker's noun phrase (conjunctions, prepositions other than "of",
/// relative and subordinating words).
const STOP: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "while",
    "where",
    "as",
    "because",
    "since",
    "after",
    "before",
    "if",
    "though",
    "although",
    "unless",
    "until",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "into",
    "about",
    "during",
    "than",
    "via",
    "per",
    "without",
    "over",
    "under",
    "among",
    "between",
    "against",
    "according",
    "told",
    "adding",
    "saying",
    "however",
    "meanwhile",
    "also",
    "it's",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "another", "one", "two", "three", "several", "some", "many", "both",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];

fn is_say(w: &str) -> bool {
    SAY_VERBS.contains(&w)
}

/// A token that is no word (punctuation, marks), except the possessive clitic.
fn is_punct(t: &Token) -> bool {
    !t.text.chars().any(char::is_alphanumeric)
}

/// Tokens that end a clause for attribution: sentence ends, semicolons, quotation marks.
fn is_boundary(ctx: &Ctx, k: usize) -> bool {
    let t = &ctx.tokens[k];
    match t.text.as_str() {
        "." | "!" | "?" | ";" | "“" | "”" | "\"" | "«" | "»" | "``" | "''" | "‘" => true,
        "’" | "'" => k == 0 || ctx.tokens[k - 1].end != t.start,
        _ => false,
    }
}

/// Cue and speaker of a quotation: the attribution after it, else the one before it.
pub(super) fn attribution(ctx: &Ctx, r: &RawQuote) -> Attribution {
    let before = attribution_before(ctx, r);
    let strong_before = before.as_ref().is_some_and(|(_, strong)| *strong);
    if !strong_before {
        if let Some(a) = attribution_after(ctx, r) {
            return a;
        }
    }
    match before {
        Some((a, _)) => a,
        None => (None, None),
    }
}

/// `“…,” the French leader said` / `“…,” said Xi` / `“…,” according to the ministry`.
fn attribution_after(ctx: &Ctx, r: &RawQuote) -> Option<Attribution> {
    let toks = ctx.tokens;
    let para = ctx.paras.get(r.last_para)?;
    let first = toks.partition_point(|t| t.start < r.close_end);
    // the tokens of the clause after the quote, in its paragraph
    let mut last = first;
    while last < toks.len()
        && last < first + 14
        && toks[last].start < para.1
        && !is_boundary(ctx, last)
    {
        last += 1;
    }
    if first >= last {
        return None;
    }
    // After a full stop, the attribution must go on in lower case ("….” he said).
    let mut e = r.close_start.min(ctx.chars.len());
    while e > r.open_end && ctx.chars[e - 1].is_whitespace() {
        e -= 1;
    }
    let ends_sentence = e > r.open_end && matches!(ctx.chars[e - 1], '.' | '…');
    let starts_lower = toks[first]
        .text
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c == ',');
    if ends_sentence && !starts_lower {
        return None;
    }
    let mut i = first;
    while i < last && is_punct(&toks[i]) {
        i += 1;
    }
    if i >= last {
        return None;
    }
    let w = &ctx.lower[i];
    if w == "according" && i + 1 < last && &ctx.lower[i + 1] == "to" {
        let sp = np_forward(ctx, i + 2, last);
        let end = sp.map_or(i + 1, |(_, b)| b);
        return Some((
            Some(ctx.span_tokens(i, end)),
            sp.map(|(a, b)| ctx.span_tokens(a, b)),
        ));
    }
    if is_say(w) {
        // "said Xi", "added the minister"
        let sp = np_forward(ctx, i + 1, last);
        let end = sp.map_or(i, |(_, b)| b);
        return Some((
            Some(ctx.span_tokens(i, end)),
            sp.map(|(a, b)| ctx.span_tokens(a, b)),
        ));
    }
    // "the French leader said", "he added", "Lin Jian, a spokesman, said"
    let v = (i..last).find(|&k| is_say(&ctx.lower[k]))?;
    let mut sp_end = i;
    while sp_end < v {
        let t = &ctx.lower[sp_end];
        if t == "," || BETWEEN.contains(&t) {
            break;
        }
        if STOP.contains(&t) || (is_punct(&toks[sp_end]) && !is_clitic(t)) {
            return None;
        }
        sp_end += 1;
    }
    // what lies between the speaker and the verb: an apposition or adverbs, no other clause
    for k in sp_end..v {
        let t = &ctx.lower[k];
        if ["and", "but", "or", "that", "because", "while", "when", "if"].contains(&t) {
            return None;
        }
    }
    if sp_end == i || sp_end - i > 10 {
        return None;
    }
    Some((
        Some(ctx.span_tokens(i, v)),
        Some(ctx.span_tokens(i, sp_end - 1)),
    ))
}

/// `Xi said: “…”` / `X said that "…"` / `he told reporters, “…”` / `According to Xi, “…”`.
/// The flag is true for a colon or "that" (they introduce the quote whatever follows it).
fn attribution_before(ctx: &Ctx, r: &RawQuote) -> Option<(Attribution, bool)> {
    let toks = ctx.tokens;
    let para = ctx.paras.get(r.first_para)?;
    let end = toks.partition_point(|t| t.start < r.open_start);
    if end == 0 {
        return None;
    }
    // clause start: after the last boundary within the paragraph, at most 30 tokens back
    let mut start = end;
    while start > 0
        && end - start < 30
        && toks[start - 1].start >= para.0
        && !is_boundary(ctx, start - 1)
    {
        start -= 1;
    }
    if start >= end {
        return None;
    }
    let last = end - 1;
    let lw = &ctx.lower[last];
    let (intro_end, strong) = match lw {
        ":" | "that" => (last, true),
        "," => (last, false),
        w if is_say(w) => (end, false),
        _ => return None,
    };
    // the cue runs up to the quote, less a final colon or comma
    let cue_last = if matches!(lw, ":" | ",") {
        last.checked_sub(1)?
    } else {
        last
    };
    if cue_last < start {
        return None;
    }
    // nearest verb of saying, at most 8 tokens before the introducing word
    let lo = start.max(intro_end.saturating_sub(9));
    let v = (lo..intro_end.min(end)).rev().find(|&k| {
        is_say(&ctx.lower[k])
            || (&ctx.lower[k] == "according" && ctx.lower.get(k + 1).is_some_and(|t| t == "to"))
    })?;
    if &ctx.lower[v] == "according" {
        let sp = np_forward(ctx, v + 2, end);
        return Some((
            (
                Some(ctx.span_tokens(v, cue_last)),
                sp.map(|(a, b)| ctx.span_tokens(a, b)),
            ),
            strong,
        ));
    }
    // the speaker: the noun phrase just before the verb (past auxiliaries and adverbs) …
    let mut k = v;
    while k > start && BETWEEN.contains(&&ctx.lower[k - 1]) {
        k -= 1;
    }
    let mut s = k;
    if k > start && PRONOUNS.contains(&&ctx.lower[k - 1]) {
        s = k - 1; // a pronoun is the whole speaker ("On Sunday he said")
    } else {
        while s > start && k - s < 8 && np_word(ctx, s - 1) {
            s -= 1;
        }
    }
    while s < k && matches!(&ctx.lower[s], "of" | "'s" | "'") {
        s += 1;
    }
    let (speaker, cue_start) = if s < k && !DETERMINERS.contains(&&ctx.lower[k - 1]) {
        (Some((s, k - 1)), s)
    } else {
        // … else the subject that opens the clause
        (clause_subject(ctx, start, v), v)
    };
    Some((
        (
            Some(ctx.span_tokens(cue_start, cue_last)),
            speaker.map(|(a, b)| ctx.span_tokens(a, b)),
        ),
        strong,
    ))
}

fn is_clitic(w: &str) -> bool {
    matches!(w, "'s" | "'")
}

/// May token `k` be part of a speaker's noun phrase?
fn np_word(ctx: &Ctx, k: usize) -> bool {
    let w = &ctx.lower[k];
    if is_clitic(w) || w == "of" || w == "-" {
        return true;
    }
    !is_punct(&ctx.tokens[k])
        && !STOP.contains(&w)
        && !BETWEEN.contains(&w)
        && !is_say(w)
        && !w.chars().any(|c| c.is_ascii_digit())
        && !is_time_word(w)
}

/// Days and time words, which stand next to speakers without being part of them ("Hughes
/// said Monday", "On Sunday he said").
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
    )
}

/// The noun phrase starting at token `from` (before `to`): "Xi Jinping" in "said Xi Jinping,
/// China's president", "the ministry" in "according to the ministry in a statement".
fn np_forward(ctx: &Ctx, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut e = from;
    while e < to && e - from < 8 && np_word(ctx, e) {
        e += 1;
    }
    while e > from
        && (DETERMINERS.contains(&&ctx.lower[e - 1]) || matches!(&ctx.lower[e - 1], "of" | "-"))
    {
        e -= 1;
    }
    (e > from).then(|| (from, e - 1))
}

/// The subject opening the clause `from..to`: "Xi" in "Xi did not respond to France's call,
/// but said", "the French leader" in "The French leader, however, said". Lower-case words
/// count only after a determiner or possessive ("the French leader", "China's top diplomat").
fn clause_subject(ctx: &Ctx, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut s = from;
    while s < to
        && (is_punct(&ctx.tokens[s])
            || matches!(&ctx.lower[s], "and" | "but" | "so" | "then" | "yet"))
    {
        s += 1;
    }
    let mut e = s;
    let mut after_det = false;
    while e < to && e - s < 6 {
        let w = &ctx.lower[e];
        let t = &ctx.tokens[e];
        if is_clitic(w) {
            if e == s {
                break;
            }
            after_det = true;
        } else if is_punct(t) || STOP.contains(&w) || BETWEEN.contains(&w) || is_say(w) {
            break;
        } else if DETERMINERS.contains(&w) {
            after_det = true;
        } else if PRONOUNS.contains(&w) {
            if e == s {
                e += 1;
            }
            break;
        } else if w == "of" || t.text.chars().next().is_some_and(char::is_uppercase) {
            // a name, or a word of one ("Ministry of Foreign Affairs")
        } else if !after_det {
            break;
        }
        e += 1;
    }
    while e > s
        && (DETERMINERS.contains(&&ctx.lower[e - 1])
            || matches!(&ctx.lower[e - 1], "of" | "'s" | "'"))
    {
        e -= 1;
    }
    (e > s).then(|| (s, e - 1))
}
