//! Bad input is refused before anything compiles or is written, by the real binary: the message
//! names the flag, field or file; the process exits with an error status (not a panic, not a
//! signal); the run folder is not created.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{bamboo, bamboo_cmd, output_text};

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-bad-input-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A two-block MAE on 28x28 grey images, with `edit` applied to its JSON text.
fn mae_json(edit: impl Fn(String) -> String) -> String {
    edit(
        r#"{"model": "mae", "image_size": 28, "patch_size": 7, "channels": 1,
        "encoder": {"depth": 2, "width": 16, "heads": 2, "mlp_dim": 64},
        "decoder": {"depth": 1, "width": 16, "heads": 2, "mlp_dim": 64}, "mask_ratio": 0.75,
        "norm_pix_loss": true, "norm": "pre", "layer_norm_eps": 1e-6, "drop_path": 0.0}"#
            .to_string(),
    )
}

fn write_config(dir: &Path, text: &str) -> String {
    let p = dir.join("model.json");
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// Checks a refusal: an error exit below 128 (no signal, no panic), every needle in the message,
/// nothing compiled.
fn assert_refused(o: &Output, needles: &[&str]) -> String {
    let t = output_text(o);
    let code = o.status.code().unwrap_or_else(|| panic!("killed by a signal:\n{t}"));
    assert!((1..128).contains(&code), "exit status {code}:\n{t}");
    assert!(!t.contains("panicked"), "a panic, not an error:\n{t}");
    assert!(!t.contains("compiled the training step"), "refused only after compiling:\n{t}");
    for n in needles {
        assert!(t.contains(n), "expected `{n}` in:\n{t}");
    }
    t
}

/// `pretrain mae` into `dir/run` with `extra` flags is refused naming every needle, and `dir/run`
/// is never created.
fn refused_mae(dir: &Path, extra: &[&str], needles: &[&str]) -> String {
    let out = dir.join("run");
    let out_s = out.display().to_string();
    let mut args = vec!["pretrain", "mae", "--out", &out_s];
    // Defaults for what `extra` does not set.
    for (flag, value) in [("--preset", "mae-bamboo-t28"), ("--steps", "2"), ("--batch", "8")] {
        let set = extra.iter().any(|a| *a == flag || (flag == "--preset" && *a == "--config"));
        if !set {
            args.extend([flag, value]);
        }
    }
    args.extend(extra);
    let t = assert_refused(&bamboo(&args), needles);
    assert!(!out.exists(), "{} was created by a refused command:\n{t}", out.display());
    t
}

#[test]
fn unknown_top_level_field_is_named_with_the_nearest_known_name() {
    let d = tmp("unknown-field");
    let cfg = write_config(&d, &mae_json(|s| s.replace("\"mask_ratio\"", "\"mask_rato\"")));
    refused_mae(&d, &["--config", &cfg], &["--config", "model.json", "`mask_rato`", "unknown field", "did you mean `mask_ratio`"]);
}

#[test]
fn unknown_nested_field_is_named_by_its_full_path() {
    let d = tmp("unknown-nested");
    let cfg = write_config(&d, &mae_json(|s| s.replacen("\"depth\": 2", "\"dpeth\": 2", 1)));
    refused_mae(&d, &["--config", &cfg], &["`encoder.dpeth`", "did you mean `depth`"]);
}

#[test]
fn unknown_value_of_an_enum_field_is_named() {
    let d = tmp("unknown-value");
    let cfg = write_config(&d, &mae_json(|s| s.replace("\"pre\"", "\"prre\"")));
    refused_mae(&d, &["--config", &cfg], &["`norm`", "unknown value `prre`", "did you mean `pre`"]);
}

#[test]
fn unknown_model_kind_is_named_with_the_known_ones() {
    let d = tmp("unknown-kind");
    let cfg = write_config(&d, &mae_json(|s| s.replace("\"mae\"", "\"maee\"")));
    refused_mae(&d, &["--config", &cfg], &["`model`", "did you mean `mae`", "vit, mae, bert, clip, opt"]);
}

#[test]
fn wrong_type_names_the_field_path_not_json() {
    let d = tmp("wrong-type");
    let cfg = write_config(&d, &mae_json(|s| s.replacen("\"depth\": 2", "\"depth\": \"six\"", 1)));
    let t = refused_mae(&d, &["--config", &cfg], &["encoder.depth", "expected a non-negative integer, got \"six\""]);
    assert!(!t.contains("<json>"), "{t}");
}

#[test]
fn a_runs_config_json_is_read_strictly_under_model() {
    let d = tmp("run-config");
    let model = mae_json(|s| s.replace("\"drop_path\"", "\"drop_pth\""));
    let cfg = write_config(&d, &format!(r#"{{"recipe": "pretrain mae", "model": {model}, "batch": 8}}"#));
    refused_mae(&d, &["--config", &cfg], &["`model.drop_pth`", "did you mean `drop_path`"]);
}

/// `--config` alone (no `--preset`) is read: the refusal here is the config's own mask ratio,
/// not a missing `--preset`.
#[test]
fn config_works_without_preset() {
    let d = tmp("config-alone");
    let cfg = write_config(&d, &mae_json(|s| s));
    let t = refused_mae(&d, &["--config", &cfg, "--mask-ratio", "1.5"], &["mask_ratio", "1.5"]);
    assert!(!t.contains("--preset"), "{t}");
}

#[test]
fn zero_steps_is_refused() {
    let d = tmp("steps");
    refused_mae(&d, &["--steps", "0"], &["--steps", "at least 1"]);
}

#[test]
fn non_positive_learning_rates_are_refused() {
    let d = tmp("lr");
    refused_mae(&d, &["--lr=-0.001"], &["--lr", "positive", "-0.001"]);
    refused_mae(&d, &["--lr", "0"], &["--lr", "positive"]);
    refused_mae(&d, &["--base-lr", "0"], &["--base-lr", "positive"]);
}

#[test]
fn zero_batch_names_the_flag_not_a_trace_error() {
    let d = tmp("batch");
    let t = refused_mae(&d, &["--batch", "0"], &["--batch", "at least 1"]);
    assert!(!t.to_lowercase().contains("trace"), "{t}");
}

#[test]
fn out_that_is_a_file_or_under_one_is_refused() {
    let d = tmp("out-file");
    let file = d.join("notes.txt");
    std::fs::write(&file, "a file").unwrap();
    let f = file.display().to_string();
    let t = assert_refused(&bamboo(&["pretrain", "mae", "--preset", "mae-bamboo-t28", "--out", &f]), &["--out", &f, "is a file"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "a file", "{t}");
    let under = file.join("runs/x");
    let u = under.display().to_string();
    assert_refused(&bamboo(&["pretrain", "mae", "--preset", "mae-bamboo-t28", "--out", &u]), &["--out", &u, "lies under", &f]);
}

#[test]
fn gs_out_without_credentials_is_refused_naming_the_flag() {
    let home = tmp("gs-home");
    let mut c = bamboo_cmd(&["pretrain", "mae", "--preset", "mae-bamboo-t28", "--out", "gs://bamboo-no-bucket/run"]);
    // No credentials anywhere the storage module looks, and no metadata server asked.
    for v in [
        "GOOGLE_APPLICATION_CREDENTIALS",
        "GOOGLE_SERVICE_ACCOUNT",
        "GOOGLE_SERVICE_ACCOUNT_PATH",
        "GOOGLE_SERVICE_ACCOUNT_KEY",
        "STORAGE_EMULATOR_HOST",
        "BAMBOO_GCS_ANONYMOUS",
        "BAMBOO_GCE_METADATA",
        "CLOUDSDK_CONFIG",
    ] {
        c.env_remove(v);
    }
    c.env("HOME", &home).env("BAMBOO_GCE_METADATA", "0");
    assert_refused(&c.output().unwrap(), &["--out gs://bamboo-no-bucket/run", "credentials"]);
}

#[test]
fn too_many_devices_is_refused_with_the_maximum() {
    assert_refused(&bamboo(&["info", "--devices", "100000"]), &["--devices 100000", "at most 256"]);
    assert_refused(&bamboo(&["info", "--devices", "0"]), &["--devices", "at least 1"]);
}

/// The subcommands a help text lists under `Commands:` (`help` left out).
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect()
}

/// Every command a help text names in backquotes (`bamboo configs show NAME`, `pretrain clip`...)
/// exists: its own `--help` succeeds. The help of every command and subcommand is read, and
/// none mentions an issue.
#[test]
fn help_names_only_commands_that_exist() {
    let top = output_text(&bamboo(&["--help"]));
    let commands = subcommands(&top);
    assert!(commands.len() > 10, "{top}");
    let mut helps = vec![top.clone()];
    for c in &commands {
        let h = output_text(&bamboo(&[c, "--help"]));
        for sub in subcommands(&h) {
            helps.push(output_text(&bamboo(&[c, &sub, "--help"])));
        }
        helps.push(h);
    }
    for h in &helps {
        assert!(!h.to_lowercase().contains("issue"), "a help text mentions an issue:\n{h}");
    }
    let mut named = vec![];
    for h in &helps {
        for quoted in h.split('`').skip(1).step_by(2) {
            let words: Vec<&str> = quoted.split_whitespace().skip_while(|w| *w == "bamboo").collect();
            if words.first().is_some_and(|w| commands.iter().any(|c| c == w)) {
                let is_word = |w: &&str| w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !w.starts_with('-');
                named.push(words.into_iter().take_while(is_word).collect::<Vec<_>>());
            }
        }
    }
    assert!(named.len() >= 5, "only {named:?} named in the help texts");
    for cmd in named {
        let mut args = cmd.clone();
        args.push("--help");
        let o = bamboo(&args);
        assert!(o.status.success(), "help names `bamboo {}`, which does not exist:\n{}", cmd.join(" "), output_text(&o));
    }
}

/// One real step: config.json's `step` is structured JSON, and no Rust debug text reaches it.
/// The checkpoint it writes then serves the `--from` refusal below.
fn one_step_run(d: &Path) -> PathBuf {
    let cfg = write_config(d, &mae_json(|s| s));
    let out = d.join("run");
    let o = bamboo(&["pretrain", "mae", "--config", &cfg, "--out", out.to_str().unwrap(), "--steps", "1", "--batch", "8"]);
    assert!(o.status.success(), "{}", output_text(&o));
    out
}

#[test]
fn config_json_is_plain_json_and_from_of_another_shape_is_refused_before_compiling() {
    let d = tmp("one-step");
    let run = one_step_run(&d);
    let text = std::fs::read_to_string(run.join("config.json")).unwrap();
    for debug in ["Some(", "None", "StepConfig", "AdamW {", "WarmupCosine {", "StackOptions"] {
        assert!(!text.contains(debug), "Rust debug text `{debug}` in config.json:\n{text}");
    }
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["step"]["optimizer"]["name"], "adamw", "{text}");
    assert_eq!(v["step"]["schedule"]["total"], 1, "{text}");
    assert_eq!(v["step"]["remat"], "dots", "{text}");

    // A ViT twice as wide cannot start from this MAE's encoder.
    let wide = write_config(
        &d,
        &mae_json(|s| s.replace("\"width\": 16, \"heads\": 2, \"mlp_dim\": 64}", "\"width\": 32, \"heads\": 2, \"mlp_dim\": 128}")),
    );
    let out = d.join("finetuned");
    let ckpt = std::fs::read_dir(&run)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("ckpt-"))
        .unwrap();
    let from = ckpt.display().to_string();
    let o = bamboo(&["finetune", "--config", &wide, "--from", &from, "--out", out.to_str().unwrap(), "--steps", "1", "--batch", "8"]);
    let t = assert_refused(&o, &["does not fit the model of --config", "differ in shape", "in the checkpoint"]);
    let first = t.lines().find(|l| l.contains("does not fit")).unwrap();
    assert!(first.contains(&from), "the summary names the checkpoint: {first}");
    assert!(!out.exists(), "{}", t);

    // Analysis: the weights beside a sidecar that describes the wider model.
    let weights = d.join("W.safetensors");
    std::fs::copy(ckpt.join("model.safetensors"), &weights).unwrap();
    let wide_model: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&wide).unwrap()).unwrap();
    std::fs::write(d.join("W.json"), serde_json::json!({ "config": wide_model, "step": 0 }).to_string()).unwrap();
    let analysis = d.join("analysis");
    let w = weights.display().to_string();
    let o = bamboo(&["analyze", "smoothing", &w, "--out", analysis.to_str().unwrap()]);
    let t = assert_refused(&o, &[&format!("checkpoint {w} does not fit the model of its config"), "tensors differ in shape"]);
    assert!(!analysis.exists(), "{t}");
    let _ = std::fs::remove_dir_all(&d);
}
