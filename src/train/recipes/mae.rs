//! MAE pre-training (mask ratio 0.75, norm_pix_loss, AdamW betas (0.9, 0.95)).

use anyhow::{bail, ensure, Result};
use serde::{Deserialize, Serialize};

use super::launch::{no_evaluation, pretrain};
use super::recipe_run::RecipeRun;
use super::settings::Choices;
use super::{parse_filter, wrong_model};
use crate::config::{MaeConfig, ModelConfig};
use crate::data::augment::{Filter, Transform};
use crate::optim::Optimizer;
use crate::train::objective::MaePretrain;
use crate::train::run::RunSummary;
use crate::train::sources::{ImageSource, ImageTask};
use crate::train::step::StepConfig;

/// The user's choices for MAE pre-training.
#[derive(Clone, Debug)]
pub struct MaeChoices {
    pub common: Choices,
    pub mask_ratio: Option<f64>,
    /// Resampling of the crops.
    pub interpolation: Filter,
}

/// An MAE pre-training run (`pretrain mae`): its `data` are training shards.
pub type MaeRun = RecipeRun<MaeFields>;

/// The fields only MAE pre-training records.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MaeFields {
    /// Resampling of the crops: `bicubic` or `bilinear`.
    pub interpolation: String,
}

impl MaeRun {
    pub const RECIPE: &'static str = "pretrain mae";

    /// The run the choices ask for, with the recipe's defaults: base lr 1.5e-4, weight decay
    /// 0.05, warmup then cosine decay.
    pub fn resolve(a: &MaeChoices) -> Result<MaeRun> {
        let c = &a.common;
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
        let model = ModelConfig::Mae(cfg);
        model.validate()?;
        let step = c.step(Optimizer::AdamW { beta1: 0.9, beta2: 0.95, eps: 1e-8 }, 1.5e-4, 0.05, None)?;
        Ok(RecipeRun::new(Self::RECIPE.into(), model, step, c, MaeFields { interpolation: a.interpolation.name().into() }))
    }
}

/// MAE pre-training: trains `run` (or continues it, or reports it finished).
pub fn pretrain_mae(run: &MaeRun) -> Result<RunSummary> {
    let ModelConfig::Mae(cfg) = &run.model else { return Err(wrong_model(&run.recipe, &run.model, "mae")) };
    let filter = parse_filter(&run.own.interpolation)?;
    let source = |step: &StepConfig| {
        let (transform, task) = (Transform::mae().with_filter(filter), ImageTask::Mae { patches: cfg.num_patches() });
        let micro = run.batch / step.accum.max(1);
        ImageSource::new(&run.data, micro, cfg.image_size, cfg.channels, 1000, transform, task, run.seed, step.accum, None)
    };
    pretrain(run, &MaePretrain(cfg.clone()), source, no_evaluation)
}
