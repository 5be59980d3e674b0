//! What the CLI test files share: the repository's files and the binary on a notebook.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A path relative to the repository's root.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// `attest --notebook NOTEBOOK`, ready for its arguments.
pub fn attest(notebook: &Path) -> Command {
    let mut cmd = Command::cargo_bin("attest").unwrap();
    cmd.arg("--notebook").arg(notebook);
    cmd
}
