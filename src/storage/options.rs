//! How hard and how far ahead object storage is read: retries with exponential back-off, request
//! timeouts, read-ahead. From the environment by default (so every command and test process can
//! be tuned without flags), or set by code.

use std::sync::RwLock;
use std::time::Duration;

use super::error::{Result, StorageError, StorageErrorKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Attempts after the first, per request and per stalled read (`BAMBOO_STORAGE_RETRIES`, 8).
    pub retries: usize,
    /// First back-off; doubles per retry up to `max_backoff` (`BAMBOO_STORAGE_BACKOFF_MS`, 200).
    pub backoff: Duration,
    pub max_backoff: Duration,
    /// One request's time limit, also the bound on a request's own retries
    /// (`BAMBOO_STORAGE_TIMEOUT_S`, 120).
    pub timeout: Duration,
    /// Bytes buffered ahead of the reader per open object (`BAMBOO_STORAGE_READ_AHEAD_MB`, 8).
    pub read_ahead: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            retries: 8,
            backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            timeout: Duration::from_secs(120),
            read_ahead: 8 << 20,
        }
    }
}

fn env_num(name: &str) -> Result<Option<u64>> {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| StorageError::new(StorageErrorKind::BadPath, format!("${name}"), format!("`{v}` is not a whole number"))),
        Err(_) => Ok(None),
    }
}

impl Options {
    pub fn from_env() -> Result<Options> {
        let mut o = Options::default();
        if let Some(n) = env_num("BAMBOO_STORAGE_RETRIES")? {
            o.retries = n as usize;
        }
        if let Some(n) = env_num("BAMBOO_STORAGE_BACKOFF_MS")? {
            o.backoff = Duration::from_millis(n.max(1));
        }
        if let Some(n) = env_num("BAMBOO_STORAGE_TIMEOUT_S")? {
            o.timeout = Duration::from_secs(n.max(1));
        }
        if let Some(n) = env_num("BAMBOO_STORAGE_READ_AHEAD_MB")? {
            o.read_ahead = (n.max(1) as usize) << 20;
        }
        Ok(o)
    }

    /// The wait before retry number `attempt` (1-based).
    pub fn backoff_for(&self, attempt: usize) -> Duration {
        let f = 2f64.powi(attempt.saturating_sub(1).min(30) as i32);
        self.backoff.mul_f64(f).min(self.max_backoff)
    }
}

static CURRENT: RwLock<Option<Options>> = RwLock::new(None);

/// The options in force (read from the environment on first use).
pub fn options() -> Result<Options> {
    if let Some(o) = CURRENT.read().unwrap().clone() {
        return Ok(o);
    }
    let o = Options::from_env()?;
    *CURRENT.write().unwrap() = Some(o.clone());
    Ok(o)
}

/// Replaces the options; stores opened later use them (cached stores are dropped).
pub fn set_options(o: Options) {
    *CURRENT.write().unwrap() = Some(o);
    #[cfg(feature = "cloud")]
    super::cloud::forget_stores();
}
