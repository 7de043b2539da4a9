//! What every recipe shares: the user's choices (`Choices`, unset ones take the recipe's
//! defaults), where a run executes (`Execution`), and the training step as config.json records
//! it (`StepSettings`).

use std::path::{Path, PathBuf};

use anyhow::{bail, ensure, Context, Result};
use serde::{Deserialize, Serialize};

use crate::config::{preset, ModelConfig};
use crate::data::embedded::embedded;
use crate::graph::Remat;
use crate::nn::stack::StackOptions;
use crate::optim::{Optimizer, Schedule};
use crate::train::checks;
use crate::train::runtime_options::RuntimeOptions;
use crate::train::step::StepConfig;

/// The image data a run reads unless told otherwise (the embedded Fashion-MNIST sample).
pub const DEFAULT_IMAGE_DATA: &str = "datasets/fashion-mnist-tfrecord/train-*";
/// The validation images the image recipes evaluate on unless told otherwise.
pub const DEFAULT_VALIDATION_DATA: &str = "datasets/fashion-mnist-tfrecord/validation-*";

/// The validation images of a run read back from config.json, which does not record them.
pub fn default_val_data() -> String {
    embedded(DEFAULT_VALIDATION_DATA)
}

/// Where and how a run executes, not what it computes: none of it is in config.json, and a
/// resumed run may change any of it.
#[derive(Clone, Debug, Default)]
pub struct Execution {
    /// Run folder: checkpoints, metrics.jsonl, tb/, config.json.
    pub out: PathBuf,
    /// Continue from the newest checkpoint in `out`.
    pub resume: bool,
    /// End this invocation after step K with a checkpoint (the schedule still runs to `steps`).
    pub stop_after: Option<u64>,
    /// Wait for each step before reading the next batch (no host/device overlap).
    pub sync_steps: bool,
    /// Checkpoint every this many steps (and at the end); 0: only at the end.
    pub checkpoint_every: u64,
    /// Complete checkpoints kept.
    pub keep: usize,
    /// Plain progress lines every this many steps when not on a terminal.
    pub log_every: u64,
    /// Also log each block's over-smoothing metrics at every K-th step.
    pub watch_smoothing: Option<u64>,
    /// How the model configuration was named (`--preset vit-t28`), for messages.
    pub model_source: String,
    pub runtime: RuntimeOptions,
}

/// The user's choices common to every recipe, before the recipe's defaults fill the gaps.
#[derive(Clone, Debug)]
pub struct Choices {
    /// Model preset (see `bamboo configs`); not needed with `config`.
    pub preset: Option<String>,
    /// A JSON model configuration, or a run's config.json (its `model`).
    pub config: Option<PathBuf>,
    pub dropout: Option<f64>,
    pub attention_dropout: Option<f64>,
    pub depth: Option<usize>,
    pub width: Option<usize>,
    pub heads: Option<usize>,
    /// Training data (globs, comma separated; text files for the language model).
    pub data: String,
    pub steps: u64,
    /// Global batch (all devices, all accumulation steps).
    pub batch: usize,
    /// Learning rate = base_lr x batch / 256.
    pub base_lr: Option<f64>,
    /// Absolute learning rate (instead of `base_lr`).
    pub lr: Option<f64>,
    pub warmup: Option<u64>,
    pub weight_decay: Option<f64>,
    pub clip: Option<f64>,
    pub accum: usize,
    pub bf16: bool,
    /// `save`, `dots` or `full`.
    pub remat: String,
    pub unrolled: bool,
    pub seed: u64,
    pub execution: Execution,
}

impl Choices {
    /// The command line's defaults for `preset`, writing into `out`.
    pub fn new(preset: &str, out: &Path) -> Choices {
        Choices {
            preset: Some(preset.to_string()),
            config: None,
            dropout: None,
            attention_dropout: None,
            depth: None,
            width: None,
            heads: None,
            data: embedded(DEFAULT_IMAGE_DATA),
            steps: 100,
            batch: 64,
            base_lr: None,
            lr: None,
            warmup: None,
            weight_decay: None,
            clip: None,
            accum: 1,
            bf16: false,
            remat: "dots".into(),
            unrolled: false,
            seed: 0,
            execution: Execution { out: out.to_path_buf(), keep: 2, log_every: 10, ..Execution::default() },
        }
    }

    /// Where the model configuration comes from, as the user wrote it (for messages).
    pub fn source(&self) -> String {
        match (&self.config, &self.preset) {
            (Some(p), _) => format!("--config {}", p.display()),
            (None, Some(name)) => format!("--preset {name}"),
            (None, None) => "--preset".into(),
        }
    }

    /// The execution settings with the model's source filled in.
    pub fn execution(&self) -> Execution {
        Execution { model_source: self.source(), ..self.execution.clone() }
    }

    /// The choices checked before any model is built, compiled or written (`train::checks`).
    pub fn check(&self) -> Result<()> {
        self.execution.runtime.check_devices()?;
        checks::steps(self.steps)?;
        if let Some(lr) = self.lr {
            checks::learning_rate("--lr", lr)?;
        }
        if let Some(lr) = self.base_lr {
            checks::learning_rate("--base-lr", lr)?;
        }
        self.micro_batch()?;
        checks::out_dir(&self.execution.out)
    }

    /// The model: `config`, else the preset, then the overrides; validated after `check`.
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
        let mut m = m.with_stack_overrides(self.depth, self.width, self.heads);
        self.apply_dropout(&mut m)?;
        m.validate()?;
        Ok(m)
    }

    fn apply_dropout(&self, m: &mut ModelConfig) -> Result<()> {
        match m {
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
        Ok(())
    }

    /// Examples per device per micro-batch (with `stop_after` checked against `steps`).
    fn micro_batch(&self) -> Result<usize> {
        if let Some(k) = self.execution.stop_after {
            ensure!(k >= 1 && k <= self.steps, "--stop-after {} must lie between 1 and --steps {}", k, self.steps);
        }
        checks::micro_batch(self.batch, self.execution.runtime.device_count(), self.accum)
    }

    /// The learning rate: `lr`, else `base_lr` (or the recipe's) scaled by batch / 256.
    pub fn lr(&self, default_base: f64) -> f64 {
        self.lr.unwrap_or(self.base_lr.unwrap_or(default_base) * self.batch as f64 / 256.0)
    }

    /// The steps of linear warmup: `warmup`, else a tenth of the run.
    pub fn warmup(&self) -> u64 {
        self.warmup.unwrap_or(self.steps / 10)
    }

    /// The step with the recipe's defaults where the user chose nothing: warmup then cosine decay.
    pub fn step(
        &self,
        optimizer: Optimizer,
        default_base_lr: f64,
        default_wd: f64,
        layer_decay: Option<LayerDecay>,
    ) -> Result<StepSettings> {
        let step = StepSettings {
            optimizer,
            schedule: Schedule::WarmupCosine { lr: self.lr(default_base_lr), warmup: self.warmup(), total: self.steps, min_lr: 0.0 },
            weight_decay: self.weight_decay.unwrap_or(default_wd),
            layer_decay,
            clip: self.clip,
            replicas: self.execution.runtime.device_count(),
            accum: self.accum.max(1),
            micro_batch: self.micro_batch()?,
            bf16: self.bf16,
            remat: self.remat.clone(),
            unrolled: self.unrolled,
            train_only: None,
        };
        step.stack()?;
        Ok(step)
    }

    /// As `step`, with linear warmup and linear decay to 0 (BERT, OPT, GLUE).
    pub fn linear_step(&self, optimizer: Optimizer, default_base_lr: f64, default_wd: f64) -> Result<StepSettings> {
        let mut step = self.step(optimizer, default_base_lr, default_wd, None)?;
        step.schedule = Schedule::WarmupLinear { lr: self.lr(default_base_lr), warmup: self.warmup(), total: self.steps };
        Ok(step)
    }
}

/// Layer-wise learning-rate decay: each block below the head trains at `factor` times the rate
/// of the one above.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerDecay {
    pub depth: usize,
    pub factor: f64,
}

/// The training step as a run's config.json records it (`step`): the optimizer, schedule and
/// decay, how the batch is split, and how the block loop is traced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepSettings {
    pub optimizer: Optimizer,
    pub schedule: Schedule,
    pub weight_decay: f64,
    pub layer_decay: Option<LayerDecay>,
    pub clip: Option<f64>,
    /// Devices holding a replica each.
    pub replicas: usize,
    /// Micro-batches accumulated per step.
    pub accum: usize,
    /// Examples per device per micro-batch.
    pub micro_batch: usize,
    pub bf16: bool,
    /// Backward of the block loop: `save`, `dots` or `full`.
    pub remat: String,
    /// Every block traced separately instead of a loop.
    pub unrolled: bool,
    /// Only these parameters train (linear probe: the head); all when `None`.
    pub train_only: Option<Vec<String>>,
}

impl StepSettings {
    /// How the block loop is traced.
    pub fn stack(&self) -> Result<StackOptions> {
        let remat = Remat::parse(&self.remat).with_context(|| format!("--remat must be {}, got `{}`", Remat::NAMES, self.remat))?;
        Ok(StackOptions { remat, unrolled: self.unrolled, keep_hidden: false })
    }

    /// The step the trainer compiles.
    pub fn step_config(&self) -> Result<StepConfig> {
        Ok(StepConfig {
            optimizer: self.optimizer.clone(),
            schedule: self.schedule.clone(),
            weight_decay: self.weight_decay,
            layer_decay: self.layer_decay.map(|d| (d.depth, d.factor)),
            clip: self.clip,
            replicas: self.replicas,
            accum: self.accum,
            micro_batch: self.micro_batch,
            bf16: self.bf16,
            stack: self.stack()?,
            train_only: self.train_only.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// config.json's `step` keeps the form `StepConfig::to_json` gives it.
    #[test]
    fn step_settings_serialize_as_the_step_config_json() {
        let optimizers = [
            Optimizer::AdamW { beta1: 0.9, beta2: 0.95, eps: 1e-8 },
            Optimizer::Lamb { beta1: 0.9, beta2: 0.999, eps: 1e-6 },
            Optimizer::Sgd { momentum: 0.9 },
            Optimizer::Lars { momentum: 0.9, trust: 0.001, eps: 1e-8 },
        ];
        let schedules = [
            Schedule::Constant { lr: 0.1 },
            Schedule::WarmupCosine { lr: 3.75e-5, warmup: 10, total: 100, min_lr: 0.0 },
            Schedule::WarmupLinear { lr: 1e-3, warmup: 3, total: 30 },
        ];
        for (o, s) in optimizers.iter().zip(schedules.iter().cycle()) {
            let mut settings = Choices::new("vit-t28", Path::new("unused")).step(o.clone(), 1e-3, 0.05, None).unwrap();
            settings.schedule = s.clone();
            settings.layer_decay = Some(LayerDecay { depth: 3, factor: 0.75 });
            settings.train_only = Some(vec!["head.weight".into()]);
            let value = serde_json::to_value(&settings).unwrap();
            assert_eq!(value, settings.step_config().unwrap().to_json());
            assert_eq!(serde_json::from_value::<StepSettings>(value).unwrap(), settings);
        }
    }
}
