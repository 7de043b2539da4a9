//! The path builder: a model declares each parameter once, where it uses it.
//!
//! `vb.pp("patch_embed").pp("proj").weight("weight", &[d, c, p, p], init)` names the parameter
//! `patch_embed.proj.weight`, records its shape, initializer and weight-decay group, and returns
//! the traced tensor. Under `vb.stacked("blocks", depth)` the path gains the layer placeholder
//! (`blocks.*.norm1.weight`) and the shape a leading depth axis, so a block stack is one scan.
//!
//! A builder either declares the parameters as inputs of a graph, in the order they are asked
//! for (`Vars::new`: a model's specs come from building it on a scratch graph), or reads them
//! from parameters declared elsewhere (`Vars::bind`: a training step's inputs), checking each
//! shape against the declaration.
//!
//! ```
//! use bamboo::graph::{DType, Graph};
//! use bamboo::weights::{Init, Vars};
//! let vb = Vars::new(&Graph::new("classifier"), DType::F32);
//! let head = vb.pp("head").weight("weight", &[10, 64], Init::TruncNormal(0.02))?;
//! let scale = vb.stacked("blocks", 12)?.pp("norm1").no_decay("weight", &[64], Init::Ones)?;
//! assert_eq!((head.dims(), scale.dims()), (&[10, 64][..], &[12, 64][..]));
//! let specs = vb.specs();
//! assert_eq!(specs.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["head.weight", "blocks.*.norm1.weight"]);
//! assert!(specs[1].is_no_decay() && specs[1].layers() == Some(12));
//! # Ok::<(), bamboo::graph::TraceError>(())
//! ```

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::params::Params;
use super::spec::{Init, ParamSpec, LAYER};
use crate::graph::{DType, Graph, Tensor, TraceError, TraceResult};

/// Which weight-decay group a parameter belongs to (the public recipes decay matrices, not
/// biases, norms, position embeddings or cls / mask tokens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decay {
    Yes,
    No,
}

enum Source {
    /// Parameters become inputs of this graph as they are declared.
    Declare { graph: Graph, dtype: DType, made: BTreeMap<String, Tensor> },
    /// Parameters already traced, by name.
    Bound(Params),
}

struct Declared {
    source: Source,
    specs: Vec<ParamSpec>,
}

/// A position in a model's parameter tree; cheap to clone, all clones share what was declared.
#[derive(Clone)]
pub struct Vars {
    shared: Rc<RefCell<Declared>>,
    path: String,
    /// The depth of the stack this path is in, if any.
    depth: Option<i64>,
}

impl Vars {
    /// A builder that declares every parameter as an input of `g`, in `dtype`.
    pub fn new(g: &Graph, dtype: DType) -> Vars {
        Vars::with(Source::Declare { graph: g.clone(), dtype, made: BTreeMap::new() })
    }

    /// A builder that reads parameters traced elsewhere, by their full names.
    pub fn bind(p: &Params) -> Vars {
        Vars::with(Source::Bound(p.clone()))
    }

    fn with(source: Source) -> Vars {
        Vars { shared: Rc::new(RefCell::new(Declared { source, specs: vec![] })), path: String::new(), depth: None }
    }

    /// The path one level down (`vb.pp("attn")`).
    pub fn pp(&self, segment: &str) -> Vars {
        Vars { shared: self.shared.clone(), path: self.join(segment), depth: self.depth }
    }

    /// A stack of `depth` layers under `segment`: paths gain `.*`, shapes a leading depth axis.
    pub fn stacked(&self, segment: &str, depth: i64) -> TraceResult<Vars> {
        if self.depth.is_some() {
            return Err(TraceError::new("vars", format!("`{}` is already inside a stack", self.join(segment))));
        }
        Ok(Vars { shared: self.shared.clone(), path: format!("{}.{}", self.join(segment), LAYER), depth: Some(depth) })
    }

    /// The full name of `name` at this path.
    pub fn join(&self, name: &str) -> String {
        match (self.path.is_empty(), name.is_empty()) {
            (true, _) => name.to_string(),
            (_, true) => self.path.clone(),
            _ => format!("{}.{}", self.path, name),
        }
    }

    /// A parameter of (per-layer) `shape`, initialized by `init`, in weight-decay group `decay`.
    pub fn get(&self, name: &str, shape: &[i64], init: Init, decay: Decay) -> TraceResult<Tensor> {
        let spec = ParamSpec { decay: decay == Decay::Yes, ..ParamSpec::new(self.join(name), &self.full(shape), init) };
        self.declare(spec)
    }

    /// A weight matrix (or convolution kernel, or embedding table) that weight decay applies to.
    pub fn weight(&self, name: &str, shape: &[i64], init: Init) -> TraceResult<Tensor> {
        self.get(name, shape, init, Decay::Yes)
    }

    /// A parameter weight decay leaves alone (biases, norms, position embeddings, tokens).
    pub fn no_decay(&self, name: &str, shape: &[i64], init: Init) -> TraceResult<Tensor> {
        self.get(name, shape, init, Decay::No)
    }

    /// A parameter that is loaded but never trained (MAE's sin-cos position embeddings).
    pub fn fixed(&self, name: &str, shape: &[i64], values: Vec<f64>) -> TraceResult<Tensor> {
        self.declare(ParamSpec { decay: false, ..ParamSpec::fixed(self.join(name), &self.full(shape), values) })
    }

    /// Every parameter declared through this builder (or any clone of it) so far, in order.
    pub fn specs(&self) -> Vec<ParamSpec> {
        self.shared.borrow().specs.clone()
    }

    fn full(&self, shape: &[i64]) -> Vec<i64> {
        self.depth.iter().copied().chain(shape.iter().copied()).collect()
    }

    /// A name asked for twice (tied weights) gives the same tensor, if the shapes agree.
    fn declare(&self, spec: ParamSpec) -> TraceResult<Tensor> {
        let mut d = self.shared.borrow_mut();
        let t = match &mut d.source {
            Source::Declare { graph, dtype, made } => {
                if let Some(t) = made.get(&spec.name) {
                    return same_shape(&spec, t).map(|_| t.clone());
                }
                let t = graph.param(&spec.name, &spec.shape, *dtype);
                made.insert(spec.name.clone(), t.clone());
                t
            }
            Source::Bound(p) => {
                let t = p.get(&spec.name)?.clone();
                same_shape(&spec, &t)?;
                if d.specs.iter().any(|s| s.name == spec.name) {
                    return Ok(t);
                }
                t
            }
        };
        d.specs.push(spec);
        Ok(t)
    }
}

fn same_shape(spec: &ParamSpec, t: &Tensor) -> TraceResult<()> {
    if t.dims() != spec.shape.as_slice() {
        return Err(TraceError::new("vars", format!("`{}` is declared {:?} but is {}", spec.name, spec.shape, t.ty())));
    }
    Ok(())
}

/// The parameters `declare` asks for, in order, found by building on a scratch graph.
pub fn specs_of<T>(declare: impl FnOnce(&Vars) -> TraceResult<T>) -> TraceResult<Vec<ParamSpec>> {
    let vb = Vars::new(&Graph::new("specs"), DType::F32);
    declare(&vb)?;
    Ok(vb.specs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_shapes_and_groups_come_from_one_declaration() {
        let vb = Vars::new(&Graph::new("t"), DType::F32);
        let w = vb.pp("head").weight("weight", &[3, 4], Init::TruncNormal(0.02)).unwrap();
        let blocks = vb.stacked("blocks", 5).unwrap();
        let b = blocks.pp("norm1").no_decay("bias", &[4], Init::Zeros).unwrap();
        assert_eq!((w.dims(), b.dims()), (&[3i64, 4][..], &[5i64, 4][..]));
        let specs = vb.specs();
        assert_eq!(specs.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["head.weight", "blocks.*.norm1.bias"]);
        assert_eq!((specs[0].is_no_decay(), specs[1].is_no_decay(), specs[1].layers()), (false, true, Some(5)));
        assert!(blocks.stacked("inner", 2).is_err(), "stacks do not nest");
    }

    #[test]
    fn a_tied_name_is_one_parameter_and_a_bound_one_is_checked() {
        let g = Graph::new("t");
        let vb = Vars::new(&g, DType::F32);
        let a = vb.weight("embed", &[8, 2], Init::Zeros).unwrap();
        let b = vb.weight("embed", &[8, 2], Init::Zeros).unwrap();
        assert_eq!((a.id, b.id, vb.specs().len()), (b.id, a.id, 1));
        assert!(vb.weight("embed", &[8, 3], Init::Zeros).is_err());

        let p = Params::from_map([("embed".to_string(), a)].into_iter().collect());
        let bound = Vars::bind(&p);
        assert!(bound.weight("embed", &[8, 2], Init::Zeros).is_ok());
        let wrong = bound.weight("embed", &[2, 8], Init::Zeros).unwrap_err().to_string();
        assert!(wrong.contains("embed") && wrong.contains("[2, 8]"), "{}", wrong);
        assert!(bound.weight("missing", &[1], Init::Zeros).is_err());
    }
}
