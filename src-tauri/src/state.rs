use attest_api::{Api, ApiError, ErrorKind};
use attest_core::variants::StatementVariants;
use attest_core::LaunchRequest;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// The notebook the window works on. Opening can fail (a damaged file, a newer
/// version): the window still starts, shows why, and can restore a snapshot of it.
pub struct AppState {
    // Shared with the background check, which may find the file damaged.
    notebook: Arc<Mutex<Opened>>,
    /// Set by Cancel; running imports stop before their next file.
    pub import_cancel: Arc<AtomicBool>,
    /// What the command line (this launch's, or a later one's) asked for and the window
    /// has not taken yet.
    launch: Mutex<LaunchRequest>,
    /// Tells the window the notebook turned out damaged (set once the window exists).
    on_damage: Arc<Mutex<Option<DamageNotice>>>,
    /// A read-only connection to the open notebook for slow reads the window can wait
    /// for (quote variants), so that they never hold up the next article or an edit;
    /// opened on first use, dropped when the notebook changes.
    reader: Mutex<Option<Api>>,
    /// Counts the requests for quote variants: a newer one makes an older give up.
    variants_asked: AtomicU64,
}

type DamageNotice = Box<dyn Fn() + Send + Sync>;

/// The file the window is on, and the notebook in it if it could be opened.
struct Opened {
    path: PathBuf,
    api: Result<Api, ApiError>,
}

impl AppState {
    pub fn open(path: &Path) -> Self {
        let api = Api::open_for_app(path);
        log_open(path, &api);
        let opened = api.is_ok();
        let state = AppState {
            notebook: Arc::new(Mutex::new(Opened {
                path: path.to_path_buf(),
                api,
            })),
            import_cancel: Arc::new(AtomicBool::new(false)),
            launch: Mutex::default(),
            on_damage: Arc::default(),
            reader: Mutex::default(),
            variants_asked: AtomicU64::new(0),
        };
        if opened {
            state.check_in_background(path);
        }
        state
    }

    /// What to call when the background check finds the open notebook damaged.
    pub fn on_damage(&self, notice: impl Fn() + Send + Sync + 'static) {
        *self.on_damage.lock().unwrap_or_else(|p| p.into_inner()) = Some(Box::new(notice));
    }

    /// The whole-file damage check and the day's snapshot, [`CHECK_AFTER`] the open and
    /// at the lowest priority, while the window is already usable: each reads the whole
    /// file, seconds for a large notebook (a window closed before then takes the day's
    /// snapshot at its next open). A damaged file is closed (the window then shows why
    /// and offers the snapshots); a failed snapshot only means none today, the next
    /// open tries again.
    fn check_in_background(&self, path: &Path) {
        let path = path.to_path_buf();
        let notebook = Arc::clone(&self.notebook);
        let on_damage = Arc::clone(&self.on_damage);
        std::thread::spawn(move || {
            // What the analyst opened the notebook for comes first.
            std::thread::sleep(CHECK_AFTER);
            lower_this_threads_priority();
            match attest_api::check_and_snapshot(&path) {
                Ok(Some(snapshot)) => log::info!("daily snapshot {}", snapshot.path.display()),
                Ok(None) => {}
                Err(e) if e.kind == ErrorKind::Notebook => {
                    log::error!("{e}");
                    let mut opened = notebook.lock().unwrap_or_else(|p| p.into_inner());
                    // Unless the window moved on to another notebook meanwhile.
                    if opened.path == path {
                        opened.api = Err(e);
                        drop(opened);
                        if let Some(notice) = &*on_damage.lock().unwrap_or_else(|p| p.into_inner())
                        {
                            notice();
                        }
                    }
                }
                Err(e) => log::warn!("no daily snapshot of {}: {e}", path.display()),
            }
        });
    }

    /// Keeps a command line's request for the window to take; a later notebook wins,
    /// files add up.
    pub fn queue_launch(&self, request: LaunchRequest) {
        let mut queued = self.launch.lock().unwrap_or_else(|p| p.into_inner());
        if request.notebook.is_some() {
            queued.notebook = request.notebook;
        }
        queued.files.extend(request.files);
    }

    /// What the command line asked for since the last call.
    pub fn take_launch(&self) -> LaunchRequest {
        std::mem::take(&mut *self.launch.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// The notebook part of "Copy diagnostics".
    pub fn diagnostics(&self) -> String {
        let opened = self.lock();
        attest_api::notebook_diagnostics(&opened.path, opened.api.as_ref())
    }

    /// Replaces the open notebook; on failure the previous one stays open.
    pub fn switch_to(&self, path: &Path) -> Result<(), ApiError> {
        let api = Api::open_for_app(path);
        log_open(path, &api);
        let api = api?;
        self.drop_reader();
        *self.lock() = Opened {
            path: path.to_path_buf(),
            api: Ok(api),
        };
        self.check_in_background(path);
        Ok(())
    }

    /// Closes the notebook, puts `snapshot` in its place (the replaced file is kept
    /// aside) and opens it again. Works on a notebook that could not be opened.
    pub fn restore(&self, snapshot: &Path) -> Result<Option<PathBuf>, ApiError> {
        let mut opened = self.lock();
        self.drop_reader();
        // Close the connections first: the file is about to be replaced.
        opened.api = Err(ApiError::new(
            ErrorKind::Notebook,
            "the notebook is being restored from a snapshot",
        ));
        let restored = attest_api::restore_snapshot(snapshot, &opened.path);
        match &restored {
            Ok(_) => log::info!(
                "restored {} from {}",
                opened.path.display(),
                snapshot.display()
            ),
            Err(e) => log::error!("restoring {} failed: {e}", snapshot.display()),
        }
        opened.api = Api::open_for_app(&opened.path);
        log_open(&opened.path, &opened.api);
        let kept_aside = restored?;
        opened.api.as_ref().map_err(Clone::clone)?;
        Ok(kept_aside)
    }

    fn lock(&self) -> MutexGuard<'_, Opened> {
        // A panic while holding the lock leaves the notebook itself consistent (SQLite
        // transactions), so carry on with it.
        self.notebook.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut Api) -> Result<T, ApiError>) -> Result<T, ApiError> {
        match &mut self.lock().api {
            Ok(api) => f(api).inspect_err(|e| log::warn!("{:?}: {}", e.kind, e.message)),
            Err(e) => Err(ApiError::new(
                ErrorKind::Notebook,
                format!(
                    "no notebook is open: {e}. Use File › Open Notebook or New Notebook, or \
                     File › Restore from Backup."
                ),
            )),
        }
    }

    /// [`AppState::with`] for a command that changes the notebook: what `f` changes is
    /// one undo step labelled `label` ("Add highlight"), which Ctrl+Z takes back.
    pub fn edit<T>(
        &self,
        label: &str,
        f: impl FnOnce(&mut Api) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        self.with(|api| api.step(label, f))
    }

    /// The quote variants of an article's statements, read beside the notebook's lock.
    /// Asked again for another article, an unfinished answer is given up (and comes
    /// back empty: the window no longer waits for it).
    pub fn article_variants(&self, article_id: i64) -> Result<Vec<StatementVariants>, ApiError> {
        let asked = self.variants_asked.fetch_add(1, Ordering::SeqCst) + 1;
        let path = self.notebook_path()?;
        let mut reader = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        let api = match reader.take() {
            Some(api) if api.notebook_path() == path => api,
            _ => Api::open_reader(&path)?,
        };
        let wanted = || self.variants_asked.load(Ordering::SeqCst) == asked;
        let found = api.article_variants_while(article_id, &wanted);
        *reader = Some(api);
        Ok(found?.unwrap_or_default())
    }

    /// Closes the read-only connection (the notebook changes or its file is replaced).
    fn drop_reader(&self) {
        *self.reader.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// The notebook's file, whether or not it could be opened.
    pub fn path(&self) -> PathBuf {
        self.lock().path.clone()
    }

    pub fn notebook_path(&self) -> Result<PathBuf, ApiError> {
        self.with(|api| Ok(api.notebook_path().to_path_buf()))
    }
}

/// One line per open: enough to see which file a report is about and whether it opened.
fn log_open(path: &Path, api: &Result<Api, ApiError>) {
    match api {
        Ok(api) => match api.info() {
            Ok(info) => log::info!(
                "opened {} ({} articles)",
                path.display(),
                info.article_count
            ),
            Err(e) => log::warn!("opened {} but cannot count it: {e}", path.display()),
        },
        Err(e) => log::error!("cannot open {}: {e}", path.display()),
    }
}

/// How long after a notebook opens its damage check starts. Reading a 2 GB notebook
/// takes seconds of a core and of the disk, and beside it the first article opened took
/// three times as long (about 100 ms instead of 30 for the view of a long one).
const CHECK_AFTER: std::time::Duration = std::time::Duration::from_secs(10);

/// Gives the calling thread the lowest priority, so that reading a whole notebook of
/// gigabytes in the background leaves the cores to the window. Only on Linux, where each
/// thread has a nice value of its own; elsewhere the thread runs as it is.
fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    if let Err(e) = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19) {
        log::warn!("the background check keeps its priority: {e}");
    }
}
