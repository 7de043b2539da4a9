//! `bamboo forward` end to end: the real binary, the real plugin, real files. A checkpoint and
//! its sidecar are written from the parity fixtures, the CLI runs them on the fixtures' inputs,
//! and its outputs must match the reference outputs to 1e-4. Bad input must fail naming the
//! field, tensor or flag (those runs stop before the plugin is loaded, so they are quick).

use std::collections::BTreeMap;
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bamboo::checkpoint::{load, save, save_checkpoint, Sidecar, TensorData, Tensors};
use bamboo::config::ModelConfig;
use common::Scratch;

const TOL: f32 = 1e-4;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn fixture_config(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(fixture(name).join("config.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).unwrap()["bamboo"].clone()
}

/// `dir/NAME.safetensors` + `dir/NAME.json` (the sidecar) from a fixture's weights and config.
fn checkpoint(s: &Scratch, name: &str, weights: &Tensors) -> PathBuf {
    let path = s.path(&format!("{}.safetensors", name));
    let cfg = ModelConfig::from_json(&fixture_config(name).to_string()).unwrap();
    save_checkpoint(&path, weights, &Sidecar::new(&cfg, 0)).unwrap();
    path
}

fn weights(name: &str) -> Tensors {
    load(&fixture(name).join("weights.safetensors")).unwrap()
}

fn bamboo(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bamboo")).args(args.iter().map(|a| a.as_ref())).env("TF_CPP_MIN_LOG_LEVEL", "2").output().unwrap()
}

/// `bamboo forward --checkpoint C --inputs I --out O` plus `extra` flags.
fn forward(ckpt: &Path, inputs: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut a: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"forward", &"--checkpoint", &ckpt, &"--inputs", &inputs, &"--out", &out];
    a.extend(extra.iter().map(|e| e as &dyn AsRef<std::ffi::OsStr>));
    bamboo(&a)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn succeeded(o: &Output) {
    assert!(o.status.success(), "bamboo forward failed:\n{}", stderr(o));
}

/// The run failed and its message names every one of `needles`.
fn failed_naming(o: &Output, needles: &[&str]) {
    let e = stderr(o);
    assert!(!o.status.success(), "expected a failure, got success:\n{}", e);
    for n in needles {
        assert!(e.contains(n), "error does not mention {:?}:\n{}", n, e);
    }
}

fn assert_close(what: &str, got: &TensorData, want: &TensorData) {
    assert_eq!(got.shape, want.shape, "{}: shape", what);
    let (g, w) = (got.to_f32(), want.to_f32());
    let worst = g.iter().zip(&w).map(|(a, b)| (a - b).abs()).fold(0f32, |m, e| if e.is_nan() { f32::INFINITY } else { m.max(e) });
    assert!(worst <= TOL, "{}: max abs error {:.3e}", what, worst);
}

/// Every name in `names` is in `out` and matches the fixture's output of the same name.
fn matches_fixture(out: &Path, fixture_name: &str, names: &[&str]) -> Tensors {
    let got = load(out).unwrap();
    let want = load(&fixture(fixture_name).join("outputs.safetensors")).unwrap();
    for n in names {
        let g = got.get(*n).unwrap_or_else(|| panic!("output `{}` missing; have {:?}", n, got.keys().collect::<Vec<_>>()));
        assert_close(&format!("{} {}", fixture_name, n), g, &want[*n]);
    }
    got
}

fn save_inputs(path: &Path, t: Tensors) -> PathBuf {
    save(path, &t, &BTreeMap::new()).unwrap();
    path.to_path_buf()
}

fn inputs(name: &str) -> Tensors {
    load(&fixture(name).join("inputs.safetensors")).unwrap()
}

/// A version-1 .npy file of little-endian f32, as `np.save` writes it.
fn write_npy_f32(path: &Path, shape: &[usize], values: &[f32]) {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    let mut h = format!("{{'descr': '<f4', 'fortran_order': False, 'shape': ({},), }}", dims.join(", "));
    while (h.len() + 11) % 64 != 0 {
        h.push(' ');
    }
    h.push('\n');
    let mut b = b"\x93NUMPY\x01\x00".to_vec();
    b.extend((h.len() as u16).to_le_bytes());
    b.extend(h.as_bytes());
    b.extend(values.iter().flat_map(|v| v.to_le_bytes()));
    std::fs::write(path, b).unwrap();
}

#[test]
fn vit_outputs_match_timm() {
    let s = Scratch::new("forward", "vit");
    let ckpt = checkpoint(&s, "vit", &weights("vit"));
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &fixture("vit").join("inputs.safetensors"), &out, &[]));
    let names = ["hidden_states.0", "hidden_states.1", "hidden_states.2", "logits", "loss"];
    let got = matches_fixture(&out, "vit", &names);
    assert_eq!(got.keys().collect::<Vec<_>>(), names);
}

/// `--grads` writes d loss / d parameter under `grad.<public name>`, every trainable parameter.
fn grads_match_fixture(out: &Path, fixture_name: &str) {
    let got = load(out).unwrap();
    let want = load(&fixture(fixture_name).join("grads.safetensors")).unwrap();
    let names: Vec<String> = got.keys().filter_map(|k| k.strip_prefix("grad.")).map(String::from).collect();
    assert_eq!(names, want.keys().cloned().collect::<Vec<_>>(), "gradient names");
    for (n, w) in &want {
        assert_close(&format!("{} d loss / d {}", fixture_name, n), &got[&format!("grad.{n}")], w);
    }
}

#[test]
fn vit_and_bert_gradients_match_the_references() {
    let s = Scratch::new("forward", "grads");
    for name in ["vit", "bert"] {
        let ckpt = checkpoint(&s, name, &weights(name));
        let out = s.path(&format!("{name}-out.safetensors"));
        succeeded(&forward(&ckpt, &fixture(name).join("inputs.safetensors"), &out, &["--grads"]));
        matches_fixture(&out, name, &["loss", "hidden_states.0"]);
        grads_match_fixture(&out, name);
    }
    // No labels, no loss: --grads says what the loss needs.
    let ckpt = checkpoint(&s, "vit", &weights("vit"));
    let mut t = inputs("vit");
    t.remove("labels");
    let inp = save_inputs(&s.path("no-labels.safetensors"), t);
    failed_naming(&forward(&ckpt, &inp, &s.path("o.safetensors"), &["--grads"]), &["--grads", "`labels`"]);
}

#[test]
fn vit_streamed_layer_by_layer_matches_the_whole_model() {
    let s = Scratch::new("forward", "vit-stream");
    let ckpt = checkpoint(&s, "vit", &weights("vit"));
    let (whole, streamed) = (s.path("whole.safetensors"), s.path("streamed.safetensors"));
    succeeded(&forward(&ckpt, &fixture("vit").join("inputs.safetensors"), &whole, &[]));
    let o = forward(&ckpt, &fixture("vit").join("inputs.safetensors"), &streamed, &["--stream-layers"]);
    succeeded(&o);
    assert!(stderr(&o).contains("weights on the device at most"), "{}", stderr(&o));
    let (mut a, b) = (load(&whole).unwrap(), load(&streamed).unwrap());
    a.remove("loss"); // streamed runs write no loss
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, t) in &a {
        let worst = t.to_f32().iter().zip(b[name].to_f32()).map(|(x, y)| (x - y).abs()).fold(0f32, f32::max);
        assert!(worst < 1e-5, "{}: streamed differs by {}", name, worst);
    }
    matches_fixture(&streamed, "vit", &["logits"]);
}

#[test]
fn streaming_refuses_what_it_cannot_run() {
    let s = Scratch::new("forward", "bert-stream");
    let ckpt = checkpoint(&s, "bert", &weights("bert"));
    failed_naming(
        &forward(&ckpt, &fixture("bert").join("inputs.safetensors"), &s.path("o.safetensors"), &["--stream-layers"]),
        &["--stream-layers runs ViT checkpoints"],
    );
}

#[test]
fn vit_reads_pixels_from_npy() {
    let s = Scratch::new("forward", "npy");
    let ckpt = checkpoint(&s, "vit", &weights("vit"));
    let px = &inputs("vit")["pixel_values"];
    let npy = s.path("pixels.npy");
    write_npy_f32(&npy, &px.shape, &px.to_f32());
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &npy, &out, &[]));
    matches_fixture(&out, "vit", &["logits", "hidden_states.2"]);
}

#[test]
fn mae_outputs_match_hugging_face_with_given_noise() {
    let s = Scratch::new("forward", "mae");
    let ckpt = checkpoint(&s, "mae", &weights("mae"));
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &fixture("mae").join("inputs.safetensors"), &out, &[]));
    let got = matches_fixture(
        &out,
        "mae",
        &["loss", "logits", "mask", "encoder.hidden_states.0", "encoder.hidden_states.1", "encoder.hidden_states.2"],
    );
    assert_eq!(got["noise"], inputs("mae")["noise"], "the noise used is written back as given");
}

/// Masks 12 of 16 patches per image: exactly those whose noise ranks 4th or later.
/// The Hugging Face fixture renamed to the official MAE repository's keys (`models_mae.py`),
/// written out here from that file's module names, independently of bamboo's own mapping.
fn to_official_mae_names(hf: &Tensors) -> Tensors {
    let mut out = Tensors::new();
    for (name, t) in hf {
        let renamed = match name.as_str() {
            "vit.embeddings.cls_token" => "cls_token".to_string(),
            "vit.embeddings.position_embeddings" => "pos_embed".to_string(),
            "vit.embeddings.patch_embeddings.projection.weight" => "patch_embed.proj.weight".to_string(),
            "vit.embeddings.patch_embeddings.projection.bias" => "patch_embed.proj.bias".to_string(),
            "vit.layernorm.weight" => "norm.weight".to_string(),
            "vit.layernorm.bias" => "norm.bias".to_string(),
            n if n.starts_with("decoder.") && !n.starts_with("decoder.decoder_layers.") => n["decoder.".len()..].to_string(),
            n => {
                let (prefix, rest) = match n.strip_prefix("vit.encoder.layer.") {
                    Some(r) => ("blocks.", r),
                    None => ("decoder_blocks.", n.strip_prefix("decoder.decoder_layers.").expect(n)),
                };
                let (layer, param) = rest.split_once('.').unwrap();
                if param.starts_with("attention.attention.") {
                    continue; // fused below
                }
                let param = param
                    .replace("layernorm_before", "norm1")
                    .replace("layernorm_after", "norm2")
                    .replace("attention.output.dense", "attn.proj")
                    .replace("intermediate.dense", "mlp.fc1")
                    .replace("output.dense", "mlp.fc2");
                format!("{}{}.{}", prefix, layer, param)
            }
        };
        out.insert(renamed, t.clone());
    }
    // timm's fused qkv: the query, key and value rows stacked in that order.
    for (hf_prefix, prefix) in [("vit.encoder.layer.", "blocks."), ("decoder.decoder_layers.", "decoder_blocks.")] {
        for l in 0.. {
            let q = format!("{}{}.attention.attention.query.weight", hf_prefix, l);
            if !hf.contains_key(&q) {
                break;
            }
            for wb in ["weight", "bias"] {
                let parts: Vec<&TensorData> = ["query", "key", "value"]
                    .iter()
                    .map(|k| &hf[&format!("{}{}.attention.attention.{}.{}", hf_prefix, l, k, wb)])
                    .collect();
                let mut shape = parts[0].shape.clone();
                shape[0] *= 3;
                let data = parts.iter().flat_map(|p| p.data.clone()).collect();
                out.insert(format!("{}{}.attn.qkv.{}", prefix, l, wb), TensorData::new(parts[0].dtype, shape, data).unwrap());
            }
        }
    }
    out
}

#[test]
fn mae_reads_the_official_mae_names() {
    let s = Scratch::new("forward", "mae-official");
    let official = to_official_mae_names(&weights("mae"));
    assert!(official.contains_key("blocks.0.attn.qkv.weight") && official.contains_key("decoder_pred.weight"));
    assert_eq!(official.len() + 4 * official.keys().filter(|k| k.ends_with("attn.qkv.weight")).count(), weights("mae").len());
    let ckpt = checkpoint(&s, "mae", &official);
    let out = s.path("out.safetensors");
    let o = forward(&ckpt, &fixture("mae").join("inputs.safetensors"), &out, &[]);
    succeeded(&o);
    assert!(stderr(&o).contains("official MAE names"), "{}", stderr(&o));
    matches_fixture(&out, "mae", &["loss", "logits", "mask", "encoder.hidden_states.1"]);
}

fn check_mask_follows_noise(got: &Tensors) {
    let (noise, mask) = (got["noise"].to_f32(), got["mask"].to_f32());
    assert_eq!(got["noise"].shape, vec![2, 16]);
    for b in 0..2 {
        let row = &noise[b * 16..(b + 1) * 16];
        assert!(row.iter().all(|x| (0.0..1.0).contains(x)), "noise {:?}", row);
        for i in 0..16 {
            let rank = row.iter().filter(|&&x| x < row[i]).count();
            assert_eq!(mask[b * 16 + i], (rank >= 4) as i32 as f32, "image {} patch {}", b, i);
        }
    }
}

#[test]
fn mae_draws_noise_from_the_seed_when_none_is_given() {
    let s = Scratch::new("forward", "mae-seed");
    let ckpt = checkpoint(&s, "mae", &weights("mae"));
    let pixels = Tensors::from([("pixel_values".to_string(), inputs("mae")["pixel_values"].clone())]);
    let inp = save_inputs(&s.path("pixels.safetensors"), pixels);
    let (a, b) = (s.path("a.safetensors"), s.path("b.safetensors"));
    succeeded(&forward(&ckpt, &inp, &a, &["--seed", "1"]));
    succeeded(&forward(&ckpt, &inp, &b, &["--seed", "2"]));
    let (a, b) = (load(&a).unwrap(), load(&b).unwrap());
    check_mask_follows_noise(&a);
    check_mask_follows_noise(&b);
    assert_ne!(a["noise"], b["noise"], "different seeds, different masks");
    assert!(a["loss"].to_f32()[0].is_finite());
}

#[test]
fn bert_outputs_match_hugging_face_with_int64_inputs() {
    let s = Scratch::new("forward", "bert");
    let ckpt = checkpoint(&s, "bert", &weights("bert"));
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &fixture("bert").join("inputs.safetensors"), &out, &[]));
    let names = [
        "prediction_logits",
        "seq_relationship_logits",
        "masked_lm_logits",
        "loss",
        "hidden_states.0",
        "hidden_states.1",
        "hidden_states.2",
    ];
    matches_fixture(&out, "bert", &names);
}

#[test]
fn clip_outputs_match_hugging_face() {
    let s = Scratch::new("forward", "clip");
    let ckpt = checkpoint(&s, "clip", &weights("clip"));
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &fixture("clip").join("inputs.safetensors"), &out, &[]));
    let names = [
        "loss",
        "logits_per_image",
        "logits_per_text",
        "image_embeds",
        "text_embeds",
        "vision_model.pooler_output",
        "text_model.pooler_output",
        "vision_model.hidden_states.0",
        "text_model.hidden_states.0",
        "vision_model.hidden_states.1",
        "vision_model.hidden_states.2",
        "vision_model.hidden_states.3",
        "text_model.hidden_states.1",
        "text_model.hidden_states.2",
    ];
    let got = matches_fixture(&out, "clip", &names);
    assert_eq!(got.len(), names.len(), "{:?}", got.keys().collect::<Vec<_>>());

    // Captions without the image batch's size: no loss, the rest as before for those rows.
    let mut t = inputs("clip");
    let ids = t["input_ids"].to_i64().unwrap();
    t.insert("input_ids".into(), TensorData::from_i64(&[1, 10], &ids[..10]));
    t.remove("attention_mask");
    let one = s.path("one.safetensors");
    succeeded(&forward(&ckpt, &save_inputs(&s.path("one-in.safetensors"), t), &one, &[]));
    let got = load(&one).unwrap();
    assert!(!got.contains_key("loss"));
    assert_eq!(got["logits_per_image"].shape, [4, 1]);
    assert_close(
        "clip text 0 without a mask",
        &got["text_embeds"],
        &TensorData::from_f32(&[1, 24], &load(&fixture("clip").join("outputs.safetensors")).unwrap()["text_embeds"].to_f32()[..24]),
    );
}

#[test]
fn clip_takes_a_file_with_the_old_position_ids_buffers() {
    let s = Scratch::new("forward", "clip-ids");
    let mut w = weights("clip");
    w.insert("text_model.embeddings.position_ids".into(), TensorData::from_i64(&[1, 16], &(0..16).collect::<Vec<i64>>()));
    w.insert("vision_model.embeddings.position_ids".into(), TensorData::from_i64(&[1, 17], &(0..17).collect::<Vec<i64>>()));
    let ckpt = checkpoint(&s, "clip", &w);
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &fixture("clip").join("inputs.safetensors"), &out, &[]));
    matches_fixture(&out, "clip", &["logits_per_image"]);
}

#[test]
fn clip_needs_its_captions() {
    let s = Scratch::new("forward", "clip-bad");
    let ckpt = checkpoint(&s, "clip", &weights("clip"));
    let mut t = inputs("clip");
    t.remove("input_ids");
    let o = forward(&ckpt, &save_inputs(&s.path("in.safetensors"), t), &s.path("o.safetensors"), &[]);
    failed_naming(&o, &["input `input_ids` is missing", "pixel_values"]);
}

#[test]
fn bert_takes_int32_inputs_and_a_checkpoint_with_the_tied_decoder_copy() {
    let s = Scratch::new("forward", "bert-i32");
    let mut w = weights("bert");
    w.insert("cls.predictions.decoder.weight".into(), w["bert.embeddings.word_embeddings.weight"].clone());
    let ckpt = checkpoint(&s, "bert", &w);
    let all = inputs("bert");
    let i32s: Tensors = ["input_ids", "token_type_ids", "attention_mask"]
        .iter()
        .map(|n| {
            let v: Vec<i32> = all[*n].to_i64().unwrap().iter().map(|&x| x as i32).collect();
            (n.to_string(), TensorData::from_i32(&all[*n].shape, &v))
        })
        .collect();
    let inp = save_inputs(&s.path("in.safetensors"), i32s);
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &inp, &out, &[]));
    let got = matches_fixture(&out, "bert", &["prediction_logits", "seq_relationship_logits", "hidden_states.2"]);
    assert!(!got.contains_key("masked_lm_logits"), "no positions, no gathered logits");
}

#[test]
fn opt_logits_loss_and_layers_match_hugging_face() {
    let s = Scratch::new("forward", "opt");
    let ckpt = checkpoint(&s, "opt", &weights("opt"));
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &fixture("opt").join("inputs.safetensors"), &out, &[]));
    matches_fixture(&out, "opt", &["loss", "logits", "hidden_states.0", "hidden_states.1", "hidden_states.2", "hidden_states.3"]);
}

#[test]
fn opt_reads_the_tied_head_copy_and_needs_no_labels() {
    let s = Scratch::new("forward", "opt-tied");
    let mut w = weights("opt");
    w.insert("lm_head.weight".into(), w["model.decoder.embed_tokens.weight"].clone());
    let ckpt = checkpoint(&s, "opt", &w);
    let all = inputs("opt");
    let inp =
        save_inputs(&s.path("in.safetensors"), ["input_ids", "attention_mask"].iter().map(|n| (n.to_string(), all[*n].clone())).collect());
    let out = s.path("out.safetensors");
    succeeded(&forward(&ckpt, &inp, &out, &[]));
    let got = matches_fixture(&out, "opt", &["logits", "hidden_states.3"]);
    assert!(!got.contains_key("loss"), "no labels, no loss");
    let mut bad = inputs("opt");
    bad.insert("labels".into(), TensorData::from_i32(&[3, 12], &[500; 36]));
    let inp = save_inputs(&s.path("bad.safetensors"), bad);
    failed_naming(&forward(&ckpt, &inp, &s.path("o2.safetensors"), &[]), &["input `labels`: value 500", "vocab_size"]);
}

#[test]
fn partial_load_lists_what_was_left_out() {
    let s = Scratch::new("forward", "partial");
    let mut w = weights("vit");
    w.remove("head.weight");
    w.remove("head.bias");
    w.insert("decoder.extra".into(), TensorData::from_f32(&[2], &[1.0, 2.0]));
    let ckpt = checkpoint(&s, "vit", &w);
    let inp = fixture("vit").join("inputs.safetensors");
    let out = s.path("out.safetensors");
    failed_naming(&forward(&ckpt, &inp, &out, &[]), &["missing `head.weight`", "missing `head.bias`", "unexpected `decoder.extra`"]);
    assert!(!out.exists(), "nothing written on failure");

    let o = forward(&ckpt, &inp, &out, &["--partial"]);
    succeeded(&o);
    let e = stderr(&o);
    for n in [
        "left out 3 tensor(s)",
        "missing `head.weight`: initialized",
        "missing `head.bias`: initialized",
        "unexpected `decoder.extra`: ignored",
    ] {
        assert!(e.contains(n), "partial-load report lacks {:?}:\n{}", n, e);
    }
    // The loaded blocks were used: their outputs are the reference's, whatever the new head does.
    let got = matches_fixture(&out, "vit", &["hidden_states.1", "hidden_states.2"]);
    assert!(got["logits"].to_f32().iter().all(|x| x.is_finite()));
}

/// A ViT config JSON file with `edit` applied.
fn vit_config_file(s: &Scratch, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let mut c = fixture_config("vit");
    edit(&mut c);
    let p = s.path(name);
    std::fs::write(&p, c.to_string()).unwrap();
    p
}

#[test]
fn invalid_configs_are_named_by_field() {
    let s = Scratch::new("forward", "config");
    let w = weights("vit");
    let plain = s.path("plain.safetensors");
    save(&plain, &w, &BTreeMap::new()).unwrap();
    let inp = fixture("vit").join("inputs.safetensors");
    let out = s.path("out.safetensors");

    let heads = vit_config_file(&s, "heads.json", |c| c["encoder"]["heads"] = 5.into());
    let o = bamboo(&[&"forward", &"--checkpoint", &plain, &"--config", &heads, &"--inputs", &inp, &"--out", &out]);
    failed_naming(&o, &["--config", "encoder.width", "not divisible by encoder.heads = 5"]);

    let patch = vit_config_file(&s, "patch.json", |c| c["image_size"] = 30.into());
    let o = bamboo(&[&"forward", &"--checkpoint", &plain, &"--config", &patch, &"--inputs", &inp, &"--out", &out]);
    failed_naming(&o, &["image_size", "30 is not divisible by patch_size = 8"]);

    // The same mistake in a checkpoint's sidecar names the sidecar and the field.
    let mut bad = fixture_config("vit");
    bad["encoder"]["heads"] = 5.into();
    std::fs::write(s.path("plain.json"), serde_json::json!({"config": bad, "step": 0}).to_string()).unwrap();
    failed_naming(&forward(&plain, &inp, &out, &[]), &["plain.json", "encoder.width"]);

    std::fs::remove_file(s.path("plain.json")).unwrap();
    failed_naming(&forward(&plain, &inp, &out, &[]), &["no config", "--config", "plain.json"]);
}

#[test]
fn a_checkpoint_of_another_architecture_is_refused_by_name() {
    let s = Scratch::new("forward", "arch");
    let bert_plain = s.path("bert.safetensors");
    save(&bert_plain, &weights("bert"), &BTreeMap::new()).unwrap();
    let vit_cfg = vit_config_file(&s, "vit-config.json", |_| {});
    let inp = fixture("vit").join("inputs.safetensors");
    let out = s.path("out.safetensors");
    let o = bamboo(&[&"forward", &"--checkpoint", &bert_plain, &"--config", &vit_cfg, &"--inputs", &inp, &"--out", &out]);
    failed_naming(
        &o,
        &[
            "another architecture",
            "missing `cls_token`",
            "missing `blocks.1.attn.qkv.weight`",
            "unexpected `bert.embeddings.word_embeddings.weight`",
            "unexpected `bert.encoder.layer.1.output.dense.bias`",
        ],
    );

    let partial: [&dyn AsRef<std::ffi::OsStr>; 10] =
        [&"forward", &"--checkpoint", &bert_plain, &"--config", &vit_cfg, &"--inputs", &inp, &"--out", &out, &"--partial"];
    failed_naming(&bamboo(&partial), &["another architecture"]);

    // With the BERT checkpoint's sidecar beside it, the kinds disagree before any tensor is read.
    let bert_ckpt = checkpoint(&s, "bert", &weights("bert"));
    let o = bamboo(&[&"forward", &"--checkpoint", &bert_ckpt, &"--config", &vit_cfg, &"--inputs", &inp, &"--out", &out]);
    failed_naming(&o, &["config.model is `bert`", "expected `vit`"]);
}

#[test]
fn inputs_of_the_wrong_shape_or_dtype_are_named() {
    let s = Scratch::new("forward", "inputs");
    let vit = checkpoint(&s, "vit", &weights("vit"));
    let out = s.path("out.safetensors");
    let run = |ckpt: &Path, name: &str, t: Tensors| forward(ckpt, &save_inputs(&s.path(name), t), &out, &[]);
    let one = |n: &str, t: TensorData| Tensors::from([(n.to_string(), t)]);

    let small = TensorData::from_f32(&[2, 3, 16, 16], &vec![0.0; 2 * 3 * 16 * 16]);
    failed_naming(
        &run(&vit, "a.safetensors", one("pixel_values", small)),
        &["input `pixel_values`: shape [2, 3, 16, 16], expected [B, 3, 32, 32]"],
    );
    let ints = TensorData::from_i64(&[1, 3, 32, 32], &vec![0; 3 * 32 * 32]);
    failed_naming(&run(&vit, "b.safetensors", one("pixel_values", ints)), &["input `pixel_values`: dtype I64, expected F32"]);
    let wrong_name = TensorData::from_f32(&[1, 3, 32, 32], &vec![0.0; 3 * 32 * 32]);
    failed_naming(&run(&vit, "c.safetensors", one("images", wrong_name)), &["input `pixel_values` is missing", "images"]);

    let mae = checkpoint(&s, "mae", &weights("mae"));
    let mut t = inputs("mae");
    t.insert("noise".into(), TensorData::from_f32(&[2, 15], &[0.5; 30]));
    failed_naming(&run(&mae, "d.safetensors", t), &["input `noise`: shape [2, 15], expected [2, 16]"]);

    let bert = checkpoint(&s, "bert", &weights("bert"));
    let ids = TensorData::from_f32(&[1, 4], &[1.0, 2.0, 3.0, 4.0]);
    failed_naming(&run(&bert, "e.safetensors", one("input_ids", ids)), &["input `input_ids`: dtype F32, expected I32 or I64"]);
    let big = TensorData::from_i64(&[1, 4], &[1, 2, 500, 4]);
    failed_naming(&run(&bert, "f.safetensors", one("input_ids", big)), &["input `input_ids`: value 500", "vocab_size"]);
    let mut t = inputs("bert");
    t.insert("token_type_ids".into(), TensorData::from_i64(&[3, 15], &[0; 45]));
    failed_naming(&run(&bert, "g.safetensors", t), &["input `token_type_ids`: shape [3, 15], expected [3, 16]"]);
    assert!(!out.exists());
}

#[test]
fn a_broken_npy_file_is_named() {
    let s = Scratch::new("forward", "npy-bad");
    let vit = checkpoint(&s, "vit", &weights("vit"));
    let npy = s.path("x.npy");
    std::fs::write(&npy, b"not a numpy file").unwrap();
    failed_naming(&forward(&vit, &npy, &s.path("o.safetensors"), &[]), &["--inputs", "x.npy", "magic"]);
}
