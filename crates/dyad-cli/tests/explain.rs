//! `dyad code --explain`: each event says what made it.

mod common;

use common::{dyad_ok, events};

fn code(text: &str, explain: bool) -> Vec<serde_json::Value> {
    let dir = std::env::temp_dir().join(format!("dyad-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join(format!("a{}.txt", explain as u8));
    std::fs::write(&f, text).unwrap();
    let path = f.display().to_string();
    let mut args = vec!["code", path.as_str()];
    if explain {
        args.push("--explain");
    }
    events(&dyad_ok(&args))
}

#[test]
fn each_event_says_how_its_actors_were_reached_and_what_coded_it() {
    let text = "date 2024-03-01 KINSHASA: Police fired tear gas at demonstrators on Friday. \
                Uganda will hold talks with Burundi.";
    let plain = code(text, false);
    assert!(plain.iter().all(|e| e.get("explain").is_none()));
    let ev = code(text, true);
    let gas = ev
        .iter()
        .find(|e| e["code"] == "175")
        .expect("the tear gas");
    let x = &gas["explain"];
    assert_eq!(x["source"]["code"], "CODCOP");
    assert_eq!(
        x["source"]["how"],
        "an agent, with the country of the dateline"
    );
    assert!(x["source"]["entries"][0]
        .as_str()
        .unwrap()
        .starts_with("agents:"));
    assert!(x["pattern"].as_str().unwrap().starts_with("CAMEO.2.0.txt:"));
    assert_eq!(x["date"], "\"Friday\" in the clause: 2024-03-01");
    assert_eq!(x["place"], "the dateline's: Kinshasa (COD)");
    // an announced meeting: the words that made it intended, and the code before the guide's
    // convention made it an intent to meet
    let talks = ev.iter().find(|e| e["code"] == "036").expect("the talks");
    let x = &talks["explain"];
    assert_eq!(x["trigger"], "will");
    assert!(x["code_before_convention"]
        .as_str()
        .unwrap()
        .starts_with("04"));
    assert!(x["source"]["entries"][0]
        .as_str()
        .unwrap()
        .contains("actors.txt:"));
}
