//! Notebook-wide search: the query and result types the UI and the CLI speak, the
//! reading of what the analyst types into an FTS5 query, and snippets as parts.
//!
//! The analyst's query language is FTS5's: `"a phrase"`, `prefix*`, `AND` / `OR` / `NOT`
//! (upper case) and parentheses; plain words must all be there. Every word is passed
//! to FTS5 quoted, so punctuation in a word (`U.S.`, `don't`, `COVID-19`) is read by
//! the tokenizer as it reads the text, never as FTS5 syntax; a query that cannot be read
//! gets a [`QueryError`] that says what to fix.

use crate::{Span, StatementKind, StatementStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SearchHitKind {
    /// An article's title or text.
    Article,
    /// The note on a highlight.
    Note,
    /// A statement's content.
    Statement,
}

impl SearchHitKind {
    pub const ALL: &'static [SearchHitKind] = &[Self::Article, Self::Note, Self::Statement];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Note => "note",
            Self::Statement => "statement",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

/// A search over the notebook. `None` and empty fields do not filter; the filters are
/// combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchQuery {
    /// What the analyst typed (see the module documentation).
    pub text: String,
    /// Articles that mention the actor (article and note hits) and statements the actor
    /// is a speaker of. An actor merged into another stands for the one it was merged into.
    #[serde(default)]
    pub actor_id: Option<i64>,
    #[serde(default)]
    pub outlet: Option<String>,
    /// Earliest publication date, inclusive (`2026-05-01`, or `2026-05`, `2026`); a
    /// statement's own date when it has one.
    #[serde(default)]
    pub from: Option<String>,
    /// Latest publication date, inclusive.
    #[serde(default)]
    pub to: Option<String>,
    /// A tag path ("Economy" also finds "Economy/Trade"): notes on highlights carrying
    /// it, statements a highlight carrying it overlaps or whose topic it is. Articles
    /// are not tagged, so a tag leaves out article hits.
    #[serde(default)]
    pub tag: Option<String>,
    /// Only statements of this kind (leaves out article and note hits).
    #[serde(default)]
    pub statement_kind: Option<StatementKind>,
    /// Only statements with this status (leaves out article and note hits). Without it,
    /// rejected statements are left out.
    #[serde(default)]
    pub statement_status: Option<StatementStatus>,
    /// The article's language code (`en`).
    #[serde(default)]
    pub language: Option<String>,
    /// Which kinds of hit to include; empty means all.
    #[serde(default)]
    pub kinds: Vec<SearchHitKind>,
    #[serde(default)]
    pub offset: u32,
    /// Hits per page; 0 means [`SearchQuery::DEFAULT_LIMIT`].
    #[serde(default)]
    pub limit: u32,
}

impl SearchQuery {
    pub const DEFAULT_LIMIT: u32 = 20;
    /// The most hits one page may ask for.
    pub const MAX_LIMIT: u32 = 500;

    /// A query for `text` with no filters.
    pub fn new(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            ..Default::default()
        }
    }

    /// The page size asked for, within bounds.
    pub fn page_size(&self) -> u32 {
        match self.limit {
            0 => Self::DEFAULT_LIMIT,
            n => n.min(Self::MAX_LIMIT),
        }
    }

    /// Whether hits of `kind` are asked for (kinds, and the filters that only one kind
    /// can meet).
    pub fn includes(&self, kind: SearchHitKind) -> bool {
        let statements_only = self.statement_kind.is_some() || self.statement_status.is_some();
        let wanted = self.kinds.is_empty() || self.kinds.contains(&kind);
        wanted
            && match kind {
                SearchHitKind::Article => !statements_only && self.tag.is_none(),
                SearchHitKind::Note => !statements_only,
                SearchHitKind::Statement => true,
            }
    }
}

/// A piece of a snippet: matched words are marked, so the UI renders `<mark>` around
/// them from text nodes, never from HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub matched: bool,
}

/// One thing found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: SearchHitKind,
    pub article_id: i64,
    pub article_title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Set for a statement hit.
    pub statement_id: Option<i64>,
    /// Set for a note hit.
    pub annotation_id: Option<i64>,
    /// Words around the match (`…` where text was cut).
    pub snippet: Vec<SnippetPart>,
    /// Where to open the article (code points of its text): the first match in the
    /// text for an article or statement hit, the highlight for a note; `None` when an
    /// article matched by its title only.
    pub span: Option<Span>,
    /// FTS5's bm25 score: lower is better.
    pub score: f64,
}

/// A page of hits, best first, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// How many hits there are in all, counted up to [`SearchResults::COUNT_LIMIT`].
    pub total: u32,
    /// Set when counting stopped at `total`: there are more hits than that.
    #[serde(default)]
    pub total_is_lower_bound: bool,
    pub offset: u32,
    pub limit: u32,
}

impl SearchResults {
    /// Hits are counted up to this many: counting every match of a common word at
    /// 100,000 articles costs more than the rest of the search, and past it an exact
    /// figure tells the analyst nothing a "more than" does not.
    pub const COUNT_LIMIT: u32 = 10_000;
}

/// Why a query cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the search is empty: type a word to look for")]
    Empty,
    #[error("the search has no words in it (punctuation alone is not searched)")]
    NoWords,
    #[error("a quotation mark is not closed: add the closing \" after the phrase")]
    UnclosedQuote,
    #[error("the quotation marks hold no words to look for")]
    EmptyPhrase,
    #[error("a parenthesis is not closed: add the closing )")]
    UnclosedParenthesis,
    #[error("a closing parenthesis has no opening one")]
    UnopenedParenthesis,
    #[error("a pair of parentheses holds nothing to look for")]
    EmptyParentheses,
    #[error("{0} needs a word on both sides (e.g. trade {0} tariffs)")]
    MissingOperand(&'static str),
    #[error(
        "NOT needs something to find before it: write what to find, then NOT and what to \
         leave out (e.g. trade NOT tariffs)"
    )]
    LeadingNot,
    #[error("a * must end a word, to find the words that start with it (e.g. econom*)")]
    LoneStar,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A word or a quoted phrase; `prefix` when it ends with `*`.
    Terms {
        text: String,
        prefix: bool,
    },
    Op(&'static str),
    Open,
    Close,
}

/// Whether the tokenizer finds a word in `s` (unicode61 keeps letters and digits).
fn has_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn lex(input: &str) -> Result<Vec<Token>, QueryError> {
    let mut tokens = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                tokens.push(Token::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Token::Close);
            }
            '"' => {
                chars.next();
                let mut phrase = String::new();
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some(c) => phrase.push(c),
                        None => return Err(QueryError::UnclosedQuote),
                    }
                }
                let prefix = chars.peek() == Some(&'*');
                while chars.peek() == Some(&'*') {
                    chars.next();
                }
                if !has_word(&phrase) {
                    return Err(QueryError::EmptyPhrase);
                }
                tokens.push(Token::Terms {
                    text: phrase,
                    prefix,
                });
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '"') {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                match word.as_str() {
                    "AND" => tokens.push(Token::Op("AND")),
                    "OR" => tokens.push(Token::Op("OR")),
                    "NOT" => tokens.push(Token::Op("NOT")),
                    _ => {
                        let stem = word.trim_end_matches('*');
                        let prefix = stem.len() < word.len();
                        if has_word(stem) {
                            tokens.push(Token::Terms {
                                text: stem.to_owned(),
                                prefix,
                            });
                        } else if prefix && stem.trim().is_empty() {
                            return Err(QueryError::LoneStar);
                        }
                        // Punctuation alone ("-", "&") is no word to the tokenizer.
                    }
                }
            }
        }
    }
    Ok(tokens)
}

/// Reads what the analyst typed into an FTS5 query that FTS5 accepts.
pub fn fts_query(input: &str) -> Result<String, QueryError> {
    if input.trim().is_empty() {
        return Err(QueryError::Empty);
    }
    let tokens = lex(input)?;
    if !tokens.iter().any(|t| matches!(t, Token::Terms { .. })) {
        // Parentheses or operators only are as empty as punctuation.
        return Err(match tokens.first() {
            Some(Token::Op(op)) => QueryError::MissingOperand(op),
            _ => QueryError::NoWords,
        });
    }
    let mut out = String::new();
    // Whether the previous token ends an operand (a term or a closing parenthesis).
    let mut after_operand = false;
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Terms { text, prefix } => {
                if after_operand {
                    // Side by side means both: FTS5's implicit AND, written out.
                    out.push_str(" AND ");
                }
                out.push('"');
                out.push_str(&text.replace('"', "\"\""));
                out.push('"');
                if *prefix {
                    out.push('*');
                }
                after_operand = true;
            }
            Token::Open => {
                if after_operand {
                    out.push_str(" AND ");
                }
                if tokens.get(i + 1) == Some(&Token::Close) {
                    return Err(QueryError::EmptyParentheses);
                }
                depth += 1;
                out.push('(');
                after_operand = false;
            }
            Token::Close => {
                if depth == 0 {
                    return Err(QueryError::UnopenedParenthesis);
                }
                if !after_operand {
                    // "(trade OR)" — the operator before lacks its right side.
                    if let Some(Token::Op(op)) = i.checked_sub(1).and_then(|j| tokens.get(j)) {
                        return Err(QueryError::MissingOperand(op));
                    }
                }
                depth -= 1;
                out.push(')');
                after_operand = true;
            }
            Token::Op(op) => {
                if !after_operand {
                    return Err(if *op == "NOT" {
                        QueryError::LeadingNot
                    } else {
                        QueryError::MissingOperand(op)
                    });
                }
                let next_is_operand =
                    matches!(tokens.get(i + 1), Some(Token::Terms { .. } | Token::Open));
                if !next_is_operand {
                    return Err(QueryError::MissingOperand(op));
                }
                out.push(' ');
                out.push_str(op);
                out.push(' ');
                after_operand = false;
            }
        }
    }
    if depth > 0 {
        return Err(QueryError::UnclosedParenthesis);
    }
    Ok(out)
}

/// The last word of each prefix term (`econ*`, `"trade war"*`) in what the analyst
/// typed, as the tokenizer splits it (letters and digits); empty if there is none or
/// the query cannot be read. The store asks whether an FTS5 prefix index serves them.
pub fn prefix_words(input: &str) -> Vec<String> {
    lex(input)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| match t {
            Token::Terms { text, prefix: true } => text
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .map(str::to_lowercase),
            _ => None,
        })
        .collect()
}

/// The private-use characters the store asks FTS5 to put around matched words.
pub const MATCH_OPEN: char = '\u{E000}';
pub const MATCH_CLOSE: char = '\u{E001}';

/// Splits text marked with [`MATCH_OPEN`] / [`MATCH_CLOSE`] into parts; empty parts are
/// dropped and neighbours of the same kind joined.
pub fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut matched = false;
    let mut current = String::new();
    let flush = |current: &mut String, matched: bool, parts: &mut Vec<SnippetPart>| {
        if current.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(last) if last.matched == matched => last.text.push_str(current),
            _ => parts.push(SnippetPart {
                text: current.clone(),
                matched,
            }),
        }
        current.clear();
    };
    for c in marked.chars() {
        match c {
            MATCH_OPEN => {
                flush(&mut current, matched, &mut parts);
                matched = true;
            }
            MATCH_CLOSE => {
                flush(&mut current, matched, &mut parts);
                matched = false;
            }
            c => current.push(c),
        }
    }
    flush(&mut current, matched, &mut parts);
    parts
}

/// The first marked range of `marked`, in code points of the text without markers.
pub fn first_marked_span(marked: &str) -> Option<Span> {
    let mut pos = 0u32;
    let mut start = None;
    for c in marked.chars() {
        match c {
            MATCH_OPEN if start.is_none() => start = Some(pos),
            MATCH_CLOSE => {
                if let Some(start) = start {
                    return Some(Span { start, end: pos });
                }
            }
            MATCH_OPEN => {}
            _ => pos += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn prefix_words_are_the_last_word_of_each_prefix_term() {
        assert_eq!(
            prefix_words(r#"Econ* trade "Trade war"* (a OR pres*) NOT x"#),
            vec!["econ", "war", "pres"]
        );
        assert!(prefix_words("trade tariffs").is_empty());
        assert!(prefix_words("\"unclosed*").is_empty());
    }

    #[test]
    fn words_are_quoted_and_joined_by_and() {
        assert_eq!(
            fts_query("trade tariffs").unwrap(),
            r#""trade" AND "tariffs""#
        );
        assert_eq!(fts_query("U.S. don't").unwrap(), r#""U.S." AND "don't""#);
        assert_eq!(fts_query("COVID-19").unwrap(), r#""COVID-19""#);
        assert_eq!(fts_query("econom*").unwrap(), r#""econom"*"#);
        assert_eq!(fts_query("\"São Paulo\"").unwrap(), r#""São Paulo""#);
        assert_eq!(fts_query("\"white hou\"*").unwrap(), r#""white hou"*"#);
        assert_eq!(
            fts_query("(trade OR tariffs) NOT china").unwrap(),
            r#"("trade" OR "tariffs") NOT "china""#
        );
        assert_eq!(fts_query("a (b)").unwrap(), r#""a" AND ("b")"#);
        // Lower-case operators are words; punctuation alone is skipped.
        assert_eq!(
            fts_query("war or peace").unwrap(),
            r#""war" AND "or" AND "peace""#
        );
        assert_eq!(fts_query("war - peace").unwrap(), r#""war" AND "peace""#);
    }

    #[test]
    fn malformed_queries_say_what_to_fix() {
        use QueryError::*;
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("- & ?", NoWords),
            ("\"trade war", UnclosedQuote),
            ("\" \"", EmptyPhrase),
            ("(trade OR tariffs", UnclosedParenthesis),
            ("trade)", UnopenedParenthesis),
            ("trade ()", EmptyParentheses),
            ("trade OR", MissingOperand("OR")),
            ("OR trade", MissingOperand("OR")),
            ("trade AND OR tariffs", MissingOperand("AND")),
            ("(trade OR) tariffs", MissingOperand("OR")),
            ("NOT trade", LeadingNot),
            ("trade NOT", MissingOperand("NOT")),
            ("trade *", LoneStar),
            ("OR", MissingOperand("OR")),
        ];
        for (q, want) in cases {
            assert_eq!(fts_query(q), Err(want.clone()), "{q:?}");
        }
        assert_eq!(
            MissingOperand("OR").to_string(),
            "OR needs a word on both sides (e.g. trade OR tariffs)"
        );
        assert!(UnclosedQuote
            .to_string()
            .contains("quotation mark is not closed"));
    }

    #[test]
    fn parts_and_spans_from_markers() {
        let marked = "The \u{E000}São\u{E001} \u{E000}Paulo\u{E001} office…";
        assert_eq!(
            snippet_parts(marked),
            vec![
                SnippetPart {
                    text: "The ".into(),
                    matched: false
                },
                SnippetPart {
                    text: "São".into(),
                    matched: true
                },
                SnippetPart {
                    text: " ".into(),
                    matched: false
                },
                SnippetPart {
                    text: "Paulo".into(),
                    matched: true
                },
                SnippetPart {
                    text: " office…".into(),
                    matched: false
                },
            ]
        );
        assert_eq!(first_marked_span(marked), Some(Span { start: 4, end: 7 }));
        assert_eq!(first_marked_span("no match"), None);
    }

    proptest! {
        /// Whatever is typed, the query is read or refused with a reason (the store's
        /// tests run what is read through FTS5 itself).
        #[test]
        fn any_input_reads_or_is_refused(input in r#"[a-zé"()* \-.]{0,30}|(AND|OR|NOT|\(|\)|"|\*| |x|y)*"#) {
            if let Ok(q) = fts_query(&input) {
                prop_assert!(q.contains('"'));
            }
        }
    }
}
