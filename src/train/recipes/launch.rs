//! The steps every recipe takes around the training loop: the resolved configuration printed
//! and checked against the run folder, the trainer compiled, initial weights loaded, the
//! summary printed.

use std::path::{Path, PathBuf};

use anyhow::{ensure, Context, Result};
use serde::Serialize;
use serde_json::Value;

use super::settings::{Execution, StepSettings};
use crate::checkpoint::Tensors;
use crate::runtime::Client;
use crate::train::objective::Objective;
use crate::train::run::{complete_message, plan, run_evaluated, RunOptions, RunSummary, Start};
use crate::train::sources::BatchSource;
use crate::train::step::StepConfig;
use crate::train::trainer::{Loaded, Trainer};

/// A recipe's configuration: what config.json records (its serialized form) and where it runs.
pub trait RunConfig: Serialize {
    /// The recipe's name as config.json records it (`pretrain mae`, `finetune`, ...).
    fn recipe(&self) -> &str;
    fn execution(&self) -> &Execution;
    /// Global batch.
    fn batch(&self) -> usize;
    /// Steps of the whole schedule.
    fn steps(&self) -> u64;
    /// The training step as config.json records it.
    fn step(&self) -> &StepSettings;
    /// Seed of the initial weights, the data order and dropout.
    fn seed(&self) -> u64;
}

/// `RunConfig` for a run struct with the fields every recipe records (`recipe`, `batch`,
/// `steps`, `step`, `seed`) and its `execution`; the brackets hold the impl's generic
/// parameters, if any.
macro_rules! recorded_run {
    ([$($generics:tt)*] $run:ty) => {
        impl<$($generics)*> $crate::train::recipes::launch::RunConfig for $run {
            fn recipe(&self) -> &str {
                self.recipe.as_ref()
            }
            fn execution(&self) -> &$crate::train::recipes::settings::Execution {
                &self.execution
            }
            fn batch(&self) -> usize {
                self.batch
            }
            fn steps(&self) -> u64 {
                self.steps
            }
            fn step(&self) -> &$crate::train::recipes::settings::StepSettings {
                &self.step
            }
            fn seed(&self) -> u64 {
                self.seed
            }
        }
    };
}
pub(crate) use recorded_run;

/// Prints the resolved configuration (without the recorded command line) and checks the run
/// folder against it before anything compiles (`train::run::plan`): an existing run without
/// `resume`, or a resume that changes the recipe, model or global batch, is an error. A resume
/// of a finished run returns its summary (nothing to train).
pub fn start(run: &impl RunConfig) -> Result<(RunOptions, Option<RunSummary>)> {
    let config = serde_json::to_value(run).context("the run's configuration as JSON")?;
    let mut shown = config.clone();
    if let Some(fields) = shown.as_object_mut() {
        fields.remove("command");
    }
    eprintln!("{}: resolved configuration\n{}", run.recipe(), serde_json::to_string_pretty(&shown)?);
    let opts = run_options(run, config);
    let done = match plan(&opts)? {
        Start::Complete { ckpt, step } => {
            eprintln!("{}", complete_message(&opts, &ckpt, step));
            Some(RunSummary::finished(ckpt, vec![]))
        }
        _ => None,
    };
    Ok((opts, done))
}

fn run_options(run: &impl RunConfig, config: Value) -> RunOptions {
    let e = run.execution();
    RunOptions {
        out_dir: e.out.clone(),
        steps: e.stop_after.map_or(run.steps(), |k| k.min(run.steps())),
        checkpoint_every: e.checkpoint_every,
        keep: e.keep,
        log_every: e.log_every,
        resume: e.resume,
        config,
        batch: run.batch(),
        process: e.runtime.process_shard(),
        overlap: !e.sync_steps,
    }
}

/// The launch of a run that starts from fresh weights: the configuration printed and checked
/// (`start`; a finished run returns its summary), the batch source built by `source` from the
/// step, the step compiled, the loop run and evaluated by `evaluate`, the closing line printed.
pub fn pretrain<S: BatchSource>(
    run: &impl RunConfig,
    obj: &dyn Objective,
    source: impl FnOnce(&StepConfig) -> Result<S>,
    mut evaluate: impl FnMut(&Client, &Trainer) -> Result<Vec<(String, f64)>>,
) -> Result<RunSummary> {
    let (opts, done) = start(run)?;
    if let Some(done) = done {
        return Ok(done);
    }
    let step = run.step().step_config()?;
    let mut src = source(&step)?;
    let client = run.execution().runtime.client()?;
    let mut trainer = trainer(&client, obj, step, run.execution(), run.seed())?;
    let s = run_evaluated(&mut trainer, &mut src, &opts, &mut |t: &Trainer| evaluate(&client, t))?;
    report(&s);
    Ok(s)
}

/// No evaluation after the last step.
pub fn no_evaluation(_: &Client, _: &Trainer) -> Result<Vec<(String, f64)>> {
    Ok(vec![])
}

/// The compiled training step with fresh weights (and its smoothing-watching variant when
/// `watch_smoothing` asks for one).
pub fn trainer(client: &Client, obj: &dyn Objective, step: StepConfig, e: &Execution, seed: u64) -> Result<Trainer> {
    if let Some(k) = e.watch_smoothing {
        ensure!(k >= 1, "--watch-smoothing must be at least 1 (steps between watched steps), got {}", k);
        ensure!(step.accum <= 1, "--watch-smoothing needs --accum 1 (it reports one micro-batch's metrics), got --accum {}", step.accum);
    }
    let mut trainer = Trainer::new(client, obj, step, seed)?;
    if let Some(k) = e.watch_smoothing {
        trainer.watch_smoothing(obj, k)?;
    }
    eprintln!("compiled the training step in {:.2} s", trainer.program.compile_seconds());
    Ok(trainer)
}

/// The initial weights of `from` (a checkpoint folder or model.safetensors), read before
/// anything compiles.
pub fn read_from(from: Option<&Path>) -> Result<Option<(PathBuf, Tensors)>> {
    from.map(|f| crate::checkpoint::commit::load_model(f).with_context(|| format!("--from {}", f.display()))).transpose()
}

/// Loads `from`'s weights into the trainer and prints which were loaded, new and unused.
pub fn load_from(trainer: &mut Trainer, from: Option<(PathBuf, Tensors)>) -> Result<Option<(PathBuf, Loaded)>> {
    let Some((file, weights)) = from else { return Ok(None) };
    let loaded = trainer.load_weights(&weights).with_context(|| format!("--from {}", file.display()))?;
    eprintln!("{}", loaded.summary(&file));
    Ok(Some((file, loaded)))
}

/// Writes `loaded_weights.json` (process 0). Called after the loop, once the run folder is known
/// to be this run's (the loop refuses another run's).
pub fn record_loaded(loaded: &Option<(PathBuf, Loaded)>, e: &Execution) -> Result<()> {
    match (loaded, e.runtime.process_shard().index) {
        (Some((file, loaded)), 0) => loaded.record(file, &e.out),
        _ => Ok(()),
    }
}

/// The closing line of a run that trained.
pub fn report(s: &RunSummary) {
    if let Some(m) = &s.last {
        eprintln!(
            "done: {} steps in {:.1} s ({:.1} examples/s); loss {:.4} -> {:.4}; checkpoint {}",
            s.steps_run,
            s.seconds,
            s.examples_per_second,
            s.first_loss.unwrap_or(f32::NAN),
            m.loss,
            s.last_checkpoint.as_ref().map(|p| p.display().to_string()).unwrap_or_default()
        );
    }
}
