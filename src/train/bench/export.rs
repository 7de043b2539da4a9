//! `--export DIR`: what the peers need to prove they run the same model: the initial weights
//! (public names), the batch, the loss and every gradient of the first step, and the losses of
//! the first steps (which checks the optimizer too).

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Value};

use super::{Bench, EPS, LR, WEIGHT_DECAY};
use crate::checkpoint::{save, Tensors};
use crate::graph::{grad, DType, Function, Graph, Tensor};
use crate::nn::stack::StackOptions;
use crate::optim::ParamGroup;
use crate::program::Compile;
use crate::runtime::{Buffer, Client, CompileOptions, HostTensor};
use crate::train::objective::Objective;
use crate::train::step::StepLayout;
use crate::weights::host::{public_names, to_checkpoint};
use crate::weights::{ParamSpec, Params};

/// The output holding the loss's gradient for parameter `name`.
fn grad_output(name: &str) -> String {
    format!("grad.{}", name)
}

/// `loss` and the gradient of every trainable parameter (`grad_output`), for the export only.
fn loss_and_grads_fn(obj: &dyn Objective, layout: &StepLayout, batch: usize, stack: &StackOptions) -> Result<Function> {
    let g = Graph::new(&format!("{}_loss_and_grads", obj.name()));
    let params: Vec<Tensor> = layout.specs.iter().map(|s| g.param(&s.name, &s.shape, DType::F32)).collect();
    let inputs: Vec<Tensor> = layout.inputs.iter().map(|i| g.param(&i.name, &[&[batch as i64][..], &i.shape].concat(), i.dtype)).collect();
    let map = Params::from_map(layout.specs.iter().map(|s| s.name.clone()).zip(params.iter().cloned()).collect());
    let loss = obj.loss(&map, &inputs, stack)?.loss;
    let wrt: Vec<Tensor> = layout.trained.iter().map(|&i| params[i].clone()).collect();
    let mut outs = vec![("loss".to_string(), loss.clone())];
    outs.extend(layout.trained.iter().map(|&i| grad_output(&layout.specs[i].name)).zip(grad(&loss, &wrt)?));
    Ok(Function::named(&g, &outs)?)
}

/// Writes DIR/{weights,batch,grads}.safetensors and DIR/ref.json (config, optimizer, which
/// parameters decay, the first step's loss, and the losses of the first three steps).
#[allow(clippy::too_many_arguments)]
pub(super) fn export(
    client: &Client,
    opts: &CompileOptions,
    bench: &Bench,
    obj: &dyn Objective,
    layout: &StepLayout,
    params: &[HostTensor],
    batch_named: &Tensors,
    batch: &[Buffer],
    dir: &Path,
    stack: &StackOptions,
    bf16: bool,
) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    save(&dir.join("weights.safetensors"), &to_checkpoint(&layout.specs, params)?, &Default::default())?;
    save(&dir.join("batch.safetensors"), batch_named, &Default::default())?;

    let mut decay = vec![];
    let mut fixed = vec![];
    for (i, s) in layout.specs.iter().enumerate() {
        if !layout.trained.contains(&i) {
            fixed.extend(public_names(s));
        } else if ParamGroup::for_param(s, WEIGHT_DECAY, None).weight_decay > 0.0 {
            decay.extend(public_names(s));
        }
    }
    let mut meta = json!({
        "config": bench.name,
        "model": serde_json::from_str::<Value>(&bench.model.to_json())?,
        "batch": bench.batch,
        "bf16": bf16,
        "inputs": layout.inputs.iter().map(|i| i.name.clone()).collect::<Vec<_>>(),
        "optimizer": {"name": "adamw", "lr": LR, "beta1": bench.betas.0, "beta2": bench.betas.1, "eps": EPS, "weight_decay": WEIGHT_DECAY},
        "decay": decay,
        "fixed": fixed,
        "train_flops_per_step": bench.train_flops(),
    });
    if bf16 {
        // A bf16 run is checked by its step losses (export_losses): bf16 rounding puts gradients
        // a percent apart between engines, and the f32 proof of the same model is made on a CPU.
        std::fs::write(dir.join("ref.json"), serde_json::to_string_pretty(&meta)?)?;
        return Ok(());
    }
    let gp = loss_and_grads_fn(obj, layout, bench.batch, stack)?.lower().compile(client, opts)?;
    let mut args = gp.args();
    for (spec, h) in layout.specs.iter().zip(params) {
        args.host(&spec.name, h)?;
    }
    for (input, b) in layout.inputs.iter().zip(batch) {
        args.borrow(&input.name, b)?;
    }
    let mut outs = gp.run(args)?;
    let loss = outs.take("loss")?.to_host()?.to_scalar::<f32>()?;
    let trained_specs: Vec<ParamSpec> = layout.trained.iter().map(|&i| layout.specs[i].clone()).collect();
    let grads: Vec<HostTensor> = trained_specs.iter().map(|s| Ok(outs.take(&grad_output(&s.name))?.to_host()?)).collect::<Result<_>>()?;
    let gt = to_checkpoint(&trained_specs, &grads)?;
    let norm = gt.values().map(|t| t.to_f32().iter().map(|&v| (v as f64).powi(2)).sum::<f64>()).sum::<f64>().sqrt();
    save(&dir.join("grads.safetensors"), &gt, &Default::default())?;
    meta["loss"] = json!(loss);
    meta["grad_norm"] = json!(norm);
    std::fs::write(dir.join("ref.json"), serde_json::to_string_pretty(&meta)?)?;
    Ok(())
}

/// Adds the first steps' losses (the optimizer check) to an exported ref.json.
pub(super) fn export_losses(dir: &Path, losses: &[f32]) -> Result<()> {
    let path = dir.join("ref.json");
    let mut v: Value = serde_json::from_slice(&std::fs::read(&path)?)?;
    v["step_losses"] = json!(losses.iter().take(3).collect::<Vec<_>>());
    if v.get("loss").is_none() {
        v["loss"] = json!(losses[0]);
    }
    std::fs::write(&path, serde_json::to_string_pretty(&v)?)?;
    Ok(())
}
