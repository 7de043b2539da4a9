//! A traced function ready to lower: parameters, outputs, donation and sharding annotations.

use super::error::{TraceError, TraceResult};
use super::ir::{Graph, ParamInfo, Tensor};
use super::lower::Emitter;
use super::types::TensorType;

/// What the caller promises about a parameter's buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Donation {
    /// The buffer is only read.
    None,
    /// The buffer may be reused for output `k` of the same type (`tf.aliasing_output`).
    AliasOutput(usize),
    /// The buffer may be reused for any output (`jax.buffer_donor`).
    Donor,
}

/// A traced function: the stage between tracing and compiling (JAX's "lowered").
#[derive(Clone, Debug)]
pub struct Function {
    pub name: String,
    graph: Graph,
    outputs: Vec<Tensor>,
    donation: Vec<Donation>,
    sharding: Vec<Option<String>>,
}

impl Function {
    /// `outputs` become the results of `@main`, in order.
    pub fn new(graph: &Graph, outputs: &[Tensor]) -> TraceResult<Function> {
        if let Some(t) = outputs.iter().find(|t| !t.graph().same(graph)) {
            return Err(TraceError::new("function", format!("output {:?} belongs to another graph", t)));
        }
        let n = graph.params().len();
        Ok(Function {
            name: graph.name(),
            graph: graph.clone(),
            outputs: outputs.to_vec(),
            donation: vec![Donation::None; n],
            sharding: vec![None; n],
        })
    }

    pub fn params(&self) -> Vec<ParamInfo> {
        self.graph.params()
    }

    pub fn output_types(&self) -> Vec<TensorType> {
        self.outputs.iter().map(|t| t.ty().clone()).collect()
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// Bytes of activations the function's loops keep for their backward pass (see `Remat`).
    pub fn saved_for_backward_bytes(&self) -> u64 {
        let outs: Vec<_> = self.outputs.iter().map(|t| t.id()).collect();
        super::scan::saved_for_backward_bytes(&self.graph, &outs)
    }

    /// Parameter `param` is updated in place into output `output` (same type required).
    pub fn alias(mut self, param: usize, output: usize) -> TraceResult<Function> {
        let p = self.params().get(param).cloned().ok_or_else(|| TraceError::new("alias", format!("no parameter {}", param)))?;
        let o = self.outputs.get(output).ok_or_else(|| TraceError::new("alias", format!("no output {}", output)))?;
        if &p.ty != o.ty() {
            return Err(TraceError::new("alias", format!("parameter `{}` {} cannot alias output {} {}", p.name, p.ty, output, o.ty())));
        }
        if self.donation.contains(&Donation::AliasOutput(output)) {
            return Err(TraceError::new("alias", format!("output {} is already aliased", output)));
        }
        self.donation[param] = Donation::AliasOutput(output);
        Ok(self)
    }

    /// Aliases every parameter to the first unclaimed output of the same type, in order: the
    /// training-step pattern where parameters and optimizer state come back updated.
    pub fn alias_by_position(mut self, params: std::ops::Range<usize>, first_output: usize) -> TraceResult<Function> {
        for (k, p) in params.enumerate() {
            self = self.alias(p, first_output + k)?;
        }
        Ok(self)
    }

    pub fn donate(mut self, param: usize) -> Function {
        self.donation[param] = Donation::Donor;
        self
    }

    pub fn donation(&self) -> &[Donation] {
        &self.donation
    }

    /// An `mhlo.sharding` annotation on a parameter, e.g. `{replicated}` or `{devices=[2,1]0,1}`.
    pub fn shard(mut self, param: usize, sharding: &str) -> Function {
        self.sharding[param] = Some(sharding.to_string());
        self
    }

    /// StableHLO text of the module (one public `@main`).
    pub fn to_stablehlo(&self) -> String {
        let params = self.params();
        let mut e = Emitter::new();
        let arg_names: Vec<String> = (0..params.len()).map(|i| format!("%arg{}", i)).collect();
        let mut sig = vec![];
        for (i, p) in params.iter().enumerate() {
            let mut attrs = vec![];
            match self.donation[i] {
                Donation::None => {}
                Donation::AliasOutput(k) => attrs.push(format!("tf.aliasing_output = {} : i32", k)),
                Donation::Donor => attrs.push("jax.buffer_donor = true".to_string()),
            }
            if let Some(s) = &self.sharding[i] {
                attrs.push(format!("mhlo.sharding = \"{}\"", s));
            }
            let attrs = if attrs.is_empty() { String::new() } else { format!(" {{{}}}", attrs.join(", ")) };
            sig.push(format!("{}: {}{}", arg_names[i], p.ty.mlir(), attrs));
        }
        let out_tys = self.output_types();
        let outs: Vec<String> = out_tys.iter().map(|t| t.mlir()).collect();
        let module = sanitize(&self.name);
        e.push_str(&format!("module @{} {{\n", module));
        e.push_str(&format!("  func.func public @main({}) -> ({}) {{\n", sig.join(", "), outs.join(", ")));
        let ids: Vec<usize> = self.outputs.iter().map(|t| t.id()).collect();
        let names = e.graph(2, &self.graph, &ids, &arg_names);
        e.push_str(&format!("    \"func.return\"({}) : ({}) -> ()\n", names.join(", "), outs.join(", ")));
        e.push_str("  }\n}\n");
        e.finish()
    }
}

fn sanitize(name: &str) -> String {
    let s: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("m_{}", s)
    } else {
        s
    }
}
