//! Load time and peak memory of reading a large safetensors file.
//!
//!   cargo run --release --example safetensors_load -- write /tmp/vit-l.safetensors
//!   cargo run --release --example safetensors_load -- mapped /tmp/vit-l.safetensors
//!   cargo run --release --example safetensors_load -- heap /tmp/vit-l.safetensors
//!
//! `write` makes a file of ViT-L/16's parameter shapes (304 M f32, 1.2 GB). `mapped` loads it as
//! `checkpoint::load` does (memory-mapped, each tensor's pages released once copied); `heap`
//! reads the whole file into memory first and parses that, as the reader did before it mapped
//! files. Each prints the seconds taken and the process's peak resident memory (VmHWM), so run
//! each in its own process.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use bamboo::checkpoint::{self, TensorData, Tensors};

/// ViT-L/16 at 224 px with a 1000-class head: width 1024, 24 blocks, MLP 4096.
fn vit_large_shapes() -> Vec<(String, Vec<usize>)> {
    let (d, mlp, depth) = (1024, 4096, 24);
    let mut s = vec![
        ("cls_token".to_string(), vec![1, 1, d]),
        ("pos_embed".to_string(), vec![1, 197, d]),
        ("patch_embed.proj.weight".to_string(), vec![d, 3, 16, 16]),
        ("patch_embed.proj.bias".to_string(), vec![d]),
        ("norm.weight".to_string(), vec![d]),
        ("norm.bias".to_string(), vec![d]),
        ("head.weight".to_string(), vec![1000, d]),
        ("head.bias".to_string(), vec![1000]),
    ];
    for l in 0..depth {
        for (name, shape) in [
            ("norm1.weight", vec![d]),
            ("norm1.bias", vec![d]),
            ("attn.qkv.weight", vec![3 * d, d]),
            ("attn.qkv.bias", vec![3 * d]),
            ("attn.proj.weight", vec![d, d]),
            ("attn.proj.bias", vec![d]),
            ("norm2.weight", vec![d]),
            ("norm2.bias", vec![d]),
            ("mlp.fc1.weight", vec![mlp, d]),
            ("mlp.fc1.bias", vec![mlp]),
            ("mlp.fc2.weight", vec![d, mlp]),
            ("mlp.fc2.bias", vec![d]),
        ] {
            s.push((format!("blocks.{l}.{name}"), shape));
        }
    }
    s
}

fn write(path: &Path) -> Result<()> {
    let mut tensors = Tensors::new();
    let mut n = 0usize;
    for (i, (name, shape)) in vit_large_shapes().into_iter().enumerate() {
        let numel: usize = shape.iter().product();
        let values: Vec<f32> = (0..numel).map(|k| ((k * 31 + i) % 1000) as f32 * 1e-3).collect();
        tensors.insert(name, TensorData::from_f32(&shape, &values));
        n += numel;
    }
    checkpoint::save(path, &tensors, &BTreeMap::new())?;
    println!("wrote {} tensors, {:.1} M parameters, to {}", tensors.len(), n as f64 / 1e6, path.display());
    Ok(())
}

/// The process's peak resident memory in MB.
fn peak_rss_mb() -> Result<f64> {
    let status = std::fs::read_to_string("/proc/self/status").context("reading /proc/self/status")?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).context("no VmHWM in /proc/self/status")?;
    let kb: f64 = line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse()?;
    Ok(kb / 1024.0)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, path] = args.as_slice() else { bail!("usage: safetensors_load write|mapped|heap PATH") };
    let path = Path::new(path);
    let t = Instant::now();
    let tensors = match mode.as_str() {
        "write" => return write(path),
        "mapped" => checkpoint::load(path)?,
        "heap" => {
            let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            checkpoint::parse(path, &bytes)?.tensors
        }
        other => bail!("unknown mode `{other}` (write, mapped, heap)"),
    };
    let secs = t.elapsed().as_secs_f64();
    let bytes: usize = tensors.values().map(|t| t.data.len()).sum();
    println!("{mode}: {} tensors, {:.0} MB in {secs:.2} s, peak RSS {:.0} MB", tensors.len(), bytes as f64 / 1e6, peak_rss_mb()?);
    Ok(())
}
