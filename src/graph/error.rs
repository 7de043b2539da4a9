//! Errors found while tracing: caught before anything reaches a plugin.

use std::fmt;

/// A shape, dtype or argument error, naming the op and what it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceError {
    pub op: String,
    pub message: String,
}

impl TraceError {
    pub fn new(op: &str, message: impl Into<String>) -> Self {
        TraceError { op: op.to_string(), message: message.into() }
    }
}

impl fmt::Display for TraceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "trace error in `{}`: {}", self.op, self.message)
    }
}

impl std::error::Error for TraceError {}

pub type TraceResult<T> = Result<T, TraceError>;
