//! The foundation's benchmarks (`bamboo bench`): a 1024^3 matmul, one ViT-B block's forward and
//! backward, and the trace, lower and compile time of a scanned ViT-B training stack. Peers
//! (numpy, JAX) run from scripts/bench on the same machine state.

use std::time::Instant;

use anyhow::Result;

use crate::catalog::{block_grad, matmul, stack_grad, VIT_B};
use crate::nn::stack::StackOptions;
use crate::process_usage::{peak_rss_mib, reset_peak_rss};
use crate::program::{Compile, Compiled, InputSlot, Outputs};
use crate::runtime::{Buffer, Client, CompileOptions, ElementType, HostTensor};

/// The matmul's median time and throughput.
pub struct MatmulResult {
    pub ms: f64,
    pub gflops: f64,
    pub best_gflops: f64,
}

/// One block's forward and backward, batch 8.
pub struct BlockResult {
    pub ms: f64,
    pub best_ms: f64,
    pub compile_s: f64,
    pub loss: f32,
    pub peak_rss_mib: f64,
}

/// A training stack's way to an executable.
pub struct CompileResult {
    pub trace_s: f64,
    pub lower_s: f64,
    pub compile_s: f64,
    /// Lines of StableHLO text.
    pub lines: usize,
    pub peak_rss_mib: f64,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// Deterministic inputs: layer-norm weights 1, biases 0, other weights N(0, 0.02), x N(0, 1);
/// each with the input it binds to.
fn inputs(client: &Client, p: &Compiled) -> Result<Vec<(InputSlot, Buffer)>> {
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
    for input in p.inputs() {
        let (name, ty) = (&input.name, &input.ty);
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
        anyhow::ensure!(ty.dtype == ElementType::F32, "bench inputs are f32");
        out.push((p.input(name)?, client.to_device(&HostTensor::from_slice(&ty.dims, &v)?, 0)?));
    }
    Ok(out)
}

/// One execution with every input lent.
fn run(p: &Compiled, args: &[(InputSlot, Buffer)]) -> Result<Outputs<Buffer>> {
    let mut a = p.args();
    for (slot, b) in args {
        a.borrow(*slot, b)?;
    }
    p.run(a)
}

/// Median milliseconds per execution after `warmup` runs.
fn time_runs(p: &Compiled, args: &[(InputSlot, Buffer)], warmup: usize, iters: usize) -> Result<(f64, Vec<f64>)> {
    let mut times = vec![];
    for i in 0..warmup + iters {
        let t0 = Instant::now();
        for o in run(p, args)?.into_vec()? {
            o.block_until_ready()?;
        }
        let dt = t0.elapsed().as_secs_f64() * 1e3;
        if i >= warmup {
            times.push(dt);
        }
    }
    Ok((median(times.clone()), times))
}

/// A 1024^3 f32 matmul, at least 20 timed runs after 5 warm-up runs.
pub fn matmul_1024(client: &Client, opts: &CompileOptions, iters: usize) -> Result<MatmulResult> {
    reset_peak_rss();
    let p = matmul(1024)?.lower().compile(client, opts)?;
    let args = inputs(client, &p)?;
    let (ms, times) = time_runs(&p, &args, 5, iters.max(20))?;
    let gflops = 2.0 * 1024f64.powi(3) / (ms * 1e-3) / 1e9;
    let best_gflops = 2.0 * 1024f64.powi(3) / (times.iter().cloned().fold(f64::INFINITY, f64::min) * 1e-3) / 1e9;
    Ok(MatmulResult { ms, gflops, best_gflops })
}

/// A ViT-B/16 block's forward and backward on 8 x 197 tokens, after 3 warm-up runs.
pub fn vit_b_block(client: &Client, opts: &CompileOptions, iters: usize) -> Result<BlockResult> {
    reset_peak_rss();
    let t0 = Instant::now();
    let f = block_grad(&VIT_B, 8, 197)?;
    let p = f.lower().compile(client, opts)?;
    let compile_s = t0.elapsed().as_secs_f64();
    let args = inputs(client, &p)?;
    let (ms, times) = time_runs(&p, &args, 3, iters)?;
    let best_ms = times.iter().cloned().fold(f64::INFINITY, f64::min);
    let loss = run(&p, &args)?.take("loss")?.to_host()?.to_scalar::<f32>()?;
    Ok(BlockResult { ms, best_ms, compile_s, loss, peak_rss_mib: peak_rss_mib() })
}

/// Trace, lower and compile a scanned ViT-B training stack of `depth` blocks (not run).
pub fn vit_b_stack_compile(client: &Client, opts: &CompileOptions, depth: i64) -> Result<CompileResult> {
    reset_peak_rss();
    let t0 = Instant::now();
    let f = stack_grad(&VIT_B, depth, 8, 197, &StackOptions::default())?;
    let t1 = Instant::now();
    let text = f.to_stablehlo();
    let t2 = Instant::now();
    let exe = client.compile(&f.name, &text, opts)?;
    let t3 = Instant::now();
    drop(exe);
    Ok(CompileResult {
        trace_s: (t1 - t0).as_secs_f64(),
        lower_s: (t2 - t1).as_secs_f64(),
        compile_s: (t3 - t2).as_secs_f64(),
        lines: text.lines().count(),
        peak_rss_mib: peak_rss_mib(),
    })
}

/// The line `bamboo bench` ends with, for scripts/bench: one flat JSON object of strings and
/// numbers (4 decimals; null when not finite), keys in the order they were added.
#[derive(Default)]
pub struct ReportLine(Vec<String>);

impl ReportLine {
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
