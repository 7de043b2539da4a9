//! The matmul MFU is measured against, and the median the benchmarks report.

use std::time::Instant;

use anyhow::Result;

use crate::catalog::matmul_of;
use crate::graph::DType;
use crate::program::{Compile, Compiled, InputSlot, OutputSlot};
use crate::runtime::{Buffer, Client, CompileOptions, HostTensor};
use crate::weights::init::SplitMix as Rng;

pub fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// An n^3 matmul (f32, or bf16 for a bf16 step): the ceiling MFU is measured against. It is
/// timed again just before each configuration, so load from other processes on a shared machine
/// hits both alike.
pub struct Ceiling {
    program: Compiled,
    /// The two factors on the device, with the inputs they bind to (found once, outside the
    /// timed loop).
    args: Vec<(InputSlot, Buffer)>,
    product: OutputSlot,
    n: i64,
}

impl Ceiling {
    pub fn new(client: &Client, opts: &CompileOptions, n: i64, bf16: bool) -> Result<Ceiling> {
        anyhow::ensure!(n >= 1, "--ceiling-size must be at least 1, got {}", n);
        let dtype = if bf16 { DType::BF16 } else { DType::F32 };
        let program = matmul_of(n, dtype)?.lower().compile(client, opts)?;
        let mut rng = Rng(7);
        let count = (n * n) as usize;
        let args = ["a", "b"]
            .into_iter()
            .map(|name| {
                let v: Vec<f32> = (0..count).map(|_| rng.normal() as f32).collect();
                let h = if bf16 {
                    HostTensor::from_slice(&[n, n], &v.iter().map(|&x| half::bf16::from_f32(x)).collect::<Vec<_>>())?
                } else {
                    HostTensor::from_slice(&[n, n], &v)?
                };
                Ok((program.input(name)?, client.to_device(&h, 0)?))
            })
            .collect::<Result<_>>()?;
        let product = program.output("c")?;
        Ok(Ceiling { program, args, product, n })
    }

    /// (median, best) GFLOP/s over 20 runs after 5 warm-up runs.
    pub fn measure(&self) -> Result<(f64, f64)> {
        let mut times = vec![];
        for i in 0..25 {
            let t0 = Instant::now();
            let mut args = self.program.args();
            for (slot, b) in &self.args {
                args.borrow(*slot, b)?;
            }
            self.program.run(args)?.take(self.product)?.block_until_ready()?;
            if i >= 5 {
                times.push(t0.elapsed().as_secs_f64());
            }
        }
        let flop = 2.0 * (self.n as f64).powi(3);
        let best = times.iter().cloned().fold(f64::INFINITY, f64::min);
        Ok((flop / median(&times) / 1e9, flop / best / 1e9))
    }
}
