//! BERT pre-training: masked LM + next-sentence prediction with LAMB, linear warmup and decay.

use anyhow::{bail, Result};

use super::launch::{no_evaluation, pretrain};
use super::recipe_run::RecipeRun;
use super::settings::Choices;
use super::wrong_model;
use crate::config::ModelConfig;
use crate::optim::Optimizer;
use crate::train::objective::BertPretrain;
use crate::train::run::RunSummary;
use crate::train::sources::BertSource;

/// A BERT pre-training run (`pretrain bert`): its `data` are pre-training records in the TF
/// schema; it has no fields of its own.
pub type BertRun = RecipeRun<()>;

impl BertRun {
    pub const RECIPE: &'static str = "pretrain bert";

    /// The run the choices ask for, with the recipe's defaults: LAMB (0.9, 0.999, 1e-6), base
    /// lr 1e-3, weight decay 0.01, linear warmup and decay.
    pub fn resolve(c: &Choices) -> Result<BertRun> {
        let model = match c.model_config()? {
            m @ ModelConfig::Bert(_) => m,
            _ => bail!("{}: `pretrain bert` needs a BERT preset (bert-mini, bert-base, ...)", c.source()),
        };
        let step = c.linear_step(Optimizer::Lamb { beta1: 0.9, beta2: 0.999, eps: 1e-6 }, 1e-3, 0.01)?;
        Ok(RecipeRun::new(Self::RECIPE.into(), model, step, c, ()))
    }
}

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
