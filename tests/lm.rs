//! Causal language modelling end to end on the embedded Wikipedia text: packing, the OPT step
//! with dropout, the loop's checkpoints, and a resume that repeats an uninterrupted run exactly.

mod common;

use std::path::{Path, PathBuf};

use bamboo::config::{OptConfig, Stack};
use bamboo::data::text::{lm, Tokenizer};
use bamboo::nn::stack::StackOptions;
use bamboo::optim::{Optimizer, Schedule};
use bamboo::train::objective::CausalLm;
use bamboo::train::run::{run, RunOptions};
use bamboo::train::sources::LmSource;
use bamboo::train::step::StepConfig;
use bamboo::train::trainer::{checkpoints, Trainer};

const SEQ: usize = 32;
const BATCH: usize = 8;
const STEPS: u64 = 12;
/// Measured: 0.163 of the way (loss 9.774); 0.1 leaves 0.2 nats of margin below that.
const PROGRESS: f64 = 0.1;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tiny_opt() -> OptConfig {
    let mut c = OptConfig::new(Stack::new(2, 32, 2));
    c.vocab_size = 30522;
    c.max_positions = 64;
    c.seq_len = SEQ;
    c.dropout = 0.1; // dropout keys must repeat after a resume too
    c
}

fn step_config() -> StepConfig {
    StepConfig {
        optimizer: Optimizer::AdamW { beta1: 0.9, beta2: 0.95, eps: 1e-8 },
        schedule: Schedule::WarmupLinear { lr: 3e-3, warmup: 2, total: STEPS },
        weight_decay: 0.1,
        layer_decay: None,
        clip: Some(1.0),
        replicas: 1,
        accum: 1,
        micro_batch: BATCH,
        bf16: false,
        stack: StackOptions::default(),
        train_only: None,
    }
}

fn packed() -> lm::Packed {
    let tok = Tokenizer::load_uncased(&root().join("datasets/bert-vocab/vocab.txt")).unwrap();
    let sep = tok.vocab.id("[SEP]").unwrap();
    lm::pack_file(&root().join("datasets/wiki-sample/wiki.txt"), &tok, sep, SEQ, 2).unwrap()
}

fn source() -> LmSource {
    LmSource::new(packed(), BATCH, 1, 3, "wiki.txt").unwrap().with_dropout_keys(3)
}

/// The cross-entropy (nats) of the best context-free predictor of the windows' next tokens: the
/// entropy of the unigram distribution of every target (positions 1.. of each packed window).
fn unigram_entropy(p: &lm::Packed) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for i in 0..p.sequences() {
        for &t in &p.sequence(i)[1..] {
            *counts.entry(t).or_insert(0u64) += 1;
        }
    }
    let n = counts.values().sum::<u64>() as f64;
    counts.values().map(|&c| -(c as f64 / n) * (c as f64 / n).ln()).sum()
}

fn options(dir: &Path, steps: u64, resume: bool) -> RunOptions {
    RunOptions {
        out_dir: dir.to_path_buf(),
        steps,
        checkpoint_every: 6,
        keep: 2,
        log_every: 100,
        resume,
        config: serde_json::json!({"recipe": "test"}),
        batch: BATCH,
        process: Default::default(),
        // The straight run overlaps host and device (upload ahead, scalars a step late); the
        // resumed one waits at every step: both must give the same bits.
        overlap: !resume,
    }
}

fn losses(dir: &Path) -> Vec<(u64, f64)> {
    std::fs::read_to_string(dir.join("metrics.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["step"].as_u64().unwrap(), v["loss"].as_f64().unwrap())
        })
        .collect()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bamboo-lm-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn next_token_loss_falls_and_a_resume_repeats_the_uninterrupted_run() {
    let obj = CausalLm(tiny_opt());
    let straight_dir = scratch("straight");
    let mut straight = Trainer::new(common::client(), &obj, step_config(), 5).unwrap();
    run(&mut straight, &mut source(), &options(&straight_dir, STEPS, false)).unwrap();
    let want = losses(&straight_dir);
    assert_eq!(want.len(), STEPS as usize);
    let (first, last) = (want[0].1, want[want.len() - 1].1);
    // References computed on the host, not by the model: a freshly initialized OPT has
    // near-zero logits, so its first loss is a uniform guess over the vocabulary, ln(V); the
    // best any predictor that ignores context can reach on this text is its unigram entropy.
    let uniform = (tiny_opt().vocab_size as f64).ln();
    let unigram = unigram_entropy(&packed());
    let progress = (uniform - last) / (uniform - unigram);
    eprintln!("loss {:.4} -> {:.4}; ln V {:.4}, unigram entropy {:.4}: {:.3} of the way", first, last, uniform, unigram, progress);
    assert!((first - uniform).abs() < 0.05, "first loss {:.4}, a uniform guess gives ln V = {:.4}", first, uniform);
    // 12 steps learn the frequent pieces, not the whole unigram table: a stated part of the way.
    assert!(
        progress > PROGRESS,
        "loss {:.4} -> {:.4} is {:.3} of the way from ln V = {:.4} to the unigram entropy {:.4}, want > {}",
        first,
        last,
        progress,
        uniform,
        unigram,
        PROGRESS
    );

    // Half the steps, a new process (fresh trainer, fresh source), then --resume to the end.
    let dir = scratch("resumed");
    let mut first_half = Trainer::new(common::client(), &obj, step_config(), 5).unwrap();
    run(&mut first_half, &mut source(), &options(&dir, STEPS / 2, false)).unwrap();
    drop(first_half);
    let mut resumed = Trainer::new(common::client(), &obj, step_config(), 99).unwrap();
    run(&mut resumed, &mut source(), &options(&dir, STEPS, true)).unwrap();
    assert_eq!(resumed.step, STEPS);
    assert_eq!(losses(&dir), want, "every step's loss, bit for bit, one line per step");
    let (a, b) = (straight.model_tensors().unwrap(), resumed.model_tensors().unwrap());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, t) in &a {
        assert!(t.to_f32() == b[name].to_f32(), "`{}` differs after the resume", name);
    }
    assert!(a.contains_key("model.decoder.layers.1.self_attn.q_proj.weight") && !a.contains_key("lm_head.weight"));
    assert_eq!(checkpoints(&dir).len(), 2);
    let _ = std::fs::remove_dir_all(&straight_dir);
    let _ = std::fs::remove_dir_all(&dir);
}
