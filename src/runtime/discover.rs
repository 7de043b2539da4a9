//! Finding a plugin file. Order: an explicit path, then `$BAMBOO_PJRT_PLUGIN`, then the project's
//! own `plugins/` folder (what `scripts/setup` fills), then pip-installed GPU/TPU plugins in Python
//! site-packages. An explicit or environment path that does not exist is an error rather than a
//! silent fall-through: the user asked for that file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use super::error::{Result, RuntimeError};

/// Environment variable naming a plugin file.
pub const PLUGIN_ENV_VAR: &str = "BAMBOO_PJRT_PLUGIN";

/// The pinned default plugin, relative to a project root.
pub const DEFAULT_PLUGIN_RELATIVE: &str = "plugins/lammps_jax_pjrt_cpu/pjrt_c_api_cpu_plugin.so";

/// Plugin files looked for inside each Python site-packages directory, in order of preference.
const SITE_PACKAGES_PLUGINS: [&str; 3] =
    ["jax_plugins/xla_cuda12/xla_cuda_plugin.so", "jax_plugins/xla_cuda13/xla_cuda_plugin.so", "libtpu/libtpu.so"];

/// The default CPU plugin, if pip-installed rather than unpacked by `scripts/setup`.
const SITE_PACKAGES_CPU_PLUGIN: &str = "lammps_jax_pjrt_cpu/pjrt_c_api_cpu_plugin.so";

/// Returns the plugin file to load. See the module docs for the order.
pub fn discover_plugin(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return existing(p, "given explicitly");
    }
    if let Some(v) = std::env::var_os(PLUGIN_ENV_VAR).filter(|v| !v.is_empty()) {
        return existing(Path::new(&v), &format!("from ${PLUGIN_ENV_VAR}"));
    }
    let (candidates, python_ok) = plugin_search_locations_inner();
    if let Some(found) = candidates.iter().find(|p| p.is_file()) {
        return Ok(found.clone());
    }
    let mut looked_at: Vec<String> = vec![format!("${PLUGIN_ENV_VAR} (not set)")];
    looked_at.extend(candidates.iter().map(|p| p.display().to_string()));
    if !python_ok {
        looked_at.push("(python3 could not be run: its site-packages were not searched)".into());
    }
    Err(RuntimeError::PluginNotFound { looked_at })
}

/// Every file `discover_plugin` would try after the explicit path and the environment variable,
/// in order (for diagnostics such as a `doctor` command).
pub fn plugin_search_locations() -> Vec<PathBuf> {
    plugin_search_locations_inner().0
}

fn plugin_search_locations_inner() -> (Vec<PathBuf>, bool) {
    let mut out = Vec::new();
    for root in project_roots() {
        push_unique(&mut out, root.join(DEFAULT_PLUGIN_RELATIVE));
    }
    let (sites, python_ok) = site_packages_dirs();
    for rel in SITE_PACKAGES_PLUGINS {
        for site in sites {
            push_unique(&mut out, site.join(rel));
        }
    }
    for site in sites {
        push_unique(&mut out, site.join(SITE_PACKAGES_CPU_PLUGIN));
    }
    (out, python_ok)
}

fn existing(p: &Path, how: &str) -> Result<PathBuf> {
    if p.is_file() {
        Ok(p.to_path_buf())
    } else {
        Err(RuntimeError::Load {
            path: p.to_path_buf(),
            reason: format!("no such file ({how}); `scripts/setup` installs the default plugin under plugins/"),
        })
    }
}

/// The crate's source root (where `scripts/setup` puts `plugins/`), then the current directory
/// (a binary run from a checkout other than the one it was built in).
fn project_roots() -> Vec<PathBuf> {
    let mut roots = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR"))];
    if let Ok(cwd) = std::env::current_dir() {
        if !roots.contains(&cwd) {
            roots.push(cwd);
        }
    }
    roots
}

/// Python site-packages directories: the project's `.venv`, `$VIRTUAL_ENV`, then the
/// site-/dist-packages entries of `python3`'s `sys.path` (run once per process; a missing Python
/// is tolerated). The flag says whether
/// `python3` ran.
pub(crate) fn site_packages_dirs() -> (&'static [PathBuf], bool) {
    static DIRS: OnceLock<(Vec<PathBuf>, bool)> = OnceLock::new();
    let (dirs, ok) = DIRS.get_or_init(|| {
        let mut dirs = Vec::new();
        let mut venvs: Vec<PathBuf> = project_roots().iter().map(|r| r.join(".venv")).collect();
        if let Some(v) = std::env::var_os("VIRTUAL_ENV") {
            venvs.push(PathBuf::from(v));
        }
        for venv in venvs {
            for site in venv_site_packages(&venv) {
                push_unique(&mut dirs, site);
            }
        }
        let python = python_sys_path();
        let ok = python.is_some();
        // Only where pip installs: the stdlib, lib-dynload and zip entries never hold plugins.
        for p in python.unwrap_or_default() {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if (name == "site-packages" || name == "dist-packages") && p.is_dir() {
                push_unique(&mut dirs, p);
            }
        }
        (dirs, ok)
    });
    (dirs, *ok)
}

/// `<venv>/lib/python3.*/site-packages`.
fn venv_site_packages(venv: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(venv.join("lib")) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("python"))
        .map(|e| e.path().join("site-packages"))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn python_sys_path() -> Option<Vec<PathBuf>> {
    let out = Command::new("python3")
        .args(["-c", "import sys;print(\"\\n\".join(sys.path))"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.trim().is_empty()).map(PathBuf::from).collect())
}

fn push_unique(v: &mut Vec<PathBuf>, p: PathBuf) {
    if !v.contains(&p) {
        v.push(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_missing_path_is_a_clear_error() {
        let err = discover_plugin(Some(Path::new("/nonexistent/plugin.so"))).unwrap_err();
        let s = err.to_string();
        assert!(s.contains("/nonexistent/plugin.so") && s.contains("no such file"), "{s}");
    }

    #[test]
    fn search_order_starts_with_project_plugin() {
        let locs = plugin_search_locations();
        assert_eq!(locs[0], Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PLUGIN_RELATIVE));
    }
}
