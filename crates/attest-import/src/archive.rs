//! ZIP archives of article files: each article file inside is imported on its own, as if
//! it had been dropped from a folder (other files are skipped, as in a folder).
//!
//! Nothing is written to disk, so a name like `../../etc/passwd` cannot escape anywhere;
//! such an entry is still refused and reported, because an archive that carries one was
//! not made by an analyst saving articles. Archives inside the archive are not opened
//! (one level only: a bounded amount of work per file), and everything is unpacked
//! through [`office::Reader`]'s caps, so a zip bomb costs at most
//! [`MAX_ARCHIVE_UNPACKED_BYTES`].

use crate::office::{self, Package, Reader};
use crate::{extract_entries, format_for, Entry, ImportError, MAX_FILE_BYTES};
use std::path::Path;

/// Most bytes unpacked from one archive, all entries together: a 20 MB archive of
/// text articles unpacks to about this much.
pub const MAX_ARCHIVE_UNPACKED_BYTES: u64 = 100_000_000;

/// One entry per article file in the archive, in the archive's order.
pub fn entries(bytes: &[u8]) -> Vec<Entry> {
    let mut zip = match Reader::with_limit(bytes, MAX_ARCHIVE_UNPACKED_BYTES) {
        Ok(zip) => zip,
        Err(e) => return vec![Entry::failed(None, e)],
    };
    let mut out = Vec::new();
    for name in zip.names() {
        if !is_article_name(&name) {
            continue;
        }
        if !is_safe_name(&name) {
            out.push(Entry::failed(Some(name), ImportError::UnsafePath));
            continue;
        }
        let part_bytes = match zip.part(&name) {
            Ok(Some(b)) => b,
            Ok(None) => continue,
            Err(e) => {
                out.push(Entry::failed(Some(name), e));
                continue;
            }
        };
        if part_bytes.len() as u64 > MAX_FILE_BYTES {
            let error = ImportError::TooLarge {
                size: part_bytes.len() as u64,
                limit: MAX_FILE_BYTES,
            };
            out.push(Entry::failed(Some(name), error));
            continue;
        }
        if is_archive(&part_bytes) {
            out.push(Entry::failed(Some(name), ImportError::NestedArchive));
            continue;
        }
        let base = base_name(&name);
        let format = format_for(Path::new(&name)).unwrap_or(attest_core::SourceFormat::Text);
        for mut entry in extract_entries(part_bytes, &base, format) {
            entry.part = Some(match entry.part {
                Some(inner) => format!("{name} › {inner}"),
                None => name.clone(),
            });
            out.push(entry);
        }
    }
    if out.is_empty() {
        return vec![Entry::failed(None, ImportError::EmptyArchive)];
    }
    out
}

/// A file an analyst would have put there: an article file by its extension, not a
/// folder, not hidden (`.DS_Store`), not macOS's `__MACOSX/` resource forks.
fn is_article_name(name: &str) -> bool {
    let hidden = name
        .split(['/', '\\'])
        .any(|c| c.starts_with('.') && c != "." && c != ".." || c == "__MACOSX");
    !name.ends_with('/') && !hidden && format_for(Path::new(name)).is_ok()
}

/// Relative, and never climbing out of the archive: no `..` component, no leading
/// slash or backslash, no drive letter.
fn is_safe_name(name: &str) -> bool {
    let absolute = name.starts_with(['/', '\\']) || name.as_bytes().get(1) == Some(&b':');
    !absolute && !name.split(['/', '\\']).any(|c| c == "..")
}

fn is_archive(bytes: &[u8]) -> bool {
    office::is_zip(bytes)
        && matches!(
            Reader::open(bytes).and_then(|mut zip| zip.package()),
            Ok(Package::Archive)
        )
}

fn base_name(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or(name).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_climb_out_are_unsafe() {
        for bad in [
            "../x.txt",
            "a/../../x.txt",
            "/etc/x.txt",
            "\\x.txt",
            "C:x.txt",
            "a\\..\\x.txt",
        ] {
            assert!(!is_safe_name(bad), "{bad}");
        }
        for good in ["x.txt", "news/2024/x.html", "a..b.txt", "..x.txt"] {
            assert!(is_safe_name(good), "{good}");
        }
    }

    #[test]
    fn only_article_files_are_read() {
        assert!(is_article_name("news/a.txt"));
        assert!(is_article_name("inner.zip"));
        assert!(!is_article_name("news/"));
        assert!(!is_article_name("__MACOSX/news/._a.txt"));
        assert!(!is_article_name("news/.hidden.txt"));
        assert!(!is_article_name("photo.jpg"));
        assert!(
            is_article_name("../escape.txt"),
            "reported as unsafe, not skipped"
        );
    }
}
