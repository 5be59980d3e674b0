//! The data exports, read back by the tools analysts use: Python's `csv` and `json`
//! modules, and networkx for GraphML and GEXF. Needs `python3` with networkx
//! (`pip install networkx`); fails, never skips, without them.

#[allow(dead_code)]
#[path = "../src/data/fixture.rs"]
mod fixture;

use attest_export::data::{self, DataSet};
use fixture::*;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `script` with `python3 - args…`; panics with its output unless it exits 0.
fn python(script: &str, args: &[&str]) {
    let mut child = Command::new("python3")
        .arg("-")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is needed to run these tests");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python check failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn require_networkx() {
    let ok = Command::new("python3")
        .args(["-c", "import networkx"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "networkx is not installed for python3: pip install networkx"
    );
}

/// Writes every export of the fixture to `dir`, with the article texts beside them.
fn export_all(dir: &Path) {
    let fx = fixture();
    let d = DataSet {
        statements: &fx.statements,
        annotations: &fx.annotations,
        articles: &fx.articles,
        actors: &fx.actors,
    };
    let window = Some(("2026-05-10".to_string(), "2026-05-10".to_string()));
    let files = [
        ("statements.csv", data::statements_csv(&d).unwrap()),
        ("statements.json", data::statements_json(&d).unwrap()),
        (
            "annotations.jsonld",
            data::web_annotations_jsonld(&d).unwrap(),
        ),
        ("network.graphml", data::graphml(&d, None).unwrap()),
        ("network.gexf", data::gexf(&d, None).unwrap()),
        ("window.graphml", data::graphml(&d, window.clone()).unwrap()),
        ("window.gexf", data::gexf(&d, window).unwrap()),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let side = serde_json::json!({ "texts": { "1": TEXT1, "2": TEXT2 }, "quote1": QUOTE1 });
    std::fs::write(dir.join("texts.json"), side.to_string()).unwrap();
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_string_lossy().into_owned()
}

/// Title, byline, outlet, published, dateline, language, URL, file, as the CSV has them.
const ARTICLE1: [&str; 8] = [
    "Talks on the corridor",
    "Staff Reporter",
    "'+972 Magazine",
    "2026-05-01",
    "ISLAMABAD",
    "en",
    "https://example.org/talks?a=1&b=2",
    "talks.txt",
];
const ARTICLE2: [&str; 8] = [
    "'@ministry: trade will grow",
    "",
    "",
    "2026-05-10T08:00:00Z",
    "",
    "ar",
    "",
    "ministry <statement>.html",
];

/// Text, start and end cells of the anchor of `needle`; empty when `None`.
fn anchor_cells(article: i64, needle: Option<&str>) -> [String; 3] {
    match needle {
        Some(n) => {
            let a = anchor(article, n);
            [a.exact, a.start.to_string(), a.end.to_string()]
        }
        None => Default::default(),
    }
}

#[allow(clippy::too_many_arguments)]
fn expected_row(
    id: i64,
    head: [&str; 4],
    speaker: [&str; 3],
    (article, mention, cue): (i64, Option<&str>, Option<&str>),
    content: &[&str],
    quote: &str,
    paragraph: &str,
) -> Vec<String> {
    let mut row: Vec<String> = vec![id.to_string()];
    row.extend(head.iter().map(|s| s.to_string()));
    row.extend(speaker.iter().map(|s| s.to_string()));
    row.extend(anchor_cells(article, mention));
    row.extend(anchor_cells(article, cue));
    let first = anchor(article, content[0]);
    let last = anchor(article, content[content.len() - 1]);
    row.extend([
        quote.to_string(),
        content.len().to_string(),
        first.start.to_string(),
        last.end.to_string(),
        paragraph.to_string(),
        article.to_string(),
    ]);
    let meta = if article == 1 { ARTICLE1 } else { ARTICLE2 };
    row.extend(meta.iter().map(|s| s.to_string()));
    row.push(format!("2026-05-11T10:0{id}:00Z"));
    row
}

fn expected_csv() -> Vec<Vec<String>> {
    let header = "statement_id,status,kind,stance,topics,speakers,speaker_ids,speaker_kinds,\
        speaker_mention,speaker_mention_start,speaker_mention_end,cue,cue_start,cue_end,quote,\
        quote_parts,quote_start,quote_end,paragraph,article_id,article_title,byline,outlet,\
        published,dateline,language,url,source_file,created_at";
    let wang = ["Wang Yi", "1", "person"];
    let khan = ["Imran Khan", "2", "person"];
    let ministry = [MINISTRY, "3", "organization"];
    vec![
        header.split(',').map(String::from).collect(),
        expected_row(
            1,
            ["accepted", "direct", "opposes", "tariffs; trade"],
            wang,
            (1, Some("Wang Yi"), Some("said")),
            &[QUOTE1],
            QUOTE1,
            "3",
        ),
        expected_row(
            2,
            ["accepted", "direct", "supports", "border"],
            khan,
            (1, Some("Khan"), None),
            &[QUOTE2],
            // Verbatim, though it starts with "+".
            "+30% trade is the goal and the border must stay open",
            "5",
        ),
        expected_row(
            3,
            ["accepted", "mixed", "supports", "trade; tariffs"],
            ministry,
            (2, Some("The ministry"), Some("said")),
            &[QUOTE3A, QUOTE3B],
            "التجارة ستنمو … tariffs are fair",
            "3",
        ),
        expected_row(
            4,
            ["accepted", "indirect", "opposes", "tariffs"],
            khan,
            (2, None, None),
            &["tariffs hurt farmers"],
            "tariffs hurt farmers",
            "4",
        ),
        expected_row(
            5,
            ["rejected", "indirect", "supports", "trade"],
            khan,
            (2, None, None),
            &["trade helps everyone"],
            "trade helps everyone",
            "5",
        ),
        expected_row(
            6,
            ["proposed", "indirect", "neutral", "border"],
            ministry,
            (1, None, None),
            &["it was watching the border"],
            "it was watching the border",
            "6",
        ),
        expected_row(
            7,
            ["accepted", "indirect", "", " tariffs "],
            wang,
            (1, None, None),
            &["tariffs were a mistake"],
            "tariffs were a mistake",
            "6",
        ),
        expected_row(
            8,
            ["accepted", "indirect", "opposes", "trade"],
            ministry,
            (2, None, Some("warned")),
            &["trade with the north must shrink"],
            "trade with the north must shrink",
            "6",
        ),
    ]
}

const CSV_CHECK: &str = r#"
import csv, json, sys
csv_path, expected_path, texts_path = sys.argv[1:4]
raw = open(csv_path, "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
with open(csv_path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
expected = json.load(open(expected_path, encoding="utf-8"))
side = json.load(open(texts_path, encoding="utf-8"))
assert len(rows) == len(expected), (len(rows), len(expected))
header = rows[0]
for r, (got, want) in enumerate(zip(rows, expected)):
    assert len(got) == len(want), (r, len(got), len(want))
    for c, (g, w) in enumerate(zip(got, want)):
        assert g == w, f"row {r} column {header[c]}: {g!r} != {w!r}"
# The tricky quote survives: commas, quotes, a newline, <, & and Arabic.
q = dict(zip(header, rows[1]))["quote"]
assert q == side["quote1"] and "\n" in q and '"ever"' in q and "لا للرسوم" in q
# Offsets index the article text by code point, as Python does.
for row in rows[1:]:
    d = dict(zip(header, row))
    text = side["texts"][d["article_id"]]
    if d["quote_parts"] == "1":
        assert text[int(d["quote_start"]):int(d["quote_end"])] == d["quote"], d["statement_id"]
    for a in ("speaker_mention", "cue"):
        if d[a]:
            assert text[int(d[a + "_start"]):int(d[a + "_end"])] == d[a], (d["statement_id"], a)
print("csv ok")
"#;

#[test]
fn python_csv_reads_every_cell() {
    let dir = tempfile::tempdir().unwrap();
    export_all(dir.path());
    let expected = serde_json::to_string(&expected_csv()).unwrap();
    std::fs::write(dir.path().join("expected.json"), expected).unwrap();
    python(
        CSV_CHECK,
        &[
            &path(dir.path(), "statements.csv"),
            &path(dir.path(), "expected.json"),
            &path(dir.path(), "texts.json"),
        ],
    );
}

const JSON_CHECK: &str = r#"
import json, sys
jsonld_path, json_path, texts_path = sys.argv[1:4]
side = json.load(open(texts_path, encoding="utf-8"))
texts = side["texts"]

def check(text, start, end, exact, prefix="", suffix="", where=""):
    assert text[start:end] == exact, (where, text[start:end], exact)
    assert text[:start].endswith(prefix), (where, "prefix")
    assert text[end:].startswith(suffix), (where, "suffix")

doc = json.load(open(jsonld_path, encoding="utf-8"))
assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
assert doc["type"] == "AnnotationCollection"
page = doc["first"]
assert page["type"] == "AnnotationPage"
items = page["items"]
assert doc["total"] == len(items) == 9, len(items)
ids = [i["id"] for i in items]
assert "urn:attest:statement:5" not in ids, "rejected statement exported"
sources = {"https://example.org/talks?a=1&b=2": "1", "urn:attest:article:2": "2"}
checked = 0
for item in items:
    assert item["type"] == "Annotation"
    targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
    if item["id"] == "urn:attest:statement:3":
        assert len(targets) == 2, "one target per content part"
    for t in targets:
        sel = {s["type"]: s for s in t["selector"]}
        q, p = sel["TextQuoteSelector"], sel["TextPositionSelector"]
        check(texts[sources[t["source"]]], p["start"], p["end"], q["exact"],
              q.get("prefix", ""), q.get("suffix", ""), item["id"])
        checked += 1
assert checked == 10, checked
by_id = {i["id"]: i for i in items}
assert by_id["urn:attest:annotation:1"]["motivation"] == "commenting"
assert by_id["urn:attest:annotation:1"]["body"]["value"] == 'Check <this> & "that"'
assert by_id["urn:attest:annotation:2"]["motivation"] == "highlighting"
tags = [b["value"] for b in by_id["urn:attest:statement:1"]["body"] if b["purpose"] == "tagging"]
assert tags == ["tariffs", "trade"], tags

export = json.load(open(json_path, encoding="utf-8"))
assert export["attest_export"] == 1
statements = export["statements"]
assert [s["id"] for s in statements] == list(range(1, 9))
assert statements[0]["content"][0]["exact"] == side["quote1"]
assert statements[0]["speakers"][0] == {"id": 1, "name": "Wang Yi", "kind": "person", "aliases": ["Wang", "王毅"]}
assert statements[0]["article"]["outlet"] == "+972 Magazine"
for s in statements:
    text = texts[str(s["article"]["id"])]
    for a in s["content"] + [x for x in (s["speaker_mention"], s["cue"]) if x]:
        check(text, a["start"], a["end"], a["exact"], a["prefix"], a["suffix"], s["id"])
print("json ok")
"#;

#[test]
fn python_json_selectors_slice_the_article_text() {
    let dir = tempfile::tempdir().unwrap();
    export_all(dir.path());
    python(
        JSON_CHECK,
        &[
            &path(dir.path(), "annotations.jsonld"),
            &path(dir.path(), "statements.json"),
            &path(dir.path(), "texts.json"),
        ],
    );
}

const NETWORK_CHECK: &str = r#"
import sys
import networkx as nx
fmt, graph_path, which = sys.argv[1:4]
G = nx.read_graphml(graph_path) if fmt == "graphml" else nx.read_gexf(graph_path)
assert not G.is_directed()
M = "Ministry of Commerce & <Trade>"
if which == "full":
    nodes = {
        "actor:1": ("Wang Yi", "person", 2),
        "actor:2": ("Imran Khan", "person", 2),
        "actor:3": (M, "organization", 3),
        "topic:border": ("border", "topic", 2),
        "topic:tariffs": ("tariffs", "topic", 4),
        "topic:trade": ("trade", "topic", 3),
    }
    A, B = "2026-05-01", "2026-05-10"
    edges = [
        ("actor:1", "topic:tariffs", "affiliation", 2.0, "tariffs", A, A, (0, 1, 0, 1)),
        ("actor:1", "topic:trade", "affiliation", 1.0, "trade", A, A, (0, 1, 0, 0)),
        ("actor:2", "topic:border", "affiliation", 1.0, "border", A, A, (1, 0, 0, 0)),
        ("actor:2", "topic:tariffs", "affiliation", 1.0, "tariffs", B, B, (0, 1, 0, 0)),
        ("actor:3", "topic:border", "affiliation", 1.0, "border", A, A, (0, 0, 1, 0)),
        ("actor:3", "topic:tariffs", "affiliation", 1.0, "tariffs", B, B, (1, 0, 0, 0)),
        ("actor:3", "topic:trade", "affiliation", 2.0, "trade", B, B, (1, 1, 0, 0)),
        ("actor:1", "actor:2", "congruence", 1.0, "tariffs", A, B, None),
        ("actor:1", "actor:3", "conflict", 2.0, "tariffs; trade", A, B, None),
        ("actor:1", "actor:3", "congruence", 1.0, "trade", A, B, None),
        ("actor:2", "actor:3", "conflict", 1.0, "tariffs", B, B, None),
    ]
    # Wang and the Ministry both agree and disagree: parallel edges.
    assert G.is_multigraph()
else:
    nodes = {
        "actor:2": ("Imran Khan", "person", 1),
        "actor:3": (M, "organization", 2),
        "topic:tariffs": ("tariffs", "topic", 2),
        "topic:trade": ("trade", "topic", 2),
    }
    B = "2026-05-10"
    edges = [
        ("actor:2", "topic:tariffs", "affiliation", 1.0, "tariffs", B, B, (0, 1, 0, 0)),
        ("actor:3", "topic:tariffs", "affiliation", 1.0, "tariffs", B, B, (1, 0, 0, 0)),
        ("actor:3", "topic:trade", "affiliation", 2.0, "trade", B, B, (1, 1, 0, 0)),
        ("actor:2", "actor:3", "conflict", 1.0, "tariffs", B, B, None),
    ]
got_nodes = {n: (d["label"], d["kind"], d["statements"]) for n, d in G.nodes(data=True)}
assert got_nodes == nodes, got_nodes
stances = ("supports", "opposes", "neutral", "uncoded")
got_edges = []
for u, v, d in G.edges(data=True):
    a, b = sorted((u, v))
    counts = tuple(d["stance_" + s] for s in stances) if "stance_supports" in d else None
    assert isinstance(d["weight"], float)
    got_edges.append((a, b, d["relation"], d["weight"], d["topics"], d.get("start"), d.get("end"), counts))
assert sorted(got_edges, key=repr) == sorted(edges, key=repr), sorted(got_edges, key=repr)
if fmt == "gexf":
    assert G.graph["mode"] == "dynamic"
print(fmt, which, "ok")
"#;

#[test]
fn networkx_reads_graphml_and_gexf() {
    require_networkx();
    let dir = tempfile::tempdir().unwrap();
    export_all(dir.path());
    for (fmt, which) in [
        ("graphml", "network"),
        ("gexf", "network"),
        ("graphml", "window"),
        ("gexf", "window"),
    ] {
        let file = path(dir.path(), &format!("{which}.{fmt}"));
        let which = if which == "network" { "full" } else { "window" };
        python(NETWORK_CHECK, &[fmt, &file, which]);
    }
}
