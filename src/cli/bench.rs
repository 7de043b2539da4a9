//! `bamboo bench`: the foundation's benchmarks (`crate::train::bench::kernels`). Peers (numpy,
//! JAX) run from scripts/bench in the same session, so the numbers are compared on the same
//! machine state.

use anyhow::Result;
use clap::Args;

use super::RuntimeArgs;
use crate::train::bench::kernels;

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

pub fn run(a: &BenchArgs) -> Result<()> {
    let (client, opts) = a.rt.options().connect()?;
    let all = a.only == "all";
    let want = |k: &str| all || a.only.split(',').any(|s| s.trim() == k);
    let mut report = kernels::ReportLine::default();
    report.str("plugin", &client.plugin().path().display().to_string());
    report.str("platform", client.platform_name());

    if want("matmul") {
        let m = kernels::matmul_1024(&client, &opts, a.iters)?;
        println!("matmul 1024^3 f32: {:.2} ms median, {:.1} GFLOP/s (best {:.1})", m.ms, m.gflops, m.best_gflops);
        report.num("bamboo_matmul_gflops", m.gflops);
        report.num("bamboo_matmul_best_gflops", m.best_gflops);
    }
    if want("block") {
        let b = kernels::vit_b_block(&client, &opts, a.iters)?;
        println!(
            "ViT-B/16 block fwd+bwd, batch 8: {:.1} ms median (best {:.1}), compile {:.2} s, loss {:.6}, peak RSS {:.0} MiB",
            b.ms, b.best_ms, b.compile_s, b.loss, b.peak_rss_mib
        );
        report.num("bamboo_block_fwd_bwd_ms", b.ms);
        report.num("bamboo_block_best_ms", b.best_ms);
        report.num("bamboo_block_compile_s", b.compile_s);
        report.num("bamboo_block_peak_rss_mib", b.peak_rss_mib);
    }
    if want("compile") {
        for d in a.depths.split(',') {
            let depth: i64 = d.trim().parse().map_err(|_| anyhow::anyhow!("--depths: `{}` is not a number", d))?;
            let c = kernels::vit_b_stack_compile(&client, &opts, depth)?;
            let total = c.trace_s + c.lower_s + c.compile_s;
            println!(
                "ViT-B x{} training step (scan): trace {:.3} s + lower {:.3} s + compile {:.2} s = {:.2} s, {} lines, peak RSS {:.0} MiB",
                depth, c.trace_s, c.lower_s, c.compile_s, total, c.lines, c.peak_rss_mib
            );
            report.num(&format!("bamboo_vit_b{}_step_compile_total_s", depth), total);
            report.num(&format!("bamboo_vit_b{}_step_compile_peak_rss_mib", depth), c.peak_rss_mib);
        }
    }
    println!("{}", report.finish());
    Ok(())
}
