//! Configurations: validation errors that name the field, JSON, the solver, the table, the CLI,
//! and parameter counts against the PyTorch fixtures' own counts.

use bamboo::config::{self, ConfigError, MaeConfig, ModelConfig, Stack, VitConfig};

fn field_of(e: ConfigError) -> String {
    match e {
        ConfigError::Invalid { field, .. } => field,
        other => panic!("expected a field error, got {other}"),
    }
}

#[test]
fn width_not_divisible_by_heads_names_the_field() {
    let bad = VitConfig::new(224, 16, Stack::new(12, 768, 10), 1000);
    let e = bad.validate().unwrap_err();
    assert!(e.to_string().contains("encoder.width") && e.to_string().contains("768"), "{e}");
    assert_eq!(field_of(e), "encoder.width");

    let vit = VitConfig::new(224, 16, Stack::new(12, 768, 12), 1000);
    let mae = MaeConfig::from_vit(&vit).with_decoder(Stack::new(8, 512, 7));
    assert_eq!(field_of(mae.validate().unwrap_err()), "decoder.width");
}

#[test]
fn image_not_divisible_by_patch_names_the_field() {
    let bad = VitConfig::new(30, 4, Stack::new(2, 64, 2), 10);
    let e = bad.validate().unwrap_err();
    assert!(e.to_string().contains("patch_size = 4"), "{e}");
    assert_eq!(field_of(e), "image_size");
}

#[test]
fn other_fields_are_checked() {
    let ModelConfig::Mae(mut m) = config::preset("mae-vit-s28").unwrap() else { panic!() };
    m.mask_ratio = 1.0;
    assert_eq!(field_of(m.validate().unwrap_err()), "mask_ratio");
    let ModelConfig::Bert(mut b) = config::preset("bert-mini").unwrap() else { panic!() };
    b.seq_len = 1024;
    assert_eq!(field_of(b.validate().unwrap_err()), "seq_len");
    let ModelConfig::Vit(mut v) = config::preset("vit-b").unwrap() else { panic!() };
    v.encoder.depth = 0;
    assert_eq!(field_of(v.validate().unwrap_err()), "encoder.depth");
}

#[test]
fn json_round_trips_and_bad_json_names_the_field() {
    for p in config::presets() {
        let back = ModelConfig::from_json(&p.config.to_json()).unwrap();
        assert_eq!(back, p.config, "{}", p.name);
    }
    let mut v: serde_json::Value = serde_json::from_str(&config::preset("vit-b").unwrap().to_json()).unwrap();
    v["encoder"]["heads"] = 5.into();
    let e = ModelConfig::from_json(&v.to_string()).unwrap_err();
    assert_eq!(field_of(e), "encoder.width");
}

#[test]
fn unknown_preset_lists_the_known_ones() {
    let e = config::preset("vit-q").unwrap_err().to_string();
    assert!(e.contains("vit-q") && e.contains("bamboo-b"), "{e}");
}

#[test]
fn solver_rejects_bad_arguments() {
    let base = config::preset("base").unwrap();
    assert_eq!(field_of(config::solve(&base, 0, 64).unwrap_err()), "depth");
    assert_eq!(field_of(config::solve(&base, 12, 0).unwrap_err()), "head_dim");
    let s = config::solve(&base, 48, 32).unwrap();
    assert_eq!(s.stack.width % 32, 0);
    assert_eq!(s.stack.heads * 32, s.stack.width);
    assert!((s.ratio() - 1.0).abs() < 0.1, "{}", s.ratio());
}

#[test]
fn table_has_every_preset_with_its_ratio() {
    let rows = config::rows(None);
    assert_eq!(rows.len(), config::presets().len());
    let r = rows.iter().find(|r| r.name == "mae-base-96x256").unwrap();
    assert_eq!(format!("{:.1}", r.ratio), "0.9");
    assert_eq!(r.train_flops, 3 * r.forward_flops);
    let text = config::render(&config::rows(Some("large")));
    assert!(text.contains("mae-large-60x640") && !text.contains("bert-base"), "{text}");
}

#[test]
fn cli_prints_the_table_and_solves() {
    let bin = env!("CARGO_BIN_EXE_bamboo");
    let out = std::process::Command::new(bin).args(["configs", "solve", "--like", "base", "--depth", "48"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("width 384, heads 6"), "{text}");
    let out = std::process::Command::new(bin).args(["configs"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("Table 1, Base family") && text.contains("bamboo-h"), "{text}");
    let out = std::process::Command::new(bin).args(["configs", "solve", "--like", "nope", "--depth", "4"]).output().unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("unknown preset `nope`"));
}

/// What scripts/depth-sweep reads: the solver as JSON, and exact counts of a preset with another
/// encoder shape (the counts must equal the library's for the same configuration).
#[test]
fn cli_solves_and_counts_as_json() {
    let bin = env!("CARGO_BIN_EXE_bamboo");
    let out = std::process::Command::new(bin)
        .args(["configs", "solve", "--like", "mae-vit-t28", "--depth", "24", "--head-dim", "32", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["width"].as_u64(), v["heads"].as_u64(), v["depth"].as_u64()), (Some(64), Some(2), Some(24)), "{v}");
    let out = std::process::Command::new(bin)
        .args(["configs", "show", "vit-t28", "--depth", "24", "--width", "64", "--heads", "2", "--counts"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want = config::preset("bamboo-t28").unwrap();
    assert_eq!(v["params"]["total"].as_u64(), Some(want.params().total()), "{v}");
    assert_eq!(v["flops"]["forward"].as_u64(), Some(want.flops().forward()), "{v}");
    let out = std::process::Command::new(bin)
        .args(["configs", "show", "vit-t28", "--width", "100", "--heads", "3", "--counts"])
        .output()
        .unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("not divisible"));
}

/// Each fixture's config.json carries the model as a bamboo config and PyTorch's count of its
/// trainable parameters: the two counts must agree.
#[test]
fn parameter_counts_match_the_pytorch_fixtures() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for model in ["vit", "mae", "bert", "clip", "opt"] {
        let text = std::fs::read_to_string(root.join(model).join("config.json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let c = ModelConfig::from_json(&v["bamboo"].to_string()).unwrap();
        assert_eq!(c.kind(), model);
        assert_eq!(c.params().total(), v["trainable_params"].as_u64().unwrap(), "{model}");
    }
}

#[test]
fn unknown_architecture_lists_the_known_ones() {
    let e = ModelConfig::from_json(r#"{"model": "gpt2", "vocab_size": 10}"#).unwrap_err().to_string();
    assert!(e.contains("`model`: unknown model `gpt2` (known: vit, mae, bert, clip, opt)"), "{}", e);
}

#[test]
fn opt_presets_have_the_public_shapes_and_counts() {
    let ModelConfig::Opt(c) = bamboo::config::preset("opt-125m").unwrap() else { panic!("opt-125m is an OPT") };
    assert_eq!((c.decoder.depth, c.decoder.width, c.decoder.heads, c.decoder.mlp_dim), (12, 768, 12, 3072));
    assert_eq!((c.vocab_size, c.max_positions, c.layer_norm_eps), (50272, 2048, 1e-5));
    // facebook/opt-125m: 125,239,296 parameters (the tied head counted once).
    assert_eq!(c.params().total(), 125_239_296);
    let ModelConfig::Opt(m) = bamboo::config::preset("opt-mini").unwrap() else { panic!("opt-mini is an OPT") };
    assert_eq!((m.vocab_size, m.seq_len), (30522, 128), "BERT's WordPiece vocabulary, the embedded text's tokenizer");
}
