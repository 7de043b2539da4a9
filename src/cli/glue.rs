//! `bamboo glue --task T`: fine-tune a BERT checkpoint on a GLUE task's official TSV files,
//! then evaluate on the dev file with the task's metric.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};
use clap::Args;
use serde_json::json;

use super::train::{load_from, record_loaded, Common};
use crate::config::ModelConfig;
use crate::data::text::glue::{load, Metric, Task};
use crate::data::text::metrics;
use crate::data::text::wordpiece::Tokenizer;
use crate::graph::{DType, Function, Graph};
use crate::models::Params;
use crate::optim::{Optimizer, Schedule};
use crate::program::Program;
use crate::runtime::{Arg, CompileOptions};
use crate::train::glue::{encode, GlueSource};
use crate::train::objective::{GlueClassify, Objective};
use crate::train::run::run;
use crate::train::trainer::Trainer;

#[derive(Args, Debug)]
pub struct GlueArgs {
    #[command(flatten)]
    c: Common,
    /// CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI or RTE.
    #[arg(long)]
    task: String,
    /// The task's train.tsv.
    #[arg(long, default_value = "datasets/sst2-rt/train.tsv")]
    train: PathBuf,
    /// The task's dev.tsv (dev_matched.tsv for MNLI).
    #[arg(long, default_value = "datasets/sst2-rt/dev.tsv")]
    dev: PathBuf,
    /// A BERT pre-training checkpoint (folder or model.safetensors); random init when absent.
    #[arg(long)]
    from: Option<PathBuf>,
    #[arg(long, default_value = "datasets/bert-vocab/vocab.txt")]
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
    let tok = Tokenizer::load_uncased(&a.vocab).map_err(|e| anyhow!("--vocab: {}", e))?;
    let train = load(task, &a.train).map_err(|e| anyhow!("{}", e))?;
    let dev = load(task, &a.dev).map_err(|e| anyhow!("{}", e))?;
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
    let s = run(&mut trainer, &mut src, &c.run_options(resolved))?;
    record_loaded(&loaded, c)?;
    eprintln!("trained {} steps ({:.1} examples/s)", s.steps_run, s.examples_per_second);

    // Dev predictions, batch by batch (the last batch padded by repeating its first example).
    let b = c.batch.min(dev.n).max(1);
    let g = Graph::new("glue_logits");
    let specs = obj.param_specs();
    let params = Params::declare(&g, &specs, DType::F32);
    let inputs: Vec<_> = obj.inputs()[..3].iter().map(|i| g.param(&i.name, &[&[b as i64][..], &i.shape].concat(), i.dtype)).collect();
    let logits = obj.logits(&params, &inputs, &c.run_stack()?)?;
    let prog = Program::compile(&client, &Function::new(&g, &[logits])?, &CompileOptions::default())?;
    let weights = trainer.host_state()?.0;
    let wb = weights.iter().map(|h| client.to_device(h, 0)).collect::<std::result::Result<Vec<_>, _>>()?;
    let mut out: Vec<f32> = vec![];
    let mut i = 0;
    while i < dev.n {
        let mut idx: Vec<usize> = (i..(i + b).min(dev.n)).collect();
        let real = idx.len();
        idx.resize(b, idx[0]);
        let xs = dev.batch(&idx, false)?.iter().map(|h| client.to_device(h, 0)).collect::<std::result::Result<Vec<_>, _>>()?;
        let args: Vec<Arg> = wb.iter().chain(&xs).map(Arg::Borrow).collect();
        let l: Vec<f32> = prog.run(args)?[0].to_host()?.to_vec()?;
        out.extend_from_slice(&l[..real * num_labels]);
        i += b;
    }
    let report = if regression {
        let pred: Vec<f64> = out.iter().map(|&v| v as f64).collect();
        let gold: Vec<f64> = dev.scores.iter().map(|&v| v as f64).collect();
        format!("Pearson {:.4}, Spearman {:.4}", metrics::pearson(&pred, &gold), metrics::spearman(&pred, &gold))
    } else {
        let pred: Vec<usize> =
            out.chunks(num_labels).map(|r| r.iter().enumerate().max_by(|x, y| x.1.total_cmp(y.1)).map(|(k, _)| k).unwrap_or(0)).collect();
        let gold: Vec<usize> = dev.classes.iter().map(|&k| k as usize).collect();
        match task.metric() {
            Metric::Matthews => format!("Matthews correlation {:.4}", metrics::matthews(&pred, &gold)),
            Metric::AccuracyF1 => format!("accuracy {:.4}, F1 {:.4}", metrics::accuracy(&pred, &gold), metrics::f1(&pred, &gold)),
            _ => format!("accuracy {:.4}", metrics::accuracy(&pred, &gold)),
        }
    };
    println!("{} dev ({} examples): {}", task.name(), dev.n, report);
    Ok(())
}
