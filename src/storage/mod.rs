//! Paths that are local, `gs://bucket/...` or `s3://bucket/...` alike: parse, join, glob, list,
//! streamed reads with read-ahead, memory-mapped whole-file reads, whole-object writes, deletes.
//! One blocking API for the rest of bamboo; object stores come from the `object_store` crate,
//! driven by one tokio runtime that nothing outside this module sees. They are the `cloud`
//! feature (on by default): a build without it refuses object paths, naming the feature.
//!
//! | module | job |
//! | --- | --- |
//! | `location` | parsing and joining paths and URLs |
//! | `cloud` | credentials, one store per bucket, the runtime, a supplied HTTP connector |
//! | `options` | retries, back-off, timeouts, read-ahead (environment or code) |
//! | `reader` | streamed object reads with read-ahead and resumption after faults |
//! | `remote`, `local` | the operations, per kind of path |
//! | `glob` | `*` / `?` patterns over path components |
//! | `staged` | files written locally and uploaded whole (logs) |
//! | `mapped` | whole local files memory-mapped, their pages released once used |
//! | `without_cloud` | what object paths do in a build without the `cloud` feature |
//!
//! Object stores have no folders and no rename: a "folder" is a key prefix, and whatever must
//! appear whole (a checkpoint) is made visible by an object written last (its commit marker).

#[cfg(feature = "cloud")]
mod cloud;
mod error;
pub mod glob;
mod local;
mod location;
mod mapped;
mod options;
#[cfg(feature = "cloud")]
mod reader;
#[cfg(feature = "cloud")]
mod remote;
mod staged;
#[cfg(not(feature = "cloud"))]
mod without_cloud;

use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

#[cfg(feature = "cloud")]
pub use cloud::set_http_connector;
pub use error::{Result, StorageError, StorageErrorKind};
pub use location::{is_remote, Location, Scheme};
pub use mapped::FileBytes;
pub use options::{options, set_options, Options};
#[cfg(feature = "cloud")]
pub use reader::ObjectReader;
pub use staged::StagedFile;

#[cfg(feature = "cloud")]
use remote::Object;
#[cfg(not(feature = "cloud"))]
use without_cloud::Object;

/// What listing a folder gives: its files with their sizes, and its sub-folders (named by `P`:
/// a path, or an object URL).
pub type Listing<P> = (Vec<(P, u64)>, Vec<P>);

fn object(scheme: Scheme, bucket: &str, key: &str) -> Result<Object> {
    Object::new(scheme, bucket, key)
}

/// A reader over the whole file or object (buffered locally; read ahead remotely).
pub fn open(path: &Path) -> Result<Box<dyn Read + Send>> {
    match Location::from_path(path)? {
        Location::Local(p) => {
            let f = std::fs::File::open(&p).map_err(|e| StorageError::local(&p, e))?;
            // 16 KiB: small records still come many per read call, while most of a large record
            // (an ImageNet JPEG is ~110 KB) is read straight into the caller's buffer, since
            // BufReader bypasses its buffer for reads at least its capacity. 256 KiB copied large
            // records through the buffer: measured 1.5x slower without CRC on 110 KB records.
            Ok(Box::new(BufReader::with_capacity(1 << 14, f)))
        }
        Location::Remote { scheme, bucket, key } => Ok(Box::new(object(scheme, &bucket, &key)?.open()?)),
    }
}

pub fn read(path: &Path) -> Result<Vec<u8>> {
    match Location::from_path(path)? {
        Location::Local(p) => std::fs::read(&p).map_err(|e| StorageError::local(&p, e)),
        Location::Remote { scheme, bucket, key } => object(scheme, &bucket, &key)?.read(),
    }
}

/// The whole file or object as bytes: a local file memory-mapped (no copy in the heap, and its
/// pages can be released as they are used), an object downloaded.
pub fn read_mapped(path: &Path) -> Result<FileBytes> {
    match Location::from_path(path)? {
        Location::Local(p) => FileBytes::map(&p),
        Location::Remote { scheme, bucket, key } => object(scheme, &bucket, &key)?.read().map(FileBytes::Read),
    }
}

pub fn read_to_string(path: &Path) -> Result<String> {
    String::from_utf8(read(path)?).map_err(|_| StorageError::new(StorageErrorKind::Failed, path.display().to_string(), "not UTF-8 text"))
}

/// Writes a whole file (atomically) or object (one upload: an object is never seen half written).
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// As [`write`], with the bytes produced by `fill` (buffered in memory for an object).
pub fn write_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    match Location::from_path(path)? {
        Location::Local(p) => local::write_with(&p, fill),
        Location::Remote { scheme, bucket, key } => {
            let o = object(scheme, &bucket, &key)?;
            let mut buf = Vec::new();
            fill(&mut buf).map_err(|e| StorageError::new(StorageErrorKind::Failed, o.url(), e.to_string()))?;
            o.write(buf)
        }
    }
}

/// The size of a file or object; `None` when there is none.
pub fn size(path: &Path) -> Result<Option<u64>> {
    match Location::from_path(path)? {
        Location::Local(p) => match std::fs::metadata(&p) {
            Ok(m) if m.is_file() => Ok(Some(m.len())),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StorageError::local(&p, e)),
        },
        Location::Remote { scheme, bucket, key } => object(scheme, &bucket, &key)?.size(),
    }
}

pub fn exists(path: &Path) -> Result<bool> {
    Ok(size(path)?.is_some())
}

/// Checks, without any request, that `path` could be reached: it parses, and for an object
/// store the credentials are found (a missing one is `StorageErrorKind::Credentials`).
pub fn check_access(path: &Path) -> Result<()> {
    match Location::from_path(path)? {
        Location::Local(_) => Ok(()),
        Location::Remote { scheme, bucket, key } => object(scheme, &bucket, &key).map(|_| ()),
    }
}

/// Files with their sizes, and sub-folders, directly under `dir`, sorted. A missing local folder
/// is an error; a prefix with nothing under it lists empty (object stores cannot tell them apart).
pub fn list(dir: &Path) -> Result<Listing<PathBuf>> {
    match Location::from_path(dir)? {
        Location::Local(p) => local::list(&p),
        Location::Remote { scheme, bucket, key } => {
            let (files, dirs) = object(scheme, &bucket, &key)?.list()?;
            let mut files: Vec<(PathBuf, u64)> = files.into_iter().map(|(u, s)| (PathBuf::from(u), s)).collect();
            let mut dirs: Vec<PathBuf> = dirs.into_iter().map(PathBuf::from).collect();
            files.sort();
            dirs.sort();
            Ok((files, dirs))
        }
    }
}

/// Whether `path` is a folder (remotely: whether any object lies under `path/`).
pub fn is_dir(path: &Path) -> Result<bool> {
    match Location::from_path(path)? {
        Location::Local(p) => Ok(p.is_dir()),
        Location::Remote { scheme, bucket, key } => {
            let (files, dirs) = object(scheme, &bucket, &key)?.list()?;
            Ok(!files.is_empty() || !dirs.is_empty())
        }
    }
}

/// Creates a local folder and its parents; nothing to do for object stores.
pub fn create_dir_all(dir: &Path) -> Result<()> {
    match Location::from_path(dir)? {
        Location::Local(p) => std::fs::create_dir_all(&p).map_err(|e| StorageError::local(&p, e)),
        Location::Remote { .. } => Ok(()),
    }
}

/// Removes a file or object; a missing one is not an error.
pub fn delete(path: &Path) -> Result<()> {
    match Location::from_path(path)? {
        Location::Local(p) => match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StorageError::local(&p, e)),
            _ => Ok(()),
        },
        Location::Remote { scheme, bucket, key } => object(scheme, &bucket, &key)?.delete(),
    }
}

/// Removes a folder and everything in it (every object under the prefix); missing is fine.
pub fn delete_all(dir: &Path) -> Result<()> {
    match Location::from_path(dir)? {
        Location::Local(p) => match std::fs::remove_dir_all(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StorageError::local(&p, e)),
            _ => Ok(()),
        },
        Location::Remote { scheme, bucket, key } => {
            let o = object(scheme, &bucket, &key)?;
            for k in o.list_all()? {
                object(scheme, &bucket, k.as_ref())?.delete()?;
            }
            Ok(())
        }
    }
}

/// Files matching `pattern` (`*`/`?` within components), sorted. Matching nothing is an error
/// naming the pattern. A pattern with no wildcard is returned as it is.
pub fn glob(pattern: &str) -> Result<Vec<PathBuf>> {
    let out: Vec<PathBuf> = match Location::parse(pattern)? {
        Location::Local(p) => {
            let s = p.to_string_lossy();
            let (base, pat) = glob::split_pattern(&s);
            if pat.is_empty() {
                return Ok(vec![p.clone()]);
            }
            let base = if base.is_empty() && !s.starts_with('/') {
                ".".to_string()
            } else if base.is_empty() {
                "/".to_string()
            } else {
                base
            };
            local::glob(Path::new(&base), &pat)?
        }
        Location::Remote { scheme, bucket, key } => {
            let (base, pat) = glob::split_pattern(&key);
            if pat.is_empty() {
                return Ok(vec![PathBuf::from(pattern)]);
            }
            let mut v: Vec<PathBuf> = object(scheme, &bucket, &base)?.glob(&pat)?.into_iter().map(PathBuf::from).collect();
            v.sort();
            v
        }
    };
    if out.is_empty() {
        return Err(StorageError::new(StorageErrorKind::NoMatch, pattern, "no file matches this pattern"));
    }
    Ok(out)
}
