//! A streamed object read with read-ahead: a task on the storage runtime pulls the object from
//! the store in one ranged GET and keeps up to `read_ahead` bytes queued for the reader, so
//! parsing overlaps the network. Several readers open at once (the shard interleave) means
//! several objects in flight.
//!
//! A read that fails part way (connection reset, server gone, a body cut short) is resumed from
//! the byte it stopped at, with exponential back-off, at most `retries` times in a row without
//! progress; then the reader returns an error naming the object, the offset and the last cause.
//! A resumed read asks for the same object generation (If-Match on its ETag), so a shard replaced
//! mid-read is an error rather than a splice of two files. A body shorter than the object's size
//! is never taken as its end.

use std::io::Read;
use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use object_store::path::Path as ObjectPath;
use object_store::{GetOptions, GetRange, ObjectStore};
use tokio::sync::mpsc;

use super::error::{flatten, StorageError, StorageErrorKind};
use super::options::Options;

/// Bytes handed to the reader at a time (the queue holds `read_ahead / BLOCK` of them).
const BLOCK: usize = 1 << 20;

pub struct ObjectReader {
    rx: mpsc::Receiver<Result<Bytes, StorageError>>,
    current: Bytes,
    done: bool,
}

impl ObjectReader {
    pub(crate) fn open(store: Arc<dyn ObjectStore>, key: ObjectPath, url: String, o: &Options) -> ObjectReader {
        let (tx, rx) = mpsc::channel((o.read_ahead / BLOCK).max(1));
        super::cloud::runtime().spawn(pump(store, key, url, o.clone(), tx));
        ObjectReader { rx, current: Bytes::new(), done: false }
    }
}

impl Read for ObjectReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.current.is_empty() && !self.done {
            match self.rx.blocking_recv() {
                Some(Ok(b)) => self.current = b,
                Some(Err(e)) => {
                    self.done = true;
                    return Err(e.into());
                }
                None => self.done = true,
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        let _ = self.current.split_to(n);
        Ok(n)
    }
}

/// Fetches `key` from the start to its end into `tx`, resuming after failures. Ends when the
/// object is done, the retries are spent, or the reader is dropped.
async fn pump(store: Arc<dyn ObjectStore>, key: ObjectPath, url: String, o: Options, tx: mpsc::Sender<Result<Bytes, StorageError>>) {
    let mut offset = 0u64;
    let mut size: Option<u64> = None;
    let mut etag: Option<String> = None;
    let mut failures = 0usize;
    let mut block = BytesMut::new();
    loop {
        if size.is_some_and(|s| offset >= s) {
            break;
        }
        let opts = GetOptions { range: (offset > 0).then_some(GetRange::Offset(offset)), if_match: etag.clone(), ..Default::default() };
        let cause = match store.get_opts(&key, opts).await {
            Err(object_store::Error::NotFound { .. }) => {
                let _ =
                    tx.send(Err(StorageError::new(StorageErrorKind::NotFound, url, "no such object (or the bucket does not exist)"))).await;
                return;
            }
            Err(e @ object_store::Error::Precondition { .. }) => {
                let detail = format!("the object changed while it was read (at byte {offset}): {}", flatten(&e));
                let _ = tx.send(Err(StorageError::new(StorageErrorKind::Failed, url, detail))).await;
                return;
            }
            Err(e) => flatten(&e),
            Ok(r) => {
                size = Some(r.meta.size);
                etag = etag.or(r.meta.e_tag.clone());
                let mut body = r.into_stream();
                let mut cause = None;
                while let Some(chunk) = body.next().await {
                    match chunk {
                        Ok(b) => {
                            offset += b.len() as u64;
                            failures = 0;
                            block.extend_from_slice(&b);
                            if block.len() >= BLOCK && tx.send(Ok(block.split().freeze())).await.is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            cause = Some(flatten(&e));
                            break;
                        }
                    }
                }
                match (cause, size) {
                    (Some(c), _) => c,
                    (None, Some(s)) if offset < s => format!("the body ended at byte {offset} of {s}"),
                    (None, _) => break,
                }
            }
        };
        // What arrived before the failure is good: hand it over before waiting.
        if !block.is_empty() && tx.send(Ok(block.split().freeze())).await.is_err() {
            return;
        }
        failures += 1;
        if failures > o.retries {
            let detail = format!("read failed at byte {offset} after {} attempts: {cause}", failures);
            let _ = tx.send(Err(StorageError::new(StorageErrorKind::Failed, url, detail))).await;
            return;
        }
        tokio::time::sleep(o.backoff_for(failures)).await;
    }
    if !block.is_empty() {
        let _ = tx.send(Ok(block.freeze())).await;
    }
}
