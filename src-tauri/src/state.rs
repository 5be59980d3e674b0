use attest_api::{Api, ApiError, ErrorKind};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

/// The notebook the window works on. Opening can fail (a damaged file, a newer
/// version): the window still starts and shows why.
pub struct AppState {
    notebook: Mutex<Result<Api, ApiError>>,
    /// Set by Cancel; running imports stop before their next file.
    pub import_cancel: Arc<AtomicBool>,
}

impl AppState {
    pub fn open(path: &Path) -> Self {
        let notebook = Api::open_for_app(path);
        if notebook.is_ok() {
            snapshot_in_background(path);
        }
        AppState {
            notebook: Mutex::new(notebook),
            import_cancel: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Replaces the open notebook; on failure the previous one stays open.
    pub fn switch_to(&self, path: &Path) -> Result<(), ApiError> {
        let api = Api::open_for_app(path)?;
        *self.lock() = Ok(api);
        snapshot_in_background(path);
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, Result<Api, ApiError>> {
        // A panic while holding the lock leaves the notebook itself consistent (SQLite
        // transactions), so carry on with it.
        self.notebook.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut Api) -> Result<T, ApiError>) -> Result<T, ApiError> {
        match &mut *self.lock() {
            Ok(api) => f(api),
            Err(e) => Err(ApiError::new(
                ErrorKind::Notebook,
                format!("no notebook is open: {e}. Use File › Open Notebook or New Notebook."),
            )),
        }
    }

    pub fn notebook_path(&self) -> Result<PathBuf, ApiError> {
        self.with(|api| Ok(api.notebook_path().to_path_buf()))
    }
}

/// The day's snapshot, copied while the window is already usable: a large notebook
/// takes seconds to copy. A failure only means no snapshot today; the next open
/// tries again.
fn snapshot_in_background(path: &Path) {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = attest_api::take_daily_snapshot(&path);
    });
}
