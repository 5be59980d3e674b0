//! Two connections writing the same notebook at once (the app and the CLI, or the app
//! and its background snapshot): every write waits its turn, none fails as busy.

use attest_store::Notebook;
use common::insert_text;
use std::path::Path;

mod common;

fn writer(path: &Path, who: &'static str) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let mut nb = Notebook::open(&path).unwrap();
        for i in 0..60 {
            // An import reads (is this text here already?) before it writes: the other
            // writer's commit in between must not make it fail.
            let text = format!("{who} filed report number {i} on the border talks today.");
            insert_text(&mut nb, &text, Default::default());
            nb.create_dossier(&format!("{who} {i}"), "").unwrap();
        }
    })
}

#[test]
fn two_connections_import_and_edit_at_once_without_busy_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.attest");
    drop(Notebook::open(&path).unwrap());
    let (a, b) = (writer(&path, "Amman"), writer(&path, "Baku"));
    a.join().expect("first writer");
    b.join().expect("second writer");
    let nb = Notebook::open(&path).unwrap();
    assert_eq!(nb.article_count().unwrap(), 120);
}
