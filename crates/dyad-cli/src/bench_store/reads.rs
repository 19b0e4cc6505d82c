//! The reads the twelfth round of issue 19 mended, on the synthetic store of
//! [`super::tests`] with bounds scaled down: a sample over a window of dates seeks each day's
//! sampled entries, a page of a dyad of a rare actor compares the other side on the index
//! entries, and the map of an event code reads its rollup per code and place.

use dyad_store::Filter;

use super::tests::{filter, open};

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

