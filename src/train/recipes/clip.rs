//! CLIP contrastive pre-training on image-caption pairs: each image's class as a caption ("a
//! photo of a sneaker"), then zero-shot accuracy on the validation images.

use anyhow::{bail, ensure, Context, Result};
use serde::{Deserialize, Serialize};

use super::launch::pretrain;
use super::recipe_run::RecipeRun;
use super::settings::{default_val_data, Choices};
use super::validation::{zero_shot, ZERO_SHOT_ACCURACY};
use super::wrong_model;
use crate::config::ModelConfig;
use crate::data::augment::{Filter, Transform};
use crate::data::captions::{encode_labels, EOS, FASHION_CLASSES, VOCAB_SIZE};
use crate::optim::Optimizer;
use crate::runtime::Client;
use crate::train::objective::ClipContrastive;
use crate::train::run::RunSummary;
use crate::train::sources::{ImageSource, ImageTask};
use crate::train::step::StepConfig;
use crate::train::trainer::Trainer;

/// The user's choices for CLIP pre-training.
#[derive(Clone, Debug)]
pub struct ClipChoices {
    pub common: Choices,
    /// Validation shards for the zero-shot accuracy after training.
    pub val_data: String,
}

/// A CLIP pre-training run (`pretrain clip`): its `data` are training shards.
pub type ClipRun = RecipeRun<ClipFields>;

/// What CLIP pre-training reads besides (config.json records none of it).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ClipFields {
    /// Validation shards.
    #[serde(skip, default = "default_val_data")]
    pub val_data: String,
}

impl ClipRun {
    pub const RECIPE: &'static str = "pretrain clip";

    /// The run the choices ask for, with the recipe's defaults: AdamW (0.9, 0.98, 1e-6), base
    /// lr 1e-3, weight decay 0.2, warmup then cosine decay.
    pub fn resolve(a: &ClipChoices) -> Result<ClipRun> {
        let c = &a.common;
        let cfg = match c.model_config()? {
            ModelConfig::Clip(m) => m,
            _ => bail!("{}: `pretrain clip` needs a CLIP preset (clip-t28, bamboo-clip-t28, clip-vit-b32, ...)", c.source()),
        };
        ensure!(
            cfg.vocab_size >= VOCAB_SIZE && cfg.eos_token_id.is_none_or(|e| e as i32 == EOS),
            "{}: the captions need vocab_size >= {} and eos_token_id null or {} (the caption vocabulary's end-of-text id); the config has {} and {}",
            c.source(),
            VOCAB_SIZE,
            EOS,
            cfg.vocab_size,
            cfg.eos_token_id.map_or("null".into(), |e| e.to_string())
        );
        // Validates the longest caption against the config's length before anything compiles.
        encode_labels(&[9], cfg.seq_len).with_context(|| format!("{}: seq_len", c.source()))?;
        let step = c.step(Optimizer::AdamW { beta1: 0.9, beta2: 0.98, eps: 1e-6 }, 1e-3, 0.2, None)?;
        Ok(RecipeRun::new(Self::RECIPE.into(), ModelConfig::Clip(cfg), step, c, ClipFields { val_data: a.val_data.clone() }))
    }
}

/// CLIP's objective on labelled images: the label's caption is the text of the pair. With ten
/// captions a batch holds duplicates, and the standard InfoNCE loss used here counts an equal
/// caption of another image as a negative; the loss cannot reach 0 and the image->text accuracy
/// counts ties as hits (see `ClipContrastive`). The negatives are the examples of one
/// micro-batch on one device (no gathering of features across devices as open_clip does).
pub fn pretrain_clip(run: &ClipRun) -> Result<RunSummary> {
    let ModelConfig::Clip(cfg) = &run.model else { return Err(wrong_model(&run.recipe, &run.model, "clip")) };
    let source = |step: &StepConfig| {
        let task = ImageTask::Captions { seq_len: cfg.seq_len };
        // open_clip's training crop: RandomResizedCrop at scale 0.9-1.0 (no flip there; kept off).
        // Bilinear here (open_clip resizes bicubically; this recipe predates the choice).
        let transform = Transform::Train {
            scale: (0.9, 1.0),
            ratio: (0.75, 4.0 / 3.0),
            flip: 0.0,
            randaug: None,
            erase: None,
            filter: Filter::Bilinear,
        };
        let (micro, classes) = (run.batch / step.accum.max(1), FASHION_CLASSES.len());
        ImageSource::new(&run.data, micro, cfg.image_size, cfg.channels, classes, transform, task, run.seed, step.accum, None)
    };
    let stack = run.step.stack()?;
    let validate = |client: &Client, t: &Trainer| {
        Ok(vec![(ZERO_SHOT_ACCURACY.to_string(), zero_shot(client, cfg, t, &run.own.val_data, run.batch, &stack)?)])
    };
    let s = pretrain(run, &ClipContrastive(cfg.clone()), source, validate)?;
    eprintln!("zero-shot validation accuracy (the ten class captions): {:.4}", s.evaluations[0].1);
    Ok(s)
}
