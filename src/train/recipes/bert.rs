//! BERT pre-training: masked LM + next-sentence prediction with LAMB, linear warmup and decay.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use super::launch::{report, start, trainer, RunConfig};
use super::settings::{Choices, Execution, StepSettings};
use super::wrong_model;
use crate::config::ModelConfig;
use crate::optim::Optimizer;
use crate::train::objective::BertPretrain;
use crate::train::run::{run as train_loop, RunSummary};
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

impl RunConfig for BertRun {
    fn recipe(&self) -> &str {
        &self.recipe
    }
    fn execution(&self) -> &Execution {
        &self.execution
    }
    fn batch(&self) -> usize {
        self.batch
    }
    fn steps(&self) -> u64 {
        self.steps
    }
}

/// BERT pre-training: trains `run` (or continues it, or reports it finished).
pub fn pretrain_bert(run: &BertRun) -> Result<RunSummary> {
    let ModelConfig::Bert(cfg) = &run.model else { return Err(wrong_model(&run.recipe, &run.model, "bert")) };
    let (opts, done) = start(run)?;
    if let Some(done) = done {
        return Ok(done);
    }
    let mut src = BertSource::new(&run.data, run.batch, cfg.seq_len, cfg.max_predictions, run.seed)?;
    if cfg.hidden_dropout > 0.0 || cfg.attention_dropout > 0.0 {
        src = src.with_dropout_keys(run.seed);
    }
    let client = run.execution.runtime.client()?;
    let obj = BertPretrain(cfg.clone());
    let mut trainer = trainer(&client, &obj, run.step.step_config()?, &run.execution, run.seed)?;
    let s = train_loop(&mut trainer, &mut src, &opts)?;
    report(&s);
    Ok(s)
}
