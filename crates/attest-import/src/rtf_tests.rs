//! RTF import: `corridor.rtf` converted by LibreOffice from `corridor.docx`, and small
//! documents written here by hand in the shapes Word, WordPad and LibreOffice write.

use super::document;
use crate::test_support::{assert_reads_as_corridor, non_ws, repo_file};
use crate::{extract, import_file, ImportError};
use attest_core::SourceFormat;

fn text_of(rtf: &[u8]) -> String {
    document(rtf).expect("an RTF document").text
}

#[test]
fn libreoffice_rtf_reads_as_corridor() {
    let source = std::fs::read_to_string(repo_file("tests/fixtures/corridor.txt")).unwrap();
    let imported = import_file(&repo_file("tests/fixtures/corridor.rtf"));
    let d = &imported[0].result.as_ref().unwrap().draft;
    assert_reads_as_corridor(d, SourceFormat::Rtf);
    assert_eq!(
        d.text,
        source.trim_end(),
        "one line per paragraph, as typed"
    );
    assert_eq!(d.meta.language.as_deref(), Some("en-US"));
    // LibreOffice writes \creatim\yr0…: no date.
    assert_eq!(d.meta.published, None);
}

#[test]
fn unicode_escapes_skip_their_fallbacks_and_bytes_follow_the_code_page() {
    let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}}
{\colortbl;\red0\green0\blue0;}
{\stylesheet{\s0 Normal;}}
\pard\plain\f0 Caf\'e9 owner\u8217? s \uc2\u8220\'93\'93quoted\uc1\u8221?\par
\u-10179?\u-8704? smile\~and\_dash, soft\-hyphen, \{braces\} and \\backslash\par
}";
    assert_eq!(
        text_of(rtf),
        "Café owner’ s “quoted”\n😀 smile\u{a0}and\u{2011}dash, softhyphen, {braces} and \\backslash"
    );
}

#[test]
fn a_cyrillic_code_page_decodes_its_bytes() {
    // WordPad-style: \ansicpg1251 and bytes in Windows-1251.
    let rtf = br"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fnil\fcharset204 Arial;}}
\pard\f0\lang1049 \'cf\'f0\'e8\'e2\'e5\'f2, \'ec\'e8\'f0!\par}";
    let d = document(rtf).unwrap();
    assert_eq!(d.text, "Привет, мир!");
    assert_eq!(d.language.as_deref(), Some("ru-RU"));

    // Word: a Western document whose Cyrillic runs are in a \fcharset204 font.
    let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times;}{\f1\froman\fcharset204 Times CYR;}}
\pard\f0 Caf\'e9 {\f1 \'e4\'e0} caf\'e9\par}";
    assert_eq!(text_of(rtf), "Café да café");

    // Double-byte: Shift-JIS bytes decoded together.
    let rtf = br"{\rtf1\ansi\ansicpg932\deff0 \'82\'a0\'82\'a2 abc\par}";
    assert_eq!(text_of(rtf), "あい abc");
}

#[test]
fn destinations_and_tables_are_skipped_and_info_is_read() {
    let rtf = br#"{\rtf1\ansi\deff0
{\fonttbl{\f0\fswiss Helvetica{\*\falt Arial};}}
{\*\generator Riched20 10.0.19041;}
{\info{\title Ferry service {\i resumes}}{\author Ola Nordmann}{\operator admin}
{\creatim\yr2024\mo3\dy5\hr9\min7}{\revtim\yr2025\mo1\dy1}}
{\header \pard Running header\par}
{\*\pgdsctbl {\pgdsc0 Standard;}}
\pard\plain Nested {groups {\b{\i keep}} their} text.\tab Tab\line Line {\field{\*\fldinst HYPERLINK "https://example.org"}{\fldrslt link text}}{\pict\pngblip 89504e47}{\*\shppict{\pict 00ff}}{\nonshppict{\pict 00ff}} Note\chftn{\footnote\pard\plain {\super\chftn} A footnote,\par over two paragraphs.}.\par
{\listtext 1.\tab}Listed item\par
Binary {\*\objdata \bin6 {}\}{}} done\par
}"#;
    let d = document(rtf).unwrap();
    assert_eq!(
        d.text,
        "Nested groups keep their text.\tTab\nLine link text Note.\nListed item\nBinary  done\nA footnote,\nover two paragraphs."
    );
    assert_eq!(d.title.as_deref(), Some("Ferry service resumes"));
    assert_eq!(d.author.as_deref(), Some("Ola Nordmann"));
    assert_eq!(d.date.as_deref(), Some("2024-03-05T09:07:00"));
}

#[test]
fn placeholder_properties_are_dropped() {
    let rtf = br"{\rtf1{\info{\title Document1}{\author Windows User}}Text\par}";
    let d = document(rtf).unwrap();
    assert_eq!((d.title, d.author), (None, None));
    assert_eq!(d.text, "Text");
}

#[test]
fn malformed_rtf_reads_what_it_can_and_never_panics() {
    // Unbalanced both ways, a cut escape, a cut control word, a cut \u and \bin.
    for (rtf, want) in [
        (&br"{\rtf1 one}} two}}} three"[..], "one two three"),
        (br"{\rtf1 {{{ open", " open"),
        (br"{\rtf1 cut \'", "cut "),
        (br"{\rtf1 cut \'4", "cut 4"),
        (br"{\rtf1 cut \pa", "cut "),
        (br"{\rtf1 cut \u", "cut "),
        (br"{\rtf1 cut \u-", "cut -"),
        (br"{\rtf1 cut \bin99999 xyz", "cut "),
        (
            br"{\rtf1 big \u99999999999999999? \uc999999999 a\par}",
            "big \u{ffff} a",
        ),
    ] {
        let d = document(rtf).unwrap_or_else(|e| panic!("{rtf:?}: {e}"));
        assert_eq!(d.text, want.trim_end(), "{}", String::from_utf8_lossy(rtf));
    }

    let whole = std::fs::read(repo_file("tests/fixtures/corridor.rtf")).unwrap();
    for cut in (6..whole.len()).step_by(97) {
        assert!(document(&whole[..cut]).is_ok(), "cut at {cut}");
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let mut rtf = b"{\\rtf1 ".to_vec();
    rtf.extend(std::iter::repeat_n(b'{', 200_000));
    rtf.extend_from_slice(b"deep");
    rtf.extend(std::iter::repeat_n(b'}', 200_000));
    rtf.extend_from_slice(b" shallow}");
    assert_eq!(text_of(&rtf), "deep shallow");
}

#[test]
fn not_rtf_named_rtf_is_damaged_and_empty_rtf_is_blank() {
    let err = extract(b"plain words", "x.rtf", SourceFormat::Rtf).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the file is damaged: it is named as Rich Text (.rtf) but is not one (no {\\rtf header)"
    );
    let err = extract(
        br"{\rtf1{\fonttbl{\f0 Arial;}}\par\par}",
        "x.rtf",
        SourceFormat::Rtf,
    )
    .unwrap_err();
    assert_eq!(err, ImportError::Blank);
}

/// `text` as RTF: specials escaped, non-ASCII as `\uN?`, line breaks as `\par`.
fn encode(text: &str) -> Vec<u8> {
    let mut out = String::from("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\pard ");
    for c in text.chars() {
        match c {
            '\\' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\par\n"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{}?", *u as i16));
                }
            }
        }
    }
    out.push('}');
    out.into_bytes()
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_on_any_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            header in any::<bool>(),
        ) {
            let mut input = if header { b"{\\rtf1 ".to_vec() } else { Vec::new() };
            input.extend_from_slice(&bytes);
            let _ = document(&input);
        }

        #[test]
        fn never_panics_on_a_damaged_fixture(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        ) {
            let mut bytes = std::fs::read(repo_file("tests/fixtures/corridor.rtf")).unwrap();
            for (at, value) in edits {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            let _ = document(&bytes);
        }

        #[test]
        fn keeps_every_non_whitespace_character(text in "\\PC{1,300}") {
            let d = document(&encode(&text)).unwrap();
            prop_assert_eq!(non_ws(&d.text), non_ws(&text));
        }
    }
}
