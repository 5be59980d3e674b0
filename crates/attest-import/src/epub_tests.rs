//! EPUB import: `tests/fixtures/corridor.epub` (LibreOffice's conversion of
//! `corridor.docx`), and books written here part by part.

use crate::epub::chapters;
use crate::office::{MAX_PART_BYTES, MAX_UNPACKED_BYTES};
use crate::test_support::{assert_reads_as_corridor, non_ws, repo_file};
use crate::{extract_entries, import_file, Entry, ImportError};
use attest_core::SourceFormat;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// An EPUB of the given parts: `mimetype` first and stored, the rest deflated.
fn epub(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/epub+zip").unwrap();
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, body) in parts {
        w.start_file(*name, deflated).unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const CONTAINER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;

const OPF3: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:0b6e1c1e-3a53-4f3c-9d84-5f0e3c2a9b11</dc:identifier>
<dc:title>Roads to the Sea</dc:title>
<dc:creator id="c1">Tamar Lomidze</dc:creator>
<meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
<dc:creator id="c2">Ayşe Kaya</dc:creator>
<meta refines="#c2" property="role" scheme="marc:relators">trl</meta>
<dc:language>en-GB</dc:language>
<dc:date>2023-09-01</dc:date>
<dc:publisher>Black Sea Press</dc:publisher>
<meta property="dcterms:modified">2024-01-02T10:00:00Z</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="cover" href="Text/cover.xhtml" media-type="application/xhtml+xml"/>
<item id="cover-img" href="Images/cover.png" media-type="image/png" properties="cover-image"/>
<item id="c1" href="Text/chapter%201.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="Text/./chapter2.xhtml" media-type="application/xhtml+xml"/>
<item id="out" href="../../../etc/passwd.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine><itemref idref="cover"/><itemref idref="nav"/><itemref idref="c1"/><itemref idref="out"/><itemref idref="c2"/><itemref idref="c1"/></spine>
</package>"##;

const NAV: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title/></head><body>
<nav epub:type="landmarks"><ol><li><a href="Text/cover.xhtml">Cover</a></li><li><a href="Text/chapter2.xhtml">Start reading</a></li></ol></nav>
<nav epub:type="toc"><h1>Contents</h1><ol><li><a href="Text/chapter%201.xhtml">The Night Shift</a></li><li><a href="Text/../Text/chapter2.xhtml#start">Letters from Batumi</a></li></ol></nav>
</body></html>"#;

const COVER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Cover</title></head><body><div><img src="../Images/cover.png" alt="Roads to the Sea"/></div></body></html>"#;

/// A chapter with what a body extractor would cut: a heading above the title, an
/// epigraph, one-word lines, a list, verse and a footnote. Its `<title/>` is empty.
const CHAPTER_1: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en"><head><title/><script>alert("no")</script></head>
<body><section epub:type="chapter"><h1>Chapter Three</h1><h2>The Night Shift</h2>
<blockquote class="epigraph"><p>A road is only as wide as its narrowest gate.</p><p>— Old hauliers' saying</p></blockquote>
<p>The lorries began to move at ten.</p>
<p>“Papers?”</p><p>“Here.”</p><p>“Go.”</p>
<ul><li>Sarp</li><li>Vale</li><li>Kartsakhi</li></ul>
<p class="verse">Over the pass and down to the sea,<br/>nine hours of waiting for you and for me.</p>
<p>By dawn the queue at Sarp had shrunk to a dozen trucks, and the drivers who had waited since the evening before were asleep in their cabs, engines idling against the cold of the coast.</p>
<aside epub:type="footnote" id="n1"><p>1. Kartsakhi opened to freight in 2019.</p></aside>
</section></body></html>"#;

const CHAPTER_1_TEXT: [&str; 14] = [
    "Chapter Three",
    "The Night Shift",
    "A road is only as wide as its narrowest gate.",
    "— Old hauliers' saying",
    "The lorries began to move at ten.",
    "“Papers?”",
    "“Here.”",
    "“Go.”",
    "Sarp",
    "Vale",
    "Kartsakhi",
    "Over the pass and down to the sea,",
    "nine hours of waiting for you and for me.",
    "1. Kartsakhi opened to freight in 2019.",
];

const CHAPTER_2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Roads to the Sea</title></head>
<body><h1 id="start">Letters from Batumi</h1><p>By Giorgi Abashidze</p>
<p>BATUMI — The first letter came in March, when the port was still closed to the lorries that now fill the coast road.</p>
<p>The second came in June, after the corridor had opened.</p></body></html>"#;

fn book_parts() -> Vec<(&'static str, &'static str)> {
    vec![
        ("META-INF/container.xml", CONTAINER),
        ("OEBPS/content.opf", OPF3),
        ("OEBPS/nav.xhtml", NAV),
        ("OEBPS/Text/cover.xhtml", COVER),
        ("OEBPS/Text/chapter 1.xhtml", CHAPTER_1),
        ("OEBPS/Text/chapter2.xhtml", CHAPTER_2),
    ]
}

fn book() -> Vec<u8> {
    epub(&book_parts())
}

/// The book with one part replaced (or added), or removed when `body` is `None`.
fn book_with(name: &str, body: Option<&str>) -> Vec<u8> {
    let mut parts = book_parts();
    parts.retain(|(n, _)| *n != name);
    if let Some(body) = body {
        parts.push((name, body));
    }
    epub(&parts)
}

fn only_error(entries: Vec<Entry>) -> ImportError {
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].part, None);
    entries.into_iter().next().unwrap().result.unwrap_err()
}

// --- books that read ----------------------------------------------------------------

#[test]
fn a_libreoffice_epub_reads_as_the_corridor_article() {
    let entries = import_file(&repo_file("tests/fixtures/corridor.epub"));
    assert_eq!(entries.len(), 1);
    let entry = entries.into_iter().next().unwrap();
    // Its table of contents says "Section 1", which the chapter does not print.
    assert_eq!(
        entry.part.as_deref(),
        Some("chapter 1: Turkey’s Trade Minister Selin Aydın said on Tuesday that the new border corridor with…")
    );
    let imported = entry.result.unwrap();
    assert_eq!(imported.source.name, "OEBPS/sections/section0001.xhtml");
    assert!(imported.source.bytes.starts_with(b"<?xml"));
    let d = imported.draft;
    assert_reads_as_corridor(&d, SourceFormat::Epub);
    // "Unknown Title" and "Unknown Author" are LibreOffice's placeholders.
    assert_eq!(d.meta.outlet, None);
    assert_eq!(d.meta.language.as_deref(), Some("en-US"));
}

#[test]
fn a_book_gives_one_article_per_chapter_with_the_books_metadata() {
    let entries = extract_entries(book(), "roads.epub", SourceFormat::Epub);
    let parts: Vec<_> = entries.iter().map(|e| e.part.clone().unwrap()).collect();
    // The cover (no text), the navigation document, a path out of the book and the
    // repeated chapter are not chapters.
    assert_eq!(
        parts,
        [
            "chapter 1: The Night Shift",
            "chapter 2: Letters from Batumi"
        ]
    );
    let read: Vec<_> = entries.into_iter().map(|e| e.result.unwrap()).collect();

    let one = &read[0];
    assert_eq!(one.source.name, "OEBPS/Text/chapter 1.xhtml");
    assert_eq!(one.source.bytes, CHAPTER_1.as_bytes());
    let d = &one.draft;
    assert_eq!(d.format, SourceFormat::Epub);
    // All of the chapter, in order, one paragraph per block.
    let expected: Vec<&str> = CHAPTER_1_TEXT
        .iter()
        .copied()
        .chain(std::iter::once(
            "By dawn the queue at Sarp had shrunk to a dozen trucks, and the drivers who had waited since the evening before were asleep in their cabs, engines idling against the cold of the coast.",
        ))
        .collect();
    let mut want = expected.clone();
    let footnote = want.remove(13);
    want.push(footnote);
    let got: Vec<&str> = d.text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(got, want);
    assert!(!d.text.contains("alert"));
    let m = &d.meta;
    assert_eq!(m.title.as_deref(), Some("The Night Shift"));
    // The translator is not an author.
    assert_eq!(m.byline.as_deref(), Some("Tamar Lomidze"));
    assert_eq!(m.outlet.as_deref(), Some("Roads to the Sea"));
    assert_eq!(m.published.as_deref(), Some("2023-09-01"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(m.url, None);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);

    // An anthology's chapter names its own author.
    let two = &read[1].draft;
    assert_eq!(two.meta.title.as_deref(), Some("Letters from Batumi"));
    assert_eq!(two.meta.byline.as_deref(), Some("Giorgi Abashidze"));
    assert_eq!(two.meta.dateline.as_deref(), Some("BATUMI"));
    assert_eq!(two.meta.outlet.as_deref(), Some("Roads to the Sea"));
    assert!(two.text.contains("after the corridor had opened."));
}

const OPF2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" xmlns:opf="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>Border Diaries</dc:title>
<dc:creator opf:role="aut" opf:file-as="Gelashvili, Nino">Nino Gelashvili</dc:creator>
<dc:creator opf:role="edt">Levan Beridze</dc:creator>
<dc:date opf:event="modification">2020-01-01</dc:date>
<dc:date opf:event="publication">2019-05-05</dc:date>
<dc:language>en</dc:language>
</metadata>
<manifest>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="a" href="a.html" media-type="application/xhtml+xml"/>
<item id="b" href="b.html" media-type="application/xhtml+xml"/>
<item id="c" href="c.html" media-type="application/xhtml+xml"/>
</manifest>
<spine toc="ncx"><itemref idref="a"/><itemref idref="b"/><itemref idref="c"/></spine>
</package>"#;

const NCX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><docTitle><text>Border Diaries</text></docTitle><navMap>
<navPoint id="p1" playOrder="1"><navLabel><text>Chapter 1</text></navLabel><content src="a.html"/>
  <navPoint id="p1a" playOrder="2"><navLabel><text>Into&#160;the Hills</text></navLabel><content src="c.html#top"/></navPoint>
</navPoint>
<navPoint id="p2" playOrder="3"><navLabel><text>Section 2</text></navLabel><content src="b.html"/></navPoint>
</navMap></ncx>"#;

fn page(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Border Diaries</title></head><body>{body}</body></html>"
    )
}

#[test]
fn an_epub2_book_takes_its_titles_from_the_ncx() {
    let a = page("<h2>Chapter 1</h2><p>The diary opens in Hopa, on a wet morning in April.</p>");
    let b = page("<p>Nothing moved on the coast road that week; the drivers played cards.</p>");
    let c = page("<p>Above Borjomi the road climbs through pine forest for an hour.</p>");
    let bytes = epub(&[
        ("META-INF/container.xml", CONTAINER),
        ("OEBPS/content.opf", OPF2),
        ("OEBPS/toc.ncx", NCX),
        ("OEBPS/a.html", &a),
        ("OEBPS/b.html", &b),
        ("OEBPS/c.html", &c),
    ]);
    let entries = chapters(&bytes, "diaries.epub");
    let parts: Vec<_> = entries.iter().map(|e| e.part.clone().unwrap()).collect();
    assert_eq!(
        parts,
        [
            // A generic label the chapter prints is its title…
            "chapter 1: Chapter 1",
            // …one it does not print is not: the first sentence stands in.
            "chapter 2: Nothing moved on the coast road that week; the drivers played cards",
            "chapter 3: Into the Hills",
        ]
    );
    let drafts: Vec<_> = entries
        .into_iter()
        .map(|e| e.result.unwrap().draft)
        .collect();
    assert_eq!(drafts[1].meta.title, None);
    assert!(drafts[1]
        .warnings
        .iter()
        .any(|w| w.starts_with("no headline")));
    for d in &drafts {
        assert_eq!(d.meta.byline.as_deref(), Some("Nino Gelashvili"));
        assert_eq!(d.meta.published.as_deref(), Some("2019-05-05"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Border Diaries"));
    }
}

#[test]
fn a_missing_chapter_fails_alone() {
    let entries = chapters(&book_with("OEBPS/Text/chapter2.xhtml", None), "roads.epub");
    assert_eq!(entries.len(), 2);
    assert!(entries[0].result.is_ok());
    assert_eq!(
        entries[1].part.as_deref(),
        Some("chapter 2: Letters from Batumi")
    );
    assert_eq!(
        entries[1].result.as_ref().unwrap_err().to_string(),
        "the file is damaged: OEBPS/Text/chapter2.xhtml is missing from the book"
    );
}

#[test]
fn fonts_obfuscated_as_epub_allows_do_not_lock_a_book() {
    let encryption = r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/><enc:CipherData><enc:CipherReference URI="OEBPS/Fonts/serif.otf"/></enc:CipherData></enc:EncryptedData></encryption>"#;
    let entries = chapters(
        &book_with("META-INF/encryption.xml", Some(encryption)),
        "roads.epub",
    );
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.result.is_ok()));
}

// --- books that do not read ---------------------------------------------------------

#[test]
fn a_drm_locked_book_is_refused_as_such() {
    let encryption = r#"<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><ds:KeyInfo><ds:RetrievalMethod URI="license.lcpl#/encryption/content_key"/></ds:KeyInfo><enc:CipherData><enc:CipherReference URI="OEBPS/Text/chapter%201.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>"#;
    let err = only_error(chapters(
        &book_with("META-INF/encryption.xml", Some(encryption)),
        "locked.epub",
    ));
    assert_eq!(err, ImportError::Drm);
    assert_eq!(
        err.to_string(),
        "the book is locked by DRM (copy protection); Attest reads only DRM-free books"
    );
}

#[test]
fn a_book_without_container_xml_is_damaged() {
    let err = only_error(chapters(
        &book_with("META-INF/container.xml", None),
        "x.epub",
    ));
    assert_eq!(
        err.to_string(),
        "the file is damaged: the book has no META-INF/container.xml, which names its contents"
    );
}

#[test]
fn damaged_package_files_are_named() {
    let cases = [
        (
            book_with("OEBPS/content.opf", None),
            "its package file OEBPS/content.opf, named in META-INF/container.xml, is missing",
        ),
        (
            book_with(
                "OEBPS/content.opf",
                Some("<package><metadata/><manifest/></package>"),
            ),
            "its package file OEBPS/content.opf has no spine (the list of its chapters)",
        ),
        (
            book_with(
                "META-INF/container.xml",
                Some("<container><rootfiles/></container>"),
            ),
            "META-INF/container.xml names no package file",
        ),
        (
            book_with(
                "OEBPS/content.opf",
                Some("<package><spine><itemref idref=\"a\""),
            ),
            "OEBPS/content.opf is not well-formed XML",
        ),
    ];
    for (bytes, detail) in cases {
        let err = only_error(chapters(&bytes, "x.epub"));
        let ImportError::Damaged(d) = &err else {
            panic!("{err:?}");
        };
        assert!(d.starts_with(detail), "{d:?}");
    }
}

#[test]
fn a_book_of_pictures_is_blank() {
    let opf = OPF3.replace(
        r#"<itemref idref="c1"/><itemref idref="out"/><itemref idref="c2"/><itemref idref="c1"/>"#,
        "",
    );
    let err = only_error(chapters(
        &book_with("OEBPS/content.opf", Some(&opf)),
        "x.epub",
    ));
    assert_eq!(err, ImportError::Blank);
}

#[test]
fn an_archive_that_is_not_a_book_is_damaged() {
    let err = only_error(chapters(b"PK\x03\x04 not really", "x.epub"));
    assert!(matches!(err, ImportError::Damaged(_)), "{err:?}");
}

// --- zip bombs ----------------------------------------------------------------------

/// The process's peak resident memory, in bytes (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A deflated part of `head`, `mb` megabytes of spaces and `tail`, built in
/// milliseconds: one megabyte is deflated once and its block repeated (after a sync
/// flush the window holds only spaces, so the block decodes the same anywhere).
/// Returns the stream, its checksum (computed only when asked: a reader that honours
/// the caps never reaches a bomb's end) and its unpacked size.
fn deflated_spaces(head: &str, mb: usize, tail: &str, checksum: bool) -> (Vec<u8>, u32, u64) {
    use flate2::{Compress, Compression, FlushCompress};
    let mut c = Compress::new(Compression::default(), false);
    let mut run = |input: &[u8], flush| {
        let mut out = Vec::with_capacity(input.len() + 1024);
        c.compress_vec(input, &mut out, flush).unwrap();
        out
    };
    let spaces = vec![b' '; 1 << 20];
    let mut stream = run(head.as_bytes(), FlushCompress::Sync);
    let block = run(&spaces, FlushCompress::Sync);
    for _ in 0..mb {
        stream.extend(&block);
    }
    stream.extend(run(tail.as_bytes(), FlushCompress::Finish));
    let mut crc = flate2::Crc::new();
    if checksum {
        crc.update(head.as_bytes());
        for _ in 0..mb {
            crc.update(&spaces);
        }
        crc.update(tail.as_bytes());
    }
    let size = head.len() + mb * (1 << 20) + tail.len();
    (stream, crc.sum(), size as u64)
}

/// A ZIP written by hand: `(name, data, deflated, crc, declared unpacked size)`.
fn raw_zip(parts: &[(&str, Vec<u8>, bool, u32, u64)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, deflated, crc, declared) in parts {
        let offset = out.len() as u32;
        let fields = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes());
            v.extend(0u16.to_le_bytes());
            v.extend(if *deflated { 8u16 } else { 0 }.to_le_bytes());
            v.extend([0u8; 4]);
            v.extend(crc.to_le_bytes());
            v.extend((data.len() as u32).to_le_bytes());
            v.extend((*declared as u32).to_le_bytes());
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
        };
        out.extend(b"PK\x03\x04");
        fields(&mut out);
        out.extend(name.as_bytes());
        out.extend(data);
        central.extend(b"PK\x01\x02");
        central.extend(20u16.to_le_bytes());
        fields(&mut central);
        central.extend([0u8; 10]);
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(b"PK\x05\x06");
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A stored part: its bytes, checksum and true size.
fn stored<'a>(name: &'a str, body: &str) -> (&'a str, Vec<u8>, bool, u32, u64) {
    let mut crc = flate2::Crc::new();
    crc.update(body.as_bytes());
    (
        name,
        body.as_bytes().to_vec(),
        false,
        crc.sum(),
        body.len() as u64,
    )
}

fn bomb_book(declared: u64) -> Vec<u8> {
    let opf = r#"<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Bomb</dc:title></metadata><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/><itemref idref="b"/><itemref idref="c"/></spine></package>"#;
    let (bomb, _, size) = deflated_spaces("<html><body><p>", 1000, "</p></body></html>", false);
    assert!(size > 1_000_000_000);
    assert!(bomb.len() < 2_000_000, "{} bytes packed", bomb.len());
    raw_zip(&[
        stored("mimetype", "application/epub+zip"),
        stored("META-INF/container.xml", CONTAINER),
        stored("OEBPS/content.opf", opf),
        stored("OEBPS/a.xhtml", &page("<p>The first chapter is short.</p>")),
        ("OEBPS/b.xhtml", bomb, true, 0, declared),
        stored(
            "OEBPS/c.xhtml",
            &page("<p>The last chapter is short too.</p>"),
        ),
    ])
}

#[test]
fn a_zip_bomb_chapter_fails_alone_with_bounded_memory() {
    let before = peak_rss();
    // Honest about its gigabyte: refused before anything is unpacked.
    let entries = chapters(&bomb_book(1_050_000_000), "bomb.epub");
    assert_eq!(entries.len(), 3);
    assert!(entries[0].result.is_ok());
    assert_eq!(
        entries[1].result.as_ref().unwrap_err(),
        &ImportError::Unpacks {
            part: "OEBPS/b.xhtml".into(),
            limit: MAX_PART_BYTES
        }
    );
    assert!(entries[2].result.is_ok());

    // Lying (declaring 1 MB): unpacking stops at the declared size or the cap.
    let entries = chapters(&bomb_book(1_000_000), "bomb.epub");
    assert_eq!(entries.len(), 3);
    assert!(
        matches!(
            entries[1].result.as_ref().unwrap_err(),
            ImportError::Damaged(_) | ImportError::Unpacks { .. }
        ),
        "{:?}",
        entries[1].result
    );
    assert!(entries[2].result.is_ok());
    if let (Some(before), Some(after)) = (before, peak_rss()) {
        let grown = after.saturating_sub(before);
        assert!(grown < 100_000_000, "peak memory grew by {grown} bytes");
    }
}

#[test]
fn all_chapters_together_are_capped() {
    // Three chapters under the part cap (the bulk a comment, cut before parsing), all
    // together just over the book's: memory stays low for the tests running beside.
    let n = 3;
    let mb = (MAX_UNPACKED_BYTES / n as u64 / 1_048_576) as usize + 1;
    assert!((mb as u64) << 20 < MAX_PART_BYTES);
    let items: String = (0..n)
        .map(|i| {
            format!(r#"<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>"#)
        })
        .collect();
    let spine: String = (0..n)
        .map(|i| format!(r#"<itemref idref="c{i}"/>"#))
        .collect();
    let opf = format!(
        r#"<package version="3.0"><manifest>{items}</manifest><spine>{spine}</spine></package>"#
    );
    let names: Vec<String> = (0..n).map(|i| format!("OEBPS/c{i}.xhtml")).collect();
    let mut parts = vec![
        stored("mimetype", "application/epub+zip"),
        stored("META-INF/container.xml", CONTAINER),
        stored("OEBPS/content.opf", &opf),
    ];
    for (i, name) in names.iter().enumerate() {
        let head = format!("<html><body><p>Chapter {i} is long.</p><!--");
        let (data, crc, size) = deflated_spaces(&head, mb, "--></body></html>", true);
        parts.push((name.as_str(), data, true, crc, size));
    }
    let entries = chapters(&raw_zip(&parts), "big.epub");
    let results: Vec<_> = entries
        .iter()
        .map(|e| e.result.as_ref().map(|i| i.draft.text.clone()))
        .collect();
    let too_much = ImportError::Unpacks {
        part: format!("OEBPS/c{}.xhtml", n - 1),
        limit: MAX_UNPACKED_BYTES,
    };
    let mut expected: Vec<_> = (0..n - 1)
        .map(|i| Ok(format!("Chapter {i} is long.")))
        .collect();
    expected.push(Err(&too_much));
    assert_eq!(results, expected);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_on_any_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            zip_head in any::<bool>(),
        ) {
            let mut bytes = bytes;
            if zip_head {
                bytes.splice(0..0, *b"PK\x03\x04");
            }
            let entries = chapters(&bytes, "x.epub");
            prop_assert!(!entries.is_empty());
        }

        #[test]
        fn damaged_books_never_panic(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
            which in any::<bool>(),
        ) {
            let mut bytes = if which {
                std::fs::read(repo_file("tests/fixtures/corridor.epub")).unwrap()
            } else {
                book()
            };
            for (at, value) in flips {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            let keep = cut.index(bytes.len() + 1).max(bytes.len() / 2);
            bytes.truncate(keep);
            prop_assert!(!chapters(&bytes, "x.epub").is_empty());
        }

        #[test]
        fn any_package_file_never_panics(opf in "\\PC{0,400}", ncx in "\\PC{0,200}") {
            let bytes = epub(&[
                ("META-INF/container.xml", CONTAINER),
                ("OEBPS/content.opf", &opf),
                ("OEBPS/toc.ncx", &ncx),
                ("OEBPS/nav.xhtml", &ncx),
            ]);
            prop_assert!(!chapters(&bytes, "x.epub").is_empty());
        }

        #[test]
        fn any_text_in_a_chapter_is_kept(text in "\\PC{1,200}") {
            let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            let chapter = page(&format!("<p>{escaped}</p>"));
            let bytes = book_with("OEBPS/Text/chapter2.xhtml", Some(&chapter));
            let entries = chapters(&bytes, "x.epub");
            if let Some(Ok(imported)) = entries.get(1).map(|e| &e.result) {
                prop_assert_eq!(non_ws(&imported.draft.text), non_ws(&text));
            } else {
                prop_assert!(text.trim().is_empty(), "{:?}", entries.get(1));
            }
        }
    }
}
