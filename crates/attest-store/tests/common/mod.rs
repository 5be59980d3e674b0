//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/notebook-v{version}.attest"))
}

/// A copy of the fixture of `version` in `dir`, named `name`.
pub fn copy_fixture(version: i64, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(fixture(version), &path).unwrap();
    path
}

/// Opens `path` read-only with plain SQLite.
pub fn read_only(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

pub fn pragma_rows(conn: &rusqlite::Connection, pragma: &str) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}")).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// `PRAGMA integrity_check` says ok and `PRAGMA foreign_key_check` finds nothing.
pub fn assert_healthy(path: &Path) {
    let conn = read_only(path);
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(integrity, ["ok"], "{}", path.display());
    assert_eq!(
        pragma_rows(&conn, "foreign_key_check"),
        Vec::<String>::new(),
        "{}",
        path.display()
    );
}

pub fn user_version(path: &Path) -> i64 {
    read_only(path)
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

/// Every row of every table, as text: two files with equal dumps hold the same data.
pub fn dump(path: &Path) -> Vec<String> {
    let conn = read_only(path);
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .or_else(|_| conn.prepare(&format!("SELECT * FROM \"{table}\"")))
            .unwrap();
        let n = stmt.column_count();
        let rows: Vec<String> = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        out.extend(rows.into_iter().map(|r| format!("{table}: {r}")));
    }
    out
}

/// Stores `text` as an imported .txt article with `meta`; returns its id (panics on a
/// duplicate).
pub fn insert_text(
    nb: &mut attest_store::Notebook,
    text: &str,
    meta: attest_core::ArticleMeta,
) -> i64 {
    let draft = attest_core::ArticleDraft {
        meta,
        text: text.into(),
        fallback_title: "f".into(),
        format: attest_core::SourceFormat::Text,
        warnings: vec![],
    };
    let source = attest_store::SourceFile {
        name: "a.txt",
        path: "/tmp/a.txt",
        bytes: text.as_bytes(),
        sha256: "00",
    };
    let keys = attest_core::similarity::ArticleKeys::of(text);
    match nb.insert_article(&draft, &source, &keys).unwrap() {
        attest_store::InsertOutcome::Inserted { id, .. } => id,
        other => panic!("{other:?}"),
    }
}
