//! create-pretraining throughput, stage by stage, on a corpus in BERT's text format.

use std::path::Path;
use std::time::Instant;

use super::corpus::Document;
use super::pretraining::{create_instances, tokenize_documents, PretrainConfig};
use super::records::{write_shards, Shape};
use super::wordpiece::Tokenizer;
use crate::data::error::Result;

pub fn create_pretraining(tok: &Tokenizer, docs: &[Document], cfg: &PretrainConfig, out_dir: &Path) -> Result<Vec<String>> {
    let words: usize = docs.iter().flatten().map(|s| s.split_whitespace().count()).sum();
    let bytes: usize = docs.iter().flatten().map(|s| s.len() + 1).sum();
    let t = Instant::now();
    let tdocs = tokenize_documents(tok, docs, cfg.threads);
    let tok_s = t.elapsed().as_secs_f64();
    let pieces: usize = tdocs.iter().flatten().map(|s| s.len()).sum();
    let t = Instant::now();
    let inst = create_instances(&tdocs, &tok.vocab, cfg)?;
    let inst_s = t.elapsed().as_secs_f64();
    let shape = Shape { max_seq_length: cfg.max_seq_length, max_predictions: cfg.max_predictions_per_seq };
    let t = Instant::now();
    let (_, written) = write_shards(out_dir, &inst, shape, 4)?;
    let write_s = t.elapsed().as_secs_f64();
    let n = inst.len() as f64;
    let total = tok_s + inst_s + write_s;
    Ok(vec![
        format!("corpus: {} documents, {} words, {:.1} MB, {} word pieces", docs.len(), words, bytes as f64 / 1e6, pieces),
        format!(
            "tokenize ({} threads): {:.2} s, {:.2} MB/s, {:.0} words/s",
            cfg.threads,
            tok_s,
            bytes as f64 / 1e6 / tok_s,
            words as f64 / tok_s
        ),
        format!(
            "instances + masking (dupe {}): {} sequences in {:.2} s, {:.0} sequences/s",
            cfg.dupe_factor,
            inst.len(),
            inst_s,
            n / inst_s
        ),
        format!("encode + write TFRecords: {:.2} s, {:.0} sequences/s, {:.1} MB", write_s, n / write_s, written as f64 / 1e6),
        format!("create-pretraining end to end (text in memory): {:.0} sequences/s", n / total),
    ])
}
