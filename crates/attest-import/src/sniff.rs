//! What a file is, by its first bytes rather than its name: a PDF renamed `.txt` is
//! still a PDF, and the analyst should be told so.

/// The kind of a file whose leading bytes carry a known signature of a format that is
/// not plain text, as a phrase for messages ("a PDF document").
pub fn non_text_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (Word, OpenDocument, EPUB or ZIP)",
        ),
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
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(kind);
    }
    is_html(bytes).then_some("an HTML page")
}

/// `<!doctype html` or `<html` at the start, after a BOM and white space, any case.
fn is_html(bytes: &[u8]) -> bool {
    let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let head: Vec<u8> = rest[start..]
        .iter()
        .take(14)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_formats_by_signature() {
        assert_eq!(non_text_kind(b"%PDF-1.7\n..."), Some("a PDF document"));
        assert_eq!(non_text_kind(b"\x89PNG\r\n\x1a\n\0\0"), Some("a PNG image"));
        assert_eq!(
            non_text_kind(b"\xEF\xBB\xBF \n<!DOCTYPE HTML>"),
            Some("an HTML page")
        );
        assert_eq!(non_text_kind(b"The minister said"), None);
        assert_eq!(non_text_kind(b""), None);
    }
}
