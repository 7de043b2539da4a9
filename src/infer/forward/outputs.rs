//! The traced forward of `bamboo forward`: each model's outputs under the names its reference
//! implementation uses, the loss when the inputs allow one, and optionally its gradients.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};

use super::inputs::ModelInput;
use super::load::Head;
use crate::config::ModelConfig;
use crate::graph::{self, DType, Function, Graph, Tensor};
use crate::models::{bert, clip, mae, opt, vit, Tokens};
use crate::nn::stack::StackOptions;
use crate::weights::{ParamSpec, Params, Vars};

/// The traced inputs by name.
struct Traced(BTreeMap<&'static str, Tensor>);

impl Traced {
    fn get(&self, name: &str) -> &Tensor {
        &self.0[name]
    }
    fn opt(&self, name: &str) -> Option<&Tensor> {
        self.0.get(name)
    }
}

/// Outputs by name; `loss` (when the inputs allow one) first.
type Named = Vec<(&'static str, Tensor)>;

/// Traces the forward pass over the parameters then the inputs; returns the function, its
/// model outputs' names and, with `grads`, the trainable specs whose gradients (stacked as the
/// specs are) follow them, each under `grad_output(spec name)`.
pub(super) fn trace(
    cfg: &ModelConfig,
    head: Head,
    specs: &[ParamSpec],
    inputs: &[ModelInput],
    grads: bool,
) -> Result<(Function, Vec<String>, Vec<ParamSpec>)> {
    let g = Graph::new(&format!("forward_{}", cfg.kind()));
    let p = Params::declare(&g, specs, DType::F32);
    let x = Traced(inputs.iter().map(|i| (i.name, g.param(i.name, &i.host.dims, i.dtype))).collect());
    let o = StackOptions { keep_hidden: true, ..Default::default() };
    let named = match cfg {
        ModelConfig::Vit(c) if head == Head::VitEncoder => vit_encoder_outputs(c, &p, &x, &o),
        ModelConfig::Vit(c) => vit_outputs(c, &p, &x, &o),
        ModelConfig::Mae(c) => {
            let r = mae::forward(c, &p, x.get("pixel_values"), x.get("noise"), &o)?;
            Ok(vec![
                ("loss", r.loss),
                ("logits", r.pred),
                ("mask", r.mask),
                ("noise", x.get("noise").clone()),
                ("encoder.hidden_states.0", r.embedded),
                ("encoder.hidden_states", r.hidden.expect("kept")),
            ])
        }
        ModelConfig::Bert(c) if head == Head::BertClassifier => bert_classifier_outputs(c, &p, &x, &o),
        ModelConfig::Bert(c) => bert_outputs(c, &p, &x, &o),
        ModelConfig::Clip(c) => clip_outputs(c, &p, &x, &o),
        ModelConfig::Opt(c) => opt_outputs(c, &p, &x, &o),
    }
    .context("tracing the model")?;
    let mut outs: Vec<(String, Tensor)> = named.iter().map(|(n, t)| (n.to_string(), t.clone())).collect();
    let trainable: Vec<ParamSpec> = if grads { specs.iter().filter(|s| s.trainable).cloned().collect() } else { vec![] };
    if grads {
        let Some((_, loss)) = named.iter().find(|(n, _)| *n == "loss") else {
            bail!("--grads: the inputs give no loss; {}", loss_inputs(cfg, head));
        };
        let wrt: Vec<Tensor> = trainable.iter().map(|s| p.get(&s.name).cloned()).collect::<Result<_, _>>()?;
        let grads = graph::grad(loss, &wrt).context("differentiating the loss")?;
        outs.extend(trainable.iter().map(|s| grad_output(&s.name)).zip(grads));
    }
    let func = Function::named(&g, &outs)?;
    Ok((func, named.into_iter().map(|(n, _)| n.to_string()).collect(), trainable))
}

/// The output holding the loss's gradient for the parameter `spec_name` (stacked as specs are).
pub(super) fn grad_output(spec_name: &str) -> String {
    format!("grad.{}", spec_name)
}

/// What a model's loss needs, for the error when it is asked for without them.
fn loss_inputs(cfg: &ModelConfig, head: Head) -> &'static str {
    match (cfg, head) {
        (ModelConfig::Vit(_), Head::VitEncoder) => "a ViTModel has no classifier, so no loss",
        (ModelConfig::Vit(_), _) => "give `labels` [B] (class ids)",
        (ModelConfig::Bert(_), Head::BertClassifier) => "give `labels` [B]",
        (ModelConfig::Bert(_), _) => "give `labels` [B, S] (-100 where not predicted) and `next_sentence_label` [B]",
        (ModelConfig::Clip(_), _) => "give as many captions as images",
        (ModelConfig::Opt(_), _) => "give `labels` [B, S]",
        (ModelConfig::Mae(_), _) => "",
    }
}

/// Class logits (and the cross entropy with `labels`, mean over the batch, as
/// `ViTForImageClassification` and timm compute it) and every block's input and output.
fn vit_outputs(c: &crate::config::VitConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let r = vit::forward(c, p, x.get("pixel_values"), o)?;
    let mut out = vec![];
    if let Some(labels) = x.opt("labels") {
        out.push(("loss", r.logits.cross_entropy(labels)?));
    }
    out.extend([("logits", r.logits), ("hidden_states.0", r.embedded), ("hidden_states", r.hidden.expect("kept"))]);
    Ok(out)
}

/// Hugging Face `ViTModel`'s outputs: `last_hidden_state` (the final norm on every token) and
/// the hidden states; its pooler is not run.
fn vit_encoder_outputs(c: &crate::config::VitConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let e = vit::embed(c, p, x.get("pixel_values"))?;
    let vb = Vars::bind(p);
    let (h, hidden) = crate::nn::stack::encoder(&e, &vit::blocks(&vb, c)?, &vit::block_config(c), None, o, "blocks")?;
    let last = vit::final_norm(&vb, c)?.forward(&h, c.layer_norm_eps)?;
    Ok(vec![("last_hidden_state", last), ("hidden_states.0", e), ("hidden_states", hidden.expect("kept"))])
}

/// Logits at every position (as Hugging Face returns them); with `masked_lm_positions`, also
/// those rows gathered (the MLM head is per position, so this equals predicting only there);
/// with `labels` and `next_sentence_label`, `BertForPreTraining`'s loss.
fn bert_outputs(c: &crate::config::BertConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let r = bert::forward(c, p, &bert_inputs(x), o)?;
    let mut out = vec![];
    if let (Some(labels), Some(w), Some(nsp)) = (x.opt("labels"), x.opt("label_weights"), x.opt("next_sentence_label")) {
        out.push(("loss", mlm_loss(&r.mlm_logits, labels, w)?.add(&r.nsp_logits.cross_entropy(nsp)?)?));
    }
    out.extend([("prediction_logits", r.mlm_logits.clone()), ("seq_relationship_logits", r.nsp_logits)]);
    if let Some(pos) = x.opt("masked_lm_positions") {
        out.push(("masked_lm_logits", r.mlm_logits.take_along_axis1(pos)?));
    }
    out.extend([("hidden_states.0", r.embedded), ("hidden_states", r.hidden.expect("kept"))]);
    Ok(out)
}

/// Hugging Face's masked LM loss: cross entropy at the positions of weight 1 (label not -100),
/// their mean.
fn mlm_loss(logits: &Tensor, targets: &Tensor, weights: &Tensor) -> Result<Tensor> {
    let v = logits.dim(2);
    let logp = logits.log_softmax(2)?;
    let nll = logp.mul(&targets.one_hot(v, logp.dtype())?)?.sum(&[2], false)?.neg()?;
    Ok(nll.mul(weights)?.sum_all()?.div(&weights.sum_all()?)?)
}

fn bert_inputs(x: &Traced) -> bert::BertInputs<'_> {
    let tokens = Tokens { input_ids: x.get("input_ids"), attention_mask: Some(x.get("attention_mask")), dropout_keys: None };
    bert::BertInputs { tokens, token_type_ids: x.get("token_type_ids"), mlm_positions: None }
}

/// `BertForSequenceClassification`: logits, the pooled output, the hidden states and, with
/// `labels`, its loss (cross entropy; mean squared error when there is one output).
fn bert_classifier_outputs(c: &crate::config::BertConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let e = bert::encode(c, p, &bert_inputs(x), o)?;
    let logits = bert::classifier(&Vars::bind(p), c, c.num_labels)?.forward(&e.pooled)?;
    let mut out = vec![];
    if let Some(labels) = x.opt("labels") {
        let loss = if c.num_labels == 1 {
            logits.reshape(&[logits.dim(0)])?.sub(labels)?.square()?.mean_all()?
        } else {
            logits.cross_entropy(labels)?
        };
        out.push(("loss", loss));
    }
    out.extend([("logits", logits), ("pooled", e.pooled), ("hidden_states.0", e.embedded), ("hidden_states", e.hidden.expect("kept"))]);
    Ok(out)
}

/// `CLIPModel`'s outputs under its names, each tower's pooled output and blocks, and the
/// contrastive loss when there are as many texts as images (pair i = image i, text i).
fn clip_outputs(c: &crate::config::ClipConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let (pixels, ids) = (x.get("pixel_values"), x.get("input_ids"));
    let r = clip::forward(c, p, &clip::ClipInputs { pixel_values: pixels, input_ids: ids, attention_mask: x.opt("attention_mask") }, o)?;
    let mut out = vec![];
    if pixels.dim(0) == ids.dim(0) {
        out.push(("loss", clip::contrastive_loss(&r.logits_per_text)?));
    }
    out.extend([
        ("logits_per_image", r.logits_per_image),
        ("logits_per_text", r.logits_per_text),
        ("image_embeds", r.image_embeds),
        ("text_embeds", r.text_embeds),
        ("vision_model.pooler_output", r.image.pooled),
        ("text_model.pooler_output", r.text.pooled),
        ("vision_model.hidden_states.0", r.image.embedded),
        ("text_model.hidden_states.0", r.text.embedded),
        ("vision_model.hidden_states", r.image.hidden.expect("kept")),
        ("text_model.hidden_states", r.text.hidden.expect("kept")),
    ]);
    Ok(out)
}

/// Logits at every position; with `labels`, also Hugging Face's causal LM loss over the
/// labels that are not -100.
fn opt_outputs(c: &crate::config::OptConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let r = opt::forward(
        c,
        p,
        &opt::OptInputs { input_ids: x.get("input_ids"), attention_mask: x.opt("attention_mask"), dropout_keys: None },
        o,
    )?;
    let mut out = vec![];
    if let (Some(labels), Some(weights)) = (x.opt("labels"), x.opt("label_weights")) {
        out.push(("loss", opt::next_token_loss(&r.logits, labels, Some(weights))?));
    }
    out.extend([("logits", r.logits), ("hidden_states.0", r.embedded), ("hidden_states", r.hidden.expect("kept"))]);
    Ok(out)
}
