//! Checkpoint folders that appear whole, on a local disk and on object storage alike.
//!
//! Object stores have no atomic rename, so a folder is made visible by its commit marker
//! `commit.json`, written after every other file: it lists each file's size and SHA-256. A folder
//! counts as a checkpoint only when its marker parses and every listed file is there with the
//! listed size; its bytes are checked against the SHA-256 when they are read. Locally the folder
//! is also written as `NAME.tmp/` and renamed, as before, so a killed run leaves no half folder
//! under the final name; the marker makes one rule hold for both.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::CheckpointError;
use crate::storage;

pub const MARKER: &str = "commit.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSum {
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub format: u32,
    pub files: BTreeMap<String, FileSum>,
}

fn sha256_hex(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes).as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

fn err(path: &Path, msg: String) -> CheckpointError {
    CheckpointError::Format { path: path.to_path_buf(), msg }
}

fn io(path: &Path, e: storage::StorageError) -> CheckpointError {
    CheckpointError::io(path, e.into())
}

/// Writes `files` (name, bytes) into the folder `dir`, then the marker. Whatever an earlier,
/// interrupted attempt left under `dir` is removed first, its marker before anything else.
pub fn write_folder(dir: &Path, files: &[(&str, Vec<u8>)]) -> Result<(), CheckpointError> {
    let sums = files.iter().map(|(n, b)| (n.to_string(), FileSum { size: b.len() as u64, sha256: sha256_hex(b) })).collect();
    let marker = serde_json::to_vec_pretty(&Marker { format: 1, files: sums }).expect("marker serializes");
    if storage::is_remote(dir) {
        storage::delete(&dir.join(MARKER)).map_err(|e| io(dir, e))?;
        storage::delete_all(dir).map_err(|e| io(dir, e))?;
        for (name, bytes) in files {
            storage::write(&dir.join(name), bytes).map_err(|e| io(&dir.join(name), e))?;
        }
        return storage::write(&dir.join(MARKER), &marker).map_err(|e| io(&dir.join(MARKER), e));
    }
    let tmp = PathBuf::from(format!("{}.tmp", dir.display()));
    let local = |p: &Path, e: std::io::Error| CheckpointError::io(p, e);
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(|e| local(&tmp, e))?;
    }
    std::fs::create_dir_all(&tmp).map_err(|e| local(&tmp, e))?;
    for (name, bytes) in files {
        storage::write(&tmp.join(name), bytes).map_err(|e| io(&tmp.join(name), e))?;
    }
    storage::write(&tmp.join(MARKER), &marker).map_err(|e| io(&tmp.join(MARKER), e))?;
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| local(dir, e))?;
    }
    std::fs::rename(&tmp, dir).map_err(|e| local(dir, e))
}

/// The marker of `dir`, checked against the files present (names and sizes, from one listing).
/// The error names the folder and what is wrong.
pub fn read_marker(dir: &Path) -> Result<Marker, CheckpointError> {
    let no_marker =
        |why: String| err(dir, format!("not a complete checkpoint: no valid commit marker ({why}); it was not written to the end"));
    let text = match storage::read(&dir.join(MARKER)) {
        Ok(t) => t,
        Err(e) if e.kind == storage::StorageErrorKind::NotFound && storage::exists(&dir.join("config.json")).unwrap_or(false) => {
            return Err(err(
                dir,
                format!(
                    "neither a checkpoint ({MARKER} is missing) nor a Hugging Face model folder (config.json without model.safetensors)"
                ),
            ))
        }
        Err(e) if e.kind == storage::StorageErrorKind::NotFound => return Err(no_marker(format!("{MARKER} is missing"))),
        Err(e) => return Err(io(&dir.join(MARKER), e)),
    };
    let m: Marker = serde_json::from_slice(&text).map_err(|e| no_marker(format!("{MARKER} does not parse: {e}")))?;
    let present: BTreeMap<String, u64> = storage::list(dir)
        .map_err(|e| io(dir, e))?
        .0
        .into_iter()
        .filter_map(|(p, size)| storage::Location::from_path(&p).ok()?.file_name().map(|n| (n, size)))
        .collect();
    for (name, sum) in &m.files {
        match present.get(name) {
            None => return Err(no_marker(format!("{name} is listed but missing"))),
            Some(&s) if s != sum.size => return Err(no_marker(format!("{name} has {s} bytes, the marker says {}", sum.size))),
            _ => {}
        }
    }
    Ok(m)
}

/// The bytes of `name` in the checkpoint `dir`, checked against its marker.
pub fn read_verified(dir: &Path, marker: &Marker, name: &str) -> Result<Vec<u8>, CheckpointError> {
    let path = dir.join(name);
    let sum = marker.files.get(name).ok_or_else(|| err(&path, format!("not listed in {MARKER}")))?;
    let bytes = storage::read(&path).map_err(|e| io(&path, e))?;
    if bytes.len() as u64 != sum.size || sha256_hex(&bytes) != sum.sha256 {
        return Err(err(
            &path,
            format!(
                "content differs from {MARKER} ({} bytes, sha256 {}; expected {} bytes, {})",
                bytes.len(),
                sha256_hex(&bytes),
                sum.size,
                sum.sha256
            ),
        ));
    }
    Ok(bytes)
}

/// The model weights a user points at, checked: a published model folder (`config.json` and
/// `model.safetensors`, read as they are), a checkpoint folder (its marker must be valid,
/// and `model.safetensors` is verified against it), a file inside a checkpoint folder (verified
/// the same way; a folder named `ckpt-*` without a valid marker is refused), or a bare
/// `.safetensors` file elsewhere, read as it is. Returns the file read and its tensors.
pub fn load_model(path: &Path) -> Result<(PathBuf, super::Tensors), CheckpointError> {
    const MODEL: &str = "model.safetensors";
    if is_published_folder(path) {
        return load_published(path);
    }
    let (dir, name) = if storage::is_dir(path).map_err(|e| io(path, e))? {
        (path.to_path_buf(), MODEL.to_string())
    } else {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let in_checkpoint = dir.file_name().is_some_and(|n| n.to_string_lossy().starts_with("ckpt-"))
            || storage::exists(&dir.join(MARKER)).unwrap_or(false);
        if !in_checkpoint {
            return Ok((path.to_path_buf(), super::load(path)?));
        }
        (dir, name)
    };
    let marker = read_marker(&dir)?;
    let file = dir.join(&name);
    let bytes = read_verified(&dir, &marker, &name)?;
    Ok((file.clone(), super::parse(&file, &bytes)?.tensors))
}

/// A model folder as Hugging Face publishes it (`save_pretrained`): `config.json` and
/// `model.safetensors` (or its shards and `model.safetensors.index.json`), no commit marker, and not named like a training checkpoint (`ckpt-*`,
/// which without its marker is a half-written one).
pub fn is_published_folder(path: &Path) -> bool {
    let exists = |p: &Path| storage::exists(p).unwrap_or(false);
    let ckpt_name = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("ckpt-"));
    storage::is_dir(path).unwrap_or(false)
        && !ckpt_name
        && !exists(&path.join(MARKER))
        && exists(&path.join("config.json"))
        && (exists(&path.join("model.safetensors")) || exists(&path.join(INDEX)))
}

/// The index of a sharded published folder.
const INDEX: &str = "model.safetensors.index.json";

/// The weights of a published folder: `model.safetensors`, or the shards that
/// `model.safetensors.index.json` lists (`weight_map`: tensor name -> file), merged.
fn load_published(dir: &Path) -> Result<(PathBuf, super::Tensors), CheckpointError> {
    let single = dir.join("model.safetensors");
    if storage::exists(&single).unwrap_or(false) {
        return Ok((single.clone(), super::load(&single)?));
    }
    let index = dir.join(INDEX);
    let text = storage::read(&index).map_err(|e| io(&index, e))?;
    let v: serde_json::Value = serde_json::from_slice(&text).map_err(|e| err(&index, format!("not JSON: {e}")))?;
    let map = v.get("weight_map").and_then(|m| m.as_object()).ok_or_else(|| err(&index, "no `weight_map` object".into()))?;
    let files: std::collections::BTreeSet<&str> = map.values().filter_map(|f| f.as_str()).collect();
    let mut all = super::Tensors::new();
    for f in files {
        all.extend(super::load(&dir.join(f))?);
    }
    Ok((index, all))
}

/// The committed folders with their markers, and the others with the reason they do not count.
pub type ScanResult = (Vec<(PathBuf, Marker)>, Vec<(PathBuf, String)>);

/// Checkpoint folders `prefix*` under `run_dir`, oldest first: the committed ones with their
/// markers, and the others with the reason they do not count (for a note).
pub fn scan(run_dir: &Path, prefix: &str) -> Result<ScanResult, CheckpointError> {
    let dirs = match storage::list(run_dir) {
        Ok((_, dirs)) => dirs,
        Err(e) if e.kind == storage::StorageErrorKind::NotFound => vec![],
        Err(e) => return Err(io(run_dir, e)),
    };
    let (mut good, mut bad) = (vec![], vec![]);
    for d in dirs {
        let name = storage::Location::from_path(&d).ok().and_then(|l| l.file_name()).unwrap_or_default();
        if !name.starts_with(prefix) || name.ends_with(".tmp") {
            continue;
        }
        match read_marker(&d) {
            Ok(m) => good.push((d, m)),
            Err(e) => bad.push((d, e.to_string())),
        }
    }
    Ok((good, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_folders_commit_and_verify() {
        let root = std::env::temp_dir().join(format!("bamboo-commit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        let a = root.join("ckpt-00000002");
        write_folder(&a, &[("x.bin", vec![1, 2, 3]), ("state.json", b"{}".to_vec())]).unwrap();
        let m = read_marker(&a).unwrap();
        assert_eq!(read_verified(&a, &m, "x.bin").unwrap(), vec![1, 2, 3]);
        // Files without a marker: what a run killed in the middle of a checkpoint leaves.
        let b = root.join("ckpt-00000004");
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(b.join("x.bin"), [9]).unwrap();
        let e = read_marker(&b).unwrap_err().to_string();
        assert!(e.contains("ckpt-00000004") && e.contains("commit.json is missing"), "{e}");
        let (good, bad) = scan(&root, "ckpt-").unwrap();
        assert_eq!(good.iter().map(|g| g.0.clone()).collect::<Vec<_>>(), vec![a.clone()]);
        assert_eq!(bad.len(), 1);
        // A file changed after the commit is caught on read, naming the file.
        std::fs::write(a.join("x.bin"), [7, 7, 7]).unwrap();
        let e = read_verified(&a, &m, "x.bin").unwrap_err().to_string();
        assert!(e.contains("x.bin") && e.contains("content differs"), "{e}");
        std::fs::write(a.join("x.bin"), [7]).unwrap();
        assert!(read_marker(&a).unwrap_err().to_string().contains("has 1 bytes"));
        let _ = std::fs::remove_dir_all(&root);
    }
}
