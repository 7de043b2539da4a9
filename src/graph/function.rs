//! A traced function ready to lower: parameters, named outputs, donation and sharding
//! annotations.

use super::error::{TraceError, TraceResult};
use super::ir::{Graph, ParamInfo, Tensor};
use super::lower::Emitter;
use super::lowered::{Lowered, LoweredInput, LoweredOutput};
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

/// A traced function: the stage between tracing and lowering (JAX's "traced").
#[derive(Clone, Debug)]
pub struct Function {
    pub name: String,
    graph: Graph,
    outputs: Vec<Tensor>,
    output_names: Vec<String>,
    donation: Vec<Donation>,
    sharding: Vec<Option<String>>,
}

impl Function {
    /// `outputs` become the results of `@main`, in order, named `out0`, `out1`, ...
    pub fn new(graph: &Graph, outputs: &[Tensor]) -> TraceResult<Function> {
        let named: Vec<(String, Tensor)> = outputs.iter().enumerate().map(|(k, t)| (format!("out{}", k), t.clone())).collect();
        Function::named(graph, &named)
    }

    /// `outputs` become the results of `@main`, in order, under their names (each name once).
    pub fn named<S: AsRef<str>>(graph: &Graph, outputs: &[(S, Tensor)]) -> TraceResult<Function> {
        if let Some((_, t)) = outputs.iter().find(|(_, t)| !t.graph().same(graph)) {
            return Err(TraceError::new("function", format!("output {:?} belongs to another graph", t)));
        }
        let mut seen = std::collections::HashSet::new();
        for (name, _) in outputs {
            let name = name.as_ref();
            if name.is_empty() {
                return Err(TraceError::new("function", "an output needs a name"));
            }
            if !seen.insert(name) {
                return Err(TraceError::new("function", format!("two outputs are named `{}`", name)));
            }
        }
        let n = graph.params().len();
        Ok(Function {
            name: graph.name(),
            graph: graph.clone(),
            outputs: outputs.iter().map(|(_, t)| t.clone()).collect(),
            output_names: outputs.iter().map(|(n, _)| n.as_ref().to_string()).collect(),
            donation: vec![Donation::None; n],
            sharding: vec![None; n],
        })
    }

    /// The outputs' names, in order.
    pub fn output_names(&self) -> &[String] {
        &self.output_names
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

    /// The parameter named `param` is updated in place into the output named `output`.
    pub fn alias_named(self, param: &str, output: &str) -> TraceResult<Function> {
        let params = self.params();
        let mut found = params.iter().enumerate().filter(|(_, p)| p.name == param).map(|(i, _)| i);
        let p = match (found.next(), found.next()) {
            (Some(i), None) => i,
            (None, _) => return Err(TraceError::new("alias", format!("no parameter named `{}`", param))),
            (Some(_), Some(_)) => return Err(TraceError::new("alias", format!("several parameters are named `{}`", param))),
        };
        let o = self
            .output_names
            .iter()
            .position(|n| n == output)
            .ok_or_else(|| TraceError::new("alias", format!("no output named `{}`", output)))?;
        self.alias(p, o)
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

    /// StableHLO text of the module (one public `@main`): the text of `lower()`.
    pub fn to_stablehlo(&self) -> String {
        self.lower().into_text()
    }

    /// Lowers to StableHLO, keeping the names and types of `@main`'s parameters and results.
    pub fn lower(&self) -> Lowered {
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
        let inputs = params
            .into_iter()
            .zip(self.donation.iter().zip(&self.sharding))
            .map(|(p, (donation, sharding))| LoweredInput {
                name: p.name,
                ty: p.ty,
                donation: donation.clone(),
                sharding: sharding.clone(),
            })
            .collect();
        let outputs = self.output_names.iter().zip(out_tys).map(|(name, ty)| LoweredOutput { name: name.clone(), ty }).collect();
        Lowered::new(self.name.clone(), e.finish(), inputs, outputs)
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
