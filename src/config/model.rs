//! One type for any of the models, so presets, the solver, the table and checkpoint
//! sidecars handle them alike.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::bert::BertConfig;
use super::clip::ClipConfig;
use super::count::{Flops, Params};
use super::error::{invalid, ConfigError};
use super::mae::MaeConfig;
use super::opt::OptConfig;
use super::stack::Stack;
use super::strict::{join, parse, unknown};
use super::vit::VitConfig;

/// A model configuration, tagged by `"model": "vit" | "mae" | "bert" | "clip" | "opt"` in JSON
/// (an unknown tag is refused with the known ones listed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "model", rename_all = "lowercase")]
pub enum ModelConfig {
    Vit(VitConfig),
    Mae(MaeConfig),
    Bert(BertConfig),
    Clip(ClipConfig),
    Opt(OptConfig),
}

impl ModelConfig {
    pub fn kind(&self) -> &'static str {
        match self {
            ModelConfig::Vit(_) => "vit",
            ModelConfig::Mae(_) => "mae",
            ModelConfig::Bert(_) => "bert",
            ModelConfig::Clip(_) => "clip",
            ModelConfig::Opt(_) => "opt",
        }
    }

    /// The stack whose depth and width the paper trades against each other (CLIP: the image
    /// tower; OPT: the decoder).
    pub fn encoder(&self) -> Stack {
        match self {
            ModelConfig::Vit(c) => c.encoder,
            ModelConfig::Mae(c) => c.encoder,
            ModelConfig::Bert(c) => c.encoder,
            ModelConfig::Clip(c) => c.vision,
            ModelConfig::Opt(c) => c.decoder,
        }
    }

    /// The same model around another encoder stack.
    pub fn with_encoder(&self, encoder: Stack) -> ModelConfig {
        let mut out = self.clone();
        match &mut out {
            ModelConfig::Vit(c) => c.encoder = encoder,
            ModelConfig::Mae(c) => c.encoder = encoder,
            ModelConfig::Bert(c) => c.encoder = encoder,
            ModelConfig::Clip(c) => c.vision = encoder,
            ModelConfig::Opt(c) => c.decoder = encoder,
        }
        out
    }

    /// The same model with the encoder's depth, width (its MLP 4 x width, as in training) or heads
    /// replaced where given; not validated.
    pub fn with_stack_overrides(&self, depth: Option<usize>, width: Option<usize>, heads: Option<usize>) -> ModelConfig {
        let mut e = self.encoder();
        e.depth = depth.unwrap_or(e.depth);
        if let Some(w) = width {
            (e.width, e.mlp_dim) = (w, 4 * w);
        }
        e.heads = heads.unwrap_or(e.heads);
        self.with_encoder(e)
    }

    /// `{config, params, flops}`: the configuration with its exact counts, part by part.
    pub fn with_counts(&self) -> Value {
        let (p, f) = (self.params(), self.flops());
        serde_json::json!({
            "config": self,
            "params": { "embed": p.embed, "encoder": p.encoder, "decoder": p.decoder, "head": p.head, "total": p.total() },
            "flops": { "embed": f.embed, "encoder": f.encoder, "decoder": f.decoder, "head": f.head, "forward": f.forward(), "train": f.train() },
        })
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        match self {
            ModelConfig::Vit(c) => c.validate(),
            ModelConfig::Mae(c) => c.validate(),
            ModelConfig::Bert(c) => c.validate(),
            ModelConfig::Clip(c) => c.validate(),
            ModelConfig::Opt(c) => c.validate(),
        }
    }

    pub fn params(&self) -> Params {
        match self {
            ModelConfig::Vit(c) => c.params(),
            ModelConfig::Mae(c) => c.params(),
            ModelConfig::Bert(c) => c.params(),
            ModelConfig::Clip(c) => c.params(),
            ModelConfig::Opt(c) => c.params(),
        }
    }

    pub fn flops(&self) -> Flops {
        match self {
            ModelConfig::Vit(c) => c.flops(),
            ModelConfig::Mae(c) => c.flops(),
            ModelConfig::Bert(c) => c.flops(),
            ModelConfig::Clip(c) => c.flops(),
            ModelConfig::Opt(c) => c.flops(),
        }
    }

    /// The tags of `"model"`, as JSON spells them.
    pub const KINDS: [&'static str; 5] = ["vit", "mae", "bert", "clip", "opt"];

    /// Parses JSON and validates the result, so a bad file fails with the field's name.
    pub fn from_json(text: &str) -> Result<ModelConfig, ConfigError> {
        let value: Value = serde_json::from_str(text).map_err(|e| invalid("<json>", format!("not JSON: {e}")))?;
        ModelConfig::from_value(value, "")
    }

    /// A model configuration file, or a run's `config.json` (its `model` is read): what
    /// `--config` takes.
    pub fn from_file_text(text: &str) -> Result<ModelConfig, ConfigError> {
        let value: Value = serde_json::from_str(text).map_err(|e| invalid("<json>", format!("not JSON: {e}")))?;
        match value.get("model") {
            Some(m @ Value::Object(_)) => ModelConfig::from_value(m.clone(), "model"),
            _ => ModelConfig::from_value(value, ""),
        }
    }

    /// A validated configuration from JSON whose fields are all known: an unknown field, tag or
    /// a wrong type is an error naming the field's path (after `prefix`, e.g. `model`).
    pub fn from_value(value: Value, prefix: &str) -> Result<ModelConfig, ConfigError> {
        if super::hf::is_hf(&value) {
            let c = super::hf::from_hf(value, prefix)?;
            c.validate().map_err(|e| e.under(prefix))?;
            return Ok(c);
        }
        let Value::Object(mut map) = value else {
            return Err(invalid(prefix_or_root(prefix), "expected a JSON object"));
        };
        let tag = join(prefix, "model");
        let kinds = Self::KINDS.map(String::from);
        let kind = match map.remove("model") {
            Some(Value::String(k)) => k,
            Some(other) => return Err(invalid(tag, format!("expected one of {}, got {other}", kinds.join(", ")))),
            None => return Err(invalid(tag, format!("missing (one of {})", kinds.join(", ")))),
        };
        let body = Value::Object(map);
        let c = match kind.as_str() {
            "vit" => ModelConfig::Vit(parse(body, prefix)?),
            "mae" => ModelConfig::Mae(parse(body, prefix)?),
            "bert" => ModelConfig::Bert(parse(body, prefix)?),
            "clip" => ModelConfig::Clip(parse(body, prefix)?),
            "opt" => ModelConfig::Opt(parse(body, prefix)?),
            other => return Err(unknown(&tag, "model", other, &kinds)),
        };
        c.validate().map_err(|e| e.under(prefix))?;
        Ok(c)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("configs always serialize")
    }
}

fn prefix_or_root(prefix: &str) -> String {
    if prefix.is_empty() {
        "<root>".into()
    } else {
        prefix.into()
    }
}
