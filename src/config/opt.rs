//! OPT causal language models (Hugging Face `OPTForCausalLM` layout): a decoder-only stack with
//! learned positions (offset 2), ReLU MLPs, a causal mask, and the LM head tied to the token
//! embeddings. The public pre-LN sizes (`do_layer_norm_before`, every size but 350m) end the stack
//! with `model.decoder.final_layer_norm`; post-LN has none.

use serde::{Deserialize, Serialize};

use super::count::{Flops, Params};
use super::error::{ensure, ConfigError};
use super::stack::{linear_flops, Norm, Stack};
use super::vit::validate_rates;

/// OPT's learned position table has this many extra rows in front (`OPTLearnedPositionalEmbedding`).
pub const POSITION_OFFSET: usize = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptConfig {
    pub vocab_size: usize,
    /// Hugging Face's `max_position_embeddings`; the table has `max_positions + 2` rows.
    pub max_positions: usize,
    /// The decoder's blocks (depth, width, heads, `ffn_dim`).
    pub decoder: Stack,
    pub norm: Norm,
    pub layer_norm_eps: f64,
    /// On each branch output (`dropout`).
    pub dropout: f64,
    /// On the attention probabilities (`attention_dropout`).
    pub attention_dropout: f64,
    /// Tokens per training sequence (input shapes and FLOPs); at most `max_positions`.
    pub seq_len: usize,
}

impl OptConfig {
    /// The public OPT settings around `decoder`: vocab 50272, 2048 positions, pre-LN with
    /// PyTorch's layer norm eps 1e-5, dropout 0.1, no attention dropout, 2048-token sequences.
    pub fn new(decoder: Stack) -> OptConfig {
        OptConfig {
            vocab_size: 50272,
            max_positions: 2048,
            decoder,
            norm: Norm::Pre,
            layer_norm_eps: 1e-5,
            dropout: 0.1,
            attention_dropout: 0.0,
            seq_len: 2048,
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        self.decoder.validate("decoder")?;
        for (field, v) in [("vocab_size", self.vocab_size), ("max_positions", self.max_positions)] {
            ensure(v >= 1, field, || "must be at least 1".into())?;
        }
        // One next-token prediction needs two tokens.
        ensure(self.seq_len >= 2, "seq_len", || format!("{} leaves no next token to predict (at least 2)", self.seq_len))?;
        ensure(self.seq_len <= self.max_positions, "seq_len", || {
            format!("{} exceeds max_positions = {}", self.seq_len, self.max_positions)
        })?;
        validate_rates(&[("dropout", self.dropout), ("attention_dropout", self.attention_dropout)])
    }

    pub fn params(&self) -> Params {
        let d = self.decoder.width as u64;
        let final_norm = if self.norm == Norm::Pre { 2 * d } else { 0 };
        Params {
            embed: (self.vocab_size + self.max_positions + POSITION_OFFSET) as u64 * d,
            encoder: self.decoder.params() + final_norm,
            decoder: 0,
            // The LM head is the token embedding, counted once.
            head: 0,
        }
    }

    /// Blocks on `seq_len` tokens (the causal mask does not skip the masked half of the
    /// scores: they are computed, then masked); the LM head on every position.
    pub fn flops(&self) -> Flops {
        Flops {
            embed: 0,
            encoder: self.decoder.flops(self.seq_len),
            decoder: 0,
            head: linear_flops(self.seq_len, self.decoder.width, self.vocab_size),
        }
    }
}
