//! Captions for image-text pairs built from class labels: "a photo of a sneaker".
//!
//! No reachable registry carries image-text pairs, so CLIP's contrastive objective runs on the
//! embedded Fashion-MNIST sample with one caption per class. The tokenizer is a word table
//! (the captions use 15 words), laid out as CLIP's BPE vocabulary is at its ends: the
//! start-of-text token first and the end-of-text token the largest id, so a model pooled at the
//! largest id (`eos_token_id: null`) reads the end of the caption. Padding follows the end.

use anyhow::{bail, Result};

/// Fashion-MNIST's class names in label order (the words of `convert::FASHION_SYNSETS`).
pub const FASHION_CLASSES: [&str; 10] =
    ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"];

const WORDS: [&str; 15] =
    ["a", "an", "photo", "of", "t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle", "boot"];

pub const PAD: i32 = 0;
pub const BOS: i32 = 1;
/// The end-of-text token: the largest id of the vocabulary.
pub const EOS: i32 = VOCAB_SIZE as i32 - 1;
/// Ids 0..32: padding, start, the words from 2 on, unused ids, the end-of-text token last.
pub const VOCAB_SIZE: usize = 32;

/// The caption of Fashion-MNIST class `label`.
pub fn caption(label: usize) -> Result<String> {
    match FASHION_CLASSES.get(label) {
        Some(name) => {
            let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            Ok(format!("a photo of {} {}", article, name))
        }
        None => bail!("label {} is not a Fashion-MNIST class (0..{})", label, FASHION_CLASSES.len()),
    }
}

/// `[BOS, words..., EOS, PAD...]`, `seq_len` ids; fails naming the caption when it does not fit.
pub fn encode(text: &str, seq_len: usize) -> Result<Vec<i32>> {
    let mut ids = vec![BOS];
    for w in text.split_whitespace() {
        match WORDS.iter().position(|&k| k == w) {
            Some(i) => ids.push(2 + i as i32),
            None => bail!("caption {:?}: the word {:?} is not in the caption vocabulary", text, w),
        }
    }
    ids.push(EOS);
    if ids.len() > seq_len {
        bail!("caption {:?} takes {} tokens with its start and end, more than seq_len = {}", text, ids.len(), seq_len);
    }
    ids.resize(seq_len, PAD);
    Ok(ids)
}

/// The captions of a batch of labels, `[labels.len() * seq_len]` row-major.
pub fn encode_labels(labels: &[i32], seq_len: usize) -> Result<Vec<i32>> {
    let mut out = Vec::with_capacity(labels.len() * seq_len);
    for &l in labels {
        out.extend(encode(&caption(l.max(0) as usize)?, seq_len)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_fit_the_small_clip_presets() {
        assert_eq!(caption(7).unwrap(), "a photo of a sneaker");
        assert_eq!(encode(&caption(7).unwrap(), 8).unwrap(), [BOS, 2, 4, 5, 2, 13, EOS, PAD]);
        // The longest, "a photo of an ankle boot", fills all 8 positions.
        assert_eq!(encode(&caption(9).unwrap(), 8).unwrap(), [BOS, 2, 4, 5, 3, 15, 16, EOS]);
        assert!(encode(&caption(9).unwrap(), 7).unwrap_err().to_string().contains("seq_len = 7"));
        assert!(caption(10).unwrap_err().to_string().contains("label 10"));
        // Every id is below the vocabulary's size and the end is the largest.
        let all = encode_labels(&(0..10).collect::<Vec<i32>>(), 8).unwrap();
        assert!(all.iter().all(|&i| (0..EOS).contains(&i) || i == EOS));
    }
}
