//! ZIP archives of articles: written here with the `zip` crate's writer (and by hand for
//! the bomb), from the repository's own fixtures.

use crate::office::tests::{deflated_spaces, package, peak_rss, raw_zip, small_part};
use crate::test_support::{assert_reads_as_corridor, repo_file};
use crate::{import_file, Entry, ImportError};
use attest_core::SourceFormat;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

/// A ZIP of binary entries (the `package` helper takes text).
fn archive(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in entries {
        w.start_file(*name, SimpleFileOptions::default()).unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo_file(&format!("tests/fixtures/{name}"))).unwrap()
}

fn import_bytes(bytes: &[u8]) -> Vec<Entry> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("articles.zip");
    std::fs::write(&path, bytes).unwrap();
    import_file(&path)
}

fn outcome(entries: &[Entry], part: &str) -> Result<SourceFormat, ImportError> {
    let entry = entries
        .iter()
        .find(|e| e.part.as_deref() == Some(part))
        .unwrap_or_else(|| panic!("no entry {part}"));
    match &entry.result {
        Ok(imported) => Ok(imported.draft.format),
        Err(e) => Err(e.clone()),
    }
}

#[test]
fn each_article_file_inside_is_imported_on_its_own() {
    let bytes = archive(&[
        ("news/", vec![]),
        ("news/corridor.txt", fixture("corridor.txt")),
        ("news/budget-note.md", fixture("budget-note.md")),
        ("news/word/corridor.docx", fixture("corridor.docx")),
        (
            "news/photo.jpg",
            b"\xFF\xD8\xFF\xE0 not an article".to_vec(),
        ),
        ("__MACOSX/news/._corridor.txt", b"resource fork".to_vec()),
        ("news/.DS_Store", b"\0\0\0\x01Bud1".to_vec()),
        ("news/empty.txt", vec![]),
        ("../outside.txt", b"The minister said".to_vec()),
        (
            "inner.zip",
            archive(&[("x.txt", b"A nested article.".to_vec())]),
        ),
    ]);
    let entries = import_bytes(&bytes);
    let parts: Vec<_> = entries.iter().map(|e| e.part.clone().unwrap()).collect();
    assert_eq!(
        parts,
        [
            "news/corridor.txt",
            "news/budget-note.md",
            "news/word/corridor.docx",
            "news/empty.txt",
            "../outside.txt",
            "inner.zip"
        ],
        "folders, pictures, hidden files and resource forks are skipped"
    );
    assert_eq!(
        outcome(&entries, "news/corridor.txt"),
        Ok(SourceFormat::Text)
    );
    assert_eq!(
        outcome(&entries, "news/budget-note.md"),
        Ok(SourceFormat::Markdown)
    );
    assert_eq!(
        outcome(&entries, "news/word/corridor.docx"),
        Ok(SourceFormat::Docx)
    );
    assert_eq!(outcome(&entries, "news/empty.txt"), Err(ImportError::Empty));
    assert_eq!(
        outcome(&entries, "../outside.txt"),
        Err(ImportError::UnsafePath)
    );
    assert_eq!(
        outcome(&entries, "inner.zip"),
        Err(ImportError::NestedArchive)
    );

    let docx = entries[2].result.as_ref().unwrap();
    assert_reads_as_corridor(&docx.draft, SourceFormat::Docx);
    assert_eq!(docx.source.name, "corridor.docx");
    assert_eq!(
        docx.source.bytes,
        fixture("corridor.docx"),
        "the entry's own bytes are kept"
    );
}

#[test]
fn an_archive_without_articles_says_so() {
    let bytes = archive(&[("photo.jpg", b"\xFF\xD8\xFF".to_vec()), ("notes/", vec![])]);
    let entries = import_bytes(&bytes);
    assert_eq!(entries.len(), 1);
    let err = entries[0].result.as_ref().unwrap_err();
    assert_eq!(err, &ImportError::EmptyArchive);
    assert!(err
        .to_string()
        .starts_with("the archive holds no article files (it reads"));
}

#[test]
fn a_truncated_archive_is_damaged() {
    let bytes = package(&[
        ("a.txt", "The minister said."),
        ("b.txt", "The envoy said."),
    ]);
    for cut in [bytes.len() / 2, bytes.len() - 10, 10] {
        let entries = import_bytes(&bytes[..cut]);
        assert_eq!(entries.len(), 1, "cut at {cut}");
        let err = entries[0].result.as_ref().unwrap_err();
        assert!(
            matches!(err, ImportError::Damaged(_)),
            "cut at {cut}: {err:?}"
        );
    }
}

#[test]
fn a_zip_bomb_entry_fails_alone_and_memory_stays_bounded() {
    let article = small_part("The foreign minister said the corridor would open in spring.");
    let bomb = deflated_spaces("The minister said", 1000, ".");
    assert!(bomb.size > 1_000_000_000);
    let before = peak_rss();
    let bytes = raw_zip(&[
        ("first.txt", &article, article.size),
        ("bomb.txt", &bomb, 20_000_000),
        ("honest-bomb.txt", &bomb, u32::MAX as u64 - 1),
        ("last.txt", &article, article.size),
    ]);
    let entries = import_bytes(&bytes);
    assert_eq!(outcome(&entries, "first.txt"), Ok(SourceFormat::Text));
    assert_eq!(outcome(&entries, "last.txt"), Ok(SourceFormat::Text));
    assert!(outcome(&entries, "bomb.txt").is_err());
    assert!(matches!(
        outcome(&entries, "honest-bomb.txt"),
        Err(ImportError::Unpacks { .. })
    ));
    if let (Some(before), Some(after)) = (before, peak_rss()) {
        let grown = after.saturating_sub(before);
        assert!(grown < 150_000_000, "peak memory grew by {grown} bytes");
    }
}
