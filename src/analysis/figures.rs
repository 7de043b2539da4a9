//! The analyses' figures (the paper's Figures 1 and 2 as line charts, the study's bars) and their
//! output files.

use std::path::Path;

use anyhow::{Context, Result};

use super::plot::bars::bar_chart;
use super::plot::canvas::Canvas;
use super::plot::{line_chart, ChartLayout, Panel, Series};
use super::spectra::SpectraRow;
use super::{SmoothingReport, SmoothingRow, SpectraReport};
use crate::train::recipes::StudyResults;

/// `bamboo study`'s figure: each model's validation top-1 as a bar, the pixel floor as a line.
pub fn study_chart(results: &StudyResults) -> Canvas {
    let bars: Vec<(String, f64)> =
        results.rows.iter().map(|r| (format!("{} ({}x{})", r.name, r.depth, r.width), 100.0 * r.accuracy)).collect();
    bar_chart("Validation top-1 (%)", &bars, Some(("pixel floor", 100.0 * results.floor.accuracy)), "top-1 %")
}

/// Figure 1's analogue: one panel per metric, one line per model, x = relative depth. The
/// cosine panels show the Pearson (channel-centred) and uncentred variants; the mean-token
/// centred one is pinned near -1/(T-1) and stays in the CSV only. The last row: the effective
/// rank of the token matrix and its relative residual to the mean token.
pub fn smoothing_chart(reports: &[SmoothingReport]) -> Canvas {
    type Get = fn(&SmoothingRow) -> f64;
    let metrics: [(&str, Get); 6] = [
        ("TOKEN STD (EQ. 1)", |w| w.token_std),
        ("COSINE, PEARSON", |w| w.cos_pearson),
        ("COSINE, UNCENTRED", |w| w.cos_uncentred),
        ("HIGH-FREQ. SHARE", |w| w.hf_share),
        ("EFFECTIVE RANK", |w| w.effective_rank),
        ("RESIDUAL TO MEAN TOKEN", |w| w.rel_residual),
    ];
    let panels: Vec<Panel> = metrics
        .iter()
        .map(|(title, get)| Panel {
            title: title.to_string(),
            series: reports.iter().map(|r| Series { points: r.rows.iter().map(|w| (w.rel_depth, get(w))).collect() }).collect(),
            x_range: (0.0, 1.0),
        })
        .collect();
    let labels: Vec<String> = reports.iter().map(|r| format!("{} ({}, {}X{})", r.label, r.model, r.depth, r.width)).collect();
    line_chart(&panels, &labels, "RELATIVE DEPTH", &ChartLayout::default())
}

/// Figure 2's analogue: both models' norms and the two ratios, by relative depth.
pub fn spectra_chart(r: &SpectraReport) -> Canvas {
    let line = |f: &dyn Fn(&SpectraRow) -> f64| Series { points: r.rows.iter().map(|w| (w.rel_depth, f(w))).collect() };
    let panels = vec![
        Panel { title: "SPECTRAL NORM W_Q W_K^T".into(), series: vec![line(&|w| w.qk_a), line(&|w| w.qk_b)], x_range: (0.0, 1.0) },
        Panel { title: "SPECTRAL NORM W_V".into(), series: vec![line(&|w| w.v_a), line(&|w| w.v_b)], x_range: (0.0, 1.0) },
        Panel { title: "BETA_QK = A / B".into(), series: vec![line(&|w| w.beta_qk)], x_range: (0.0, 1.0) },
        Panel { title: "BETA_V = A / B".into(), series: vec![line(&|w| w.beta_v)], x_range: (0.0, 1.0) },
    ];
    let labels = vec![format!("A: {} (RATIOS)", r.a), format!("B: {}", r.b)];
    line_chart(&panels, &labels, "RELATIVE DEPTH", &ChartLayout::default())
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

/// `dir/{stem}.csv`, `.json` and `.png`, the folder made first.
pub fn write_outputs(dir: &Path, stem: &str, csv: &str, json: &str, chart: &Canvas) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    write(&dir.join(format!("{}.csv", stem)), csv.as_bytes())?;
    write(&dir.join(format!("{}.json", stem)), json.as_bytes())?;
    chart.save(&dir.join(format!("{}.png", stem)))?;
    Ok(())
}

/// `dir/singular_values.csv`.
pub fn write_singular_values(dir: &Path, reports: &[SmoothingReport]) -> Result<()> {
    write(&dir.join("singular_values.csv"), super::smoothing::singular_values_csv(reports).as_bytes())
}
