//! Annotations and statements as W3C Web Annotations (JSON-LD), which annotation tools
//! (Hypothesis, Recogito, IIIF viewers) and RDF stores read.
//!
//! One `AnnotationCollection` whose embedded first `AnnotationPage` holds every item,
//! as the model's own examples do. Each target names the article (its URL, else
//! `urn:attest:article:ID`) and two equivalent selectors: the quote with its context
//! and the code-point range. Rejected statements are left out: they are extraction
//! proposals the analyst turned down, not claims about the text.

use super::{source_iri, DataSet};
use crate::ExportError;
use attest_core::{Anchor, Annotation, Statement, StatementStatus};
use serde_json::{json, Value};

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

pub fn web_annotations_jsonld(data: &DataSet) -> Result<Vec<u8>, ExportError> {
    let items: Vec<Value> = data
        .annotations
        .iter()
        .map(|a| annotation(data, a))
        .chain(
            data.statements
                .iter()
                .filter(|s| s.status != StatementStatus::Rejected)
                .map(|s| statement(data, s)),
        )
        .collect();
    let doc = json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "Attest export",
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    serde_json::to_vec_pretty(&doc).map_err(|e| ExportError::Write {
        format: "JSON-LD",
        reason: e.to_string(),
    })
}

/// A highlight, or a comment when the analyst wrote a note.
fn annotation(data: &DataSet, a: &Annotation) -> Value {
    let mut item = json!({
        "id": format!("urn:attest:annotation:{}", a.id),
        "type": "Annotation",
        "motivation": "highlighting",
        "created": a.created_at,
        "target": target(data, a.article_id, std::slice::from_ref(&a.anchor)),
    });
    if !a.note.trim().is_empty() {
        item["motivation"] = json!("commenting");
        item["body"] = json!({
            "type": "TextualBody",
            "purpose": "commenting",
            "value": a.note,
            "format": "text/plain",
        });
    }
    item
}

/// Who said it, how, with which stance (describing) and about what (tagging).
fn statement(data: &DataSet, s: &Statement) -> Value {
    let describing =
        |value: String| json!({ "type": "TextualBody", "purpose": "describing", "value": value });
    let mut body: Vec<Value> = s
        .speakers
        .iter()
        .map(|r| describing(format!("speaker: {}", r.name)))
        .collect();
    body.push(describing(format!("kind: {}", s.kind.as_str())));
    if let Some(stance) = s.stance {
        body.push(describing(format!("stance: {}", stance.as_str())));
    }
    body.push(describing(format!("status: {}", s.status.as_str())));
    body.extend(
        s.topics
            .iter()
            .map(|t| json!({ "type": "TextualBody", "purpose": "tagging", "value": t })),
    );
    json!({
        "id": format!("urn:attest:statement:{}", s.id),
        "type": "Annotation",
        "motivation": "describing",
        "created": s.created_at,
        "body": body,
        "target": target(data, s.article_id, &s.content),
    })
}

/// One target per anchor (a single object when there is one); the whole article when
/// there is none.
fn target(data: &DataSet, article_id: i64, anchors: &[Anchor]) -> Value {
    let source = source_iri(article_id, data.article(article_id));
    let mut targets: Vec<Value> = anchors
        .iter()
        .map(|a| json!({ "source": source, "selector": selectors(a) }))
        .collect();
    match targets.len() {
        0 => json!(source),
        1 => targets.remove(0),
        _ => Value::Array(targets),
    }
}

fn selectors(a: &Anchor) -> Value {
    let mut quote = json!({ "type": "TextQuoteSelector", "exact": a.exact });
    // Empty context says nothing; the model makes prefix and suffix optional.
    if !a.prefix.is_empty() {
        quote["prefix"] = json!(a.prefix);
    }
    if !a.suffix.is_empty() {
        quote["suffix"] = json!(a.suffix);
    }
    json!([
        quote,
        { "type": "TextPositionSelector", "start": a.start, "end": a.end },
    ])
}
