//! The traced IR: a graph of nodes appended in topological order, and `Tensor` handles into it.
//!
//! Tracing is ordinary Rust: every op method on `Tensor` checks shapes and dtypes, then appends
//! one node. Nodes are never removed; lowering emits only what the outputs reach.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use super::error::{TraceError, TraceResult};
use super::scan::ScanSpec;
use super::types::{DType, TensorType};

pub type NodeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Exp,
    Log,
    Tanh,
    Erf,
    Rsqrt,
    Sqrt,
    Abs,
    Sign,
    Not,
    Floor,
    Sin,
    Cos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Max,
    Min,
    Pow,
    And,
    Or,
    Xor,
    ShiftLeft,
    ShiftRightLogical,
    Rem,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareDir {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReduceKind {
    Sum,
    Max,
    Min,
}

/// Dimension numbers of `stablehlo.dot_general`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DotDims {
    pub lhs_batch: Vec<i64>,
    pub rhs_batch: Vec<i64>,
    pub lhs_contract: Vec<i64>,
    pub rhs_contract: Vec<i64>,
}

/// Dimension numbers shared by gather and its transpose, scatter-add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatherDims {
    /// Output dims that hold the slice (gather) / update dims that are window dims (scatter).
    pub offset_dims: Vec<i64>,
    /// Operand dims whose slice size is 1 and that are dropped from the output.
    pub collapsed_slice_dims: Vec<i64>,
    /// Operand dim that each component of an index vector addresses.
    pub start_index_map: Vec<i64>,
    pub index_vector_dim: i64,
}

/// A constant's payload: one value splatted, or every element (row-major).
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Splat(f64),
    Dense(Vec<f64>),
}

#[derive(Clone, Debug)]
pub enum Op {
    Parameter {
        index: usize,
    },
    Constant(Literal),
    Iota {
        axis: usize,
    },
    Unary(UnaryOp),
    Binary(BinaryOp),
    Compare(CompareDir),
    Select,
    Convert,
    DotGeneral(DotDims),
    Reduce {
        kind: ReduceKind,
        axes: Vec<usize>,
    },
    Reshape,
    Transpose {
        perm: Vec<usize>,
    },
    BroadcastInDim {
        dims: Vec<usize>,
    },
    Slice {
        start: Vec<i64>,
        limit: Vec<i64>,
        stride: Vec<i64>,
    },
    Concatenate {
        axis: usize,
    },
    Pad {
        low: Vec<i64>,
        high: Vec<i64>,
        interior: Vec<i64>,
    },
    Gather {
        dims: GatherDims,
        slice_sizes: Vec<i64>,
    },
    ScatterAdd {
        dims: GatherDims,
    },
    /// Sorts `keys` along `axis` carrying an index iota; the result is the permutation.
    ArgSort {
        axis: usize,
        descending: bool,
    },
    DynamicSlice {
        sizes: Vec<i64>,
    },
    DynamicUpdateSlice,
    AllReduce {
        kind: ReduceKind,
        groups: Vec<Vec<i64>>,
    },
    /// Cuts the gradient: identity forward, zero cotangent backward.
    StopGradient,
    /// A loop over stacked per-layer inputs; a multi-output node.
    Scan(Rc<ScanSpec>),
    /// Output `k` of a multi-output node.
    Proj(usize),
}

impl Op {
    pub fn name(&self) -> String {
        match self {
            Op::Unary(u) => format!("{:?}", u).to_lowercase(),
            Op::Binary(b) => format!("{:?}", b).to_lowercase(),
            Op::Compare(c) => format!("compare_{:?}", c).to_lowercase(),
            other => {
                let dbg = format!("{:?}", other);
                let end = dbg.find(|c: char| !c.is_alphanumeric()).unwrap_or(dbg.len());
                dbg[..end].to_lowercase()
            }
        }
    }
}

#[derive(Clone, Debug)]
pub struct Node {
    pub op: Op,
    pub inputs: Vec<NodeId>,
    /// One entry per result; single-result ops have exactly one.
    pub outs: Vec<TensorType>,
}

/// A declared function parameter.
#[derive(Clone, Debug)]
pub struct ParamInfo {
    pub name: String,
    pub ty: TensorType,
    pub node: NodeId,
}

#[derive(Debug, Default)]
pub struct GraphData {
    pub name: String,
    pub nodes: Vec<Node>,
    pub params: Vec<ParamInfo>,
}

/// A graph under construction. Cloning shares it.
#[derive(Clone)]
pub struct Graph(pub(crate) Rc<RefCell<GraphData>>);

impl fmt::Debug for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0.borrow();
        write!(f, "Graph({}, {} nodes)", d.name, d.nodes.len())
    }
}

impl Graph {
    pub fn new(name: &str) -> Self {
        Graph(Rc::new(RefCell::new(GraphData { name: name.to_string(), ..Default::default() })))
    }

    pub fn name(&self) -> String {
        self.0.borrow().name.clone()
    }

    pub fn same(&self, other: &Graph) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// Declares the next function parameter.
    pub fn param(&self, name: &str, dims: &[i64], dtype: DType) -> Tensor {
        let ty = TensorType::new(dims, dtype);
        let index = self.0.borrow().params.len();
        let t = self.push(Op::Parameter { index }, vec![], ty.clone());
        self.0.borrow_mut().params.push(ParamInfo { name: name.to_string(), ty, node: t.id });
        t
    }

    pub fn params(&self) -> Vec<ParamInfo> {
        self.0.borrow().params.clone()
    }

    /// Handle for a parameter by position.
    pub fn param_tensor(&self, index: usize) -> Tensor {
        let p = self.0.borrow().params[index].clone();
        self.tensor(p.node, 0)
    }

    pub fn node(&self, id: NodeId) -> Node {
        self.0.borrow().nodes[id].clone()
    }

    pub fn len(&self) -> usize {
        self.0.borrow().nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A handle for a single-result node (or a projection).
    pub(crate) fn tensor(&self, id: NodeId, out: usize) -> Tensor {
        let ty = self.0.borrow().nodes[id].outs[out].clone();
        Tensor { g: self.clone(), id, ty }
    }

    /// Appends a single-result node whose type has already been checked.
    pub(crate) fn push(&self, op: Op, inputs: Vec<NodeId>, ty: TensorType) -> Tensor {
        let id = self.push_multi(op, inputs, vec![ty.clone()]);
        Tensor { g: self.clone(), id, ty }
    }

    pub(crate) fn push_multi(&self, op: Op, inputs: Vec<NodeId>, outs: Vec<TensorType>) -> NodeId {
        let mut d = self.0.borrow_mut();
        d.nodes.push(Node { op, inputs, outs });
        d.nodes.len() - 1
    }

    /// Swaps a node's op and result types in place (autodiff widens a scan to also return the
    /// residuals its backward pass needs; existing results keep their indices).
    pub(crate) fn replace(&self, id: NodeId, op: Op, outs: Vec<TensorType>) {
        let mut d = self.0.borrow_mut();
        d.nodes[id].op = op;
        d.nodes[id].outs = outs;
    }

    /// The results of a multi-output node as tensors (projection nodes).
    pub(crate) fn project_all(&self, id: NodeId) -> Vec<Tensor> {
        let outs = self.0.borrow().nodes[id].outs.clone();
        outs.into_iter().enumerate().map(|(k, ty)| self.push(Op::Proj(k), vec![id], ty)).collect()
    }

    /// A constant of one value.
    pub fn splat(&self, value: f64, dims: &[i64], dtype: DType) -> Tensor {
        self.push(Op::Constant(Literal::Splat(value)), vec![], TensorType::new(dims, dtype))
    }

    pub fn scalar(&self, value: f64, dtype: DType) -> Tensor {
        self.splat(value, &[], dtype)
    }

    pub fn zeros(&self, dims: &[i64], dtype: DType) -> Tensor {
        self.splat(0.0, dims, dtype)
    }

    /// A constant holding every element (row-major); values are converted to `dtype`.
    pub fn constant(&self, values: &[f64], dims: &[i64], dtype: DType) -> TraceResult<Tensor> {
        let ty = TensorType::new(dims, dtype);
        if ty.elem_count() as usize != values.len() {
            return Err(TraceError::new("constant", format!("{} values given for shape {}", values.len(), ty)));
        }
        Ok(self.push(Op::Constant(Literal::Dense(values.to_vec())), vec![], ty))
    }

    /// `iota` along `axis`: element i of that axis holds i.
    pub fn iota(&self, dims: &[i64], axis: usize, dtype: DType) -> TraceResult<Tensor> {
        if axis >= dims.len() {
            return Err(TraceError::new("iota", format!("axis {} out of range for shape {:?}", axis, dims)));
        }
        Ok(self.push(Op::Iota { axis }, vec![], TensorType::new(dims, dtype)))
    }
}

/// A traced value: a node of a graph with its static type.
#[derive(Clone)]
pub struct Tensor {
    pub(crate) g: Graph,
    pub(crate) id: NodeId,
    pub(crate) ty: TensorType,
}

impl fmt::Debug for Tensor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tensor(%{} {})", self.id, self.ty)
    }
}

impl Tensor {
    pub fn dims(&self) -> &[i64] {
        &self.ty.dims
    }

    pub fn dim(&self, axis: usize) -> i64 {
        self.ty.dims[axis]
    }

    pub fn rank(&self) -> usize {
        self.ty.dims.len()
    }

    pub fn dtype(&self) -> DType {
        self.ty.dtype
    }

    pub fn ty(&self) -> &TensorType {
        &self.ty
    }

    pub fn graph(&self) -> &Graph {
        &self.g
    }

    pub fn id(&self) -> NodeId {
        self.id
    }

    pub fn elem_count(&self) -> i64 {
        self.ty.elem_count()
    }
}
