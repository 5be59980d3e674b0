//! The DOCX writer read back: by a zip/XML reader (footnotes wired up, well-formed XML)
//! and by a real word processor (LibreOffice converts it to PDF, poppler extracts the
//! text, and every quote, attribution and citation must be there).
//!
//! Needs `soffice` (Debian: libreoffice-writer or libreoffice-writer-nogui) and
//! `pdftotext` (Debian: poppler-utils); without them these tests fail, never skip.
//! Set DOCX_READERS_KEEP=/some/dir to keep the DOCX and PDF files for a look.

use attest_export::{docx, Block, Document, Quote, Run};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TRICKY: &str = "We will not abandon our <partners> & *friends*_x, whatever it costs.";
/// No lam-alef here: pdftotext gives that ligature back as alef-lam, so a word
/// holding it would never match, however well the DOCX carries it.
const ARABIC: &str = "«سنواصل العمل مع شركائنا في المنطقة من أجل التنمية»";
/// U+0000, U+0008, U+000B, U+000C and U+001F can't be in XML: the writer drops them.
const CONTROL: &str = "Talks\u{0} re\u{8}sume\u{B}d\u{C} today\u{1F}.";
const CONTROL_CLEAN: &str = "Talks resumed today.";
const QUOTES: usize = 34;

fn citation(n: usize) -> Vec<Run> {
    vec![
        Run::plain(format!("Reporter {n}, ")),
        Run {
            text: format!("Corridor report number {n}"),
            italic: true,
        },
        Run::plain(format!(", The Daily Ledger, 2026-05-01, ¶{n}.")),
    ]
}

fn citation_text(n: usize) -> String {
    citation(n).into_iter().map(|r| r.text).collect()
}

fn quote_text(n: usize) -> String {
    match n {
        0 => TRICKY.to_owned(),
        1 => ARABIC.to_owned(),
        2 => CONTROL.to_owned(),
        // Long enough to wrap over several lines.
        _ => format!(
            "“Statement {n}: the ministry confirms that the corridor talks will resume next \
             week, that both delegations have agreed on an agenda, and that observers from \
             the region are invited to attend every session of round {n}.”"
        ),
    }
}

fn attribution(n: usize) -> String {
    format!("Speaker {n} (direct quote)")
}

/// A dossier with a section, 34 quotes (so the notes run over several pages), an
/// article, a note, commentary and a notice.
fn sample() -> Document {
    let mut blocks = vec![Block::Section("Statements & <claims>".into())];
    for n in 0..QUOTES {
        blocks.push(Block::Quote(Quote {
            text: quote_text(n),
            // Every fifth is a highlighted passage: no speaker.
            attribution: (n % 5 != 4).then(|| attribution(n)),
            citation: citation(n),
            note: if n == 3 {
                vec!["The second delegation disputes the agenda.".into()]
            } else {
                Vec::new()
            },
        }));
        if n == 10 {
            blocks.push(Block::Commentary(vec![
                "Both sides repeat the same line.".into()
            ]));
        }
    }
    blocks.push(Block::Section("Articles".into()));
    blocks.push(Block::Article {
        heading: "Talks resume on the corridor".into(),
        citation: citation(QUOTES),
        paragraphs: vec![
            "ISLAMABAD — Officials met on Monday.".into(),
            "They agreed to meet again.".into(),
        ],
    });
    blocks.push(Block::Notice(
        "[This item's statement was deleted from the notebook.]".into(),
    ));
    Document {
        title: "Corridor talks: what was said".into(),
        description: vec!["Statements on the corridor, spring 2026.".into()],
        blocks,
    }
}

/// The named part of a DOCX file, as text.
fn part(file: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(file)).expect("a zip file");
    let mut out = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name} in the DOCX: {e}"))
        .read_to_string(&mut out)
        .expect("UTF-8 XML");
    out
}

/// Panics unless `xml` is well-formed and holds only characters XML 1.0 allows.
fn assert_well_formed(name: &str, xml: &str) {
    let bad = xml.chars().find(|&c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    });
    assert_eq!(bad, None, "{name} holds a character XML forbids");
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "{name} is not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
}

/// The `w:id` values of `tag` elements in `xml`.
fn ids(xml: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag} ");
    xml.split(&open)
        .skip(1)
        .filter_map(|rest| {
            let rest = &rest[..rest.find('>')?];
            let at = rest.find("w:id=\"")? + "w:id=\"".len();
            Some(rest[at..][..rest[at..].find('"')?].to_owned())
        })
        .collect()
}

#[test]
fn footnotes_xml_holds_one_note_per_citation_and_the_document_references_them() {
    let doc = sample();
    let file = docx(&doc).expect("DOCX");
    let document = part(&file, "word/document.xml");
    let footnotes = part(&file, "word/footnotes.xml");
    let styles = part(&file, "word/styles.xml");
    for (name, xml) in [
        ("document.xml", &document),
        ("footnotes.xml", &footnotes),
        ("styles.xml", &styles),
    ] {
        assert_well_formed(name, xml);
    }

    let references = ids(&document, "w:footnoteReference");
    let notes = ids(&footnotes, "w:footnote");
    assert_eq!(references.len(), doc.citation_count());
    assert_eq!(references.len(), QUOTES + 1);
    assert_eq!(notes, references, "one note per reference, in order");
    assert_eq!(
        references.iter().collect::<HashSet<_>>().len(),
        references.len(),
        "note ids are unique"
    );
    // Each note starts with its own number mark, as Word expects.
    assert_eq!(footnotes.matches("<w:footnoteRef />").count(), notes.len());
    // The rels and content types declare the footnotes part.
    assert!(part(&file, "word/_rels/document.xml.rels").contains("footnotes.xml"));
    assert!(part(&file, "[Content_Types].xml").contains("/word/footnotes.xml"));

    // Citation text goes into the notes, italics included, escaped as XML.
    for n in 0..=QUOTES {
        assert!(footnotes.contains(&format!("Corridor report number {n}<")));
    }
    assert!(footnotes.contains("<w:i />"), "italic citation runs");
    assert!(document.contains("&lt;partners&gt; &amp; *friends*_x"));
    assert!(document.contains(ARABIC));
    assert!(document.contains(CONTROL_CLEAN));
    assert!(
        document.contains("<w:bidi"),
        "the Arabic quote is a right-to-left paragraph"
    );

    // Styles are declared with ids and Word's names, headings with outline levels.
    for (id, name) in [
        ("Title", "Title"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Quote", "Quote"),
        ("Attribution", "Attribution"),
        ("FootnoteText", "footnote text"),
        ("FootnoteReference", "footnote reference"),
    ] {
        let at = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("style {id}"));
        assert!(
            styles[at..].starts_with(&format!("w:styleId=\"{id}\"><w:name w:val=\"{name}\"")),
            "style {id} named {name}"
        );
    }
    assert!(styles.contains("<w:outlineLvl w:val=\"0\" />"));
    assert!(styles.contains("<w:outlineLvl w:val=\"1\" />"));
    for style in ["Title", "Heading1", "Quote", "Attribution"] {
        assert!(
            document.contains(&format!("<w:pStyle w:val=\"{style}\" />")),
            "{style} used"
        );
    }
}

#[test]
fn libreoffice_reads_every_quote_attribution_and_citation() {
    let doc = sample();
    let text = normalise(&through_libreoffice("dossier", &docx(&doc).expect("DOCX")));

    assert!(
        text.contains("Corridor talks: what was said"),
        "title in:\n{text}"
    );
    assert!(text.contains("Statements & <claims>"));
    assert!(text.contains("Talks resume on the corridor"));
    assert!(text.contains("They agreed to meet again."));
    assert!(text.contains("Note: The second delegation disputes the agenda."));
    assert!(text.contains("Both sides repeat the same line."));
    assert!(text.contains("[This item's statement was deleted from the notebook.]"));
    for n in 0..QUOTES {
        let quote = quote_text(n);
        match n {
            // Right-to-left text may come out in visual order, wrapped in bidi controls
            // and with mirrored guillemets: compare the words.
            1 => {
                let words = |s: &str| -> HashSet<String> {
                    s.split(' ')
                        .map(|w| {
                            w.chars()
                                .filter(|c| !matches!(c, '«' | '»' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
                                .collect()
                        })
                        .collect()
                };
                let found = words(&text);
                for word in words(ARABIC) {
                    assert!(found.contains(&word), "Arabic word {word} in:\n{text}");
                }
            }
            2 => assert!(text.contains(CONTROL_CLEAN), "{CONTROL_CLEAN} in:\n{text}"),
            _ => assert!(text.contains(&normalise(&quote)), "quote {n} in:\n{text}"),
        }
        if n % 5 != 4 {
            let who = format!("— {}", attribution(n));
            assert!(text.contains(&who), "{who} in:\n{text}");
        }
    }
    for n in 0..=QUOTES {
        let note = citation_text(n);
        assert!(text.contains(&note), "footnote {note} in:\n{text}");
    }
}

#[test]
fn an_empty_dossier_is_still_a_document() {
    let doc = Document {
        title: "Nothing yet".into(),
        description: Vec::new(),
        blocks: Vec::new(),
    };
    let file = docx(&doc).expect("DOCX");
    assert_well_formed("document.xml", &part(&file, "word/document.xml"));
    let text = normalise(&through_libreoffice("empty", &file));
    assert!(text.contains("Nothing yet"), "{text}");
    assert!(text.contains("This dossier has no items yet."), "{text}");
}

/// Whitespace runs collapsed to one space: the PDF wraps long lines.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Converts `file` to PDF with LibreOffice and returns the PDF's text.
fn through_libreoffice(name: &str, file: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join(format!("{name}.docx"));
    std::fs::write(&input, file).expect("write the DOCX");
    // A profile of its own, so parallel runs (and a user's LibreOffice) don't collide.
    let profile = dir.path().join("profile");
    let out = dir.path().join("out");
    // One LibreOffice at a time: two starting at once in fresh profiles have been seen
    // to abort (signal 6) here; and one more try if a start still fails that way.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let convert = || {
        let mut soffice = Command::new("soffice");
        soffice
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&out)
            .arg(&input);
        run(
            soffice,
            "soffice",
            "libreoffice-writer (or libreoffice-writer-nogui)",
        )
    };
    let mut status = convert();
    if !status.status.success() {
        eprintln!("soffice failed once, trying again: {status:?}");
        status = convert();
    }
    assert!(status.status.success(), "soffice failed: {status:?}");
    let pdf = out.join(format!("{name}.pdf"));
    assert!(pdf.is_file(), "soffice wrote no PDF: {status:?}");

    let mut pdftotext = Command::new("pdftotext");
    pdftotext.arg("-layout").arg(&pdf).arg("-");
    let text = run(pdftotext, "pdftotext", "poppler-utils");
    assert!(text.status.success(), "pdftotext failed: {text:?}");

    if let Some(keep) = std::env::var_os("DOCX_READERS_KEEP") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).expect("DOCX_READERS_KEEP dir");
        for f in [&input, &pdf] {
            copy_into(f, &keep);
        }
    }
    String::from_utf8(text.stdout).expect("UTF-8 text")
}

fn copy_into(file: &Path, dir: &Path) {
    let name = file.file_name().expect("file name");
    std::fs::copy(file, dir.join(name)).expect("keep a copy");
}

/// Runs `cmd` to completion (three minutes at most), failing the test with the Debian
/// package to install when the program is missing.
fn run(mut cmd: Command, program: &str, package: &str) -> std::process::Output {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!("`{program}` is not installed: install the Debian package {package}")
        }
        Err(e) => panic!("cannot run {program}: {e}"),
    };
    // Read the output on threads so a full pipe can't stall the child while we wait.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stdout.read_to_end(&mut buf).map(|_| buf)
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stderr.read_to_end(&mut buf).map(|_| buf)
    });
    let deadline = Instant::now() + Duration::from_secs(180);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{program} did not finish in three minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    std::process::Output {
        status,
        stdout: out.join().expect("stdout thread").expect("read stdout"),
        stderr: err.join().expect("stderr thread").expect("read stderr"),
    }
}
