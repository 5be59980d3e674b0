//! Attest's domain: the types every other crate and the UI speak, and the rules for
//! text offsets.
//!
//! Invariants kept here:
//! - Offsets are Unicode code points into an article's stored text (the W3C Web
//!   Annotation unit); [`text`] converts and checks them.
//! - Types that cross to the UI derive `ts_rs::TS`; `cargo test` writes their
//!   TypeScript twins to `ui/src/bindings/`, so they are never written twice.
//! - No I/O and no Tauri: this crate is pure data and functions.

pub mod anchoring;
pub mod gazetteer;
pub mod mentions;
pub mod model;
pub mod search;
pub mod similarity;
pub mod text;
pub mod variants;

pub use model::*;
pub use search::{QueryError, SearchHit, SearchHitKind, SearchQuery, SearchResults, SnippetPart};

/// Tauri's bundle identifier; the default notebook lives in the data folder named
/// after it, so the app and the CLI find the same file.
pub const APP_IDENTIFIER: &str = "io.attest.notebook";
/// File name of the default notebook inside the app data folder.
pub const DEFAULT_NOTEBOOK_FILE: &str = "default.attest";
/// The extension that marks a file as a notebook rather than an article to import.
pub const NOTEBOOK_EXTENSION: &str = "attest";
