//! The training loop: batches in, steps, logs (JSONL, TensorBoard, progress), periodic committed
//! checkpoints, resume from the newest committed checkpoint, a stop on a non-finite loss.
//!
//! The run folder may be local or on object storage. With several processes (hosts) in one job,
//! every process resumes from the same newest committed checkpoint, so all start at one step and
//! run the same steps; only process 0 writes logs and checkpoints.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use serde_json::{json, Value};

use super::metrics::{check_finite, MetricsWriter};
use super::progress::Progress;
use super::sources::BatchSource;
use super::tensorboard::SummaryWriter;
use super::trainer::{prune_checkpoints, Pending, StepMetrics, Trainer, Uploaded};

#[derive(Clone, Debug)]
pub struct RunOptions {
    pub out_dir: PathBuf,
    pub steps: u64,
    /// Checkpoint every this many steps (and at the end); 0: only at the end.
    pub checkpoint_every: u64,
    /// Complete checkpoints kept.
    pub keep: usize,
    /// Plain progress lines every this many steps when not on a terminal.
    pub log_every: u64,
    /// Continue from the newest checkpoint in `out_dir` if there is one.
    pub resume: bool,
    /// Written into every checkpoint and `config.json` (the resolved configuration).
    pub config: Value,
    /// Examples per step (for throughput).
    pub batch: usize,
    /// This process among the job's processes; only index 0 writes.
    pub process: crate::data::ProcessShard,
    /// Upload the next batch and read the last step's scalars while a step runs (the default);
    /// false: every step waits for the device before the next batch is read.
    pub overlap: bool,
}

#[derive(Clone, Debug)]
pub struct RunSummary {
    pub first_loss: Option<f32>,
    pub last: Option<StepMetrics>,
    pub steps_run: u64,
    pub seconds: f64,
    pub examples_per_second: f64,
    pub last_checkpoint: Option<PathBuf>,
    /// The evaluations taken after the last step (`eval/accuracy`, ...), in the evaluator's order.
    pub evaluations: Vec<(String, f64)>,
}

impl RunSummary {
    /// A run found finished at `ckpt`: nothing trained, the evaluations of the restored model.
    pub fn finished(ckpt: PathBuf, evaluations: Vec<(String, f64)>) -> RunSummary {
        RunSummary {
            first_loss: None,
            last: None,
            steps_run: 0,
            seconds: 0.0,
            examples_per_second: 0.0,
            last_checkpoint: Some(ckpt),
            evaluations,
        }
    }
}

/// Evaluates the trained model after the last step of an invocation: `(key, value)` pairs whose
/// keys start with `eval/`. Runs in every process; process 0 logs what it returns.
pub type Evaluator<'a> = dyn FnMut(&Trainer) -> Result<Vec<(String, f64)>> + 'a;

fn log_values(m: &StepMetrics, ex_per_s: f64) -> Vec<(String, f64)> {
    let mut v = vec![
        ("loss".to_string(), m.loss as f64),
        ("lr".to_string(), m.lr as f64),
        ("grad_norm".to_string(), m.grad_norm as f64),
        ("examples_per_second".to_string(), ex_per_s),
    ];
    v.extend(m.metrics.iter().map(|(k, x)| (k.clone(), *x as f64)));
    v
}

/// Runs until `opts.steps`; returns what happened. Nothing is evaluated.
pub fn run(trainer: &mut Trainer, source: &mut dyn BatchSource, opts: &RunOptions) -> Result<RunSummary> {
    run_evaluated(trainer, source, opts, &mut |_| Ok(vec![]))
}

// Long because it is the loop itself, written in the order things happen to a step: launch,
// prefetch, read back a step late, log, checkpoint, interrupt, evaluate at the end. The order is
// what makes resume exact and a stopped run safe, so it is kept in one place to read.
/// Runs until `opts.steps`, then evaluates: the evaluations are logged on the last step's line
/// of `metrics.jsonl` and in TensorBoard at that step, after its checkpoint is saved (an
/// evaluation that fails loses no training), and `results.json` records the run's final figures.
/// A resume of a finished run evaluates the restored model and writes nothing.
pub fn run_evaluated(
    trainer: &mut Trainer,
    source: &mut dyn BatchSource,
    opts: &RunOptions,
    evaluate: &mut Evaluator,
) -> Result<RunSummary> {
    let dir = &opts.out_dir;
    let writer = opts.process.index == 0;
    source.set_process(opts.process);
    let mut last_ckpt: Option<(u64, PathBuf)> = None;
    let resumed = match plan(opts)? {
        Start::Fresh => None,
        Start::Resume { ckpt, .. } => Some(ckpt),
        Start::Complete { ckpt, step } => {
            // Nothing to train and nothing to write; the trainer holds the finished weights
            // (read only) for whoever evaluates them.
            eprintln!("{}", complete_message(opts, &ckpt, step));
            trainer.restore(&ckpt)?;
            let evaluations = checked(evaluate(trainer))?;
            return Ok(RunSummary::finished(ckpt, evaluations));
        }
    };
    let (mut metrics, mut tb) = match &resumed {
        Some(ck) => {
            let extra = trainer.restore(ck)?;
            check_process_count(&extra, opts.process.count, ck)?;
            source.seek(&extra["data"]).with_context(|| format!("data position in {}", ck.display()))?;
            last_ckpt = Some((trainer.step, ck.clone()));
            eprintln!("resumed from {} at step {}", ck.display(), trainer.step);
            if writer {
                (Some(MetricsWriter::resume(dir, trainer.step)?), Some(SummaryWriter::resume(&dir.join("tb"), trainer.step)?))
            } else {
                (None, None)
            }
        }
        None if writer => (Some(MetricsWriter::create(dir)?), Some(SummaryWriter::create(&dir.join("tb"))?)),
        None => (None, None),
    };
    if writer {
        crate::checkpoint::write_bytes_atomic(&dir.join("config.json"), serde_json::to_string_pretty(&opts.config)?.as_bytes())?;
    }

    // Ctrl-C from here on stops at the next step boundary with a checkpoint.
    let _interrupt = super::interrupt::install();
    let mut progress = Progress::stderr(opts.steps, opts.log_every.max(1));
    let start_step = trainer.step;
    trainer.watch_last_step(opts.steps);
    let t0 = Instant::now();
    // Each step's time is taken between launches: readbacks come a step late and in pairs at
    // checkpoints, so the time between them would not be any one step's.
    let mut last_launch = Instant::now();
    let mut step_seconds: std::collections::VecDeque<f64> = std::collections::VecDeque::new();
    let mut first_loss = None;
    let mut last = None;
    // The host runs a step ahead of the device: once step k is launched, the next batch is read
    // and uploaded and step k-1's scalars are read back while k computes. Only at a checkpoint
    // boundary does the loop wait, so the saved data position is the trainer's own.
    let mut next: Option<Uploaded> = None;
    let mut pending: Option<Pending> = None;
    // The last step's line waits for the evaluations, which run after its checkpoint is saved.
    let mut held: Option<Held> = None;
    let (mut evaluations, mut evaluate_seconds) = (vec![], 0.0);
    while trainer.step < opts.steps {
        let uploaded = match next.take() {
            Some(u) => u,
            None => trainer.upload(&next_batch(source)?)?,
        };
        let launched = trainer.launch(uploaded)?;
        step_seconds.push_back(last_launch.elapsed().as_secs_f64().max(1e-9));
        last_launch = Instant::now();
        let interrupted = super::interrupt::requested();
        let due =
            (opts.checkpoint_every > 0 && trainer.step.is_multiple_of(opts.checkpoint_every)) || trainer.step == opts.steps || interrupted;
        if opts.overlap && !due {
            next = Some(trainer.upload(&next_batch(source)?)?);
        }
        let done = if opts.overlap { pending.replace(launched) } else { Some(launched) };
        let mut finished: Vec<Pending> = done.into_iter().collect();
        if due {
            finished.extend(pending.take());
        }
        for p in finished {
            let m = trainer.finish(p)?;
            let ck_ref = last_ckpt.as_ref().map(|(s, p)| (*s, p.as_path()));
            check_finite(m.step, "loss", m.loss as f64, ck_ref)?;
            let dt = step_seconds.pop_front().unwrap_or(1e-9);
            let values = log_values(&m, opts.batch as f64 / dt);
            let refs: Vec<(&str, f64)> = values.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            progress.update(m.step + 1, &refs[..2]);
            if m.step + 1 == opts.steps && !interrupted {
                held = Some(Held { step: m.step + 1, time: super::metrics::unix_seconds(), values });
            } else if let (Some(metrics), Some(tb)) = (metrics.as_mut(), tb.as_mut()) {
                metrics.log(m.step + 1, &refs)?;
                tb.add_scalars(m.step + 1, &refs)?;
            }
            first_loss.get_or_insert(m.loss);
            last = Some(m);
        }
        if due && writer {
            let p = save(trainer, source, dir, &opts.config, opts.process.count)?;
            prune_checkpoints(dir, opts.keep.max(1), |ck| same_run(ck, &opts.config))?;
            if let Some(m) = &metrics {
                m.sync()?;
            }
            last_ckpt = Some((trainer.step, p));
        }
        if let Some(Held { step, time, mut values }) = held.take() {
            let t = Instant::now();
            let evaluated = checked(evaluate(trainer));
            evaluate_seconds = t.elapsed().as_secs_f64();
            // The step's line is logged either way; a failed evaluation is reported after it.
            values.extend(evaluated.as_ref().cloned().unwrap_or_default());
            let refs: Vec<(&str, f64)> = values.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            if let (Some(metrics), Some(tb)) = (metrics.as_mut(), tb.as_mut()) {
                metrics.log_at(step, time, &refs)?;
                tb.add_scalars_at(step, time, &refs)?;
            }
            evaluations = evaluated?;
        }
        if interrupted {
            progress.finish();
            if let (Some(metrics), Some(tb)) = (metrics.as_ref(), tb.as_mut()) {
                tb.flush()?;
                metrics.sync()?;
            }
            let checkpoint = if writer { last_ckpt.map(|(_, p)| p) } else { None };
            return Err(super::interrupt::Interrupted { step: trainer.step, checkpoint }.into());
        }
    }
    progress.finish();
    if let (Some(metrics), Some(tb)) = (metrics.as_ref(), tb.as_mut()) {
        tb.flush()?;
        metrics.sync()?;
    }
    let secs = t0.elapsed().as_secs_f64() - evaluate_seconds;
    let steps_run = trainer.step - start_step;
    if let (true, Some(m)) = (writer, &last) {
        let ending = super::results::Ending {
            config: &opts.config,
            last_step: m.step + 1,
            final_loss: m.loss as f64,
            evaluations: &evaluations,
            resumed_from: resumed.as_ref().map(|_| start_step),
            train_seconds: secs,
            evaluate_seconds,
        };
        super::results::Results::new(&ending).write(dir)?;
    }
    Ok(RunSummary {
        first_loss,
        last,
        steps_run,
        seconds: secs,
        examples_per_second: steps_run as f64 * opts.batch as f64 / secs.max(1e-9),
        last_checkpoint: last_ckpt.map(|(_, p)| p),
        evaluations,
    })
}

/// The next training batch. The training sources repeat their data: one that ends leaves
/// steps without a batch, an error.
fn next_batch(source: &mut dyn BatchSource) -> Result<Vec<crate::runtime::HostTensor>> {
    source.next_batch()?.context("the data ran out")
}

/// The last step's line, held back until the evaluations join it.
struct Held {
    step: u64,
    /// When the step's scalars were read (the line's time, not the evaluation's).
    time: f64,
    values: Vec<(String, f64)>,
}

/// An evaluator's result, its keys checked: each must carry the `eval/` prefix, so that it can
/// be told apart from the training scalars on the same line.
fn checked(evaluated: Result<Vec<(String, f64)>>) -> Result<Vec<(String, f64)>> {
    let evaluations = evaluated?;
    if let Some((k, _)) = evaluations.iter().find(|(k, _)| !k.starts_with(super::results::EVAL_PREFIX)) {
        anyhow::bail!("evaluation `{}` lacks the `{}` prefix", k, super::results::EVAL_PREFIX);
    }
    Ok(evaluations)
}

fn save(trainer: &Trainer, source: &dyn BatchSource, dir: &Path, config: &Value, processes: usize) -> Result<PathBuf> {
    trainer.save(dir, json!({ "data": source.position(), "config": config, "process_count": processes }))
}

/// How a run starts, decided before anything compiles or is written (`plan`).
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// From fresh weights (the run folder holds no run, or `--resume` found no checkpoint).
    Fresh,
    /// From the newest committed checkpoint, at its step.
    Resume { ckpt: PathBuf, step: u64 },
    /// The newest committed checkpoint is already at (or past) the last step asked for.
    Complete { ckpt: PathBuf, step: u64 },
}

/// What in a resolved configuration makes a run the same run: a resume that changes any of
/// these would continue another computation (another objective, model or global batch).
const IDENTITY: [&str; 4] = ["recipe", "task", "model", "batch"];

/// Checks `opts.out_dir` against what the run asks for, before anything compiles: a folder
/// that holds a run is refused without `--resume` (nothing of it is overwritten); a resume
/// must continue the same recipe, model and global batch (each difference named); a resume of
/// a run already at its last step is `Start::Complete`.
pub fn plan(opts: &RunOptions) -> Result<Start> {
    let dir = &opts.out_dir;
    if !opts.resume {
        // Processes other than 0 write nothing, and process 0 may already be writing.
        let found = if opts.process.index == 0 { existing_run(dir)? } else { vec![] };
        anyhow::ensure!(
            found.is_empty(),
            "--out {} already holds a run ({}); nothing was changed. Continue it with --resume, or train into another --out",
            dir.display(),
            found.join(", ")
        );
        return Ok(Start::Fresh);
    }
    let Some(ckpt) = newest_checkpoint(dir)? else {
        // No checkpoint yet: a config.json still says what the run was.
        let path = dir.join("config.json");
        if crate::storage::exists(&path).unwrap_or(false) {
            let text = crate::storage::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let old: Value = serde_json::from_str(&text).with_context(|| format!("{}: not JSON", path.display()))?;
            check_same_run(&old, &opts.config, &path)?;
        }
        return Ok(Start::Fresh);
    };
    let marker = crate::checkpoint::commit::read_marker(&ckpt)?;
    let bytes = crate::checkpoint::commit::read_verified(&ckpt, &marker, "state.json")?;
    let state: Value = serde_json::from_slice(&bytes).with_context(|| format!("{}/state.json", ckpt.display()))?;
    let step = state["step"].as_u64().with_context(|| format!("{}/state.json has no step", ckpt.display()))?;
    if let Some(old) = state["extra"].get("config") {
        check_same_run(old, &opts.config, &ckpt)?;
    }
    Ok(if step >= opts.steps { Start::Complete { ckpt, step } } else { Start::Resume { ckpt, step } })
}

/// What a resume of a finished run says.
pub fn complete_message(opts: &RunOptions, ckpt: &Path, step: u64) -> String {
    format!(
        "the run in {} is already complete: {} is at step {} and {} steps were asked for; nothing was trained or written (raise --steps to train it further)",
        opts.out_dir.display(),
        ckpt.display(),
        step,
        opts.steps
    )
}

/// What in `dir` belongs to a run: `config.json`, `metrics.jsonl`, `results.json`, `ckpt-*`
/// folders (committed or not).
fn existing_run(dir: &Path) -> Result<Vec<String>> {
    let (files, dirs) = match crate::storage::list(dir) {
        Ok(l) => l,
        Err(e) if e.kind == crate::storage::StorageErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(e).with_context(|| format!("listing --out {}", dir.display())),
    };
    let name = |p: &PathBuf| crate::storage::Location::from_path(p).ok().and_then(|l| l.file_name()).unwrap_or_default();
    let mut found: Vec<String> = files
        .iter()
        .map(|(p, _)| name(p))
        .filter(|n| n == "config.json" || n == super::metrics::FILE_NAME || n == super::results::FILE_NAME)
        .collect();
    found.extend(dirs.iter().map(name).filter(|n| n.starts_with("ckpt-")));
    Ok(found)
}

/// Every difference between `old` and `new` in the fields that make a run itself, as
/// `field: old -> new`. A field the old configuration does not record is not a difference
/// (it was written before the field existed).
pub fn run_differences(old: &Value, new: &Value) -> Vec<String> {
    fn walk(a: &Value, b: &Value, path: &str, out: &mut Vec<String>) {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                for (k, v) in y {
                    if let Some(u) = x.get(k) {
                        walk(u, v, &format!("{path}.{k}"), out);
                    }
                }
            }
            _ if a != b => out.push(format!("{path}: {a} -> {b}")),
            _ => {}
        }
    }
    let mut out = vec![];
    for k in IDENTITY {
        if let (Some(a), Some(b)) = (old.get(k), new.get(k)) {
            walk(a, b, k, &mut out);
        }
    }
    out
}

fn check_same_run(old: &Value, new: &Value, source: &Path) -> Result<()> {
    let diffs = run_differences(old, new);
    anyhow::ensure!(
        diffs.is_empty(),
        "--resume: this run differs from the one in {} (recipe, model and global batch must stay the same):\n  {}\nnothing was changed; train into another --out to start a new run",
        source.display(),
        diffs.join("\n  ")
    );
    Ok(())
}

/// Whether the committed checkpoint `ckpt` was written by this run (same recipe, model and
/// global batch): only those are ever pruned. Unreadable ones are not ours.
fn same_run(ckpt: &Path, config: &Value) -> bool {
    let state = || -> Option<Value> {
        let marker = crate::checkpoint::commit::read_marker(ckpt).ok()?;
        serde_json::from_slice(&crate::checkpoint::commit::read_verified(ckpt, &marker, "state.json").ok()?).ok()
    };
    state().and_then(|s| s["extra"].get("config").map(|old| run_differences(old, config).is_empty())).unwrap_or(false)
}

/// The newest committed checkpoint in `dir`; folders after it that are not committed (a write
/// that was interrupted) are named in a note and ignored.
fn newest_checkpoint(dir: &Path) -> Result<Option<PathBuf>> {
    let (good, bad) = crate::checkpoint::commit::scan(dir, "ckpt-")?;
    let newest = good.last().map(|g| g.0.clone());
    for (p, why) in bad {
        if newest.as_ref().is_none_or(|n| p > *n) {
            eprintln!("note: ignoring {}: {}", p.display(), why);
        }
    }
    Ok(newest)
}

/// The data share of each process depends on the process count: a resume with another count
/// would read other records than the run it continues.
fn check_process_count(extra: &Value, count: usize, ck: &Path) -> Result<()> {
    if let Some(saved) = extra.get("process_count").and_then(Value::as_u64) {
        anyhow::ensure!(
            saved as usize == count,
            "{} was written by a job of {} processes; this one has {} (--process-count / the TPU worker list must match to resume)",
            ck.display(),
            saved,
            count
        );
    }
    Ok(())
}
