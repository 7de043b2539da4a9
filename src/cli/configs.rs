//! `bamboo configs`: the presets as the paper's tables, one preset's JSON, and the width solver.

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::config;

#[derive(Args)]
pub struct ConfigsArgs {
    #[command(subcommand)]
    action: Option<Action>,
    /// Only presets whose name or table contains this text (e.g. `mae-`, `large`, `bert`).
    #[arg(long)]
    filter: Option<String>,
}

#[derive(Subcommand)]
enum Action {
    /// The width (a multiple of the head dimension) whose encoder FLOPs at DEPTH come closest
    /// to the reference preset's, and its heads.
    Solve {
        /// Reference preset: base, large, huge (the paper's MAE settings), bert-base, or any name.
        #[arg(long)]
        like: String,
        /// Depth of the new stack.
        #[arg(long)]
        depth: usize,
        /// Width of one attention head.
        #[arg(long, default_value_t = 64)]
        head_dim: usize,
    },
    /// Print a preset's configuration as JSON.
    Show { name: String },
}

pub fn run(a: &ConfigsArgs) -> Result<()> {
    match &a.action {
        None => {
            println!("FLOPs per example, forward; a multiply-add is 2 FLOPs; matmuls and attention only.");
            println!("enc FLOPs: encoder blocks as run (MAE: 25% visible patches + cls); ratio against the table's original.");
            println!("train FLOPs = 3 x forward. MAE forward adds the 8x512 decoder on all patches.");
            print!("{}", config::render(&config::rows(a.filter.as_deref())));
        }
        Some(Action::Solve { like, depth, head_dim }) => {
            let reference = config::find(like)?;
            let s = config::solve(&reference.config, *depth, *head_dim)?;
            let r = reference.config.encoder();
            println!(
                "like {} ({}x{}, {} heads): depth {} -> width {}, heads {} (head dim {}), encoder FLOPs {:.3} G vs {:.3} G = {:.2}x",
                reference.name, r.depth, r.width, r.heads, depth, s.stack.width, s.stack.heads, head_dim,
                s.flops as f64 / 1e9, s.reference_flops as f64 / 1e9, s.ratio()
            );
        }
        Some(Action::Show { name }) => println!("{}", config::preset(name)?.to_json()),
    }
    Ok(())
}
