//! Host-side tensors: a type tag, dimensions and the raw bytes, dense row-major in native byte
//! order, which is exactly what `PJRT_Client_BufferFromHostBuffer` takes and
//! `PJRT_Buffer_ToHostBuffer` gives back with the default layouts.

use half::{bf16, f16};

use super::error::{Result, RuntimeError};
use super::ffi;

pub use crate::element::ElementType;

/// The PJRT codes of the element types, kept beside the FFI that defines them.
impl ElementType {
    pub(crate) fn to_pjrt(self) -> ffi::PJRT_Buffer_Type {
        match self {
            ElementType::Pred => ffi::PJRT_Buffer_Type_PRED,
            ElementType::U8 => ffi::PJRT_Buffer_Type_U8,
            ElementType::I32 => ffi::PJRT_Buffer_Type_S32,
            ElementType::I64 => ffi::PJRT_Buffer_Type_S64,
            ElementType::U32 => ffi::PJRT_Buffer_Type_U32,
            ElementType::F16 => ffi::PJRT_Buffer_Type_F16,
            ElementType::BF16 => ffi::PJRT_Buffer_Type_BF16,
            ElementType::F32 => ffi::PJRT_Buffer_Type_F32,
            ElementType::F64 => ffi::PJRT_Buffer_Type_F64,
        }
    }

    /// `None` for PJRT types bamboo does not handle (s8, u64, complex, fp8, ...).
    pub(crate) fn from_pjrt(t: ffi::PJRT_Buffer_Type) -> Option<ElementType> {
        ElementType::ALL.into_iter().find(|e| e.to_pjrt() == t)
    }
}

/// A Rust scalar type that maps to one `ElementType`.
pub trait NativeType: Copy + 'static {
    const TYPE: ElementType;
    fn append_bytes(self, out: &mut Vec<u8>);
    /// `bytes` has exactly `TYPE.size_bytes()` bytes.
    fn from_bytes(bytes: &[u8]) -> Self;
}

macro_rules! native_number {
    ($t:ty, $e:ident) => {
        impl NativeType for $t {
            const TYPE: ElementType = ElementType::$e;
            fn append_bytes(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_ne_bytes());
            }
            fn from_bytes(bytes: &[u8]) -> Self {
                <$t>::from_ne_bytes(bytes.try_into().expect("element size"))
            }
        }
    };
}
native_number!(u8, U8);
native_number!(i32, I32);
native_number!(i64, I64);
native_number!(u32, U32);
native_number!(f32, F32);
native_number!(f64, F64);
native_number!(f16, F16);
native_number!(bf16, BF16);

impl NativeType for bool {
    const TYPE: ElementType = ElementType::Pred;
    fn append_bytes(self, out: &mut Vec<u8>) {
        out.push(self as u8);
    }
    fn from_bytes(bytes: &[u8]) -> Self {
        bytes[0] != 0
    }
}

/// A dense row-major tensor in host memory.
#[derive(Debug, Clone, PartialEq)]
pub struct HostTensor {
    pub ty: ElementType,
    pub dims: Vec<i64>,
    pub data: Vec<u8>,
}

/// Number of elements for `dims`, rejecting negative sizes and overflow.
pub fn element_count(dims: &[i64]) -> Result<usize> {
    dims.iter().try_fold(1usize, |acc, &d| {
        let d = usize::try_from(d).map_err(|_| RuntimeError::invalid(format!("negative dimension {d} in {dims:?}")))?;
        acc.checked_mul(d).ok_or_else(|| RuntimeError::invalid(format!("shape {dims:?} is too large")))
    })
}

macro_rules! typed_api {
    ($($from:ident, $scalar:ident, $to:ident, $to_scalar:ident, $t:ty;)*) => {$(
        #[doc = concat!("A tensor of `", stringify!($t), "` values; `data.len()` must match `dims`.")]
        pub fn $from(dims: &[i64], data: &[$t]) -> Result<HostTensor> {
            HostTensor::from_slice(dims, data)
        }
        #[doc = concat!("A rank-0 tensor holding one `", stringify!($t), "`.")]
        pub fn $scalar(v: $t) -> HostTensor {
            HostTensor::scalar(v)
        }
        #[doc = concat!("The elements as `", stringify!($t), "`; an error if the type differs.")]
        pub fn $to(&self) -> Result<Vec<$t>> {
            self.to_vec::<$t>()
        }
        #[doc = concat!("The single element as `", stringify!($t), "`; an error unless exactly one element of that type.")]
        pub fn $to_scalar(&self) -> Result<$t> {
            self.to_scalar::<$t>()
        }
    )*};
}

impl HostTensor {
    /// Wraps raw bytes, checking that their length fits `ty` and `dims`.
    pub fn new(ty: ElementType, dims: Vec<i64>, data: Vec<u8>) -> Result<HostTensor> {
        let want = element_count(&dims)? * ty.size_bytes();
        if data.len() != want {
            return Err(RuntimeError::invalid(format!(
                "{} bytes given for a {ty} tensor of shape {dims:?}, which needs {want}",
                data.len()
            )));
        }
        Ok(HostTensor { ty, dims, data })
    }

    /// All-zero tensor (false / 0 / +0.0).
    pub fn zeros(ty: ElementType, dims: &[i64]) -> Result<HostTensor> {
        let n = element_count(dims)? * ty.size_bytes();
        Ok(HostTensor { ty, dims: dims.to_vec(), data: vec![0; n] })
    }

    pub fn from_slice<T: NativeType>(dims: &[i64], values: &[T]) -> Result<HostTensor> {
        let n = element_count(dims)?;
        if values.len() != n {
            return Err(RuntimeError::invalid(format!("{} values given for shape {dims:?}, which holds {n}", values.len())));
        }
        let mut data = Vec::with_capacity(n * T::TYPE.size_bytes());
        for &v in values {
            v.append_bytes(&mut data);
        }
        Ok(HostTensor { ty: T::TYPE, dims: dims.to_vec(), data })
    }

    pub fn scalar<T: NativeType>(v: T) -> HostTensor {
        let mut data = Vec::with_capacity(T::TYPE.size_bytes());
        v.append_bytes(&mut data);
        HostTensor { ty: T::TYPE, dims: Vec::new(), data }
    }

    pub fn to_vec<T: NativeType>(&self) -> Result<Vec<T>> {
        if self.ty != T::TYPE {
            return Err(RuntimeError::invalid(format!("tensor holds {} values, not {}", self.ty, T::TYPE)));
        }
        Ok(self.data.chunks_exact(self.ty.size_bytes()).map(T::from_bytes).collect())
    }

    pub fn to_scalar<T: NativeType>(&self) -> Result<T> {
        let v = self.to_vec::<T>()?;
        match v.as_slice() {
            [x] => Ok(*x),
            _ => Err(RuntimeError::invalid(format!("expected a single element, tensor has shape {:?}", self.dims))),
        }
    }

    pub fn element_count(&self) -> usize {
        self.data.len() / self.ty.size_bytes()
    }

    /// The MLIR tensor type, e.g. `tensor<2x3xf32>` (`tensor<f32>` for a scalar).
    pub fn mlir_type(&self) -> String {
        let mut s = String::from("tensor<");
        for d in &self.dims {
            s.push_str(&format!("{d}x"));
        }
        s.push_str(self.ty.mlir());
        s.push('>');
        s
    }

    typed_api! {
        from_f32, scalar_f32, to_f32, to_scalar_f32, f32;
        from_f64, scalar_f64, to_f64, to_scalar_f64, f64;
        from_i32, scalar_i32, to_i32, to_scalar_i32, i32;
        from_i64, scalar_i64, to_i64, to_scalar_i64, i64;
        from_u32, scalar_u32, to_u32, to_scalar_u32, u32;
        from_u8, scalar_u8, to_u8, to_scalar_u8, u8;
        from_bool, scalar_bool, to_bool, to_scalar_bool, bool;
        from_bf16, scalar_bf16, to_bf16, to_scalar_bf16, bf16;
        from_f16, scalar_f16, to_f16, to_scalar_f16, f16;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_type_checks() {
        let t = HostTensor::from_f32(&[2, 2], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!(t.data.len(), 16);
        assert_eq!(t.to_f32().unwrap(), vec![1.0, 2.0, 3.0, 4.0]);
        assert!(t.to_f64().is_err());
        assert!(t.to_scalar_f32().is_err());
        assert_eq!(t.mlir_type(), "tensor<2x2xf32>");

        let b = HostTensor::from_bool(&[3], &[true, false, true]).unwrap();
        assert_eq!(b.data, vec![1, 0, 1]);
        assert_eq!(b.to_bool().unwrap(), vec![true, false, true]);

        let h = HostTensor::from_bf16(&[1], &[bf16::from_f32(1.5)]).unwrap();
        assert_eq!(h.to_bf16().unwrap()[0].to_f32(), 1.5);

        let s = HostTensor::scalar_i64(-7);
        assert!(s.dims.is_empty());
        assert_eq!(s.to_scalar_i64().unwrap(), -7);
        assert_eq!(s.mlir_type(), "tensor<i64>");
    }

    #[test]
    fn rejects_bad_shapes() {
        assert!(HostTensor::from_f32(&[2, 3], &[1.0; 5]).is_err());
        assert!(HostTensor::from_f32(&[-1], &[]).is_err());
        assert!(HostTensor::new(ElementType::F64, vec![2], vec![0; 15]).is_err());
        assert_eq!(HostTensor::zeros(ElementType::I32, &[0, 5]).unwrap().element_count(), 0);
    }

    #[test]
    fn pjrt_codes_round_trip() {
        for t in ElementType::ALL {
            assert_eq!(ElementType::from_pjrt(t.to_pjrt()), Some(t));
        }
        assert_eq!(ElementType::from_pjrt(ffi::PJRT_Buffer_Type_S8), None);
    }
}
