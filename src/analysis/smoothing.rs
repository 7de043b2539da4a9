//! `analyze smoothing`: one compiled program per model (forward + metric reductions), run over
//! a few batches; per-block means and their CSV / JSON forms.

use anyhow::{Context, Result};
use serde::Serialize;

use super::checkpoint::Checkpoint;
use super::hidden::ImageEncoder;
use super::metrics::smoothing;
use crate::graph::{DType, Function, Graph};
use crate::models::Params;
use crate::program::Program;
use crate::runtime::{Client, CompileOptions, HostTensor};
use crate::train::weights::host_params;

/// Which tokens the metrics see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tokens {
    /// Patch tokens only: "patch pairs", and a sequence whose Fourier index is spatial.
    Patches,
    /// The class token too.
    All,
}

/// One block's metrics, averaged over the analysed examples.
#[derive(Clone, Debug, Serialize)]
pub struct SmoothingRow {
    /// 1-based block index.
    pub layer: usize,
    /// `layer / depth`: models of different depths share one axis.
    pub rel_depth: f64,
    pub token_std: f64,
    pub cos_uncentred: f64,
    pub cos_pearson: f64,
    pub cos_mean_centred: f64,
    pub hf_share: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct SmoothingReport {
    pub label: String,
    pub checkpoint: String,
    pub model: String,
    pub depth: usize,
    pub width: usize,
    /// Tokens per example the metrics saw.
    pub tokens: usize,
    pub token_set: Tokens,
    pub examples: usize,
    pub rows: Vec<SmoothingRow>,
}

/// The traced program: parameters (spec order), then images; outputs the five `[L]` metrics.
pub fn trace(enc: &ImageEncoder, batch: usize, tokens: Tokens) -> Result<Function> {
    let g = Graph::new("smoothing");
    let params = Params::declare(&g, &enc.specs(), DType::F32);
    let s = enc.image_size() as i64;
    let images = g.param("images", &[batch as i64, enc.channels() as i64, s, s], DType::F32);
    let mut hidden = enc.hidden(&params, &images)?;
    if tokens == Tokens::Patches && enc.has_cls() {
        hidden = hidden.slice_axis(2, 1, hidden.dim(2))?;
    }
    Ok(Function::new(&g, &smoothing(&hidden)?.into_vec())?)
}

/// Runs `ckpt` over `batches` (each `[B, C, S, S]`, the model's size) and averages the metrics.
pub fn analyze(client: &Client, options: &CompileOptions, ckpt: &Checkpoint, batches: &[HostTensor], tokens: Tokens) -> Result<SmoothingReport> {
    let cfg = ckpt.require_config()?;
    let enc = ImageEncoder::from_config(cfg)?;
    let first = batches.first().context("no image batches to analyse")?;
    let batch = first.dims[0] as usize;
    let specs = enc.specs();
    // MAE checkpoints also hold the decoder, CLIP's the text tower: this forward reads neither.
    let partial = matches!(enc, ImageEncoder::Mae(_) | ImageEncoder::Clip(_));
    let params = host_params(&specs, &ckpt.tensors, &[], partial).with_context(|| format!("{}", ckpt.path.display()))?;
    let func = trace(&enc, batch, tokens).context("tracing the smoothing program")?;
    let prog = Program::compile(client, &func, options)?;

    let depth = enc.depth();
    let mut sums = vec![vec![0f64; depth]; 5];
    let mut inputs = params;
    inputs.push(first.clone());
    for b in batches {
        *inputs.last_mut().unwrap() = b.clone();
        let outs = prog.run_host(client, &inputs)?;
        for (sum, out) in sums.iter_mut().zip(&outs) {
            for (s, v) in sum.iter_mut().zip(out.to_vec::<f32>()?) {
                *s += v as f64;
            }
        }
    }
    let n = batches.len() as f64;
    let rows = (0..depth)
        .map(|l| SmoothingRow {
            layer: l + 1,
            rel_depth: (l + 1) as f64 / depth as f64,
            token_std: sums[0][l] / n,
            cos_uncentred: sums[1][l] / n,
            cos_pearson: sums[2][l] / n,
            cos_mean_centred: sums[3][l] / n,
            hf_share: sums[4][l] / n,
        })
        .collect();
    let cls = (tokens == Tokens::All && enc.has_cls()) as usize;
    Ok(SmoothingReport {
        label: ckpt.label.clone(),
        checkpoint: ckpt.path.display().to_string(),
        model: cfg.kind().to_string(),
        depth,
        width: enc.width(),
        tokens: enc.num_patches() + cls,
        token_set: tokens,
        examples: batches.len() * batch,
        rows,
    })
}

/// One CSV for any number of reports: a row per (model, block).
pub fn to_csv(reports: &[SmoothingReport]) -> String {
    let mut s = String::from("model,checkpoint,kind,depth,width,tokens,examples,layer,rel_depth,token_std,cos_uncentred,cos_pearson,cos_mean_centred,hf_share\n");
    for r in reports {
        for w in &r.rows {
            s += &format!(
                "{},{},{},{},{},{},{},{},{:.6},{:.8},{:.8},{:.8},{:.8},{:.8}\n",
                csv_field(&r.label),
                csv_field(&r.checkpoint),
                r.model,
                r.depth,
                r.width,
                r.tokens,
                r.examples,
                w.layer,
                w.rel_depth,
                w.token_std,
                w.cos_uncentred,
                w.cos_pearson,
                w.cos_mean_centred,
                w.hf_share
            );
        }
    }
    s
}

/// Quotes a field holding a comma or quote (paths may).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
