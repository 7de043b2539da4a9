//! The training commands end to end, as a user runs them: tiny models on the embedded data,
//! checkpoints on disk, resume, fine-tuning from a pre-trained encoder, and bad input rejected
//! before compilation with the field named.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bamboo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bamboo"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TF_CPP_MIN_LOG_LEVEL", "2")
        .output()
        .expect("run bamboo")
}

fn ok(args: &[&str]) -> String {
    let o = bamboo(args);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "bamboo {:?} failed:\n{}", args, err);
    err + &String::from_utf8_lossy(&o.stdout)
}

fn fails(args: &[&str], needle: &str) {
    let o = bamboo(args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "bamboo {:?} should fail", args);
    assert!(err.contains(needle), "bamboo {:?}: expected `{}` in:\n{}", args, needle, err);
    assert!(!err.contains("compiled the training step"), "rejected only after compiling:\n{}", err);
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-recipes-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// The last line of a run's metrics.jsonl and its results.json, after checking that the
/// evaluation `key` is on that line (and on no earlier one) as the run printed it (4 decimals)
/// and in results.json with the same value.
fn assert_logged_eval(run: &str, key: &str, printed: f64) -> serde_json::Value {
    let log = std::fs::read_to_string(Path::new(run).join("metrics.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = log.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let last = lines.last().unwrap().clone();
    let v = last[key].as_f64().unwrap_or_else(|| panic!("no {} on the last line of {}/metrics.jsonl:\n{}", key, run, log));
    assert!(
        (0.0..=1.0).contains(&v) || key.ends_with("matthews") || key.ends_with("pearson") || key.ends_with("spearman"),
        "{} = {}",
        key,
        v
    );
    assert!((v - printed).abs() <= 5e-5, "{}: logged {} printed {}", key, v, printed);
    assert!(lines[..lines.len() - 1].iter().all(|l| l.get(key).is_none()), "{} logged before the last step", key);
    let results: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(Path::new(run).join("results.json")).unwrap()).unwrap();
    assert_eq!(results["evaluations"][key], last[key]);
    assert_eq!(results["final_loss"], last["loss"]);
    assert_eq!(results["last_step"], last["step"]);
    last
}

fn printed(out: &str, after: &str) -> f64 {
    out.split(after).nth(1).unwrap_or_else(|| panic!("no `{}` in:\n{}", after, out))[..6].parse().unwrap()
}

const ENC: &str = r#"{"depth": 2, "width": 32, "heads": 2, "mlp_dim": 128}"#;

fn mae_json() -> String {
    format!(
        r#"{{"model": "mae", "image_size": 28, "patch_size": 7, "channels": 1, "encoder": {ENC},
        "decoder": {{"depth": 1, "width": 16, "heads": 2, "mlp_dim": 64}}, "mask_ratio": 0.75,
        "norm_pix_loss": true, "norm": "pre", "layer_norm_eps": 1e-6, "drop_path": 0.0}}"#
    )
}

fn vit_json() -> String {
    format!(
        r#"{{"model": "vit", "image_size": 28, "patch_size": 7, "channels": 1, "encoder": {ENC},
        "num_classes": 10, "pool": "avg", "class_token": true, "norm": "pre", "layer_norm_eps": 1e-6,
        "drop_path": 0.0, "dropout": 0.0}}"#
    )
}

#[test]
fn pretrain_resume_then_finetune() {
    let d = tmp("mae");
    let mae = write(&d, "mae.json", &mae_json());
    let vit = write(&d, "vit.json", &vit_json());
    let run = d.join("mae-run").display().to_string();
    let base = ["pretrain", "mae", "--preset", "mae-vit-t28", "--config", &mae, "--batch", "16", "--out", &run, "--checkpoint-every", "2"];
    ok(&[&base[..], &["--steps", "4"]].concat());
    // A second invocation with --resume continues from step 4 rather than starting over.
    let out = ok(&[&base[..], &["--steps", "6", "--resume"]].concat());
    assert!(out.contains("resumed from") && out.contains("at step 4"), "{}", out);
    let ckpts: Vec<String> = std::fs::read_dir(&run)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|n| n.starts_with("ckpt-"))
        .collect();
    assert!(ckpts.contains(&"ckpt-00000006".to_string()), "{:?}", ckpts);
    assert_eq!(ckpts.len(), 2, "keeps the last 2: {:?}", ckpts);
    let log = std::fs::read_to_string(Path::new(&run).join("metrics.jsonl")).unwrap();
    let steps: Vec<u64> = log.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["step"].as_u64().unwrap()).collect();
    assert_eq!(steps, vec![1, 2, 3, 4, 5, 6], "one log line per step, no duplicates after resume");

    let ft = d.join("ft").display().to_string();
    let from = format!("{}/ckpt-00000006", run);
    let out = ok(&["finetune", "--preset", "vit-t28", "--config", &vit, "--from", &from, "--steps", "3", "--batch", "16", "--out", &ft]);
    assert!(out.contains("left at their initial values: fc_norm.weight, fc_norm.bias, head.weight, head.bias"), "{}", out);
    let last = assert_logged_eval(&ft, "eval/accuracy", printed(&out, "validation accuracy: "));
    assert_eq!(last["step"], 3);
    // Both recipes crop bicubically by default, as MAE's reference transforms do.
    for dir in [&run, &ft] {
        assert_eq!(interpolation(dir), "bicubic", "{}", dir);
    }
}

/// The resize filter a run recorded in its config.json.
fn interpolation(run: &str) -> String {
    run_config(Path::new(run))["interpolation"].as_str().unwrap_or("(none)").to_string()
}

/// A run's config.json.
fn run_config(run: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(run.join("config.json")).unwrap()).unwrap()
}

/// `--watch-smoothing 2` over 5 steps: steps 2, 4 and the last (5) carry every per-block metric
/// in metrics.jsonl, steps 1 and 3 none.
#[test]
fn watch_smoothing_logs_every_metric_at_k_2k_and_the_last_step() {
    let d = tmp("watch");
    let mae = write(&d, "mae.json", &mae_json());
    let run = d.join("run").display().to_string();
    ok(&[
        "pretrain",
        "mae",
        "--preset",
        "mae-vit-t28",
        "--config",
        &mae,
        "--batch",
        "16",
        "--out",
        &run,
        "--steps",
        "5",
        "--watch-smoothing",
        "2",
    ]);
    let log = std::fs::read_to_string(Path::new(&run).join("metrics.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = log.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let watched: Vec<u64> = lines
        .iter()
        .filter(|v| v.as_object().unwrap().keys().any(|k| k.starts_with("smoothing/")))
        .map(|v| v["step"].as_u64().unwrap())
        .collect();
    assert_eq!(watched, vec![2, 4, 5], "watched steps");
    // Visible patch tokens of the 16 x 0.25 = 4 kept, width 32: an effective rank in [1, 4].
    let metrics = ["token_std", "cosine", "hf_share", "rel_residual", "effective_rank", "top_singular"];
    for v in lines.iter().filter(|v| watched.contains(&v["step"].as_u64().unwrap())) {
        let o = v.as_object().unwrap();
        assert_eq!(o.keys().filter(|k| k.starts_with("smoothing/")).count(), metrics.len() * 2, "{}", v);
        for m in metrics {
            for block in 0..2 {
                let x = v[format!("smoothing/{}/block_{:02}", m, block)].as_f64().unwrap_or(f64::NAN);
                assert!(x.is_finite() && x >= 0.0, "step {}: {} block {} = {}", v["step"], m, block, x);
                if m == "effective_rank" {
                    assert!((1.0..=4.0 + 1e-6).contains(&x), "effective rank {}", x);
                }
            }
        }
    }
}

#[test]
fn bert_pretrain_then_glue() {
    let d = tmp("bert");
    let run = d.join("bert").display().to_string();
    ok(&[
        "pretrain",
        "bert",
        "--preset",
        "bert-mini",
        "--depth",
        "1",
        "--width",
        "32",
        "--heads",
        "2",
        "--data",
        "datasets/wiki-sample/pretraining/*",
        "--steps",
        "2",
        "--batch",
        "8",
        "--out",
        &run,
    ]);
    let glue = d.join("glue").display().to_string();
    let from = format!("{}/ckpt-00000002", run);
    let out = ok(&[
        "glue",
        "--task",
        "sst2",
        "--preset",
        "bert-mini",
        "--depth",
        "1",
        "--width",
        "32",
        "--heads",
        "2",
        "--from",
        &from,
        "--steps",
        "2",
        "--batch",
        "16",
        "--seq-len",
        "32",
        "--out",
        &glue,
    ]);
    assert!(out.contains("SST-2 dev (400 examples): accuracy"), "{}", out);
    let last = assert_logged_eval(&glue, "eval/accuracy", printed(&out, "SST-2 dev (400 examples): accuracy "));
    assert_eq!(last["step"], 2);
    assert_glue_weights(&from, &glue);
}

/// The two name lists hold the same names, or the failure says which are missing and extra.
fn same_names(what: &str, got: Vec<String>, want: &[String]) {
    let missing: Vec<&String> = want.iter().filter(|w| !got.contains(w)).collect();
    let extra: Vec<&String> = got.iter().filter(|g| !want.contains(g)).collect();
    assert!(missing.is_empty() && extra.is_empty() && got.len() == want.len(), "{}: missing {:?}, extra {:?}", what, missing, extra);
}

/// `BertForSequenceClassification` from a `BertForPreTraining` checkpoint: every `bert.*` tensor
/// (embeddings, the one encoder layer, the pooler) is loaded, the classifier is new, and the
/// MLM / NSP heads (`cls.*`) are left unused. The names are Hugging Face's; the checkpoint file
/// itself must hold exactly the loaded and unused ones.
fn assert_glue_weights(ckpt: &str, run: &str) {
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(run).join("loaded_weights.json")).unwrap()).unwrap();
    let names = |k: &str| -> Vec<String> { record[k].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect() };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let layer = [
        "attention.self.query",
        "attention.self.key",
        "attention.self.value",
        "attention.output.dense",
        "attention.output.LayerNorm",
        "intermediate.dense",
        "output.dense",
        "output.LayerNorm",
    ];
    let mut loaded: Vec<String> = ["word_embeddings", "position_embeddings", "token_type_embeddings"]
        .iter()
        .map(|t| format!("bert.embeddings.{t}.weight"))
        .chain(["weight", "bias"].iter().map(|wb| format!("bert.embeddings.LayerNorm.{wb}")))
        .collect();
    for m in layer {
        loaded.extend(["weight", "bias"].iter().map(|wb| format!("bert.encoder.layer.0.{m}.{wb}")));
    }
    loaded.extend(["weight", "bias"].iter().map(|wb| format!("bert.pooler.dense.{wb}")));
    let unused = [
        "cls.predictions.bias",
        "cls.predictions.transform.LayerNorm.bias",
        "cls.predictions.transform.LayerNorm.weight",
        "cls.predictions.transform.dense.bias",
        "cls.predictions.transform.dense.weight",
        "cls.seq_relationship.bias",
        "cls.seq_relationship.weight",
    ];
    same_names("loaded from the checkpoint", names("loaded"), &loaded);
    same_names("newly initialized", names("initialized"), &["classifier.weight".into(), "classifier.bias".into()]);
    same_names("in the checkpoint, not used", names("unused"), &unused.map(String::from));
    let file = bamboo::checkpoint::load(&Path::new(ckpt).join("model.safetensors")).unwrap();
    let in_file: Vec<String> = file.keys().cloned().collect();
    assert_eq!(in_file, sorted(loaded.into_iter().chain(unused.iter().map(|u| u.to_string())).collect()), "the checkpoint's tensors");
}

#[test]
fn clip_pretrain_loss_falls_then_smoothing_is_analysed() {
    // Fashion-MNIST images with their class captions; a 2 x 32 image tower learns to match them
    // within 60 steps.
    let d = tmp("clip");
    let run = d.join("clip").display().to_string();
    let batch = BATCH.to_string();
    let out = ok(&[
        "pretrain", "clip", "--preset", "clip-t28", "--depth", "2", "--width", "32", "--heads", "2", "--steps", "60", "--batch", &batch,
        "--lr", "3e-3", "--warmup", "5", "--out", &run,
    ]);
    // Zero-shot: each validation image against the ten captions. An untrained or collapsed tower
    // scores at most what one constant answer does: the largest class share (at least chance,
    // 0.1). It must beat that by 5 binomial standard deviations.
    let zs: f64 = out.split("zero-shot validation accuracy (the ten class captions): ").nth(1).expect(&out)[..6].parse().unwrap();
    let (baseline, n) = constant_answer_accuracy("datasets/fashion-mnist-tfrecord/validation-00000-of-00001", 32);
    let bound = baseline + 5.0 * (baseline * (1.0 - baseline) / n as f64).sqrt();
    eprintln!("zero-shot {:.4}; constant answer {:.4} on {} images, bound {:.4}", zs, baseline, n, bound);
    assert!(
        zs > bound,
        "zero-shot {:.4} within 5 sigma of a constant answer ({:.4} on {} images: bound {:.4})\n{}",
        zs,
        baseline,
        n,
        bound,
        out
    );
    assert_eq!(assert_logged_eval(&run, "eval/zero_shot_accuracy", zs)["step"], 60);
    let log = std::fs::read_to_string(Path::new(&run).join("metrics.jsonl")).unwrap();
    let rows: Vec<serde_json::Value> = log.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mean = |r: &[serde_json::Value], k: &str| r.iter().map(|v| v[k].as_f64().unwrap()).sum::<f64>() / r.len() as f64;
    let (first, last) = (mean(&rows[..5], "loss"), mean(&rows[rows.len() - 10..], "loss"));
    // Host-computed references for the symmetric contrastive loss: a tower that cannot tell the
    // pairs apart scores ln B in both directions; duplicate captions hold even a perfect one
    // above `duplicate_caption_floor`. The first steps sit at chance (measured +0.02); the last
    // ten must cover a stated part of the way to the floor (measured 0.276, loss 2.872).
    let (chance, floor) = ((BATCH as f64).ln(), duplicate_caption_floor(&TRAIN_SHARDS.map(|s| format!("{DATA}/{s}")), BATCH));
    let progress = (chance - last) / (chance - floor);
    eprintln!("CLIP loss {:.4} -> {:.4}; chance ln B {:.4}, duplicate floor {:.4}: {:.3} of the way", first, last, chance, floor, progress);
    assert!(first > chance - 0.1, "first loss {:.4} well below chance ln B = {:.4}", first, chance);
    assert!(
        progress > CLIP_PROGRESS,
        "loss {:.4} -> {:.4} is {:.3} of the way from chance ln B = {:.4} to the duplicate-caption floor {:.4}, want > {}",
        first,
        last,
        progress,
        chance,
        floor,
        CLIP_PROGRESS
    );
    assert!(mean(&rows[rows.len() - 10..], "i2t_accuracy") > mean(&rows[..5], "i2t_accuracy"), "{}", log);
    assert!(rows[0]["logit_scale"].as_f64().unwrap() > 14.0, "exp(2.6592) = 14.3 at the start");

    let out = d.join("an").display().to_string();
    ok(&["analyze", "smoothing", &run, "--batches", "1", "--batch", "16", "--out", &out]);
    let csv = std::fs::read_to_string(Path::new(&out).join("smoothing.csv")).unwrap();
    assert_eq!(csv.lines().filter(|l| l.contains(",clip,2,32,16,16,")).count(), 2, "{}", csv);
}

const BATCH: usize = 32;
/// 0.15 of the way is a loss of 3.14, 0.27 nats above the measured 2.872.
const CLIP_PROGRESS: f64 = 0.15;
const DATA: &str = "datasets/fashion-mnist-tfrecord";
const TRAIN_SHARDS: [&str; 4] = ["train-00000-of-00004", "train-00001-of-00004", "train-00002-of-00004", "train-00003-of-00004"];

/// The lowest expected CLIP loss on batches of `batch` images drawn from `shards` with their
/// class captions. Examples of one class share one caption, so neither direction can tell them
/// apart: an example whose class appears `k` times in the batch loses at least ln k in each
/// direction, the best a model can do is split the probability evenly. With class shares p_c,
/// k = 1 + Binomial(batch - 1, p_c), and the floor is sum_c p_c E[ln k].
fn duplicate_caption_floor(shards: &[String], batch: usize) -> f64 {
    use bamboo::data::tfrecord::read_all;
    use bamboo::data::Example;
    let mut counts = std::collections::BTreeMap::new();
    for shard in shards {
        for r in read_all(&Path::new(env!("CARGO_MANIFEST_DIR")).join(shard)).unwrap() {
            *counts.entry(Example::decode(&r).unwrap().int64_1("image/class/label").unwrap()).or_insert(0usize) += 1;
        }
    }
    let total = counts.values().sum::<usize>() as f64;
    let n = batch - 1;
    counts
        .values()
        .map(|&c| {
            let p = c as f64 / total;
            // Binomial(n, p) probabilities by the ratio of successive terms.
            let mut pmf = (1.0 - p).powi(n as i32);
            let mut e = 0.0;
            for k in 0..=n {
                e += pmf * (1.0 + k as f64).ln();
                pmf *= (n - k) as f64 / (k + 1) as f64 * p / (1.0 - p);
            }
            p * e
        })
        .sum()
}

/// The accuracy of always answering the most common class on the full batches of `batch`
/// images of a validation shard (what evaluation scores), and the number of images scored. The
/// largest class count over the whole shard bounds the one over its scored part from above.
fn constant_answer_accuracy(shard: &str, batch: usize) -> (f64, usize) {
    use bamboo::data::tfrecord::read_all;
    use bamboo::data::Example;
    let records = read_all(&Path::new(env!("CARGO_MANIFEST_DIR")).join(shard)).unwrap();
    let mut counts = std::collections::BTreeMap::new();
    for r in &records {
        *counts.entry(Example::decode(r).unwrap().int64_1("image/class/label").unwrap()).or_insert(0usize) += 1;
    }
    let scored = records.len() / batch * batch;
    let top = *counts.values().max().unwrap();
    ((top as f64 / scored as f64).max(1.0 / counts.len() as f64), scored)
}

#[test]
fn bad_input_is_rejected_before_compiling() {
    let d = tmp("bad");
    let out = d.join("run").display().to_string();
    let mae = ["pretrain", "mae", "--out", &out, "--steps", "1"];
    fails(&[&mae[..], &["--preset", "no-such-model"]].concat(), "unknown preset `no-such-model`");
    fails(&[&mae[..], &["--preset", "mae-vit-t28", "--heads", "5"]].concat(), "`encoder.width`: 128 is not divisible by encoder.heads = 5");
    fails(&[&mae[..], &["--preset", "mae-vit-t28", "--mask-ratio", "1.5"]].concat(), "`mask_ratio`");
    fails(&[&mae[..], &["--preset", "mae-vit-t28", "--mask-ratio", "0"]].concat(), "`mask_ratio`");
    fails(
        &[&mae[..], &["--preset", "mae-vit-t28", "--batch", "63", "--devices", "2"]].concat(),
        "--batch 63 is not divisible by --devices 2",
    );
    fails(&[&mae[..], &["--preset", "mae-vit-t28", "--data", "/nonexistent/train-*"]].concat(), "/nonexistent/train-*");
    fails(&[&mae[..], &["--preset", "mae-vit-t28", "--dropout", "0.1"]].concat(), "--dropout: MAE pre-training runs without dropout");
    fails(&[&mae[..], &["--preset", "mae-vit-t28", "--watch-smoothing", "0"]].concat(), "--watch-smoothing must be at least 1");
    fails(
        &[&mae[..], &["--preset", "mae-vit-t28", "--watch-smoothing", "5", "--accum", "2"]].concat(),
        "--watch-smoothing needs --accum 1",
    );
    let vit = ["train", "vit", "--out", &out, "--steps", "1", "--preset", "vit-t28"];
    fails(&[&vit[..], &["--attention-dropout", "0.1"]].concat(), "--attention-dropout: the ViT recipes have one dropout rate");
    fails(&[&vit[..], &["--dropout", "1.5"]].concat(), "`dropout`: 1.5 is not a probability");
    fails(&["pretrain", "clip", "--out", &out, "--steps", "1", "--preset", "vit-t28"], "`pretrain clip` needs a CLIP preset");
    fails(
        &["pretrain", "clip", "--out", &out, "--steps", "1", "--preset", "clip-t28", "--dropout", "0.1"],
        "the CLIP model has no dropout",
    );
    fails(&[&mae[..], &["--preset", "clip-t28"]].concat(), "a CLIP preset cannot be MAE pre-trained");
}

#[test]
fn lm_pretrain_runs_and_refuses_text_too_short() {
    let d = tmp("lm");
    let run = d.join("lm").display().to_string();
    let out = ok(&[
        "pretrain",
        "lm",
        "--preset",
        "opt-mini",
        "--depth",
        "1",
        "--width",
        "32",
        "--heads",
        "2",
        "--seq-len",
        "32",
        "--steps",
        "2",
        "--batch",
        "4",
        "--out",
        &run,
    ]);
    assert!(out.contains("datasets/wiki-sample/wiki.txt: 20 documents") && out.contains("sequences of 32"), "{}", out);
    assert!(Path::new(&run).join("ckpt-00000002/model.safetensors").exists());
    // Over-smoothing of the trained decoder on the same text, 1-D over token positions.
    let an = d.join("an").display().to_string();
    let out = ok(&["analyze", "smoothing", &run, "--seq-len", "32", "--batch", "4", "--batches", "2", "--out", &an]);
    assert!(out.contains("(opt, 1 x 32, 32 tokens)") && out.contains("8 examples"), "{}", out);
    assert_eq!(std::fs::read_to_string(Path::new(&an).join("smoothing.csv")).unwrap().lines().count(), 2);
    let lm = ["pretrain", "lm", "--preset", "opt-mini", "--out", &run, "--steps", "1"];
    let short = write(&d, "short.txt", "One short sentence.\nAnd another one.\n");
    fails(&[&lm[..], &["--data", &short]].concat(), &format!("--data {}: 9 tokens in 1 document(s) make no sequence of 128 tokens", short));
    let few = write(&d, "few.txt", &"The quick brown fox jumps over the lazy dog.\n".repeat(40));
    fails(
        &[&lm[..], &["--data", &few, "--seq-len", "64", "--batch", "16"]].concat(),
        "make 6 sequence(s) of 64 tokens, fewer than one batch of 16",
    );
    fails(&[&lm[..], &["--seq-len", "1"]].concat(), "`seq_len`: 1 leaves no next token to predict");
    fails(&[&lm[..], &["--seq-len", "1000"]].concat(), "`seq_len`: 1000 exceeds max_positions = 512");
    fails(&[&lm[..], &["--data", "/nonexistent/text.txt"]].concat(), "/nonexistent/text.txt");
    fails(&["pretrain", "lm", "--preset", "bert-mini", "--out", &run], "`pretrain lm` needs an OPT preset");
    fails(
        &["pretrain", "lm", "--preset", "opt-125m", "--out", &run, "--config", &write(&d, "small-vocab.json", &small_vocab_opt())],
        "has 30522 tokens, more than the model's vocab_size = 1000",
    );
}

/// The padding and causal masks add the most negative f32 to scores; in bf16 that is -inf, and
/// a mask built by multiplying it by 0 turned every loss into NaN.
#[test]
fn text_recipes_train_in_bf16() {
    let d = tmp("bf16");
    let tiny = ["--depth", "1", "--width", "32", "--heads", "2", "--steps", "2", "--batch", "8", "--bf16"];
    let lm = d.join("lm").display().to_string();
    let out = ok(&[&["pretrain", "lm", "--preset", "opt-mini", "--seq-len", "32", "--out", &lm][..], &tiny].concat());
    assert!(out.contains("done: 2 steps"), "{}", out);
    let bert = d.join("bert").display().to_string();
    let out =
        ok(&[&["pretrain", "bert", "--preset", "bert-mini", "--data", "datasets/wiki-sample/pretraining/*", "--out", &bert][..], &tiny]
            .concat());
    assert!(out.contains("done: 2 steps"), "{}", out);
}

fn small_vocab_opt() -> String {
    format!(
        r#"{{"model": "opt", "vocab_size": 1000, "max_positions": 64, "decoder": {ENC}, "norm": "pre",
        "layer_norm_eps": 1e-5, "dropout": 0.0, "attention_dropout": 0.0, "seq_len": 32}}"#
    )
}

#[test]
fn checkpoint_of_another_shape_is_named() {
    let d = tmp("shape");
    let mae = write(&d, "mae.json", &mae_json());
    let run = d.join("mae").display().to_string();
    ok(&["pretrain", "mae", "--preset", "mae-vit-t28", "--config", &mae, "--batch", "16", "--out", &run, "--steps", "1"]);
    let o = bamboo(&[
        "finetune",
        "--preset",
        "vit-t28",
        "--from",
        &format!("{}/ckpt-00000001", run),
        "--steps",
        "1",
        "--out",
        &d.join("ft").display().to_string(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("does not fit the model of --preset vit-t28"), "{}", err);
    assert!(err.contains("cls_token: [1, 1, 32] in the checkpoint, [1, 1, 128] in the model"), "{}", err);
    assert!(
        err.contains("blocks.0.attn.qkv.weight: [96, 32] in the checkpoint, [384, 128] in the model"),
        "every mismatch is listed:\n{}",
        err
    );
    assert!(!err.contains("compiled the training step"), "refused before compiling:\n{}", err);
}

/// The study (the demo's command) at a few steps: its table goes to study.json / study.csv /
/// study.png, and its pixel floor is the one the library fits on the same images.
#[test]
fn study_writes_its_table_and_the_pixel_floor() {
    let d = tmp("study");
    let out = d.join("s");
    let text = ok(&[
        "study",
        "--presets",
        "vit-t28",
        "--pretrain-steps",
        "2",
        "--finetune-steps",
        "2",
        "--batch",
        "16",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(text.contains("| pixel floor |"), "no floor row in:\n{}", text);
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("study.json")).unwrap()).unwrap();
    let floor = json["pixel_floor"]["accuracy"].as_f64().unwrap();
    // PyTorch's L-BFGS on the same objective and images: 82.2% (see the test below).
    assert!((floor - 0.822).abs() <= 0.0021, "the study's floor {} against the reference 0.822", floor);
    assert_eq!(json["rows"][0]["name"], "vit-t28");
    let acc = json["rows"][0]["accuracy"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&acc));
    let csv = std::fs::read_to_string(out.join("study.csv")).unwrap();
    assert_eq!(csv.lines().count(), 2, "a header and one row:\n{}", csv);
    assert!(csv.lines().nth(1).unwrap().starts_with("vit-t28,6,128,"));
    let png = std::fs::read(out.join("study.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(!out.join("study.partial").exists());
    // The demo's runs keep the bilinear crops its published numbers were measured with.
    for run in ["mae-vit-t28", "vit-t28-finetune"] {
        assert_eq!(interpolation(out.join(run).to_str().unwrap()), "bilinear", "{}", run);
    }
}

/// The floor against an independent fit: PyTorch's L-BFGS (strong Wolfe line search, f64) on the
/// same objective (mean cross-entropy + 1e-3 / 2 ||W||^2, pixels / 255) over the first 2,000
/// Fashion-MNIST training images gives 82.2% on the first 500 test images, the embedded
/// validation shard. One image is 0.2%.
#[test]
fn pixel_floor_matches_an_independent_fit() {
    let train = bamboo::data::pixels::labeled_pixels("datasets/fashion-mnist-tfrecord/train-*", 10).unwrap();
    let val = bamboo::data::pixels::labeled_pixels("datasets/fashion-mnist-tfrecord/validation-*", 10).unwrap();
    assert_eq!((train.len(), val.len(), train.dim), (2000, 500, 784));
    let fit = bamboo::train::pixel_floor::PixelFloor::fit(&train, 10, 1e-3, 500, 1e-6);
    let acc = fit.accuracy(&val);
    assert!((acc - 0.822).abs() <= 0.0021, "pixel floor {} against the reference 0.822", acc);
    // The compiled objective (what `bamboo study` fits with), at the study's 100 iterations.
    let fit = bamboo::train::pixel_floor::PixelFloor::fit_compiled(common::client(), &train, 10, 1e-3, 100, 1e-6).unwrap();
    let acc = fit.accuracy(&val);
    assert!((acc - 0.822).abs() <= 0.0021, "compiled pixel floor {} against the reference 0.822", acc);
}

/// The compiled floor objective (traced in f64, gradient by autodiff) against the host one
/// (written out by hand) at a random point: the same number and gradient to rounding.
#[test]
fn compiled_pixel_floor_objective_equals_the_host_one() {
    use bamboo::train::pixel_floor::{objective, CompiledObjective};
    let train = bamboo::data::pixels::labeled_pixels("datasets/fashion-mnist-tfrecord/train-*", 10).unwrap();
    let mut rng = common::Rng::new(7);
    let theta = rng.normals(10 * train.dim + 10, 0.05);
    let mut host_grad = vec![0.0; theta.len()];
    let host = objective(&theta, &train, 10, 1e-3, &mut host_grad);
    let compiled = CompiledObjective::new(common::client(), &train, 10, 1e-3).unwrap();
    let mut grad = vec![0.0; theta.len()];
    let value = compiled.eval(&theta, &mut grad).unwrap();
    assert!((value - host).abs() <= 1e-12 * host.abs(), "objective {} against the host's {}", value, host);
    let scale = host_grad.iter().fold(0.0f64, |m, g| m.max(g.abs()));
    let worst = grad.iter().zip(&host_grad).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    assert!(worst <= 1e-10 * scale, "gradient differs by {} (largest entry {})", worst, scale);
}

/// Run from a folder that holds no `datasets/`, a recipe's default data and validation images
/// are still the project's embedded Fashion-MNIST, and the run records where they were.
#[test]
fn default_data_is_found_from_any_folder() {
    let d = tmp("elsewhere");
    let out = d.join("run");
    let o = Command::new(env!("CARGO_BIN_EXE_bamboo"))
        .args(["train", "vit", "--preset", "vit-n28", "--steps", "1", "--batch", "8", "--out", out.to_str().unwrap()])
        .current_dir(&d)
        .env("TF_CPP_MIN_LOG_LEVEL", "2")
        .env_remove("BAMBOO_HOME")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cfg = run_config(&out);
    let data = cfg["data"].as_str().unwrap();
    let want = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/fashion-mnist-tfrecord/train-*");
    assert!(data.ends_with("train-*"), "{}", data);
    assert_eq!(Path::new(data).parent().unwrap().canonicalize().unwrap(), want.parent().unwrap().canonicalize().unwrap());
}

/// The training loss of each step in a run's metrics.jsonl.
fn losses(run: &Path) -> Vec<f64> {
    let log = std::fs::read_to_string(run.join("metrics.jsonl")).unwrap();
    log.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["loss"].as_f64().unwrap()).collect()
}

/// `--config runs/x/config.json` starts the same run again: the same resolved configuration and
/// the same losses bit for bit; a flag given now replaces the recorded one; another recipe is
/// refused naming the one that started the run.
#[test]
fn a_runs_config_json_runs_it_again() {
    let d = tmp("rerun");
    let (a, b, c) = (d.join("a"), d.join("b"), d.join("c"));
    let s = |p: &Path| p.to_str().unwrap().to_string();
    ok(&[
        "train",
        "vit",
        "--preset",
        "vit-n28",
        "--steps",
        "3",
        "--batch",
        "8",
        "--seed",
        "5",
        "--base-lr",
        "3e-3",
        "--no-mix",
        "--out",
        &s(&a),
    ]);
    let recorded = s(&a.join("config.json"));
    let text = ok(&["train", "vit", "--config", &recorded, "--out", &s(&b)]);
    assert!(text.contains("re-running `bamboo train vit"), "{}", text);
    let (mut ca, mut cb) = (run_config(&a), run_config(&b));
    assert_eq!(ca["command"][0], "train");
    ca.as_object_mut().unwrap().remove("command");
    cb.as_object_mut().unwrap().remove("command");
    assert_eq!(ca, cb, "the same run, resolved");
    assert_eq!(losses(&a), losses(&b), "the same losses, bit for bit");
    ok(&["train", "vit", "--config", &recorded, "--steps", "2", "--out", &s(&c)]);
    let cc = run_config(&c);
    assert_eq!((cc["steps"].as_u64(), cc["seed"].as_u64()), (Some(2), Some(5)), "--steps given now, --seed recorded");
    fails(&["finetune", "--config", &recorded, "--out", &s(&d.join("e"))], "started by `bamboo train vit`");
}
