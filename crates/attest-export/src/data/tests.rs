use super::fixture::*;
use super::network::Network;
use super::*;
use serde_json::Value;

fn with_data<T>(f: impl FnOnce(&DataSet) -> T) -> T {
    let fx = fixture();
    f(&DataSet {
        statements: &fx.statements,
        annotations: &fx.annotations,
        articles: &fx.articles,
        actors: &fx.actors,
    })
}

fn csv_rows() -> Vec<Vec<String>> {
    let bytes = with_data(|d| statements_csv(d).unwrap());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let mut r = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

fn cell<'a>(rows: &'a [Vec<String>], statement: usize, column: &str) -> &'a str {
    let i = rows[0].iter().position(|h| h == column).unwrap();
    &rows[statement][i]
}

#[test]
fn csv_has_a_row_per_statement_with_every_field() {
    let rows = csv_rows();
    assert_eq!(rows.len(), 1 + SPECS.len());
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    assert_eq!(cell(&rows, 1, "quote"), QUOTE1);
    assert_eq!(cell(&rows, 1, "speaker_kinds"), "person");
    assert_eq!(cell(&rows, 1, "topics"), "tariffs; trade");
    assert_eq!(cell(&rows, 1, "paragraph"), "3");
    assert_eq!(cell(&rows, 1, "cue"), "said");
    assert_eq!(cell(&rows, 1, "url"), "https://example.org/talks?a=1&b=2");
    assert_eq!(cell(&rows, 3, "quote"), format!("{QUOTE3A} … {QUOTE3B}"));
    assert_eq!(cell(&rows, 3, "quote_parts"), "2");
    let a3a = anchor(2, QUOTE3A);
    let a3b = anchor(2, QUOTE3B);
    assert_eq!(cell(&rows, 3, "quote_start"), a3a.start.to_string());
    assert_eq!(cell(&rows, 3, "quote_end"), a3b.end.to_string());
    assert_eq!(cell(&rows, 5, "status"), "rejected", "the table keeps them");
    assert_eq!(cell(&rows, 7, "stance"), "");
    assert_eq!(cell(&rows, 7, "topics"), " tariffs ");
}

#[test]
fn csv_neutralises_formulas_in_source_metadata_only() {
    let rows = csv_rows();
    assert_eq!(cell(&rows, 1, "outlet"), "'+972 Magazine");
    assert_eq!(
        cell(&rows, 3, "article_title"),
        "'@ministry: trade will grow"
    );
    // The analyst's quote is evidence: never altered.
    assert_eq!(cell(&rows, 2, "quote"), QUOTE2);
    assert!(QUOTE2.starts_with('+'));
}

#[test]
fn json_nests_every_field() {
    let v: Value = serde_json::from_slice(&with_data(|d| statements_json(d).unwrap())).unwrap();
    assert_eq!(v["attest_export"], 1);
    let s = &v["statements"];
    assert_eq!(s.as_array().unwrap().len(), SPECS.len());
    let s1 = &s[0];
    assert_eq!(s1["speakers"][0]["kind"], "person");
    assert_eq!(s1["speakers"][0]["aliases"][1], "王毅");
    assert_eq!(s1["stance"], "opposes");
    assert_eq!(s1["content"][0]["exact"], QUOTE1);
    assert_eq!(s1["paragraph"], 3);
    assert_eq!(s1["article"]["outlet"], "+972 Magazine", "JSON is verbatim");
    assert_eq!(s1["speaker_mention"]["exact"], "Wang Yi");
    let s3 = &s[2];
    assert_eq!(s3["content"].as_array().unwrap().len(), 2);
    assert_eq!(s3["article"]["url"], Value::Null);
    assert_eq!(s3["article"]["published"], "2026-05-10T08:00:00Z");
    assert_eq!(s[6]["stance"], Value::Null);
}

#[test]
fn web_annotations_cover_annotations_and_accepted_statements() {
    let v: Value =
        serde_json::from_slice(&with_data(|d| web_annotations_jsonld(d).unwrap())).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(v["total"], items.len());
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 2 + SPECS.len() - 1);
    assert!(!ids.contains(&"urn:attest:statement:5"), "rejected");

    let comment = &items[0];
    assert_eq!(comment["motivation"], "commenting");
    assert_eq!(comment["body"]["value"], "Check <this> & \"that\"");
    assert_eq!(
        comment["target"]["source"],
        "https://example.org/talks?a=1&b=2"
    );
    let highlight = &items[1];
    assert_eq!(highlight["motivation"], "highlighting");
    assert!(highlight.get("body").is_none());
    assert_eq!(highlight["target"]["source"], "urn:attest:article:2");

    let s3 = items
        .iter()
        .find(|i| i["id"] == "urn:attest:statement:3")
        .unwrap();
    let targets = s3["target"].as_array().unwrap();
    assert_eq!(targets.len(), 2, "one target per content part");
    assert_eq!(targets[1]["selector"][0]["exact"], QUOTE3B);
    assert_eq!(targets[1]["selector"][1]["type"], "TextPositionSelector");
    let bodies: Vec<(&str, &str)> = s3["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["purpose"].as_str().unwrap(), b["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        bodies,
        [
            ("describing", "speaker: Ministry of Commerce & <Trade>"),
            ("describing", "kind: mixed"),
            ("describing", "stance: supports"),
            ("describing", "status: accepted"),
            ("tagging", "trade"),
            ("tagging", "tariffs"),
        ]
    );
}

type EdgeRow = (String, String, &'static str, u32, String);

fn edges(window: Option<(&str, &str)>) -> Vec<EdgeRow> {
    let window = window.map(|(a, b)| (a.to_string(), b.to_string()));
    let net = with_data(|d| Network::build(d, window.as_ref()));
    net.edges
        .iter()
        .map(|e| {
            (
                e.source.clone(),
                e.target.clone(),
                e.relation,
                e.weight,
                e.topics.join("; "),
            )
        })
        .collect()
}

fn row(s: &str, t: &str, rel: &'static str, w: u32, topics: &str) -> EdgeRow {
    (s.into(), t.into(), rel, w, topics.into())
}

#[test]
fn network_has_affiliation_congruence_and_conflict_edges() {
    assert_eq!(
        edges(None),
        [
            row("actor:1", "topic:tariffs", "affiliation", 2, "tariffs"),
            row("actor:1", "topic:trade", "affiliation", 1, "trade"),
            row("actor:2", "topic:border", "affiliation", 1, "border"),
            row("actor:2", "topic:tariffs", "affiliation", 1, "tariffs"),
            row("actor:3", "topic:border", "affiliation", 1, "border"),
            row("actor:3", "topic:tariffs", "affiliation", 1, "tariffs"),
            row("actor:3", "topic:trade", "affiliation", 2, "trade"),
            row("actor:1", "actor:2", "congruence", 1, "tariffs"),
            row("actor:1", "actor:3", "conflict", 2, "tariffs; trade"),
            // Ministry both supported and opposed trade: it agrees and disagrees with Wang.
            row("actor:1", "actor:3", "congruence", 1, "trade"),
            row("actor:2", "actor:3", "conflict", 1, "tariffs"),
        ]
    );
    let net = with_data(|d| Network::build(d, None));
    let wang_tariffs = &net.edges[0];
    assert_eq!(wang_tariffs.stances, Some([0, 1, 0, 1]));
    assert_eq!(net.nodes[2].label, "Ministry of Commerce & <Trade>\u{7}");
    let conflict = &net.edges[8];
    assert_eq!(conflict.dates.first.as_deref(), Some("2026-05-01"));
    assert_eq!(conflict.dates.last.as_deref(), Some("2026-05-10"));
    let topic_nodes: Vec<(&str, u32)> = net
        .nodes
        .iter()
        .filter(|n| n.kind.as_deref() == Some("topic"))
        .map(|n| (n.label.as_str(), n.statements))
        .collect();
    // The rejected statement on trade is not counted.
    assert_eq!(topic_nodes, [("border", 2), ("tariffs", 4), ("trade", 3)]);
}

#[test]
fn network_window_keeps_statements_dated_inside_it() {
    assert_eq!(
        edges(Some(("2026-05-01", "2026-05-05"))),
        [
            row("actor:1", "topic:tariffs", "affiliation", 2, "tariffs"),
            row("actor:1", "topic:trade", "affiliation", 1, "trade"),
            row("actor:2", "topic:border", "affiliation", 1, "border"),
            row("actor:3", "topic:border", "affiliation", 1, "border"),
        ]
    );
    // A date-time counts by its date.
    assert_eq!(
        edges(Some(("2026-05-10", "2026-05-10"))),
        [
            row("actor:2", "topic:tariffs", "affiliation", 1, "tariffs"),
            row("actor:3", "topic:tariffs", "affiliation", 1, "tariffs"),
            row("actor:3", "topic:trade", "affiliation", 2, "trade"),
            row("actor:2", "actor:3", "conflict", 1, "tariffs"),
        ]
    );
}

#[test]
fn xml_escapes_and_drops_forbidden_characters() {
    assert_eq!(
        crate::xml::escape("a<b>&\"c'\u{0}\u{1b}\t\n\u{FFFF}é🙂"),
        "a&lt;b&gt;&amp;&quot;c&apos;&#9;&#10;é🙂"
    );
}

#[test]
fn graph_files_declare_their_attributes() {
    let g = String::from_utf8(with_data(|d| graphml(d, None).unwrap())).unwrap();
    assert!(g.contains(r#"<key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#));
    assert!(g.contains(r#"<edge id="e8" source="actor:1" target="actor:3">"#));
    assert!(g.contains(r#"<data key="label">Ministry of Commerce &amp; &lt;Trade&gt;</data>"#));
    let x = String::from_utf8(with_data(|d| gexf(d, None).unwrap())).unwrap();
    assert!(x.contains(r#"<gexf xmlns="http://www.gexf.net/1.2draft""#));
    assert!(x.contains(r#"mode="dynamic" timeformat="date""#));
    assert!(x.contains(r#"<attribute id="relation" title="relation" type="string"/>"#));
    assert!(x.contains(
        r#"source="actor:1" target="actor:3" weight="2" start="2026-05-01" end="2026-05-10">"#
    ));
}
