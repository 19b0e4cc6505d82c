//! How the events dyad produced for an article line up with the gold's, and what kind of
//! error each one left over is. The score matches one to one on (CAMEO root, source, target);
//! what is left is then paired, in this order, as
//! * a **wrong code**: the same actors, another root;
//! * a **wrong direction**: the same root, source and target swapped;
//! * a **wrong actor**: the same root and one of the two actors;
//!
//! and a gold event with no partner is a miss with **no event** at all, a produced one with no
//! partner an extra with no event in the gold. These are the instrument for finding what to
//! fix: each kind points at a different stage (the verb or noun lexicon and the code
//! conventions, the clause roles, the actors).

use std::collections::BTreeMap;

use serde::Serialize;

/// An event as scoring sees it: its CAMEO code and the keys of its actors ([`actor_key`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    pub code: String,
    pub source: String,
    pub target: String,
}

impl Scored {
    pub fn new(code: &str, source: Option<&str>, target: Option<&str>) -> Scored {
        Scored {
            code: code.to_string(),
            source: actor_key(source),
            target: actor_key(target),
        }
    }

    /// The two-digit CAMEO root.
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }
}

/// An actor as the coding guide compares it: an international or non-governmental
/// organisation by the first six letters of its code (`IGOUNO…`, `IGOEUR…`), since the
/// organisations share their first three; any other actor by its country, the first three
/// letters (`FRAGOV` → `FRA`); no actor is empty.
pub fn actor_key(code: Option<&str>) -> String {
    let Some(code) = code else {
        return String::new();
    };
    let n = if code.starts_with("IGO") || code.starts_with("NGO") {
        6
    } else {
        3
    };
    code.chars().take(n).collect()
}

/// How many gold events find a produced one with the same key, one to one (each gold event,
/// in order, takes the first produced event left that has its key).
pub fn count_matches<K: PartialEq>(gold: &[K], produced: &[K]) -> usize {
    let mut used = vec![false; produced.len()];
    let mut n = 0;
    for g in gold {
        if let Some(i) = (0..produced.len()).find(|&i| !used[i] && &produced[i] == g) {
            used[i] = true;
            n += 1;
        }
    }
    n
}

/// The kinds of error left after matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    WrongCode,
    WrongDirection,
    WrongActor,
    NoEvent,
}

impl ErrorKind {
    pub fn label(self) -> &'static str {
        match self {
            ErrorKind::WrongCode => "wrong code",
            ErrorKind::WrongDirection => "wrong direction",
            ErrorKind::WrongActor => "wrong actor",
            ErrorKind::NoEvent => "no event",
        }
    }
}

/// The gold and produced events of one article, lined up.
#[derive(Debug, Default)]
pub struct Alignment {
    /// (gold, produced) with the same root, source and target.
    pub matched: Vec<(usize, usize)>,
    /// (gold, produced, kind) paired by a kind of error.
    pub paired: Vec<(usize, usize, ErrorKind)>,
    /// Gold events with no partner.
    pub missed: Vec<usize>,
    /// Produced events with no partner.
    pub extra: Vec<usize>,
}

/// Whether a produced event may pair with a gold one at a stage of [`align`].
type Fits = dyn Fn(&Scored, &Scored) -> bool;

/// Line the events up: matches first, then the pairs of each kind of error in turn.
pub fn align(gold: &[Scored], produced: &[Scored]) -> Alignment {
    let mut a = Alignment::default();
    let mut gold_used = vec![false; gold.len()];
    let mut used = vec![false; produced.len()];
    let stages: [(Option<ErrorKind>, &Fits); 4] = [
        (None, &|g, p| {
            g.root() == p.root() && g.source == p.source && g.target == p.target
        }),
        (Some(ErrorKind::WrongCode), &|g, p| {
            g.source == p.source && g.target == p.target
        }),
        (Some(ErrorKind::WrongDirection), &|g, p| {
            g.root() == p.root() && g.source == p.target && g.target == p.source
        }),
        (Some(ErrorKind::WrongActor), &|g, p| {
            g.root() == p.root() && (g.source == p.source || g.target == p.target)
        }),
    ];
    for (kind, fits) in stages {
        for (gi, g) in gold.iter().enumerate() {
            if gold_used[gi] {
                continue;
            }
            let Some(pi) = (0..produced.len()).find(|&pi| !used[pi] && fits(g, &produced[pi]))
            else {
                continue;
            };
            gold_used[gi] = true;
            used[pi] = true;
            match kind {
                None => a.matched.push((gi, pi)),
                Some(k) => a.paired.push((gi, pi, k)),
            }
        }
    }
    a.missed = (0..gold.len()).filter(|&i| !gold_used[i]).collect();
    a.extra = (0..produced.len()).filter(|&i| !used[i]).collect();
    a
}

/// Errors counted by kind, and the roots gold and dyad gave, over many articles.
#[derive(Debug, Default, Serialize)]
pub struct ErrorTable {
    /// Gold events missed, by kind (`no_event`: nothing of it produced).
    pub misses: BTreeMap<ErrorKind, usize>,
    /// Produced events in excess, by kind (`no_event`: nothing of it in the gold).
    pub extras: BTreeMap<ErrorKind, usize>,
    /// (gold root, dyad's root) → events; `--` for no event on that side. Written in JSON as
    /// a list of `{"gold", "dyad", "events"}`.
    #[serde(serialize_with = "confusion_list")]
    pub confusion: BTreeMap<(String, String), usize>,
}

fn confusion_list<S: serde::Serializer>(
    m: &BTreeMap<(String, String), usize>,
    s: S,
) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Cell<'a> {
        gold: &'a str,
        dyad: &'a str,
        events: usize,
    }
    s.collect_seq(
        m.iter()
            .map(|((gold, dyad), &events)| Cell { gold, dyad, events }),
    )
}

/// No event on one side of the confusion table.
pub const NONE: &str = "--";

impl ErrorTable {
    pub fn add(&mut self, gold: &[Scored], produced: &[Scored], a: &Alignment) {
        let mut cell = |g: &str, p: &str| {
            *self
                .confusion
                .entry((g.to_string(), p.to_string()))
                .or_default() += 1;
        };
        for &(gi, pi) in &a.matched {
            cell(gold[gi].root(), produced[pi].root());
        }
        for &(gi, pi, kind) in &a.paired {
            cell(gold[gi].root(), produced[pi].root());
            *self.misses.entry(kind).or_default() += 1;
            *self.extras.entry(kind).or_default() += 1;
        }
        for &gi in &a.missed {
            cell(gold[gi].root(), NONE);
            *self.misses.entry(ErrorKind::NoEvent).or_default() += 1;
        }
        for &pi in &a.extra {
            cell(NONE, produced[pi].root());
            *self.extras.entry(ErrorKind::NoEvent).or_default() += 1;
        }
    }

    /// The confusion table as text: a row per gold root, a column per root dyad gave (`--`
    /// for none), only the roots that occur.
    pub fn confusion_text(&self) -> String {
        let mut rows: Vec<&str> = self.confusion.keys().map(|(g, _)| g.as_str()).collect();
        let mut cols: Vec<&str> = self.confusion.keys().map(|(_, p)| p.as_str()).collect();
        for v in [&mut rows, &mut cols] {
            v.sort_by_key(|r| (*r == NONE, *r));
            v.dedup();
        }
        let mut out = format!("{:<10}", "gold\\dyad");
        for c in &cols {
            out.push_str(&format!("{c:>5}"));
        }
        out.push('\n');
        for r in &rows {
            out.push_str(&format!("{r:<10}"));
            for c in &cols {
                match self.confusion.get(&(r.to_string(), c.to_string())) {
                    Some(n) => out.push_str(&format!("{n:>5}")),
                    None => out.push_str(&format!("{:>5}", ".")),
                }
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(code: &str, source: &str, target: &str) -> Scored {
        Scored::new(code, Some(source), Some(target))
    }

    /// Events written `CODE SOURCE TARGET`, separated by commas.
    fn events(list: &str) -> Vec<Scored> {
        list.split(", ")
            .map(|e| {
                let w: Vec<&str> = e.split(' ').collect();
                s(w[0], w[1], w[2])
            })
            .collect()
    }

    #[test]
    fn organisations_compare_on_six_letters_and_others_on_their_country() {
        assert_eq!(actor_key(Some("FRAGOV")), "FRA");
        assert_eq!(actor_key(Some("IGOUNO")), "IGOUNO");
        assert_eq!(actor_key(Some("IGOEUREEC")), "IGOEUR");
        assert_eq!(actor_key(Some("NGOHRI")), "NGOHRI");
        assert_eq!(actor_key(None), "");
        assert_ne!(
            Scored::new("040", Some("IGOUNO"), None),
            Scored::new("040", Some("IGOEUREEC"), None)
        );
    }

    #[test]
    fn each_leftover_gets_the_kind_of_its_error() {
        let gold = events(
            "040 FRAGOV CHNGOV, 0331 CHN PSE, 111 RUS GBR, 190 ISRMIL PSEREB, 173 CODCOP CODOPP",
        );
        let produced =
            events("042 USA IRQ, 111 GBR RUS, 071 CHN PSE, 043 FRA CHN, 040 FRA CHN, 195 ISR LBN");
        let a = align(&gold, &produced);
        assert_eq!(a.matched, [(0, 3)], "043 and 040 share the root 04");
        assert_eq!(
            a.paired,
            [
                (1, 2, ErrorKind::WrongCode),
                (2, 1, ErrorKind::WrongDirection),
                (3, 5, ErrorKind::WrongActor)
            ]
        );
        assert_eq!(a.missed, [4]);
        assert_eq!(a.extra, [0, 4]);
        let mut t = ErrorTable::default();
        t.add(&gold, &produced, &a);
        assert_eq!(t.misses[&ErrorKind::NoEvent], 1);
        assert_eq!(t.extras[&ErrorKind::NoEvent], 2);
        assert_eq!(t.confusion[&("03".to_string(), "07".to_string())], 1);
        assert_eq!(t.confusion[&(NONE.to_string(), "04".to_string())], 2);
        let text = t.confusion_text();
        assert!(text.starts_with("gold\\dyad"), "{text}");
        assert!(text.lines().last().unwrap().starts_with("--"), "{text}");
    }

    #[test]
    fn matching_is_one_to_one() {
        let g = [s("040", "FRA", "CHN"), s("040", "FRA", "CHN")];
        let p = [s("040", "FRA", "CHN")];
        assert_eq!(count_matches(&g, &p), 1);
        assert_eq!(align(&g, &p).missed, [1]);
    }
}
