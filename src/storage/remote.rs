//! Blocking operations on one bucket's objects.

use std::sync::Arc;

use futures_util::TryStreamExt;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use super::cloud::{block_on, store};
use super::error::{Result, StorageError, StorageErrorKind};
use super::glob;
use super::location::{Location, Scheme};
use super::reader::ObjectReader;
use super::Listing;

/// A bucket's store and an object key, with the URL for errors.
pub(crate) struct Object {
    pub store: Arc<dyn ObjectStore>,
    pub key: ObjectPath,
    pub url: String,
    scheme: Scheme,
    bucket: String,
}

impl Object {
    pub fn new(scheme: Scheme, bucket: &str, key: &str) -> Result<Object> {
        let url = Location::Remote { scheme, bucket: bucket.into(), key: key.into() }.to_string();
        let key = ObjectPath::parse(key).map_err(|e| StorageError::bad_path(&url, e.to_string()))?;
        Ok(Object { store: store(scheme, bucket)?, key, url, scheme, bucket: bucket.into() })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    fn prefix(&self) -> Option<&ObjectPath> {
        (!self.key.as_ref().is_empty()).then_some(&self.key)
    }

    fn url_of(&self, key: &ObjectPath) -> String {
        Location::Remote { scheme: self.scheme, bucket: self.bucket.clone(), key: key.to_string() }.to_string()
    }

    pub fn read(&self) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut self.open()?, &mut out).map_err(|e| self.io(e))?;
        Ok(out)
    }

    fn io(&self, e: std::io::Error) -> StorageError {
        let kind = if e.kind() == std::io::ErrorKind::NotFound { StorageErrorKind::NotFound } else { StorageErrorKind::Failed };
        StorageError::new(kind, &self.url, e.to_string())
    }

    pub fn open(&self) -> Result<ObjectReader> {
        Ok(ObjectReader::open(self.store.clone(), self.key.clone(), self.url.clone(), &super::options()?))
    }

    pub fn write(&self, bytes: Vec<u8>) -> Result<()> {
        block_on(self.store.put(&self.key, PutPayload::from(bytes))).map(|_| ()).map_err(|e| StorageError::remote(&self.url, e))
    }

    /// Size of the object, `None` when it does not exist.
    pub fn size(&self) -> Result<Option<u64>> {
        match block_on(self.store.head(&self.key)) {
            Ok(m) => Ok(Some(m.size)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(StorageError::remote(&self.url, e)),
        }
    }

    pub fn delete(&self) -> Result<()> {
        match block_on(self.store.delete(&self.key)) {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(StorageError::remote(&self.url, e)),
        }
    }

    /// Objects (URL, size) and sub-folders (URL) directly under this key.
    pub fn list(&self) -> Result<Listing<String>> {
        let r = block_on(self.store.list_with_delimiter(self.prefix())).map_err(|e| StorageError::remote(&self.url, e))?;
        let files = r.objects.iter().map(|m| (self.url_of(&m.location), m.size)).collect();
        let dirs = r.common_prefixes.iter().map(|p| self.url_of(p)).collect();
        Ok((files, dirs))
    }

    /// Every object under this key, at any depth.
    pub fn list_all(&self) -> Result<Vec<ObjectPath>> {
        let v: Vec<_> = block_on(self.store.list(self.prefix()).try_collect::<Vec<_>>()).map_err(|e| StorageError::remote(&self.url, e))?;
        Ok(v.into_iter().map(|m| m.location).collect())
    }

    /// Objects under this key whose remaining components match `pattern`.
    pub fn glob(&self, pattern: &[String]) -> Result<Vec<String>> {
        let base: Vec<&str> = self.key.as_ref().split('/').filter(|s| !s.is_empty()).collect();
        let mut out = Vec::new();
        for key in self.list_all()? {
            let parts: Vec<&str> = key.as_ref().split('/').collect();
            if parts.len() >= base.len() && glob::matches(pattern, &parts[base.len()..]) {
                out.push(self.url_of(&key));
            }
        }
        Ok(out)
    }
}
