//! GLUE fine-tuning: a BERT checkpoint (or random weights) trained on a task's official TSV
//! files, then evaluated on the dev file with the task's metric.

use std::path::PathBuf;

use anyhow::{bail, ensure, Context, Result};
use serde::{Deserialize, Serialize};

use super::launch::{load_from, read_from, record_loaded, recorded_run, start};
use super::settings::{Choices, Execution, StepSettings};
use super::wrong_model;
use crate::config::ModelConfig;
use crate::data::embedded::embedded_path;
use crate::data::text::glue::{load, Metric, Task};
use crate::data::text::wordpiece::Tokenizer;
use crate::optim::Optimizer;
use crate::train::glue::{encode, evaluate_dev, GlueSource};
use crate::train::objective::{GlueClassify, Objective};
use crate::train::run::{run_evaluated, RunSummary};
use crate::train::trainer::Trainer;
use crate::weights::fit::Fit;

/// The vocabulary GLUE's text is tokenized with unless told otherwise (BERT uncased).
pub const DEFAULT_VOCAB: &str = "datasets/bert-vocab/vocab.txt";

/// The user's choices for a GLUE run.
#[derive(Clone, Debug)]
pub struct GlueChoices {
    pub common: Choices,
    /// CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI or RTE.
    pub task: String,
    /// The task's train.tsv.
    pub train: PathBuf,
    /// The task's dev.tsv (dev_matched.tsv for MNLI).
    pub dev: PathBuf,
    /// A BERT pre-training checkpoint (folder or model.safetensors); random init when absent.
    pub from: Option<PathBuf>,
    pub vocab: PathBuf,
    pub seq_len: usize,
}

/// A GLUE run: its config.json, and what it reads and where it executes besides.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GlueRun {
    /// `glue`.
    pub recipe: String,
    /// The task's official name (`SST-2`).
    pub task: String,
    pub model: ModelConfig,
    /// Classes (1: a regression, STS-B).
    pub num_labels: usize,
    pub step: StepSettings,
    pub batch: usize,
    pub steps: u64,
    pub train: PathBuf,
    pub dev: PathBuf,
    pub from: Option<PathBuf>,
    /// The command line that started the run, for `bamboo <recipe> --config config.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// The WordPiece vocabulary (not recorded in config.json).
    #[serde(skip, default = "default_vocab")]
    pub vocab: PathBuf,
    /// Order of the training examples and dropout (not recorded in config.json).
    #[serde(skip)]
    pub seed: u64,
    #[serde(skip)]
    pub execution: Execution,
}

fn default_vocab() -> PathBuf {
    embedded_path(DEFAULT_VOCAB)
}

fn parse_task(name: &str) -> Result<Task> {
    Task::parse(name).with_context(|| format!("--task `{}` is not a GLUE task (CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI, RTE)", name))
}

impl GlueRun {
    pub const RECIPE: &'static str = "glue";

    /// The run the choices ask for, with the recipe's defaults: AdamW (0.9, 0.999, 1e-6) at
    /// 2e-5 for a batch of 32, weight decay 0.01, linear warmup and decay.
    pub fn resolve(a: &GlueChoices) -> Result<GlueRun> {
        let c = &a.common;
        let task = parse_task(&a.task)?;
        let mut cfg = match c.model_config()? {
            ModelConfig::Bert(b) => b,
            _ => bail!("{}: GLUE needs a BERT preset", c.source()),
        };
        ensure!(a.seq_len <= cfg.max_positions, "--seq-len {} exceeds the model's {} positions", a.seq_len, cfg.max_positions);
        cfg.seq_len = a.seq_len;
        let num_labels = if task.metric() == Metric::PearsonSpearman { 1 } else { task.labels().len() };
        Ok(GlueRun {
            recipe: Self::RECIPE.into(),
            task: task.name().into(),
            model: ModelConfig::Bert(cfg),
            num_labels,
            step: c.linear_step(Optimizer::AdamW { beta1: 0.9, beta2: 0.999, eps: 1e-6 }, 2e-5 * 256.0 / 32.0, 0.01)?,
            batch: c.batch,
            steps: c.steps,
            train: a.train.clone(),
            dev: a.dev.clone(),
            from: a.from.clone(),
            command: None,
            vocab: a.vocab.clone(),
            seed: c.seed,
            execution: c.execution(),
        })
    }
}

recorded_run!([] GlueRun);

/// What a GLUE run reports: the run, with the dev metrics as its evaluations.
#[derive(Clone, Debug)]
pub struct GlueSummary {
    pub run: RunSummary,
    pub task: Task,
    /// Examples in the dev file.
    pub dev_examples: usize,
}

impl GlueSummary {
    /// The dev line: `SST-2 dev (872 examples): accuracy 0.9014`.
    pub fn report(&self) -> String {
        let metrics: Vec<String> = self.run.evaluations.iter().map(|(k, v)| format!("{} {:.4}", metric_name(k), v)).collect();
        format!("{} dev ({} examples): {}", self.task.name(), self.dev_examples, metrics.join(", "))
    }
}

/// How the dev report names an evaluation key.
fn metric_name(key: &str) -> &str {
    match key.strip_prefix(crate::train::results::EVAL_PREFIX).unwrap_or(key) {
        "f1" => "F1",
        "matthews" => "Matthews correlation",
        "pearson" => "Pearson",
        "spearman" => "Spearman",
        other => other,
    }
}

/// GLUE fine-tuning, then the task's metric on dev. A finished run is not trained again: the
/// loop restores it and the dev evaluation reports it.
pub fn glue(run: &GlueRun) -> Result<GlueSummary> {
    let ModelConfig::Bert(cfg) = &run.model else { return Err(wrong_model(&run.recipe, &run.model, "bert")) };
    let task = parse_task(&run.task)?;
    let regression = task.metric() == Metric::PearsonSpearman;
    let tok = Tokenizer::load_uncased(&run.vocab).context("--vocab")?;
    let (train, dev) = (load(task, &run.train)?, load(task, &run.dev)?);
    let train = encode(&tok, &train, cfg.seq_len, regression).with_context(|| format!("{}", run.train.display()))?;
    let dev = encode(&tok, &dev, cfg.seq_len, regression).with_context(|| format!("{}", run.dev.display()))?;
    let (opts, _) = start(run)?;
    // The initial weights are read and checked before anything compiles.
    let from = read_from(run.from.as_deref())?;
    let obj = GlueClassify { config: cfg.clone(), num_labels: run.num_labels };
    if let Some((file, weights)) = &from {
        let what = format!("{} (--from)", file.display());
        Fit::of(&obj.param_specs(), weights, true, true).check(&what, &run.execution.model_source)?;
    }
    let client = run.execution.runtime.client()?;
    ensure!(
        run.execution.watch_smoothing.is_none(),
        "--watch-smoothing: GLUE fine-tuning does not watch over-smoothing (watch `pretrain bert`)"
    );
    let mut trainer = Trainer::new(&client, &obj, run.step.step_config()?, run.seed)?;
    let loaded = load_from(&mut trainer, from)?;
    let mut src = GlueSource::new(train, run.batch, run.seed)?;
    if cfg.hidden_dropout > 0.0 || cfg.attention_dropout > 0.0 {
        src = src.with_dropout_keys();
    }
    let (metric, stack) = (task.metric(), run.step.stack()?);
    let mut validate = |t: &Trainer| evaluate_dev(&client, &obj, t, &dev, metric, run.batch, &stack);
    let s = run_evaluated(&mut trainer, &mut src, &opts, &mut validate)?;
    record_loaded(&loaded, &run.execution)?;
    eprintln!("trained {} steps ({:.1} examples/s)", s.steps_run, s.examples_per_second);
    Ok(GlueSummary { run: s, task, dev_examples: dev.n })
}
