//! The positional program type, from before inputs and outputs had names.

use anyhow::{anyhow, bail, Context, Result};

use super::element_type;
use crate::graph::{Function, TensorType};
use crate::runtime::{Arg, Buffer, Client, CompileOptions, Executable, HostTensor};

/// Remains for callers not yet converted to `Compiled` (positional inputs and outputs).
pub struct Program {
    pub name: String,
    pub params: Vec<(String, TensorType)>,
    pub outputs: Vec<TensorType>,
    pub exe: Executable,
    pub compile_seconds: f64,
}

impl Program {
    /// Lowers `f` and compiles it.
    pub fn compile(client: &Client, f: &Function, options: &CompileOptions) -> Result<Program> {
        let lowered = f.lower();
        let t0 = std::time::Instant::now();
        let exe = client.compile(lowered.name(), lowered.text(), options).with_context(|| format!("compiling `{}`", f.name))?;
        Ok(Program {
            name: f.name.clone(),
            params: lowered.inputs().iter().map(|p| (p.name.clone(), p.ty.clone())).collect(),
            outputs: lowered.outputs().iter().map(|o| o.ty.clone()).collect(),
            exe,
            compile_seconds: t0.elapsed().as_secs_f64(),
        })
    }

    /// Checks a host input against parameter `i`, naming the parameter on a mismatch.
    pub fn check_input(&self, i: usize, t: &HostTensor) -> Result<()> {
        let (name, ty) = self.params.get(i).ok_or_else(|| anyhow!("`{}` takes {} inputs, got more", self.name, self.params.len()))?;
        if t.ty != element_type(ty.dtype) || t.dims != ty.dims {
            bail!("`{}` parameter {} `{}` expects {}, got {:?} {:?}", self.name, i, name, ty.mlir(), t.ty, t.dims);
        }
        Ok(())
    }

    /// Copies `inputs` to device 0, runs, and copies every result back.
    pub fn run_host(&self, client: &Client, inputs: &[HostTensor]) -> Result<Vec<HostTensor>> {
        if inputs.len() != self.params.len() {
            bail!("`{}` takes {} inputs, got {}", self.name, self.params.len(), inputs.len());
        }
        let mut bufs = Vec::with_capacity(inputs.len());
        for (i, t) in inputs.iter().enumerate() {
            self.check_input(i, t)?;
            bufs.push(client.to_device(t, 0).with_context(|| format!("`{}` input {} `{}`", self.name, i, self.params[i].0))?);
        }
        let outs = self.run(bufs.iter().map(Arg::Borrow).collect())?;
        outs.iter().map(|b| b.to_host().map_err(Into::into)).collect()
    }

    /// Runs on device 0 with buffers already there.
    pub fn run(&self, args: Vec<Arg<'_>>) -> Result<Vec<Buffer>> {
        let mut per_device = self.exe.execute(vec![args]).with_context(|| format!("executing `{}`", self.name))?;
        Ok(per_device.remove(0))
    }
}
