//! The data embedded in the project (`datasets/`), found from wherever bamboo is run: a default
//! path such as `datasets/fashion-mnist-tfrecord/train-*` names the project's copy, not a folder
//! of that name under the current directory.

use std::path::{Path, PathBuf};

/// The project folder that holds `datasets/`: `$BAMBOO_HOME` when set, else the first folder
/// above the running executable that holds `datasets/` and `Cargo.toml` (a build's
/// `target/release/bamboo`), else the folder the binary was built from. `None` when none of them
/// holds `datasets/` (an executable copied elsewhere, with its source gone).
pub fn project_root() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("BAMBOO_HOME") {
        return Some(PathBuf::from(home));
    }
    let is_root = |p: &Path| p.join("datasets").is_dir() && p.join("Cargo.toml").is_file();
    if let Ok(exe) = std::env::current_exe() {
        let exe = exe.canonicalize().unwrap_or(exe);
        if let Some(root) = exe.ancestors().skip(1).find(|p| is_root(p)) {
            return Some(root.to_path_buf());
        }
    }
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR"));
    is_root(built_from).then(|| built_from.to_path_buf())
}

/// `relative` (a path or glob under `datasets/`) inside the project, as text for a flag's
/// default; unchanged when no project folder is found, so the error then names the path as given.
pub fn embedded(relative: &str) -> String {
    match project_root() {
        Some(root) => root.join(relative).to_string_lossy().into_owned(),
        None => relative.to_string(),
    }
}

/// `embedded` as a path, for flags that take one.
pub fn embedded_path(relative: &str) -> PathBuf {
    PathBuf::from(embedded(relative))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_name_the_projects_copy() {
        // Unit tests run from a build inside the project, so its root is found either way.
        let path = embedded("datasets/bert-vocab/vocab.txt");
        assert!(Path::new(&path).is_absolute(), "{}", path);
        assert!(Path::new(&path).is_file(), "{} does not exist", path);
    }
}
