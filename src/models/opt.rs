//! OPT, a causal decoder, with Hugging Face `OPTForCausalLM` parameter names.
//!
//!   p_t    = (number of real tokens up to t) - 1        (0, 1, 2, ... with right padding)
//!   h_0    = tokens[ids] + positions[p + 2]              (OPT's learned table starts at row 2)
//!   h_l    = Block_l(h_{l-1})   pre-LN, ReLU MLP; token t attends to the real tokens s <= t
//!   logits = LN_f(h_L) tokens^T                          (`lm_head` tied to `embed_tokens`)
//!   loss   = mean over t of -log softmax(logits_t)[ids_{t+1}]   (the next token)

use crate::config::{Activation, Norm, OptConfig, POSITION_OFFSET};
use crate::graph::{random, CompareDir, DType, Tensor, TraceError, TraceResult};
use crate::nn::block::{BlockConfig, BlockInit, BlockParams};
use crate::nn::dropout::{site, DropoutRates};
use crate::nn::stack::{encoder_noisy, StackNoise, StackOptions};
use crate::nn::{linear, LayerNorm};
use crate::weights::names::block::HF_OPT;
use crate::weights::{Init, ParamSpec, Params, Vars};

/// Hugging Face's decoder layer: ReLU, `dropout` after the attention projection and after fc2,
/// `attention_dropout` on the probabilities.
pub fn block_config(c: &OptConfig) -> BlockConfig {
    let mut b = BlockConfig::of_stack(&c.decoder, c.layer_norm_eps, c.norm);
    b.activation = Activation::Relu;
    b.dropout = DropoutRates { hidden: c.dropout, attention: c.attention_dropout, mlp_inner: false };
    b
}

/// The tied copy of the token embeddings that some files keep (`save_pretrained` drops it).
pub const TIED_HEAD: &str = "lm_head.weight";

/// `model.decoder.*`: every parameter.
pub struct Decoder {
    /// `[V, D]`, also the output weights (`lm_head`, tied).
    pub embed_tokens: Tensor,
    /// `[max_positions + 2, D]`.
    pub embed_positions: Tensor,
    pub layers: BlockParams,
    /// Only pre-LN models have it.
    pub final_layer_norm: Option<LayerNorm>,
}

impl Decoder {
    pub fn new(vb: &Vars, c: &OptConfig) -> TraceResult<Decoder> {
        let d = c.decoder.width as i64;
        let w = Init::TruncNormal(0.02);
        let vb = vb.pp("model").pp("decoder");
        let embed_tokens = vb.pp("embed_tokens").weight("weight", &[c.vocab_size as i64, d], w.clone())?;
        let embed_positions = vb.pp("embed_positions").weight("weight", &[(c.max_positions + POSITION_OFFSET) as i64, d], w.clone())?;
        let stacked = vb.stacked("layers", c.decoder.depth as i64)?;
        let layers = BlockParams::new(&stacked, &block_config(c), &HF_OPT, &BlockInit::all(w))?;
        let final_layer_norm = (c.norm == Norm::Pre).then(|| LayerNorm::new(&vb.pp("final_layer_norm"), d)).transpose()?;
        Ok(Decoder { embed_tokens, embed_positions, layers, final_layer_norm })
    }
}

/// Every parameter, in Hugging Face's order.
pub fn param_specs(c: &OptConfig) -> Vec<ParamSpec> {
    super::specs(|vb| Decoder::new(vb, c).map(drop))
}

/// OPT reads token ids, a padding mask (none for packed text) and dropout keys.
pub type OptInputs<'a> = super::Tokens<'a>;

pub struct OptOutputs {
    /// `[B, S, V]`: position t scores token t + 1.
    pub logits: Tensor,
    /// The blocks' input: token plus position embeddings, `[B, S, D]`.
    pub embedded: Tensor,
    /// Every block's output `[L, B, S, D]` (before the final norm), when asked for.
    pub hidden: Option<Tensor>,
}

pub fn forward(c: &OptConfig, p: &Params, x: &OptInputs, o: &StackOptions) -> TraceResult<OptOutputs> {
    let ids = x.input_ids;
    if ids.rank() != 2 || !ids.dtype().is_int() || x.attention_mask.is_some_and(|m| m.dims() != ids.dims()) {
        let mask = x.attention_mask.map(|m| m.ty().to_string()).unwrap_or_else(|| "none".into());
        return Err(TraceError::new("opt", format!("input_ids {} and attention_mask {} must be [B, S] alike", ids.ty(), mask)));
    }
    let (b, s) = (ids.dim(0), ids.dim(1));
    if s as usize > c.max_positions {
        return Err(TraceError::new("opt", format!("sequence length {} exceeds max_positions {}", s, c.max_positions)));
    }
    let g = ids.graph();
    let m = Decoder::new(&Vars::bind(p), c)?;
    let word = &m.embed_tokens;
    let h = word.take_rows(ids)?.add(&m.embed_positions.take_rows(&position_ids(ids, x.attention_mask)?)?)?;
    // Causal: query t sees keys s <= t; padded keys are hidden too. The most negative f32 is
    // set once (not added twice), as Hugging Face's mask does. The bias is made in f32: in bf16
    // that value rounds to -inf and 0 x -inf would be NaN; converted at the end it is a plain
    // -inf that softmax turns into 0.
    let query = g.iota(&[s, s], 0, DType::I32)?;
    let key = g.iota(&[s, s], 1, DType::I32)?;
    let mut allowed =
        key.compare(CompareDir::Le, &query)?.select(&g.scalar(1.0, DType::F32), &g.scalar(0.0, DType::F32))?.reshape(&[1, 1, s, s])?;
    if let Some(m) = x.attention_mask {
        allowed = allowed.mul(&m.convert(DType::F32)?.reshape(&[b, 1, 1, s])?)?;
    }
    let bias = allowed.neg()?.add_scalar(1.0)?.mul_scalar(f32::MIN as f64)?.convert(h.dtype())?;
    let embedded = h.clone();
    let bc = block_config(c);
    let keys = x.dropout_keys.filter(|_| bc.dropout.any());
    let noise = StackNoise { keep: None, keys: keys.map(|k| random::fold_in(k, site::LAYERS)).transpose()? };
    let (h, hidden) = encoder_noisy(&h, &m.layers, &bc, Some(&bias), &noise, o, "decoder")?;
    let h = match &m.final_layer_norm {
        Some(norm) => norm.forward(&h, c.layer_norm_eps)?,
        None => h,
    };
    Ok(OptOutputs { logits: linear(&h, word, None)?, embedded, hidden })
}

/// Rows of the position table `[B, S]` (i32): `cumsum(mask) * mask - 1 + 2` as Hugging Face
/// computes them (a padded token reads row 1), or `t + 2` without a mask. The running sum is a
/// matmul with a triangle of ones, in f32 so it stays exact in a bf16 step.
fn position_ids(ids: &Tensor, mask: Option<&Tensor>) -> TraceResult<Tensor> {
    let (g, b, s) = (ids.graph(), ids.dim(0), ids.dim(1));
    let offset = POSITION_OFFSET as f64;
    let Some(m) = mask else {
        return g.iota(&[b, s], 1, DType::I32)?.add_scalar(offset);
    };
    let m = m.convert(DType::F32)?;
    let upto = g.iota(&[s, s], 0, DType::I32)?.compare(CompareDir::Le, &g.iota(&[s, s], 1, DType::I32)?)?;
    let tri = upto.select(&g.scalar(1.0, DType::F32), &g.scalar(0.0, DType::F32))?;
    m.matmul(&tri)?.mul(&m)?.add_scalar(offset - 1.0)?.convert(DType::I32)
}

/// Hugging Face's causal LM loss: position t predicts token t + 1 (the last position predicts
/// nothing); the mean over the targets of weight 1 (`weights [B, S]` aligned with `ids`: 0 where
/// Hugging Face's label is -100), or over every target without weights.
pub fn next_token_loss(logits: &Tensor, ids: &Tensor, weights: Option<&Tensor>) -> TraceResult<Tensor> {
    let (s, v) = (ids.dim(1), logits.dim(2));
    if logits.rank() != 3 || logits.dims()[..2] != *ids.dims() || s < 2 {
        return Err(TraceError::new(
            "next_token_loss",
            format!("logits {} and ids {} must be [B, S >= 2, V] and [B, S]", logits.ty(), ids.ty()),
        ));
    }
    // In f32 whatever the compute type, as Hugging Face's loss upcasts the logits: a bf16 sum
    // over B x S x V terms would round the loss to a few bits.
    let logp = logits.slice_axis(1, 0, s - 1)?.convert(DType::F32)?.log_softmax(2)?;
    let targets = ids.slice_axis(1, 1, s)?;
    let nll = logp.mul(&targets.one_hot(v, logp.dtype())?)?.sum(&[2], false)?.neg()?;
    let Some(w) = weights else { return nll.mean_all() };
    let w = w.slice_axis(1, 1, s)?.convert(nll.dtype())?;
    let count = w.sum_all()?.maximum(&logp.graph().scalar(1.0, nll.dtype()))?;
    nll.mul(&w)?.sum_all()?.div(&count)
}
