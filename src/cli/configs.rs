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
        /// Reference preset: base, large, huge (the paper's MAE settings), bert-base, or any name;
        /// or a configuration file (`*.json`, as `--config` takes).
        #[arg(long)]
        like: String,
        /// Depth of the new stack.
        #[arg(long)]
        depth: usize,
        /// Width of one attention head.
        #[arg(long, default_value_t = 64)]
        head_dim: usize,
        /// Print the solution as one JSON object (for scripts).
        #[arg(long)]
        json: bool,
    },
    /// Print a preset's configuration (or a `*.json` configuration file's) as JSON.
    Show {
        name: String,
        /// Override the encoder depth / width / heads (the MLP stays 4 x width, as in training).
        #[arg(long)]
        depth: Option<usize>,
        #[arg(long)]
        width: Option<usize>,
        #[arg(long)]
        heads: Option<usize>,
        /// Print {config, params, flops} with the exact counts instead of the bare configuration.
        #[arg(long)]
        counts: bool,
    },
}

pub fn run(a: &ConfigsArgs) -> Result<()> {
    match &a.action {
        None => {
            println!("FLOPs per example, forward; a multiply-add is 2 FLOPs; matmuls and attention only.");
            println!("enc FLOPs: encoder blocks as run (MAE: 25% visible patches + cls); ratio against the table's original.");
            println!("train FLOPs = 3 x forward. MAE forward adds the 8x512 decoder on all patches.");
            print!("{}", config::render(&config::rows(a.filter.as_deref())));
        }
        Some(Action::Solve { like, depth, head_dim, json }) => {
            let reference = config::named(like)?;
            let s = config::solve(&reference.config, *depth, *head_dim)?;
            let r = reference.config.encoder();
            if *json {
                println!("{}", s.to_json(&reference.name, *head_dim));
                return Ok(());
            }
            println!(
                "like {} ({}x{}, {} heads): depth {} -> width {}, heads {} (head dim {}), encoder FLOPs {:.3} G vs {:.3} G = {:.2}x",
                reference.name,
                r.depth,
                r.width,
                r.heads,
                depth,
                s.stack.width,
                s.stack.heads,
                head_dim,
                s.flops as f64 / 1e9,
                s.reference_flops as f64 / 1e9,
                s.ratio()
            );
        }
        Some(Action::Show { name, depth, width, heads, counts }) => {
            let m = config::named(name)?.config.with_stack_overrides(*depth, *width, *heads);
            m.validate()?;
            if !*counts {
                println!("{}", m.to_json());
                return Ok(());
            }
            println!("{}", serde_json::to_string_pretty(&m.with_counts())?);
        }
    }
    Ok(())
}
