//! The image recipes' evaluations after training: top-1 accuracy of a classifier and CLIP's
//! zero-shot accuracy, each one pass over the validation shards on device 0.

use anyhow::{bail, ensure, Context, Result};

use crate::config::ClipConfig;
use crate::data::augment::{Filter, Transform};
use crate::data::captions::{encode_labels, FASHION_CLASSES};
use crate::graph::{DType, Function, Graph};
use crate::models::clip;
use crate::nn::stack::StackOptions;
use crate::program::{Args, Compile};
use crate::runtime::{Buffer, Client, CompileOptions, HostTensor};
use crate::train::objective::{accuracy, Classify, Objective};
use crate::train::sources::{BatchSource, ImageSource, ImageTask};
use crate::train::step::{build_eval_step, metric_output};
use crate::train::trainer::Trainer;
use crate::weights::Params;

/// The keys under which the image recipes log their evaluations (metrics.jsonl, TensorBoard,
/// results.json).
pub const VAL_ACCURACY: &str = "eval/accuracy";
pub const ZERO_SHOT_ACCURACY: &str = "eval/zero_shot_accuracy";

/// Images per validation batch: at most 100, never more than the training batch.
fn validation_batch(train_batch: usize) -> usize {
    100usize.min(train_batch.max(1))
}

/// Top-1 accuracy over the validation shards (one pass, center crops, device 0).
pub fn evaluate(
    client: &Client,
    obj: &Classify,
    trainer: &Trainer,
    data: &str,
    transform: Transform,
    train_batch: usize,
    stack: &StackOptions,
) -> Result<f64> {
    let b = validation_batch(train_batch);
    // Evaluation runs every block and every unit: no stochastic depth, no dropout.
    let mut eval_cfg = obj.config.clone();
    eval_cfg.drop_path = 0.0;
    eval_cfg.dropout = 0.0;
    let obj = &Classify { config: eval_cfg, label_smoothing: obj.label_smoothing, soft_targets: false };
    let prog = build_eval_step(obj, b, 1, stack)?.lower().compile(client, &CompileOptions::default())?;
    let accuracy = prog.output(&metric_output("accuracy"))?;
    let params = params_on_device_0(client, trainer)?;
    let batch_names: Vec<String> = obj.inputs().into_iter().map(|i| i.name).collect();
    let cfg = &obj.config;
    let src = validation_images(data, b, cfg.image_size, cfg.channels, cfg.num_classes, transform)?;
    mean_over_validation(client, src, b, data, |xs| {
        let mut args = prog.args();
        lend_params(&mut args, &params)?;
        for (name, x) in batch_names.iter().zip(xs) {
            args.borrow(name, x)?;
        }
        Ok(prog.run(args)?.take(accuracy)?.to_host()?.to_scalar::<f32>()? as f64)
    })
}

/// CLIP's zero-shot classification: each validation image goes to the class whose caption
/// scores highest (one pass, center crops, device 0).
pub fn zero_shot(
    client: &Client,
    cfg: &ClipConfig,
    trainer: &Trainer,
    data: &str,
    train_batch: usize,
    stack: &StackOptions,
) -> Result<f64> {
    let (b, k, s) = (validation_batch(train_batch), FASHION_CLASSES.len(), cfg.seq_len);
    let g = Graph::new("clip_zero_shot");
    let params = Params::declare(&g, &clip::param_specs(cfg), DType::F32);
    let size = cfg.image_size as i64;
    let images = g.param("images", &[b as i64, cfg.channels as i64, size, size], DType::F32);
    let labels = g.param("labels", &[b as i64], DType::I32);
    let captions = g.param("captions", &[k as i64, s as i64], DType::I32);
    let out = clip::forward(cfg, &params, &clip::ClipInputs { pixel_values: &images, input_ids: &captions, attention_mask: None }, stack)?;
    let f = Function::named(&g, &[("accuracy", accuracy(&out.logits_per_image, &labels)?)])?;
    let prog = f.lower().compile(client, &CompileOptions::default())?;
    let params = params_on_device_0(client, trainer)?;
    let ids = HostTensor::from_slice(&[k as i64, s as i64], &encode_labels(&(0..k as i32).collect::<Vec<_>>(), s)?)?;
    let caption_buf = client.to_device(&ids, 0)?;
    let transform = Transform::eval().with_filter(Filter::Bilinear);
    let src = validation_images(data, b, cfg.image_size, cfg.channels, k, transform)?;
    mean_over_validation(client, src, b, data, |xs| {
        let [images, labels] = xs else { bail!("a validation batch of {} tensors, expected images and labels", xs.len()) };
        let mut args = prog.args();
        lend_params(&mut args, &params)?;
        args.borrow("images", images)?.borrow("labels", labels)?.borrow("captions", &caption_buf)?;
        Ok(prog.run(args)?.take("accuracy")?.to_host()?.to_scalar::<f32>()? as f64)
    })
    .context("--val-data")
}

/// The trained parameters on device 0, under their names.
fn params_on_device_0(client: &Client, trainer: &Trainer) -> Result<Vec<(String, Buffer)>> {
    let names = trainer.layout.specs.iter().map(|s| s.name.clone());
    Ok(names.zip(on_device_0(client, &trainer.host_state()?.0)?).collect())
}

/// Lends every parameter under its name.
fn lend_params<'a>(args: &mut Args<'a>, params: &'a [(String, Buffer)]) -> Result<()> {
    for (name, p) in params {
        args.borrow(name, p)?;
    }
    Ok(())
}

fn on_device_0(client: &Client, tensors: &[HostTensor]) -> Result<Vec<Buffer>> {
    Ok(tensors.iter().map(|h| client.to_device(h, 0)).collect::<std::result::Result<Vec<_>, _>>()?)
}

/// One epoch of labelled images in batches of `b`, unshuffled position 0, one device.
fn validation_images(
    data: &str,
    b: usize,
    image_size: usize,
    channels: usize,
    classes: usize,
    transform: Transform,
) -> Result<ImageSource> {
    let task = ImageTask::Labels { drop_path: None, mix: None };
    ImageSource::new(data, b, image_size, channels, classes, transform, task, 0, 1, Some(1))
}

/// One pass over `src`'s full batches on device 0: the mean of `per_batch` (each batch's
/// accuracy), weighting every batch alike (they are all full). No batch at all is an error.
fn mean_over_validation(
    client: &Client,
    mut src: ImageSource,
    b: usize,
    data: &str,
    mut per_batch: impl FnMut(&[Buffer]) -> Result<f64>,
) -> Result<f64> {
    let (mut sum, mut n) = (0.0, 0usize);
    while let Some(batch) = src.next_batch()? {
        sum += per_batch(&on_device_0(client, &batch)?)?;
        n += 1;
    }
    ensure!(n > 0, "no validation batch of {} in {}", b, data);
    Ok(sum / n as f64)
}
