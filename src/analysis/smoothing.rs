//! `analyze smoothing`: one compiled program per model (forward + metric reductions), run over
//! a few batches; per-block means and their CSV / JSON forms. The program also returns every
//! block's tokens, from which the host computes the effective rank and the top singular values
//! (`collapse`: StableHLO has no eigenvalue op).

use anyhow::{Context, Result};
use serde::Serialize;

use super::checkpoint::Checkpoint;
use super::hidden::Analysed;
use crate::graph::{DType, Function, Graph};
use crate::program::Compile;
use crate::runtime::{Buffer, Client, CompileOptions, HostTensor};
use crate::smoothing::collapse::{CollapseSums, TOP_SINGULAR};
use crate::smoothing::metrics::smoothing;
use crate::weights::host::host_params;
use crate::weights::Params;

/// Which tokens the metrics see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tokens {
    /// Patch tokens only: "patch pairs", and a sequence whose Fourier index is spatial. For
    /// text: every token but BERT's leading [CLS] (OPT has none), the Fourier index being the
    /// position in the sequence.
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
    /// `||H - 1 m^T||_F / ||H||_F` per example (H: the example's tokens, m: their mean).
    pub rel_residual: f64,
    /// `exp` of the entropy of the normalised singular values of H, per example.
    pub effective_rank: f64,
    /// The `TOP_SINGULAR` largest singular values of H, each averaged over the examples.
    pub top_singular: Vec<f64>,
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

/// The traced program's six `[L]` metric outputs, in the order `SmoothingRow` lists them.
pub const METRICS: [&str; 6] = ["token_std", "cos_uncentred", "cos_pearson", "cos_mean_centred", "hf_share", "rel_residual"];

/// The traced program: parameters (spec order), then the input (images `[B, C, S, S]` or ids
/// `[B, S]`), named `input`; outputs the six `[L]` `METRICS`, then the hidden states
/// `f32[L, B, T, D]` they were computed from, named `hidden`. Also returns the tokens per
/// example they see.
pub fn trace(model: &Analysed, input_dims: &[i64], tokens: Tokens) -> Result<(Function, usize)> {
    let g = Graph::new("smoothing");
    let params = Params::declare(&g, &model.specs(), DType::F32);
    let input = g.param("input", input_dims, model.input_dtype());
    let mut hidden = model.hidden(&params, &input)?;
    if tokens == Tokens::Patches && model.has_cls() {
        hidden = hidden.slice_axis(2, 1, hidden.dim(2))?;
    }
    let t = hidden.dim(2) as usize;
    let mut outs: Vec<(&str, _)> = METRICS.into_iter().zip(smoothing(&hidden)?.into_vec()).collect();
    outs.push(("hidden", hidden));
    Ok((Function::named(&g, &outs)?, t))
}

/// Runs `ckpt` over `batches` (images of the model's size, or token ids) and averages the metrics.
pub fn analyze(
    client: &Client,
    options: &CompileOptions,
    ckpt: &Checkpoint,
    batches: &[HostTensor],
    tokens: Tokens,
) -> Result<SmoothingReport> {
    let cfg = ckpt.require_config()?;
    let model = Analysed::from_config(cfg)?;
    let first = batches.first().context("no batches to analyse")?;
    let batch = first.dims[0] as usize;
    let specs = model.specs();
    // MAE checkpoints also hold the decoder, BERT's the heads, CLIP's the text tower: this
    // forward reads none of them.
    let params = host_params(&specs, &ckpt.tensors, &[], model.reads_part()).with_context(|| format!("{}", ckpt.path.display()))?;
    let (func, seen) = trace(&model, &first.dims, tokens).context("tracing the smoothing program")?;
    let prog = func.lower().compile(client, options)?;
    // The weights go to the device once, for every batch.
    let mut weights: Vec<Buffer> = vec![];
    for (s, h) in specs.iter().zip(&params) {
        prog.check_host(&s.name, h)?;
        weights.push(client.to_device(h, 0).with_context(|| format!("`{}`", s.name))?);
    }

    let depth = model.depth();
    let mut sums = vec![vec![0f64; depth]; 6];
    let mut collapse = CollapseSums::new(depth);
    for b in batches {
        let mut args = prog.args();
        for (s, w) in specs.iter().zip(&weights) {
            args.borrow(&s.name, w)?;
        }
        args.host("input", b)?;
        let mut outs = prog.run(args)?;
        for (sum, name) in sums.iter_mut().zip(METRICS) {
            for (s, v) in sum.iter_mut().zip(outs.take(name)?.to_host()?.to_vec::<f32>()?) {
                *s += v as f64;
            }
        }
        let hidden = outs.take("hidden")?.to_host()?;
        collapse.add(&hidden.to_vec::<f32>()?, &hidden.dims)?;
    }
    let (ranks, tops) = (collapse.mean_effective_rank(), collapse.mean_top_singular());
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
            rel_residual: sums[5][l] / n,
            effective_rank: ranks[l],
            top_singular: tops[l].clone(),
        })
        .collect();
    Ok(SmoothingReport {
        label: ckpt.label.clone(),
        checkpoint: ckpt.path.display().to_string(),
        model: cfg.kind().to_string(),
        depth,
        width: model.width(),
        tokens: seen,
        token_set: tokens,
        examples: batches.len() * batch,
        rows,
    })
}

/// One per-block quantity after `layer` and `rel_depth`: its header, width and decimals in the
/// printed table, its CSV header (None: printed only), and its value.
struct Column {
    printed: &'static str,
    width: usize,
    decimals: usize,
    csv: Option<&'static str>,
    value: fn(&SmoothingRow) -> f64,
}

/// In `SmoothingRow`'s order, which is the CSV's.
const COLUMNS: [Column; 8] = [
    Column { printed: "token_std", width: 9, decimals: 4, csv: Some("token_std"), value: |w| w.token_std },
    Column { printed: "cos_uncentred", width: 13, decimals: 4, csv: Some("cos_uncentred"), value: |w| w.cos_uncentred },
    Column { printed: "cos_pearson", width: 11, decimals: 4, csv: Some("cos_pearson"), value: |w| w.cos_pearson },
    Column { printed: "cos_mean_centred", width: 16, decimals: 4, csv: Some("cos_mean_centred"), value: |w| w.cos_mean_centred },
    Column { printed: "hf_share", width: 8, decimals: 4, csv: Some("hf_share"), value: |w| w.hf_share },
    Column { printed: "rel_resid", width: 9, decimals: 4, csv: Some("rel_residual"), value: |w| w.rel_residual },
    Column { printed: "eff_rank", width: 8, decimals: 3, csv: Some("effective_rank"), value: |w| w.effective_rank },
    Column { printed: "s1", width: 7, decimals: 3, csv: None, value: |w| w.top_singular.first().copied().unwrap_or(f64::NAN) },
];

/// `COLUMNS` in the printed table's order: the Pearson cosine before the uncentred one.
const PRINTED_ORDER: [usize; 8] = [0, 2, 1, 3, 4, 5, 6, 7];

/// `COLUMNS` as the CSV lists them.
fn csv_columns() -> impl Iterator<Item = (&'static str, &'static Column)> {
    COLUMNS.iter().filter_map(|c| Some((c.csv?, c)))
}

/// One report as the table `bamboo analyze smoothing` prints: a title line, then a row per block.
pub fn table(r: &SmoothingReport) -> String {
    let mut s = format!("{} ({}, {} x {}, {} tokens)\n", r.label, r.model, r.depth, r.width, r.tokens);
    s += "  layer  rel ";
    for c in PRINTED_ORDER.map(|i| &COLUMNS[i]) {
        s += &format!("  {:>w$}", c.printed, w = c.width);
    }
    s.push('\n');
    for w in &r.rows {
        s += &format!("  {:>5}  {:.2}", w.layer, w.rel_depth);
        for c in PRINTED_ORDER.map(|i| &COLUMNS[i]) {
            s += &format!("  {:>w$.p$}", (c.value)(w), w = c.width, p = c.decimals);
        }
        s.push('\n');
    }
    s
}

/// The `kind,depth,width,tokens,examples` columns of a report's rows.
fn shape_columns(r: &SmoothingReport) -> String {
    format!("{},{},{},{},{}", r.model, r.depth, r.width, r.tokens, r.examples)
}

/// One CSV for any number of reports: a row per (model, block).
pub fn to_csv(reports: &[SmoothingReport]) -> String {
    let mut s = String::from("model,checkpoint,kind,depth,width,tokens,examples,layer,rel_depth");
    for (name, _) in csv_columns() {
        s += &format!(",{}", name);
    }
    s.push('\n');
    for r in reports {
        for w in &r.rows {
            s += &format!("{},{},{},{},{:.6}", csv_field(&r.label), csv_field(&r.checkpoint), shape_columns(r), w.layer, w.rel_depth);
            for (_, c) in csv_columns() {
                s += &format!(",{:.8}", (c.value)(w));
            }
            s.push('\n');
        }
    }
    s
}

/// `singular_values.csv`: a row per (model, block), the `TOP_SINGULAR` largest singular values
/// of the token matrix (each averaged over the examples), largest first.
pub fn singular_values_csv(reports: &[SmoothingReport]) -> String {
    let mut s = String::from("model,kind,depth,width,tokens,examples,layer,rel_depth");
    for k in 1..=TOP_SINGULAR {
        s += &format!(",s{}", k);
    }
    s.push('\n');
    for r in reports {
        for w in &r.rows {
            s += &format!("{},{},{},{:.6}", csv_field(&r.label), shape_columns(r), w.layer, w.rel_depth);
            for v in &w.top_singular {
                s += &format!(",{:.8}", v);
            }
            s.push('\n');
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
