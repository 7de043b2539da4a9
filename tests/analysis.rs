//! Analyses: smoothing metrics against a host computation (an explicit DFT, explicit token
//! pairs), the MAE encoder-only path against MAE's own encoder, text models (BERT, OPT) on the
//! embedded Wikipedia text, spectral norms against
//! matrices with known norms, PNG outputs decoded back, and the bad-input errors. Checkpoints
//! are random initializations written to temp folders in the training layout.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use bamboo::analysis::checkpoint::{open, Checkpoint};
use bamboo::analysis::hidden::{Analysed, ImageEncoder, TextModel};
use bamboo::analysis::linalg::{spectral_norm, Matrix};
use bamboo::analysis::smoothing::{analyze, Tokens};
use bamboo::analysis::{images, reconstruct, spectra, text};
use bamboo::checkpoint::{serialize, Tensors};
use bamboo::config::{BertConfig, MaeConfig, ModelConfig, OptConfig, Stack, VitConfig};
use bamboo::graph::{DType, Function, Graph};
use bamboo::models::mae;
use bamboo::nn::stack::StackOptions;
use bamboo::runtime::{CompileOptions, HostTensor};
use bamboo::smoothing::{collapse, metrics};
use bamboo::weights::host::{host_params, to_checkpoint};
use bamboo::weights::init::init_param;
use bamboo::weights::names::hf_vit::mae_encoder_to_vit;
use bamboo::weights::{ParamSpec, Params};
use common::Rng;

const DATA: &str = "datasets/fashion-mnist-tfrecord/validation-*";

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-analysis-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn tiny_vit(depth: usize, image: usize, patch: usize) -> VitConfig {
    let mut c = VitConfig::new(image, patch, Stack::new(depth, 32, 2), 10);
    c.channels = 1;
    c
}

fn tiny_mae(depth: usize) -> MaeConfig {
    MaeConfig::from_vit(&tiny_vit(depth, 28, 7)).with_decoder(Stack::new(1, 32, 2))
}

fn specs(c: &ModelConfig) -> Vec<ParamSpec> {
    match c {
        ModelConfig::Vit(v) => bamboo::models::vit::param_specs(v),
        ModelConfig::Mae(m) => mae::param_specs(m),
        ModelConfig::Bert(b) => bamboo::models::bert::param_specs(b),
        ModelConfig::Clip(c) => bamboo::models::clip::param_specs(c),
        ModelConfig::Opt(o) => bamboo::models::opt::param_specs(o),
    }
}

/// A random-init checkpoint in the training layout: `run/ckpt-00000007/{model.safetensors,state.json}`.
fn write_checkpoint(run: &Path, c: &ModelConfig, seed: u64) -> PathBuf {
    let specs = specs(c);
    let values: Vec<HostTensor> = specs.iter().map(|s| init_param(s, seed).unwrap()).collect();
    write_tensors(run, c, &to_checkpoint(&specs, &values).unwrap())
}

fn write_tensors(run: &Path, c: &ModelConfig, t: &Tensors) -> PathBuf {
    let dir = run.join("ckpt-00000007");
    let state = serde_json::json!({ "step": 7, "extra": { "config": { "model": c } } });
    // Committed as training commits it (files, then commit.json), or it does not count.
    let files = [("model.safetensors", serialize(t, &Default::default())), ("state.json", state.to_string().into_bytes())];
    bamboo::checkpoint::commit::write_folder(&dir, &files).unwrap();
    dir
}

// ---- host reference: the definitions written out, no shortcuts ------------------------------

/// Metrics of one example's tokens `[T][D]`: (std, cos uncentred, cos pearson, cos mean-centred, hf).
fn host_metrics(x: &[Vec<f64>]) -> [f64; 5] {
    let (t, d) = (x.len(), x[0].len());
    let mean: Vec<f64> = (0..d).map(|c| x.iter().map(|r| r[c]).sum::<f64>() / t as f64).collect();
    let std = (0..d).map(|c| (x.iter().map(|r| (r[c] - mean[c]).powi(2)).sum::<f64>() / (t - 1) as f64).sqrt()).sum::<f64>() / d as f64;
    let cos = |v: &[Vec<f64>]| {
        let mut s = 0.0;
        for i in 0..t {
            for j in 0..t {
                if i != j {
                    let dot: f64 = (0..d).map(|c| v[i][c] * v[j][c]).sum();
                    let ni: f64 = v[i].iter().map(|a| a * a).sum::<f64>().sqrt();
                    let nj: f64 = v[j].iter().map(|a| a * a).sum::<f64>().sqrt();
                    s += dot / (ni * nj);
                }
            }
        }
        s / (t * (t - 1)) as f64
    };
    let pearson: Vec<Vec<f64>> = x
        .iter()
        .map(|r| {
            let m = r.iter().sum::<f64>() / d as f64;
            r.iter().map(|a| a - m).collect()
        })
        .collect();
    let centred: Vec<Vec<f64>> = x.iter().map(|r| r.iter().zip(&mean).map(|(a, m)| a - m).collect()).collect();
    // An explicit DFT along the tokens, per channel: energy at frequency 0 against all.
    let mut energy = vec![0.0; t];
    for (k, e) in energy.iter_mut().enumerate() {
        for c in 0..d {
            let (mut re, mut im) = (0.0, 0.0);
            for (n, r) in x.iter().enumerate() {
                let a = -2.0 * std::f64::consts::PI * (k * n) as f64 / t as f64;
                re += r[c] * a.cos();
                im += r[c] * a.sin();
            }
            *e += re * re + im * im;
        }
    }
    let hf = energy[1..].iter().sum::<f64>() / energy.iter().sum::<f64>();
    [std, cos(x), cos(&pearson), cos(&centred), hf]
}

/// Host metrics of hidden `[L, B, T, D]` (from `skip` tokens on), averaged over the batch: `[5][L]`.
fn host_layers(h: &[f32], dims: &[i64], skip: usize) -> Vec<Vec<f64>> {
    let (l, b, t, d) = (dims[0] as usize, dims[1] as usize, dims[2] as usize, dims[3] as usize);
    let mut out = vec![vec![0.0; l]; 5];
    for li in 0..l {
        for bi in 0..b {
            let tokens: Vec<Vec<f64>> = (skip..t).map(|ti| (0..d).map(|c| h[((li * b + bi) * t + ti) * d + c] as f64).collect()).collect();
            for (m, v) in host_metrics(&tokens).iter().enumerate() {
                out[m][li] += v / b as f64;
            }
        }
    }
    out
}

fn run_metrics(h: &HostTensor) -> Vec<Vec<f64>> {
    let g = Graph::new("metrics");
    let x = g.param("h", &h.dims, DType::F32);
    let f = Function::new(&g, &metrics::smoothing(&x).unwrap().into_vec()).unwrap();
    common::compile_run(&f, &[("h", h)])
        .into_vec()
        .unwrap()
        .iter()
        .map(|o| o.to_vec::<f32>().unwrap().iter().map(|&v| v as f64).collect())
        .collect()
}

fn assert_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{}", what);
    for (i, (a, b)) in got.iter().zip(want).enumerate() {
        assert!((a - b).abs() <= tol * b.abs().max(1.0), "{} [{}]: device {} vs host {}", what, i, a, b);
    }
}

const NAMES: [&str; 5] = ["token std", "cos uncentred", "cos pearson", "cos mean-centred", "hf share"];

/// A report's five per-block series against `want` (one row per metric, in `NAMES` order).
fn assert_report_matches(r: &bamboo::analysis::SmoothingReport, want: &[Vec<f64>]) {
    let got: Vec<Vec<f64>> = vec![
        r.rows.iter().map(|w| w.token_std).collect(),
        r.rows.iter().map(|w| w.cos_uncentred).collect(),
        r.rows.iter().map(|w| w.cos_pearson).collect(),
        r.rows.iter().map(|w| w.cos_mean_centred).collect(),
        r.rows.iter().map(|w| w.hf_share).collect(),
    ];
    for m in 0..5 {
        assert_close(NAMES[m], &got[m], &want[m], 1e-4);
    }
}

#[test]
fn metrics_match_host_definitions() {
    // Tokens with a per-layer shared direction and per-token offsets, so the variants differ.
    let (l, b, t, d) = (3usize, 2usize, 6usize, 5usize);
    let mut rng = Rng::new(11);
    let mut h = vec![0f32; l * b * t * d];
    for li in 0..l {
        let shared: Vec<f64> = rng.normals(d, li as f64);
        for bi in 0..b {
            for ti in 0..t {
                let offset = rng.normal();
                for c in 0..d {
                    h[((li * b + bi) * t + ti) * d + c] = (rng.normal() + shared[c] + offset) as f32;
                }
            }
        }
    }
    let dims = [l as i64, b as i64, t as i64, d as i64];
    let got = run_metrics(&HostTensor::from_slice(&dims, &h).unwrap());
    let want = host_layers(&h, &dims, 0);
    for m in 0..5 {
        assert_close(NAMES[m], &got[m], &want[m], 1e-5);
    }
    // The variants really differ on this data (else the test could not tell them apart).
    assert!((want[1][2] - want[2][2]).abs() > 0.05 && (want[2][2] - want[3][2]).abs() > 0.05, "{:?}", want);
}

#[test]
fn mean_token_centring_pins_the_cosine() {
    // Tokens = m + e_t (basis vectors): centred by the mean token they all have the same norm and
    // sum to zero, so their mean pairwise cosine is exactly -1/(T-1), whatever m is.
    let t = 5usize;
    let m = [3.0f32, -1.0, 0.5, 2.0, 7.0];
    let h: Vec<f32> = (0..t).flat_map(|i| (0..t).map(move |c| m[c] + (i == c) as u8 as f32)).collect();
    let got = run_metrics(&HostTensor::from_slice(&[1, 1, t as i64, t as i64], &h).unwrap());
    assert!((got[3][0] + 1.0 / (t - 1) as f64).abs() < 1e-6, "mean-centred cosine {}", got[3][0]);
    assert!(got[1][0] > 0.9, "uncentred cosine {} should see the shared m", got[1][0]);
}

/// Runs the hidden-state forward alone and returns `[L, B, T, D]` for `batch`.
fn hidden_of(enc: &ImageEncoder, ck: &Checkpoint, batch: &HostTensor, partial: bool) -> HostTensor {
    let g = Graph::new("hidden");
    let specs = enc.specs();
    let p = Params::declare(&g, &specs, DType::F32);
    let x = g.param("images", &batch.dims, DType::F32);
    let f = Function::named(&g, &[("hidden", enc.hidden(&p, &x).unwrap())]).unwrap();
    let weights = host_params(&specs, &ck.tensors, &[], partial).unwrap();
    let mut inputs: Vec<(&str, &HostTensor)> = specs.iter().map(|s| s.name.as_str()).zip(&weights).collect();
    inputs.push(("images", batch));
    common::compile_run(&f, &inputs).take("hidden").unwrap()
}

#[test]
fn vit_checkpoint_smoothing_matches_host_on_real_images() {
    let dir = tmp("vit");
    let cfg = ModelConfig::Vit(tiny_vit(2, 28, 7));
    write_checkpoint(&dir.join("tiny-vit"), &cfg, 1);
    let ck = open(&dir.join("tiny-vit")).unwrap(); // a run folder: its newest checkpoint
    assert_eq!(ck.label, "tiny-vit@7");
    let enc = ImageEncoder::from_config(ck.config.as_ref().unwrap()).unwrap();
    let batches = images::eval_images(DATA, 4, 28, 1, 2).unwrap();
    assert_eq!(batches.len(), 2);
    assert_eq!(batches[0].dims, [4, 1, 28, 28]);

    let r = analyze(common::client(), &CompileOptions::default(), &ck, &batches, Tokens::Patches).unwrap();
    assert_eq!((r.depth, r.tokens, r.examples, r.rows.len()), (2, 16, 8, 2));
    assert_eq!(r.rows[1].rel_depth, 1.0);

    let mut want = vec![vec![0.0; 2]; 5];
    let (mut rank, mut res, mut top) = (vec![0.0; 2], vec![0.0; 2], vec![vec![0.0; collapse::TOP_SINGULAR]; 2]);
    for b in &batches {
        // The analysis reads the embeddings and blocks only: the head stays in the file.
        let h = hidden_of(&enc, &ck, b, true);
        assert_eq!(h.dims, [2, 4, 17, 32]);
        for (w, v) in want.iter_mut().zip(host_layers(&h.to_vec::<f32>().unwrap(), &h.dims, 1)) {
            for (a, x) in w.iter_mut().zip(v) {
                *a += x / 2.0;
            }
        }
        let (r1, r2, r3) = host_collapse(&h.to_vec::<f32>().unwrap(), &h.dims, 1);
        for l in 0..2 {
            rank[l] += r1[l] / 2.0;
            res[l] += r2[l] / 2.0;
            for k in 0..collapse::TOP_SINGULAR {
                top[l][k] += r3[l][k] / 2.0;
            }
        }
    }
    assert_report_matches(&r, &want);
    // The analysis' hidden states come from its own program: f32 differences of ~1e-6.
    assert_rel("effective rank", &r.rows.iter().map(|w| w.effective_rank).collect::<Vec<_>>(), &rank, 1e-5);
    assert_rel("relative residual", &r.rows.iter().map(|w| w.rel_residual).collect::<Vec<_>>(), &res, 1e-5);
    for (row, want) in r.rows.iter().zip(&top) {
        assert_rel("top singular values", &row.top_singular, want, 1e-5);
    }
}

const TEXT: &str = "datasets/wiki-sample/wiki.txt";
const VOCAB: &str = "datasets/bert-vocab/vocab.txt";

fn tiny_text(kind: &str) -> ModelConfig {
    let stack = Stack::new(2, 32, 2);
    match kind {
        "bert" => {
            let mut c = BertConfig::new(stack);
            (c.max_positions, c.seq_len, c.max_predictions) = (64, 16, 2);
            ModelConfig::Bert(c)
        }
        _ => {
            let mut c = OptConfig::new(stack);
            (c.vocab_size, c.max_positions, c.seq_len) = (30522, 64, 16);
            ModelConfig::Opt(c)
        }
    }
}

#[test]
fn text_models_read_the_same_windows_and_match_host_metrics() {
    let dir = tmp("text");
    let mut windows = vec![];
    for (kind, tokens) in [("opt", 16), ("bert", 15)] {
        let ck = open(&write_checkpoint(&dir.join(kind), &tiny_text(kind), 3)).unwrap();
        let Analysed::Text(model) = Analysed::from_config(ck.config.as_ref().unwrap()).unwrap() else { panic!("{} is text", kind) };
        let batches = text::eval_text(Path::new(TEXT), Path::new(VOCAB), &model, 16, 4, 2).unwrap();
        assert_eq!((batches.len(), &batches[0].dims[..]), (2, &[4i64, 16][..]));
        windows.push(batches[0].to_vec::<i32>().unwrap());
        let r = analyze(common::client(), &CompileOptions::default(), &ck, &batches, Tokens::Patches).unwrap();
        // BERT's [CLS] is left out like a ViT's cls token; OPT has none.
        assert_eq!((r.model.as_str(), r.depth, r.tokens, r.examples), (kind, 2, tokens, 8));

        let mut want = vec![vec![0.0; 2]; 5];
        for b in &batches {
            let g = Graph::new("hidden");
            let specs = model.specs();
            let p = Params::declare(&g, &specs, DType::F32);
            let x = g.param("ids", &b.dims, DType::I32);
            let f = Function::named(&g, &[("hidden", model.hidden(&p, &x).unwrap())]).unwrap();
            let weights = host_params(&specs, &ck.tensors, &[], matches!(model, TextModel::Bert(_))).unwrap();
            let mut inputs: Vec<(&str, &HostTensor)> = specs.iter().map(|s| s.name.as_str()).zip(&weights).collect();
            inputs.push(("ids", b));
            let h = common::compile_run(&f, &inputs).take("hidden").unwrap();
            assert_eq!(h.dims, [2, 4, 16, 32]);
            for (w, v) in want.iter_mut().zip(host_layers(&h.to_vec::<f32>().unwrap(), &h.dims, 16 - tokens)) {
                for (a, x) in w.iter_mut().zip(v) {
                    *a += x / 2.0;
                }
            }
        }
        let got = [
            r.rows.iter().map(|w| w.token_std).collect::<Vec<_>>(),
            r.rows.iter().map(|w| w.cos_uncentred).collect(),
            r.rows.iter().map(|w| w.cos_pearson).collect(),
            r.rows.iter().map(|w| w.cos_mean_centred).collect(),
            r.rows.iter().map(|w| w.hf_share).collect(),
        ];
        for m in 0..5 {
            assert_close(&format!("{} {}", kind, NAMES[m]), &got[m], &want[m], 1e-4);
        }
    }
    // Both start at the same text: BERT's window is [CLS] + OPT's first 14 tokens + [SEP].
    let (opt, bert) = (&windows[0], &windows[1]);
    assert_eq!((bert[0], bert[15]), (101, 102));
    assert_eq!(&bert[1..15], &opt[..14]);

    // Text too short for one batch: the file and the lengths are named.
    let short = dir.join("short.txt");
    std::fs::write(&short, "Two words.\n").unwrap();
    let Analysed::Text(model) = Analysed::from_config(&tiny_text("opt")).unwrap() else { unreachable!() };
    // `{:#}`: the message with its causes, as the command line prints it.
    let e = format!("{:#}", text::eval_text(&short, Path::new(VOCAB), &model, 16, 4, 1).unwrap_err());
    assert!(e.contains("short.txt") && e.contains("4 tokens") && e.contains("16 tokens"), "{}", e);
    let e = text::eval_text(Path::new(TEXT), Path::new(VOCAB), &model, 100, 4, 1).unwrap_err().to_string();
    assert!(e.contains("--seq-len 100 exceeds the model's max_positions = 64"), "{}", e);
}

#[test]
fn mae_encoder_path_matches_mae_forward_without_masking() {
    // MAE's own forward with mask ratio 0 keeps every patch (in a shuffled order); every metric
    // here is invariant to the token order, so both paths must agree.
    let dir = tmp("mae");
    let c = tiny_mae(3);
    let ckdir = write_checkpoint(&dir.join("tiny-mae"), &ModelConfig::Mae(c.clone()), 2);
    let ck = open(&ckdir).unwrap();
    let batch = images::eval_images(DATA, 4, 28, 1, 1).unwrap().remove(0);
    let r = analyze(common::client(), &CompileOptions::default(), &ck, std::slice::from_ref(&batch), Tokens::Patches).unwrap();
    assert_eq!((r.model.as_str(), r.depth, r.tokens), ("mae", 3, 16));

    let unmasked = MaeConfig { mask_ratio: 0.0, ..c.clone() };
    let specs = mae::param_specs(&unmasked);
    let g = Graph::new("mae_all_patches");
    let p = Params::declare(&g, &specs, DType::F32);
    let x = g.param("images", &batch.dims, DType::F32);
    let noise = g.param("noise", &[4, 16], DType::F32);
    let o = StackOptions { keep_hidden: true, ..Default::default() };
    let out = mae::forward(&unmasked, &p, &x, &noise, &o).unwrap();
    let f = Function::named(&g, &[("hidden", out.hidden.unwrap())]).unwrap();
    let weights = host_params(&specs, &ck.tensors, &[], false).unwrap();
    let noise = HostTensor::from_slice(&[4, 16], &Rng::new(5).range(64, 0.0, 1.0).iter().map(|&v| v as f32).collect::<Vec<_>>()).unwrap();
    let mut inputs: Vec<(&str, &HostTensor)> = specs.iter().map(|s| s.name.as_str()).zip(&weights).collect();
    inputs.extend([("images", &batch), ("noise", &noise)]);
    let h = common::compile_run(&f, &inputs).take("hidden").unwrap();
    assert_eq!(h.dims, [3, 4, 17, 32]);
    let want = host_layers(&h.to_vec::<f32>().unwrap(), &h.dims, 1);
    assert_close("mae token std", &r.rows.iter().map(|w| w.token_std).collect::<Vec<_>>(), &want[0], 1e-4);
    assert_close("mae cos pearson", &r.rows.iter().map(|w| w.cos_pearson).collect::<Vec<_>>(), &want[2], 1e-4);
    assert_close("mae hf share", &r.rows.iter().map(|w| w.hf_share).collect::<Vec<_>>(), &want[4], 1e-4);
}

// ---- token collapse: effective rank, top singular values, residual to the mean token -------

/// Singular values by one-sided Jacobi (Hestenes) on the columns of the row-major `m x n`
/// matrix, in f64, largest first: no Gram matrix, no tridiagonal form.
fn jacobi_singular_values(a: &[f64], m: usize, n: usize) -> Vec<f64> {
    let mut cols: Vec<Vec<f64>> = (0..n).map(|j| (0..m).map(|i| a[i * n + j]).collect()).collect();
    let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(p, q)| p * q).sum::<f64>();
    for _sweep in 0..100 {
        let mut rotated = false;
        for i in 0..n {
            for j in i + 1..n {
                let (alpha, beta, gamma) = (dot(&cols[i], &cols[i]), dot(&cols[j], &cols[j]), dot(&cols[i], &cols[j]));
                if gamma.abs() <= 1e-15 * (alpha * beta).sqrt() || gamma == 0.0 {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = c * t;
                let (head, tail) = cols.split_at_mut(j);
                for (x, y) in head[i].iter_mut().zip(tail[0].iter_mut()) {
                    let (xi, yj) = (*x, *y);
                    *x = c * xi - s * yj;
                    *y = s * xi + c * yj;
                }
            }
        }
        if !rotated {
            break;
        }
    }
    let mut s: Vec<f64> = cols.iter().map(|c| dot(c, c).sqrt()).collect();
    s.sort_by(|x, y| y.total_cmp(x));
    s.truncate(m.min(n));
    s
}

/// The definitions: `p_i = s_i / sum s`, `exp(-sum p ln p)`; `||H - 1 m^T||_F / ||H||_F`.
fn host_effective_rank(s: &[f64]) -> f64 {
    let total: f64 = s.iter().sum();
    (-s.iter().map(|v| v / total).filter(|&p| p > 0.0).map(|p| p * p.ln()).sum::<f64>()).exp()
}

fn host_rel_residual(x: &[Vec<f64>]) -> f64 {
    let (t, d) = (x.len(), x[0].len());
    let mean: Vec<f64> = (0..d).map(|c| x.iter().map(|r| r[c]).sum::<f64>() / t as f64).collect();
    let res: f64 = x.iter().flat_map(|r| r.iter().zip(&mean).map(|(a, m)| (a - m).powi(2))).sum();
    let all: f64 = x.iter().flat_map(|r| r.iter().map(|a| a * a)).sum();
    (res / all).sqrt()
}

/// Per block, averaged over the batch: (effective rank, residual, top-8 singular values).
fn host_collapse(h: &[f32], dims: &[i64], skip: usize) -> (Vec<f64>, Vec<f64>, Vec<Vec<f64>>) {
    let (l, b, t, d) = (dims[0] as usize, dims[1] as usize, dims[2] as usize, dims[3] as usize);
    let (mut rank, mut res, mut top) = (vec![0.0; l], vec![0.0; l], vec![vec![0.0; collapse::TOP_SINGULAR]; l]);
    for li in 0..l {
        for bi in 0..b {
            let tokens: Vec<Vec<f64>> = (skip..t).map(|ti| (0..d).map(|c| h[((li * b + bi) * t + ti) * d + c] as f64).collect()).collect();
            let flat: Vec<f64> = tokens.iter().flatten().copied().collect();
            let s = jacobi_singular_values(&flat, t - skip, d);
            rank[li] += host_effective_rank(&s) / b as f64;
            res[li] += host_rel_residual(&tokens) / b as f64;
            for (acc, v) in top[li].iter_mut().zip(&s) {
                *acc += v / b as f64;
            }
        }
    }
    (rank, res, top)
}

fn assert_rel(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{}", what);
    for (i, (a, b)) in got.iter().zip(want).enumerate() {
        assert!(
            (a - b).abs() <= tol * b.abs().max(1e-12),
            "{} [{}]: {} vs host {} (relative {:.2e})",
            what,
            i,
            a,
            b,
            (a - b).abs() / b.abs()
        );
    }
}

#[test]
fn singular_values_and_effective_rank_of_known_matrices() {
    // U diag(s) V^T, both shapes (Gram H H^T and H^T H): the singular values come back exactly.
    let s = [5.0, 3.0, 2.5, 1.0, 0.5, 0.01];
    for (m, n) in [(6, 9), (9, 6), (6, 6)] {
        let a = givens_product(m, 7).matmul(&diag(&s, m, n)).unwrap().matmul(&givens_product(n, 8).transpose()).unwrap();
        let got = collapse::singular_values(&a.data, m, n).unwrap();
        assert_rel(&format!("{}x{} singular values", m, n), &got, &s, 1e-10);
        let p: Vec<f64> = s.iter().map(|v| v / s.iter().sum::<f64>()).collect();
        let want = (-p.iter().map(|q| q * q.ln()).sum::<f64>()).exp();
        assert_rel("effective rank", &[collapse::effective_rank(&got)], &[want], 1e-10);
    }
    // Equal singular values: the rank itself; rank one (every token a multiple of one vector): 1.
    assert!((collapse::effective_rank(&[2.0; 7]) - 7.0).abs() < 1e-12);
    let (u, v) = (Rng::new(3).normals(5, 1.0), Rng::new(4).normals(8, 1.0));
    let uv: Vec<f64> = u.iter().flat_map(|a| v.iter().map(move |b| a * b)).collect();
    let sv = collapse::singular_values(&uv, 5, 8).unwrap();
    assert!((collapse::effective_rank(&sv) - 1.0).abs() < 1e-6, "rank one: {:?}", sv);
    // Eigenvalues of a symmetric tridiagonal [2 -1; -1 2 -1; ...]: 2 - 2 cos(k pi / (n + 1)).
    let n = 12;
    let t: Vec<f64> = (0..n * n)
        .map(|k| match (k / n) as i64 - (k % n) as i64 {
            0 => 2.0,
            1 | -1 => -1.0,
            _ => 0.0,
        })
        .collect();
    let mut ev = collapse::symmetric_eigenvalues(t, n).unwrap();
    ev.sort_by(|a, b| a.total_cmp(b));
    let want: Vec<f64> = (1..=n).map(|k| 2.0 - 2.0 * (k as f64 * std::f64::consts::PI / (n + 1) as f64).cos()).collect();
    assert_rel("tridiagonal eigenvalues", &ev, &want, 1e-12);
}

#[test]
fn collapse_metrics_match_an_independent_host_svd() {
    // Tokens sharing a per-layer direction with a layer-dependent weight (from spread to nearly
    // collapsed), T < D and T > D.
    for (t, d) in [(6usize, 10usize), (12, 5)] {
        let (l, b) = (3usize, 3usize);
        let mut rng = Rng::new(21 + t as u64);
        let mut h = vec![0f32; l * b * t * d];
        for li in 0..l {
            let shared: Vec<f64> = rng.normals(d, 1.0);
            let spread = [1.0, 0.3, 0.02][li];
            for bi in 0..b {
                for ti in 0..t {
                    let scale = 1.0 + rng.uniform();
                    for c in 0..d {
                        h[((li * b + bi) * t + ti) * d + c] = (scale * shared[c] + spread * rng.normal()) as f32;
                    }
                }
            }
        }
        let dims = [l as i64, b as i64, t as i64, d as i64];
        let (rank, res, top) = host_collapse(&h, &dims, 0);
        // The library's host path (Gram + tridiagonal QL), summed in two halves of the batch.
        let mut sums = collapse::CollapseSums::new(l);
        let half =
            |lo: usize, hi: usize| -> Vec<f32> { (0..l).flat_map(|li| h[(li * b + lo) * t * d..(li * b + hi) * t * d].to_vec()).collect() };
        sums.add(&half(0, 1), &[l as i64, 1, t as i64, d as i64]).unwrap();
        sums.add(&half(1, b), &[l as i64, (b - 1) as i64, t as i64, d as i64]).unwrap();
        assert_eq!(sums.examples, b);
        assert_rel("effective rank", &sums.mean_effective_rank(), &rank, 1e-5);
        for (li, (got, want)) in sums.mean_top_singular().iter().zip(&top).enumerate() {
            let k = t.min(d).min(collapse::TOP_SINGULAR);
            assert_rel(&format!("top singular values, block {}", li), &got[..k], &want[..k], 1e-5);
            assert!(got[k..].iter().all(|&v| v == 0.0));
        }
        // The traced residual, on device.
        let got = run_metrics(&HostTensor::from_slice(&dims, &h).unwrap());
        assert_rel("relative residual", &got[5], &res, 1e-5);
        // The layers really differ: spread tokens have a high rank, nearly collapsed ones about 1;
        // tokens of different lengths along one direction still leave a residual to their mean.
        assert!(rank[0] > 2.5 && rank[2] < 1.5 && res[2] < 0.5 * res[0], "ranks {:?}, residuals {:?}", rank, res);
    }
}

#[test]
fn collapse_closed_forms_through_the_metric_code() {
    // Per block, through the code analyze runs (traced residual, host sums of the hidden states):
    // block 0: every token equal: residual 0, rank 1, s1 = sqrt(T) ||v||;
    // block 1: orthogonal tokens of norm 2 (T <= D): rank T, residual sqrt(1 - 1/T), s_i = 2.
    let (t, d) = (5usize, 8usize);
    let v: Vec<f64> = Rng::new(5).normals(d, 1.0);
    let q = givens_product(d, 9);
    let mut h = vec![0f32; 2 * t * d];
    for ti in 0..t {
        for c in 0..d {
            h[ti * d + c] = v[c] as f32;
            h[(t + ti) * d + c] = (2.0 * q.at(ti, c)) as f32;
        }
    }
    let dims = [2, 1, t as i64, d as i64];
    let residual = &run_metrics(&HostTensor::from_slice(&dims, &h).unwrap())[5];
    assert!(residual[0].abs() < 1e-6, "equal tokens leave a residual {}", residual[0]);
    assert_rel("orthogonal tokens' residual", &residual[1..], &[(1.0 - 1.0 / t as f64).sqrt()], 1e-6);
    let mut sums = collapse::CollapseSums::new(2);
    sums.add(&h, &dims).unwrap();
    let rank = sums.mean_effective_rank();
    assert!((rank[0] - 1.0).abs() < 1e-5 && (rank[1] - t as f64).abs() < 1e-5 * t as f64, "ranks {:?}", rank);
    let norm_v = v.iter().map(|a| (*a as f32 as f64).powi(2)).sum::<f64>().sqrt();
    assert_rel("equal tokens' s1", &sums.mean_top_singular()[0][..1], &[(t as f64).sqrt() * norm_v], 1e-6);
    assert_rel("orthogonal tokens' singular values", &sums.mean_top_singular()[1][..t], &[2.0; 5], 1e-6);
    // T > D: the first D columns of an orthogonal matrix (a tight frame) have D equal singular
    // values; rank D.
    let (t, d) = (9usize, 4usize);
    let q = givens_product(t, 11);
    let frame: Vec<f64> = (0..t).flat_map(|ti| (0..d).map(move |c| (ti, c))).map(|(ti, c)| 3.0 * q.at(ti, c)).collect();
    let s = collapse::singular_values(&frame, t, d).unwrap();
    assert_rel("tight frame singular values", &s, &[3.0; 4], 1e-10);
    assert!((collapse::effective_rank(&s) - d as f64).abs() < 1e-10, "{:?}", s);
}

/// `tests/fixtures/collapse/reference.json` (scripts/parity/make_collapse_fixture.py:
/// `torch.linalg.svdvals` in float64) for one source: per-block effective rank, residual, top 8.
fn torch_collapse(source: &str) -> (Vec<f64>, Vec<f64>, Vec<Vec<f64>>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collapse/reference.json");
    let r: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let v = |x: &serde_json::Value| -> Vec<f64> { x.as_array().unwrap().iter().map(|a| a.as_f64().unwrap()).collect() };
    let r = &r[source];
    (v(&r["effective_rank"]), v(&r["rel_residual"]), r["top_singular"].as_array().unwrap().iter().map(v).collect())
}

fn assert_collapse_matches_torch(source: &str, rank: &[f64], residual: &[f64], top: &[Vec<f64>]) {
    let (want_rank, want_res, want_top) = torch_collapse(source);
    assert_rel(&format!("{} effective rank vs torch", source), rank, &want_rank, 1e-5);
    assert_rel(&format!("{} residual vs torch", source), residual, &want_res, 1e-5);
    assert_eq!(top.len(), want_top.len());
    for (l, (got, want)) in top.iter().zip(&want_top).enumerate() {
        let k = want.iter().filter(|&&x| x > 0.0).count();
        assert_rel(&format!("{} top singular values, block {} vs torch", source, l), &got[..k], &want[..k], 1e-5);
        assert!(got[k..].iter().all(|&x| x == 0.0), "{}: {:?}", source, got);
    }
}

#[test]
fn collapse_metrics_match_torch_through_analyze() {
    // timm's ViT (the parity fixture's weights and images) through `analyze smoothing`, against
    // torch's singular values of timm's own block outputs, without and with the class token.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vit");
    let cfg: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    let cfg = ModelConfig::from_json(&cfg["bamboo"].to_string()).unwrap();
    let weights = bamboo::checkpoint::load(&dir.join("weights.safetensors")).unwrap();
    let px = &bamboo::checkpoint::load(&dir.join("inputs.safetensors")).unwrap()["pixel_values"];
    let batch = HostTensor::from_slice(&px.shape.iter().map(|&d| d as i64).collect::<Vec<_>>(), &px.to_f32()).unwrap();
    let ck = open(&write_tensors(&tmp("collapse-torch").join("timm-vit"), &cfg, &weights)).unwrap();
    for (tokens, source, seen) in [(Tokens::Patches, "vit_patches", 16), (Tokens::All, "vit_all", 17)] {
        let r = analyze(common::client(), &CompileOptions::default(), &ck, std::slice::from_ref(&batch), tokens).unwrap();
        assert_eq!((r.tokens, r.examples), (seen, 2));
        let col = |f: fn(&bamboo::analysis::SmoothingRow) -> f64| r.rows.iter().map(f).collect::<Vec<_>>();
        let top: Vec<Vec<f64>> = r.rows.iter().map(|w| w.top_singular.clone()).collect();
        assert_collapse_matches_torch(source, &col(|w| w.effective_rank), &col(|w| w.rel_residual), &top);
    }
    // Planted hidden states (T < D and T > D) straight into the metric code analyze runs.
    let hidden =
        bamboo::checkpoint::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collapse/hidden.safetensors")).unwrap();
    for source in ["wide", "tall"] {
        let h = &hidden[source];
        let dims: Vec<i64> = h.shape.iter().map(|&d| d as i64).collect();
        let mut sums = collapse::CollapseSums::new(h.shape[0]);
        sums.add(&h.to_f32(), &dims).unwrap();
        let residual = run_metrics(&HostTensor::from_slice(&dims, &h.to_f32()).unwrap()).swap_remove(5);
        assert_collapse_matches_torch(source, &sums.mean_effective_rank(), &residual, &sums.mean_top_singular());
    }
}

// ---- spectral norms -----------------------------------------------------------------------

fn givens_product(n: usize, seed: u64) -> Matrix {
    // A product of plane rotations: orthogonal, dense, no structure the start vector could hit.
    let mut q = Matrix::new(n, n, (0..n * n).map(|i| (i % (n + 1) == 0) as u8 as f64).collect()).unwrap();
    let mut rng = Rng::new(seed);
    for _ in 0..4 * n {
        let (i, j) = ((rng.next_u64() % n as u64) as usize, (rng.next_u64() % n as u64) as usize);
        if i == j {
            continue;
        }
        let a = rng.uniform() * std::f64::consts::TAU;
        let mut g = Matrix::new(n, n, (0..n * n).map(|k| (k % (n + 1) == 0) as u8 as f64).collect()).unwrap();
        g.data[i * n + i] = a.cos();
        g.data[j * n + j] = a.cos();
        g.data[i * n + j] = -a.sin();
        g.data[j * n + i] = a.sin();
        q = g.matmul(&q).unwrap();
    }
    q
}

fn diag(s: &[f64], rows: usize, cols: usize) -> Matrix {
    let mut m = Matrix::zeros(rows, cols);
    for (i, &v) in s.iter().enumerate() {
        m.data[i * cols + i] = v;
    }
    m
}

#[test]
fn spectral_norms_of_matrices_with_known_norms() {
    let rel = |got: f64, want: f64| (got - want).abs() / want;
    assert!(rel(spectral_norm(&diag(&[3.0, -7.0, 2.0, 0.5], 4, 4)).unwrap().value, 7.0) < 1e-12);
    // Rectangular U diag(s) V^T with a close top pair (1e-3 apart).
    let s = [4.0, 3.996, 2.0, 1.0, 0.1];
    let a = givens_product(7, 1).matmul(&diag(&s, 7, 5)).unwrap().matmul(&givens_product(5, 2).transpose()).unwrap();
    let n = spectral_norm(&a).unwrap();
    assert!(rel(n.value, 4.0) < 1e-10, "U S V^T: {} ({} iterations)", n.value, n.iterations);
    // Rank one: ||u v^T|| = |u| |v|.
    let (u, v) = (Rng::new(3).normals(6, 1.0), Rng::new(4).normals(9, 1.0));
    let uv = Matrix::new(6, 9, u.iter().flat_map(|a| v.iter().map(move |b| a * b)).collect()).unwrap();
    let norm = |x: &[f64]| x.iter().map(|a| a * a).sum::<f64>().sqrt();
    assert!(rel(spectral_norm(&uv).unwrap().value, norm(&u) * norm(&v)) < 1e-12);
    // A rotation alone has norm 1; the zero matrix has 0.
    assert!(rel(spectral_norm(&givens_product(8, 5)).unwrap().value, 1.0) < 1e-12);
    assert_eq!(spectral_norm(&Matrix::zeros(3, 2)).unwrap().value, 0.0);
}

#[test]
fn spectra_read_both_layouts_and_the_product_orientation() {
    let dir = tmp("spectra");
    let c = tiny_mae(3);
    let hf = write_checkpoint(&dir.join("mae"), &ModelConfig::Mae(c.clone()), 3);
    let hf = open(&hf).unwrap();
    // The same weights under timm's fused names: every ratio must be exactly 1.
    let timm_dir = write_tensors(&dir.join("timm"), &ModelConfig::Vit(tiny_vit(3, 28, 7)), &mae_encoder_to_vit(&hf.tensors).unwrap());
    let timm = open(&timm_dir).unwrap();
    let r = spectra::compare(&hf, &timm).unwrap();
    assert_eq!(r.rows.len(), 3);
    for w in &r.rows {
        assert!((w.beta_qk - 1.0).abs() < 1e-12 && (w.beta_v - 1.0).abs() < 1e-12, "{:?}", w);
    }
    // ||W_Q W_K^T|| with W_Q = W_q^T (PyTorch's [out, in]): the product q^T k, not q k^T.
    let get = |n: &str| {
        let t = &hf.tensors[n];
        Matrix::from_f32(t.shape[0], t.shape[1], &t.to_f32()).unwrap()
    };
    let (q, k) = (get("vit.encoder.layer.1.attention.attention.query.weight"), get("vit.encoder.layer.1.attention.attention.key.weight"));
    let want = spectral_norm(&q.transpose().matmul(&k).unwrap()).unwrap().value;
    let other = spectral_norm(&q.matmul(&k.transpose()).unwrap()).unwrap().value;
    assert!((r.rows[1].qk_a - want).abs() < 1e-9 * want && (want - other).abs() > 1e-3 * want, "{} {} {}", r.rows[1].qk_a, want, other);
    let v = get("vit.encoder.layer.1.attention.attention.value.weight");
    assert!((r.rows[1].v_a - spectral_norm(&v).unwrap().value).abs() < 1e-12);

    // OPT's decoder reads as `self_attn.{q,k,v}_proj`: the same matrices renamed, ratios 1.
    let renamed: Tensors = hf
        .tensors
        .iter()
        .filter_map(|(n, t)| {
            let rest = n.strip_prefix("vit.encoder.layer.")?;
            let (i, tail) = rest.split_once('.')?;
            let proj = match tail {
                "attention.attention.query.weight" => "q_proj",
                "attention.attention.key.weight" => "k_proj",
                "attention.attention.value.weight" => "v_proj",
                _ => return None,
            };
            Some((format!("model.decoder.layers.{}.self_attn.{}.weight", i, proj), t.clone()))
        })
        .collect();
    let ModelConfig::Opt(mut o) = tiny_text("opt") else { unreachable!() };
    o.decoder.depth = 3;
    let opt = open(&write_tensors(&dir.join("opt"), &ModelConfig::Opt(o), &renamed)).unwrap();
    let r = spectra::compare(&opt, &hf).unwrap();
    assert!(r.rows.iter().all(|w| w.beta_qk == 1.0 && w.beta_v == 1.0), "{:?}", r.rows);
}

/// The CLIP parity fixture (Hugging Face `CLIPModel` weights, 28 px grey images): its config,
/// weights, inputs and reference outputs.
fn clip_fixture() -> (ModelConfig, Tensors, Tensors, Tensors) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clip");
    let cfg: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    let load = |n: &str| bamboo::checkpoint::load(&dir.join(n)).unwrap();
    (
        ModelConfig::from_json(&cfg["bamboo"].to_string()).unwrap(),
        load("weights.safetensors"),
        load("inputs.safetensors"),
        load("outputs.safetensors"),
    )
}

#[test]
fn clip_image_tower_smoothing_matches_the_reference_hidden_states() {
    // analyze smoothing on the fixture's images must give the metrics of Hugging Face's own
    // vision_model hidden states (patch tokens, the class token left out).
    let (cfg, weights, inputs, outputs) = clip_fixture();
    let ModelConfig::Clip(c) = &cfg else { panic!("clip config") };
    let ck = open(&write_tensors(&tmp("clip").join("tiny-clip"), &cfg, &weights)).unwrap();
    let px = &inputs["pixel_values"];
    let dims: Vec<i64> = px.shape.iter().map(|&d| d as i64).collect();
    let batch = HostTensor::from_slice(&dims, &px.to_f32()).unwrap();
    let r = analyze(common::client(), &CompileOptions::default(), &ck, &[batch], Tokens::Patches).unwrap();
    let l = c.vision.depth;
    assert_eq!((r.model.as_str(), r.depth, r.tokens, r.examples, r.rows.len()), ("clip", l, 16, 4, l));

    let mut h = vec![];
    for i in 1..=l {
        h.extend(outputs[&format!("vision_model.hidden_states.{}", i)].to_f32());
    }
    let t = &outputs["vision_model.hidden_states.1"].shape;
    let want = host_layers(&h, &[l as i64, t[0] as i64, t[1] as i64, t[2] as i64], 1);
    assert_report_matches(&r, &want);
}

#[test]
fn spectra_read_clips_image_tower() {
    // The image tower's q/k/v projections (the text tower's are left out): 3 layers, each norm
    // that of the fixture's own matrices.
    let (cfg, weights, _, _) = clip_fixture();
    let ck = open(&write_tensors(&tmp("clip-spectra").join("c"), &cfg, &weights)).unwrap();
    let r = spectra::compare(&ck, &ck).unwrap();
    assert_eq!(r.rows.len(), 3);
    let get = |n: &str| Matrix::from_f32(weights[n].shape[0], weights[n].shape[1], &weights[n].to_f32()).unwrap();
    let p = "vision_model.encoder.layers.2.self_attn.";
    let (q, k, v) = (get(&format!("{p}q_proj.weight")), get(&format!("{p}k_proj.weight")), get(&format!("{p}v_proj.weight")));
    let qk = spectral_norm(&q.transpose().matmul(&k).unwrap()).unwrap().value;
    assert!((r.rows[2].qk_a - qk).abs() < 1e-9 * qk && (r.rows[2].v_a - spectral_norm(&v).unwrap().value).abs() < 1e-12, "{:?}", r.rows[2]);
    assert!(r.rows.iter().all(|w| w.beta_qk == 1.0 && w.beta_v == 1.0));
}

#[test]
fn cli_analyses_a_clip_checkpoint_on_real_images() {
    // A Hugging Face-named .safetensors with a sidecar, on the embedded Fashion-MNIST images.
    let (cfg, weights, _, _) = clip_fixture();
    let dir = tmp("clip-cli");
    let path = dir.join("clip.safetensors");
    bamboo::checkpoint::save_checkpoint(&path, &weights, &bamboo::checkpoint::Sidecar::new(&cfg, 0)).unwrap();
    let out = dir.join("out");
    let (ok, err) =
        bamboo(&["analyze", "smoothing", path.to_str().unwrap(), "--batches", "1", "--batch", "8", "--out", out.to_str().unwrap()]);
    assert!(ok, "{}", err);
    let csv = std::fs::read_to_string(out.join("smoothing.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 3, "{}", csv);
    assert!(csv.lines().all(|l| l.starts_with("model,") || l.starts_with("clip,") && l.contains(",clip,3,32,16,8,")), "{}", csv);
}

// ---- bad input --------------------------------------------------------------------------------

#[test]
fn different_depths_are_refused_naming_both() {
    let dir = tmp("depths");
    let a = open(&write_checkpoint(&dir.join("shallow"), &ModelConfig::Vit(tiny_vit(2, 28, 7)), 1)).unwrap();
    let b = open(&write_checkpoint(&dir.join("deep"), &ModelConfig::Mae(tiny_mae(3)), 1)).unwrap();
    let e = spectra::compare(&a, &b).expect_err("different depths must fail").to_string();
    assert!(e.contains("shallow@7 has 2 layers") && e.contains("deep@7 has 3"), "{}", e);
}

#[test]
fn image_size_mismatch_is_refused_naming_both() {
    let e = images::check_image_size(DATA, 32, "model m").expect_err("32 px model on 28 px data").to_string();
    assert!(e.contains("28x28") && e.contains("32x32") && e.contains("model m"), "{}", e);
    images::check_image_size(DATA, 28, "model m").unwrap();
}

// ---- the command line and its PNGs -------------------------------------------------------------

fn bamboo(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bamboo")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Decodes a PNG; `coloured`: some pixel must be neither grey nor white (the plot's lines).
fn png_size(path: &Path, coloured: bool) -> (u32, u32) {
    let d = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut r = d.read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    assert!(buf.chunks(3).any(|p| p != [255, 255, 255]), "{} is blank", path.display());
    if coloured {
        assert!(buf.chunks(3).any(|p| p[0] != p[1] || p[1] != p[2]), "{} has no coloured line", path.display());
    }
    (info.width, info.height)
}

/// Pixels of colour `rgb` in the rectangle `x` x `y` of an RGB PNG.
fn pixels_of(path: &Path, x: (usize, usize), y: (usize, usize), rgb: [u8; 3]) -> usize {
    let mut r = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap())).read_info().unwrap();
    let mut buf = vec![0; r.output_buffer_size().unwrap()];
    let info = r.next_frame(&mut buf).unwrap();
    let w = info.width as usize;
    (y.0..y.1).flat_map(|row| (x.0..x.1).map(move |col| (row, col))).filter(|(row, col)| buf[(row * w + col) * 3..][..3] == rgb).count()
}

#[test]
fn cli_writes_csv_json_and_pngs() {
    let dir = tmp("cli");
    let vit = write_checkpoint(&dir.join("v"), &ModelConfig::Vit(tiny_vit(2, 28, 7)), 1);
    let mae = write_checkpoint(&dir.join("m"), &ModelConfig::Mae(tiny_mae(3)), 2);
    let out = dir.join("out");
    let (ok, err) = bamboo(&[
        "analyze",
        "smoothing",
        vit.to_str().unwrap(),
        mae.to_str().unwrap(),
        "--batches",
        "1",
        "--batch",
        "8",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(ok, "{}", err);
    let csv = std::fs::read_to_string(out.join("smoothing.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 2 + 3, "{}", csv);
    assert!(csv.lines().nth(1).unwrap().starts_with("v@7,"), "{}", csv);
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("smoothing.json")).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[1]["rows"].as_array().unwrap().len(), 3);
    // 3 x 2 panels of 420 x 300, a legend of two rows below.
    assert_eq!(png_size(&out.join("smoothing.png"), true), (840, 900 + 14 + 2 * 22));
    // The last row, effective rank and residual to the mean token, draws both models' lines.
    for (panel, x0) in [("effective rank", 0), ("residual", 420)] {
        for model in 0..2 {
            let n = pixels_of(&out.join("smoothing.png"), (x0, x0 + 420), (600, 900), bamboo::analysis::plot::colour(model));
            assert!(n > 50, "the {} panel has {} pixels of model {}'s colour", panel, n, model);
        }
    }
    let sv = std::fs::read_to_string(out.join("singular_values.csv")).unwrap();
    assert_eq!(sv.lines().count(), 1 + 2 + 3, "{}", sv);
    assert!(
        sv.starts_with("model,kind,depth,width,tokens,examples,layer,rel_depth,s1,") && sv.lines().next().unwrap().ends_with(",s8"),
        "{}",
        sv
    );

    let (ok, err) = bamboo(&["analyze", "spectra", mae.to_str().unwrap(), mae.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(ok, "{}", err);
    assert_eq!(std::fs::read_to_string(out.join("spectra.csv")).unwrap().lines().count(), 4);
    assert_eq!(png_size(&out.join("spectra.png"), true), (840, 600 + 14 + 2 * 22));

    let grid = dir.join("grid.png");
    let (ok, err) = bamboo(&["visualize", "mae", mae.to_str().unwrap(), "--images", "3", "--out", grid.to_str().unwrap()]);
    assert!(ok, "{}", err);
    // 28 px at scale 4 = 112 px tiles, 4 columns and 3 rows with 6 px gaps, a 20 px header.
    assert_eq!(png_size(&grid, false), (4 * 118 + 6, 20 + 3 * 118 + 4));

    // A 32 px model on 28 px data: refused before anything runs, both sizes named.
    let big = write_checkpoint(&dir.join("big"), &ModelConfig::Vit(tiny_vit(2, 32, 8)), 1);
    let (ok, err) = bamboo(&["analyze", "smoothing", big.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!ok && err.contains("28x28") && err.contains("32x32"), "{}", err);
    // A ViT is no MAE.
    let (ok, err) = bamboo(&["visualize", "mae", vit.to_str().unwrap(), "--out", grid.to_str().unwrap()]);
    assert!(!ok && err.contains("needs an MAE checkpoint"), "{}", err);
}

#[test]
fn reconstruction_helpers_invert_each_other() {
    let mut rng = Rng::new(9);
    let (b, c, s, p) = (2, 3, 8, 4);
    let img: Vec<f32> = rng.normals(b * c * s * s, 1.0).iter().map(|&v| v as f32).collect();
    let patches = reconstruct::patchify(&img, b, c, s, p);
    // Patch 1 of image 0 starts at pixel (0, 4); its channels are interleaved per pixel.
    assert_eq!(&patches[p * p * c..p * p * c + 3], &[img[4], img[s * s + 4], img[2 * s * s + 4]]);
    assert_eq!(reconstruct::unpatchify(&patches, b, c, s, p), img);
    // A prediction that is exactly the normalized target maps back to the target.
    let k = p * p * c;
    let mut pred: Vec<f32> = patches
        .chunks(k)
        .flat_map(|t| {
            let m = t.iter().sum::<f32>() / k as f32;
            let v = t.iter().map(|x| (x - m).powi(2)).sum::<f32>() / (k - 1) as f32;
            t.iter().map(move |x| (x - m) / (v + 1e-6).sqrt()).collect::<Vec<_>>()
        })
        .collect();
    reconstruct::unnormalize_patches(&mut pred, &patches, k);
    for (a, t) in pred.iter().zip(&patches) {
        assert!((a - t).abs() < 1e-4, "{} vs {}", a, t);
    }
}
