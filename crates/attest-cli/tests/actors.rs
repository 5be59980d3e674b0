//! `attest actors …` and mentions, as a script would use them.

use serde_json::Value;

mod common;

use common::{attest, repo, run_ok};

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn run(nb: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let out = attest(nb).arg("--json").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

#[test]
fn registry_profile_merge_split_and_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    let seed = repo("../shared/corpus/seed/article.txt");
    attest(&nb).arg("import").arg(&seed).assert().success();
    run(&nb, &["actors", "add", "Wang Yi", "--weak-alias", "Wang"]);
    let report = &run(&nb, &["actors", "gazetteer"])[0];
    assert!(report["states_added"].as_u64().unwrap() > 190);
    run(
        &nb,
        &[
            "actors",
            "role",
            "Wang Yi",
            "Foreign Minister",
            "--of",
            "China",
            "--from",
            "2023-07-25",
        ],
    );
    run(
        &nb,
        &[
            "actors",
            "edit",
            "Wang Yi",
            "--wikidata",
            "Q16183776",
            "--colour",
            "#D62728",
        ],
    );
    let text = std::fs::read_to_string(&seed).unwrap();
    let quote = "China stands firmly with Pakistan in safeguarding its sovereignty and territorial integrity";
    let span = attest_core::text::find(&text, quote).unwrap();
    run(
        &nb,
        &[
            "statements",
            "add",
            "--article",
            "1",
            "--speaker",
            "Wang Yi",
            "--content-start",
            &span.start.to_string(),
            "--content-end",
            &span.end.to_string(),
        ],
    );

    // The profile: the full name once, then "Wang" three times (the "Wang said" before
    // the full name does not count).
    let profile = &run(&nb, &["actors", "show", "Wang Yi"])[0];
    assert_eq!(profile["mention_count"], 4);
    assert_eq!(profile["articles"][0]["article_id"], 1);
    assert_eq!(profile["statements"][0]["content"][0]["exact"], quote);
    assert_eq!(profile["roles"][0]["of_actor"]["name"], "China");
    assert_eq!(profile["details"]["colour"], "#d62728");
    let shown = run_ok(&nb, &["actors", "show", "Wang Yi"]);
    assert!(shown.contains("aliases: Wang (weak)"), "{shown}");
    assert!(
        shown.contains("role: Foreign Minister of China, 2023-07-25"),
        "{shown}"
    );
    assert!(shown.contains("mentions: 4 in 1 article"), "{shown}");
    assert!(shown.contains(quote), "{shown}");

    // Mentions in code points of the stored text; "Beijing" is China, as a metonym.
    let chars: Vec<char> = text.chars().collect();
    let mentions = run(&nb, &["actors", "mentions", "1"]);
    for m in &mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(m["text"], chars[s..e].iter().collect::<String>());
    }
    assert!(mentions
        .iter()
        .any(|m| m["text"] == "Beijing" && m["actor"]["name"] == "China" && m["metonym"] == true));

    // Switching the demonym off removes its mentions.
    let chinese = |nb: &std::path::Path| {
        run(nb, &["actors", "mentions", "1"])
            .iter()
            .filter(|m| m["text"] == "Chinese")
            .count()
    };
    assert_eq!(chinese(&nb), 1);
    run(&nb, &["actors", "alias", "China", "Chinese", "--disable"]);
    assert_eq!(chinese(&nb), 0);
    let china = &run(&nb, &["actors", "show", "China"])[0];
    let alias = china["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["alias"] == "Chinese")
        .unwrap();
    assert_eq!(
        (alias["demonym"].clone(), alias["disabled"].clone()),
        (true.into(), true.into())
    );

    // Merge a duplicate in, then undo it.
    run(
        &nb,
        &["actors", "add", "FM Wang", "--alias", "Comrade Wang"],
    );
    let before = run(&nb, &["actors", "show", "Wang Yi"]);
    run(&nb, &["actors", "merge", "Wang Yi", "FM Wang"]);
    let merged = &run(&nb, &["actors", "show", "Wang Yi"])[0];
    assert_eq!(merged["merged"][0]["name"], "FM Wang");
    let names: Vec<&str> = merged["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["alias"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Wang", "Comrade Wang", "FM Wang"]);
    run(&nb, &["actors", "unmerge", "FM Wang"]);
    assert_eq!(run(&nb, &["actors", "show", "Wang Yi"]), before);

    // Split the duplicate's alias off to an actor of its own.
    let new = &run(
        &nb,
        &[
            "actors",
            "split",
            "FM Wang",
            "--name",
            "Wang Wenbin",
            "--alias",
            "Comrade Wang",
        ],
    )[0];
    assert_eq!(new["name"], "Wang Wenbin");
    assert_eq!(new["aliases"], serde_json::json!(["Comrade Wang"]));

    // Candidates: names with titles or speech verbs not yet actors.
    let candidates = run(&nb, &["actors", "candidates", "--article", "1"]);
    assert!(
        candidates.iter().all(|c| c["name"] != "Wang Yi"),
        "{candidates:?}"
    );
    assert!(
        candidates
            .iter()
            .any(|c| c["name"] == "Ishaq Dar" && c["title"] == "Foreign Minister"),
        "{candidates:?}"
    );

    // inspect with the notebook finds its actors.
    let out = attest(&nb)
        .args(["--json", "inspect"])
        .arg(&seed)
        .output()
        .unwrap();
    let rec = &json_lines(&out.stdout)[0];
    let wang: Vec<&Value> = rec["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["actor"] == "Wang Yi")
        .collect();
    assert_eq!(wang.len(), 4);
}

#[test]
fn bad_details_and_unknown_actors_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    run(&nb, &["actors", "add", "Ishaq Dar"]);
    let out = attest(&nb)
        .args(["actors", "edit", "Ishaq Dar", "--wikidata", "1348419"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Wikidata item id"));
    let out = attest(&nb)
        .args(["actors", "merge", "Ishaq Dar", "Nobody"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no actor is named “Nobody”"));
    let out = attest(&nb)
        .args(["actors", "unmerge", "Ishaq Dar"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("was not merged"));
}
