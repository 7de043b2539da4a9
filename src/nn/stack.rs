//! A stack of blocks over stacked per-layer parameters: one `scan`, or unrolled for comparison.

use super::block::{block_noisy, BlockConfig, BlockNoise, BlockParams};
use crate::graph::{random, scan, Remat, ScanOptions, Tensor, TraceResult};

#[derive(Clone, Copy, Debug)]
pub struct StackOptions {
    pub remat: Remat,
    /// Trace every block separately (the usual XLA program; grows with depth).
    pub unrolled: bool,
    /// Also return every block's output tokens, stacked `[L, B, N, D]`.
    pub keep_hidden: bool,
}

impl Default for StackOptions {
    fn default() -> Self {
        StackOptions { remat: Remat::Dots, unrolled: false, keep_hidden: false }
    }
}

/// Per-example randomness of a training pass through the stack; all `None` at evaluation.
#[derive(Clone, Debug, Default)]
pub struct StackNoise {
    /// Stochastic depth: `[L, 2, B]` branch factors (see `BlockNoise::keep`).
    pub keep: Option<Tensor>,
    /// Dropout keys of the stack, `u32[B, 2]`; each layer folds in its index.
    pub keys: Option<Tensor>,
}

/// Runs `x` through the blocks whose parameters are stacked along a leading depth axis.
/// Returns the output and, if asked, the hidden states.
pub fn encoder(
    x: &Tensor,
    stacked: &BlockParams,
    c: &BlockConfig,
    bias: Option<&Tensor>,
    o: &StackOptions,
    name: &str,
) -> TraceResult<(Tensor, Option<Tensor>)> {
    encoder_noisy(x, stacked, c, bias, &StackNoise::default(), o, name)
}

/// `encoder` in training: stochastic depth and dropout as `noise` brings them.
pub fn encoder_noisy(
    x: &Tensor,
    stacked: &BlockParams,
    c: &BlockConfig,
    bias: Option<&Tensor>,
    noise: &StackNoise,
    o: &StackOptions,
    name: &str,
) -> TraceResult<(Tensor, Option<Tensor>)> {
    let fused = stacked.fused();
    let stacked = stacked.tensors();
    let depth = stacked[0].dim(0);
    // Layer keys `[L, B, 2]`, only when a site is on: they ride through the scan as inputs.
    let layer_keys = match &noise.keys {
        Some(k) if c.dropout.any() => Some(random::fold_in_layers(k, depth)?),
        _ => None,
    };
    let layer = |t: &Option<Tensor>, l: i64| -> TraceResult<Option<Tensor>> {
        match t {
            Some(m) => Ok(Some(m.slice_axis(0, l, l + 1)?.reshape(&m.dims()[1..])?)),
            None => Ok(None),
        }
    };
    if o.unrolled {
        let mut h = x.clone();
        let mut hidden = vec![];
        for l in 0..depth {
            let p: Vec<Tensor> = stacked.iter().map(|s| s.slice_axis(0, l, l + 1)?.reshape(&s.dims()[1..])).collect::<TraceResult<_>>()?;
            let p = BlockParams::from_tensors(fused, &p)?;
            let bn = BlockNoise { keep: layer(&noise.keep, l)?, keys: layer(&layer_keys, l)? };
            h = block_noisy(&h, &p, c, bias, &bn)?;
            if o.keep_hidden {
                hidden.push(h.reshape(&[&[1], h.dims()].concat())?);
            }
        }
        let hidden = if o.keep_hidden { Some(Tensor::concat(&hidden, 0)?) } else { None };
        return Ok((h, hidden));
    }
    let consts: Vec<Tensor> = bias.into_iter().cloned().collect();
    let cfg = *c;
    let keep_hidden = o.keep_hidden;
    let n = stacked.len();
    let has_keep = noise.keep.is_some();
    let mut xs = stacked;
    xs.extend(noise.keep.clone());
    xs.extend(layer_keys);
    let opts = ScanOptions { name: name.to_string(), remat: o.remat, ..Default::default() };
    let r = scan(std::slice::from_ref(x), &xs, &consts, opts, move |h, p, k| {
        let mut extra = p[n..].iter().cloned();
        let bn = BlockNoise { keep: if has_keep { extra.next() } else { None }, keys: extra.next() };
        let y = block_noisy(&h[0], &BlockParams::from_tensors(fused, &p[..n])?, &cfg, k.first(), &bn)?;
        let ys = if keep_hidden { vec![y.clone()] } else { vec![] };
        Ok((vec![y], ys))
    })?;
    Ok((r.carry[0].clone(), r.ys.first().cloned()))
}
