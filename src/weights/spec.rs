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
    /// Does weight decay apply? A model's own parameters say so where they are declared
    /// (`Vars`); `new` gives a name the group the public recipes give it.
    pub decay: bool,
}

impl ParamSpec {
    pub fn new(name: impl Into<String>, shape: &[i64], init: Init) -> Self {
        let name = name.into();
        let decay = decayed_by_convention(&name, shape);
        ParamSpec { name, shape: shape.to_vec(), init, trainable: true, decay }
    }

    pub fn fixed(name: impl Into<String>, shape: &[i64], values: Vec<f64>) -> Self {
        ParamSpec { name: name.into(), shape: shape.to_vec(), init: Init::Values(values), trainable: false, decay: false }
    }

    /// Depth of a stacked parameter (its leading dim), or `None` for a plain one.
    pub fn layers(&self) -> Option<i64> {
        self.name.contains(LAYER).then(|| self.shape[0])
    }

    /// Does no weight decay apply?
    pub fn is_no_decay(&self) -> bool {
        !self.decay
    }
}

/// The group timm, MAE and BERT put a parameter in by its name: no decay on biases and norms
/// (one dimension per layer), position embeddings, cls and mask tokens.
fn decayed_by_convention(name: &str, shape: &[i64]) -> bool {
    let per_layer_rank = shape.len() - name.contains(LAYER) as usize;
    !(per_layer_rank <= 1
        || name.contains("pos_embed")
        || name.contains("position_embedding")
        || name.ends_with("cls_token")
        || name.ends_with("mask_token"))
}
