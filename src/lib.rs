//! bamboo: transformer models traced in Rust, lowered to StableHLO, compiled and run through PJRT.
//!
//! The stages follow JAX, each a type: `graph` traces ordinary Rust functions into an IR and
//! differentiates them, `Function::lower` turns a traced function into a `graph::Lowered`
//! (StableHLO text with named, typed inputs and outputs), and `program` compiles that on a
//! `runtime` client into a `program::Compiled`, which runs with inputs and outputs by name on
//! whatever PJRT plugin was loaded. The runtime knows nothing of the tracer, and the tracer needs
//! no plugin.

pub mod analysis;
pub mod catalog;
pub mod checkpoint;
pub mod cli;
pub mod config;
pub mod data;
pub mod element;
pub mod graph;
pub mod infer;
pub mod models;
pub mod nn;
pub mod optim;
pub mod process_usage;
pub mod program;
pub mod runtime;
pub mod smoothing;
pub mod storage;
pub mod train;
pub mod weights;
