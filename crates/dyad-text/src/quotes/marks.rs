//! Quotation marks and the quotations they enclose: double marks (curly, straight, guillemets,
//! PTB), continued over paragraphs by the newswire convention, and single marks, kept only
//! when attributed so apostrophes are never quotations.

use crate::chars::skip_to;

use super::attribution::attribution;
use super::context::{Ctx, RawQuote};

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
pub(super) fn double_quotes(ctx: &Ctx) -> Vec<RawQuote> {
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
pub(super) fn single_quotes(ctx: &Ctx, doubles: &[RawQuote]) -> Vec<RawQuote> {
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
pub(super) fn trimmed_content(chars: &[char], r: &RawQuote) -> Option<(usize, usize)> {
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
