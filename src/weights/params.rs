//! The traced parameters of one program, by name.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::spec::ParamSpec;
use crate::graph::{DType, Graph, Tensor, TraceError, TraceResult};

/// Traced parameters by name. Shared, not copied, when cloned: every `Vars::bind` holds one.
#[derive(Clone, Default)]
pub struct Params(Rc<BTreeMap<String, Tensor>>);

impl Params {
    /// Declares every spec as a parameter of `g`, in order.
    pub fn declare(g: &Graph, specs: &[ParamSpec], dtype: DType) -> Params {
        Params(Rc::new(specs.iter().map(|s| (s.name.clone(), g.param(&s.name, &s.shape, dtype))).collect()))
    }

    pub fn from_map(m: BTreeMap<String, Tensor>) -> Params {
        Params(Rc::new(m))
    }

    pub fn get(&self, name: &str) -> TraceResult<&Tensor> {
        self.0.get(name).ok_or_else(|| TraceError::new("params", format!("no parameter named `{}`", name)))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Tensor)> {
        self.0.iter()
    }
}
