//! The training step end to end on the real plugin: a falling loss, exact resume from a
//! checkpoint on disk, two devices against one, gradient accumulation against one big batch.

mod common;

use bamboo::config::{MaeConfig, Norm, Stack};
use bamboo::nn::stack::StackOptions;
use bamboo::optim::{Optimizer, Schedule};
use bamboo::runtime::{Client, ClientOptions, HostTensor, Plugin};
use bamboo::train::objective::MaePretrain;
use bamboo::train::step::StepConfig;
use bamboo::train::trainer::{checkpoints, Trainer};
use common::Rng;

fn tiny_mae() -> MaeConfig {
    MaeConfig {
        image_size: 16,
        patch_size: 4,
        channels: 1,
        encoder: Stack::new(2, 32, 2),
        decoder: Stack::new(1, 16, 2),
        mask_ratio: 0.75,
        norm_pix_loss: true,
        norm: Norm::Pre,
        layer_norm_eps: 1e-6,
        drop_path: 0.0,
    }
}

fn step_config(replicas: usize, accum: usize, micro: usize) -> StepConfig {
    StepConfig { optimizer: Optimizer::AdamW { beta1: 0.9, beta2: 0.95, eps: 1e-8 }, ..sgd_config(replicas, accum, micro) }
}

/// SGD keeps the update linear in the gradient. Adam's normalized update turns the rounding
/// noise of gradients that are zero in exact arithmetic (the attention key biases) into full
/// lr-sized steps, so comparisons of differently-reduced gradients use SGD.
fn sgd_config(replicas: usize, accum: usize, micro: usize) -> StepConfig {
    StepConfig {
        optimizer: Optimizer::Sgd { momentum: 0.9 },
        schedule: Schedule::WarmupCosine { lr: 3e-3, warmup: 5, total: 40, min_lr: 0.0 },
        weight_decay: 0.05,
        layer_decay: None,
        clip: Some(1.0),
        replicas,
        accum,
        micro_batch: micro,
        bf16: false,
        stack: StackOptions::default(),
        train_only: None,
    }
}

/// Batch `step` of a deterministic stream: smooth random images and masking noise.
fn batch(step: u64, n: usize, accum: usize) -> Vec<HostTensor> {
    let mut rng = Rng::new(1000 + step);
    let c = tiny_mae();
    let mut imgs = vec![];
    for _ in 0..n {
        let (a, b, ph) = (rng.normal(), rng.normal(), rng.uniform() * 6.0);
        for y in 0..16 {
            for x in 0..16 {
                imgs.push((a * ((x as f64) * 0.4 + ph).sin() + b * ((y as f64) * 0.3).cos()) as f32);
            }
        }
    }
    let noise: Vec<f32> = (0..n * c.num_patches()).map(|_| rng.uniform() as f32).collect();
    let lead: Vec<i64> = if accum > 1 { vec![accum as i64, (n / accum) as i64] } else { vec![n as i64] };
    vec![
        HostTensor::from_slice(&[&lead[..], &[1, 16, 16]].concat(), &imgs).unwrap(),
        HostTensor::from_slice(&[&lead[..], &[c.num_patches() as i64]].concat(), &noise).unwrap(),
    ]
}

fn params_of(t: &Trainer) -> Vec<f32> {
    t.host_state().unwrap().0.iter().flat_map(|h| h.to_vec::<f32>().unwrap()).collect()
}

#[test]
fn loss_falls() {
    let obj = MaePretrain(tiny_mae());
    let mut t = Trainer::new(common::client(), &obj, step_config(1, 1, 8), 0).unwrap();
    eprintln!("tiny MAE train step compiled in {:.2} s", t.program.compile_seconds());
    let fixed = batch(0, 8, 1);
    let first = t.train_step(&fixed).unwrap().loss;
    let mut last = first;
    for _ in 0..30 {
        last = t.train_step(&fixed).unwrap().loss;
    }
    // The reference: predicting zero for every normalized target. Each masked patch's target
    // has mean 0 and unbiased variance 1 over its k = 16 pixels, so that loss is (k - 1) / k.
    let k = (tiny_mae().patch_size * tiny_mae().patch_size) as f32;
    let zero_predictor = (k - 1.0) / k;
    eprintln!("tiny MAE loss {} -> {} (zero predictor {})", first, last, zero_predictor);
    assert!(last.is_finite() && last < zero_predictor, "loss {} -> {}: not below the zero predictor's {}", first, last, zero_predictor);
}

#[test]
fn resume_matches_an_uninterrupted_run() {
    let obj = MaePretrain(tiny_mae());
    let dir = tempfile_dir("resume");
    let mut straight = Trainer::new(common::client(), &obj, step_config(1, 1, 8), 7).unwrap();
    let mut losses = vec![];
    for s in 0..20 {
        losses.push(straight.train_step(&batch(s, 8, 1)).unwrap().loss);
    }

    let mut first = Trainer::new(common::client(), &obj, step_config(1, 1, 8), 7).unwrap();
    for s in 0..10 {
        first.train_step(&batch(s, 8, 1)).unwrap();
    }
    first.save(&dir, serde_json::json!({"data": {"step": 10}})).unwrap();
    drop(first); // the "kill": nothing but the checkpoint on disk survives

    let mut resumed = Trainer::new(common::client(), &obj, step_config(1, 1, 8), 999).unwrap();
    let ck = checkpoints(&dir);
    assert_eq!(ck.len(), 1);
    let extra = resumed.restore(ck.last().unwrap()).unwrap();
    assert_eq!(extra["data"]["step"], 10);
    assert_eq!(resumed.step, 10);
    let mut last = 0.0;
    for s in 10..20 {
        last = resumed.train_step(&batch(s, 8, 1)).unwrap().loss;
    }
    assert_eq!(last.to_bits(), losses[19].to_bits(), "final loss {} vs {}", last, losses[19]);
    assert_eq!(params_of(&resumed), params_of(&straight), "parameters must be bit-identical");
}

#[test]
fn two_devices_match_one() {
    let plugin = Plugin::discover(None).unwrap();
    let client = Client::new(&plugin, &ClientOptions { devices: Some(2) }).unwrap();
    let obj = MaePretrain(tiny_mae());
    let mut one = Trainer::new(&client, &obj, sgd_config(1, 1, 8), 3).unwrap();
    let mut two = Trainer::new(&client, &obj, sgd_config(2, 1, 4), 3).unwrap();
    for s in 0..1 {
        let a = one.train_step(&batch(s, 8, 1)).unwrap();
        let b = two.train_step(&batch(s, 8, 1)).unwrap();
        assert!((a.loss - b.loss).abs() < 1e-5, "loss {} vs {}", a.loss, b.loss);
    }
    let (p1, p2) = (params_of(&one), params_of(&two));
    let worst = p1.iter().zip(&p2).map(|(a, b)| (a - b).abs()).fold(0f32, f32::max);
    assert!(worst < 1e-5, "max abs parameter difference {}", worst);
}

#[test]
fn accumulation_matches_one_big_batch() {
    let obj = MaePretrain(tiny_mae());
    let mut big = Trainer::new(common::client(), &obj, sgd_config(1, 1, 8), 5).unwrap();
    let mut acc = Trainer::new(common::client(), &obj, sgd_config(1, 2, 4), 5).unwrap();
    let a = big.train_step(&batch(0, 8, 1)).unwrap();
    let b = acc.train_step(&batch(0, 8, 2)).unwrap();
    // Per-micro-batch means averaged equal the full mean only when the masked-patch count is
    // the same in each micro-batch, which a fixed mask ratio guarantees.
    assert!((a.loss - b.loss).abs() < 1e-5, "loss {} vs {}", a.loss, b.loss);
    let worst = params_of(&big).iter().zip(&params_of(&acc)).map(|(x, y)| (x - y).abs()).fold(0f32, f32::max);
    assert!(worst < 1e-5, "max abs parameter difference {}", worst);
}

#[test]
fn watching_smoothing_reports_the_analysis_metrics_and_trains_the_same() {
    use bamboo::graph::{DType, Function, Graph};
    use bamboo::models::mae;
    use bamboo::weights::Params;

    let c = tiny_mae();
    let obj = MaePretrain(c.clone());
    let mut plain = Trainer::new(common::client(), &obj, step_config(1, 1, 8), 4).unwrap();
    let mut watched = Trainer::new(common::client(), &obj, step_config(1, 1, 8), 4).unwrap();
    // Steps 2 (every 2) and 3 (the last) are watched, step 1 is not.
    watched.watch_smoothing(&obj, 2).unwrap();
    watched.watch_last_step(3);

    let mut reports = vec![];
    let mut before = vec![];
    for s in 0..3 {
        before.push(watched.host_state().unwrap().0);
        let a = plain.train_step(&batch(s, 8, 1)).unwrap();
        let b = watched.train_step(&batch(s, 8, 1)).unwrap();
        assert!((a.loss - b.loss).abs() < 1e-6, "step {}: loss {} vs {} while watching", s, a.loss, b.loss);
        reports.push(b.metrics);
    }
    let worst = params_of(&plain).iter().zip(&params_of(&watched)).map(|(x, y)| (x - y).abs()).fold(0f32, f32::max);
    assert!(worst < 1e-6, "watching changed the parameters by {}", worst);
    let series = |m: &[(String, f32)], name: &str| -> Vec<f32> {
        (0..c.encoder.depth)
            .map(|l| m.iter().find(|(k, _)| *k == format!("smoothing/{}/block_{:02}", name, l)).map(|(_, v)| *v).unwrap_or(f32::NAN))
            .collect()
    };
    assert!(reports[0].iter().all(|(k, _)| !k.starts_with("smoothing/")), "step 1 is not watched");
    for (i, r) in reports.iter().enumerate().skip(1) {
        assert!(series(r, "token_std").iter().all(|v| v.is_finite()), "step {} is watched", i + 1);
    }

    // The analysis' own metrics on the same weights and batch (the encoder's visible patches).
    let g = Graph::new("reference_smoothing");
    let specs = obj_specs(&c);
    let p = Params::declare(&g, &specs, DType::F32);
    let images = g.param("images", &[8, 1, 16, 16], DType::F32);
    let noise = g.param("noise", &[8, c.num_patches() as i64], DType::F32);
    let o = StackOptions { keep_hidden: true, ..Default::default() };
    let hidden = mae::forward(&c, &p, &images, &noise, &o).unwrap().hidden.unwrap();
    let patches = hidden.slice_axis(2, 1, hidden.dim(2)).unwrap();
    let m = bamboo::smoothing::metrics::smoothing(&patches).unwrap();
    let f = Function::new(&g, &[m.token_std, m.cos_pearson, m.hf_share, m.rel_residual, patches]).unwrap();
    // Step 2's: the weights after step 1, the second batch.
    let (weights, data) = (before.swap_remove(1), batch(1, 8, 1));
    let mut inputs: Vec<(&str, &HostTensor)> = specs.iter().map(|s| s.name.as_str()).zip(&weights).collect();
    inputs.extend([("images", &data[0]), ("noise", &data[1])]);
    let want = common::compile_run(&f, &inputs).into_vec().unwrap();
    for (k, name) in ["token_std", "cosine", "hf_share", "rel_residual"].iter().enumerate() {
        let want: Vec<f32> = want[k].to_vec().unwrap();
        let got = series(&reports[1], name);
        for (g, w) in got.iter().zip(&want) {
            assert!((g - w).abs() < 1e-5 * w.abs().max(1.0), "{}: watched {:?} vs analysis {:?}", name, got, want);
        }
    }
    // Host metrics of the batch's 8 examples (all of it here).
    let mut sums = bamboo::smoothing::collapse::CollapseSums::new(c.encoder.depth);
    sums.add(&want[4].to_vec::<f32>().unwrap(), &want[4].dims).unwrap();
    let tops: Vec<f64> = sums.mean_top_singular().iter().map(|t| t[0]).collect();
    for (name, w) in [("effective_rank", sums.mean_effective_rank()), ("top_singular", tops)] {
        let got = series(&reports[1], name);
        for (g, w) in got.iter().zip(&w) {
            assert!((*g as f64 - w).abs() < 1e-4 * w.abs().max(1.0), "{}: watched {:?} vs analysis {:?}", name, got, w);
        }
    }
}

/// One step from the same weights on the same batch, in bf16 and in f32. SGD without decay or
/// clipping makes the parameter change `-lr * grad`, so its direction is the gradient's: bf16
/// compute may round it (the bounds are the issue's: loss within 1e-2 relative, cosine above
/// 0.99) but must not turn it. The master weights the step returns and saves stay f32.
#[test]
fn bf16_step_follows_the_f32_step() {
    use bamboo::checkpoint::Dtype;
    use bamboo::runtime::ElementType;

    // One block each: the smallest step that has every op kind, so two compiles stay cheap.
    let obj = MaePretrain(MaeConfig { encoder: Stack::new(1, 32, 2), ..tiny_mae() });
    let config =
        |bf16: bool| StepConfig { schedule: Schedule::Constant { lr: 1e-2 }, weight_decay: 0.0, clip: None, bf16, ..sgd_config(1, 1, 8) };
    let mut full = Trainer::new(common::client(), &obj, config(false), 11).unwrap();
    let mut half = Trainer::new(common::client(), &obj, config(true), 11).unwrap();
    let before = params_of(&full);
    assert_eq!(before, params_of(&half), "both steps start from the same weights");
    let (a, b) = (full.train_step(&batch(0, 8, 1)).unwrap(), half.train_step(&batch(0, 8, 1)).unwrap());
    let rel = ((a.loss - b.loss) / a.loss).abs();
    let delta = |t: &Trainer| -> Vec<f64> { params_of(t).iter().zip(&before).map(|(p, q)| *p as f64 - *q as f64).collect() };
    let (da, db) = (delta(&full), delta(&half));
    let dot: f64 = da.iter().zip(&db).map(|(x, y)| x * y).sum();
    let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    let cosine = dot / (norm(&da) * norm(&db));
    eprintln!("bf16 vs f32: loss {} vs {} (rel {:.2e}), update cosine {:.5}", b.loss, a.loss, rel, cosine);
    assert!(rel < 1e-2, "bf16 loss {} vs f32 {}: relative difference {:.2e}", b.loss, a.loss, rel);
    assert!(cosine > 0.99, "bf16 update direction: cosine {:.5} with the f32 update", cosine);

    let (params, state) = half.host_state().unwrap();
    for h in params.iter().chain(&state) {
        assert_eq!(h.ty, ElementType::F32, "a bf16 step's master weights and optimizer state are f32");
    }
    let saved = half.model_tensors().unwrap();
    for (name, t) in &saved {
        assert_eq!(t.dtype, Dtype::F32, "{} is saved as {}", name, t.dtype);
    }
}

/// Accuracy takes the first index of the maximum as the prediction, as `torch.argmax` does: tied
/// logits predict one class. Collapsed (all equal) logits over 4 balanced classes score 1/4.
#[test]
fn accuracy_counts_a_tie_once_as_argmax_does() {
    use common::Input;
    let rows: [([f64; 4], i32); 8] = [
        ([1.0, 1.0, 1.0, 1.0], 0),
        ([1.0, 1.0, 1.0, 1.0], 2),
        ([0.0, 3.0, 3.0, -1.0], 2),
        ([0.0, 3.0, 3.0, -1.0], 1),
        ([5.0, 1.0, 0.0, 5.0], 3),
        ([5.0, 1.0, 0.0, 4.0], 0),
        ([0.0, 1.0, 0.0, 2.0], 0),
        ([-2.0, -1.0, -1.5, -3.0], 1),
    ];
    // The reference: the first index of the row maximum.
    let argmax = |r: &[f64; 4]| (0..4).fold(0, |best, i| if r[i] > r[best] { i } else { best });
    let want = rows.iter().filter(|(r, l)| argmax(r) == *l as usize).count() as f32 / rows.len() as f32;
    assert_eq!(want, 0.5);
    let logits = Input::f64("logits", &[8, 4], rows.iter().flat_map(|(r, _)| r.to_vec()).collect());
    let labels = Input::i32("labels", &[8], rows.iter().map(|(_, l)| *l).collect());
    let collapsed = Input::f64("collapsed", &[8, 4], vec![0.25; 32]);
    let balanced = Input::i32("balanced", &[8], (0..8).map(|i| i % 4).collect());
    let outs = common::run("accuracy_ties", &[logits, labels, collapsed, balanced], |p| {
        let f = |t: &bamboo::graph::Tensor| t.convert(bamboo::graph::DType::F32);
        Ok(vec![bamboo::train::objective::accuracy(&f(&p[0])?, &p[1])?, bamboo::train::objective::accuracy(&f(&p[2])?, &p[3])?])
    });
    let got: Vec<f32> = outs.iter().map(|h| h.to_vec::<f32>().unwrap()[0]).collect();
    assert_eq!(got[0], want, "accuracy with ties: {} (the first maximum's rule gives {})", got[0], want);
    assert_eq!(got[1], 0.25, "collapsed logits over 4 balanced classes: accuracy {}, want 1/4", got[1]);
}

fn obj_specs(c: &MaeConfig) -> Vec<bamboo::weights::ParamSpec> {
    bamboo::models::mae::param_specs(c)
}

fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-test-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}
