//! Pre-training instances from tokenized documents, following BERT's
//! `create_pretraining_data.py`: sentences are packed into chunks up to a target length (shorter
//! with probability `short_seq_prob`), a chunk is cut into A and B, half the time B is replaced
//! by a span of another document (NSP label 1) and the unused sentences go back, the pair is
//! truncated from a random end of the longer side, then masked.
//!
//! Randomness: every (dupe, document) pair draws from its own keyed generator, so documents can
//! be processed on any number of threads with the same result; the document order and the final
//! instance order are shuffled with generators of their own.

use super::masking::mask_tokens;
use super::vocab::Vocab;
use super::wordpiece::Tokenizer;
use crate::data::error::{DataError, ErrorKind, Result};
use crate::data::rng::Rng;

/// A tokenized document: its sentences as piece ids.
pub type TokenDoc = Vec<Vec<u32>>;

#[derive(Clone, Debug)]
pub struct PretrainConfig {
    pub max_seq_length: usize,
    pub max_predictions_per_seq: usize,
    pub masked_lm_prob: f64,
    pub dupe_factor: usize,
    pub short_seq_prob: f64,
    pub whole_word_mask: bool,
    pub seed: u64,
    pub threads: usize,
}

impl Default for PretrainConfig {
    fn default() -> Self {
        PretrainConfig {
            max_seq_length: 128,
            max_predictions_per_seq: 20,
            masked_lm_prob: 0.15,
            dupe_factor: 10,
            short_seq_prob: 0.1,
            whole_word_mask: false,
            seed: 12345,
            threads: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        }
    }
}

impl PretrainConfig {
    pub fn check(&self) -> Result<()> {
        let bad = |d: String| Err(DataError::new(ErrorKind::Format, d));
        if self.max_seq_length < 5 {
            return bad(format!("max_seq_length {} leaves no room for [CLS] A [SEP] B [SEP]", self.max_seq_length));
        }
        if self.max_predictions_per_seq == 0 || !(0.0..=1.0).contains(&self.masked_lm_prob) || !(0.0..=1.0).contains(&self.short_seq_prob) {
            return bad("max_predictions_per_seq must be positive and probabilities in [0, 1]".into());
        }
        Ok(())
    }
}

/// One training example before padding.
#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    /// [CLS] A [SEP] B [SEP], masked.
    pub tokens: Vec<u32>,
    /// 0 for [CLS], A and the first [SEP]; 1 for B and the last [SEP].
    pub segment_ids: Vec<u8>,
    pub is_random_next: bool,
    pub masked_positions: Vec<u32>,
    pub masked_labels: Vec<u32>,
}

const KEY_DOC_ORDER: u64 = 0x646f_6373;
const KEY_DOC: u64 = 0x696e_7374;
const KEY_INSTANCE_ORDER: u64 = 0x7368_7566;

/// Tokenizes documents on `threads` threads; empty sentences and documents are dropped.
pub fn tokenize_documents(tok: &Tokenizer, docs: &[Vec<String>], threads: usize) -> Vec<TokenDoc> {
    let per = docs.len().div_ceil(threads.max(1)).max(1);
    let parts: Vec<Vec<TokenDoc>> = std::thread::scope(|s| {
        let hs: Vec<_> = docs
            .chunks(per)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|d| d.iter().map(|line| tok.encode(line)).filter(|t| !t.is_empty()).collect::<TokenDoc>())
                        .filter(|d| !d.is_empty())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().expect("tokenizer thread panicked")).collect()
    });
    parts.into_iter().flatten().collect()
}

/// All instances: `dupe_factor` passes over the (shuffled) documents, then shuffled.
pub fn create_instances(docs: &[TokenDoc], vocab: &Vocab, cfg: &PretrainConfig) -> Result<Vec<Instance>> {
    cfg.check()?;
    if docs.is_empty() {
        return Err(DataError::new(ErrorKind::Format, "no documents with any tokens"));
    }
    let mut order: Vec<&TokenDoc> = docs.iter().collect();
    Rng::derive(cfg.seed, &[KEY_DOC_ORDER]).shuffle(&mut order);
    let jobs: Vec<(usize, usize)> = (0..cfg.dupe_factor).flat_map(|d| (0..order.len()).map(move |i| (d, i))).collect();
    let per = jobs.len().div_ceil(cfg.threads.max(1)).max(1);
    let order = &order;
    let parts: Vec<Vec<Instance>> = std::thread::scope(|s| {
        let hs: Vec<_> = jobs
            .chunks(per)
            .map(|chunk| {
                s.spawn(move || {
                    let mut out = Vec::new();
                    for &(d, i) in chunk {
                        let mut rng = Rng::derive(cfg.seed, &[KEY_DOC, d as u64, i as u64]);
                        from_document(order, i, vocab, cfg, &mut rng, &mut out);
                    }
                    out
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().expect("instance thread panicked")).collect()
    });
    let mut all: Vec<Instance> = parts.into_iter().flatten().collect();
    Rng::derive(cfg.seed, &[KEY_INSTANCE_ORDER]).shuffle(&mut all);
    Ok(all)
}

/// Uniform integer in [lo, hi] (both inclusive, as Python's randint).
fn randint(rng: &mut Rng, lo: usize, hi: usize) -> usize {
    lo + rng.below((hi - lo + 1) as u64) as usize
}

fn from_document(docs: &[&TokenDoc], index: usize, vocab: &Vocab, cfg: &PretrainConfig, rng: &mut Rng, out: &mut Vec<Instance>) {
    let doc = docs[index];
    let max_tokens = cfg.max_seq_length - 3;
    let target = if rng.f64() < cfg.short_seq_prob { randint(rng, 2, max_tokens) } else { max_tokens };
    let mut chunk: Vec<&Vec<u32>> = Vec::new();
    let mut chunk_len = 0;
    let mut i = 0;
    while i < doc.len() {
        chunk.push(&doc[i]);
        chunk_len += doc[i].len();
        if i == doc.len() - 1 || chunk_len >= target {
            let a_end = if chunk.len() >= 2 { randint(rng, 1, chunk.len() - 1) } else { 1 };
            let mut a: Vec<u32> = chunk[..a_end].iter().flat_map(|s| s.iter().copied()).collect();
            let mut b: Vec<u32> = Vec::new();
            let random_next = chunk.len() == 1 || rng.f64() < 0.5;
            if random_next {
                let b_target = target.saturating_sub(a.len());
                // Ten tries at another document; a corpus of one document pairs with itself.
                let mut other = index;
                for _ in 0..10 {
                    other = randint(rng, 0, docs.len() - 1);
                    if other != index {
                        break;
                    }
                }
                let od = docs[other];
                let start = randint(rng, 0, od.len() - 1);
                for s in &od[start..] {
                    b.extend_from_slice(s);
                    if b.len() >= b_target {
                        break;
                    }
                }
                // The sentences not used as A go back to be read again.
                i -= chunk.len() - a_end;
            } else {
                b = chunk[a_end..].iter().flat_map(|s| s.iter().copied()).collect();
            }
            truncate_pair(&mut a, &mut b, max_tokens, rng);
            if !a.is_empty() && !b.is_empty() {
                out.push(assemble(a, b, random_next, vocab, cfg, rng));
            }
            chunk.clear();
            chunk_len = 0;
        }
        i += 1;
    }
}

/// Removes tokens from the longer side, from its front or back at random, until the pair fits.
fn truncate_pair(a: &mut Vec<u32>, b: &mut Vec<u32>, max_tokens: usize, rng: &mut Rng) {
    while a.len() + b.len() > max_tokens {
        let t = if a.len() > b.len() { &mut *a } else { &mut *b };
        if rng.f64() < 0.5 {
            t.remove(0);
        } else {
            t.pop();
        }
    }
}

fn assemble(a: Vec<u32>, b: Vec<u32>, random_next: bool, vocab: &Vocab, cfg: &PretrainConfig, rng: &mut Rng) -> Instance {
    let mut tokens = Vec::with_capacity(a.len() + b.len() + 3);
    tokens.push(vocab.cls);
    tokens.extend_from_slice(&a);
    tokens.push(vocab.sep);
    tokens.extend_from_slice(&b);
    tokens.push(vocab.sep);
    let mut segment_ids = vec![0u8; a.len() + 2];
    segment_ids.resize(tokens.len(), 1);
    let (masked_positions, masked_labels) =
        mask_tokens(&mut tokens, vocab, cfg.masked_lm_prob, cfg.max_predictions_per_seq, cfg.whole_word_mask, rng);
    Instance { tokens, segment_ids, is_random_next: random_next, masked_positions, masked_labels }
}
