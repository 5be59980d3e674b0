//! Word and OpenDocument import: documents written here part by part with the `zip`
//! crate's writer, plus two converted by LibreOffice from `tests/fixtures/corridor.txt`.

use crate::test_support::{assert_reads_as_corridor, import_one, non_ws, repo_file};
use crate::{extract, format_for, ImportError};
use attest_core::SourceFormat;
use std::io::{Cursor, Write};
use std::path::Path;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A ZIP package of the given parts, deflated.
pub(crate) fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, body) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}</w:body></w:document>"#
    )
}

fn paragraphs(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| format!("<w:p><w:r><w:t xml:space=\"preserve\">{l}</w:t></w:r></w:p>"))
        .collect()
}

fn core_xml(props: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{props}</cp:coreProperties>"#
    )
}

fn docx(body: &str, core: Option<&str>) -> Vec<u8> {
    let document = document_xml(body);
    let core = core.map(core_xml);
    let mut parts = vec![
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", document.as_str()),
    ];
    if let Some(core) = &core {
        parts.push(("docProps/core.xml", core.as_str()));
    }
    package(&parts)
}

const ODF_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0""#;

fn odt(body: &str, meta: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let meta = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NS}><office:meta>{meta}</office:meta></office:document-meta>"#
    );
    package(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", &content),
        ("meta.xml", &meta),
    ])
}

// --- documents converted by LibreOffice ---------------------------------------------

#[test]
fn libreoffice_docx_keeps_the_text_and_finds_byline_and_dateline() {
    let source = std::fs::read_to_string(repo_file("tests/fixtures/corridor.txt")).unwrap();
    let imported = import_one(&repo_file("tests/fixtures/corridor.docx")).unwrap();
    let d = &imported.draft;
    assert_reads_as_corridor(d, SourceFormat::Docx);
    assert_eq!(
        d.text,
        source.trim_end(),
        "one line per paragraph, as typed"
    );
    // LibreOffice writes its locale (en-US); the text agrees, so the finer tag stays.
    assert_eq!(d.meta.language.as_deref(), Some("en-US"));
}

#[test]
fn libreoffice_odt_keeps_the_text_and_finds_byline_and_dateline() {
    let source = std::fs::read_to_string(repo_file("tests/fixtures/corridor.txt")).unwrap();
    let d = import_one(&repo_file("tests/fixtures/corridor.odt"))
        .unwrap()
        .draft;
    assert_reads_as_corridor(&d, SourceFormat::Odt);
    assert_eq!(d.text, source.trim_end());
    assert_eq!(d.meta.language.as_deref(), Some("en"));
}

#[test]
fn extensions_name_the_formats() {
    assert_eq!(format_for(Path::new("a.DOCX")), Ok(SourceFormat::Docx));
    assert_eq!(format_for(Path::new("b.odt")), Ok(SourceFormat::Odt));
    assert_eq!(SourceFormat::parse("docx"), Some(SourceFormat::Docx));
    assert_eq!(SourceFormat::Odt.as_str(), "odt");
}

// --- Word ---------------------------------------------------------------------------

#[test]
fn docx_text_runs_tabs_breaks_tables_fields_revisions_and_notes() {
    let body = r#"
      <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Port</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> talks &amp; tariffs</w:t></w:r></w:p>
      <w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Role</w:t><w:br/><w:t>Second line</w:t></w:r></w:p>
      <w:p>
        <w:r><w:t xml:space="preserve">The minister </w:t></w:r>
        <w:del w:id="1" w:author="Ed"><w:r><w:delText>never </w:delText></w:r></w:del>
        <w:ins w:id="2" w:author="Ed"><w:r><w:t xml:space="preserve">again </w:t></w:r></w:ins>
        <w:r><w:t>said</w:t></w:r>
        <w:r><w:footnoteReference w:id="1"/></w:r>
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
        <w:r><w:t>&#8212;no‑break</w:t><w:noBreakHyphen/><w:t>hyphen.</w:t></w:r>
      </w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell one</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
      <w:sdt><w:sdtContent><w:p><w:r><w:t>In a content control.</w:t></w:r></w:p></w:sdtContent></w:sdt>
      <w:sectPr><w:pgSz w:w="11906"/></w:sectPr>"#;
    let footnotes = format!(
        r#"<w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>A note on sources.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let bytes = package(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", &document_xml(body)),
        ("word/footnotes.xml", &footnotes),
    ]);
    let d = extract(&bytes, "talks.docx", SourceFormat::Docx).unwrap();
    assert_eq!(
        d.text,
        "Port talks & tariffs\n\
         Name\tRole\nSecond line\n\
         The minister again said7—no‑break\u{2011}hyphen.\n\
         cell one\ncell two\n\
         Boxed\n\n\
         In a content control.\n\
         A note on sources."
    );
    assert_eq!(d.meta.title.as_deref(), Some("Port talks & tariffs"));
}

#[test]
fn docx_properties_fill_the_metadata() {
    let body = paragraphs(&[
        "the council met on monday and agreed to publish the draft budget next week.",
        "members said the figures would be checked again by the audit office.",
    ]);
    let core = r#"<dc:title>Council agrees to publish draft budget</dc:title><dc:creator>Maria Lopez</dc:creator><cp:lastModifiedBy>Desk</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T08:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-03T10:00:00Z</dcterms:modified><dc:language>en-GB</dc:language>"#;
    let d = extract(&docx(&body, Some(core)), "x.docx", SourceFormat::Docx).unwrap();
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Council agrees to publish draft budget")
    );
    assert_eq!(d.meta.byline.as_deref(), Some("Maria Lopez"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-03-02T08:15:00Z"));
    assert_eq!(d.meta.language.as_deref(), Some("en-GB"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn the_text_outranks_the_properties_and_placeholders_are_ignored() {
    let body = paragraphs(&[
        "Minister resigns over port contract",
        "By Jane Roe",
        "LISBON: Das Ministerium hat am Freitag den Rücktritt des Ministers bestätigt und erklärt, dass der Vertrag geprüft werde.",
    ]);
    let core = r#"<dc:title>Microsoft Word - draft3.doc</dc:title><dc:creator>Office Clerk</dc:creator><dcterms:modified>2026-05-01T09:00:00Z</dcterms:modified><dc:language>en-US</dc:language>"#;
    let d = extract(&docx(&body, Some(core)), "x.docx", SourceFormat::Docx).unwrap();
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Minister resigns over port contract")
    );
    assert_eq!(d.meta.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(d.meta.dateline.as_deref(), Some("LISBON"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-05-01T09:00:00Z"));
    assert_eq!(
        d.meta.language.as_deref(),
        Some("de"),
        "the text's language, not the word processor's"
    );

    let body = paragraphs(&["a short note without a headline."]);
    let core = r#"<dc:title>Microsoft Word - draft3.doc</dc:title><dc:creator>Administrator</dc:creator><dcterms:created>yesterday</dcterms:created>"#;
    let d = extract(&docx(&body, Some(core)), "x.docx", SourceFormat::Docx).unwrap();
    assert_eq!(d.meta.title, None);
    assert_eq!(d.meta.byline, None);
    assert_eq!(d.meta.published, None);
}

#[test]
fn a_document_is_read_by_its_content_whatever_its_name() {
    let bytes = docx(&paragraphs(&["Misnamed but fine."]), None);
    let d = extract(&bytes, "notes.txt", SourceFormat::Text).unwrap();
    assert_eq!(d.format, SourceFormat::Docx);
    assert_eq!(d.text, "Misnamed but fine.");
    let d = extract(
        &odt("<text:p>An ODT.</text:p>", ""),
        "a.docx",
        SourceFormat::Docx,
    )
    .unwrap();
    assert_eq!(d.format, SourceFormat::Odt);

    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("report.txt");
    std::fs::copy(repo_file("tests/fixtures/corridor.odt"), &p).unwrap();
    assert_eq!(import_one(&p).unwrap().draft.format, SourceFormat::Odt);
}

// --- OpenDocument -------------------------------------------------------------------

#[test]
fn odt_text_spaces_lists_tables_notes_and_changes() {
    let body = r#"
      <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>removed words</text:p></text:deletion></text:changed-region></text:tracked-changes>
      <text:h text:outline-level="1">Ferry   service
         resumes</text:h>
      <text:p>By <text:span text:style-name="b">Ola Nordmann</text:span></text:p>
      <text:p>BERGEN: The ferry<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Operated by the county.</text:p></text:note-body></text:note> runs<text:s text:c="3"/>again.<text:tab/>Tabbed<text:line-break/>Broken <office:annotation><dc:creator>Ed</dc:creator><text:p>check this</text:p></office:annotation>line.</text:p>
      <text:list><text:list-item><text:p>first item</text:p></text:list-item><text:list-item><text:p>second item</text:p></text:list-item></text:list>
      <table:table><table:table-row><table:table-cell><text:p>a1</text:p></table:table-cell><table:table-cell><text:p>b1</text:p></table:table-cell></table:table-row></table:table>
      <text:p/>"#;
    let meta = r#"<meta:initial-creator>Ola Nordmann</meta:initial-creator><dc:creator>Night Editor</dc:creator><meta:creation-date>2026-04-11T06:30:00</meta:creation-date><dc:date>2026-04-12T07:00:00</dc:date><dc:title>Ferry service resumes</dc:title><dc:language>nb-NO</dc:language>"#;
    let d = extract(&odt(body, meta), "ferry.odt", SourceFormat::Odt).unwrap();
    assert_eq!(
        d.text,
        "Ferry service resumes\n\
         By Ola Nordmann\n\
         BERGEN: The ferry runs   again.\tTabbed\nBroken line.\n\
         first item\nsecond item\n\
         a1\nb1\n\
         Operated by the county."
    );
    assert_eq!(d.meta.title.as_deref(), Some("Ferry service resumes"));
    assert_eq!(d.meta.byline.as_deref(), Some("Ola Nordmann"));
    assert_eq!(d.meta.dateline.as_deref(), Some("BERGEN"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-04-11T06:30:00"));

    let d = extract(
        &odt(
            "<text:p>the text alone, with no headline of its own.</text:p>",
            meta,
        ),
        "ferry.odt",
        SourceFormat::Odt,
    )
    .unwrap();
    assert_eq!(d.meta.title.as_deref(), Some("Ferry service resumes"));
    assert_eq!(
        d.meta.byline.as_deref(),
        Some("Ola Nordmann"),
        "the first author, not the last editor"
    );
}

// --- hostile and damaged input ------------------------------------------------------

/// The process's peak resident memory, in bytes (Linux).
pub(crate) fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A deflate stream of `head`, then `mb` megabytes of spaces, then `tail`, built in
/// microseconds: one megabyte of spaces is deflated once and its block repeated (after
/// a sync flush the window holds only spaces, so the block decodes the same anywhere).
pub(crate) fn deflated_spaces(head: &str, mb: usize, tail: &str) -> Part {
    use flate2::{Compress, Compression, FlushCompress};
    let mut c = Compress::new(Compression::default(), false);
    let mut run = |input: &[u8], flush| {
        let mut out = Vec::with_capacity(input.len() + 1024);
        c.compress_vec(input, &mut out, flush).unwrap();
        out
    };
    let spaces = vec![b' '; 1 << 20];
    let mut stream = run(head.as_bytes(), FlushCompress::None);
    stream.extend(run(&spaces[..1 << 16], FlushCompress::Sync));
    let block = run(&spaces, FlushCompress::Sync);
    for _ in 0..mb {
        stream.extend(&block);
    }
    stream.extend(run(tail.as_bytes(), FlushCompress::Finish));
    let size = head.len() + (1 << 16) + mb * (1 << 20) + tail.len();
    // The checksum is only checked by a reader that reaches the end; bombs never do.
    let mut crc = flate2::Crc::new();
    if mb < 100 {
        crc.update(head.as_bytes());
        crc.update(&spaces[..1 << 16]);
        for _ in 0..mb {
            crc.update(&spaces);
        }
        crc.update(tail.as_bytes());
    }
    Part {
        data: stream,
        size: size as u64,
        crc: crc.sum(),
    }
}

#[derive(Clone)]
pub(crate) struct Part {
    data: Vec<u8>,
    pub size: u64,
    crc: u32,
}

/// A ZIP written by hand from deflated parts, each declaring `declared` bytes unpacked
/// (the truth, or a lie).
pub(crate) fn raw_zip(parts: &[(&str, &Part, u64)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, part, declared) in parts {
        let data = &part.data;
        let offset = out.len() as u32;
        let fields = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes()); // version needed
            v.extend(0u16.to_le_bytes()); // flags
            v.extend(8u16.to_le_bytes()); // deflate
            v.extend([0u8; 4]); // time, date
            v.extend(part.crc.to_le_bytes());
            v.extend((data.len() as u32).to_le_bytes());
            v.extend((*declared as u32).to_le_bytes());
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes()); // extra
        };
        out.extend(b"PK\x03\x04");
        fields(&mut out);
        out.extend(name.as_bytes());
        out.extend(data);
        central.extend(b"PK\x01\x02");
        central.extend(20u16.to_le_bytes()); // made by
        fields(&mut central);
        central.extend([0u8; 6]); // comment length, disk, internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]); // disk numbers
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

pub(crate) fn small_part(body: &str) -> Part {
    deflated_spaces(body, 0, "")
}

#[test]
fn a_zip_bomb_is_refused_with_bounded_memory() {
    let head = format!(r#"<w:document {W_NS}><w:body><w:p><w:r><w:t>"#);
    let bomb = deflated_spaces(&head, 1000, "</w:t></w:r></w:p></w:body></w:document>");
    assert!(bomb.size > 1_000_000_000);
    assert!(
        bomb.data.len() < 2_000_000,
        "{} bytes packed",
        bomb.data.len()
    );
    let types = small_part(CONTENT_TYPES);
    let before = peak_rss();

    // Honest about its size: refused before anything is unpacked.
    let honest = raw_zip(&[
        ("[Content_Types].xml", &types, types.size),
        ("word/document.xml", &bomb, u32::MAX as u64 - 1),
    ]);
    let err = extract(&honest, "bomb.docx", SourceFormat::Docx).unwrap_err();
    assert_eq!(
        err,
        ImportError::Unpacks {
            part: "word/document.xml".into(),
            limit: crate::office::MAX_PART_BYTES
        }
    );
    assert_eq!(
        err.to_string(),
        "the document unpacks to more than 25.0 MB (word/document.xml), the most Attest reads; it may be a zip bomb"
    );

    // Lying about it (declaring 20 MB, under the cap): the reader stops at the cap or
    // at the declared size, never at the gigabyte.
    let lying = raw_zip(&[
        ("[Content_Types].xml", &types, types.size),
        ("word/document.xml", &bomb, 20_000_000),
    ]);
    let err = extract(&lying, "bomb.docx", SourceFormat::Docx).unwrap_err();
    assert!(
        matches!(err, ImportError::Unpacks { .. } | ImportError::Damaged(_)),
        "{err:?}"
    );
    if let (Some(before), Some(after)) = (before, peak_rss()) {
        let grown = after.saturating_sub(before);
        assert!(grown < 100_000_000, "peak memory grew by {grown} bytes");
    }
}

#[test]
fn all_parts_together_are_capped_too() {
    // Three parts each under the per-part cap, together over the package cap.
    let notes = deflated_spaces(&format!("<w:footnotes {W_NS}>"), 19, "</w:footnotes>");
    let document = small_part(&document_xml(&paragraphs(&["Body."])));
    let types = small_part(CONTENT_TYPES);
    let bytes = raw_zip(&[
        ("[Content_Types].xml", &types, types.size),
        ("word/document.xml", &document, document.size),
        ("word/footnotes.xml", &notes, notes.size),
        ("word/endnotes.xml", &notes, notes.size),
        ("docProps/core.xml", &notes, notes.size),
    ]);
    let err = extract(&bytes, "x.docx", SourceFormat::Docx).unwrap_err();
    assert_eq!(
        err,
        ImportError::Unpacks {
            part: "docProps/core.xml".into(),
            limit: crate::office::MAX_UNPACKED_BYTES
        }
    );
}

#[test]
fn a_truncated_or_corrupt_document_is_damaged() {
    let whole = std::fs::read(repo_file("tests/fixtures/corridor.docx")).unwrap();
    for cut in [whole.len() / 2, whole.len() - 10, 30] {
        let err = extract(&whole[..cut], "x.docx", SourceFormat::Docx).unwrap_err();
        assert!(
            err.to_string().starts_with("the file is damaged: "),
            "cut at {cut}: {err}"
        );
    }
    // A flipped byte inside the packed body: the inflater or the checksum notices.
    let bytes = docx(
        &paragraphs(&["Some words to pack. ".repeat(50).as_str()]),
        None,
    );
    let name_at = bytes
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap();
    let mut bad = bytes.clone();
    bad[name_at + 17 + 40] ^= 0xFF;
    let err = extract(&bad, "x.docx", SourceFormat::Docx).unwrap_err();
    assert!(matches!(err, ImportError::Damaged(_)), "{err:?}");
    // Well packed but not well-formed XML.
    let bytes = docx("<w:p><w:r><w:t>open", None);
    let err = extract(&bytes, "x.docx", SourceFormat::Docx).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the file is damaged: word/document.xml is not well-formed XML"),
        "{err}"
    );
}

#[test]
fn random_bytes_named_docx_get_a_clear_error() {
    // A fixed pseudo-random sequence (xorshift), so the test is the same every run.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("memo.docx");
    std::fs::write(&p, &noise).unwrap();
    assert_eq!(
        import_one(&p).unwrap_err().to_string(),
        "the file is damaged: it is named as a Word document but is not one (no ZIP package inside)"
    );
    let mut zipish = b"PK\x03\x04".to_vec();
    zipish.extend(&noise);
    let err = extract(&zipish, "memo.docx", SourceFormat::Docx).unwrap_err();
    assert!(matches!(err, ImportError::Damaged(_)), "{err:?}");
    let err = extract(b"%PDF-1.7", "memo.odt", SourceFormat::Odt).unwrap_err();
    assert_eq!(
        err,
        ImportError::NotText {
            kind: "a PDF document"
        }
    );
}

#[test]
fn password_protected_documents_are_named_as_such() {
    // Office's encrypted container: an OLE compound file with an EncryptedPackage stream.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(512, 0);
    for u in "EncryptedPackage".encode_utf16() {
        ole.extend(u.to_le_bytes());
    }
    ole.resize(2048, 0);
    let err = extract(&ole, "secret.docx", SourceFormat::Docx).unwrap_err();
    assert_eq!(err, ImportError::PasswordProtected);
    assert_eq!(
        err.to_string(),
        "the document is password-protected; remove the password and import it again"
    );
    // An old .doc is not a protected one.
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.resize(2048, 0);
    assert_eq!(
        extract(&doc, "old.docx", SourceFormat::Docx).unwrap_err(),
        ImportError::NotText {
            kind: "an old-style Office document"
        }
    );
    // OpenDocument encrypts content.xml and says so in its manifest.
    let bytes = package(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "\u{1}\u{2}binary"),
        (
            "META-INF/manifest.xml",
            r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#,
        ),
    ]);
    assert_eq!(
        extract(&bytes, "secret.odt", SourceFormat::Odt).unwrap_err(),
        ImportError::PasswordProtected
    );
    // A ZIP entry flagged as encrypted (general-purpose bit 0, in both headers).
    let mut bytes = docx(&paragraphs(&["Locked."]), None);
    for (sig, offset) in [(b"PK\x03\x04", 6), (b"PK\x01\x02", 8)] {
        let mut at = 0;
        while let Some(i) = bytes[at..].windows(4).position(|w| w == sig) {
            bytes[at + i + offset] |= 1;
            at += i + 4;
        }
    }
    assert_eq!(
        extract(&bytes, "locked.docx", SourceFormat::Docx).unwrap_err(),
        ImportError::PasswordProtected
    );
}

#[test]
fn other_zip_packages_are_refused_by_name() {
    let kind = |parts: &[(&str, &str)]| match extract(&package(parts), "x.zip", SourceFormat::Text)
    {
        Err(ImportError::NotText { kind }) => kind,
        other => panic!("{other:?}"),
    };
    // A plain ZIP reaches `extract` only from inside another archive.
    assert_eq!(
        extract(&package(&[("a.txt", "hello")]), "x.zip", SourceFormat::Text),
        Err(ImportError::NestedArchive)
    );
    assert_eq!(
        kind(&[("mimetype", "application/epub+zip")]),
        "an EPUB book"
    );
    assert_eq!(
        kind(&[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", "<x/>")
        ]),
        "an OpenDocument spreadsheet"
    );
    assert_eq!(
        kind(&[
            ("[Content_Types].xml", "<Types/>"),
            ("xl/workbook.xml", "<w/>")
        ]),
        "an Excel workbook"
    );
    let err = extract(&package(&[("a.pptx", "x")]), "x.zip", SourceFormat::Text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "an archive inside an archive is not opened; unpack it and import its files"
    );
}

#[test]
fn an_empty_document_is_blank() {
    let bytes = docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>", None);
    assert_eq!(
        extract(&bytes, "x.docx", SourceFormat::Docx).unwrap_err(),
        ImportError::Blank
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn extract_never_panics_on_any_bytes_as_docx(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            zip_head in any::<bool>(),
        ) {
            let mut bytes = bytes;
            if zip_head {
                bytes.splice(0..0, *b"PK\x03\x04");
            }
            let _ = extract(&bytes, "x.docx", SourceFormat::Docx);
            let _ = extract(&bytes, "x.odt", SourceFormat::Odt);
        }

        #[test]
        fn damaged_real_documents_never_panic(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
            odt in any::<bool>(),
        ) {
            let name = if odt { "corridor.odt" } else { "corridor.docx" };
            let mut bytes = std::fs::read(repo_file(&format!("tests/fixtures/{name}"))).unwrap();
            for (at, value) in flips {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            let keep = cut.index(bytes.len() + 1).max(bytes.len() / 2);
            bytes.truncate(keep);
            let _ = extract(&bytes, name, SourceFormat::Docx);
        }

        #[test]
        fn any_text_in_a_document_is_kept(text in "\\PC{1,200}") {
            let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            let bytes = docx(&paragraphs(&[&escaped]), None);
            if let Ok(d) = extract(&bytes, "x.docx", SourceFormat::Docx) {
                prop_assert_eq!(non_ws(&d.text), non_ws(&text));
            }
        }
    }
}
