//! The synthetic batch of a benchmark configuration: deterministic per seed, in the objective's
//! input order, with the same tensors named for the safetensors export.

use anyhow::Result;

use super::Bench;
use crate::checkpoint::{TensorData, Tensors};
use crate::config::{BertConfig, ModelConfig};
use crate::runtime::HostTensor;
use crate::weights::init::SplitMix as Rng;

/// One batch in the objective's input order, plus the same tensors for the safetensors export.
pub fn make_batch(bench: &Bench, seed: u64) -> Result<(Vec<HostTensor>, Tensors)> {
    let mut rng = Rng(seed ^ 0xB47C_4000);
    let n = bench.batch;
    let mut host = vec![];
    let mut named = Tensors::new();
    let mut f32_input = |name: &str, dims: &[usize], v: Vec<f32>, host: &mut Vec<HostTensor>| -> Result<()> {
        host.push(HostTensor::from_slice(&dims.iter().map(|&d| d as i64).collect::<Vec<_>>(), &v)?);
        named.insert(name.to_string(), TensorData::from_f32(dims, &v));
        Ok(())
    };
    let images = |c: usize, s: usize, rng: &mut Rng| -> Vec<f32> { (0..n * c * s * s).map(|_| rng.normal() as f32).collect() };
    match &bench.model {
        ModelConfig::Mae(c) => {
            let s = c.image_size;
            f32_input("images", &[n, c.channels, s, s], images(c.channels, s, &mut rng), &mut host)?;
            // Masking noise per example, as the data pipeline draws it.
            let p = c.num_patches();
            f32_input("noise", &[n, p], (0..n * p).map(|_| rng.uniform() as f32).collect(), &mut host)?;
        }
        ModelConfig::Clip(c) => {
            let s = c.image_size;
            f32_input("images", &[n, c.channels, s, s], images(c.channels, s, &mut rng), &mut host)?;
            // Random tokens, the end-of-text token (the largest id) last.
            let t = c.seq_len;
            let ids: Vec<i32> =
                (0..n * t).map(|i| if i % t == t - 1 { c.vocab_size as i32 - 1 } else { rng.below(c.vocab_size - 1) as i32 }).collect();
            host.push(HostTensor::from_slice(&[n as i64, t as i64], &ids)?);
            named.insert("input_ids".into(), TensorData::from_i32(&[n, t], &ids));
        }
        ModelConfig::Vit(c) => {
            let s = c.image_size;
            f32_input("images", &[n, c.channels, s, s], images(c.channels, s, &mut rng), &mut host)?;
            let labels: Vec<i32> = (0..n).map(|_| rng.below(c.num_classes) as i32).collect();
            host.push(HostTensor::from_slice(&[n as i64], &labels)?);
            named.insert("labels".into(), TensorData::from_i32(&[n], &labels));
        }
        ModelConfig::Bert(c) => return bert_batch(c, n, &mut rng),
        ModelConfig::Opt(c) => {
            let s = c.seq_len;
            let ids: Vec<i32> = (0..n * s).map(|_| rng.below(c.vocab_size) as i32).collect();
            host.push(HostTensor::from_slice(&[n as i64, s as i64], &ids)?);
            named.insert("input_ids".into(), TensorData::from_i32(&[n, s], &ids));
        }
    }
    Ok((host, named))
}

/// BERT pre-training inputs: padded sequences of random lengths, 15% of the tokens masked.
fn bert_batch(c: &BertConfig, n: usize, rng: &mut Rng) -> Result<(Vec<HostTensor>, Tensors)> {
    let (s, m) = (c.seq_len, c.max_predictions);
    let (mut ids, mut mask, mut seg) = (vec![0i32; n * s], vec![0f32; n * s], vec![0i32; n * s]);
    let (mut pos, mut mids, mut mw) = (vec![0i32; n * m], vec![0i32; n * m], vec![0f32; n * m]);
    let mut nsp = vec![0i32; n];
    for e in 0..n {
        // Real lengths from half to all of the sequence; the rest is padding.
        let len = s / 2 + rng.below(s / 2 + 1);
        let split = 1 + rng.below(len - 1);
        for t in 0..len {
            ids[e * s + t] = if t == 0 { 101 } else { 1000 + rng.below(c.vocab_size - 1000) as i32 };
            mask[e * s + t] = 1.0;
            seg[e * s + t] = (t >= split) as i32;
        }
        // 15% of the real tokens (at most max_predictions), distinct, never [CLS].
        let k = ((len as f64 * 0.15).round() as usize).clamp(1, m);
        let mut chosen: Vec<usize> = vec![];
        while chosen.len() < k {
            let t = 1 + rng.below(len - 1);
            if !chosen.contains(&t) {
                chosen.push(t);
            }
        }
        for (j, &t) in chosen.iter().enumerate() {
            pos[e * m + j] = t as i32;
            mids[e * m + j] = 1000 + rng.below(c.vocab_size - 1000) as i32;
            mw[e * m + j] = 1.0;
        }
        nsp[e] = rng.below(2) as i32;
    }
    let ints = |name: &str, dims: &[usize], v: &[i32], host: &mut Vec<HostTensor>, named: &mut Tensors| -> Result<()> {
        host.push(HostTensor::from_slice(&dims.iter().map(|&d| d as i64).collect::<Vec<_>>(), v)?);
        named.insert(name.to_string(), TensorData::from_i32(dims, v));
        Ok(())
    };
    // Objective order: input_ids, input_mask, segment_ids, positions, ids, weights, nsp.
    let mut h = vec![];
    let mut nm = Tensors::new();
    ints("input_ids", &[n, s], &ids, &mut h, &mut nm)?;
    h.push(HostTensor::from_slice(&[n as i64, s as i64], &mask)?);
    nm.insert("input_mask".into(), TensorData::from_f32(&[n, s], &mask));
    ints("segment_ids", &[n, s], &seg, &mut h, &mut nm)?;
    ints("masked_lm_positions", &[n, m], &pos, &mut h, &mut nm)?;
    ints("masked_lm_ids", &[n, m], &mids, &mut h, &mut nm)?;
    h.push(HostTensor::from_slice(&[n as i64, m as i64], &mw)?);
    nm.insert("masked_lm_weights".into(), TensorData::from_f32(&[n, m], &mw));
    ints("next_sentence_labels", &[n], &nsp, &mut h, &mut nm)?;
    Ok((h, nm))
}
