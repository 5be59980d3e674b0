//! How extraction is scored against expectations; shared by the web-pages example
//! (`examples/web_pages.rs`) and the tests that guard its figures.

/// Whether an extracted metadata value matches the expected one (the fields of the
/// web-pages corpus' `expected-metadata.json`): trimmed and white space folded, exact;
/// `publishedTime` by its date part; `lang` case-insensitively. A null expected value
/// matches only a null (or blank) one.
pub fn metadata_matches(field: &str, expected: Option<&str>, got: Option<&str>) -> bool {
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let expected = expected.map(fold).filter(|s| !s.is_empty());
    let got = got.map(fold).filter(|s| !s.is_empty());
    match (expected, got) {
        (None, None) => true,
        (Some(e), Some(g)) => match field {
            "publishedTime" => e.get(..10).is_some() && e.get(..10) == g.get(..10),
            "lang" => e.eq_ignore_ascii_case(&g),
            _ => e == g,
        },
        _ => false,
    }
}
