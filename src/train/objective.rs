//! Training objectives: what a model adds to the generic training step (its parameters, its
//! batch, its loss and metrics).

use crate::config::{BertConfig, ClipConfig, MaeConfig, OptConfig, VitConfig};
use crate::graph::{CompareDir, DType, Tensor, TraceResult};
use crate::models::{bert, clip, mae, opt, vit, Noise, Tokens};
use crate::nn::stack::StackOptions;
use crate::weights::{ParamSpec, Params, Vars};

/// One input of a batch: name, per-example shape (without the batch dim), dtype.
#[derive(Clone, Debug, PartialEq)]
pub struct InputSpec {
    pub name: String,
    pub shape: Vec<i64>,
    pub dtype: DType,
}

impl InputSpec {
    pub fn new(name: &str, shape: &[i64], dtype: DType) -> Self {
        InputSpec { name: name.into(), shape: shape.to_vec(), dtype }
    }
}

/// The batch input that carries per-example dropout keys (`u32[2]` per example, drawn on the
/// host from the seed and the example's data position: see `sources::dropout_keys`).
pub const DROPOUT_KEYS: &str = "dropout_keys";

fn dropout_keys_input() -> InputSpec {
    InputSpec::new(DROPOUT_KEYS, &[2], DType::U32)
}

/// The batch tensor of input `name`, if the objective takes it.
fn input<'a>(specs: &[InputSpec], batch: &'a [Tensor], name: &str) -> Option<&'a Tensor> {
    specs.iter().position(|s| s.name == name).and_then(|i| batch.get(i))
}

/// A loss over a batch, with named scalar metrics beside it.
pub struct LossOutput {
    pub loss: Tensor,
    pub metrics: Vec<(String, Tensor)>,
    /// Every encoder block's output tokens `[L, B, T, D]` without the cls token, when the stack
    /// options ask for them (`keep_hidden`: the step that watches over-smoothing). MAE's are the
    /// visible patches; BERT's include padding positions; OPT's are every position (no cls).
    pub hidden: Option<Tensor>,
}

/// Hidden states without the leading cls token (axis 2, position 0).
fn without_cls(h: Option<Tensor>) -> TraceResult<Option<Tensor>> {
    h.map(|h| h.slice_axis(2, 1, h.dim(2))).transpose()
}

pub trait Objective {
    fn name(&self) -> &str;
    fn param_specs(&self) -> Vec<ParamSpec>;
    fn inputs(&self) -> Vec<InputSpec>;
    /// Metric names, in the order `loss` returns them.
    fn metric_names(&self) -> Vec<String>;
    fn loss(&self, p: &Params, batch: &[Tensor], o: &StackOptions) -> TraceResult<LossOutput>;
}

/// MAE pre-training; masking noise comes with the batch (drawn on the host per example), so
/// a run is the same on any number of devices.
pub struct MaePretrain(pub MaeConfig);

impl Objective for MaePretrain {
    fn name(&self) -> &str {
        "mae"
    }
    fn param_specs(&self) -> Vec<ParamSpec> {
        mae::param_specs(&self.0)
    }
    fn inputs(&self) -> Vec<InputSpec> {
        let c = &self.0;
        let s = c.image_size as i64;
        vec![
            InputSpec::new("images", &[c.channels as i64, s, s], DType::F32),
            InputSpec::new("noise", &[c.num_patches() as i64], DType::F32),
        ]
    }
    fn metric_names(&self) -> Vec<String> {
        vec![]
    }
    fn loss(&self, p: &Params, b: &[Tensor], o: &StackOptions) -> TraceResult<LossOutput> {
        let r = mae::forward(&self.0, p, &b[0], &b[1], o)?;
        Ok(LossOutput { loss: r.loss, metrics: vec![], hidden: without_cls(r.hidden)? })
    }
}

/// Supervised classification (ViT from scratch, fine-tuning, linear probe): cross-entropy with
/// optional label smoothing; reports accuracy.
pub struct Classify {
    pub config: VitConfig,
    pub label_smoothing: f64,
    /// Targets come as distributions `[B, classes]` (Mixup / CutMix, smoothing already applied).
    pub soft_targets: bool,
}

impl Objective for Classify {
    fn name(&self) -> &str {
        "classify"
    }
    fn param_specs(&self) -> Vec<ParamSpec> {
        vit::param_specs(&self.config)
    }
    fn inputs(&self) -> Vec<InputSpec> {
        let c = &self.config;
        let s = c.image_size as i64;
        let target = if self.soft_targets {
            InputSpec::new("targets", &[c.num_classes as i64], DType::F32)
        } else {
            InputSpec::new("labels", &[], DType::I32)
        };
        let mut v = vec![InputSpec::new("images", &[c.channels as i64, s, s], DType::F32), target];
        if c.drop_path > 0.0 {
            // Stochastic depth: per-example branch factors drawn on the host (`vit::drop_path_keep`).
            v.push(InputSpec::new("drop_path", &[c.encoder.depth as i64, 2], DType::F32));
        }
        if c.dropout > 0.0 {
            v.push(dropout_keys_input());
        }
        v
    }
    fn metric_names(&self) -> Vec<String> {
        if self.soft_targets {
            vec![]
        } else {
            vec!["accuracy".into()]
        }
    }
    fn loss(&self, p: &Params, b: &[Tensor], o: &StackOptions) -> TraceResult<LossOutput> {
        let specs = self.inputs();
        let noise = Noise { drop_path: input(&specs, b, "drop_path"), dropout_keys: input(&specs, b, DROPOUT_KEYS) };
        let out = vit::forward_noisy(&self.config, p, &b[0], noise, o)?;
        let hidden = if self.config.class_token { without_cls(out.hidden)? } else { out.hidden };
        let logits = out.logits;
        if self.soft_targets {
            return Ok(LossOutput { loss: logits.soft_cross_entropy(&b[1])?, metrics: vec![], hidden });
        }
        let loss = smoothed_cross_entropy(&logits, &b[1], self.label_smoothing)?;
        Ok(LossOutput { loss, metrics: vec![("accuracy".into(), accuracy(&logits, &b[1])?)], hidden })
    }
}

/// Mean cross-entropy of `logits` `[B, K]` against `labels` smoothed by `eps`: the target puts
/// `1 - eps + eps / K` on the label and `eps / K` elsewhere (timm's `LabelSmoothingCrossEntropy`,
/// torch's `cross_entropy(label_smoothing=eps)`).
pub fn smoothed_cross_entropy(logits: &Tensor, labels: &Tensor, eps: f64) -> TraceResult<Tensor> {
    let k = logits.dim(1);
    let onehot = labels.one_hot(k, logits.dtype())?;
    let targets = onehot.mul_scalar(1.0 - eps)?.add_scalar(eps / k as f64)?;
    logits.soft_cross_entropy(&targets)
}

/// Fraction of examples whose arg-max logit is the label.
pub fn accuracy(logits: &Tensor, labels: &Tensor) -> TraceResult<Tensor> {
    // The prediction is the first index of the maximum (torch.argmax's rule): equal logits
    // predict one class, not all of them, so collapsed logits score the share of class 0.
    let best = logits.max(&[1], true)?;
    let index = logits.graph().iota(logits.dims(), 1, DType::I32)?;
    let at_max = logits.compare(CompareDir::Ge, &best)?.select(&index, &index.full_like(logits.dim(1) as f64))?;
    let predicted = at_max.min(&[1], false)?;
    let hit = predicted.compare(CompareDir::Eq, &labels.convert(DType::I32)?)?;
    hit.select(&logits.graph().scalar(1.0, logits.dtype()), &logits.graph().scalar(0.0, logits.dtype()))?.mean_all()
}

/// BERT pre-training: masked LM + next-sentence prediction on the TF records' fields.
pub struct BertPretrain(pub BertConfig);

impl Objective for BertPretrain {
    fn name(&self) -> &str {
        "bert"
    }
    fn param_specs(&self) -> Vec<ParamSpec> {
        bert::param_specs(&self.0)
    }
    fn inputs(&self) -> Vec<InputSpec> {
        let (s, m) = (self.0.seq_len as i64, self.0.max_predictions as i64);
        let mut v = vec![
            InputSpec::new("input_ids", &[s], DType::I32),
            InputSpec::new("input_mask", &[s], DType::F32),
            InputSpec::new("segment_ids", &[s], DType::I32),
            InputSpec::new("masked_lm_positions", &[m], DType::I32),
            InputSpec::new("masked_lm_ids", &[m], DType::I32),
            InputSpec::new("masked_lm_weights", &[m], DType::F32),
            InputSpec::new("next_sentence_labels", &[], DType::I32),
        ];
        if self.0.hidden_dropout > 0.0 || self.0.attention_dropout > 0.0 {
            v.push(dropout_keys_input());
        }
        v
    }
    fn metric_names(&self) -> Vec<String> {
        vec!["nsp_accuracy".into()]
    }
    fn loss(&self, p: &Params, b: &[Tensor], o: &StackOptions) -> TraceResult<LossOutput> {
        let keys = input(&self.inputs(), b, DROPOUT_KEYS);
        let tokens = Tokens { input_ids: &b[0], attention_mask: Some(&b[1]), dropout_keys: keys };
        let x = bert::BertInputs { tokens, token_type_ids: &b[2], mlm_positions: Some(&b[3]) };
        let out = bert::forward(&self.0, p, &x, o)?;
        let loss = bert::pretraining_loss(&out, &b[4], &b[5], &b[6])?;
        Ok(LossOutput { loss, metrics: vec![("nsp_accuracy".into(), accuracy(&out.nsp_logits, &b[6])?)], hidden: without_cls(out.hidden)? })
    }
}

/// Causal language modelling (OPT): every position predicts the next token of packed text
/// (no padding, so no attention mask).
pub struct CausalLm(pub OptConfig);

impl Objective for CausalLm {
    fn name(&self) -> &str {
        "lm"
    }
    fn param_specs(&self) -> Vec<ParamSpec> {
        opt::param_specs(&self.0)
    }
    fn inputs(&self) -> Vec<InputSpec> {
        let mut v = vec![InputSpec::new("input_ids", &[self.0.seq_len as i64], DType::I32)];
        if self.0.dropout > 0.0 || self.0.attention_dropout > 0.0 {
            v.push(dropout_keys_input());
        }
        v
    }
    fn metric_names(&self) -> Vec<String> {
        vec![]
    }
    fn loss(&self, p: &Params, b: &[Tensor], o: &StackOptions) -> TraceResult<LossOutput> {
        let keys = input(&self.inputs(), b, DROPOUT_KEYS);
        let out = opt::forward(&self.0, p, &opt::OptInputs { input_ids: &b[0], attention_mask: None, dropout_keys: keys }, o)?;
        let loss = opt::next_token_loss(&out.logits, &b[0], None)?;
        Ok(LossOutput { loss, metrics: vec![], hidden: out.hidden })
    }
}

/// GLUE fine-tuning: `BertForSequenceClassification`; cross-entropy, or mean squared error for
/// a regression task (`num_labels == 1`, STS-B).
pub struct GlueClassify {
    pub config: BertConfig,
    pub num_labels: usize,
}

impl GlueClassify {
    pub fn logits(&self, p: &Params, b: &[Tensor], o: &StackOptions) -> TraceResult<Tensor> {
        let keys = input(&self.inputs(), b, DROPOUT_KEYS);
        let tokens = Tokens { input_ids: &b[0], attention_mask: Some(&b[1]), dropout_keys: keys };
        let x = bert::BertInputs { tokens, token_type_ids: &b[2], mlm_positions: None };
        bert::classify(&self.config, self.num_labels, p, &x, o)
    }
}

impl Objective for GlueClassify {
    fn name(&self) -> &str {
        "glue"
    }
    fn param_specs(&self) -> Vec<ParamSpec> {
        bert::classifier_specs(&self.config, self.num_labels)
    }
    fn inputs(&self) -> Vec<InputSpec> {
        let s = self.config.seq_len as i64;
        let label = if self.num_labels == 1 { DType::F32 } else { DType::I32 };
        let mut v = vec![
            InputSpec::new("input_ids", &[s], DType::I32),
            InputSpec::new("input_mask", &[s], DType::F32),
            InputSpec::new("segment_ids", &[s], DType::I32),
            InputSpec::new("labels", &[], label),
        ];
        if self.config.hidden_dropout > 0.0 || self.config.attention_dropout > 0.0 {
            v.push(dropout_keys_input());
        }
        v
    }
    fn metric_names(&self) -> Vec<String> {
        if self.num_labels == 1 {
            vec![]
        } else {
            vec!["accuracy".into()]
        }
    }
    fn loss(&self, p: &Params, b: &[Tensor], o: &StackOptions) -> TraceResult<LossOutput> {
        let logits = self.logits(p, b, o)?;
        if self.num_labels == 1 {
            let pred = logits.reshape(&[logits.dim(0)])?;
            let loss = pred.sub(&b[3].convert(pred.dtype())?)?.square()?.mean_all()?;
            return Ok(LossOutput { loss, metrics: vec![], hidden: None });
        }
        let loss = logits.cross_entropy(&b[3])?;
        Ok(LossOutput { loss, metrics: vec![("accuracy".into(), accuracy(&logits, &b[3])?)], hidden: None })
    }
}

/// CLIP's contrastive pre-training on (image, caption) pairs: the symmetric InfoNCE loss of
/// `CLIPModel(return_loss=True)`. Captions come padded after their end-of-text token and without
/// an attention mask: the text tower is causal and pooled at that token, so padding never
/// reaches the pooled output. Reports the image->text top-1 accuracy (the example's own caption
/// scores highest; a duplicate caption elsewhere in the batch with an equal score counts too)
/// and the logit scale exp(s).
pub struct ClipContrastive(pub ClipConfig);

impl Objective for ClipContrastive {
    fn name(&self) -> &str {
        "clip"
    }
    fn param_specs(&self) -> Vec<ParamSpec> {
        clip::param_specs(&self.0)
    }
    fn inputs(&self) -> Vec<InputSpec> {
        let c = &self.0;
        let s = c.image_size as i64;
        vec![InputSpec::new("images", &[c.channels as i64, s, s], DType::F32), InputSpec::new("input_ids", &[c.seq_len as i64], DType::I32)]
    }
    fn metric_names(&self) -> Vec<String> {
        vec!["i2t_accuracy".into(), "logit_scale".into()]
    }
    fn loss(&self, p: &Params, b: &[Tensor], o: &StackOptions) -> TraceResult<LossOutput> {
        let x = clip::ClipInputs { pixel_values: &b[0], input_ids: &b[1], attention_mask: None };
        let out = clip::forward(&self.0, p, &x, o)?;
        let loss = clip::contrastive_loss(&out.logits_per_text)?;
        let n = out.logits_per_image.dim(0);
        let pairs = b[0].graph().iota(&[n], 0, DType::I32)?;
        let i2t = accuracy(&out.logits_per_image, &pairs)?;
        let scale = clip::Projections::new(&Vars::bind(p), &self.0)?.logit_scale.exp()?;
        let metrics = vec![("i2t_accuracy".into(), i2t), ("logit_scale".into(), scale)];
        // The image tower's patch tokens, as for ViT.
        Ok(LossOutput { loss, metrics, hidden: without_cls(out.image.hidden)? })
    }
}
