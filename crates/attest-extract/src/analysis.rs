//! Tokens, quotation marks, sentences and paragraphs of an article, with every position
//! in code points. Everything the models see is computed here, once per article.

/// What a token is, as far as attribution cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    /// An opening quotation mark (“, or " read as opening).
    Open,
    /// A closing quotation mark (”, or " read as closing).
    Close,
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Code-point span in the text.
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Lower-cased text.
    pub lower: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Inside a quotation (the marks themselves excluded).
    pub quoted: bool,
    /// Which quotation it is in (index into `Doc::quotes`), if quoted.
    pub quote: Option<u32>,
    pub sentence: u32,
    pub paragraph: u32,
}

/// An article split for extraction.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub tokens: Vec<Token>,
    /// Token ranges of sentences, in order, covering every token.
    pub sentences: Vec<(usize, usize)>,
    /// Token ranges of the inside of each quotation (marks excluded), in order.
    pub quotes: Vec<(usize, usize)>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘')
}

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "inc",
    "co", "corp", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "prof", "rev", "capt", "sgt", "ft", "mt", "u.s", "messrs", "atty", "gens", "sens",
    "reps", "supt", "cmdr", "adm", "maj", "pres", "e.g", "i.e", "etc", "ltd", "dept", "est",
];

/// Splits `text` into tokens, quotations, sentences and paragraphs.
pub(crate) fn analyse(text: &str) -> Doc {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens: Vec<Token> = Vec::with_capacity(chars.len() / 5);
    let mut paragraph = 0u32;
    let mut i = 0usize;
    let n = chars.len();
    let mut newline_since_last = false;
    let mut pending_paragraph_break = false;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            if c == '\n' || c == '\u{2029}' {
                newline_since_last = true;
            }
            i += 1;
            continue;
        }
        if newline_since_last && !tokens.is_empty() {
            pending_paragraph_break = true;
        }
        newline_since_last = false;
        if pending_paragraph_break {
            paragraph += 1;
            pending_paragraph_break = false;
        }
        let start = i;
        let kind;
        if is_word_char(c) {
            let mut j = i + 1;
            loop {
                if j < n && is_word_char(chars[j]) {
                    j += 1;
                } else if j + 1 < n
                    && (is_apostrophe(chars[j]) || chars[j] == '-' || chars[j] == '.')
                    && is_word_char(chars[j + 1])
                    && (chars[j] != '.' || j - start == 1 || chars[j - 2] == '.')
                {
                    // don't, Jean-Pierre, U.S (the final period stays a token)
                    j += 2;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final period when the word is a run of initials.
            if j < n && chars[j] == '.' && j - start >= 3 && chars[j - 2] == '.' {
                j += 1;
            }
            kind = if chars[start..j].iter().all(|c| c.is_ascii_digit()) {
                Kind::Number
            } else {
                Kind::Word
            };
            i = j;
        } else if (c == '\'' || c == '`') && chars.get(i + 1) == Some(&c) {
            // '' and `` as double quotation marks (typewriter style)
            let prev = if start == 0 { ' ' } else { chars[start - 1] };
            kind = if c == '`' || prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–')
            {
                Kind::Open
            } else {
                Kind::Close
            };
            i += 2;
        } else {
            kind = match c {
                '“' | '«' | '„' => Kind::Open,
                '”' | '»' => Kind::Close,
                '"' => {
                    let prev = if start == 0 { ' ' } else { chars[start - 1] };
                    let next = chars.get(start + 1).copied().unwrap_or(' ');
                    if prev.is_whitespace()
                        || matches!(prev, '(' | '[' | '—' | '–' | '-' | ':')
                        || (!next.is_whitespace() && !is_word_char(prev))
                    {
                        Kind::Open
                    } else {
                        Kind::Close
                    }
                }
                _ => Kind::Punct,
            };
            i += 1;
        }
        let s: String = chars[start..i].iter().collect();
        let cap = s.chars().next().is_some_and(char::is_uppercase);
        tokens.push(Token {
            start: start as u32,
            end: i as u32,
            kind,
            lower: s.to_lowercase(),
            cap,
            quoted: false,
            quote: None,
            sentence: 0,
            paragraph,
        });
    }
    let quotes = mark_quotes(&mut tokens);
    let sentences = split_sentences(&mut tokens);
    Doc {
        tokens,
        sentences,
        quotes,
    }
}

/// Marks quoted tokens paragraph by paragraph. A quotation left open at the end of a
/// paragraph stops there (the next paragraph reopens it with its own mark); a closing
/// mark with no opening one quotes from the start of its paragraph (pull quotes whose
/// first mark was lost).
fn mark_quotes(tokens: &mut [Token]) -> Vec<(usize, usize)> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    let mut para_start = 0usize;
    let mut last_close_in_para: Option<usize> = None;
    for i in 0..tokens.len() {
        if i > 0 && tokens[i].paragraph != tokens[i - 1].paragraph {
            if let Some(o) = open.take() {
                if o + 1 < i {
                    quotes.push((o + 1, i));
                }
            }
            para_start = i;
            last_close_in_para = None;
        }
        match tokens[i].kind {
            Kind::Open => {
                if let Some(o) = open.take() {
                    // two openings in a row: the first quote ends here
                    if o + 1 < i {
                        quotes.push((o + 1, i));
                    }
                }
                open = Some(i);
            }
            Kind::Close => match open.take() {
                Some(o) => {
                    if o + 1 < i {
                        quotes.push((o + 1, i));
                    }
                    last_close_in_para = Some(i);
                }
                None => {
                    let from = last_close_in_para.map_or(para_start, |c| c + 1);
                    if from < i && last_close_in_para.is_none() {
                        quotes.push((from, i));
                    } else {
                        // a stray closing mark after a closed quote: read it as opening
                        tokens[i].kind = Kind::Open;
                        open = Some(i);
                    }
                }
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        if o + 1 < tokens.len() {
            quotes.push((o + 1, tokens.len()));
        }
    }
    quotes.sort_unstable();
    for (q, &(a, b)) in quotes.iter().enumerate() {
        for t in &mut tokens[a..b] {
            if !matches!(t.kind, Kind::Open | Kind::Close) {
                t.quoted = true;
                t.quote = Some(q as u32);
            }
        }
    }
    quotes
}

fn split_sentences(tokens: &mut [Token]) -> Vec<(usize, usize)> {
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let n = tokens.len();
    let mut i = 0usize;
    while i < n {
        let mut end_here = false;
        let mut next = i + 1;
        if next < n && tokens[next].paragraph != tokens[i].paragraph {
            end_here = true;
        } else if tokens[i].kind == Kind::Punct
            && matches!(tokens[i].lower.as_str(), "." | "!" | "?")
        {
            // closing marks and brackets that follow stay with this sentence
            while next < n
                && tokens[next].paragraph == tokens[i].paragraph
                && (tokens[next].kind == Kind::Close || tokens[next].lower == ")")
            {
                next += 1;
            }
            let abbreviation = tokens[i].lower == "."
                && i > 0
                && tokens[i - 1].end == tokens[i].start
                && (ABBREVIATIONS.contains(&tokens[i - 1].lower.as_str())
                    || (tokens[i - 1].lower.chars().count() == 1 && tokens[i - 1].cap));
            end_here = next >= n
                || tokens[next].paragraph != tokens[i].paragraph
                || (!abbreviation
                    && (tokens[next].cap
                        || tokens[next].kind == Kind::Open
                        || tokens[next].kind == Kind::Number));
        }
        if end_here || next >= n {
            let s = sentences.len() as u32;
            for t in &mut tokens[start..next] {
                t.sentence = s;
            }
            sentences.push((start, next));
            start = next;
        }
        i = next;
    }
    sentences
}

/// A crude stem: enough to group "says", "said", "saying" features with their kin.
pub(crate) fn stem(word: &str) -> &str {
    let irregular = |w: &str| -> Option<&'static str> {
        Some(match w {
            "said" | "says" | "saying" | "say" => "say",
            "told" | "tells" | "telling" | "tell" => "tell",
            "wrote" | "writes" | "writing" | "written" | "write" => "write",
            "thought" | "thinks" | "thinking" | "think" => "think",
            "knew" | "knows" | "known" | "know" => "know",
            "felt" | "feels" | "feel" => "feel",
            "spoke" | "speaks" | "spoken" | "speak" => "speak",
            "saw" | "sees" | "seen" | "see" => "see",
            _ => return None,
        })
    };
    if let Some(s) = irregular(word) {
        return s;
    }
    let len = word.len();
    for suffix in ["ing", "ed", "es", "s"] {
        if len > suffix.len() + 3 && word.ends_with(suffix) && word.is_ascii() {
            return &word[..len - suffix.len()];
        }
    }
    word
}

/// The shape of a token: case pattern and kind, e.g. "Xx", "x", "X", "d", ",", "“".
pub(crate) fn shape(t: &Token) -> &'static str {
    match t.kind {
        Kind::Open => "open",
        Kind::Close => "close",
        Kind::Number => "d",
        Kind::Punct => match t.lower.as_str() {
            "," => ",",
            "." => ".",
            ":" => ":",
            ";" => ";",
            "—" | "–" | "-" => "-",
            "(" | ")" => "()",
            "?" | "!" => "?",
            _ => "p",
        },
        Kind::Word => {
            if t.cap {
                if t.lower.chars().count() > 1
                    && t.lower.chars().nth(1).is_some_and(|c| !c.is_lowercase())
                {
                    "X"
                } else {
                    "Xx"
                }
            } else {
                "x"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(d: &Doc, text: &str, range: (usize, usize)) -> String {
        let chars: Vec<char> = text.chars().collect();
        let (a, b) = range;
        chars[d.tokens[a].start as usize..d.tokens[b - 1].end as usize]
            .iter()
            .collect()
    }

    #[test]
    fn sentences_respect_titles_and_initials() {
        let text = "Mr. Okafor met Gov. Lind in the U.S. capital. “We agree,” he said. Then J. R. Hale left.";
        let d = analyse(text);
        let got: Vec<String> = d.sentences.iter().map(|s| words(&d, text, *s)).collect();
        assert_eq!(
            got,
            [
                "Mr. Okafor met Gov. Lind in the U.S. capital.",
                "“We agree,” he said.",
                "Then J. R. Hale left."
            ]
        );
    }

    #[test]
    fn quotes_are_marked_and_lost_openings_recovered() {
        let text = "Trade will grow,” Ines said.\nShe added: \"prices fall\" today.";
        let d = analyse(text);
        let quoted: Vec<&str> = d
            .tokens
            .iter()
            .filter(|t| t.quoted)
            .map(|t| t.lower.as_str())
            .collect();
        assert_eq!(quoted, ["trade", "will", "grow", ",", "prices", "fall"]);
        assert_eq!(d.quotes.len(), 2);
    }

    #[test]
    fn stems_group_inflections() {
        assert_eq!(stem("said"), "say");
        assert_eq!(stem("warned"), "warn");
        assert_eq!(stem("insisting"), "insist");
        assert_eq!(stem("is"), "is");
    }
}
