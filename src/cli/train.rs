//! Training recipes: `pretrain mae | bert | lm | clip`, `train vit`, `finetune`, `linprobe`.
//!
//! The flags fill the library's choices (`train::recipes`), which resolve into the run's
//! configuration (preset, then `--config` JSON, then flags); the recipe prints it, writes it next
//! to its checkpoints, and runs the shared loop.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::rerun::this_command;
use super::RuntimeArgs;
use crate::data::augment::Filter;
use crate::data::embedded::{embedded, embedded_path};
use crate::train::recipes::glue::DEFAULT_VOCAB;
use crate::train::recipes::settings::{Execution, DEFAULT_IMAGE_DATA, DEFAULT_VALIDATION_DATA};
use crate::train::recipes::{
    pretrain_bert, pretrain_clip, pretrain_lm, pretrain_mae, BertRun, Choices, ClassifyChoices, ClassifyRun, ClipChoices, ClipRun,
    LmChoices, LmRun, MaeChoices, MaeRun, Mode,
};

#[derive(Subcommand)]
pub enum Pretrain {
    /// MAE pre-training (mask ratio 0.75, norm_pix_loss, AdamW betas (0.9, 0.95)).
    Mae(MaeArgs),
    /// BERT pre-training: masked LM + next-sentence prediction with LAMB, linear warmup and decay.
    Bert(Common),
    /// CLIP contrastive pre-training (symmetric InfoNCE, AdamW betas (0.9, 0.98), weight decay
    /// 0.2) on image-caption pairs: each image's class as a caption ("a photo of a sneaker").
    Clip(ClipArgs),
    /// Causal language modelling (OPT): next-token prediction on packed text, AdamW (0.9, 0.95),
    /// linear warmup and decay, clipping at 1.0.
    Lm(LmArgs),
}

#[derive(Args, Debug)]
pub struct ClipArgs {
    #[command(flatten)]
    pub c: Common,
    /// Validation shards for the zero-shot accuracy after training (each image against the ten
    /// class captions).
    #[arg(long, default_value_t = embedded(DEFAULT_VALIDATION_DATA))]
    pub val_data: String,
}

#[derive(Args, Debug)]
pub struct LmArgs {
    #[command(flatten)]
    pub c: Common,
    /// Tokens per training sequence (the config's `seq_len` when unset).
    #[arg(long)]
    pub seq_len: Option<usize>,
    /// WordPiece vocabulary (BERT uncased) that tokenizes the text.
    #[arg(long, default_value_os_t = embedded_path(DEFAULT_VOCAB))]
    pub vocab: PathBuf,
}

#[derive(Subcommand)]
pub enum TrainCmd {
    /// ViT trained from scratch on labels: the paper's baseline objective.
    Vit(ClassifyArgs),
}

/// What every recipe takes.
#[derive(Args, Clone, Debug)]
pub struct Common {
    #[command(flatten)]
    pub rt: RuntimeArgs,
    /// Model preset (see `bamboo configs`); not needed with --config.
    #[arg(long, required_unless_present = "config")]
    pub preset: Option<String>,
    /// A JSON model configuration replacing the preset's (same fields as `bamboo configs show
    /// NAME`), or a run's config.json (its `model`). Unknown fields are refused.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Dropout rate (ViT: timm's `drop_rate`; BERT: `hidden_dropout_prob`; OPT: `dropout`); the
    /// config's when unset.
    #[arg(long)]
    pub dropout: Option<f64>,
    /// BERT's `attention_probs_dropout_prob`, OPT's `attention_dropout`; the config's when unset.
    #[arg(long)]
    pub attention_dropout: Option<f64>,
    /// At steps K, 2K, ... and at the last step, the step also computes each block's
    /// over-smoothing metrics on its batch
    /// (token std, cosine similarity, high-frequency share, residual to the mean token, and from
    /// 8 examples the effective rank and largest singular value), logged as `smoothing/*` series.
    #[arg(long, value_name = "K")]
    pub watch_smoothing: Option<u64>,
    /// Override the encoder depth / width / heads (a quick Bamboo variant).
    #[arg(long)]
    pub depth: Option<usize>,
    #[arg(long)]
    pub width: Option<usize>,
    #[arg(long)]
    pub heads: Option<usize>,
    /// Training shards (ImageNet-schema TFRecords; globs, comma separated); `pretrain bert`: its
    /// TFRecords; `pretrain lm`: text files (default datasets/wiki-sample/wiki.txt).
    #[arg(long, default_value_t = embedded(DEFAULT_IMAGE_DATA))]
    pub data: String,
    #[arg(long, default_value_t = 100)]
    pub steps: u64,
    /// Global batch (all devices, all accumulation steps).
    #[arg(long, default_value_t = 64)]
    pub batch: usize,
    /// Learning rate = base_lr x batch / 256.
    #[arg(long)]
    pub base_lr: Option<f64>,
    /// Absolute learning rate (instead of --base-lr).
    #[arg(long)]
    pub lr: Option<f64>,
    #[arg(long)]
    pub warmup: Option<u64>,
    #[arg(long)]
    pub weight_decay: Option<f64>,
    /// Global-norm gradient clipping.
    #[arg(long)]
    pub clip: Option<f64>,
    /// Micro-batches accumulated per step.
    #[arg(long, default_value_t = 1)]
    pub accum: usize,
    /// bf16 compute with f32 master weights.
    #[arg(long)]
    pub bf16: bool,
    /// Backward of the block loop: `save` every activation it needs, `dots` (keep matmul and
    /// reduction outputs, recompute the elementwise work between them) or `full` (recompute
    /// each block from its input).
    #[arg(long, default_value = "dots")]
    pub remat: String,
    /// Trace every block separately instead of a loop (for comparison).
    #[arg(long)]
    pub unrolled: bool,
    /// Run folder: checkpoints, metrics.jsonl, tb/, config.json.
    #[arg(long)]
    pub out: PathBuf,
    /// Continue from the newest checkpoint in --out.
    #[arg(long)]
    pub resume: bool,
    /// End this invocation after step K with a checkpoint, as a preempted machine would; the
    /// schedule still runs to --steps, and `--resume` continues the run from there.
    #[arg(long, value_name = "K")]
    pub stop_after: Option<u64>,
    /// Wait for each step to finish before reading and uploading the next batch (by default the
    /// host prepares batch k+1 and reads step k-1's loss while step k runs).
    #[arg(long)]
    pub sync_steps: bool,
    #[arg(long, default_value_t = 0)]
    pub checkpoint_every: u64,
    #[arg(long, default_value_t = 2)]
    pub keep: usize,
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    #[arg(long, default_value_t = 10)]
    pub log_every: u64,
}

/// The resize filter of an image recipe's crops, training and evaluation alike.
#[derive(Args, Clone, Copy, Debug)]
pub struct Interpolation {
    /// Resampling of the crops: `bicubic` (the MAE paper's transforms: torchvision's and timm's
    /// `interpolation=bicubic`) or `bilinear`.
    #[arg(long = "interpolation", value_name = "FILTER", default_value = "bicubic", value_parser = Filter::parse)]
    pub filter: Filter,
}

#[derive(Args, Debug)]
pub struct MaeArgs {
    #[command(flatten)]
    pub c: Common,
    #[arg(long)]
    pub mask_ratio: Option<f64>,
    #[command(flatten)]
    pub interpolation: Interpolation,
}

#[derive(Args, Debug)]
pub struct ClassifyArgs {
    #[command(flatten)]
    pub c: Common,
    /// Validation shards, evaluated after training.
    #[arg(long, default_value_t = embedded(DEFAULT_VALIDATION_DATA))]
    pub val_data: String,
    #[arg(long, default_value_t = 0.1)]
    pub label_smoothing: f64,
    /// Initial weights: an MAE checkpoint folder or model.safetensors (fine-tuning, linear probe).
    #[arg(long)]
    pub from: Option<PathBuf>,
    /// Layer-wise learning-rate decay (fine-tuning: 0.75 at base scale, 0.65 at large).
    #[arg(long)]
    pub layer_decay: Option<f64>,
    /// Stochastic depth rate of the last block (fine-tuning default 0.1, as the paper's Table 5).
    #[arg(long)]
    pub drop_path: Option<f64>,
    /// Turn off Mixup 0.8 / CutMix 1.0 (on by default when fine-tuning, as in Table 5). They mix
    /// whole batches on the host into soft targets (src/train/mix.rs), after the per-image
    /// transform.
    #[arg(long)]
    pub no_mix: bool,
    /// RandAugment on each 8-bit crop, as a timm-style spec: `rand-m9-mstd0.5-inc1` (Table 5),
    /// `m9-mstd0.5`, sections m (magnitude 0-10), n (ops per image), mstd, mmax, inc (0|1), p
    /// (probability per op); or `none`. Default: Table 5's for finetune and train vit, none for
    /// linprobe.
    #[arg(long, value_name = "SPEC")]
    pub randaug: Option<String>,
    /// Random erasing probability on the normalized image (one rectangle of 2-33% of the area,
    /// aspect 0.3-3.3, per-pixel normal noise); 0 turns it off. Default 0.25 for finetune and
    /// train vit, 0 for linprobe.
    #[arg(long, value_name = "P")]
    pub reprob: Option<f64>,
    /// RandomResizedCrop's smallest area fraction (default 0.08, the Inception crop of Table 5).
    /// At 28 px a crop of 8% is 8 x 8 pixels: small images want a larger floor.
    #[arg(long, value_name = "FRACTION")]
    pub crop_scale: Option<f64>,
    /// Evaluation crop: the central fraction of the short side that is kept and resized to the
    /// model's input (default 0.875, timm's `crop_pct`; 1 keeps the whole image).
    #[arg(long, value_name = "RATIO")]
    pub eval_crop: Option<f64>,
    #[command(flatten)]
    pub interpolation: Interpolation,
}

impl Common {
    /// The library's choices these flags give.
    pub fn choices(&self) -> Choices {
        Choices {
            preset: self.preset.clone(),
            config: self.config.clone(),
            dropout: self.dropout,
            attention_dropout: self.attention_dropout,
            depth: self.depth,
            width: self.width,
            heads: self.heads,
            data: self.data.clone(),
            steps: self.steps,
            batch: self.batch,
            base_lr: self.base_lr,
            lr: self.lr,
            warmup: self.warmup,
            weight_decay: self.weight_decay,
            clip: self.clip,
            accum: self.accum,
            bf16: self.bf16,
            remat: self.remat.clone(),
            unrolled: self.unrolled,
            seed: self.seed,
            execution: Execution {
                out: self.out.clone(),
                resume: self.resume,
                stop_after: self.stop_after,
                sync_steps: self.sync_steps,
                checkpoint_every: self.checkpoint_every,
                keep: self.keep,
                log_every: self.log_every,
                watch_smoothing: self.watch_smoothing,
                model_source: String::new(),
                runtime: self.rt.options(),
            },
        }
    }
}

impl ClassifyArgs {
    /// The library's choices for `mode` these flags give.
    fn choices(&self, mode: Mode) -> ClassifyChoices {
        ClassifyChoices {
            common: self.c.choices(),
            mode,
            val_data: self.val_data.clone(),
            label_smoothing: self.label_smoothing,
            from: self.from.clone(),
            layer_decay: self.layer_decay,
            drop_path: self.drop_path,
            no_mix: self.no_mix,
            randaug: self.randaug.clone(),
            reprob: self.reprob,
            crop_scale: self.crop_scale,
            eval_crop: self.eval_crop,
            interpolation: self.interpolation.filter,
        }
    }
}

pub fn pretrain(cmd: &Pretrain) -> Result<()> {
    let command = Some(this_command());
    match cmd {
        Pretrain::Mae(a) => {
            let choices = MaeChoices { common: a.c.choices(), mask_ratio: a.mask_ratio, interpolation: a.interpolation.filter };
            pretrain_mae(&MaeRun { command, ..MaeRun::resolve(&choices)? }).map(drop)
        }
        Pretrain::Bert(a) => pretrain_bert(&BertRun { command, ..BertRun::resolve(&a.choices())? }).map(drop),
        Pretrain::Lm(a) => {
            let choices = LmChoices { common: a.c.choices(), seq_len: a.seq_len, vocab: a.vocab.clone() };
            pretrain_lm(&LmRun { command, ..LmRun::resolve(&choices)? }).map(drop)
        }
        Pretrain::Clip(a) => {
            let choices = ClipChoices { common: a.c.choices(), val_data: a.val_data.clone() };
            pretrain_clip(&ClipRun { command, ..ClipRun::resolve(&choices)? }).map(drop)
        }
    }
}

pub fn train(cmd: &TrainCmd) -> Result<()> {
    match cmd {
        TrainCmd::Vit(a) => classify(a, Mode::Scratch),
    }
}

/// `finetune`, `linprobe`, `train vit`: supervised training, then the validation accuracy.
pub fn classify(a: &ClassifyArgs, mode: Mode) -> Result<()> {
    let run = ClassifyRun { command: Some(this_command()), ..ClassifyRun::resolve(&a.choices(mode))? };
    crate::train::recipes::classify(&run).map(drop)
}
