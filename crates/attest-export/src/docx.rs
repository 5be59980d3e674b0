//! A Word document (DOCX) through `docx-rs`: real heading styles with outline levels,
//! each quote as a "Quote" paragraph with its attribution below, and each citation as a
//! real footnote, so Word and LibreOffice number and place the notes themselves.

use crate::{Block, Document, ExportError, Run as CitationRun};
use docx_rs::{
    BreakType, Docx, Footnote, LineSpacing, PageMargin, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Style, StyleType, VertAlignType,
};

// Style ids, as Word names its built-in styles, so a reader maps them onto its own.
const TITLE: &str = "Title";
const HEADING: [&str; 2] = ["Heading1", "Heading2"];
const QUOTE: &str = "Quote";
const ATTRIBUTION: &str = "Attribution";
const FOOTNOTE_TEXT: &str = "FootnoteText";
/// docx-rs sets this character style on every footnote reference run.
const FOOTNOTE_REFERENCE: &str = "FootnoteReference";

/// The document as a DOCX file.
pub fn docx(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let mut out = Docx::new()
        .page_margin(
            PageMargin::new()
                .top(1247)
                .bottom(1247)
                .left(1134)
                .right(1134),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .cs("Times New Roman"),
        )
        .default_size(23) // half-points: 11.5 pt
        // 6 pt between paragraphs; twentieths of a point, as all spacing here.
        .default_line_spacing(LineSpacing::new().after(120));
    for style in styles() {
        out = out.add_style(style);
    }

    out = out.add_paragraph(paragraph(&doc.title).style(TITLE));
    for p in &doc.description {
        out = out.add_paragraph(paragraph(p));
    }
    if doc.blocks.is_empty() {
        out = out.add_paragraph(
            Paragraph::new().add_run(text_run("This dossier has no items yet.").italic()),
        );
    }

    // Footnotes are numbered 1, 2, … in reading order (docx-rs's own ids come from a
    // process-wide counter, which would make the output depend on earlier exports).
    let mut notes = 0usize;
    let mut footnote = |citation: &[CitationRun]| {
        notes += 1;
        footnote_run(notes, citation)
    };
    // Article headings sit one level below sections, once there is a section.
    let mut in_section = false;
    for block in &doc.blocks {
        match block {
            Block::Section(title) => {
                in_section = true;
                out = out.add_paragraph(paragraph(title).style(HEADING[0]));
            }
            Block::Quote(q) => {
                let mut quote = paragraph(&q.text)
                    .style(QUOTE)
                    .add_run(footnote(&q.citation));
                if let Some(who) = &q.attribution {
                    // Never leave a quote at the foot of a page and its speaker overleaf.
                    quote = quote.keep_next(true);
                    out = out.add_paragraph(quote);
                    out = out.add_paragraph(paragraph(&format!("— {who}")).style(ATTRIBUTION));
                } else {
                    out = out.add_paragraph(quote);
                }
                for p in &q.note {
                    out = out.add_paragraph(
                        Paragraph::new()
                            .add_run(Run::new().add_text("Note: ").bold())
                            .add_run(text_run(p)),
                    );
                }
            }
            Block::Article {
                heading,
                citation,
                paragraphs,
            } => {
                let level = HEADING[usize::from(in_section)];
                out =
                    out.add_paragraph(paragraph(heading).style(level).add_run(footnote(citation)));
                for p in paragraphs {
                    out = out.add_paragraph(paragraph(p));
                }
            }
            Block::Commentary(paragraphs) => {
                for p in paragraphs {
                    out = out.add_paragraph(paragraph(p));
                }
            }
            Block::Notice(text) => {
                out = out.add_paragraph(Paragraph::new().add_run(text_run(text).italic()));
            }
        }
    }

    let mut parts = out.build();
    parts.footnotes = number_footnotes(&parts.footnotes)?;
    let mut file = std::io::Cursor::new(Vec::new());
    parts.pack(&mut file).map_err(|e| ExportError::Write {
        format: "DOCX",
        reason: e.to_string(),
    })?;
    Ok(file.into_inner())
}

/// The styles the document uses, with the names Word gives its built-in ones
/// ("heading 1", "footnote text", …) so Word and LibreOffice treat them as theirs:
/// headings in the navigator and outline, notes in the footnote area.
fn styles() -> Vec<Style> {
    let paragraph_style = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
    };
    let spacing = |before: u32, after: u32| LineSpacing::new().before(before).after(after);

    let title = paragraph_style(TITLE, "Title")
        .size(44)
        .bold()
        .line_spacing(spacing(0, 240));
    let heading = |level: usize, size: usize| {
        let mut style = paragraph_style(HEADING[level], &format!("heading {}", level + 1))
            .size(size)
            .bold()
            .outline_lvl(level)
            .line_spacing(spacing(360, 120));
        style.paragraph_property = style.paragraph_property.keep_next(true);
        style
    };
    let mut quote = paragraph_style(QUOTE, "Quote")
        .indent(Some(567), None, Some(567), None)
        .line_spacing(spacing(240, 60));
    // A rule down the left (only: docx-rs's default borders box the paragraph), as the
    // HTML export draws its block quotes.
    quote.paragraph_property = quote.paragraph_property.keep_lines(true).set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Left)
                .size(18)
                .space(8)
                .color("6B7FA8"),
        ),
    );
    let attribution = paragraph_style(ATTRIBUTION, "Attribution")
        .indent(Some(567), None, Some(567), None)
        .size(21)
        .color("444444")
        .line_spacing(spacing(0, 120));
    let footnote_text = paragraph_style(FOOTNOTE_TEXT, "footnote text")
        .size(19)
        .line_spacing(spacing(0, 40));
    let mut footnote_reference =
        Style::new(FOOTNOTE_REFERENCE, StyleType::Character).name("footnote reference");
    footnote_reference.run_property = footnote_reference
        .run_property
        .vert_align(VertAlignType::SuperScript);

    vec![
        title,
        heading(0, 32),
        heading(1, 26),
        quote,
        attribution,
        footnote_text,
        footnote_reference,
    ]
}

/// A paragraph of `text`, laid out right to left when the text starts in a
/// right-to-left script (an Arabic quote in an English dossier, say).
fn paragraph(text: &str) -> Paragraph {
    let mut p = Paragraph::new().add_run(text_run(text));
    if starts_right_to_left(text) {
        p.property = p.property.bidi(true);
    }
    p
}

/// A run of `text` with what XML 1.0 cannot hold removed; line breaks and tabs
/// become Word's own (in `w:t` they would read as plain spaces).
fn text_run(text: &str) -> Run {
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            let piece = xml_chars(piece);
            if !piece.is_empty() {
                // docx-rs escapes `<`, `&` and quotes itself.
                run = run.add_text(piece);
            }
        }
    }
    run
}

/// `s` without control characters or U+FFFE/U+FFFF. XML 1.0 forbids all C0 controls
/// but tab, line feed and carriage return, and no reader opens a file holding one;
/// the caller has split off tabs and line feeds, and carriage returns can go (docx-rs
/// would drop them anyway).
fn xml_chars(s: &str) -> String {
    s.chars().filter(|&c| crate::xml::is_xml_char(c)).collect()
}

/// Whether the first letter of `s` belongs to a right-to-left script (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko and their presentation forms).
fn starts_right_to_left(s: &str) -> bool {
    s.chars().find(|c| c.is_alphabetic()).is_some_and(|c| {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    })
}

/// The reference mark of footnote `id`, the note holding `citation` (italic runs set
/// in italics).
fn footnote_run(id: usize, citation: &[CitationRun]) -> Run {
    let mut note = Paragraph::new().style(FOOTNOTE_TEXT);
    for piece in citation {
        let run = text_run(&piece.text);
        note = note.add_run(if piece.italic { run.italic() } else { run });
    }
    Run::new().add_footnote_reference(Footnote {
        id,
        content: vec![note],
    })
}

/// The `w:footnoteRef` run Word expects first in a note: it prints the note's number
/// in the footnote area (without it Word shows the citation unnumbered).
const FOOTNOTE_REF: &str = r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteRef /></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>"#;

/// footnotes.xml with [`FOOTNOTE_REF`] put at the start of each note, after its first
/// paragraph's properties: docx-rs has no element for it. Text in the part is escaped,
/// so the tags searched for can only be docx-rs's own.
fn number_footnotes(xml: &[u8]) -> Result<Vec<u8>, ExportError> {
    let error = |reason: &str| ExportError::Write {
        format: "DOCX",
        reason: format!("unexpected footnotes part from docx-rs: {reason}"),
    };
    let xml = std::str::from_utf8(xml).map_err(|e| error(&e.to_string()))?;
    let mut pieces = xml.split("<w:footnote ");
    let notes = xml.matches("<w:footnote ").count();
    let mut out = String::with_capacity(xml.len() + notes * FOOTNOTE_REF.len());
    out.push_str(pieces.next().unwrap_or_default());
    for note in pieces {
        let at = note
            .find("</w:pPr>")
            .ok_or_else(|| error("a note without paragraph properties"))?
            + "</w:pPr>".len();
        out.push_str("<w:footnote ");
        out.push_str(&note[..at]);
        out.push_str(FOOTNOTE_REF);
        out.push_str(&note[at..]);
    }
    Ok(out.into_bytes())
}
