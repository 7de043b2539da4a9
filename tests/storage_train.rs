//! A short training run against the GCS emulator: data read from the bucket, checkpoints, metrics
//! and TensorBoard events written to it; the last checkpoint's upload interrupted before its
//! marker; a resume from the one before, and the result bit-identical to an uninterrupted run on
//! the local disk (same schedule: the schedule depends on --steps).

mod emulator;

use std::path::{Path, PathBuf};
use std::process::Command;

use bamboo::storage;
use emulator::{tmp, Emulator};

fn bamboo(e: &Emulator, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_bamboo"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TF_CPP_MIN_LOG_LEVEL", "2")
        .env("STORAGE_EMULATOR_HOST", e.front_host())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "bamboo {args:?} failed:\n{text}");
    text
}

const MAE: &str = r#"{"model": "mae", "image_size": 28, "patch_size": 7, "channels": 1,
    "encoder": {"depth": 2, "width": 32, "heads": 2, "mlp_dim": 128},
    "decoder": {"depth": 1, "width": 16, "heads": 2, "mlp_dim": 64}, "mask_ratio": 0.75,
    "norm_pix_loss": true, "norm": "pre", "layer_norm_eps": 1e-6, "drop_path": 0.0}"#;

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn losses(log: &str) -> Vec<(u64, f64)> {
    log.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| (v["step"].as_u64().unwrap(), v["loss"].as_f64().unwrap()))
        .collect()
}

#[test]
fn training_checkpoints_to_a_bucket_and_resumes_exactly() {
    let d = tmp("train");
    let e = Emulator::start(&d.join("gcs"));
    std::env::set_var("STORAGE_EMULATOR_HOST", e.host());
    let cfg = d.join("mae.json");
    std::fs::write(&cfg, MAE).unwrap();
    let cfg = cfg.display().to_string();

    let out = bamboo(&e, &["data", "copy", "datasets/fashion-mnist-tfrecord/train-*", &e.url("fm")]);
    assert!(out.contains("copied 4 files"), "{out}");
    let run = e.url("runs/mae");
    let base = |data: &str, out: &str| -> Vec<String> {
        [
            "pretrain",
            "mae",
            "--preset",
            "mae-vit-t28",
            "--config",
            &cfg,
            "--batch",
            "16",
            "--checkpoint-every",
            "2",
            "--data",
            data,
            "--out",
            out,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let args = |v: &[String], more: &[&str]| -> Vec<String> { v.iter().cloned().chain(more.iter().map(|s| s.to_string())).collect() };
    let remote = base(&e.url("fm/train-*"), &run);
    bamboo(&e, &refs(&args(&remote, &["--steps", "6"])));

    // The upload of step 6 interrupted before its marker: its files cut short, no commit.json.
    let ck = |s: u64| PathBuf::from(format!("{run}/ckpt-{s:08}"));
    storage::delete(&ck(6).join("commit.json")).unwrap();
    for f in ["model.safetensors", "optimizer.safetensors"] {
        let bytes = storage::read(&ck(6).join(f)).unwrap();
        storage::write(&ck(6).join(f), &bytes[..bytes.len() / 2]).unwrap();
    }
    let e_msg = bamboo::checkpoint::commit::read_marker(&ck(6)).unwrap_err().to_string();
    assert!(e_msg.contains(&ck(6).display().to_string()) && e_msg.contains("no valid commit marker"), "{e_msg}");

    let out = bamboo(&e, &refs(&args(&remote, &["--steps", "6", "--resume"])));
    assert!(out.contains(&format!("resumed from {} at step 4", ck(4).display())), "{out}");
    assert!(out.contains(&format!("note: ignoring {}", ck(6).display())), "{out}");

    // The same 6 steps without a stop, local data, local folder.
    let local = d.join("local").display().to_string();
    bamboo(&e, &refs(&args(&base("datasets/fashion-mnist-tfrecord/train-*", &local), &["--steps", "6"])));
    for f in ["model.safetensors", "optimizer.safetensors"] {
        let a = storage::read(&ck(6).join(f)).unwrap();
        let b = std::fs::read(Path::new(&local).join("ckpt-00000006").join(f)).unwrap();
        assert!(a == b, "{f} differs between the resumed bucket run and the straight local run");
    }
    bamboo::checkpoint::commit::read_marker(&ck(6)).unwrap();
    let (_, dirs) = storage::list(Path::new(&run)).unwrap();
    assert_eq!(dirs, vec![ck(4), ck(6), PathBuf::from(format!("{run}/tb"))], "keeps the newest 2 checkpoints");
    let remote_log = losses(&storage::read_to_string(&PathBuf::from(format!("{run}/metrics.jsonl"))).unwrap());
    let local_log = losses(&std::fs::read_to_string(Path::new(&local).join("metrics.jsonl")).unwrap());
    assert_eq!(remote_log.iter().map(|s| s.0).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(remote_log, local_log, "the same losses, step for step");
    let (events, _) = storage::list(&PathBuf::from(format!("{run}/tb"))).unwrap();
    assert_eq!(events.len(), 2, "one event file per invocation: {events:?}");
    assert!(storage::exists(&PathBuf::from(format!("{run}/config.json"))).unwrap());
    // results.json went up whole, with the last logged loss.
    let results = bamboo::train::results::Results::read(Path::new(&run)).unwrap().expect("results.json in the bucket");
    assert_eq!((results.last_step, results.final_loss, results.resumed_from), (6, remote_log[5].1, Some(4)));
}
