//! The real CUDA 13 plugin (`jax-cuda13-pjrt==0.11.2`, what a GPU machine's jax carries,
//! installed under plugins/ by `scripts/setup`) on a machine without a GPU: it loads, reports its
//! PJRT API, and client creation ends in a clear error, never a crash. `--devices` reaches it
//! without the CPU plugin's `cpu_device_count`, which the CUDA plugin would refuse.

mod pins;

use std::path::PathBuf;
use std::process::Command;

fn cuda_plugin() -> PathBuf {
    let p = pins::plugin_path("jax_plugins/xla_cuda13/xla_cuda_plugin.so");
    pins::assert_pinned(&p, "jax_plugins/xla_cuda13/xla_cuda_plugin.so");
    p
}

fn has_nvidia_gpu() -> bool {
    Command::new("nvidia-smi").arg("-L").output().map(|o| o.status.success()).unwrap_or(false)
}

#[test]
fn cuda_plugin_loads_and_says_no_device_is_here() {
    if has_nvidia_gpu() {
        eprintln!("a GPU is present: this test is for machines without one");
        return;
    }
    let plugin = cuda_plugin();
    for extra in [&[][..], &["--devices", "2"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_bamboo"))
            .args(["info", "--plugin"])
            .arg(&plugin)
            .args(extra)
            .env("TF_CPP_MIN_LOG_LEVEL", "2")
            .output()
            .unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        // An error exit, not a signal (a crash would be 128 + the signal, or no code at all).
        assert_eq!(out.status.code(), Some(1), "{extra:?}\n{stdout}\n{stderr}");
        assert!(stdout.contains("PJRT C API:       0.115"), "{stdout}");
        assert!(stdout.contains("CUDA data dir:"), "{stdout}");
        assert!(stderr.contains("no CUDA device was found") && stderr.contains("No visible GPU devices"), "{stderr}");
        assert!(!stderr.contains("cpu_device_count"), "{stderr}");
    }
}
