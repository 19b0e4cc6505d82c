//! Direct quotations in article text: where each quotation is, how many paragraphs it runs
//! over, and the words that attribute it (the cue, "the French leader said") and name its
//! speaker ("the French leader"). This module only reads text; linking speakers to actors and
//! quotes to events is the coder's job.
//!
//! What counts as a quotation:
//!
//! * Text between double quotation marks: curly `“…”`, straight `"…"` (a straight mark opens
//!   after white space or a bracket and closes before white space or punctuation), guillemets
//!   `«…»` and the PTB pair ``` ``…'' ```. Opening and closing marks of different styles pair up
//!   (`said that "China supports…”`). Single marks and apostrophes inside (`‘…’`, `China's`)
//!   are part of the quoted text.
//! * Quotations running over several paragraphs (paragraphs are separated by a blank line):
//!   the newswire convention leaves a paragraph's quotation unclosed and opens the next
//!   paragraph with a quotation mark; the quotation then continues there. The opening marks
//!   of the later paragraphs are left out of [`Quote::text`] (but lie inside `start..end`).
//! * British-style single quotation marks (`‘…,’ he said`) are taken only when the quotation
//!   is attributed, so apostrophes (`China's`, `the students' union`, `'90s`) are never
//!   quotations.
//!
//! A mark that never finds its partner (in its paragraph, or in a continuing paragraph) is
//! ignored, as is a closing mark with nothing open. An opening mark inside an open quotation
//! continues it when it follows a full stop (`…concerned. "In fact, …"`: continued paragraphs
//! run together, as in text whose paragraph breaks were lost) and otherwise starts a new
//! quotation (the earlier mark is taken to be a typo). Every quotation found is
//! returned, also scare quotes and titles, which get no cue.
//!
//! Attribution is read around the quotation, in the same paragraph:
//!
//! * after it: `“…,” the French leader said`, `“…,” he added`, `“…?” she asked`,
//!   `“…,” said Xi`, `“…,” according to the ministry` — not after a quotation ending in a full
//!   stop, unless a lower-case word follows (`“….” he said`);
//! * before it: `Xi said: “…”`, `He told reporters, “…”`, `X said that "…"`,
//!   `According to Xi, “…”`.
//!
//! Verbs of saying: say, add, tell, state, note, warn, insist, ask, declare, announce, stress,
//! explain, reply, continue, argue, write, urge, emphasise, acknowledge, caution, recall,
//! remark (in their usual forms), and "according to". The speaker is the noun phrase next to
//! the verb ("the French leader", "he", "Chinese Foreign Minister Wang Yi"); when none is next
//! to it (`Xi did not respond to France's call, but said that "…"`), the subject that opens
//! the clause ("Xi"). The cue covers the speaker too when the two are adjacent, and before a
//! quotation runs up to it (`Xi told reporters`, `said that`). A quotation without attribution
//! that closely follows an attributed one in the same paragraph (`“…,” he said. “…”`: at most
//! one sentence end and four words between them) shares its cue and speaker.

use serde::Serialize;

use crate::chars::skip_to;
use crate::tokens::{Token, WholeText};

/// A stretch of the text: character offsets (end exclusive) and the text itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Character offsets of the quoted words, without the quotation marks (and without the
    /// comma that ends a quotation before its attribution: `“…ever,” he said`).
    pub start: usize,
    pub end: usize,
    /// The quoted words: `start..end` less the opening marks of continued paragraphs.
    pub text: String,
    /// The attribution words ("the French leader said", "he added", "said that").
    pub cue: Option<Span>,
    /// The speaker's words ("the French leader", "he", "Xi").
    pub speaker: Option<Span>,
    /// Number of paragraphs the quotation runs over (1 for most).
    pub paragraphs: usize,
}

/// Find every quotation in `text` (a whole article, or any piece of one), in text order.
/// Offsets are character offsets into `text`. Never panics.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    find_quotes_in(&WholeText::new(text))
}

/// [`find_quotes`] on a text read already (its characters and tokens), which
/// [`crate::amounts::find_amounts_in`] can share.
pub fn find_quotes_in(whole: &WholeText) -> Vec<Quote> {
    let chars = &whole.chars[..];
    let tokens = &whole.tokens[..];
    let ctx = Ctx {
        chars,
        tokens,
        lower: &whole.lower,
        paras: paragraphs(chars),
    };

    let mut raw = double_quotes(&ctx);
    raw.extend(single_quotes(&ctx, &raw));
    raw.sort_by_key(|r| r.open_start);

    let mut out: Vec<Quote> = Vec::new();
    // the last quotation: its last paragraph, where it and its attribution end, cue, speaker
    let mut prev: Option<(usize, usize, Option<Span>, Option<Span>)> = None;
    for r in &raw {
        let Some((start, end)) = trimmed_content(chars, r) else {
            continue;
        };
        let (mut cue, mut speaker) = match r.attribution.clone() {
            Some(a) => a,
            None => attribution(&ctx, r),
        };
        if cue.is_none() {
            if let Some((p, after, c, s)) = &prev {
                if *p == r.first_para && c.is_some() && short_gap(chars, *after, r.open_start) {
                    cue = c.clone();
                    speaker = s.clone();
                }
            }
        }
        let text: String = (start..end)
            .filter(|i| !r.holes.iter().any(|&(a, b)| (a..b).contains(i)))
            .map(|i| chars[i])
            .collect();
        let after = cue.as_ref().map_or(r.close_end, |c| c.end.max(r.close_end));
        prev = Some((r.last_para, after, cue.clone(), speaker.clone()));
        out.push(Quote {
            start,
            end,
            text,
            cue,
            speaker,
            paragraphs: r.last_para - r.first_para + 1,
        });
    }
    out
}

/// Does little stand between one quotation (with its attribution) and the next: at most one
/// sentence end and four words ("“…,” he said on Thursday. “…”")?
fn short_gap(chars: &[char], from: usize, to: usize) -> bool {
    let gap = chars.get(from..to).unwrap_or(&[]);
    let stops = gap
        .iter()
        .filter(|c| matches!(c, '.' | '!' | '?' | ';'))
        .count();
    let words = gap
        .split(|c| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    stops <= 1 && words <= 4
}

/// What the scanners share: the text as characters, its tokens (with lower-cased forms) and
/// its paragraphs.
struct Ctx<'a> {
    chars: &'a [char],
    tokens: &'a [Token],
    lower: &'a crate::tokens::LowerWords,
    paras: Vec<(usize, usize)>,
}

impl Ctx<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        let end = end.min(self.chars.len()).max(start);
        let start = start.min(end);
        Span {
            start,
            end,
            text: self.chars[start..end].iter().collect(),
        }
    }

    fn span_tokens(&self, first: usize, last: usize) -> Span {
        self.span(self.tokens[first].start, self.tokens[last].end)
    }
}

/// A quotation's cue and speaker.
type Attribution = (Option<Span>, Option<Span>);

/// A quotation before trimming and attribution.
#[derive(Debug, Clone)]
struct RawQuote {
    open_start: usize,
    open_end: usize,
    close_start: usize,
    close_end: usize,
    first_para: usize,
    last_para: usize,
    /// Opening marks of continued paragraphs (left out of the quote's text).
    holes: Vec<(usize, usize)>,
    /// Attribution already read (single-quoted quotations need one to exist at all).
    attribution: Option<Attribution>,
}

/// Paragraphs: stretches of text separated by blank lines, trimmed of white space.
fn paragraphs(chars: &[char]) -> Vec<(usize, usize)> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut push = |s: usize, e: usize| {
        let (mut s, mut e) = (s, e);
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if s < e {
            out.push((s, e));
        }
    };
    let mut seg = 0;
    let mut i = 0;
    while i < n {
        i = skip_to(chars, i, n, |c| c == '\n');
        if i == n {
            break;
        }
        if chars[i] == '\n' {
            let mut k = i + 1;
            while k < n && chars[k] != '\n' && chars[k].is_whitespace() {
                k += 1;
            }
            if k < n && chars[k] == '\n' {
                push(seg, i);
                seg = k + 1;
                i = k + 1;
                continue;
            }
        }
        i += 1;
    }
    push(seg, n);
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// Punctuation a closing mark may be followed by.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '…' | '-' | '/'
    )
}

/// Characters an opening mark may follow.
fn is_leading_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
}

/// Is there a double quotation mark at `i` (within `lo..hi`), and does it open or close? A
/// straight `"` is read from its neighbours, and from whether a quotation is open when they
/// do not tell.
fn double_mark(
    chars: &[char],
    i: usize,
    lo: usize,
    hi: usize,
    inside: bool,
) -> Option<(Role, usize)> {
    let c = chars[i];
    let next = (i + 1 < hi).then(|| chars[i + 1]);
    match c {
        '“' | '«' => Some((Role::Open, 1)),
        '”' | '»' => Some((Role::Close, 1)),
        '`' if next == Some('`') => Some((Role::Open, 2)),
        '\'' if next == Some('\'') => Some((Role::Close, 2)),
        '"' => {
            let prev = (i > lo).then(|| chars[i - 1]);
            let opens = prev.is_none_or(|p| p.is_whitespace() || is_leading_punct(p));
            let closes = next.is_none_or(|x| x.is_whitespace() || is_trailing_punct(x));
            let role = match (opens, closes) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ if inside => Role::Close,
                _ => Role::Open,
            };
            Some((role, 1))
        }
        _ => None,
    }
}

/// Quotations in double marks, continued over paragraphs by the newswire convention.
fn double_quotes(ctx: &Ctx) -> Vec<RawQuote> {
    let chars = ctx.chars;
    let mut out = Vec::new();
    let mut pending: Option<RawQuote> = None;
    for (pi, &(ps, pe)) in ctx.paras.iter().enumerate() {
        let mut cur: Option<RawQuote> = None;
        let mut i = ps;
        if let Some(mut p) = pending.take() {
            if let Some((Role::Open, len)) = double_mark(chars, ps, ps, pe, false) {
                p.holes.push((ps, ps + len));
                cur = Some(p);
                i = ps + len;
            }
        }
        while i < pe {
            // most characters are no mark: pass them without reading their neighbours
            // (a coarse test that compares well in vectors: the marks are `"`, `'`, `` ` ``
            // and characters outside ASCII; `double_mark` tells the marks among them)
            i = skip_to(chars, i, pe, |c| {
                (c == '"') | (c == '\'') | (c == '`') | !c.is_ascii()
            });
            if i == pe {
                break;
            }
            match double_mark(chars, i, ps, pe, cur.is_some()) {
                Some((Role::Open, len)) => {
                    // An opening mark inside a quotation after a full stop continues it (the
                    // paragraphs of a continued quote run together: `…concerned. "In fact…`);
                    // anywhere else it starts a new quotation.
                    if let Some(q) = cur.as_mut() {
                        let mut p = i;
                        while p > q.open_end && chars[p - 1].is_whitespace() {
                            p -= 1;
                        }
                        if p > q.open_end && matches!(chars[p - 1], '.' | '!' | '?' | '…') {
                            q.holes.push((i, i + len));
                            i += len;
                            continue;
                        }
                    }
                    cur = Some(RawQuote {
                        open_start: i,
                        open_end: i + len,
                        close_start: i + len,
                        close_end: i + len,
                        first_para: pi,
                        last_para: pi,
                        holes: Vec::new(),
                        attribution: None,
                    });
                    i += len;
                }
                Some((Role::Close, len)) => {
                    if let Some(mut q) = cur.take() {
                        q.close_start = i;
                        q.close_end = i + len;
                        q.last_para = pi;
                        out.push(q);
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        pending = cur;
    }
    out
}

/// Longest quotation in single marks looked for, in characters (it bounds the search for the
/// closing mark, so text full of apostrophes stays fast).
const MAX_SINGLE_QUOTE_CHARS: usize = 2000;

/// Quotations in single marks outside double-quoted text, kept only when attributed.
fn single_quotes(ctx: &Ctx, doubles: &[RawQuote]) -> Vec<RawQuote> {
    let chars = ctx.chars;
    let covered = |i: usize| {
        doubles
            .iter()
            .any(|q| (q.open_start..q.close_end).contains(&i))
    };
    let mut out = Vec::new();
    for (pi, &(ps, pe)) in ctx.paras.iter().enumerate() {
        let mut i = ps;
        while i < pe {
            i = skip_to(chars, i, pe, |c| (c == '\'') | !c.is_ascii());
            if i == pe {
                break;
            }
            if !matches!(chars[i], '‘' | '\'') {
                i += 1;
                continue;
            }
            let opens = (i == ps || chars[i - 1].is_whitespace() || is_leading_punct(chars[i - 1]))
                && i + 1 < pe
                && chars[i + 1].is_alphanumeric()
                && !covered(i);
            if !opens {
                i += 1;
                continue;
            }
            // a closing mark ends a word and is next to punctuation (`fight on,’` / `on’,`)
            let close = (i + 2..pe.min(i + MAX_SINGLE_QUOTE_CHARS)).find(|&j| {
                let next = (j + 1 < pe).then(|| chars[j + 1]);
                matches!(chars[j], '’' | '\'')
                    && !chars[j - 1].is_whitespace()
                    && (matches!(chars[j - 1], ',' | '.' | '!' | '?' | '…')
                        || next.is_some_and(|x| matches!(x, ',' | '.' | ':' | ';' | '!' | '?')))
                    && next.is_none_or(|x| x.is_whitespace() || is_trailing_punct(x))
                    && !is_plural_possessive(chars, j, pe)
                    && !covered(j)
            });
            let Some(j) = close else {
                i += 1;
                continue;
            };
            let mut q = RawQuote {
                open_start: i,
                open_end: i + 1,
                close_start: j,
                close_end: j + 1,
                first_para: pi,
                last_para: pi,
                holes: Vec::new(),
                attribution: None,
            };
            let (cue, speaker) = attribution(ctx, &q);
            if cue.is_some() {
                q.attribution = Some((cue, speaker));
                out.push(q);
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// `students’ demands`: an apostrophe after an `s`, followed by a space and a lower-case word.
fn is_plural_possessive(chars: &[char], j: usize, hi: usize) -> bool {
    matches!(chars[j - 1], 's' | 'S')
        && j + 2 < hi
        && chars[j + 1] == ' '
        && chars[j + 2].is_lowercase()
}

/// The quoted words' offsets: inside the marks, trimmed of white space and of a final comma.
fn trimmed_content(chars: &[char], r: &RawQuote) -> Option<(usize, usize)> {
    let mut s = r.open_end;
    let mut e = r.close_start.min(chars.len());
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > s && chars[e - 1] == ',' {
        e -= 1;
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
    }
    (s < e).then_some((s, e))
}

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
fn attribution(ctx: &Ctx, r: &RawQuote) -> Attribution {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::random_texts;

    fn data(path: &str) -> String {
        let p = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/corpus/");
        std::fs::read_to_string(format!("{p}{path}")).expect("corpus file")
    }

    fn slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    fn words(s: &Option<Span>) -> Option<&str> {
        s.as_ref().map(|s| s.text.as_str())
    }

    /// Every span slices back out of the text.
    fn check_spans(text: &str, quotes: &[Quote]) {
        let n = text.chars().count();
        for q in quotes {
            assert!(q.start < q.end && q.end <= n, "{text:?} {q:?}");
            // the text is the slice less some opening marks of continued paragraphs
            let marks = |c: &char| matches!(c, '“' | '"' | '«' | '`');
            let sliced: String = slice(text, q.start, q.end)
                .chars()
                .filter(|c| !marks(c))
                .collect();
            let quoted: String = q.text.chars().filter(|c| !marks(c)).collect();
            assert_eq!(sliced, quoted, "{text:?}");
            if q.paragraphs == 1 && q.text.chars().count() == q.end - q.start {
                assert_eq!(slice(text, q.start, q.end), q.text, "{text:?}");
            }
            for s in [&q.cue, &q.speaker].into_iter().flatten() {
                assert!(s.start <= s.end && s.end <= n, "{text:?} {q:?}");
                assert_eq!(slice(text, s.start, s.end), s.text, "{text:?}");
            }
        }
    }

    #[test]
    fn seed_quotes() {
        let text = data("seed-2025-12-04-beijing.txt");
        let quotes = find_quotes(&text);
        check_spans(&text, &quotes);
        let attributed: Vec<&Quote> = quotes.iter().filter(|q| q.cue.is_some()).collect();
        let expect = [
            (
                "We are facing the risk of",
                "the French leader said",
                "the French leader",
            ),
            ("I hope that China will join", "he added", "he"),
            ("China supports all efforts that work", "said that", "Xi"),
            ("No matter how the external environment", "he said", "he"),
            (
                "China and France should demonstrate their",
                "he added",
                "he",
            ),
        ];
        assert_eq!(attributed.len(), expect.len(), "{quotes:#?}");
        for (q, (starts, cue, speaker)) in attributed.iter().zip(expect) {
            assert!(q.text.starts_with(starts), "{q:?}");
            assert_eq!(words(&q.cue), Some(cue), "{q:?}");
            assert_eq!(words(&q.speaker), Some(speaker), "{q:?}");
            assert_eq!(q.paragraphs, 1);
        }
        assert!(attributed[0].text.ends_with("more essential than ever"));
        assert!(attributed[2].text.ends_with("work towards peace"));
        assert!(attributed[4].text.ends_with("right side of history"));
        // the scare quote around "independence." is found, unattributed
        let scare: Vec<&Quote> = quotes.iter().filter(|q| q.cue.is_none()).collect();
        assert_eq!(scare.len(), 1, "{quotes:#?}");
        assert_eq!(scare[0].text, "independence.");
        assert_eq!(scare[0].speaker, None);
    }

    #[test]
    fn attribution_forms() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("“We will win,” said Xi.", "We will win", "said Xi", "Xi"),
            (
                "“We will win,” said Xi Jinping, China's president.",
                "We will win",
                "said Xi Jinping",
                "Xi Jinping",
            ),
            ("Xi said: “We will win.”", "We will win.", "Xi said", "Xi"),
            (
                "Chinese Foreign Minister Wang Yi told reporters: \"It is time.\"",
                "It is time.",
                "Chinese Foreign Minister Wang Yi told reporters",
                "Chinese Foreign Minister Wang Yi",
            ),
            (
                "He said that “talks failed.”",
                "talks failed.",
                "He said that",
                "He",
            ),
            ("“Why now?” she asked.", "Why now?", "she asked", "she"),
            (
                "“It is over,” the minister also warned on Friday.",
                "It is over",
                "the minister also warned",
                "the minister",
            ),
            (
                "“It is over,” according to the ministry.",
                "It is over",
                "according to the ministry",
                "the ministry",
            ),
            (
                "According to Lavrov, “the West lied.”",
                "the West lied.",
                "According to Lavrov",
                "Lavrov",
            ),
            (
                "“It is over,” Lin Jian, a spokesman, said.",
                "It is over",
                "Lin Jian, a spokesman, said",
                "Lin Jian",
            ),
            (
                "The French leader, however, insisted: “No.”",
                "No.",
                "insisted",
                "The French leader",
            ),
            (
                "‘We will fight on,’ the prime minister declared.",
                "We will fight on",
                "the prime minister declared",
                "the prime minister",
            ),
            (
                "'We will fight on,' he stressed.",
                "We will fight on",
                "he stressed",
                "he",
            ),
            (
                "He was quoted as saying: “Enough.”",
                "Enough.",
                "He was quoted as saying",
                "He",
            ),
        ];
        for &(text, quoted, cue, speaker) in cases {
            let q = find_quotes(text);
            check_spans(text, &q);
            assert_eq!(q.len(), 1, "{text}: {q:#?}");
            assert_eq!(q[0].text, quoted, "{text}");
            assert_eq!(words(&q[0].cue), Some(cue), "{text}");
            assert_eq!(words(&q[0].speaker), Some(speaker), "{text}");
        }
    }

    #[test]
    fn no_attribution_after_a_full_stop() {
        let text = "“We will win.” Xi said the talks went well.";
        let q = find_quotes(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].cue, None);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn following_quote_shares_attribution() {
        let text = "“We agree,” he said. “But not yet.”\n\n“Later,” she added.";
        let q = find_quotes(text);
        check_spans(text, &q);
        assert_eq!(q.len(), 3);
        assert_eq!(words(&q[1].speaker), Some("he"));
        assert_eq!(q[1].cue, q[0].cue);
        assert_eq!(words(&q[2].speaker), Some("she"));
        // a quote in a later paragraph does not inherit
        let q = find_quotes("“We agree,” he said.\n\n“Not yet.”");
        assert_eq!(q[1].cue, None);
    }

    #[test]
    fn run_together_paragraphs() {
        let text =
            "\"The falls were isolated,\" she said. \"In some places it was dry. \"In fact, \
                    it did not help.\" Officials agreed.";
        let q = find_quotes(text);
        check_spans(text, &q);
        assert_eq!(q.len(), 2, "{q:#?}");
        assert_eq!(
            q[1].text,
            "In some places it was dry. In fact, it did not help."
        );
        assert_eq!(words(&q[1].speaker), Some("she"));
        // a long way after an attributed quote, an unattributed one stays unattributed
        let text = "“We agree,” he said. Later the talks went on for hours. “Not yet.”";
        let q = find_quotes(text);
        assert_eq!(q[1].cue, None);
    }

    #[test]
    fn multi_paragraph_quotes() {
        let text =
            "Xi said: “We will never give up.\n\n“We will fight on.\n\n  \"And we will win,” \
                    he added.\n\nThe end.";
        let q = find_quotes(text);
        check_spans(text, &q);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(q[0].paragraphs, 3);
        assert_eq!(
            q[0].text,
            "We will never give up.\n\nWe will fight on.\n\n  And we will win"
        );
        assert!(slice(text, q[0].start, q[0].end).starts_with("We will never"));
        assert!(slice(text, q[0].start, q[0].end).ends_with("we will win"));
        // a colon before the quote wins over the attribution after it
        assert_eq!(words(&q[0].speaker), Some("Xi"));
        assert_eq!(words(&q[0].cue), Some("Xi said"));

        let text = "“We will never give up.\n\n“We will fight on,” the minister said.";
        let q = find_quotes(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].paragraphs, 2);
        assert_eq!(words(&q[0].speaker), Some("the minister"));

        // a paragraph that does not open with a quote mark ends the unclosed quote
        let text = "“We will never give up.\n\nOfficials said more.\n\n“Fine,” he said.";
        let q = find_quotes(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "Fine");
    }

    #[test]
    fn unbalanced_marks() {
        let q = find_quotes("He said “no and left.\n\nThen ” she came.");
        assert!(q.is_empty(), "{q:#?}");
        let q = find_quotes("“a “b,” he said.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "b");
        let q = find_quotes("” ” “ “ \" \" ‘ ’ ' '");
        check_spans("” ” “ “ \" \" ‘ ’ ' '", &q);
        for t in [
            "\"", "“", "”", "''", "``", "'", "‘", "’", "“”", "\"\"", "“ ”", "",
        ] {
            let q = find_quotes(t);
            assert!(q.is_empty(), "{t:?}: {q:?}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for t in [
            "China's Xi met France's Macron; the students' union objected.",
            "In the '90s the students' demands grew, rock 'n' roll aside, he said.",
            "Xi Jinping’s visit and Macron’s plan, officials’ views and the ’90s.",
            "He said 'fine and left.",
        ] {
            let q = find_quotes(t);
            assert!(q.is_empty(), "{t}: {q:#?}");
        }
        let t = "“China's plan is not the students' plan,” he said.";
        let q = find_quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "China's plan is not the students' plan");
        let t = "“He called it ‘a disgrace’ today,” she said.";
        let q = find_quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "He called it ‘a disgrace’ today");
        assert_eq!(words(&q[0].speaker), Some("she"));
    }

    #[test]
    fn straight_marks_and_inches() {
        let t = "The 6'2\" guard said \"yes\" twice, and \"no\" once.";
        let q = find_quotes(t);
        check_spans(t, &q);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, vec!["yes", "no"]);
        let t = "``We won,'' he said.";
        let q = find_quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "We won");
        assert_eq!(words(&q[0].speaker), Some("he"));
    }

    #[test]
    fn long_text_stays_fast() {
        for piece in ["'a ", "“a ", "\"a ", "a' ", ".“ ", "said: “", "”, he said "] {
            let t = piece.repeat(40_000);
            let started = std::time::Instant::now();
            let q = find_quotes(&t);
            check_spans(&t, &q);
            assert!(started.elapsed().as_secs() < 5, "{piece:?}");
        }
    }

    #[test]
    fn random_text_does_not_panic() {
        let pieces = [
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "'",
            "``",
            "''",
            "«",
            "»",
            "he",
            "Xi",
            "said",
            "added",
            "that",
            "according",
            "to",
            ",",
            ".",
            ":",
            "\n\n",
            "\n",
            "China's",
            "the",
            "leader",
            "é",
            "🙂",
            "…",
            "?",
            "students'",
            "also",
            "told",
            "reporters",
            "-",
            "(",
            ")",
        ];
        for t in random_texts(&pieces) {
            check_spans(&t, &find_quotes(&t));
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let odd = [
            "«Ça va», a-t-il dit. « Très bien », dit-elle.",
            "“Überraschung!” sagte Müller. 🙂 “日本” 日本語 “",
            "\"\"\"\"\"\"\"",
            "“,” he said",
            "“ ,” ,",
            "Xi said:",
            "Xi said: “",
            "said that \"",
            ": “x”",
            "according to “x”",
            "“x” according to",
            "\n\n“\n\n“\n\n”\n\n",
            "“a\r\n\r\n“b”",
            "\u{0}“\u{0}”\u{0}",
            "‘x’ said",
            "'",
            "a'b'c'd' 'e",
            "é“é”é said é",
        ];
        for t in odd {
            let q = find_quotes(t);
            check_spans(t, &q);
        }
        let q = find_quotes("«Ça va», a-t-il dit.");
        assert_eq!(q[0].text, "Ça va");
    }
}
