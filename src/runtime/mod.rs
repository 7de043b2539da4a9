//! The PJRT runtime: load a plugin, create a client, move tensors, compile StableHLO, execute.
//!
//! Self-contained on purpose (it uses no other bamboo module): it talks to any PJRT plugin
//! through a hand-written FFI of the C API (header v0.81, see `ffi`), loaded with `libloading`.
//!
//! Teardown: every `Buffer` and `Executable` holds the client's `Arc`, and the client holds its
//! plugin (loaded plugins are never unloaded), so the client is destroyed after the last handle of
//! its own, whatever order the caller drops them in. Nothing is left running behind a handle:
//! `Executable::execute` awaits every device's completion event before it returns (on errors
//! too), and transfers await their events, so buffers and executables are destroyed with no
//! execution or event of ours outstanding (tested with 200 programs and three clients in one
//! process, outputs dropped unread, executables dropped before their outputs and run after their
//! client handle is gone).
//!
//! (The example is compiled but not run by the tests: its StableHLO text is elided.)
//!
//! ```no_run
//! use bamboo::runtime::*;
//! # fn main() -> Result<()> {
//! let plugin = Plugin::discover(None)?;
//! let client = Client::new(&plugin, &ClientOptions::default())?;
//! let exe = client.compile("double", "module { ... }", &CompileOptions::default())?;
//! let x = client.to_device(&HostTensor::from_f32(&[2], &[1.0, 2.0])?, 0)?;
//! let y = exe.execute_single(&[&x])?;
//! println!("{:?}", y[0].to_host()?.to_f32()?);
//! # Ok(()) }
//! ```

mod api;
mod buffer;
mod client;
mod compile;
mod cuda;
mod discover;
mod distributed;
mod error;
mod executable;
mod ffi;
mod host;
mod plugin;

pub use buffer::Buffer;
pub use client::{Client, ClientOptions, Device, MemoryStats, MAX_CPU_DEVICES};
pub use compile::{CompileOptions, OptionValue};
pub use cuda::CudaSetup;
pub use discover::{discover_plugin, plugin_search_locations, DEFAULT_PLUGIN_RELATIVE, PLUGIN_ENV_VAR};
pub use distributed::{Distributed, KeyValueStore};
pub use error::{Context, Result, RuntimeError};
pub use executable::{Arg, Executable};
pub use host::{element_count, ElementType, HostTensor, NativeType};
pub use plugin::{extension_name, AttributeValue, Plugin};
