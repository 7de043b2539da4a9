//! `bamboo forward` inputs: read from safetensors or .npy, checked against the config before
//! anything is traced. Every error names the tensor and says what was expected.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use anyhow::{bail, Result};

use super::npy::read_npy;
use crate::checkpoint::{load, Dtype, TensorData, Tensors};
use crate::config::{BertConfig, ClipConfig, MaeConfig, OptConfig, VitConfig};
use crate::data::rng::Rng;
use crate::graph::DType;
use crate::runtime::HostTensor;

/// One traced input: its name, its type in the graph and its host value.
pub struct ModelInput {
    pub name: &'static str,
    pub dtype: DType,
    pub host: HostTensor,
}

/// An expected dimension: the batch, the sequence length, or a fixed size.
#[derive(Clone, Copy)]
enum D {
    B,
    S,
    N(usize),
}

impl fmt::Display for D {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            D::B => f.write_str("B"),
            D::S => f.write_str("S"),
            D::N(n) => write!(f, "{n}"),
        }
    }
}

fn show(want: &[D]) -> String {
    format!("[{}]", want.iter().map(D::to_string).collect::<Vec<_>>().join(", "))
}

/// The tensors of an input file, and which of them the model took.
pub struct Inputs {
    tensors: Tensors,
    used: BTreeSet<String>,
}

impl Inputs {
    /// A `.npy` file is one array, taken as `primary` (the model's main input); anything else is
    /// read as safetensors.
    pub fn read(path: &Path, primary: &str) -> Result<Inputs> {
        let tensors = if path.extension().is_some_and(|e| e == "npy") {
            Tensors::from([(primary.to_string(), read_npy(path)?)])
        } else {
            load(path)?
        };
        Ok(Inputs { tensors, used: BTreeSet::new() })
    }

    /// Names in the file that the model did not take (labels, say).
    pub fn unused(&self) -> Vec<String> {
        self.tensors.keys().filter(|n| !self.used.contains(*n)).cloned().collect()
    }

    fn get(&mut self, name: &str) -> Option<&TensorData> {
        let t = self.tensors.get(name)?;
        self.used.insert(name.to_string());
        Some(t)
    }

    fn require(&mut self, name: &str) -> Result<&TensorData> {
        if !self.tensors.contains_key(name) {
            let found: Vec<&str> = self.tensors.keys().map(String::as_str).collect();
            let more = found.len().saturating_sub(8);
            let tail = if more > 0 { format!(" and {} more", more) } else { String::new() };
            bail!("input `{}` is missing (the file holds: {}{})", name, found[..found.len().min(8)].join(", "), tail);
        }
        Ok(self.get(name).unwrap())
    }
}

/// Fails unless `t` has the shape `want` (B and S match anything).
fn check_shape(name: &str, t: &TensorData, want: &[D]) -> Result<()> {
    let fits = t.shape.len() == want.len() && t.shape.iter().zip(want).all(|(&f, w)| !matches!(w, D::N(n) if *n != f));
    if !fits {
        bail!("input `{}`: shape {:?}, expected {}", name, t.shape, show(want));
    }
    Ok(())
}

fn dims(t: &TensorData) -> Vec<i64> {
    t.shape.iter().map(|&d| d as i64).collect()
}

/// A float tensor as f32 (f64, f16 and bf16 are converted: NumPy saves f64 by default).
fn floats(name: &'static str, t: &TensorData, want: &[D]) -> Result<ModelInput> {
    if !matches!(t.dtype, Dtype::F32 | Dtype::F64 | Dtype::F16 | Dtype::BF16) {
        bail!("input `{}`: dtype {}, expected F32 (F64, F16 and BF16 are converted)", name, t.dtype);
    }
    check_shape(name, t, want)?;
    Ok(ModelInput { name, dtype: DType::F32, host: HostTensor::from_slice(&dims(t), &t.to_f32())? })
}

/// An integer tensor (i32 or i64) as i32, every value in `lo..hi` (`what` names the bound).
fn ints(name: &'static str, t: &TensorData, want: &[D], (lo, hi): (i64, i64), what: &str) -> Result<ModelInput> {
    if !matches!(t.dtype, Dtype::I32 | Dtype::I64) {
        bail!("input `{}`: dtype {}, expected I32 or I64", name, t.dtype);
    }
    check_shape(name, t, want)?;
    let v = t.to_i64().expect("integer dtype");
    if let Some((i, x)) = v.iter().enumerate().find(|(_, &x)| x < lo || x >= hi) {
        bail!("input `{}`: value {} at flat index {} is outside [{}, {}) ({})", name, x, i, lo, hi, what);
    }
    let v: Vec<i32> = v.iter().map(|&x| x as i32).collect();
    Ok(ModelInput { name, dtype: DType::I32, host: HostTensor::from_slice(&dims(t), &v)? })
}

/// `pixel_values` `[B, C, H, W]` for an image model; returns it and the batch.
fn images(inp: &mut Inputs, channels: usize, size: usize) -> Result<(ModelInput, usize)> {
    let t = inp.require("pixel_values")?;
    let x = floats("pixel_values", t, &[D::B, D::N(channels), D::N(size), D::N(size)])?;
    Ok((x, t.shape[0]))
}

/// Images and, when the model has a classifier, optional `labels` `[B]` (class ids).
pub fn vit(c: &VitConfig, inp: &mut Inputs, classifier: bool) -> Result<Vec<ModelInput>> {
    let (x, b) = images(inp, c.channels, c.image_size)?;
    let mut out = vec![x];
    if let Some(t) = inp.get("labels").filter(|_| classifier) {
        out.push(ints("labels", t, &[D::N(b)], (0, c.num_classes as i64), "num_classes")?);
    }
    Ok(out)
}

/// Images and masking noise `[B, N]`; without `noise` in the file it is drawn uniform in [0, 1)
/// from `seed` (the output file records it, so the run can be repeated).
pub fn mae(c: &MaeConfig, inp: &mut Inputs, seed: u64) -> Result<Vec<ModelInput>> {
    let (x, b) = images(inp, c.channels, c.image_size)?;
    let n = c.num_patches();
    let noise = match inp.get("noise") {
        Some(t) => floats("noise", t, &[D::N(b), D::N(n)])?,
        None => {
            let mut rng = Rng::new(seed);
            let v: Vec<f32> = (0..b * n).map(|_| rng.f64() as f32).collect();
            ModelInput { name: "noise", dtype: DType::F32, host: HostTensor::from_slice(&[b as i64, n as i64], &v)? }
        }
    };
    Ok(vec![x, noise])
}

/// `input_ids`, `token_type_ids` (zeros when absent), `attention_mask` (ones when absent, as
/// Hugging Face defaults them; 0/1 of any numeric type) and, if present, `masked_lm_positions`;
/// the loss's inputs when given: `labels` `[B, S]` (-100 where not predicted) with
/// `next_sentence_label` `[B]` for pre-training, `labels` `[B]` for a `classifier` (float
/// scores when it has one output).
pub fn bert(c: &BertConfig, inp: &mut Inputs, classifier: bool) -> Result<Vec<ModelInput>> {
    let (ids, b, s) = token_ids(inp, c.vocab_size, c.max_positions)?;
    let bs = [D::N(b), D::N(s)];
    let types = match inp.get("token_type_ids") {
        Some(t) => ints("token_type_ids", t, &bs, (0, c.type_vocab_size as i64), "type_vocab_size")?,
        None => ModelInput {
            name: "token_type_ids",
            dtype: DType::I32,
            host: HostTensor::from_slice(&[b as i64, s as i64], &vec![0i32; b * s])?,
        },
    };
    let mask = match inp.get("attention_mask") {
        Some(t) => attention_mask(t, &bs)?,
        None => ones_mask(b, s)?,
    };
    let mut out = vec![ids, types, mask];
    if classifier {
        if let Some(t) = inp.get("labels") {
            out.push(match c.num_labels {
                1 => floats("labels", t, &[D::N(b)])?,
                n => ints("labels", t, &[D::N(b)], (0, n as i64), "num_labels")?,
            });
        }
        return Ok(out);
    }
    if let Some(t) = inp.get("masked_lm_positions") {
        out.push(ints("masked_lm_positions", t, &[D::N(b), D::S], (0, s as i64), "the sequence length")?);
    }
    match (lm_labels(inp, &bs, c.vocab_size)?, inp.get("next_sentence_label")) {
        (Some(labels), Some(t)) => {
            out.extend(labels);
            out.push(ints("next_sentence_label", t, &[D::N(b)], (0, 2), "is-random-next 0 or 1")?);
        }
        (None, None) => {}
        (Some(_), None) => bail!("input `labels` is given without `next_sentence_label` [B]: BertForPreTraining's loss needs both"),
        (None, Some(_)) => bail!("input `next_sentence_label` is given without `labels` [B, S]: BertForPreTraining's loss needs both"),
    }
    Ok(out)
}

/// Token `labels` `[B, S]` as Hugging Face takes them (-100 where no loss is taken), passed on
/// as targets with -100 set to 0 plus a `label_weights` mask.
fn lm_labels(inp: &mut Inputs, bs: &[D], vocab_size: usize) -> Result<Option<[ModelInput; 2]>> {
    let Some(t) = inp.get("labels") else { return Ok(None) };
    if !matches!(t.dtype, Dtype::I32 | Dtype::I64) {
        bail!("input `labels`: dtype {}, expected I32 or I64", t.dtype);
    }
    check_shape("labels", t, bs)?;
    let v = t.to_i64().expect("integer dtype");
    if let Some((i, x)) = v.iter().enumerate().find(|(_, &x)| x != -100 && !(0..vocab_size as i64).contains(&x)) {
        bail!("input `labels`: value {} at flat index {} is neither -100 nor in [0, {}) (vocab_size)", x, i, vocab_size);
    }
    let targets: Vec<i32> = v.iter().map(|&x| x.max(0) as i32).collect();
    let weights: Vec<f32> = v.iter().map(|&x| (x != -100) as i32 as f32).collect();
    Ok(Some([
        ModelInput { name: "labels", dtype: DType::I32, host: HostTensor::from_slice(&dims(t), &targets)? },
        ModelInput { name: "label_weights", dtype: DType::F32, host: HostTensor::from_slice(&dims(t), &weights)? },
    ]))
}

/// `pixel_values` `[B, C, H, W]`, `input_ids` `[B', S]` and, if present, `attention_mask`
/// `[B', S]` (without one the text tower masks only later positions, as Hugging Face does).
pub fn clip(c: &ClipConfig, inp: &mut Inputs) -> Result<Vec<ModelInput>> {
    let (x, _) = images(inp, c.channels, c.image_size)?;
    let (ids, b, s) = token_ids(inp, c.vocab_size, c.max_positions)?;
    let mut out = vec![x, ids];
    if let Some(t) = inp.get("attention_mask") {
        out.push(attention_mask(t, &[D::N(b), D::N(s)])?);
    }
    Ok(out)
}

/// `input_ids`, `attention_mask` (ones when absent) and, if present, `labels` (see `lm_labels`).
pub fn opt(c: &OptConfig, inp: &mut Inputs) -> Result<Vec<ModelInput>> {
    let (ids, b, s) = token_ids(inp, c.vocab_size, c.max_positions)?;
    let bs = [D::N(b), D::N(s)];
    let mask = match inp.get("attention_mask") {
        Some(t) => attention_mask(t, &bs)?,
        None => ones_mask(b, s)?,
    };
    let mut out = vec![ids, mask];
    out.extend(lm_labels(inp, &bs, c.vocab_size)?.into_iter().flatten());
    Ok(out)
}

/// `input_ids` `[B, S]` checked against the vocabulary and the position table; with B and S.
fn token_ids(inp: &mut Inputs, vocab_size: usize, max_positions: usize) -> Result<(ModelInput, usize, usize)> {
    let t = inp.require("input_ids")?;
    let ids = ints("input_ids", t, &[D::B, D::S], (0, vocab_size as i64), "vocab_size")?;
    let (b, s) = (t.shape[0], t.shape[1]);
    if s > max_positions {
        bail!("input `input_ids`: sequence length {} exceeds max_positions = {} of the config", s, max_positions);
    }
    Ok((ids, b, s))
}

/// The attention mask Hugging Face assumes when none is given: every token real.
fn ones_mask(b: usize, s: usize) -> Result<ModelInput> {
    Ok(ModelInput { name: "attention_mask", dtype: DType::F32, host: HostTensor::from_slice(&[b as i64, s as i64], &vec![1f32; b * s])? })
}

fn attention_mask(t: &TensorData, want: &[D]) -> Result<ModelInput> {
    check_shape("attention_mask", t, want)?;
    let v = t.to_f32();
    if let Some((i, x)) = v.iter().enumerate().find(|(_, &x)| x != 0.0 && x != 1.0) {
        bail!("input `attention_mask`: value {} at flat index {} is not 0 or 1", x, i);
    }
    Ok(ModelInput { name: "attention_mask", dtype: DType::F32, host: HostTensor::from_slice(&dims(t), &v)? })
}
