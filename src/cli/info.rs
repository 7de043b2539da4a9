//! `bamboo info`: the plugin, its API version, platform and devices.

use anyhow::Result;

use super::RuntimeArgs;
use crate::train::platform;

/// Prints the plugin first, then the client: on a machine without the plugin's device, what was
/// found is shown before client creation fails.
pub fn run(a: &RuntimeArgs) -> Result<()> {
    let rt = a.options();
    rt.check_devices()?;
    let plugin = platform::find_plugin(a.plugin.as_deref())?;
    let (major, minor) = plugin.api_version;
    println!("plugin:           {}", plugin.path.display());
    println!("PJRT C API:       {}.{}", major, minor);
    println!("extensions:       {}", plugin.extensions.join(", "));
    if let Some(c) = &plugin.cuda {
        let shown = |p: &Option<std::path::PathBuf>| p.as_ref().map(|p| p.display().to_string());
        println!("CUDA libraries:   {} preloaded from the nvidia-* wheels", c.preloaded);
        match shown(&c.data_dir) {
            Some(d) => println!("CUDA data dir:    {} (xla_gpu_cuda_data_dir: libdevice, ptxas)", d),
            None => println!(
                "CUDA data dir:    none found (looked in {}); set $BAMBOO_CUDA_DATA_DIR to a folder with nvvm/libdevice",
                c.looked_at.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            ),
        }
        println!("ptxas:            {}", shown(&c.ptxas).unwrap_or_else(|| "not found".into()));
    }
    let client = rt.client_unchecked()?;
    println!("platform:         {} ({})", client.platform_name(), client.platform_version());
    let devices = platform::devices(&client);
    println!("devices:          {}", devices.len());
    for d in devices {
        let memory = d.buffer_bytes.map(|b| format!(", {:.1} GiB for buffers", b as f64 / (1u64 << 30) as f64)).unwrap_or_default();
        let d = d.device;
        println!("  {} {}: {} (process {}{})", d.id, d.kind, d.debug_string, d.process_index, memory);
    }
    Ok(())
}
