//! Command tests: the real command handlers through Tauri's mock runtime and IPC, on a
//! real notebook file.

use attest_desktop::{builder, AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindowBuilder};

fn repo(rel: &str) -> String {
    format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"))
}

struct Harness {
    dir: tempfile::TempDir,
    webview: tauri::WebviewWindow<tauri::test::MockRuntime>,
}

impl Harness {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let app = builder(mock_builder())
            .build(mock_context(noop_assets()))
            .unwrap();
        app.manage(AppState::open(&dir.path().join("test.attest")));
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness { dir, webview }
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                // Tauri 2.11+ checks the origin; on Linux the app's own is tauri://localhost.
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|b| b.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

fn cp_span(text: &str, needle: &str) -> Value {
    json!(attest_core::text::find(text, needle).unwrap())
}

#[test]
fn drop_attribute_compile_through_the_commands() {
    let h = Harness::new();
    let reports = h.ok(
        "import_files",
        json!({
            "paths": [repo("tests/fixtures/corridor.txt"), repo("tests/fixtures/missing.txt")],
            "on_progress": "__CHANNEL__:7"
        }),
    );
    assert_eq!(reports[0]["outcome"]["status"], "imported");
    assert_eq!(reports[1]["outcome"]["status"], "failed");
    let id = reports[0]["outcome"]["article_id"].as_i64().unwrap();

    let view = h.ok("get_article", json!({"id": id}));
    let text = view["article"]["text"].as_str().unwrap().to_owned();
    assert_eq!(view["article"]["meta"]["byline"], "Staff Reporter");

    let actor = h.ok(
        "add_actor",
        json!({"actor": {"name": "Selin Aydın", "kind": "person", "aliases": ["Aydın"]}}),
    );
    let quote = "We will not let paperwork stand between our farmers and their markets";
    let statement = h.ok(
        "add_statement",
        json!({"statement": {
            "article_id": id,
            "content": [cp_span(&text, quote)],
            "speaker_actor_ids": [actor["id"]],
            "speaker_mention": null,
            "cue": null,
            "kind": "direct",
            "stance": null,
            "topics": []
        }}),
    );
    assert_eq!(statement["content"][0]["exact"], quote);
    assert!(!statement["content"][0]["prefix"]
        .as_str()
        .unwrap()
        .is_empty());
    // The reader's view places the statement by position and words, without the
    // context the back end keeps for re-attaching.
    let view = h.ok("get_article", json!({"id": id}));
    let added = view["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == statement["id"])
        .expect("the added statement is in the view");
    let anchor = &added["content"][0];
    assert_eq!(
        (&anchor["exact"], &anchor["prefix"], &anchor["suffix"]),
        (&json!(quote), &json!(""), &json!(""))
    );
    assert_eq!(anchor["start"], statement["content"][0]["start"]);

    let dossier = h.ok(
        "create_dossier",
        json!({"title": "Corridor", "description": ""}),
    );
    let detail = h.ok(
        "add_to_dossier",
        json!({"dossier_id": dossier["id"], "statement_ids": [statement["id"]]}),
    );
    assert_eq!(detail["items"].as_array().unwrap().len(), 1);

    h.ok(
        "add_section",
        json!({"dossier_id": dossier["id"], "title": "The source"}),
    );
    let detail = h.ok(
        "add_article_to_dossier",
        json!({"dossier_id": dossier["id"], "article_id": id}),
    );
    assert_eq!(detail["items"][2]["entry"]["type"], "article");
    let coded = h.ok(
        "code_statement",
        json!({"id": statement["id"], "coding": {
            "stance": "supports", "topics": ["trade"], "addressee_actor_ids": [],
            "target_actor_ids": [actor["id"]], "reported_via": "a press conference"}}),
    );
    assert_eq!(coded["targets"][0]["name"], "Selin Aydın");
    assert_eq!(coded["reported_via"], "a press conference");
    assert_eq!(
        (&coded["stance"], &coded["topics"][0]),
        (&json!("supports"), &json!("trade"))
    );
    let styles = h.ok("citation_styles", json!({}));
    let preview = h.ok("preview_citation", json!({"style": styles[1]}));
    assert!(preview
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["italic"] == true));
    let broken = h
        .call(
            "preview_citation",
            json!({"style": {"name": "custom", "template": "{% if %}"}}),
        )
        .unwrap_err();
    assert_eq!(broken["kind"], "invalid");
    h.ok("set_citation_style", json!({"style": styles[1]}));
    assert_eq!(h.ok("citation_style", json!({}))["name"], "chicago");

    for (format, ext) in [("markdown", "md"), ("docx", "docx"), ("gexf", "gexf")] {
        let out = h.dir.path().join(format!("corridor.{ext}"));
        let report = h.ok(
            "export_dossier",
            json!({"dossier_id": dossier["id"], "format": format, "path": out,
                   "on_progress": "__CHANNEL__:9"}),
        );
        assert_eq!(report["bytes"], std::fs::metadata(&out).unwrap().len());
    }
    let md = std::fs::read_to_string(h.dir.path().join("corridor.md")).unwrap();
    assert!(md.contains(quote) && md.contains("Selin Aydın"), "{md}");

    let query = h.ok(
        "create_query_dossier",
        json!({"title": "Trade", "description": "",
               "query": {"topic": "trade", "actor_id": null, "stance": null,
                         "outlet": null, "from": null, "to": null}}),
    );
    assert_eq!(query["item_count"], 1);
    let frozen = h.ok("freeze_dossier", json!({"id": query["id"]}));
    assert!(frozen["dossier"]["query"].is_null());
    let renamed = h.ok(
        "update_dossier",
        json!({"id": query["id"], "title": "Trade, as said", "description": "Two lines."}),
    );
    assert_eq!(renamed["dossier"]["title"], "Trade, as said");
    assert_eq!(renamed["dossier"]["description"], "Two lines.");
}

#[test]
fn errors_arrive_as_kind_and_message() {
    let h = Harness::new();
    let err = h.call("get_article", json!({"id": 7})).unwrap_err();
    assert_eq!(
        err,
        json!({"kind": "not_found", "message": "no article with id 7"})
    );
    let err = h
        .call("open_notebook", json!({"path": "/nonexistent/x.attest"}))
        .unwrap_err();
    assert_eq!(err["kind"], "not_found");
    let extensions = h.ok("article_extensions", json!({}));
    assert!(extensions.as_array().unwrap().contains(&json!("docx")));
    let info = h.ok("notebook_info", json!({}));
    assert!(info["path"].as_str().unwrap().ends_with("test.attest"));
}

#[test]
fn new_and_open_notebook_switch_files_and_keep_the_old_one_on_failure() {
    let h = Harness::new();
    let other = h.dir.path().join("other.attest");
    let info = h.ok("new_notebook", json!({"path": other}));
    assert_eq!(info["path"], other.display().to_string());
    assert_eq!(info["article_count"], 0);
    let reports = h.ok(
        "import_files",
        json!({"paths": [repo("tests/fixtures/corridor.txt")], "on_progress": "__CHANNEL__:7"}),
    );
    assert_eq!(
        reports[0]["outcome"]["status"], "imported",
        "the import went into the new notebook: {reports}"
    );

    let junk = h.dir.path().join("junk.attest");
    std::fs::write(&junk, vec![b'x'; 8192]).unwrap();
    let err = h.call("open_notebook", json!({"path": junk})).unwrap_err();
    assert_eq!(err["kind"], "notebook");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("not an Attest notebook"));
    let info = h.ok("notebook_info", json!({}));
    assert_eq!(
        info["path"],
        other.display().to_string(),
        "the open notebook stays"
    );
    assert_eq!(info["article_count"], 1);

    let first = h.dir.path().join("test.attest");
    let info = h.ok("open_notebook", json!({"path": first}));
    assert_eq!(info["article_count"], 0);
}

#[test]
fn a_snapshot_restores_over_a_damaged_notebook_from_the_window() {
    let h = Harness::new();
    h.ok(
        "import_files",
        json!({"paths": [repo("tests/fixtures/corridor.txt")], "on_progress": "__CHANNEL__:7"}),
    );
    let snapshot = h.ok("create_snapshot", json!({}));
    assert_eq!(snapshot["reason"], "manual");
    h.ok(
        "create_dossier",
        json!({"title": "After the snapshot", "description": ""}),
    );
    let listed = h.ok("list_snapshots", json!({}));
    assert_eq!(listed[0]["path"], snapshot["path"]);

    let info = h.ok("restore_snapshot", json!({"path": snapshot["path"]}));
    assert_eq!(info["article_count"], 1);
    assert_eq!(
        h.ok("list_dossiers", json!({})),
        json!([]),
        "back as it was"
    );
    let kept: Vec<_> = std::fs::read_dir(h.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".replaced-"))
        .collect();
    assert_eq!(kept.len(), 1, "the replaced notebook is kept aside");
}

/// The reader's review of the seed: proposals on first open, a name made an actor
/// resolves their speakers, accept, reject, correct the speaker, quote variants.
#[test]
fn the_seed_is_reviewed_through_the_commands() {
    let h = Harness::new();
    let seed = format!(
        "{}/../shared/corpus/seed/article.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let reports = h.ok(
        "import_files",
        json!({"paths": [seed], "on_progress": "__CHANNEL__:7"}),
    );
    let id = reports[0]["outcome"]["article_id"].as_i64().unwrap();

    let proposed = |view: &Value| -> Vec<Value> {
        view["statements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["status"] == "proposed")
            .cloned()
            .collect()
    };
    let view = h.ok("get_article", json!({"id": id}));
    let first = proposed(&view);
    assert!(first.len() >= 10, "{} proposals", first.len());
    let mentioned: Vec<&str> = view["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["actor"]["name"].as_str().unwrap())
        .collect();
    assert!(mentioned.contains(&"China") && mentioned.contains(&"Pakistan"));
    let by_wang = |view: &Value| {
        proposed(view)
            .iter()
            .filter(|s| s["speakers"][0]["name"] == "Wang Yi")
            .count()
    };
    assert_eq!(by_wang(&view), 0, "no Wang Yi yet");

    // The name made an actor in the reader: opening again finds the speakers.
    let wang = h.ok(
        "add_actor",
        json!({"actor": {"name": "Wang Yi", "kind": "person", "aliases": []}}),
    );
    h.ok(
        "add_alias_with",
        json!({"actor_id": wang["id"], "alias": {"alias": "Wang", "weak": true, "metonym": false, "demonym": false}}),
    );
    let view = h.ok("get_article", json!({"id": id}));
    assert!(by_wang(&view) >= 4, "{:#}", view["statements"]);
    assert_eq!(proposed(&view).len(), first.len(), "nothing proposed twice");

    let statements = proposed(&view);
    let accepted = h.ok("accept_statement", json!({"id": statements[0]["id"]}));
    assert_eq!(accepted["status"], "accepted");
    let rejected = h.ok("reject_statement", json!({"id": statements[1]["id"]}));
    assert_eq!(rejected["status"], "rejected");
    let dar = h.ok(
        "add_actor",
        json!({"actor": {"name": "Ishaq Dar", "kind": "person", "aliases": []}}),
    );
    let corrected = h.ok(
        "set_statement_actors",
        json!({"id": statements[2]["id"], "role": "speaker", "actor_ids": [dar["id"]]}),
    );
    assert_eq!(corrected["speakers"][0]["name"], "Ishaq Dar");
    assert_eq!(corrected["status"], "proposed", "still to review");

    // The pull quote and the body's version are variants: defending / safeguarding.
    let variants = h.ok("article_variants", json!({"article_id": id}));
    let diffs = variants.to_string();
    assert!(
        diffs.contains("defending") && diffs.contains("safeguarding"),
        "{variants:#}"
    );
    let actors = h.ok("list_actors", json!({ "counted": true }));
    let wang_row = actors
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Wang Yi")
        .unwrap();
    assert_eq!(
        wang_row["statement_count"],
        u64::from(statements[0]["speakers"][0]["name"] == "Wang Yi"),
        "only accepted statements count"
    );
}

#[test]
fn edits_undo_redo_and_the_trash_through_the_commands() {
    let h = Harness::new();
    let reports = h.ok(
        "import_files",
        json!({"paths": [repo("tests/fixtures/corridor.txt")], "on_progress": "__CHANNEL__:7"}),
    );
    let id = reports[0]["outcome"]["article_id"].as_i64().unwrap();
    let text = h.ok("get_article", json!({"id": id}))["article"]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    let highlights = |h: &Harness| h.ok("get_article", json!({"id": id}))["annotations"].clone();
    let before = highlights(&h).as_array().unwrap().len();
    let quote = "paperwork";
    let added = h.ok(
        "add_annotation",
        json!({"article_id": id, "span": cp_span(&text, quote), "note": ""}),
    );
    assert_eq!(
        h.ok("undo_state", json!({})),
        json!({"undo": "Add highlight", "redo": null})
    );
    assert_eq!(h.ok("undo", json!({})), json!("Add highlight"));
    assert_eq!(highlights(&h).as_array().unwrap().len(), before);
    assert_eq!(h.ok("redo", json!({})), json!("Add highlight"));
    assert_eq!(highlights(&h).as_array().unwrap().len(), before + 1);

    let entry = h.ok("delete_annotation", json!({"id": added["id"]}));
    assert_eq!(entry["label"], quote);
    assert_eq!(h.ok("list_trash", json!({}))[0]["kind"], "annotation");
    h.ok("restore_from_trash", json!({"id": entry["id"]}));
    assert_eq!(h.ok("list_trash", json!({})), json!([]));
    assert_eq!(h.ok("undo", json!({})), json!("Restore highlight"));
    assert_eq!(h.ok("undo", json!({})), json!("Delete highlight"));
    assert_eq!(highlights(&h).as_array().unwrap().len(), before + 1);
    h.ok("delete_article", json!({"id": id}));
    assert_eq!(h.ok("empty_trash", json!({})), json!(1));
    let err = h.call("restore_from_trash", json!({"id": 1})).unwrap_err();
    assert_eq!(err["kind"], "not_found");
}
