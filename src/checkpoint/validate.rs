//! Checking a file's tensors against what a model expects, reporting every difference by name.

use std::fmt;
use std::path::Path;

use super::dtype::Dtype;
use super::error::CheckpointError;
use super::tensor::Tensors;

/// A tensor the model needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub name: String,
    pub shape: Vec<usize>,
    pub dtype: Dtype,
}

impl Expected {
    pub fn new(name: impl Into<String>, shape: &[usize], dtype: Dtype) -> Expected {
        Expected { name: name.into(), shape: shape.to_vec(), dtype }
    }
}

/// One difference between a file and a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    Missing { name: String, shape: Vec<usize>, dtype: Dtype },
    Unexpected { name: String, shape: Vec<usize>, dtype: Dtype },
    Shape { name: String, expected: Vec<usize>, found: Vec<usize> },
    Dtype { name: String, expected: Dtype, found: Dtype },
}

impl Mismatch {
    pub fn name(&self) -> &str {
        match self {
            Mismatch::Missing { name, .. }
            | Mismatch::Unexpected { name, .. }
            | Mismatch::Shape { name, .. }
            | Mismatch::Dtype { name, .. } => name,
        }
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::Missing { name, shape, dtype } => write!(f, "missing `{name}` ({dtype} {shape:?})"),
            Mismatch::Unexpected { name, shape, dtype } => write!(f, "unexpected `{name}` ({dtype} {shape:?})"),
            Mismatch::Shape { name, expected, found } => write!(f, "`{name}`: shape {found:?}, expected {expected:?}"),
            Mismatch::Dtype { name, expected, found } => write!(f, "`{name}`: dtype {found}, expected {expected}"),
        }
    }
}

/// Strict loads need exactly the expected names; partial ones (a classifier from an MAE
/// encoder, say) accept missing and unexpected names and list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadMode {
    Strict,
    Partial,
}

/// What a successful validation found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// Expected names present with the right shape and dtype.
    pub loaded: Vec<String>,
    /// Expected but absent (the model must initialize these itself); only in partial loads.
    pub missing: Vec<Mismatch>,
    /// In the file but not used; only in partial loads.
    pub unexpected: Vec<Mismatch>,
}

impl LoadReport {
    /// One line per tensor left out, for logs.
    pub fn left_out(&self) -> String {
        self.missing.iter().chain(&self.unexpected).map(|m| format!("  {m}\n")).collect()
    }
}

/// Compares `found` (read from `path`) with `expected`. Shape and dtype differences are always
/// errors; missing and unexpected names are errors in `Strict` mode. The error lists every
/// mismatch, not just the first.
pub fn validate(path: &Path, found: &Tensors, expected: &[Expected], mode: LoadMode) -> Result<LoadReport, CheckpointError> {
    let mut report = LoadReport::default();
    let mut errors = Vec::new();
    for e in expected {
        let Some(t) = found.get(&e.name) else {
            report.missing.push(Mismatch::Missing { name: e.name.clone(), shape: e.shape.clone(), dtype: e.dtype });
            continue;
        };
        let mut ok = true;
        if t.shape != e.shape {
            errors.push(Mismatch::Shape { name: e.name.clone(), expected: e.shape.clone(), found: t.shape.clone() });
            ok = false;
        }
        if t.dtype != e.dtype {
            errors.push(Mismatch::Dtype { name: e.name.clone(), expected: e.dtype, found: t.dtype });
            ok = false;
        }
        if ok {
            report.loaded.push(e.name.clone());
        }
    }
    let wanted: std::collections::HashSet<&str> = expected.iter().map(|e| e.name.as_str()).collect();
    for (name, t) in found {
        if !wanted.contains(name.as_str()) {
            report.unexpected.push(Mismatch::Unexpected { name: name.clone(), shape: t.shape.clone(), dtype: t.dtype });
        }
    }
    if mode == LoadMode::Strict {
        errors.append(&mut report.missing);
        errors.append(&mut report.unexpected);
    }
    if errors.is_empty() {
        Ok(report)
    } else {
        errors.sort_by(|a, b| a.name().cmp(b.name()));
        Err(CheckpointError::Mismatch { path: path.to_path_buf(), list: errors })
    }
}

/// Loads `path`, validates it, and returns only the expected tensors that it holds.
pub fn load_checked(path: &Path, expected: &[Expected], mode: LoadMode) -> Result<(Tensors, LoadReport), CheckpointError> {
    let mut found = super::safetensors::load(path)?;
    let report = validate(path, &found, expected, mode)?;
    found.retain(|name, _| report.loaded.iter().any(|l| l == name));
    Ok((found, report))
}
