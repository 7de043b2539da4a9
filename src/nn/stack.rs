//! A stack of blocks over stacked per-layer parameters: one `scan`, or unrolled for comparison.

use super::block::{block_dropping, BlockConfig};
use crate::graph::{scan, Remat, ScanOptions, Tensor, TraceResult};

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
        StackOptions { remat: Remat::Save, unrolled: false, keep_hidden: false }
    }
}

/// Runs `x` through the blocks whose parameters are stacked along a leading depth axis
/// (order of `BlockConfig::param_shapes`). Returns the output and, if asked, the hidden states.
pub fn encoder(
    x: &Tensor,
    stacked: &[Tensor],
    c: &BlockConfig,
    bias: Option<&Tensor>,
    o: &StackOptions,
    name: &str,
) -> TraceResult<(Tensor, Option<Tensor>)> {
    encoder_dropping(x, stacked, c, bias, None, o, name)
}

/// `encoder` with stochastic depth: `keep` is `[L, 2, B]` branch factors (see `block_dropping`).
pub fn encoder_dropping(
    x: &Tensor,
    stacked: &[Tensor],
    c: &BlockConfig,
    bias: Option<&Tensor>,
    keep: Option<&Tensor>,
    o: &StackOptions,
    name: &str,
) -> TraceResult<(Tensor, Option<Tensor>)> {
    let depth = stacked.first().map(|t| t.dim(0)).unwrap_or(0);
    if o.unrolled {
        let mut h = x.clone();
        let mut hidden = vec![];
        for l in 0..depth {
            let p: Vec<Tensor> = stacked
                .iter()
                .map(|s| s.slice_axis(0, l, l + 1)?.reshape(&s.dims()[1..]))
                .collect::<TraceResult<_>>()?;
            let k = match keep {
                Some(m) => Some(m.slice_axis(0, l, l + 1)?.reshape(&m.dims()[1..])?),
                None => None,
            };
            h = block_dropping(&h, &p, c, bias, k.as_ref())?;
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
    let mut xs = stacked.to_vec();
    xs.extend(keep.cloned());
    let opts = ScanOptions { name: name.to_string(), remat: o.remat, ..Default::default() };
    let r = scan(&[x.clone()], &xs, &consts, opts, move |h, p, k| {
        let y = block_dropping(&h[0], &p[..n], &cfg, k.first(), p.get(n))?;
        let ys = if keep_hidden { vec![y.clone()] } else { vec![] };
        Ok((vec![y], ys))
    })?;
    Ok((r.carry[0].clone(), r.ys.first().cloned()))
}
