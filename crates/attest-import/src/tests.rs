use super::*;
use crate::test_support::{assert_reads_as_corridor, import_one, non_ws, repo_file};
use attest_core::ArticleMeta;
use std::path::PathBuf;

#[test]
fn seed_shaped_fixture_gives_byline_dateline_and_no_invented_title() {
    let path = repo_file("tests/fixtures/corridor.txt");
    let imported = import_one(&path).unwrap();
    let d = &imported.draft;
    let source = std::fs::read_to_string(&path).unwrap();
    assert_reads_as_corridor(d, SourceFormat::Text);
    assert_eq!(d.text, source, "plain UTF-8 text is stored byte for byte");
    assert_eq!(
        d.fallback_title,
        "Turkey’s Trade Minister Selin Aydın said on Tuesday that the new border corridor with…"
    );
    assert_eq!(imported.source.bytes, source.as_bytes());
    assert_eq!(imported.source.sha256.len(), 64);
}

#[test]
fn the_seed_article_reads_as_the_analyst_annotated_it() {
    let path = repo_file("../shared/corpus/seed/article.txt");
    let Ok(source) = std::fs::read_to_string(&path) else {
        panic!("the seed is expected at {}", path.display());
    };
    let d = import_one(&path).unwrap().draft;
    assert_eq!(non_ws(&d.text), non_ws(&source));
    assert_eq!(d.meta.title, None);
    assert_eq!(d.meta.byline.as_deref(), Some("News Desk"));
    assert_eq!(d.meta.dateline.as_deref(), Some("BEIJING"));
    assert!(d
        .fallback_title
        .starts_with("China’s Foreign Minister Wang Yi has reiterated"));
}

#[test]
fn markdown_front_matter_and_heading() {
    let d = import_one(&repo_file("tests/fixtures/budget-note.md"))
        .unwrap()
        .draft;
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Finance ministry publishes spring budget outline")
    );
    assert_eq!(d.meta.byline.as_deref(), Some("Lena Hoffmann"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-03-14"));
    assert_eq!(d.meta.outlet.as_deref(), Some("The Ledger Review"));
    assert_eq!(d.meta.language.as_deref(), Some("en"));
    assert_eq!(d.meta.dateline.as_deref(), Some("BERLIN"));
    assert!(d.warnings.is_empty());
}

#[test]
fn headline_and_by_line() {
    let text = "Ceasefire talks resume in Doha\n\nBy Amina Yusuf and Tom Reed\n\nDOHA, March 3 (Reuters) - Negotiators met again on Monday. Mr. Reed said little.";
    let d = extract(text.as_bytes(), "x.txt", SourceFormat::Text).unwrap();
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Ceasefire talks resume in Doha")
    );
    assert_eq!(d.meta.byline.as_deref(), Some("Amina Yusuf and Tom Reed"));
    assert_eq!(d.meta.dateline.as_deref(), Some("DOHA"));
    assert_eq!(d.fallback_title, "Negotiators met again on Monday");
}

#[test]
fn plain_prose_invents_nothing() {
    let text = "the committee met on tuesday and nothing was decided.\nit will meet again.";
    let d = extract(text.as_bytes(), "minutes.txt", SourceFormat::Text).unwrap();
    assert_eq!(
        d.meta,
        ArticleMeta {
            language: Some("en".into()),
            ..Default::default()
        }
    );
    let short = extract(b"ok then", "x.txt", SourceFormat::Text).unwrap();
    assert_eq!(short.meta.language, None, "too short to tell");
    assert_eq!(
        d.fallback_title,
        "the committee met on tuesday and nothing was decided"
    );
    let one_word = extract(b"...", "notes.txt", SourceFormat::Text).unwrap();
    assert_eq!(one_word.fallback_title, "...");
}

#[test]
fn language_is_detected_when_confident() {
    let de = "Das Finanzministerium hat am Freitag den Entwurf des Haushalts vorgelegt und erklärt, dass die Steuern nicht steigen werden.";
    let d = extract(de.as_bytes(), "x.txt", SourceFormat::Text).unwrap();
    assert_eq!(d.meta.language.as_deref(), Some("de"));
}

#[test]
fn legacy_encodings_are_detected_and_decoded() {
    // Windows-1252: curly quotes and an e-acute, as a Word user on Windows saves them.
    let cp1252 = b"\x93Caf\xe9 society is over,\x94 the minister said on Tuesday in Paris, \
                   according to a statement released by the ministry of culture.";
    let d = extract(cp1252, "x.txt", SourceFormat::Text).unwrap();
    assert!(
        d.text
            .starts_with("“Café society is over,” the minister said"),
        "{}",
        d.text
    );
    assert_eq!(
        d.warnings.last().map(String::as_str),
        Some("the file is not UTF-8; its encoding was detected as windows-1252")
    );
    // UTF-16 big-endian with a BOM.
    let mut be = vec![0xFE, 0xFF];
    for u in "Ministerin “Müller”".encode_utf16() {
        be.extend(u.to_be_bytes());
    }
    assert_eq!(
        extract(&be, "x.txt", SourceFormat::Text).unwrap().text,
        "Ministerin “Müller”"
    );
}

#[test]
fn line_endings_are_the_only_change() {
    let d = extract(
        "a\r\nb\rc “q”\u{00e9}\u{0065}\u{0301}".as_bytes(),
        "x.txt",
        SourceFormat::Text,
    )
    .unwrap();
    assert_eq!(
        d.text, "a\nb\nc “q”\u{00e9}\u{0065}\u{0301}",
        "no Unicode normalisation"
    );
}

#[test]
fn utf16_with_bom_decodes() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Hello “world”".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let d = extract(&bytes, "x.txt", SourceFormat::Text).unwrap();
    assert_eq!(d.text, "Hello “world”");
    let d = extract(b"\xEF\xBB\xBFbom", "x.txt", SourceFormat::Text).unwrap();
    assert_eq!(d.text, "bom");
}

#[test]
fn bad_input_gets_a_clear_reason() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let err = |p: PathBuf| import_one(&p).unwrap_err();

    assert_eq!(err(write("empty.txt", b"")), ImportError::Empty);
    assert_eq!(err(write("blank.txt", b" \n\t\n")), ImportError::Blank);
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    assert_eq!(
        err(write("image.txt", png)),
        ImportError::NotText {
            kind: "a PNG image"
        }
    );
    let gif = err(write("report.md", b"GIF89a\x01\0\x01\0"));
    assert_eq!(
        gif.to_string(),
        format!("this is a GIF image, which Attest cannot import yet; {READS}")
    );
    assert_eq!(
        err(write("noise.txt", b"\x01\x02\x03\x04abc\0")),
        ImportError::Binary
    );
    let bad_utf16 = b"\xFF\xFEa\0\x00\xD8"; // a lone surrogate
    assert_eq!(
        err(write("bad16.txt", bad_utf16)),
        ImportError::Undecodable {
            encoding: "UTF-16LE".into()
        }
    );
    assert_eq!(
        err(write("a.xls", b"x")),
        ImportError::Unsupported(".xls".into())
    );
    assert_eq!(err(dir.path().to_path_buf()), ImportError::Directory);
    assert!(matches!(
        err(dir.path().join("missing.txt")),
        ImportError::Io(_)
    ));
}

#[test]
fn folders_expand_to_their_article_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/deeper")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::create_dir_all(root.join("empty")).unwrap();
    for f in [
        "a.txt",
        "b/deeper/c.MD",
        "b/notes.pdf",
        "b/LICENSE",
        ".hidden.txt",
        ".git/x.txt",
    ] {
        std::fs::write(root.join(f), "text").unwrap();
    }
    let given = vec![
        root.join("empty"),
        root.to_path_buf(),
        root.join("b/notes.pdf"),
    ];
    let expanded = expand_paths(&given);
    assert_eq!(
        expanded,
        vec![
            root.join("empty"),
            root.join("a.txt"),
            root.join("b/deeper/c.MD"),
            root.join("b/notes.pdf"),
            root.join("b/notes.pdf"),
        ],
        "a file given with its folder is listed twice (the second import reports a duplicate)"
    );
    assert_eq!(
        import_one(&root.join("empty")).unwrap_err().to_string(),
        format!("the folder holds no article files ({READS})")
    );
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap(); // sparse: 50 MiB on paper, nothing on disk
    let e = import_one(&p).unwrap_err();
    assert_eq!(
        e,
        ImportError::TooLarge {
            size: 50 * 1024 * 1024,
            limit: MAX_FILE_BYTES
        }
    );
    assert_eq!(
        e.to_string(),
        "the file is 52.4 MB; Attest imports article files up to 20.0 MB"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = extract(&bytes, "x.txt", SourceFormat::Text);
            let _ = extract(&bytes, "x.md", SourceFormat::Markdown);
        }

        #[test]
        fn keeps_every_non_whitespace_character(text in "\\PC{1,300}") {
            if let Ok(d) = extract(text.as_bytes(), "x.txt", SourceFormat::Markdown) {
                prop_assert_eq!(non_ws(&d.text), non_ws(&text));
            }
        }
    }
}

#[test]
fn a_file_named_as_a_package_but_holding_text_says_so() {
    for (name, format, what) in [
        ("book.epub", SourceFormat::Epub, "an EPUB book"),
        ("report.docx", SourceFormat::Docx, "a Word document"),
    ] {
        assert_eq!(
            extract(b"The minister said the talks would resume.", name, format),
            Err(ImportError::Damaged(format!(
                "it is named as {what} but is not one (no ZIP package inside)"
            )))
        );
    }
}

#[test]
fn a_200_mb_file_is_refused_by_its_size_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.pdf");
    // Sparse: 200 MB on paper, nothing on disk.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(200_000_000)
        .unwrap();
    let err = import_one(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the file is 200.0 MB; Attest imports article files up to 20.0 MB"
    );
}
