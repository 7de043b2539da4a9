//! The seam between the stages: a traced `Function` compiled on a runtime `Client`, with host
//! inputs checked against the traced parameter types before anything reaches the plugin.
//!
//! graph (trace, lower) -> program (compile, typed execute) -> runtime (PJRT)

use anyhow::{anyhow, bail, Context, Result};

use crate::graph::{DType, Function, TensorType};
use crate::runtime::{Arg, Buffer, Client, CompileOptions, ElementType, Executable, HostTensor};

/// The runtime element type that carries a traced dtype.
pub fn element_type(d: DType) -> ElementType {
    match d {
        DType::Pred => ElementType::Pred,
        DType::U8 => ElementType::U8,
        DType::I32 => ElementType::I32,
        DType::I64 => ElementType::I64,
        DType::U32 => ElementType::U32,
        DType::F16 => ElementType::F16,
        DType::BF16 => ElementType::BF16,
        DType::F32 => ElementType::F32,
        DType::F64 => ElementType::F64,
    }
}

/// A compiled function plus the names and types of its parameters and results.
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
        let text = f.to_stablehlo();
        let t0 = std::time::Instant::now();
        let exe = client.compile(&f.name, &text, options).with_context(|| format!("compiling `{}`", f.name))?;
        Ok(Program {
            name: f.name.clone(),
            params: f.params().into_iter().map(|p| (p.name, p.ty)).collect(),
            outputs: f.output_types(),
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
