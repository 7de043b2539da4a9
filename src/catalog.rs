//! Reference graphs by name: what `bamboo export` writes into graphs/, what the benchmarks run,
//! and what the tests compile on every supported plugin version.

use crate::config::{Activation, Norm};
use crate::graph::{grad, random, scan, DType, Function, GatherDims, Graph, ReduceKind, ScanOptions, Tensor, TraceResult};
use crate::nn::block::{block, BlockConfig, BlockInit, BlockParams};
use crate::nn::dropout::DropoutRates;
use crate::nn::stack::{encoder, StackOptions};
use crate::weights::names::block::TIMM;
use crate::weights::{Init, Vars};

pub const VIT_B: BlockConfig = BlockConfig {
    dim: 768,
    heads: 12,
    mlp_dim: 3072,
    eps: 1e-6,
    norm: Norm::Pre,
    activation: Activation::Gelu,
    causal: false,
    dropout: DropoutRates::none(),
};

/// Names accepted by `build`.
pub const NAMES: &[&str] = &["matmul_1024", "vit_b_block_grad", "vit_b12_stack_grad", "ops_zoo", "demo_mlp_step"];

pub fn build(name: &str) -> TraceResult<Function> {
    match name {
        "matmul_1024" => matmul(1024),
        "vit_b_block_grad" => block_grad(&VIT_B, 8, 197),
        "vit_b12_stack_grad" => stack_grad(&VIT_B, 12, 8, 197, &StackOptions::default()),
        "ops_zoo" => ops_zoo(),
        "demo_mlp_step" => demo_mlp_step(&DemoConfig::default()),
        other => Err(crate::graph::TraceError::new("catalog", format!("no graph named `{}`; known: {}", other, NAMES.join(", ")))),
    }
}

/// Writes graph `name`'s StableHLO text to `dir/<name>.mlir`, creating `dir`; returns the path
/// and the text's line count.
pub fn export(name: &str, dir: &std::path::Path) -> anyhow::Result<(std::path::PathBuf, usize)> {
    use anyhow::Context;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let text = build(name)?.to_stablehlo();
    let path = dir.join(format!("{}.mlir", name));
    // Atomic: a reader never sees half a file.
    crate::storage::write(&path, text.as_bytes())?;
    Ok((path, text.lines().count()))
}

/// `c = a b`, `[n, n] x [n, n]` in f32.
pub fn matmul(n: i64) -> TraceResult<Function> {
    matmul_of(n, DType::F32)
}

/// As `matmul`, in `dtype` (bf16 for an accelerator's matrix-unit ceiling).
pub fn matmul_of(n: i64, dtype: DType) -> TraceResult<Function> {
    let name = match dtype {
        DType::F32 => format!("matmul_{}", n),
        other => format!("matmul_{}_{}", n, other.mlir()),
    };
    let g = Graph::new(&name);
    let a = g.param("a", &[n, n], dtype);
    let b = g.param("b", &[n, n], dtype);
    let c = a.matmul(&b)?;
    Function::named(&g, &[("c", c)])
}

/// One pre-LN block, forward and backward: outputs `loss` (`mean(out^2)`), then the gradients
/// of `x` and of every block parameter, each `grad.<input>`.
pub fn block_grad(c: &BlockConfig, batch: i64, tokens: i64) -> TraceResult<Function> {
    let g = Graph::new("vit_block_grad");
    let x = g.param("x", &[batch, tokens, c.dim], DType::F32);
    let vb = Vars::new(&g, DType::F32);
    let p = BlockParams::new(&vb.pp("blocks").pp("0"), c, &TIMM, &BlockInit::all(Init::Zeros))?;
    let loss = block(&x, &p, c, None)?.square()?.mean_all()?;
    let mut names = vec!["x".to_string()];
    names.extend(vb.specs().into_iter().map(|s| s.name));
    let mut wrt = vec![x];
    wrt.extend(p.tensors());
    let mut outs = vec![("loss".to_string(), loss.clone())];
    outs.extend(names.iter().map(|n| format!("grad.{}", n)).zip(grad(&loss, &wrt)?));
    Function::named(&g, &outs)
}

/// `depth` pre-LN blocks as a scan over stacked parameters, forward and backward.
pub fn stack_grad(c: &BlockConfig, depth: i64, batch: i64, tokens: i64, o: &StackOptions) -> TraceResult<Function> {
    let g = Graph::new(&format!("vit_stack{}_grad", depth));
    let x = g.param("x", &[batch, tokens, c.dim], DType::F32);
    let stacked = BlockParams::new(&Vars::new(&g, DType::F32).stacked("blocks", depth)?, c, &TIMM, &BlockInit::all(Init::Zeros))?;
    let (h, _) = encoder(&x, &stacked, c, None, o, "blocks")?;
    let loss = h.square()?.mean_all()?;
    let mut wrt = vec![x];
    wrt.extend(stacked.tensors());
    let mut outs = vec![loss.clone()];
    outs.extend(grad(&loss, &wrt)?);
    Function::new(&g, &outs)
}

/// One small program touching every op family the lowering emits, so a compile of it on a
/// plugin version proves that version parses all of our StableHLO.
pub fn ops_zoo() -> TraceResult<Function> {
    let g = Graph::new("ops_zoo");
    let x = g.param("x", &[4, 6], DType::F32);
    let ids = g.param("ids", &[3], DType::I32);
    let key = g.param("key", &[2], DType::U32);
    let u = random::uniform(&key, &[4, 6], DType::F32)?;
    let perm = u.argsort(1, false)?;
    let mut h = x.add(&u)?.layer_norm(&g.splat(1.0, &[6], DType::F32), &g.zeros(&[6], DType::F32), 1e-6)?;
    h = h.gelu()?.softmax(1)?.log()?.tanh()?.exp()?.sqrt()?.rsqrt()?.abs()?.neg()?.sin()?.cos()?;
    h = h.maximum(&x)?.minimum(&x.mul_scalar(2.0)?)?.pow(&g.splat(1.0, &[4, 6], DType::F32))?;
    let rows = h.take_rows(&ids)?;
    let back = h.zeros_like().scatter_add(
        &ids.reshape(&[3, 1])?,
        &rows,
        GatherDims { offset_dims: vec![1], collapsed_slice_dims: vec![0], start_index_map: vec![0], index_vector_dim: 1 },
    )?;
    let taken = h.reshape(&[1, 4, 6])?.take_along_axis1(&perm.slice_axis(0, 0, 1)?.slice_axis(1, 0, 4)?)?;
    let padded = back.pad(&g.scalar(0.0, DType::F32), &[1, 0], &[0, 2], &[0, 1])?.slice(&[1, 0], &[5, 13], &[1, 2])?;
    let bf = padded.convert(DType::BF16)?.matmul(&padded.swap_axes(0, 1)?.convert(DType::BF16)?)?.convert(DType::F32)?;
    let i = g.scalar(1.0, DType::I32);
    let ds = bf.dynamic_slice(&[i.clone(), i.clone()], &[2, 2])?;
    let dus = bf.dynamic_update_slice(&ds.mul_scalar(3.0)?, &[i.clone(), i])?;
    let cat = Tensor::concat(&[dus.clone(), dus.div_scalar(2.0)?], 0)?;
    let sel = cat.compare(crate::graph::CompareDir::Gt, &cat.mean_all()?)?.select(&cat, &cat.zeros_like())?;
    let red = sel.all_reduce(ReduceKind::Sum, &[vec![0]])?.max(&[1], false)?.add(&sel.min(&[1], false)?)?;
    let stacked = g.splat(0.5, &[3, 6], DType::F32);
    let looped = scan(std::slice::from_ref(&x), &[stacked], &[], ScanOptions::default(), |c, s, _| {
        Ok((vec![c[0].mul(&s[0])?.tanh()?], vec![c[0].sum_all()?]))
    })?;
    let loss = red.sum_all()?.add(&looped.carry[0].sum_all()?)?.add(&taken.sum_all()?)?;
    let dx = grad(&loss, &[x])?;
    Function::new(&g, &[loss, dx[0].clone(), perm, looped.ys[0].clone()])
}

/// The demo: a residual MLP whose layers are a scan, fitting a fixed random teacher by SGD.
#[derive(Clone, Debug)]
pub struct DemoConfig {
    pub batch: i64,
    pub dim: i64,
    pub depth: i64,
    pub lr: f64,
}

impl Default for DemoConfig {
    fn default() -> Self {
        DemoConfig { batch: 64, dim: 32, depth: 4, lr: 0.05 }
    }
}

/// One SGD step. Parameters: `layers.weight [L, D, D]`, `layers.bias [L, D]`, `key u32[2]`,
/// `step i32`; the batch is drawn in the graph from the key and the step, so the host only
/// reads the loss back. Outputs: the two parameters updated, under their own names and aliased
/// to them (donated), and `loss`.
pub fn demo_mlp_step(c: &DemoConfig) -> TraceResult<Function> {
    let g = Graph::new("demo_mlp_step");
    let w = g.param("layers.weight", &[c.depth, c.dim, c.dim], DType::F32);
    let b = g.param("layers.bias", &[c.depth, c.dim], DType::F32);
    let key = g.param("key", &[2], DType::U32);
    let step = g.param("step", &[], DType::I32);
    // Fold the step into the key so every step sees a fresh batch.
    let k = key.add(&step.convert(DType::U32)?.broadcast_to(&[2])?)?;
    let x = random::normal(&k, &[c.batch, c.dim], DType::F32)?;
    // Teacher: a fixed smooth function of the input.
    let target = x.mul_scalar(1.5)?.sin()?.add(&x.slice_axis(1, 0, 1)?.tanh()?)?;
    let opts = ScanOptions { name: "layers".into(), ..Default::default() };
    let r = scan(std::slice::from_ref(&x), &[w.clone(), b.clone()], &[], opts, |h, p, _| {
        let z = crate::nn::linear(&h[0], &p[0], Some(&p[1]))?.tanh()?;
        Ok((vec![h[0].add(&z)?], vec![]))
    })?;
    let loss = r.carry[0].sub(&target)?.square()?.mean_all()?;
    let grads = grad(&loss, &[w.clone(), b.clone()])?;
    let w2 = w.sub(&grads[0].mul_scalar(c.lr)?)?;
    let b2 = b.sub(&grads[1].mul_scalar(c.lr)?)?;
    Function::named(&g, &[("layers.weight", w2), ("layers.bias", b2), ("loss", loss)])?
        .alias_named("layers.weight", "layers.weight")?
        .alias_named("layers.bias", "layers.bias")
}
