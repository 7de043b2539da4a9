//! Hugging Face `config.json` files read as bamboo configurations: ViT (`model_type: vit`),
//! ViTMAE (`vit_mae`), BERT (`bert`), OPT (`opt`) and CLIP (`clip`), as `save_pretrained` writes
//! them (transformers 4.x and 5.x). A field HF defaults is taken at HF's default when absent.
//!
//! Every field is accounted for: mapped onto bamboo's config, checked to hold the one value
//! bamboo implements (a `hidden_act` other than GELU, relative positions, ...), or known to
//! leave the computation alone (token ids, generation settings, init scales). Anything else is
//! refused naming the field, so a published model bamboo cannot reproduce is never run as
//! something else.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::bert::BertConfig;
use super::clip::ClipConfig;
use super::error::{invalid, ConfigError};
use super::mae::MaeConfig;
use super::model::ModelConfig;
use super::opt::OptConfig;
use super::stack::{Activation, Norm, Stack};
use super::strict::join;
use super::vit::{Pool, VitConfig};

/// The `model_type`s read, and the architecture-name prefixes that imply them.
pub const MODEL_TYPES: [(&str, &str); 5] = [("vit_mae", "ViTMAE"), ("vit", "ViT"), ("bert", "Bert"), ("opt", "OPT"), ("clip", "CLIP")];

/// Fields of `PretrainedConfig` (and of the model configs) that do not change what the model
/// computes: bookkeeping, token ids, labels' names, generation and initialization settings.
const INERT: [&str; 53] = [
    "transformers_version",
    "architectures",
    "model_type",
    "_name_or_path",
    "dtype",
    "torch_dtype",
    "return_dict",
    "output_hidden_states",
    "output_attentions",
    "torchscript",
    "use_bfloat16",
    "id2label",
    "label2id",
    "num_labels",
    "finetuning_task",
    "tokenizer_class",
    "prefix",
    "bos_token_id",
    "pad_token_id",
    "eos_token_id",
    "sep_token_id",
    "decoder_start_token_id",
    "task_specific_params",
    "max_length",
    "min_length",
    "do_sample",
    "early_stopping",
    "num_beams",
    "num_beam_groups",
    "diversity_penalty",
    "temperature",
    "top_k",
    "top_p",
    "typical_p",
    "repetition_penalty",
    "length_penalty",
    "no_repeat_ngram_size",
    "encoder_no_repeat_ngram_size",
    "bad_words_ids",
    "num_return_sequences",
    "output_scores",
    "return_dict_in_generate",
    "forced_bos_token_id",
    "forced_eos_token_id",
    "remove_invalid_values",
    "exponential_decay_length_penalty",
    "suppress_tokens",
    "begin_suppress_tokens",
    "chunk_size_feed_forward",
    "tf_legacy_loss",
    "use_cache",
    "gradient_checkpointing",
    "cross_attention_hidden_size",
];

/// Whether `value` is a Hugging Face config rather than bamboo's own (which has `model`).
pub fn is_hf(value: &Value) -> bool {
    value.get("model").is_none() && (value.get("model_type").is_some() || value.get("architectures").is_some())
}

/// The bamboo configuration of a Hugging Face `config.json`; `prefix` is where it sits.
pub fn from_hf(value: Value, prefix: &str) -> Result<ModelConfig, ConfigError> {
    let Value::Object(map) = value else { return Err(invalid(prefix, "expected a JSON object")) };
    let kind = model_type(&map, prefix)?;
    let mut f = Fields::new(&map, prefix);
    let cfg = match kind {
        "vit" => ModelConfig::Vit(vit(&mut f)?),
        "vit_mae" => ModelConfig::Mae(mae(&mut f)?),
        "bert" => ModelConfig::Bert(bert(&mut f)?),
        "opt" => ModelConfig::Opt(opt(&mut f)?),
        _ => ModelConfig::Clip(clip(&mut f)?),
    };
    f.finish()?;
    Ok(cfg)
}

/// `model_type`, or else the model type the first of `architectures` names.
fn model_type(map: &Map<String, Value>, prefix: &str) -> Result<&'static str, ConfigError> {
    let known = MODEL_TYPES.map(|(t, _)| t).join(", ");
    if let Some(t) = map.get("model_type") {
        let t = t.as_str().unwrap_or_default();
        return MODEL_TYPES
            .iter()
            .find(|(k, _)| *k == t)
            .map(|(k, _)| *k)
            .ok_or_else(|| invalid(join(prefix, "model_type"), format!("`{t}` is not a model bamboo implements (known: {known})")));
    }
    let arch = map.get("architectures").and_then(|a| a.get(0)).and_then(Value::as_str).unwrap_or_default();
    MODEL_TYPES
        .iter()
        .find(|(_, p)| arch.starts_with(p))
        .map(|(k, _)| *k)
        .ok_or_else(|| invalid(join(prefix, "architectures"), format!("`{arch}` is not a model bamboo implements (known: {known})")))
}

/// The fields of one (sub-)config, and which of them were read.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    prefix: String,
    used: BTreeSet<String>,
}

impl<'a> Fields<'a> {
    fn new(map: &'a Map<String, Value>, prefix: &str) -> Fields<'a> {
        Fields { map, prefix: prefix.to_string(), used: BTreeSet::new() }
    }

    fn path(&self, key: &str) -> String {
        join(&self.prefix, key)
    }

    /// The value of `key` (marked read), `None` when absent or null.
    fn get(&mut self, key: &str) -> Option<&'a Value> {
        self.used.insert(key.to_string());
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn usize(&mut self, key: &str, default: usize) -> Result<usize, ConfigError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => {
                v.as_u64().map(|n| n as usize).ok_or_else(|| invalid(self.path(key), format!("expected a non-negative integer, got {v}")))
            }
        }
    }

    fn f64(&mut self, key: &str, default: f64) -> Result<f64, ConfigError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v.as_f64().ok_or_else(|| invalid(self.path(key), format!("expected a number, got {v}"))),
        }
    }

    fn bool(&mut self, key: &str, default: bool) -> Result<bool, ConfigError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v.as_bool().ok_or_else(|| invalid(self.path(key), format!("expected true or false, got {v}"))),
        }
    }

    fn str(&mut self, key: &str, default: &'a str) -> Result<&'a str, ConfigError> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => v.as_str().ok_or_else(|| invalid(self.path(key), format!("expected a string, got {v}"))),
        }
    }

    /// Fails unless `key` (at `default` when absent) is `want`: the only setting bamboo implements.
    fn only<T: PartialEq + std::fmt::Debug>(&mut self, key: &str, got: T, want: T, why: &str) -> Result<(), ConfigError> {
        if got == want {
            return Ok(());
        }
        Err(invalid(self.path(key), format!("{got:?} is not implemented by bamboo ({why}; only {want:?} is)")))
    }

    fn only_bool(&mut self, key: &str, default: bool, want: bool, why: &str) -> Result<(), ConfigError> {
        let v = self.bool(key, default)?;
        self.only(key, v, want, why)
    }

    /// A dropout rate that bamboo cannot apply where HF does: only 0 is accepted.
    fn zero_rate(&mut self, key: &str, default: f64, why: &str) -> Result<(), ConfigError> {
        let v = self.f64(key, default)?;
        self.only(key, v, 0.0, why)
    }

    /// `hidden_act` (or `key`) as bamboo's activation; only those in `allowed`.
    fn activation(&mut self, key: &str, default: &'a str, allowed: &[(&str, Activation)]) -> Result<Activation, ConfigError> {
        let v = self.str(key, default)?;
        allowed.iter().find(|(n, _)| *n == v).map(|(_, a)| *a).ok_or_else(|| {
            let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
            invalid(self.path(key), format!("`{v}` is not implemented by bamboo (only {})", names.join(", ")))
        })
    }

    /// The stack from `hidden_size`, `num_hidden_layers`, `num_attention_heads` and `mlp_key`.
    fn stack(&mut self, d: (usize, usize, usize, usize), mlp_key: &str) -> Result<Stack, ConfigError> {
        Ok(Stack {
            width: self.usize("hidden_size", d.0)?,
            depth: self.usize("num_hidden_layers", d.1)?,
            heads: self.usize("num_attention_heads", d.2)?,
            mlp_dim: self.usize(mlp_key, d.3)?,
        })
    }

    /// The image geometry, `(image_size, patch_size, num_channels)`; only the patch's default
    /// differs between the vision models.
    fn image(&mut self, patch_size: usize) -> Result<(usize, usize, usize), ConfigError> {
        Ok((self.usize("image_size", 224)?, self.usize("patch_size", patch_size)?, self.usize("num_channels", 3)?))
    }

    /// The classifier's outputs: `id2label`'s size, else `num_labels`, else HF's default 2.
    fn num_labels(&mut self) -> Result<usize, ConfigError> {
        if let Some(m) = self.get("id2label").and_then(Value::as_object) {
            return Ok(m.len());
        }
        self.usize("num_labels", 2)
    }

    /// Generic settings that change the computation, at the values bamboo implements.
    fn generic(&mut self) -> Result<(), ConfigError> {
        self.only_bool("is_decoder", false, false, "an encoder used as a decoder")?;
        self.only_bool("add_cross_attention", false, false, "cross-attention layers")?;
        self.only_bool("is_encoder_decoder", false, false, "an encoder-decoder model")?;
        self.only_bool("tie_encoder_decoder", false, false, "an encoder-decoder model")?;
        if let Some(p) = self.get("pruned_heads") {
            let empty = p.as_object().is_some_and(Map::is_empty);
            if !empty {
                return Err(invalid(self.path("pruned_heads"), format!("{p} is not implemented by bamboo (pruned attention heads)")));
            }
        }
        let problem = self.str("problem_type", "single_label_classification")?;
        if !["single_label_classification", "regression"].contains(&problem) {
            return Err(invalid(self.path("problem_type"), format!("`{problem}` is not implemented by bamboo")));
        }
        Ok(())
    }

    /// Fails on the first field neither read nor inert.
    fn finish(mut self) -> Result<(), ConfigError> {
        self.generic()?;
        let unknown =
            self.map.keys().find(|k| !self.used.contains(*k) && !INERT.contains(&k.as_str()) && !k.starts_with("_attn_implementation"));
        match unknown {
            Some(k) => Err(invalid(self.path(k), "a Hugging Face setting bamboo does not implement")),
            None => Ok(()),
        }
    }
}

const GELU: [(&str, Activation); 1] = [("gelu", Activation::Gelu)];

/// `ViTModel` / `ViTForImageClassification`: pre-LN, cls pooling after the final norm
/// (`vit.layernorm`), the classifier on the class token.
fn vit(f: &mut Fields) -> Result<VitConfig, ConfigError> {
    let encoder = f.stack((768, 12, 12, 3072), "intermediate_size")?;
    f.activation("hidden_act", "gelu", &GELU)?;
    let timm = "bamboo's ViT drops at timm's sites (--dropout), not at Hugging Face's";
    f.zero_rate("hidden_dropout_prob", 0.0, timm)?;
    f.zero_rate("attention_probs_dropout_prob", 0.0, "dropout on the attention probabilities")?;
    f.only_bool("qkv_bias", true, true, "q/k/v projections without bias")?;
    // The pooler (ViTModel's tanh layer) is not run; ViTForMaskedImageModeling's stride unused.
    for k in ["pooler_act", "pooler_output_size", "encoder_stride", "initializer_range"] {
        f.get(k);
    }
    let (image_size, patch_size, channels) = f.image(16)?;
    Ok(VitConfig {
        image_size,
        patch_size,
        channels,
        encoder,
        num_classes: f.num_labels()?,
        pool: Pool::Cls,
        class_token: true,
        norm: Norm::Pre,
        layer_norm_eps: f.f64("layer_norm_eps", 1e-12)?,
        drop_path: 0.0,
        dropout: 0.0,
    })
}

/// `ViTMAEForPreTraining`.
fn mae(f: &mut Fields) -> Result<MaeConfig, ConfigError> {
    let encoder = f.stack((768, 12, 12, 3072), "intermediate_size")?;
    let decoder = Stack {
        width: f.usize("decoder_hidden_size", 512)?,
        depth: f.usize("decoder_num_hidden_layers", 8)?,
        heads: f.usize("decoder_num_attention_heads", 16)?,
        mlp_dim: f.usize("decoder_intermediate_size", 2048)?,
    };
    f.activation("hidden_act", "gelu", &GELU)?;
    f.zero_rate("hidden_dropout_prob", 0.0, "bamboo's MAE has no dropout")?;
    f.zero_rate("attention_probs_dropout_prob", 0.0, "bamboo's MAE has no dropout")?;
    f.only_bool("qkv_bias", true, true, "q/k/v projections without bias")?;
    f.get("initializer_range");
    let (image_size, patch_size, channels) = f.image(16)?;
    Ok(MaeConfig {
        image_size,
        patch_size,
        channels,
        encoder,
        decoder,
        mask_ratio: f.f64("mask_ratio", 0.75)?,
        norm_pix_loss: f.bool("norm_pix_loss", false)?,
        norm: Norm::Pre,
        layer_norm_eps: f.f64("layer_norm_eps", 1e-12)?,
        drop_path: 0.0,
    })
}

/// `BertModel` / `BertForPreTraining` / `BertForSequenceClassification`.
fn bert(f: &mut Fields) -> Result<BertConfig, ConfigError> {
    let encoder = f.stack((768, 12, 12, 3072), "intermediate_size")?;
    f.activation("hidden_act", "gelu", &GELU)?;
    let pos = f.str("position_embedding_type", "absolute")?;
    f.only("position_embedding_type", pos, "absolute", "relative position embeddings")?;
    f.only_bool("tie_word_embeddings", true, true, "an MLM decoder apart from the word embeddings")?;
    let hidden_dropout = f.f64("hidden_dropout_prob", 0.1)?;
    if let Some(v) = f.get("classifier_dropout") {
        f.only("classifier_dropout", v.as_f64(), Some(hidden_dropout), "the classifier drops at hidden_dropout_prob")?;
    }
    f.get("initializer_range");
    let max_positions = f.usize("max_position_embeddings", 512)?;
    let seq_len = max_positions.min(128);
    Ok(BertConfig {
        vocab_size: f.usize("vocab_size", 30522)?,
        max_positions,
        type_vocab_size: f.usize("type_vocab_size", 2)?,
        encoder,
        norm: Norm::Post,
        layer_norm_eps: f.f64("layer_norm_eps", 1e-12)?,
        hidden_dropout,
        attention_dropout: f.f64("attention_probs_dropout_prob", 0.1)?,
        seq_len,
        max_predictions: seq_len.min(20),
        num_labels: f.num_labels()?,
    })
}

/// `OPTForCausalLM`.
fn opt(f: &mut Fields) -> Result<OptConfig, ConfigError> {
    let decoder = f.stack((768, 12, 12, 3072), "ffn_dim")?;
    f.activation("activation_function", "relu", &[("relu", Activation::Relu)])?;
    let proj = f.usize("word_embed_proj_dim", decoder.width)?;
    f.only("word_embed_proj_dim", proj, decoder.width, "embedding projections (opt-350m)")?;
    f.only_bool("enable_bias", true, true, "linear layers without bias")?;
    f.only_bool("layer_norm_elementwise_affine", true, true, "layer norms without weights")?;
    f.only_bool("_remove_final_layer_norm", false, false, "a pre-LN decoder without its final norm")?;
    f.only_bool("tie_word_embeddings", true, true, "an LM head apart from the token embeddings")?;
    f.zero_rate("activation_dropout", 0.0, "dropout after the MLP activation")?;
    f.zero_rate("layerdrop", 0.0, "LayerDrop")?;
    f.get("init_std");
    let max_positions = f.usize("max_position_embeddings", 2048)?;
    Ok(OptConfig {
        vocab_size: f.usize("vocab_size", 50272)?,
        max_positions,
        decoder,
        norm: if f.bool("do_layer_norm_before", true)? { Norm::Pre } else { Norm::Post },
        layer_norm_eps: 1e-5,
        dropout: f.f64("dropout", 0.1)?,
        attention_dropout: f.f64("attention_dropout", 0.0)?,
        seq_len: max_positions,
    })
}

const CLIP_ACTS: [(&str, Activation); 2] = [("quick_gelu", Activation::QuickGelu), ("gelu", Activation::Gelu)];

/// `CLIPModel`: the two towers' sub-configs must agree on the activation and the norm's eps
/// (bamboo has one of each).
fn clip(f: &mut Fields) -> Result<ClipConfig, ConfigError> {
    let projection_dim = f.usize("projection_dim", 512)?;
    let logit_scale_init = f.f64("logit_scale_init_value", 2.6592)?;
    f.get("initializer_factor");
    // Old hub files repeat the sub-configs as `*_config_dict`; the `*_config` objects win.
    f.get("text_config_dict");
    f.get("vision_config_dict");
    let empty = Map::new();
    let sub = |f: &mut Fields<'_>, k: &str| f.get(k).and_then(Value::as_object).cloned().unwrap_or_else(|| empty.clone());
    let (tmap, vmap) = (sub(f, "text_config"), sub(f, "vision_config"));
    let mut t = Fields::new(&tmap, &f.path("text_config"));
    let mut v = Fields::new(&vmap, &f.path("vision_config"));
    let text = t.stack((512, 12, 8, 2048), "intermediate_size")?;
    let vision = v.stack((768, 12, 12, 3072), "intermediate_size")?;
    let activation = t.activation("hidden_act", "quick_gelu", &CLIP_ACTS)?;
    let v_act = v.activation("hidden_act", "quick_gelu", &CLIP_ACTS)?;
    v.only("hidden_act", v_act, activation, "one activation for both towers: text_config's")?;
    let eps = t.f64("layer_norm_eps", 1e-5)?;
    let v_eps = v.f64("layer_norm_eps", 1e-5)?;
    v.only("layer_norm_eps", v_eps, eps, "one layer norm eps for both towers: text_config's")?;
    for s in [&mut t, &mut v] {
        s.zero_rate("attention_dropout", 0.0, "bamboo's CLIP has no dropout")?;
        s.zero_rate("dropout", 0.0, "bamboo's CLIP has no dropout")?;
        for k in ["projection_dim", "initializer_range", "initializer_factor"] {
            s.get(k);
        }
    }
    // HF pools the text at the largest id when `eos_token_id` is 2 (the openai files' legacy
    // value), else at the first position holding it; its default is 49407.
    let eos = t.usize("eos_token_id", 49407)?;
    let (image_size, patch_size, channels) = v.image(32)?;
    let cfg = ClipConfig {
        image_size,
        patch_size,
        channels,
        vision,
        text,
        vocab_size: t.usize("vocab_size", 49408)?,
        max_positions: t.usize("max_position_embeddings", 77)?,
        seq_len: 0,
        projection_dim,
        activation,
        layer_norm_eps: eps,
        eos_token_id: (eos != 2).then_some(eos),
        logit_scale_init,
    };
    t.finish()?;
    v.finish()?;
    Ok(ClipConfig { seq_len: cfg.max_positions, ..cfg })
}
