//! Making the CUDA libraries of pip's `nvidia-*` wheels findable for the JAX CUDA plugin.
//!
//! The plugin `dlopen`s cudart, cuBLAS, cuDNN, NCCL... by soname at run time. In a Python process
//! JAX arranges that; here `LD_LIBRARY_PATH` cannot help, since the loader reads it only at
//! process start. Instead we `dlopen` those libraries from `site-packages/nvidia/*/lib` with
//! `RTLD_GLOBAL` first: a later `dlopen("libcublas.so.12")` then finds the already-loaded object
//! by its soname. Best effort: a library that fails to load is skipped, the plugin will report
//! what is really missing. Not exercised on a GPU in this repository's tests.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use libloading::os::unix::{Library, RTLD_GLOBAL, RTLD_NOW};

/// Library file-name prefixes worth preloading (case-sensitive, matched against `lib*.so*`).
const PREFIXES: [&str; 14] = [
    "libnvJitLink",
    "libnvjitlink",
    "libcudart",
    "libcublasLt",
    "libcublas",
    "libcufft",
    "libcusparse",
    "libcusolver",
    "libcurand",
    "libcudnn",
    "libnccl",
    "libcupti",
    "libnvrtc",
    "libnvshmem",
];

/// Handles kept for the life of the process (closing them would unload what the plugin uses).
static PRELOADED: Mutex<Vec<Library>> = Mutex::new(Vec::new());

pub(crate) fn is_cuda_plugin(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parent = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.contains("cuda") || parent.starts_with("xla_cuda")
}

/// `site-packages/nvidia/*/lib` directories: next to the plugin first, then every known
/// site-packages directory.
fn nvidia_lib_dirs(plugin: &Path) -> Vec<PathBuf> {
    // <site>/jax_plugins/xla_cuda12/xla_cuda_plugin.so -> <site>
    let mut sites: Vec<PathBuf> = plugin
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .into_iter()
        .collect();
    for s in super::discover::site_packages_dirs().0 {
        if !sites.contains(s) {
            sites.push(s.clone());
        }
    }
    let mut dirs = Vec::new();
    for site in sites {
        let Ok(entries) = std::fs::read_dir(site.join("nvidia")) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path().join("lib"))
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        dirs.extend(found);
    }
    dirs
}

/// Loads the CUDA libraries found next to `plugin` (see module docs). Returns how many loaded.
pub(crate) fn preload_cuda_libraries(plugin: &Path) -> usize {
    let mut pending: Vec<PathBuf> = Vec::new();
    for dir in nvidia_lib_dirs(plugin) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let n = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                n.contains(".so") && PREFIXES.iter().any(|pre| n.starts_with(pre))
            })
            .collect();
        files.sort();
        pending.extend(files);
    }
    // Dependencies among these libraries (cusolver needs cublasLt and nvJitLink, ...) resolve
    // only once their targets are loaded, so retry in rounds until a round makes no progress
    // instead of hard-coding an order.
    let mut held = PRELOADED.lock().unwrap_or_else(|p| p.into_inner());
    let before = held.len();
    loop {
        let mut progress = false;
        pending.retain(
            |path| match unsafe { Library::open(Some(path), RTLD_NOW | RTLD_GLOBAL) } {
                Ok(lib) => {
                    held.push(lib);
                    progress = true;
                    false
                }
                Err(_) => true,
            },
        );
        if !progress || pending.is_empty() {
            break;
        }
    }
    held.len() - before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_cuda_plugin_paths() {
        assert!(is_cuda_plugin(Path::new(
            "/s/jax_plugins/xla_cuda12/xla_cuda_plugin.so"
        )));
        assert!(!is_cuda_plugin(Path::new(
            "/p/plugins/lammps_jax_pjrt_cpu/pjrt_c_api_cpu_plugin.so"
        )));
    }
}
