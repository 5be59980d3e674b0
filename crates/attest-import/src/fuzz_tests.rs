//! The fuzz harness of the import entry point, kept with the code and run by `cargo
//! test`: every parser is reached through [`extract_entries`] (the dispatcher judges the
//! bytes, not the name), so damaged copies of every fixture in `tests/fixtures/` — one
//! per format — and arbitrary bytes under every format's name must come back as
//! articles or clear errors, never as a panic, a hang or unbounded memory.
//!
//! More cases on demand: `PROPTEST_CASES=20000 cargo test -p attest-import fuzz`.

use crate::test_support::repo_file;
use crate::{extract_entries, ARTICLE_EXTENSIONS};
use attest_core::SourceFormat;
use proptest::prelude::*;
use std::sync::LazyLock;

/// Every committed fixture: (name, bytes, format by its extension).
static FIXTURES: LazyLock<Vec<(String, Vec<u8>, SourceFormat)>> = LazyLock::new(|| {
    let dir = repo_file("tests/fixtures");
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let format = crate::format_for(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?, format))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
});

/// How a copy of a file is damaged.
#[derive(Debug, Clone)]
enum Damage {
    /// Cut after this share (per mille) of the bytes.
    Truncate(u16),
    /// Bytes overwritten: (position per mille, value).
    Overwrite(Vec<(u16, u8)>),
    /// A run of bytes repeated at a position (per mille), as a bad copy would.
    Repeat(u16, u16),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0u16..1000).prop_map(Damage::Truncate),
        proptest::collection::vec((0u16..1000, any::<u8>()), 1..16).prop_map(Damage::Overwrite),
        (0u16..1000, 1u16..512).prop_map(|(at, len)| Damage::Repeat(at, len)),
    ]
}

fn apply(bytes: &[u8], damage: &Damage) -> Vec<u8> {
    let at = |per_mille: u16| bytes.len() * per_mille as usize / 1000;
    match damage {
        Damage::Truncate(p) => bytes[..at(*p)].to_vec(),
        Damage::Overwrite(edits) => {
            let mut out = bytes.to_vec();
            for (p, v) in edits {
                if let Some(b) = out.get_mut(at(*p)) {
                    *b = *v;
                }
            }
            out
        }
        Damage::Repeat(p, len) => {
            let start = at(*p);
            let end = (start + *len as usize).min(bytes.len());
            let mut out = bytes[..end].to_vec();
            out.extend_from_slice(&bytes[start..]);
            out
        }
    }
}

#[test]
fn every_format_has_a_fixture_to_damage() {
    let formats: Vec<SourceFormat> = FIXTURES.iter().map(|f| f.2).collect();
    for format in [
        SourceFormat::Text,
        SourceFormat::Markdown,
        SourceFormat::Docx,
        SourceFormat::Odt,
    ] {
        assert!(formats.contains(&format), "no fixture of {format:?}");
    }
}

/// 256 cases a run, or `PROPTEST_CASES`.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn damaged_fixtures_never_panic(index in any::<prop::sample::Index>(), damage in damage()) {
        let (name, bytes, format) = &FIXTURES[index.index(FIXTURES.len())];
        let damaged = apply(bytes, &damage);
        for entry in extract_entries(damaged, name, *format) {
            if let Err(e) = entry.result {
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }

    #[test]
    fn any_bytes_under_any_name_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..4096),
        ext in any::<prop::sample::Index>(),
        prefix in prop::sample::select(vec![
            &b""[..], b"%PDF-1.7\n", b"{\\rtf1 ", b"PK\x03\x04", b"From: a@b.c\nSubject: x\n",
            b"From x@y Mon Jan  1 00:00:00 2024\n", b"<!DOCTYPE html><html>", b"MIME-Version: 1.0\n",
        ]),
    ) {
        let (ext, format) = ARTICLE_EXTENSIONS[ext.index(ARTICLE_EXTENSIONS.len())];
        let mut input = prefix.to_vec();
        input.extend(bytes);
        let _ = extract_entries(input, &format!("x.{ext}"), format);
    }
}
