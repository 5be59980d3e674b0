//! Attest's use cases: the one place that combines import, the notebook store and
//! export. Every Tauri command and every CLI verb is a thin call into [`Api`], so the
//! app and the command line cannot drift apart.

mod error;

pub use error::{ApiError, ErrorKind};
