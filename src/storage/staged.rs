//! Files that grow in small appends (metrics, TensorBoard events): an object store cannot append,
//! so for a `gs://`/`s3://` destination they are written to a local staging copy and uploaded
//! whole by `sync` (on flush, checkpoint and close). A local destination is written in place.

use std::path::{Path, PathBuf};

use super::error::{Result, StorageError};
use super::location::Location;

pub struct StagedFile {
    /// Where writes go.
    local: PathBuf,
    /// The object `sync` uploads to, for remote destinations.
    remote: Option<PathBuf>,
}

impl StagedFile {
    /// Stages `dest`. With `fetch`, an existing remote object is downloaded first (a resumed run
    /// continues its log).
    pub fn new(dest: &Path, fetch: bool) -> Result<StagedFile> {
        let loc = Location::from_path(dest)?;
        if !loc.is_remote() {
            return Ok(StagedFile { local: dest.to_path_buf(), remote: None });
        }
        let name: String =
            loc.to_string().chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' }).collect();
        let dir = std::env::temp_dir().join(format!("bamboo-staged-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| StorageError::local(&dir, e))?;
        let local = dir.join(name);
        let _ = std::fs::remove_file(&local);
        if fetch && super::size(dest)?.is_some() {
            std::fs::write(&local, super::read(dest)?).map_err(|e| StorageError::local(&local, e))?;
        }
        Ok(StagedFile { local, remote: Some(dest.to_path_buf()) })
    }

    /// The file to write to.
    pub fn local(&self) -> &Path {
        &self.local
    }

    /// The destination (for messages).
    pub fn dest(&self) -> &Path {
        self.remote.as_deref().unwrap_or(&self.local)
    }

    /// Uploads the local copy to the destination (nothing to do for local destinations).
    pub fn sync(&self) -> Result<()> {
        if let Some(r) = &self.remote {
            let bytes = std::fs::read(&self.local).map_err(|e| StorageError::local(&self.local, e))?;
            super::write(r, &bytes)?;
        }
        Ok(())
    }
}
