//! The lowered stage: StableHLO text plus the named, typed signature of its `@main`, what a
//! compiler needs and what a caller binds values to. Holds no graph and needs no plugin.

use super::function::Donation;
use super::types::TensorType;

/// One parameter of `@main`: its name (as traced), type, and what the caller promises about
/// its buffer.
#[derive(Clone, Debug, PartialEq)]
pub struct LoweredInput {
    pub name: String,
    pub ty: TensorType,
    pub donation: Donation,
    /// An `mhlo.sharding` annotation, e.g. `{replicated}`.
    pub sharding: Option<String>,
}

/// One result of `@main`.
#[derive(Clone, Debug, PartialEq)]
pub struct LoweredOutput {
    pub name: String,
    pub ty: TensorType,
}

/// A function lowered to StableHLO (JAX's `Lowered`): ready to compile on any plugin.
#[derive(Clone, Debug)]
pub struct Lowered {
    name: String,
    text: String,
    inputs: Vec<LoweredInput>,
    outputs: Vec<LoweredOutput>,
}

impl Lowered {
    pub(crate) fn new(name: String, text: String, inputs: Vec<LoweredInput>, outputs: Vec<LoweredOutput>) -> Lowered {
        Lowered { name, text, inputs, outputs }
    }

    /// The traced function's name; it labels compile and run errors.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The module's StableHLO text (one public `@main`).
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn into_text(self) -> String {
        self.text
    }

    /// `@main`'s parameters, in order.
    pub fn inputs(&self) -> &[LoweredInput] {
        &self.inputs
    }

    /// `@main`'s results, in order.
    pub fn outputs(&self) -> &[LoweredOutput] {
        &self.outputs
    }
}
