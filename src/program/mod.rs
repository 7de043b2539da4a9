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
