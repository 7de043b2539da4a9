//! The same operations on the local file system. Writes are atomic: a crash leaves the old file
//! or the new one, never half of one.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::error::{Result, StorageError};
use super::glob as pattern_match;
use super::Listing;

/// Writes `path` through `fill`: into a temp file in the same folder (so the rename stays on one
/// file system), fsynced, renamed over `path`, then the folder fsynced so the rename lasts.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let tmp = temp_path(path);
    let result = (|| {
        let file = File::create(&tmp)?;
        let mut w = BufWriter::new(file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(StorageError::local(path, e));
    }
    sync_dir(path);
    Ok(())
}

/// `.NAME.tmp.PID` beside `path`: hidden, and unique per process so two writers never share one.
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp.{}", std::process::id()))
}

/// Best effort: not every platform lets a folder be opened for sync.
pub fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Files (path, size) and folders directly in `dir`.
pub fn list(dir: &Path) -> Result<Listing<PathBuf>> {
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    for e in fs::read_dir(dir).map_err(|e| StorageError::local(dir, e))? {
        let e = e.map_err(|e| StorageError::local(dir, e))?;
        let p = e.path();
        if p.is_dir() {
            dirs.push(p);
        } else if let Ok(m) = fs::metadata(&p) {
            files.push((p, m.len()));
        }
    }
    files.sort();
    dirs.sort();
    Ok((files, dirs))
}

/// Files under `base` whose components from there match `pattern`.
pub fn glob(base: &Path, pattern: &[String]) -> Result<Vec<PathBuf>> {
    let mut level = vec![base.to_path_buf()];
    for (i, part) in pattern.iter().enumerate() {
        let last = i + 1 == pattern.len();
        let mut next = Vec::new();
        for dir in &level {
            if !pattern_match::has_wildcard(part) {
                next.push(dir.join(part));
                continue;
            }
            let Ok(rd) = fs::read_dir(dir) else { continue };
            for e in rd.flatten() {
                if e.file_name().to_str().is_some_and(|n| pattern_match::wildcard(part.as_bytes(), n.as_bytes())) {
                    next.push(e.path());
                }
            }
        }
        level = next.into_iter().filter(|p| if last { p.is_file() } else { p.is_dir() }).collect();
    }
    level.sort();
    Ok(level)
}
