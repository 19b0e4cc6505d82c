//! Tests of the quotation finder: marks, paragraphs, attribution, odd and random input.

use super::*;
use crate::test_support::random_texts;

fn data(path: &str) -> String {
    crate::test_support::corpus(path)
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn words(s: &Option<Span>) -> Option<&str> {
    s.as_ref().map(|s| s.text.as_str())
}

/// The one quotation found in `text`.
#[track_caller]
fn only_quote(text: &str) -> Quote {
    let mut q = find_quotes(text);
    assert_eq!(q.len(), 1, "{text:?}: {q:#?}");
    q.remove(0)
}

/// No quotation is found in any of `texts`.
#[track_caller]
fn assert_no_quotes(texts: &[&str]) {
    for t in texts {
        let q = find_quotes(t);
        assert!(q.is_empty(), "{t:?}: {q:#?}");
    }
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
    let q = only_quote(text);
    assert_eq!(q.cue, None);
    assert_eq!(q.speaker, None);
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
    let text = "\"The falls were isolated,\" she said. \"In some places it was dry. \"In fact, \
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
    let text = "Xi said: “We will never give up.\n\n“We will fight on.\n\n  \"And we will win,” \
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
    let q = only_quote(text);
    assert_eq!(q.paragraphs, 2);
    assert_eq!(words(&q.speaker), Some("the minister"));

    // a paragraph that does not open with a quote mark ends the unclosed quote
    let text = "“We will never give up.\n\nOfficials said more.\n\n“Fine,” he said.";
    let q = only_quote(text);
    assert_eq!(q.text, "Fine");
}

#[test]
fn unbalanced_marks() {
    assert_no_quotes(&["He said “no and left.\n\nThen ” she came."]);
    let q = only_quote("“a “b,” he said.");
    assert_eq!(q.text, "b");
    let q = find_quotes("” ” “ “ \" \" ‘ ’ ' '");
    check_spans("” ” “ “ \" \" ‘ ’ ' '", &q);
    assert_no_quotes(&[
        "\"", "“", "”", "''", "``", "'", "‘", "’", "“”", "\"\"", "“ ”", "",
    ]);
}

#[test]
fn apostrophes_are_not_quotes() {
    assert_no_quotes(&[
        "China's Xi met France's Macron; the students' union objected.",
        "In the '90s the students' demands grew, rock 'n' roll aside, he said.",
        "Xi Jinping’s visit and Macron’s plan, officials’ views and the ’90s.",
        "He said 'fine and left.",
    ]);
    let q = only_quote("“China's plan is not the students' plan,” he said.");
    assert_eq!(q.text, "China's plan is not the students' plan");
    let q = only_quote("“He called it ‘a disgrace’ today,” she said.");
    assert_eq!(q.text, "He called it ‘a disgrace’ today");
    assert_eq!(words(&q.speaker), Some("she"));
}

#[test]
fn straight_marks_and_inches() {
    let t = "The 6'2\" guard said \"yes\" twice, and \"no\" once.";
    let q = find_quotes(t);
    check_spans(t, &q);
    let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, vec!["yes", "no"]);
    let q = only_quote("``We won,'' he said.");
    assert_eq!(q.text, "We won");
    assert_eq!(words(&q.speaker), Some("he"));
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
