//! `bamboo glue --task T`: fine-tune a BERT checkpoint on a GLUE task's official TSV files,
//! then evaluate on the dev file with the task's metric.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};
use clap::Args;
use serde_json::json;

use super::train::{load_from, record_loaded, Common};
use crate::config::ModelConfig;
use crate::data::embedded::embedded_path;
use crate::data::text::glue::{load, Metric, Task};
use crate::data::text::wordpiece::Tokenizer;
use crate::optim::{Optimizer, Schedule};
use crate::train::glue::{encode, evaluate_dev, GlueSource};
use crate::train::objective::{GlueClassify, Objective};
use crate::train::run::run_evaluated;
use crate::train::trainer::Trainer;

#[derive(Args, Debug)]
pub struct GlueArgs {
    #[command(flatten)]
    c: Common,
    /// CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI or RTE.
    #[arg(long)]
    task: String,
    /// The task's train.tsv.
    #[arg(long, default_value_os_t = embedded_path("datasets/sst2-rt/train.tsv"))]
    train: PathBuf,
    /// The task's dev.tsv (dev_matched.tsv for MNLI).
    #[arg(long, default_value_os_t = embedded_path("datasets/sst2-rt/dev.tsv"))]
    dev: PathBuf,
    /// A BERT pre-training checkpoint (folder or model.safetensors); random init when absent.
    #[arg(long)]
    from: Option<PathBuf>,
    #[arg(long, default_value_os_t = embedded_path("datasets/bert-vocab/vocab.txt"))]
    vocab: PathBuf,
    #[arg(long, default_value_t = 128)]
    seq_len: usize,
}

pub fn run_glue(a: &GlueArgs) -> Result<()> {
    let c = &a.c;
    let task = Task::parse(&a.task)
        .ok_or_else(|| anyhow!("--task `{}` is not a GLUE task (CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI, RTE)", a.task))?;
    let mut cfg = match c.model_config()? {
        ModelConfig::Bert(b) => b,
        _ => bail!("{}: GLUE needs a BERT preset", c.source()),
    };
    anyhow::ensure!(a.seq_len <= cfg.max_positions, "--seq-len {} exceeds the model's {} positions", a.seq_len, cfg.max_positions);
    cfg.seq_len = a.seq_len;
    let regression = task.metric() == Metric::PearsonSpearman;
    let num_labels = if regression { 1 } else { task.labels().len() };
    let tok = Tokenizer::load_uncased(&a.vocab).context("--vocab")?;
    let train = load(task, &a.train)?;
    let dev = load(task, &a.dev)?;
    let train = encode(&tok, &train, a.seq_len, regression).with_context(|| format!("{}", a.train.display()))?;
    let dev = encode(&tok, &dev, a.seq_len, regression).with_context(|| format!("{}", a.dev.display()))?;

    let mut step = c.step_config(Optimizer::AdamW { beta1: 0.9, beta2: 0.999, eps: 1e-6 }, 2e-5 * 256.0 / 32.0, 0.01, None)?;
    step.schedule = Schedule::WarmupLinear { lr: c.lr(2e-5 * 256.0 / 32.0), warmup: c.warmup.unwrap_or(c.steps / 10), total: c.steps };
    let resolved = json!({ "recipe": "glue", "task": task.name(), "model": ModelConfig::Bert(cfg.clone()), "num_labels": num_labels, "step": step.to_json(), "batch": c.batch, "steps": c.steps, "train": a.train, "dev": a.dev, "from": a.from });
    eprintln!("glue: resolved configuration\n{}", serde_json::to_string_pretty(&resolved)?);
    c.preflight(&resolved)?;
    // The initial weights are read and checked before anything compiles.
    let from = a
        .from
        .as_deref()
        .map(|f| crate::checkpoint::commit::load_model(f).with_context(|| format!("--from {}", f.display())))
        .transpose()?;
    let obj = GlueClassify { config: cfg.clone(), num_labels };
    if let Some((file, weights)) = &from {
        let what = format!("{} (--from)", file.display());
        crate::train::weights::Fit::of(&obj.param_specs(), weights, true, true).check(&what, &c.source())?;
    }
    let client = c.rt.client()?;
    anyhow::ensure!(
        c.watch_smoothing.is_none(),
        "--watch-smoothing: GLUE fine-tuning does not watch over-smoothing (watch `pretrain bert`)"
    );
    let mut trainer = Trainer::new(&client, &obj, step, c.seed)?;
    let loaded = load_from(&mut trainer, from)?;
    let mut src = GlueSource::new(train, c.batch, c.seed)?;
    if cfg.hidden_dropout > 0.0 || cfg.attention_dropout > 0.0 {
        src = src.with_dropout_keys();
    }
    let (metric, stack) = (task.metric(), c.run_stack()?);
    let mut validate = |t: &Trainer| evaluate_dev(&client, &obj, t, &dev, metric, c.batch, &stack);
    let s = run_evaluated(&mut trainer, &mut src, &c.run_options(resolved), &mut validate)?;
    record_loaded(&loaded, c)?;
    eprintln!("trained {} steps ({:.1} examples/s)", s.steps_run, s.examples_per_second);
    let report: Vec<String> = s.evaluations.iter().map(|(k, v)| format!("{} {:.4}", metric_name(k), v)).collect();
    println!("{} dev ({} examples): {}", task.name(), dev.n, report.join(", "));
    Ok(())
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
