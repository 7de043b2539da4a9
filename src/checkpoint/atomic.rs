//! Whole-file writes: atomic on a local disk (temp file, fsync, rename), one upload for an
//! object (never seen half written). `storage` does both; this maps its errors.

use std::io::Write;
use std::path::Path;

use super::error::CheckpointError;

/// Writes `path` (local or `gs://`/`s3://`) through `fill`.
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), CheckpointError> {
    crate::storage::write_with(path, fill).map_err(|e| CheckpointError::io(path, e.into()))
}

/// Writes `bytes` to `path` atomically.
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> Result<(), CheckpointError> {
    write_atomic(path, |w| w.write_all(bytes))
}
