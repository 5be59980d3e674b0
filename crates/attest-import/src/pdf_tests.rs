//! PDF import: `corridor.pdf` converted by LibreOffice from `corridor.docx`, its two
//! encrypted copies (qpdf: one needs a password to open, one only restricts editing), and
//! small PDFs written here object by object with correct cross-reference offsets.

use super::{document, pdf_date};
use crate::test_support::{assert_reads_as_corridor, non_ws, repo_file};
use crate::{extract, import_file, ImportError};
use attest_core::SourceFormat;
use std::io::Write;

/// A PDF of the given objects (numbered from 1, written as given between `obj` and
/// `endobj`); object 1 is the catalog, `info` the document information's number.
fn pdf_of(objects: &[Vec<u8>], info: Option<usize>) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for o in offsets {
        writeln!(out, "{o:010} 00000 n ").unwrap();
    }
    let info = info.map(|i| format!(" /Info {i} 0 R")).unwrap_or_default();
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut o = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    o.extend_from_slice(data);
    o.extend_from_slice(b"\nendstream");
    o
}

/// A PDF whose pages draw the given content streams, with Helvetica as `/F1` and
/// Helvetica-Bold as `/F2`; `catalog_extra` and `info` are added as given.
fn pdf_pages(contents: &[Vec<u8>], catalog_extra: &str, info: Option<&str>) -> Vec<u8> {
    let n = contents.len();
    // 1 catalog, 2 pages, 3-4 fonts, then page and content objects, then info.
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
    let mut objects = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog_extra} >>").into_bytes(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for (i, content) in contents.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                6 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(content.clone());
    }
    let info_at = info.map(|i| {
        objects.push(i.as_bytes().to_vec());
        objects.len()
    });
    pdf_of(&objects, info_at)
}

/// A content stream drawing each `(x, y, size, text)` as a line of Helvetica.
fn lines(lines: &[(f64, f64, f64, &str)]) -> Vec<u8> {
    let mut ops = String::new();
    for (x, y, size, text) in lines {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        ops.push_str(&format!("BT /F1 {size} Tf {x} {y} Td ({escaped}) Tj ET\n"));
    }
    stream("", ops.as_bytes())
}

fn text_of(bytes: &[u8]) -> String {
    document(bytes).expect("a readable PDF").text
}

// --- Real files ------------------------------------------------------------------------

#[test]
fn libreoffice_pdf_reads_as_corridor_one_line_per_paragraph() {
    let source = std::fs::read_to_string(repo_file("tests/fixtures/corridor.txt")).unwrap();
    let imported = import_file(&repo_file("tests/fixtures/corridor.pdf"));
    let d = &imported[0].result.as_ref().unwrap().draft;
    assert_reads_as_corridor(d, SourceFormat::Pdf);
    // The empty paragraph of the source is no line in a PDF; every other one is a line.
    let paragraphs: Vec<&str> = source.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(d.text.lines().collect::<Vec<_>>(), paragraphs);
    assert_eq!(d.meta.language.as_deref(), Some("en-US"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-11-28T20:44:40Z"));
}

#[test]
fn a_pdf_that_needs_a_password_is_refused_as_such() {
    let bytes = std::fs::read(repo_file("tests/fixtures/corridor-password.pdf")).unwrap();
    assert_eq!(
        document(&bytes).unwrap_err(),
        ImportError::PasswordProtected
    );
    let err = extract(&bytes, "c.pdf", SourceFormat::Pdf).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the document is password-protected; remove the password and import it again"
    );
}

#[test]
fn a_pdf_encrypted_only_against_editing_is_read() {
    // qpdf --encrypt "" owner 256: it opens without a password, as in any reader.
    let d = import_file(&repo_file("tests/fixtures/corridor-restricted.pdf"));
    assert_reads_as_corridor(&d[0].result.as_ref().unwrap().draft, SourceFormat::Pdf);
}

#[test]
fn a_truncated_pdf_is_damaged() {
    let whole = std::fs::read(repo_file("tests/fixtures/corridor.pdf")).unwrap();
    for cut in [10, 100, whole.len() / 3, whole.len() / 2, whole.len() - 100] {
        let err = document(&whole[..cut]).unwrap_err();
        assert!(
            matches!(&err, ImportError::Damaged(m) if m.contains("cut short")),
            "cut at {cut}: {err:?}"
        );
    }
}

#[test]
fn garbage_named_pdf_is_damaged_not_a_panic() {
    let noise: Vec<u8> = (0u32..5000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let err = extract(&noise, "x.pdf", SourceFormat::Pdf).unwrap_err();
    assert_eq!(
        err,
        ImportError::Damaged("it is named as a PDF but is not one (no %PDF- header)".into())
    );
    let mut fake = b"%PDF-1.7\n".to_vec();
    fake.extend_from_slice(&noise);
    fake.extend_from_slice(b"\n%%EOF\n");
    assert!(matches!(document(&fake), Err(ImportError::Damaged(_))));
}

// --- Text layer ------------------------------------------------------------------------

#[test]
fn a_page_without_text_has_no_text_layer() {
    // A "scan": an image drawn over the page, and some vector graphics; no text at all.
    let image = stream(
        "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
        &[0, 255, 255, 0],
    );
    let content = stream("", b"q 612 0 0 792 0 0 cm /Im1 Do Q 0 0 m 100 100 l S");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        content,
        image,
    ];
    let bytes = pdf_of(&objects, None);
    assert_eq!(document(&bytes).unwrap_err(), ImportError::NoTextLayer);
    assert_eq!(
        extract(&bytes, "scan.pdf", SourceFormat::Pdf)
            .unwrap_err()
            .to_string(),
        "the PDF has no text layer (a scanned document?) — OCR is not supported"
    );
}

#[test]
fn lines_join_into_paragraphs_across_a_page_and_page_numbers_are_dropped() {
    // Page 1: a headline in a larger size, a body paragraph whose last line is full and
    // goes on at the top of page 2, a page number in the bottom margin.
    let page1 = lines(&[
        (72.0, 720.0, 18.0, "Ferry service resumes"),
        (
            72.0,
            690.0,
            12.0,
            "The ferry between the two islands will run again from",
        ),
        (
            72.0,
            676.0,
            12.0,
            "Monday, the harbour master said, after a winter of repairs",
        ),
        (72.0, 662.0, 12.0, "Short last line."),
        (
            72.0,
            648.0,
            12.0,
            "A second paragraph starts here and fills the line up to the",
        ),
        (
            72.0,
            634.0,
            12.0,
            "right margin of the page so that it must go on to the next",
        ),
        (300.0, 40.0, 10.0, "1"),
    ]);
    let page2 = lines(&[
        (72.0, 720.0, 12.0, "page, where it ends with a well-"),
        (72.0, 706.0, 12.0, "known phrase."),
        (300.0, 40.0, 10.0, "Page 2 of 2"),
    ]);
    let text = text_of(&pdf_pages(&[page1, page2], "", None));
    assert_eq!(
        text,
        "Ferry service resumes\n\
         The ferry between the two islands will run again from Monday, the harbour master said, after a winter of repairs Short last line.\n\
         A second paragraph starts here and fills the line up to the right margin of the page so that it must go on to the next page, where it ends with a well-known phrase."
    );
}

#[test]
fn a_short_line_ends_its_paragraph_and_a_wide_gap_does_too() {
    let page = lines(&[
        (72.0, 700.0, 12.0, "By Ola Nordmann"),
        (
            72.0,
            686.0,
            12.0,
            "OSLO: The first paragraph is long enough to reach the margin",
        ),
        (72.0, 672.0, 12.0, "and ends here."),
        (
            72.0,
            658.0,
            12.0,
            "The second paragraph follows without any space between and",
        ),
        (
            72.0,
            644.0,
            12.0,
            "is a full line too, one that reaches the right margin, so far",
        ),
        (72.0, 610.0, 12.0, "Far below: a new paragraph after a gap."),
    ]);
    let text = text_of(&pdf_pages(&[page], "", None));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "By Ola Nordmann",
            "OSLO: The first paragraph is long enough to reach the margin and ends here.",
            "The second paragraph follows without any space between and is a full line too, one that reaches the right margin, so far",
            "Far below: a new paragraph after a gap.",
        ]
    );
}

#[test]
fn every_character_is_kept_and_spaces_come_from_gaps() {
    // Words placed by TJ offsets, not by space characters; a hyphen and WinAnsi
    // characters. (Two lines, no wider one to show the margin: one paragraph.)
    let ops =
        b"BT /F1 12 Tf 72 700 Td [(Kilim)-300(\\(hand-woven\\))-300(costs)-300(\\20080.)] TJ ET\n\
                BT /F1 12 Tf 72 686 Td (caf\\351 na\\357ve \\227 \\223quoted\\224) Tj ET";
    let text = text_of(&pdf_pages(&[stream("", ops)], "", None));
    assert_eq!(text, "Kilim (hand-woven) costs €80. café naïve — “quoted”");
}

#[test]
fn a_flate_bomb_is_refused_without_inflating_it() {
    // A page content stream that inflates to 17 MB of spaces.
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![b' '; 1 << 20];
    for _ in 0..17 {
        z.write_all(&block).unwrap();
    }
    let packed = z.finish().unwrap();
    assert!(packed.len() < 100_000);
    let bomb = stream("/Filter /FlateDecode", &packed);
    let bytes = pdf_pages(&[bomb], "", None);
    assert!(
        matches!(document(&bytes), Err(ImportError::Unpacks { .. })),
        "{:?}",
        document(&bytes).map(|d| d.text.len())
    );
}

#[test]
fn many_object_streams_are_refused() {
    let mut bytes = pdf_pages(&[lines(&[(72.0, 700.0, 12.0, "Text")])], "", None);
    let at = bytes.len() - 30;
    let filler: Vec<u8> = b"% /ObjStm\n".repeat(super::MAX_OBJECT_STREAMS + 1);
    bytes.splice(at..at, filler);
    assert!(matches!(document(&bytes), Err(ImportError::Unpacks { .. })));
}

/// A one-page PDF whose page draws form `/X5` (object 5); `forms` are objects 5, 6, …,
/// each `(content, XObject resources)`; Helvetica is object 4.
fn with_forms(page: &str, forms: &[(String, String)], parent_loop: bool) -> Vec<u8> {
    let parent = if parent_loop {
        "/Parent 3 0 R"
    } else {
        "/Parent 2 0 R"
    };
    let font = "/Font << /F1 4 0 R >>";
    let page_dict = format!(
        "<< /Type /Page {parent} /MediaBox [0 0 612 792] /Resources << {font} /XObject << /X5 5 0 R >> >> /Contents {} 0 R >>",
        5 + forms.len()
    );
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page_dict.into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    for (content, xobjects) in forms {
        let dict = format!(
            "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << {font} /XObject << {xobjects} >> >>"
        );
        objects.push(stream(&dict, content.as_bytes()));
    }
    objects.push(stream("", page.as_bytes()));
    pdf_of(&objects, None)
}

#[test]
fn text_in_forms_is_read_and_forms_that_loop_or_multiply_are_refused() {
    let text = "BT /F1 12 Tf 72 700 Td (Inside a form) Tj ET".to_owned();
    let ok = with_forms("/X5 Do", &[(text.clone(), String::new())], false);
    assert_eq!(text_of(&ok), "Inside a form");

    // A form that draws itself would recurse until the stack overflows.
    let looping = with_forms(
        "/X5 Do",
        &[(format!("{text} /X5 Do"), "/X5 5 0 R".into())],
        false,
    );
    let err = document(&looping).unwrap_err();
    assert!(
        matches!(&err, ImportError::Damaged(m) if m.contains("draws itself")),
        "{err:?}"
    );

    // Five forms each drawing the next a hundred times: 10^10 operations.
    let forms: Vec<(String, String)> = (0..5)
        .map(|i| {
            let next = 6 + i;
            if i == 4 {
                (text.clone(), String::new())
            } else {
                (
                    format!("/X{next} Do\n").repeat(100),
                    format!("/X{next} {next} 0 R"),
                )
            }
        })
        .collect();
    let started = std::time::Instant::now();
    let err = document(&with_forms("/X5 Do", &forms, false)).unwrap_err();
    assert!(
        matches!(&err, ImportError::Damaged(m) if m.contains("repeat")),
        "{err:?}"
    );
    assert!(started.elapsed().as_secs() < 20);

    // A page that is its own parent.
    let err = document(&with_forms("/X5 Do", &[(text, String::new())], true)).unwrap_err();
    assert!(matches!(err, ImportError::Damaged(_)), "{err:?}");
}

// --- Document information --------------------------------------------------------------

#[test]
fn info_xmp_and_lang_fill_the_properties() {
    let page = lines(&[(72.0, 700.0, 12.0, "Der Text der Seite.")]);
    // Title in UTF-16BE, author in PDFDocEncoding, a date with an offset.
    let info =
        "<< /Title <FEFF004600E40068007200650020201E0058201C> /Author (J\\374rgen M\\374ller) \
                /CreationDate (D:20240305101500+01'00') >>";
    let d = document(&pdf_pages(
        std::slice::from_ref(&page),
        "/Lang (de-DE)",
        Some(info),
    ))
    .unwrap();
    assert_eq!(d.title.as_deref(), Some("Fähre „X“"));
    assert_eq!(d.author.as_deref(), Some("Jürgen Müller"));
    assert_eq!(d.date.as_deref(), Some("2024-03-05T10:15:00+01:00"));
    assert_eq!(d.language.as_deref(), Some("de-DE"));

    // Placeholders are no titles; XMP fills what /Info lacks.
    let xmp = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:creator><rdf:Seq><rdf:li>Kari Nordmann</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>nb</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>2023-11-02T08:00:00Z</xmp:CreateDate>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;
    let n = 5 + 2 + 1; // catalog, pages, fonts, page, content, then info (7), XMP (8)
    let mut bytes_objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 8 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 6 0 R >>".to_vec(),
        page,
        b"<< /Title (Microsoft Word - draft.docx) /Producer (x) >>".to_vec(),
    ];
    bytes_objects.push(stream("/Type /Metadata /Subtype /XML", xmp.as_bytes()));
    assert_eq!(bytes_objects.len(), n);
    let d = document(&pdf_of(&bytes_objects, Some(7))).unwrap();
    assert_eq!(d.title, None);
    assert_eq!(d.author.as_deref(), Some("Kari Nordmann"));
    assert_eq!(d.date.as_deref(), Some("2023-11-02T08:00:00Z"));
    assert_eq!(d.language.as_deref(), Some("nb"));
}

#[test]
fn pdf_dates_become_iso_8601() {
    assert_eq!(pdf_date("D:20240305").as_deref(), Some("2024-03-05"));
    assert_eq!(
        pdf_date("D:20240305101500Z").as_deref(),
        Some("2024-03-05T10:15:00Z")
    );
    assert_eq!(
        pdf_date("D:202403051015-05'30'").as_deref(),
        Some("2024-03-05T10:15:00-05:30")
    );
    assert_eq!(pdf_date("20240305").as_deref(), Some("2024-03-05"));
    assert_eq!(pdf_date("D:2024"), None);
    assert_eq!(pdf_date("D:20241305"), None);
    assert_eq!(pdf_date("D:00000000"), None);
    assert_eq!(pdf_date(""), None);
}

// --- Hostile bytes ---------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics_on_any_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            header in any::<bool>(),
        ) {
            let mut input = if header { b"%PDF-1.5\n".to_vec() } else { Vec::new() };
            input.extend_from_slice(&bytes);
            if header {
                input.extend_from_slice(b"\n%%EOF\n");
            }
            let _ = document(&input);
        }

        #[test]
        fn never_panics_on_a_damaged_fixture(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
        ) {
            let mut bytes = std::fs::read(repo_file("tests/fixtures/corridor.pdf")).unwrap();
            for (at, value) in edits {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            if let Ok(d) = document(&bytes) {
                // Whatever is read is text, never control characters.
                prop_assert!(!d.text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            }
        }

        #[test]
        fn keeps_every_non_whitespace_character(words in proptest::collection::vec("[A-Za-z0-9.,;:!?'-]{1,12}", 1..60)) {
            // Words laid out in lines of at most 8, as a word processor would.
            let mut rows = Vec::new();
            for (i, chunk) in words.chunks(8).enumerate() {
                rows.push((72.0, 700.0 - 14.0 * i as f64, 12.0, chunk.join(" ")));
            }
            let rows: Vec<(f64, f64, f64, &str)> =
                rows.iter().map(|(x, y, s, t)| (*x, *y, *s, t.as_str())).collect();
            let text = text_of(&pdf_pages(&[lines(&rows)], "", None));
            prop_assert_eq!(non_ws(&text), non_ws(&words.concat()));
        }
    }
}
