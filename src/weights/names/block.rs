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
}

// One family per row: norm1, q/k/v, output projection, norm2, fc1, fc2.
/// timm's `VisionTransformer` and the official MAE.
#[rustfmt::skip]
pub const TIMM: BlockNames = BlockNames { norm1: "norm1", qkv: Qkv::Fused("attn.qkv"), proj: "attn.proj",
    norm2: "norm2", fc1: "mlp.fc1", fc2: "mlp.fc2" };
/// Hugging Face `ViTModel` and `ViTMAEModel`.
#[rustfmt::skip]
pub const HF_VIT: BlockNames = BlockNames { norm1: "layernorm_before", qkv: Qkv::Split("attention.attention", QUERY_KEY_VALUE),
    proj: "attention.output.dense", norm2: "layernorm_after", fc1: "intermediate.dense", fc2: "output.dense" };
/// Hugging Face `BertModel` (post-LN: `norm1` follows the attention, `norm2` the MLP).
#[rustfmt::skip]
pub const HF_BERT: BlockNames = BlockNames { norm1: "attention.output.LayerNorm", qkv: Qkv::Split("attention.self", QUERY_KEY_VALUE),
    proj: "attention.output.dense", norm2: "output.LayerNorm", fc1: "intermediate.dense", fc2: "output.dense" };
/// Hugging Face `CLIPEncoderLayer`, both towers.
#[rustfmt::skip]
pub const HF_CLIP: BlockNames = BlockNames { norm1: "layer_norm1", qkv: Qkv::Split("self_attn", Q_K_V_PROJ),
    proj: "self_attn.out_proj", norm2: "layer_norm2", fc1: "mlp.fc1", fc2: "mlp.fc2" };
/// Hugging Face `OPTDecoderLayer`.
#[rustfmt::skip]
pub const HF_OPT: BlockNames = BlockNames { norm1: "self_attn_layer_norm", qkv: Qkv::Split("self_attn", Q_K_V_PROJ),
    proj: "self_attn.out_proj", norm2: "final_layer_norm", fc1: "fc1", fc2: "fc2" };
