//! What the app was asked to do on its command line: `attest-desktop [NOTEBOOK.attest]
//! [ARTICLE FILES…]`, from a first launch or one forwarded by a second launch.

use attest_core::{LaunchRequest, NOTEBOOK_EXTENSION};
use std::ffi::OsString;
use std::path::Path;

/// Reads a command line (`args` without the program name) given in folder `cwd`: a
/// `.attest` file is the notebook to work on (the last one wins), anything else is a
/// file or folder to import. Relative paths are taken from `cwd`, since a second
/// launch's folder is not the running app's. Options (`-x`, `--x`) are not ours:
/// test drivers and desktop launchers add them.
pub fn launch_request(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> LaunchRequest {
    let mut request = LaunchRequest::default();
    for arg in args {
        if arg.to_string_lossy().starts_with('-') {
            continue;
        }
        let path = cwd.join(arg);
        let is_notebook = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(NOTEBOOK_EXTENSION));
        let path = path.display().to_string();
        if is_notebook {
            request.notebook = Some(path);
        } else {
            request.files.push(path);
        }
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn notebooks_and_articles_are_told_apart_and_made_absolute() {
        let request = launch_request(
            args(&[
                "notes/work.ATTEST",
                "a.txt",
                "/abs/b.pdf",
                "--flag",
                "wires/",
            ]),
            Path::new("/home/ana"),
        );
        assert_eq!(
            request.notebook.as_deref(),
            Some("/home/ana/notes/work.ATTEST")
        );
        assert_eq!(
            request.files,
            ["/home/ana/a.txt", "/abs/b.pdf", "/home/ana/wires/"]
        );
    }

    #[test]
    fn an_empty_command_line_asks_for_nothing() {
        assert_eq!(
            launch_request(args(&[]), Path::new("/")),
            LaunchRequest::default()
        );
    }
}
