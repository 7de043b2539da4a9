//! `results.json`: a run's final figures in one file, written when a training invocation ends
//! (the last step asked for, or `--stop-after`), atomically (a temporary file renamed, one upload
//! on object storage), so a file with that name is always complete.
//!
//! Its final loss is the loss of the last line of `metrics.jsonl`, and its evaluations are the
//! `eval/*` values logged on that line. A fresh run cannot overwrite another run's file (the
//! run-folder checks refuse a folder holding a run); a resume that ends rewrites its own.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::ModelConfig;

pub const FILE_NAME: &str = "results.json";

/// The prefix of every evaluation's key in `metrics.jsonl`, TensorBoard and `results.json`.
pub const EVAL_PREFIX: &str = "eval/";

/// The model's shape and exact counts, from a run's resolved configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    /// `vit`, `mae`, `bert`, `clip` or `opt`.
    pub kind: String,
    /// Of the stack the paper trades depth against width in (CLIP: the image tower).
    pub depth: usize,
    pub width: usize,
    pub heads: usize,
    pub params: u64,
    /// Forward FLOPs of one example (matmuls, multiply-add = 2), as `bamboo configs` counts them.
    pub forward_flops: u64,
}

impl Shape {
    /// The shape of `config["model"]`, or `None` when the configuration holds no readable model.
    pub fn of_config(config: &Value) -> Option<Shape> {
        let m = ModelConfig::from_value(config.get("model")?.clone(), "model").ok()?;
        let e = m.encoder();
        Some(Shape {
            kind: m.kind().to_string(),
            depth: e.depth,
            width: e.width,
            heads: e.heads,
            params: m.params().total(),
            forward_flops: m.flops().forward(),
        })
    }
}

/// What `results.json` holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// `pretrain mae`, `finetune`, `glue`, ... (the configuration's `recipe`).
    pub recipe: String,
    /// The GLUE task, for `glue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    pub shape: Option<Shape>,
    /// The step the run has reached, and the steps its schedule runs to.
    pub last_step: u64,
    pub steps: u64,
    /// Whether `last_step` is the schedule's last (false after `--stop-after`).
    pub finished: bool,
    pub batch: u64,
    /// The training loss logged at `last_step`.
    pub final_loss: f64,
    /// The evaluations taken at `last_step` (`eval/accuracy`, ...), also on its metrics line.
    pub evaluations: BTreeMap<String, f64>,
    /// Training FLOPs of the steps so far: 3 x forward, per example, x batch x `last_step`.
    pub train_flops: f64,
    /// The step this invocation resumed from (`None`: it started the run).
    pub resumed_from: Option<u64>,
    /// This invocation's training loop, its evaluations, and both together.
    pub train_seconds: f64,
    pub evaluate_seconds: f64,
    pub wall_seconds: f64,
    /// Unix seconds when the file was written.
    pub time: f64,
}

/// What a training invocation hands over to be recorded.
pub struct Ending<'a> {
    pub config: &'a Value,
    pub last_step: u64,
    pub final_loss: f64,
    pub evaluations: &'a [(String, f64)],
    pub resumed_from: Option<u64>,
    pub train_seconds: f64,
    pub evaluate_seconds: f64,
}

impl Results {
    pub fn new(e: &Ending) -> Results {
        let shape = Shape::of_config(e.config);
        let steps = e.config.get("steps").and_then(Value::as_u64).unwrap_or(e.last_step);
        let batch = e.config.get("batch").and_then(Value::as_u64).unwrap_or(0);
        let train_flops = shape.as_ref().map_or(0.0, |s| 3.0 * s.forward_flops as f64 * batch as f64 * e.last_step as f64);
        Results {
            recipe: e.config.get("recipe").and_then(Value::as_str).unwrap_or("?").to_string(),
            task: e.config.get("task").and_then(Value::as_str).map(str::to_string),
            shape,
            last_step: e.last_step,
            steps,
            finished: e.last_step >= steps,
            batch,
            final_loss: e.final_loss,
            evaluations: e.evaluations.iter().cloned().collect(),
            train_flops,
            resumed_from: e.resumed_from,
            train_seconds: e.train_seconds,
            evaluate_seconds: e.evaluate_seconds,
            wall_seconds: e.train_seconds + e.evaluate_seconds,
            time: super::metrics::unix_seconds(),
        }
    }

    /// Writes `<run_dir>/results.json` whole (local or object storage).
    pub fn write(&self, run_dir: &Path) -> Result<()> {
        let path = run_dir.join(FILE_NAME);
        let text = serde_json::to_string_pretty(self)? + "\n";
        crate::checkpoint::write_bytes_atomic(&path, text.as_bytes()).with_context(|| format!("writing {}", path.display()))
    }

    /// `<run_dir>/results.json`, or `None` when the run has not written one.
    pub fn read(run_dir: &Path) -> Result<Option<Results>> {
        let path = run_dir.join(FILE_NAME);
        if !crate::storage::exists(&path).unwrap_or(false) {
            return Ok(None);
        }
        let text = crate::storage::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        Ok(Some(serde_json::from_str(&text).with_context(|| format!("{}: not a results file", path.display()))?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn counts_come_from_the_model_and_survive_a_round_trip() {
        let model = crate::config::preset("vit-t28").unwrap();
        let config = json!({ "recipe": "train vit", "model": model, "batch": 16, "steps": 10 });
        let evals = vec![("eval/accuracy".to_string(), 0.25)];
        let r = Results::new(&Ending {
            config: &config,
            last_step: 4,
            final_loss: 2.5,
            evaluations: &evals,
            resumed_from: None,
            train_seconds: 1.0,
            evaluate_seconds: 0.5,
        });
        let shape = r.shape.clone().unwrap();
        assert_eq!((shape.depth, shape.width, shape.params), (model.encoder().depth, model.encoder().width, model.params().total()));
        assert_eq!(r.train_flops, 3.0 * model.flops().forward() as f64 * 16.0 * 4.0);
        assert!(!r.finished, "4 of 10 steps");
        assert_eq!(r.evaluations["eval/accuracy"], 0.25);

        let d = std::env::temp_dir().join(format!("bamboo-results-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        assert_eq!(Results::read(&d).unwrap(), None);
        r.write(&d).unwrap();
        assert_eq!(Results::read(&d).unwrap(), Some(r));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_configuration_without_a_model_has_no_shape() {
        assert_eq!(Shape::of_config(&json!({ "recipe": "x" })), None);
        assert_eq!(Shape::of_config(&json!({ "model": { "model": "vit", "depth": "six" } })), None);
    }
}
