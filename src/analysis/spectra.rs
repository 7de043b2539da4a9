//! `analyze spectra`: per encoder layer, `||W_Q W_K^T||_2` and `||W_V||_2` of two models and
//! their ratios (the paper's Figure 2: `beta_QK`, `beta_V`).
//!
//! Weights are read from the checkpoint on the host, in the layouts of the public names:
//! timm / official MAE fuse them as `blocks.{i}.attn.qkv.weight` (`[3D, D]`, rows q | k | v);
//! Hugging Face ViT, ViTMAE and BERT keep `...encoder.layer.{i}.attention.{attention,self}.
//! {query,key,value}.weight` (`[D, D]` each), OPT `model.decoder.layers.{i}.self_attn.
//! {q,k,v}_proj.weight`, CLIP `vision_model.encoder.layers.{i}.self_attn.{q,k,v}_proj.weight`
//! (the image tower; the text tower is left out). PyTorch stores `[out, in]` and computes
//! `x W^T`, so the paper's `W_Q` (acting as `x W_Q`) is our `W_q^T` and
//! `W_Q W_K^T = W_q^T W_k` (`[D, D]`). Splitting the columns of `W_Q`, `W_K` into heads gives
//! `W_Q W_K^T = sum_h W_Q^h W_K^h^T`: the full-matrix product *is* the per-head sum, so one
//! matrix covers the multi-head case. The attention's `1/sqrt(d_head)` is not included.

use std::collections::BTreeMap;

use anyhow::{bail, ensure, Context, Result};
use serde::Serialize;

use super::checkpoint::Checkpoint;
use super::linalg::{spectral_norm, Matrix};
use crate::checkpoint::{TensorData, Tensors};
use crate::weights::names::block::{BlockNames, Qkv, HF_BERT, HF_CLIP, HF_OPT, HF_VIT, TIMM};

/// One encoder layer's attention weights in PyTorch's `[out, in]` layout.
pub struct AttentionWeights {
    pub q: Matrix,
    pub k: Matrix,
    pub v: Matrix,
}

fn matrix(name: &str, t: &TensorData) -> Result<Matrix> {
    ensure!(t.shape.len() == 2, "`{}` has shape {:?}, expected a matrix", name, t.shape);
    Matrix::from_f32(t.shape[0], t.shape[1], &t.to_f32())
}

/// The block stacks whose attention is measured, with their family's names: the stack's path
/// (a Hugging Face encoder's may follow a model prefix such as `vit.` or `bert.`).
const STACKS: [(&str, BlockNames); 5] = [
    ("blocks", TIMM),
    ("encoder.layer", HF_VIT),
    ("encoder.layer", HF_BERT),
    ("model.decoder.layers", HF_OPT),
    ("vision_model.encoder.layers", HF_CLIP),
];

/// `(layer, the key up to the layer's path)` if `key` is `{..}{stack}.{i}.{leaf}`, with the
/// stack starting the key or a path segment (`decoder_blocks.*` is not `blocks.*`).
fn layer_of<'k>(key: &'k str, stack: &str, leaf: &str) -> Option<(usize, &'k str)> {
    let at = key.match_indices(stack).map(|(i, _)| i).find(|&i| i == 0 || key[..i].ends_with('.'))?;
    let rest = key[at + stack.len()..].strip_prefix('.')?;
    let (index, tail) = rest.split_once('.')?;
    (tail == leaf).then_some(())?;
    Some((index.parse().ok()?, &key[..at]))
}

/// The encoder's attention weights (OPT: its decoder stack's; CLIP: the image tower's), layer 0 first. MAE's decoder
/// blocks (`decoder_blocks.*`, `decoder.decoder_layers.*`) are not part of the encoder and are
/// skipped.
pub fn attention_weights(t: &Tensors) -> Result<Vec<AttentionWeights>> {
    let mut fused = BTreeMap::new();
    // Layer -> the full names of its q, k, v weights.
    let mut separate: BTreeMap<usize, [String; 3]> = BTreeMap::new();
    for key in t.keys() {
        for (stack, names) in &STACKS {
            if let Qkv::Fused(qkv) = names.qkv {
                if let Some((i, _)) = layer_of(key, stack, &format!("{}.weight", qkv)) {
                    fused.insert(i, key.clone());
                }
            } else if let Some(paths) = names.qkv.split_paths() {
                if let Some((i, head)) = layer_of(key, stack, &format!("{}.weight", paths[0])) {
                    separate.insert(i, paths.map(|p| format!("{}{}.{}.{}.weight", head, stack, i, p)));
                }
            }
        }
    }
    ensure!(
        fused.is_empty() || separate.is_empty(),
        "the checkpoint holds both fused (blocks.*.attn.qkv) and separate (encoder.layer.*.query/key/value, *.layers.*.self_attn.q/k/v_proj) attention weights"
    );
    let mut out = vec![];
    if !fused.is_empty() {
        for (n, (i, key)) in fused.iter().enumerate() {
            ensure!(*i == n, "attention weights of layer {} missing (found layer {})", n, i);
            let qkv = matrix(key, &t[key])?;
            ensure!(qkv.rows % 3 == 0 && qkv.rows / 3 == qkv.cols, "`{}` has shape {:?}, expected [3D, D]", key, t[key].shape);
            let d = qkv.cols;
            out.push(AttentionWeights { q: qkv.row_block(0, d), k: qkv.row_block(d, 2 * d), v: qkv.row_block(2 * d, 3 * d) });
        }
    } else {
        for (n, (i, [q, k, v])) in separate.iter().enumerate() {
            ensure!(*i == n, "attention weights of layer {} missing (found layer {})", n, i);
            let get = |name: &str| -> Result<Matrix> { matrix(name, t.get(name).with_context(|| format!("`{}` missing", name))?) };
            out.push(AttentionWeights { q: get(q)?, k: get(k)?, v: get(v)? });
        }
    }
    if out.is_empty() {
        bail!("no attention weights found (none of timm `blocks.N.attn.qkv.weight`, Hugging Face `encoder.layer.N.attention...query.weight` (vit, mae, bert), OPT `model.decoder.layers.N.self_attn.q_proj.weight`, CLIP `vision_model.encoder.layers.N.self_attn.q_proj.weight`)");
    }
    Ok(out)
}

/// `(||W_Q W_K^T||_2, ||W_V||_2)` of one layer.
pub fn layer_norms(w: &AttentionWeights) -> Result<(f64, f64)> {
    let qk = w.q.transpose().matmul(&w.k)?;
    Ok((spectral_norm(&qk)?.value, spectral_norm(&w.v)?.value))
}

#[derive(Clone, Debug, Serialize)]
pub struct SpectraRow {
    /// 1-based layer index.
    pub layer: usize,
    pub rel_depth: f64,
    pub qk_a: f64,
    pub qk_b: f64,
    pub v_a: f64,
    pub v_b: f64,
    /// `qk_a / qk_b`.
    pub beta_qk: f64,
    /// `v_a / v_b`.
    pub beta_v: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct SpectraReport {
    pub a: String,
    pub b: String,
    pub depth: usize,
    pub rows: Vec<SpectraRow>,
}

/// Norms of both models layer by layer; different depths are an error naming both.
pub fn compare(a: &Checkpoint, b: &Checkpoint) -> Result<SpectraReport> {
    let wa = attention_weights(&a.tensors).with_context(|| format!("{}", a.path.display()))?;
    let wb = attention_weights(&b.tensors).with_context(|| format!("{}", b.path.display()))?;
    if wa.len() != wb.len() {
        bail!(
            "spectra compare layer by layer, but {} has {} layers and {} has {}: pass two models of the same depth",
            a.label,
            wa.len(),
            b.label,
            wb.len()
        );
    }
    let depth = wa.len();
    let mut rows = vec![];
    for (l, (x, y)) in wa.iter().zip(&wb).enumerate() {
        let ((qk_a, v_a), (qk_b, v_b)) = (layer_norms(x)?, layer_norms(y)?);
        rows.push(SpectraRow {
            layer: l + 1,
            rel_depth: (l + 1) as f64 / depth as f64,
            qk_a,
            qk_b,
            v_a,
            v_b,
            beta_qk: qk_a / qk_b,
            beta_v: v_a / v_b,
        });
    }
    Ok(SpectraReport { a: a.label.clone(), b: b.label.clone(), depth, rows })
}

/// The table `bamboo analyze spectra` prints: which model is which, then a row per layer.
pub fn table(r: &SpectraReport) -> String {
    let mut s = format!("A = {}, B = {}; beta = A / B\n", r.a, r.b);
    s += "  layer  |WqWk^T| A  |WqWk^T| B   |Wv| A   |Wv| B   beta_QK  beta_V\n";
    for w in &r.rows {
        s += &format!(
            "  {:>5}  {:>10.4}  {:>10.4}  {:>7.4}  {:>7.4}  {:>7.4}  {:>6.4}\n",
            w.layer, w.qk_a, w.qk_b, w.v_a, w.v_b, w.beta_qk, w.beta_v
        );
    }
    s
}

pub fn to_csv(r: &SpectraReport) -> String {
    let mut s = String::from("layer,rel_depth,qk_norm_a,qk_norm_b,v_norm_a,v_norm_b,beta_qk,beta_v\n");
    for w in &r.rows {
        s += &format!(
            "{},{:.6},{:.8},{:.8},{:.8},{:.8},{:.8},{:.8}\n",
            w.layer, w.rel_depth, w.qk_a, w.qk_b, w.v_a, w.v_b, w.beta_qk, w.beta_v
        );
    }
    s
}
