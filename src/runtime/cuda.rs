//! Making the CUDA libraries of pip's `nvidia-*` wheels findable for the JAX CUDA plugin.
//!
//! The plugin `dlopen`s cudart, cuBLAS, cuDNN, NCCL... by soname at run time. In a Python process
//! JAX arranges that; here `LD_LIBRARY_PATH` cannot help, since the loader reads it only at
//! process start. Instead we `dlopen` those libraries from `site-packages/nvidia/*/lib` with
//! `RTLD_GLOBAL` first: a later `dlopen("libcublas.so.12")` then finds the already-loaded object
//! by its soname. Best effort: a library that fails to load is skipped, the plugin will report
//! what is really missing.
//!
//! XLA:GPU also needs a CUDA "data dir" at compile time: `nvvm/libdevice/libdevice.10.bc` for
//! LLVM and `bin/ptxas` to assemble kernels. JAX points `xla_gpu_cuda_data_dir` at the `nvidia`
//! wheels; so do we (`cuda_data_dir`), through `XLA_FLAGS`, read when the plugin's client starts.

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
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = path.parent().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.contains("cuda") || parent.starts_with("xla_cuda")
}

/// `site-packages/nvidia/*/lib` directories: next to the plugin first, then every known
/// site-packages directory.
fn nvidia_lib_dirs(plugin: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for site in plugin_sites(plugin) {
        let Ok(entries) = std::fs::read_dir(site.join("nvidia")) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path().join("lib")).filter(|p| p.is_dir()).collect();
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
                let n = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
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
        pending.retain(|path| match unsafe { Library::open(Some(path), RTLD_NOW | RTLD_GLOBAL) } {
            Ok(lib) => {
                held.push(lib);
                progress = true;
                false
            }
            Err(_) => true,
        });
        if !progress || pending.is_empty() {
            break;
        }
    }
    held.len() - before
}

/// What the CUDA set-up found for a plugin: the data dir and the libraries preloaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CudaSetup {
    /// The folder given to XLA as `xla_gpu_cuda_data_dir`, if one was found.
    pub data_dir: Option<PathBuf>,
    /// `ptxas` inside the data dir, else on `PATH`.
    pub ptxas: Option<PathBuf>,
    /// Libraries from the `nvidia-*` wheels loaded ahead of the plugin.
    pub preloaded: usize,
    /// Where data dirs were looked for, in order (for the error a user sees when none was).
    pub looked_at: Vec<PathBuf>,
}

const LIBDEVICE: &str = "nvvm/libdevice/libdevice.10.bc";

/// Candidate CUDA data dirs, in order: `$BAMBOO_CUDA_DATA_DIR`, the wheels' layouts next to the
/// plugin and in every site-packages (CUDA 13's single `nvidia/cu13`, CUDA 12's
/// `nvidia/cuda_nvcc`), then `$CUDA_HOME`, `$CUDA_PATH` and `/usr/local/cuda`.
fn data_dir_candidates(plugin: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = vec![];
    if let Some(v) = std::env::var_os("BAMBOO_CUDA_DATA_DIR").filter(|v| !v.is_empty()) {
        out.push(PathBuf::from(v));
    }
    let cu13 = plugin.parent().and_then(|p| p.file_name()).is_some_and(|n| n.to_string_lossy().ends_with("13"));
    let layouts: [&str; 2] = if cu13 { ["nvidia/cu13", "nvidia/cuda_nvcc"] } else { ["nvidia/cuda_nvcc", "nvidia/cu13"] };
    for site in plugin_sites(plugin) {
        for l in layouts {
            out.push(site.join(l));
        }
    }
    for var in ["CUDA_HOME", "CUDA_PATH"] {
        if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
            out.push(PathBuf::from(v));
        }
    }
    out.push(PathBuf::from("/usr/local/cuda"));
    out.dedup();
    out
}

/// The first candidate holding libdevice, with its ptxas (or the one on `PATH`).
pub(crate) fn find_data_dir(plugin: &Path) -> CudaSetup {
    let looked_at = data_dir_candidates(plugin);
    let data_dir = looked_at.iter().find(|d| d.join(LIBDEVICE).is_file()).cloned();
    let ptxas =
        data_dir.as_ref().map(|d| d.join("bin/ptxas")).filter(|p| p.is_file()).or_else(|| {
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).map(|d| d.join("ptxas")).find(|p| p.is_file())
        });
    CudaSetup { data_dir, ptxas, preloaded: 0, looked_at }
}

/// Appends `--xla_gpu_cuda_data_dir=DIR` to `XLA_FLAGS` unless the user set one there already.
/// Called before the plugin creates a client (XLA reads the variable once, at its first use).
pub(crate) fn export_data_dir(dir: &Path) {
    let flags = std::env::var("XLA_FLAGS").unwrap_or_default();
    if flags.contains("xla_gpu_cuda_data_dir") {
        return;
    }
    let joined = format!("{} --xla_gpu_cuda_data_dir={}", flags, dir.display());
    std::env::set_var("XLA_FLAGS", joined.trim_start());
}

/// The plugin's own site-packages first, then every known one.
fn plugin_sites(plugin: &Path) -> Vec<PathBuf> {
    // <site>/jax_plugins/xla_cuda12/xla_cuda_plugin.so -> <site>
    let mut sites: Vec<PathBuf> = plugin.ancestors().nth(3).map(Path::to_path_buf).into_iter().collect();
    for s in super::discover::site_packages_dirs().0 {
        if !sites.contains(s) {
            sites.push(s.clone());
        }
    }
    sites
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_cuda_plugin_paths() {
        assert!(is_cuda_plugin(Path::new("/s/jax_plugins/xla_cuda12/xla_cuda_plugin.so")));
        assert!(!is_cuda_plugin(Path::new("/p/plugins/lammps_jax_pjrt_cpu/pjrt_c_api_cpu_plugin.so")));
    }

    #[test]
    fn data_dir_is_the_first_layout_holding_libdevice() {
        let root = std::env::temp_dir().join(format!("bamboo-cuda-{}", std::process::id()));
        let site = root.join("site-packages");
        let plugin = site.join("jax_plugins/xla_cuda13/xla_cuda_plugin.so");
        std::fs::create_dir_all(plugin.parent().unwrap()).unwrap();
        std::fs::write(&plugin, b"").unwrap();
        // Nothing yet: every candidate is listed, none chosen.
        let none = find_data_dir(&plugin);
        assert!(none.looked_at.contains(&site.join("nvidia/cu13")), "{:?}", none.looked_at);
        assert_eq!(
            none.looked_at.iter().position(|p| p == &site.join("nvidia/cu13")).unwrap() + 1,
            none.looked_at.iter().position(|p| p == &site.join("nvidia/cuda_nvcc")).unwrap()
        );
        let cu13 = site.join("nvidia/cu13");
        std::fs::create_dir_all(cu13.join("nvvm/libdevice")).unwrap();
        std::fs::write(cu13.join(LIBDEVICE), b"bc").unwrap();
        std::fs::create_dir_all(cu13.join("bin")).unwrap();
        std::fs::write(cu13.join("bin/ptxas"), b"").unwrap();
        let found = find_data_dir(&plugin);
        assert_eq!(found.data_dir.as_deref(), Some(cu13.as_path()));
        assert_eq!(found.ptxas, Some(cu13.join("bin/ptxas")));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
