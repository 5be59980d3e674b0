//! What the examples share: the folders of saved pages they read.

use std::path::{Path, PathBuf};

/// The folders under `dir` holding a `source.html` and every file in `with`, sorted,
/// each with its name.
pub fn page_dirs(dir: &Path, with: &[&str]) -> Vec<(String, PathBuf)> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            ["source.html"]
                .iter()
                .chain(with)
                .all(|f| p.join(f).is_file())
        })
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| (d.file_name().unwrap().to_string_lossy().into_owned(), d))
        .collect()
}
