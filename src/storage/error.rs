//! Storage errors: every one names the path (or pattern) it is about.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageErrorKind {
    /// Not a path bamboo can read: an unknown scheme, no bucket, an empty or `..` component.
    BadPath,
    /// The object, file, folder or bucket does not exist.
    NotFound,
    /// A glob matched nothing.
    NoMatch,
    /// No credentials were found for a cloud store.
    Credentials,
    /// The store failed (after retries, for reads), or a local I/O error.
    Failed,
}

#[derive(Debug)]
pub struct StorageError {
    pub kind: StorageErrorKind,
    /// The path, URL or pattern the error is about.
    pub path: String,
    /// What went wrong, without the path.
    pub detail: String,
}

impl StorageError {
    pub fn new(kind: StorageErrorKind, path: impl Into<String>, detail: impl Into<String>) -> Self {
        StorageError { kind, path: path.into(), detail: detail.into() }
    }

    pub fn bad_path(path: &str, detail: impl Into<String>) -> Self {
        Self::new(StorageErrorKind::BadPath, path, detail)
    }

    pub fn local(path: &std::path::Path, e: std::io::Error) -> Self {
        let kind = if e.kind() == std::io::ErrorKind::NotFound { StorageErrorKind::NotFound } else { StorageErrorKind::Failed };
        Self::new(kind, path.display().to_string(), e.to_string())
    }

    /// An `object_store` error on `path`, sorted into our kinds.
    #[cfg(feature = "cloud")]
    pub(crate) fn remote(path: &str, e: object_store::Error) -> Self {
        match e {
            object_store::Error::NotFound { .. } => {
                Self::new(StorageErrorKind::NotFound, path, "no such object (or the bucket does not exist)")
            }
            other => Self::new(StorageErrorKind::Failed, path, flatten(&other)),
        }
    }
}

/// An error and its sources on one line: object_store nests the useful part (connection refused,
/// HTTP status) a few levels down.
#[cfg(feature = "cloud")]
pub(crate) fn flatten(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        let t = x.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        src = x.source();
    }
    s
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.detail)
    }
}

impl std::error::Error for StorageError {}

/// For callers whose errors wrap an `io::Error` beside the path (data and checkpoint errors): the
/// message leaves the path out so it is not printed twice.
impl From<StorageError> for std::io::Error {
    fn from(e: StorageError) -> Self {
        let kind = match e.kind {
            StorageErrorKind::NotFound | StorageErrorKind::NoMatch => std::io::ErrorKind::NotFound,
            StorageErrorKind::BadPath => std::io::ErrorKind::InvalidInput,
            StorageErrorKind::Credentials => std::io::ErrorKind::PermissionDenied,
            StorageErrorKind::Failed => std::io::ErrorKind::Other,
        };
        std::io::Error::new(kind, e.detail)
    }
}

pub type Result<T> = std::result::Result<T, StorageError>;
