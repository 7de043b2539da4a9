//! The inputs of one execution on one device, bound by name (or slot): host values are checked
//! against the traced types and copied over, device buffers are lent or handed over.

use anyhow::{bail, Context, Result};

use super::compiled::Compiled;
use super::signature::InputKey;
use crate::runtime::{Arg, Buffer, HostTensor};

/// Every input of one execution on one device; `Compiled::args` makes one.
pub struct Args<'a> {
    program: &'a Compiled,
    device: usize,
    values: Vec<Option<Arg<'a>>>,
}

impl<'a> Args<'a> {
    pub(crate) fn new(program: &'a Compiled, device: usize) -> Args<'a> {
        let values = (0..program.signature().inputs().len()).map(|_| None).collect();
        Args { program, device, values }
    }

    /// The device these inputs are for (an index into the client's addressable devices).
    pub fn device(&self) -> usize {
        self.device
    }

    /// Checks `value` against the input's type and copies it to the device.
    pub fn host(&mut self, key: impl InputKey, value: &HostTensor) -> Result<&mut Self> {
        let sig = self.program.signature();
        let i = key.input_position(sig)?;
        sig.check_host(i, value)?;
        let buffer = self
            .program
            .client()
            .to_device(value, self.device)
            .with_context(|| format!("`{}` input {} `{}`", sig.name(), i, sig.inputs()[i].name))?;
        // A copy made for this call alone: the program may reuse its memory.
        self.put(i, Arg::Donate(buffer))
    }

    /// Lends a device buffer: it stays valid after the call.
    pub fn borrow(&mut self, key: impl InputKey, buffer: &'a Buffer) -> Result<&mut Self> {
        let i = key.input_position(self.program.signature())?;
        self.put(i, Arg::Borrow(buffer))
    }

    /// Hands a device buffer over: a program that aliases or donates the input may reuse it.
    pub fn donate(&mut self, key: impl InputKey, buffer: Buffer) -> Result<&mut Self> {
        let i = key.input_position(self.program.signature())?;
        self.put(i, Arg::Donate(buffer))
    }

    fn put(&mut self, i: usize, arg: Arg<'a>) -> Result<&mut Self> {
        if self.values[i].is_some() {
            let sig = self.program.signature();
            bail!("input `{}` of `{}` was given twice", sig.inputs()[i].name, sig.name());
        }
        self.values[i] = Some(arg);
        Ok(self)
    }

    pub(crate) fn program(&self) -> &Compiled {
        self.program
    }

    /// The argument list in parameter order, once every input is given.
    pub(crate) fn into_list(self) -> Result<Vec<Arg<'a>>> {
        if self.values.iter().any(Option::is_none) {
            let sig = self.program.signature();
            bail!("`{}` was run without its input(s) {}", sig.name(), sig.missing_inputs(|i| self.values[i].is_some()));
        }
        Ok(self.values.into_iter().flatten().collect())
    }
}
