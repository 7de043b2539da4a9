//! BERT pre-training (Hugging Face `BertForPreTraining` layout): post-LN blocks, MLM + NSP heads.

use serde::{Deserialize, Serialize};

use super::count::{Flops, Params};
use super::error::{ensure, ConfigError};
use super::stack::{linear_flops, linear_params, Norm, Stack};
use super::vit::validate_rates;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BertConfig {
    pub vocab_size: usize,
    pub max_positions: usize,
    pub type_vocab_size: usize,
    pub encoder: Stack,
    pub norm: Norm,
    pub layer_norm_eps: f64,
    pub hidden_dropout: f64,
    pub attention_dropout: f64,
    /// Sequence length of an example (FLOPs and input shapes); at most `max_positions`.
    pub seq_len: usize,
    /// Masked positions per sequence that the MLM head predicts.
    pub max_predictions: usize,
    /// Outputs of a sequence classification head (GLUE); 1 means regression.
    pub num_labels: usize,
}

impl BertConfig {
    /// Google's BERT settings around `encoder`: vocab 30522, 512 positions, 2 segment types,
    /// post-LN with eps 1e-12, dropout 0.1, pre-training at 128 tokens with 20 predictions.
    pub fn new(encoder: Stack) -> BertConfig {
        BertConfig {
            vocab_size: 30522,
            max_positions: 512,
            type_vocab_size: 2,
            encoder,
            norm: Norm::Post,
            layer_norm_eps: 1e-12,
            hidden_dropout: 0.1,
            attention_dropout: 0.1,
            seq_len: 128,
            max_predictions: 20,
            num_labels: 2,
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        self.encoder.validate("encoder")?;
        let counts = [
            ("vocab_size", self.vocab_size),
            ("max_positions", self.max_positions),
            ("type_vocab_size", self.type_vocab_size),
            ("seq_len", self.seq_len),
            ("num_labels", self.num_labels),
        ];
        for (field, v) in counts {
            ensure(v >= 1, field, || "must be at least 1".into())?;
        }
        ensure(self.seq_len <= self.max_positions, "seq_len", || {
            format!("{} exceeds max_positions = {}", self.seq_len, self.max_positions)
        })?;
        ensure(self.max_predictions <= self.seq_len, "max_predictions", || {
            format!("{} exceeds seq_len = {}", self.max_predictions, self.seq_len)
        })?;
        validate_rates(&[("hidden_dropout", self.hidden_dropout), ("attention_dropout", self.attention_dropout)])
    }

    pub fn params(&self) -> Params {
        let (d, v) = (self.encoder.width, self.vocab_size as u64);
        let d64 = d as u64;
        Params {
            embed: (v + self.max_positions as u64 + self.type_vocab_size as u64) * d64 + 2 * d64,
            encoder: self.encoder.params(),
            // pooler, MLM transform + its norm, MLM output bias (weights tied to the embeddings), NSP
            head: linear_params(d, d) + linear_params(d, d) + 2 * d64 + v + linear_params(d, 2),
            decoder: 0,
        }
    }

    /// Blocks on all `seq_len` tokens; MLM head on `max_predictions` rows; pooler and NSP on one.
    pub fn flops(&self) -> Flops {
        let (d, m) = (self.encoder.width, self.max_predictions);
        Flops {
            embed: 0,
            encoder: self.encoder.flops(self.seq_len),
            decoder: 0,
            head: linear_flops(m, d, d) + linear_flops(m, d, self.vocab_size) + linear_flops(1, d, d) + linear_flops(1, d, 2),
        }
    }
}
