//! Supervised image classification: fine-tuning from an MAE encoder (layer decay, label
//! smoothing, Mixup / CutMix), the linear probe (a frozen encoder, LARS on the head) and the
//! ViT trained from scratch; each evaluated on the validation images after training.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use super::launch::{load_from, read_from, record_loaded, report, start, trainer};
use super::recipe_run::RecipeRun;
use super::settings::{default_val_data, Choices, LayerDecay, DEFAULT_VALIDATION_DATA};
use super::validation::{evaluate, VAL_ACCURACY};
use super::{parse_filter, wrong_model};
use crate::checkpoint::Tensors;
use crate::config::{ModelConfig, VitConfig};
use crate::data::augment::{Filter, Transform};
use crate::data::embedded::embedded;
use crate::data::erasing::RandomErasing;
use crate::data::randaugment::RandAugment;
use crate::optim::Optimizer;
use crate::train::mix::MixConfig;
use crate::train::objective::{Classify, Objective};
use crate::train::run::{run_evaluated, RunSummary};
use crate::train::sources::{ImageSource, ImageTask};
use crate::train::trainer::Trainer;
use crate::weights::fit::Fit;

/// Which of the three supervised recipes; in config.json, the recipe's name.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum Mode {
    /// `train vit`: from random weights.
    #[serde(rename = "train vit")]
    Scratch,
    /// `finetune`: every weight trains, from an MAE encoder.
    #[serde(rename = "finetune")]
    Finetune,
    /// `linprobe`: only the head (and the norm before it) trains.
    #[serde(rename = "linprobe")]
    LinearProbe,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Scratch => "train vit",
            Mode::Finetune => "finetune",
            Mode::LinearProbe => "linprobe",
        }
    }
}

impl AsRef<str> for Mode {
    fn as_ref(&self) -> &str {
        self.name()
    }
}

/// The user's choices for a supervised run.
#[derive(Clone, Debug)]
pub struct ClassifyChoices {
    pub common: Choices,
    pub mode: Mode,
    /// Validation shards, evaluated after training.
    pub val_data: String,
    pub label_smoothing: f64,
    /// Initial weights: an MAE checkpoint folder or model.safetensors.
    pub from: Option<PathBuf>,
    pub layer_decay: Option<f64>,
    pub drop_path: Option<f64>,
    /// Mixup / CutMix off (fine-tuning turns them on).
    pub no_mix: bool,
    /// A timm-style RandAugment spec, or `none`.
    pub randaug: Option<String>,
    /// Random erasing probability.
    pub reprob: Option<f64>,
    /// RandomResizedCrop's smallest area fraction.
    pub crop_scale: Option<f64>,
    /// The evaluation's central crop fraction.
    pub eval_crop: Option<f64>,
    /// Resampling of the crops, training and evaluation alike.
    pub interpolation: Filter,
}

impl ClassifyChoices {
    /// The command line's defaults for `mode` on `preset` (validation on the embedded images).
    pub fn new(mode: Mode, common: Choices) -> ClassifyChoices {
        ClassifyChoices {
            common,
            mode,
            val_data: embedded(DEFAULT_VALIDATION_DATA),
            label_smoothing: 0.1,
            from: None,
            layer_decay: None,
            drop_path: None,
            no_mix: false,
            randaug: None,
            reprob: None,
            crop_scale: None,
            eval_crop: None,
            interpolation: Filter::Bicubic,
        }
    }

    /// The per-image training transform of the mode, with `randaug` / `reprob` / `crop_scale`
    /// applied.
    pub fn transform(&self) -> Result<Transform> {
        let base = if self.mode == Mode::LinearProbe { Transform::linprobe() } else { Transform::finetune() };
        let Transform::Train { randaug, erase, .. } = base else { unreachable!("training transforms crop") };
        let randaug = match &self.randaug {
            Some(spec) => RandAugment::parse(spec).map_err(anyhow::Error::msg).context("--randaug")?,
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
        Ok(base.with_extras(randaug, erase).with_filter(self.interpolation))
    }

    /// The validation transform: a center crop of `eval_crop`.
    pub fn eval_transform(&self) -> Result<Transform> {
        let crop_ratio = match self.eval_crop {
            Some(r) if !(r > 0.0 && r <= 1.0) => bail!("--eval-crop must be in (0, 1], got {}", r),
            Some(r) => r,
            None => Transform::eval().crop_ratio().unwrap_or(1.0),
        };
        Ok(Transform::Eval { crop_ratio, filter: self.interpolation })
    }
}

/// A supervised run (named by its mode): its `data` are training shards.
pub type ClassifyRun = RecipeRun<ClassifyFields, Mode>;

/// The fields only supervised runs record, and the validation images they read besides.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ClassifyFields {
    /// Initial weights (required but for `train vit`).
    pub from: Option<PathBuf>,
    pub label_smoothing: f64,
    /// RandAugment as the spec `RandAugment::parse` reads, or `none`.
    pub randaug: String,
    /// Random erasing probability (0: off).
    pub reprob: f64,
    /// Mixup / CutMix on the batches.
    pub mix: bool,
    /// RandomResizedCrop's smallest area fraction.
    pub crop_scale: f64,
    /// The evaluation's central crop fraction.
    pub eval_crop: f64,
    /// Resampling of the crops: `bicubic` or `bilinear`.
    pub interpolation: String,
    /// Validation shards (not recorded in config.json).
    #[serde(skip, default = "default_val_data")]
    pub val_data: String,
}

impl ClassifyRun {
    /// The run the choices ask for, with the mode's defaults: AdamW at base lr 5e-4 (scratch) or
    /// 1e-3 with layer decay 0.75 and drop path 0.1 (fine-tuning), LARS at 0.1 on the head alone
    /// (linear probe); warmup then cosine decay.
    pub fn resolve(a: &ClassifyChoices) -> Result<ClassifyRun> {
        let (c, mode) = (&a.common, a.mode);
        let mut cfg: VitConfig = match c.model_config()? {
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
        cfg.drop_path = a.drop_path.unwrap_or(if mode == Mode::Finetune { 0.1 } else { cfg.drop_path });
        let depth = cfg.encoder.depth;
        let model = ModelConfig::Vit(cfg);
        model.validate()?;
        let adamw = Optimizer::AdamW { beta1: 0.9, beta2: 0.999, eps: 1e-8 };
        let mut step = match mode {
            Mode::Scratch => c.step(adamw, 5e-4, 0.05, None)?,
            Mode::Finetune => c.step(adamw, 1e-3, 0.05, Some(LayerDecay { depth, factor: a.layer_decay.unwrap_or(0.75) }))?,
            Mode::LinearProbe => c.step(Optimizer::Lars { momentum: 0.9, trust: 0.001, eps: 1e-8 }, 0.1, 0.0, None)?,
        };
        if mode == Mode::LinearProbe {
            // The encoder stays frozen; only the normalization before the head and the head learn.
            step.train_only = Some(vec!["fc_norm.weight".into(), "fc_norm.bias".into(), "head.weight".into(), "head.bias".into()]);
        }
        let (transform, eval_transform) = (a.transform()?, a.eval_transform()?);
        let Transform::Train { scale, randaug, erase, .. } = transform else { unreachable!("training transforms crop") };
        let own = ClassifyFields {
            from: a.from.clone(),
            label_smoothing: a.label_smoothing,
            randaug: randaug.map(|r| r.spec()).unwrap_or("none".into()),
            reprob: erase.map(|e| e.prob).unwrap_or(0.0),
            mix: mode == Mode::Finetune && !a.no_mix,
            crop_scale: scale.0,
            eval_crop: eval_transform.crop_ratio().unwrap_or(1.0),
            interpolation: a.interpolation.name().into(),
            val_data: a.val_data.clone(),
        };
        Ok(RecipeRun::new(mode, model, step, c, own))
    }

    /// The training and validation transforms config.json describes.
    pub fn transforms(&self) -> Result<(Transform, Transform)> {
        let filter = parse_filter(&self.own.interpolation)?;
        let base = if self.recipe == Mode::LinearProbe { Transform::linprobe() } else { Transform::finetune() };
        let randaug = RandAugment::parse(&self.own.randaug).map_err(anyhow::Error::msg).context("randaug")?;
        let erase = (self.own.reprob > 0.0).then(|| RandomErasing::with_prob(self.own.reprob));
        let train = base.with_min_scale(self.own.crop_scale).with_extras(randaug, erase).with_filter(filter);
        Ok((train, Transform::Eval { crop_ratio: self.own.eval_crop, filter }))
    }
}

/// Supervised training, then top-1 accuracy on the validation images; returns the run and
/// the accuracy. A finished run is not trained again: the loop restores it and the
/// validation reports it.
pub fn classify(run: &ClassifyRun) -> Result<(RunSummary, f64)> {
    let ModelConfig::Vit(cfg) = &run.model else { return Err(wrong_model(run.recipe.name(), &run.model, "vit")) };
    let (transform, eval_transform) = run.transforms()?;
    let (opts, _) = start(run)?;
    let step = run.step.step_config()?;
    let drop_path = (cfg.drop_path > 0.0).then_some((cfg.encoder.depth, cfg.drop_path));
    let mix = run.own.mix.then(|| MixConfig { label_smoothing: run.own.label_smoothing, ..MixConfig::table5(cfg.num_classes) });
    let mut src = ImageSource::new(
        &run.data,
        run.batch / step.accum.max(1),
        cfg.image_size,
        cfg.channels,
        cfg.num_classes,
        transform,
        ImageTask::Labels { drop_path, mix },
        run.seed,
        step.accum,
        None,
    )?;
    if cfg.dropout > 0.0 {
        src = src.with_dropout_keys();
    }
    if run.recipe != Mode::Scratch && run.own.from.is_none() {
        bail!("--from is required for {}", run.recipe.name());
    }
    // The initial weights are read and checked before anything compiles.
    let from = read_from(run.own.from.as_deref())?;
    let obj = Classify {
        config: cfg.clone(),
        label_smoothing: if run.recipe == Mode::LinearProbe { 0.0 } else { run.own.label_smoothing },
        soft_targets: mix.is_some(),
    };
    let source = &run.execution.model_source;
    let from = from.map(|(file, src)| from_weights(&obj, &file, src, source).map(|w| (file, w))).transpose()?;
    let client = run.execution.runtime.client()?;
    let mut trainer = trainer(&client, &obj, step, &run.execution, run.seed)?;
    let loaded = load_from(&mut trainer, from)?;
    let stack = run.step.stack()?;
    let mut validate = |t: &Trainer| {
        Ok(vec![(VAL_ACCURACY.to_string(), evaluate(&client, &obj, t, &run.own.val_data, eval_transform, run.batch, &stack)?)])
    };
    let s = run_evaluated(&mut trainer, &mut src, &opts, &mut validate)?;
    record_loaded(&loaded, &run.execution)?;
    report(&s);
    let acc = s.evaluations[0].1;
    eprintln!("validation accuracy: {:.4}", acc);
    Ok((s, acc))
}

/// `from`'s tensors under the classifier's names (an MAE encoder's, Hugging Face ViT's are
/// renamed), checked against the model before anything compiles.
fn from_weights(obj: &Classify, file: &std::path::Path, src: Tensors, model_source: &str) -> Result<Tensors> {
    let (weights, family) = crate::weights::names::vit_names(src).with_context(|| format!("--from {}", file.display()))?;
    if let Some(f) = family {
        eprintln!("--from {}: {}", file.display(), f.describe());
    }
    let what = format!("{} (--from)", file.display());
    Fit::of(&obj.param_specs(), &weights, true, true).check(&what, model_source)?;
    Ok(weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The transforms rebuilt from config.json are the ones the choices asked for.
    #[test]
    fn recorded_transforms_are_the_chosen_ones() {
        let out = std::env::temp_dir().join("bamboo-classify-transforms-unused");
        for mode in [Mode::Scratch, Mode::Finetune, Mode::LinearProbe] {
            let plain = ClassifyChoices::new(mode, Choices::new("vit-t28", &out));
            let custom = ClassifyChoices {
                randaug: Some("m7-mstd0.3".into()),
                reprob: Some(0.4),
                crop_scale: Some(0.5),
                eval_crop: Some(1.0),
                interpolation: Filter::Bilinear,
                ..plain.clone()
            };
            let off = ClassifyChoices { randaug: Some("none".into()), reprob: Some(0.0), ..plain.clone() };
            for a in [plain, custom, off] {
                let run = ClassifyRun::resolve(&a).unwrap();
                assert_eq!(run.transforms().unwrap(), (a.transform().unwrap(), a.eval_transform().unwrap()), "{:?}", a);
            }
        }
    }
}
