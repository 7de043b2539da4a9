//! `bamboo study`: the paper's comparison at a scale this machine runs. For each preset, MAE
//! pre-training, then fine-tuning of its encoder, then a table of parameters, FLOPs,
//! throughput and accuracy. `scripts/demo` runs it on the embedded Fashion-MNIST sample.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::train::{classify, pretrain_mae, ClassifyArgs, Common, MaeArgs, Mode};
use super::RuntimeArgs;
use crate::config::preset;

#[derive(Args, Debug)]
pub struct StudyArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// ViT presets to compare (their `mae-` versions are pre-trained).
    #[arg(long, default_value = "vit-t28,bamboo-t28")]
    presets: String,
    #[arg(long, default_value_t = 150)]
    pretrain_steps: u64,
    #[arg(long, default_value_t = 150)]
    finetune_steps: u64,
    #[arg(long, default_value_t = 128)]
    batch: usize,
    #[arg(long, default_value_t = 1e-3)]
    pretrain_base_lr: f64,
    #[arg(long, default_value_t = 2e-3)]
    finetune_base_lr: f64,
    #[arg(long, default_value = "datasets/fashion-mnist-tfrecord/train-*")]
    data: String,
    #[arg(long, default_value = "datasets/fashion-mnist-tfrecord/validation-*")]
    val_data: String,
    #[arg(long, default_value = "runs/study")]
    out: PathBuf,
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Layer-wise lr decay as the total factor from the head down to the embeddings; each model
    /// gets the per-layer factor total^(1 / (depth + 1)), so deep and shallow models see the
    /// same spread of learning rates (a fixed per-layer 0.75 would all but freeze a 24-block
    /// model's lower half).
    #[arg(long, default_value_t = 0.1)]
    layer_decay_total: f64,
    /// RandAugment for the fine-tuning runs (`finetune --randaug`). Off by default here: the
    /// paper's m9-mstd0.5 and random erasing are meant for 100 ImageNet epochs, and they hold a
    /// 150-step run on 2,000 28-px images back (measured: 31.8% / 22.4% with them against
    /// 41.0% / 33.0% without). Mixup/CutMix, label smoothing, drop path and layer decay stay on.
    #[arg(long, default_value = "none")]
    randaug: String,
    /// Random-erasing probability for the fine-tuning runs (`finetune --reprob`); off here.
    #[arg(long, default_value_t = 0.0)]
    reprob: f64,
}

struct Row {
    name: String,
    depth: usize,
    width: usize,
    params: u64,
    gflops: f64,
    pretrain_ex_s: f64,
    mae_loss: f32,
    finetune_ex_s: f64,
    accuracy: f64,
}

fn common(a: &StudyArgs, preset: &str, steps: u64, base_lr: f64, out: PathBuf) -> Common {
    Common {
        rt: a.rt.clone(),
        preset: Some(preset.to_string()),
        config: None,
        dropout: None,
        attention_dropout: None,
        watch_smoothing: None,
        depth: None,
        width: None,
        heads: None,
        data: a.data.clone(),
        steps,
        batch: a.batch,
        base_lr: Some(base_lr),
        lr: None,
        warmup: Some(steps / 10),
        weight_decay: None,
        clip: None,
        accum: 1,
        bf16: false,
        remat: "dots".into(),
        unrolled: false,
        out,
        resume: true,
        stop_after: None,
        sync_steps: false,
        checkpoint_every: 0,
        keep: 1,
        seed: a.seed,
        log_every: 25,
    }
}

pub fn run(a: &StudyArgs) -> Result<()> {
    let mut rows = vec![];
    for name in a.presets.split(',').map(str::trim) {
        let vit = preset(name)?;
        let mae_name = format!("mae-{}", name);
        let mae = preset(&mae_name)?;
        let enc = vit.encoder();
        eprintln!("\n=== {}: MAE pre-training ({} x {}) ===", name, enc.depth, enc.width);
        let pre_dir = a.out.join(&mae_name);
        let p =
            pretrain_mae(&MaeArgs { c: common(a, &mae_name, a.pretrain_steps, a.pretrain_base_lr, pre_dir.clone()), mask_ratio: None })?;
        eprintln!("\n=== {}: fine-tuning ===", name);
        let ck = p.last_checkpoint.clone().context("pre-training wrote no checkpoint")?;
        let ft = ClassifyArgs {
            c: common(a, name, a.finetune_steps, a.finetune_base_lr, a.out.join(format!("{}-finetune", name))),
            val_data: a.val_data.clone(),
            label_smoothing: 0.1,
            from: Some(ck),
            layer_decay: Some(a.layer_decay_total.powf(1.0 / (enc.depth as f64 + 1.0))),
            drop_path: None,
            no_mix: false,
            randaug: Some(a.randaug.clone()),
            reprob: Some(a.reprob),
            crop_scale: None,
            eval_crop: None,
        };
        let (f, acc) = classify(&ft, Mode::Finetune)?;
        rows.push(Row {
            name: name.to_string(),
            depth: enc.depth,
            width: enc.width,
            params: vit.params().total(),
            gflops: mae.flops().forward() as f64 / 1e9,
            pretrain_ex_s: p.examples_per_second,
            mae_loss: p.last.as_ref().map(|m| m.loss).unwrap_or(f32::NAN),
            finetune_ex_s: f.examples_per_second,
            accuracy: acc,
        });
    }
    println!("\n| model | depth x width | params | MAE fwd GFLOPs/img | MAE img/s | final MAE loss | fine-tune img/s | val accuracy |");
    println!("|---|---|---|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {} x {} | {:.2} M | {:.3} | {:.0} | {:.4} | {:.0} | {:.2}% |",
            r.name,
            r.depth,
            r.width,
            r.params as f64 / 1e6,
            r.gflops,
            r.pretrain_ex_s,
            r.mae_loss,
            r.finetune_ex_s,
            100.0 * r.accuracy
        );
    }
    Ok(())
}
