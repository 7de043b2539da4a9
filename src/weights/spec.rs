//! What a model declares of each parameter: its public checkpoint name, shape, initializer.

/// The layer-index placeholder in stacked parameter names.
pub const LAYER: char = '*';

/// How a parameter starts before any checkpoint is loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Init {
    Zeros,
    Ones,
    /// Normal with this standard deviation, truncated at two standard deviations (timm, BERT).
    TruncNormal(f64),
    /// Xavier-uniform over `(fan_in, fan_out)` (MAE's linear layers).
    XavierUniform,
    /// Exact values (fixed sin-cos position embeddings).
    Values(Vec<f64>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    pub name: String,
    pub shape: Vec<i64>,
    pub init: Init,
    /// Fixed parameters (MAE's sin-cos position embeddings) are loaded but never trained.
    pub trainable: bool,
}

impl ParamSpec {
    pub fn new(name: impl Into<String>, shape: &[i64], init: Init) -> Self {
        ParamSpec { name: name.into(), shape: shape.to_vec(), init, trainable: true }
    }

    pub fn fixed(name: impl Into<String>, shape: &[i64], values: Vec<f64>) -> Self {
        ParamSpec { name: name.into(), shape: shape.to_vec(), init: Init::Values(values), trainable: false }
    }

    /// Depth of a stacked parameter (its leading dim), or `None` for a plain one.
    pub fn layers(&self) -> Option<i64> {
        self.name.contains(LAYER).then(|| self.shape[0])
    }

    /// Does no weight decay apply (biases, norms, embeddings of positions, tokens)?
    pub fn is_no_decay(&self) -> bool {
        self.shape.len() - self.layers().is_some() as usize <= 1
            || self.name.contains("pos_embed")
            || self.name.contains("position_embedding")
            || self.name.ends_with("cls_token")
            || self.name.ends_with("mask_token")
    }
}

/// The parameters of one block, as a stack of them holds each: names relative to the block
/// and per-block shapes, in the order the block takes them. The block itself lives in `nn`;
/// `models` says which of its configurations has which layout.
pub trait StackLayout {
    fn param_shapes(&self) -> Vec<(String, Vec<i64>)>;
}

/// Parameter specs of a block stack under `prefix` (e.g. `blocks.*.`): every per-block
/// parameter gains the leading depth axis.
pub fn stack_specs(prefix: &str, depth: i64, block: &impl StackLayout, weight_init: &Init) -> Vec<ParamSpec> {
    block
        .param_shapes()
        .into_iter()
        .map(|(n, s)| {
            let init = if n.ends_with("bias") {
                Init::Zeros
            } else if s.len() == 1 {
                Init::Ones
            } else {
                weight_init.clone()
            };
            ParamSpec::new(format!("{}{}", prefix, n), &[&[depth][..], &s].concat(), init)
        })
        .collect()
}
