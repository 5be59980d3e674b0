//! Bytes to text. UTF-8 (with or without a byte-order mark) and UTF-16 with a BOM;
//! anything else is refused with a reason rather than guessed at.

use crate::ImportError;

/// Decodes `bytes` and normalises line endings to `\n`, the only change made to the
/// text (white space may be re-flowed; nothing else is touched).
pub fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
    let text = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest)?,
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => {
            if looks_binary(bytes) {
                return Err(ImportError::Binary);
            }
            utf8(bytes)?
        }
    };
    if looks_binary(text.as_bytes()) {
        return Err(ImportError::Binary);
    }
    Ok(normalise_line_endings(text))
}

fn utf8(bytes: &[u8]) -> Result<String, ImportError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| ImportError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| ImportError::Binary)
}

/// Text files hold no NUL bytes and few control characters; binary files hold many.
/// Judged on the first 8 KiB, as `file` and git do.
fn looks_binary(bytes: &[u8]) -> bool {
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
