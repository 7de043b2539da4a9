//! A compiled program's named inputs and outputs, and the keys that find them: a name, or a
//! slot resolved from a name once (the training loop binds hundreds of inputs every step).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Result};

use crate::graph::{Lowered, LoweredInput, LoweredOutput};
use crate::runtime::HostTensor;

/// Where a name sits among the inputs; a name traced twice is found by neither position.
#[derive(Clone, Copy, Debug)]
enum Position {
    One(usize),
    Several,
}

/// The names and types of a program's inputs and outputs, with the lookups from names.
#[derive(Debug)]
pub struct Signature {
    /// Distinguishes the slots of one program from another's.
    id: u64,
    name: String,
    inputs: Vec<LoweredInput>,
    outputs: Vec<LoweredOutput>,
    input_index: HashMap<String, Position>,
    output_index: HashMap<String, usize>,
}

/// An input of one program found by name once; refused by any other program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputSlot {
    program: u64,
    position: usize,
}

/// An output of one program found by name once; refused by any other program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutputSlot {
    program: u64,
    position: usize,
}

impl Signature {
    pub(crate) fn new(lowered: &Lowered) -> Signature {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let mut input_index = HashMap::new();
        for (i, p) in lowered.inputs().iter().enumerate() {
            input_index.entry(p.name.clone()).and_modify(|e| *e = Position::Several).or_insert(Position::One(i));
        }
        let output_index = lowered.outputs().iter().enumerate().map(|(k, o)| (o.name.clone(), k)).collect();
        Signature {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            name: lowered.name().to_string(),
            inputs: lowered.inputs().to_vec(),
            outputs: lowered.outputs().to_vec(),
            input_index,
            output_index,
        }
    }

    /// The program's name, as traced.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn inputs(&self) -> &[LoweredInput] {
        &self.inputs
    }

    pub fn outputs(&self) -> &[LoweredOutput] {
        &self.outputs
    }

    pub fn input_slot(&self, name: &str) -> Result<InputSlot> {
        match self.input_index.get(name) {
            Some(Position::One(i)) => Ok(InputSlot { program: self.id, position: *i }),
            Some(Position::Several) => bail!("`{}` has several inputs named `{}`", self.name, name),
            None => bail!("`{}` has no input `{}`", self.name, name),
        }
    }

    /// The input at `position` in `@main`'s parameter list, for callers that hold values in
    /// parameter order (and graphs that trace two parameters under one name).
    pub fn input_slot_at(&self, position: usize) -> Result<InputSlot> {
        if position >= self.inputs.len() {
            bail!("`{}` has {} inputs, not {}", self.name, self.inputs.len(), position + 1);
        }
        Ok(InputSlot { program: self.id, position })
    }

    pub fn output_slot(&self, name: &str) -> Result<OutputSlot> {
        match self.output_index.get(name) {
            Some(&k) => Ok(OutputSlot { program: self.id, position: k }),
            None => bail!("`{}` has no output `{}` (it has {})", self.name, name, list_names(self.outputs.iter().map(|o| &o.name))),
        }
    }

    /// Checks a host value for input `i`, naming the parameter on a mismatch.
    pub(crate) fn check_host(&self, i: usize, t: &HostTensor) -> Result<()> {
        let p = &self.inputs[i];
        if t.ty != p.ty.dtype || t.dims != p.ty.dims {
            bail!("`{}` parameter {} `{}` expects {}, got {:?} {:?}", self.name, i, p.name, p.ty.mlir(), t.ty, t.dims);
        }
        Ok(())
    }

    /// The inputs not yet given, for an error message.
    pub(crate) fn missing_inputs(&self, given: impl Fn(usize) -> bool) -> String {
        list_names((0..self.inputs.len()).filter(|&i| !given(i)).map(|i| &self.inputs[i].name))
    }

    fn slot_position(&self, program: u64, position: usize, what: &str) -> Result<usize> {
        if program != self.id {
            bail!("an {} slot of another program was given to `{}`", what, self.name);
        }
        Ok(position)
    }
}

/// `a`, `b`, `c` and 12 more: short enough for a training step's hundreds of names.
fn list_names<'a>(names: impl Iterator<Item = &'a String>) -> String {
    const SHOWN: usize = 8;
    let names: Vec<&String> = names.collect();
    let shown: Vec<String> = names.iter().take(SHOWN).map(|n| format!("`{}`", n)).collect();
    match names.len() {
        0 => "none".to_string(),
        n if n > SHOWN => format!("{} and {} more", shown.join(", "), n - SHOWN),
        _ => shown.join(", "),
    }
}

/// What finds an input: its name, or a slot resolved from it.
pub trait InputKey {
    fn input_position(&self, signature: &Signature) -> Result<usize>;
}

/// What finds an output: its name, or a slot resolved from it.
pub trait OutputKey {
    fn output_position(&self, signature: &Signature) -> Result<usize>;
}

impl InputKey for InputSlot {
    fn input_position(&self, signature: &Signature) -> Result<usize> {
        signature.slot_position(self.program, self.position, "input")
    }
}

impl OutputKey for OutputSlot {
    fn output_position(&self, signature: &Signature) -> Result<usize> {
        signature.slot_position(self.program, self.position, "output")
    }
}

impl InputKey for &str {
    fn input_position(&self, signature: &Signature) -> Result<usize> {
        Ok(signature.input_slot(self)?.position)
    }
}

impl OutputKey for &str {
    fn output_position(&self, signature: &Signature) -> Result<usize> {
        Ok(signature.output_slot(self)?.position)
    }
}

impl InputKey for &String {
    fn input_position(&self, signature: &Signature) -> Result<usize> {
        self.as_str().input_position(signature)
    }
}

impl OutputKey for &String {
    fn output_position(&self, signature: &Signature) -> Result<usize> {
        self.as_str().output_position(signature)
    }
}
