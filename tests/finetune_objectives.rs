//! The fine-tuning objective against timm (tests/fixtures/finetune/objectives.json, written by
//! scripts/parity/make_finetune_fixtures.py): Mixup / CutMix batches and their soft targets given
//! the same draws (lam, box centre) timm made, and the label-smoothed and soft-target
//! cross-entropies with their gradients with respect to the logits, compiled and run on the
//! PJRT plugin.

mod common;

use std::path::PathBuf;

use bamboo::graph::{grad, DType, Function, Graph, Tensor};
use bamboo::runtime::HostTensor;
use bamboo::train::mix::{apply, cutmix_box, Mix, MixConfig};
use bamboo::train::objective::smoothed_cross_entropy;
use serde_json::Value;

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/finetune/objectives.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e))).unwrap()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(|x| x.as_f64().expect("number")).collect()
}

fn f32s(v: &Value) -> Vec<f32> {
    floats(v).into_iter().map(|x| x as f32).collect()
}

fn usize_of(v: &Value) -> usize {
    v.as_u64().expect("count") as usize
}

fn assert_close(what: &str, got: &[f32], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{}: length", what);
    let (at, err) =
        got.iter().zip(want).map(|(&g, &w)| (g as f64 - w).abs()).enumerate().fold((0, 0.0), |m, (i, e)| if e > m.1 { (i, e) } else { m });
    assert!(err <= tol, "{}: max abs error {:.3e} at {} (bamboo {}, timm {})", what, err, at, got[at], want[at]);
}

fn mix_config(f: &Value) -> MixConfig {
    // Only the smoothing and class count enter `apply`; the alphas drive `draw`, which is not fed.
    MixConfig { label_smoothing: f["label_smoothing"].as_f64().unwrap(), ..MixConfig::table5(usize_of(&f["classes"])) }
}

/// Bamboo's mixed batch and targets for timm's draws, against timm's. Images are copied or
/// mixed in f32 either way (a few ulps apart for Mixup); targets are sums of two products.
#[test]
fn mixup_and_cutmix_match_timm_given_its_draws() {
    let f = fixture();
    let d: Vec<usize> = f["dims"].as_array().unwrap().iter().map(usize_of).collect();
    let dims = [d[0], d[1], d[2], d[3]];
    let labels: Vec<i32> = f["labels"].as_array().unwrap().iter().map(|v| v.as_i64().unwrap() as i32).collect();
    let cfg = mix_config(&f);
    let cases = f["mix"].as_array().unwrap();
    assert_eq!(cases.iter().map(|c| c["kind"].as_str().unwrap()).collect::<Vec<_>>(), ["mixup", "cutmix", "cutmix"]);
    for c in cases {
        let name = c["name"].as_str().unwrap();
        let lam = c["lam"].as_f64().unwrap();
        let mix = match c["kind"].as_str().unwrap() {
            "mixup" => Mix::Mixup { lam },
            _ => {
                let (cy, cx) = (usize_of(&c["cy"]), usize_of(&c["cx"]));
                let b: Vec<usize> = c["box"].as_array().unwrap().iter().map(usize_of).collect();
                assert_eq!(cutmix_box(dims[2], dims[3], lam, cy, cx), (b[0], b[1], b[2], b[3]), "{}: box", name);
                Mix::CutMix { lam, cy, cx }
            }
        };
        let mut images = f32s(&f["images"]);
        let targets = apply(&mut images, &labels, dims, &cfg, mix);
        assert_close(&format!("{}: images", name), &images, &floats(&c["images"]), 1e-6);
        assert_close(&format!("{}: targets", name), &targets, &floats(&c["targets"]), 1e-6);
    }
}

/// `loss(logits, target)` and d loss / d logits, compiled.
fn loss_and_grad(logits: &[f32], target: HostTensor, dims: [i64; 2], body: impl Fn(&Tensor, &Tensor) -> Tensor) -> (f32, Vec<f32>) {
    let g = Graph::new("finetune_loss");
    let x = g.param("logits", &dims, DType::F32);
    let t = g.param("target", &target.dims, if target.dims.len() == 1 { DType::I32 } else { DType::F32 });
    let loss = body(&x, &t);
    let dx = grad(&loss, std::slice::from_ref(&x)).unwrap().remove(0);
    let f = Function::named(&g, &[("loss", loss), ("grad.logits", dx)]).unwrap();
    let mut out = common::compile_run(&f, &[("logits", &HostTensor::from_slice(&dims, logits).unwrap()), ("target", &target)]);
    (out.take("loss").unwrap().to_vec::<f32>().unwrap()[0], out.take("grad.logits").unwrap().to_vec().unwrap())
}

/// Losses are means over 4 examples of log-sum-exps of logits up to ~5 computed in f32: errors
/// of a few 1e-7; 1e-5 leaves room without hiding a wrong smoothing weight (0.1 / 5 = 2e-2).
const LOSS_TOL: f64 = 1e-5;

#[test]
fn label_smoothed_cross_entropy_matches_timm() {
    let f = fixture();
    let (b, k) = (f["labels"].as_array().unwrap().len() as i64, f["classes"].as_i64().unwrap());
    let labels: Vec<i32> = f["labels"].as_array().unwrap().iter().map(|v| v.as_i64().unwrap() as i32).collect();
    let eps = f["label_smoothing"].as_f64().unwrap();
    let want = f["losses"].as_array().unwrap().iter().find(|l| l["name"] == "label_smoothing").unwrap();
    let target = HostTensor::from_slice(&[b], &labels).unwrap();
    let (loss, dx) = loss_and_grad(&f32s(&f["logits"]), target, [b, k], |x, t| smoothed_cross_entropy(x, t, eps).unwrap());
    assert_close("label-smoothed cross-entropy", &[loss], &[want["loss"].as_f64().unwrap()], LOSS_TOL);
    assert_close("d label-smoothed cross-entropy / d logits", &dx, &floats(&want["grad"]), LOSS_TOL);
}

#[test]
fn soft_target_cross_entropy_matches_timm_on_mixed_targets() {
    let f = fixture();
    let (b, k) = (f["labels"].as_array().unwrap().len() as i64, f["classes"].as_i64().unwrap());
    let soft: Vec<&Value> = f["losses"].as_array().unwrap().iter().filter(|l| l["targets_of"].is_string()).collect();
    assert_eq!(soft.len(), 3);
    for want in soft {
        let case = f["mix"].as_array().unwrap().iter().find(|c| c["name"] == want["targets_of"]).unwrap();
        let target = HostTensor::from_slice(&[b, k], &f32s(&case["targets"])).unwrap();
        let (loss, dx) = loss_and_grad(&f32s(&f["logits"]), target, [b, k], |x, t| x.soft_cross_entropy(t).unwrap());
        let name = want["name"].as_str().unwrap();
        assert_close(name, &[loss], &[want["loss"].as_f64().unwrap()], LOSS_TOL);
        assert_close(&format!("d {} / d logits", name), &dx, &floats(&want["grad"]), LOSS_TOL);
    }
}
