//! What `bamboo info` shows: the plugin as found (before any client exists, so a machine
//! without the plugin's device still shows what was found), and the devices a client sees.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::runtime::{Client, CudaSetup, Device, Plugin};

/// The plugin shared object that would be loaded, and what it offers.
pub struct PluginInfo {
    pub path: PathBuf,
    /// The PJRT C API version, (major, minor).
    pub api_version: (i32, i32),
    pub extensions: Vec<String>,
    /// For a CUDA plugin: the data dir, ptxas and the libraries preloaded.
    pub cuda: Option<CudaSetup>,
}

/// Finds and loads the plugin (`explicit`, else $BAMBOO_PJRT_PLUGIN, then plugins/, then pip packages).
pub fn find_plugin(explicit: Option<&Path>) -> Result<PluginInfo> {
    let plugin = Plugin::discover(explicit)?;
    Ok(PluginInfo {
        path: plugin.path().to_path_buf(),
        api_version: plugin.api_version(),
        extensions: plugin.extensions(),
        cuda: plugin.cuda_setup().cloned(),
    })
}

/// One device of a client, and the memory its allocator may hand out for buffers.
pub struct DeviceInfo {
    pub device: Device,
    pub buffer_bytes: Option<i64>,
}

/// Every device the client knows of, addressable or not.
pub fn devices(client: &Client) -> Vec<DeviceInfo> {
    client
        .devices()
        .iter()
        .map(|d| {
            let buffer_bytes = d.addressable_index.and_then(|i| client.memory_stats(i)).and_then(|m| m.bytes_limit);
            DeviceInfo { device: d.clone(), buffer_bytes }
        })
        .collect()
}
