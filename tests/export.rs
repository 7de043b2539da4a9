//! graphs/ holds the current StableHLO of the catalog, and every catalog graph compiles on the
//! pinned plugin (API 0.115) and on a second plugin version (API 0.106).

mod pins;

use std::path::{Path, PathBuf};

use bamboo::catalog;
use bamboo::runtime::{Client, ClientOptions, CompileOptions, Plugin};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn exported_graphs_are_current() {
    for name in catalog::NAMES {
        let path = root().join("graphs").join(format!("{}.mlir", name));
        let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {} (run `bamboo export`)", path.display(), e));
        let fresh = catalog::build(name).unwrap().to_stablehlo();
        assert!(on_disk == fresh, "{} is stale: run `bamboo export {}`", path.display(), name);
    }
}

/// A plugin under plugins/: present, and the file scripts/setup pins.
fn pinned(inner: &str) -> PathBuf {
    let p = pins::plugin_path(inner);
    pins::assert_pinned(&p, inner);
    p
}

fn compile_all_on(plugin_path: &Path) {
    let plugin = Plugin::load(plugin_path).unwrap_or_else(|e| panic!("{}: {}", plugin_path.display(), e));
    let client = Client::new(&plugin, &ClientOptions { devices: Some(1) }).unwrap();
    // The ViT-B graphs are large; the small ones cover every op family.
    for name in ["matmul_1024", "ops_zoo", "demo_mlp_step", "vit_b_block_grad"] {
        let text = std::fs::read_to_string(root().join("graphs").join(format!("{}.mlir", name))).unwrap();
        client.compile(name, &text, &CompileOptions::default()).unwrap_or_else(|e| panic!("{} on {}: {}", name, plugin_path.display(), e));
    }
}

#[test]
fn graphs_compile_on_the_pinned_plugin() {
    compile_all_on(&pinned("lammps_jax_pjrt_cpu/pjrt_c_api_cpu_plugin.so"));
}

#[test]
fn graphs_compile_on_a_second_plugin_version() {
    let p = Plugin::load(pinned("fastatomstruct_xla_cpu/libpjrt_cpu.so")).unwrap();
    assert_eq!(p.api_version(), (0, 106));
    compile_all_on(p.path());
}
