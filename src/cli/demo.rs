use anyhow::{ensure, Result};
use clap::Args;

use super::RuntimeArgs;
use crate::catalog::{demo_mlp_step, DemoConfig};
use crate::program::Program;
use crate::runtime::{Arg, CompileOptions, HostTensor};

#[derive(Args)]
pub struct DemoArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// Training steps.
    #[arg(long, default_value_t = 200)]
    steps: i32,
    /// Residual layers (a scan: the program does not grow with depth).
    #[arg(long, default_value_t = 4)]
    depth: i64,
}

pub fn run(a: &DemoArgs) -> Result<()> {
    ensure!(a.steps >= 1, "--steps must be at least 1");
    ensure!(a.depth >= 1, "--depth must be at least 1");
    super::info::run(&a.rt)?;
    let client = a.rt.client()?;
    let cfg = DemoConfig { depth: a.depth, ..Default::default() };
    let f = demo_mlp_step(&cfg)?;
    let prog = Program::compile(&client, &f, &CompileOptions::default())?;
    println!(
        "\ndemo: {}-layer residual MLP (width {}), SGD, batch {} drawn in the graph; compiled in {:.2} s",
        cfg.depth, cfg.dim, cfg.batch, prog.compile_seconds
    );
    // Small deterministic initial weights.
    let n = (cfg.depth * cfg.dim * cfg.dim) as usize;
    let w: Vec<f32> = (0..n).map(|i| (((i * 7919) % 1000) as f32 / 1000.0 - 0.5) * 0.1).collect();
    let mut w = client.to_device(&HostTensor::from_slice(&[cfg.depth, cfg.dim, cfg.dim], &w)?, 0)?;
    let mut b = client.to_device(&HostTensor::zeros(crate::runtime::ElementType::F32, &[cfg.depth, cfg.dim])?, 0)?;
    let key = client.to_device(&HostTensor::from_slice(&[2], &[0u32, 1234])?, 0)?;
    let t0 = std::time::Instant::now();
    let mut first = f32::NAN;
    let mut last = f32::NAN;
    for step in 0..a.steps {
        let s = client.to_device(&HostTensor::scalar(step), 0)?;
        // Parameters are donated: the step updates them in place.
        let mut out = prog.run(vec![Arg::Donate(w), Arg::Donate(b), Arg::Borrow(&key), Arg::Borrow(&s)])?;
        let loss = out.pop().unwrap().to_host()?.to_scalar::<f32>()?;
        b = out.pop().unwrap();
        w = out.pop().unwrap();
        if step == 0 {
            first = loss;
        }
        last = loss;
        if step % 20 == 0 || step == a.steps - 1 {
            println!("step {:4}  loss {:.5}", step, loss);
        }
    }
    let ms = t0.elapsed().as_secs_f64() * 1e3 / a.steps as f64;
    println!("loss {:.5} -> {:.5} in {} steps ({:.2} ms/step)", first, last, a.steps, ms);
    ensure!(last.is_finite(), "the loss diverged");
    Ok(())
}
