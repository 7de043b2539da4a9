//! BERT pre-training: masked LM + next-sentence prediction with LAMB, linear warmup and decay.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use super::launch::{no_evaluation, pretrain, recorded_run};
use super::settings::{Choices, Execution, StepSettings};
use super::wrong_model;
use crate::config::ModelConfig;
use crate::optim::Optimizer;
use crate::train::objective::BertPretrain;
use crate::train::run::RunSummary;
use crate::train::sources::BertSource;

/// A BERT pre-training run: its config.json, and where it executes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BertRun {
    /// `pretrain bert`.
    pub recipe: String,
    pub model: ModelConfig,
    pub step: StepSettings,
    pub batch: usize,
    pub steps: u64,
    /// Pre-training records in the TF schema (globs, comma separated).
    pub data: String,
    pub seed: u64,
    /// The command line that started the run, for `bamboo <recipe> --config config.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(skip)]
    pub execution: Execution,
}

impl BertRun {
    pub const RECIPE: &'static str = "pretrain bert";

    /// The run the choices ask for, with the recipe's defaults: LAMB (0.9, 0.999, 1e-6), base
    /// lr 1e-3, weight decay 0.01, linear warmup and decay.
    pub fn resolve(c: &Choices) -> Result<BertRun> {
        let model = match c.model_config()? {
            m @ ModelConfig::Bert(_) => m,
            _ => bail!("{}: `pretrain bert` needs a BERT preset (bert-mini, bert-base, ...)", c.source()),
        };
        Ok(BertRun {
            recipe: Self::RECIPE.into(),
            model,
            step: c.linear_step(Optimizer::Lamb { beta1: 0.9, beta2: 0.999, eps: 1e-6 }, 1e-3, 0.01)?,
            batch: c.batch,
            steps: c.steps,
            data: c.data.clone(),
            seed: c.seed,
            command: None,
            execution: c.execution(),
        })
    }
}

recorded_run!(BertRun);

/// BERT pre-training: trains `run` (or continues it, or reports it finished).
pub fn pretrain_bert(run: &BertRun) -> Result<RunSummary> {
    let ModelConfig::Bert(cfg) = &run.model else { return Err(wrong_model(&run.recipe, &run.model, "bert")) };
    let source = |_: &_| {
        let src = BertSource::new(&run.data, run.batch, cfg.seq_len, cfg.max_predictions, run.seed)?;
        let dropout = cfg.hidden_dropout > 0.0 || cfg.attention_dropout > 0.0;
        Ok(if dropout { src.with_dropout_keys(run.seed) } else { src })
    };
    pretrain(run, &BertPretrain(cfg.clone()), source, no_evaluation)
}
