//! Parity with independent implementations: timm's ViT, Hugging Face's ViTMAEForPreTraining,
//! BertForPreTraining, BertForSequenceClassification, CLIPModel and OPTForCausalLM, on the same
//! weights and inputs (tests/fixtures, made by scripts/parity/make_fixtures.py). Logits, losses, hidden states and the gradient of the loss
//! with respect to every parameter must match to 1e-4 (f32).

mod common;

use std::path::PathBuf;

use bamboo::checkpoint::{load, Tensors};
use bamboo::config::ModelConfig;
use bamboo::graph::{grad, DType, Function, Graph, Remat, Tensor};
use bamboo::models::{bert, clip, mae, opt, vit};
use bamboo::nn::stack::StackOptions;
use bamboo::runtime::HostTensor;
use bamboo::train::objective::{GlueClassify, Objective};
use bamboo::weights::host::{host_params, to_checkpoint};
use bamboo::weights::{ParamSpec, Params};

const TOL: f32 = 1e-4;

struct Fixture {
    config: ModelConfig,
    weights: Tensors,
    inputs: Tensors,
    outputs: Tensors,
    grads: Tensors,
}

fn fixture(name: &str) -> Fixture {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let cfg: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("config.json")).unwrap()).unwrap();
    Fixture {
        config: ModelConfig::from_json(&cfg["bamboo"].to_string()).unwrap(),
        weights: load(&dir.join("weights.safetensors")).unwrap(),
        inputs: load(&dir.join("inputs.safetensors")).unwrap(),
        outputs: load(&dir.join("outputs.safetensors")).unwrap(),
        grads: load(&dir.join("grads.safetensors")).unwrap(),
    }
}

fn host_f32(t: &Tensors, name: &str) -> HostTensor {
    let d = &t[name];
    let dims: Vec<i64> = d.shape.iter().map(|&x| x as i64).collect();
    HostTensor::from_slice(&dims, &d.to_f32()).unwrap()
}

fn host_i32(t: &Tensors, name: &str) -> HostTensor {
    let d = &t[name];
    let dims: Vec<i64> = d.shape.iter().map(|&x| x as i64).collect();
    let v: Vec<i32> = d.to_i64().unwrap().iter().map(|&x| x as i32).collect();
    HostTensor::from_slice(&dims, &v).unwrap()
}

fn assert_close(what: &str, got: &[f32], want: &[f32]) {
    assert_eq!(got.len(), want.len(), "{}: length", what);
    let (mut worst, mut at) = (0f32, 0);
    for (i, (a, b)) in got.iter().zip(want).enumerate() {
        let e = (a - b).abs();
        if e > worst || e.is_nan() {
            worst = e;
            at = i;
        }
    }
    assert!(worst <= TOL, "{}: max abs error {:.3e} at {} (bamboo {}, reference {})", what, worst, at, got[at], want[at]);
}

/// Traces `loss_and_outputs` over the model's parameters plus `inputs`, adds the gradients of
/// the loss w.r.t. the trainable parameters, compiles, runs on the fixture.
fn run_model<F>(
    specs: &[ParamSpec],
    f: &Fixture,
    inputs: &[(&str, HostTensor, DType)],
    ignore: &[&str],
    body: F,
) -> (Vec<HostTensor>, Vec<HostTensor>)
where
    F: FnOnce(&Params, &[Tensor]) -> Vec<Tensor>,
{
    let g = Graph::new("parity");
    let params = Params::declare(&g, specs, DType::F32);
    let xs: Vec<Tensor> = inputs.iter().map(|(n, h, d)| g.param(n, &h.dims, *d)).collect();
    let outs = body(&params, &xs);
    let trainable: Vec<Tensor> = specs.iter().filter(|s| s.trainable).map(|s| params.get(&s.name).unwrap().clone()).collect();
    let grads = grad(&outs[0], &trainable).unwrap();
    let n_out = outs.len();
    let all: Vec<Tensor> = outs.into_iter().chain(grads).collect();
    let func = Function::new(&g, &all).unwrap();
    let weights = host_params(specs, &f.weights, ignore, false).unwrap();
    let mut named: Vec<(&str, &HostTensor)> = specs.iter().map(|s| s.name.as_str()).zip(&weights).collect();
    named.extend(inputs.iter().map(|(n, h, _)| (*n, h)));
    let mut res = common::compile_run(&func, &named).into_vec().unwrap();
    let grads = res.split_off(n_out);
    (res, grads)
}

/// Gradients by public name against the fixture's.
fn check_grads(specs: &[ParamSpec], grads: &[HostTensor], want: &Tensors) {
    let trainable: Vec<ParamSpec> = specs.iter().filter(|s| s.trainable).cloned().collect();
    let got = to_checkpoint(&trainable, grads).unwrap();
    assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>(), "gradient names");
    for (name, g) in &got {
        assert_close(&format!("d loss / d {}", name), &g.to_f32(), &want[name].to_f32());
    }
}

fn layer(hidden: &HostTensor, l: usize) -> Vec<f32> {
    let v: Vec<f32> = hidden.to_vec().unwrap();
    let n = v.len() / hidden.dims[0] as usize;
    v[l * n..(l + 1) * n].to_vec()
}

fn check_vit(remat: Remat, unrolled: bool) {
    let f = fixture("vit");
    let ModelConfig::Vit(c) = f.config.clone() else { panic!("vit config") };
    let specs = vit::param_specs(&c);
    let inputs = [("pixel_values", host_f32(&f.inputs, "pixel_values"), DType::F32), ("labels", host_i32(&f.inputs, "labels"), DType::I32)];
    let o = StackOptions { remat, unrolled, keep_hidden: true };
    let (outs, grads) = run_model(&specs, &f, &inputs, &[], |p, x| {
        let r = vit::forward(&c, p, &x[0], &o).unwrap();
        let loss = r.logits.cross_entropy(&x[1]).unwrap();
        vec![loss, r.logits, r.hidden.unwrap()]
    });
    assert_close("vit loss", &outs[0].to_vec().unwrap(), &f.outputs["loss"].to_f32());
    assert_close("vit logits", &outs[1].to_vec().unwrap(), &f.outputs["logits"].to_f32());
    for l in 0..c.encoder.depth {
        let want = f.outputs[&format!("hidden_states.{}", l + 1)].to_f32();
        assert_close(&format!("vit block {} output", l), &layer(&outs[2], l), &want);
    }
    check_grads(&specs, &grads, &f.grads);
}

#[test]
fn vit_matches_timm() {
    check_vit(Remat::Save, false);
}

#[test]
fn vit_matches_timm_with_other_remat_policies_and_unrolled() {
    check_vit(Remat::Full, false);
    check_vit(Remat::Dots, false);
    check_vit(Remat::Save, true);
}

#[test]
fn mae_matches_hugging_face() {
    let f = fixture("mae");
    let ModelConfig::Mae(c) = f.config.clone() else { panic!("mae config") };
    let specs = mae::param_specs(&c);
    let inputs = [("pixel_values", host_f32(&f.inputs, "pixel_values"), DType::F32), ("noise", host_f32(&f.inputs, "noise"), DType::F32)];
    let o = StackOptions { keep_hidden: true, ..Default::default() };
    let (outs, grads) = run_model(&specs, &f, &inputs, &[], |p, x| {
        let r = mae::forward(&c, p, &x[0], &x[1], &o).unwrap();
        vec![r.loss, r.pred, r.mask, r.hidden.unwrap()]
    });
    assert_close("mae loss", &outs[0].to_vec().unwrap(), &f.outputs["loss"].to_f32());
    assert_close("mae pred", &outs[1].to_vec().unwrap(), &f.outputs["logits"].to_f32());
    assert_close("mae mask", &outs[2].to_vec().unwrap(), &f.outputs["mask"].to_f32());
    for l in 0..c.encoder.depth {
        let want = f.outputs[&format!("encoder.hidden_states.{}", l + 1)].to_f32();
        assert_close(&format!("mae encoder layer {} output", l), &layer(&outs[3], l), &want);
    }
    check_grads(&specs, &grads, &f.grads);
}

#[test]
fn bert_matches_hugging_face() {
    let f = fixture("bert");
    let ModelConfig::Bert(c) = f.config.clone() else { panic!("bert config") };
    let specs = bert::param_specs(&c);
    let inputs = [
        ("input_ids", host_i32(&f.inputs, "input_ids"), DType::I32),
        ("token_type_ids", host_i32(&f.inputs, "token_type_ids"), DType::I32),
        ("attention_mask", host_f32(&f.inputs, "attention_mask"), DType::F32),
        ("masked_lm_positions", host_i32(&f.inputs, "masked_lm_positions"), DType::I32),
        ("masked_lm_ids", host_i32(&f.inputs, "masked_lm_ids"), DType::I32),
        ("masked_lm_weights", host_f32(&f.inputs, "masked_lm_weights"), DType::F32),
        ("next_sentence_label", host_i32(&f.inputs, "next_sentence_label"), DType::I32),
    ];
    let o = StackOptions { keep_hidden: true, ..Default::default() };
    let (outs, grads) = run_model(&specs, &f, &inputs, &["cls.predictions.decoder.weight", "cls.predictions.decoder.bias"], |p, x| {
        let all = bert::forward(&c, p, &bert::BertInputs { tokens: tokens(&x[0], &x[2]), token_type_ids: &x[1], mlm_positions: None }, &o)
            .unwrap();
        let at =
            bert::forward(&c, p, &bert::BertInputs { tokens: tokens(&x[0], &x[2]), token_type_ids: &x[1], mlm_positions: Some(&x[3]) }, &o)
                .unwrap();
        let loss = bert::pretraining_loss(&at, &x[4], &x[5], &x[6]).unwrap();
        vec![loss, all.mlm_logits, at.mlm_logits, at.nsp_logits, all.hidden.unwrap()]
    });
    // The TF-style loss divides by sum(w) + 1e-5 where HF divides by sum(w): 1e-5 relative here.
    let loss: f32 = outs[0].to_scalar().unwrap();
    let want = f.outputs["loss"].to_f32()[0];
    assert!((loss - want).abs() < 1e-4 * want.abs().max(1.0), "bert loss {} vs {}", loss, want);
    assert_close("bert prediction logits", &outs[1].to_vec().unwrap(), &f.outputs["prediction_logits"].to_f32());
    assert_close("bert masked lm logits", &outs[2].to_vec().unwrap(), &f.outputs["masked_lm_logits"].to_f32());
    assert_close("bert nsp logits", &outs[3].to_vec().unwrap(), &f.outputs["seq_relationship_logits"].to_f32());
    for l in 0..c.encoder.depth {
        let want = f.outputs[&format!("hidden_states.{}", l + 1)].to_f32();
        assert_close(&format!("bert layer {} output", l), &layer(&outs[4], l), &want);
    }
    check_grads(&specs, &grads, &f.grads);
}

/// The GLUE model (`GlueClassify`, what `bamboo glue` trains) against Hugging Face's
/// `BertForSequenceClassification` on padded sentence pairs: loss, logits, pooled output, every
/// layer's output and the gradient of every parameter.
#[test]
fn bert_sequence_classification_matches_hugging_face() {
    let f = fixture("bert_cls");
    let ModelConfig::Bert(c) = f.config.clone() else { panic!("bert config") };
    let obj = GlueClassify { config: c.clone(), num_labels: c.num_labels };
    let specs = obj.param_specs();
    // The objective's own input order: ids, mask, segments, labels.
    let inputs = [
        ("input_ids", host_i32(&f.inputs, "input_ids"), DType::I32),
        ("attention_mask", host_f32(&f.inputs, "attention_mask"), DType::F32),
        ("token_type_ids", host_i32(&f.inputs, "token_type_ids"), DType::I32),
        ("labels", host_i32(&f.inputs, "labels"), DType::I32),
    ];
    let o = StackOptions { keep_hidden: true, ..Default::default() };
    let (outs, grads) = run_model(&specs, &f, &inputs, &[], |p, x| {
        let loss = obj.loss(p, x, &StackOptions::default()).unwrap().loss;
        let logits = obj.logits(p, x, &StackOptions::default()).unwrap();
        let bx = bert::BertInputs { tokens: tokens(&x[0], &x[1]), token_type_ids: &x[2], mlm_positions: None };
        let e = bert::encode(&c, p, &bx, &o).unwrap();
        vec![loss, logits, e.pooled, e.hidden.unwrap()]
    });
    assert_close("bert_cls loss", &outs[0].to_vec().unwrap(), &f.outputs["loss"].to_f32());
    assert_close("bert_cls logits", &outs[1].to_vec().unwrap(), &f.outputs["logits"].to_f32());
    assert_close("bert_cls pooled", &outs[2].to_vec().unwrap(), &f.outputs["pooled"].to_f32());
    for l in 0..c.encoder.depth {
        let want = f.outputs[&format!("hidden_states.{}", l + 1)].to_f32();
        assert_close(&format!("bert_cls layer {} output", l), &layer(&outs[3], l), &want);
    }
    check_grads(&specs, &grads, &f.grads);
}

/// Labels as Hugging Face takes them (-100: no loss) to targets and 0/1 weights.
fn labels_and_weights(t: &Tensors) -> (HostTensor, HostTensor) {
    let d = &t["labels"];
    let dims: Vec<i64> = d.shape.iter().map(|&x| x as i64).collect();
    let v = d.to_i64().unwrap();
    let targets: Vec<i32> = v.iter().map(|&x| x.max(0) as i32).collect();
    let weights: Vec<f32> = v.iter().map(|&x| (x != -100) as i32 as f32).collect();
    (HostTensor::from_slice(&dims, &targets).unwrap(), HostTensor::from_slice(&dims, &weights).unwrap())
}

fn check_opt(remat: Remat, unrolled: bool) {
    let f = fixture("opt");
    let ModelConfig::Opt(c) = f.config.clone() else { panic!("opt config") };
    let specs = opt::param_specs(&c);
    let (targets, weights) = labels_and_weights(&f.inputs);
    let inputs = [
        ("input_ids", host_i32(&f.inputs, "input_ids"), DType::I32),
        ("attention_mask", host_f32(&f.inputs, "attention_mask"), DType::F32),
        ("labels", targets, DType::I32),
        ("label_weights", weights, DType::F32),
    ];
    let o = StackOptions { remat, unrolled, keep_hidden: true };
    let (outs, grads) = run_model(&specs, &f, &inputs, &[opt::TIED_HEAD], |p, x| {
        let r = opt::forward(&c, p, &opt::OptInputs { input_ids: &x[0], attention_mask: Some(&x[1]), dropout_keys: None }, &o).unwrap();
        let loss = opt::next_token_loss(&r.logits, &x[2], Some(&x[3])).unwrap();
        vec![loss, r.logits, r.hidden.unwrap()]
    });
    assert_close("opt loss", &outs[0].to_vec().unwrap(), &f.outputs["loss"].to_f32());
    assert_close("opt logits", &outs[1].to_vec().unwrap(), &f.outputs["logits"].to_f32());
    for l in 0..c.decoder.depth {
        let want = f.outputs[&format!("hidden_states.{}", l + 1)].to_f32();
        assert_close(&format!("opt layer {} output", l), &layer(&outs[2], l), &want);
    }
    check_grads(&specs, &grads, &f.grads);
}

#[test]
fn opt_matches_hugging_face() {
    check_opt(Remat::Save, false);
}

#[test]
fn opt_matches_hugging_face_with_full_remat_and_unrolled() {
    check_opt(Remat::Full, false);
    check_opt(Remat::Save, true);
}

#[test]
fn vit_stochastic_depth_keeps_or_drops_branches() {
    let f = fixture("vit");
    let ModelConfig::Vit(c) = f.config.clone() else { panic!("vit config") };
    let specs = vit::param_specs(&c);
    let l = c.encoder.depth;
    // All branches kept with factor 1: the plain forward. Block 0's attention dropped for
    // example 0: that example changes, example 1 does not.
    let ones = vec![1f32; 2 * l * 2];
    let mut drop = ones.clone();
    drop[0] = 0.0;
    let keep = |v: &[f32]| HostTensor::from_slice(&[2, l as i64, 2], v).unwrap();
    let run = |k: HostTensor| -> Vec<f32> {
        let inputs = [("pixel_values", host_f32(&f.inputs, "pixel_values"), DType::F32), ("keep", k, DType::F32)];
        let (outs, _) = run_model(&specs, &f, &inputs, &[], |p, x| {
            let noise = bamboo::models::Noise { drop_path: Some(&x[1]), dropout_keys: None };
            let r = vit::forward_noisy(&c, p, &x[0], noise, &StackOptions::default()).unwrap();
            vec![r.logits.sum_all().unwrap(), r.logits]
        });
        outs[1].to_vec().unwrap()
    };
    let plain = run(keep(&ones));
    assert_close("logits with every branch kept", &plain, &f.outputs["logits"].to_f32());
    let dropped = run(keep(&drop));
    let k = c.num_classes;
    assert!(plain[..k].iter().zip(&dropped[..k]).any(|(a, b)| (a - b).abs() > 1e-3), "example 0 must change");
    assert_close("example 1 untouched", &dropped[k..], &plain[k..]);
}

fn clip_inputs(f: &Fixture) -> [(&'static str, HostTensor, DType); 3] {
    [
        ("pixel_values", host_f32(&f.inputs, "pixel_values"), DType::F32),
        ("input_ids", host_i32(&f.inputs, "input_ids"), DType::I32),
        ("attention_mask", host_f32(&f.inputs, "attention_mask"), DType::F32),
    ]
}

fn check_clip(remat: Remat, unrolled: bool) {
    let f = fixture("clip");
    let ModelConfig::Clip(c) = f.config.clone() else { panic!("clip config") };
    let specs = clip::param_specs(&c);
    let o = StackOptions { remat, unrolled, keep_hidden: true };
    let (outs, grads) = run_model(&specs, &f, &clip_inputs(&f), &[], |p, x| {
        let r = clip::forward(&c, p, &clip::ClipInputs { pixel_values: &x[0], input_ids: &x[1], attention_mask: Some(&x[2]) }, &o).unwrap();
        let loss = clip::contrastive_loss(&r.logits_per_text).unwrap();
        vec![
            loss,
            r.logits_per_image,
            r.logits_per_text,
            r.image_embeds,
            r.text_embeds,
            r.image.pooled,
            r.text.pooled,
            r.image.hidden.unwrap(),
            r.text.hidden.unwrap(),
        ]
    });
    let names = [
        "loss",
        "logits_per_image",
        "logits_per_text",
        "image_embeds",
        "text_embeds",
        "vision_model.pooler_output",
        "text_model.pooler_output",
    ];
    for (i, n) in names.iter().enumerate() {
        assert_close(&format!("clip {}", n), &outs[i].to_vec().unwrap(), &f.outputs[*n].to_f32());
    }
    for (tower, hidden, depth) in [("vision_model", &outs[7], c.vision.depth), ("text_model", &outs[8], c.text.depth)] {
        for l in 0..depth {
            let want = f.outputs[&format!("{}.hidden_states.{}", tower, l + 1)].to_f32();
            assert_close(&format!("clip {} layer {} output", tower, l), &layer(hidden, l), &want);
        }
    }
    check_grads(&specs, &grads, &f.grads);
}

#[test]
fn clip_matches_hugging_face() {
    check_clip(Remat::Save, false);
}

#[test]
fn clip_matches_hugging_face_with_full_remat_and_unrolled() {
    check_clip(Remat::Full, false);
    check_clip(Remat::Save, true);
}

#[test]
fn clip_text_pools_at_the_first_eos_token_when_one_is_configured() {
    // The fixture's ids hold 50 at other places than their largest id (twice in one row, not at
    // all in another): Hugging Face's pooled output with eos_token_id = 50 must be matched.
    let f = fixture("clip");
    let ModelConfig::Clip(mut c) = f.config.clone() else { panic!("clip config") };
    c.eos_token_id = Some(50);
    let specs = clip::param_specs(&c);
    let (outs, _) = run_model(&specs, &f, &clip_inputs(&f), &[], |p, x| {
        let t = clip::encode_text(&c, p, &x[1], Some(&x[2]), &StackOptions::default()).unwrap();
        vec![t.pooled.sum_all().unwrap(), t.pooled, clip::eos_positions(&c, &x[1]).unwrap()]
    });
    assert_eq!(outs[2].to_vec::<i32>().unwrap(), [3, 2, 1, 0]);
    assert_close("clip text pooled at eos 50", &outs[1].to_vec().unwrap(), &f.outputs["text_model.pooler_output_eos50"].to_f32());
}

/// Token ids and their padding mask, without dropout.
fn tokens<'a>(ids: &'a Tensor, mask: &'a Tensor) -> bamboo::models::Tokens<'a> {
    bamboo::models::Tokens { input_ids: ids, attention_mask: Some(mask), dropout_keys: None }
}
