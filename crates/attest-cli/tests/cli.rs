//! The `attest` binary as a script would use it.

use assert_cmd::Command;
use serde_json::Value;

mod common;

use common::{attest, repo, run_ok};

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn inspect_prints_the_seed_verbatim_with_byline_and_dateline() {
    let out = Command::cargo_bin("attest")
        .unwrap()
        .args(["inspect", "--json"])
        .arg(repo("../shared/corpus/seed/article.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let rec = &json_lines(&out.stdout)[0];
    let seed = std::fs::read_to_string(repo("../shared/corpus/seed/article.txt")).unwrap();
    assert_eq!(rec["ok"], true);
    assert_eq!(rec["article"]["text"], seed.as_str());
    assert_eq!(rec["article"]["byline"], "News Desk");
    assert_eq!(rec["article"]["dateline"], "BEIJING");
    // Proposed statements, spans in code points; with only the gazetteer "Wang" names
    // no actor.
    let chars: Vec<char> = seed.chars().collect();
    let statements = rec["statements"].as_array().unwrap();
    assert!(statements.len() >= 10, "{statements:#?}");
    for st in statements {
        let spans = st["content"]
            .as_array()
            .unwrap()
            .iter()
            .chain([&st["speaker"], &st["cue"]])
            .filter(|s| !s.is_null());
        for sp in spans {
            let (s, e) = (
                sp["start"].as_u64().unwrap() as usize,
                sp["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(sp["text"], chars[s..e].iter().collect::<String>());
        }
        let c = st["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&c));
        assert!(["direct", "indirect", "mixed"].contains(&st["kind"].as_str().unwrap()));
    }
    let declared = statements
        .iter()
        .find(|st| st["cue"]["text"] == "declared")
        .unwrap();
    assert_eq!(declared["speaker"]["text"], "Wang");
    assert_eq!(declared["actor"], Value::Null);
    assert_eq!(declared["kind"], "direct");
    // Without a notebook, the gazetteer's states, in code points of the text.
    let mentions = rec["mentions"].as_array().unwrap();
    assert_eq!(
        mentions[0],
        serde_json::json!({"start": 0, "end": 5, "text": "China", "actor": "China"})
    );
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(m["text"], chars[s..e].iter().collect::<String>());
    }
    for (words, actor) in [
        ("BEIJING", "China"),
        ("Islamabad", "Pakistan"),
        ("India", "India"),
    ] {
        assert!(
            mentions
                .iter()
                .any(|m| m["text"] == words && m["actor"] == actor),
            "{words}: {mentions:?}"
        );
    }
}

#[test]
fn a_failed_file_is_reported_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let nb = dir.path().join("n.attest");
    let out = attest(&nb)
        .args(["--json", "import"])
        .arg(&empty)
        .arg(repo("tests/fixtures/corridor.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let reports = json_lines(&out.stdout);
    assert_eq!(reports[0]["outcome"]["reason"], "the file is empty");
    assert_eq!(reports[1]["outcome"]["status"], "imported");

    let out = Command::cargo_bin("attest")
        .unwrap()
        .args(["inspect", "--json"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out.stdout)[0]["error"], "the file is empty");
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::cargo_bin("attest")
        .unwrap()
        .args(["actors", "add", "X", "--kind", "planet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected one of: person"));
}

#[test]
fn statement_to_dossier_to_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    attest(&nb)
        .arg("import")
        .arg(repo("../shared/corpus/seed/article.txt"))
        .assert()
        .success();
    attest(&nb)
        .args([
            "actors", "add", "Wang Yi", "--kind", "person", "--alias", "Wang",
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(repo("../shared/corpus/seed/article.txt")).unwrap();
    let quote = "China stands firmly with Pakistan in safeguarding its sovereignty and territorial integrity";
    let span = attest_core::text::find(&text, quote).unwrap();
    let (start, end) = (span.start, span.end);
    let out = attest(&nb)
        .args([
            "--json",
            "statements",
            "add",
            "--article",
            "1",
            "--speaker",
            "wang",
        ])
        .args([
            "--content-start",
            &start.to_string(),
            "--content-end",
            &end.to_string(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let statement = &json_lines(&out.stdout)[0];
    assert_eq!(statement["content"][0]["exact"], quote);
    attest(&nb)
        .args(["dossiers", "create", "Seed"])
        .assert()
        .success();
    attest(&nb)
        .args(["dossiers", "add", "Seed", "1"])
        .assert()
        .success();
    let md = dir.path().join("seed.md");
    attest(&nb)
        .args(["export", "Seed", "--format", "md", "--out"])
        .arg(&md)
        .assert()
        .success();
    let md = std::fs::read_to_string(md).unwrap();
    assert!(
        md.contains(&format!("“{quote}”")) && md.contains("¶5"),
        "{md}"
    );

    let out = attest(&nb)
        .args(["statements", "add", "--article", "1", "--speaker", "Nobody"])
        .args(["--content-start", "0", "--content-end", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no actor is named “Nobody”"));
}

#[test]
fn inspect_covers_every_format_and_names_the_part_of_a_file() {
    let fixtures = [
        "corridor.txt",
        "budget-note.md",
        "corridor.docx",
        "corridor.odt",
        "corridor.pdf",
        "corridor.rtf",
        "corridor.eml",
        "corridor.mhtml",
        "corridor.epub",
        "border-brief.mbox",
        "wires.zip",
        "pages/wire-rules-of-origin/source.html",
    ];
    let out = Command::cargo_bin("attest")
        .unwrap()
        .args(["inspect", "--json"])
        .args(
            fixtures
                .iter()
                .map(|f| repo(&format!("tests/fixtures/{f}"))),
        )
        .output()
        .unwrap();
    let records = json_lines(&out.stdout);
    let format_of = |file: &str, part: Option<&str>| -> String {
        let rec = records
            .iter()
            .find(|r| {
                r["file"].as_str().unwrap().ends_with(file)
                    && r.get("part").and_then(Value::as_str) == part
            })
            .unwrap_or_else(|| panic!("no record for {file} {part:?}"));
        assert_eq!(rec["ok"], true, "{rec}");
        rec["article"]["format"].as_str().unwrap().to_owned()
    };
    assert_eq!(format_of("corridor.txt", None), "text");
    assert_eq!(format_of("budget-note.md", None), "markdown");
    assert_eq!(format_of("corridor.docx", None), "docx");
    assert_eq!(format_of("corridor.odt", None), "odt");
    assert_eq!(format_of("corridor.pdf", None), "pdf");
    assert_eq!(format_of("corridor.rtf", None), "rtf");
    assert_eq!(format_of("corridor.eml", None), "email");
    assert_eq!(format_of("corridor.mhtml", None), "mhtml");
    assert_eq!(format_of("source.html", None), "html");
    assert_eq!(
        format_of("wires.zip", Some("wires/corridor-reprint.txt")),
        "text"
    );
    let parts = |file: &str| {
        records
            .iter()
            .filter(|r| r["file"].as_str().unwrap().ends_with(file))
            .count()
    };
    assert_eq!(parts("border-brief.mbox"), 3, "one article per message");
    assert!(parts("corridor.epub") >= 1);
    // The archive's entry that climbs out is reported, so the run exits 1.
    assert!(records
        .iter()
        .any(|r| r["part"] == "../../escape.txt" && r["ok"] == false));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_dossier_exports_to_every_format_by_the_extension_of_out() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    let seed = repo("../shared/corpus/seed/article.txt");
    run_ok(&nb, &["import", seed.to_str().unwrap()]);
    run_ok(&nb, &["actors", "add", "Wang Yi", "--alias", "Wang"]);
    run_ok(&nb, &["actors", "add", "Pakistan", "--kind", "state"]);
    let text = std::fs::read_to_string(&seed).unwrap();
    let quotes = [
        ("Wang Yi", "China stands firmly with Pakistan in safeguarding its sovereignty and territorial integrity", "supports"),
        ("Pakistan", "Pakistan", "opposes"),
    ];
    for (speaker, quote, stance) in quotes {
        let span = attest_core::text::find(&text, quote).unwrap();
        run_ok(
            &nb,
            &[
                "statements",
                "add",
                "--article",
                "1",
                "--speaker",
                speaker,
                "--content-start",
                &span.start.to_string(),
                "--content-end",
                &span.end.to_string(),
                "--stance",
                stance,
                "--topic",
                "sovereignty",
            ],
        );
    }
    run_ok(&nb, &["dossiers", "create", "Seed & <friends>"]);
    run_ok(
        &nb,
        &["dossiers", "section", "Seed & <friends>", "What was said"],
    );
    run_ok(&nb, &["dossiers", "add", "Seed & <friends>", "1", "2"]);
    run_ok(
        &nb,
        &["dossiers", "section", "Seed & <friends>", "The source"],
    );
    run_ok(&nb, &["dossiers", "article", "Seed & <friends>", "1"]);
    run_ok(&nb, &["citation-style", "set", "--preset", "chicago"]);
    run_ok(
        &nb,
        &[
            "dossiers",
            "edit",
            "1",
            "--description",
            "Beijing's line & Islamabad's.",
        ],
    );

    let quote = quotes[0].1;
    for ext in [
        "md", "html", "docx", "pdf", "csv", "json", "jsonld", "graphml", "gexf",
    ] {
        let file = dir.path().join(format!("seed.{ext}"));
        run_ok(&nb, &["export", "1", "--out", file.to_str().unwrap()]);
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        match ext {
            "docx" => assert!(bytes.starts_with(b"PK\x03\x04"), "a zip package"),
            "pdf" => assert!(bytes.starts_with(b"%PDF-"), "a PDF"),
            "graphml" | "gexf" => {
                assert!(
                    text.contains("Wang Yi") && text.contains("sovereignty"),
                    "{text}"
                );
                assert!(
                    text.contains("conflict"),
                    "Wang supports, Pakistan opposes: {text}"
                );
            }
            _ => assert!(text.contains(quote), "{ext}: {text}"),
        }
        if ext == "md" {
            assert!(
                text.contains("para. 5"),
                "the Chicago-style citation: {text}"
            );
            assert!(
                text.contains("## The source") && text.contains("BEIJING"),
                "{text}"
            );
            assert!(
                text.starts_with("# Seed \\& \\<friends\\>\n\nBeijing's line \\& Islamabad's."),
                "the edited description: {text}"
            );
        }
        if ext == "json" || ext == "jsonld" {
            serde_json::from_slice::<Value>(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes))
                .unwrap();
        }
    }

    let out = attest(&nb)
        .args(["export", "1", "--out"])
        .arg(dir.path().join("seed.xyz"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("say which format with --format"));
    let out = attest(&nb)
        .args(["citation-style", "set", "--template", "{% if %}"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("the citation template cannot be used"));
}

#[test]
fn a_saved_query_dossier_stays_current_until_frozen() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    let seed = repo("../shared/corpus/seed/article.txt");
    run_ok(&nb, &["import", seed.to_str().unwrap()]);
    run_ok(&nb, &["actors", "add", "Wang Yi"]);
    run_ok(
        &nb,
        &[
            "dossiers",
            "create",
            "Wang on sovereignty",
            "--actor",
            "Wang Yi",
            "--topic",
            "sovereignty",
        ],
    );
    let add = |start: &str, end: &str| {
        run_ok(
            &nb,
            &[
                "statements",
                "add",
                "--article",
                "1",
                "--speaker",
                "Wang Yi",
                "--content-start",
                start,
                "--content-end",
                end,
                "--topic",
                "sovereignty",
            ],
        );
    };
    add("0", "5");
    let list = run_ok(&nb, &["--json", "dossiers", "list"]);
    let d: Value = serde_json::from_str(list.lines().next().unwrap()).unwrap();
    assert_eq!(d["query"]["topic"], "sovereignty");
    let out = attest(&nb)
        .args(["dossiers", "comment", "1", "x"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("freeze it to edit its items"));
    add("6", "12");
    let frozen = run_ok(&nb, &["--json", "dossiers", "freeze", "1"]);
    let d: Value = serde_json::from_str(frozen.lines().next().unwrap()).unwrap();
    assert_eq!(
        (d["item_count"].as_u64(), d["query"].is_null()),
        (Some(2), true)
    );
}

#[test]
fn statements_suggest_accept_reject_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let nb = dir.path().join("n.attest");
    attest(&nb)
        .arg("import")
        .arg(repo("../shared/corpus/seed/article.txt"))
        .assert()
        .success();
    attest(&nb)
        .args([
            "actors", "add", "Wang Yi", "--kind", "person", "--alias", "Wang",
        ])
        .assert()
        .success();
    let out = attest(&nb)
        .args(["--json", "statements", "suggest", "--article", "1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let proposed = json_lines(&out.stdout);
    assert!(proposed.len() >= 10);
    assert!(proposed.iter().all(|s| s["status"] == "proposed"));
    let declared = proposed
        .iter()
        .find(|s| s["cue"]["exact"] == "declared")
        .unwrap();
    assert_eq!(declared["speakers"][0]["name"], "Wang Yi");
    let id = declared["id"].as_i64().unwrap();
    // Human output names the speaker words, the actor and the confidence.
    let out = attest(&nb)
        .args(["statements", "suggest"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.is_empty(),
        "nothing new: {}",
        String::from_utf8_lossy(&out.stdout)
    );

    attest(&nb)
        .args(["statements", "accept", &id.to_string()])
        .assert()
        .success();
    let other = proposed[0]["id"].as_i64().unwrap();
    attest(&nb)
        .args(["statements", "reject", &other.to_string()])
        .assert()
        .success();
    let list = |args: &[&str]| {
        let out = attest(&nb)
            .args(["--json", "statements", "list"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        json_lines(&out.stdout)
    };
    let accepted = list(&["--status", "accepted"]);
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0]["id"], id);
    assert_eq!(list(&["--status", "rejected"]).len(), 1);
    assert_eq!(list(&["--status", "proposed"]).len(), proposed.len() - 2);
    let wang = list(&["--actor", "Wang Yi"]);
    assert!(wang.iter().all(|s| s["speakers"][0]["name"] == "Wang Yi"));
    assert!(wang.iter().any(|s| s["id"] == id));

    // A second article, suggested and accepted at once, printed for people.
    let file = dir.path().join("b.txt");
    std::fs::write(&file, "Talks\n\n“We will sign,” Wang said on Friday.\n").unwrap();
    attest(&nb).arg("import").arg(&file).assert().success();
    let out = attest(&nb)
        .args(["statements", "suggest", "--accept"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Wang → Wang Yi, direct, "), "{text}");
    assert!(text.contains("“We will sign"), "{text}");
    assert_eq!(list(&["--status", "accepted", "--article", "2"]).len(), 1);
}
