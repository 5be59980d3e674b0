//! Actor networks, as GraphML (networkx, yEd, igraph) and GEXF 1.2draft (Gephi,
//! networkx; networkx reads 1.1draft and 1.2draft, not 1.3).
//!
//! Nodes are the speakers (`kind` = their actor kind) and the topics (`kind` =
//! "topic"). Edges, undirected:
//! - actor–topic, `relation` = "affiliation": weight = the actor's statements on the
//!   topic, with their stances counted in `stance_supports`, `stance_opposes`,
//!   `stance_neutral` and `stance_uncoded`;
//! - actor–actor, `relation` = "congruence" or "conflict", as in Discourse Network
//!   Analysis (Leifeld). Congruence weight = the number of (topic, stance) pairs both
//!   actors stated, so two actors who both supported and both opposed a topic at
//!   different times count twice, as DNA counts shared concept+agreement pairs.
//!   Conflict weight = the number of topics one supported and the other opposed.
//!   `topics` lists the topics behind the edge. Neutral and uncoded stances take no
//!   side, so they make no actor–actor edge. Two actors can have both edges, so the
//!   graph can be a multigraph (networkx then returns a `MultiGraph`).
//!
//! Every edge carries `start` and `end`: the first and last publication date (ISO
//! date) of the statements behind it, absent when none is dated. Rejected statements
//! are left out; a time window keeps only statements whose article date falls in it.

use super::DataSet;
use crate::xml::escape;
use crate::ExportError;
use attest_core::{Article, Stance, StatementStatus};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The actor network as GraphML, for statements in `window` (inclusive ISO dates).
pub fn graphml(data: &DataSet, window: Option<(String, String)>) -> Result<Vec<u8>, ExportError> {
    write_graphml(&Network::build(data, window.as_ref())).map_err(|e| fail("GraphML", e))
}

/// The actor network as GEXF 1.2draft, for statements in `window` (inclusive ISO dates).
pub fn gexf(data: &DataSet, window: Option<(String, String)>) -> Result<Vec<u8>, ExportError> {
    write_gexf(&Network::build(data, window.as_ref())).map_err(|e| fail("GEXF", e))
}

fn fail(format: &'static str, e: std::fmt::Error) -> ExportError {
    ExportError::Write {
        format,
        reason: e.to_string(),
    }
}

pub(super) struct Node {
    pub(super) id: String,
    pub(super) label: String,
    /// Actor kind, or "topic"; `None` for a speaker missing from the data set's actors.
    pub(super) kind: Option<String>,
    pub(super) statements: u32,
}

pub(super) struct Edge {
    pub(super) source: String,
    pub(super) target: String,
    pub(super) relation: &'static str,
    pub(super) weight: u32,
    pub(super) topics: Vec<String>,
    /// supports, opposes, neutral, uncoded: on actor–topic edges only.
    pub(super) stances: Option<[u32; 4]>,
    pub(super) dates: Dates,
}

/// First and last ISO date seen.
#[derive(Default, Clone)]
pub(super) struct Dates {
    pub(super) first: Option<String>,
    pub(super) last: Option<String>,
}

impl Dates {
    fn add(&mut self, date: Option<&str>) {
        let Some(d) = date else { return };
        if self.first.as_deref().is_none_or(|f| d < f) {
            self.first = Some(d.to_string());
        }
        if self.last.as_deref().is_none_or(|l| d > l) {
            self.last = Some(d.to_string());
        }
    }

    fn merge(&mut self, other: &Dates) {
        self.add(other.first.as_deref());
        self.add(other.last.as_deref());
    }
}

/// An actor's statements on one topic.
#[derive(Default)]
struct Position {
    /// supports, opposes, neutral, uncoded.
    stances: [u32; 4],
    dates: Dates,
    /// Dates of the supporting and of the opposing statements.
    side_dates: [Dates; 2],
}

const SUPPORTS: usize = 0;
const OPPOSES: usize = 1;

impl Position {
    fn sided(&self, side: usize) -> bool {
        self.stances[side] > 0
    }
}

#[derive(Default)]
struct Pair {
    weight: u32,
    topics: BTreeSet<String>,
    dates: Dates,
}

pub(super) struct Network {
    pub(super) nodes: Vec<Node>,
    pub(super) edges: Vec<Edge>,
    pub(super) window: Option<(String, String)>,
}

/// The ISO date part of the article's publication date ("2026-05-01T09:00Z" →
/// "2026-05-01"); `None` when unknown or not ISO.
fn article_date(article: Option<&Article>) -> Option<&str> {
    let p = article?.meta.published.as_deref()?.trim();
    let d = p.get(..10).unwrap_or(p);
    d.starts_with(|c: char| c.is_ascii_digit()).then_some(d)
}

fn actor_id(id: i64) -> String {
    format!("actor:{id}")
}

fn topic_id(topic: &str) -> String {
    format!("topic:{topic}")
}

impl Network {
    pub(super) fn build(data: &DataSet, window: Option<&(String, String)>) -> Self {
        let mut actors: BTreeMap<i64, (String, u32)> = BTreeMap::new();
        let mut topics: BTreeMap<String, u32> = BTreeMap::new();
        let mut positions: BTreeMap<(String, i64), Position> = BTreeMap::new();

        for s in data.statements {
            if s.status == StatementStatus::Rejected {
                continue;
            }
            let date = article_date(data.article(s.article_id));
            if let Some((from, to)) = window {
                match date {
                    Some(d) if from.as_str() <= d && d <= to.as_str() => {}
                    _ => continue,
                }
            }
            let stance = match s.stance {
                Some(Stance::Supports) => 0,
                Some(Stance::Opposes) => 1,
                Some(Stance::Neutral) => 2,
                None => 3,
            };
            // Tags are kept as the analyst wrote them, less stray spaces.
            let tags: BTreeSet<&str> = s
                .topics
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            for t in &tags {
                *topics.entry(t.to_string()).or_default() += 1;
            }
            let speakers: BTreeMap<i64, &str> =
                s.speakers.iter().map(|r| (r.id, r.name.as_str())).collect();
            for (&id, name) in &speakers {
                actors.entry(id).or_insert_with(|| (name.to_string(), 0)).1 += 1;
                for t in &tags {
                    let p = positions.entry((t.to_string(), id)).or_default();
                    p.stances[stance] += 1;
                    p.dates.add(date);
                    if stance <= OPPOSES {
                        p.side_dates[stance].add(date);
                    }
                }
            }
        }

        let mut nodes: Vec<Node> = actors
            .iter()
            .map(|(&id, (name, count))| {
                let actor = data.actors.get(&id);
                Node {
                    id: actor_id(id),
                    label: actor.map_or(name.clone(), |a| a.name.clone()),
                    kind: actor.map(|a| a.kind.as_str().to_string()),
                    statements: *count,
                }
            })
            .collect();
        nodes.extend(topics.iter().map(|(t, &count)| Node {
            id: topic_id(t),
            label: t.clone(),
            kind: Some("topic".into()),
            statements: count,
        }));

        let mut edges: Vec<Edge> = Vec::new();
        let mut actor_order: Vec<(i64, &String, &Position)> =
            positions.iter().map(|((t, id), p)| (*id, t, p)).collect();
        actor_order.sort_by_key(|(id, t, _)| (*id, t.as_str()));
        for (id, t, p) in actor_order {
            edges.push(Edge {
                source: actor_id(id),
                target: topic_id(t),
                relation: "affiliation",
                weight: p.stances.iter().sum(),
                topics: vec![t.clone()],
                stances: Some(p.stances),
                dates: p.dates.clone(),
            });
        }

        // Positions are keyed (topic, actor): each topic's actors come together, in id order.
        let mut by_topic: BTreeMap<&str, Vec<(i64, &Position)>> = BTreeMap::new();
        for ((t, id), p) in &positions {
            by_topic.entry(t).or_default().push((*id, p));
        }
        let mut pairs: BTreeMap<(i64, i64, &'static str), Pair> = BTreeMap::new();
        for (t, stated) in &by_topic {
            for (i, (a, pa)) in stated.iter().enumerate() {
                for (b, pb) in &stated[i + 1..] {
                    for side in [SUPPORTS, OPPOSES] {
                        if pa.sided(side) && pb.sided(side) {
                            let pair = pairs.entry((*a, *b, "congruence")).or_default();
                            pair.weight += 1;
                            pair.topics.insert(t.to_string());
                            pair.dates.merge(&pa.side_dates[side]);
                            pair.dates.merge(&pb.side_dates[side]);
                        }
                    }
                    let mut conflict: Option<Dates> = None;
                    for (sa, sb) in [(SUPPORTS, OPPOSES), (OPPOSES, SUPPORTS)] {
                        if pa.sided(sa) && pb.sided(sb) {
                            let d = conflict.get_or_insert_with(Dates::default);
                            d.merge(&pa.side_dates[sa]);
                            d.merge(&pb.side_dates[sb]);
                        }
                    }
                    if let Some(d) = conflict {
                        let pair = pairs.entry((*a, *b, "conflict")).or_default();
                        pair.weight += 1;
                        pair.topics.insert(t.to_string());
                        pair.dates.merge(&d);
                    }
                }
            }
        }
        edges.extend(pairs.into_iter().map(|((a, b, relation), p)| Edge {
            source: actor_id(a),
            target: actor_id(b),
            relation,
            weight: p.weight,
            topics: p.topics.into_iter().collect(),
            stances: None,
            dates: p.dates,
        }));

        Network {
            nodes,
            edges,
            window: window.cloned(),
        }
    }

    fn description(&self) -> String {
        let mut d = String::from(
            "Attest actor network: actor-topic affiliation and actor-actor congruence/conflict edges",
        );
        if let Some((from, to)) = &self.window {
            d.push_str(&format!(", statements published {from} to {to}"));
        }
        d
    }
}

/// Declared attributes: (name, GraphML type, GEXF type).
const NODE_ATTRS: &[(&str, &str, &str)] = &[
    ("kind", "string", "string"),
    ("statements", "int", "integer"),
];
const EDGE_ATTRS: &[(&str, &str, &str)] = &[
    ("relation", "string", "string"),
    ("topics", "string", "string"),
    ("stance_supports", "int", "integer"),
    ("stance_opposes", "int", "integer"),
    ("stance_neutral", "int", "integer"),
    ("stance_uncoded", "int", "integer"),
];

fn node_values(n: &Node) -> Vec<(&'static str, String)> {
    let mut v = Vec::new();
    if let Some(k) = &n.kind {
        v.push(("kind", k.clone()));
    }
    v.push(("statements", n.statements.to_string()));
    v
}

fn edge_values(e: &Edge) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("relation", e.relation.to_string()),
        ("topics", e.topics.join("; ")),
    ];
    if let Some([sup, opp, neu, unc]) = e.stances {
        v.push(("stance_supports", sup.to_string()));
        v.push(("stance_opposes", opp.to_string()));
        v.push(("stance_neutral", neu.to_string()));
        v.push(("stance_uncoded", unc.to_string()));
    }
    v
}

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

fn write_graphml(net: &Network) -> Result<Vec<u8>, std::fmt::Error> {
    let mut x = String::from(XML_DECL);
    x.push_str(concat!(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns",
        " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    ));
    let key = |x: &mut String, scope: &str, name: &str, ty: &str| {
        writeln!(
            x,
            "  <key id=\"{name}\" for=\"{scope}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )
    };
    key(&mut x, "node", "label", "string")?;
    for (name, ty, _) in NODE_ATTRS {
        key(&mut x, "node", name, ty)?;
    }
    key(&mut x, "edge", "weight", "double")?;
    for (name, ty, _) in EDGE_ATTRS {
        key(&mut x, "edge", name, ty)?;
    }
    key(&mut x, "edge", "start", "string")?;
    key(&mut x, "edge", "end", "string")?;
    writeln!(x, "  <graph id=\"attest\" edgedefault=\"undirected\">")?;
    writeln!(x, "    <desc>{}</desc>", escape(&net.description()))?;
    let data = |x: &mut String, k: &str, v: &str| {
        writeln!(x, "      <data key=\"{k}\">{}</data>", escape(v))
    };
    for n in &net.nodes {
        writeln!(x, "    <node id=\"{}\">", escape(&n.id))?;
        data(&mut x, "label", &n.label)?;
        for (k, v) in node_values(n) {
            data(&mut x, k, &v)?;
        }
        writeln!(x, "    </node>")?;
    }
    for (i, e) in net.edges.iter().enumerate() {
        writeln!(
            x,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            escape(&e.source),
            escape(&e.target)
        )?;
        data(&mut x, "weight", &f64::from(e.weight).to_string())?;
        for (k, v) in edge_values(e) {
            data(&mut x, k, &v)?;
        }
        if let Some(d) = &e.dates.first {
            data(&mut x, "start", d)?;
        }
        if let Some(d) = &e.dates.last {
            data(&mut x, "end", d)?;
        }
        writeln!(x, "    </edge>")?;
    }
    x.push_str("  </graph>\n</graphml>\n");
    Ok(x.into_bytes())
}

fn write_gexf(net: &Network) -> Result<Vec<u8>, std::fmt::Error> {
    let mut x = String::from(XML_DECL);
    x.push_str(concat!(
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\"",
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        " xsi:schemaLocation=\"http://www.gexf.net/1.2draft",
        " http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n",
    ));
    writeln!(
        x,
        "  <meta>\n    <creator>Attest</creator>\n    <description>{}</description>\n  </meta>",
        escape(&net.description())
    )?;
    // Dated edges make a dynamic graph, so Gephi's timeline can filter them.
    let dynamic = net.edges.iter().any(|e| e.dates.first.is_some());
    let mode = if dynamic {
        "mode=\"dynamic\" timeformat=\"date\""
    } else {
        "mode=\"static\""
    };
    writeln!(x, "  <graph {mode} defaultedgetype=\"undirected\">")?;
    for (class, attrs) in [("node", NODE_ATTRS), ("edge", EDGE_ATTRS)] {
        writeln!(x, "    <attributes class=\"{class}\" mode=\"static\">")?;
        for (name, _, ty) in attrs {
            writeln!(
                x,
                "      <attribute id=\"{name}\" title=\"{name}\" type=\"{ty}\"/>"
            )?;
        }
        writeln!(x, "    </attributes>")?;
    }
    let attvalues = |x: &mut String, values: Vec<(&str, String)>| -> std::fmt::Result {
        writeln!(x, "        <attvalues>")?;
        for (k, v) in values {
            writeln!(
                x,
                "          <attvalue for=\"{k}\" value=\"{}\"/>",
                escape(&v)
            )?;
        }
        writeln!(x, "        </attvalues>")
    };
    writeln!(x, "    <nodes>")?;
    for n in &net.nodes {
        writeln!(
            x,
            "      <node id=\"{}\" label=\"{}\">",
            escape(&n.id),
            escape(&n.label)
        )?;
        attvalues(&mut x, node_values(n))?;
        writeln!(x, "      </node>")?;
    }
    writeln!(x, "    </nodes>\n    <edges>")?;
    for (i, e) in net.edges.iter().enumerate() {
        write!(
            x,
            "      <edge id=\"e{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"",
            escape(&e.source),
            escape(&e.target),
            f64::from(e.weight)
        )?;
        if let Some(d) = &e.dates.first {
            write!(x, " start=\"{}\"", escape(d))?;
        }
        if let Some(d) = &e.dates.last {
            write!(x, " end=\"{}\"", escape(d))?;
        }
        writeln!(x, ">")?;
        attvalues(&mut x, edge_values(e))?;
        writeln!(x, "      </edge>")?;
    }
    x.push_str("    </edges>\n  </graph>\n</gexf>\n");
    Ok(x.into_bytes())
}
