//! Counter-based random numbers in the graph: Threefry-2x32 (20 rounds), as JAX uses.
//!
//! A key is a `u32[2]` tensor. Numbers depend only on the key and the shape, never on the device
//! or the plugin, so a run is reproducible anywhere and a key can be split into independent keys.

use super::error::{TraceError, TraceResult};
use super::ir::{Graph, Tensor};
use super::types::DType;

const ROTATIONS: [[u32; 4]; 2] = [[13, 15, 26, 6], [17, 29, 16, 24]];
const PARITY: f64 = 0x1BD1_1BDA as f64;

fn u32c(g: &Graph, v: u32) -> Tensor {
    g.scalar(v as f64, DType::U32)
}

fn rotl(x: &Tensor, r: u32) -> TraceResult<Tensor> {
    let g = x.graph();
    x.shift_left(&u32c(g, r))?.or(&x.shift_right_logical(&u32c(g, 32 - r))?)
}

/// Threefry-2x32 of the counter pairs `(x0, x1)` (equal shapes) under `key`.
pub fn threefry2x32(key: &Tensor, x0: &Tensor, x1: &Tensor) -> TraceResult<(Tensor, Tensor)> {
    check_key(key)?;
    let k0 = key.slice_axis(0, 0, 1)?.reshape(&[])?;
    let k1 = key.slice_axis(0, 1, 2)?.reshape(&[])?;
    threefry_words(&k0, &k1, x0, x1)
}

/// Threefry-2x32 with key words `k0`, `k1` that broadcast against the counters, so that many
/// keys (one per example) run in one elementwise pass.
fn threefry_words(k0: &Tensor, k1: &Tensor, x0: &Tensor, x1: &Tensor) -> TraceResult<(Tensor, Tensor)> {
    let g = k0.graph();
    let k2 = k0.xor(k1)?.xor(&g.scalar(PARITY, DType::U32))?;
    let ks = [k0.clone(), k1.clone(), k2];
    let mut a = x0.add(&ks[0])?;
    let mut b = x1.add(&ks[1])?;
    for group in 0..5 {
        for &r in &ROTATIONS[group % 2] {
            a = a.add(&b)?;
            b = rotl(&b, r)?.xor(&a)?;
        }
        a = a.add(&ks[(group + 1) % 3])?;
        b = b.add(&ks[(group + 2) % 3])?.add(&u32c(g, group as u32 + 1))?;
    }
    Ok((a, b))
}

fn check_key(key: &Tensor) -> TraceResult<()> {
    if key.dims() != [2] || key.dtype() != DType::U32 {
        return Err(TraceError::new("random", format!("a key is u32[2], got {}", key.ty())));
    }
    Ok(())
}

/// `n` raw 32-bit words from `key`.
fn words(key: &Tensor, n: i64) -> TraceResult<Tensor> {
    let g = key.graph();
    let half = (n + 1) / 2;
    let c0 = g.iota(&[half], 0, DType::U32)?;
    let c1 = c0.add(&g.scalar(half as f64, DType::U32))?;
    let (a, b) = threefry2x32(key, &c0, &c1)?;
    Tensor::concat(&[a, b], 0)?.slice_axis(0, 0, n)
}

/// Random `u32` bits of the given shape.
pub fn bits(key: &Tensor, dims: &[i64]) -> TraceResult<Tensor> {
    let n: i64 = dims.iter().product();
    words(key, n.max(1))?.slice_axis(0, 0, n)?.reshape(dims)
}

/// Splits a key into `n` independent keys, `u32[n, 2]`.
pub fn split(key: &Tensor, n: i64) -> TraceResult<Tensor> {
    words(key, 2 * n)?.reshape(&[n, 2])
}

/// Key `i` of `split(key, n)` as `u32[2]`.
pub fn split_one(key: &Tensor, n: i64, i: i64) -> TraceResult<Tensor> {
    split(key, n)?.slice_axis(0, i, i + 1)?.reshape(&[2])
}

/// Uniform floats in [0, 1) from the top 24 bits (exact in f32).
pub fn uniform(key: &Tensor, dims: &[i64], dtype: DType) -> TraceResult<Tensor> {
    let g = key.graph();
    let b = bits(key, dims)?.shift_right_logical(&u32c(g, 8))?;
    b.convert(DType::F32)?.mul_scalar(1.0 / 16_777_216.0)?.convert(dtype)
}

/// Standard normal floats (Box-Muller).
pub fn normal(key: &Tensor, dims: &[i64], dtype: DType) -> TraceResult<Tensor> {
    let ks = split(key, 2)?;
    let k1 = ks.slice_axis(0, 0, 1)?.reshape(&[2])?;
    let k2 = ks.slice_axis(0, 1, 2)?.reshape(&[2])?;
    // 1 - u lies in (0, 1], so the log is finite.
    let u1 = uniform(&k1, dims, DType::F32)?.neg()?.add_scalar(1.0)?;
    let u2 = uniform(&k2, dims, DType::F32)?;
    let r = u1.log()?.mul_scalar(-2.0)?.sqrt()?;
    r.mul(&u2.mul_scalar(2.0 * std::f64::consts::PI)?.cos()?)?.convert(dtype)
}

/// Bernoulli mask with probability `p` of `true`.
pub fn bernoulli(key: &Tensor, p: f64, dims: &[i64]) -> TraceResult<Tensor> {
    let u = uniform(key, dims, DType::F32)?;
    u.compare(super::ir::CompareDir::Lt, &key.graph().scalar(p, DType::F32))
}

/// Checks a batch of keys, `u32[B, 2]`, and returns its two words as `[B, 1]` columns.
fn key_columns(keys: &Tensor) -> TraceResult<(Tensor, Tensor)> {
    if keys.rank() != 2 || keys.dim(1) != 2 || keys.dtype() != DType::U32 {
        return Err(TraceError::new("random", format!("per-example keys are u32[B, 2], got {}", keys.ty())));
    }
    let b = keys.dim(0);
    Ok((keys.slice_axis(1, 0, 1)?.reshape(&[b, 1])?, keys.slice_axis(1, 1, 2)?.reshape(&[b, 1])?))
}

/// Derives one new key per example from per-example keys `u32[B, 2]` and the tag `data`
/// (a sub-stream name such as a layer or a dropout site), as `u32[B, 2]`.
pub fn fold_in(keys: &Tensor, data: u32) -> TraceResult<Tensor> {
    let (k0, k1) = key_columns(keys)?;
    let g = keys.graph();
    let (a, b) = threefry_words(&k0, &k1, &u32c(g, data).reshape(&[1, 1])?, &u32c(g, 0).reshape(&[1, 1])?)?;
    Tensor::concat(&[a, b], 1)
}

/// Per-layer keys `u32[L, B, 2]` from per-example keys `u32[B, 2]`: layer `l` gets
/// `fold_in(keys, l)`, computed for all layers at once (a scan over layers takes them as input).
pub fn fold_in_layers(keys: &Tensor, layers: i64) -> TraceResult<Tensor> {
    let (k0, k1) = key_columns(keys)?;
    let b = keys.dim(0);
    let g = keys.graph();
    let row = |t: &Tensor| t.reshape(&[1, b]);
    let l = g.iota(&[layers, 1], 0, DType::U32)?;
    let (a, c) = threefry_words(&row(&k0)?, &row(&k1)?, &l, &g.scalar(0.0, DType::U32).broadcast_to(&[layers, 1])?)?;
    Tensor::concat(&[a.reshape(&[layers, b, 1])?, c.reshape(&[layers, b, 1])?], 2)
}

/// Uniform floats in [0, 1) of shape `[B, dims...]`, example `i` drawn from `keys[i]` alone:
/// an example's numbers do not depend on the batch it sits in, so a batch split over devices
/// or micro-batches draws exactly what the whole batch would.
pub fn uniform_per_example(keys: &Tensor, dims: &[i64]) -> TraceResult<Tensor> {
    let (k0, k1) = key_columns(keys)?;
    let g = keys.graph();
    let b = keys.dim(0);
    let n: i64 = dims.iter().product::<i64>().max(1);
    let half = (n + 1) / 2;
    let c0 = g.iota(&[1, half], 1, DType::U32)?;
    let c1 = c0.add(&g.scalar(half as f64, DType::U32))?;
    let (x, y) = threefry_words(&k0, &k1, &c0, &c1)?;
    let w = Tensor::concat(&[x, y], 1)?.slice_axis(1, 0, dims.iter().product())?;
    let w = w.reshape(&[&[b][..], dims].concat())?;
    w.shift_right_logical(&u32c(g, 8))?.convert(DType::F32)?.mul_scalar(1.0 / 16_777_216.0)
}
