//! `bamboo bench`: the foundation's benchmarks. Peers (numpy, JAX) run from scripts/bench in
//! the same session, so the numbers are compared on the same machine state.

use std::time::Instant;

use anyhow::Result;
use clap::Args;

use super::memory::{peak_rss_mib, reset_peak_rss};
use super::RuntimeArgs;
use crate::catalog::{block_grad, matmul, stack_grad, VIT_B};
use crate::graph::TensorType;
use crate::program::{element_type, Program};
use crate::runtime::{Arg, Buffer, Client, HostTensor};

#[derive(Args)]
pub struct BenchArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// Which benchmarks: matmul, block, compile (comma separated), or all.
    #[arg(long, default_value = "all")]
    only: String,
    /// Timed iterations per benchmark (after warm-up).
    #[arg(long, default_value_t = 10)]
    iters: usize,
    /// Depths for the compile benchmark of a scanned ViT-B stack.
    #[arg(long, default_value = "12")]
    depths: String,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// Deterministic inputs: layer-norm weights 1, biases 0, other weights N(0, 0.02), x N(0, 1).
fn inputs(client: &Client, params: &[(String, TensorType)]) -> Result<Vec<Buffer>> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut normal = move || {
        let mut u = || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            ((state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        };
        let (a, b) = (u(), u());
        ((-2.0 * a.ln()).sqrt() * (2.0 * std::f64::consts::PI * b).cos()) as f32
    };
    let mut out = vec![];
    for (name, ty) in params {
        let n = ty.elem_count() as usize;
        let v: Vec<f32> = if name.contains("norm") && name.ends_with("weight") {
            vec![1.0; n]
        } else if name.ends_with("bias") {
            vec![0.0; n]
        } else if name == "x" {
            (0..n).map(|_| normal()).collect()
        } else {
            (0..n).map(|_| normal() * 0.02).collect()
        };
        anyhow::ensure!(element_type(ty.dtype) == crate::runtime::ElementType::F32, "bench inputs are f32");
        out.push(client.to_device(&HostTensor::from_slice(&ty.dims, &v)?, 0)?);
    }
    Ok(out)
}

/// Median milliseconds per execution after `warmup` runs.
fn time_runs(p: &Program, args: &[Buffer], warmup: usize, iters: usize) -> Result<(f64, Vec<f64>)> {
    let mut times = vec![];
    for i in 0..warmup + iters {
        let t0 = Instant::now();
        let outs = p.run(args.iter().map(Arg::Borrow).collect())?;
        for o in &outs {
            o.block_until_ready()?;
        }
        let dt = t0.elapsed().as_secs_f64() * 1e3;
        if i >= warmup {
            times.push(dt);
        }
    }
    Ok((median(times.clone()), times))
}

pub fn run(a: &BenchArgs) -> Result<()> {
    let client = a.rt.client()?;
    let opts = a.rt.compile_options()?;
    let all = a.only == "all";
    let want = |k: &str| all || a.only.split(',').any(|s| s.trim() == k);
    let mut report = serde_like::Object::default();
    report.str("plugin", &client.plugin().path().display().to_string());
    report.str("platform", client.platform_name());

    if want("matmul") {
        reset_peak_rss();
        let p = Program::compile(&client, &matmul(1024)?, &opts)?;
        let args = inputs(&client, &p.params)?;
        let (ms, times) = time_runs(&p, &args, 5, a.iters.max(20))?;
        let gflops = 2.0 * 1024f64.powi(3) / (ms * 1e-3) / 1e9;
        let best = 2.0 * 1024f64.powi(3) / (times.iter().cloned().fold(f64::INFINITY, f64::min) * 1e-3) / 1e9;
        println!("matmul 1024^3 f32: {:.2} ms median, {:.1} GFLOP/s (best {:.1})", ms, gflops, best);
        report.num("bamboo_matmul_gflops", gflops);
        report.num("bamboo_matmul_best_gflops", best);
    }
    if want("block") {
        reset_peak_rss();
        let t0 = Instant::now();
        let f = block_grad(&VIT_B, 8, 197)?;
        let p = Program::compile(&client, &f, &opts)?;
        let compile_s = t0.elapsed().as_secs_f64();
        let args = inputs(&client, &p.params)?;
        let (ms, times) = time_runs(&p, &args, 3, a.iters)?;
        let best = times.iter().cloned().fold(f64::INFINITY, f64::min);
        let loss = p.run(args.iter().map(Arg::Borrow).collect())?[0].to_host()?.to_scalar::<f32>()?;
        let rss = peak_rss_mib();
        println!(
            "ViT-B/16 block fwd+bwd, batch 8: {:.1} ms median (best {:.1}), compile {:.2} s, loss {:.6}, peak RSS {:.0} MiB",
            ms, best, compile_s, loss, rss
        );
        report.num("bamboo_block_fwd_bwd_ms", ms);
        report.num("bamboo_block_best_ms", best);
        report.num("bamboo_block_compile_s", compile_s);
        report.num("bamboo_block_peak_rss_mib", rss);
    }
    if want("compile") {
        for d in a.depths.split(',') {
            let depth: i64 = d.trim().parse().map_err(|_| anyhow::anyhow!("--depths: `{}` is not a number", d))?;
            reset_peak_rss();
            let t0 = Instant::now();
            let f = stack_grad(&VIT_B, depth, 8, 197, &crate::nn::stack::StackOptions::default())?;
            let t1 = Instant::now();
            let text = f.to_stablehlo();
            let t2 = Instant::now();
            let exe = client.compile(&f.name, &text, &opts)?;
            let t3 = Instant::now();
            drop(exe);
            let (tr, lo, co) = ((t1 - t0).as_secs_f64(), (t2 - t1).as_secs_f64(), (t3 - t2).as_secs_f64());
            let rss = peak_rss_mib();
            println!(
                "ViT-B x{} training step (scan): trace {:.3} s + lower {:.3} s + compile {:.2} s = {:.2} s, {} lines, peak RSS {:.0} MiB",
                depth,
                tr,
                lo,
                co,
                tr + lo + co,
                text.lines().count(),
                rss
            );
            report.num(&format!("bamboo_vit_b{}_step_compile_total_s", depth), tr + lo + co);
            report.num(&format!("bamboo_vit_b{}_step_compile_peak_rss_mib", depth), rss);
        }
    }
    println!("{}", report.finish());
    Ok(())
}

/// A flat JSON object writer (keys and numbers/strings only), so no JSON dependency is needed.
mod serde_like {
    #[derive(Default)]
    pub struct Object(Vec<String>);

    impl Object {
        pub fn num(&mut self, k: &str, v: f64) {
            self.0.push(format!("\"{}\": {}", k, if v.is_finite() { format!("{:.4}", v) } else { "null".into() }));
        }
        pub fn str(&mut self, k: &str, v: &str) {
            self.0.push(format!("\"{}\": \"{}\"", k, v.replace('\\', "\\\\").replace('"', "\\\"")));
        }
        pub fn finish(&self) -> String {
            format!("{{{}}}", self.0.join(", "))
        }
    }
}
