//! What a file is, by its first bytes rather than its name: a PDF renamed `.txt` is
//! still a PDF, and the analyst should be told so.

/// The kind of a file whose leading bytes carry a known signature of a format that is
/// not plain text, as a phrase for messages ("a PDF document").
pub fn non_text_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        // Word and OpenDocument files are ZIP packages too: `extract` opens every ZIP
        // before this table is consulted, so this names only what reaches it otherwise.
        (b"PK\x03\x04", "a ZIP archive"),
        (b"{\\rtf", "an RTF document"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old-style Office document",
        ),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\x7FELF", "a program"),
    ];
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, kind)| *kind)
}

/// A web page, whatever its name: `<!doctype html`, `<html` or `<head` at the start,
/// after a BOM, white space, an `<?xml …?>` declaration and comments (browsers write
/// `<!-- saved from url=… -->`), any case. Such a file goes to the HTML extractor.
pub fn is_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for _ in 0..8 {
        rest = rest.trim_ascii_start();
        let (open, close): (&[u8], &[u8]) = if rest.starts_with(b"<!--") {
            (b"<!--", b"-->")
        } else if rest.starts_with(b"<?") {
            (b"<?", b"?>")
        } else {
            break;
        };
        let body = &rest[open.len()..rest.len().min(4096)];
        match body.windows(close.len()).position(|w| w == close) {
            Some(end) => rest = &rest[open.len() + end + close.len()..],
            None => return false,
        }
    }
    let head: Vec<u8> = rest.iter().take(14).map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || head.starts_with(b"<head")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_formats_by_signature() {
        assert_eq!(non_text_kind(b"%PDF-1.7\n..."), Some("a PDF document"));
        assert_eq!(non_text_kind(b"\x89PNG\r\n\x1a\n\0\0"), Some("a PNG image"));
        assert_eq!(non_text_kind(b"\xEF\xBB\xBF \n<!DOCTYPE HTML>"), None);
        assert_eq!(non_text_kind(b"The minister said"), None);
        assert_eq!(non_text_kind(b""), None);
    }

    #[test]
    fn web_pages_are_known_by_their_start() {
        assert!(is_html(b"\xEF\xBB\xBF \n<!DOCTYPE HTML>"));
        assert!(is_html(b"<html lang=en>"));
        assert!(is_html(
            b"<!-- saved from url=(0042)https://example.org/ -->\n<HTML>"
        ));
        assert!(is_html(
            b"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">"
        ));
        assert!(is_html(b"<head><title>x</title>"));
        assert!(!is_html(b"<p>a fragment</p>"));
        assert!(!is_html(b"<!-- never closed"));
        assert!(!is_html(b"The minister said <html> is a tag"));
    }
}
