// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Without a GPU, WebKitGTK composites the page through a software GL (llvmpipe):
    // under Xvfb that kept both cores busy for seconds after start and made opening a
    // long article take up to twice as long. Plain painting is then the cheaper way.
    // Set before any thread starts; a value the user set wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() && !has_gpu() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    attest_desktop::run();
}

/// Whether the machine has a GPU the webview could render with (a DRM render node).
#[cfg(target_os = "linux")]
fn has_gpu() -> bool {
    std::fs::read_dir("/dev/dri").is_ok_and(|dir| {
        dir.flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}
