//! bamboo: transformer models traced in Rust, lowered to StableHLO, compiled and run through PJRT.
//!
//! The stages follow JAX: `graph` traces ordinary Rust functions into an IR and differentiates
//! them, `graph::lower` turns the IR into StableHLO text, and `runtime` compiles and executes that
//! text on whatever PJRT plugin was loaded. The runtime knows nothing of the tracer, and the tracer
//! needs no plugin.

pub mod analysis;
pub mod catalog;
pub mod checkpoint;
pub mod cli;
pub mod config;
pub mod data;
pub mod graph;
pub mod infer;
pub mod models;
pub mod nn;
pub mod optim;
pub mod process_usage;
pub mod program;
pub mod runtime;
pub mod storage;
pub mod train;
