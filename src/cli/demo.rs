//! `bamboo demo`: the plugin, then a small scanned MLP trained for a few steps (`crate::train::demo`).

use anyhow::{ensure, Result};
use clap::Args;

use super::RuntimeArgs;
use crate::train::demo::Demo;

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
    let client = a.rt.options().client()?;
    let demo = Demo::compile(&client, a.depth)?;
    let cfg = &demo.config;
    println!(
        "\ndemo: {}-layer residual MLP (width {}), SGD, batch {} drawn in the graph; compiled in {:.2} s",
        cfg.depth, cfg.dim, cfg.batch, demo.compile_seconds
    );
    let s = demo.train(&client, a.steps, |step, loss| {
        if step % 20 == 0 || step == a.steps - 1 {
            println!("step {:4}  loss {:.5}", step, loss);
        }
    })?;
    println!("loss {:.5} -> {:.5} in {} steps ({:.2} ms/step)", s.first, s.last, a.steps, s.ms_per_step);
    ensure!(s.last.is_finite(), "the loss diverged");
    Ok(())
}
