use anyhow::Result;

use super::RuntimeArgs;

pub fn run(a: &RuntimeArgs) -> Result<()> {
    let client = a.client()?;
    let plugin = client.plugin();
    let (major, minor) = plugin.api_version();
    println!("plugin:           {}", plugin.path().display());
    println!("PJRT C API:       {}.{}", major, minor);
    println!("extensions:       {}", plugin.extensions().join(", "));
    println!("platform:         {} ({})", client.platform_name(), client.platform_version());
    let devices = client.devices();
    println!("devices:          {}", devices.len());
    for d in devices {
        println!("  {:?}", d);
    }
    Ok(())
}
