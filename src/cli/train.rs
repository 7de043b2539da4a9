//! Training recipes: `pretrain mae | bert | lm | clip`, `train vit`, `finetune`, `linprobe`.
//!
//! Each resolves a configuration (preset, then `--config` JSON, then flags), prints it, writes it
//! next to its checkpoints, and runs the shared loop.

use std::path::PathBuf;

use anyhow::{bail, ensure, Context, Result};
use clap::{Args, Subcommand};
use serde_json::json;

use super::RuntimeArgs;
use crate::checkpoint::Tensors;
use crate::config::{preset, ClipConfig, MaeConfig, ModelConfig, OptConfig, VitConfig};
use crate::data::augment::{Filter, Transform};
use crate::data::embedded::{embedded, embedded_path};
use crate::data::erasing::RandomErasing;
use crate::data::randaugment::RandAugment;
use crate::graph::Remat;
use crate::nn::stack::StackOptions;
use crate::optim::{Optimizer, Schedule};
use crate::program::Program;
use crate::runtime::{Arg, Client, CompileOptions};
use crate::train::checks;
use crate::train::objective::{BertPretrain, CausalLm, Classify, ClipContrastive, MaePretrain, Objective};
use crate::train::run::{run, run_evaluated, RunOptions, RunSummary, Start};
use crate::train::sources::{BatchSource, BertSource, ImageSource, ImageTask, LmSource};
use crate::train::step::{build_eval_step, StepConfig};
use crate::train::trainer::{Loaded, Trainer};
use crate::train::weights::Fit;

#[derive(Subcommand)]
pub enum Pretrain {
    /// MAE pre-training (mask ratio 0.75, norm_pix_loss, AdamW betas (0.9, 0.95)).
    Mae(MaeCmd),
    /// BERT pre-training: masked LM + next-sentence prediction with LAMB, linear warmup and decay.
    Bert(BertArgs),
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
    #[arg(long, default_value_t = embedded("datasets/fashion-mnist-tfrecord/validation-*"))]
    pub val_data: String,
}

/// The keys under which the image recipes log their evaluations (metrics.jsonl, TensorBoard,
/// results.json).
pub const VAL_ACCURACY: &str = "eval/accuracy";
pub const ZERO_SHOT_ACCURACY: &str = "eval/zero_shot_accuracy";

/// The image data `--data` defaults to; the text recipe reads its own default instead.
const DEFAULT_IMAGE_DATA: &str = "datasets/fashion-mnist-tfrecord/train-*";

#[derive(Args, Debug)]
pub struct LmArgs {
    #[command(flatten)]
    pub c: Common,
    /// Tokens per training sequence (the config's `seq_len` when unset).
    #[arg(long)]
    pub seq_len: Option<usize>,
    /// WordPiece vocabulary (BERT uncased) that tokenizes the text.
    #[arg(long, default_value_os_t = embedded_path("datasets/bert-vocab/vocab.txt"))]
    pub vocab: PathBuf,
}

impl LmArgs {
    /// `--data` for this recipe: text files in BERT's format (comma separated, local), by
    /// default the embedded Wikipedia sample.
    pub fn text_files(&self) -> Vec<PathBuf> {
        let wiki = embedded("datasets/wiki-sample/wiki.txt");
        let data = if self.c.data == embedded(DEFAULT_IMAGE_DATA) { wiki.as_str() } else { self.c.data.as_str() };
        data.split(',').map(|p| PathBuf::from(p.trim())).collect()
    }
}

#[derive(Args, Debug)]
pub struct BertArgs {
    #[command(flatten)]
    pub c: Common,
}

#[derive(Subcommand)]
pub enum TrainCmd {
    /// ViT trained from scratch on labels: the paper's baseline objective.
    Vit(ClassifyCmd),
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

/// `pretrain mae`: the recipe's arguments and the crops' filter.
#[derive(Args, Debug)]
pub struct MaeCmd {
    #[command(flatten)]
    pub args: MaeArgs,
    #[command(flatten)]
    pub interpolation: Interpolation,
}

/// `finetune`, `linprobe`, `train vit`: the recipe's arguments and the crops' filter.
#[derive(Args, Debug)]
pub struct ClassifyCmd {
    #[command(flatten)]
    pub args: ClassifyArgs,
    #[command(flatten)]
    pub interpolation: Interpolation,
}

#[derive(Args, Debug)]
pub struct MaeArgs {
    #[command(flatten)]
    pub c: Common,
    #[arg(long)]
    pub mask_ratio: Option<f64>,
}

#[derive(Args, Debug)]
pub struct ClassifyArgs {
    #[command(flatten)]
    pub c: Common,
    /// Validation shards, evaluated after training.
    #[arg(long, default_value_t = embedded("datasets/fashion-mnist-tfrecord/validation-*"))]
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
}

impl ClassifyArgs {
    /// The per-image training transform of `mode`, with `--randaug` / `--reprob` applied (and the
    /// reference's bicubic crops).
    pub fn transform(&self, mode: Mode) -> Result<Transform> {
        let base = if mode == Mode::LinearProbe { Transform::linprobe() } else { Transform::finetune() };
        let Transform::Train { randaug, erase, .. } = base else { unreachable!("training transforms crop") };
        let randaug = match &self.randaug {
            Some(spec) => RandAugment::parse(spec).map_err(|e| anyhow::anyhow!("--randaug: {}", e))?,
            None => randaug,
        };
        let erase = match self.reprob {
            Some(p) if !(0.0..=1.0).contains(&p) => bail!("--reprob must be in [0, 1], got {}", p),
            Some(0.0) => None,
            Some(p) => Some(RandomErasing::with_prob(p)),
            None => erase,
        };
        let base = match self.crop_scale {
            Some(lo) if !(lo > 0.0 && lo <= 1.0) => bail!("--crop-scale must be in (0, 1], got {}", lo),
            Some(lo) => base.with_min_scale(lo),
            None => base,
        };
        Ok(base.with_extras(randaug, erase))
    }

    /// The validation transform: a center crop of `--eval-crop` (the reference's bicubic resize).
    pub fn eval_transform(&self) -> Result<Transform> {
        match self.eval_crop {
            Some(r) if !(r > 0.0 && r <= 1.0) => bail!("--eval-crop must be in (0, 1], got {}", r),
            Some(r) => Ok(Transform::Eval { crop_ratio: r, filter: Transform::eval().filter() }),
            None => Ok(Transform::eval()),
        }
    }
}

impl Common {
    fn devices(&self) -> usize {
        self.rt.devices.unwrap_or(1).max(1) as usize
    }

    /// Where the model configuration comes from, as the user wrote it (for messages).
    pub fn source(&self) -> String {
        match (&self.config, &self.preset) {
            (Some(p), _) => format!("--config {}", p.display()),
            (None, Some(name)) => format!("--preset {name}"),
            (None, None) => "--preset".into(),
        }
    }

    /// The flags checked before any model is built, compiled or written (`train::checks`).
    pub fn check(&self) -> Result<()> {
        self.rt.check_devices()?;
        checks::steps(self.steps)?;
        if let Some(lr) = self.lr {
            checks::learning_rate("--lr", lr)?;
        }
        if let Some(lr) = self.base_lr {
            checks::learning_rate("--base-lr", lr)?;
        }
        self.check_batch()?;
        checks::out_dir(&self.out)
    }

    /// `--config`, else the preset, then flags; validated after the flags above are checked.
    pub fn model_config(&self) -> Result<ModelConfig> {
        self.check()?;
        let m = match (&self.config, &self.preset) {
            (Some(p), _) => {
                let text = std::fs::read_to_string(p).with_context(|| format!("--config {}", p.display()))?;
                ModelConfig::from_file_text(&text).with_context(|| format!("--config {}", p.display()))?
            }
            (None, Some(name)) => preset(name)?,
            (None, None) => bail!("--preset or --config is required"),
        };
        let mut e = m.encoder();
        if let Some(d) = self.depth {
            e.depth = d;
        }
        if let Some(w) = self.width {
            e.width = w;
            e.mlp_dim = 4 * w;
        }
        if let Some(h) = self.heads {
            e.heads = h;
        }
        let mut m = m.with_encoder(e);
        match &mut m {
            ModelConfig::Vit(v) => {
                ensure!(self.attention_dropout.is_none(), "--attention-dropout: the ViT recipes have one dropout rate (--dropout)");
                v.dropout = self.dropout.unwrap_or(v.dropout);
            }
            ModelConfig::Bert(b) => {
                b.hidden_dropout = self.dropout.unwrap_or(b.hidden_dropout);
                b.attention_dropout = self.attention_dropout.unwrap_or(b.attention_dropout);
            }
            ModelConfig::Clip(_) => {
                // CLIP's towers are traced without dropout sites (OpenAI trained without).
                ensure!(
                    self.dropout.is_none() && self.attention_dropout.is_none(),
                    "--dropout / --attention-dropout: the CLIP model has no dropout"
                );
            }
            ModelConfig::Opt(o) => {
                o.dropout = self.dropout.unwrap_or(o.dropout);
                o.attention_dropout = self.attention_dropout.unwrap_or(o.attention_dropout);
            }
            ModelConfig::Mae(_) => {
                // MAE pre-training uses neither (the paper's recipe); the fine-tuned ViT does.
                ensure!(self.attention_dropout.is_none(), "--attention-dropout does not apply to an MAE preset");
            }
        }
        m.validate()?;
        Ok(m)
    }

    fn check_batch(&self) -> Result<usize> {
        if let Some(k) = self.stop_after {
            ensure!(k >= 1 && k <= self.steps, "--stop-after {} must lie between 1 and --steps {}", k, self.steps);
        }
        checks::micro_batch(self.batch, self.devices(), self.accum)
    }

    pub fn run_stack(&self) -> Result<StackOptions> {
        self.stack()
    }

    fn stack(&self) -> Result<StackOptions> {
        let remat = Remat::parse(&self.remat).ok_or_else(|| anyhow::anyhow!("--remat must be {}, got `{}`", Remat::NAMES, self.remat))?;
        Ok(StackOptions { remat, unrolled: self.unrolled, keep_hidden: false })
    }

    pub fn lr(&self, default_base: f64) -> f64 {
        self.lr.unwrap_or(self.base_lr.unwrap_or(default_base) * self.batch as f64 / 256.0)
    }

    pub fn step_config(
        &self,
        optimizer: Optimizer,
        default_base_lr: f64,
        default_wd: f64,
        layer_decay: Option<(usize, f64)>,
    ) -> Result<StepConfig> {
        let lr = self.lr(default_base_lr);
        let warmup = self.warmup.unwrap_or(self.steps / 10);
        Ok(StepConfig {
            optimizer,
            schedule: Schedule::WarmupCosine { lr, warmup, total: self.steps, min_lr: 0.0 },
            weight_decay: self.weight_decay.unwrap_or(default_wd),
            layer_decay,
            clip: self.clip,
            replicas: self.devices(),
            accum: self.accum.max(1),
            micro_batch: self.check_batch()?,
            bf16: self.bf16,
            stack: self.stack()?,
            train_only: None,
        })
    }

    /// The compiled training step with fresh weights (and its smoothing-watching variant when
    /// `--watch-smoothing` asks for one).
    pub fn trainer(&self, client: &Client, obj: &dyn Objective, step: StepConfig) -> Result<Trainer> {
        if let Some(k) = self.watch_smoothing {
            ensure!(k >= 1, "--watch-smoothing must be at least 1 (steps between watched steps), got {}", k);
            ensure!(
                self.accum <= 1,
                "--watch-smoothing needs --accum 1 (it reports one micro-batch's metrics), got --accum {}",
                self.accum
            );
        }
        let mut trainer = Trainer::new(client, obj, step, self.seed)?;
        if let Some(k) = self.watch_smoothing {
            trainer.watch_smoothing(obj, k)?;
        }
        eprintln!("compiled the training step in {:.2} s", trainer.program.compile_seconds());
        Ok(trainer)
    }

    /// The run folder checked against this run before anything compiles (`train::run::plan`):
    /// an existing run without `--resume`, or a resume that changes the recipe, model or global
    /// batch, is an error. A resume of a finished run returns its summary (nothing to train).
    pub fn preflight(&self, resolved: &serde_json::Value) -> Result<Option<RunSummary>> {
        let opts = self.run_options(resolved.clone());
        Ok(match crate::train::run::plan(&opts)? {
            Start::Complete { ckpt, step } => {
                eprintln!("{}", crate::train::run::complete_message(&opts, &ckpt, step));
                Some(RunSummary {
                    first_loss: None,
                    last: None,
                    steps_run: 0,
                    seconds: 0.0,
                    examples_per_second: 0.0,
                    last_checkpoint: Some(ckpt),
                    evaluations: vec![],
                })
            }
            _ => None,
        })
    }

    pub fn run_options(&self, mut config: serde_json::Value) -> RunOptions {
        // The command line too, so that `--config runs/x/config.json` can start the run again.
        if let Some(fields) = config.as_object_mut() {
            fields.insert("command".into(), json!(super::rerun::this_command()));
        }
        RunOptions {
            out_dir: self.out.clone(),
            steps: self.stop_after.map_or(self.steps, |k| k.min(self.steps)),
            checkpoint_every: self.checkpoint_every,
            keep: self.keep,
            log_every: self.log_every,
            resume: self.resume,
            config,
            batch: self.batch,
            process: self.rt.process_shard(),
            overlap: !self.sync_steps,
        }
    }
}

fn print_config(kind: &str, v: &serde_json::Value) {
    eprintln!("{}: resolved configuration\n{}", kind, serde_json::to_string_pretty(v).unwrap_or_default());
}

fn report(s: &RunSummary) {
    if let Some(m) = &s.last {
        eprintln!(
            "done: {} steps in {:.1} s ({:.1} examples/s); loss {:.4} -> {:.4}; checkpoint {}",
            s.steps_run,
            s.seconds,
            s.examples_per_second,
            s.first_loss.unwrap_or(f32::NAN),
            m.loss,
            s.last_checkpoint.as_ref().map(|p| p.display().to_string()).unwrap_or_default()
        );
    }
}

pub fn pretrain(cmd: &Pretrain) -> Result<()> {
    match cmd {
        Pretrain::Mae(a) => pretrain_mae_with(&a.args, a.interpolation.filter).map(|_| ()),
        Pretrain::Bert(a) => pretrain_bert(a).map(|_| ()),
        Pretrain::Lm(a) => pretrain_lm(a).map(|_| ()),
        Pretrain::Clip(a) => pretrain_clip(a).map(|_| ()),
    }
}

/// CLIP's objective on labelled images: the label's caption is the text of the pair. With ten
/// captions a batch holds duplicates, and the standard InfoNCE loss used here counts an equal
/// caption of another image as a negative; the loss cannot reach 0 and the image->text accuracy
/// counts ties as hits (see `ClipContrastive`). The negatives are the examples of one
/// micro-batch on one device (no gathering of features across devices as open_clip does).
pub fn pretrain_clip(a: &ClipArgs) -> Result<RunSummary> {
    let c = &a.c;
    let cfg = match c.model_config()? {
        ModelConfig::Clip(m) => m,
        _ => bail!("{}: `pretrain clip` needs a CLIP preset (clip-t28, bamboo-clip-t28, clip-vit-b32, ...)", c.source()),
    };
    ensure!(
        cfg.vocab_size >= crate::data::captions::VOCAB_SIZE && cfg.eos_token_id.is_none_or(|e| e as i32 == crate::data::captions::EOS),
        "{}: the captions need vocab_size >= {} and eos_token_id null or {} (the caption vocabulary's end-of-text id); the config has {} and {}",
        c.source(),
        crate::data::captions::VOCAB_SIZE,
        crate::data::captions::EOS,
        cfg.vocab_size,
        cfg.eos_token_id.map_or("null".into(), |e| e.to_string())
    );
    // Validates the longest caption against the config's length before anything compiles.
    crate::data::captions::encode_labels(&[9], cfg.seq_len).with_context(|| format!("{}: seq_len", c.source()))?;
    let step = c.step_config(Optimizer::AdamW { beta1: 0.9, beta2: 0.98, eps: 1e-6 }, 1e-3, 0.2, None)?;
    let resolved = json!({ "recipe": "pretrain clip", "model": ModelConfig::Clip(cfg.clone()), "step": step.to_json(), "batch": c.batch, "steps": c.steps, "data": c.data, "seed": c.seed });
    print_config("pretrain clip", &resolved);
    if let Some(done) = c.preflight(&resolved)? {
        return Ok(done);
    }
    let classes = crate::data::captions::FASHION_CLASSES.len();
    let task = ImageTask::Captions { seq_len: cfg.seq_len };
    // open_clip's training crop: RandomResizedCrop at scale 0.9-1.0 (no flip there; kept off).
    // Bilinear here (open_clip resizes bicubically; this recipe predates the choice).
    let transform =
        Transform::Train { scale: (0.9, 1.0), ratio: (0.75, 4.0 / 3.0), flip: 0.0, randaug: None, erase: None, filter: Filter::Bilinear };
    let mut src =
        ImageSource::new(&c.data, c.batch / c.accum.max(1), cfg.image_size, cfg.channels, classes, transform, task, c.seed, c.accum, None)?;
    let client = c.rt.client()?;
    let obj = ClipContrastive(cfg.clone());
    let mut trainer = c.trainer(&client, &obj, step)?;
    let mut validate = |t: &Trainer| Ok(vec![(ZERO_SHOT_ACCURACY.to_string(), zero_shot(&client, &cfg, t, &a.val_data, c)?)]);
    let s = run_evaluated(&mut trainer, &mut src, &c.run_options(resolved), &mut validate)?;
    report(&s);
    eprintln!("zero-shot validation accuracy (the ten class captions): {:.4}", s.evaluations[0].1);
    Ok(s)
}

/// MAE pre-training with bilinear crops, as before the filter was a choice (what `bamboo study`
/// runs); `pretrain mae` calls `pretrain_mae_with` and `--interpolation`, bicubic by default.
pub fn pretrain_mae(a: &MaeArgs) -> Result<RunSummary> {
    pretrain_mae_with(a, Filter::Bilinear)
}

/// MAE pre-training with crops resized by `filter`.
pub fn pretrain_mae_with(a: &MaeArgs, filter: Filter) -> Result<RunSummary> {
    let c = &a.c;
    let mut cfg: MaeConfig = match c.model_config()? {
        ModelConfig::Mae(m) => m,
        ModelConfig::Vit(v) => MaeConfig::from_vit(&v),
        ModelConfig::Bert(_) | ModelConfig::Opt(_) => bail!("{}: a text preset cannot be MAE pre-trained", c.source()),
        ModelConfig::Clip(_) => bail!("{}: a CLIP preset cannot be MAE pre-trained (`pretrain clip` trains it)", c.source()),
    };
    if let Some(r) = a.mask_ratio {
        cfg.mask_ratio = r;
    }
    ensure!(c.dropout.is_none(), "--dropout: MAE pre-training runs without dropout (the paper's recipe); set it when fine-tuning");
    ModelConfig::Mae(cfg.clone()).validate()?;
    let step = c.step_config(Optimizer::AdamW { beta1: 0.9, beta2: 0.95, eps: 1e-8 }, 1.5e-4, 0.05, None)?;
    let resolved = json!({ "recipe": "pretrain mae", "model": ModelConfig::Mae(cfg.clone()), "step": step.to_json(), "batch": c.batch, "steps": c.steps, "data": c.data, "interpolation": filter.name(), "seed": c.seed });
    print_config("pretrain mae", &resolved);
    if let Some(done) = c.preflight(&resolved)? {
        return Ok(done);
    }
    let mut src = ImageSource::new(
        &c.data,
        c.batch / c.accum.max(1),
        cfg.image_size,
        cfg.channels,
        1000,
        Transform::mae().with_filter(filter),
        ImageTask::Mae { patches: cfg.num_patches() },
        c.seed,
        c.accum,
        None,
    )?;
    let client = c.rt.client()?;
    let obj = MaePretrain(cfg.clone());
    let mut trainer = c.trainer(&client, &obj, step)?;
    let s = run(&mut trainer, &mut src, &c.run_options(resolved))?;
    report(&s);
    Ok(s)
}

/// CLIP's zero-shot classification: each validation image goes to the class whose caption
/// scores highest (one pass, center crops, device 0).
fn zero_shot(client: &Client, cfg: &ClipConfig, trainer: &Trainer, data: &str, c: &Common) -> Result<f64> {
    use crate::data::captions::{encode_labels, FASHION_CLASSES};
    use crate::graph::{DType, Function, Graph};
    use crate::models::{clip, Params};
    let (b, k, s) = (100usize.min(c.batch.max(1)), FASHION_CLASSES.len(), cfg.seq_len);
    let g = Graph::new("clip_zero_shot");
    let params = Params::declare(&g, &clip::param_specs(cfg), DType::F32);
    let size = cfg.image_size as i64;
    let images = g.param("images", &[b as i64, cfg.channels as i64, size, size], DType::F32);
    let labels = g.param("labels", &[b as i64], DType::I32);
    let captions = g.param("captions", &[k as i64, s as i64], DType::I32);
    let out =
        clip::forward(cfg, &params, &clip::ClipInputs { pixel_values: &images, input_ids: &captions, attention_mask: None }, &c.stack()?)?;
    let f = Function::new(&g, &[crate::train::objective::accuracy(&out.logits_per_image, &labels)?])?;
    let prog = Program::compile(client, &f, &CompileOptions::default())?;
    let fixed = trainer.host_state()?.0.iter().map(|h| client.to_device(h, 0)).collect::<std::result::Result<Vec<_>, _>>()?;
    let ids = crate::runtime::HostTensor::from_slice(&[k as i64, s as i64], &encode_labels(&(0..k as i32).collect::<Vec<_>>(), s)?)?;
    let caption_buf = client.to_device(&ids, 0)?;
    let src = ImageSource::new(
        data,
        b,
        cfg.image_size,
        cfg.channels,
        k,
        Transform::eval().with_filter(Filter::Bilinear),
        ImageTask::Labels { drop_path: None, mix: None },
        0,
        1,
        Some(1),
    )?;
    mean_over_validation(client, src, b, data, |xs| {
        let args: Vec<Arg> = fixed.iter().chain(xs).chain([&caption_buf]).map(Arg::Borrow).collect();
        Ok(prog.run(args)?[0].to_host()?.to_scalar::<f32>()? as f64)
    })
    .context("--val-data")
}

pub fn pretrain_bert(a: &BertArgs) -> Result<RunSummary> {
    let c = &a.c;
    let cfg = match c.model_config()? {
        ModelConfig::Bert(b) => b,
        _ => bail!("{}: `pretrain bert` needs a BERT preset (bert-mini, bert-base, ...)", c.source()),
    };
    let mut step = c.step_config(Optimizer::Lamb { beta1: 0.9, beta2: 0.999, eps: 1e-6 }, 1e-3, 0.01, None)?;
    let lr = c.lr(1e-3);
    step.schedule = Schedule::WarmupLinear { lr, warmup: c.warmup.unwrap_or(c.steps / 10), total: c.steps };
    let resolved = json!({ "recipe": "pretrain bert", "model": ModelConfig::Bert(cfg.clone()), "step": step.to_json(), "batch": c.batch, "steps": c.steps, "data": c.data, "seed": c.seed });
    print_config("pretrain bert", &resolved);
    if let Some(done) = c.preflight(&resolved)? {
        return Ok(done);
    }
    let mut src = BertSource::new(&c.data, c.batch, cfg.seq_len, cfg.max_predictions, c.seed)?;
    if cfg.hidden_dropout > 0.0 || cfg.attention_dropout > 0.0 {
        src = src.with_dropout_keys(c.seed);
    }
    let client = c.rt.client()?;
    let obj = BertPretrain(cfg.clone());
    let mut trainer = c.trainer(&client, &obj, step)?;
    let s = run(&mut trainer, &mut src, &c.run_options(resolved))?;
    report(&s);
    Ok(s)
}

pub fn pretrain_lm(a: &LmArgs) -> Result<RunSummary> {
    let c = &a.c;
    let mut cfg: OptConfig = match c.model_config()? {
        ModelConfig::Opt(o) => o,
        _ => bail!("{}: `pretrain lm` needs an OPT preset (opt-mini, opt-125m, ...)", c.source()),
    };
    if let Some(s) = a.seq_len {
        cfg.seq_len = s;
    }
    ModelConfig::Opt(cfg.clone()).validate().context("--seq-len")?;
    // The text, tokenized and packed, before anything compiles: a bad file fails at once.
    let tok = crate::data::text::Tokenizer::load_uncased(&a.vocab).with_context(|| format!("--vocab {}", a.vocab.display()))?;
    let vocab = &tok.vocab;
    ensure!(
        vocab.len() <= cfg.vocab_size,
        "--vocab {} has {} tokens, more than the model's vocab_size = {}",
        a.vocab.display(),
        vocab.len(),
        cfg.vocab_size
    );
    let sep = vocab.id("[SEP]").with_context(|| format!("--vocab {} has no [SEP] token to separate documents", a.vocab.display()))?;
    let files = a.text_files();
    let names = files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(",");
    let mut docs = vec![];
    for f in &files {
        let d = crate::data::text::corpus::read_documents(f).with_context(|| format!("--data {}", f.display()))?;
        docs.extend(crate::data::text::tokenize_documents(&tok, &d, 2));
    }
    let packed = crate::data::text::lm::pack(&docs, sep, cfg.seq_len, &format!("--data {}", names))?;
    eprintln!("{}: {} documents, {} tokens, {} sequences of {}", names, packed.documents, packed.tokens, packed.sequences(), cfg.seq_len);
    let mut src = LmSource::new(packed, c.batch, c.accum, c.seed, &format!("--data {}", names))?;
    if cfg.dropout > 0.0 || cfg.attention_dropout > 0.0 {
        src = src.with_dropout_keys(c.seed);
    }
    let mut step = c.step_config(Optimizer::AdamW { beta1: 0.9, beta2: 0.95, eps: 1e-8 }, 6e-4, 0.1, None)?;
    step.schedule = Schedule::WarmupLinear { lr: c.lr(6e-4), warmup: c.warmup.unwrap_or(c.steps / 10), total: c.steps };
    step.clip = Some(c.clip.unwrap_or(1.0));
    let resolved = json!({ "recipe": "pretrain lm", "model": ModelConfig::Opt(cfg.clone()), "step": step.to_json(), "batch": c.batch, "steps": c.steps, "data": names, "vocab": a.vocab, "seed": c.seed });
    print_config("pretrain lm", &resolved);
    if let Some(done) = c.preflight(&resolved)? {
        return Ok(done);
    }
    let client = c.rt.client()?;
    let obj = CausalLm(cfg.clone());
    let mut trainer = c.trainer(&client, &obj, step)?;
    let s = run(&mut trainer, &mut src, &c.run_options(resolved))?;
    report(&s);
    Ok(s)
}

pub fn train(cmd: &TrainCmd) -> Result<()> {
    match cmd {
        TrainCmd::Vit(a) => classify_with(&a.args, Mode::Scratch, a.interpolation.filter).map(|_| ()),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Scratch,
    Finetune,
    LinearProbe,
}

/// `classify_with` bilinear crops, as before the filter was a choice (what `bamboo study` runs);
/// the `finetune`, `linprobe` and `train vit` commands take `--interpolation`, bicubic by default.
pub fn classify(a: &ClassifyArgs, mode: Mode) -> Result<(RunSummary, f64)> {
    classify_with(a, mode, Filter::Bilinear)
}

/// Supervised training in one of three modes with crops (training and validation) resized by
/// `filter`; returns the run and the validation accuracy.
pub fn classify_with(a: &ClassifyArgs, mode: Mode, filter: Filter) -> Result<(RunSummary, f64)> {
    let c = &a.c;
    let cfg: VitConfig = match c.model_config()? {
        ModelConfig::Vit(v) => v,
        ModelConfig::Mae(m) => {
            let mut v = VitConfig::new(m.image_size, m.patch_size, m.encoder, 10);
            v.channels = m.channels;
            v.layer_norm_eps = m.layer_norm_eps;
            v.dropout = c.dropout.unwrap_or(0.0);
            v
        }
        ModelConfig::Bert(_) | ModelConfig::Opt(_) => bail!("{}: a text preset is not an image classifier", c.source()),
        ModelConfig::Clip(_) => bail!("{}: a CLIP preset is not an image classifier", c.source()),
    };
    let mut cfg = cfg;
    cfg.drop_path = a.drop_path.unwrap_or(if mode == Mode::Finetune { 0.1 } else { cfg.drop_path });
    ModelConfig::Vit(cfg.clone()).validate()?;
    let depth = cfg.encoder.depth;
    let (optimizer, base_lr, wd, layer_decay) = match mode {
        Mode::Scratch => (Optimizer::AdamW { beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 5e-4, 0.05, None),
        Mode::Finetune => {
            (Optimizer::AdamW { beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 1e-3, 0.05, Some((depth, a.layer_decay.unwrap_or(0.75))))
        }
        Mode::LinearProbe => (Optimizer::Lars { momentum: 0.9, trust: 0.001, eps: 1e-8 }, 0.1, 0.0, None),
    };
    let mut step = c.step_config(optimizer, base_lr, wd, layer_decay)?;
    if mode == Mode::LinearProbe {
        // The encoder stays frozen; only the normalization before the head and the head learn.
        step.train_only = Some(vec!["fc_norm.weight".into(), "fc_norm.bias".into(), "head.weight".into(), "head.bias".into()]);
    }
    let recipe = match mode {
        Mode::Scratch => "train vit",
        Mode::Finetune => "finetune",
        Mode::LinearProbe => "linprobe",
    };
    let transform = a.transform(mode)?.with_filter(filter);
    let eval_transform = a.eval_transform()?.with_filter(filter);
    let (randaug, reprob) = match transform {
        Transform::Train { randaug, erase, .. } => {
            (randaug.map(|r| r.spec()).unwrap_or("none".into()), erase.map(|e| e.prob).unwrap_or(0.0))
        }
        Transform::Eval { .. } => ("none".into(), 0.0),
    };
    let resolved = json!({ "recipe": recipe, "model": ModelConfig::Vit(cfg.clone()), "step": step.to_json(), "batch": c.batch, "steps": c.steps, "data": c.data, "from": a.from, "label_smoothing": a.label_smoothing, "randaug": randaug, "reprob": reprob, "mix": mode == Mode::Finetune && !a.no_mix, "crop_scale": transform.min_scale(), "eval_crop": eval_transform.crop_ratio(), "interpolation": filter.name(), "seed": c.seed });
    print_config(recipe, &resolved);
    // A finished run is not trained again; `run` restores it and the validation below reports it.
    c.preflight(&resolved)?;
    let drop_path = (cfg.drop_path > 0.0).then_some((cfg.encoder.depth, cfg.drop_path));
    let mix = (mode == Mode::Finetune && !a.no_mix).then(|| crate::train::mix::MixConfig {
        label_smoothing: a.label_smoothing,
        ..crate::train::mix::MixConfig::table5(cfg.num_classes)
    });
    let mut src = ImageSource::new(
        &c.data,
        c.batch / c.accum.max(1),
        cfg.image_size,
        cfg.channels,
        cfg.num_classes,
        transform,
        ImageTask::Labels { drop_path, mix },
        c.seed,
        c.accum,
        None,
    )?;
    if cfg.dropout > 0.0 {
        src = src.with_dropout_keys();
    }
    if mode != Mode::Scratch && a.from.is_none() {
        bail!("--from is required for {}", recipe);
    }
    // The initial weights are read and checked before anything compiles.
    let from = a
        .from
        .as_deref()
        .map(|f| crate::checkpoint::commit::load_model(f).with_context(|| format!("--from {}", f.display())))
        .transpose()?;
    let obj = Classify {
        config: cfg.clone(),
        label_smoothing: if mode == Mode::LinearProbe { 0.0 } else { a.label_smoothing },
        soft_targets: mix.is_some(),
    };
    let from = from.map(|(file, src)| from_weights(&obj, &file, src, c).map(|w| (file, w))).transpose()?;
    let client = c.rt.client()?;
    let mut trainer = c.trainer(&client, &obj, step.clone())?;
    let loaded = load_from(&mut trainer, from)?;
    let mut validate = |t: &Trainer| Ok(vec![(VAL_ACCURACY.to_string(), evaluate(&client, &obj, t, &a.val_data, eval_transform, c)?)]);
    let s = run_evaluated(&mut trainer, &mut src, &c.run_options(resolved), &mut validate)?;
    record_loaded(&loaded, c)?;
    report(&s);
    let acc = s.evaluations[0].1;
    eprintln!("validation accuracy: {:.4}", acc);
    Ok((s, acc))
}

/// Loads `--from`'s weights into the trainer and prints which were loaded, new and unused.
pub(super) fn load_from(trainer: &mut Trainer, from: Option<(PathBuf, Tensors)>) -> Result<Option<(PathBuf, Loaded)>> {
    let Some((file, weights)) = from else { return Ok(None) };
    let loaded = trainer.load_weights(&weights).with_context(|| format!("--from {}", file.display()))?;
    eprintln!("{}", loaded.summary(&file));
    Ok(Some((file, loaded)))
}

/// Writes `loaded_weights.json` (process 0). Called after `run`, once the run folder is known
/// to be this run's (run refuses another run's).
pub(super) fn record_loaded(loaded: &Option<(PathBuf, Loaded)>, c: &Common) -> Result<()> {
    match (loaded, c.rt.process_shard().index) {
        (Some((file, loaded)), 0) => loaded.record(file, &c.out),
        _ => Ok(()),
    }
}

/// `--from`'s tensors under the classifier's names (an MAE encoder's, Hugging Face ViT's are
/// renamed), checked
/// against the model before anything compiles.
fn from_weights(obj: &Classify, file: &std::path::Path, src: Tensors, c: &Common) -> Result<Tensors> {
    let (weights, family) = crate::train::hf_names::vit_names(src).with_context(|| format!("--from {}", file.display()))?;
    if let Some(f) = family {
        eprintln!("--from {}: {}", file.display(), f.describe());
    }
    let what = format!("{} (--from)", file.display());
    Fit::of(&obj.param_specs(), &weights, true, true).check(&what, &c.source())?;
    Ok(weights)
}

/// Top-1 accuracy over the validation shards (one pass, center crops, device 0).
pub fn evaluate(client: &Client, obj: &Classify, trainer: &Trainer, data: &str, transform: Transform, c: &Common) -> Result<f64> {
    let b = 100usize.min(c.batch.max(1));
    // Evaluation runs every block and every unit: no stochastic depth, no dropout.
    let mut eval_cfg = obj.config.clone();
    eval_cfg.drop_path = 0.0;
    eval_cfg.dropout = 0.0;
    let obj = &Classify { config: eval_cfg, label_smoothing: obj.label_smoothing, soft_targets: false };
    let f = build_eval_step(obj, b, 1, &c.stack()?)?;
    let prog = Program::compile(client, &f, &CompileOptions::default())?;
    let params = trainer.host_state()?.0;
    let bufs = params.iter().map(|h| client.to_device(h, 0)).collect::<std::result::Result<Vec<_>, _>>()?;
    let cfg = &obj.config;
    let src = ImageSource::new(
        data,
        b,
        cfg.image_size,
        cfg.channels,
        cfg.num_classes,
        transform,
        ImageTask::Labels { drop_path: None, mix: None },
        0,
        1,
        Some(1),
    )?;
    mean_over_validation(client, src, b, data, |xs| {
        let args: Vec<Arg> = bufs.iter().chain(xs).map(Arg::Borrow).collect();
        Ok(prog.run(args)?[1].to_host()?.to_scalar::<f32>()? as f64)
    })
}

/// One pass over `src`'s full batches on device 0: the mean of `per_batch` (each batch's
/// accuracy), weighting every batch alike (they are all full). No batch at all is an error.
fn mean_over_validation(
    client: &Client,
    mut src: ImageSource,
    b: usize,
    data: &str,
    mut per_batch: impl FnMut(&[crate::runtime::Buffer]) -> Result<f64>,
) -> Result<f64> {
    let (mut sum, mut n) = (0.0, 0usize);
    loop {
        let batch = match src.next_batch() {
            Ok(x) => x,
            Err(e) if e.to_string().contains("ran out") => break,
            Err(e) => return Err(e),
        };
        let xs = batch.iter().map(|h| client.to_device(h, 0)).collect::<std::result::Result<Vec<_>, _>>()?;
        sum += per_batch(&xs)?;
        n += 1;
    }
    ensure!(n > 0, "no validation batch of {} in {}", b, data);
    Ok(sum / n as f64)
}
