//! `bamboo demo`'s model: a small scanned residual MLP trained with SGD for a few steps, the
//! whole path in miniature (trace, lower, compile, execute with donation).

use std::time::Instant;

use anyhow::Result;

use crate::catalog::{demo_mlp_step, DemoConfig};
use crate::program::{Compile, Compiled};
use crate::runtime::{Client, CompileOptions, ElementType, HostTensor};

/// The compiled training step of the demo MLP.
pub struct Demo {
    pub config: DemoConfig,
    pub compile_seconds: f64,
    program: Compiled,
}

/// The first and last loss of a demo run and its time per step.
pub struct DemoSummary {
    pub first: f32,
    pub last: f32,
    pub ms_per_step: f64,
}

impl Demo {
    /// Traces and compiles the step of a `depth`-layer MLP.
    pub fn compile(client: &Client, depth: i64) -> Result<Demo> {
        let config = DemoConfig { depth, ..Default::default() };
        let f = demo_mlp_step(&config)?;
        let program = f.lower().compile(client, &CompileOptions::default())?;
        Ok(Demo { config, compile_seconds: program.compile_seconds(), program })
    }

    /// Trains from small deterministic weights for `steps` steps, telling `on_step` each loss.
    pub fn train(&self, client: &Client, steps: i32, mut on_step: impl FnMut(i32, f32)) -> Result<DemoSummary> {
        let cfg = &self.config;
        let n = (cfg.depth * cfg.dim * cfg.dim) as usize;
        let w: Vec<f32> = (0..n).map(|i| (((i * 7919) % 1000) as f32 / 1000.0 - 0.5) * 0.1).collect();
        let mut w = client.to_device(&HostTensor::from_slice(&[cfg.depth, cfg.dim, cfg.dim], &w)?, 0)?;
        let mut b = client.to_device(&HostTensor::zeros(ElementType::F32, &[cfg.depth, cfg.dim])?, 0)?;
        let key = client.to_device(&HostTensor::from_slice(&[2], &[0u32, 1234])?, 0)?;
        let t0 = Instant::now();
        let mut first = f32::NAN;
        let mut last = f32::NAN;
        for step in 0..steps {
            let s = client.to_device(&HostTensor::scalar(step), 0)?;
            // Parameters are donated: the step updates them in place.
            let mut args = self.program.args();
            args.donate("layers.weight", w)?.donate("layers.bias", b)?.borrow("key", &key)?.borrow("step", &s)?;
            let mut out = self.program.run(args)?;
            let loss = out.take("loss")?.to_host()?.to_scalar::<f32>()?;
            w = out.take("layers.weight")?;
            b = out.take("layers.bias")?;
            if step == 0 {
                first = loss;
            }
            last = loss;
            on_step(step, loss);
        }
        let ms_per_step = t0.elapsed().as_secs_f64() * 1e3 / steps as f64;
        Ok(DemoSummary { first, last, ms_per_step })
    }
}
