//! The reads the twelfth round of issue 19 mended, on the synthetic store of
//! [`super::tests`] with bounds scaled down: a sample over a window of dates seeks each day's
//! sampled entries, a page of a dyad of a rare actor compares the other side on the index
//! entries, and the map of an event code reads its rollup per code and place.

use dyad_store::explore;
use dyad_store::page::page;
use dyad_store::{query, Filter, Store};

use super::tests::{filter, open, store_path};

#[test]
fn a_sample_over_a_window_of_dates_seeks_each_day_s_sampled_entries() {
    // 0.001: an aggregation reads 60 events exactly, a sample of a window along the dates
    let store = open(0.001);
    let c = store.conn();
    for fields in [
        vec![("from", "2025-02-18"), ("to", "2025-03-20")],
        vec![("from", "2025-06-01"), ("to", "2025-06-30"), ("quad", "4")],
        vec![("from", "2025-04-03"), ("to", "2025-04-09"), ("code", "19")],
    ] {
        let f = Filter {
            bounded: true,
            ..filter(&fields)
        };
        let plan = dyad_store::counted::sample_plan(c, &f)
            .unwrap()
            .unwrap_or_else(|| panic!("{fields:?}: not sampled"));
        // the window's range walked every entry of it to check the id: 848,000 entries for a
        // month at ten million events, where the sample was 14,800
        assert!(
            plan.contains("events_page (date=? AND id<?)"),
            "{fields:?}: {plan}"
        );
        // the sample is the same events: those of the window with an id below its bound, as
        // `--by week` counts them
        let (rows, sample) =
            dyad_store::aggregate::aggregate_sampled(c, &f, dyad_store::Period::Week).unwrap();
        let sample = sample.expect("a sample");
        let counted: i64 = rows.iter().map(|r| r.tally.events).sum();
        let bound = (sample.share * 9_007_199_254_740_992.0).ceil() as i64;
        let (extra, code) = match fields.get(2) {
            Some(("quad", q)) => (format!(" AND e.quad_class = {q}"), None),
            Some(("code", p)) => (" AND substr(e.code, 1, 2) = ?4".to_string(), Some(*p)),
            _ => (String::new(), None),
        };
        let sql = format!(
            "SELECT COUNT(*) FROM events e WHERE e.negated = 0 AND e.date >= ?1
             AND e.date <= ?2 AND e.id < ?3{extra}"
        );
        let mut params: Vec<rusqlite::types::Value> = vec![
            fields[0].1.to_string().into(),
            fields[1].1.to_string().into(),
            bound.into(),
        ];
        if let Some(p) = code {
            params.push(p.to_string().into());
        }
        let by_hand: i64 = c
            .query_row(&sql, rusqlite::params_from_iter(params), |r| r.get(0))
            .unwrap();
        assert_eq!(sample.matched, by_hand, "{fields:?}");
        assert!(counted >= by_hand, "{fields:?}: {counted} < {by_hand}");
    }
}

#[test]
fn a_page_of_a_dyad_of_a_rare_actor_is_found_on_the_index_entries() {
    // 0.001: a page walks 200 entries and checks 2 rows; an actor of up to 150 events (its
    // prefix's) is walked along its own indexes. A dyad of a rare source and a common target over a window
    // checked each of the source's events on its row for the target, and stopped after two:
    // a partial page (at ten million events, `--dyad SVK:USACOP` read 2,500 rows, 0.5 s)
    let store = open(0.001);
    let c = store.conn();
    let mut st = c
        .prepare(
            "SELECT d.source_code, d.target_code FROM rollup_dyad d
             JOIN rollup_actor t ON t.code = d.target_code AND t.negated = 0
             WHERE d.negated = 0 AND d.source_code <> d.target_code AND t.events > 300
               AND (SELECT SUM(a.events) FROM rollup_actor a WHERE a.negated = 0
                    AND substr(a.code, 1, length(d.source_code)) = d.source_code)
                   BETWEEN 10 AND 60
             ORDER BY d.events DESC, 1, 2 LIMIT 6",
        )
        .unwrap();
    let dyads: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        !dyads.is_empty(),
        "no dyad of a rare source and a common target"
    );
    for (source, target) in &dyads {
        for dates in [vec![], vec![("from", "2025-03-01"), ("to", "2025-08-31")]] {
            let mut fields = vec![("source", source.as_str()), ("target", target.as_str())];
            fields.extend(dates);
            let f = filter(&fields);
            let whole: Vec<i64> = query::events(c, &f).unwrap().iter().map(|e| e.id).collect();
            // a source of at most 60 events of 4,000: a page of 5 expects to walk more than the
            // 200 entries along the dates, and walks the source's own
            for limit in [5, 50] {
                let p = page(c, &f, None, limit).unwrap();
                assert!(!p.partial, "{fields:?} {limit}: a partial page");
                let ids: Vec<i64> = p.events.iter().map(|e| e.id).collect();
                let head: Vec<i64> = whole.iter().copied().take(limit).collect();
                assert_eq!(ids, head, "{fields:?} {limit}");
            }
        }
    }
}

/// Each place's events of a code without actors, counted by hand from the first reports.
fn places_by_hand(store: &Store, code: &str) -> Vec<(String, i64)> {
    let mut st = store
        .conn()
        .prepare(
            "SELECT m.place_name, COUNT(*) FROM events e
             JOIN mentions m ON m.id = e.first_mention
             WHERE e.negated = 0 AND substr(e.code, 1, length(?1)) = ?1
               AND m.place_lat IS NOT NULL AND m.place_lon IS NOT NULL
             GROUP BY m.place_lat, m.place_lon, m.place_name",
        )
        .unwrap();
    let rows = st
        .query_map([code], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let mut out: Vec<(String, i64)> = rows.collect::<Result<_, _>>().unwrap();
    out.sort();
    out
}

fn map_of(store: &Store, code: &str) -> (Vec<(String, i64)>, bool) {
    let f = Filter {
        bounded: true,
        ..filter(&[("code", code)])
    };
    let (places, sample) = explore::places_sampled(store.conn(), &f, 100_000).unwrap();
    let mut got: Vec<(String, i64)> = places
        .into_iter()
        .map(|p| (p.name.unwrap_or_default(), p.events))
        .collect();
    got.sort();
    (got, sample.is_some())
}

#[test]
fn the_map_of_an_event_code_is_counted_from_its_rollup_as_from_the_events() {
    // bounds so low that the events would be read from a sample: an exact map is the rollup's
    // (`/api/places?code=190` read a sample of 2% of the news and its first reports, 1.9 s
    // cold at ten million events)
    let store = open(0.001);
    let codes: Vec<String> = store
        .conn()
        .prepare(
            "SELECT code FROM rollup_code WHERE length(code) >= 3 AND negated = 0
             GROUP BY code ORDER BY SUM(events) DESC LIMIT 3",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!codes.is_empty());
    for code in &codes {
        let want = places_by_hand(&store, code);
        assert!(!want.is_empty(), "{code}: no place to compare");
        assert_eq!(map_of(&store, code), (want, false), "{code}");
    }
}

#[test]
fn a_store_without_the_rollup_per_code_and_place_gets_it_when_opened_for_writing() {
    // a copy of the store as a dyad before the rollup left it: the table empty, its mark gone
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.db");
    std::fs::copy(store_path(), &copy).unwrap();
    {
        let conn = rusqlite::Connection::open(&copy).unwrap();
        conn.execute_batch(
            "DELETE FROM rollup_place_code; DELETE FROM meta WHERE key = 'rollup_place_code_at'",
        )
        .unwrap();
    }
    dyad_store::counted::scale_bounds(0.001);
    let old = Store::open_read_only(&copy).unwrap();
    assert!(!dyad_store::rollup::place_codes_ready(old.conn()));
    let code = "190";
    let want = places_by_hand(&old, code);
    // read-only, the map is read from the events (a sample, with these bounds)
    assert!(map_of(&old, code).1, "the empty rollup was read");
    drop(old);
    // opened for writing: filled from the events and marked, then read
    drop(Store::open(&copy).unwrap());
    let new = Store::open_read_only(&copy).unwrap();
    assert!(dyad_store::rollup::place_codes_ready(new.conn()));
    assert_eq!(dyad_store::rollup::check(new.conn()).unwrap(), None);
    assert_eq!(map_of(&new, code), (want, false));
}
