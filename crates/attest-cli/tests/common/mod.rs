//! What the CLI test files share: the repository's files and the binary on a notebook.

// Each test file uses some of these.
#![allow(dead_code)]

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

/// Runs `attest` and returns its standard output, failing with its standard error.
pub fn run_ok(nb: &Path, args: &[&str]) -> String {
    let out = attest(nb).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "attest {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
