use serde::Serialize;
use ts_rs::TS;

/// Broad class of an error, for the UI to choose how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The request was wrong: a blank name, a bad span, a bad query.
    Invalid,
    /// Another program holds the notebook.
    Busy,
    /// The notebook file cannot be used (not a notebook, from a newer version, damaged,
    /// read-only).
    Notebook,
    /// Reading or writing a file failed.
    Io,
    /// A bug: reported, not expected.
    Internal,
}

/// An error as the user sees it: a class and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error, TS)]
#[error("{message}")]
#[ts(export)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl ApiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, message)
    }
}

impl From<attest_store::StoreError> for ApiError {
    fn from(e: attest_store::StoreError) -> Self {
        use attest_store::StoreError as E;
        let kind = match &e {
            E::NotFound { .. } => ErrorKind::NotFound,
            E::Invalid(_) | E::Span(_) | E::UndecidedActors { .. } => ErrorKind::Invalid,
            E::Busy => ErrorKind::Busy,
            E::NotANotebook { .. }
            | E::NewerSchema { .. }
            | E::Damaged { .. }
            | E::ReadOnly { .. } => ErrorKind::Notebook,
            E::Io { .. } | E::DiskFull => ErrorKind::Io,
            E::Sqlite(_) => ErrorKind::Internal,
        };
        ApiError::new(kind, e.to_string())
    }
}

impl From<attest_export::ExportError> for ApiError {
    fn from(e: attest_export::ExportError) -> Self {
        use attest_export::ExportError as E;
        let kind = match &e {
            E::Template(_) => ErrorKind::Invalid,
            E::Write { .. } => ErrorKind::Internal,
        };
        ApiError::new(kind, e.to_string())
    }
}

impl From<attest_pdf::PdfError> for ApiError {
    fn from(e: attest_pdf::PdfError) -> Self {
        ApiError::new(ErrorKind::Internal, e.to_string())
    }
}
