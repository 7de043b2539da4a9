//! The study: the paper's comparison at a scale this machine runs. For each preset, MAE
//! pre-training, then fine-tuning of its encoder, then one row of parameters, FLOPs, throughput
//! and accuracy, against the pixel floor (logistic regression on the raw pixels).

use std::path::{Path, PathBuf};

use anyhow::{bail, ensure, Context, Result};
use serde::{Deserialize, Serialize};

use super::classify::{classify, ClassifyChoices, ClassifyRun, Mode};
use super::mae::{pretrain_mae, MaeChoices, MaeRun};
use super::settings::{Choices, DEFAULT_IMAGE_DATA, DEFAULT_VALIDATION_DATA};
use crate::config::{preset, ModelConfig};
use crate::data::augment::Filter;
use crate::data::embedded::embedded;
use crate::data::pixels::labeled_pixels;
use crate::train::pixel_floor::{PixelFloor, DEFAULT_L2};
use crate::train::runtime_options::RuntimeOptions;

/// What the study compares and how long it trains each model (the command's flags document
/// the defaults' measurements).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StudyRun {
    /// ViT presets, comma separated (their `mae-` versions are pre-trained).
    pub presets: String,
    pub pretrain_steps: u64,
    pub finetune_steps: u64,
    /// Pre-training batch.
    pub batch: usize,
    pub finetune_batch: usize,
    pub pretrain_base_lr: f64,
    pub finetune_base_lr: f64,
    pub data: String,
    pub val_data: String,
    /// The study's folder: one run folder per model and stage, and study.json / study.csv.
    pub out: PathBuf,
    pub seed: u64,
    /// Layer-wise lr decay as the total factor from the head down to the embeddings.
    pub layer_decay_total: f64,
    /// Fine-tuning's RandAugment spec (`none`: off).
    pub randaug: String,
    pub reprob: f64,
    pub crop_scale: f64,
    pub eval_crop: f64,
    /// Mixup / CutMix in fine-tuning.
    pub mix: bool,
    pub drop_path: f64,
    /// L2 strength of the pixel floor.
    pub floor_l2: f64,
    /// Most L-BFGS iterations for the pixel floor.
    pub floor_iterations: usize,
    /// The command line recorded in each run's config.json.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    #[serde(skip)]
    pub runtime: RuntimeOptions,
}

impl StudyRun {
    /// The command's defaults, writing into `out`.
    pub fn new(out: &Path) -> StudyRun {
        StudyRun {
            presets: "vit-n28,bamboo-n28".into(),
            pretrain_steps: 200,
            finetune_steps: 3000,
            batch: 128,
            finetune_batch: 64,
            pretrain_base_lr: 1e-3,
            finetune_base_lr: 4e-3,
            data: embedded(DEFAULT_IMAGE_DATA),
            val_data: embedded(DEFAULT_VALIDATION_DATA),
            out: out.to_path_buf(),
            seed: 0,
            layer_decay_total: 1.0,
            randaug: "none".into(),
            reprob: 0.0,
            crop_scale: 1.0,
            eval_crop: 1.0,
            mix: false,
            drop_path: 0.0,
            floor_l2: DEFAULT_L2,
            floor_iterations: 100,
            command: None,
            runtime: RuntimeOptions::default(),
        }
    }

    /// One stage's choices: `preset` for `steps` at `batch`, continued if its folder holds it.
    fn choices(&self, preset: &str, steps: u64, batch: usize, base_lr: f64, out: PathBuf) -> Choices {
        let mut c = Choices::new(preset, &out);
        c.data = self.data.clone();
        c.steps = steps;
        c.batch = batch;
        c.base_lr = Some(base_lr);
        c.warmup = Some(steps / 10);
        c.seed = self.seed;
        c.execution.resume = true;
        c.execution.keep = 1;
        c.execution.log_every = 25;
        c.execution.runtime = self.runtime.clone();
        c
    }
}

/// One model of the study.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub name: String,
    pub depth: usize,
    pub width: usize,
    pub params: u64,
    pub gflops: f64,
    pub pretrain_ex_s: f64,
    pub mae_loss: f32,
    pub finetune_ex_s: f64,
    pub accuracy: f64,
}

/// The linear floor, fit on the training images and measured on the validation images.
#[derive(Clone, Debug, Serialize)]
pub struct Floor {
    pub train_images: usize,
    pub validation_images: usize,
    pub l2: f64,
    pub params: usize,
    pub iterations: usize,
    pub accuracy: f64,
}

/// The study's results.
#[derive(Clone, Debug)]
pub struct StudyResults {
    pub rows: Vec<Row>,
    pub floor: Floor,
}

/// One column of the study's results: its header in the printed table and in study.csv (where
/// depth x width is two fields), and a row's cells there, `[printed, csv]`.
struct Column {
    printed: &'static str,
    csv: &'static str,
    cells: fn(&Row, &Floor) -> [String; 2],
}

/// A model's row, left to right.
const COLUMNS: [Column; 9] = [
    Column { printed: "model", csv: "model", cells: |r, _| [r.name.clone(), r.name.clone()] },
    Column {
        printed: "depth x width",
        csv: "depth,width",
        cells: |r, _| [format!("{} x {}", r.depth, r.width), format!("{},{}", r.depth, r.width)],
    },
    Column { printed: "params", csv: "params", cells: |r, _| [format!("{:.2} M", r.params as f64 / 1e6), r.params.to_string()] },
    Column {
        printed: "MAE fwd GFLOPs/img",
        csv: "mae_fwd_gflops_per_image",
        cells: |r, _| [format!("{:.3}", r.gflops), format!("{:.6}", r.gflops)],
    },
    Column {
        printed: "MAE img/s",
        csv: "mae_images_per_s",
        cells: |r, _| [format!("{:.0}", r.pretrain_ex_s), format!("{:.1}", r.pretrain_ex_s)],
    },
    Column { printed: "final MAE loss", csv: "final_mae_loss", cells: |r, _| [format!("{:.4}", r.mae_loss), format!("{:.6}", r.mae_loss)] },
    Column {
        printed: "fine-tune img/s",
        csv: "finetune_images_per_s",
        cells: |r, _| [format!("{:.0}", r.finetune_ex_s), format!("{:.1}", r.finetune_ex_s)],
    },
    Column {
        printed: "val accuracy",
        csv: "val_accuracy",
        cells: |r, _| [format!("{:.2}%", 100.0 * r.accuracy), format!("{:.6}", r.accuracy)],
    },
    // The table shows the margin over the floor, the CSV the floor itself.
    Column {
        printed: "vs pixel floor",
        csv: "pixel_floor",
        cells: |r, f| [format!("{:+.2}", 100.0 * (r.accuracy - f.accuracy)), format!("{:.6}", f.accuracy)],
    },
];

/// Which of a column's `[printed, csv]` cells.
const PRINTED: usize = 0;
const CSV: usize = 1;

/// A model's cells in the printed table or in study.csv.
fn cells(r: &Row, floor: &Floor, output: usize) -> Vec<String> {
    COLUMNS.iter().map(|c| (c.cells)(r, floor)[output].clone()).collect()
}

/// `| a | b |` and a newline.
fn markdown_line(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

impl StudyResults {
    /// The results as a Markdown table, the pixel floor last.
    pub fn table(&self) -> String {
        let floor = &self.floor;
        let header: Vec<String> = COLUMNS.iter().map(|c| c.printed.to_string()).collect();
        let mut t = markdown_line(&header) + &"|---".repeat(COLUMNS.len()) + "|\n";
        for r in &self.rows {
            t += &markdown_line(&cells(r, floor, PRINTED));
        }
        t + &format!(
            "| pixel floor | logistic regression | {:.3} M | | | | | {:.2}% | |",
            floor.params as f64 / 1e6,
            100.0 * floor.accuracy
        )
    }

    /// study.csv: a header, then a row per model.
    fn csv(&self) -> String {
        let mut csv = COLUMNS.map(|c| c.csv).join(",") + "\n";
        for r in &self.rows {
            csv += &(cells(r, &self.floor, CSV).join(",") + "\n");
        }
        csv
    }
}

/// Runs the study (each stage resumes its folder, so a study started again continues), and
/// writes `study.json` and `study.csv` into `run.out`.
pub fn study(run: &StudyRun) -> Result<StudyResults> {
    let floor = pixel_floor(run)?;
    let mut rows = vec![];
    for name in run.presets.split(',').map(str::trim) {
        rows.push(study_preset(run, name)?);
    }
    let results = StudyResults { rows, floor };
    write_tables(&run.out, &results)?;
    Ok(results)
}

fn pixel_floor(run: &StudyRun) -> Result<Floor> {
    let first = run.presets.split(',').next().unwrap_or_default().trim();
    let classes = match preset(first)? {
        ModelConfig::Vit(v) => v.num_classes,
        _ => bail!("--presets {}: not a ViT preset", first),
    };
    let train = labeled_pixels(&run.data, classes).context("--data (pixel floor)")?;
    let val = labeled_pixels(&run.val_data, classes).context("--val-data (pixel floor)")?;
    ensure!(train.dim == val.dim, "--data and --val-data hold images of different sizes");
    let t0 = std::time::Instant::now();
    let client = run.runtime.client()?;
    let fit = PixelFloor::fit_compiled(&client, &train, classes, run.floor_l2, run.floor_iterations, 1e-6)?;
    let floor = Floor {
        train_images: train.len(),
        validation_images: val.len(),
        l2: run.floor_l2,
        params: fit.theta.len(),
        iterations: fit.iterations,
        accuracy: fit.accuracy(&val),
    };
    eprintln!(
        "pixel floor: logistic regression on raw pixels (L2 {}), {} L-BFGS iterations on {} images in {:.1} s: {:.2}% on {} validation images",
        floor.l2,
        floor.iterations,
        floor.train_images,
        t0.elapsed().as_secs_f64(),
        100.0 * floor.accuracy,
        floor.validation_images
    );
    Ok(floor)
}

fn study_preset(run: &StudyRun, name: &str) -> Result<Row> {
    let vit = preset(name)?;
    let mae_name = format!("mae-{}", name);
    let mae = preset(&mae_name)?;
    let enc = vit.encoder();
    eprintln!("\n=== {}: MAE pre-training ({} x {}) ===", name, enc.depth, enc.width);
    let pre_dir = run.out.join(&mae_name);
    let common = run.choices(&mae_name, run.pretrain_steps, run.batch, run.pretrain_base_lr, pre_dir);
    let mut pre = MaeRun::resolve(&MaeChoices { common, mask_ratio: None, interpolation: Filter::Bilinear })?;
    pre.command = run.command.clone();
    let p = pretrain_mae(&pre)?;
    eprintln!("\n=== {}: fine-tuning ===", name);
    let ck = p.last_checkpoint.clone().context("pre-training wrote no checkpoint")?;
    let out = run.out.join(format!("{}-finetune", name));
    let common = run.choices(name, run.finetune_steps, run.finetune_batch, run.finetune_base_lr, out);
    let ft = ClassifyChoices {
        val_data: run.val_data.clone(),
        from: Some(ck),
        layer_decay: Some(run.layer_decay_total.powf(1.0 / (enc.depth as f64 + 1.0))),
        drop_path: Some(run.drop_path),
        no_mix: !run.mix,
        randaug: Some(run.randaug.clone()),
        reprob: Some(run.reprob),
        crop_scale: Some(run.crop_scale),
        eval_crop: Some(run.eval_crop),
        interpolation: Filter::Bilinear,
        ..ClassifyChoices::new(Mode::Finetune, common)
    };
    let mut ft = ClassifyRun::resolve(&ft)?;
    ft.command = run.command.clone();
    let (f, acc) = classify(&ft)?;
    Ok(Row {
        name: name.to_string(),
        depth: enc.depth,
        width: enc.width,
        params: vit.params().total(),
        gflops: mae.flops().forward() as f64 / 1e9,
        pretrain_ex_s: p.examples_per_second,
        mae_loss: p.last.as_ref().map(|m| m.loss).unwrap_or(f32::NAN),
        finetune_ex_s: f.examples_per_second,
        accuracy: acc,
    })
}

/// `study.json` and `study.csv` in `out`, each written whole under a temporary name and
/// renamed, so that a file with the final name is always complete.
fn write_tables(out: &Path, r: &StudyResults) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("--out {}", out.display()))?;
    let json = serde_json::to_string_pretty(&serde_json::json!({ "rows": r.rows, "pixel_floor": r.floor }))?;
    crate::storage::write(&out.join("study.json"), json.as_bytes())?;
    Ok(crate::storage::write(&out.join("study.csv"), r.csv().as_bytes())?)
}
