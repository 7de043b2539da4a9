//! The compiled stage: a `Lowered` function compiled on a runtime `Client` into a `Compiled`
//! program, whose inputs are bound and outputs taken by name; host inputs are checked against
//! the traced types before anything reaches the plugin.
//!
//! graph (trace, differentiate, lower) -> program (compile, execute by name) -> runtime (PJRT)

mod args;
mod compiled;
mod outputs;
mod signature;

pub use args::Args;
pub use compiled::{Compile, Compiled};
pub use outputs::Outputs;
pub use signature::{InputKey, InputSlot, OutputKey, OutputSlot, Signature};

use crate::graph::DType;
use crate::runtime::ElementType;

/// The runtime element type that carries a traced dtype.
pub fn element_type(d: DType) -> ElementType {
    match d {
        DType::Pred => ElementType::Pred,
        DType::U8 => ElementType::U8,
        DType::I32 => ElementType::I32,
        DType::I64 => ElementType::I64,
        DType::U32 => ElementType::U32,
        DType::F16 => ElementType::F16,
        DType::BF16 => ElementType::BF16,
        DType::F32 => ElementType::F32,
        DType::F64 => ElementType::F64,
    }
}
