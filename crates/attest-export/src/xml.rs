//! The little XML escaping the writers need (GraphML, GEXF, HTML, DOCX).

/// `s` escaped for XML 1.0 text or a double- or single-quoted attribute. Characters
/// XML 1.0 forbids (C0 controls other than tab, newline and carriage return, U+FFFE,
/// U+FFFF) are dropped: no parser would read the file otherwise. Tab, newline and
/// carriage return become character references, which parsers keep as they are
/// (literal ones are folded to spaces in attribute values).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` outside a character reference: not a C0 control (tab,
/// line feed and carriage return aside, which callers handle), not U+FFFE or U+FFFF.
pub fn is_xml_char(c: char) -> bool {
    !(c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}')
}
