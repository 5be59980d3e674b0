//! Reads the PDFs back with poppler's `pdftotext`: what a reader can search for is
//! what the dossier says, verbatim. Needs poppler-utils (`apt-get install poppler-utils`).

use attest_export::{Block, Document, Quote, Run};
use std::process::Command;
use std::time::Instant;

fn quote(text: &str, attribution: Option<&str>, citation: &[(&str, bool)]) -> Block {
    Block::Quote(Quote {
        text: text.into(),
        attribution: attribution.map(Into::into),
        citation: citation
            .iter()
            .map(|&(text, italic)| Run {
                text: text.into(),
                italic,
            })
            .collect(),
        note: Vec::new(),
    })
}

fn doc(title: &str, blocks: Vec<Block>) -> Document {
    Document {
        title: title.into(),
        description: vec!["What the ministry said about the talks.".into()],
        blocks,
    }
}

fn render(doc: &Document) -> Vec<u8> {
    let bytes = attest_pdf::pdf(doc).expect("the dossier compiles");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    bytes
}

/// Runs a poppler tool on `pdf`; fails loudly when poppler-utils is missing.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dossier.pdf");
    std::fs::write(&path, pdf).expect("write the PDF");
    if let Ok(out) = std::env::var("ATTEST_PDF_SAMPLE") {
        // Keep a copy to look at (pdftoppm) when asked.
        let _ = std::fs::write(out, pdf);
    }
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {tool} ({e}): install poppler-utils (apt-get install poppler-utils)")
        });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

fn text(pdf: &[u8]) -> String {
    poppler("pdftotext", &[], pdf)
}

fn page_text(pdf: &[u8], page: usize) -> String {
    let p = page.to_string();
    poppler("pdftotext", &["-f", &p, "-l", &p], pdf)
}

/// pdftotext ends every page with a form feed.
fn page_count(text: &str) -> usize {
    text.matches('\u{c}').count()
}

/// Whitespace collapsed to single spaces, soft hyphens dropped, and no space after a
/// hyphen (a line may break after a hyphen the text has) nor around a slash
/// (pdftotext reads the footer's "3 / 12" as "3/12").
fn normalise(s: &str) -> String {
    let s = s.replace('\u{ad}', "");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.replace("- ", "-").replace(" / ", "/")
}

#[track_caller]
fn assert_contains(haystack: &str, needle: &str) {
    let (h, n) = (normalise(haystack), normalise(needle));
    assert!(h.contains(&n), "{n:?} is not in the PDF text:\n{h}");
}

fn citation_text(block: &Block) -> String {
    match block {
        Block::Quote(q) => q.citation.iter().map(|r| r.text.as_str()).collect(),
        _ => String::new(),
    }
}

#[test]
fn quotes_attributions_and_citations_are_searchable() {
    let blocks = vec![
        Block::Section("Statements on the talks".into()),
        quote(
            "“We will not accept any preconditions for the talks,” the minister said.",
            Some("Wang Yi (direct quote)"),
            &[
                ("Li Wei, ", false),
                ("Talks resume in Geneva", true),
                (
                    ", Xinhua, 2024-03-01, ¶4, https://example.org/a?b=1&c=2.",
                    false,
                ),
            ],
        ),
        quote(
            "The ministry said the delegation would leave on Monday.",
            Some("Foreign Ministry (paraphrase)"),
            &[("Reuters, 2024-03-02, ¶2.", false)],
        ),
        Block::Commentary(vec!["This contradicts the earlier statement.".into()]),
        Block::Quote(Quote {
            text: "A highlighted passage without a speaker.".into(),
            attribution: None,
            citation: vec![Run::plain("AP, 2024-03-03, ¶7.")],
            note: vec!["Compare with the first quote.".into()],
        }),
        Block::Article {
            heading: "Talks resume in Geneva".into(),
            citation: vec![Run::plain("Xinhua, 2024-03-01.")],
            paragraphs: vec![
                "GENEVA — Delegations met on Friday.".into(),
                "The talks lasted four hours.".into(),
            ],
        },
        Block::Notice("[The article “Gone” is no longer in the notebook.]".into()),
    ];
    let document = doc("Geneva talks", blocks.clone());
    let pdf = render(&document);
    let all = text(&pdf);
    assert_contains(&all, "Geneva talks");
    assert_contains(&all, "What the ministry said about the talks.");
    for block in &blocks {
        if let Block::Quote(q) = block {
            assert_contains(&all, &q.text);
            if let Some(who) = &q.attribution {
                assert_contains(&all, &format!("— {who}"));
            }
            assert_contains(&all, &citation_text(block));
        }
    }
    assert_contains(&all, "Note: Compare with the first quote.");
    assert_contains(&all, "This contradicts the earlier statement.");
    assert_contains(&all, "GENEVA — Delegations met on Friday.");
    assert_contains(&all, "The talks lasted four hours.");
    assert_contains(&all, "Xinhua, 2024-03-01.");
    assert_contains(&all, "[The article “Gone” is no longer in the notebook.]");
    assert_contains(&all, "1 / 1");
}

#[test]
fn markup_in_text_is_set_verbatim() {
    let hostile = [
        r#"#import "x": *"#,
        r#"#include "/etc/passwd" and #read("/etc/hostname")"#,
        r#"#panic("injected") #eval("1 + 1")"#,
        "*not bold* and _not emphasised_ and `not raw`",
        r"$x^2 + \alpha$ costs \$5, a \\ backslash and \#hash",
        "<script>alert(1)</script> & &amp; <label> @label",
        "[link](https://example.org) ] unbalanced [ brackets",
        "= Not a heading",
        "- not a list item",
        r#"#set page(width: 1cm) #show: none"#,
        "// not a comment /* nor this */",
    ];
    let blocks: Vec<Block> = std::iter::once(Block::Section("#heading() *s*".into()))
        .chain(hostile.iter().map(|&t| {
            quote(
                t,
                Some(&format!("{t} (direct quote)")),
                &[(&format!("cited {t}"), true)],
            )
        }))
        .chain([
            Block::Commentary(vec![r#"#import "y" in commentary"#.into()]),
            Block::Notice(r"#notice\ *x*".into()),
        ])
        .collect();
    let document = Document {
        title: r#"#title("x") $y$"#.into(),
        description: vec![r"_desc_ #desc".into()],
        blocks,
    };
    let all = text(&render(&document));
    for t in hostile {
        assert_contains(&all, t);
        assert_contains(&all, &format!("— {t} (direct quote)"));
        assert_contains(&all, &format!("cited {t}"));
    }
    for t in [
        "#heading() *s*",
        r#"#import "y" in commentary"#,
        r"#notice\ *x*",
        r#"#title("x") $y$"#,
        r"_desc_ #desc",
    ] {
        assert_contains(&all, t);
    }
}

#[test]
fn arabic_quote_renders_with_an_arabic_font() {
    let arabic = "«لن نقبل أي شروط مسبقة للمحادثات» قال وزير الخارجية";
    let document = doc(
        "Arabic statements",
        vec![quote(
            arabic,
            Some("وزير الخارجية (direct quote)"),
            &[("Al Ahram, 2024-03-01, ¶2.", false)],
        )],
    );
    let pdf = render(&document);
    let all = normalise(&text(&pdf));
    for word in ["نقبل", "شروط", "مسبقة", "للمحادثات", "وزير", "الخارجية"]
    {
        assert!(
            all.contains(word),
            "{word:?} is not in the PDF text:\n{all}"
        );
    }
    assert_contains(&all, "Al Ahram, 2024-03-01, ¶2.");
    // The glyphs come from a font that has Arabic, not from Libertinus' empty boxes.
    let fonts = poppler("pdffonts", &[], &pdf);
    assert!(
        fonts.contains("NotoNaskhArabic") || fonts.contains("DejaVuSans"),
        "no Arabic font is embedded (install fonts-dejavu-core):\n{fonts}"
    );
}

#[test]
fn empty_dossier_says_so() {
    let document = Document {
        title: String::new(),
        description: Vec::new(),
        blocks: Vec::new(),
    };
    let all = text(&render(&document));
    assert_contains(&all, "Untitled dossier");
    assert_contains(&all, "This dossier has no items yet.");
    assert_eq!(page_count(&all), 1);
}

#[test]
fn citations_are_footnotes_at_the_bottom_of_the_page() {
    let document = doc(
        "Footnotes",
        vec![
            quote(
                "The talks will resume next week.",
                Some("Wang Yi (direct quote)"),
                &[
                    ("Xinhua, ", false),
                    ("Talks to resume", true),
                    (", ¶3.", false),
                ],
            ),
            Block::Commentary(vec!["The last paragraph of the body text.".into()]),
        ],
    );
    let page = normalise(&page_text(&render(&document), 1));
    let body = page
        .find("The last paragraph of the body text.")
        .expect("commentary on page 1");
    let note = page
        .find("Xinhua, Talks to resume, ¶3.")
        .expect("citation on page 1");
    assert!(
        note > body,
        "the citation is not below the body text:\n{page}"
    );
    // The footnote entry starts with its number, right before the citation.
    assert!(
        page.contains("1Xinhua, Talks to resume") || page.contains("1 Xinhua, Talks to resume"),
        "no numbered footnote:\n{page}"
    );
}

#[test]
fn long_dossiers_get_a_table_of_contents() {
    let short = doc(
        "Short",
        vec![
            Block::Section("One".into()),
            quote("First.", None, &[("A.", false)]),
        ],
    );
    assert!(!text(&render(&short)).contains("Contents"));

    let long = doc(
        "Long",
        ["Beijing", "Washington", "Geneva"]
            .iter()
            .flat_map(|s| {
                [
                    Block::Section(format!("Statements from {s}")),
                    quote(&format!("A statement from {s}."), None, &[("A.", false)]),
                ]
            })
            .collect(),
    );
    let first = normalise(&page_text(&render(&long), 1));
    assert!(first.contains("Contents"), "no contents:\n{first}");
    assert!(first.contains("Statements from Geneva"), "{first}");
}

#[test]
fn a_thousand_quotes_compile() {
    let blocks: Vec<Block> = (1..=1000)
        .map(|i| {
            quote(
                &format!(
                    "“Statement number {i}: the delegation will continue to work for a \
                     peaceful settlement and rejects any interference in its internal affairs.”"
                ),
                Some("Wang Yi (direct quote)"),
                &[
                    ("Li Wei, ", false),
                    (&format!("Briefing {i}"), true),
                    (
                        ", Xinhua, 2024-03-01, ¶4, https://example.org/briefing.",
                        false,
                    ),
                ],
            )
        })
        .collect();
    let document = doc("A thousand quotes", blocks);
    // Warm up first: the fonts are scanned once per process, not per dossier.
    let start = Instant::now();
    render(&doc(
        "Warm-up",
        vec![quote("Warm.", None, &[("A.", false)])],
    ));
    eprintln!(
        "first (small) dossier, fonts included: {:.2?}",
        start.elapsed()
    );
    let start = Instant::now();
    let pdf = render(&document);
    let elapsed = start.elapsed();
    let all = text(&pdf);
    let pages = page_count(&all);
    eprintln!(
        "1,000 quotes: {pages} pages, {} KiB, compiled in {elapsed:.2?}",
        pdf.len() / 1024
    );
    assert!(pages > 100, "only {pages} pages");
    assert_contains(&all, "Statement number 1: the delegation");
    assert_contains(&all, "Statement number 1000: the delegation");
    assert_contains(&all, "Briefing 1000, Xinhua");
    assert_contains(&all, &format!("{pages} / {pages}"));
}

#[test]
fn long_words_and_urls_stay_on_the_page() {
    let url = "https://www.example.org/news/2024/03/01/a-long-slug-with-many-words\
               ?utm_source=feed&utm_medium=social&utm_campaign=spring";
    let token = format!("Token{}", "x".repeat(150));
    let document = doc(
        "Long words",
        vec![
            quote(&token, Some("Nobody (direct quote)"), &[(url, false)]),
            Block::Article {
                heading: "An article".into(),
                citation: vec![Run::plain(url)],
                paragraphs: vec![format!("{url} {token}")],
            },
        ],
    );
    let pdf = render(&document);
    let bbox = poppler("pdftotext", &["-bbox"], &pdf);
    // Broken over lines, the token reads back whole once line ends are dropped.
    let joined: String = text(&pdf).split_whitespace().collect();
    assert!(
        joined.contains(&token),
        "{token} is not in the PDF text:\n{joined}"
    );
    // A4 is 595 pt wide; the right margin is 24 mm (68 pt).
    let right_edge = 595.3 - 68.0 + 1.0;
    for line in bbox.lines().filter(|l| l.contains("<word ")) {
        let x_max: f64 = line
            .split("xMax=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|v| v.parse().ok())
            .expect("pdftotext -bbox gives xMax");
        assert!(
            x_max <= right_edge,
            "runs into the margin (xMax {x_max}): {line}"
        );
    }
}
