//! A whole file's bytes without a copy in the heap: a local file is memory-mapped, so its pages
//! come from the page cache and can leave the process once they are used; an object is
//! downloaded (there is nothing to map).

use std::fs::File;
use std::ops::{Deref, Range};
use std::path::Path;

use memmap2::Mmap;

use super::error::{Result, StorageError};

pub enum FileBytes {
    Mapped(Mmap),
    Read(Vec<u8>),
}

impl FileBytes {
    /// Maps a regular file; anything else (a pipe, a folder) is read as before, so its errors stay
    /// those of `std::fs::read`.
    pub(crate) fn map(path: &Path) -> Result<FileBytes> {
        let local = |e| StorageError::local(path, e);
        let file = File::open(path).map_err(local)?;
        if !file.metadata().map_err(local)?.is_file() {
            return std::fs::read(path).map(FileBytes::Read).map_err(local);
        }
        // SAFETY: the map is read-only, and bamboo never changes a file in place (writes go to a
        // temp file renamed over the old one, whose mapping keeps the old inode). Another program
        // truncating the file while it is mapped would end this process with SIGBUS, the risk every
        // safetensors reader that maps files (the Python library's included) accepts.
        let map = unsafe { Mmap::map(&file) }.map_err(local)?;
        #[cfg(unix)]
        let _ = map.advise(memmap2::Advice::Sequential);
        Ok(FileBytes::Mapped(map))
    }

    /// Says that `range` has been used: a mapped file's pages there leave this process's resident
    /// memory (they stay in the page cache, and a later read maps them back in). Without this, a
    /// file read through and copied out would count twice in the process's peak memory.
    pub fn release(&self, range: Range<usize>) {
        #[cfg(unix)]
        if let FileBytes::Mapped(map) = self {
            let end = range.end.min(map.len());
            if range.start < end {
                // SAFETY: MADV_DONTNEED on a read-only, file-backed mapping only drops resident
                // pages; the next access faults them in again from the file, so every byte read
                // through `self` stays what it was.
                let _ = unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, range.start, end - range.start) };
            }
        }
        #[cfg(not(unix))]
        let _ = range;
    }
}

impl Deref for FileBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Mapped(m) => m,
            FileBytes::Read(v) => v,
        }
    }
}
