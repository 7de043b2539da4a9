//! Results as files: a run's evaluations land on its last metrics line and in TensorBoard at the
//! step they were taken, `results.json` holds its final figures, `bamboo runs` lists the runs
//! beneath a folder (finished, stopped, or without results yet) and `bamboo plot` draws their
//! curves without overwriting a file. Tiny real runs through the real binary and plugin.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn cmd(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bamboo"));
    c.args(args).current_dir(env!("CARGO_MANIFEST_DIR")).env("TF_CPP_MIN_LOG_LEVEL", "2");
    c
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout)
}

fn ok(o: Output, what: &str) -> String {
    assert!(o.status.success(), "{} failed:\n{}", what, text(&o));
    text(&o)
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-results-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const VIT: &str = r#"{"model": "vit", "image_size": 28, "patch_size": 7, "channels": 1,
    "encoder": {"depth": 2, "width": 32, "heads": 2, "mlp_dim": 128}, "num_classes": 10, "pool": "avg",
    "class_token": true, "norm": "pre", "layer_norm_eps": 1e-6, "drop_path": 0.0, "dropout": 0.0}"#;

fn log(run: &Path) -> Vec<Value> {
    std::fs::read_to_string(run.join("metrics.jsonl")).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn eval_keys(line: &Value) -> Vec<String> {
    line.as_object().unwrap().keys().filter(|k| k.starts_with("eval/")).cloned().collect()
}

/// The scalar events in a TensorBoard file as (step, tag, value), decoded from the Event and
/// Summary protos (wall_time = 1, step = 2, summary = 5; value = 1; tag = 1, simple_value = 2).
fn tb_scalars(file: &Path) -> Vec<(u64, String, f32)> {
    fn fields(mut b: &[u8]) -> Vec<(u64, Vec<u8>, u64)> {
        let varint = |b: &mut &[u8]| {
            let mut v = 0u64;
            for shift in (0..64).step_by(7) {
                let byte = b[0];
                *b = &b[1..];
                v |= ((byte & 0x7f) as u64) << shift;
                if byte < 0x80 {
                    break;
                }
            }
            v
        };
        let mut out = vec![];
        while !b.is_empty() {
            let key = varint(&mut b);
            let (bytes, int) = match key & 7 {
                0 => (vec![], varint(&mut b)),
                1 => (b[..8].to_vec(), 0),
                5 => (b[..4].to_vec(), 0),
                2 => {
                    let n = varint(&mut b) as usize;
                    (b[..n].to_vec(), 0)
                }
                w => panic!("wire type {}", w),
            };
            let skip = match key & 7 {
                1 => 8,
                5 => 4,
                2 => bytes.len(),
                _ => 0,
            };
            b = &b[skip..];
            out.push((key >> 3, bytes, int));
        }
        out
    }
    let mut out = vec![];
    for rec in bamboo::data::tfrecord::read_all(file).unwrap() {
        let ev = fields(&rec);
        let step = ev.iter().find(|f| f.0 == 2).map_or(0, |f| f.2);
        for (_, summary, _) in ev.iter().filter(|f| f.0 == 5) {
            for (_, value, _) in fields(summary) {
                let v = fields(&value);
                let tag = String::from_utf8(v.iter().find(|f| f.0 == 1).unwrap().1.clone()).unwrap();
                let x = f32::from_le_bytes(v.iter().find(|f| f.0 == 2).unwrap().1[..4].try_into().unwrap());
                out.push((step, tag, x));
            }
        }
    }
    out
}

fn tb_file(run: &Path) -> PathBuf {
    std::fs::read_dir(run.join("tb")).unwrap().next().unwrap().unwrap().path()
}

#[test]
fn evaluations_and_results_are_files_and_runs_are_listed_and_plotted() {
    let d = tmp("runs");
    let cfg = d.join("vit.json");
    std::fs::write(&cfg, VIT).unwrap();
    let (runs, cfg) = (d.join("runs"), cfg.display().to_string());
    let (vit, mae) = (runs.join("vit"), runs.join("mae"));
    let (v, m) = (vit.display().to_string(), mae.display().to_string());
    // Two tiny runs at once: a ViT from scratch (evaluated) and an MAE stopped before its end.
    let a = cmd(&["train", "vit", "--preset", "vit-t28", "--config", &cfg, "--steps", "3", "--batch", "16", "--out", &v])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let b = cmd(&[
        "pretrain",
        "mae",
        "--preset",
        "mae-vit-t28",
        "--depth",
        "1",
        "--width",
        "32",
        "--heads",
        "2",
        "--steps",
        "4",
        "--stop-after",
        "2",
        "--batch",
        "16",
        "--out",
        &m,
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let printed = ok(a.wait_with_output().unwrap(), "train vit");
    ok(b.wait_with_output().unwrap(), "pretrain mae");

    // The evaluation is on the last step's line, as printed, and on no other line.
    let acc: f64 = printed.split("validation accuracy: ").nth(1).expect(&printed)[..6].parse().unwrap();
    let lines = log(&vit);
    let last = lines.last().unwrap();
    assert_eq!(last["step"], 3);
    assert_eq!(eval_keys(last), vec!["eval/accuracy"]);
    let logged = last["eval/accuracy"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&logged) && (logged - acc).abs() <= 5e-5, "logged {} printed {}", logged, acc);
    assert!(lines[..2].iter().all(|l| eval_keys(l).is_empty()), "{:?}", lines);
    // TensorBoard holds it at the same step, beside that step's training loss.
    let tb = tb_scalars(&tb_file(&vit));
    let at = |tag: &str| tb.iter().filter(|s| s.1 == tag).map(|s| (s.0, s.2)).collect::<Vec<_>>();
    assert_eq!(at("eval/accuracy"), vec![(3, logged as f32)]);
    assert_eq!(at("loss").last(), Some(&(3, last["loss"].as_f64().unwrap() as f32)));

    // results.json: the final loss and evaluations of the last line, the model's exact counts.
    let r = json(&vit.join("results.json"));
    assert_eq!(r["final_loss"], last["loss"]);
    assert_eq!(r["evaluations"]["eval/accuracy"], last["eval/accuracy"]);
    assert_eq!((r["last_step"].as_u64(), r["steps"].as_u64(), r["finished"].as_bool()), (Some(3), Some(3), Some(true)));
    let model = bamboo::config::ModelConfig::from_json(VIT).unwrap();
    assert_eq!(r["shape"]["params"].as_u64(), Some(model.params().total()));
    assert_eq!(r["shape"]["forward_flops"].as_u64(), Some(model.flops().forward()));
    assert_eq!((r["shape"]["depth"].as_u64(), r["shape"]["width"].as_u64()), (Some(2), Some(32)));
    assert!(r["wall_seconds"].as_f64().unwrap() > 0.0);
    let rm = json(&mae.join("results.json"));
    assert_eq!((rm["last_step"].as_u64(), rm["steps"].as_u64(), rm["finished"].as_bool()), (Some(2), Some(4), Some(false)));
    assert_eq!(rm["final_loss"], log(&mae).last().unwrap()["loss"]);
    assert_eq!(rm["evaluations"].as_object().map(|o| o.len()), Some(0));

    // A run without results.json yet (its first two lines, as if it were still training).
    let partial = runs.join("deeper/partial");
    std::fs::create_dir_all(&partial).unwrap();
    std::fs::copy(vit.join("config.json"), partial.join("config.json")).unwrap();
    let head: String = std::fs::read_to_string(vit.join("metrics.jsonl")).unwrap().lines().take(2).map(|l| l.to_string() + "\n").collect();
    std::fs::write(partial.join("metrics.jsonl"), head + "{\"step\":3,\"ti").unwrap(); // a line cut by a kill

    let listed = ok(cmd(&["runs", &runs.display().to_string(), "--json"]).output().unwrap(), "runs --json");
    let rows: Vec<Value> = serde_json::from_str(&listed).unwrap();
    let row = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("no {} in {}", name, listed)).clone();
    assert_eq!(rows.len(), 3, "{}", listed);
    assert_eq!((row("vit")["last_step"].as_u64(), &row("vit")["final_loss"]), (Some(3), &last["loss"]));
    assert_eq!(row("vit")["evaluations"]["eval/accuracy"], last["eval/accuracy"]);
    assert_eq!((row("mae")["last_step"].as_u64(), &row("mae")["final_loss"]), (Some(2), &rm["final_loss"]));
    assert_eq!(row("mae")["status"], "stopped at step 2 of 4");
    let p = row("deeper/partial");
    assert_eq!((p["last_step"].as_u64(), &p["final_loss"], p["status"].as_str()), (Some(2), &lines[1]["loss"], Some("running or stopped")));

    let table = ok(cmd(&["runs", &runs.display().to_string()]).output().unwrap(), "runs");
    let vit_line = table.lines().find(|l| l.starts_with("vit ")).expect(&table);
    let loss = format!("{:.4}", last["loss"].as_f64().unwrap());
    for needle in ["train vit", "2x32", "3/3", &loss, &format!("accuracy {:.4}", logged), "finished"] {
        assert!(vit_line.contains(needle), "`{}` not in `{}`", needle, vit_line);
    }
    assert!(table.lines().any(|l| l.starts_with("deeper/partial ") && l.contains("running or stopped")), "{}", table);

    // A PNG with both runs; an existing file is left alone unless --force.
    let png = d.join("curves.png");
    let pn = png.display().to_string();
    ok(cmd(&["plot", &v, &m, "--out", &pn]).output().unwrap(), "plot");
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.len() > 8 && bytes[..8] == *b"\x89PNG\r\n\x1a\n", "not a PNG");
    let o = cmd(&["plot", &v, "--out", &pn]).output().unwrap();
    assert!(!o.status.success() && text(&o).contains("already exists") && text(&o).contains("--force"), "{}", text(&o));
    assert_eq!(std::fs::read(&png).unwrap(), bytes, "a refused plot changed the file");
    ok(cmd(&["plot", &v, "--out", &pn, "--force"]).output().unwrap(), "plot --force");
    assert_ne!(std::fs::read(&png).unwrap(), bytes, "--force replaced the file with the one-run plot");

    // A folder holding only a results.json is a run's: a fresh run is refused there.
    let lone = d.join("lone");
    std::fs::create_dir_all(&lone).unwrap();
    std::fs::copy(vit.join("results.json"), lone.join("results.json")).unwrap();
    let o = cmd(&["train", "vit", "--preset", "vit-t28", "--steps", "1", "--out", &lone.display().to_string()]).output().unwrap();
    assert!(!o.status.success() && text(&o).contains("already holds a run (results.json)"), "{}", text(&o));
}
