//! transformers 5.x names, saved (`decoder.decoder_encoder.layer.*`) or in memory
//! (`[vit.]layers.*.attention.q_proj`, ...), read as the classic 4.x names.

use crate::checkpoint::Tensors;

/// transformers 5.x in-memory layer parameter names -> the classic ones (relative to a layer).
const HF5_LAYER: [(&str, &str); 8] = [
    ("attention.q_proj.", "attention.attention.query."),
    ("attention.k_proj.", "attention.attention.key."),
    ("attention.v_proj.", "attention.attention.value."),
    ("attention.o_proj.", "attention.output.dense."),
    ("mlp.fc1.", "intermediate.dense."),
    ("mlp.fc2.", "output.dense."),
    ("layernorm_before.", "layernorm_before."),
    ("layernorm_after.", "layernorm_after."),
];

/// Does `t` carry transformers 5.x in-memory layer names?
pub fn has_hf5_memory_names(t: &Tensors) -> bool {
    t.keys().any(|k| k.starts_with("vit.layers.") || k.starts_with("layers.") || k.contains("_layers.") && k.contains(".attention.q_proj."))
}

/// transformers 5.x names (saved or in memory) as 4.x's; other names unchanged.
pub fn from_hf5(t: Tensors) -> Tensors {
    t.into_iter()
        .map(|(name, v)| {
            let name = name.replacen("decoder.decoder_encoder.layer.", "decoder.decoder_layers.", 1);
            let name = match name
                .strip_prefix("vit.layers.")
                .map(|r| ("vit.encoder.layer.", r))
                .or_else(|| name.strip_prefix("layers.").map(|r| ("encoder.layer.", r)))
            {
                Some((to, rest)) => format!("{to}{rest}"),
                None => name,
            };
            (layer_from_hf5(&name), v)
        })
        .collect()
}

/// `...layer.{i}.attention.q_proj.weight` -> `...layer.{i}.attention.attention.query.weight`.
fn layer_from_hf5(name: &str) -> String {
    for marker in ["encoder.layer.", "decoder.decoder_layers."] {
        let Some(at) = name.find(marker) else { continue };
        let after = at + marker.len();
        let Some(dot) = name[after..].find('.') else { continue };
        let (head, rest) = name.split_at(after + dot + 1);
        for (from, to) in HF5_LAYER {
            if let Some(wb) = rest.strip_prefix(from) {
                return format!("{head}{to}{wb}");
            }
        }
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hf5_layer_names_read_as_classic() {
        assert_eq!(layer_from_hf5("vit.encoder.layer.3.attention.q_proj.bias"), "vit.encoder.layer.3.attention.attention.query.bias");
        assert_eq!(layer_from_hf5("decoder.decoder_layers.0.mlp.fc2.weight"), "decoder.decoder_layers.0.output.dense.weight");
        assert_eq!(layer_from_hf5("vit.embeddings.cls_token"), "vit.embeddings.cls_token");
    }
}
