//! The training recipes as library functions: MAE, BERT, CLIP and language-model
//! pre-training, supervised classification (fine-tuning, linear probe, ViT from scratch),
//! GLUE fine-tuning, and the study that compares shapes.
//!
//! Each recipe takes one configuration struct (`MaeRun`, `ClassifyRun`, ...) whose serialized
//! form is the run's `config.json`; its `execution` part says where and how the run executes
//! and is not recorded. `resolve` builds the struct from the user's choices (`Choices` and the
//! recipe's own), filling what the user left unset with the recipe's defaults; the command line
//! does no more than fill the choices from its flags.
//!
//! Two steps of MAE pre-training on the embedded Fashion-MNIST sample:
//!
//! ```
//! use bamboo::train::recipes::{pretrain_mae, Choices, MaeChoices, MaeRun};
//! use bamboo::data::augment::Filter;
//!
//! let out = std::env::temp_dir().join(format!("bamboo-recipes-doc-{}", std::process::id()));
//! let _ = std::fs::remove_dir_all(&out);
//! let mut common = Choices::new("mae-vit-n28", &out);
//! (common.steps, common.batch) = (2, 8);
//! let run = MaeRun::resolve(&MaeChoices { common, mask_ratio: None, interpolation: Filter::Bicubic })?;
//! assert_eq!(serde_json::to_value(&run)?["recipe"], "pretrain mae");
//! let summary = pretrain_mae(&run)?;
//! assert_eq!(summary.steps_run, 2);
//! assert!(out.join("config.json").is_file());
//! std::fs::remove_dir_all(&out)?;
//! # Ok::<(), anyhow::Error>(())
//! ```

pub mod bert;
pub mod classify;
pub mod clip;
pub mod glue;
pub mod launch;
pub mod lm;
pub mod mae;
pub mod recipe_run;
pub mod rerun;
pub mod settings;
pub mod study;
pub mod validation;

pub use bert::{pretrain_bert, BertRun};
pub use classify::{classify, ClassifyChoices, ClassifyRun, Mode};
pub use clip::{pretrain_clip, ClipChoices, ClipRun};
pub use glue::{glue, GlueChoices, GlueRun, GlueSummary};
pub use launch::RunConfig;
pub use lm::{pretrain_lm, LmChoices, LmRun};
pub use mae::{pretrain_mae, MaeChoices, MaeRun};
pub use recipe_run::RecipeRun;
pub use settings::{Choices, Execution, LayerDecay, StepSettings};
pub use study::{study, StudyResults, StudyRun};
pub use validation::{VAL_ACCURACY, ZERO_SHOT_ACCURACY};

use crate::config::ModelConfig;
use crate::data::augment::Filter;

/// A resize filter as config.json names it (`bicubic`, `bilinear`).
fn parse_filter(name: &str) -> anyhow::Result<Filter> {
    use anyhow::Context;
    Filter::parse(name).map_err(anyhow::Error::msg).context("interpolation")
}

/// A configuration whose model is not the kind its recipe trains.
fn wrong_model(recipe: &str, model: &ModelConfig, wanted: &str) -> anyhow::Error {
    anyhow::anyhow!("{}: the model is a `{}` configuration; this recipe trains a `{}` model", recipe, model.kind(), wanted)
}
