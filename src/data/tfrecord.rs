//! TFRecord framing: `u64 length (LE) | u32 masked crc32c(length) | data | u32 masked crc32c(data)`.
//!
//! The reader keeps its record index and byte offset so every error can say where it happened, and
//! so a reader can be positioned again after a restart.

use std::fs::File;
use std::io::{BufWriter, ErrorKind as IoKind, Read, Write};
use std::path::{Path, PathBuf};

use super::crc32c::masked_crc32c;
use super::error::{DataError, ErrorKind, Location, Result};

/// Refuse lengths above this: a corrupt length that passed its CRC by chance (or a file that is not
/// a TFRecord at all, read without verification) must not make us allocate terabytes.
pub const MAX_RECORD_LEN: u64 = 1 << 31;

/// Writes framed records to any `Write`.
pub struct RecordWriter<W: Write> {
    out: W,
    records: u64,
    bytes: u64,
}

impl RecordWriter<BufWriter<File>> {
    pub fn create(path: &Path) -> Result<Self> {
        let f = File::create(path).map_err(|e| DataError::io(path, e))?;
        Ok(RecordWriter::new(BufWriter::with_capacity(1 << 20, f)))
    }
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W) -> Self {
        RecordWriter { out, records: 0, bytes: 0 }
    }

    pub fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        let len = (data.len() as u64).to_le_bytes();
        self.out.write_all(&len)?;
        self.out.write_all(&masked_crc32c(&len).to_le_bytes())?;
        self.out.write_all(data)?;
        self.out.write_all(&masked_crc32c(data).to_le_bytes())?;
        self.records += 1;
        self.bytes += data.len() as u64 + 16;
        Ok(())
    }

    pub fn records(&self) -> u64 {
        self.records
    }

    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Frames one record into a byte vector (tests, fuzzing, in-memory shards).
pub fn frame(data: &[u8]) -> Vec<u8> {
    let mut w = RecordWriter::new(Vec::with_capacity(data.len() + 16));
    w.write(data).expect("writing to a Vec cannot fail");
    w.finish().unwrap()
}

/// A file or object opened through `storage`: buffered locally, read ahead remotely.
pub type Source = Box<dyn Read + Send>;

/// Reads framed records from one file or object (or any `Read`, for fuzzing).
pub struct RecordReader<R: Read = Source> {
    input: R,
    path: PathBuf,
    verify: bool,
    /// Index of the next record.
    index: u64,
    /// Byte offset of the next record.
    offset: u64,
    /// Set after an error that leaves no trustworthy next frame (truncation, bad length CRC).
    dead: bool,
}

impl RecordReader<Source> {
    /// Opens a local file or a `gs://` / `s3://` object (streamed, with read-ahead and retries).
    pub fn open(path: &Path, verify: bool) -> Result<Self> {
        let input = crate::storage::open(path).map_err(|e| DataError::io(path, e.into()))?;
        Ok(RecordReader::new(input, path, verify))
    }
}

impl<R: Read> RecordReader<R> {
    pub fn new(input: R, path: &Path, verify: bool) -> Self {
        RecordReader { input, path: path.to_path_buf(), verify, index: 0, offset: 0, dead: false }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Index of the next record to be read.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// Byte offset of the next record to be read.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// Whether an earlier error made the rest of this file unreadable.
    pub fn is_dead(&self) -> bool {
        self.dead
    }

    /// Where the next record starts (for errors about it).
    pub fn location(&self) -> Location {
        Location { file: Some(self.path.clone()), record: Some(self.index), offset: Some(self.offset) }
    }

    fn err(&self, kind: ErrorKind, detail: String) -> DataError {
        DataError::new(kind, detail).at(&self.location())
    }

    /// Reads up to `buf.len()` bytes; returns how many (short only at end of file).
    fn fill(&mut self, buf: &mut [u8]) -> Result<usize> {
        let mut n = 0;
        while n < buf.len() {
            match self.input.read(&mut buf[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) if e.kind() == IoKind::Interrupted => {}
                Err(e) => return Err(DataError::io(&self.path, e).at(&self.location())),
            }
        }
        Ok(n)
    }

    /// Reads the next record into `buf` (cleared first). `Ok(false)` at a clean end of file.
    ///
    /// After `BadDataCrc` the frame was intact, so reading may go on with the next record; after
    /// `Truncated` or `BadLengthCrc` the reader is dead and returns `Ok(false)` from then on.
    pub fn read_into(&mut self, buf: &mut Vec<u8>) -> Result<bool> {
        buf.clear();
        if self.dead {
            return Ok(false);
        }
        let mut header = [0u8; 12];
        let n = self.fill(&mut header)?;
        if n == 0 {
            return Ok(false);
        }
        if n < 12 {
            self.dead = true;
            return Err(self.err(ErrorKind::Truncated, format!("record header has {} of 12 bytes", n)));
        }
        let len = u64::from_le_bytes(header[..8].try_into().unwrap());
        let len_crc = u32::from_le_bytes(header[8..].try_into().unwrap());
        if self.verify && masked_crc32c(&header[..8]) != len_crc {
            self.dead = true;
            return Err(
                self.err(ErrorKind::BadLengthCrc, format!("stored {:#010x}, computed {:#010x}", len_crc, masked_crc32c(&header[..8])))
            );
        }
        if len > MAX_RECORD_LEN {
            self.dead = true;
            return Err(self.err(ErrorKind::Truncated, format!("record length {} is implausible", len)));
        }
        // Grow in steps so a bogus length in an unverified file fails at end of file, not in malloc.
        let len = len as usize;
        let mut got = 0;
        while got < len {
            let step = (len - got).min(1 << 24);
            buf.resize(got + step, 0);
            let k = self.fill(&mut buf[got..got + step])?;
            got += k;
            if k < step {
                self.dead = true;
                buf.clear();
                return Err(self.err(ErrorKind::Truncated, format!("record data has {} of {} bytes", got, len)));
            }
        }
        let mut footer = [0u8; 4];
        let k = self.fill(&mut footer)?;
        if k < 4 {
            self.dead = true;
            buf.clear();
            return Err(self.err(ErrorKind::Truncated, format!("data CRC has {} of 4 bytes", k)));
        }
        let loc = self.location();
        self.index += 1;
        self.offset += 16 + len as u64;
        if self.verify {
            let stored = u32::from_le_bytes(footer);
            let computed = masked_crc32c(buf);
            if stored != computed {
                buf.clear();
                return Err(DataError::new(
                    ErrorKind::BadDataCrc,
                    format!("stored {:#010x}, computed {:#010x} over {} bytes", stored, computed, len),
                )
                .at(&loc));
            }
        }
        Ok(true)
    }

    /// Reads the next record as a fresh vector.
    pub fn next_record(&mut self) -> Result<Option<Vec<u8>>> {
        let mut v = Vec::new();
        Ok(if self.read_into(&mut v)? { Some(v) } else { None })
    }
}

impl<R: Read> Iterator for RecordReader<R> {
    type Item = Result<Vec<u8>>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_record().transpose()
    }
}

/// Reads every record of a file, failing on the first bad one.
pub fn read_all(path: &Path) -> Result<Vec<Vec<u8>>> {
    RecordReader::open(path, true)?.collect()
}
