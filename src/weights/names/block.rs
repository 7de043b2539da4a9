//! Where each checkpoint family keeps a transformer block's parameters, relative to the block.
//! A block is declared once (`nn::block::BlockParams::new`) and reads its names from one of
//! these tables; conversions between families pair two tables up.

/// The attention's input projections: timm's one fused matrix, or three under one prefix
/// (`attention.self` + `query`, `key`, `value`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qkv {
    Fused(&'static str),
    Split(&'static str, [&'static str; 3]),
}

impl Qkv {
    /// The three projections' paths, when they are separate.
    pub fn split_paths(&self) -> Option<[String; 3]> {
        match self {
            Qkv::Fused(_) => None,
            Qkv::Split(prefix, names) => Some(names.map(|n| format!("{}.{}", prefix, n))),
        }
    }
}

/// Hugging Face's BERT-style projection names.
pub const QUERY_KEY_VALUE: [&str; 3] = ["query", "key", "value"];
/// Hugging Face's OPT- and CLIP-style projection names.
pub const Q_K_V_PROJ: [&str; 3] = ["q_proj", "k_proj", "v_proj"];

/// A family's names for the block's layers (each with `.weight` and `.bias`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockNames {
    pub norm1: &'static str,
    pub qkv: Qkv,
    pub proj: &'static str,
    pub norm2: &'static str,
    pub fc1: &'static str,
    pub fc2: &'static str,
}

impl BlockNames {
    /// The layers other than q/k/v, in the block's order: `(self's name, other's name)`.
    pub fn pair_with(&self, other: &BlockNames) -> [(&'static str, &'static str); 5] {
        [(self.norm1, other.norm1), (self.proj, other.proj), (self.norm2, other.norm2), (self.fc1, other.fc1), (self.fc2, other.fc2)]
    }

    const fn new(norm1: &'static str, qkv: Qkv, proj: &'static str, norm2: &'static str, fc1: &'static str, fc2: &'static str) -> Self {
        BlockNames { norm1, qkv, proj, norm2, fc1, fc2 }
    }
}

pub use tables::*;

/// One family per row: norm1, q/k/v, the output projection, norm2, fc1, fc2. BERT is post-LN:
/// its `norm1` follows the attention and its `norm2` the MLP.
#[rustfmt::skip]
mod tables {
    use super::{BlockNames, Qkv, QUERY_KEY_VALUE, Q_K_V_PROJ};
    pub const TIMM: BlockNames = BlockNames::new("norm1", Qkv::Fused("attn.qkv"), "attn.proj", "norm2", "mlp.fc1", "mlp.fc2"); // VisionTransformer, official MAE
    pub const HF_VIT: BlockNames = BlockNames::new("layernorm_before", Qkv::Split("attention.attention", QUERY_KEY_VALUE), "attention.output.dense", "layernorm_after", "intermediate.dense", "output.dense"); // ViTModel, ViTMAEModel
    pub const HF_BERT: BlockNames = BlockNames::new("attention.output.LayerNorm", Qkv::Split("attention.self", QUERY_KEY_VALUE), "attention.output.dense", "output.LayerNorm", "intermediate.dense", "output.dense"); // BertModel
    pub const HF_CLIP: BlockNames = BlockNames::new("layer_norm1", Qkv::Split("self_attn", Q_K_V_PROJ), "self_attn.out_proj", "layer_norm2", "mlp.fc1", "mlp.fc2"); // CLIPEncoderLayer, both towers
    pub const HF_OPT: BlockNames = BlockNames::new("self_attn_layer_norm", Qkv::Split("self_attn", Q_K_V_PROJ), "self_attn.out_proj", "final_layer_norm", "fc1", "fc2"); // OPTDecoderLayer
}
