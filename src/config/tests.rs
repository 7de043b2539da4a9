//! The counts against known totals, and the paper's ratios to one decimal.

use super::*;

fn ratio(a: &str, b: &str) -> String {
    let f = |n: &str| preset(n).unwrap().flops().encoder as f64;
    format!("{:.1}", f(a) / f(b))
}

#[test]
fn block_flops_follow_the_closed_form() {
    let s = Stack::new(3, 96, 3);
    let (n, d) = (50u64, 96u64);
    assert_eq!(s.flops(50), 3 * (24 * n * d * d + 4 * n * n * d));
}

#[test]
fn vit_b_has_timms_parameter_count() {
    // timm vit_base_patch16_224: 86,567,656 parameters.
    assert_eq!(preset("vit-b").unwrap().params().total(), 86_567_656);
}

#[test]
fn bert_base_has_hf_pretraining_parameter_count() {
    // BertModel (bert-base-uncased) 109,482,240 + MLM transform, bias and NSP = 110,106,428.
    assert_eq!(preset("bert-base").unwrap().params().total(), 110_106_428);
}

#[test]
fn mae_counts_visible_tokens() {
    let ModelConfig::Mae(m) = preset("mae-vit-b").unwrap() else { panic!() };
    assert_eq!(m.visible_patches(), 49);
    assert_eq!(m.flops().encoder, m.encoder.flops(50));
    let ModelConfig::Mae(h) = preset("mae-vit-h").unwrap() else { panic!() };
    assert_eq!(h.visible_patches(), 64);
}

#[test]
fn table1_base_ratios() {
    let r: Vec<String> = ["base-12x768", "base-24x512", "base-48x384", "base-96x256"]
        .iter()
        .map(|n| ratio(&format!("mae-{n}"), "mae-base-12x768"))
        .collect();
    assert_eq!(r, ["1.0", "0.9", "1.0", "0.9"]);
}

#[test]
fn table1_large_ratios() {
    let r: Vec<String> = ["large-24x1024", "large-48x768", "large-60x640", "large-96x512"]
        .iter()
        .map(|n| ratio(&format!("mae-{n}"), "mae-large-24x1024"))
        .collect();
    assert_eq!(r, ["1.0", "1.1", "1.0", "1.0"]);
}

#[test]
fn table2_ratios() {
    assert_eq!(ratio("mae-bamboo-b", "mae-vit-b"), "1.0");
    assert_eq!(ratio("mae-bamboo-l", "mae-vit-l"), "1.1");
    assert_eq!(ratio("mae-bamboo-h", "mae-vit-h"), "1.0");
}

#[test]
fn facts_two_decimal_ratios() {
    let two = |a: &str, b: &str| {
        let f = |n: &str| preset(n).unwrap().flops().encoder as f64;
        format!("{:.2}", f(a) / f(b))
    };
    assert_eq!(two("mae-base-24x512", "mae-base-12x768"), "0.89");
    assert_eq!(two("mae-base-48x384", "mae-base-12x768"), "1.01");
    assert_eq!(two("mae-base-96x256", "mae-base-12x768"), "0.91");
    assert_eq!(two("mae-large-48x768", "mae-large-24x1024"), "1.13");
    assert_eq!(two("mae-large-60x640", "mae-large-24x1024"), "0.98");
    assert_eq!(two("mae-large-96x512", "mae-large-24x1024"), "1.01");
    assert_eq!(two("mae-bamboo-h", "mae-vit-h"), "0.98");
}

#[test]
fn deeper_narrower_small_scales_stay_close() {
    for (a, b) in [
        ("bamboo-s28", "vit-s28"),
        ("bamboo-t28", "vit-t28"),
        ("bamboo-n28", "vit-n28"),
        ("mae-bamboo-n28", "mae-vit-n28"),
        ("mae-bamboo-s28", "mae-vit-s28"),
        ("bert-mini-deep", "bert-mini"),
    ] {
        let f = |n: &str| preset(n).unwrap().flops().encoder as f64;
        let r = f(a) / f(b);
        assert!((0.9..1.3).contains(&r), "{a}/{b} = {r}");
    }
}

#[test]
fn training_is_three_forwards() {
    let f = preset("mae-vit-b").unwrap().flops();
    assert_eq!(f.train(), 3 * f.forward());
}

#[test]
fn solver_reproduces_the_paper_widths() {
    let w = |like: &str, depth| {
        let s = solve(&preset(like).unwrap(), depth, 64).unwrap();
        (s.stack.width, s.stack.heads)
    };
    assert_eq!(w("base", 24), (512, 8));
    assert_eq!(w("base", 48), (384, 6));
    assert_eq!(w("base", 96), (256, 4));
    assert_eq!(w("large", 60), (640, 10));
    assert_eq!(w("large", 96), (512, 8));
    assert_eq!(w("huge", 64), (896, 14));
    assert_eq!(w("bert-base", 48), (384, 6));
    assert_eq!(w("base", 12), (768, 12));
}

#[test]
fn every_preset_validates() {
    for p in presets() {
        p.config.validate().unwrap_or_else(|e| panic!("{}: {e}", p.name));
    }
}

#[test]
fn clip_presets_have_hf_parameter_counts() {
    // CLIPModel over the openai/clip-vit-* shapes (counted with transformers 4.57).
    assert_eq!(preset("clip-vit-b32").unwrap().params().total(), 151_277_313);
    assert_eq!(preset("clip-vit-b16").unwrap().params().total(), 149_620_737);
    assert_eq!(preset("clip-vit-l14").unwrap().params().total(), 427_616_513);
}

#[test]
fn an_unknown_architecture_lists_the_known_ones() {
    let e = ModelConfig::from_json(r#"{"model": "opt-ish"}"#).unwrap_err().to_string();
    assert!(e.contains("unknown model `opt-ish` (known: vit, mae, bert, clip, opt)"), "{e}");
    let e = ModelConfig::from_json(r#"{"model": "vti"}"#).unwrap_err().to_string();
    assert!(e.contains("did you mean `vit`?"), "{e}");
}

#[test]
fn typos_are_matched_to_the_nearest_known_name() {
    use super::strict::{edit_distance, nearest};
    assert_eq!(edit_distance("dpeth", "depth"), 1);
    assert_eq!(edit_distance("gpt2", "opt"), 2);
    assert_eq!(edit_distance("mask_rato", "mask_ratio"), 1);
    let known: Vec<String> = ["depth", "width", "heads", "mlp_dim"].map(String::from).to_vec();
    assert_eq!(nearest("dpeth", &known), Some("depth"));
    assert_eq!(nearest("widht", &known), Some("width"));
    // Nothing close: no guess.
    assert_eq!(nearest("zzzzzzzz", &known), None);
    assert_eq!(nearest("gpt2", &["vit", "opt"].map(String::from)), None);
}

#[test]
fn unknown_fields_and_wrong_types_are_named_by_path() {
    let mut v = serde_json::to_value(preset("mae-bamboo-t28").unwrap()).unwrap();
    v["encoder"]["dpeth"] = 3.into();
    let e = ModelConfig::from_value(v.clone(), "").unwrap_err().to_string();
    assert!(e.contains("`encoder.dpeth`: unknown field `dpeth`; did you mean `depth`?"), "{e}");
    v["encoder"].as_object_mut().unwrap().remove("dpeth");
    v["encoder"]["depth"] = "six".into();
    let e = ModelConfig::from_value(v, "model").unwrap_err().to_string();
    assert!(e.contains("`model.encoder.depth`: expected a non-negative integer, got \"six\""), "{e}");
}

#[test]
fn clip_fields_are_named_when_invalid() {
    let ModelConfig::Clip(base) = preset("clip-t28").unwrap() else { panic!() };
    let err = |edit: fn(&mut ClipConfig)| {
        let mut c = base.clone();
        edit(&mut c);
        c.validate().unwrap_err().to_string()
    };
    assert!(err(|c| c.seq_len = 17).contains("`seq_len`: 17 exceeds max_positions = 16"));
    assert!(err(|c| c.eos_token_id = Some(32)).contains("`eos_token_id`: 32 is not below vocab_size = 32"));
    assert!(err(|c| c.text.heads = 3).contains("`text.width`"));
    assert!(err(|c| c.image_size = 30).contains("`image_size`"));
}

#[test]
fn hugging_face_configs_take_hf_defaults_and_clip_pooling_rules() {
    let read = |j: serde_json::Value| ModelConfig::from_value(j, "");
    // An empty ViTConfig is ViT-B/16 at 224 px, HF's eps, cls pooling, 2 labels.
    let ModelConfig::Vit(v) = read(serde_json::json!({"model_type": "vit"})).unwrap() else { panic!() };
    assert_eq!((v.encoder, v.image_size, v.patch_size, v.channels), (Stack::new(12, 768, 12), 224, 16, 3));
    assert_eq!((v.pool, v.num_classes, v.layer_norm_eps), (Pool::Cls, 2, 1e-12));
    // `architectures` alone is enough.
    let c = read(serde_json::json!({"architectures": ["ViTMAEForPreTraining"], "mask_ratio": 0.5})).unwrap();
    assert!(
        matches!(c, ModelConfig::Mae(ref m) if m.mask_ratio == 0.5 && !m.norm_pix_loss && m.decoder == Stack { depth: 8, width: 512, heads: 16, mlp_dim: 2048 })
    );
    // CLIP: eos 2 is HF's legacy largest-id pooling; absent is 49407, the end-of-text token.
    let clip = |text: serde_json::Value| match read(serde_json::json!({"model_type": "clip", "text_config": text})).unwrap() {
        ModelConfig::Clip(c) => c,
        _ => panic!(),
    };
    assert_eq!(clip(serde_json::json!({"eos_token_id": 2})).eos_token_id, None);
    assert_eq!(clip(serde_json::json!({})).eos_token_id, Some(49407));
    // Inert generic fields pass; unknown ones and unimplemented values are named.
    assert!(read(serde_json::json!({"model_type": "bert", "num_beams": 4, "torch_dtype": "float16"})).is_ok());
    let e = read(serde_json::json!({"model_type": "bert", "is_decoder": true})).unwrap_err().to_string();
    assert!(e.contains("`is_decoder`") && e.contains("not implemented"), "{e}");
    let e = read(serde_json::json!({"model_type": "opt", "activation_function": "gelu"})).unwrap_err().to_string();
    assert!(e.contains("`activation_function`") && e.contains("`gelu`"), "{e}");
    let e = read(serde_json::json!({"model_type": "clip", "text_config": {"rope": 1}})).unwrap_err().to_string();
    assert!(e.contains("`text_config.rope`"), "{e}");
    // bamboo's own configs are unaffected.
    assert!(read(serde_json::to_value(preset("vit-t28").unwrap()).unwrap()).is_ok());
}
