//! Where a path points: a local file, or an object `gs://bucket/key` / `s3://bucket/key`.
//!
//! The rest of bamboo carries paths as `Path`/`PathBuf` (a URL survives in one unchanged, and
//! `Path::join` appends `/name` to it); this module parses them at the point of use.

use std::fmt;
use std::path::{Path, PathBuf};

use super::error::{Result, StorageError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    Gcs,
    S3,
}

impl Scheme {
    pub fn prefix(self) -> &'static str {
        match self {
            Scheme::Gcs => "gs://",
            Scheme::S3 => "s3://",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    Local(PathBuf),
    /// `key` has no leading or trailing `/`; empty for the bucket itself.
    Remote {
        scheme: Scheme,
        bucket: String,
        key: String,
    },
}

impl Location {
    /// Parses `gs://b/k`, `s3://b/k`, `file:///p` or a plain path. Anything else that looks like
    /// `scheme://` is refused, so a typo never becomes a local folder named `gcs:`.
    pub fn parse(s: &str) -> Result<Location> {
        let Some((scheme, rest)) = split_scheme(s) else {
            return Ok(Location::Local(PathBuf::from(s)));
        };
        let scheme = match scheme.to_ascii_lowercase().as_str() {
            "gs" => Scheme::Gcs,
            "s3" => Scheme::S3,
            "file" => return Ok(Location::Local(PathBuf::from(rest))),
            other => {
                return Err(StorageError::bad_path(
                    s,
                    format!("unknown scheme `{other}://` (bamboo reads local paths, gs://bucket/... and s3://bucket/...)"),
                ))
            }
        };
        let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(StorageError::bad_path(s, format!("no bucket name after `{}`", scheme.prefix())));
        }
        let key = key.trim_end_matches('/');
        for part in key.split('/').filter(|_| !key.is_empty()) {
            if part.is_empty() || part == "." || part == ".." {
                return Err(StorageError::bad_path(s, format!("object names cannot contain an empty, `.` or `..` component (`{part}`)")));
            }
        }
        Ok(Location::Remote { scheme, bucket: bucket.to_string(), key: key.to_string() })
    }

    pub fn from_path(p: &Path) -> Result<Location> {
        match p.to_str() {
            Some(s) => Location::parse(s),
            // Not UTF-8: cannot be a URL, so it is a local path.
            None => Ok(Location::Local(p.to_path_buf())),
        }
    }

    pub fn is_remote(&self) -> bool {
        matches!(self, Location::Remote { .. })
    }

    /// `self/name` (`name` may hold several `/`-separated parts).
    pub fn join(&self, name: &str) -> Location {
        match self {
            Location::Local(p) => Location::Local(p.join(name)),
            Location::Remote { scheme, bucket, key } => {
                let name = name.trim_matches('/');
                let key = if key.is_empty() { name.to_string() } else { format!("{key}/{name}") };
                Location::Remote { scheme: *scheme, bucket: bucket.clone(), key }
            }
        }
    }

    /// The last component.
    pub fn file_name(&self) -> Option<String> {
        match self {
            Location::Local(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            Location::Remote { key, .. } => key.rsplit('/').next().filter(|n| !n.is_empty()).map(str::to_string),
        }
    }

    /// As a `PathBuf`, for code that carries paths (`gs://b/k` stays a URL).
    pub fn to_path_buf(&self) -> PathBuf {
        match self {
            Location::Local(p) => p.clone(),
            remote => PathBuf::from(remote.to_string()),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Local(p) => write!(f, "{}", p.display()),
            Location::Remote { scheme, bucket, key } if key.is_empty() => write!(f, "{}{}", scheme.prefix(), bucket),
            Location::Remote { scheme, bucket, key } => write!(f, "{}{}/{}", scheme.prefix(), bucket, key),
        }
    }
}

/// `("gs", "b/k")` for `gs://b/k`; `None` for a path with no `letters://` in front.
fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = s.split_once("://")?;
    let valid = !scheme.is_empty()
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

/// Whether a path string names object storage (cheap; no validation).
pub fn is_remote(p: &Path) -> bool {
    p.to_str().and_then(split_scheme).is_some_and(|(s, _)| !s.eq_ignore_ascii_case("file"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_joins() {
        let l = Location::parse("gs://bkt/data/train-*").unwrap();
        assert_eq!(l, Location::Remote { scheme: Scheme::Gcs, bucket: "bkt".into(), key: "data/train-*".into() });
        assert_eq!(Location::parse("s3://b/").unwrap().join("run/ckpt-1").to_string(), "s3://b/run/ckpt-1");
        assert_eq!(Location::parse("gs://b/x/").unwrap().to_string(), "gs://b/x");
        assert_eq!(Location::parse("file:///tmp/a").unwrap(), Location::Local("/tmp/a".into()));
        assert_eq!(Location::parse("runs/a").unwrap(), Location::Local("runs/a".into()));
        assert_eq!(Location::parse("gs://b/a/ckpt-7").unwrap().file_name().as_deref(), Some("ckpt-7"));
        // A URL carried in a PathBuf and joined there is still the same URL.
        let p = Path::new("gs://b/run").join("ckpt-00000004");
        assert_eq!(Location::from_path(&p).unwrap().to_string(), "gs://b/run/ckpt-00000004");
        assert!(is_remote(&p) && !is_remote(Path::new("/tmp/x")));
    }

    #[test]
    fn bad_paths_are_named() {
        let e = Location::parse("gcs://b/x").unwrap_err();
        assert!(e.to_string().starts_with("gcs://b/x: unknown scheme `gcs://`"), "{e}");
        let e = Location::parse("gs:///x").unwrap_err();
        assert!(e.to_string().contains("no bucket name"), "{e}");
        let e = Location::parse("s3://b/a//c").unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
        assert!(Location::parse("gs://b/../c").is_err());
    }
}
