//! How a person named once in full is known by part of the name later in the article.

#[allow(dead_code)] // each test file uses part of the shared helpers
mod common;

use common::*;

#[test]
fn any_word_of_a_full_name_after_its_title_stands_for_the_person() {
    // family name first, after a title: "Yoon" is the president named in full before
    let text = "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida \
                in Seoul. Later Kishida praised Yoon.";
    let events = code_on(production(), text, date(2023, 5, 7));
    let t = triples(&events);
    assert!(t.contains(&"JPNGOV 051 KORGOV".to_string()), "{t:?}");
}

#[test]
fn a_name_with_the_arabic_article_is_known_later_without_it() {
    // "Mohammed Shia al-Sudani", then "Sudani" (as "Mr Bashir" after "Omar al-Bashir")
    let text = "Iraqi Prime Minister Mohammed Shia al-Sudani met King Abdullah of Jordan in \
                Amman on Monday. Later Mr Sudani praised Jordan.";
    let events = code_on(production(), text, date(2023, 5, 7));
    let t = triples(&events);
    assert!(t.contains(&"IRQGOV 051 JOR".to_string()), "{t:?}");
}

#[test]
fn a_family_name_after_a_titled_namesake_is_the_titled_person() {
    // the dictionaries' Ashok Singhal led a Hindu council (NGOHINRAD); "Nepal's Army Chief" says
    // this one is Nepal's army, and so is "Singhal" after
    let text = "Nepal's Army Chief Ashok Singhal met the Nepali prime minister on Monday. Later \
                Singhal asked the prime minister to resign.";
    let t = triples(&code_on(production(), text, date(2025, 9, 9)));
    assert!(t.iter().any(|t| t.starts_with("NPLMIL 02")), "{t:?}");
    assert!(t.iter().all(|t| !t.contains("NGOHINRAD")), "{t:?}");
}

#[test]
fn a_name_in_apposition_to_its_title_after_a_verb_is_the_titled_person() {
    // the name stands as the verb's object, its title after it: "Kuroda" later is Japan's
    // envoy (invented names, none of them in the dictionaries)
    let text = "Beijing summoned Haruto Kuroda, Japan's ambassador to China, on Sunday. \
                Kuroda urged China to change course.";
    let t = triples(&code_on(production(), text, date(2023, 5, 21)));
    assert!(t.contains(&"JPNGOV 0242 CHN".to_string()), "{t:?}");
}

#[test]
fn a_people_named_with_another_states_adjective_is_that_states_later_too() {
    // "Bosnian Serbs", then "Serbs": Bosnia's Serbs, not Serbia
    let text = "Bosnian Serbs yesterday seized a number of UN vehicles. Serbs destroyed three UN \
                vehicles.";
    let t = triples(&code_on(production(), text, date(1995, 5, 28)));
    assert!(t.iter().all(|t| t.starts_with("BIH")), "{t:?}");
    assert_eq!(t.len(), 2, "{t:?}");
}
