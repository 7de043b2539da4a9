//! A build without the `cloud` feature: `gs://` and `s3://` paths still parse (so a typo is
//! still named as one), and reaching one is an error that says what the build lacks. No
//! `Object` is ever made, so its operations cannot run.

use std::io::Read;

use super::error::{Result, StorageError, StorageErrorKind};
use super::location::{Location, Scheme};
use super::Listing;

pub(crate) enum Object {}

/// Stands in for the streamed object reader; as uninhabited as `Object`.
pub(crate) enum ObjectReader {}

impl Read for ObjectReader {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        match *self {}
    }
}

impl Object {
    pub fn new(scheme: Scheme, bucket: &str, key: &str) -> Result<Object> {
        let url = Location::Remote { scheme, bucket: bucket.into(), key: key.into() }.to_string();
        Err(StorageError::new(
            StorageErrorKind::BadPath,
            url,
            "this build of bamboo has no cloud storage (gs://, s3://): build it with the `cloud` feature \
             (on by default; `cargo build --features cloud`)",
        ))
    }

    pub fn url(&self) -> &str {
        match *self {}
    }

    pub fn read(&self) -> Result<Vec<u8>> {
        match *self {}
    }

    pub fn open(&self) -> Result<ObjectReader> {
        match *self {}
    }

    pub fn write(&self, _: Vec<u8>) -> Result<()> {
        match *self {}
    }

    pub fn size(&self) -> Result<Option<u64>> {
        match *self {}
    }

    pub fn delete(&self) -> Result<()> {
        match *self {}
    }

    pub fn list(&self) -> Result<Listing<String>> {
        match *self {}
    }

    pub fn list_all(&self) -> Result<Vec<String>> {
        match *self {}
    }

    pub fn glob(&self, _: &[String]) -> Result<Vec<String>> {
        match *self {}
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn object_paths_name_the_missing_feature() {
        for url in ["gs://bucket/data/train-*", "s3://bucket/run/ckpt-00000004/model.safetensors"] {
            let e = crate::storage::read(Path::new(url)).unwrap_err();
            assert_eq!(e.kind, crate::storage::StorageErrorKind::BadPath);
            let msg = e.to_string();
            assert!(msg.contains("bucket") && msg.contains("no cloud storage") && msg.contains("`cloud` feature"), "{msg}");
        }
        assert!(crate::storage::check_access(Path::new("gs://b/x")).is_err());
        assert!(crate::storage::check_access(Path::new("/tmp/x")).is_ok());
    }
}
