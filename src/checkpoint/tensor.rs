//! A host tensor as stored in a checkpoint: dtype, shape and little-endian bytes.

use std::collections::BTreeMap;

use super::dtype::Dtype;

/// Tensors by name; sorted, so files and reports come out in a stable order.
pub type Tensors = BTreeMap<String, TensorData>;

#[derive(Debug, Clone, PartialEq)]
pub struct TensorData {
    pub dtype: Dtype,
    pub shape: Vec<usize>,
    /// Row-major, little-endian, exactly `numel * dtype.size()` bytes.
    pub data: Vec<u8>,
}

/// Bytes that do not hold the elements a dtype and shape ask for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{bytes} bytes for {dtype} {shape:?} (needs {needs})")]
pub struct ByteCountError {
    pub dtype: Dtype,
    pub shape: Vec<usize>,
    pub bytes: usize,
    pub needs: usize,
}

impl TensorData {
    /// Checks that `data` holds exactly the elements `shape` asks for.
    pub fn new(dtype: Dtype, shape: Vec<usize>, data: Vec<u8>) -> Result<TensorData, ByteCountError> {
        let needs = shape.iter().product::<usize>() * dtype.size();
        if data.len() != needs {
            return Err(ByteCountError { dtype, shape, bytes: data.len(), needs });
        }
        Ok(TensorData { dtype, shape, data })
    }

    pub fn numel(&self) -> usize {
        self.shape.iter().product()
    }

    pub fn from_f32(shape: &[usize], values: &[f32]) -> TensorData {
        assert_eq!(shape.iter().product::<usize>(), values.len(), "shape {shape:?} vs {} values", values.len());
        TensorData { dtype: Dtype::F32, shape: shape.to_vec(), data: values.iter().flat_map(|v| v.to_le_bytes()).collect() }
    }

    pub fn from_f64(shape: &[usize], values: &[f64]) -> TensorData {
        assert_eq!(shape.iter().product::<usize>(), values.len(), "shape {shape:?} vs {} values", values.len());
        TensorData { dtype: Dtype::F64, shape: shape.to_vec(), data: values.iter().flat_map(|v| v.to_le_bytes()).collect() }
    }

    pub fn from_i64(shape: &[usize], values: &[i64]) -> TensorData {
        assert_eq!(shape.iter().product::<usize>(), values.len(), "shape {shape:?} vs {} values", values.len());
        TensorData { dtype: Dtype::I64, shape: shape.to_vec(), data: values.iter().flat_map(|v| v.to_le_bytes()).collect() }
    }

    pub fn from_i32(shape: &[usize], values: &[i32]) -> TensorData {
        assert_eq!(shape.iter().product::<usize>(), values.len(), "shape {shape:?} vs {} values", values.len());
        TensorData { dtype: Dtype::I32, shape: shape.to_vec(), data: values.iter().flat_map(|v| v.to_le_bytes()).collect() }
    }

    /// The values as f32, converting from any float type (integers and bools too, for
    /// convenience in tests and comparisons).
    pub fn to_f32(&self) -> Vec<f32> {
        let d = &self.data;
        match self.dtype {
            Dtype::F32 => d.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).collect(),
            Dtype::F64 => d.chunks_exact(8).map(|c| f64::from_le_bytes(c.try_into().unwrap()) as f32).collect(),
            Dtype::BF16 => d.chunks_exact(2).map(|c| half::bf16::from_le_bytes([c[0], c[1]]).to_f32()).collect(),
            Dtype::F16 => d.chunks_exact(2).map(|c| half::f16::from_le_bytes([c[0], c[1]]).to_f32()).collect(),
            Dtype::I64 => d.chunks_exact(8).map(|c| i64::from_le_bytes(c.try_into().unwrap()) as f32).collect(),
            Dtype::I32 => d.chunks_exact(4).map(|c| i32::from_le_bytes(c.try_into().unwrap()) as f32).collect(),
            Dtype::U8 | Dtype::Bool => d.iter().map(|&b| b as f32).collect(),
        }
    }

    /// The values as i64, for integer tensors (token ids, labels, masks); `None` for floats.
    pub fn to_i64(&self) -> Option<Vec<i64>> {
        let d = &self.data;
        Some(match self.dtype {
            Dtype::I64 => d.chunks_exact(8).map(|c| i64::from_le_bytes(c.try_into().unwrap())).collect(),
            Dtype::I32 => d.chunks_exact(4).map(|c| i32::from_le_bytes(c.try_into().unwrap()) as i64).collect(),
            Dtype::U8 | Dtype::Bool => d.iter().map(|&b| b as i64).collect(),
            _ => return None,
        })
    }
}
