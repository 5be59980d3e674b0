//! Bytes to text. A byte-order mark decides (UTF-8, UTF-16LE/BE); else valid UTF-8 is
//! UTF-8; else the legacy encoding is detected (`chardetng`, Firefox's detector) and
//! decoded by `encoding_rs`. Binary data is refused rather than decoded into noise.

use crate::ImportError;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// Decoded text and how it was read.
pub struct Decoded {
    pub text: String,
    /// Set when the encoding was guessed rather than declared or UTF-8.
    pub guessed_encoding: Option<&'static str>,
}

/// Decodes `bytes` and normalises line endings to `\n`, the only change made to the
/// text (white space may be re-flowed; nothing else is touched).
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, ImportError> {
    let (text, guessed_encoding) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (strict(encoding, &bytes[bom..])?, None),
        None => {
            if looks_binary(bytes) {
                return Err(ImportError::Binary);
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => (s.to_owned(), None),
                Err(_) => {
                    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
                    detector.feed(bytes, true);
                    let encoding = detector.guess(None, Utf8Detection::Deny);
                    (strict(encoding, bytes)?, Some(encoding.name()))
                }
            }
        }
    };
    if looks_binary(text.as_bytes()) {
        return Err(ImportError::Binary);
    }
    Ok(Decoded {
        text: normalise_line_endings(text),
        guessed_encoding,
    })
}

/// Decodes without replacement characters: a byte that does not belong to the
/// encoding is an error, since a U+FFFD would break the verbatim rule silently.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, ImportError> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(ImportError::Undecodable {
            encoding: if encoding == UTF_8 {
                "UTF-8".into()
            } else {
                encoding.name().into()
            },
        });
    }
    Ok(text.into_owned())
}

/// Text files hold no NUL bytes and few control characters; binary files hold many.
/// Judged on the first 8 KiB, as `file` and git do.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 100 > head.len().max(1) * 5
}

fn normalise_line_endings(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
