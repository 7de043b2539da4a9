//! Runs side by side: every run folder beneath a folder (a folder holding `config.json` and
//! `metrics.jsonl`) read into one row of final figures (`bamboo runs`), and their loss and
//! evaluation curves drawn into one PNG (`bamboo plot`).
//!
//! A run's figures come from its `results.json` when that file is as new as its log; otherwise
//! (no file yet, or a resume that has logged further since) from the last lines of
//! `metrics.jsonl`, and the run is shown as "running or stopped".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Serialize;
use serde_json::Value;

use super::plot::canvas::Canvas;
use super::plot::{line_chart, ChartLayout, Panel, Series};
use crate::train::metrics::FILE_NAME as METRICS;
use crate::train::results::{Results, Shape, EVAL_PREFIX};

/// One run's final figures.
#[derive(Clone, Debug, Serialize)]
pub struct RunRow {
    /// The folder, relative to the folder searched.
    pub name: String,
    pub path: PathBuf,
    /// `pretrain mae`, `finetune`, `glue sst2`, ...
    pub objective: String,
    pub shape: Option<Shape>,
    pub last_step: Option<u64>,
    /// The steps the run's schedule runs to.
    pub steps: Option<u64>,
    pub final_loss: Option<f64>,
    /// The latest evaluations (`eval/accuracy`, ...).
    pub evaluations: BTreeMap<String, f64>,
    /// `finished`, `stopped at step K of N`, `running or stopped`, or what could not be read.
    pub status: String,
    pub wall_seconds: Option<f64>,
}

/// Every run folder beneath `root` (`root` itself included), sorted by path. Checkpoint and
/// TensorBoard folders are not searched, nor the inside of a run.
pub fn find_runs(root: &Path) -> Result<Vec<PathBuf>> {
    anyhow::ensure!(root.is_dir(), "{} is not a folder", root.display());
    let mut found = vec![];
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if is_run(&dir) {
            found.push(dir);
            continue;
        }
        let entries = std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?;
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if e.file_type().is_ok_and(|t| t.is_dir()) && !name.starts_with("ckpt-") && name != "tb" {
                stack.push(e.path());
            }
        }
    }
    found.sort();
    Ok(found)
}

fn is_run(dir: &Path) -> bool {
    dir.join("config.json").is_file() && dir.join(METRICS).is_file()
}

/// The rows of every run beneath `root`; a run that cannot be read is a row saying why.
pub fn list(root: &Path) -> Result<Vec<RunRow>> {
    let runs = find_runs(root)?;
    Ok(runs.iter().map(|dir| read_row(dir, &relative_name(dir, root))).collect())
}

fn relative_name(dir: &Path, root: &Path) -> String {
    match dir.strip_prefix(root) {
        Ok(p) if p.as_os_str().is_empty() => dir.file_name().map_or(".".into(), |n| n.to_string_lossy().to_string()),
        Ok(p) => p.display().to_string(),
        Err(_) => dir.display().to_string(),
    }
}

/// One run's row: from `results.json` when it is as new as the log, else from the log.
pub fn read_row(dir: &Path, name: &str) -> RunRow {
    let mut row = RunRow {
        name: name.to_string(),
        path: dir.to_path_buf(),
        objective: "?".into(),
        shape: None,
        last_step: None,
        steps: None,
        final_loss: None,
        evaluations: BTreeMap::new(),
        status: "running or stopped".into(),
        wall_seconds: None,
    };
    let config = match read_json(&dir.join("config.json")) {
        Ok(c) => c,
        Err(e) => {
            row.status = format!("{:#}", e);
            return row;
        }
    };
    row.objective = objective(&config);
    row.shape = Shape::of_config(&config);
    row.steps = config.get("steps").and_then(Value::as_u64);
    let log = match read_log(dir) {
        Ok(l) => l,
        Err(e) => {
            row.status = format!("{:#}", e);
            return row;
        }
    };
    let last = log.iter().rev().find(|l| l.get("loss").is_some());
    row.last_step = last.and_then(|l| l["step"].as_u64());
    row.final_loss = last.and_then(|l| l["loss"].as_f64());
    if let Some(l) = log.iter().rev().find(|l| !evaluations(l).is_empty()) {
        row.evaluations = evaluations(l);
    }
    match Results::read(dir) {
        Ok(Some(r)) if Some(r.last_step) >= row.last_step => {
            row.status = if r.finished { "finished".into() } else { format!("stopped at step {} of {}", r.last_step, r.steps) };
            row.last_step = Some(r.last_step);
            row.steps = Some(r.steps);
            row.final_loss = Some(r.final_loss);
            row.evaluations = r.evaluations;
            row.wall_seconds = Some(r.wall_seconds);
        }
        Ok(_) => {}
        Err(e) => row.status = format!("running or stopped ({:#})", e),
    }
    row
}

fn objective(config: &Value) -> String {
    let recipe = config.get("recipe").and_then(Value::as_str).unwrap_or("?");
    match config.get("task").and_then(Value::as_str) {
        Some(task) => format!("{} {}", recipe, task),
        None => recipe.to_string(),
    }
}

fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: not JSON", path.display()))
}

/// The lines of `metrics.jsonl` that parse as objects with a step (a line cut by a kill does not).
pub fn read_log(dir: &Path) -> Result<Vec<Value>> {
    let path = dir.join(METRICS);
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v.get("step").and_then(Value::as_u64).is_some())
        .collect())
}

/// The `eval/*` values of one log line.
fn evaluations(line: &Value) -> BTreeMap<String, f64> {
    let Some(o) = line.as_object() else { return BTreeMap::new() };
    o.iter().filter(|(k, _)| k.starts_with(EVAL_PREFIX)).filter_map(|(k, v)| v.as_f64().map(|x| (k.clone(), x))).collect()
}

/// The rows as a plain-text table, columns aligned.
pub fn table(rows: &[RunRow]) -> String {
    let header = ["run", "objective", "shape", "params", "FLOPs/ex", "step", "final loss", "evaluations", "status"];
    let mut cells: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
    for r in rows {
        let shape = r.shape.as_ref();
        cells.push(vec![
            r.name.clone(),
            r.objective.clone(),
            shape.map_or("-".into(), |s| format!("{}x{}", s.depth, s.width)),
            shape.map_or("-".into(), |s| si(s.params as f64)),
            shape.map_or("-".into(), |s| si(s.forward_flops as f64)),
            match (r.last_step, r.steps) {
                (Some(a), Some(b)) => format!("{}/{}", a, b),
                (Some(a), None) => a.to_string(),
                _ => "-".into(),
            },
            r.final_loss.map_or("-".into(), |l| format!("{:.4}", l)),
            if r.evaluations.is_empty() {
                "-".into()
            } else {
                r.evaluations
                    .iter()
                    .map(|(k, v)| format!("{} {:.4}", k.strip_prefix(EVAL_PREFIX).unwrap_or(k), v))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            r.status.clone(),
        ]);
    }
    let widths: Vec<usize> = (0..header.len()).map(|c| cells.iter().map(|row| row[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in &cells {
        let line: Vec<String> = row.iter().zip(&widths).map(|(s, w)| format!("{:<w$}", s, w = *w)).collect();
        out += line.join("  ").trim_end();
        out.push('\n');
    }
    out
}

/// 1234567 -> "1.23M" (k, M, G, T).
fn si(x: f64) -> String {
    let units = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")];
    match units.iter().find(|(u, _)| x >= *u) {
        Some((u, s)) => format!("{:.2}{}", x / u, s),
        None => format!("{}", x),
    }
}

/// One run's curves: the training loss and each evaluation, as (step, value).
pub struct Curves {
    pub loss: Vec<(f64, f64)>,
    pub evaluations: BTreeMap<String, Vec<(f64, f64)>>,
}

pub fn curves(dir: &Path) -> Result<Curves> {
    anyhow::ensure!(dir.join(METRICS).is_file(), "{} holds no {} (not a run folder)", dir.display(), METRICS);
    let log = read_log(dir)?;
    let mut c = Curves { loss: vec![], evaluations: BTreeMap::new() };
    for l in &log {
        let step = l["step"].as_u64().unwrap_or(0) as f64;
        if let Some(v) = l.get("loss").and_then(Value::as_f64) {
            c.loss.push((step, v));
        }
        for (k, v) in evaluations(l) {
            c.evaluations.entry(k).or_default().push((step, v));
        }
    }
    Ok(c)
}

/// Training loss against step for every run (one panel), then one panel per evaluation; run
/// `i` has the same colour in every panel and `labels[i]` in the legend.
pub fn plot(runs: &[(String, PathBuf)]) -> Result<Canvas> {
    if runs.is_empty() {
        bail!("no run to plot");
    }
    let all: Vec<Curves> = runs.iter().map(|(_, p)| curves(p)).collect::<Result<_>>()?;
    let last = all.iter().flat_map(|c| c.loss.iter().chain(c.evaluations.values().flatten())).map(|p| p.0).fold(1.0, f64::max);
    let x_range = (0.0, last);
    let mut panels =
        vec![Panel { title: "training loss".into(), series: all.iter().map(|c| Series { points: c.loss.clone() }).collect(), x_range }];
    let keys: std::collections::BTreeSet<&String> = all.iter().flat_map(|c| c.evaluations.keys()).collect();
    for k in keys {
        // A run without this evaluation keeps its colour: an empty series in its place.
        let series = all.iter().map(|c| Series { points: c.evaluations.get(k).cloned().unwrap_or_default() }).collect();
        panels.push(Panel { title: k.clone(), series, x_range });
    }
    let labels: Vec<String> = runs.iter().map(|(l, _)| l.clone()).collect();
    let layout = ChartLayout { columns: panels.len().min(2), ..ChartLayout::default() };
    Ok(line_chart(&panels, &labels, "step", &layout))
}

/// Refuses an existing `out` unless `force` (checked before the runs are read, and again when
/// writing).
pub fn check_out(out: &Path, force: bool) -> Result<()> {
    if !force && out.exists() {
        bail!("--out {} already exists; nothing was written (pass --force to replace it)", out.display());
    }
    Ok(())
}

/// Writes `canvas` as a PNG at `out` (whole, under a temporary name then renamed); an existing
/// file is refused unless `force`.
pub fn save_png(canvas: &Canvas, out: &Path, force: bool) -> Result<()> {
    check_out(out, force)?;
    crate::checkpoint::write_bytes_atomic(out, &canvas.to_png()).with_context(|| format!("writing {}", out.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn si_prefixes() {
        assert_eq!(si(950.0), "950");
        assert_eq!(si(1_234_567.0), "1.23M");
        assert_eq!(si(2.5e9), "2.50G");
    }

    #[test]
    fn table_aligns_columns() {
        let row = RunRow {
            name: "a".into(),
            path: "a".into(),
            objective: "train vit".into(),
            shape: None,
            last_step: Some(3),
            steps: Some(5),
            final_loss: Some(2.0),
            evaluations: [("eval/accuracy".to_string(), 0.5)].into(),
            status: "stopped at step 3 of 5".into(),
            wall_seconds: None,
        };
        let t = table(&[row]);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].find("objective"), lines[1].find("train vit"), "{}", t);
        assert!(lines[1].contains("3/5") && lines[1].contains("accuracy 0.5000"), "{}", t);
    }
}
