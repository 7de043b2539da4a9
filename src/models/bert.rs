//! BERT with Hugging Face `BertForPreTraining` parameter names (post-LN blocks).
//!
//!   h_0   = LN(word[ids] + position[0..S] + token_type[segments])
//!   h_l   = Block_l(h_{l-1}) with padding masked out of the attention
//!   mlm   = LN(GELU(h W_t)) word^T + b           (output weights tied to the word embeddings)
//!   nsp   = tanh(h_L[cls] W_pool) W_nsp           (2 logits; label 1 = random next sentence)

use super::{kept, specs, Tokens};
use crate::config::BertConfig;
use crate::graph::{random, DType, Tensor, TraceError, TraceResult};
use crate::nn::block::{BlockConfig, BlockInit, BlockParams};
use crate::nn::dropout::{dropout, site, DropoutRates};
use crate::nn::stack::{encoder_noisy, StackNoise, StackOptions};
use crate::nn::{linear, LayerNorm, Linear};
use crate::weights::names::block::HF_BERT;
use crate::weights::{Init, ParamSpec, Params, Vars};

/// Hugging Face's block: `hidden_dropout_prob` on each branch output, `attention_probs_dropout_prob`
/// on the attention probabilities.
pub fn block_config(c: &BertConfig) -> BlockConfig {
    let mut b = BlockConfig::of_stack(&c.encoder, c.layer_norm_eps, c.norm);
    b.dropout = DropoutRates { hidden: c.hidden_dropout, attention: c.attention_dropout, mlp_inner: false };
    b
}

/// BERT's initialization: truncated normals of 0.02.
const WEIGHT_INIT: Init = Init::TruncNormal(0.02);

/// `bert.embeddings.*`.
pub struct Embeddings {
    /// `[V, D]`, also the MLM head's output weights (tied).
    pub word: Tensor,
    pub position: Tensor,
    pub token_type: Tensor,
    pub norm: LayerNorm,
}

impl Embeddings {
    pub fn new(vb: &Vars, c: &BertConfig) -> TraceResult<Embeddings> {
        let d = c.encoder.width as i64;
        let vb = vb.pp("bert").pp("embeddings");
        Ok(Embeddings {
            word: vb.pp("word_embeddings").weight("weight", &[c.vocab_size as i64, d], WEIGHT_INIT)?,
            position: vb.pp("position_embeddings").no_decay("weight", &[c.max_positions as i64, d], WEIGHT_INIT)?,
            token_type: vb.pp("token_type_embeddings").weight("weight", &[c.type_vocab_size as i64, d], WEIGHT_INIT)?,
            norm: LayerNorm::new(&vb.pp("LayerNorm"), d)?,
        })
    }
}

/// The encoder's blocks, `bert.encoder.layer.*`.
pub fn blocks(vb: &Vars, c: &BertConfig) -> TraceResult<BlockParams> {
    let stacked = vb.pp("bert").pp("encoder").stacked("layer", c.encoder.depth as i64)?;
    BlockParams::new(&stacked, &block_config(c), &HF_BERT, &BlockInit::all(WEIGHT_INIT))
}

/// `bert.pooler.dense`: `tanh(h[cls] W + b)`.
pub fn pooler(vb: &Vars, c: &BertConfig) -> TraceResult<Linear> {
    let d = c.encoder.width as i64;
    Linear::new(&vb.pp("bert").pp("pooler").pp("dense"), d, d, WEIGHT_INIT)
}

/// The pre-training heads, `cls.*`.
pub struct Heads {
    pub transform: Linear,
    pub transform_norm: LayerNorm,
    /// The MLM output bias (its weights are the word embeddings).
    pub mlm_bias: Tensor,
    pub nsp: Linear,
}

impl Heads {
    pub fn new(vb: &Vars, c: &BertConfig) -> TraceResult<Heads> {
        let d = c.encoder.width as i64;
        let vb = vb.pp("cls");
        let predictions = vb.pp("predictions");
        Ok(Heads {
            transform: Linear::new(&predictions.pp("transform").pp("dense"), d, d, WEIGHT_INIT)?,
            transform_norm: LayerNorm::new(&predictions.pp("transform").pp("LayerNorm"), d)?,
            mlm_bias: predictions.no_decay("bias", &[c.vocab_size as i64], Init::Zeros)?,
            nsp: Linear::new(&vb.pp("seq_relationship"), 2, d, WEIGHT_INIT)?,
        })
    }
}

/// The embeddings, the blocks and the pooler.
fn declare_encoder(vb: &Vars, c: &BertConfig) -> TraceResult<()> {
    Embeddings::new(vb, c)?;
    blocks(vb, c)?;
    pooler(vb, c).map(drop)
}

/// Every parameter of `BertForPreTraining`, in Hugging Face's order.
pub fn param_specs(c: &BertConfig) -> Vec<ParamSpec> {
    specs(|vb| {
        declare_encoder(vb, c)?;
        Heads::new(vb, c).map(drop)
    })
}

/// The embeddings and the blocks: what every block's tokens need.
pub fn encoder_specs(c: &BertConfig) -> Vec<ParamSpec> {
    specs(|vb| {
        Embeddings::new(vb, c)?;
        blocks(vb, c).map(drop)
    })
}

pub struct BertInputs<'a> {
    /// Token ids, the padding mask (no padding when `None`), dropout keys.
    pub tokens: Tokens<'a>,
    /// Segment ids `[B, S]` (i32).
    pub token_type_ids: &'a Tensor,
    /// Predict only at these positions `[B, P]` (i32); all positions when `None`.
    pub mlm_positions: Option<&'a Tensor>,
}

pub struct BertOutputs {
    /// `[B, S or P, V]`.
    pub mlm_logits: Tensor,
    /// `[B, 2]`.
    pub nsp_logits: Tensor,
    /// Final hidden states `[B, S, D]`.
    pub sequence: Tensor,
    /// The embeddings after their layer norm, `[B, S, D]`.
    pub embedded: Tensor,
    /// Every block's output `[L, B, S, D]`, when asked for.
    pub hidden: Option<Tensor>,
}

/// The encoder: embeddings, the block stack with padding masked, the pooler.
pub struct Encoded {
    /// Final hidden states `[B, S, D]`.
    pub sequence: Tensor,
    /// `tanh(h[cls] W_pool + b)`, `[B, D]`.
    pub pooled: Tensor,
    /// The embeddings after their layer norm, `[B, S, D]` (the blocks' input at evaluation).
    pub embedded: Tensor,
    pub hidden: Option<Tensor>,
}

pub fn encode(c: &BertConfig, p: &Params, x: &BertInputs, o: &StackOptions) -> TraceResult<Encoded> {
    let ids = x.tokens.input_ids;
    let mask = x.tokens.attention_mask;
    if ids.rank() != 2 || !ids.dtype().is_int() || x.token_type_ids.dims() != ids.dims() || mask.is_some_and(|m| m.dims() != ids.dims()) {
        let mask = mask.map(|m| m.ty().to_string()).unwrap_or_else(|| "none".into());
        return Err(TraceError::new(
            "bert",
            format!("input_ids {}, token_type_ids {}, attention_mask {} must be [B, S] alike", ids.ty(), x.token_type_ids.ty(), mask),
        ));
    }
    let (b, s) = (ids.dim(0), ids.dim(1));
    let d = c.encoder.width as i64;
    let h = embed(c, p, ids, x.token_type_ids)?;
    let embedded = h.clone();
    let keys = x.tokens.dropout_keys.filter(|_| c.hidden_dropout > 0.0 || c.attention_dropout > 0.0);
    let h = match keys {
        Some(k) => dropout(&h, k, c.hidden_dropout, site::EMBEDDINGS)?,
        None => h,
    };
    // Padding: add the most negative float to the scores of padded keys, as Hugging Face does.
    // Made in f32: in bf16 that value rounds to -inf, and 0 x -inf would make every score NaN.
    let bias = match mask {
        Some(m) => {
            Some(m.convert(DType::F32)?.neg()?.add_scalar(1.0)?.mul_scalar(f32::MIN as f64)?.convert(h.dtype())?.reshape(&[b, 1, 1, s])?)
        }
        None => None,
    };
    let noise = StackNoise { keep: None, keys: keys.map(|k| random::fold_in(k, site::LAYERS)).transpose()? };
    let (h, hidden) = run_encoder(c, p, &h, bias.as_ref(), &noise, o)?;
    let cls = h.slice_axis(1, 0, 1)?.reshape(&[b, d])?;
    let pooled = pooler(&Vars::bind(p), c)?.forward(&cls)?.tanh()?;
    Ok(Encoded { sequence: h, pooled, embedded, hidden })
}

/// The encoder alone on one segment of real tokens (no padding mask, no pooler, no heads):
/// each block's output `[L, B, S, D]`, for measuring over-smoothing.
pub fn encoder_hidden(c: &BertConfig, p: &Params, ids: &Tensor, o: &StackOptions) -> TraceResult<Tensor> {
    let types = ids.zeros_like();
    let h = embed(c, p, ids, &types)?;
    // No padding: the attention mask would add zeros.
    let o = StackOptions { keep_hidden: true, ..*o };
    let (_, hidden) = run_encoder(c, p, &h, None, &StackNoise::default(), &o)?;
    kept(hidden, "bert")
}

/// Word + position + token-type embeddings of `[B, S]` ids, after their layer norm: `[B, S, D]`.
fn embed(c: &BertConfig, p: &Params, ids: &Tensor, token_types: &Tensor) -> TraceResult<Tensor> {
    let s = ids.dim(1);
    if s as usize > c.max_positions {
        return Err(TraceError::new("bert", format!("sequence length {} exceeds max_positions {}", s, c.max_positions)));
    }
    let e = Embeddings::new(&Vars::bind(p), c)?;
    let positions = e.position.slice_axis(0, 0, s)?;
    e.norm.forward(&e.word.take_rows(ids)?.add(&positions)?.add(&e.token_type.take_rows(token_types)?)?, c.layer_norm_eps)
}

/// The encoder's block stack over the embeddings `h`, with an attention `bias` and training
/// `noise` where given; the hidden states when `o` keeps them.
fn run_encoder(
    c: &BertConfig,
    p: &Params,
    h: &Tensor,
    bias: Option<&Tensor>,
    noise: &StackNoise,
    o: &StackOptions,
) -> TraceResult<(Tensor, Option<Tensor>)> {
    encoder_noisy(h, &blocks(&Vars::bind(p), c)?, &block_config(c), bias, noise, o, "encoder")
}

pub fn forward(c: &BertConfig, p: &Params, x: &BertInputs, o: &StackOptions) -> TraceResult<BertOutputs> {
    let e = encode(c, p, x, o)?;
    let vb = Vars::bind(p);
    let heads = Heads::new(&vb, c)?;
    let nsp_logits = heads.nsp.forward(&e.pooled)?;
    let h = e.sequence;
    let at = match x.mlm_positions {
        Some(pos) => h.take_along_axis1(pos)?,
        None => h.clone(),
    };
    let t = heads.transform_norm.forward(&heads.transform.forward(&at)?.gelu()?, c.layer_norm_eps)?;
    let word = Embeddings::new(&vb, c)?.word;
    let mlm_logits = linear(&t, &word, Some(&heads.mlm_bias))?;
    Ok(BertOutputs { mlm_logits, nsp_logits, sequence: h, embedded: e.embedded, hidden: e.hidden })
}

/// `classifier`: `num_labels` outputs (1 means regression).
pub fn classifier(vb: &Vars, c: &BertConfig, num_labels: usize) -> TraceResult<Linear> {
    Linear::new(&vb.pp("classifier"), num_labels as i64, c.encoder.width as i64, WEIGHT_INIT)
}

/// Parameters of `BertForSequenceClassification`: the encoder and pooler of pre-training plus
/// `classifier.{weight,bias}`.
pub fn classifier_specs(c: &BertConfig, num_labels: usize) -> Vec<ParamSpec> {
    specs(|vb| {
        declare_encoder(vb, c)?;
        classifier(vb, c, num_labels).map(drop)
    })
}

/// Sequence classification / regression logits `[B, num_labels]` from the pooled output
/// (dropout on the pooled output in training, as `BertForSequenceClassification` does).
pub fn classify(c: &BertConfig, num_labels: usize, p: &Params, x: &BertInputs, o: &StackOptions) -> TraceResult<Tensor> {
    let e = encode(c, p, x, o)?;
    let pooled = match x.tokens.dropout_keys {
        Some(k) => dropout(&e.pooled, k, c.hidden_dropout, site::HEAD)?,
        None => e.pooled,
    };
    classifier(&Vars::bind(p), c, num_labels)?.forward(&pooled)
}

/// BERT's pre-training loss: mean MLM cross-entropy over the predictions with weight 1 (the TF
/// schema's `masked_lm_weights`), plus the NSP cross-entropy.
pub fn pretraining_loss(out: &BertOutputs, mlm_ids: &Tensor, mlm_weights: &Tensor, nsp_labels: &Tensor) -> TraceResult<Tensor> {
    let v = *out.mlm_logits.dims().last().unwrap();
    let logp = out.mlm_logits.at_least_f32()?.log_softmax(2)?;
    let nll = logp.mul(&mlm_ids.one_hot(v, logp.dtype())?)?.sum(&[2], false)?.neg()?;
    let w = mlm_weights.convert(logp.dtype())?;
    let mlm = nll.mul(&w)?.sum_all()?.div(&w.sum_all()?.add_scalar(1e-5)?)?;
    let nsp = out.nsp_logits.cross_entropy(nsp_labels)?;
    mlm.add(&nsp)
}
