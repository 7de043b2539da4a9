//! `bamboo configs`: the presets as the paper's tables, one preset's JSON, and the width solver.

use anyhow::{Context, Result};
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

/// A preset by name, or a configuration file when the name ends in `.json` (named by its path).
fn named_config(name: &str) -> Result<config::Preset> {
    if !name.ends_with(".json") {
        return Ok(config::find(name)?);
    }
    let text = std::fs::read_to_string(name).with_context(|| format!("reading {}", name))?;
    let m = config::ModelConfig::from_json(&text).with_context(|| name.to_string())?;
    Ok(config::Preset { name: name.to_string(), table: String::new(), reference: String::new(), config: m })
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
            let reference = named_config(like)?;
            let s = config::solve(&reference.config, *depth, *head_dim)?;
            let r = reference.config.encoder();
            if *json {
                let v = serde_json::json!({
                    "like": reference.name, "depth": s.stack.depth, "width": s.stack.width, "heads": s.stack.heads,
                    "mlp_dim": s.stack.mlp_dim, "head_dim": head_dim, "encoder_flops": s.flops,
                    "reference_flops": s.reference_flops, "ratio": s.ratio(),
                });
                println!("{}", v);
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
            let m = named_config(name)?.config;
            let mut e = m.encoder();
            if let Some(d) = depth {
                e.depth = *d;
            }
            if let Some(w) = width {
                e.width = *w;
                e.mlp_dim = 4 * w;
            }
            if let Some(h) = heads {
                e.heads = *h;
            }
            let m = m.with_encoder(e);
            m.validate()?;
            if !*counts {
                println!("{}", m.to_json());
                return Ok(());
            }
            let (p, f) = (m.params(), m.flops());
            let v = serde_json::json!({
                "config": m,
                "params": { "embed": p.embed, "encoder": p.encoder, "decoder": p.decoder, "head": p.head, "total": p.total() },
                "flops": { "embed": f.embed, "encoder": f.encoder, "decoder": f.decoder, "head": f.head, "forward": f.forward(), "train": f.train() },
            });
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
    }
    Ok(())
}
