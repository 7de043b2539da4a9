//! The element types bamboo traces and moves between host and device: one list that the tracer
//! (`graph::DType`) and the runtime (`runtime::ElementType`) share, so neither needs the other.

use std::fmt;

/// Element type of a tensor, traced or on a device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementType {
    Pred,
    U8,
    I32,
    I64,
    U32,
    F16,
    BF16,
    F32,
    F64,
}

impl ElementType {
    pub const ALL: [ElementType; 9] = [
        ElementType::Pred,
        ElementType::U8,
        ElementType::I32,
        ElementType::I64,
        ElementType::U32,
        ElementType::F16,
        ElementType::BF16,
        ElementType::F32,
        ElementType::F64,
    ];

    /// The MLIR spelling, as used in `tensor<2x3xf32>`.
    pub fn mlir(self) -> &'static str {
        match self {
            ElementType::Pred => "i1",
            ElementType::U8 => "ui8",
            ElementType::I32 => "i32",
            ElementType::I64 => "i64",
            ElementType::U32 => "ui32",
            ElementType::F16 => "f16",
            ElementType::BF16 => "bf16",
            ElementType::F32 => "f32",
            ElementType::F64 => "f64",
        }
    }

    pub fn is_float(self) -> bool {
        matches!(self, ElementType::F16 | ElementType::BF16 | ElementType::F32 | ElementType::F64)
    }

    pub fn is_int(self) -> bool {
        matches!(self, ElementType::U8 | ElementType::I32 | ElementType::I64 | ElementType::U32)
    }

    pub fn is_unsigned(self) -> bool {
        matches!(self, ElementType::U8 | ElementType::U32 | ElementType::Pred)
    }

    /// Bytes per element, on the host and in a traced constant (a `pred` is one byte, 0 or 1).
    pub fn size_bytes(self) -> usize {
        match self {
            ElementType::Pred | ElementType::U8 => 1,
            ElementType::F16 | ElementType::BF16 => 2,
            ElementType::I32 | ElementType::U32 | ElementType::F32 => 4,
            ElementType::I64 | ElementType::F64 => 8,
        }
    }
}

impl fmt::Display for ElementType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.mlir())
    }
}
