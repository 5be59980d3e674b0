//! Where a notebook lives, and what is risky about the place.

use std::path::Path;

/// Folder names that sync services create, and the service's name. A service copies a
/// file while SQLite writes it, or keeps two "conflicted copies": either can break a
/// notebook, and its write-ahead log is a second file the service copies separately.
const SYNCED_FOLDERS: &[(&str, &str)] = &[
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("icloud", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("box sync", "Box"),
    ("box", "Box"),
    ("pcloud drive", "pCloud"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("megasync", "MEGA"),
    ("mega", "MEGA"),
];

/// The sync service whose folder holds `path`, by the folder names the services use
/// ("Dropbox", "Dropbox (Team)", "OneDrive - Org", macOS's `CloudStorage/GoogleDrive-…`).
/// Only folder names are compared: Attest never asks the services anything.
pub fn sync_service(path: &Path) -> Option<&'static str> {
    let text = path.to_string_lossy();
    // Both separators, so a Windows path reads the same on every system.
    let folders: Vec<&str> = text.split(['/', '\\']).collect();
    let folders = &folders[..folders.len().saturating_sub(1)];
    folders.iter().find_map(|folder| service_of(folder))
}

fn service_of(folder: &str) -> Option<&'static str> {
    let folder = folder.to_lowercase();
    SYNCED_FOLDERS.iter().find_map(|&(name, service)| {
        let rest = folder.strip_prefix(name)?;
        // "Dropbox", "Dropbox (Team)", "OneDrive - Org", "GoogleDrive-ana@x.org"; not "Boxes".
        (rest.is_empty() || rest.starts_with([' ', '-', '('])).then_some(service)
    })
}

/// A warning to show when the notebook at `path` is in a synced folder.
pub fn cloud_warning(path: &Path) -> Option<String> {
    let service = sync_service(path)?;
    Some(format!(
        "This notebook is in a {service} folder. {service} can copy it while Attest is \
         writing, or keep conflicting copies, and either can damage it. Keep notebooks in \
         a folder that is not synced; Attest's own snapshots (File › Restore from \
         Backup…, `attest backup create`) are the safe copies."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_sync_folders_are_recognised() {
        let cases = [
            ("/home/ana/Dropbox/research/n.attest", Some("Dropbox")),
            ("/home/ana/Dropbox (Institute)/n.attest", Some("Dropbox")),
            (
                r"C:\Users\ana\OneDrive - Uni Leiden\Thesis\n.attest",
                Some("OneDrive"),
            ),
            (
                "/Users/ana/Library/CloudStorage/GoogleDrive-ana@uni.edu/My Drive/n.attest",
                Some("Google Drive"),
            ),
            (
                "/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/n.attest",
                Some("iCloud Drive"),
            ),
            ("/home/ana/Nextcloud/n.attest", Some("Nextcloud")),
        ];
        for (path, service) in cases {
            assert_eq!(sync_service(Path::new(path)), service, "{path}");
        }
    }

    #[test]
    fn ordinary_folders_and_file_names_are_not_flagged() {
        for path in [
            "/home/ana/Documents/research/n.attest",
            "/home/ana/Boxes/n.attest",
            "/home/ana/megaproject/n.attest",
            // The file's own name is not a folder.
            "/home/ana/Documents/Dropbox.attest",
        ] {
            assert_eq!(sync_service(Path::new(path)), None, "{path}");
        }
        assert!(cloud_warning(Path::new("/srv/n.attest")).is_none());
        let warning = cloud_warning(Path::new("/home/ana/Dropbox/n.attest")).unwrap();
        assert!(warning.contains("Dropbox folder"), "{warning}");
    }
}
