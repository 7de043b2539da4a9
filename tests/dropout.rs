//! Dropout drawn in the graph from per-example keys: the rate and the scale, masks that depend
//! only on an example's key (so a batch split over devices or micro-batches drops the same
//! units), gradients through a dropping block stack, and training steps that agree across
//! one device, two devices and accumulation.

mod common;

use bamboo::config::{Norm, Pool, Stack, VitConfig};
use bamboo::data::Position;
use bamboo::graph::{random, DType, Remat};
use bamboo::nn::block::{BlockConfig, BlockInit, BlockParams};
use bamboo::nn::dropout::{dropout, DropoutRates};
use bamboo::nn::stack::{encoder_noisy, StackNoise, StackOptions};
use bamboo::optim::{Optimizer, Schedule};
use bamboo::runtime::{Client, ClientOptions, HostTensor, Plugin};
use bamboo::train::objective::Classify;
use bamboo::train::sources::dropout_keys;
use bamboo::train::step::StepConfig;
use bamboo::train::trainer::Trainer;
use bamboo::weights::names::block::HF_BERT;
use bamboo::weights::{specs_of, Init};
use common::{check_grads_eps, run, Input, Rng};

const KEYS: [u32; 8] = [1, 2, 3, 4, 1, 2, 0xDEAD_BEEF, 7];

#[test]
fn rate_scale_and_per_key_masks() {
    let (b, n) = (4i64, 20_000i64);
    let ones = Input::f64("x", &[b, n], vec![1.0; (b * n) as usize]);
    let keys = Input::u32("keys", &[b, 2], KEYS.to_vec());
    let outs = run("dropout_rate", &[ones, keys], |p| {
        let x = p[0].convert(DType::F32)?;
        Ok(vec![dropout(&x, &p[1], 0.25, 7)?, dropout(&x, &p[1], 0.25, 8)?])
    });
    let y: Vec<f32> = outs[0].to_vec().unwrap();
    let other_tag: Vec<f32> = outs[1].to_vec().unwrap();
    let row = |v: &[f32], i: i64| v[(i * n) as usize..((i + 1) * n) as usize].to_vec();
    for i in 0..b {
        let r = row(&y, i);
        let dropped = r.iter().filter(|&&v| v == 0.0).count() as f64 / n as f64;
        // The dropped share has a standard deviation of 0.003 at this size.
        assert!((dropped - 0.25).abs() < 0.015, "row {}: {:.4} dropped, want 0.25", i, dropped);
        assert!(r.iter().all(|&v| v == 0.0 || (v - 1.0 / 0.75).abs() < 1e-6), "kept units are scaled by 1 / (1 - rate)");
    }
    assert_eq!(row(&y, 0), row(&y, 2), "equal keys give equal masks");
    assert_ne!(row(&y, 0), row(&y, 1), "different keys give different masks");
    assert_ne!(row(&y, 0), row(&other_tag, 0), "each site (tag) draws its own mask");
}

#[test]
fn an_example_draws_the_same_mask_in_any_batch() {
    // The whole batch, then its last two examples alone (a second device's half).
    let x = Input::f64("x", &[4, 64], (0..256).map(|i| i as f64).collect());
    let keys = Input::u32("keys", &[4, 2], KEYS.to_vec());
    let whole: Vec<f64> = run("dropout_whole", &[x, keys], |p| Ok(vec![dropout(&p[0], &p[1], 0.5, 3)?]))[0].to_vec().unwrap();
    let x = Input::f64("x", &[2, 64], (128..256).map(|i| i as f64).collect());
    let keys = Input::u32("keys", &[2, 2], KEYS[4..].to_vec());
    let half: Vec<f64> = run("dropout_half", &[x, keys], |p| Ok(vec![dropout(&p[0], &p[1], 0.5, 3)?]))[0].to_vec().unwrap();
    assert_eq!(&whole[128..], &half[..]);
}

#[test]
fn layer_keys_are_the_folded_keys() {
    let keys = Input::u32("keys", &[4, 2], KEYS.to_vec());
    let outs = run("fold_in_layers", &[keys], |p| {
        let all = random::fold_in_layers(&p[0], 3)?;
        let mut v = vec![all];
        for l in 0..3 {
            v.push(random::fold_in(&p[0], l)?);
        }
        Ok(v)
    });
    let all: Vec<u32> = outs[0].to_vec().unwrap();
    for l in 0..3 {
        assert_eq!(&all[l * 8..(l + 1) * 8], &outs[1 + l].to_vec::<u32>().unwrap()[..], "layer {}", l);
    }
    assert_ne!(&all[0..8], &all[8..16]);
}

fn bert_like_block(rates: DropoutRates) -> BlockConfig {
    let mut c = BlockConfig::of_stack(&Stack::new(2, 8, 2), 1e-12, Norm::Post);
    c.mlp_dim = 16;
    c.dropout = rates;
    c
}

fn stack_inputs(c: &BlockConfig, depth: i64, rng: &mut Rng) -> Vec<Input> {
    let mut ins = vec![Input::normal("x", &[3, 5, c.dim], rng)];
    let specs = specs_of(|vb| BlockParams::new(&vb.stacked("layer", depth)?, c, &HF_BERT, &BlockInit::all(Init::Zeros))).unwrap();
    for s in specs {
        let n = common::count(&s.shape);
        let values = if s.name.contains("LayerNorm.weight") { rng.range(n, 0.8, 1.2) } else { rng.normals(n, 0.3) };
        ins.push(Input::f64(&s.name, &s.shape, values));
    }
    ins.push(Input::u32("keys", &[3, 2], vec![11, 12, 13, 14, 15, 16]));
    ins
}

#[test]
fn gradients_through_a_dropping_stack() {
    let c = bert_like_block(DropoutRates { hidden: 0.3, attention: 0.3, mlp_inner: true });
    let ins = stack_inputs(&c, 2, &mut Rng::new(5));
    let n = ins.len();
    // A larger step than the default: the key biases' gradient is zero (softmax is shift
    // invariant, dropout acts after it), and the difference quotient of a zero must not drown
    // in rounding.
    check_grads_eps("dropping_stack", ins, 1e-6, 1e-5, move |p| {
        let noise = StackNoise { keep: None, keys: Some(p[n - 1].clone()) };
        let o = StackOptions { remat: Remat::Full, ..Default::default() };
        Ok(encoder_noisy(&p[0], &BlockParams::from_tensors(false, &p[1..n - 1])?, &c, None, &noise, &o, "stack")?.0)
    });
}

#[test]
fn scan_and_unrolled_stacks_drop_the_same_units() {
    let c = bert_like_block(DropoutRates { hidden: 0.2, attention: 0.1, mlp_inner: false });
    let ins = stack_inputs(&c, 3, &mut Rng::new(6));
    let n = ins.len();
    let outs = run("dropping_stacks", &ins, |p| {
        let noise = StackNoise { keep: None, keys: Some(p[n - 1].clone()) };
        let scanned =
            encoder_noisy(&p[0], &BlockParams::from_tensors(false, &p[1..n - 1])?, &c, None, &noise, &StackOptions::default(), "s")?.0;
        let unrolled = StackOptions { unrolled: true, ..Default::default() };
        let flat = encoder_noisy(&p[0], &BlockParams::from_tensors(false, &p[1..n - 1])?, &c, None, &noise, &unrolled, "u")?.0;
        let plain =
            encoder_noisy(&p[0], &BlockParams::from_tensors(false, &p[1..n - 1])?, &c, None, &StackNoise::default(), &unrolled, "p")?.0;
        Ok(vec![scanned, flat, plain])
    });
    let v: Vec<Vec<f64>> = outs.iter().map(|h| h.to_vec().unwrap()).collect();
    let worst = v[0].iter().zip(&v[1]).map(|(a, b)| (a - b).abs()).fold(0f64, f64::max);
    assert!(worst < 1e-12, "scan vs unrolled: {}", worst);
    assert!(v[0].iter().zip(&v[2]).any(|(a, b)| (a - b).abs() > 1e-3), "dropout must change the output");
}

fn tiny_vit(dropout: f64) -> VitConfig {
    let mut c = VitConfig::new(16, 4, Stack::new(2, 32, 2), 5);
    c.channels = 1;
    c.pool = Pool::Avg;
    c.dropout = dropout;
    c
}

fn sgd(replicas: usize, accum: usize, micro: usize) -> StepConfig {
    StepConfig {
        optimizer: Optimizer::Sgd { momentum: 0.9 },
        schedule: Schedule::Constant { lr: 0.05 },
        weight_decay: 0.0,
        layer_decay: None,
        clip: None,
        replicas,
        accum,
        micro_batch: micro,
        bf16: false,
        stack: StackOptions::default(),
        train_only: None,
    }
}

/// Images, labels and dropout keys of batch `step` (8 examples), with `accum` micro-batches.
fn batch(step: u64, accum: usize, with_keys: bool) -> Vec<HostTensor> {
    let mut rng = Rng::new(40 + step);
    let imgs: Vec<f32> = (0..8 * 256).map(|_| rng.normal() as f32).collect();
    let labels: Vec<i32> = (0..8).map(|i| i % 5).collect();
    let lead: Vec<i64> = if accum > 1 { vec![accum as i64, 8 / accum as i64] } else { vec![8] };
    let mut v =
        vec![HostTensor::from_slice(&[&lead[..], &[1, 16, 16]].concat(), &imgs).unwrap(), HostTensor::from_slice(&lead, &labels).unwrap()];
    if with_keys {
        v.push(dropout_keys(9, Position { epoch: 0, step }, &lead).unwrap());
    }
    v
}

fn params_of(t: &Trainer) -> Vec<f32> {
    t.host_state().unwrap().0.iter().flat_map(|h| h.to_vec::<f32>().unwrap()).collect()
}

#[test]
fn dropout_steps_agree_across_devices_and_micro_batches() {
    let plugin = Plugin::discover(None).unwrap();
    let client = Client::new(&plugin, &ClientOptions { devices: Some(2) }).unwrap();
    let drop = Classify { config: tiny_vit(0.2), label_smoothing: 0.0, soft_targets: false };
    let mut one = Trainer::new(&client, &drop, sgd(1, 1, 8), 3).unwrap();
    let mut two = Trainer::new(&client, &drop, sgd(2, 1, 4), 3).unwrap();
    let mut acc = Trainer::new(&client, &drop, sgd(1, 2, 4), 3).unwrap();
    let plain = Classify { config: tiny_vit(0.0), label_smoothing: 0.0, soft_targets: false };
    let mut none = Trainer::new(&client, &plain, sgd(1, 1, 8), 3).unwrap();
    for s in 0..2 {
        let a = one.train_step(&batch(s, 1, true)).unwrap().loss;
        let b = two.train_step(&batch(s, 1, true)).unwrap().loss;
        let c = acc.train_step(&batch(s, 2, true)).unwrap().loss;
        let d = none.train_step(&batch(s, 1, false)).unwrap().loss;
        assert!((a - b).abs() < 1e-5 && (a - c).abs() < 1e-5, "step {}: loss {} / {} / {}", s, a, b, c);
        if s == 0 {
            assert!((a - d).abs() > 1e-4, "dropout must change the loss ({} vs {} without)", a, d);
        }
    }
    let p1 = params_of(&one);
    for (name, other) in [("two devices", params_of(&two)), ("accumulation", params_of(&acc))] {
        let worst = p1.iter().zip(&other).map(|(x, y)| (x - y).abs()).fold(0f32, f32::max);
        assert!(worst < 1e-5, "{}: max abs parameter difference {}", name, worst);
    }
}

/// Stochastic depth as a classification batch brings it and the compiled ViT applies it.
/// Every weight is zero except the attention output bias and the fc2 bias of block `l`, which
/// are the unit vectors `e_{2l}` and `e_{2l+1}`: on zero images each branch then adds exactly
/// its factor to its own channel, and the last block's tokens read back every (example, layer,
/// branch) factor the graph applied. timm draws block `l` of `L` with rate
/// `drop_path * l / (L - 1)` (`torch.linspace(0, drop_path_rate, depth)`), each branch on its
/// own, and scales what it keeps by `1 / (1 - rate)` (`DropPath(scale_by_keep=True)`).
#[test]
fn stochastic_depth_rates_scales_and_dropped_share() {
    use bamboo::models::{vit, Noise};
    use bamboo::train::sources::drop_path_factors;
    use bamboo::weights::Params;

    let (b, depth, rate) = (4096usize, 4usize, 0.3);
    let mut c = VitConfig::new(4, 4, Stack::new(depth, 2 * depth, 2), 2);
    c.channels = 1;
    c.drop_path = rate;
    let factors = drop_path_factors(5, Position { epoch: 0, step: 3 }, b, depth, rate);
    let d = 2 * depth;
    let ins = [
        Input::f64("images", &[b as i64, 1, 4, 4], vec![0.0; b * 16]),
        Input::f64("drop_path", &[b as i64, depth as i64, 2], factors.iter().map(|&v| v as f64).collect()),
    ];
    let outs = run("drop_path_readback", &ins, |p| {
        let g = p[0].graph();
        let mut m = std::collections::BTreeMap::new();
        for s in vit::param_specs(&c) {
            let mut v = vec![0.0; common::count(&s.shape)];
            for l in 0..depth {
                match s.name.as_str() {
                    "blocks.*.attn.proj.bias" => v[l * d + 2 * l] = 1.0,
                    "blocks.*.mlp.fc2.bias" => v[l * d + 2 * l + 1] = 1.0,
                    _ => {}
                }
            }
            m.insert(s.name.clone(), g.constant(&v, &s.shape, DType::F32)?);
        }
        let noise = Noise { drop_path: Some(&p[1].convert(DType::F32)?), dropout_keys: None };
        let o = StackOptions { keep_hidden: true, ..Default::default() };
        let hidden = vit::forward_noisy(&c, &Params::from_map(m), &p[0].convert(DType::F32)?, noise, &o)?.hidden.unwrap();
        Ok(vec![hidden.slice_axis(0, depth as i64 - 1, depth as i64)?])
    });
    let last: Vec<f32> = outs[0].to_vec().unwrap(); // [1, B, T = 2, D]
    let applied: Vec<f32> = (0..b).flat_map(|i| last[i * 2 * d..i * 2 * d + d].to_vec()).collect();
    let wrong = applied.iter().zip(&factors).position(|(a, f)| a != f);
    assert!(
        wrong.is_none(),
        "factor {:?} ([example, block, branch] row-major): the graph applied {} where the batch had {}",
        wrong,
        wrong.map_or(0.0, |k| applied[k]),
        wrong.map_or(0.0, |k| factors[k])
    );

    for l in 0..depth {
        let r = rate * l as f64 / (depth - 1) as f64;
        for k in 0..2 {
            let v: Vec<f32> = (0..b).map(|i| applied[(i * depth + l) * 2 + k]).collect();
            let kept = (1.0 / (1.0 - r)) as f32;
            assert!(v.iter().all(|&x| x == 0.0 || x == kept), "block {} branch {}: kept branches scaled by {}", l, k, kept);
            let dropped = v.iter().filter(|&&x| x == 0.0).count() as f64;
            // Binomial(B, r): 5 standard deviations (two-sided p about 6e-7 per check).
            let (mean, sd) = (b as f64 * r, (b as f64 * r * (1.0 - r)).sqrt());
            eprintln!("block {} branch {}: {} of {} dropped, binomial mean {:.1} sd {:.1}", l, k, dropped, b, mean, sd);
            assert!((dropped - mean).abs() <= 5.0 * sd, "block {} branch {}: {} dropped, want {:.1} +- 5 x {:.1}", l, k, dropped, mean, sd);
        }
    }
}
