//! The tracer: build graphs from ordinary Rust, differentiate them, lower them to StableHLO.
//!
//! Trace (`Graph`, `Tensor` ops) -> differentiate (`autodiff::grad`) -> lower (`Function::lower`,
//! giving a `Lowered`: StableHLO text with named, typed inputs and outputs).
//! Nothing here needs a plugin.

pub mod autodiff;
mod composite;
pub mod error;
pub mod function;
pub mod ir;
pub mod lower;
pub mod lowered;
mod ops;
pub mod random;
pub mod scan;
pub mod types;

pub use autodiff::{grad, value_and_grad, vjp};
pub use error::{TraceError, TraceResult};
pub use function::{Donation, Function};
pub use ir::{BinaryOp, CompareDir, DotDims, GatherDims, Graph, ReduceKind, Tensor, UnaryOp};
pub use lowered::{Lowered, LoweredInput, LoweredOutput};
pub use ops::broadcast_shapes;
pub use scan::{inline, scan, Remat, ScanOptions, ScanResult};
pub use types::{DType, TensorType};
