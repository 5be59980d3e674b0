//! Helpers shared by this crate's test modules.

use attest_core::{ArticleDraft, SourceFormat};
use std::path::PathBuf;

/// A file of the repository (`tests/fixtures/…`) or beside it (`../shared/…`).
pub fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// Every non-whitespace character, in order: the verbatim rule.
pub fn non_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `tests/fixtures/corridor.txt`, in whatever format it was saved, reads the same: its
/// text verbatim, byline and dateline found, no headline invented.
pub fn assert_reads_as_corridor(d: &ArticleDraft, format: SourceFormat) {
    let source = std::fs::read_to_string(repo_file("tests/fixtures/corridor.txt"))
        .expect("the corridor fixture");
    assert_eq!(d.format, format);
    assert_eq!(non_ws(&d.text), non_ws(&source));
    assert_eq!(d.meta.title, None, "no headline invented");
    assert_eq!(d.meta.byline.as_deref(), Some("Staff Reporter"));
    assert_eq!(d.meta.dateline.as_deref(), Some("ANKARA"));
    assert!(
        d.fallback_title
            .starts_with("Turkey’s Trade Minister Selin Aydın said on Tuesday"),
        "{}",
        d.fallback_title
    );
}

/// Imports a file that holds one article: its entry's result.
pub fn import_one(path: &std::path::Path) -> Result<crate::Imported, crate::ImportError> {
    let mut entries = crate::import_file(path);
    assert_eq!(entries.len(), 1, "{} holds one article", path.display());
    let entry = entries.pop().expect("one entry");
    assert_eq!(entry.part, None);
    entry.result
}
