//! The store's bounded reads on a synthetic store of a few thousand events whose bounds are
//! scaled down (`dyad_store::counted::scale_bounds`), so that it takes the paths a store of
//! millions takes: aggregations from a sample of the events (and only when allowed), pages
//! whose walk along the date index is cut short, event codes of two digits read as roots.

use std::sync::OnceLock;

use dyad_store::explore::{self, Level};
use dyad_store::timeline::timeline;
use dyad_store::{parse_filter, query, ArticleInput, BulkLoad, Filter, Period, Store};

use super::synth::Synth;

/// Ids below this are the sample of share `s`: the first `s` of 1 ..= 2^53 − 1.
fn id_bound(share: f64) -> i64 {
    (share * 9_007_199_254_740_992.0).ceil() as i64
}

/// The synthetic store (4,000 events), written once for every test of the file.
pub(super) fn store_path() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut load = BulkLoad::open(&dir.path().join("s.db")).unwrap();
        let mut gen = Synth::new(7, 4_000);
        let mut batch = Vec::new();
        while let Some(a) = gen.next_article() {
            batch.push(a);
        }
        for chunk in batch.chunks(500) {
            let inputs: Vec<ArticleInput> = chunk.iter().map(super::synth::Coded::input).collect();
            load.write_batch(&inputs, "20251205120000").unwrap();
        }
        load.finish().unwrap();
        dir
    });
    Box::leak(dir.path().join("s.db").into_boxed_path())
}

/// The store, with the bounds of a store of millions scaled by `scale` on this thread (0.01: a
/// sample reads 600 events and checks 100; a page walks 200 to 2,000).
pub(super) fn open(scale: f64) -> Store {
    dyad_store::counted::scale_bounds(scale);
    Store::open_read_only(store_path()).unwrap()
}

pub(super) fn filter(fields: &[(&str, &str)]) -> Filter {
    parse_filter(fields.iter().copied()).unwrap()
}

/// Events of the filter counted by hand over the events with id below `below` (None: all), per
/// month: what a sample of that share holds.
fn by_hand(store: &Store, word: &str, below: Option<i64>) -> Vec<(String, i64)> {
    let sql = "SELECT substr(e.date, 1, 7), COUNT(*) FROM events e
               WHERE e.negated = 0 AND e.date <> '' AND e.id < ?1
                 AND EXISTS (SELECT 1 FROM mentions w WHERE w.event_id = e.id
                             AND w.evidence_text LIKE ?2)
               GROUP BY 1 ORDER BY 1";
    let mut st = store.conn().prepare(sql).unwrap();
    let rows = st
        .query_map(
            rusqlite::params![below.unwrap_or(i64::MAX), format!("%{word}%")],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[test]
fn aggregations_over_a_common_word_are_counted_from_a_flagged_sample_only_when_allowed() {
    let store = open(0.01);
    let c = store.conn();
    let exact = filter(&[("text", "said")]);
    let bounded = Filter {
        bounded: true,
        ..exact.clone()
    };
    // every event: no sample, the count by hand
    let (points, sample) = explore::series_sampled(c, &exact, Period::Month).unwrap();
    assert_eq!(sample, None);
    let whole = by_hand(&store, "said", None);
    let got: Vec<(String, i64)> = points
        .iter()
        .map(|p| (p.period.clone(), p.tally.events))
        .collect();
    assert_eq!(got, whole);
    // a sample: each month is the sample's count scaled by 1 / share, and says so
    let (points, sample) = explore::series_sampled(c, &bounded, Period::Month).unwrap();
    let sample = sample.expect("a word in most reports of 4,000 events is sampled");
    assert!(sample.share > 0.0 && sample.share < 1.0, "{sample:?}");
    let part = by_hand(&store, "said", Some(id_bound(sample.share)));
    let scaled: Vec<(String, i64)> = part
        .iter()
        .map(|(m, n)| (m.clone(), (*n as f64 / sample.share).round() as i64))
        .collect();
    let got: Vec<(String, i64)> = points
        .iter()
        .map(|p| (p.period.clone(), p.tally.events))
        .collect();
    assert_eq!(got, scaled);
    assert_eq!(sample.matched, part.iter().map(|x| x.1).sum::<i64>());
    // an estimate of the whole, not of something else: within a third of it
    let (est, all): (i64, i64) = (
        got.iter().map(|x| x.1).sum(),
        whole.iter().map(|x| x.1).sum(),
    );
    assert!((est - all).abs() * 3 < all, "{est} against {all}");
    // the timeline, the network and the map say so too; without `bounded` none does
    let t = timeline(c, &bounded, Some(Period::Month), 100).unwrap();
    assert_eq!(t.sample.map(|s| s.share), Some(sample.share));
    assert!(timeline(c, &exact, Some(Period::Month), 100)
        .unwrap()
        .sample
        .is_none());
    let net = explore::network(c, &bounded, Level::Country, 10).unwrap();
    assert!(net.sample.is_some());
    assert!(explore::network(c, &exact, Level::Country, 10)
        .unwrap()
        .sample
        .is_none());
    let (_, s) = explore::places_sampled(c, &bounded, 10).unwrap();
    assert!(s.is_some());
    let (_, s) = dyad_store::aggregate::aggregate_sampled(c, &exact, Period::Month).unwrap();
    assert!(s.is_none());
}

#[test]
fn an_actor_with_a_word_of_some_days_is_counted_from_a_flagged_sample() {
    use dyad_store::counted::scale_bounds;
    use dyad_store::page::{first, total as count_or_estimate};
    let store = open(0.01);
    let c = store.conn();
    // the sample's events of USA with the word, counted by hand
    let by_hand = |word: &str, below: i64| -> i64 {
        c.query_row(
            "SELECT COUNT(*) FROM events e
             WHERE e.negated = 0 AND e.id < ?1
               AND (substr(e.source_code, 1, 3) = 'USA' OR substr(e.target_code, 1, 3) = 'USA')
               AND EXISTS (SELECT 1 FROM mentions w WHERE w.event_id = e.id
                           AND w.evidence_text LIKE ?2)",
            rusqlite::params![below, format!("%{word}%")],
            |r| r.get(0),
        )
        .unwrap()
    };
    for word in ["Wednesday", "Monday", "said"] {
        let f = filter(&[("actor", "USA"), ("text", word)]);
        let all = query::count(c, &f).unwrap();
        assert_eq!(all, by_hand(word, i64::MAX), "{word}");
        // a bounded count finds its first events along the dates; this one is estimated
        let (total, sample) = count_or_estimate(c, &f).unwrap();
        let sample = sample.expect("a word and an actor of many events are sampled");
        assert!(
            sample.share > 0.0 && sample.share < 1.0,
            "{word}: {sample:?}"
        );
        assert!(!total.lower_bound, "{word}");
        let part = by_hand(word, id_bound(sample.share));
        assert_eq!(sample.matched, part, "{word}");
        assert_eq!(
            total.events,
            (part as f64 / sample.share).round() as i64,
            "{word}"
        );
        // an estimate of the whole: within a half of it
        assert!(
            (total.events - all).abs() * 2 < all,
            "{word}: {} against {all}",
            total.events
        );
    }
    // what checks no report is counted exactly when that is cheap, else as the first page's
    // total is: at least what the page's bounded read found; never sampled
    for fields in [
        vec![("actor", "USA")],
        vec![("actor", "USA"), ("code", "19")],
        vec![("dyad", "RUS:USA"), ("code", "112")],
    ] {
        let f = filter(&fields);
        let (total, sample) = count_or_estimate(c, &f).unwrap();
        assert_eq!(sample, None, "{fields:?}");
        let all = query::count(c, &f).unwrap();
        assert!(total.events <= all, "{fields:?}");
        assert!(total.lower_bound || total.events == all, "{fields:?}");
        // never fewer than the first page's total says
        assert!(
            total.events >= first(c, &f, 100).unwrap().1.events,
            "{fields:?}"
        );
    }
    // the undated of such a filter (what /api/filter gives beside it) is estimated alike when
    // the filter allows it, and says so; else counted
    let f = filter(&[("actor", "USA"), ("text", "Wednesday")]);
    let bounded = Filter {
        bounded: true,
        ..f.clone()
    };
    let (_, sample) = query::undated_sampled(c, &bounded).unwrap();
    assert!(sample.is_some_and(|s| s.share < 1.0), "{sample:?}");
    let (_, sample) = query::undated_sampled(c, &f).unwrap();
    assert_eq!(sample, None);
    // with the bounds of a store of millions, these few events are counted exactly
    scale_bounds(1.0);
    let f = filter(&[("actor", "USA"), ("text", "Wednesday")]);
    let (total, sample) = count_or_estimate(c, &f).unwrap();
    assert_eq!(sample, None);
    assert_eq!(
        (total.events, total.lower_bound),
        (query::count(c, &f).unwrap(), false)
    );
}

#[test]
fn a_rare_filter_and_the_rollups_are_counted_exactly_even_when_a_sample_is_allowed() {
    let store = open(0.01);
    let c = store.conn();
    for fields in [
        // rollups keep these
        vec![("root", "04")],
        vec![("actor", "USA")],
        vec![("code", "04")],
        // a rare word: its few reports through the evidence index
        vec![("text", "zzzq")],
    ] {
        let f = Filter {
            bounded: true,
            ..filter(&fields)
        };
        let (points, sample) = explore::series_sampled(c, &f, Period::Month).unwrap();
        assert_eq!(sample, None, "{fields:?}");
        let exact = explore::series(
            c,
            &Filter {
                bounded: false,
                ..f.clone()
            },
            Period::Month,
        );
        assert_eq!(points, exact.unwrap(), "{fields:?}");
    }
}

#[test]
fn two_digit_codes_count_as_their_root() {
    let store = open(0.01);
    let c = store.conn();
    let n_code = |code: &str| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM events WHERE negated = 0 AND code LIKE ?1",
                [format!("{code}%")],
                |r| r.get(0),
            )
            .unwrap()
    };
    for code in ["01", "04", "19", "042"] {
        let f = filter(&[("code", code)]);
        assert_eq!(query::count(c, &f).unwrap(), n_code(code), "{code}");
        let series: i64 = explore::series(c, &f, Period::Month)
            .unwrap()
            .iter()
            .map(|p| p.tally.events)
            .sum();
        let undated = query::undated(c, &f).unwrap();
        assert_eq!(series + undated, n_code(code), "{code}");
        let by: i64 = dyad_store::aggregate::aggregate(c, &f, Period::Week)
            .unwrap()
            .iter()
            .map(|a| a.tally.events)
            .sum();
        assert_eq!(by + undated, n_code(code), "{code}");
    }
    // a code and another root: none
    let f = filter(&[("code", "04"), ("root", "05")]);
    assert_eq!(query::count(c, &f).unwrap(), 0);
}

#[test]
fn pages_whose_walk_finds_too_few_are_read_through_the_indexes() {
    use dyad_store::explore::events_page;
    // a page walks 20 to 200 events, of 4,000
    let store = open(0.001);
    let c = store.conn();
    for fields in [
        // said only of negated events, which the filter leaves out: a walk finds none
        vec![("text", "did not"), ("quad", "3")],
        vec![("text", "again"), ("quad", "4")],
        vec![("text", "said"), ("actor", "USA")],
        vec![("code", "19"), ("from", "2025-06-01")],
        vec![("actor", "USA")],
        vec![],
    ] {
        let f = filter(&fields);
        let whole = query::events(c, &f).unwrap();
        let ids = |v: &[query::EventRow]| v.iter().map(|e| e.id).collect::<Vec<_>>();
        for n in [1, 5, 50] {
            let head: Vec<i64> = ids(&whole).into_iter().take(n).collect();
            let limited = Filter {
                limit: Some(n),
                ..f.clone()
            };
            assert_eq!(
                ids(&query::events(c, &limited).unwrap()),
                head,
                "{fields:?} {n}"
            );
            assert_eq!(
                ids(&events_page(c, &f, None, n).unwrap()),
                head,
                "{fields:?} {n}"
            );
            let total = dyad_store::counted::count_at_least(c, &f, n).unwrap();
            assert_eq!(total.events, (whole.len()).min(n) as i64, "{fields:?} {n}");
        }
    }
}

#[test]
fn how_common_a_word_is_is_estimated_from_a_sample_of_reports_or_counted_when_rare() {
    let store = open(0.01);
    let c = store.conn();
    let reports = |word: &str| -> i64 {
        c.query_row(
            "SELECT COUNT(*) FROM mentions WHERE evidence_text LIKE ?1",
            [format!("%{word}%")],
            |r| r.get(0),
        )
        .unwrap()
    };
    // common: a sample's estimate (stretches of consecutive reports, which repeat the same
    // stories), within a third
    // (a weekday is in all of a day's reports and none of the others': the sample's stretches
    // must see many days to count it — at a million events four stretches put it at a
    // fraction of its reports, which the million-event end-to-end test's word view shows)
    for word in ["said", "again", "did", "Wednesday", "Monday"] {
        let (est, n) = (
            query::word_reports(c, word).unwrap().unwrap(),
            reports(word),
        );
        assert!(n > 100, "{word}: {n}");
        assert!((est - n).abs() * 3 < n, "{word}: {est} against {n}");
    }
    // rare: counted through the index (every trigram of it: at least the reports of the word)
    let rare = "zzq";
    assert_eq!(query::word_reports(c, rare).unwrap(), Some(0));
    // what the index does not serve
    assert_eq!(query::word_reports(c, "of").unwrap(), None);
    assert_eq!(query::word_reports(c, "50%").unwrap(), None);
}

#[test]
fn bounded_pages_walked_by_their_cursors_list_every_event_once_in_order() {
    use dyad_store::explore::Cursor;
    use dyad_store::filter::{Sort, SortKey};
    use dyad_store::page::page;
    // 0.001: a walk reads 200 index entries and checks 2 events; 0.01: 2,000 and 25, and an
    // actor of up to 1,500 events is walked along its own indexes
    for scale in [0.001, 0.01] {
        let store = open(scale);
        let c = store.conn();
        let mut partial_pages = 0;
        for fields in [
            // said only of negated events, which the filter leaves out
            vec![("text", "did not"), ("quad", "3")],
            vec![("text", "did not"), ("with_negated", "true")],
            vec![("text", "again"), ("quad", "4")],
            vec![("text", "said"), ("actor", "USA")],
            vec![("text", "sanctions"), ("actor", "IRN")],
            vec![("actor", "ISR"), ("root", "19")],
            vec![("source", "CHN"), ("quad", "1")],
            vec![("code", "19"), ("from", "2025-06-01")],
            vec![("code", "04"), ("root", "05")],
            vec![("issue", "REFUGEES")],
            vec![
                ("text", "said"),
                ("from", "2025-03-01"),
                ("to", "2025-05-31"),
            ],
            vec![("actor", "USA")],
            vec![],
        ] {
            for descending in [false, true] {
                let mut f = filter(&fields);
                f.sort = Sort {
                    key: SortKey::Date,
                    descending,
                };
                let whole: Vec<i64> = query::events(c, &f).unwrap().iter().map(|e| e.id).collect();
                for limit in [1, 7, 50] {
                    let mut listed: Vec<i64> = Vec::new();
                    let mut after: Option<Cursor> = None;
                    let mut pages = 0;
                    loop {
                        let p = page(c, &f, after.as_ref(), limit).unwrap();
                        assert!(p.events.len() <= limit, "{fields:?} {limit}");
                        assert!(
                            p.partial || p.events.len() == limit || p.next.is_none(),
                            "a page neither full nor partial goes on: {fields:?} {limit}"
                        );
                        partial_pages += usize::from(p.partial);
                        listed.extend(p.events.iter().map(|e| e.id));
                        pages += 1;
                        assert!(pages <= 20_000, "the cursor does not move: {fields:?}");
                        match p.next {
                            Some(next) => {
                                assert_ne!(after.as_ref(), Some(&next), "{fields:?} {limit}");
                                after = Some(next);
                            }
                            None => break,
                        }
                    }
                    // every event that matches, once, in order: a page never shows an event
                    // that does not match
                    assert_eq!(listed, whole, "{fields:?} {limit} descending {descending}");
                }
            }
        }
        assert!(partial_pages > 0, "no page stopped at its bound at {scale}");
    }
}

#[test]
fn a_first_page_s_total_is_exact_or_a_lower_bound() {
    use dyad_store::page::first;
    let store = open(0.001);
    let c = store.conn();
    for fields in [
        vec![("text", "did not"), ("quad", "3")],
        vec![("text", "said"), ("actor", "USA")],
        vec![("actor", "ISR"), ("root", "19")],
        vec![("code", "04"), ("root", "05")],
        vec![],
    ] {
        let f = filter(&fields);
        let n = query::events(c, &f).unwrap().len() as i64;
        let (p, total) = first(c, &f, 10).unwrap();
        if total.lower_bound {
            assert!(total.events <= n, "{fields:?}: {total:?} of {n}");
            assert!(total.events >= p.events.len() as i64, "{fields:?}");
        } else {
            assert_eq!(total.events, n, "{fields:?}");
        }
    }
}

#[test]
fn a_stopped_load_continued_holds_what_one_load_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (whole, part) = (dir.path().join("whole.db"), dir.path().join("part.db"));
    super::write(&whole, 3_000, 7, true, false).unwrap();
    // the first 1,000 articles, as a load stopped after its first batches leaves them
    {
        let mut load = BulkLoad::open(&part).unwrap();
        let mut gen = Synth::new(7, 3_000);
        let first: Vec<_> = (0..1_000).map_while(|_| gen.next_article()).collect();
        for chunk in first.chunks(250) {
            let inputs: Vec<ArticleInput> = chunk.iter().map(super::synth::Coded::input).collect();
            load.write_batch(&inputs, "20251205120000").unwrap();
        }
        load.finish().unwrap();
    }
    // another seed makes other articles: refused
    assert!(super::write(&part, 3_000, 8, true, true).is_err());
    super::write(&part, 3_000, 7, true, true).unwrap();
    let rows = |db: &std::path::Path, sql: &str| -> Vec<(String, i64)> {
        let store = Store::open_read_only(db).unwrap();
        let mut st = store.conn().prepare(sql).unwrap();
        let v = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        v
    };
    for sql in [
        "SELECT key, num_mentions FROM events ORDER BY id",
        "SELECT id, length FROM articles ORDER BY id",
        "SELECT evidence_text, event_id FROM mentions ORDER BY article_id, sentence, repeat",
    ] {
        let (a, b) = (rows(&whole, sql), rows(&part, sql));
        assert!(!a.is_empty(), "{sql}");
        assert_eq!(a, b, "{sql}");
    }
}

/// The stored events as (source, target, month, root, negated), for counts made by hand.
fn every_event(store: &Store) -> Vec<(String, String, String, String, bool)> {
    let mut st = store
        .conn()
        .prepare("SELECT source_code, target_code, substr(date, 1, 7), root, negated FROM events")
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[test]
fn filters_of_both_sides_count_their_dyads_rows_as_the_events_do() {
    use std::collections::BTreeMap;
    let store = open(1.0);
    let c = store.conn();
    let events = every_event(&store);
    // (fields, whether an event of that source, target and root is selected)
    type Keeps = fn(&str, &str, &str) -> bool;
    let cases: Vec<(Vec<(&str, &str)>, Keeps)> = vec![
        (vec![("actor", "USA"), ("actor", "CHN")], |s, t, _| {
            (s.starts_with("USA") || t.starts_with("USA"))
                && (s.starts_with("CHN") || t.starts_with("CHN"))
        }),
        // one actor's code a prefix of the other's: events of USAGOV with anyone count
        (vec![("actor", "USA"), ("actor", "USAGOV")], |s, t, _| {
            s.starts_with("USAGOV") || t.starts_with("USAGOV")
        }),
        (vec![("source", "RUS"), ("target", "UKR")], |s, t, _| {
            s.starts_with("RUS") && t.starts_with("UKR")
        }),
        (
            vec![("actor", "USA"), ("target", "CHN"), ("root", "01")],
            |s, t, r| {
                (s.starts_with("USA") || t.starts_with("USA")) && t.starts_with("CHN") && r == "01"
            },
        ),
    ];
    for (fields, keeps) in cases {
        for bounded in [false, true] {
            let f = Filter {
                bounded,
                ..filter(&fields)
            };
            let mut months: BTreeMap<String, i64> = BTreeMap::new();
            let mut dyads: BTreeMap<(String, String, String), i64> = BTreeMap::new();
            let mut edges: BTreeMap<(String, String), i64> = BTreeMap::new();
            for (s, t, month, root, negated) in &events {
                if *negated || month.is_empty() || !keeps(s, t, root) {
                    continue;
                }
                *months.entry(month.clone()).or_default() += 1;
                *dyads
                    .entry((month.clone(), s.clone(), t.clone()))
                    .or_default() += 1;
                if s != t {
                    *edges.entry((s.clone(), t.clone())).or_default() += 1;
                }
            }
            assert!(!months.is_empty(), "{fields:?}: no event to compare");
            let (series, sample) = explore::series_sampled(c, &f, Period::Month).unwrap();
            assert_eq!(sample, None, "{fields:?}");
            let series: BTreeMap<String, i64> = series
                .into_iter()
                .filter(|p| p.tally.events > 0)
                .map(|p| (p.period, p.tally.events))
                .collect();
            assert_eq!(series, months, "series of {fields:?}");
            let by: BTreeMap<(String, String, String), i64> =
                dyad_store::aggregate::aggregate(c, &f, Period::Month)
                    .unwrap()
                    .into_iter()
                    .map(|a| ((a.period, a.source, a.target), a.tally.events))
                    .collect();
            assert_eq!(by, dyads, "--by month of {fields:?}");
            let net = explore::network(c, &f, Level::Actor, 100_000).unwrap();
            assert_eq!(net.sample, None, "{fields:?}");
            let net: BTreeMap<(String, String), i64> = net
                .edges
                .into_iter()
                .map(|e| ((e.source, e.target), e.tally.events))
                .collect();
            assert_eq!(net, edges, "network of {fields:?}");
        }
    }
}

#[test]
fn the_map_of_a_root_is_counted_from_its_rollup_as_from_the_events() {
    // bounds so low that the events would be read from a sample: an exact map is the rollup's
    let store = open(0.001);
    let c = store.conn();
    let by_hand = |root: &str, from: &str, to: &str| -> Vec<(String, i64)> {
        let mut st = c
            .prepare(
                "SELECT m.place_name, COUNT(*) FROM events e
                 JOIN mentions m ON m.id = e.first_mention
                 WHERE e.negated = 0 AND e.root = ?1 AND e.date >= ?2 AND e.date <= ?3
                   AND m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL
                 GROUP BY m.place_lat, m.place_lon, m.place_name",
            )
            .unwrap();
        let rows = st
            .query_map([root, from, to], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        let mut out: Vec<(String, i64)> = rows.collect::<Result<_, _>>().unwrap();
        out.sort();
        out
    };
    for (fields, root, from, to) in [
        (vec![("code", "01")], "01", "0000", "9999"),
        (vec![("root", "19")], "19", "0000", "9999"),
        (
            vec![("code", "04"), ("from", "2025-03-01"), ("to", "2025-05-31")],
            "04",
            "2025-03-01",
            "2025-05-31",
        ),
    ] {
        let f = Filter {
            bounded: true,
            ..filter(&fields)
        };
        let (places, sample) = explore::places_sampled(c, &f, 100_000).unwrap();
        assert_eq!(sample, None, "{fields:?}");
        let mut got: Vec<(String, i64)> = places
            .into_iter()
            .map(|p| (p.name.unwrap_or_default(), p.events))
            .collect();
        got.sort();
        let want = by_hand(root, from, to);
        assert!(!want.is_empty(), "{fields:?}: no place to compare");
        assert_eq!(got, want, "{fields:?}");
    }
    // the rollup is what the map read: its rows of the root are those counted by hand
    let n: i64 = c
        .query_row(
            "SELECT SUM(events) FROM rollup_place_root WHERE root = '19' AND negated = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        n,
        by_hand("19", "0000", "9999")
            .iter()
            .map(|p| p.1)
            .sum::<i64>()
    );
}

/// One event as a count made by hand reads it: its day, week (the Monday) and month, dyad,
/// code, root, quad class, Goldstein score, place country and polarity.
struct HandEvent {
    id: i64,
    periods: [String; 3],
    source: String,
    target: String,
    code: String,
    quad: i64,
    goldstein: f64,
    country: String,
    negated: bool,
}

fn hand_events(store: &Store) -> Vec<HandEvent> {
    let mut st = store
        .conn()
        .prepare(
            "SELECT id, date, date(date, 'weekday 0', '-6 days'), substr(date, 1, 7),
                    source_code, target_code, code, quad_class, goldstein,
                    COALESCE(place_country, ''), negated
             FROM events WHERE date <> ''",
        )
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok(HandEvent {
                id: r.get(0)?,
                periods: [r.get(1)?, r.get(2)?, r.get(3)?],
                source: r.get(4)?,
                target: r.get(5)?,
                code: r.get(6)?,
                quad: r.get(7)?,
                goldstein: r.get(8)?,
                country: r.get(9)?,
                negated: r.get(10)?,
            })
        })
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[test]
fn dyad_periods_are_counted_and_ordered_as_by_hand() {
    use std::collections::HashMap;
    // (fields, whether an event is selected): one actor (its rows per dyad and day), an actor
    // and an event code (the events), a country (the rows per dyad, day and place), nothing
    // (every row per dyad and day)
    type Keeps = fn(&HandEvent) -> bool;
    let cases: Vec<(Vec<(&str, &str)>, Keeps)> = vec![
        (vec![("actor", "RUS")], |e| {
            e.source.starts_with("RUS") || e.target.starts_with("RUS")
        }),
        // a third of the news, many of its events between two of its own codes (a row of
        // both sides, counted once)
        (vec![("actor", "USA"), ("root", "04")], |e| {
            (e.source.starts_with("USA") || e.target.starts_with("USA")) && e.code.starts_with("04")
        }),
        (vec![("actor", "ISR"), ("code", "04")], |e| {
            (e.source.starts_with("ISR") || e.target.starts_with("ISR")) && e.code.starts_with("04")
        }),
        (vec![("country", "UKR")], |e| e.country == "UKR"),
        (vec![], |_| true),
    ];
    let events = hand_events(&open(1.0));
    for (fields, keeps) in cases {
        for (at, by) in [Period::Day, Period::Week, Period::Month]
            .into_iter()
            .enumerate()
        {
            // bounds as at ten million events (1.0, every filter here read exactly) and a
            // hundred times lower (0.01: one actor, or none, read from a sample)
            for scale in [1.0, 0.01] {
                let store = open(scale);
                let f = Filter {
                    bounded: true,
                    ..filter(&fields)
                };
                let (got, sample) =
                    dyad_store::aggregate::aggregate_sampled(store.conn(), &f, by).unwrap();
                let share = sample.as_ref().map(|s| s.share);
                let below = share.map(id_bound).unwrap_or(i64::MAX);
                type Row = (i64, [i64; 4], f64);
                let mut hand: HashMap<(String, String, String), Row> = HashMap::new();
                for e in &events {
                    if e.negated || e.id >= below || !keeps(e) {
                        continue;
                    }
                    let key = (e.periods[at].clone(), e.source.clone(), e.target.clone());
                    let row = hand.entry(key).or_insert((0, [0; 4], 0.0));
                    row.0 += 1;
                    row.1[(e.quad - 1) as usize] += 1;
                    row.2 += e.goldstein;
                }
                let scaled = |n: i64| match share {
                    Some(s) => (n as f64 / s).round() as i64,
                    None => n,
                };
                let mut want: Vec<_> = hand.into_iter().collect();
                want.sort_by(|(a, x), (b, y)| {
                    a.0.cmp(&b.0)
                        .then(y.0.cmp(&x.0))
                        .then_with(|| (&a.1, &a.2).cmp(&(&b.1, &b.2)))
                });
                let what = format!("--by {by:?} of {fields:?} (bounds × {scale})");
                assert!(!want.is_empty(), "{what}: no event to compare");
                assert_eq!(got.len(), want.len(), "{what}: dyad-periods");
                for (a, ((period, source, target), (n, quad, sum))) in got.iter().zip(&want) {
                    assert_eq!(
                        (&a.period, &a.source, &a.target),
                        (period, source, target),
                        "{what}: order"
                    );
                    assert_eq!(
                        a.tally.events,
                        scaled(*n),
                        "{what}: {period} {source} {target}"
                    );
                    assert_eq!(
                        a.tally.quad,
                        quad.map(scaled),
                        "{what}: {period} quad classes"
                    );
                    let sum = match share {
                        Some(s) => sum / s,
                        None => *sum,
                    };
                    assert!(
                        (a.tally.goldstein_sum - sum).abs() <= 1e-6 * sum.abs().max(1.0),
                        "{what}: {period} {source} {target} Goldstein {} against {sum}",
                        a.tally.goldstein_sum
                    );
                    let mean = a.tally.goldstein_sum / a.tally.events as f64;
                    if share.is_none() {
                        assert!((a.tally.goldstein_mean - mean).abs() < 1e-9, "{what}: mean");
                    }
                }
                if scale == 1.0 {
                    assert_eq!(sample, None, "{what}: read exactly");
                } else if fields.is_empty() {
                    assert!(sample.is_some(), "{what}: read from a sample");
                }
            }
        }
    }
}

#[test]
fn a_bulk_load_s_rollups_are_those_a_recount_from_the_events_gives() {
    // the end of a load derives some rollups from others (`rollup::fill`): each against its
    // count from the events alone
    let store = open(1.0);
    assert_eq!(dyad_store::rollup::check(store.conn()).unwrap(), None);
}

#[test]
fn one_actor_s_network_and_map_count_each_event_once_in_the_sql_s_order() {
    // one actor over the rollups per dyad is read as two ranges (the actor as source, then as
    // target and not as source): each event once, in the order the one query gave
    let store = open(1.0);
    let c = store.conn();
    for (actor, root) in [("USA", None), ("USAGOV", None), ("CHN", Some("04"))] {
        let mut fields = vec![("actor", actor)];
        if let Some(r) = root {
            fields.push(("root", r));
        }
        let f = filter(&fields);
        let keeps = "e.negated = 0
                     AND (substr(e.source_code, 1, length(?1)) = ?1
                          OR substr(e.target_code, 1, length(?1)) = ?1)
                     AND (?2 IS NULL OR e.root = ?2)";
        // edges by hand, most events first, then source and target
        for (level, s, t) in [
            (Level::Actor, "e.source_code", "e.target_code"),
            (
                Level::Country,
                "substr(e.source_code, 1, 3)",
                "substr(e.target_code, 1, 3)",
            ),
        ] {
            let sql = format!(
                "SELECT {s}, {t}, COUNT(*), SUM(e.quad_class = 4) FROM events e
                 WHERE {keeps} AND {s} <> {t} AND {s} <> '' AND {t} <> ''
                 GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"
            );
            let mut st = c.prepare(&sql).unwrap();
            let want: Vec<(String, String, i64, i64)> = st
                .query_map(rusqlite::params![actor, root], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            assert!(want.len() > 3, "{fields:?}: too few edges to compare");
            let net = explore::network(c, &f, level, 100_000).unwrap();
            assert_eq!(net.sample, None, "{fields:?}");
            let got: Vec<(String, String, i64, i64)> = net
                .edges
                .into_iter()
                .map(|e| (e.source, e.target, e.tally.events, e.tally.quad[3]))
                .collect();
            assert_eq!(got, want, "network ({level:?}) of {fields:?}");
        }
        // places by hand (of each event's first report), most events first, then by name
        let sql = format!(
            "SELECT m.place_name, m.place_lat, m.place_lon, COUNT(*), SUM(e.quad_class = 1),
                    AVG(e.goldstein)
             FROM events e JOIN mentions m ON m.id = e.first_mention
             WHERE {keeps} AND m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL
             GROUP BY m.place_lat, m.place_lon, m.place_name
             ORDER BY 4 DESC, 1, 2, 3"
        );
        let mut st = c.prepare(&sql).unwrap();
        type Point = (Option<String>, f64, f64, i64, i64, f64);
        let want: Vec<Point> = st
            .query_map(rusqlite::params![actor, root], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(want.len() > 3, "{fields:?}: too few places to compare");
        let (places, sample) = explore::places_sampled(c, &f, 100_000).unwrap();
        assert_eq!(sample, None, "{fields:?}");
        assert_eq!(places.len(), want.len(), "places of {fields:?}");
        for (p, w) in places.iter().zip(&want) {
            let got = (&p.name, p.lat, p.lon, p.events, p.quad[0]);
            assert_eq!(got, (&w.0, w.1, w.2, w.3, w.4), "places of {fields:?}");
            assert!((p.goldstein_mean - w.5).abs() < 1e-9, "{p:?} against {w:?}");
        }
        // a limit keeps the first
        let (first, _) = explore::places_sampled(c, &f, 2).unwrap();
        assert_eq!(first, places[..2].to_vec(), "{fields:?}");
    }
}
