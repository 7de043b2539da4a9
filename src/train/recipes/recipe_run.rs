//! The configuration struct the pre-training and classification recipes share: the fields
//! every one of them records, with the recipe's own fields in between.

use serde::{Deserialize, Serialize};

use super::launch::recorded_run;
use super::settings::{Choices, Execution, StepSettings};
use crate::config::ModelConfig;

/// A recipe's run: its config.json, and where it executes. `O` holds the fields only this
/// recipe has, recorded between `data` and `seed` (config.json keeps that key order); `R` names
/// the recipe.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecipeRun<O, R = String> {
    /// `pretrain mae`, `finetune`, ...
    pub recipe: R,
    pub model: ModelConfig,
    pub step: StepSettings,
    pub batch: usize,
    pub steps: u64,
    /// Training data (shard globs or text files, comma separated).
    pub data: String,
    /// The recipe's own fields.
    #[serde(flatten)]
    pub own: O,
    pub seed: u64,
    /// The command line that started the run, for `bamboo <recipe> --config config.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(skip)]
    pub execution: Execution,
}

impl<O, R> RecipeRun<O, R> {
    /// A run of `recipe` with the choices' batch, steps, data, seed and execution, and no
    /// recorded command line.
    pub fn new(recipe: R, model: ModelConfig, step: StepSettings, c: &Choices, own: O) -> Self {
        RecipeRun {
            recipe,
            model,
            step,
            batch: c.batch,
            steps: c.steps,
            data: c.data.clone(),
            own,
            seed: c.seed,
            command: None,
            execution: c.execution(),
        }
    }
}

recorded_run!([O: Serialize, R: AsRef<str> + Serialize] RecipeRun<O, R>);
