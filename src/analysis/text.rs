//! Evaluation text for analyses: the same token windows in the same order for every text model.
//!
//! The text is packed as `pretrain lm` packs it (documents end to end, [SEP] between them) into
//! windows of `seq_len` tokens, read in file order, no shuffle, no padding. OPT reads a window
//! as it is; BERT reads `[CLS] + its first seq_len - 2 tokens + [SEP]`, the form it was
//! pre-trained on, so both models see `seq_len` positions starting at the same text.

use std::path::Path;

use anyhow::{ensure, Context, Result};

use super::hidden::TextModel;
use crate::data::text::{lm, Tokenizer};
use crate::runtime::HostTensor;

/// Up to `max_batches` batches of `batch` windows, ids `i32[B, seq_len]` for `model`. Fails,
/// naming the file and the lengths, when the text holds less than one batch.
pub fn eval_text(
    text: &Path,
    vocab: &Path,
    model: &TextModel,
    seq_len: usize,
    batch: usize,
    max_batches: usize,
) -> Result<Vec<HostTensor>> {
    ensure!(batch > 0 && max_batches > 0, "batch size and batch count must be positive");
    ensure!(seq_len >= 3, "--seq-len {} is too short for a text model (at least 3: BERT adds [CLS] and [SEP])", seq_len);
    ensure!(seq_len <= model.max_positions(), "--seq-len {} exceeds the model's max_positions = {}", seq_len, model.max_positions());
    let tok = Tokenizer::load_uncased(vocab).with_context(|| format!("--vocab {}", vocab.display()))?;
    ensure!(
        tok.vocab.len() <= model.vocab_size(),
        "--vocab {} has {} tokens, more than the model's vocab_size = {}",
        vocab.display(),
        tok.vocab.len(),
        model.vocab_size()
    );
    let id = |t: &str| tok.vocab.id(t).with_context(|| format!("--vocab {} has no {} token", vocab.display(), t));
    let (cls, sep) = (id("[CLS]")?, id("[SEP]")?);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let packed = lm::pack_file(text, &tok, sep, seq_len, threads).with_context(|| format!("--text {}", text.display()))?;
    let n = packed.sequences().min(batch * max_batches) / batch;
    ensure!(
        n > 0,
        "--text {}: {} tokens make {} window(s) of {} tokens, fewer than one batch of {}",
        text.display(),
        packed.tokens,
        packed.sequences(),
        seq_len,
        batch
    );
    let window = |i: usize| -> Vec<i32> {
        let w = packed.sequence(i);
        match model {
            TextModel::Opt(_) => w.iter().map(|&t| t as i32).collect(),
            TextModel::Bert(_) => std::iter::once(cls).chain(w[..seq_len - 2].iter().copied()).chain([sep]).map(|t| t as i32).collect(),
        }
    };
    (0..n)
        .map(|b| {
            let ids: Vec<i32> = (b * batch..(b + 1) * batch).flat_map(window).collect();
            Ok(HostTensor::from_slice(&[batch as i64, seq_len as i64], &ids)?)
        })
        .collect()
}
