//! Finite-difference checks in f64, through the real plugin, of every differentiable op,
//! the composites, scan, whole transformer blocks (pre-LN and post-LN), and CLIP's contrastive
//! loss through both of its towers.

mod common;

use bamboo::graph::{scan, CompareDir, DType, DotDims, GatherDims, ReduceKind, Remat, ScanOptions, Tensor, TraceResult};
use common::{check_grads, check_grads_eps, Input, Rng};

const TOL: f64 = 1e-6;

fn one(name: &str, dims: &[i64], seed: u64, f: impl FnOnce(&Tensor) -> TraceResult<Tensor>) {
    let mut rng = Rng::new(seed);
    check_grads(name, vec![Input::normal("x", dims, &mut rng)], TOL, |p| f(&p[0]));
}

fn positive(name: &str, dims: &[i64], f: impl FnOnce(&Tensor) -> TraceResult<Tensor>) {
    let mut rng = Rng::new(5);
    let n = common::count(dims);
    check_grads(name, vec![Input::f64("x", dims, rng.range(n, 0.5, 2.0))], TOL, |p| f(&p[0]));
}

#[test]
fn unary_ops() {
    one("neg", &[3, 4], 1, |x| x.neg());
    one("exp", &[3, 4], 2, |x| x.exp());
    one("tanh", &[3, 4], 3, |x| x.tanh());
    one("erf", &[3, 4], 4, |x| x.erf());
    one("sin", &[5], 5, |x| x.sin());
    one("cos", &[5], 6, |x| x.cos());
    positive("log", &[3, 4], |x| x.log());
    positive("sqrt", &[3, 4], |x| x.sqrt());
    positive("rsqrt", &[3, 4], |x| x.rsqrt());
    positive("abs", &[3, 4], |x| x.neg()?.abs());
}

#[test]
fn binary_ops_with_broadcasting() {
    let mut rng = Rng::new(11);
    let two = |rng: &mut Rng| vec![Input::normal("a", &[3, 4], rng), Input::normal("b", &[4], rng)];
    check_grads("add", two(&mut rng), TOL, |p| p[0].add(&p[1]));
    check_grads("sub", two(&mut rng), TOL, |p| p[1].sub(&p[0]));
    check_grads("mul", two(&mut rng), TOL, |p| p[0].mul(&p[1]));
    check_grads("max", two(&mut rng), TOL, |p| p[0].maximum(&p[1]));
    check_grads("min", two(&mut rng), TOL, |p| p[0].minimum(&p[1]));
    let den = vec![Input::normal("a", &[3, 4], &mut rng), Input::f64("b", &[3, 1], rng.range(3, 0.5, 2.0))];
    check_grads("div", den, TOL, |p| p[0].div(&p[1]));
    let pw = vec![Input::f64("a", &[3, 4], rng.range(12, 0.5, 2.0)), Input::normal("b", &[3, 4], &mut rng)];
    check_grads("pow", pw, TOL, |p| p[0].pow(&p[1]));
}

#[test]
fn select_compare_convert() {
    let mut rng = Rng::new(12);
    let ins = vec![Input::normal("a", &[4, 5], &mut rng), Input::normal("b", &[4, 5], &mut rng)];
    check_grads("select", ins, TOL, |p| p[0].compare(CompareDir::Gt, &p[1])?.select(&p[0].mul(&p[1])?, &p[1].exp()?));
    // f64 -> f32 -> f64 rounds to f32: a step far above f32's resolution keeps the difference
    // meaningful, and the quadratic form leaves no truncation error; f32 rounding bounds the rest.
    let ins = vec![Input::normal("a", &[6], &mut rng)];
    check_grads_eps("convert", ins, 1e-4, 1e-2, |p| p[0].convert(DType::F32)?.convert(DType::F64)?.mul(&p[0]));
}

#[test]
fn dot_general_variants() {
    let mut rng = Rng::new(13);
    let ins = vec![Input::normal("a", &[3, 4], &mut rng), Input::normal("b", &[4, 5], &mut rng)];
    check_grads("matmul", ins, TOL, |p| p[0].matmul(&p[1]));
    let ins = vec![Input::normal("a", &[2, 3, 4], &mut rng), Input::normal("b", &[2, 4, 5], &mut rng)];
    check_grads("batched_matmul", ins, TOL, |p| p[0].matmul(&p[1]));
    // Contraction on leading dims and batch dims in the middle: [k, b, m] x [n, b, k].
    let ins = vec![Input::normal("a", &[4, 2, 3], &mut rng), Input::normal("b", &[5, 2, 4], &mut rng)];
    let d = DotDims { lhs_batch: vec![1], rhs_batch: vec![1], lhs_contract: vec![0], rhs_contract: vec![2] };
    check_grads("dot_general_general", ins, TOL, |p| p[0].dot_general(&p[1], d));
    // Two contracting dims in different orders.
    let ins = vec![Input::normal("a", &[3, 4, 2], &mut rng), Input::normal("b", &[2, 5, 4], &mut rng)];
    let d = DotDims { lhs_batch: vec![], rhs_batch: vec![], lhs_contract: vec![1, 2], rhs_contract: vec![2, 0] };
    check_grads("dot_general_two_contractions", ins, TOL, |p| p[0].dot_general(&p[1], d));
}

#[test]
fn reductions() {
    one("sum", &[3, 4, 5], 21, |x| x.sum(&[0, 2], false));
    one("mean", &[3, 4], 22, |x| x.mean(&[1], true));
    one("max", &[3, 4, 5], 23, |x| x.max(&[1], false));
    one("min", &[3, 4], 24, |x| x.min(&[0, 1], false));
}

#[test]
fn shape_ops() {
    one("reshape", &[3, 4], 31, |x| x.reshape(&[2, 6])?.exp());
    one("transpose", &[2, 3, 4], 32, |x| x.transpose(&[2, 0, 1])?.tanh());
    one("broadcast_in_dim", &[3, 1], 33, |x| x.broadcast_in_dim(&[2, 3, 4], &[1, 2]));
    one("slice", &[6, 7], 34, |x| x.slice(&[1, 0], &[6, 7], &[2, 3]));
    one("concatenate", &[2, 3], 35, |x| Tensor::concat(&[x.clone(), x.exp()?, x.slice_axis(0, 0, 1)?], 0));
    one("pad", &[3, 4], 36, |x| {
        let v = x.slice_axis(0, 0, 1)?.slice_axis(1, 0, 1)?.reshape(&[])?;
        x.pad(&v, &[1, 0], &[2, 1], &[1, 0])
    });
}

#[test]
fn gather_scatter_dynamic_slices() {
    let mut rng = Rng::new(41);
    let ins = vec![Input::normal("table", &[6, 4], &mut rng), Input::i32("ids", &[2, 3], vec![0, 5, 2, 2, 1, 0])];
    check_grads("take_rows", ins, TOL, |p| p[0].take_rows(&p[1]));
    let ins = vec![Input::normal("x", &[2, 5, 3], &mut rng), Input::i32("idx", &[2, 3], vec![4, 0, 2, 1, 1, 3])];
    check_grads("take_along_axis1", ins, TOL, |p| p[0].take_along_axis1(&p[1]));
    let ins = vec![
        Input::normal("operand", &[5, 3], &mut rng),
        Input::i32("idx", &[4, 1], vec![0, 4, 0, 2]),
        Input::normal("updates", &[4, 3], &mut rng),
    ];
    let d = GatherDims { offset_dims: vec![1], collapsed_slice_dims: vec![0], start_index_map: vec![0], index_vector_dim: 1 };
    check_grads("scatter_add", ins, TOL, |p| p[0].scatter_add(&p[1], &p[2].mul(&p[2])?, d)?.tanh());
    let ins = vec![Input::normal("x", &[4, 6], &mut rng), Input::normal("u", &[2, 3], &mut rng)];
    check_grads("dynamic_slices", ins, TOL, |p| {
        let g = p[0].graph();
        let (i, j) = (g.scalar(1.0, DType::I32), g.scalar(2.0, DType::I32));
        let s = p[0].dynamic_slice(&[i.clone(), j.clone()], &[2, 3])?;
        p[0].dynamic_update_slice(&s.mul(&p[1])?, &[j, i])
    });
}

#[test]
fn composites() {
    one("softmax", &[3, 7], 51, |x| x.softmax(1));
    one("log_softmax", &[3, 7], 52, |x| x.log_softmax(1));
    one("gelu", &[3, 7], 53, |x| x.gelu());
    one("quick_gelu", &[3, 7], 55, |x| x.quick_gelu());
    // ReLU is piecewise linear: exact away from 0, and no normal draw lies within a step of 0.
    one("relu", &[3, 7], 55, |x| x.relu()?.mul(x));
    let mut rng = Rng::new(54);
    let ins = vec![Input::normal("x", &[4, 8], &mut rng), Input::normal("w", &[8], &mut rng), Input::normal("b", &[8], &mut rng)];
    check_grads("layer_norm", ins, TOL, |p| p[0].layer_norm(&p[1], &p[2], 1e-6));
    let ins = vec![Input::normal("logits", &[5, 6], &mut rng), Input::i32("labels", &[5], vec![0, 3, 5, 1, 1])];
    check_grads("cross_entropy", ins, TOL, |p| p[0].cross_entropy(&p[1]));
}

#[test]
fn all_reduce_on_one_replica() {
    one("all_reduce", &[3, 4], 61, |x| x.all_reduce(ReduceKind::Sum, &[vec![0]])?.tanh());
}

/// A residual tanh layer, `h + tanh(h W + b) * s`, scanned over stacked (W, b) with a shared scale.
fn scanned_mlp(p: &[Tensor], reverse: bool, remat: Remat) -> TraceResult<Tensor> {
    let opts = ScanOptions { name: "mlp".into(), reverse, remat, ..Default::default() };
    let r = scan(&[p[0].clone()], &[p[1].clone(), p[2].clone()], &[p[3].clone()], opts, |c, x, k| {
        let h = c[0].matmul(&x[0])?.add(&x[1])?.tanh()?.mul(&k[0])?;
        let y = h.sum(&[1], false)?;
        Ok((vec![c[0].add(&h)?], vec![y]))
    })?;
    // Use both the final carry and the stacked per-layer outputs.
    r.carry[0].sum(&[0], false)?.add(&r.ys[0].sin()?.sum(&[0, 1], false)?.reshape(&[1])?)
}

#[test]
fn scan_gradients() {
    for (reverse, remat) in
        [(false, Remat::Full), (true, Remat::Full), (false, Remat::Save), (true, Remat::Save), (false, Remat::Dots), (true, Remat::Dots)]
    {
        let mut rng = Rng::new(71);
        let ins = vec![
            Input::normal("h", &[3, 4], &mut rng),
            Input::f64("w", &[5, 4, 4], rng.normals(80, 0.5)),
            Input::normal("b", &[5, 4], &mut rng),
            Input::normal("s", &[4], &mut rng),
        ];
        let name = format!("scan_{}_{:?}", if reverse { "reverse" } else { "forward" }, remat);
        check_grads(&name, ins, TOL, |p| scanned_mlp(p, reverse, remat));
    }
}

#[test]
fn nested_scan_gradients() {
    for remat in [Remat::Full, Remat::Save, Remat::Dots] {
        let mut rng = Rng::new(72);
        let ins = vec![Input::normal("h", &[2, 3], &mut rng), Input::f64("w", &[3, 2, 3, 3], rng.normals(54, 0.5))];
        let opts = ScanOptions { remat, ..Default::default() };
        check_grads(&format!("nested_scan_{:?}", remat), ins, TOL, |p| {
            let outer = scan(&[p[0].clone()], &[p[1].clone()], &[], opts.clone(), |c, x, _| {
                let inner = scan(&[c[0].clone()], &[x[0].clone()], &[], opts.clone(), |c2, x2, _| {
                    Ok((vec![c2[0].matmul(&x2[0])?.tanh()?], vec![]))
                })?;
                Ok((inner.carry, vec![]))
            })?;
            Ok(outer.carry[0].clone())
        });
    }
}

/// Pre-LN block (ViT/MAE): x + proj(attn(LN1 x)); y + fc2(gelu(fc1(LN2 y))). Fused qkv as timm.
pub fn pre_ln_block(x: &Tensor, p: &[Tensor], heads: i64) -> TraceResult<Tensor> {
    let (b, n, d) = (x.dim(0), x.dim(1), x.dim(2));
    let hd = d / heads;
    let h = x.layer_norm(&p[0], &p[1], 1e-6)?;
    let qkv = h.matmul(&p[2])?.add(&p[3])?.reshape(&[b, n, 3, heads, hd])?.transpose(&[2, 0, 3, 1, 4])?;
    let part = |i: i64| -> TraceResult<Tensor> { qkv.slice_axis(0, i, i + 1)?.reshape(&[b, heads, n, hd]) };
    let (q, k, v) = (part(0)?, part(1)?, part(2)?);
    let scores = q.matmul(&k.swap_axes(2, 3)?)?.mul_scalar(1.0 / (hd as f64).sqrt())?;
    let a = scores.softmax(3)?.matmul(&v)?.transpose(&[0, 2, 1, 3])?.reshape(&[b, n, d])?;
    let x = x.add(&a.matmul(&p[4])?.add(&p[5])?)?;
    let h = x.layer_norm(&p[6], &p[7], 1e-6)?;
    let m = h.matmul(&p[8])?.add(&p[9])?.gelu()?.matmul(&p[10])?.add(&p[11])?;
    x.add(&m)
}

/// Post-LN block (BERT): LN(x + attn(x)); LN(y + ffn(y)), separate q, k, v.
fn post_ln_block(x: &Tensor, p: &[Tensor], heads: i64) -> TraceResult<Tensor> {
    let (b, n, d) = (x.dim(0), x.dim(1), x.dim(2));
    let hd = d / heads;
    let split = |t: Tensor| -> TraceResult<Tensor> { t.reshape(&[b, n, heads, hd])?.transpose(&[0, 2, 1, 3]) };
    let q = split(x.matmul(&p[0])?.add(&p[1])?)?;
    let k = split(x.matmul(&p[2])?.add(&p[3])?)?;
    let v = split(x.matmul(&p[4])?.add(&p[5])?)?;
    let a = q.matmul(&k.swap_axes(2, 3)?)?.mul_scalar(1.0 / (hd as f64).sqrt())?.softmax(3)?.matmul(&v)?;
    let a = a.transpose(&[0, 2, 1, 3])?.reshape(&[b, n, d])?.matmul(&p[6])?.add(&p[7])?;
    let y = x.add(&a)?.layer_norm(&p[8], &p[9], 1e-12)?;
    let f = y.matmul(&p[10])?.add(&p[11])?.gelu()?.matmul(&p[12])?.add(&p[13])?;
    y.add(&f)?.layer_norm(&p[14], &p[15], 1e-12)
}

fn ln_params(name: &str, d: i64, rng: &mut Rng) -> Vec<Input> {
    vec![
        Input::f64(&format!("{}.weight", name), &[d], rng.range(d as usize, 0.8, 1.2)),
        Input::f64(&format!("{}.bias", name), &[d], rng.normals(d as usize, 0.1)),
    ]
}

fn linear(name: &str, i: i64, o: i64, rng: &mut Rng) -> Vec<Input> {
    vec![
        Input::f64(&format!("{}.weight", name), &[i, o], rng.normals((i * o) as usize, 0.3)),
        Input::f64(&format!("{}.bias", name), &[o], rng.normals(o as usize, 0.1)),
    ]
}

#[test]
fn pre_ln_transformer_block() {
    let (b, n, d, f) = (2, 5, 8, 16);
    let mut rng = Rng::new(81);
    let mut ins = vec![Input::normal("x", &[b, n, d], &mut rng)];
    ins.extend(ln_params("norm1", d, &mut rng));
    ins.extend(linear("attn.qkv", d, 3 * d, &mut rng));
    ins.extend(linear("attn.proj", d, d, &mut rng));
    ins.extend(ln_params("norm2", d, &mut rng));
    ins.extend(linear("mlp.fc1", d, f, &mut rng));
    ins.extend(linear("mlp.fc2", f, d, &mut rng));
    check_grads("pre_ln_block", ins, TOL, |p| pre_ln_block(&p[0], &p[1..], 2));
}

#[test]
fn post_ln_transformer_block() {
    let (b, n, d, f) = (2, 5, 8, 16);
    let mut rng = Rng::new(82);
    let mut ins = vec![Input::normal("x", &[b, n, d], &mut rng)];
    for name in ["query", "key", "value", "output.dense"] {
        ins.extend(linear(name, d, d, &mut rng));
    }
    ins.extend(ln_params("attention.output.LayerNorm", d, &mut rng));
    ins.extend(linear("intermediate.dense", d, f, &mut rng));
    ins.extend(linear("output.dense", f, d, &mut rng));
    ins.extend(ln_params("output.LayerNorm", d, &mut rng));
    check_grads("post_ln_block", ins, TOL, |p| post_ln_block(&p[0], &p[1..], 2));
}

#[test]
fn clip_contrastive_loss_through_both_towers() {
    // A tiny CLIP in f64, every parameter and the pixels differentiated: the symmetric InfoNCE
    // loss, the L2 normalisation, logit_scale, EOS pooling, the causal text blocks with a padding
    // mask, the scanned stacks.
    use bamboo::config::{ClipConfig, Stack};
    use bamboo::models::clip;
    use bamboo::weights::Params;
    let mut c =
        ClipConfig::new(4, Stack { depth: 2, width: 8, heads: 2, mlp_dim: 16 }, Stack { depth: 2, width: 8, heads: 2, mlp_dim: 16 }, 6);
    c.image_size = 8;
    c.channels = 1;
    c.vocab_size = 20;
    c.max_positions = 8;
    c.seq_len = 6;
    let specs = clip::param_specs(&c);
    let mut rng = Rng::new(91);
    let mut ins: Vec<Input> = specs
        .iter()
        .map(|s| {
            let n = common::count(&s.shape);
            let fan_in = *s.shape.last().unwrap_or(&1) as f64;
            let v = if s.name == "logit_scale" {
                vec![1.0]
            } else if s.name.ends_with("norm.weight") || s.name.ends_with("norm1.weight") || s.name.ends_with("norm2.weight") {
                rng.range(n, 0.8, 1.2)
            } else if s.shape.len() - s.layers().is_some() as usize >= 2 && !s.name.contains("embedding") {
                rng.normals(n, 1.0 / fan_in.sqrt())
            } else {
                rng.normals(n, 0.3)
            };
            Input::f64(&s.name, &s.shape, v)
        })
        .collect();
    let (b, s) = (3i64, 6i64);
    ins.push(Input::normal("pixel_values", &[b, 1, 8, 8], &mut rng));
    // The largest id (19) ends each caption; the last one is padded after it.
    ins.push(Input::i32("input_ids", &[b, s], vec![3, 7, 19, 2, 5, 8, 4, 4, 6, 9, 1, 19, 11, 19, 0, 0, 0, 0]));
    ins.push(Input::i32("attention_mask", &[b, s], vec![1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]));
    let n = specs.len();
    check_grads("clip_loss", ins, TOL, |p| {
        let params = Params::from_map(specs.iter().zip(p).map(|(s, t)| (s.name.clone(), t.clone())).collect());
        let x = clip::ClipInputs { pixel_values: &p[n], input_ids: &p[n + 1], attention_mask: Some(&p[n + 2]) };
        let out = clip::forward(&c, &params, &x, &Default::default())?;
        clip::contrastive_loss(&out.logits_per_text)
    });
}
