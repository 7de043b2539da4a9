//! Where each checkpoint family keeps a transformer block's parameters, relative to the block.
//! A block is declared once (`nn::block::BlockParams::new`) and reads its names from one of
//! these tables; conversions between families pair two tables up.

/// The attention's input projections: timm's one fused matrix, or Hugging Face's three.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qkv {
    Fused(&'static str),
    Split([&'static str; 3]),
}

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

/// timm's `VisionTransformer` and the official MAE.
pub const TIMM: BlockNames =
    BlockNames { norm1: "norm1", qkv: Qkv::Fused("attn.qkv"), proj: "attn.proj", norm2: "norm2", fc1: "mlp.fc1", fc2: "mlp.fc2" };

/// Hugging Face `ViTModel` and `ViTMAEModel`.
pub const HF_VIT: BlockNames = BlockNames {
    norm1: "layernorm_before",
    qkv: Qkv::Split(["attention.attention.query", "attention.attention.key", "attention.attention.value"]),
    proj: "attention.output.dense",
    norm2: "layernorm_after",
    fc1: "intermediate.dense",
    fc2: "output.dense",
};

/// Hugging Face `BertModel` (post-LN: `norm1` follows the attention, `norm2` the MLP).
pub const HF_BERT: BlockNames = BlockNames {
    norm1: "attention.output.LayerNorm",
    qkv: Qkv::Split(["attention.self.query", "attention.self.key", "attention.self.value"]),
    proj: "attention.output.dense",
    norm2: "output.LayerNorm",
    fc1: "intermediate.dense",
    fc2: "output.dense",
};

/// Hugging Face `CLIPEncoderLayer`, both towers.
pub const HF_CLIP: BlockNames = BlockNames {
    norm1: "layer_norm1",
    qkv: Qkv::Split(["self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj"]),
    proj: "self_attn.out_proj",
    norm2: "layer_norm2",
    fc1: "mlp.fc1",
    fc2: "mlp.fc2",
};

/// Hugging Face `OPTDecoderLayer`.
pub const HF_OPT: BlockNames = BlockNames {
    norm1: "self_attn_layer_norm",
    qkv: Qkv::Split(["self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj"]),
    proj: "self_attn.out_proj",
    norm2: "final_layer_norm",
    fc1: "fc1",
    fc2: "fc2",
};
