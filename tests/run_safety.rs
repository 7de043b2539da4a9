//! A user's runs are never lost or corrupted: an existing run folder is refused without
//! `--resume` and left untouched, a resume must continue the same run, a finished run is left
//! alone, checkpoint reads are checked against their commit markers, pruning never touches a
//! checkpoint another run wrote, and Ctrl-C saves a checkpoint that resumes. All through the real
//! binary, the real plugin and real files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn cmd(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bamboo"));
    c.args(args).current_dir(env!("CARGO_MANIFEST_DIR")).env("TF_CPP_MIN_LOG_LEVEL", "2");
    c
}

fn bamboo(args: &[&str]) -> Output {
    cmd(args).output().expect("run bamboo")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout)
}

fn ok(args: &[&str]) -> String {
    let o = bamboo(args);
    assert!(o.status.success(), "bamboo {:?} failed:\n{}", args, text(&o));
    text(&o)
}

/// Fails before compiling anything, with every needle in its message.
fn refused(args: &[&str], needles: &[&str]) -> String {
    let o = bamboo(args);
    let t = text(&o);
    assert!(!o.status.success(), "bamboo {:?} should fail:\n{}", args, t);
    for n in needles {
        assert!(t.contains(n), "bamboo {:?}: expected `{}` in:\n{}", args, n, t);
    }
    assert!(!t.contains("compiled the training step"), "refused only after compiling:\n{}", t);
    t
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-safety-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn mae_json(width: usize) -> String {
    format!(
        r#"{{"model": "mae", "image_size": 28, "patch_size": 7, "channels": 1,
        "encoder": {{"depth": 2, "width": {width}, "heads": 2, "mlp_dim": {}}},
        "decoder": {{"depth": 1, "width": 16, "heads": 2, "mlp_dim": 64}}, "mask_ratio": 0.75,
        "norm_pix_loss": true, "norm": "pre", "layer_norm_eps": 1e-6, "drop_path": 0.0}}"#,
        4 * width
    )
}

/// Every file under `dir` with its bytes: what a refused command must leave as it was.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn ckpts(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|n| n.starts_with("ckpt-"))
        .collect();
    v.sort();
    v
}

fn logged_steps(dir: &Path) -> Vec<u64> {
    let log = std::fs::read_to_string(dir.join("metrics.jsonl")).unwrap();
    log.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["step"].as_u64().unwrap()).collect()
}

fn cat<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    base.iter().chain(more).copied().collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn an_existing_run_is_never_overwritten_and_a_resume_continues_only_itself() {
    let d = tmp("runs");
    let cfg = d.join("mae.json");
    std::fs::write(&cfg, mae_json(32)).unwrap();
    let cfg = cfg.display().to_string();
    let run = d.join("run");
    let r = run.display().to_string();
    let base = ["pretrain", "mae", "--preset", "mae-vit-t28", "--config", &cfg, "--out", &r, "--checkpoint-every", "1", "--keep", "1"];
    ok(&cat(&base, &["--batch", "16", "--steps", "2"]));
    assert_eq!(ckpts(&run), vec!["ckpt-00000002"]);

    // 1. The same folder again without --resume: refused before compiling, nothing touched.
    let before = snapshot(&run);
    refused(
        &cat(&base, &["--batch", "16", "--steps", "3"]),
        &[&format!("--out {} already holds a run", r), "--resume", "another --out", "metrics.jsonl", "ckpt-00000002"],
    );
    assert!(snapshot(&run) == before, "a refused run changed the folder");
    // A checkpoint folder alone (a run killed before its first log line was kept) counts too.
    let lone = d.join("lone");
    copy_dir(&run.join("ckpt-00000002"), &lone.join("ckpt-00000002"));
    refused(
        &["train", "vit", "--preset", "vit-t28", "--steps", "1", "--out", &lone.display().to_string()],
        &["already holds a run (ckpt-00000002)"],
    );

    // 3. A resume that changes the global batch, the model or the objective: each difference named.
    refused(&cat(&base, &["--steps", "3", "--resume", "--batch", "8"]), &["--resume", "batch: 16 -> 8"]);
    refused(&cat(&base, &["--batch", "16", "--steps", "3", "--resume", "--depth", "3"]), &["model.encoder.depth: 2 -> 3"]);
    refused(
        &["train", "vit", "--preset", "vit-t28", "--batch", "16", "--steps", "3", "--resume", "--out", &r],
        &["recipe: \"pretrain mae\" -> \"train vit\""],
    );
    assert!(snapshot(&run) == before, "a refused resume changed the folder");

    let results =
        |run: &Path| -> serde_json::Value { serde_json::from_str(&std::fs::read_to_string(run.join("results.json")).unwrap()).unwrap() };
    assert_eq!((results(&run)["last_step"].as_u64(), results(&run)["resumed_from"].as_u64()), (Some(2), None));

    // A resume of a finished run says so, exits 0 and writes nothing.
    let out = ok(&cat(&base, &["--batch", "16", "--steps", "2", "--resume"]));
    assert!(out.contains("is already complete") && out.contains("ckpt-00000002 is at step 2"), "{}", out);
    assert!(!out.contains("compiled the training step"), "{}", out);
    assert!(snapshot(&run) == before, "resuming a finished run changed the folder");

    // A checkpoint another run wrote (another shape), sitting in the folder, is never pruned.
    let other = d.join("other");
    let ocfg = d.join("other.json");
    std::fs::write(&ocfg, mae_json(16)).unwrap();
    ok(&[
        "pretrain",
        "mae",
        "--preset",
        "mae-vit-t28",
        "--config",
        &ocfg.display().to_string(),
        "--batch",
        "16",
        "--steps",
        "1",
        "--out",
        &other.display().to_string(),
    ]);
    copy_dir(&other.join("ckpt-00000001"), &run.join("ckpt-00000001"));

    // Raising --steps continues the finished run; it prunes its own older checkpoints only.
    let out = ok(&cat(&base, &["--batch", "16", "--steps", "4", "--resume"]));
    assert!(out.contains("at step 2"), "{}", out);
    assert_eq!(ckpts(&run), vec!["ckpt-00000001", "ckpt-00000004"], "--keep 1 kept this run's newest and the foreign one");
    assert_eq!(logged_steps(&run), vec![1, 2, 3, 4]);
    // The resume that finished rewrote its own results.json.
    let (r, log) = (results(&run), std::fs::read_to_string(run.join("metrics.jsonl")).unwrap());
    let last: serde_json::Value = serde_json::from_str(log.lines().last().unwrap()).unwrap();
    assert_eq!((r["last_step"].as_u64(), r["resumed_from"].as_u64(), &r["final_loss"]), (Some(4), Some(2), &last["loss"]));
    assert_eq!(
        std::fs::read(run.join("ckpt-00000001/model.safetensors")).unwrap(),
        std::fs::read(other.join("ckpt-00000001/model.safetensors")).unwrap()
    );
}

#[test]
fn every_checkpoint_read_is_checked_against_its_commit_marker() {
    let d = tmp("verify");
    let cfg = d.join("mae.json");
    std::fs::write(&cfg, mae_json(32)).unwrap();
    let run = d.join("run");
    ok(&[
        "pretrain",
        "mae",
        "--preset",
        "mae-vit-t28",
        "--config",
        &cfg.display().to_string(),
        "--batch",
        "16",
        "--steps",
        "1",
        "--out",
        &run.display().to_string(),
    ]);
    let good = run.join("ckpt-00000001");
    // A copy that lost its marker (a write cut short), and one whose weights changed after the commit.
    let half = d.join("half/ckpt-00000001");
    copy_dir(&good, &half);
    std::fs::remove_file(half.join("commit.json")).unwrap();
    let bad = d.join("bad/ckpt-00000001");
    copy_dir(&good, &bad);
    let mut bytes = std::fs::read(bad.join("model.safetensors")).unwrap();
    let n = bytes.len();
    bytes[n - 1] ^= 0x55;
    std::fs::write(bad.join("model.safetensors"), &bytes).unwrap();

    let (h, b) = (half.display().to_string(), bad.display().to_string());
    let out = |name: &str| d.join(name).display().to_string();
    for (args, needle) in [
        (
            vec!["finetune", "--preset", "vit-t28", "--from", &h, "--steps", "1", "--batch", "16", "--out", &out("ft1")],
            "no valid commit marker",
        ),
        (vec!["linprobe", "--preset", "vit-t28", "--from", &b, "--steps", "1", "--batch", "16", "--out", &out("ft2")], "content differs"),
        (vec!["analyze", "smoothing", &h, "--out", &out("a")], "no valid commit marker"),
        (vec!["visualize", "mae", &b, "--out", &out("v.png")], "content differs"),
        (vec!["forward", "--checkpoint", &h, "--inputs", "none.safetensors", "--out", &out("f.safetensors")], "no valid commit marker"),
    ] {
        let t = refused(&args, &[needle]);
        let named = if needle == "content differs" { b.clone() } else { h.clone() };
        assert!(t.contains(&named), "{:?}: the folder is not named:\n{}", args, t);
    }
    // The same file inside a checkpoint folder is checked; the bare file, given on purpose, is read.
    refused(
        &["analyze", "spectra", &format!("{}/model.safetensors", b), &format!("{}/model.safetensors", good.display()), "--out", &out("s1")],
        &["content differs"],
    );
    let bare = d.join("bare.safetensors");
    std::fs::copy(good.join("model.safetensors"), &bare).unwrap();
    let o = ok(&["analyze", "spectra", &bare.display().to_string(), &good.display().to_string(), "--out", &out("s2")]);
    assert!(!o.contains("error"), "{}", o);
}

/// Waits until `dir/metrics.jsonl` has at least `n` lines.
fn wait_for_steps(dir: &Path, n: usize, child: &mut std::process::Child) {
    let t0 = Instant::now();
    loop {
        let lines = std::fs::read_to_string(dir.join("metrics.jsonl")).map(|s| s.lines().count()).unwrap_or(0);
        if lines >= n {
            return;
        }
        assert!(child.try_wait().unwrap().is_none(), "the run ended before step {}", n);
        assert!(t0.elapsed() < Duration::from_secs(300), "no step {} after 300 s", n);
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn sigint(child: &std::process::Child) {
    let s = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(s.success());
}

#[test]
fn ctrl_c_saves_a_checkpoint_that_resumes_and_a_second_one_quits_at_once() {
    let d = tmp("sigint");
    let cfg = d.join("mae.json");
    std::fs::write(&cfg, mae_json(32)).unwrap();
    let cfg = cfg.display().to_string();
    let run = d.join("run");
    let r = run.display().to_string();
    let args = ["pretrain", "mae", "--preset", "mae-vit-t28", "--config", &cfg, "--batch", "16", "--steps", "100000", "--out", &r];
    let mut child = cmd(&args).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    wait_for_steps(&run, 2, &mut child);
    sigint(&child);
    let o = child.wait_with_output().unwrap();
    let t = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(130), "{}", t);
    let saved = ckpts(&run);
    assert_eq!(saved.len(), 1, "{:?}\n{}", saved, t);
    let ck = run.join(&saved[0]);
    assert!(t.contains(&format!("saved checkpoint {}", ck.display())) && t.contains("--resume"), "{}", t);
    bamboo::checkpoint::commit::read_marker(&ck).unwrap();
    let step: u64 = saved[0].trim_start_matches("ckpt-").parse().unwrap();
    assert!(step >= 2);
    assert_eq!(logged_steps(&run), (1..=step).collect::<Vec<_>>());
    assert!(!run.join("results.json").exists(), "an interrupted run wrote results.json");

    // It resumes from there (one more step).
    let stop = (step + 1).to_string();
    let more: Vec<&str> = args.iter().copied().chain(["--resume", "--stop-after", &stop]).collect();
    let out = ok(&more);
    assert!(out.contains(&format!("resumed from {} at step {}", ck.display(), step)), "{}", out);
    assert_eq!(logged_steps(&run), (1..=step + 1).collect::<Vec<_>>());
    let res: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(run.join("results.json")).unwrap()).unwrap();
    assert_eq!((res["last_step"].as_u64(), res["finished"].as_bool()), (Some(step + 1), Some(false)));

    // Two Ctrl-C in a row: the second ends the process at once, without a checkpoint.
    let run2 = d.join("run2");
    let r2 = run2.display().to_string();
    let args2: Vec<&str> = args.iter().map(|a| if *a == r { r2.as_str() } else { a }).collect();
    let mut child = cmd(&args2).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    wait_for_steps(&run2, 1, &mut child);
    sigint(&child);
    sigint(&child);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130), "{}", String::from_utf8_lossy(&o.stderr));
}
