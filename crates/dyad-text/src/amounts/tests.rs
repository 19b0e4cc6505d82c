//! Tests of the amount detectors: money, counts of people, bare numbers, what is no amount.

use super::*;
use crate::test_support::random_texts;

fn one(text: &str) -> Amount {
    let a = find_amounts(text);
    assert_eq!(a.len(), 1, "{text}: {a:#?}");
    a.into_iter().next().unwrap()
}

fn money(text: &str, span: &str, value: f64, currency: &str) {
    let a = one(text);
    assert_eq!(a.text, span, "{text}");
    assert_eq!(
        a.kind,
        AmountKind::Money {
            value,
            currency: currency.to_string()
        },
        "{text}"
    );
}

fn people(text: &str, span: &str, value: f64, what: Casualty) {
    let a = one(text);
    assert_eq!(a.text, span, "{text}");
    assert_eq!(a.kind, AmountKind::People { value, what }, "{text}");
}

fn number(text: &str, span: &str, value: f64) {
    let a = one(text);
    assert_eq!(a.text, span, "{text}");
    assert_eq!(a.kind, AmountKind::Number { value }, "{text}");
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn money_forms() {
    money(
        "China will provide $100 million to help Gaza.",
        "$100 million",
        1e8,
        "USD",
    );
    money("a loan of US$2.5bn was agreed", "US$2.5bn", 2.5e9, "USD");
    money("a €2bn fund", "€2bn", 2e9, "EUR");
    money("a € 2 billion fund", "€ 2 billion", 2e9, "EUR");
    money("fined £30 million.", "£30 million", 3e7, "GBP");
    money("£30m in aid", "£30m", 3e7, "GBP");
    money("loans of 100 million yuan.", "100 million yuan", 1e8, "CNY");
    money("5 billion rubles in damage", "5 billion rubles", 5e9, "RUB");
    money("5 billion roubles", "5 billion roubles", 5e9, "RUB");
    money("a Rs 500 crore package", "Rs 500 crore", 5e9, "INR");
    money("Rs. 2 lakh each", "Rs. 2 lakh", 2e5, "INR");
    money("₹1,500 crore", "₹1,500 crore", 1.5e10, "INR");
    money("worth A$5 million", "A$5 million", 5e6, "AUD");
    money("HK$3.2 billion", "HK$3.2 billion", 3.2e9, "HKD");
    money("USD 5 million", "USD 5 million", 5e6, "USD");
    money("100 million CNY", "100 million CNY", 1e8, "CNY");
    money(
        "20 million Hong Kong dollars",
        "20 million Hong Kong dollars",
        2e7,
        "HKD",
    );
    money("10,000 Swiss francs", "10,000 Swiss francs", 1e4, "CHF");
    money("a billion dollars", "a billion dollars", 1e9, "USD");
    money("five million euros", "five million euros", 5e6, "EUR");
    money(
        "3 million pounds sterling",
        "3 million pounds sterling",
        3e6,
        "GBP",
    );
    money("¥500 billion", "¥500 billion", 5e11, "JPY");
    money("CN¥100", "CN¥100", 100.0, "CNY");
    money("millions of dollars", "millions of dollars", 2e6, "USD");
}

#[test]
fn people_forms() {
    people(
        "At least 50 people were killed in the blast.",
        "At least 50 people were killed",
        50.0,
        Casualty::Killed,
    );
    people("Dozens injured.", "Dozens injured", 24.0, Casualty::Injured);
    people(
        "The strike hit a school, killing 8.",
        "killing 8",
        8.0,
        Casualty::Killed,
    );
    people(
        "Police arrested 30 students on Monday.",
        "arrested 30 students",
        30.0,
        Casualty::Arrested,
    );
    people(
        "The floods left thousands displaced.",
        "thousands displaced",
        2e3,
        Casualty::Displaced,
    );
    people(
        "hundreds of protesters were detained",
        "hundreds of protesters were detained",
        200.0,
        Casualty::Arrested,
    );
    people(
        "tens of thousands of people fled",
        "tens of thousands of people fled",
        2e4,
        Casualty::Displaced,
    );
    people(
        "more than 1,200 Palestinian civilians have been wounded",
        "more than 1,200 Palestinian civilians have been wounded",
        1200.0,
        Casualty::Injured,
    );
    people(
        "twelve soldiers died",
        "twelve soldiers died",
        12.0,
        Casualty::Killed,
    );
    people(
        "injuring at least a dozen people",
        "injuring at least a dozen people",
        12.0,
        Casualty::Injured,
    );
    people(
        "The death toll rose to 43.",
        "death toll rose to 43",
        43.0,
        Casualty::Killed,
    );
    people(
        "Some 5,000 protesters marched.",
        "Some 5,000 protesters",
        5e3,
        Casualty::Other,
    );
    people(
        "10,000 refugees crossed",
        "10,000 refugees",
        1e4,
        Casualty::Displaced,
    );
    people(
        "Two journalists were taken hostage",
        "Two journalists were taken hostage",
        2.0,
        Casualty::Other,
    );
    people(
        "Three Palestinians were killed",
        "Three Palestinians were killed",
        3.0,
        Casualty::Killed,
    );
    let a = find_amounts("The bombing killed 12 people and injured 30 others.");
    assert_eq!(a.len(), 2, "{a:#?}");
    assert_eq!(a[0].text, "killed 12 people");
    assert_eq!(a[1].text, "injured 30 others");
    assert_eq!(
        a[1].kind,
        AmountKind::People {
            value: 30.0,
            what: Casualty::Injured
        }
    );
    people(
        "Two Palestinian gunmen also killed a guard.",
        "Two Palestinian gunmen",
        2.0,
        Casualty::Other,
    );
    people(
        "two armed men were shot dead",
        "two armed men were shot dead",
        2.0,
        Casualty::Killed,
    );
    people(
        "one person was hurt",
        "one person was hurt",
        1.0,
        Casualty::Injured,
    );
    let a = find_amounts("In 2001 Person of the Year; 2001 brought many people; a 15 man crew.");
    assert!(
        a.iter()
            .all(|a| matches!(a.kind, AmountKind::Number { .. })),
        "{a:#?}"
    );
    // a time after a casualty verb is no count of people
    let a = find_amounts("He was arrested 2 years ago.");
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].kind, AmountKind::Number { value: 2.0 });
}

#[test]
fn number_forms() {
    number("about 1,200 in all", "1,200", 1200.0);
    number("twelve of them", "twelve", 12.0);
    number("Twelve.", "Twelve", 12.0);
    people(
        "twelve of them died",
        "twelve of them died",
        12.0,
        Casualty::Killed,
    );
    number("twenty-five times", "twenty-five", 25.0);
    number(
        "two hundred and fifty boxes",
        "two hundred and fifty",
        250.0,
    );
    number("3.5 tonnes", "3.5", 3.5);
    number("100 million in trade", "100 million", 1e8);
    number("the 2,019 boxes", "2,019", 2019.0);
}

#[test]
fn what_is_not_an_amount() {
    for t in [
        "in 2019 and since 2020",
        "on Dec. 3 and on 4 December",
        "up 5% or 5 percent or 3 per cent",
        "at 4:00 p.m. and 9 am",
        "the G7 and G20, F-16 jets, a three-day visit, the 3rd day",
        "the Group of Seven said one thing",
        "one of the leaders",
        "dozens of times",
        "date 2025-12-04 BEIJING: hello",
        "",
    ] {
        let a = find_amounts(t);
        assert!(a.is_empty(), "{t}: {a:#?}");
    }
}

#[test]
fn seed_amounts() {
    let p = "seed-2025-12-04-beijing.txt";
    let text = crate::test_support::corpus(p);
    let a = find_amounts(&text);
    assert_eq!(a.len(), 1, "{a:#?}");
    assert_eq!(a[0].text, "$100 million");
    assert_eq!(slice(&text, a[0].start, a[0].end), "$100 million");
    assert_eq!(a[0].value(), 1e8);
}

#[test]
fn offsets_are_characters() {
    let t = "Émile: “€2bn”, then 50 people were killed — £3m.";
    let a = find_amounts(t);
    assert_eq!(a.len(), 3, "{a:#?}");
    for x in &a {
        assert_eq!(slice(t, x.start, x.end), x.text);
    }
    assert_eq!(a[0].text, "€2bn");
    assert_eq!(a[1].text, "50 people were killed");
    assert_eq!(a[2].text, "£3m");
}

#[test]
fn random_text_does_not_panic() {
    let pieces = [
        "$",
        "US$",
        "€",
        "£",
        "Rs",
        ".",
        "1,200",
        "2.5bn",
        "3",
        "0",
        "million",
        "billion",
        "crore",
        "lakh",
        "killed",
        "people",
        "were",
        "at",
        "least",
        "dozens",
        "of",
        "tens",
        "thousands",
        "twenty-five",
        "a",
        "hundred",
        "and",
        "killing",
        "death",
        "toll",
        "yuan",
        "Hong",
        "Kong",
        "dollars",
        "%",
        "é",
        "🙂",
        "Dec.",
        "2019",
        ",",
        "one",
    ];
    for t in random_texts(&pieces) {
        for a in find_amounts(&t) {
            assert!(a.start < a.end, "{t:?}");
            assert_eq!(slice(&t, a.start, a.end), a.text, "{t:?}");
            assert!(a.value().is_finite(), "{t:?}");
        }
    }
}

#[test]
fn the_first_letter_filter_finds_what_the_detectors_find() {
    let pieces = [
        "$",
        "US$",
        "Rs",
        "RMB",
        "USD",
        "usd",
        "CNY",
        "€",
        "1,200",
        "2.5bn",
        "3",
        "million",
        "killed",
        "Killed",
        "arrested",
        "wounded",
        "abducting",
        "people",
        "were",
        "at",
        "least",
        "dozens",
        "Dozens",
        "of",
        "tens",
        "Tens",
        "thousands",
        "twenty-five",
        "Twenty-five",
        "a",
        "A",
        "an",
        "An",
        "hundred",
        "dozen",
        "and",
        "death",
        "Death",
        "toll",
        "rose",
        "to",
        "yuan",
        "Hong",
        "Kong",
        "dollars",
        "é",
        "Twelve",
        "twelve",
        "nineteen",
        "zero",
        ".",
        "“",
        ",",
        "said",
        "the",
        "The",
        "one",
        "ninety-nine",
    ];
    let mut texts = random_texts(&pieces);
    // and the bundled articles, a line at a time
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/corpus");
    for name in [
        "lee_abc_news.jsonl",
        "seed-2025-12-04-beijing.txt",
        "brown_press_1961.txt",
    ] {
        let text = std::fs::read_to_string(format!("{corpus}/{name}")).unwrap();
        texts.extend(text.lines().map(str::to_string));
    }
    let mut found = 0;
    for t in &texts {
        let whole = WholeText::new(t);
        let filtered = find_amounts_filtered(&whole, true);
        assert_eq!(filtered, find_amounts_filtered(&whole, false), "{t:?}");
        found += filtered.len();
    }
    assert!(found > 1000, "{found} amounts: the texts should hold many");
}

#[test]
fn odd_input_does_not_panic() {
    let odd = [
        "$", "$$", "US$", "Rs", "Rs.", "€bn", "1,", ",1", "1..2", "1.2.3", "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 billion",
        "1e400", "killing", "killing at least", "at least", "death toll", "death toll rose to",
        "tens of", "hundreds of", "a", "an hundred", "and and", "twenty-", "-five",
        "٣ million", "５ people", "一 killed", "🙂 5 🙂 people 🙂 killed", "\u{0}5\u{0}",
        "5\u{a0}million dollars", "ninety-ninety", "one one one",
    ];
    for t in odd {
        for a in find_amounts(t) {
            assert!(a.start < a.end, "{t:?}");
            assert_eq!(slice(t, a.start, a.end), a.text, "{t:?}");
            assert!(a.value().is_finite(), "{t:?}");
        }
    }
}

#[test]
fn money_opens_tokens_and_currencies_are_named() {
    use super::{names_currency, starts_money};
    assert!(starts_money(&["$", "500", "million"]));
    assert!(starts_money(&["US$36", "million"]));
    assert!(starts_money(&["500", "million", "dollars"]));
    assert!(starts_money(&["580", "billion", "yen"]));
    assert!(!starts_money(&["500", "troops", "to"]));
    assert!(!starts_money(&["its", "support"]));
    assert!(names_currency("DOLLARS") && names_currency("YEN"));
    // words that are verbs or common words too
    assert!(!names_currency("POUNDS") && !names_currency("WON"));
}

/// Reading only some sentences finds, in them, what reading the whole text finds.
#[test]
fn the_amounts_of_some_sentences_are_those_the_whole_text_has_in_them() {
    let text = "Rebels killed 12 soldiers on Monday. The talks went on. Japan pledged $5 million \
                in aid, and 300 people fled. A death toll of 40 was given. Dozens were hurt.";
    let whole = WholeText::new(text);
    let spans = crate::split_sentences(text, 0);
    assert_eq!(spans.len(), 5);
    let all = find_amounts_in(&whole);
    assert!(all.len() >= 4, "{all:#?}");
    for picked in [
        vec![0],
        vec![2],
        vec![0, 2, 3],
        vec![1],
        vec![0, 1, 2, 3, 4],
    ] {
        let stretches: Vec<(usize, usize)> = picked
            .iter()
            .map(|&i| (spans[i].start, spans[i].end))
            .collect();
        let within = find_amounts_within(&whole, &stretches);
        let expected: Vec<&Amount> = all
            .iter()
            .filter(|a| stretches.iter().any(|&(s, e)| a.start >= s && a.end <= e))
            .collect();
        assert_eq!(within.iter().collect::<Vec<_>>(), expected, "{picked:?}");
    }
    // a sentence with none gives none
    assert!(find_amounts_within(&whole, &[(spans[1].start, spans[1].end)]).is_empty());
}
