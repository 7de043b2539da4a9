//! Element types and static tensor types of the traced IR.

use std::fmt;

/// Element type of a traced tensor: the list the runtime shares, so a traced type binds a host or
/// device value as it is.
pub use crate::element::ElementType as DType;

/// A static shape plus element type: everything the tracer knows about a value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TensorType {
    pub dims: Vec<i64>,
    pub dtype: DType,
}

impl TensorType {
    pub fn new(dims: &[i64], dtype: DType) -> Self {
        TensorType { dims: dims.to_vec(), dtype }
    }

    pub fn rank(&self) -> usize {
        self.dims.len()
    }

    pub fn elem_count(&self) -> i64 {
        self.dims.iter().product()
    }

    /// `tensor<2x3xf32>` as MLIR writes it.
    pub fn mlir(&self) -> String {
        let mut s = String::from("tensor<");
        for d in &self.dims {
            s.push_str(&d.to_string());
            s.push('x');
        }
        s.push_str(self.dtype.mlir());
        s.push('>');
        s
    }
}

impl fmt::Display for TensorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}x{}", self.dims, self.dtype)
    }
}
