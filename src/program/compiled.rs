//! A lowered function compiled for a client: executes with inputs bound by name and returns
//! outputs by name (JAX's `Compiled`).

use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use super::args::Args;
use super::outputs::Outputs;
use super::signature::{InputKey, InputSlot, OutputSlot, Signature};
use crate::graph::{Lowered, LoweredInput, LoweredOutput};
use crate::runtime::{Buffer, Client, CompileOptions, Executable, HostTensor};

/// A compiled program and the names and types of its inputs and outputs.
pub struct Compiled {
    signature: Arc<Signature>,
    exe: Executable,
    client: Client,
    compile_seconds: f64,
}

/// `lowered.compile(&client, &options)`: the compile stage, read as JAX writes it.
pub trait Compile {
    fn compile(&self, client: &Client, options: &CompileOptions) -> Result<Compiled>;
}

impl Compile for Lowered {
    fn compile(&self, client: &Client, options: &CompileOptions) -> Result<Compiled> {
        Compiled::compile(client, self, options)
    }
}

impl Compiled {
    pub fn compile(client: &Client, lowered: &Lowered, options: &CompileOptions) -> Result<Compiled> {
        let t0 = Instant::now();
        let exe = client.compile(lowered.name(), lowered.text(), options).with_context(|| format!("compiling `{}`", lowered.name()))?;
        Ok(Compiled {
            signature: Arc::new(Signature::new(lowered)),
            exe,
            client: client.clone(),
            compile_seconds: t0.elapsed().as_secs_f64(),
        })
    }

    pub fn name(&self) -> &str {
        self.signature.name()
    }

    pub fn signature(&self) -> &Signature {
        &self.signature
    }

    pub fn inputs(&self) -> &[LoweredInput] {
        self.signature.inputs()
    }

    pub fn outputs(&self) -> &[LoweredOutput] {
        self.signature.outputs()
    }

    /// Seconds the plugin took to compile (lowering not included).
    pub fn compile_seconds(&self) -> f64 {
        self.compile_seconds
    }

    /// How many devices an execution runs on (one argument list each).
    pub fn num_devices(&self) -> usize {
        self.exe.num_devices()
    }

    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// The input named `name`, found once for many executions.
    pub fn input(&self, name: &str) -> Result<InputSlot> {
        self.signature.input_slot(name)
    }

    /// The input at `position` in parameter order.
    pub fn input_at(&self, position: usize) -> Result<InputSlot> {
        self.signature.input_slot_at(position)
    }

    /// The output named `name`, found once for many executions.
    pub fn output(&self, name: &str) -> Result<OutputSlot> {
        self.signature.output_slot(name)
    }

    /// Checks a host value against an input's type without copying it anywhere.
    pub fn check_host(&self, key: impl InputKey, value: &HostTensor) -> Result<()> {
        let i = key.input_position(&self.signature)?;
        self.signature.check_host(i, value)
    }

    /// Inputs for an execution on device 0.
    pub fn args(&self) -> Args<'_> {
        Args::new(self, 0)
    }

    /// Inputs for device `device` of a replicated execution.
    pub fn args_on(&self, device: usize) -> Args<'_> {
        Args::new(self, device)
    }

    /// Runs on one device and returns its results.
    pub fn run(&self, args: Args<'_>) -> Result<Outputs<Buffer>> {
        let mut per_device = self.run_on_devices(vec![args])?;
        Ok(per_device.remove(0))
    }

    /// Runs on every device at once, `args[d]` on device `d`; one set of results per device.
    pub fn run_on_devices(&self, args: Vec<Args<'_>>) -> Result<Vec<Outputs<Buffer>>> {
        let mut lists = Vec::with_capacity(args.len());
        for (d, a) in args.into_iter().enumerate() {
            if !std::ptr::eq(a.program(), self) {
                bail!("inputs made for `{}` were given to `{}`", a.program().name(), self.name());
            }
            if a.device() != d {
                bail!("`{}`: the inputs for device {} were made for device {}", self.name(), d, a.device());
            }
            lists.push(a.into_list()?);
        }
        let outs = self.exe.execute(lists).with_context(|| format!("executing `{}`", self.name()))?;
        Ok(outs.into_iter().map(|o| Outputs::new(self.signature.clone(), o)).collect())
    }

    /// Copies named host values to device 0, runs, and copies every result back.
    pub fn run_host(&self, inputs: &[(&str, &HostTensor)]) -> Result<Outputs<HostTensor>> {
        let mut args = self.args();
        for (name, value) in inputs {
            args.host(*name, value)?;
        }
        self.run(args)?.to_host()
    }
}
