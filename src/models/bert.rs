//! BERT with Hugging Face `BertForPreTraining` parameter names (post-LN blocks).
//!
//!   h_0   = LN(word[ids] + position[0..S] + token_type[segments])
//!   h_l   = Block_l(h_{l-1}) with padding masked out of the attention
//!   mlm   = LN(GELU(h W_t)) word^T + b           (output weights tied to the word embeddings)
//!   nsp   = tanh(h_L[cls] W_pool) W_nsp           (2 logits; label 1 = random next sentence)

use super::kept;
use crate::config::BertConfig;
use crate::graph::{random, DType, Tensor, TraceError, TraceResult};
use crate::nn::block::{BlockConfig, Naming};
use crate::nn::dropout::{dropout, site, DropoutRates};
use crate::nn::linear;
use crate::nn::stack::{encoder_noisy, StackNoise, StackOptions};
use crate::weights::{stack_specs, Init, ParamSpec, Params};

/// Hugging Face's block: `hidden_dropout_prob` on each branch output, `attention_probs_dropout_prob`
/// on the attention probabilities.
pub fn block_config(c: &BertConfig) -> BlockConfig {
    let mut b = BlockConfig::of_stack(&c.encoder, c.layer_norm_eps, c.norm, Naming::HfBert);
    b.dropout = DropoutRates { hidden: c.hidden_dropout, attention: c.attention_dropout, mlp_inner: false };
    b
}

pub fn param_specs(c: &BertConfig) -> Vec<ParamSpec> {
    let d = c.encoder.width as i64;
    let v = c.vocab_size as i64;
    let w = Init::TruncNormal(0.02);
    let mut s = vec![
        ParamSpec::new("bert.embeddings.word_embeddings.weight", &[v, d], w.clone()),
        ParamSpec::new("bert.embeddings.position_embeddings.weight", &[c.max_positions as i64, d], w.clone()),
        ParamSpec::new("bert.embeddings.token_type_embeddings.weight", &[c.type_vocab_size as i64, d], w.clone()),
        ParamSpec::new("bert.embeddings.LayerNorm.weight", &[d], Init::Ones),
        ParamSpec::new("bert.embeddings.LayerNorm.bias", &[d], Init::Zeros),
    ];
    s.extend(stack_specs("bert.encoder.layer.*.", c.encoder.depth as i64, &block_config(c), &w));
    s.extend([
        ParamSpec::new("bert.pooler.dense.weight", &[d, d], w.clone()),
        ParamSpec::new("bert.pooler.dense.bias", &[d], Init::Zeros),
        ParamSpec::new("cls.predictions.transform.dense.weight", &[d, d], w.clone()),
        ParamSpec::new("cls.predictions.transform.dense.bias", &[d], Init::Zeros),
        ParamSpec::new("cls.predictions.transform.LayerNorm.weight", &[d], Init::Ones),
        ParamSpec::new("cls.predictions.transform.LayerNorm.bias", &[d], Init::Zeros),
        ParamSpec::new("cls.predictions.bias", &[v], Init::Zeros),
        ParamSpec::new("cls.seq_relationship.weight", &[2, d], w),
        ParamSpec::new("cls.seq_relationship.bias", &[2], Init::Zeros),
    ]);
    s
}

pub struct BertInputs<'a> {
    /// Token ids `[B, S]` (i32).
    pub input_ids: &'a Tensor,
    /// Segment ids `[B, S]` (i32).
    pub token_type_ids: &'a Tensor,
    /// 1 for real tokens, 0 for padding, `[B, S]` (float).
    pub attention_mask: &'a Tensor,
    /// Predict only at these positions `[B, P]` (i32); all positions when `None`.
    pub mlm_positions: Option<&'a Tensor>,
    /// Dropout keys `u32[B, 2]` in training (see `nn::dropout`); no dropout when `None`.
    pub dropout_keys: Option<&'a Tensor>,
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
    let ids = x.input_ids;
    if ids.rank() != 2 || !ids.dtype().is_int() || x.token_type_ids.dims() != ids.dims() || x.attention_mask.dims() != ids.dims() {
        return Err(TraceError::new(
            "bert",
            format!(
                "input_ids {}, token_type_ids {}, attention_mask {} must be [B, S] alike",
                ids.ty(),
                x.token_type_ids.ty(),
                x.attention_mask.ty()
            ),
        ));
    }
    let (b, s) = (ids.dim(0), ids.dim(1));
    let d = c.encoder.width as i64;
    let h = embed(c, p, ids, x.token_type_ids)?;
    let embedded = h.clone();
    let keys = x.dropout_keys.filter(|_| c.hidden_dropout > 0.0 || c.attention_dropout > 0.0);
    let h = match keys {
        Some(k) => dropout(&h, k, c.hidden_dropout, site::EMBEDDINGS)?,
        None => h,
    };
    // Padding: add the most negative float to the scores of padded keys, as Hugging Face does.
    // Made in f32: in bf16 that value rounds to -inf, and 0 x -inf would make every score NaN.
    let mask = x.attention_mask.convert(DType::F32)?;
    let bias = mask.neg()?.add_scalar(1.0)?.mul_scalar(f32::MIN as f64)?.convert(h.dtype())?.reshape(&[b, 1, 1, s])?;
    let noise = StackNoise { keep: None, keys: keys.map(|k| random::fold_in(k, site::LAYERS)).transpose()? };
    let (h, hidden) = run_encoder(c, p, &h, Some(&bias), &noise, o)?;
    let cls = h.slice_axis(1, 0, 1)?.reshape(&[b, d])?;
    let pooled = linear(&cls, p.get("bert.pooler.dense.weight")?, Some(p.get("bert.pooler.dense.bias")?))?.tanh()?;
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
    let word = p.get("bert.embeddings.word_embeddings.weight")?;
    let positions = p.get("bert.embeddings.position_embeddings.weight")?.slice_axis(0, 0, s)?;
    word.take_rows(ids)?.add(&positions)?.add(&p.get("bert.embeddings.token_type_embeddings.weight")?.take_rows(token_types)?)?.layer_norm(
        p.get("bert.embeddings.LayerNorm.weight")?,
        p.get("bert.embeddings.LayerNorm.bias")?,
        c.layer_norm_eps,
    )
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
    let bc = block_config(c);
    encoder_noisy(h, &p.stack("bert.encoder.layer.*.", &bc)?, &bc, bias, noise, o, "encoder")
}

pub fn forward(c: &BertConfig, p: &Params, x: &BertInputs, o: &StackOptions) -> TraceResult<BertOutputs> {
    let e = encode(c, p, x, o)?;
    let nsp_logits = linear(&e.pooled, p.get("cls.seq_relationship.weight")?, Some(p.get("cls.seq_relationship.bias")?))?;
    let h = e.sequence;
    let at = match x.mlm_positions {
        Some(pos) => h.take_along_axis1(pos)?,
        None => h.clone(),
    };
    let t = linear(&at, p.get("cls.predictions.transform.dense.weight")?, Some(p.get("cls.predictions.transform.dense.bias")?))?
        .gelu()?
        .layer_norm(
            p.get("cls.predictions.transform.LayerNorm.weight")?,
            p.get("cls.predictions.transform.LayerNorm.bias")?,
            c.layer_norm_eps,
        )?;
    let word = p.get("bert.embeddings.word_embeddings.weight")?;
    let mlm_logits = linear(&t, word, Some(p.get("cls.predictions.bias")?))?;
    Ok(BertOutputs { mlm_logits, nsp_logits, sequence: h, embedded: e.embedded, hidden: e.hidden })
}

/// Parameters of `BertForSequenceClassification`: the encoder and pooler of pre-training plus
/// `classifier.{weight,bias}` (`num_labels` outputs; 1 means regression).
pub fn classifier_specs(c: &BertConfig, num_labels: usize) -> Vec<ParamSpec> {
    let d = c.encoder.width as i64;
    let mut s: Vec<ParamSpec> = param_specs(c).into_iter().filter(|p| !p.name.starts_with("cls.")).collect();
    s.push(ParamSpec::new("classifier.weight", &[num_labels as i64, d], Init::TruncNormal(0.02)));
    s.push(ParamSpec::new("classifier.bias", &[num_labels as i64], Init::Zeros));
    s
}

/// Sequence classification / regression logits `[B, num_labels]` from the pooled output
/// (dropout on the pooled output in training, as `BertForSequenceClassification` does).
pub fn classify(c: &BertConfig, p: &Params, x: &BertInputs, o: &StackOptions) -> TraceResult<Tensor> {
    let e = encode(c, p, x, o)?;
    let pooled = match x.dropout_keys {
        Some(k) => dropout(&e.pooled, k, c.hidden_dropout, site::HEAD)?,
        None => e.pooled,
    };
    linear(&pooled, p.get("classifier.weight")?, Some(p.get("classifier.bias")?))
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
