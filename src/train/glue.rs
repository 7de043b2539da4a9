//! GLUE examples as fixed-length BERT inputs, a batch source that cycles through them in a
//! seeded order per epoch, and the task's metrics on the dev examples.

use anyhow::{anyhow, Result};
use serde_json::Value;

use super::objective::{GlueClassify, Objective};
use super::sources::{parse_position, position_json, BatchSource};
use super::trainer::Trainer;
use crate::data::text::glue::{GlueExample, Label, Metric};
use crate::data::text::metrics;
use crate::data::text::wordpiece::Tokenizer;
use crate::data::Position;
use crate::graph::{DType, Function, Graph};
use crate::nn::stack::StackOptions;
use crate::program::Compile;
use crate::runtime::{Client, CompileOptions, HostTensor};
use crate::weights::Params;

/// Token ids, masks, segments and labels of a set of examples, `[n, seq_len]` row-major.
#[derive(Clone, Debug)]
pub struct Encoded {
    pub n: usize,
    pub seq_len: usize,
    pub ids: Vec<i32>,
    pub mask: Vec<f32>,
    pub segments: Vec<i32>,
    /// Class ids, or scores for regression.
    pub classes: Vec<i32>,
    pub scores: Vec<f32>,
    pub regression: bool,
}

/// `[CLS] a [SEP]` or `[CLS] a [SEP] b [SEP]`, the longer side trimmed first to fit (BERT's rule).
pub fn encode(tok: &Tokenizer, examples: &[GlueExample], seq_len: usize, regression: bool) -> Result<Encoded> {
    let id = |t: &str| tok.vocab.id(t).ok_or_else(|| anyhow!("the vocabulary has no {}", t));
    let (cls, sep) = (id("[CLS]")? as i32, id("[SEP]")? as i32);
    let mut e =
        Encoded { n: examples.len(), seq_len, ids: vec![], mask: vec![], segments: vec![], classes: vec![], scores: vec![], regression };
    for ex in examples {
        let mut a: Vec<i32> = tok.encode(&ex.text_a).into_iter().map(|x| x as i32).collect();
        let mut b: Vec<i32> = ex.text_b.as_deref().map(|t| tok.encode(t).into_iter().map(|x| x as i32).collect()).unwrap_or_default();
        let room = seq_len - if ex.text_b.is_some() { 3 } else { 2 };
        while a.len() + b.len() > room {
            if a.len() >= b.len() {
                a.pop();
            } else {
                b.pop();
            }
        }
        let mut ids = vec![cls];
        ids.extend(&a);
        ids.push(sep);
        let mut segs = vec![0; ids.len()];
        if ex.text_b.is_some() {
            ids.extend(&b);
            ids.push(sep);
            segs.resize(ids.len(), 1);
        }
        let used = ids.len();
        ids.resize(seq_len, 0);
        segs.resize(seq_len, 0);
        e.ids.extend(ids);
        e.segments.extend(segs);
        e.mask.extend((0..seq_len).map(|i| if i < used { 1.0 } else { 0.0 }));
        match (&ex.label, regression) {
            (Some(Label::Class(k)), false) => e.classes.push(*k as i32),
            (Some(Label::Score(s)), true) => e.scores.push(*s),
            (None, _) => return Err(anyhow!("line {}: example `{}` has no label", ex.line, ex.id)),
            (Some(Label::Class(k)), _) => return Err(anyhow!("line {}: class label {} where the task wants a score", ex.line, k)),
            (Some(Label::Score(s)), _) => return Err(anyhow!("line {}: score {} where the task wants a class label", ex.line, s)),
        }
    }
    Ok(e)
}

impl Encoded {
    /// Host tensors for the examples at `idx` (labels last unless `with_labels` is false).
    pub fn batch(&self, idx: &[usize], with_labels: bool) -> Result<Vec<HostTensor>> {
        let (b, s) = (idx.len() as i64, self.seq_len);
        let rows = |v: &[i32]| -> Vec<i32> { idx.iter().flat_map(|&i| v[i * s..(i + 1) * s].iter().copied()).collect() };
        let mask: Vec<f32> = idx.iter().flat_map(|&i| self.mask[i * s..(i + 1) * s].iter().copied()).collect();
        let mut out = vec![
            HostTensor::from_slice(&[b, s as i64], &rows(&self.ids))?,
            HostTensor::from_slice(&[b, s as i64], &mask)?,
            HostTensor::from_slice(&[b, s as i64], &rows(&self.segments))?,
        ];
        if with_labels {
            if self.regression {
                out.push(HostTensor::from_slice(&[b], &idx.iter().map(|&i| self.scores[i]).collect::<Vec<_>>())?);
            } else {
                out.push(HostTensor::from_slice(&[b], &idx.iter().map(|&i| self.classes[i]).collect::<Vec<_>>())?);
            }
        }
        Ok(out)
    }
}

/// Batches from encoded examples, reshuffled every epoch from (seed, epoch).
pub struct GlueSource {
    pub data: Encoded,
    batch: usize,
    seed: u64,
    next: Position,
    with_dropout_keys: bool,
}

impl GlueSource {
    pub fn new(data: Encoded, batch: usize, seed: u64) -> Result<Self> {
        anyhow::ensure!(data.n >= batch, "{} training examples are fewer than one batch of {}", data.n, batch);
        Ok(GlueSource { data, batch, seed, next: Position::default(), with_dropout_keys: false })
    }

    /// Also yields per-example dropout keys (`dropout_keys`, last).
    pub fn with_dropout_keys(mut self) -> Self {
        self.with_dropout_keys = true;
        self
    }

    fn order(&self, epoch: u64) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.data.n).collect();
        let mut s = self.seed ^ epoch.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x474C_5545;
        for i in (1..idx.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            idx.swap(i, (s % (i as u64 + 1)) as usize);
        }
        idx
    }
}

impl BatchSource for GlueSource {
    fn next_batch(&mut self) -> Result<Option<Vec<HostTensor>>> {
        let per_epoch = (self.data.n / self.batch) as u64;
        if self.next.step >= per_epoch {
            self.next = Position { epoch: self.next.epoch + 1, step: 0 };
        }
        let order = self.order(self.next.epoch);
        let start = self.next.step as usize * self.batch;
        let mut b = self.data.batch(&order[start..start + self.batch], true)?;
        if self.with_dropout_keys {
            b.push(super::sources::dropout_keys(self.seed, self.next, &[self.batch as i64])?);
        }
        self.next = self.next.next();
        Ok(Some(b))
    }

    fn position(&self) -> Value {
        position_json(self.next)
    }

    fn seek(&mut self, pos: &Value) -> Result<()> {
        self.next = parse_position(pos)?;
        Ok(())
    }

    /// A GLUE task is a small in-memory table, fine-tuned on one host: nothing to share out.
    fn set_process(&mut self, _: crate::data::ProcessShard) {}
}

/// The task's dev metrics of the trained model, each as (`eval/<metric>`, value): accuracy
/// (and F1 for MRPC / QQP), Matthews correlation (CoLA), or Pearson and Spearman (STS-B).
/// Batches of `batch` on device 0; the last batch is padded by repeating its first example.
pub fn evaluate_dev(
    client: &Client,
    obj: &GlueClassify,
    trainer: &Trainer,
    dev: &Encoded,
    metric: Metric,
    batch: usize,
    stack: &StackOptions,
) -> Result<Vec<(String, f64)>> {
    let out = dev_outputs(client, obj, trainer, dev, batch, stack)?;
    let num_labels = obj.num_labels;
    let named = |pairs: &[(&str, f64)]| pairs.iter().map(|(k, v)| (format!("{}{}", super::results::EVAL_PREFIX, k), *v)).collect();
    if metric == Metric::PearsonSpearman {
        let pred: Vec<f64> = out.iter().map(|&v| v as f64).collect();
        let gold: Vec<f64> = dev.scores.iter().map(|&v| v as f64).collect();
        return Ok(named(&[("pearson", metrics::pearson(&pred, &gold)), ("spearman", metrics::spearman(&pred, &gold))]));
    }
    let pred: Vec<usize> =
        out.chunks(num_labels).map(|r| r.iter().enumerate().max_by(|x, y| x.1.total_cmp(y.1)).map(|(k, _)| k).unwrap_or(0)).collect();
    let gold: Vec<usize> = dev.classes.iter().map(|&k| k as usize).collect();
    Ok(match metric {
        Metric::Matthews => named(&[("matthews", metrics::matthews(&pred, &gold))]),
        Metric::AccuracyF1 => named(&[("accuracy", metrics::accuracy(&pred, &gold)), ("f1", metrics::f1(&pred, &gold))]),
        _ => named(&[("accuracy", metrics::accuracy(&pred, &gold))]),
    })
}

/// The model's outputs on every dev example, `[n, num_labels]` row-major.
fn dev_outputs(
    client: &Client,
    obj: &GlueClassify,
    trainer: &Trainer,
    dev: &Encoded,
    batch: usize,
    stack: &StackOptions,
) -> Result<Vec<f32>> {
    let b = batch.min(dev.n).max(1);
    let g = Graph::new("glue_logits");
    let specs = obj.param_specs();
    let params = Params::declare(&g, &specs, DType::F32);
    let input_specs = &obj.inputs()[..3];
    let inputs: Vec<_> = input_specs.iter().map(|i| g.param(&i.name, &[&[b as i64][..], &i.shape].concat(), i.dtype)).collect();
    let logits = obj.logits(&params, &inputs, stack)?;
    let prog = Function::named(&g, &[("logits", logits)])?.lower().compile(client, &CompileOptions::default())?;
    let weights = trainer.host_state()?.0;
    let wb = weights.iter().map(|h| client.to_device(h, 0)).collect::<std::result::Result<Vec<_>, _>>()?;
    let mut out: Vec<f32> = vec![];
    let mut i = 0;
    while i < dev.n {
        let mut idx: Vec<usize> = (i..(i + b).min(dev.n)).collect();
        let real = idx.len();
        idx.resize(b, idx[0]);
        let mut args = prog.args();
        for (s, w) in specs.iter().zip(&wb) {
            args.borrow(&s.name, w)?;
        }
        for (i, x) in input_specs.iter().zip(&dev.batch(&idx, false)?) {
            args.host(&i.name, x)?;
        }
        let l: Vec<f32> = prog.run(args)?.take("logits")?.to_host()?.to_vec()?;
        out.extend_from_slice(&l[..real * obj.num_labels]);
        i += b;
    }
    Ok(out)
}
