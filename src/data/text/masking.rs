//! Masked-LM targets as in BERT's `create_masked_lm_predictions`: about `masked_lm_prob` of the
//! tokens (counting [CLS]/[SEP], at least one, at most `max_predictions`) are chosen in random
//! order among candidates; each chosen one becomes [MASK] 80% of the time, a random vocab token
//! 10%, itself 10%. With whole-word masking a word's `##` pieces are candidates together.

use super::vocab::Vocab;
use crate::data::rng::Rng;

/// Masks `tokens` in place; returns (positions, original ids), positions ascending.
pub fn mask_tokens(
    tokens: &mut [u32],
    vocab: &Vocab,
    masked_lm_prob: f64,
    max_predictions: usize,
    whole_word: bool,
    rng: &mut Rng,
) -> (Vec<u32>, Vec<u32>) {
    // Candidates are runs of adjacent positions [start, end): a word's pieces are contiguous.
    let mut cands: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
    for (i, &t) in tokens.iter().enumerate() {
        let i = i as u32;
        if t == vocab.cls || t == vocab.sep {
            continue;
        }
        // A `##` piece joins the word just before it. Unlike the reference script, not across a
        // [SEP]: a segment truncated at its front may start with a `##` piece of a cut word.
        match cands.last_mut() {
            Some(last) if whole_word && last.1 == i && vocab.is_continuation(t) => last.1 = i + 1,
            _ => cands.push((i, i + 1)),
        }
    }
    rng.shuffle(&mut cands);
    let want = ((tokens.len() as f64 * masked_lm_prob).round() as usize).max(1).min(max_predictions);
    let mut picked: Vec<(u32, u32)> = Vec::with_capacity(want);
    for &(a, b) in &cands {
        if picked.len() >= want {
            break;
        }
        // A whole word that would overshoot the budget is passed over, not cut.
        if picked.len() + (b - a) as usize > want {
            continue;
        }
        for i in a..b {
            let orig = tokens[i as usize];
            let r = rng.f64();
            tokens[i as usize] = if r < 0.8 {
                vocab.mask
            } else if rng.bernoulli(0.5) {
                orig
            } else {
                rng.below(vocab.len() as u64) as u32
            };
            picked.push((i, orig));
        }
    }
    picked.sort_unstable();
    picked.into_iter().unzip()
}
