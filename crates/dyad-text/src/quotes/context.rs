//! What the quotation scanners share: the text as characters, its tokens with their
//! lower-case forms, its paragraphs (stretches separated by blank lines), spans of it, and a
//! quotation as its marks enclose it, before trimming and attribution.

use serde::Serialize;

use crate::chars::skip_to;
use crate::tokens::{LowerWords, Token};

/// A stretch of the text: character offsets (end exclusive) and the text itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// What the scanners share: the text as characters, its tokens (with lower-cased forms) and
/// its paragraphs.
pub(super) struct Ctx<'a> {
    pub(super) chars: &'a [char],
    pub(super) tokens: &'a [Token],
    pub(super) lower: &'a LowerWords,
    pub(super) paras: Vec<(usize, usize)>,
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

    pub(super) fn span_tokens(&self, first: usize, last: usize) -> Span {
        self.span(self.tokens[first].start, self.tokens[last].end)
    }
}

/// A quotation's cue and speaker.
pub(super) type Attribution = (Option<Span>, Option<Span>);

/// A quotation before trimming and attribution.
#[derive(Debug, Clone)]
pub(super) struct RawQuote {
    pub(super) open_start: usize,
    pub(super) open_end: usize,
    pub(super) close_start: usize,
    pub(super) close_end: usize,
    pub(super) first_para: usize,
    pub(super) last_para: usize,
    /// Opening marks of continued paragraphs (left out of the quote's text).
    pub(super) holes: Vec<(usize, usize)>,
    /// Attribution already read (single-quoted quotations need one to exist at all).
    pub(super) attribution: Option<Attribution>,
}

/// Paragraphs: stretches of text separated by blank lines, trimmed of white space.
pub(super) fn paragraphs(chars: &[char]) -> Vec<(usize, usize)> {
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
