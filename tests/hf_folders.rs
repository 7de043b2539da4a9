//! Hugging Face model folders as `save_pretrained` publishes them (`config.json` +
//! `model.safetensors`), written by transformers 4.57 and 5.x (tests/fixtures/hf4, hf5, made by
//! scripts/parity/make_hf_folders.py): `bamboo forward`, `finetune --from` and `analyze` read
//! them with no conversion, and the outputs match the transformers run that saved them to 1e-4.
//! HF settings bamboo does not implement are refused naming the field.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bamboo::checkpoint::{load, TensorData, Tensors};
use bamboo::config::ModelConfig;
use common::Scratch;

const TOL: f32 = 1e-4;

fn fixture(version: &str, model: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(version).join(model)
}

fn bamboo(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let root = env!("CARGO_MANIFEST_DIR");
    Command::new(env!("CARGO_BIN_EXE_bamboo"))
        .current_dir(root)
        .args(args.iter().map(|a| a.as_ref()))
        .env("TF_CPP_MIN_LOG_LEVEL", "2")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn succeeded(o: &Output) -> String {
    assert!(o.status.success(), "bamboo failed:\n{}", stderr(o));
    stderr(o)
}

/// The run failed before compiling and its message names every one of `needles`.
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

/// `bamboo forward --checkpoint FOLDER` on the folder's inputs: every output transformers
/// recorded is there and matches. Returns bamboo's outputs and its stderr.
fn forward_matches(version: &str, model: &str) -> (Tensors, String) {
    let dir = fixture(version, model);
    forward_run_matches(version, model, &[&"--checkpoint", &dir])
}

/// `bamboo forward` with the checkpoint arguments `ckpt` on the folder's inputs, as above.
fn forward_run_matches(version: &str, model: &str, ckpt: &[&dyn AsRef<std::ffi::OsStr>]) -> (Tensors, String) {
    let dir = fixture(version, model);
    let s = Scratch::new("hf", &format!("{version}-{model}"));
    let out = s.path("out.safetensors");
    let inputs = dir.join("inputs.safetensors");
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"forward", &"--inputs", &inputs, &"--out", &out];
    args.extend_from_slice(ckpt);
    let o = bamboo(&args);
    let e = succeeded(&o);
    let got = load(&out).unwrap();
    let want = load(&dir.join("outputs.safetensors")).unwrap();
    assert!(want.len() >= 3, "{version}/{model}: the reference holds {:?}", want.keys());
    for (name, w) in &want {
        let g = got.get(name).unwrap_or_else(|| panic!("{version}/{model}: output `{name}` missing; have {:?}", got.keys()));
        assert_close(&format!("{version}/{model} {name}"), g, w);
    }
    (got, e)
}

fn names_of(version: &str, model: &str) -> Vec<String> {
    load(&fixture(version, model).join("model.safetensors")).unwrap().into_keys().collect()
}

#[test]
fn vit_folders_match_transformers_4_and_5() {
    for v in ["hf4", "hf5"] {
        let (_, e) = forward_matches(v, "vit");
        assert!(e.contains("Hugging Face ViT names"), "{e}");
        let (got, e) = forward_matches(v, "vit_model");
        assert!(e.contains("ViTModel names"), "{e}");
        assert!(!got.contains_key("logits"), "a ViTModel has no classifier");
    }
    // The names tested are the ones each version writes: ViTModel's have no `vit.` prefix.
    assert!(names_of("hf4", "vit_model").iter().any(|n| n.starts_with("encoder.layer.0.attention.attention.query.")));
    assert!(names_of("hf5", "vit").iter().any(|n| n.starts_with("vit.encoder.layer.0.attention.attention.query.")));
    // transformers 5's in-memory names, as a state_dict saved directly holds them.
    assert!(names_of("hf5", "vit_memory").iter().any(|n| n.starts_with("vit.layers.0.attention.q_proj.")));
    let (_, e) = forward_matches("hf5", "vit_memory");
    assert!(e.contains("transformers 5.x in-memory names") || e.contains("Hugging Face ViT names"), "{e}");
}

#[test]
fn mae_folders_match_including_transformers_5s_decoder_names() {
    // The weights file and HF's config.json given apart, as --checkpoint and --config.
    let dir = fixture("hf4", "mae");
    let (file, config) = (dir.join("model.safetensors"), dir.join("config.json"));
    let (_, e) = forward_run_matches("hf4", "mae", &[&"--checkpoint", &file, &"--config", &config]);
    assert!(!e.contains("transformers 5.x"), "{e}");
    // transformers 5.x saves the decoder's layers under another name than it had in 4.x.
    assert!(names_of("hf5", "mae").iter().any(|n| n.starts_with("decoder.decoder_encoder.layer.0.")));
    assert!(names_of("hf4", "mae").iter().any(|n| n.starts_with("decoder.decoder_layers.0.")));
    let (_, e) = forward_matches("hf5", "mae");
    assert!(e.contains("decoder.decoder_encoder.layer"), "{e}");
}

#[test]
fn bert_opt_and_clip_folders_match_transformers_4_and_5() {
    for m in ["bert", "bert_cls", "opt", "clip"] {
        forward_matches("hf4", m);
        // transformers 5 writes these weights under the 4.x names, byte for byte, and computes
        // the same outputs; only config.json differs (fields added and dropped). So the 5.x
        // folder is the 4.x run's model if its config reads as the same one.
        let read = |v: &str, f: &str| std::fs::read(fixture(v, m).join(f)).unwrap();
        for f in ["model.safetensors", "outputs.safetensors"] {
            assert!(read("hf4", f) == read("hf5", f), "{m}/{f} differs between transformers 4 and 5");
        }
        assert_ne!(read("hf4", "config.json"), read("hf5", "config.json"), "{m}");
        let config = |v: &str| ModelConfig::from_file_text(&String::from_utf8(read(v, "config.json")).unwrap()).unwrap();
        assert_eq!(config("hf4"), config("hf5"), "{m}: the two config.json files read differently");
    }
}

/// The folder `version/model` copied into `s` with its config.json edited.
fn edited(s: &Scratch, version: &str, model: &str, edit: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let src = fixture(version, model);
    let dir = s.path(model);
    std::fs::create_dir_all(&dir).unwrap();
    for f in ["model.safetensors", "inputs.safetensors"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    let mut c: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(src.join("config.json")).unwrap()).unwrap();
    edit(&mut c);
    std::fs::write(dir.join("config.json"), serde_json::to_string_pretty(&c).unwrap()).unwrap();
    dir
}

fn forward_folder(dir: &Path, out: &Path) -> Output {
    bamboo(&[&"forward", &"--checkpoint", &dir, &"--inputs", &dir.join("inputs.safetensors"), &"--out", &out])
}

#[test]
fn hugging_face_settings_bamboo_does_not_implement_are_refused_by_field() {
    let s = Scratch::new("hf", "refused");
    let out = s.path("out.safetensors");
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(&str, &str, Edit, Vec<&str>)> = vec![
        ("hf4", "vit", Box::new(|c| c["hidden_act"] = "relu".into()), vec!["hidden_act", "relu", "gelu"]),
        (
            "hf5",
            "bert",
            Box::new(|c| c["position_embedding_type"] = "relative_key".into()),
            vec!["position_embedding_type", "relative_key"],
        ),
        ("hf4", "opt", Box::new(|c| c["word_embed_proj_dim"] = 4.into()), vec!["word_embed_proj_dim"]),
        ("hf4", "clip", Box::new(|c| c["vision_config"]["hidden_act"] = "gelu".into()), vec!["vision_config.hidden_act"]),
        ("hf4", "mae", Box::new(|c| c["hidden_dropout_prob"] = 0.1.into()), vec!["hidden_dropout_prob"]),
        ("hf5", "vit", Box::new(|c| c["use_mask_token"] = true.into()), vec!["use_mask_token", "does not implement"]),
        ("hf4", "vit", Box::new(|c| c["model_type"] = "swin".into()), vec!["model_type", "swin", "vit_mae"]),
    ];
    for (version, model, edit, needles) in cases {
        let dir = edited(&s, version, model, edit);
        let o = forward_folder(&dir, &out);
        failed_naming(&o, &needles);
        failed_naming(&o, &["config.json"]);
        assert!(!out.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
    // A folder with a config but without its weights names the missing file.
    let dir = edited(&s, "hf4", "vit", |_| {});
    std::fs::remove_file(dir.join("model.safetensors")).unwrap();
    failed_naming(&forward_folder(&dir, &out), &["model.safetensors"]);
}

#[test]
fn finetune_starts_from_a_vit_model_folder_and_analyze_reads_one() {
    let s = Scratch::new("hf", "finetune");
    let cfg = fixture("hf4", "vit").join("config.json");
    let run = s.path("ft");
    let o = bamboo(&[
        &"finetune",
        &"--config",
        &cfg,
        &"--from",
        &fixture("hf5", "vit_model"),
        &"--steps",
        &"1",
        &"--batch",
        &"8",
        &"--out",
        &run,
    ]);
    let e = succeeded(&o);
    assert!(e.contains("Hugging Face ViTModel names"), "{e}");
    let loaded: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(run.join("loaded_weights.json")).unwrap()).unwrap();
    let text = loaded.to_string();
    for n in ["blocks.1.attn.qkv.weight", "cls_token", "head.weight"] {
        assert!(text.contains(n), "loaded_weights.json does not list {n}: {text}");
    }

    let out = s.path("analysis");
    let o = bamboo(&[&"analyze", &"smoothing", &fixture("hf4", "vit_model"), &"--batches", &"1", &"--batch", &"8", &"--out", &out]);
    succeeded(&o);
    let csv = std::fs::read_to_string(out.join("smoothing.csv")).unwrap();
    assert!(csv.lines().count() >= 3, "{csv}");
}
